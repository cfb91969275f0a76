"""Data: phrases that look like speakers but are not (events, places, headline labels, time adverbials)."""

from __future__ import annotations

import re

#: Event nouns (and stems) that can stand before a cue verb but never speak ("Explosion reported at ...").
EVENT_NOUNS = {
    "explosion", "explosions", "blast", "blasts", "fire", "fires", "strike", "strikes", "attack", "attacks",
    "shelling", "detonation", "impact", "airstrike", "air-strike", "gunfire", "smoke", "damage", "casualties",
    "вибух", "вибухи", "пожежа", "пожежу", "удар", "удари", "атака", "атаку", "обстріл", "влучання",
    "взрыв", "взрывы", "пожар", "обстрел", "попадание",
    "feuer", "angriff", "anschlag", "einschlag", "beschuss",
    "eksplozja", "eksplozje", "wybuch", "wybuchy", "pożar", "atak", "ataki", "ostrzał", "uderzenie",
}
#: German compounds end in these ("Raketenangriff", "Großbrand").
EVENT_SUFFIXES = ("angriff", "anschlag", "explosion", "brand", "einschlag", "beschuss")
#: Prepositions that open a place phrase ("в раді", "in the council", "w ratuszu"): never a speaker's start.
LOCATIVE_PREPS = {
    "in", "at", "inside", "near", "в", "у", "во", "на", "при", "im", "in der", "w", "we", "na", "dans", "à", "en",
}
#: Headline labels before a colon that name no speaker ("Update: ...", "Live: ...").
HEADLINE_LABELS = {
    "update", "updated", "live", "breaking", "exclusive", "analysis", "opinion", "video", "photos", "photo",
    "watch", "explainer", "factbox", "timeline", "correction", "editorial", "comment", "interview", "latest",
    "оновлено", "онлайн", "відео", "фото", "важливо", "терміново", "обновлено", "видео", "срочно", "важно",
    "aktualisiert", "eilmeldung", "liveblog", "kommentar", "aktualizacja", "pilne", "relacja", "wideo",
    "zdjęcia", "komentarz", "direct", "en direct", "última hora", "directo",
}
#: Time adverbials that may stand between a speaker and its cue ("X od miesięcy oskarża", "X for months accused").
_UNITS = (r"(?:months?|years?|weeks?|days?|decades?|a\s+long\s+time|"
          r"місяц\w*|рок\w*|рік|літ|тижн\w*|дн\w*|месяц\w*|год\w*|лет|недел\w*|"
          r"monat\w*|jahr\w*|woch\w*|tag\w*|"
          r"miesi\w*|lat|tygodni\w*|dni|dawna|mois|ans|semaines|meses|años|semanas)")
_PREP = r"(?:for|over|in\s+recent|already\s+for|od|przez|вже|уже|ще|протягом|в\s+течение|seit|depuis|desde\s+hace|durante)"
_QUANT = r"(?:\s+(?:several|many|the\s+past|the\s+last|кілька|декілька|багато|несколько|много|kilku|kilka|wielu|mehreren|vielen|plusieurs|varios)){0,2}"
TIME_ADVERBIAL = re.compile(
    rf"(?:(?<=\s)|^)(?:{_PREP}{_QUANT}|кілька|декілька|несколько)\s+{_UNITS}(?=\s|$)"
    rf"|(?:(?<=\s)|^)(?:вже|уже)\s+(?:кілька|декілька|несколько|много|багато)\s+{_UNITS}(?=\s|$)",
    re.IGNORECASE,
)
