"""Claim kinds: blame (and whom), denial, call for investigation, finding, casualty report; hedges."""

from __future__ import annotations

import re
from functools import lru_cache

from .attribution import extract_statements, guess_language
from .figures import extract_figures
from .lexicon import Lexicon, alternation, get_lexicon
from .records import Claim, Span, Speaker, Statement
from .text import sentences

KINDS = ("blame", "denial", "investigation", "finding", "figure", "statement")
_NOT_ACTORS = {
    "a", "an", "the", "this", "that", "it", "in", "on", "at", "one", "another", "its", "their", "his",
    "her", "after", "before", "when", "while", "during", "but", "and", "second", "first", "new", "last",
    "every", "each", "any", "no", "some", "such", "cruise", "ballistic", "guided", "heavy", "deadly",
}
_ACCUSE_STOP = {"of", "for", "over", "in", "в", "у", "о", "за", "vor", "o", "de", "d'", "that", "що", "что",
                "dass", "że", "with"}
_ADJ_SUFFIX = {
    "uk": r"\w+(?:ськ|цьк|зьк)\w*", "ru": r"\w+(?:ск|цк)\w*", "pl": r"\w+(?:sk|ck)\w*",
    "de": r"\w+isch\w*", "fr": r"\w+(?:ien|ienne|ais|aise|e)", "es": r"\w+(?:o|a|í)",
}
_CAP_NAME = r"[A-ZА-ЯІЇЄҐ][\w'’.-]*(?:[ -][A-ZА-ЯІЇЄҐ][\w'’.-]*){0,2}"


@lru_cache(maxsize=32)
def _blame_patterns(lex: Lexicon) -> list[re.Pattern[str]]:
    weapons = alternation(lex.data.get("WEAPONS", [])).pattern.replace("(?<![\\w'’-])", "")
    forces = alternation(lex.data.get("FORCES", [])).pattern.replace("(?<![\\w'’-])", "")
    attacks = alternation(lex.data.get("ATTACK_VERBS", [])).pattern.replace("(?<![\\w'’-])", "")
    mod = r"(?:(?:air[- ]defen[cs]e|anti-aircraft|cruise|ballistic|guided|artillery|military|army|\w+-\w+)\s+)?"
    pats = []
    if lex.lang in _ADJ_SUFFIX:
        adj = _ADJ_SUFFIX[lex.lang]
        pats.append(re.compile(rf"(?<!\w)(?P<actor>{adj})\s+{mod}(?:\w+\s+)?(?P<w>{weapons})", re.I))
        pats.append(re.compile(rf"(?<!\w)(?P<w>{forces})\s+(?P<actor>{_CAP_NAME})", 0))
        pats.append(re.compile(rf"(?<!\w)(?P<actor>{adj})\s+(?P<w>{forces})", re.I))
    pats.append(re.compile(rf"(?<![\w'’])(?P<actor>{_CAP_NAME}?)(?:['’]s)?\s+{mod}(?P<w>{weapons})"))
    pats.append(re.compile(rf"(?<![\w'’])(?P<actor>{_CAP_NAME})(?:['’]s)?\s+(?P<w>{forces})\s+{attacks}"))
    pats.append(re.compile(
        rf"(?P<w>{weapons})\s+(?:was\s+|were\s+)?(?:launched|fired|carried\s+out|dropped)\s+by\s+"
        rf"(?:the\s+)?(?P<actor>{_CAP_NAME})"))
    return pats


def normalise_actor(actor: str, lex: Lexicon) -> str:
    """An actor as a name: "Russian" -> "Russia", "російська" -> "Russia"; unknown ones as written."""
    a = actor.strip(" ,.'’").removesuffix("'s").removesuffix("’s")
    low = a.lower()
    for stem, name in lex.data.get("ACTORS", {}).items():
        if low.startswith(stem):
            return name
    return a[:1].upper() + a[1:]


def find_blame(text: str, lex: Lexicon) -> tuple[str, str, Span] | None:
    """The first responsibility phrase in text: (as written, normalised actor, span)."""
    mis = lex.misfire_re.search(text) if lex.misfire_re else None
    best = None
    for pat in _blame_patterns(lex):
        for m in pat.finditer(text):
            words = (m.group("actor") or "").split()
            while words and words[0].lower() in _NOT_ACTORS:
                words = words[1:]
            if not words:
                continue
            if best is None or m.start() < best[0].start():
                best = (m, " ".join(words))
            break
    if best is not None:
        m, actor = best
        phrase = text[m.start():m.end()]
        norm = normalise_actor(actor, lex)
        if mis and mis.start() <= m.end() + 20 and mis.end() >= m.start():
            norm += " (air defence / misfire)"
        return phrase, norm, (m.start(), m.end())
    if mis:
        return mis.group(), "air defence / misfire", (mis.start(), mis.end())
    return None


def _accused(text: str, lex: Lexicon) -> tuple[str, str] | None:
    """The object of an accusation: 'Norland of ...' -> Norland."""
    words = []
    for w in text.split()[:6]:
        clean = w.strip(",.;:").lower()
        if clean in _ACCUSE_STOP or clean in lex.words("COMPLEMENTIZERS"):
            break
        words.append(w.strip(",.;:"))
        if w.endswith((",", ";", ":")):
            break
    if not words:
        return None
    raw = " ".join(words)
    return raw, normalise_actor(raw, lex)


def classify(st: Statement, lex: Lexicon, sentence: str = "") -> tuple[str, str, str, list[str]]:
    """(kind, target as written, target normalised, hedges) for one statement."""
    content = st.content
    hedges = sorted({" ".join(m.group().lower().split()) for m in lex.hedge_re.finditer(sentence or content)})
    speaker = (st.speaker.raw or "").lower()
    finding_spk = any(s in speaker for s in lex.words("FINDING_SPEAKERS"))
    if st.cue_class == "find" and (finding_spk or lex.finding_re.search(sentence or content)):
        return "finding", *_blame_or_empty(content, lex), hedges
    if finding_spk and lex.finding_re.search(sentence or content):
        return "finding", *_blame_or_empty(content, lex), hedges
    if st.cue_class == "deny" or lex.denial_re.search(content):
        return "denial", "", "", hedges
    if st.cue_class == "accuse":
        acc = _accused(content, lex)
        if acc:
            return "blame", acc[0], acc[1], hedges
    blame = find_blame(content, lex)
    if blame:
        return "blame", blame[0], blame[1], hedges
    if (st.cue_class == "call" or st.cue_class != "none") and lex.call_re.search(sentence or content):
        return "investigation", "", "", hedges
    if extract_figures(content, lex.lang):
        return "figure", "", "", hedges
    return "statement", "", "", hedges


def _blame_or_empty(content: str, lex: Lexicon) -> tuple[str, str]:
    b = find_blame(content, lex)
    return (b[0], b[1]) if b else ("", "")


def extract_claims(text: str, language: str = "", *, lexicon_path: str | None = None,
                   narration: bool = True) -> list[Claim]:
    """Statements in ``text`` classified into claims, with figures and hedges.

    With ``narration`` (default) sentences outside any attribution that carry a figure or a
    responsibility phrase become claims of the outlet's own text (speaker kind "outlet").
    """
    if not text or not text.strip():
        return []
    lang = (language or guess_language(text)).split("-")[0].lower()
    lex = get_lexicon(lang, lexicon_path)
    statements = extract_statements(text, lang, lexicon_path=lexicon_path)
    taken = sorted((min(_all_spans(s))[0], max(e for _, e in _all_spans(s))) for s in statements)
    claims: list[Claim] = []
    for st in statements:
        a, b = st.content_span
        lo = min(x for x, _ in _all_spans(st))
        hi = max(y for _, y in _all_spans(st))
        kind, target, norm, hedges = classify(st, lex, text[lo:hi])
        figs = [f for p in [st.content_span, *st.content_parts]
                for f in extract_figures(text[p[0]:p[1]], lang, lexicon_path=lexicon_path, offset=p[0])]
        claims.append(Claim(statement=st, kind=kind, target=target, target_norm=norm, hedges=hedges,
                            figures=figs))
    if narration:
        claims.extend(_narration(text, lex, taken, lexicon_path))
    claims.sort(key=lambda c: c.statement.content_span[0])
    return claims


def _all_spans(st: Statement) -> list[Span]:
    return [s for s in (st.content_span, st.source_span, st.cue_span, *st.content_parts) if s]


def _narration(text: str, lex: Lexicon, taken: list[Span], lexicon_path: str | None) -> list[Claim]:
    out = []
    j = 0
    for a, b in sentences(text):
        while j < len(taken) and taken[j][1] <= a:
            j += 1
        if j < len(taken) and taken[j][0] < b:
            continue
        sent = text[a:b]
        figs = extract_figures(sent, lex.lang, lexicon_path=lexicon_path, offset=a)
        blame = find_blame(sent, lex)
        if not figs and not blame:
            continue
        st = Statement(speaker=Speaker(raw="", kind="outlet"), cue="", cue_class="none",
                       content=sent.strip(), language=lex.lang, style="narration", content_span=(a, b))
        kind, target, norm, hedges = classify(st, lex, sent)
        if kind == "statement":
            kind = "figure" if figs else kind
        out.append(Claim(statement=st, kind=kind, target=target, target_norm=norm, hedges=hedges, figures=figs))
    return out
