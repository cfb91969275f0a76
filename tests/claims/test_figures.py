"""Casualty figures: qualifiers, ranges, number words, languages."""

from __future__ import annotations

import pytest

from storyradar.claims import extract_figures
from storyradar.claims.figures import figure_label


def figs(text, lang):
    return [(f.kind, f.low, f.high, f.qualifier, f.text) for f in extract_figures(text, lang)]


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "At least 12 people were killed and 30 injured.",
     [("killed", 12, None, "at-least", "At least 12"), ("injured", 30, 30, "exact", "30")]),
    ("en", "More than 20 were hurt.", [("injured", 21, None, "more-than", "More than 20")]),
    ("en", "Up to 40 people are missing.", [("missing", None, 40, "up-to", "Up to 40")]),
    ("en", "About 5 people died.", [("killed", 5, 5, "about", "About 5")]),
    ("en", "15-17 people died.", [("killed", 15, 17, "range", "15-17")]),
    ("en", "Between 15 and 17 people died.", [("killed", 15, 17, "range", "Between 15 and 17")]),
    ("en", "Sixteen people were killed.", [("killed", 16, 16, "exact", "Sixteen")]),
    ("en", "The death toll rose to twenty-three.", [("killed", 23, 23, "exact", "twenty-three")]),
    ("en", "The strike killed 12 and injured 30.", [("killed", 12, 12, "exact", "12"),
                                                  ("injured", 30, 30, "exact", "30")]),
    ("uk", "Загинули шістнадцять людей, щонайменше 30 поранені.",
     [("killed", 16, 16, "exact", "шістнадцять"), ("injured", 30, None, "at-least", "щонайменше 30")]),
    ("uk", "Понад 20 людей вважаються зниклими безвісти.", [("missing", 21, None, "more-than", "Понад 20")]),
    ("ru", "Погибли шестнадцать человек, не менее 30 ранены.",
     [("killed", 16, 16, "exact", "шестнадцать"), ("injured", 30, None, "at-least", "не менее 30")]),
    ("ru", "По меньшей мере 15–17 человек погибли.", [("killed", 15, 17, "at-least", "По меньшей мере 15–17")]),
    ("de", "Mindestens sechzehn Menschen wurden getötet, mehr als 30 verletzt.",
     [("killed", 16, None, "at-least", "Mindestens sechzehn"), ("injured", 31, None, "more-than", "mehr als 30")]),
    ("de", "Zwischen 15 und 17 Menschen starben.", [("killed", 15, 17, "range", "Zwischen 15 und 17")]),
    ("pl", "Zginęło co najmniej 12 osób, szesnaście osób zostało rannych.",
     [("killed", 12, None, "at-least", "co najmniej 12"), ("injured", 16, 16, "exact", "szesnaście")]),
    ("pl", "Około 20 osób uznaje się za zaginione.", [("missing", 20, 20, "about", "Około 20")]),
    ("fr", "Au moins 12 personnes ont été tuées et 30 blessés.",
     [("killed", 12, None, "at-least", "Au moins 12"), ("injured", 30, 30, "exact", "30")]),
    ("es", "Al menos 12 muertos y 30 heridos.",
     [("killed", 12, None, "at-least", "Al menos 12"), ("injured", 30, 30, "exact", "30")]),
])
def test_figure_forms(lang, text, expected):
    assert figs(text, lang) == expected


@pytest.mark.parametrize("text", [
    "No one was killed.", "On 12 May 2024 the market opened at 9:30.", "The 16th victim", "Turnout was 45%.",
])
def test_not_figures(text):
    assert figs(text, "en") == []


def test_spans_and_labels():
    text = "Officials said at least 12 people were killed."
    (f,) = extract_figures(text, "en", offset=100)
    assert f.span == (115, 126) and text[f.span[0] - 100:f.span[1] - 100] == "at least 12"
    assert figure_label(f) == "≥12 killed"
    (r,) = extract_figures("15-17 injured", "en")
    assert figure_label(r) == "15–17 injured"
