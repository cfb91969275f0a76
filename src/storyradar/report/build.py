"""Write an incident report: one self-contained HTML page with SVG charts, plus JSON and CSV tables."""

from __future__ import annotations

import csv
import importlib
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from .. import __version__
from ..coverage import Coverage, analyse_coverage, build_timeline
from ..model import Incident
from ..store import Store
from ..store.codec import incident_to_dict
from ..timeutil import with_offset
from .charts import collection_chart, outlets_chart, timeline_chart, to_svg
from .section import ReportSection

#: The early window drawn hour by hour.
FIRST_HOURS = timedelta(hours=72)

#: Analysis modules that may contribute a section: "module:function(store, incident)".
SECTION_PROVIDERS = (
    "storyradar.claims:section",
    "storyradar.evidence:section",
    "storyradar.verify:section",
    "storyradar.correlate:section",
    "storyradar.assertions:section",
    "storyradar.gdelt:section",
    "storyradar.origins:section",
)


@dataclass(slots=True)
class RenderedSection:
    """A section ready for the template: escaped text, tables and SVG charts."""

    key: str
    title: str
    summary: list[str]
    notes: list[str]
    tables: dict[str, list[dict[str, Any]]]
    charts: dict[str, Markup] = field(default_factory=dict)


def coverage_section(cov: Coverage, store: Store) -> ReportSection:
    """The core coverage section: summary, timeline, outlets, waves, articles, near misses."""
    data = cov.to_dict()
    summary = [f"{data['articles']} matched articles ({data['about']} about the incident, {data['passing']} "
               f"passing mentions) from {len(cov.outlets)} outlets in {len(cov.languages)} languages; "
               f"{data['stories']} distinct stories after grouping syndicated copies."]
    fm = data["first_mention"]
    if fm:
        summary.append(f"First mention: {fm['published_at']}, {fm['lag_minutes']} minutes after the declared "
                       f"incident time, by {fm['outlet']} (date known from: {fm['date_source']}).")
    summary.append(f"Peak: {data['peak']['day']} with {data['peak']['articles']} articles.")
    sil = data["silence"]
    summary.append(f"Silence: from {sil['day']}." if sil["day"] else f"Silence: {sil['note']}.")
    for k, w in enumerate(data["waves"], 1):
        summary.append(f"Later wave {k}: {w['start']} to {w['end']}, {w['articles']} articles; character: "
                       f"{w['character']}.")
    if data["undated"] or data["weak_dates"]:
        summary.append(f"{data['undated']} articles without a time at this resolution (undated, or a date "
                       f"alone in hour/minute bins) are left out of the timeline; {data['weak_dates']} "
                       "are placed by a crawl or fetch time, an upper bound on publication.")
    notes = [f"Silence rule: {sil['rule']}.", f"Wave rule: {data['wave_rule']}.",
             f"Bins are in the incident's declared offset (UTC{cov.timeline.tz_offset_min / 60:+g}h) throughout; "
             "a daylight-saving change after the incident is not applied, so later local times may be an "
             "hour off on the axis.",
             "Change points (ruptures PELT on variance-stabilised daily counts): "
             + (", ".join(data["change_points"]) or "none") + "."]
    articles = [{
        "published_at": with_offset(i.published_at, i.published_offset_min), "date_source": i.date_source,
        "outlet": i.outlet, "language": i.language, "relation": i.relation, "score": round(i.score, 3),
        "title": i.title, "url": i.url, "syndication_group": i.dup_group,
    } for i in cov.items]
    near = []
    for m in store.get_matches(cov.incident.id, relations=("near-miss", "excluded")):
        try:
            art = store.get_article(m.article_id)
        except Exception:  # noqa: BLE001 - a missing article must not break the report
            continue
        near.append({"published_at": with_offset(art.published_at, art.published_offset_min),
                     "outlet": art.outlet, "title": art.title, "url": art.url, "relation": m.relation,
                     "why": "; ".join(r.detail for r in m.reasons if r.weight <= 0 or r.kind in
                                      ("near-miss", "override", "figure", "date", "place"))})
    waves = [{"wave": k, "start": w["start"], "end": w["end"], "articles": w["articles"], "stories": w["stories"],
              "character": w["character"], "evidence": " | ".join(w["character_evidence"]),
              "titles": " | ".join(w["titles"])} for k, w in enumerate(data["waves"], 1)]
    first_hours = build_timeline(
        [i for i in cov.items if i.published_at is not None
         and cov.incident.occurred_at <= i.published_at < cov.incident.occurred_at + FIRST_HOURS],
        cov.incident, by="hour", start=cov.incident.occurred_at, end=cov.incident.occurred_at + FIRST_HOURS)
    charts: dict[str, Any] = {
        "timeline_by_language": timeline_chart(cov, dimension="language"),
        "first_hours_by_language": timeline_chart(
            cov, dimension="language", timeline=first_hours,
            title=f"First {int(FIRST_HOURS.total_seconds() // 3600)} hours after the incident, per hour"),
        "outlets": outlets_chart(cov)}
    gaps = collection_chart(cov)
    if gaps is not None:
        charts["collection_gaps"] = gaps
    return ReportSection(
        key="coverage", title="Coverage over time", summary=summary, notes=notes,
        tables={"timeline": cov.timeline.as_rows(),
                "timeline_by_language": [r for r in cov.timeline.as_rows("language") if r["n"]],
                "outlets": cov.outlets, "languages": cov.languages, "countries": cov.countries,
                "waves": waves, "articles": articles, "near_misses": near,
                "collection_gaps": data["collection_gaps"]},
        charts=charts,
    )


def domain_sections(store: Store, incident: Incident) -> list[ReportSection]:
    """Sections from the analysis modules that have something to say about this incident."""
    sections = []
    for spec in SECTION_PROVIDERS:
        module_name, func_name = spec.split(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name and module_name.startswith(exc.name):
                continue  # that analysis is not part of this installation
            raise
        provider = getattr(module, func_name, None)
        if provider is None:
            continue
        section = provider(store, incident)
        if section is not None:
            sections.append(section)
    return sections


def _render(section: ReportSection) -> RenderedSection:
    charts = {name: Markup(to_svg(chart)) for name, chart in section.charts.items() if chart is not None}
    return RenderedSection(section.key, section.title, section.summary, section.notes, section.tables, charts)


def _write_table(folder: Path, name: str, rows: list[dict[str, Any]]) -> None:
    (folder / f"{name}.json").write_text(json.dumps(rows, ensure_ascii=False, indent=1, default=str), "utf-8")
    columns: list[str] = []
    for row in rows:
        for key in row:
            if key not in columns:
                columns.append(key)
    with open(folder / f"{name}.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns or ["empty"])
        writer.writeheader()
        for row in rows:
            writer.writerow({k: (json.dumps(v, ensure_ascii=False, default=str) if isinstance(v, (dict, list))
                                 else v) for k, v in row.items()})


def build_report(store: Store, incident: Incident | str, out_dir: str | Path, *, by: str = "day",
                 count: str = "articles") -> Path:
    """Write ``out_dir/index.html`` plus JSON and CSV of every table; return the HTML path."""
    if isinstance(incident, str):
        incident = store.get_incident(incident)
    out = Path(out_dir)
    tables_dir = out / "tables"
    tables_dir.mkdir(parents=True, exist_ok=True)
    cov = analyse_coverage(store, incident, by=by, count=count)
    sections = [coverage_section(cov, store)] + domain_sections(store, incident)
    rendered = [_render(s) for s in sections]
    spec = incident_to_dict(incident)
    (out / "incident.json").write_text(json.dumps(spec, ensure_ascii=False, indent=2), "utf-8")
    (out / "coverage.json").write_text(json.dumps(cov.to_dict(), ensure_ascii=False, indent=1, default=str),
                                       "utf-8")
    for section in sections:
        for name, rows in section.tables.items():
            _write_table(tables_dir, f"{section.key}_{name}", rows)
    env = Environment(loader=PackageLoader("storyradar.report", "templates"),
                      autoescape=select_autoescape(["html", "j2"]))
    html = env.get_template("report.html.j2").render(
        incident=incident, spec=spec, sections=rendered, version=__version__,
        generated=datetime.now(UTC).isoformat(timespec="seconds"),
        occurred=with_offset(incident.occurred_at, incident.occurred_offset_min),
    )
    index = out / "index.html"
    index.write_text(html, "utf-8")
    return index
