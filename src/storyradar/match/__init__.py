"""Matching: incident specs, place-name variants, scoring, near-duplicates and story grouping."""

from .dedup import DedupSettings, distinct_stories, group_incident, shared_copies, syndication_groups
from .from_story import incident_from_story
from .gazetteer import alternate_names, candidates, resolve_place
from .matcher import Matcher, build_matcher
from .run import MatchSummary, explain, match_incident, run_match
from .score import MatchSettings, score_article
from .spec import incident_from_mapping, incident_to_toml, load_incident_toml
from .stories import StorySettings, cluster_articles, list_stories, story_articles, update_stories
from .variants import Variant, name_variants

__all__ = [
    "DedupSettings", "MatchSettings", "MatchSummary", "Matcher", "StorySettings", "Variant",
    "alternate_names", "build_matcher", "candidates", "cluster_articles", "distinct_stories", "explain",
    "group_incident", "incident_from_mapping", "incident_from_story", "incident_to_toml",
    "list_stories", "load_incident_toml", "match_incident", "name_variants", "resolve_place", "run_match",
    "score_article", "shared_copies", "story_articles", "syndication_groups", "update_stories",
]
