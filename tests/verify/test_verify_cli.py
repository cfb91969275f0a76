"""`storyradar verify …` in process, with exact figures, JSON, GeoJSON/plot files and saved observations."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from typer.testing import CliRunner

from storyradar.cli import app, main
from storyradar.model import Incident, Place
from storyradar.store import Store
from storyradar.verify import list_observations

runner = CliRunner()


def _run(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_sun_exact_output():
    out = _run("verify", "sun", "--lat", "48.52", "--lon", "37.70", "--time", "2024-06-01T12:05+03:00")
    assert out.splitlines() == [
        "time 2024-06-01T09:05:00+00:00 at 48.52000, 37.70000",
        "azimuth              168.56° (true, clockwise from north)",
        "elevation             63.26° (geometric)",
        "apparent elevation    63.27° (with refraction)",
        "accuracy about ±0.02° (NOAA solar equations)",
    ]


def test_shadow_times_check_and_band(tmp_path):
    out = _run("verify", "shadow", "--lat", "48.52", "--lon", "37.70", "--date", "2024-06-01", "--tz", "+03:00",
               "--height", "1.80±0.02", "--length", "1.55+-0.05")
    lines = out.splitlines()
    assert lines[0] == "sun elevation 49.27° ± 0.97° (interval 47.37° to 51.16°)"
    assert lines[1].startswith("fits 2024-06-01 06:")
    assert len(lines) == 3
    out = _run("verify", "shadow", "--lat", "48.52", "--lon", "37.70", "--time", "2024-06-01T12:05+03:00",
               "--height", "1.80±0.02", "--length", "1.55±0.05")
    assert ("outside the measured interval by 12.10°; the nearest fitting time is -122 min from the claim"
            in out)
    gj, svg = tmp_path / "band.geojson", tmp_path / "band.svg"
    out = _run("verify", "shadow", "--time", "2024-06-01T09:05Z", "--ratio", "0.86±0.03", "--resolution", "2",
               "--geojson", str(gj), "--plot", str(svg))
    feature = json.loads(gj.read_text())
    assert feature["geometry"]["type"] == "MultiPolygon"
    assert feature["properties"]["cells"] > 0
    assert svg.read_text().lstrip().startswith("<svg")
    assert f"GeoJSON written to {gj}" in out


def test_bearing_single_and_intersection(tmp_path):
    out = _run("verify", "bearing", "--camera", "48.45,37.62", "--heading", "20±1.5", "--pixel", "2900",
               "--width", "4000", "--fov", "66±1", "--max-km", "25", "--near-km", "3")
    assert out.splitlines() == [
        "bearing 36.29° ± 1.53° true (object +16.29° from the heading; focal length 3079.7 px)",
        "line of possible origins: 25 km from 48.45000, 37.62000",
        "places within 3 km of the line (GeoNames, population ≥ 15000):",
        "  Kostyantynivka (UA) at 10.7 km along, 0.0 km off",
    ]
    gj = tmp_path / "fix.geojson"
    out = _run("verify", "bearing", "--obs", "48.40,37.55,40.4±1,west", "--obs", "48.60,37.95,249.7±1,north-east",
               "--geojson", str(gj))
    assert out.splitlines()[:3] == [
        "intersection 48.54831, 37.74031; 95 % ellipse 2292 m × 587 m (semi-axes, major axis at 59°); "
        "bearing residuals +0.00°, +0.00°",
        "  from west: 21.7 km",
        "  from north-east: 16.5 km",
    ]
    assert len(json.loads(gj.read_text())["features"]) == 4


def test_sound_delay_and_recorders_json():
    out = _run("verify", "sound", "--delay", "4.2±0.2", "--temp", "20±3")
    assert out.strip() == "distance 1442 m ± 69 m (95 %: 1306–1577 m); speed of sound 343.2 ± 1.8 m/s"
    out = _run("verify", "sound", "--recorder", "48.5,37.6,0.000,a", "--recorder", "48.5081,37.6122,1.000,b",
               "--recorder", "48.4937,37.6027,1.200,c", "--json")
    data = json.loads(out)
    assert round(data["result"]["direction"]["azimuth_deg"], 1) == 296.3
    assert data["result"]["summary"].startswith("sound arrived from 296.3° ± 0.04° true")


def test_save_with_incident_and_errors(tmp_path, capsys):
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        store.save_incident(Incident("fictional-strike", datetime(2024, 6, 1, 9, 5, tzinfo=UTC),
                                     Place("Fictionville", 48.52, 37.70)))
    out = _run("verify", "sun", "--lat", "48.52", "--lon", "37.70", "--time", "2024-06-01T09:05Z",
               "--incident", "fictional-strike", "--save", "--measured-by", "analyst A", "--db", str(db))
    assert "saved as observation" in out
    with Store(db) as store:
        [obs] = list_observations(store, "fictional-strike")
    assert obs["kind"] == "sun" and obs["measured_by"] == "analyst A"
    assert main(["verify", "sun", "--lat", "48.52", "--lon", "37.70", "--time", "2024-06-01T09:05"]) == 2
    assert "has no time zone" in capsys.readouterr().err
    assert main(["verify", "sound", "--delay", "4.2±x"]) == 2
    assert "--delay '4.2±x' is not a number" in capsys.readouterr().err
    assert main(["verify", "sun", "--lat", "1", "--lon", "2", "--time", "2024-06-01T09:05Z", "--save"]) == 2
    assert "--save needs --incident" in capsys.readouterr().err
