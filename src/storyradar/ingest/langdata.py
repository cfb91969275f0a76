"""Language data for ingest: the news languages to detect, locale aliases and script hints."""

from __future__ import annotations

#: ISO 639-1 codes the detector chooses among (the ~20 most common languages of news coverage).
NEWS_LANGUAGES = (
    "en", "uk", "ru", "de", "pl", "fr", "es", "it", "pt", "nl",
    "ar", "tr", "he", "fa", "zh", "ja", "ko", "cs", "ro", "hu",
)

#: Non-standard codes seen in the wild for a language, mapped to ISO 639-1.
LANGUAGE_ALIASES = {
    "ua": "uk",  # country code used as a language code
    "iw": "he",  # pre-1989 code for Hebrew
    "jp": "ja",
    "cz": "cs",
    "gr": "el",
    "per": "fa",
    "farsi": "fa",
    "english": "en",
    "ukrainian": "uk",
    "russian": "ru",
    "german": "de",
    "polish": "pl",
    "french": "fr",
    "spanish": "es",
}

#: Letters found in one Cyrillic news language and not in the other.
UKRAINIAN_ONLY = set("іїєґІЇЄҐ")
RUSSIAN_ONLY = set("ыэъёЫЭЪЁ")
#: Letters of Persian not used in Arabic.
PERSIAN_ONLY = set("پچژگ")

#: Unicode ranges of scripts that point to one language among NEWS_LANGUAGES.
SCRIPT_RANGES = {
    "hebrew": ((0x0590, 0x05FF),),
    "arabic": ((0x0600, 0x06FF), (0x0750, 0x077F), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)),
    "hangul": ((0xAC00, 0xD7AF), (0x1100, 0x11FF), (0x3130, 0x318F)),
    "kana": ((0x3040, 0x30FF),),
    "han": ((0x4E00, 0x9FFF), (0x3400, 0x4DBF)),
    "cyrillic": ((0x0400, 0x04FF),),
}

#: Below this many letters a statistical detector is unreliable: use script hints only.
SHORT_TEXT_LETTERS = 40
