"""Watch: poll an incident's feeds, URLs and GDELT queries, ingest and re-match, and write digests of what is new."""

from .config import WatchSource, add_source, list_sources, remove_source
from .digest import render_html, render_markdown, write_digest
from .events import WatchEvent, claim_events, coverage_events, detect_events, wave_events
from .loop import CycleResult, WatchSettings, next_wait, run_cycle, watch
from .state import digests, get_state, reported_keys, set_state

__all__ = [
    "CycleResult", "WatchEvent", "WatchSettings", "WatchSource", "add_source", "claim_events", "coverage_events",
    "detect_events", "digests", "get_state", "list_sources", "next_wait", "remove_source", "render_html",
    "render_markdown", "reported_keys", "run_cycle", "set_state", "watch", "wave_events", "write_digest",
]
