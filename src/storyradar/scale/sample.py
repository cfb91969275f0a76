"""Generated, fictional WARCs and an incident spec, for trying, testing and benchmarking the Spark job."""

from __future__ import annotations

import io
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

T0 = datetime(2025, 3, 14, 9, 5, tzinfo=UTC)

SPEC = """name = "zoria-market"
title = "Fictional missile strike on the Zorianivka market"
when = "2025-03-14T11:05+02:00"
terms = ["market", "missile"]

[place]
name = "Zorianivka"
latitude = 48.1
longitude = 37.2
country = "UA"
"""

ABOUT = ("A missile hit the central market of Zorianivka on Friday morning, officials of the invented town "
         "said. At least {n} people were killed and many more injured, according to the fictional regional "
         "administration. Residents described smoke over the market square.")
OTHER = ("The invented city council of Testograd approved a new budget for schools and roads after a long "
         "debate. Fictional councillors said the vote number {n} would be the last of the season.")


def page(title: str, body: str, url: str, published: datetime, paragraphs: int = 2) -> bytes:
    """A fictional news page with its publication time in the markup, ``paragraphs`` long."""
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
            f'<meta property="article:published_time" content="{published.isoformat()}">'
            f'<link rel="canonical" href="{url}"></head><body><article><h1>{title}</h1>'
            + f"<p>{body}</p>" * paragraphs + "</article><nav>Home | World | Sport</nav></body></html>").encode()


def write_warc(path: Path, index: int, n_pages: int, *, extras: bool = True, paragraphs: int = 2) -> Path:
    """A gzipped WARC of ``n_pages`` fictional pages (every third about the incident), plus an image
    record (skipped) and, with ``extras``, a page with no text (rejected). ``paragraphs`` sets the
    page length (2: about 1 KB of text; 30: about 10 KB, closer to a real news page)."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)

    def add(uri: str, payload: bytes, ctype: str) -> None:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            uri, "response", payload=io.BytesIO(payload), length=len(payload), http_headers=headers,
            warc_headers_dict={"WARC-Date": "2025-03-20T08:00:00Z"}))

    for k in range(n_pages):
        url = f"https://outlet{k % 4}.example.test/w{index}/story-{k}"
        when = T0 + timedelta(hours=3 + 5 * k + index)
        if k % 3 == 0:
            add(url, page(f"Missile strike on Zorianivka market, update {index}-{k}", ABOUT.format(n=10 + k), url,
                          when, paragraphs), "text/html; charset=utf-8")
        else:
            add(url, page(f"Testograd council budget vote {index}-{k}", OTHER.format(n=k), url, when, paragraphs),
                "text/html; charset=utf-8")
    if extras:
        add(f"https://outlet0.example.test/w{index}/logo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png")
        add(f"https://outlet0.example.test/w{index}/empty", b"<html><body></body></html>", "text/html")
    path.write_bytes(buf.getvalue())
    return path


def make_inputs(folder: Path, *, warcs: int = 2, pages: int = 6, extras: bool = True,
                paragraphs: int = 2) -> tuple[Path, Path]:
    """Write WARCs, a WARC list (relative paths) and an incidents folder; return (list file, incidents dir)."""
    folder.mkdir(parents=True, exist_ok=True)
    names = [write_warc(folder / f"crawl-{i}.warc.gz", i, pages, extras=extras, paragraphs=paragraphs).name
             for i in range(warcs)]
    listing = folder / "warcs.txt"
    listing.write_text("# generated\n" + "\n".join(names) + "\n", encoding="utf-8")
    incidents = folder / "incidents"
    incidents.mkdir(exist_ok=True)
    (incidents / "zoria-market.toml").write_text(SPEC, encoding="utf-8")
    return listing, incidents


def main(argv: list[str] | None = None) -> int:
    """``python -m storyradar.scale.sample FOLDER [WARCS] [PAGES]``: write a sample input set."""
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print("usage: python -m storyradar.scale.sample FOLDER [WARCS] [PAGES]", file=sys.stderr)
        return 2
    listing, incidents = make_inputs(Path(args[0]), warcs=int(args[1]) if len(args) > 1 else 2,
                                     pages=int(args[2]) if len(args) > 2 else 6)
    print(f"WARC list: {listing}\nincidents: {incidents}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
