"""What drives a later wave: cue vocabulary in several languages and novelty against the first burst."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from storyradar.coverage.matched import CoverageItem
from storyradar.coverage.waves import characterise


def _item(title: str, text: str = "", outlet: str = "o.example") -> CoverageItem:
    return CoverageItem(article_id=title[:12], url="https://o.example/" + title[:8], title=title, outlet=outlet,
                        language="", country="", published_at=datetime(2025, 5, 1, tzinfo=UTC),
                        published_offset_min=None, date_source="html-meta", relation="about", score=1.0,
                        dup_group="", source_kind="html", collection_source="x", text=text)


FIRST_BURST = [_item("Missile hits central market, several killed", "Rescuers searched the rubble of the market."),
               _item("Market strike: officials give first figures", "Witnesses described a loud explosion.")]


@pytest.mark.parametrize(("titles", "label"), [
    (["Commission concludes inquiry into market strike", "Investigators publish findings"], "investigation/finding"),
    (["Слідча комісія оприлюднила висновки", "Комісія дійшла висновку щодо удару"], "investigation/finding"),
    (["Ein Jahr nach dem Angriff: Gedenken am Markt", "Jahrestag des Raketenangriffs"], "anniversary"),
    (["Rocznica ataku na targowisko", "Mieszkańcy upamiętnili ofiary"], "anniversary"),
    (["Prosecutor charges two officers over market strike", "Court hears first case"], "legal step"),
    (["Суд начал рассмотрение дела", "Прокуратура предъявила обвинение"], "legal step"),
])
def test_cue_labels(titles, label):
    found, evidence, _ = characterise([_item(t) for t in titles], FIRST_BURST)
    assert found == label
    assert evidence and str(len(titles)) in evidence[0]


def test_rehash_when_nothing_new_is_said():
    wave = [_item("Missile hits central market, several killed", "Rescuers searched the rubble of the market.")]
    label, evidence, novelty = characterise(wave, FIRST_BURST)
    assert label == "rehash" and novelty < 0.35 and "new" in evidence[0]


def test_new_coverage_when_new_words_but_no_cue():
    wave = [_item("Farmers reopen stalls with donated refrigerators and tarpaulins",
                  "Volunteers delivered generators, shelving, awnings and scales for vendors.")]
    label, _, novelty = characterise(wave, FIRST_BURST)
    assert label == "new coverage" and novelty >= 0.35
