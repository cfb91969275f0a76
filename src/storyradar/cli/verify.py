"""CLI: `storyradar verify sun|shadow|bearing|sound` — physical checks with units and uncertainty."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import typer

from ..timeutil import parse_time, zone
from ..verify import (
    BearingObs,
    Recorder,
    VerifyError,
    azimuth_from_shadow,
    bearing_from_pixel,
    bearing_line,
    check_claimed_time,
    direction_of_arrival,
    distance_from_delay,
    elevation_from_ratio,
    elevation_from_shadow,
    fix_geojson,
    intersect_bearings,
    locate_source,
    location_band,
    parse_latlon,
    parse_uncertain,
    places_near_line,
    save_observation,
    sun_position,
    times_consistent,
)
from ..verify.observations import to_jsonable
from .common import DbOption, JsonOption, open_store, print_json

verify_app = typer.Typer(help="Physical checks: sun and shadows, bearings, sound (units and uncertainty shown).",
                         no_args_is_help=True)

IncidentOption = typer.Option(None, "--incident", help="Incident (name or id) to attach the check to.")
SaveOption = typer.Option(False, "--save", help="Store the check as an observation of --incident.")
ByOption = typer.Option("", "--measured-by", help="Who made the measurement (kept with the observation).")
NoteOption = typer.Option("", "--note", help="A note kept with the observation.")


def _finish(kind: str, method: str, inputs: dict[str, Any], result: Any, lines: list[str], *, as_json: bool,
            incident: str | None, save: bool, measured_by: str, note: str, db: str | None) -> None:
    obs_id = None
    if save:
        if not incident:
            raise VerifyError("--save needs --incident NAME")
        with open_store(db) as store:
            obs_id = save_observation(store, incident, kind, method, inputs, result, measured_by, note)
    if as_json:
        data = to_jsonable(result)
        if hasattr(result, "describe"):
            data["summary"] = result.describe()
        print_json({"kind": kind, "method": method, "inputs": to_jsonable(inputs), "result": data,
                    "observation_id": obs_id})
        return
    for line in lines:
        typer.echo(line)
    if obs_id:
        typer.echo(f"saved as observation {obs_id} of incident {incident}")


def _write_geojson(path: str | None, data: dict) -> list[str]:
    if not path:
        return []
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return [f"GeoJSON written to {path}"]


@verify_app.command("sun")
def sun_cmd(
    lat: float = typer.Option(..., "--lat", help="Latitude, decimal degrees (north +)."),
    lon: float = typer.Option(..., "--lon", help="Longitude, decimal degrees (east +)."),
    time: str = typer.Option(..., "--time", help="ISO 8601 time with offset, e.g. 2024-06-01T09:30+03:00."),
    incident: str | None = IncidentOption, save: bool = SaveOption, measured_by: str = ByOption,
    note: str = NoteOption, db: str | None = DbOption, as_json: bool = JsonOption,
) -> None:
    """Sun azimuth and elevation at a place and time (NOAA equations, about ±0.02°)."""
    utc, _ = parse_time(time, what="--time")
    pos = sun_position(lat, lon, utc)
    lines = [f"time {utc.isoformat()} at {lat:.5f}, {lon:.5f}",
             f"azimuth            {pos.azimuth_deg:8.2f}° (true, clockwise from north)",
             f"elevation          {pos.elevation_deg:8.2f}° (geometric)",
             f"apparent elevation {pos.apparent_elevation_deg:8.2f}° (with refraction)",
             "accuracy about ±0.02° (NOAA solar equations)"]
    _finish("sun", "NOAA solar position (astral)", {"lat": lat, "lon": lon, "time": utc}, pos, lines,
            as_json=as_json, incident=incident, save=save, measured_by=measured_by, note=note, db=db)


@verify_app.command("shadow")
def shadow_cmd(
    lat: float | None = typer.Option(None, "--lat", help="Latitude of the place (known-place checks)."),
    lon: float | None = typer.Option(None, "--lon", help="Longitude of the place (known-place checks)."),
    day: str | None = typer.Option(None, "--date", help="Date (YYYY-MM-DD): list the times the shadow fits."),
    tz: str | None = typer.Option(None, "--tz", help="Zone of --date and of the listed times (default: local solar day, UTC shown)."),
    time: str | None = typer.Option(None, "--time", help="Claimed/known time with offset: check it, or find places with --ratio."),
    height: str | None = typer.Option(None, "--height", help="Object height H or H±sd (any unit, same as --length)."),
    length: str | None = typer.Option(None, "--length", help="Shadow length L or L±sd."),
    ratio: str | None = typer.Option(None, "--ratio", help="Shadow length / object height, R or R±sd (locations band)."),
    azimuth: str | None = typer.Option(None, "--azimuth", help="Direction the shadow points, deg true, A or A±sd."),
    resolution: float = typer.Option(0.5, "--resolution", help="Grid cell size for the locations band (deg)."),
    geojson: str | None = typer.Option(None, "--geojson", help="Write the locations band as GeoJSON here."),
    plot: str | None = typer.Option(None, "--plot", help="Write a plot of the band (.svg or .png)."),
    incident: str | None = IncidentOption, save: bool = SaveOption, measured_by: str = ByOption,
    note: str = NoteOption, db: str | None = DbOption, as_json: bool = JsonOption,
) -> None:
    """Times of day a shadow fits (--lat --lon --date), a claimed time check (--time), or places (--ratio --time)."""
    az = azimuth_from_shadow(parse_uncertain(azimuth, what="--azimuth")) if azimuth else None
    elevation = None
    if ratio:
        elevation = elevation_from_ratio(parse_uncertain(ratio, what="--ratio"))
    elif height or length:
        if not (height and length):
            raise VerifyError("give both --height and --length (or --ratio)")
        elevation = elevation_from_shadow(parse_uncertain(height, what="--height"),
                                          parse_uncertain(length, what="--length"))
    if elevation is None and az is None:
        raise VerifyError("give --height and --length, --ratio, or --azimuth")
    inputs: dict[str, Any] = {"lat": lat, "lon": lon, "date": day, "tz": tz, "time": time, "height": height,
                              "length": length, "ratio": ratio, "azimuth": azimuth}
    inputs = {k: v for k, v in inputs.items() if v is not None}
    lines = [line for line in (elevation.describe() if elevation else "", az.describe() if az else "") if line]
    common = {"as_json": as_json, "incident": incident, "save": save, "measured_by": measured_by,
              "note": note, "db": db}
    if lat is None or lon is None:
        if not time or elevation is None:
            raise VerifyError("without --lat/--lon give --time and --ratio (or --height/--length) to find places")
        from ..verify.plots import band_chart, save_chart

        utc, _ = parse_time(time, what="--time")
        band = location_band(utc, elevation, azimuth=az, resolution_deg=resolution)
        lines.append(band.describe())
        lines += _write_geojson(geojson, band.geojson())
        if plot:
            save_chart(band_chart(band), plot)
            lines.append(f"plot written to {plot}")
        result = {"summary": band.describe(), "cells": len(band.cells), "resolution_deg": resolution,
                  "elevation": elevation, "subsolar": band.subsolar,
                  "lat_range": [float(band.cells[:, 0].min()), float(band.cells[:, 0].max())] if len(band.cells) else None}
        _finish("shadow", "locations band (ShadowFinder-style grid)", inputs, result, lines, **common)
        return
    if time:
        utc, _ = parse_time(time, what="--time")
        check = check_claimed_time(lat, lon, utc, elevation=elevation, azimuth=az)
        lines.append(check.describe())
        _finish("shadow", "claimed-time check", inputs, check, lines, **common)
        return
    if not day:
        raise VerifyError("give --date (times that fit) or --time (check a claimed time)")
    try:
        the_day = date.fromisoformat(day)
    except ValueError as exc:
        raise VerifyError(f"--date {day!r} is not YYYY-MM-DD") from exc
    zone_ = zone(tz) if tz else None
    windows = times_consistent(lat, lon, the_day, elevation=elevation, azimuth=az, tz=zone_)
    if windows:
        lines += [f"fits {w.describe(zone_)}" for w in windows]
    else:
        lines.append(f"no time on {day} fits the shadow at {lat}, {lon}")
    _finish("shadow", "times consistent on a date", inputs, {"windows": windows}, lines, **common)


def _obs(text: str) -> BearingObs:
    parts = [p.strip() for p in text.split(",")]
    if len(parts) not in (3, 4):
        raise VerifyError(f"--obs {text!r} is not LAT,LON,BEARING[±SD][,LABEL]")
    lat, lon = parse_latlon(f"{parts[0]},{parts[1]}", what="--obs")
    b = parse_uncertain(parts[2], what="--obs bearing", default_sd=1.0)
    return BearingObs(lat, lon, b.value, b.sd, parts[3] if len(parts) == 4 else "")


@verify_app.command("bearing")
def bearing_cmd(
    camera: str | None = typer.Option(None, "--camera", help="Camera position LAT,LON."),
    heading: str | None = typer.Option(None, "--heading", help="Camera heading, deg true, H or H±sd."),
    pixel: float | None = typer.Option(None, "--pixel", help="Object's horizontal pixel position x."),
    width: float | None = typer.Option(None, "--width", help="Image width in pixels."),
    fov: str | None = typer.Option(None, "--fov", help="Horizontal field of view, deg, F or F±sd."),
    pixel_sd: float = typer.Option(1.0, "--pixel-sd", help="Uncertainty of the pixel position (px)."),
    max_km: float = typer.Option(30.0, "--max-km", help="Length of the line of possible origins (km)."),
    near_km: float = typer.Option(3.0, "--near-km", help="List GeoNames places within this distance of the line (km)."),
    min_population: int = typer.Option(15000, "--min-population", help="GeoNames list to search: 500, 1000, 5000 or 15000."),
    obs: list[str] = typer.Option(None, "--obs", help="LAT,LON,BEARING[±SD][,LABEL]; two or more: intersection."),
    samples: int = typer.Option(2000, "--samples", help="Monte Carlo draws for the uncertainty ellipse."),
    seed: int = typer.Option(0, "--seed", help="Random seed of the Monte Carlo."),
    geojson: str | None = typer.Option(None, "--geojson", help="Write the line or the intersection as GeoJSON."),
    incident: str | None = IncidentOption, save: bool = SaveOption, measured_by: str = ByOption,
    note: str = NoteOption, db: str | None = DbOption, as_json: bool = JsonOption,
) -> None:
    """A bearing from pixel geometry (single camera), or the intersection of several bearings (--obs)."""
    common = {"as_json": as_json, "incident": incident, "save": save, "measured_by": measured_by,
              "note": note, "db": db}
    if obs:
        observations = [_obs(o) for o in obs]
        fix = intersect_bearings(observations, samples=samples, seed=seed)
        lines = [fix.describe()] + [f"  from {o.label or f'{o.lat},{o.lon}'}: {r:.1f} km"
                                    for o, r in zip(observations, fix.ranges_km, strict=True)]
        lines += _write_geojson(geojson, fix_geojson(fix, observations))
        _finish("bearing", "intersection of bearings (WGS84 least squares, Monte Carlo ellipse)",
                {"obs": obs, "samples": samples, "seed": seed}, fix, lines, **common)
        return
    if not (camera and heading and pixel is not None and width and fov):
        raise VerifyError("give --camera, --heading, --pixel, --width and --fov (or two or more --obs)")
    lat, lon = parse_latlon(camera, what="--camera")
    est = bearing_from_pixel(parse_uncertain(heading, what="--heading"), pixel, width,
                             parse_uncertain(fov, what="--fov"), pixel_sd=pixel_sd)
    line = bearing_line(lat, lon, est.bearing_deg, max_km=max_km, sd_deg=est.sd_deg)
    places = places_near_line(line, within_km=near_km, min_population=min_population)
    lines = [est.describe(), f"line of possible origins: {max_km:g} km from {lat:.5f}, {lon:.5f}"]
    if places:
        lines.append(f"places within {near_km:g} km of the line (GeoNames, population ≥ {min_population}):")
        lines += [f"  {p.name} ({p.country}) at {p.along_km:.1f} km along, {p.offset_km:.1f} km off"
                  for p in places]
    else:
        lines.append(f"no GeoNames place (population ≥ {min_population}) within {near_km:g} km of the line")
    lines += _write_geojson(geojson, line.geojson())
    result = {"bearing": est, "max_km": max_km, "places": places, "summary": est.describe()}
    _finish("bearing", "pinhole bearing from pixel position", {"camera": camera, "heading": heading,
            "pixel": pixel, "width": width, "fov": fov, "pixel_sd": pixel_sd}, result, lines, **common)


def _recorder(text: str) -> Recorder:
    parts = [p.strip() for p in text.split(",")]
    if len(parts) not in (3, 4):
        raise VerifyError(f"--recorder {text!r} is not LAT,LON,T_SECONDS[,LABEL]")
    lat, lon = parse_latlon(f"{parts[0]},{parts[1]}", what="--recorder")
    try:
        t = float(parts[2])
    except ValueError as exc:
        raise VerifyError(f"--recorder {text!r}: arrival time {parts[2]!r} is not seconds") from exc
    return Recorder(lat, lon, t, parts[3] if len(parts) == 4 else "")


@verify_app.command("sound")
def sound_cmd(
    delay: str | None = typer.Option(None, "--delay", help="Flash-to-sound delay, s, D or D±sd."),
    temp: str = typer.Option("15±5", "--temp", help="Air temperature, °C, T or T±sd."),
    recorder: list[str] = typer.Option(None, "--recorder", help="LAT,LON,ARRIVAL_S[,LABEL]; two or more."),
    timing_sd: float = typer.Option(0.002, "--timing-sd", help="Arrival-time uncertainty per recorder (s)."),
    locate: bool = typer.Option(False, "--locate", help="Also locate the source (three or more recorders)."),
    seed: int = typer.Option(0, "--seed", help="Random seed of the Monte Carlo."),
    incident: str | None = IncidentOption, save: bool = SaveOption, measured_by: str = ByOption,
    note: str = NoteOption, db: str | None = DbOption, as_json: bool = JsonOption,
) -> None:
    """Distance from a flash-to-sound delay, or direction (and position) from arrival times at recorders."""
    t = parse_uncertain(temp, what="--temp")
    common = {"as_json": as_json, "incident": incident, "save": save, "measured_by": measured_by,
              "note": note, "db": db}
    if delay:
        est = distance_from_delay(parse_uncertain(delay, what="--delay"), t)
        _finish("sound", "flash-to-sound delay", {"delay": delay, "temp": temp}, est, [est.describe()], **common)
        return
    if not recorder:
        raise VerifyError("give --delay, or two or more --recorder LAT,LON,T")
    recs = [_recorder(r) for r in recorder]
    direction = direction_of_arrival(recs, t, timing_sd_s=timing_sd, seed=seed)
    lines = [direction.describe()]
    result: dict[str, Any] = {"direction": direction, "summary": direction.describe()}
    if locate:
        src = locate_source(recs, t, timing_sd_s=timing_sd, seed=seed)
        lines.append(src.describe())
        result["source"] = src
        result["summary"] += "; " + src.describe()
    _finish("sound", "arrival-time differences (plane wave" + (", TDOA position)" if locate else ")"),
            {"recorders": recorder, "temp": temp, "timing_sd_s": timing_sd}, result, lines, **common)


def register(app: typer.Typer) -> None:
    """Add the `verify` group to the app."""
    app.add_typer(verify_app, name="verify")
