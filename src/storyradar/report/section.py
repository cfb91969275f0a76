"""The contract between analysis modules and the report: a titled section of text, tables and charts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class ReportSection:
    """One section of an incident report.

    Analysis modules (claims, evidence, verify, correlate, ...) return one of these from their
    ``section(store, incident)`` function; the report renders it without knowing the domain:
    ``summary`` lines as paragraphs (plain text, escaped), each table as an HTML table plus CSV and
    JSON files named ``<key>_<table>.csv/json``, each chart (an altair Chart) as embedded SVG.
    Keep the words neutral: quote sources, report measurements, state uncertainty.
    """

    key: str  # short id used in file names and anchors, e.g. "claims"
    title: str
    summary: list[str] = field(default_factory=list)
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    charts: dict[str, Any] = field(default_factory=dict)  # name -> altair.Chart
    notes: list[str] = field(default_factory=list)  # method notes, thresholds, caveats
