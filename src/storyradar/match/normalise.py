"""Text normalisation for matching: casefolded tokens, Latin diacritics stripped, apostrophes unified."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: Every apostrophe-like character folds to the ASCII apostrophe.
_APOSTROPHES = dict.fromkeys(map(ord, "\u2019\u2018\u02bc\u02b9\u0060\u00b4\u2032\uff07"), "'")
#: Latin letters that do not decompose under NFD but are folded all the same.
_LATIN_EXTRA = str.maketrans({"ł": "l", "ø": "o", "ß": "ss", "đ": "d", "ħ": "h", "ı": "i", "æ": "ae",
                              "œ": "oe", "þ": "th"})
_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*", re.UNICODE)
_NUMBER = re.compile(r"^\d+$")


def _is_latin(ch: str) -> bool:
    return ch.isascii() or "\u00c0" <= ch <= "\u024f" or "\u1e00" <= ch <= "\u1eff"


def normalise(text: str) -> str:
    """Casefold, unify apostrophes and strip diacritics from Latin letters (Cyrillic й, ї keep theirs)."""
    if text.isascii():
        return text.replace("`", "'").casefold()
    text = text.translate(_APOSTROPHES).casefold()
    decomposed = unicodedata.normalize("NFD", text)
    out: list[str] = []
    prev_latin = False
    for ch in decomposed:
        if unicodedata.combining(ch):
            if prev_latin:
                continue
            out.append(ch)
            continue
        prev_latin = _is_latin(ch)
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out)).translate(_LATIN_EXTRA)


def tokens(text: str) -> list[str]:
    """Normalised word tokens (apostrophes inside a word kept, as in Ukrainian м'ясо)."""
    return _TOKEN.findall(normalise(text))


@lru_cache(maxsize=4096)
def form_tokens(form: str) -> tuple[str, ...]:
    """A name form as a tuple of normalised tokens (cached; forms repeat)."""
    return tuple(tokens(form))


def fold_for_prefilter(text: str) -> str:
    """Lower-case and strip every combining mark, as DuckDB's ``strip_accents(lower(x))`` does."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if unicodedata.category(c) != "Mn"))


def is_number(token: str) -> bool:
    """True for a token made only of digits."""
    return bool(_NUMBER.match(token))


def script_of(text: str) -> str:
    """The dominant script of a string: Latn, Cyrl, Arab, Grek, Hebr, CJK or Other."""
    counts: dict[str, int] = {}
    for ch in text:
        if not ch.isalpha():
            continue
        if _is_latin(ch):
            key = "Latn"
        elif "\u0400" <= ch <= "\u052f":
            key = "Cyrl"
        elif "\u0600" <= ch <= "\u06ff":
            key = "Arab"
        elif "\u0370" <= ch <= "\u03ff":
            key = "Grek"
        elif "\u0590" <= ch <= "\u05ff":
            key = "Hebr"
        elif "\u3040" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af":
            key = "CJK"
        else:
            key = "Other"
        counts[key] = counts.get(key, 0) + 1
    return max(counts, key=counts.get) if counts else "Other"
