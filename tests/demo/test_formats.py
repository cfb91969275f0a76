"""The demo corpus's files are well-formed and readable by the field's ordinary readers."""

from __future__ import annotations

import json
import math
import random
import tomllib
import wave
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import feedparser
import numpy as np
import pytest
from astral import Observer
from astral.sun import azimuth, elevation
from geographiclib.geodesic import Geodesic
from lxml import html as lxml_html
from PIL import Image
from warcio.archiveiterator import ArchiveIterator

from storyradar.demo import compose
from storyradar.demo.figures import Figure, figure_sentence
from storyradar.demo.places import LANGUAGES, PLACES, TARGETS
from storyradar.demo.texts_background import BACKGROUND, SAME_PLACE
from storyradar.demo.texts_incident import DEPOT
from storyradar.timeutil import parse_time


def _by_url(manifest) -> dict[str, dict]:
    return {a["url"]: a for a in manifest.articles}


def test_warc_is_readable_dated_by_crawl_and_offsets_match(small):
    arts = _by_url(small)
    expected = {a["url"] for a in small.articles if a["channel"] == "warc"}
    seen = set()
    with small.path("warc").open("rb") as fh:
        it = ArchiveIterator(fh)
        for record in it:
            if record.rec_type != "response":
                assert record.rec_type == "warcinfo"
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            body = record.content_stream().read()
            assert arts[url]["location"] == f"crawl.warc.gz@offset={it.get_record_offset()}"
            crawled = parse_time(record.rec_headers.get_header("WARC-Date"))[0]
            published = parse_time(arts[url]["published_at"])[0]
            assert 2 * 3600 <= (crawled - published).total_seconds() <= 6 * 3600 + 1
            has_meta = b"article:published_time" in body
            assert has_meta == arts[url]["date_in_meta"]
            assert b"FICTIONAL DEMO DATA" in body and record.http_headers.get_statuscode() == "200"
            seen.add(url)
    assert seen == expected


def test_feed_parses_with_offsets_and_full_text(small):
    feed = feedparser.parse(str(small.path("feed")))
    assert not feed.bozo
    arts = _by_url(small)
    expected = [a for a in small.articles if a["channel"] == "feed"]
    assert len(feed.entries) == len(expected) > 30
    offsets = set()
    for entry in feed.entries:
        art = arts[entry.link]
        assert parsedate_to_datetime(entry.published) == datetime.fromisoformat(art["published_at"])
        offsets.add(entry.published[-5:])
        assert art["title"] == entry.title
        assert len(entry.content[0].value) > len(entry.title)
    assert {"-0500", "-0400"} <= offsets  # New York before and after the DST change


def test_jsonl_lines_have_the_ingest_fields(small):
    lines = small.path("jsonl").read_text(encoding="utf-8").splitlines()
    arts = _by_url(small)
    assert len(lines) == sum(1 for a in small.articles if a["channel"] == "wire")
    for i, line in enumerate(lines, start=1):
        record = json.loads(line)
        assert {"url", "title", "text", "published_at", "outlet", "language", "country"} <= record.keys()
        assert record["demo_notice"] == "FICTIONAL DEMO DATA"
        assert datetime.fromisoformat(record["published_at"]).tzinfo is not None
        assert arts[record["url"]]["location"] == f"wire.jsonl:{i}"
    assert any(json.loads(x)["published_at"].endswith("Z") for x in lines)


def test_html_pages_carry_realistic_metadata(small):
    arts = [a for a in small.articles if a["channel"] == "html"]
    offsets = set()
    for art in random.Random(3).sample(arts, 80):
        page = (small.folder / art["location"]).read_text(encoding="utf-8")
        tree = lxml_html.fromstring(page)
        assert tree.get("lang") == art["language"]
        assert tree.findtext(".//title").startswith(art["title"])
        assert tree.xpath('//meta[@property="og:title"]/@content') == [art["title"]]
        assert tree.xpath('//meta[@property="og:url"]/@content') == [art["url"]]
        assert tree.xpath('//link[@rel="canonical"]/@href') == [art["url"]]
        assert tree.xpath('//meta[@name="author"]/@content')
        stamp = tree.xpath('//meta[@property="article:published_time"]/@content')
        assert stamp == [art["published_at"]]
        offsets.add(stamp[0][19:])
        assert len(tree.xpath("//main//p")) >= 3 and tree.xpath("//header//nav") and tree.xpath("//footer")
    all_offsets = {a["published_at"][19:] for a in small.articles}
    assert {"+02:00", "+03:00", "+01:00", "Z", "-05:00"} <= all_offsets
    assert len(offsets) >= 3


def test_incident_files_parse_and_hold_the_fields(small):
    fields = {"name", "title", "occurred_at", "precision", "place", "variants", "terms", "exclude_terms",
              "figures", "window_before_days", "window_after_days"}
    specs = {}
    for name, rel in small.files["incidents"].items():
        spec = tomllib.loads((small.folder / rel).read_text(encoding="utf-8"))
        assert fields <= spec.keys() and spec["name"] == name
        assert parse_time(spec["occurred_at"])[1] is not None
        assert {"name", "latitude", "longitude", "country", "admin1"} <= spec["place"].keys()
        specs[name] = spec
    assert len(specs) >= 4
    main, near = specs["zorianivka-market"], specs["zorianivka-depot-fire"]
    assert parse_time(main["occurred_at"])[0] == datetime(2025, 3, 14, 9, 5, tzinfo=UTC)
    assert {"Зорянівці", "Зоряновке", "Zorianiwce", "Sorjaniwka"} <= set(main["variants"])
    assert main["figures"] != near["figures"] and main["place"] == near["place"]
    assert (parse_time(near["occurred_at"])[0] - parse_time(main["occurred_at"])[0]).days == 10


def test_assertions_cover_every_kind_with_an_expected_verdict(small):
    text = small.path("assertions").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    assert data["incident"] == "zorianivka-market" and data["calendar"] == "calendar.csv"
    tables = data["assertion"]
    kinds = {a["kind"] for a in tables}
    assert kinds == {"coverage_stopped", "first_claim_within", "claims_before_evidence", "figures",
                     "no_finding_by", "coincides_with", "dropped_faster_than"}
    expected = small.ground_truth["expected_verdicts"]
    assert [e["id"] for e in expected] == [a["id"] for a in tables]
    assert {e["expected"] for e in expected} == {"supported", "contradicted", "not_decidable"}
    assert text.count("# expected: ") == len(tables)
    gap = next(a for a in tables if a["id"] == "gap-outlet-stopped")
    assert gap["outlet"] == [small.ground_truth["collection_gap"]["outlet"]]
    assert (gap["after"], gap["until"]) == ("2025-04-30", small.ground_truth["collection_gap"]["end"])
    dropped = next(a for a in tables if a["kind"] == "dropped_faster_than")
    assert set(dropped["incidents"]) == set(small.comparable) <= set(small.files["incidents"])
    calendar = (small.folder / "calendar.csv").read_text(encoding="utf-8").splitlines()
    assert calendar[0] == "date,label,category" and len(calendar) > 10
    assert any(row.startswith("2025-03-13,") and row.endswith(",vote") for row in calendar)


def test_media_exif_is_readable(small):
    obs = tomllib.loads(small.path("observations").read_text(encoding="utf-8"))
    cams = {b.get("file"): b for b in obs["bearings"] if b.get("file")}
    for rel, cam in cams.items():
        with Image.open(small.folder / rel) as img:
            exif = img.getexif()
            sub, gps = exif.get_ifd(0x8769), exif.get_ifd(0x8825)
            assert sub[0x9003].startswith("2025:03:14 11:0") and sub[0x9011] == "+02:00"
            lat = sum(float(v) / 60**i for i, v in enumerate(gps[2]))
            lon = sum(float(v) / 60**i for i, v in enumerate(gps[4]))
            assert gps[1] == "N" and abs(lat - cam["latitude"]) < 1e-5 and abs(lon - cam["longitude"]) < 1e-5
            assert "FICTIONAL DEMO DATA" in exif[0x010E]
    assert {m["file"] for m in obs["media"]} == set(small.files["media"])
    assert min(parse_time(m["first_seen"])[0] for m in obs["media"]) > \
        parse_time(small.ground_truth["first_claims"]["blame"]["published_at"])[0]


def test_bearings_intersect_at_the_market(small):
    obs = tomllib.loads(small.path("observations").read_text(encoding="utf-8"))
    spec = tomllib.loads((small.folder / small.files["incidents"]["zorianivka-market"]).read_text(encoding="utf-8"))
    lat0, lon0 = spec["place"]["latitude"], spec["place"]["longitude"]
    assert len(obs["bearings"]) >= 2
    for b in obs["bearings"]:
        # Walking the stated bearing for the camera's distance lands within 30 m of the market.
        dist = Geodesic.WGS84.Inverse(b["latitude"], b["longitude"], lat0, lon0)["s12"]
        end = Geodesic.WGS84.Direct(b["latitude"], b["longitude"], b["bearing_deg"], dist)
        assert Geodesic.WGS84.Inverse(end["lat2"], end["lon2"], lat0, lon0)["s12"] < 30
        if "pixel_x" in b:
            half = b["image_width_px"] / 2
            angle = math.degrees(math.atan((b["pixel_x"] - half) / half * math.tan(math.radians(b["hfov_deg"] / 2))))
            assert abs((b["heading_deg"] + angle - b["bearing_deg"] + 180) % 360 - 180) < 0.1


def test_shadow_and_sound_are_consistent(small):
    obs = tomllib.loads(small.path("observations").read_text(encoding="utf-8"))
    sun = obs["sun"]
    when = datetime.fromisoformat(sun["claimed_time"])
    place = Observer(latitude=sun["latitude"], longitude=sun["longitude"])
    elev = elevation(place, when)
    assert abs(sun["object_height_m"] / sun["shadow_length_m"] - math.tan(math.radians(elev))) < 0.01
    assert abs((azimuth(place, when) + 180) % 360 - sun["shadow_azimuth_deg"]) < 0.2
    sound = obs["sound"]
    with wave.open(str(small.folder / sound["file"]), "rb") as fh:
        rate = fh.getframerate()
        samples = np.frombuffer(fh.readframes(fh.getnframes()), dtype="<i2").astype(float)
    loud = np.flatnonzero(np.abs(samples) > 0.3 * np.abs(samples).max())
    click = loud[0] / rate
    boom = loud[loud / rate > click + 0.5][0] / rate
    assert abs(click - sound["flash_time_s"]) < 0.01 and abs(boom - sound["bang_time_s"]) < 0.03
    market = Geodesic.WGS84.Inverse(sound["latitude"], sound["longitude"], sun["latitude"], sun["longitude"])["s12"]
    speed = 331.3 * math.sqrt(1 + sound["temperature_c"] / 273.15)
    assert abs((sound["bang_time_s"] - sound["flash_time_s"]) * speed - market) < 2


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_template_fills_in_every_language(lang):
    rng = random.Random(0)
    when = datetime(2025, 3, 14, 11, 5, tzinfo=UTC)
    for lag in (0.6, 1.0, 3.0, 6.0, 30.0):
        facts = {"figure": Figure(12, 30), "blame": True, "denial": True, "counter": True, "call": True}
        for _ in range(4):
            title, paras = compose.main_article(rng, lang, lag, facts, when)
            assert title and len(paras) >= 4 and all("{" not in p for p in paras)
        compose.wave_article(rng, lang, lag, when)
        for place in PLACES:
            for target in TARGETS:
                compose.strike_article(rng, lang, place, target, Figure(4, 11), lag * 3, when, when)
    for topic in BACKGROUND[lang]:
        for _ in range(6):
            compose.background_article(rng, lang, topic, when, passing=True)
    if lang in DEPOT:
        compose.depot_article(rng, lang, when)
    for story, forms in SAME_PLACE.items():
        if lang in forms:
            compose.same_place_article(rng, lang, story, when)
    for fig in (Figure(8, None, "at_least"), Figure(10, None, "range", killed_hi=12), Figure(1, 4), Figure(17, 34)):
        assert str(fig.killed) in figure_sentence(lang, fig) or fig.qualifier == "at_least"


def test_case_forms_and_quotation_styles_appear_in_the_text(full_corpus):
    manifest = full_corpus[0]
    texts = []
    for rel in (manifest.folder / "html").rglob("*.html"):
        texts.append(rel.read_text(encoding="utf-8"))
    blob = "\n".join(texts) + manifest.path("jsonl").read_text(encoding="utf-8")
    for form in ("у Зорянівці", "Зорянівки", "в Зоряновке", "Зоряновки", "w Zorianiwce", "Sorjaniwka"):
        assert form in blob, form
    for mark in ("«", "„", "“", "— "):
        assert mark in blob
    assert "Regional Governor Ivan Koval" in blob and "Joint Inquiry Commission concluded" in blob

