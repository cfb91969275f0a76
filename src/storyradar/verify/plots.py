"""Charts for physical checks (altair), and saving any chart as SVG or PNG offline (vl-convert)."""

from __future__ import annotations

from pathlib import Path

import altair as alt

from .shadow import LocationBand
from .uncertain import VerifyError


def save_chart(chart: alt.TopLevelMixin, path: str | Path) -> Path:
    """Write a chart to ``.svg`` or ``.png`` (vl-convert, no network); return the path."""
    import vl_convert as vlc

    out = Path(path)
    spec = chart.to_json()
    if out.suffix.lower() == ".svg":
        out.write_text(vlc.vegalite_to_svg(spec), encoding="utf-8")
    elif out.suffix.lower() == ".png":
        out.write_bytes(vlc.vegalite_to_png(spec, scale=2))
    else:
        raise VerifyError(f"plot file must end in .svg or .png, not {out.suffix or 'nothing'}", path=str(out))
    return out


def band_chart(band: LocationBand) -> alt.LayerChart:
    """The band of consistent places on a plain lat/lon plot, with the subsolar point marked."""
    rects = band.geojson()["geometry"]["coordinates"]  # merged row runs: far fewer marks than cells
    cells = alt.Data(values=[{"lon": p[0][0][0], "lat": p[0][0][1], "lon2": p[0][2][0], "lat2": p[0][2][1]}
                             for p in rects])
    x = alt.X("lon:Q", scale=alt.Scale(domain=[-180, 180], nice=False), title="longitude (°)")
    y = alt.Y("lat:Q", scale=alt.Scale(domain=[-90, 90], nice=False), title="latitude (°)")
    rects = alt.Chart(cells).mark_rect(color="#d95f02", opacity=0.6).encode(x=x, x2="lon2", y=y, y2="lat2")
    sub = alt.Data(values=[{"lat": band.subsolar[0], "lon": band.subsolar[1], "label": "subsolar point"}])
    point = alt.Chart(sub).mark_point(shape="diamond", size=80, color="black", filled=True).encode(
        x="lon:Q", y="lat:Q", tooltip=["label:N"])
    title = (f"Places where the shadow fits at {band.when_utc.strftime('%Y-%m-%d %H:%M')} UTC "
             f"(sun {band.elevation.low_deg:.1f}°–{band.elevation.high_deg:.1f}°)")
    return alt.layer(rects, point).properties(width=640, height=320, title=title)
