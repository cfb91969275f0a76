"""Fixtures written from GDELT's documented formats (DOC 2.0 JSON, GKG 2.1 and Events 2.0 rows): all fictional."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from storyradar.gdelt.data import EVENT_COLUMNS, GKG_COLUMNS

NOW = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
#: A fictional incident ten days ago, well inside the DOC API's three-month window.
INCIDENT_AT = NOW - timedelta(days=10)


def gtime(value: datetime) -> str:
    """GDELT's artlist / timeline time format."""
    return value.strftime("%Y%m%dT%H%M%SZ")


def artlist(items: list[dict]) -> str:
    """An artlist JSON answer."""
    return json.dumps({"articles": [{
        "url": it["url"], "url_mobile": "", "title": it["title"], "seendate": gtime(it["seen"]),
        "socialimage": "", "domain": it["url"].split("/")[2], "language": it.get("language", "English"),
        "sourcecountry": it.get("country", "Ukraine")} for it in items]})


def timeline(mode: str, start: datetime, counts: list[int], *, series: str = "") -> str:
    """A timeline JSON answer with one bin a day (timelinevolraw carries 'norm')."""
    data = []
    for k, n in enumerate(counts):
        point = {"date": gtime(start + timedelta(days=k)), "value": n if mode == "timelinevolraw" else n / 100}
        if mode == "timelinevolraw":
            point["norm"] = 50000
        data.append(point)
    name = series or {"timelinevolraw": "Article Count", "timelinevol": "Volume Intensity"}.get(mode, "English")
    return json.dumps({"query_details": {"title": "q", "date_resolution": "1d"},
                       "timeline": [{"series": name, "data": data}]})


def gkg_row(record_id: str, when: datetime, url: str, *, location: str = "", lat: float = 0.0, lon: float = 0.0,
            themes: str = "", persons: str = "", title: str = "") -> str:
    """One GKG 2.1 row (27 tab-separated fields)."""
    fields = dict.fromkeys(GKG_COLUMNS, "")
    fields.update({
        "GKGRECORDID": record_id, "DATE": when.strftime("%Y%m%d%H%M%S"), "SourceCollectionIdentifier": "1",
        "SourceCommonName": url.split("/")[2], "DocumentIdentifier": url, "Themes": themes,
        "V2Themes": ";".join(f"{t},{10 * k}" for k, t in enumerate(themes.split(";")) if t),
        "V2Locations": f"4#{location}#UP#UP05#12345#{lat}#{lon}#-123456#40" if location else "",
        "Persons": persons, "V2Tone": "-4.5,1.2,5.7,6.9,20.1,0,300",
        "Extras": f"<PAGE_TITLE>{title}</PAGE_TITLE>" if title else "",
    })
    return "\t".join(fields[c] for c in GKG_COLUMNS)


def event_row(event_id: str, when: datetime, url: str, *, place: str, lat: float, lon: float, code: str = "190",
              actor1: str = "MILITARY", actor2: str = "CIVILIAN") -> str:
    """One Events 2.0 row (61 tab-separated fields)."""
    fields = dict.fromkeys(EVENT_COLUMNS, "")
    fields.update({
        "GlobalEventID": event_id, "Day": when.strftime("%Y%m%d"), "Actor1Name": actor1, "Actor2Name": actor2,
        "EventCode": code, "EventBaseCode": code[:3], "EventRootCode": code[:2], "QuadClass": "4",
        "GoldsteinScale": "-10.0", "NumMentions": "6", "NumSources": "2", "NumArticles": "6", "AvgTone": "-7.1",
        "ActionGeo_Type": "4", "ActionGeo_FullName": place, "ActionGeo_CountryCode": "UP",
        "ActionGeo_ADM1Code": "UP05", "ActionGeo_Lat": str(lat), "ActionGeo_Long": str(lon),
        "ActionGeo_FeatureID": "-123456", "DATEADDED": when.strftime("%Y%m%d%H%M%S"), "SOURCEURL": url,
    })
    return "\t".join(fields[c] for c in EVENT_COLUMNS)


def zipped(name: str, rows: list[str]) -> bytes:
    """A GDELT-style zip holding one tab-separated CSV."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(name, "\n".join(rows) + "\n")
    return buf.getvalue()


def file_list(base: str, files: dict[str, bytes]) -> str:
    """lastupdate.txt / masterfilelist.txt lines: SIZE MD5 URL."""
    return "\n".join(f"{len(data)} {hashlib.md5(data).hexdigest()} {base}{name}"  # noqa: S324
                     for name, data in files.items()) + "\n"


def page(title: str, body: str, published: datetime) -> str:
    """A fictional news page."""
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
            f'<meta property="article:published_time" content="{published.isoformat()}"></head>'
            f"<body><article><h1>{title}</h1><p>{body}</p><p>{body}</p></article></body></html>")


@dataclass
class Canned:
    """A response for the root conftest's ``loopback`` server (the fields its handler reads)."""

    body: bytes | str = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html; charset=utf-8"})
    delay_s: float = 0.0
