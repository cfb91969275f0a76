"""Outlets: the registered domain of a URL (offline public-suffix list) and an optional country map."""

from __future__ import annotations

import csv
import json
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import tldextract

from ..errors import IngestError


@lru_cache(maxsize=1)
def _extractor() -> tldextract.TLDExtract:
    """tldextract on its bundled suffix-list snapshot: no download, no cache folder, ever."""
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)


def outlet_of(url: str) -> str:
    """The registered domain of ``url`` ('news.example.co.uk' -> 'example.co.uk'); '' for non-web URLs."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return ""
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return ""
    host = parts.hostname.lower()
    found = _extractor()(host)
    if found.ipv4 or found.ipv6:
        return host
    if found.top_domain_under_public_suffix:
        return found.top_domain_under_public_suffix
    labels = host.split(".")  # a suffix not on the list (".test", ".internal"): keep the last two labels
    return ".".join(labels[-2:])


def load_country_map(path: str | Path) -> dict[str, str]:
    """Read an outlet -> country map: CSV (``outlet,country`` rows) or JSON (an object)."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise IngestError(f"cannot read the outlet-country map: {exc}", path=str(file)) from exc
    if file.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise IngestError(f"not valid JSON: {exc}", path=str(file)) from exc
        if not isinstance(data, dict):
            raise IngestError("expected a JSON object mapping outlet to country", path=str(file))
        return {str(k).lower(): str(v).upper() for k, v in data.items()}
    out: dict[str, str] = {}
    for n, row in enumerate(csv.reader(text.splitlines()), start=1):
        if not row or row[0].startswith("#") or (n == 1 and row[0].strip().lower() == "outlet"):
            continue
        if len(row) < 2:
            raise IngestError("expected 'outlet,country'", path=str(file), locator=f"line {n}")
        out[row[0].strip().lower()] = row[1].strip().upper()
    return out
