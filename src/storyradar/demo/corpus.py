"""Generate the whole fictional demo corpus into a folder and describe it, with its ground truth, in a manifest."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, timedelta
from pathlib import Path
from typing import Any

from ..errors import StoryradarError
from . import media, schedule, social, specs, writers
from .outlets import GAP_DOMAIN, OUTLETS, outlet_by_domain
from .schedule import Piece

VERSION = 1
SILENCE_FRACTION = 0.1
SILENCE_MIN_DAYS = 14
_OWNED = ("html", "media", "incidents", "crawl.warc.gz", "feed.xml", "wire.jsonl", "calendar.csv",
          "assertions.toml", "observations.toml", "manifest.json", "social")


@dataclass(slots=True)
class DemoManifest:
    """What generate_corpus wrote, and the ground truth a pipeline run on it should recover.

    ``files`` maps a role (html_dir, warc, feed, jsonl, calendar, assertions, observations, media,
    incidents) to paths relative to ``folder``; ``articles`` has one entry per article (url, outlet,
    language, channel, kind, incident, published_at, location, ...); ``ground_truth`` holds the
    timeline shape, first claims, figures, syndication groups and the planted collection gap.
    """

    folder: Path
    seed: int
    scale: float
    notice: str = writers.NOTICE
    version: int = VERSION
    main_incident: str = "zorianivka-market"
    near_miss: str = "zorianivka-depot-fire"
    comparable: list[str] = field(default_factory=list)
    files: dict[str, Any] = field(default_factory=dict)
    incidents: dict[str, dict[str, Any]] = field(default_factory=dict)
    outlets: list[dict[str, Any]] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    counts: dict[str, Any] = field(default_factory=dict)
    ground_truth: dict[str, Any] = field(default_factory=dict)
    observations: dict[str, Any] = field(default_factory=dict)
    articles: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Plain data without the folder, so the manifest is the same wherever it was generated."""
        data = asdict(self)
        data.pop("folder")
        return data

    def path(self, role: str) -> Path:
        """Absolute path of a generated file by role ("warc", "feed", "jsonl", "html_dir", ...)."""
        return self.folder / self.files[role]

    def urls(self, kind: str, incident: str | None = None) -> list[str]:
        """URLs of the articles of a kind (main, passing, near_miss, comparable, same_place, background)."""
        return [a["url"] for a in self.articles if a["kind"] == kind and (incident is None or a["incident"] == incident)]

    @classmethod
    def load(cls, folder: Path) -> DemoManifest:
        """Read manifest.json back from a generated corpus folder."""
        path = Path(folder) / "manifest.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise StoryradarError(f"cannot read the demo manifest: {exc}", path=str(path),
                                  hint="generate the corpus first with storyradar.demo.generate_corpus") from exc
        return cls(folder=Path(folder), **data)


def _prepare(folder: Path) -> None:
    if folder.exists() and any(folder.iterdir()):
        if not (folder / "manifest.json").exists():
            raise StoryradarError("folder is not empty and holds no demo corpus; refusing to write into it",
                                  path=str(folder), hint="choose an empty or new folder")
        for name in _OWNED:
            target = folder / name
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()
    folder.mkdir(parents=True, exist_ok=True)


def generate_corpus(folder: Path, *, seed: int = 7, scale: float = 1.0) -> DemoManifest:
    """Write the fictional demo corpus into ``folder`` and return its manifest.

    The same seed and scale give the same bytes. ``scale`` multiplies article counts (0.2 for quick
    tests); the structure — 42 outlets, 7 languages, burst/silence/wave, near miss, syndicated copies,
    collection gap — holds at any scale. A non-empty folder that is not a previous demo is refused.
    """
    if not 0.05 <= scale <= 20:
        raise StoryradarError(f"scale {scale} is outside 0.05-20", hint="use 1.0 for the full demo, 0.2 for tests")
    folder = Path(folder)
    _prepare(folder)
    pieces = schedule.plan(seed, scale)
    locations: dict[str, str] = {}
    html_pieces = [p for p in pieces if p.channel == "html"]
    for url, rel in writers.write_html(folder, html_pieces, pieces).items():
        locations[url] = rel
    warc_pieces = [p for p in pieces if p.channel == "warc"]
    for url, offset in writers.write_warc(folder / "crawl.warc.gz", warc_pieces, pieces, seed).items():
        locations[url] = f"crawl.warc.gz@offset={offset}"
    feed_pieces = [p for p in pieces if p.channel == "feed"]
    writers.write_feed(folder / "feed.xml", feed_pieces[0].outlet, feed_pieces)
    for p in feed_pieces:
        locations[p.url] = f"feed.xml#{p.url}"
    for url, line in writers.write_jsonl(folder / "wire.jsonl", [p for p in pieces if p.channel == "wire"]).items():
        locations[url] = f"wire.jsonl:{line}"
    incident_files = specs.write_incidents(folder)
    specs.write_calendar(folder / "calendar.csv")
    made = media.write_media(folder, seed)
    social_files = social.write_social(folder)
    expected = specs.write_assertions(folder / "assertions.toml", made["first_evidence"], schedule.FINDING_AT)
    (folder / "observations.toml").write_text(
        specs.toml_dumps(made["observations"], header="FICTIONAL DEMO DATA: physical checks for the invented incident."),
        encoding="utf-8")
    manifest = DemoManifest(folder=folder, seed=seed, scale=scale, comparable=list(schedule.COMPARABLE))
    manifest.files = {"html_dir": "html", "warc": "crawl.warc.gz", "feed": "feed.xml", "jsonl": "wire.jsonl",
                      "calendar": "calendar.csv", "assertions": "assertions.toml",
                      "observations": "observations.toml", "incidents": incident_files,
                      "media": sorted(m["file"] for m in made["observations"]["media"]), "manifest": "manifest.json"}
    manifest.files["social"] = social_files
    manifest.incidents = _incidents(incident_files)
    manifest.outlets = [{"domain": o.domain, "name": o.name, "language": o.language, "country": o.country,
                         "tz": o.tz, "channel": o.channel, "date_meta": o.template != "nodate"} for o in OUTLETS]
    manifest.languages = sorted({o.language for o in OUTLETS})
    manifest.articles = [_article(p, locations[p.url]) for p in pieces]
    manifest.counts = _counts(pieces)
    manifest.ground_truth = ground_truth(pieces)
    manifest.ground_truth["expected_verdicts"] = [
        {"id": r["table"]["id"], "kind": r["table"]["kind"], "expected": r["expected"], "because": r["because"]}
        for r in expected]
    manifest.observations = made["truth"]
    (folder / "manifest.json").write_text(json.dumps(manifest.to_dict(), ensure_ascii=False, indent=1) + "\n",
                                          encoding="utf-8")
    return manifest


def _incidents(files: dict[str, str]) -> dict[str, dict[str, Any]]:
    out = {}
    for name, spec in specs.incident_specs().items():
        role = "main" if name == "zorianivka-market" else "near_miss" if name == "zorianivka-depot-fire" else "comparable"
        out[name] = {"file": files[name], "title": spec["title"], "occurred_at": spec["occurred_at"], "role": role}
    return out


def _article(p: Piece, location: str) -> dict[str, Any]:
    return {"url": p.url, "outlet": p.outlet.domain, "language": p.outlet.language, "country": p.outlet.country,
            "channel": p.channel, "kind": p.kind, "incident": p.incident, "title": p.title,
            "published_at": p.published_iso,
            "crawled_at": p.crawled.isoformat().replace("+00:00", "Z") if p.crawled else None,
            "date_in_meta": p.date_in_meta or p.channel != "warc", "syndicated_of": p.syndicated_of or None,
            "facts": p.facts, "location": location}


def _counts(pieces: list[Piece]) -> dict[str, Any]:
    return {"articles": len(pieces), "outlets": len({p.outlet.domain for p in pieces}),
            "by_channel": dict(sorted(Counter(p.channel for p in pieces).items())),
            "by_language": dict(sorted(Counter(p.outlet.language for p in pieces).items())),
            "by_kind": dict(sorted(Counter(p.kind for p in pieces).items()))}


def _utc_day(p: Piece) -> date:
    return p.published.astimezone(UTC).date()


def ground_truth(pieces: list[Piece]) -> dict[str, Any]:
    """The timeline shape, first claims, figures, syndication and collection gap, from the plan."""
    main = [p for p in pieces if p.incident == "zorianivka-market"]
    days = [schedule.START + timedelta(days=i) for i in range((schedule.END - schedule.START).days + 1)]
    daily = Counter(_utc_day(p) for p in main)
    series = {d.isoformat(): daily.get(d, 0) for d in days}
    peak_day = max(days, key=lambda d: (daily.get(d, 0), -d.toordinal()))
    peak = daily[peak_day]
    limit = SILENCE_FRACTION * peak
    silence_start = silence_end = None
    run: list[date] = []
    for d in (x for x in days if x > peak_day):
        if daily.get(d, 0) < limit:
            run.append(d)
            continue
        if len(run) >= SILENCE_MIN_DAYS:
            break
        run = []
    if len(run) >= SILENCE_MIN_DAYS:
        silence_start, silence_end = run[0], run[-1]
    finding = schedule.FINDING_AT
    wave = [p for p in main if p.kind == "main" and p.published >= finding]
    wave_daily = Counter(_utc_day(p) for p in wave)
    burst = [p for p in main if p.kind == "main" and p.published < finding]
    syndication: dict[str, list[str]] = {}
    for p in pieces:
        if p.syndicated_of:
            syndication.setdefault(p.syndicated_of, []).append(p.url)

    def first(label: str) -> dict[str, str] | None:
        hits = [p for p in main if label in p.facts]
        if not hits:
            return None
        p = min(hits, key=lambda x: x.published)
        return {"url": p.url, "outlet": p.outlet.domain, "published_at": p.published_iso,
                "lag_minutes": round((p.published - schedule.MAIN_AT).total_seconds() / 60, 1)}

    first_report = min(burst, key=lambda x: x.published)
    gap_outlet = outlet_by_domain(GAP_DOMAIN)
    return {
        "rule": f"silence = at least {SILENCE_MIN_DAYS} consecutive UTC days below {SILENCE_FRACTION} x the peak day",
        "daily_main": series,
        "peak": {"day": peak_day.isoformat(), "count": peak},
        "burst": {"start": _utc_day(first_report).isoformat(), "end": max(_utc_day(p) for p in burst).isoformat(),
                  "articles": len(burst)},
        "silence": {"start": silence_start.isoformat() if silence_start else None,
                    "end": silence_end.isoformat() if silence_end else None,
                    "max_daily": max((daily.get(d, 0) for d in run), default=0)},
        "wave": {"start": min(wave_daily).isoformat(), "end": max(wave_daily).isoformat(),
                 "peak_day": max(wave_daily, key=lambda d: (wave_daily[d], -d.toordinal())).isoformat(),
                 "articles": len(wave), "trigger": "Joint Inquiry Commission finding", "finding_at": finding.isoformat()},
        "first_report": {"url": first_report.url, "outlet": first_report.outlet.domain,
                         "published_at": first_report.published_iso,
                         "lag_minutes": round((first_report.published - schedule.MAIN_AT).total_seconds() / 60, 1)},
        "first_claims": {k: first(k) for k in ("blame", "denial", "counter", "call", "finding")},
        "figures": [{"url": p.url, "outlet": p.outlet.domain, "published_at": p.published_iso,
                     "figure": f} for p in main for f in p.facts if f.startswith("figure:")],
        "about_main": [p.url for p in main if p.kind == "main"],
        "passing": [p.url for p in main if p.kind == "passing"],
        "near_miss": [p.url for p in pieces if p.kind == "near_miss"],
        "same_place_unrelated": [p.url for p in pieces if p.kind == "same_place"],
        "comparable": {name: [p.url for p in pieces if p.incident == name] for name in schedule.COMPARABLE},
        "syndication": syndication,
        "warc_date_only": [p.url for p in pieces if p.channel == "warc" and not p.date_in_meta],
        "collection_gap": {"outlet": GAP_DOMAIN, "collection_source": f"html/{GAP_DOMAIN}",
                           "language": gap_outlet.language, "start": schedule.GAP_START.isoformat(),
                           "end": schedule.GAP_END.isoformat()},
    }
