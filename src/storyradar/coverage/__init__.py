"""Coverage analysis: timelines, first mention, peak, silence, later waves and collection gaps."""

from .analysis import Coverage, analyse_coverage
from .collection import CollectionGap, collection_by_day, collection_gaps
from .matched import CoverageItem, matched_items
from .timeline import Timeline, build_timeline
from .waves import SilenceRule, Wave, WaveRule

__all__ = [
    "CollectionGap", "Coverage", "CoverageItem", "SilenceRule", "Timeline", "Wave", "WaveRule",
    "analyse_coverage", "build_timeline", "collection_by_day", "collection_gaps", "matched_items",
]
