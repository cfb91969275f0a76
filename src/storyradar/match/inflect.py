"""Case endings of Ukrainian, Russian and Polish place names (rules as data, applied to the last word)."""

from __future__ import annotations

# Each rule: (ending to replace, [(new ending, case label), ...]); the longest matching ending wins.
UK_RULES: list[tuple[str, list[tuple[str, str]]]] = [
    ("ська", [("ської", "gen"), ("ській", "loc"), ("ською", "ins"), ("ську", "acc")]),
    ("ське", [("ського", "gen"), ("ському", "loc"), ("ським", "ins")]),
    ("не", [("ного", "gen"), ("ному", "loc"), ("ним", "ins")]),
    ("ка", [("ки", "gen"), ("ці", "loc"), ("кою", "ins"), ("ку", "acc")]),
    ("га", [("ги", "gen"), ("зі", "loc"), ("гою", "ins"), ("гу", "acc")]),
    ("ха", [("хи", "gen"), ("сі", "loc"), ("хою", "ins"), ("ху", "acc")]),
    ("я", [("і", "gen"), ("ею", "ins"), ("ям", "ins"), ("ю", "acc")]),
    ("а", [("и", "gen"), ("і", "loc"), ("ою", "ins"), ("у", "acc")]),
    ("ськ", [("ська", "gen"), ("ську", "loc"), ("ському", "loc"), ("ськом", "ins")]),
    ("цьк", [("цька", "gen"), ("цьку", "loc"), ("цьком", "ins")]),
    ("ів", [("ова", "gen"), ("ові", "loc"), ("овом", "ins")]),
    ("о", [("а", "gen"), ("і", "loc"), ("ом", "ins")]),
    ("", [("а", "gen"), ("у", "gen"), ("і", "loc"), ("ові", "dat"), ("ом", "ins")]),
]

RU_RULES: list[tuple[str, list[tuple[str, str]]]] = [
    ("ская", [("ской", "gen"), ("скую", "acc")]),
    ("ское", [("ского", "gen"), ("ском", "loc"), ("ским", "ins")]),
    ("ое", [("ого", "gen"), ("ом", "loc"), ("ым", "ins")]),
    ("ка", [("ки", "gen"), ("ке", "loc"), ("кой", "ins"), ("ку", "acc")]),
    ("га", [("ги", "gen"), ("ге", "loc"), ("гой", "ins"), ("гу", "acc")]),
    ("ха", [("хи", "gen"), ("хе", "loc"), ("хой", "ins"), ("ху", "acc")]),
    ("ца", [("цы", "gen"), ("це", "loc"), ("цей", "ins"), ("цу", "acc")]),
    ("я", [("и", "gen"), ("е", "loc"), ("ей", "ins"), ("ю", "acc")]),
    ("а", [("ы", "gen"), ("е", "loc"), ("ой", "ins"), ("у", "acc")]),
    ("ь", [("и", "gen"), ("ью", "ins"), ("я", "gen"), ("е", "loc"), ("ем", "ins")]),
    ("о", [("а", "gen"), ("е", "loc"), ("ом", "ins")]),
    ("", [("а", "gen"), ("е", "loc"), ("ом", "ins"), ("у", "dat")]),
]

PL_RULES: list[tuple[str, list[tuple[str, str]]]] = [
    ("ka", [("ki", "gen"), ("ce", "loc"), ("kę", "acc"), ("ką", "ins")]),
    ("ga", [("gi", "gen"), ("dze", "loc"), ("gę", "acc"), ("gą", "ins")]),
    ("cha", [("chy", "gen"), ("sze", "loc"), ("chę", "acc"), ("chą", "ins")]),
    ("a", [("y", "gen"), ("ie", "loc"), ("ę", "acc"), ("ą", "ins")]),
    ("o", [("a", "gen"), ("ie", "loc"), ("em", "ins")]),
    ("", [("a", "gen"), ("u", "gen"), ("ie", "loc"), ("em", "ins")]),
]

RULES = {"uk": UK_RULES, "ru": RU_RULES, "pl": PL_RULES}
_VOWEL_END = set("аеєиіїоуюяыэёaeiouyąęó")


def inflect(form: str, language: str) -> list[tuple[str, str]]:
    """Inflected forms of a place name in ``language`` (uk, ru, pl): ``[(form, case), ...]``.

    Only the last word changes (``Нова Каховка`` → ``Нова Каховці`` is not produced; agreement of
    adjectives is out of scope). A consonant ending uses the ``""`` rule; a vowel ending without a
    rule yields nothing (indeclinable names).
    """
    head, _, last = form.rpartition(" ")
    prefix = f"{head} " if head else ""
    low = last.lower()
    for ending, outs in RULES[language]:
        if ending == "" and low and low[-1] in _VOWEL_END:
            return []
        if low.endswith(ending) and len(low) > len(ending) + 2:
            stem = last[: len(last) - len(ending)] if ending else last
            return [(prefix + stem + new, case) for new, case in outs]
    return []
