"""Language identification: page markup first, then script hints, then lingua on the news languages."""

from __future__ import annotations

import os
import re
from collections import Counter
from functools import lru_cache
from typing import Any

from .langdata import (
    LANGUAGE_ALIASES,
    NEWS_LANGUAGES,
    PERSIAN_ONLY,
    RUSSIAN_ONLY,
    SCRIPT_RANGES,
    SHORT_TEXT_LETTERS,
    UKRAINIAN_ONLY,
)

_CODE = re.compile(r"^[a-z]{2,3}$")
#: Set STORYRADAR_LINGUA_LOW_ACCURACY=1 to use lingua's small models (less memory, less accurate).
LOW_ACCURACY_ENV = "STORYRADAR_LINGUA_LOW_ACCURACY"
#: How many characters of text are enough to identify a language.
SAMPLE_CHARS = 3000


def normalise_language(value: str | None) -> str:
    """An ISO 639-1 code from a language tag or locale ('uk-UA', 'en_GB', 'ua'), else ''."""
    if not value:
        return ""
    tag = value.strip().lower().replace("_", "-").split(",")[0].strip()
    primary = tag.split("-")[0]
    primary = LANGUAGE_ALIASES.get(primary, primary)
    if not _CODE.match(primary) or primary in ("und", "mul", "zxx", "xx"):
        return ""
    return primary


def _script_of(char: str) -> str:
    code = ord(char)
    for script, ranges in SCRIPT_RANGES.items():
        if any(lo <= code <= hi for lo, hi in ranges):
            return script
    return "latin" if char.isalpha() and code < 0x0250 else "other"


def script_hint(text: str) -> str:
    """A language code when the script alone decides it (Hangul, kana, Hebrew, Uk/Ru letters), else ''."""
    letters = [c for c in text[:SAMPLE_CHARS] if c.isalpha()]
    if not letters:
        return ""
    scripts = Counter(_script_of(c) for c in letters)
    script, count = scripts.most_common(1)[0]
    if count < 0.5 * len(letters):
        return ""
    if script == "hangul":
        return "ko"
    if script == "kana" or (script == "han" and scripts.get("kana")):
        return "ja"
    if script == "han":
        return "zh"
    if script == "hebrew":
        return "he"
    if script == "arabic":
        return "fa" if any(c in PERSIAN_ONLY for c in letters) else "ar"
    if script == "cyrillic":
        uk = sum(c in UKRAINIAN_ONLY for c in letters)
        ru = sum(c in RUSSIAN_ONLY for c in letters)
        if uk and not ru:
            return "uk"
        if ru and not uk:
            return "ru"
    return ""


@lru_cache(maxsize=1)
def _detector() -> Any:
    """The lingua detector, built once per process over NEWS_LANGUAGES only."""
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, code.upper()) for code in NEWS_LANGUAGES]
    builder = LanguageDetectorBuilder.from_iso_codes_639_1(*codes)
    if os.environ.get(LOW_ACCURACY_ENV, "").strip() not in ("", "0", "false", "no"):
        builder = builder.with_low_accuracy_mode()
    return builder.build()


def detect_language(text: str) -> str:
    """The ISO 639-1 code of ``text`` among :data:`NEWS_LANGUAGES`, or '' when it cannot be told.

    Scripts that name one language decide at once; short text is judged by script alone (a
    statistical guess on a headline is no better than a coin); otherwise lingua decides.
    """
    sample = text[:SAMPLE_CHARS]
    hint = script_hint(sample)
    if hint:
        return hint
    if sum(c.isalpha() for c in sample) < SHORT_TEXT_LETTERS:
        return ""
    found = _detector().detect_language_of(sample)
    return found.iso_code_639_1.name.lower() if found is not None else ""
