"""Responsibility phrases: who a text blames ("a Norland missile", "a strike by X") — actors only."""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz
from unidecode import unidecode

from .lexicon import Lexicon, alternation
from .records import Span

#: Upper-case letters of the built-in languages' scripts.
UPPER = "A-ZÀ-ÖØ-ÞĄĆĘŁŃŚŹŻА-ЯЁІЇЄҐ"
CAP_WORD = rf"[{UPPER}][\w'’.-]*"
CAP_NAME = rf"{CAP_WORD}(?:[ -]{CAP_WORD}){{0,2}}"
#: Function words that may open a capitalised phrase but never name an actor, in every built-in language.
FUNCTION_WORDS = {
    "a", "an", "the", "this", "that", "these", "those", "it", "in", "on", "at", "one", "another", "its", "their",
    "his", "her", "after", "before", "when", "while", "during", "but", "and", "second", "first", "new", "last",
    "every", "each", "any", "no", "some", "such", "cruise", "ballistic", "guided", "heavy", "deadly", "so",
    "der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "le", "la", "les", "l", "un",
    "une", "du", "de", "el", "los", "las", "una", "uno", "del", "do", "w", "we", "na", "po", "z", "i",
    "у", "в", "на", "по", "з", "із", "зі", "с", "со", "и", "і", "та", "це", "это", "was", "were", "is",
}
#: Adjective shapes that can name an actor, per language ("норландської", "estowische", "norlandaise").
ADJ_SUFFIX = {
    "uk": r"\w+(?:ськ|цьк|зьк)\w*", "ru": r"\w+(?:ск|цк)\w*", "pl": r"\w+(?:sk|ck|dzk)\w*",
    "de": r"\w+isch\w*", "fr": r"\w+(?:ien|ienne|iens|iennes|ais|aise|aises|ois|oise)",
    "es": r"\w+(?:io|ia|ano|ana|és|esa|í)",
}
_MOD = r"(?:(?:air[- ]defen[cs]e|anti-aircraft|cruise|ballistic|guided|artillery|military|army|\w+-\w+)\s+)?"
#: Punctuation never kept at the end of a blamed party ("Federację Estowską." -> "Federację Estowską").
TARGET_TRIM = " .,;:!?…"
_SENT_START = re.compile(r"(?:^|[.!?…:\n]\s*|[«„“\"]\s*)$")


def _alt(lex: Lexicon, name: str) -> str:
    """A list field as a bare alternation (no left word boundary, so compounds end in it)."""
    return alternation(lex.data.get(name, [])).pattern.replace("(?<![\\w'’-])", "")


@lru_cache(maxsize=32)
def blame_patterns(lex: Lexicon) -> list[tuple[str, re.Pattern[str]]]:
    """(name, regex) pairs; each has an ``actor`` group and a ``w`` group (the weapon or force)."""
    weapons, forces, attacks = _alt(lex, "WEAPONS"), _alt(lex, "FORCES"), _alt(lex, "ATTACK_VERBS")
    misfire = _alt(lex, "MISFIRE")
    agents = alternation(lex.data.get("AGENT_MARKERS", [])).pattern
    det = alternation(lex.data.get("DETERMINERS", [])).pattern
    adj = ADJ_SUFFIX.get(lex.lang)
    post_adj = rf"(?:\s+(?-i:(?=[^\W\d{UPPER}]){ADJ_SUFFIX[lex.lang]})(?!\w))?" if lex.lang in ("fr", "es") else ""
    actor_np = rf"(?:{det}\s+|l['’])?(?P<actor>(?-i:{CAP_NAME}){post_adj})"
    pats: list[tuple[str, re.Pattern[str]]] = []
    # "a strike on civilians by the Estovian Federation", "удар ... з боку Естовської Федерації"
    pats.append(("agent", re.compile(
        rf"(?P<w>{weapons})(?:[\s,]+[^\s.!?;:]+){{0,8}}?\s+(?P<agent>{agents}\s+{actor_np})", re.I)))
    if adj and lex.lang not in ("fr", "es"):  # Romance adjectives follow their noun
        pats.append(("adj-weapon", re.compile(rf"(?<!\w)(?P<actor>{adj})\s+{_MOD}(?:\w+\s+)?(?P<w>{weapons})", re.I)))
        pats.append(("adj-misfire", re.compile(rf"(?<!\w)(?P<actor>{adj})\s+(?P<w>{misfire})", re.I)))
        pats.append(("forces-name", re.compile(rf"(?<!\w)(?P<w>{forces})\s+(?P<actor>{CAP_NAME})")))
        pats.append(("adj-forces", re.compile(rf"(?<!\w)(?P<actor>{adj})\s+(?P<w>{forces})", re.I)))
    if adj:
        pats.append(("misfire-adj", re.compile(rf"(?P<w>{misfire})\s+(?P<actor>{adj})(?!\w)", re.I)))
        pats.append(("weapon-adj", re.compile(rf"(?P<w>{weapons})\s+(?P<actor>{adj})(?!\w)", re.I)))
    if lex.lang in ("de", "pl"):  # genitive agent: "Raketenangriff der Estowischen Föderation", "atak rakietowy Federacji"
        pats.append(("genitive", re.compile(
            rf"(?P<w>{weapons}|{misfire})(?:\s+\w+(?:owy|owa|owe|owego|owej|owym))?\s+(?:(?:der|des)\s+)?"
            rf"(?P<actor>(?-i:{CAP_NAME}))",
            re.I)))
    # "a misfired Norland air-defence missile", "defensa antiaérea de Norlandia"
    pats.append(("misfire-of", re.compile(rf"(?P<w>{misfire})\s+(?:of|de|von|z)\s+{actor_np}", re.I)))
    pats.append(("name-weapon", re.compile(rf"(?<![\w'’])(?P<actor>{CAP_NAME})(?:['’]s)?\s+{_MOD}(?P<w>(?i:{weapons}))")))
    pats.append(("name-forces", re.compile(rf"(?<![\w'’])(?P<actor>{CAP_NAME})(?:['’]s)?\s+(?P<w>{forces})\s+{attacks}")))
    pats.append(("launched-by", re.compile(
        rf"(?P<w>{weapons})\s+(?:was\s+|were\s+)?(?:launched|fired|carried\s+out|dropped)\s+by\s+"
        rf"(?:the\s+)?(?P<actor>{CAP_NAME})")))
    return pats


def _stem_hit(word: str, stems: set[str]) -> bool:
    w = word.lower().strip(".,'’")
    return any(w == s or (len(s) >= 4 and w.startswith(s)) for s in stems)


def clean_actor(raw: str, lex: Lexicon) -> str:
    """Drop determiners and function words around an actor phrase ("the Estovian Federation" -> "Estovian Federation")."""
    words = raw.strip(" ,.;:'’\"").removesuffix("'s").removesuffix("’s").split()
    dets = lex.words("DETERMINERS") | FUNCTION_WORDS
    while words and words[0].lower().strip("'’") in dets:
        words = words[1:]
    while words and words[-1].lower() in dets:
        words = words[:-1]
    return " ".join(words)


def actor_ok(actor: str, start: int, text: str, lex: Lexicon, *, strict: bool, opens: bool = True) -> bool:
    """True when ``actor`` can name a state, force, body or group (not an adjective or a function word).

    ``strict`` (a capitalised word right before a weapon) also refuses a lone word opening a sentence
    or headline unless the lexicon knows it as an actor ("Missile strike hits …", "Ракетний удар …");
    ``opens`` says whether the start of ``text`` opens a sentence.
    """
    words = actor.split()
    if not words:
        return False
    weapons = {w.lower() for w in lex.data.get("WEAPONS", [])}
    not_actors = lex.words("NOT_ACTORS")
    first = words[0].lower()
    if first in FUNCTION_WORDS or _stem_hit(first, not_actors) or first in weapons:
        return False
    if any(w.lower() in weapons for w in words):
        return False
    known = any(first.startswith(stem) for stem in lex.data.get("ACTORS", {}))
    at_start = bool(_SENT_START.search(text[max(0, start - 3):start])) if (start or opens) else False
    return not (strict and not known and len(words) == 1 and at_start)


def normalise_actor(actor: str, lex: Lexicon) -> str:
    """An actor as a name: "Russian" -> "Russia", "російська" -> "Russia"; unknown ones cleaned, as written."""
    a = clean_actor(actor, lex)
    low = a.lower()
    for stem, name in lex.data.get("ACTORS", {}).items():
        if low.startswith(stem):
            return name
    return a[:1].upper() + a[1:]


def actor_key(actor: str) -> str:
    """A script- and inflection-blind key for grouping actors across languages.

    Each word is transliterated (unidecode), w→v, and cut to its first six letters; words are sorted.
    "Естовської Федерації" -> "estovs federa", "Federacji Estowskiej" -> "estovs federa".
    """
    words = []
    for w in re.findall(r"\w+", re.sub(r"['’]", "", unidecode(actor).lower())):
        if w in FUNCTION_WORDS or len(w) < 3:
            continue
        w = w.replace("w", "v").replace("ph", "f")
        words.append(w[:6])
    return " ".join(sorted(words))


def same_actor(a: str, b: str) -> bool:
    """True when two actor keys name the same actor: as many words, each pair alike (rapidfuzz ratio ≥ 80).

    "respub" (Республіки) matches "republ" (Republic), "federa" matches "födera"; "merlan" and "valdor"
    do not. Close real names can collide ("estoni" / "estovi"): the key groups forms, it never replaces them.
    """
    ka, kb = a.split(), b.split()
    if not ka or len(ka) != len(kb):
        return False
    return all(fuzz.ratio(p, q) >= 80 for p, q in zip(ka, kb, strict=True))


def find_blame(text: str, lex: Lexicon, *, opens: bool = True) -> tuple[str, str, Span] | None:
    """The first responsibility phrase in text: (as written, normalised actor, span).

    ``opens`` is False when ``text`` is the middle of a sentence (the content of "X said that …").
    """
    mis = lex.misfire_re.search(text) if lex.misfire_re else None
    best: tuple[re.Match[str], str] | None = None
    for name, pat in blame_patterns(lex):
        strict = name in ("name-weapon", "name-forces")
        for m in pat.finditer(text):
            actor = clean_actor(m.group("actor") or "", lex)
            if not actor_ok(actor, m.start("actor"), text, lex, strict=strict, opens=opens):
                continue
            if best is None or m.start() < best[0].start():
                best = (m, actor)
            break
    if best is not None:
        m, actor = best
        norm = normalise_actor(actor, lex)
        if mis and mis.start() <= m.end() + 20 and mis.end() >= m.start() - 40:
            norm += " (air defence / misfire)"
        a = m.start("agent") if "agent" in m.re.groupindex else m.start()
        written = text[a:m.end()].rstrip(TARGET_TRIM)
        return written, norm.rstrip(TARGET_TRIM), (a, a + len(written))
    if mis:
        return mis.group(), "air defence / misfire", (mis.start(), mis.end())
    return None


def reciprocal(content: str, lex: Lexicon) -> bool:
    """True when an accusation's object is mutual ("each other", "się wzajemnie", "друг друга")."""
    low = " ".join(content.lower().split())[:40]
    return any(low.startswith(r) or f" {r}" in low for r in lex.words("RECIPROCAL"))


#: Prepositions opening a "for the attack" phrase placed before the accused ("za atak X", "за удар на X").
_FOR_PREPS = {"za", "за"}


def accused(content: str, lex: Lexicon, stop: set[str]) -> tuple[str, str] | None:
    """The object of an accusation: 'the Norland army of ...' -> ("the Norland army", "Norland army").

    None when the accusation is mutual ("each other", "się wzajemnie") or names nobody.
    """
    if reciprocal(content, lex):
        return None
    split = content.split()
    if split and split[0].lower() in _FOR_PREPS:
        # "obarczyły odpowiedzialnością za atak Federację Estowską", "возложили ответственность за удар на X":
        # the object follows the "for the attack" phrase
        for i, w in enumerate(split[1:5], 1):
            if w[:1].isupper():
                split = split[i:]
                break
    words = []
    for w in split[:6]:
        clean = w.strip(",.;:").lower()
        if clean in stop or clean in lex.words("COMPLEMENTIZERS"):
            break
        words.append(w.strip(",.;:"))
        if w.endswith((",", ";", ":")):
            break
    raw = " ".join(words).rstrip(TARGET_TRIM)
    if not clean_actor(raw, lex):
        return None
    return raw, normalise_actor(raw, lex)
