"""The claims layer's records: attributed statements, figures and claims."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

Span = tuple[int, int]


@dataclass(slots=True, frozen=True)
class Speaker:
    """A speaker as written and split: person name, role, affiliation, and what kind of source it is."""

    raw: str
    name: str = ""  # the person or institution, titles removed ("Volodymyr Zelenskyy")
    role: str = ""  # "President", "Regional Governor"
    affiliation: str = ""  # "Ukraine"
    kind: str = "unknown"  # person | institution | role | pronoun | unnamed | outlet

    @property
    def label(self) -> str:
        """The normalised speaker: the name, else the institution or role, else the raw text."""
        return self.name or self.role or self.raw


@dataclass(slots=True)
class Statement:
    """One attributed statement found in a text, with character offsets into that text."""

    speaker: Speaker
    cue: str
    cue_class: str  # say | accuse | deny | find | call | according | none
    content: str
    language: str
    style: str  # the quote marks ("“”", "„“", "«»", "dash"), "indirect", "according" or "narration"
    content_span: Span
    source_span: Span | None = None
    cue_span: Span | None = None
    content_parts: list[Span] = field(default_factory=list)  # more content pieces (split quotes)


@dataclass(slots=True, frozen=True)
class Figure:
    """A casualty figure: kind (killed|injured|missing), low/high bounds, qualifier, text, span."""

    kind: str
    low: int | None
    high: int | None
    qualifier: str  # exact | at-least | more-than | up-to | about | fewer-than | range
    text: str
    span: Span

    def as_dict(self) -> dict:
        """A JSON-ready dict."""
        return {"kind": self.kind, "low": self.low, "high": self.high, "qualifier": self.qualifier,
                "text": self.text, "span": list(self.span)}


@dataclass(slots=True)
class Claim:
    """A statement classified for an incident: kind, blame target, hedges, figures, timing."""

    statement: Statement
    kind: str  # blame | denial | investigation | finding | figure | statement
    target: str = ""  # who is blamed, as written
    target_norm: str = ""  # who is blamed, normalised ("Russia", "air defence (misfire)")
    hedges: list[str] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    article_id: str = ""
    incident_id: str = ""
    outlet: str = ""
    url: str = ""
    published_at: datetime | None = None
    lag: timedelta | None = None
    date_source: str = ""  # how the article's date is known ("html-meta", "warc-header", "fetched" ...)

    @property
    def id(self) -> str:
        """Stable id from the incident, the article and the content span."""
        from ..model import stable_id

        s = self.statement
        return stable_id("claim", self.incident_id, self.article_id, str(s.content_span[0]),
                         str(s.content_span[1]), self.kind)
