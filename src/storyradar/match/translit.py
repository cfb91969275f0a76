"""Romanisation schemes for Ukrainian and Russian place names (data tables plus one small transliterator)."""

from __future__ import annotations

_COMMON = {
    "а": "a", "б": "b", "д": "d", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "т": "t", "у": "u", "ф": "f", "ь": "", "ъ": "", "'": "", "ʼ": "", "’": "",
}

#: name -> (language of the source form, base table, table used word-initially, whether the initial
#: table also applies after a vowel/apostrophe, digraph rules applied first)
SCHEMES: dict[str, tuple[str, dict[str, str], dict[str, str], bool, dict[str, str]]] = {
    # Ukrainian national system (Cabinet of Ministers resolution 55, 2010).
    "uk-kmu2010": ("uk", {**_COMMON, "в": "v", "г": "h", "ґ": "g", "е": "e", "є": "ie", "ж": "zh",
                          "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "с": "s", "х": "kh",
                          "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ю": "iu", "я": "ia"},
                   {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}, False, {"зг": "zgh"}),
    # BGN/PCGN 1965 Ukrainian (the form GeoNames often carries: Kostyantynivka).
    "uk-bgn": ("uk", {**_COMMON, "в": "v", "г": "h", "ґ": "g", "е": "e", "є": "ye", "ж": "zh", "з": "z",
                      "и": "y", "і": "i", "ї": "yi", "й": "y", "с": "s", "х": "kh", "ц": "ts", "ч": "ch",
                      "ш": "sh", "щ": "shch", "ю": "yu", "я": "ya"}, {}, False, {}),
    # German (Duden) spelling of Ukrainian names: Kostjantyniwka.
    "uk-de": ("uk", {**_COMMON, "в": "w", "г": "h", "ґ": "g", "е": "e", "є": "je", "ж": "sch", "з": "s",
                     "и": "y", "і": "i", "ї": "ji", "й": "j", "с": "s", "х": "ch", "ц": "z", "ч": "tsch",
                     "ш": "sch", "щ": "schtsch", "ю": "ju", "я": "ja"}, {}, False, {}),
    # Polish spelling of Ukrainian names: Kostiantyniwka (ia/iu/ie after a consonant).
    "uk-pl": ("uk", {**_COMMON, "в": "w", "г": "h", "ґ": "g", "е": "e", "є": "ie", "ж": "ż", "з": "z",
                     "и": "y", "і": "i", "ї": "ji", "й": "j", "с": "s", "х": "ch", "ц": "c", "ч": "cz",
                     "ш": "sz", "щ": "szcz", "ю": "iu", "я": "ia"},
              {"є": "je", "ю": "ju", "я": "ja"}, True, {}),
    # Russian BGN/PCGN 1947: Konstantinovka.
    "ru-bgn": ("ru", {**_COMMON, "в": "v", "г": "g", "е": "e", "ё": "ë", "ж": "zh", "з": "z", "и": "i",
                      "й": "y", "с": "s", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
                      "ы": "y", "э": "e", "ю": "yu", "я": "ya"}, {"е": "ye", "ё": "yë"}, True, {}),
    # Russian GOST 7.79-2000 system B (ASCII).
    "ru-gost": ("ru", {**_COMMON, "в": "v", "г": "g", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i",
                       "й": "j", "с": "s", "х": "x", "ц": "cz", "ч": "ch", "ш": "sh", "щ": "shh",
                       "ы": "y'", "э": "e'", "ю": "yu", "я": "ya"}, {}, False, {}),
    # Russian passports since 2013 (ICAO Doc 9303).
    "ru-icao": ("ru", {**_COMMON, "в": "v", "г": "g", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
                       "й": "i", "с": "s", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
                       "ъ": "ie", "ы": "y", "э": "e", "ю": "iu", "я": "ia"}, {}, False, {}),
    # German (Duden) spelling of Russian names: Konstantinowka.
    "ru-de": ("ru", {**_COMMON, "в": "w", "г": "g", "е": "e", "ё": "jo", "ж": "sch", "з": "s", "и": "i",
                     "й": "j", "с": "s", "х": "ch", "ц": "z", "ч": "tsch", "ш": "sch", "щ": "schtsch",
                     "ы": "y", "э": "e", "ю": "ju", "я": "ja"}, {"е": "je"}, True, {}),
    # Polish spelling of Russian names: Konstantinowka.
    "ru-pl": ("ru", {**_COMMON, "в": "w", "г": "g", "е": "e", "ё": "io", "ж": "ż", "з": "z", "и": "i",
                     "й": "j", "с": "s", "х": "ch", "ц": "c", "ч": "cz", "ш": "sz", "щ": "szcz",
                     "ы": "y", "э": "e", "ю": "iu", "я": "ia"},
              {"е": "je", "ё": "jo", "ю": "ju", "я": "ja"}, True, {}),
}

_VOWELS = set("аеєиіїоуюяыэё'ʼ’")
UK_ONLY = set("ієїґ")
RU_ONLY = set("ыэёъ")


def cyrillic_language(form: str) -> set[str]:
    """Which of uk/ru a Cyrillic form can be (letters like і, ї tell Ukrainian; ы, э tell Russian)."""
    low = set(form.lower())
    if low & UK_ONLY:
        return {"uk"}
    if low & RU_ONLY:
        return {"ru"}
    return {"uk", "ru"}


def transliterate(form: str, scheme: str) -> str:
    """Romanise a Cyrillic name with one of :data:`SCHEMES`, keeping word capitalisation."""
    _lang, base, initial, after_vowel, digraphs = SCHEMES[scheme]
    words = []
    for word in form.split(" "):
        low = word.lower()
        out: list[str] = []
        i = 0
        while i < len(low):
            pair = low[i:i + 2]
            if pair in digraphs:
                out.append(digraphs[pair])
                i += 2
                continue
            ch = low[i]
            at_start = i == 0 or not low[i - 1].isalpha() and low[i - 1] not in "'ʼ’"
            after_v = i > 0 and low[i - 1] in _VOWELS
            if ch in initial and (at_start or (after_vowel and after_v)):
                out.append(initial[ch])
            else:
                out.append(base.get(ch, ch))
            i += 1
        text = "".join(out)
        if word[:1].isupper() and text:
            text = text[0].upper() + text[1:]
        words.append(text)
    return " ".join(words)
