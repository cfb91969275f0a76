"""Data: magic-number signatures of common media and document formats, and MIME → evidence kind."""

from __future__ import annotations

#: (offset, magic bytes, MIME type) — checked in order; the first match wins.
#: Container formats that need a second look (RIFF, ISO-BMFF, EBML, gzip) are refined in mime.py.
SIGNATURES: tuple[tuple[int, bytes, str], ...] = (
    (0, b"\xff\xd8\xff", "image/jpeg"),
    (0, b"\x89PNG\r\n\x1a\n", "image/png"),
    (0, b"GIF87a", "image/gif"),
    (0, b"GIF89a", "image/gif"),
    (0, b"II*\x00", "image/tiff"),
    (0, b"MM\x00*", "image/tiff"),
    (0, b"%PDF-", "application/pdf"),
    (0, b"WARC/1.", "application/warc"),
    (0, b"ID3", "audio/mpeg"),
    (0, b"fLaC", "audio/flac"),
    (0, b"OggS", "audio/ogg"),
    (0, b"PK\x03\x04", "application/zip"),
)

#: RIFF form types (bytes 8..12) → MIME.
RIFF_FORMS: dict[bytes, str] = {
    b"WEBP": "image/webp",
    b"WAVE": "audio/wav",
    b"AVI ": "video/x-msvideo",
}

#: ISO base media (MP4/MOV) major brands → MIME; anything else with an ``ftyp`` box is video/mp4.
FTYP_BRANDS: dict[bytes, str] = {
    b"qt  ": "video/quicktime",
    b"M4A ": "audio/mp4",
    b"M4B ": "audio/mp4",
    b"heic": "image/heic",
    b"heix": "image/heic",
    b"mif1": "image/heif",
    b"avif": "image/avif",
    b"3gp4": "video/3gpp",
    b"3gp5": "video/3gpp",
}

#: MPEG audio frame sync (first two bytes) of MP3 files without an ID3 tag.
MP3_SYNC: tuple[bytes, ...] = (b"\xff\xfb", b"\xff\xf3", b"\xff\xf2", b"\xff\xfa")

#: Lower-cased prefixes that mark an HTML document after leading whitespace/BOM.
HTML_PREFIXES: tuple[bytes, ...] = (b"<!doctype html", b"<html", b"<head", b"<!--")

#: Extensions that ``mimetypes`` does not know everywhere.
EXTRA_TYPES: dict[str, str] = {
    ".warc": "application/warc",
    ".webp": "image/webp",
    ".mkv": "video/x-matroska",
    ".webm": "video/webm",
    ".heic": "image/heic",
    ".m4a": "audio/mp4",
}

#: Evidence kinds, by MIME prefix or exact type (exact first).
KIND_BY_MIME: dict[str, str] = {
    "application/warc": "web-capture",
    "text/html": "web-page",
    "application/pdf": "document",
    "image/": "photo",
    "video/": "video",
    "audio/": "audio",
    "text/": "document",
    "application/": "document",
}

#: The custody actions the log accepts.
CUSTODY_ACTIONS: tuple[str, ...] = (
    "acquired", "copied", "viewed", "analysed", "exported", "verified", "linked", "imported",
)

#: Relations between an evidence item and a claim.
LINK_RELATIONS: tuple[str, ...] = ("supports", "contradicts", "context")
