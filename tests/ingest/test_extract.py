"""Extraction: text, title, author, date with its source and offset, language, outlet, canonical URL."""

from __future__ import annotations

import socket
from datetime import UTC, datetime

import pytest
from ingest_samples import make_page

from storyradar.errors import IngestError
from storyradar.ingest import extract_page
from storyradar.ingest.language import detect_language, normalise_language, script_hint
from storyradar.ingest.outlets import load_country_map, outlet_of
from storyradar.model import RawPage


def raw(html: str | bytes, url: str = "file:///tmp/x.html", **kw) -> RawPage:
    data = html.encode("utf-8") if isinstance(html, str) else html
    return RawPage(url=url, html=data, source_kind="html", locator="x.html", **kw)


def test_meta_time_keeps_offset_and_labels_html_meta():
    art = extract_page(raw(make_page(published="2023-09-06T17:42:00+03:00")))
    assert art.published_at == datetime(2023, 9, 6, 14, 42, tzinfo=UTC)
    assert art.published_offset_min == 180
    assert art.date_source == "html-meta"
    assert art.title == "Fictional market report"
    assert "invented town of Testograd" in art.text
    assert "Home | World" not in art.text  # boilerplate removed
    assert art.canonical_url == "https://www.example-news.test/news/market"
    assert art.url == art.canonical_url  # a saved file is known by its canonical URL
    assert art.outlet == "example-news.test"
    assert art.language == "en"


def test_jsonld_date_published_with_offset():
    ld = ('<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle",'
          '"datePublished":"2023-09-08T06:05:00-04:00"}]}</script>')
    art = extract_page(raw(make_page(published=None, extra_head=ld)))
    assert art.published_at == datetime(2023, 9, 8, 10, 5, tzinfo=UTC)
    assert art.published_offset_min == -240
    assert art.date_source == "html-meta"


def test_naive_markup_time_is_kept_at_day_precision_not_guessed():
    art = extract_page(raw(make_page(published="2023-09-06T23:30:00")))
    assert art.published_at == datetime(2023, 9, 6, tzinfo=UTC)
    assert art.published_offset_min is None
    assert art.extras["date_precision"] == "day"
    assert art.date_source == "html-meta"


def test_url_date_is_labelled_url():
    art = extract_page(raw(make_page(published=None, canonical=None),
                           url="https://www.example-news.test/2023/09/12/market-story"))
    assert art.published_at == datetime(2023, 9, 12, tzinfo=UTC)
    assert art.date_source == "url"


def test_fallbacks_warc_header_then_fetch_time_are_labelled():
    crawl = datetime(2023, 9, 7, 8, 0, tzinfo=UTC)
    art = extract_page(raw(make_page(published=None), crawl_date=crawl))
    assert (art.published_at, art.date_source) == (crawl, "warc-header")
    fetched = datetime(2024, 1, 2, 3, 4, tzinfo=UTC)
    art = extract_page(raw(make_page(published=None), fetched_at=fetched))
    assert (art.published_at, art.date_source) == (fetched, "fetched")
    assert art.fetched_at == fetched
    art = extract_page(raw(make_page(published=None)))
    assert (art.published_at, art.date_source) == (None, "unknown")


def test_feed_hint_beats_day_only_but_declared_beats_markup():
    hint = datetime(2023, 9, 6, 12, 0, tzinfo=UTC)
    art = extract_page(raw(make_page(published=None), hint_published_at=hint, hint_offset_min=120,
                           hint_date_source="feed"))
    assert (art.published_at, art.published_offset_min, art.date_source) == (hint, 120, "feed")
    art = extract_page(raw(make_page(), hint_published_at=hint, hint_offset_min=0, hint_date_source="declared"))
    assert (art.published_at, art.date_source) == (hint, "declared")


def test_language_from_og_locale_then_detector():
    og = '<meta property="og:locale" content="pl_PL">'
    assert extract_page(raw(make_page(lang=None, extra_head=og))).language == "pl"
    body = "".join(
        f"<p>{s}</p>" for s in (
            "Dies ist ein erfundener Text für die Tests der Software. Nichts davon beschreibt ein echtes Ereignis.",
            "Die Behörden der erfundenen Stadt berichteten, dass die Einsatzkräfte bis in den Abend arbeiteten.",
            "Die erfundene Zeitung will die Geschichte weiter verfolgen und den Artikel aktualisieren.",
        ))
    art = extract_page(raw(make_page("Erfundener Bericht über den Markt", lang=None, body=body)))
    assert art.language == "de"
    assert art.extras["language_from"] == "detected"


def test_script_hints_decide_short_cyrillic_and_other_scripts():
    assert script_hint("Удар по ринку в Костянтинівці") == "uk"
    assert script_hint("Удар по рынку в Константиновке, объявили") == "ru"
    assert script_hint("시장에 대한 공격") == "ko"
    assert script_hint("市場への攻撃について") == "ja"
    assert script_hint("حمله به بازار چهارشنبه") == "fa"
    assert detect_language("ok") == ""  # too short for a statistical guess
    assert normalise_language("uk-UA") == "uk" and normalise_language("ua") == "uk"
    assert normalise_language("und") == ""


def test_outlet_is_registered_domain_and_works_offline(monkeypatch, tmp_path):
    import tldextract

    from storyradar.ingest import outlets

    def no_network(*args, **kwargs):
        raise AssertionError("tldextract tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setenv("TLDEXTRACT_CACHE", str(tmp_path / "cache"))
    outlets._extractor.cache_clear()
    assert outlet_of("https://news.example.co.uk/a/b") == "example.co.uk"
    assert outlet_of("https://www.example-news.test/x") == "example-news.test"
    assert outlet_of("http://127.0.0.1:8000/x") == "127.0.0.1"
    assert outlet_of("file:///tmp/a.html") == ""
    assert not (tmp_path / "cache").exists()  # nothing cached, nothing downloaded
    assert outlets._extractor().suffix_list_urls == ()
    assert isinstance(outlets._extractor(), tldextract.TLDExtract)


def test_country_map_csv_and_json(tmp_path):
    csv_file = tmp_path / "map.csv"
    csv_file.write_text("outlet,country\nexample-news.test,ua\n", encoding="utf-8")
    assert load_country_map(csv_file) == {"example-news.test": "UA"}
    json_file = tmp_path / "map.json"
    json_file.write_text('{"Other.example.test": "pl"}', encoding="utf-8")
    assert load_country_map(json_file) == {"other.example.test": "PL"}
    bad = tmp_path / "bad.csv"
    bad.write_text("outlet,country\nlonely\n", encoding="utf-8")
    with pytest.raises(IngestError, match=r"bad.csv @ line 2"):
        load_country_map(bad)


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        (b"", "empty page"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "undecodable bytes"),
        (b"<<<<>>>> <html <<< \x01 >>", "no article text or title"),
    ],
)
def test_bad_pages_raise_with_the_reason(payload, reason):
    with pytest.raises(IngestError, match=reason) as info:
        extract_page(raw(payload))
    assert "x.html" in str(info.value)


def test_size_cap_names_the_cap():
    with pytest.raises(IngestError, match="over the 0 MB cap"):
        extract_page(raw(make_page()), max_bytes=100)


def test_recoverable_malformed_html_is_still_extracted():
    broken = make_page().replace("</p>", "").replace("</article>", "<div><b>")
    art = extract_page(raw(broken))
    assert "invented town of Testograd" in art.text


def test_declared_charset_is_honoured():
    page = make_page("Zażółć gęślą jaźń", lang="pl").replace('charset="utf-8"', 'charset="iso-8859-2"')
    art = extract_page(raw(page.encode("iso-8859-2")))
    assert art.title == "Zażółć gęślą jaźń"


def test_a_few_stray_bytes_do_not_turn_a_utf8_page_into_mojibake():
    page = make_page("Удар по ринку в Тестограді", lang=None).encode("utf-8").replace(b"<nav>", b"<nav>\xff\xfe")
    art = extract_page(raw(page))
    assert art.title == "Удар по ринку в Тестограді"
