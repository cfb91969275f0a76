"""GeoNames resolution, ambiguity, and the generated spellings and case endings."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from storyradar.errors import AmbiguousPlaceError, IncidentSpecError
from storyradar.match import alternate_names, name_variants, resolve_place
from storyradar.match.inflect import inflect
from storyradar.match.translit import transliterate
from storyradar.model import Incident


def test_kostyantynivka_is_ambiguous_and_lists_candidates():
    with pytest.raises(AmbiguousPlaceError) as err:
        resolve_place("Kostiantynivka")
    cands = err.value.candidates
    assert len(cands) >= 5
    assert {p.country for p in cands} >= {"UA"}
    assert all(p.geonameid and p.latitude is not None for p in cands)
    assert "--country" in str(err.value)


def test_choose_by_country_and_admin1():
    place = resolve_place("Костянтинівка", country="UA", admin1="05")
    assert place.geonameid == 705104
    assert 48.4 < place.latitude < 48.6
    assert "Костянтинівка" in alternate_names(place)


def test_unknown_place_names_the_fix():
    with pytest.raises(IncidentSpecError, match="--lat/--lon"):
        resolve_place("Zorianivka")


def test_variants_of_kostyantynivka_cover_schemes_and_endings():
    place = resolve_place("Kostyantynivka", country="UA", admin1="05")
    inc = Incident("k", datetime(2023, 9, 6, 11, tzinfo=UTC), place, variants=["Konstantynówka"])
    forms = {v.form: v for v in name_variants(inc)}
    for form in ("Kostiantynivka", "Konstantinovka", "Kostjantyniwka", "Kostiantyniwka", "Костянтинівці",
                 "Костянтинівки", "Костянтинівкою", "Константиновке", "Константиновки", "Kostiantynivce",
                 "Konstantynówce", "Kostiantinivka"):
        assert form in forms, form
    assert forms["Костянтинівці"].origin.startswith("inflected:uk:loc")
    assert forms["Константиновке"].origin.startswith("inflected:ru:loc")
    assert forms["Kostiantinivka"].origin.startswith("ascii-fold")
    assert forms["Костянтинівці"].script == "Cyrl"


@pytest.mark.parametrize(("form", "scheme", "expected"), [
    ("Костянтинівка", "uk-kmu2010", "Kostiantynivka"),
    ("Костянтинівка", "uk-bgn", "Kostyantynivka"),
    ("Костянтинівка", "uk-de", "Kostjantyniwka"),
    ("Костянтинівка", "uk-pl", "Kostiantyniwka"),
    ("Константиновка", "ru-bgn", "Konstantinovka"),
    ("Константиновка", "ru-de", "Konstantinowka"),
    ("Єнакієве", "uk-kmu2010", "Yenakiieve"),
    ("Згурівка", "uk-kmu2010", "Zghurivka"),
    ("Щёлково", "ru-gost", "Shhyolkovo"),
])
def test_transliteration_schemes(form, scheme, expected):
    assert transliterate(form, scheme) == expected


def test_inflection_rules():
    assert ("Константиновке", "loc") in inflect("Константиновка", "ru")
    assert ("Костянтинівкою", "ins") in inflect("Костянтинівка", "uk")
    assert ("Konstantynówce", "loc") in inflect("Konstantynówka", "pl")
    assert ("Бахмута", "gen") in inflect("Бахмут", "uk")
