"""Claim lexicons per language, compiled into regexes; extensible with a user TOML file."""

from __future__ import annotations

import importlib
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ...errors import StoryradarError

#: Languages with a built-in lexicon.
LANGUAGES = ("en", "uk", "ru", "de", "pl", "fr", "es")

#: Fields a user TOML file may extend, per language table (``[en]``, ``[uk]`` ...).
LIST_FIELDS = (
    "ACCORDING", "COMPLEMENTIZERS", "DETERMINERS", "ROLES", "INSTITUTIONS", "PRONOUNS", "HEDGES",
    "WEAPONS", "FORCES", "ATTACK_VERBS", "MISFIRE", "BY_PHRASES", "DENIAL_PHRASES",
    "INVESTIGATION_CALLS", "FINDING_PHRASES", "FINDING_SPEAKERS", "FILLERS", "RANGE_WORDS", "AGENT_MARKERS",
    "RECIPROCAL", "NOT_ACTORS", "DATA_NOUNS",
)
DICT_FIELDS = ("CUES", "ACTORS", "CASUALTIES", "QUALIFIERS", "NUMBER_WORDS")

#: Postposed prepositional cues: the speaker stands before them ("dem Ministerium zufolge").
POSTPOSED = {"zufolge"}


class LexiconError(StoryradarError):
    """A user lexicon file could not be read."""


def alternation(words: list[str] | set[str], *, ignore_case: bool = True) -> re.Pattern[str]:
    """A linear-time regex matching any of ``words`` as whole words, longest first."""
    uniq = sorted({w.strip() for w in words if w.strip()}, key=lambda w: (-len(w), w))
    if not uniq:
        return re.compile(r"(?!x)x")
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in uniq)
    return re.compile(rf"(?<![\w'’-])(?:{body})(?![\w-])", re.IGNORECASE if ignore_case else 0)


@dataclass(slots=True, eq=False)
class Lexicon:
    """One language's words and the regexes built from them."""

    lang: str
    data: dict[str, Any]
    cue_class: dict[str, str] = field(default_factory=dict)
    cue_re: re.Pattern[str] | None = None
    according_re: re.Pattern[str] | None = None
    hedge_re: re.Pattern[str] | None = None
    denial_re: re.Pattern[str] | None = None
    call_re: re.Pattern[str] | None = None
    finding_re: re.Pattern[str] | None = None
    misfire_re: re.Pattern[str] | None = None

    def words(self, name: str) -> set[str]:
        """A list field as a lowercase set."""
        return {w.lower() for w in self.data.get(name, [])}


def _compile(lang: str, data: dict[str, Any]) -> Lexicon:
    lex = Lexicon(lang=lang, data=data)
    for cls, forms in data.get("CUES", {}).items():
        for form in forms:
            lex.cue_class[" ".join(form.lower().split())] = cls
    lex.cue_re = alternation(list(lex.cue_class))
    lex.according_re = alternation(data.get("ACCORDING", []))
    lex.hedge_re = alternation(data.get("HEDGES", []))
    lex.denial_re = re.compile(
        "|".join(re.escape(w) for w in data.get("DENIAL_PHRASES", [])) or r"(?!x)x", re.IGNORECASE
    )
    lex.call_re = alternation(data.get("INVESTIGATION_CALLS", []))
    lex.finding_re = alternation(data.get("FINDING_PHRASES", []))
    lex.misfire_re = alternation(data.get("MISFIRE", []))
    return lex


def _builtin(lang: str) -> dict[str, Any]:
    mod = importlib.import_module(f"{__name__}.{lang}")
    out: dict[str, Any] = {}
    for name in LIST_FIELDS:
        out[name] = list(getattr(mod, name, []))
    for name in DICT_FIELDS:
        value = getattr(mod, name, {})
        out[name] = {k: (list(v) if isinstance(v, list) else v) for k, v in value.items()}
    return out


def read_user_lexicon(path: str | Path) -> dict[str, dict[str, Any]]:
    """Read a user TOML lexicon: one table per language, keys named like the built-in fields.

    Keys are case-insensitive (``cues``, ``hedges``, ``actors`` ...); ``cues`` is a table of
    cue class -> list of forms.
    """
    p = Path(path)
    try:
        raw = tomllib.loads(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise LexiconError(f"cannot read lexicon: {exc.strerror}", path=str(p)) from exc
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"not valid TOML: {exc}", path=str(p)) from exc
    out: dict[str, dict[str, Any]] = {}
    for lang, table in raw.items():
        if not isinstance(table, dict):
            raise LexiconError(f"[{lang}] must be a table of word lists", path=str(p), locator=lang)
        fields: dict[str, Any] = {}
        for key, value in table.items():
            name = key.upper()
            if name in LIST_FIELDS and isinstance(value, list):
                fields[name] = [str(v) for v in value]
            elif name in DICT_FIELDS and isinstance(value, dict):
                fields[name] = value
            else:
                raise LexiconError(
                    f"unknown or mistyped key {key!r}", path=str(p), locator=f"[{lang}]",
                    hint="lists: " + ", ".join(f.lower() for f in LIST_FIELDS)
                    + "; tables: " + ", ".join(f.lower() for f in DICT_FIELDS),
                )
        out[lang] = fields
    return out


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    merged = {k: (dict(v) if isinstance(v, dict) else list(v)) for k, v in base.items()}
    for name, value in extra.items():
        if name in LIST_FIELDS:
            merged[name] = merged.get(name, []) + list(value)
        elif name in ("CUES", "CASUALTIES", "QUALIFIERS"):
            table = merged.setdefault(name, {})
            for key, forms in value.items():
                table[key] = list(table.get(key, [])) + [str(f) for f in forms]
        else:
            merged.setdefault(name, {}).update(value)
    return merged


@lru_cache(maxsize=64)
def get_lexicon(lang: str, user_path: str | None = None) -> Lexicon:
    """The compiled lexicon for ``lang`` (English for unknown languages), plus a user file's words."""
    base_lang = lang if lang in LANGUAGES else "en"
    data = _builtin(base_lang)
    if user_path:
        user = read_user_lexicon(user_path)
        if lang in user:
            data = _merge(data, user[lang])
        elif lang not in LANGUAGES and "en" in user:
            data = _merge(data, user["en"])
    return _compile(base_lang if lang in LANGUAGES else lang or "en", data)
