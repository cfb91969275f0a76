"""Text plumbing for the claims layer: sentence spans, quotation spans, tokens — all linear-time."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

#: Opening quote mark -> the marks that may close it.
QUOTE_PAIRS = {
    "“": "”", "„": "“”", "«": "»", "»": "«", "‚": "‘’", "‘": "’", '"': '"', "'": "'", "‹": "›", "「": "」",
}
MAX_QUOTE = 2000  # longest quotation looked for, in characters
MAX_CANDIDATES = 12  # closing marks tried per opening mark (keeps odd text linear)
MAX_SENTENCE = 1500  # sentences longer than this are cut (text with no sentence breaks)

_LOWER = "a-zß-öø-ÿąćęłńóśźżа-яёіїєґ"
_UPPER = "A-ZÀ-ÖØ-ÞĄĆĘŁŃŚŹŻА-ЯЁІЇЄҐ"
#: A sentence end: punctuation before whitespace, or glued to the next sentence ("injured.The …",
#: paragraphs joined without a space) when a lower-case word ends and a capital or an opening quote follows.
_BOUNDARY = re.compile(
    rf"[.!?…]+[”\"»’')\]]*(?=\s)|(?<=[{_LOWER}]{{2}})[.!?…]+[”\"»’')\]]*(?=[“„«\"{_UPPER}])|\n")
_ABBREV = {
    "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sen", "rep", "gov", "u.s", "u.n", "jr", "sr",
    "prof", "no", "vs", "etc", "inc", "corp", "sgt", "capt", "maj", "adm", "ft", "mt", "jan", "feb",
    "aug", "sept", "oct", "nov", "dec", "p.m", "a.m", "ca", "bzw", "z.b", "d.h", "ul", "im", "др",
    "г", "им", "ст", "пп", "тис", "млн", "тыс",
}
TOKEN = re.compile(r"[^\s]+")


def sentences(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Yield (start, end) spans of sentences; very long stretches are cut at whitespace."""
    end = len(text) if end is None else end
    pos = start
    for m in _BOUNDARY.finditer(text, start, end):
        if m.group() != "\n":
            prev = text[max(pos, m.start() - 6):m.start()].rsplit(None, 1)
            word = prev[-1].lower().lstrip("(\"“„«") if prev else ""
            if word in _ABBREV or (len(word) == 1 and word.isalpha()):
                continue
            nxt = text[m.end():m.end() + 3].lstrip()
            if nxt[:1].islower():
                continue
        yield from _cut(text, pos, m.end())
        pos = m.end()
    if pos < end:
        yield from _cut(text, pos, end)


def _cut(text: str, a: int, b: int) -> Iterator[tuple[int, int]]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    while b - a > MAX_SENTENCE:
        cut = text.rfind(" ", a + MAX_SENTENCE // 2, a + MAX_SENTENCE)
        if cut <= a:
            cut = a + MAX_SENTENCE
        yield a, cut
        a = cut
        while a < b and text[a].isspace():
            a += 1
    if b > a:
        yield a, b


def _positions(text: str, chars: str) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {c: [] for c in chars}
    for i, ch in enumerate(text):
        if ch in out:
            out[ch].append(i)
    return out


def _word(ch: str) -> bool:
    return ch.isalnum()


def quotes(text: str) -> list[tuple[int, int, str]]:
    """Quotation spans (opening mark index, closing mark index, style) in text order.

    Each opener looks for its nearest valid closer within :data:`MAX_QUOTE` characters; once a
    quote is taken, scanning continues after it (nested quotes belong to the outer one).
    Apostrophes inside words are not quote marks.
    """
    marks = set(QUOTE_PAIRS) | {c for v in QUOTE_PAIRS.values() for c in v}
    text = text.replace("''", '"\x01')  # ''typewriter double quotes'' (same length, same offsets)
    pos = _positions(text, "".join(sorted(marks)))
    out: list[tuple[int, int, str]] = []
    n = len(text)
    i = 0
    openers = sorted(p for c in QUOTE_PAIRS for p in pos.get(c, []))
    k = 0
    while k < len(openers):
        i = openers[k]
        k += 1
        ch = text[i]
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < n else " "
        if after.isspace() or (ch in "'‘’" and _word(before)):
            continue
        if ch == "»" and not (after.isupper() or after in "„“\""):
            continue
        best = None
        for closer in QUOTE_PAIRS[ch]:
            plist = pos.get(closer, [])
            j = bisect.bisect_right(plist, i)
            stop_j = j + MAX_CANDIDATES
            while j < min(len(plist), stop_j) and plist[j] - i <= MAX_QUOTE:
                c = plist[j]
                nxt = text[c + 1] if c + 1 < n else " "
                if closer in "'’" and (_word(nxt) or text[c - 1].isspace()):
                    j += 1
                    continue
                if closer == '"' and text[c - 1].isspace() and c - 1 > i:
                    j += 1
                    continue
                if best is None or c < best:
                    best = c
                break
        if best is None or best - i < 2:
            continue
        if text[best + 1:best + 2] == "\x01":  # closing ''
            best += 1
            ch = "'"
        out.append((i, best, ch + text[best].replace("\x01", "'")))
        k = bisect.bisect_right(openers, best, lo=k)
    return out


def sentence_stop(text: str, a: int, limit: int) -> int:
    """Index of the first sentence end (or newline) in text[a:limit], skipping abbreviations."""
    for m in _STOP.finditer(text, a, limit):
        if m.group() == ".":
            prev = text[max(a, m.start() - 6):m.start()].rsplit(None, 1)
            word = prev[-1].lower().lstrip("(\"“„«") if prev else ""
            if word in _ABBREV or (len(word) == 1 and word.isalpha()):
                continue
        return m.start()
    return limit


_STOP = re.compile(r"[.!?;\n]|[“„«]")


def dash_quotes(text: str) -> list[tuple[int, int, int]]:
    """Dash-introduced quotations ("— Text, — said X."): (content start, content end, tail start).

    The line must begin with a dash; the quotation runs to a ", —" or "— " that hands over to the
    narrator, whose words start at the tail index.
    """
    out = []
    for m in re.finditer(r"(?m)^[ \t]*[—–―-][ \t]+", text):
        start = m.end()
        line_end = text.find("\n", start)
        line_end = len(text) if line_end < 0 else line_end
        line_end = min(line_end, start + MAX_QUOTE)
        hand = re.compile(r"[,.!?…]?[ \t]+[—–―-][ \t]+").search(text, start, line_end)
        if not hand:
            continue
        content_end = hand.start() + (1 if text[hand.start()] in "!?…" else 0)
        out.append((start, content_end, hand.end()))
    return out


def tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Whitespace tokens of text[start:end] as spans."""
    return [(m.start(), m.end()) for m in TOKEN.finditer(text, start, end)]


def inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    """True when pos falls inside one of the (sorted, disjoint) spans."""
    j = bisect.bisect_right(spans, (pos, 1 << 62)) - 1
    return j >= 0 and spans[j][0] <= pos < spans[j][1]


def strip_span(text: str, a: int, b: int, chars: str = " \t\n,;:—–-") -> tuple[int, int]:
    """Shrink a span past surrounding whitespace and the given punctuation."""
    while a < b and text[a] in chars:
        a += 1
    while b > a and text[b - 1] in chars:
        b -= 1
    return a, b
