"""Helpers for the evidence tests: the fictional incident's name and a JPEG generator with EXIF."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

INCIDENT = "brightwater-market"


def make_jpeg(path: Path, *, when: str | None = "2031:03:14 09:06:07", offset: str | None = "+02:00",
              gps: tuple[float, float] | None = (47.123, -35.456), color=(120, 80, 40), subsec: str | None = None,
              size=(32, 24)) -> Path:
    """Write a small JPEG with EXIF capture time (and offset) and GPS position, all fictional."""
    from PIL import Image

    img = Image.new("RGB", size, color)
    exif = Image.Exif()
    exif[0x010F] = "Fictional Optics"
    exif[0x0110] = "FO-1"
    sub = exif.get_ifd(0x8769)
    if when:
        sub[0x9003] = when
    if offset:
        sub[0x9011] = offset
    if subsec:
        sub[0x9291] = subsec
    if gps:
        lat, lon = gps
        g = exif.get_ifd(0x8825)

        def dms(x: float) -> tuple[float, float, float]:
            x = abs(x)
            d = int(x)
            m = int((x - d) * 60)
            s = round((x - d - m / 60) * 3600, 4)
            return (float(d), float(m), s)

        g[1] = "N" if lat >= 0 else "S"
        g[2] = dms(lat)
        g[3] = "E" if lon >= 0 else "W"
        g[4] = dms(lon)
        g[5] = b"\x00"
        g[6] = 112.5
        g[7] = (7.0, 6.0, 7.0)
        g[29] = "2031:03:14"
    img.save(path, "JPEG", exif=exif, quality=90)
    return path


@dataclass
class Canned:
    """A canned answer for the shared ``loopback`` fixture (same fields as its CannedResponse)."""

    body: bytes | str = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html; charset=utf-8"})
    delay_s: float = 0.0


PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Market fire in Brightwater: what we know</title>
<meta property="article:published_time" content="2031-03-14T10:00:00+02:00"></head>
<body><article><h1>Market fire in Brightwater: what we know</h1>
<p>A fire broke out at the covered market of Brightwater on Friday morning, according to the town's
emergency service, which said crews arrived within twenty minutes.</p>
<p>The regional governor's office said the cause was not yet known and that an inquiry had begun.
Traders interviewed at the scene described a loud noise shortly before the fire started.</p>
<p>This page is fictional and was written for the storyradar test suite.</p>
</article></body></html>"""


def add_claim(store, claim_id: str, incident_id: str, published_at, *, speaker: str = "Regional governor",
              content: str = "The fire was caused by a gas leak.", kind: str = "attribution",
              article_id: str = "art-1") -> str:
    """Insert a fictional claim row (the claims module normally fills this table)."""
    from storyradar.store import db_time

    store.execute(
        "INSERT INTO claims (id, article_id, incident_id, kind, speaker, content, published_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [claim_id, article_id, incident_id, kind, speaker, content, db_time(published_at)])
    return claim_id
