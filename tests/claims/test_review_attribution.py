"""Reviewer's attribution fixes: "Speaker: claim" headlines, coordinated subjects, event nouns, places,
blame-assignment objects, and crawl-dated first carriers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from storyradar.claims import extract_claims, load_claims, merge_claims, run_claims, section
from storyradar.model import Article, Incident, Match, Place


def _claims(text: str, lang: str) -> list[tuple[str, str, str, str]]:
    return [(c.statement.speaker.raw, c.statement.speaker.kind, c.kind, c.target) for c in extract_claims(text, lang)]


@pytest.mark.parametrize(("lang", "text", "speaker"), [
    ("ru", "Минобороны Вальдорской Республики: взрыв в порту вызвала мерланская ракета", "Минобороны Вальдорской Республики"),
    ("uk", "Міністерство оборони Вальдорії: вибух у порту спричинила мерланська ракета", "Міністерство оборони Вальдорії"),
    ("en", "Ministry of Defence: the harbour was hit by a Merland missile", "Ministry of Defence"),
    ("de", "Verteidigungsministerium: Eine merlanische Rakete traf den Hafen", "Verteidigungsministerium"),
    ("pl", "Ministerstwo Obrony: w port uderzyła merlandzka rakieta", "Ministerstwo Obrony"),
    ("en", "Karla Wendt: the harbour was hit by a Merland missile", "Karla Wendt"),
])
def test_colon_headline_names_the_speaker(lang, text, speaker):
    claims = _claims(text, lang)
    assert claims and claims[0][0] == speaker
    assert claims[0][1] != "outlet" and claims[0][2] == "blame"


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Update: a Merland missile hit the harbour in Kelvport"),
    ("en", "Live: a Merland missile hit the harbour in Kelvport"),
    ("en", "Kelvport: a Merland missile hit the harbour"),
    ("en", "INVENTED SAMPLE TEXT: a Merland missile hit the harbour"),
    ("uk", "Після вибуху: мерланська ракета влучила в порт"),
])
def test_colon_labels_and_places_are_not_speakers(lang, text):
    assert all(spk == "" for spk, *_ in _claims(text, lang))


@pytest.mark.parametrize(("lang", "text", "speaker"), [
    ("pl", "Merlandia i Republika Waldorska od lat oskarżają się wzajemnie o ostrzały portu.",
     "Merlandia i Republika Waldorska"),
    ("en", "Merland and the Valdor Republic have for years accused each other of shelling the port.",
     "Merland and the Valdor Republic"),
    ("ru", "Мерландия и Вальдорская Республика уже несколько лет обвиняют друг друга в обстрелах порта.",
     "Мерландия и Вальдорская Республика"),
])
def test_coordinated_subjects_kept_and_time_phrases_cut(lang, text, speaker):
    claims = _claims(text, lang)
    assert [c[0] for c in claims] == [speaker]
    assert claims[0][2] != "blame"  # a mutual accusation blames neither side


def test_time_phrase_cut_from_single_speaker():
    claims = _claims("The port authority for months accused Merland of shelling the docks.", "en")
    assert claims[0][0] == "The port authority" and claims[0][2] == "blame" and claims[0][3] == "Merland"


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Blast reported near the ferry terminal in Kelvport. Rescuers are on site."),
    ("en", "Fire reported at the grain depot in Kelvport."),
    ("uk", "Вибух стався біля порту, повідомили в мерії."),
    ("ru", "Взрыв прогремел у порта, сообщили в мэрии."),
    ("pl", "Wybuch w porcie, poinformowano w ratuszu."),
])
def test_events_and_places_are_not_speakers(lang, text):
    speakers = [spk.lower() for spk, *_ in _claims(text, lang)]
    for bad in ("blast", "fire", "в мерії", "в мэрии", "w ratuszu", "вибух", "взрыв", "wybuch"):
        assert bad not in speakers


def test_named_speaker_before_reported_still_counts():
    claims = _claims("Harbour master Lena Ost reported that two cranes collapsed.", "en")
    assert claims and claims[0][0] == "Harbour master Lena Ost"


@pytest.mark.parametrize(("lang", "text", "speaker", "target"), [
    ("pl", "Władze portu obarczyły odpowiedzialnością za ostrzał Republikę Waldorską.", "Władze portu",
     "Republikę Waldorską"),
    ("uk", "Портова адміністрація поклала відповідальність за обстріл на Вальдорську Республіку.",
     "Портова адміністрація", "Вальдорську Республіку"),
    ("ru", "Портовые власти возложили ответственность за обстрел на Вальдорскую Республику.",
     "Портовые власти", "Вальдорскую Республику"),
])
def test_blame_assignment_names_speaker_and_object(lang, text, speaker, target):
    claims = _claims(text, lang)
    assert claims == [(speaker, claims[0][1], "blame", target)]
    assert claims[0][1] != "outlet"


def test_targets_never_end_in_punctuation():
    for c in extract_claims("Der Hafen wurde durch einen Raketenangriff der Waldorischen Republik. Sieben Tote.", "de"):
        assert c.target == c.target.rstrip(" .,;:!?…")
    c = extract_claims("The harbour was hit by a Merland missile.", "en")[0]
    assert c.kind == "blame" and not c.target.endswith(".")


T0 = datetime(2031, 7, 2, 6, 0, tzinfo=UTC)
SENTENCE = "Harbour master Lena Ost said that a Merland missile struck the ferry terminal."


@pytest.fixture
def dated(store):
    inc = Incident(name="harbour-strike", occurred_at=T0, place=Place(name="Kelvport"), occurred_offset_min=0)
    store.save_incident(inc)
    arts = [
        Article(url="https://crawl.example/1", outlet="crawl.example", language="en", text=SENTENCE,
                published_at=T0 + timedelta(hours=1), published_offset_min=0, date_source="warc-header"),
        Article(url="https://meta.example/1", outlet="meta.example", language="en", text=SENTENCE,
                published_at=T0 + timedelta(hours=3), published_offset_min=0, date_source="html-meta"),
        Article(url="https://only-crawl.example/1", outlet="only-crawl.example", language="en",
                text="Kelvport port authority said that the Valdor Republic fired the missile.",
                published_at=T0 + timedelta(hours=2), published_offset_min=0, date_source="fetched"),
    ]
    store.upsert_articles(arts)
    store.replace_matches(inc.id, [Match(inc.id, a.id, 1.0, "about") for a in arts])
    run_claims(store, inc)
    return inc


def test_metadata_dated_carrier_is_first(store, dated):
    rows = load_claims(store, dated)
    assert {r["date_source"] for r in rows} == {"warc-header", "html-meta", "fetched"}
    merged = merge_claims(rows)
    ost = next(m for m in merged if "crawl.example" in m["outlets"])
    assert ost["first_outlet"] == "meta.example" and ost["first_lag"] == timedelta(hours=3)
    assert ost["first_date_source"] == "html-meta" and not ost["lag_upper_bound"]
    assert set(ost["outlets"]) == {"crawl.example", "meta.example"}
    only = next(m for m in merged if m["first_outlet"] == "only-crawl.example")
    assert only["lag_upper_bound"] and only["first_date_source"] == "fetched"


def test_section_flags_upper_bound(store, dated):
    sec = section(store, dated)
    rows = {r["first_outlet"]: r for r in sec.tables["timeline"]}
    assert rows["only-crawl.example"]["lag_upper_bound"] and rows["only-crawl.example"]["date_source"] == "fetched"
    assert not rows["meta.example"]["lag_upper_bound"]
    assert any("upper bound" in n for n in sec.notes)
