"""Source kind ``warc``: HTML response records of WARC / WARC.gz files, streamed with FastWARC."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import IngestError
from ..model import RawPage, Rejected
from .files import max_bytes_of
from .registry import Record, Skipped, SourceOption, source

SUFFIXES = (".warc", ".warc.gz", ".arc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")


def _detect(locator: str) -> bool:
    path = Path(locator)
    return path.is_file() and path.name.lower().endswith(SUFFIXES)


@source(
    "warc", "WARC / WARC.gz archives (e.g. Common Crawl News): HTML response records, streamed.",
    detect=_detect,
    options=(SourceOption("max_mb", 20, "Refuse records whose payload is larger than this many megabytes."),),
    requires=("fastwarc",),
    priority=10,
)
def iter_warc(locator: str, options: dict[str, Any]) -> Iterator[Record]:
    """Yield a RawPage per HTML response record; other payloads are skipped and counted.

    The locator of each record is ``file@offset=N`` (N: the record's byte offset in the file,
    compressed offset for .gz). A truncated file yields a Rejected naming the offset where it
    breaks; the records before it are kept.
    """
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    path = Path(locator)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise IngestError(f"cannot read: {exc.strerror or exc}", path=locator) from exc
    if size == 0:
        yield Rejected(locator, "", "empty file")
        return
    cap = max_bytes_of(options)
    collection = options.get("collection_source") or path.name
    seen = 0
    last_offset = 0
    with path.open("rb") as fh:
        records = ArchiveIterator(fh, record_types=WarcRecordType.response, parse_http=True)
        while True:
            try:
                record = next(records)
            except StopIteration:
                break
            except Exception as exc:  # noqa: BLE001 - a broken archive must not stop the run
                if seen == 0:
                    yield Rejected(locator, "offset=0", f"no WARC response records found (not a WARC file?): {exc}")
                else:
                    yield Rejected(locator, f"offset={last_offset}",
                                   f"unreadable WARC data after the record at this offset: {exc}")
                return
            seen += 1
            offset = record.stream_pos
            last_offset = offset
            where = f"offset={offset}"
            uri = record.headers.get("WARC-Target-URI", "") or ""
            if record.http_headers is None:
                yield Rejected(locator, where, f"truncated or malformed record ({uri or 'no target URI'}): "
                                               "no readable HTTP headers")
                continue
            status = record.http_headers.status_code
            ctype = (record.http_content_type or "").lower()
            if status and not 200 <= status < 300:
                record.reader.consume()
                yield Skipped(locator, where, f"HTTP status {status}")
                continue
            if ctype and ctype not in HTML_TYPES:
                record.reader.consume()
                yield Skipped(locator, where, f"non-HTML payload ({ctype})")
                continue
            expected = record.content_length
            if expected > cap:
                record.reader.consume()
                yield Rejected(locator, where, f"payload is {expected / 1e6:.1f} MB, over the "
                                               f"{cap / 1e6:.0f} MB cap ({uri})")
                continue
            body = record.reader.read()
            if len(body) < expected:
                yield Rejected(locator, where, f"truncated record ({uri}): {len(body)} of {expected} "
                                               "payload bytes present")
                continue
            yield RawPage(
                url=uri, html=body, source_kind="warc", locator=f"{locator}@{where}",
                collection_source=collection, crawl_date=record.record_date,
            )
    if seen == 0:
        yield Rejected(locator, "offset=0", "no WARC response records found (not a WARC file?)")
