"""Casualty figures: killed / injured / missing counts with qualifiers, ranges and number words."""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import Lexicon, alternation, get_lexicon
from .records import Figure

_DIGITS = r"\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+(?![\d,.]\d)|\d{1,6}"
#: Words that start a range ("between 15 and 17") in each language.
_BETWEEN = ["between", "від", "от", "zwischen", "od", "entre", "de"]
#: Separators allowed in a range without "between" ("15-17", "15 to 17", "15 or 16").
_RANGE_SEP = r"\s*[-–—]\s*|\s+(?:to|or|bis|oder|або|или|lub|albo|ou|o)\s+"
_PAIR_SEP = r"\s+(?:and|und|і|та|и|i|et|y|до|do|à|a|bis)\s+"
_WINDOW = 6  # tokens looked at after a number for its casualty word
_TOKEN = re.compile(r"[\w'’-]+|[^\w\s]")
#: Words that may stand between a casualty word and its number ("the death toll rose to 16").
_BRIDGE = {
    "rose", "risen", "has", "had", "climbed", "increased", "reached", "stands", "stood", "at", "to", "is",
    "was", "now", "toll", "зросла", "зросло", "сягнула", "становить", "до", "возросло", "возросла",
    "достигло", "составляет", "stieg", "auf", "liegt", "bei", "wzrosła", "wzrosło", "do", "wynosi",
}


@lru_cache(maxsize=32)
def _patterns(lex: Lexicon) -> tuple[re.Pattern[str], dict[str, int], re.Pattern[str], dict[str, str]]:
    words = lex.data.get("NUMBER_WORDS", {})
    word_alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    number = _DIGITS + (rf"|(?:{word_alt})(?:[\s-]+(?:{word_alt}))*" if word_alt else "")
    quals = {q.lower(): kind for kind, forms in lex.data.get("QUALIFIERS", {}).items() for q in forms}
    qual_alt = "|".join(re.escape(q).replace(r"\ ", r"\s+") for q in sorted(quals, key=len, reverse=True))
    between = "|".join(_BETWEEN)
    rx = re.compile(
        rf"(?<![\w.,])(?:(?P<q>{qual_alt})\s+)?(?:(?P<between>{between})\s+)?(?P<a>{number})"
        rf"(?:(?:(?P<sep>{_RANGE_SEP})|(?P<pair>{_PAIR_SEP}))(?P<b>{number}))?(?![\w])",
        re.IGNORECASE,
    )
    kinds = {}
    for kind, forms in lex.data.get("CASUALTIES", {}).items():
        for f in forms:
            kinds[f.lower()] = kind
    return rx, {k.lower(): v for k, v in words.items()}, alternation(list(kinds)), kinds


def _value(text: str, words: dict[str, int]) -> int | None:
    raw = text.strip()
    if raw[:1].isdigit():
        digits = re.sub(r"[,.\u00a0\u202f ]", "", raw)
        return int(digits) if digits.isdigit() else None
    total = 0
    for w in re.split(r"[\s-]+", raw.lower()):
        v = words.get(w)
        if v is None:
            continue
        total = max(total, 1) * 100 if v == 100 else total + v
    return total or None


def _casualty_near(text: str, start: int, end: int, kind_re: re.Pattern[str], kinds: dict[str, str],
                   fillers: set[str]) -> str | None:
    """The casualty kind named just before (skipping bridge words) or just after the number."""
    before = text[max(0, start - 60):start]
    toks = _TOKEN.findall(before)
    seen = 0
    for tok in reversed(toks):
        m = kind_re.fullmatch(tok)
        if m:
            return kinds.get(" ".join(tok.lower().split()))
        if tok.lower() in _BRIDGE and seen < 4:
            seen += 1
            continue
        break
    pos = end
    for _ in range(_WINDOW):
        m = kind_re.match(text, pos + (len(text[pos:]) - len(text[pos:].lstrip())))
        if m:
            return kinds.get(" ".join(m.group().lower().split()))
        tm = re.compile(r"\s*([\w'’-]+)").match(text, pos)
        if not tm or tm.group(1).lower() not in fillers:
            break
        pos = tm.end()
    # multiword casualty phrase further back ("the death toll rose to 16")
    tail = before[-40:]
    for m in kind_re.finditer(tail):
        rest = tail[m.end():].lower().split()
        if all(w.strip(",") in _BRIDGE for w in rest):
            return kinds.get(" ".join(m.group().lower().split()))
    return None


def extract_figures(text: str, language: str = "en", *, lexicon_path: str | None = None,
                    offset: int = 0) -> list[Figure]:
    """Casualty figures in ``text``: each number (or range) tied to a killed/injured/missing word.

    Bounds: "at least 12" -> low 12; "more than 12" -> low 13; "up to 12" -> high 12; "about 12" ->
    12..12 with qualifier "about"; "15-17" / "between 15 and 17" -> 15..17. Spans are shifted by
    ``offset`` (so figures found in a sentence can point into the article).
    """
    if not text:
        return []
    lex = get_lexicon(language.split("-")[0].lower() if language else "en", lexicon_path)
    rx, words, kind_re, kinds = _patterns(lex)
    fillers = lex.words("FILLERS")
    out: list[Figure] = []
    for m in rx.finditer(text):
        # "12 and 30" is two figures, not a range: read only the first here
        end = m.end("a") if m.group("pair") and not m.group("between") else m.end()
        a = _value(m.group("a"), words)
        if a is None:
            continue
        before = text[max(0, m.start() - 4):m.start()].lower()
        if before.endswith("no ") or text[end:end + 1] in (":", "%") or text[end:end + 2] in ("th", "st"):
            continue
        kind = _casualty_near(text, m.start(), end, kind_re, kinds, fillers)
        if kind is None:
            continue
        b = _value(m.group("b"), words) if (m.group("b") and end == m.end()) else None
        qual_word = (m.group("q") or "").lower()
        qual = next((v for k, v in _qual_map(lex).items() if " ".join(qual_word.split()) == k), "exact")
        low: int | None = a
        high: int | None = a
        if b is not None and b >= a:
            low, high, qual = a, b, "range" if qual == "exact" else qual
        elif qual == "at-least":
            high = None
        elif qual == "more-than":
            low, high = a + 1, None
        elif qual == "up-to":
            low = None
        elif qual == "fewer-than":
            low, high = None, a - 1
        out.append(Figure(kind=kind, low=low, high=high, qualifier=qual, text=text[m.start():end],
                          span=(m.start() + offset, end + offset)))
    return out


def _qual_map(lex: Lexicon) -> dict[str, str]:
    return {" ".join(q.lower().split()): kind for kind, forms in lex.data.get("QUALIFIERS", {}).items()
            for q in forms}


def figure_label(fig: Figure) -> str:
    """A compact reading of a figure: "≥12 killed", "15–17 injured", "~20 missing"."""
    if fig.qualifier == "range":
        num = f"{fig.low}–{fig.high}"
    elif fig.qualifier in ("at-least", "more-than"):
        num = f"≥{fig.low}"
    elif fig.qualifier in ("up-to", "fewer-than"):
        num = f"≤{fig.high}"
    elif fig.qualifier == "about":
        num = f"~{fig.low}"
    else:
        num = str(fig.low)
    return f"{num} {fig.kind}"
