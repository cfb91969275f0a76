"""Claim kinds: blame (and whom), denial, call for investigation, finding, casualty report; hedges."""

from __future__ import annotations

from .attribution import extract_statements, guess_language
from .blame import accused, find_blame, normalise_actor, reciprocal
from .figures import extract_figures
from .lexicon import Lexicon, get_lexicon
from .records import Claim, Span, Speaker, Statement
from .text import sentences

KINDS = ("blame", "denial", "investigation", "finding", "figure", "statement")
_ACCUSE_STOP = {"of", "for", "over", "in", "в", "у", "о", "за", "vor", "o", "de", "d'", "that", "що", "что",
                "dass", "że", "with"}

__all__ = ["KINDS", "classify", "extract_claims", "find_blame", "normalise_actor"]


def _accused(text: str, lex: Lexicon) -> tuple[str, str] | None:
    """The object of an accusation: 'Norland of ...' -> Norland (None for "each other")."""
    return accused(text, lex, _ACCUSE_STOP)


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
        if reciprocal(content, lex):
            return "statement", "", "", hedges
        acc = _accused(content, lex)
        if acc:
            return "blame", acc[0], acc[1], hedges
    blame = find_blame(content, lex, opens=st.style not in ("indirect", "according"))
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
