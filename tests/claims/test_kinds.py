"""Claim kinds: blame with targets, denial, investigation, finding, casualty report, hedges."""

from __future__ import annotations

import pytest

from storyradar.claims import extract_claims


def claim(text, lang, **kw):
    cs = extract_claims(text, lang, **kw)
    assert len(cs) == 1, [(c.kind, c.statement.content) for c in cs]
    return cs[0]


@pytest.mark.parametrize("lang, text, target, norm", [
    ("en", "Koval said a Russian strike hit the market.", "Russian strike", "Russia"),
    ("en", "Police said a Ukrainian air-defence missile fell on the market.", "Ukrainian air-defence missile",
     "Ukraine (air defence / misfire)"),
    ("en", "The ministry said an Israeli air strike hit the hospital.", "Israeli air strike", "Israel"),
    ("en", "Analysts said a misfired rocket caused the blast.", "misfired rocket", "air defence / misfire"),
    ("en", "Koval said Norland forces shelled the market.", "Norland forces shelled", "Norland"),
    ("en", "Koval accused Norland of a deliberate attack.", "Norland", "Norland"),
    ("uk", "Коваль заявив, що російська ракета влучила в ринок.", "російська ракета", "Russia"),
    ("uk", "Поліція повідомила, що ракета ППО впала на ринок.", "ракета ППО", "air defence / misfire"),
    ("ru", "Коваль заявил, что российская ракета попала в рынок.", "российская ракета", "Russia"),
    ("ru", "Коваль заявил, что украинская ракета ПВО упала на рынок.", "украинская ракета", "Ukraine (air defence / misfire)"),
    ("de", "Kowal sagte, eine russische Rakete habe den Markt getroffen.", "russische Rakete", "Russia"),
    ("pl", "Kowal powiedział, że rosyjski pocisk trafił w targ.", "rosyjski pocisk", "Russia"),
])
def test_blame_targets(lang, text, target, norm):
    c = claim(text, lang)
    assert c.kind == "blame" and c.target == target and c.target_norm == norm


@pytest.mark.parametrize("lang, text, kind", [
    ("en", "The Ministry of Defence of Norland denied any involvement, calling the claims “fabricated”.", "denial"),
    ("uk", "Міноборони Норландії заперечило будь-яку причетність до удару.", "denial"),
    ("de", "Das Verteidigungsministerium bestritt jede Beteiligung.", "denial"),
    ("en", "The mayor called for an independent international investigation.", "investigation"),
    ("uk", "Мер закликав до незалежного розслідування.", "investigation"),
    ("pl", "Burmistrz wezwał do niezależnego śledztwa.", "investigation"),
    ("en", "Investigators from the Joint Inquiry Commission concluded that the missile was launched from the "
           "north-east.", "finding"),
    ("de", "Die Untersuchungskommission kam zu dem Schluss, dass die Rakete aus Nordosten kam.", "finding"),
    ("ru", "Следователи комиссии пришли к выводу, что ракета была запущена с северо-востока.", "finding"),
    ("en", "According to emergency services, at least 12 people were killed and 30 injured.", "figure"),
    ("en", "“We will rebuild the market,” said Mayor Olha Marchenko.", "statement"),
])
def test_kinds(lang, text, kind):
    c = claim(text, lang)
    assert c.kind == kind


def test_casualty_report_carries_figures():
    c = claim("According to emergency services, at least 12 people were killed and 30 injured.", "en")
    assert [(f.kind, f.low, f.qualifier) for f in c.figures] == [("killed", 12, "at-least"), ("injured", 30, "exact")]
    text = "According to emergency services, at least 12 people were killed and 30 injured."
    assert text[c.figures[0].span[0]:c.figures[0].span[1]] == "at least 12"


@pytest.mark.parametrize("lang, text, hedge", [
    ("en", "Police said the blast may have been caused by a drone.", "may have"),
    ("en", "Koval said a missile reportedly hit the market.", "reportedly"),
    ("en", "Koval said the market was allegedly targeted.", "allegedly"),
    ("uk", "Коваль заявив, що ринок, ймовірно, був ціллю.", "ймовірно"),
    ("ru", "Коваль заявил, что рынок, возможно, был целью.", "возможно"),
    ("de", "Kowal sagte, der Markt sei mutmaßlich das Ziel gewesen.", "mutmaßlich"),
    ("pl", "Kowal powiedział, że targ był prawdopodobnie celem.", "prawdopodobnie"),
])
def test_hedges(lang, text, hedge):
    assert hedge in claim(text, lang).hedges


def test_unattributed_figure_is_the_outlets_own_text():
    cs = extract_claims("The market was busy. Sixteen people were killed in the strike.", "en")
    assert len(cs) == 1 and cs[0].statement.speaker.kind == "outlet" and cs[0].kind == "figure"
    assert cs[0].figures[0].low == 16
    assert extract_claims("The market was busy.", "en") == []
