"""Typed statements about an incident, tested against the corpus into verdicts with their evidence."""

from .check import check_assertions, check_file, clear_results, save_results, stored_results
from .parse import load_file, parse_inline
from .records import (
    CONTRADICTED,
    SUPPORTED,
    UNDECIDABLE,
    VERDICT_WORDS,
    Assertion,
    AssertionResult,
    Verdict,
)
from .registry import KINDS, AssertionError_, AssertionKind, CheckContext, Param, assertion_kind, get_kind
from .section import section

__all__ = [
    "CONTRADICTED", "KINDS", "SUPPORTED", "UNDECIDABLE", "VERDICT_WORDS", "Assertion", "AssertionError_",
    "AssertionKind", "AssertionResult", "CheckContext", "Param", "Verdict", "assertion_kind",
    "check_assertions", "check_file", "clear_results", "get_kind", "load_file", "parse_inline",
    "save_results", "section", "stored_results",
]
