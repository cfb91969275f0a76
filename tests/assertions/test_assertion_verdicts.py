"""Every built-in assertion kind on corpora whose verdicts are known in advance."""

from __future__ import annotations

from assertions_corpus import corpus_fixture, gapped_fixture  # noqa: F401 - fixtures "corpus", "gapped"

from storyradar.assertions import CONTRADICTED, SUPPORTED, UNDECIDABLE, check_assertions, parse_inline


def run(store, inc, text, **kw):
    [res] = check_assertions(store, inc, [parse_inline(text)], save=False, **kw)
    return res.verdict


# --- coverage_stopped --------------------------------------------------------------------------
def test_coverage_stopped_contradicted_lists_every_late_article_by_day_and_outlet(corpus):
    store, inc = corpus
    v = run(store, inc, "coverage_stopped after=2025-03-16")
    assert v.verdict == CONTRADICTED
    assert v.figures["articles_after"] == 2
    assert v.figures["outlets_after"] == 1
    assert v.figures["articles_before"] == 35
    assert v.figures["checked_from"] == "2025-03-17"
    assert [i["day"] for i in v.items] == ["2025-03-24", "2025-03-24"]
    assert {i["outlet"] for i in v.items} == {"late.example"}
    assert v.tables["by_day_and_outlet"] == [{"day": "2025-03-24", "outlet": "late.example", "articles": 2}]
    assert any("at most 0 matched articles" in t for t in v.thresholds)


def test_coverage_stopped_supported_with_filters_and_tolerance(corpus):
    store, inc = corpus
    v = run(store, inc, "coverage_stopped after=2025-03-16 language=en,uk")
    assert v.verdict == SUPPORTED
    assert v.figures["articles_after"] == 0
    assert v.figures["blind_days"] == 0
    assert v.figures["checked_until"] == "2025-04-13"  # the last collected day (day 30, local)
    assert v.figures["days_checked"] == 28
    assert run(store, inc, "coverage_stopped after=2025-03-16 max_articles=2").verdict == SUPPORTED
    assert run(store, inc, "coverage_stopped after=2025-03-16 outlet=late.example").verdict == CONTRADICTED
    assert run(store, inc, "coverage_stopped after=2025-03-16 country=XX").verdict == SUPPORTED
    # the late pair falls on 24 March: after the 24th, nothing
    assert run(store, inc, "coverage_stopped after=2025-03-24").verdict == SUPPORTED
    # a span that ends before the late pair
    assert run(store, inc, "coverage_stopped after=2025-03-16 until=2025-03-23").verdict == SUPPORTED


def test_coverage_stopped_not_decidable_over_a_collection_gap(gapped):
    store, inc = gapped
    v = run(store, inc, "coverage_stopped after=2025-03-16 language=en,uk")
    assert v.verdict == UNDECIDABLE
    blind = sorted({b["day"] for b in v.tables["blind_days"]})
    assert blind == ["2025-03-26", "2025-03-27", "2025-03-28"]
    assert {b["source"] for b in v.tables["blind_days"]} == {"feedA"}
    assert v.figures["blind_days"] == 3
    assert "does not cover 3 of the days" in v.summary
    # the gap does not hide coverage that was found: a contradiction stays a contradiction
    assert run(store, inc, "coverage_stopped after=2025-03-16").verdict == CONTRADICTED
    # a span that ends before the gap is decidable
    assert run(store, inc, "coverage_stopped after=2025-03-16 language=en,uk until=2025-03-25").verdict == SUPPORTED


def test_coverage_stopped_not_decidable_past_the_end_of_collection(corpus):
    store, inc = corpus
    v = run(store, inc, "coverage_stopped after=2025-04-20")
    assert v.verdict == UNDECIDABLE
    assert any("after the end of the collected corpus" in b["reason"] for b in v.tables["blind_days"])
    # fewer than min_days collected after the date
    v = run(store, inc, "coverage_stopped after=2025-04-10 min_days=7")
    assert v.verdict == UNDECIDABLE
    assert run(store, inc, "coverage_stopped after=2025-04-10 min_days=3").verdict == SUPPORTED


def test_coverage_stopped_crawl_time_only_is_not_decidable(store):
    from assertions_corpus import build_corpus

    inc = build_corpus(store, weak_late=True)
    v = run(store, inc, "coverage_stopped after=2025-03-16")
    assert v.verdict == UNDECIDABLE
    assert v.figures["articles_after"] == 2
    assert v.figures["articles_after_with_publication_date"] == 0


# --- first_claim_within ------------------------------------------------------------------------
def test_first_claim_within(corpus):
    store, inc = corpus
    v = run(store, inc, "first_claim_within claim=blame within=1h")
    assert v.verdict == SUPPORTED
    assert v.figures["first_delay_minutes"] == 40.0
    assert v.items[0]["speaker"] == "Regional Governor Ivan Petrenko"
    v = run(store, inc, "first_claim_within claim=blame within=30m")
    assert v.verdict == CONTRADICTED
    assert "40 min" in v.summary
    v = run(store, inc, "first_claim_within claim=blame within=2h speaker=ministry")
    assert v.verdict == CONTRADICTED
    assert v.figures["first_delay_minutes"] == 180.0
    assert run(store, inc, "first_claim_within claim=denial within=6h").verdict == SUPPORTED
    # a user's word for the kind is mapped onto the stored kind names
    assert run(store, inc, "first_claim_within claim=casualties within=90m").verdict == SUPPORTED


def test_first_claim_within_respects_incident_precision_and_missing_claims(store):
    from assertions_corpus import add_claim, build_corpus

    inc = build_corpus(store)
    v = run(store, inc, "first_claim_within claim=blame within=1h")
    assert v.verdict == UNDECIDABLE and "no claims are stored" in v.summary
    inc.precision = "hour"
    store.save_incident(inc)
    add_claim(store, inc, kind="blame", speaker="someone", hours=40 / 60)
    v = run(store, inc, "first_claim_within claim=blame within=30m")
    assert v.verdict == UNDECIDABLE and "precision" in v.summary


# --- claims_before_evidence --------------------------------------------------------------------
def test_claims_before_evidence(corpus):
    store, inc = corpus
    v = run(store, inc, "claims_before_evidence claim=blame")
    assert v.verdict == SUPPORTED
    assert v.figures["claims_before_evidence"] == 1
    assert v.figures["first_evidence_time_is"] == "first seen"
    assert v.items[0]["hours_before_evidence"] == 1.33
    v = run(store, inc, "claims_before_evidence claim=blame basis=registered")
    assert v.verdict == SUPPORTED and v.figures["claims_before_evidence"] == 2
    assert run(store, inc, "claims_before_evidence claim=blame basis=registered min_claims=3").verdict == CONTRADICTED
    v = run(store, inc, "claims_before_evidence claim=denial")
    assert v.verdict == CONTRADICTED and v.figures["claims_of_kind"] == 1


def test_claims_before_evidence_without_evidence_or_first_seen(store):
    from assertions_corpus import add_claims, add_evidence, build_corpus

    inc = build_corpus(store)
    add_claims(store, inc)
    assert run(store, inc, "claims_before_evidence claim=blame").verdict == UNDECIDABLE
    add_evidence(store, inc, first_seen_hours=None, acquired_hours=4)
    v = run(store, inc, "claims_before_evidence claim=blame")
    assert v.figures["first_evidence_time_is"] == "registered"
    assert v.figures["claims_before_evidence"] == 2


# --- figures -----------------------------------------------------------------------------------
def test_figures_every_source_number_and_time(corpus):
    store, inc = corpus
    v = run(store, inc, "figures values=16,17")
    assert v.verdict == CONTRADICTED
    assert [(i["source"], i["figure"], i["status"]) for i in v.items] == [
        ("State Emergency Service", "at least 12", "compatible"),
        ("local hospital sources", "15", "differs"),
        ("regional administration", "16", "matches"),
        ("State Emergency Service", "17", "matches"),
    ]
    assert [i["hours_after_incident"] for i in v.items] == [1.0, 2.0, 6.0, 30.0]
    assert v.figures["differs"] == 1 and v.figures["sources"] == 3
    assert run(store, inc, "figures values=16,17 speaker=emergency").verdict == SUPPORTED
    assert run(store, inc, "figures values=15,16,17").verdict == SUPPORTED


def test_figures_modes_and_kinds(corpus):
    store, inc = corpus
    # each source's latest: emergency 17, hospital 15, region 16
    v = run(store, inc, "figures values=15,16,17 mode=final")
    assert v.verdict == SUPPORTED and v.figures["judged"] == 3
    assert run(store, inc, "figures values=16,17 mode=final").verdict == CONTRADICTED
    assert run(store, inc, "figures values=16 mode=any").verdict == SUPPORTED
    assert run(store, inc, "figures values=20 mode=any").verdict == UNDECIDABLE  # only "at least 12" fits
    assert run(store, inc, "figures values=3 mode=any").verdict == CONTRADICTED
    v = run(store, inc, "figures figure=injured values=41")
    assert v.verdict == UNDECIDABLE  # "more than 40" is a bound, not a figure
    assert v.items[0]["figure"] == "at least 41"
    assert run(store, inc, "figures figure=missing values=0").verdict == UNDECIDABLE


# --- no_finding_by -----------------------------------------------------------------------------
def test_no_finding_by(corpus):
    store, inc = corpus
    v = run(store, inc, "no_finding_by by=2025-03-31")
    assert v.verdict == SUPPORTED
    assert v.figures["findings_later"] == 1
    v = run(store, inc, "no_finding_by by=2025-04-05")
    assert v.verdict == CONTRADICTED and v.items[0]["speaker"] == "the inquiry commission"
    assert run(store, inc, "no_finding_by by=2025-03-31 claims=finding,investigation").verdict == SUPPORTED


def test_no_finding_by_not_decidable_over_a_gap(gapped):
    gstore, ginc = gapped
    v = run(gstore, ginc, "no_finding_by by=2025-03-31")
    assert v.verdict == UNDECIDABLE and v.figures["blind_days"] == 3


# --- coincides_with ----------------------------------------------------------------------------
CALENDAR = "date,label,category\n2025-02-01,Parliament vote on budget,vote\n2025-03-15,Foreign minister visit,visit\n" \
           "2025-05-20,Summit,summit\n"


def test_coincides_with(corpus, tmp_path):
    store, inc = corpus
    cal = tmp_path / "calendar.csv"
    cal.write_text(CALENDAR, encoding="utf-8")
    v = run(store, inc, "coincides_with event=visit within_days=1 permutations=200", calendar=cal)
    assert v.verdict == SUPPORTED
    assert v.items == [{"day": "2025-03-15", "label": "Foreign minister visit", "category": "visit",
                        "days_from_incident": 1}]
    assert v.figures["coincidence_test"]["incidents"] == 1
    assert v.figures["coincidence_test"]["observed"] == 1
    assert any("only 1 incident" in w for w in v.figures["coincidence_test"]["warnings"])
    v = run(store, inc, "coincides_with category=vote within_days=3 permutations=200", calendar=cal)
    assert v.verdict == CONTRADICTED
    assert v.figures["nearest_event"]["days_from_incident"] == -41
    assert run(store, inc, "coincides_with category=election", calendar=cal).verdict == UNDECIDABLE
    old = tmp_path / "old.csv"
    old.write_text("date,label,category\n2024-01-10,Visit,visit\n2024-06-01,Visit,visit\n", encoding="utf-8")
    v = run(store, inc, f"coincides_with category=visit calendar={old}")
    assert v.verdict == UNDECIDABLE and "covers 2024-01-10 to 2024-06-01" in v.summary


def test_coincides_with_by_the_test_alone(corpus, tmp_path):
    from datetime import timedelta

    from assertions_corpus import make_incident

    store, inc = corpus
    cal = tmp_path / "calendar.csv"
    cal.write_text(CALENDAR, encoding="utf-8")
    v = run(store, inc, "coincides_with event=visit basis=test permutations=200", calendar=cal)
    assert v.verdict == UNDECIDABLE and "Only 1 incident(s)" in v.summary
    # twelve incidents at irregular intervals, each a day before a visit
    gaps = [17, 29, 41, 23, 37, 19, 31, 43, 26, 34, 21, 39]
    days = [inc.occurred_at + timedelta(days=sum(gaps[:k + 1])) for k in range(len(gaps))]
    for k, when in enumerate(days):
        store.save_incident(make_incident(f"other-{k}", when))
    rows = "".join(f"{(d + timedelta(days=1)).date()},Visit {k},visit\n" for k, d in enumerate(days))
    cal.write_text("date,label,category\n2025-03-15,Foreign minister visit,visit\n" + rows, encoding="utf-8")
    v = run(store, inc, "coincides_with category=visit basis=test within_days=1 permutations=500", calendar=cal)
    assert v.verdict == SUPPORTED
    assert v.figures["coincidence_test"]["incidents"] == 13 and v.figures["coincidence_test"]["observed"] == 13
    assert v.figures["coincidence_test"]["p_value"] < 0.01


def test_coverage_stopped_relative_to_peak(corpus):
    store, inc = corpus
    # peak day 20 articles; the late day has 2: below 0.2 × 20 but not below 0.1 × 20
    v = run(store, inc, "coverage_stopped after=2025-03-16 threshold_of_peak=0.2")
    assert v.verdict == SUPPORTED
    assert v.figures["peak_day_articles"] == 20 and v.figures["busiest_day_after"] == 2
    assert run(store, inc, "coverage_stopped after=2025-03-16 threshold_of_peak=0.1").verdict == CONTRADICTED
