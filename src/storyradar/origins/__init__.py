"""Origins: the first hours per source family, who said it first, naming of the place, encyclopedia histories."""

from .firsthours import first_hours, first_hours_chart, lag_minutes
from .firstsaid import spread_of, who_said_first
from .kinds import family_of
from .media import media_files, register_post_media
from .naming import naming_analysis, naming_chart, spelling_table, spellings_in
from .section import section
from .wikihistory import revision_facts, wiki_history

__all__ = [
    "family_of", "first_hours", "first_hours_chart", "lag_minutes", "media_files", "naming_analysis",
    "naming_chart", "register_post_media", "revision_facts", "section", "spelling_table", "spellings_in",
    "spread_of", "who_said_first", "wiki_history",
]
