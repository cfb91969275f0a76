"""Claims: attributed statements, who is blamed, denials, findings and casualty figures over time."""

from .analysis import (
    blame_summary,
    figure_rows,
    figures_discrepancy,
    first_by_kind,
    format_lag,
    merge_claims,
    speakers_by_first,
)
from .attribution import extract_statements, guess_language
from .figures import extract_figures
from .kinds import KINDS, classify, extract_claims, find_blame
from .lexicon import get_lexicon, read_user_lexicon
from .records import Claim, Figure, Speaker, Statement
from .run import ClaimsSummary, claims_for_article, ensure_claims, load_claims, run_claims
from .section import section
from .speakers import normalise_speaker

__all__ = [
    "KINDS", "Claim", "ClaimsSummary", "Figure", "Speaker", "Statement", "blame_summary", "claims_for_article",
    "classify", "ensure_claims", "extract_claims", "extract_figures", "extract_statements", "figure_rows",
    "figures_discrepancy", "find_blame", "first_by_kind", "format_lag", "get_lexicon", "guess_language",
    "load_claims", "merge_claims", "normalise_speaker", "read_user_lexicon", "run_claims", "section",
    "speakers_by_first",
]
