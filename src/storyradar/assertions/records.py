"""The records of assertion checking: a typed assertion, its verdict and the items that decide it."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from ..model import stable_id

SUPPORTED = "supported"
CONTRADICTED = "contradicted"
UNDECIDABLE = "not decidable"

#: Verdicts and the words the report and CLI use for them (always "by/from this corpus").
VERDICT_WORDS = {
    SUPPORTED: "supported by this corpus",
    CONTRADICTED: "contradicted by this corpus",
    UNDECIDABLE: "not decidable from this corpus",
}


@dataclass(slots=True)
class Assertion:
    """A statement about an incident, of a registered kind, with validated parameters.

    ``origin`` says where it was written ("assertions.toml @ assertion 3", "--assert 2") so errors
    and reports can point back at it; ``label`` is the statement in the user's own words.
    """

    kind: str
    params: dict[str, Any]
    label: str = ""
    origin: str = ""
    meta: dict[str, Any] = field(default_factory=dict)  # id, expected, expected_because, note

    def key(self, incident_id: str) -> str:
        """Stable id of this assertion for this incident (same kind and parameters, same id)."""
        canon = json.dumps(self.params, sort_keys=True, default=str, ensure_ascii=False)
        return stable_id("assertion", incident_id, self.kind, canon)


@dataclass(slots=True)
class Verdict:
    """What the corpus says about one assertion.

    ``figures`` are the measurements behind the verdict, ``thresholds`` state in words what decides
    each verdict, ``items`` are the deciding articles, claims or events (plain dicts, JSON-ready),
    and ``tables`` holds further breakdowns (e.g. articles by day and outlet).
    """

    verdict: str  # SUPPORTED | CONTRADICTED | UNDECIDABLE
    summary: str
    figures: dict[str, Any] = field(default_factory=dict)
    thresholds: list[str] = field(default_factory=list)
    items: list[dict[str, Any]] = field(default_factory=list)
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    @property
    def words(self) -> str:
        """The verdict in the product's neutral words."""
        return VERDICT_WORDS[self.verdict]


@dataclass(slots=True)
class AssertionResult:
    """An assertion and its verdict for one incident."""

    incident: str
    assertion: Assertion
    verdict: Verdict

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (what ``storyradar check --json`` prints)."""
        a, v = self.assertion, self.verdict
        return {
            "incident": self.incident, "kind": a.kind, "label": a.label, "origin": a.origin,
            "params": a.params, "verdict": v.verdict, "verdict_words": v.words, "summary": v.summary,
            "figures": v.figures, "thresholds": v.thresholds, "items": v.items, "tables": v.tables,
            **({"expected": expected_verdict(a), "as_expected": expected_verdict(a) == v.verdict}
               if a.meta.get("expected") else {}),
            **({"meta": a.meta} if a.meta else {}),
        }


def expected_verdict(assertion: Assertion) -> str | None:
    """The verdict the author wrote as ``expected`` (supported, contradicted, not decidable), if any."""
    raw = str(assertion.meta.get("expected") or "").strip().lower().replace("_", " ").replace("-", " ")
    if not raw:
        return None
    for v in (SUPPORTED, CONTRADICTED, UNDECIDABLE):
        if raw == v or raw == VERDICT_WORDS[v] or raw.startswith(v):
            return v
    if raw in ("undecidable", "not decided", "unknown"):
        return UNDECIDABLE
    return raw
