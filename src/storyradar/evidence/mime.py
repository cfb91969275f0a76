"""MIME type of an evidence file: magic-number sniffing for common media, file extension as fallback."""

from __future__ import annotations

import mimetypes
import zlib
from pathlib import Path

from .signatures import (
    EXTRA_TYPES,
    FTYP_BRANDS,
    HTML_PREFIXES,
    KIND_BY_MIME,
    MP3_SYNC,
    RIFF_FORMS,
    SIGNATURES,
)

SNIFF_BYTES = 4096


def sniff_bytes(head: bytes) -> str | None:
    """The MIME type that the first bytes of a file announce, or None when they announce nothing known."""
    for offset, magic, mime in SIGNATURES:
        if head[offset:offset + len(magic)] == magic:
            return mime
    if head[:4] == b"RIFF" and len(head) >= 12:
        return RIFF_FORMS.get(head[8:12], "application/octet-stream")
    if head[4:8] == b"ftyp":
        return FTYP_BRANDS.get(head[8:12], "video/mp4")
    if head[:4] == b"\x1a\x45\xdf\xa3":  # EBML: Matroska or WebM, told apart by the DocType
        return "video/webm" if b"webm" in head[:64] else "video/x-matroska"
    if head[:2] in MP3_SYNC:
        return "audio/mpeg"
    if head[:2] == b"\x1f\x8b":
        return "application/warc" if _gunzip_head(head).startswith(b"WARC/1.") else "application/gzip"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith(HTML_PREFIXES) or b"<html" in text[:1024]:
        return "text/html"
    return None


def _gunzip_head(head: bytes) -> bytes:
    """The first decompressed bytes of a gzip stream (empty when it is not one)."""
    try:
        return zlib.decompressobj(wbits=31).decompress(head, 64)
    except zlib.error:
        return b""


def by_extension(name: str) -> str | None:
    """The MIME type that a file name's extension suggests, or None."""
    lower = name.lower()
    if lower.endswith(".warc.gz"):
        return "application/warc"
    suffix = Path(lower).suffix
    if suffix in EXTRA_TYPES:
        return EXTRA_TYPES[suffix]
    return mimetypes.guess_type(lower, strict=False)[0]


def detect(path: str | Path, *, name: str | None = None) -> dict[str, str]:
    """MIME type of a file: ``{"mime", "basis"}`` plus ``"by_extension"`` when the name disagrees.

    ``basis`` is "magic" (content), "extension" (name only) or "unknown".
    """
    with open(path, "rb") as fh:
        head = fh.read(SNIFF_BYTES)
    by_name = by_extension(name or Path(path).name)
    sniffed = sniff_bytes(head)
    if sniffed:
        out = {"mime": sniffed, "basis": "magic"}
        if by_name and by_name != sniffed:
            out["by_extension"] = by_name
        return out
    if by_name:
        return {"mime": by_name, "basis": "extension"}
    return {"mime": "application/octet-stream", "basis": "unknown"}


def kind_for(mime: str) -> str:
    """The evidence kind (photo, video, audio, document, web-capture, ...) for a MIME type."""
    if mime in KIND_BY_MIME:
        return KIND_BY_MIME[mime]
    for prefix, kind in KIND_BY_MIME.items():
        if prefix.endswith("/") and mime.startswith(prefix):
            return kind
    return "other"


__all__ = ["by_extension", "detect", "kind_for", "sniff_bytes"]
