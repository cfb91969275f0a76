"""GDELT: the DOC 2.0 API (article lists, timelines), the GKG / Events 15-minute files, and a report section."""

from .doc import (
    DOC_API_URL,
    FILES_URL,
    GdeltArticle,
    GdeltClient,
    GdeltSettings,
    TimelinePoint,
    parse_timeline,
)
from .files import (
    EventRecord,
    FileEntry,
    GdeltFilter,
    GkgRecord,
    Location,
    ScanReport,
    incident_filter,
    last_update,
    master_files,
    parse_event,
    parse_file_list,
    parse_gkg,
    scan,
    slot_urls,
)
from .pipeline import GdeltFetchSummary, doc_window, fetch_incident, files_to_store, record_articles
from .query import GdeltError, any_of, build_query, incident_query
from .section import section
from .timelines import StoredTimeline, load_timelines, save_timeline

__all__ = [
    "DOC_API_URL", "FILES_URL", "EventRecord", "FileEntry", "GdeltArticle", "GdeltClient", "GdeltError",
    "GdeltFetchSummary", "GdeltFilter", "GdeltSettings", "GkgRecord", "Location", "ScanReport", "StoredTimeline",
    "TimelinePoint", "any_of", "build_query", "doc_window", "fetch_incident", "files_to_store", "incident_filter",
    "incident_query", "last_update", "load_timelines", "master_files", "parse_event", "parse_file_list",
    "parse_gkg", "parse_timeline", "record_articles", "save_timeline", "scan", "section", "slot_urls",
]
