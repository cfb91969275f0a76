"""Ingest: read coverage from files, archives, feeds, URLs and exports into Article records."""

from __future__ import annotations

from .extract import extract_page
from .registry import (
    SOURCES,
    PageWithFields,
    Skipped,
    Source,
    SourceOption,
    detect_kind,
    get_source,
    load_sources,
    source,
)
from .runner import process_record, run_ingest

__all__ = [
    "SOURCES", "PageWithFields", "Skipped", "Source", "SourceOption", "detect_kind", "extract_page",
    "get_source", "load_sources", "process_record", "run_ingest", "source",
]
