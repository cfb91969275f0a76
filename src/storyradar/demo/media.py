"""Generate the demo's media (JPEGs with EXIF, a WAV) and the physical observations computed from them.

Values are computed consistently: camera bearings point at the fictional market (geographiclib),
the pole's shadow matches the sun at the claimed time (astral, apparent elevation), and the
flash-to-bang delay matches the recorder's distance at the stated air temperature.
"""

from __future__ import annotations

import hashlib
import math
import wave
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
from astral import Observer
from astral.sun import azimuth, elevation
from geographiclib.geodesic import Geodesic
from PIL import Image, ImageDraw

from .schedule import MAIN_AT
from .specs import COORDS
from .writers import NOTICE, NOTICE_LONG

WIDTH, HEIGHT = 640, 400
HFOV_DEG = 66.0
PX_PER_M = 40.0  # scale of the pole photo: the camera looks square-on at pole and shadow
POLE_HEIGHT_M = 3.0
TEMPERATURE_C = 6.0
RATE = 8000

#: Cameras around the market: id -> (azimuth from the market to the camera, distance m, heading offset deg).
CAMERAS = {"cam-a": (315.0, 3100.0, 9.0), "cam-b": (90.0, 1250.0, -4.0), "cam-c": (225.0, 4000.0, -6.0)}


def speed_of_sound(temp_c: float) -> float:
    """Speed of sound in dry air (m/s) at the temperature: 331.3 * sqrt(1 + T/273.15)."""
    return 331.3 * math.sqrt(1.0 + temp_c / 273.15)


def cameras() -> list[dict[str, Any]]:
    """Camera positions (rounded to 1e-5°) and their bearings to the market, with pinhole pixel positions."""
    lat0, lon0 = COORDS["zorianivka"]
    out = []
    for cam, (az, dist, offset) in CAMERAS.items():
        d = Geodesic.WGS84.Direct(lat0, lon0, az, dist)
        lat, lon = round(d["lat2"], 5), round(d["lon2"], 5)
        inv = Geodesic.WGS84.Inverse(lat, lon, lat0, lon0)
        bearing = inv["azi1"] % 360.0
        heading = (bearing + offset) % 360.0
        x = WIDTH / 2 + (WIDTH / 2) * math.tan(math.radians(bearing - heading)) / math.tan(math.radians(HFOV_DEG / 2))
        out.append({"id": cam, "latitude": lat, "longitude": lon, "bearing_deg": round(bearing, 2),
                    "distance_m": round(inv["s12"], 1), "heading_deg": round(heading, 2), "pixel_x": round(x, 1)})
    return out


def sun_at(when: datetime) -> tuple[float, float]:
    """Apparent sun elevation and azimuth (degrees) at the market at the time."""
    lat, lon = COORDS["zorianivka"]
    obs = Observer(latitude=lat, longitude=lon, elevation=0.0)
    return elevation(obs, when, with_refraction=True), azimuth(obs, when)


def _exif(when: datetime, lat: float, lon: float, heading: float | None) -> bytes:
    exif = Image.Exif()
    exif[0x010E] = NOTICE_LONG  # ImageDescription
    exif[0x010F] = "storyradar demo"  # Make
    exif[0x0110] = "generated image"  # Model
    exif[0x0132] = when.strftime("%Y:%m:%d %H:%M:%S")
    sub = exif.get_ifd(0x8769)
    sub[0x9003] = when.strftime("%Y:%m:%d %H:%M:%S")  # DateTimeOriginal
    sub[0x9011] = _offset(when)  # OffsetTimeOriginal
    sub[0x9010] = _offset(when)  # OffsetTime
    gps = exif.get_ifd(0x8825)
    gps[0x0000] = b"\x02\x03\x00\x00"
    gps[0x0001], gps[0x0002] = ("N" if lat >= 0 else "S"), _dms(abs(lat))
    gps[0x0003], gps[0x0004] = ("E" if lon >= 0 else "W"), _dms(abs(lon))
    if heading is not None:
        gps[0x0010], gps[0x0011] = "T", round(heading, 2)  # GPSImgDirectionRef, GPSImgDirection
    return exif.tobytes()


def _offset(when: datetime) -> str:
    minutes = int(when.utcoffset().total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _dms(value: float) -> tuple[float, float, float]:
    deg = int(value)
    minutes = int((value - deg) * 60)
    seconds = round(((value - deg) * 60 - minutes) * 60, 4)
    return (float(deg), float(minutes), seconds)


def _scene(draw: ImageDraw.ImageDraw, horizon: int) -> None:
    for y in range(horizon):
        shade = int(150 + 80 * y / horizon)
        draw.line([(0, y), (WIDTH, y)], fill=(shade - 60, shade - 20, 255))
    draw.rectangle([0, horizon, WIDTH, HEIGHT], fill=(112, 98, 72))
    draw.text((8, HEIGHT - 18), NOTICE, fill=(255, 255, 255))


def pole_photo(path: Path, when: datetime, shadow_m: float) -> None:
    """The sun/shadow photo: a pole of POLE_HEIGHT_M and its shadow, drawn at PX_PER_M."""
    img = Image.new("RGB", (WIDTH, HEIGHT))
    draw = ImageDraw.Draw(img)
    _scene(draw, 240)
    base = (200, 330)
    draw.line([(base[0] + 2, base[1]), (base[0] + 2 + shadow_m * PX_PER_M, base[1])], fill=(40, 34, 26), width=6)
    draw.line([base, (base[0], base[1] - POLE_HEIGHT_M * PX_PER_M)], fill=(70, 70, 75), width=5)
    lat, lon = COORDS["zorianivka"]
    img.save(path, "JPEG", quality=85, exif=_exif(when, lat + 0.00021, lon - 0.00013, None))


def camera_photo(path: Path, when: datetime, cam: dict[str, Any]) -> None:
    """A distant view with a smoke plume at the camera's computed pixel column."""
    img = Image.new("RGB", (WIDTH, HEIGHT))
    draw = ImageDraw.Draw(img)
    _scene(draw, 260)
    x = cam["pixel_x"]
    for i in range(6):
        r = 10 + 6 * i
        draw.ellipse([x - r, 250 - 28 * i - r, x + r, 250 - 28 * i + r], fill=(90 + 10 * i,) * 3)
    draw.line([(x, 262), (x, 252)], fill=(255, 160, 40), width=3)
    img.save(path, "JPEG", quality=85, exif=_exif(when, cam["latitude"], cam["longitude"], cam["heading_deg"]))


def sound_file(path: Path, delay_s: float, seed: int, flash_s: float = 0.5) -> None:
    """A mono 16-bit WAV: a sharp click at ``flash_s``, then a low rumbling boom ``delay_s`` later."""
    rng = np.random.default_rng(seed)
    n = int((flash_s + delay_s + 1.5) * RATE)
    signal = rng.normal(0.0, 0.01, n)
    start = int(flash_s * RATE)
    click = rng.normal(0.0, 1.0, 40) * np.exp(-np.arange(40) / 8.0)
    signal[start:start + 40] += 0.8 * click
    boom_at = int((flash_s + delay_s) * RATE)
    length = int(0.8 * RATE)
    t = np.arange(length) / RATE
    rumble = np.convolve(rng.normal(0.0, 1.0, length), np.ones(40) / 40, mode="same")
    boom = (0.6 * np.sin(2 * np.pi * 55 * t) + 4.0 * rumble) * np.exp(-t / 0.25)
    signal[boom_at:boom_at + length] += boom[: n - boom_at]
    pcm = (np.clip(signal / np.max(np.abs(signal)) * 0.9, -1, 1) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as fh:
        fh.setnchannels(1)
        fh.setsampwidth(2)
        fh.setframerate(RATE)
        fh.writeframes(pcm.tobytes())


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_media(folder: Path, seed: int) -> dict[str, Any]:
    """Write media/ and return the observations (for observations.toml) and their ground truth."""
    media = folder / "media"
    media.mkdir(parents=True, exist_ok=True)
    cams = {c["id"]: c for c in cameras()}
    photo_at = MAIN_AT + timedelta(minutes=2, seconds=20)
    elev, az = sun_at(photo_at)
    shadow = POLE_HEIGHT_M / math.tan(math.radians(elev))
    pole_photo(media / "market_pole.jpg", photo_at, shadow)
    camera_photo(media / "camera_a.jpg", MAIN_AT + timedelta(seconds=40), cams["cam-a"])
    camera_photo(media / "camera_c.jpg", MAIN_AT + timedelta(seconds=55), cams["cam-c"])
    rec = cams["cam-b"]
    delay = rec["distance_m"] / speed_of_sound(TEMPERATURE_C)
    sound_file(media / "recorder_b.wav", delay, seed)
    first_seen = {"camera_a.jpg": MAIN_AT + timedelta(hours=1, minutes=35),
                  "recorder_b.wav": MAIN_AT + timedelta(hours=2, minutes=10),
                  "market_pole.jpg": MAIN_AT + timedelta(hours=3, minutes=5),
                  "camera_c.jpg": MAIN_AT + timedelta(hours=5, minutes=40)}
    bearings = []
    for cam in cams.values():
        entry = {"id": cam["id"], "latitude": cam["latitude"], "longitude": cam["longitude"],
                 "bearing_deg": cam["bearing_deg"], "uncertainty_deg": 1.5, "observed_by": "demo analyst"}
        if cam["id"] in ("cam-a", "cam-c"):
            entry.update(file=f"media/camera_{cam['id'][-1]}.jpg", heading_deg=cam["heading_deg"],
                         pixel_x=cam["pixel_x"], image_width_px=WIDTH, hfov_deg=HFOV_DEG,
                         method="pinhole: bearing = heading + atan((x - w/2) / (w/2) * tan(hfov/2))")
        else:
            entry.update(method="compass bearing taken on site")
        bearings.append(entry)
    observations = {
        "incident": "zorianivka-market",
        "note": NOTICE_LONG,
        "sun": {"file": "media/market_pole.jpg", "latitude": COORDS["zorianivka"][0],
                "longitude": COORDS["zorianivka"][1], "claimed_time": photo_at.isoformat(),
                "object": "lamp pole at the market entrance", "object_height_m": POLE_HEIGHT_M,
                "object_height_uncertainty_m": 0.05, "shadow_length_m": round(shadow, 2),
                "shadow_length_uncertainty_m": 0.1, "shadow_azimuth_deg": round((az + 180.0) % 360.0, 1),
                "shadow_azimuth_uncertainty_deg": 3.0},
        "sound": {"file": "media/recorder_b.wav", "latitude": rec["latitude"], "longitude": rec["longitude"],
                  "flash_time_s": 0.5, "bang_time_s": round(0.5 + delay, 3), "temperature_c": TEMPERATURE_C},
        "bearings": bearings,
        "media": [{"file": f"media/{name}", "sha256": _sha256(media / name), "first_seen": when.isoformat(),
                   "source_url": f"https://social.example-demo.net/posts/{i + 1000}",
                   "uploader": f"demo_user_{i + 1}", "note": NOTICE}
                  for i, (name, when) in enumerate(sorted(first_seen.items(), key=lambda x: x[1]))],
    }
    truth = {"impact": {"latitude": COORDS["zorianivka"][0], "longitude": COORDS["zorianivka"][1]},
             "sun_elevation_deg": round(elev, 3), "sun_azimuth_deg": round(az, 3),
             "sound_distance_m": rec["distance_m"], "sound_delay_s": round(delay, 4),
             "speed_of_sound_m_s": round(speed_of_sound(TEMPERATURE_C), 3),
             "first_evidence_seen": min(first_seen.values()).isoformat()}
    return {"observations": observations, "truth": truth, "first_evidence": min(first_seen.values())}
