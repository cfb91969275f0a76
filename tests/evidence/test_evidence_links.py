"""Links to claims, claims ↔ evidence time order, and the report section."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from evidence_helpers import INCIDENT, add_claim, make_jpeg

from storyradar.errors import NotFoundError, StoryradarError
from storyradar.evidence import add_evidence, claims_vs_evidence, entries, link, section, verify
from storyradar.evidence.links import human_span
from storyradar.report.section import ReportSection

T = datetime(2031, 3, 14, 9, 0, tzinfo=UTC)


@pytest.fixture
def linked(store, incident, tmp_path):
    [photo] = add_evidence(store, [make_jpeg(tmp_path / "p.jpg")], incident=INCIDENT, by="a",
                           first_seen="2031-03-14T12:30:00+02:00")  # 10:30 UTC
    doc = tmp_path / "doc.txt"
    doc.write_text("fictional document")
    [doc_item] = add_evidence(store, [doc], incident=INCIDENT, by="a", first_seen="2031-03-14T13:00:00Z")
    add_claim(store, "claim-early", incident.id, T, speaker="Regional governor")            # 09:00 UTC
    add_claim(store, "claim-late", incident.id, datetime(2031, 3, 15, 8, 0, tzinfo=UTC), speaker="Trader",
              content="I heard a loud noise first.")
    add_claim(store, "claim-alone", incident.id, datetime(2031, 3, 14, 7, 30, tzinfo=UTC), speaker="Agency")
    link(store, photo.id[:8], "claim-early", "contradicts", "The photo shows no gas installation.", "a")
    link(store, doc_item.id, "claim-early", "context", "Inspection record of the market.", "a")
    link(store, photo.id, "claim-late", "supports", "Smoke visible before flames.", "b")
    return photo, doc_item


def test_link_validates_everything(store, linked):
    photo, _ = linked
    with pytest.raises(StoryradarError, match="relation must be one of supports, contradicts, context"):
        link(store, photo.id, "claim-early", "proves", "x", "a")
    with pytest.raises(StoryradarError, match="needs a reason"):
        link(store, photo.id, "claim-early", "supports", "  ", "a")
    with pytest.raises(NotFoundError, match="no claim with id 'claim-missing'"):
        link(store, photo.id, "claim-missing", "supports", "x", "a")
    with pytest.raises(NotFoundError, match="no evidence item"):
        link(store, "ffffffffffff", "claim-early", "supports", "x", "a")
    with pytest.raises(StoryradarError, match="ambiguous"):
        link(store, photo.id, "claim", "supports", "x", "a")  # prefix of three claims


def test_links_are_logged_and_relinking_replaces(store, linked):
    photo, _ = linked
    log = [e for e in entries(store, INCIDENT) if e.action == "linked"]
    assert len(log) == 3
    assert log[0].details == {"claim_id": "claim-early", "relation": "contradicts",
                              "why": "The photo shows no gas installation."}
    link(store, photo.id, "claim-early", "contradicts", "The photo shows no gas installation.", "a")
    assert len([e for e in entries(store, INCIDENT) if e.action == "linked"]) == 3  # same link: no-op
    link(store, photo.id, "claim-early", "context", "On reflection, only context.", "a")
    last = entries(store, INCIDENT)[-1]
    assert last.details["replaces"] == {"relation": "contradicts", "why": "The photo shows no gas installation."}
    rows = store.query("SELECT relation FROM evidence_links WHERE evidence_id = ? AND claim_id = 'claim-early'",
                       [photo.id])
    assert rows == [{"relation": "context"}]
    assert verify(store, record=False).ok


def test_claims_vs_evidence_time_order(store, linked):
    photo, doc = linked
    rows = claims_vs_evidence(store, INCIDENT)
    assert [(r["claim_id"], r["evidence_id"]) for r in rows] == [
        ("claim-alone", ""), ("claim-early", photo.id), ("claim-early", doc.id), ("claim-late", photo.id)]
    alone, early_photo, early_doc, late = rows
    # the earliest evidence was first seen at 10:30 UTC
    assert alone["before_any_evidence"] is True and alone["before_any_by"] == "3 h"
    assert alone["order"] == "no evidence linked" and alone["claim_lead_s"] is None
    assert early_photo["before_any_evidence"] is True and early_photo["before_any_by"] == "1 h 30 min"
    assert early_photo["claim_lead_s"] == 5400 and early_photo["order"] == "claim 1 h 30 min before evidence"
    assert early_photo["evidence_time_basis"] == "first seen" and early_photo["relation"] == "contradicts"
    assert early_doc["claim_lead_s"] == 4 * 3600 and early_doc["relation"] == "context"
    assert late["before_any_evidence"] is False and late["before_any_by"] == ""
    assert late["claim_lead_s"] == -(21 * 3600 + 1800) and late["order"] == "evidence 21 h 30 min before claim"
    assert late["speaker"] == "Trader" and late["content"] == "I heard a loud noise first."


def test_evidence_without_first_seen_uses_registration_time(store, incident, tmp_path):
    [item] = add_evidence(store, [make_jpeg(tmp_path / "p.jpg")], incident=INCIDENT, by="a")
    add_claim(store, "c1", incident.id, datetime(2001, 1, 1, tzinfo=UTC))
    link(store, item.id, "c1", "supports", "why not", "a")
    [row] = claims_vs_evidence(store, INCIDENT)
    assert row["evidence_time_basis"] == "registered"
    assert row["evidence_time"] == item.acquired_at.isoformat()
    assert row["before_any_evidence"] is True and row["claim_lead_s"] > 0


def test_claim_time_falls_back_to_its_article(store, incident, tmp_path):
    from storyradar.model import Article

    art = Article(url="https://outlet.example.test/a", title="t", text="x",
                  published_at=datetime(2031, 3, 14, 8, 0, tzinfo=UTC), outlet="outlet.example.test")
    store.upsert_articles([art])
    store.execute("INSERT INTO claims (id, article_id, incident_id, speaker, content) VALUES (?, ?, ?, ?, ?)",
                  ["c-untimed", art.id, incident.id, "Spokesperson", "A statement."])
    [row] = claims_vs_evidence(store, INCIDENT)
    assert row["claim_time"] == "2031-03-14T08:00:00+00:00" and row["outlet"] == "outlet.example.test"
    assert row["before_any_evidence"] is None  # no evidence yet: nothing to compare with


@pytest.mark.parametrize("seconds, text", [(0, "0 s"), (42, "42 s"), (60, "1 min"), (3600, "1 h"),
                                           (5400, "1 h 30 min"), (86400, "1 d"), (93600, "1 d 2 h"),
                                           (-5400, "1 h 30 min")])
def test_human_span(seconds, text):
    assert human_span(seconds) == text


def test_section_shows_register_claims_and_custody(store, linked):
    sec = section(store, INCIDENT)
    assert isinstance(sec, ReportSection) and sec.key == "evidence"
    assert set(sec.tables) == {"register", "claims_vs_evidence", "custody"}
    assert [r["name"] for r in sec.tables["register"]] == ["p.jpg", "doc.txt"]
    assert sec.tables["register"][0]["captured"] == "2031-03-14T07:06:07+00:00 (EXIF, offset +02:00)"
    assert sec.tables["register"][0]["gps"] == "47.12300, -35.45600"
    assert len(sec.tables["claims_vs_evidence"]) == 4
    assert [r["action"] for r in sec.tables["custody"]] == ["acquired", "acquired", "linked", "linked", "linked"]
    text = " ".join(sec.summary)
    assert "2 evidence items registered (1 document, 1 photo)." in text
    assert "verification of 2 files: all checks passed" in text
    assert "3 claims about the incident; 2 linked to evidence." in text
    assert "2 claims published before any evidence was first seen or registered; the earliest by 3 h." in text
    assert len(entries(store, INCIDENT)) == 5  # building the section records nothing


def test_section_reports_failures_and_is_none_without_evidence(store, linked, vault):
    photo, _ = linked
    path = vault.path_for(photo.sha256)
    path.chmod(0o644)
    path.write_bytes(b"changed")
    sec = section(store, INCIDENT)
    assert "checks failed" in " ".join(sec.summary)
    assert any(r["kind"] == "file-changed" and r["evidence_id"] == photo.id for r in sec.tables["verification"])
    from storyradar.model import Incident, Place

    store.save_incident(Incident(name="quiet", occurred_at=T, place=Place("Nowhere")))
    assert section(store, "quiet") is None
