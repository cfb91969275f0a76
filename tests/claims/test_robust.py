"""Bad or odd text never crashes extraction and stays fast (linear-time patterns)."""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyradar.claims import extract_claims, extract_figures, extract_statements

ALPHABET = st.sampled_from(list("ab XYZ.,;:!?\n—–-\"'“”„«»‚‘’‹›0123456789абвгґєіїЖШąęłżäöüß") +
                           ["said", " said ", "заявив", "sagte", "powiedział", "according to", " killed",
                            " at least ", "Koval", "“", "”", "'", "''", " — ", "\n— "])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ALPHABET, max_size=120).map("".join), st.sampled_from(["en", "uk", "ru", "de", "pl", "", "xx"]))
def test_fuzz_never_crashes_and_offsets_are_valid(text, lang):
    for c in extract_claims(text, lang):
        a, b = c.statement.content_span
        assert 0 <= a <= b <= len(text)
        for span in (c.statement.source_span, c.statement.cue_span):
            if span:
                assert 0 <= span[0] <= span[1] <= len(text)
    for f in extract_figures(text, lang or "en"):
        assert 0 <= f.span[0] < f.span[1] <= len(text)


def test_empty_and_blank():
    assert extract_statements("", "en") == [] and extract_claims("   \n ", "uk") == []


def test_no_sentence_breaks_and_mixed_scripts():
    text = ("Koval said the market was hit and Коваль заявив що ринок влучили and Kowal sagte es war ein Angriff "
            "“quote without end and « another » and „Zitat“ sagte Kowal ") * 40
    t0 = time.perf_counter()
    claims = extract_claims(text, "")
    assert time.perf_counter() - t0 < 2.0
    assert claims  # something is found despite no sentence breaks
    assert all(c.statement.content_span[1] - c.statement.content_span[0] <= 2000 for c in claims)


def test_one_megabyte_paragraph_is_fast():
    unit = "At least 12 people were killed, the governor said, and “it was deliberate” according to witnesses "
    text = unit * (1_000_000 // len(unit))
    t0 = time.perf_counter()
    claims = extract_claims(text, "en")
    elapsed = time.perf_counter() - t0
    assert claims and elapsed < 30, elapsed


def test_pathological_quote_marks_are_linear():
    for text in ("«" * 200_000, "“" * 100_000 + "”", "'a " * 100_000, "\"" * 100_001, "— " * 50_000):
        t0 = time.perf_counter()
        extract_statements(text, "en")
        assert time.perf_counter() - t0 < 5, text[:5]
