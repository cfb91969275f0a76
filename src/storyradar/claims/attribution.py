"""Attributed statements: direct quotes (all quotation styles, dash quotes) and indirect speech."""

from __future__ import annotations

import bisect
import re

from .lexicon import POSTPOSED, Lexicon, alternation, get_lexicon
from .nonspeakers import EVENT_NOUNS, EVENT_SUFFIXES, HEADLINE_LABELS, LOCATIVE_PREPS, TIME_ADVERBIAL
from .records import Span, Speaker, Statement
from .speakers import RELATIVE, is_institution, is_role, normalise_speaker
from .text import dash_quotes, inside, quotes, sentence_stop, sentences, strip_span, tokens

MAX_SPEAKER_TOKENS = 10
_END_PUNCT = " \t\n.!?…;,"
_QUOTE_CHARS = "“”„«»‚‘’\"'‹›"
#: Words that end a speaker when reading backwards from a cue, in any language.
BOUNDARY = {
    "that", "and", "but", "because", "while", "when", "as", "if", "than", "so", "what", "where", "after",
    "before", "since", "although", "though", "whether", "or", "also", "both",
    "що", "і", "й", "та", "але", "коли", "бо", "як", "что", "и", "но", "когда", "потому", "как",
    "dass", "und", "aber", "weil", "als", "wenn", "sondern", "że", "i", "ale", "gdy", "bo", "jak",
    "a", "oraz", "que", "et", "mais", "y", "pero",
}
#: Words between a speaker and a cue that are not part of the speaker ("the ministry on Tuesday said").
ADVERBS = {
    "also", "later", "previously", "earlier", "repeatedly", "then", "again", "has", "have", "had", "would",
    "will", "publicly", "quickly", "immediately", "on", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "yesterday", "today", "tonight", "separately", "initially",
    "already", "recently", "once", "never", "not", "in", "a", "statement", "late", "early", "night",
    "morning", "evening", "afternoon", "further", "subsequently", "first", "last", "week", "також", "раніше", "вже", "згодом", "пізніше", "также", "ранее", "уже", "позже", "затем",
    "am", "auch", "bereits", "zudem", "später", "również", "także", "już", "wcześniej", "później",
    "aussi", "déjà", "también", "ya",
}
#: Words that end a speaker when reading forwards after a cue ("said X in a statement").
FORWARD_STOP = {
    "in", "on", "at", "during", "after", "before", "to", "from", "via", "when", "while", "as", "who",
    "which", "that", "adding", "citing", "according", "told", "speaking", "referring", "and",
    "у", "в", "на", "під", "після", "до", "під час", "який", "яка", "які", "що", "во",
    "который", "которая", "которые", "что", "w", "na", "po", "podczas", "który", "która", "którzy",
    "im", "bei", "nach", "während", "auf", "gegenüber", "der", "die", "dem", "lors", "dans", "en",
    "durante", "qui", "quien", "que", "mit",
}
#: Conjunctions that join coordinated subjects ("Norland and the Estovian Federation accused each other").
COORD = {"and", "і", "й", "та", "и", "und", "i", "oraz", "et", "y"}
#: "Speaker: claim" at the start of a sentence or headline (no quotes in the speaker part).
_COLON = re.compile(r"([^\n:;!?«»“”„\"]{2,80}?):\s+(?=\S)")
_NON_SPEAKER = {"is", "was", "were", "be", "been", "are", "it's", "there", "this", "those", "these", "to",
                "not", "no", "it", "also", "has", "have", "had", "will", "would", "can", "could"}


def _cap_word(word: str) -> bool:
    return word[:1].isupper()


def is_event_noun(word: str) -> bool:
    """True for an event noun that never speaks ("explosion", "вибух", "Raketenangriff", "wybuch")."""
    w = word.lower().strip(",.;:!?()\"'«»“”„")
    return w in EVENT_NOUNS or (len(w) > 8 and w.endswith(EVENT_SUFFIXES))


def guess_language(text: str) -> str:
    """A cheap script-and-letter guess among the built-in languages (en when unsure)."""
    sample = text[:4000]
    cyr = sum(1 for c in sample if "\u0400" <= c <= "\u04ff")
    lat = sum(1 for c in sample if c.isascii() and c.isalpha())
    if cyr > lat:
        return "uk" if re.search("[іїєґІЇЄҐ]", sample) else "ru"
    if re.search("[ąęłńśźżĄĘŁŃŚŹŻ]", sample):
        return "pl"
    if re.search("[äöüßÄÖÜ]", sample) or len(re.findall(r"\b(?:der|und|nicht|wurde|sagte)\b", sample)) > 2:
        return "de"
    if re.search("[ñ¿¡]", sample) or len(re.findall(r"\b(?:según|los|las|del)\b", sample)) > 2:
        return "es"
    if len(re.findall(r"\b(?:les|des|selon|été|une)\b", sample)) > 2:
        return "fr"
    return "en"


#: ", які оприлюднила X," / ", которые привела X," / ", które podała X,": the source after a relative verb.
_RELATIVE_SOURCE = re.compile(
    r"(?:\s+\S+){0,2}?,\s+(?:які|яку|котрі|которые|которую|które|którą|que|qui)\s+\S+\s+", re.I)


class _Extractor:
    """One pass over one text: quotes first, then dash quotes, then indirect speech per sentence."""

    def __init__(self, text: str, lex: Lexicon) -> None:
        self.text = text
        self.lex = lex
        self.out: list[Statement] = []
        self.taken: list[Span] = []  # sorted spans already used by a statement
        self.cues = [(m.start(), m.end()) for m in lex.cue_re.finditer(text)]
        self.cue_starts = [c[0] for c in self.cues]
        self.roles = lex.words("ROLES") | lex.words("INSTITUTIONS") | lex.words("PRONOUNS")
        self.dets = lex.words("DETERMINERS")
        self.comp = lex.words("COMPLEMENTIZERS")
        nouns = alternation(lex.data.get("DATA_NOUNS", [])).pattern
        self.lex_data_source = re.compile(rf"(?:\S+\s+){{0,3}}?{nouns}(?:\s+\S+)?\s+(?:from|of|by|de|del|des|du|d'|d’|von|der|des)\s+",
                                          re.I)

    # -- helpers ---------------------------------------------------------------------------
    def _take(self, *spans: Span | None) -> None:
        for s in spans:
            if s and s[1] > s[0]:
                bisect.insort(self.taken, s)

    def _free(self, a: int, b: int) -> bool:
        j = bisect.bisect_left(self.taken, (a, a))
        for k in (j - 1, j):
            if 0 <= k < len(self.taken):
                s = self.taken[k]
                if s[0] < b and a < s[1]:
                    return False
        return True

    def _cue_in(self, a: int, b: int) -> tuple[int, int] | None:
        j = bisect.bisect_left(self.cue_starts, a)
        while j < len(self.cues) and self.cues[j][0] < b:
            if self._free(*self.cues[j]):
                return self.cues[j]
            j += 1
        return None

    def _speaker(self, span: Span | None) -> Speaker:
        if not span:
            return Speaker(raw="", kind="unnamed")
        sp = normalise_speaker(self.text[span[0]:span[1]], self.lex)
        if sp.kind == "pronoun" and sp.raw.strip().lower() in RELATIVE and self.out:
            prev = self.out[-1].speaker
            return Speaker(raw=sp.raw, name=prev.name, role=prev.role, affiliation=prev.affiliation,
                           kind=prev.kind)
        return sp

    def _valid_speaker(self, span: Span | None, *, loose: bool = False) -> bool:
        if not span or span[1] <= span[0]:
            return False
        words = self.text[span[0]:span[1]].split()
        if not words or len(words) > MAX_SPEAKER_TOKENS:
            return False
        low = [w.lower().strip(",.;:") for w in words]
        if any(w in _NON_SPEAKER for w in low):
            return False
        if low[0] in LOCATIVE_PREPS:  # "в раді", "in the council": a place, not a speaker
            return False
        content = [w for w in low if w not in self.dets]
        if content and (is_event_noun(content[-1]) or (is_event_noun(content[0]) and (
                len(content) == 1 or content[1] in LOCATIVE_PREPS))):
            return False  # "Explosion reported at the market": an event, not a source
        if low[-1] in self.dets or low[-1] in BOUNDARY or low[0].endswith("ing"):
            return False
        if any(w[:1].isupper() for w in words) or any(w in self.roles or w in RELATIVE for w in low):
            return True
        return len(words) <= (6 if loose else 4)

    def _backward(self, lo: int, cue_start: int) -> Span | None:
        toks = tokens(self.text, lo, cue_start)
        picked: list[tuple[int, int]] = []
        for i in range(len(toks) - 1, -1, -1):
            a, b = toks[i]
            word = self.text[a:b]
            clean = word.lower().strip(_QUOTE_CHARS + "()")
            if picked and word[-1] in ",;:":
                break
            if word[-1] in ",;:" or any(c in word for c in "”“„«»\""):
                break
            if clean in BOUNDARY or clean in self.comp:
                if clean in RELATIVE:
                    picked.append((a, b))
                elif self._coordinated(toks, i, picked):
                    picked.append((a, b))
                    continue
                break
            if not picked and clean in ADVERBS:
                continue
            picked.append((a, b))
            if len(picked) > MAX_SPEAKER_TOKENS + 3:
                return None
        if not picked:
            return None
        picked.reverse()
        picked = self._trim_adverbials(picked)
        if not picked or len(picked) > MAX_SPEAKER_TOKENS:
            return None
        return strip_span(self.text, picked[0][0], picked[-1][1], " ,;:" + _QUOTE_CHARS)

    def _coordinated(self, toks: list[Span], i: int, picked: list[Span]) -> bool:
        """True when the conjunction at ``toks[i]`` joins two subjects ("Norlandia i Federacja Estowska")."""
        if not picked or i == 0 or self.text[toks[i][0]:toks[i][1]].lower() not in COORD:
            return False
        left = self.text[toks[i - 1][0]:toks[i - 1][1]]
        right = self.text[picked[-1][0]:picked[-1][1]]
        return _cap_word(left) and left[-1].isalpha() and (_cap_word(right) or right.lower() in self.dets)

    def _trim_adverbials(self, picked: list[Span]) -> list[Span]:
        """Drop adverbs and time phrases at either end ("X od miesięcy", "For months X", "the ministry on Tuesday")."""
        while True:
            before = len(picked)
            while picked and self.text[picked[-1][0]:picked[-1][1]].lower() in ADVERBS:
                picked.pop()
            if not picked:
                return picked
            a, b = picked[0][0], picked[-1][1]
            for m in TIME_ADVERBIAL.finditer(self.text, a, b):
                if m.end() >= b - 1 or not self.text[m.end():b].strip(" ,"):
                    picked = [t for t in picked if t[1] <= m.start()]
                    break
                if m.start() == a:
                    picked = [t for t in picked if t[0] >= m.end()]
                    break
            if len(picked) == before:
                return picked

    def _forward(self, a: int, limit: int) -> Span | None:
        picked: list[tuple[int, int]] = []
        for s, e in tokens(self.text, a, limit):
            word = self.text[s:e]
            clean = word.lower().strip(",.;:!?" + _QUOTE_CHARS)
            if picked and clean in FORWARD_STOP:
                break
            if any(c in word for c in "“„«"):
                break
            picked.append((s, e))
            if word[-1] in ",;:!?" or (word[-1] == "." and clean not in self.roles and len(clean) > 2):
                break
            if len(picked) > MAX_SPEAKER_TOKENS:
                return None
        if not picked:
            return None
        span = strip_span(self.text, picked[0][0], picked[-1][1], " ,;:.!?" + _QUOTE_CHARS)
        return span if span[1] > span[0] else None

    def _emit(self, speaker_span: Span | None, cue: Span | None, content: Span, style: str,
              parts: list[Span] | None = None) -> Statement | None:
        a, b = content
        if b <= a:
            return None
        cue_text = " ".join(self.text[cue[0]:cue[1]].split()) if cue else ""
        cls = self.lex.cue_class.get(cue_text.lower(), "according" if style == "according" else "say")
        body = self.text[a:b]
        quoted = style not in ("indirect", "according")
        inner = body.strip((_QUOTE_CHARS if quoted else "") + " ,.;:—–-")
        words = inner.split()
        if words and words[0].lower() in self.comp and style in ("indirect", "according"):
            inner = " ".join(inner.split(None, 1)[1:])
        for p in parts or []:
            inner += " " + self.text[p[0]:p[1]].strip(_QUOTE_CHARS + " ,.;:—–-")
        st = Statement(
            speaker=self._speaker(speaker_span), cue=cue_text, cue_class=cls, content=inner,
            language=self.lex.lang, style=style, content_span=content, source_span=speaker_span,
            cue_span=cue, content_parts=list(parts or []),
        )
        self.out.append(st)
        self._take(content, speaker_span, cue, *(parts or []))
        return st

    # -- passes -----------------------------------------------------------------------------
    def run_quotes(self) -> None:
        text = self.text
        n = len(text)
        qlist = quotes(text)
        for idx, (qa, qb, style) in enumerate(qlist):
            if not self._free(qa, qb + 1):
                continue
            content = (qa, qb + 1)
            # after the quote: ', said X.' / ', X said.' / ' — заявив X.'
            tail_end = sentence_stop(text, qb + 2, min(n, qb + 200))
            cue = self._cue_in(qb + 1, tail_end)
            if cue:
                left = strip_span(text, qb + 1, cue[0], " ,—–-\t\n")
                n_left = len(text[left[0]:left[1]].split())
                if n_left <= MAX_SPEAKER_TOKENS and text[qb + 1:cue[0]].count("\n") == 0:
                    speaker = left if n_left else self._forward(cue[1], tail_end)
                    if self._valid_speaker(speaker):
                        parts = self._continuation(qlist, idx, tail_end)
                        self._emit(speaker, cue, content, style, parts)
                        continue
            # before the quote: 'X said: “...”'
            sent_lo = max(0, qa - 250)
            nl = text.rfind("\n", sent_lo, qa)
            sent_lo = nl + 1 if nl >= 0 else sent_lo
            head = text[sent_lo:qa].rstrip(" \t:,—–-")
            head_end = sent_lo + len(head)
            j = bisect.bisect_left(self.cue_starts, sent_lo)
            best = None
            while j < len(self.cues) and self.cues[j][1] <= head_end:
                best = self.cues[j]
                j += 1
            if best and self._free(*best):
                gap = text[best[1]:head_end].strip().lower()
                if gap in ("", *self.comp):
                    dot = max(text.rfind(". ", sent_lo, best[0]), text.rfind("? ", sent_lo, best[0]))
                    speaker = self._backward(dot + 2 if dot >= 0 else sent_lo, best[0])
                    if self._valid_speaker(speaker):
                        self._emit(speaker, best, content, style)

    def _continuation(self, qlist: list, idx: int, tail_end: int) -> list[Span]:
        """A quote split by its attribution: “A,” she said. “B.” -> B continues the content."""
        if idx + 1 >= len(qlist):
            return []
        na, nb, _ = qlist[idx + 1]
        gap = self.text[tail_end:na]
        if len(gap) <= 3 and gap.strip(" .,") == "" and "\n" not in gap:
            return [(na, nb + 1)]
        return []

    def run_dash(self) -> None:
        for ca, cb, tail in dash_quotes(self.text):
            if not self._free(ca, cb):
                continue
            end = self.text.find("\n", tail)
            end = len(self.text) if end < 0 else end
            stop = re.compile(r"[.!?;]\s|\s[—–]\s").search(self.text, tail, end)
            end = stop.start() if stop else end
            cue = self._cue_in(tail, min(end, tail + 120))
            if not cue:
                continue
            left = strip_span(self.text, tail, cue[0])
            speaker = left if left[1] > left[0] else self._forward(cue[1], end)
            if self._valid_speaker(speaker):
                self._emit(speaker, cue, (ca - 0, cb), "dash")

    def run_colon(self) -> None:
        """Headlines and leads of the form "Speaker: claim" ("Минобороны Эстовской Федерации: удар …")."""
        for ss, se in sentences(self.text):
            m = _COLON.match(self.text, ss, se)
            if not m:
                continue
            head = strip_span(self.text, ss, m.end(1), " ,;:—–-")
            content = self._content_after(m.end(), se)
            if content[1] - content[0] < 3 or not self._free(head[0], content[1]):
                continue
            if self._colon_speaker(head):
                self._emit(head, None, content, "colon")

    def _colon_speaker(self, span: Span) -> bool:
        """A phrase before a colon that names a body or a person, not a label ("Update:") or a place."""
        words = self.text[span[0]:span[1]].split()
        if not words or len(words) > 8 or any(ch.isdigit() for ch in "".join(words)):
            return False
        low = [w.lower() for w in words]
        if low[0] in HEADLINE_LABELS or " ".join(low) in HEADLINE_LABELS or not self._valid_speaker(span):
            return False
        institutions, roles = self.lex.words("INSTITUTIONS"), self.lex.words("ROLES")
        if any(is_institution(w, institutions) or is_role(w, roles) for w in words):
            return True
        # a person's name: "Karla Wendt:"; an all-capitals label ("FICTIONAL DEMO DATA:") is not one
        return 2 <= len(words) <= 4 and all(_cap_word(w) and w.isalpha() and not w.isupper() for w in words)

    def run_indirect(self) -> None:
        text = self.text
        according = [(m.start(), m.end()) for m in self.lex.according_re.finditer(text)]
        acc_starts = [a for a, _ in according]
        for ss, se in sentences(text):
            found: list[tuple[int, int, str]] = []
            j = bisect.bisect_left(acc_starts, ss)
            while j < len(according) and according[j][0] < se:
                found.append((*according[j], "according"))
                j += 1
            j = bisect.bisect_left(self.cue_starts, ss)
            while j < len(self.cues) and self.cues[j][0] < se:
                found.append((*self.cues[j], "verb"))
                j += 1
            found.sort()
            for cs, ce, how in found:
                if not self._free(cs, ce):
                    continue
                if how == "according":
                    self._according(ss, se, cs, ce)
                else:
                    self._verb(ss, se, cs, ce)

    def _content_after(self, start: int, se: int) -> Span:
        a, b = strip_span(self.text, start, se, " \t\n:,—–-")
        while b > a and self.text[b - 1] in ".!?…;":
            b -= 1
        return a, b

    def _according(self, ss: int, se: int, cs: int, ce: int) -> None:
        text = self.text
        cue = (cs, ce)
        word = text[cs:ce].lower()
        if word in POSTPOSED:
            speaker = self._backward(ss, cs)
            if self._valid_speaker(speaker):
                self._emit(speaker, cue, self._content_after(ce, se), "according")
            return
        before = text[ss:cs].strip()
        if len(before.split()) <= 2 and not before.endswith(","):
            rel = _RELATIVE_SOURCE.match(text, ce, se)  # "За даними, які оприлюднила X, ..."
            start = rel.end() if rel else ce
            comma = text.find(",", start, se)
            if comma >= 0 and len(text[start:comma].split()) <= MAX_SPEAKER_TOKENS:
                speaker = self._source_of(strip_span(text, start, comma), word)
                content = self._content_after(comma + 1, se)
            else:
                speaker = self._np_after(ce, se)
                content = self._content_after(speaker[1], se) if speaker else (0, 0)
            if self._valid_speaker(speaker, loose=True) and content[1] > content[0]:
                self._emit(speaker, cue, content, "according")
            return
        if before.endswith(","):
            rest = self._content_after(ce, se)
            m = self.lex_data_source.match(text, rest[0], rest[1])
            speaker = strip_span(text, m.end(), rest[1]) if m else self._source_of(self._forward(ce, se), word)
            content = strip_span(text, ss, ss + len(text[ss:cs].rstrip()) - 1)
            if self._valid_speaker(speaker, loose=True):
                self._emit(speaker, cue, content, "according")

    def _source_of(self, span: Span | None, cue_word: str) -> Span | None:
        """The source inside "preliminary figures from X" / "un bilan provisoire de X"; "X mitteilte" -> X."""
        if not span:
            return span
        m = self.lex_data_source.match(self.text, span[0], span[1])
        if m and m.end() < span[1]:
            span = strip_span(self.text, m.end(), span[1])
        if cue_word == "wie":  # German "Wie der Katastrophenschutz mitteilte, ...": drop the trailing verb
            toks = tokens(self.text, *span)
            if len(toks) >= 2 and self.text[toks[-1][0]].islower():
                span = (span[0], toks[-2][1])
            else:
                return None
        return span

    def _np_after(self, a: int, se: int) -> Span | None:
        """A short noun phrase after a preposition when no comma closes it ("laut der Polizei wurden")."""
        picked: list[tuple[int, int]] = []
        toks = tokens(self.text, a, se)
        for i, (s, e) in enumerate(toks):
            w = self.text[s:e].strip(",.;:")
            nxt = self.text[toks[i + 1][0]:toks[i + 1][1]] if i + 1 < len(toks) else ""
            if any(ch.isdigit() for ch in w):
                break
            if self.lex.lang == "de":
                if w[:1].isupper() or w.lower() in self.dets or (nxt[:1].isupper() and len(picked) < 3):
                    picked.append((s, e))
                    continue
                break
            low = w.lower()
            if low in self.lex.cue_class or low in {"to", "jest", "są", "było", "była"} or (
                    self.lex.lang == "pl" and picked and low.endswith(("ł", "ła", "ło", "li", "ły"))):
                break
            picked.append((s, e))
            if len(picked) >= 2:
                break
        if not picked:
            return None
        return strip_span(self.text, picked[0][0], picked[-1][1])

    def _subject(self, ss: int, cs: int) -> Span | None:
        """The capitalised words opening a sentence ("Trump" in "Trump hit back, saying ...")."""
        picked = []
        for a, b in tokens(self.text, ss, cs)[:5]:
            word = self.text[a:b].strip(",;:")
            if not (word[:1].isupper() or word.lower() in self.dets) or word.lower() in BOUNDARY:
                break
            picked.append((a, b))
            if self.text[b - 1] in ",;:":
                break
        if not picked or all(self.text[a:b].lower() in self.dets for a, b in picked):
            return None
        return strip_span(self.text, picked[0][0], picked[-1][1])

    def _appositive(self, ss: int, cs: int, before: str) -> Span | None:
        """A sentence-opening "Name, role," (or "role, Name,") before the cue, as one speaker span."""
        if not before.endswith(",") or before.count(",") != 2:
            return None
        first, second = (p.strip() for p in before[:-1].split(",", 1))
        if not first or not second or len(first.split()) > 4 or len(second.split()) > 9:
            return None
        names = [p for p in (first, second) if all(_cap_word(w) for w in p.split())]
        if not names or any(c in before for c in "“”„«»\""):
            return None
        return strip_span(self.text, ss, ss + len(before), " ,;:")

    def _verb(self, ss: int, se: int, cs: int, ce: int) -> None:
        text = self.text
        cue = (cs, ce)
        before = text[ss:cs].rstrip()
        after_words = text[ce:se].split()
        # "Elena Sauer, head of the mission, called for ..." / "Son porte-parole, Arkadi Ternov, a affirmé que"
        appos = self._appositive(ss, cs, before)
        if appos and len(after_words) >= 3:
            content = self._content_after(ce, se)
            if content[1] - content[0] >= 3:
                self._emit(appos, cue, content, "indirect")
                return
        # "..., said X." / "..., — заявив X."
        if before.endswith((",", "—", "–", ", -")) and len(before.split()) >= 3:
            comma = ss + len(before.rstrip(" —–-").rstrip())
            speaker = self._forward(ce, se)
            content = strip_span(text, ss, comma, " \t\n,—–-")
            if self._valid_speaker(speaker) and content[1] > content[0]:
                self._emit(speaker, cue, content, "indirect")
                return
        # "..., X said (on Monday)."
        if len(after_words) <= 4 and "," in before:
            comma = ss + before.rfind(",")
            speaker = self._backward(comma + 1, cs)
            content = strip_span(text, ss, comma)
            if self._valid_speaker(speaker) and speaker[0] <= comma + 3 and content[1] > content[0]:
                self._emit(speaker, cue, content, "indirect")
                return
        # "X said (that) ..."; "X criticised Y, saying ..." takes the sentence's subject
        speaker = self._backward(ss, cs)
        if not self._valid_speaker(speaker) and text[cs:ce].lower().endswith("ing"):
            speaker = self._subject(ss, cs)
        content = self._content_after(ce, se)
        if self._valid_speaker(speaker) and content[1] - content[0] >= 3:
            self._emit(speaker, cue, content, "indirect")


def extract_statements(text: str, language: str = "", *, lexicon_path: str | None = None) -> list[Statement]:
    """All attributed statements in ``text``, in text order.

    ``language`` picks the cue lexicon (guessed from the script when empty); ``lexicon_path`` names a
    user TOML file that extends it. Offsets index into ``text``. Never raises on odd text.
    """
    if not text or not text.strip():
        return []
    lang = (language or guess_language(text)).split("-")[0].lower()
    lex = get_lexicon(lang, lexicon_path)
    ex = _Extractor(text, lex)
    ex.run_quotes()
    ex.run_dash()
    ex.run_indirect()
    ex.run_colon()
    return sorted(ex.out, key=lambda s: s.content_span[0])


__all__ = ["extract_statements", "guess_language", "inside"]
