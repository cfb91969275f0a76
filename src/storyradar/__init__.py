"""storyradar: coverage, claims, evidence and physical checks for a contested incident, from data.

The CLI and the web app are thin shells over these functions; a notebook can call them directly::

    from storyradar import Store, analyse_coverage, build_report
    store = Store("storyradar.duckdb")
    cov = analyse_coverage(store, store.get_incident("my-incident"))
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# Public names, imported lazily so `import storyradar` stays fast and light.
_WHERE = {
    "Article": "model", "Incident": "model", "Place": "model", "Match": "model", "MatchReason": "model",
    "RawPage": "model", "Rejected": "model", "IngestSummary": "model",
    "StoryradarError": "errors", "IngestError": "errors", "IncidentSpecError": "errors",
    "AmbiguousPlaceError": "errors", "StoreError": "errors", "NotFoundError": "errors",
    "CustodyError": "errors", "MissingExtraError": "errors", "TimeError": "errors",
    "parse_time": "timeutil",
    "Store": "store",
    "run_ingest": "ingest",
    "load_incident_toml": "match", "resolve_place": "match", "name_variants": "match", "run_match": "match",
    "explain": "match",
    "analyse_coverage": "coverage", "SilenceRule": "coverage", "WaveRule": "coverage",
    "run_claims": "claims", "load_claims": "claims", "extract_claims": "claims",
    "add_evidence": "evidence", "capture_url": "evidence", "verify": "evidence", "link": "evidence",
    "export_dossier": "evidence", "import_dossier": "evidence",
    "sun_position": "verify", "intersect_bearings": "verify", "distance_from_delay": "verify",
    "save_observation": "verify",
    "coincidence_test": "correlate",
    "check_file": "assertions", "compare_incidents": "compare",
    "build_report": "report",
    "generate_corpus": "demo",
}
__all__ = sorted(_WHERE) + ["__version__"]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'storyradar' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
