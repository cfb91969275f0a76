"""Media metadata of evidence files: image EXIF (capture time, GPS) via Pillow, video/audio via ffprobe."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import warnings
from datetime import datetime
from pathlib import Path
from typing import Any

from ..errors import TimeError
from ..timeutil import to_utc, zone

EXIF_TIME = "%Y:%m:%d %H:%M:%S"
# Tag numbers (EXIF 2.32): base IFD, Exif sub-IFD and GPS sub-IFD.
BASE_TAGS = {0x010F: "make", 0x0110: "model", 0x0131: "software", 0x0132: "datetime",
             0x0112: "orientation"}
EXIF_TAGS = {0x9003: "datetime_original", 0x9011: "offset_time_original",
             0x9291: "subsec_time_original", 0x9004: "datetime_digitized",
             0x9012: "offset_time_digitized", 0x9010: "offset_time"}
GPS_IFD, EXIF_IFD = 0x8825, 0x8769
FFPROBE_TIMEOUT_S = 60


def read_media(path: str | Path, mime: str) -> dict[str, Any]:
    """What a library can read from the file: EXIF for images, ffprobe for video and audio."""
    if mime.startswith("image/"):
        return read_image(path)
    if mime.startswith(("video/", "audio/")):
        return read_ffprobe(path)
    return {}


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bytes):
        value = value.decode("utf-8", errors="replace")
    return str(value).strip("\x00 ").strip() or None


def read_image(path: str | Path) -> dict[str, Any]:
    """Image size and format, camera, capture time and GPS from EXIF (errors are recorded, not raised)."""
    from PIL import Image

    out: dict[str, Any] = {}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as im:
                out["image"] = {"format": im.format, "width": im.width, "height": im.height}
                exif = im.getexif()
                tags = {name: _text(exif.get(tag)) for tag, name in BASE_TAGS.items() if exif.get(tag)}
                sub = exif.get_ifd(EXIF_IFD)
                tags.update({name: _text(sub.get(tag)) for tag, name in EXIF_TAGS.items() if sub.get(tag)})
                gps = dict(exif.get_ifd(GPS_IFD))
    except Exception as exc:  # noqa: BLE001 - a broken image must not stop registration
        out["image_error"] = f"{type(exc).__name__}: {exc}"
        return out
    if tags:
        out["exif"] = tags
        captured = capture_time(tags)
        if captured:
            out["captured"] = captured
    if gps:
        out["gps"] = gps_position(gps)
    return out


def capture_time(tags: dict[str, Any]) -> dict[str, Any] | None:
    """Capture time from EXIF: UTC only when the file states an offset, else local time of unknown zone."""
    for key, off_keys, label in (
        ("datetime_original", ("offset_time_original", "offset_time"), "DateTimeOriginal"),
        ("datetime_digitized", ("offset_time_digitized", "offset_time"), "DateTimeDigitized"),
        ("datetime", ("offset_time",), "DateTime"),
    ):
        raw = tags.get(key)
        if not raw:
            continue
        try:
            local = datetime.strptime(raw, EXIF_TIME)
        except ValueError:
            return {"raw": raw, "basis": f"EXIF {label}", "error": "not an EXIF date/time"}
        sub = tags.get("subsec_time_original") if key == "datetime_original" else None
        if sub and sub.isdigit():
            local = local.replace(microsecond=int(sub[:6].ljust(6, "0")))
        offset = next((tags[k] for k in off_keys if tags.get(k)), None)
        result: dict[str, Any] = {"local": local.isoformat(), "basis": f"EXIF {label}"}
        if offset:
            try:
                utc, offset_min = to_utc(local, assume=zone(offset), what=f"EXIF {label}")
            except TimeError as exc:
                result.update(zone="unknown", utc=None, error=exc.reason)
                return result
            result.update(offset=offset, offset_min=offset_min, utc=utc.isoformat(),
                          basis=f"EXIF {label} + its offset tag")
        else:
            result.update(zone="unknown (camera local time; the file states no offset)", utc=None)
        return result
    return None


def _dms(value: Any) -> float | None:
    try:
        d, m, s = (float(x) for x in value)
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    return d + m / 60 + s / 3600


def gps_position(gps: dict[int, Any]) -> dict[str, Any]:
    """Latitude/longitude in decimal degrees (south and west negative), altitude and GPS time (UTC)."""
    out: dict[str, Any] = {}
    lat, lon = _dms(gps.get(2)), _dms(gps.get(4))
    if lat is not None and lon is not None:
        if _text(gps.get(1)) == "S":
            lat = -lat
        if _text(gps.get(3)) == "W":
            lon = -lon
        out["latitude"], out["longitude"] = round(lat, 7), round(lon, 7)
    if gps.get(6) is not None:
        try:
            alt = float(gps[6])
            out["altitude_m"] = round(-alt if gps.get(5) in (1, b"\x01") else alt, 2)
        except (TypeError, ValueError, ZeroDivisionError):
            pass
    date, hms = _text(gps.get(29)), gps.get(7)
    if date and hms:
        try:
            h, m, s = (float(x) for x in hms)
            stamp = datetime.strptime(date, "%Y:%m:%d").replace(hour=int(h), minute=int(m), second=int(s))
            out["time_utc"] = stamp.isoformat() + "+00:00"
        except (TypeError, ValueError, ZeroDivisionError):
            out["time_raw"] = f"{date} {hms}"
    return out


_ISO6709 = re.compile(r"([+-]\d+(?:\.\d+)?)([+-]\d+(?:\.\d+)?)")


def read_ffprobe(path: str | Path) -> dict[str, Any]:
    """Duration, container, creation time, codecs via ffprobe; says "not installed" when it is absent."""
    exe = shutil.which("ffprobe")
    if exe is None:
        return {"ffprobe": "not installed"}
    try:
        proc = subprocess.run(
            [exe, "-v", "error", "-print_format", "json", "-show_format", "-show_streams", str(path)],
            capture_output=True, timeout=FFPROBE_TIMEOUT_S, check=False,
        )
        data = json.loads(proc.stdout or b"{}")
    except (OSError, subprocess.TimeoutExpired, ValueError) as exc:
        return {"ffprobe": "failed", "error": f"{type(exc).__name__}: {exc}"}
    if proc.returncode != 0 and not data:
        return {"ffprobe": "failed", "error": proc.stderr.decode("utf-8", "replace").strip()[:300]}
    fmt = data.get("format") or {}
    tags = {k.lower(): v for k, v in (fmt.get("tags") or {}).items()}
    out: dict[str, Any] = {"ffprobe": "ok", "container": fmt.get("format_name")}
    if fmt.get("duration") not in (None, "N/A"):
        out["duration_s"] = round(float(fmt["duration"]), 3)
    created = tags.get("creation_time")
    if created:
        out["creation_time"] = created
        out["creation_time_note"] = ("container creation_time is UTC by specification; some devices "
                                     "write local time there")
    loc = tags.get("location") or tags.get("com.apple.quicktime.location.iso6709")
    if loc and (m := _ISO6709.match(loc)):
        out["location"] = {"latitude": float(m.group(1)), "longitude": float(m.group(2)), "raw": loc}
    streams = []
    for s in data.get("streams") or []:
        info = {k: s.get(k) for k in ("codec_type", "codec_name", "width", "height", "sample_rate",
                                      "channels", "avg_frame_rate") if s.get(k) not in (None, "")}
        streams.append(info)
    out["streams"] = streams
    return out
