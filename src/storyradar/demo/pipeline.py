"""The demo pipeline: generate the fictional corpus, run every stage on it, write the report."""

from __future__ import annotations

import threading
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from ..store import Store
from .corpus import DemoManifest, generate_corpus

DEMO_ANALYST = "storyradar demo"


@dataclass(slots=True)
class DemoResult:
    """Where the demo wrote things and what each stage found."""

    folder: Path
    db: Path
    report: Path
    dossier: Path | None
    steps: list[tuple[str, str]] = field(default_factory=list)  # (stage, one-line result)


def _ingest_inputs(manifest: DemoManifest) -> list[str]:
    """Each outlet folder is its own collection source, so a per-outlet collection gap shows."""
    folder = manifest.folder
    outlets = sorted(p for p in (folder / manifest.files["html_dir"]).iterdir() if p.is_dir())
    return [str(p) for p in outlets] + [str(folder / manifest.files[k]) for k in ("warc", "feed", "jsonl")]


def _serve_folder(folder: Path) -> tuple[ThreadingHTTPServer, str]:
    """Serve a folder on loopback (port chosen by the OS) so the demo can capture a page for real."""

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def _first_claim(claims: list[dict], kind: str) -> dict | None:
    dated = [c for c in claims if c["kind"] == kind and c.get("published_at") is not None]
    return min(dated, key=lambda c: c["published_at"]) if dated else None


def run_demo(out: Path, *, seed: int = 7, scale: float = 1.0, workers: int | None = None,
             say: Callable[[str, str], None] | None = None, progress: bool = True) -> DemoResult:
    """Generate the demo corpus under ``out/corpus`` and run the whole pipeline into ``out/demo.duckdb``.

    Stages: ingest (HTML folders, WARC, feed, JSONL) → incidents → match → syndication groups →
    claims → evidence (files, a captured page, claim links) → physical checks → coincidence →
    assertions → comparison → report → dossier. ``say(stage, result)`` is called after each stage.
    """
    from ..claims import load_claims, run_claims
    from ..correlate import coincidence_test, incidents_from_store, read_calendar
    from ..evidence import add_evidence, capture_url, export_dossier, link
    from ..ingest import run_ingest
    from ..match import group_incident, load_incident_toml, run_match
    from ..report import build_report
    from ..verify import save_observation

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    notes: list[tuple[str, str]] = []

    def step(stage: str, result: str) -> None:
        notes.append((stage, result))
        if say:
            say(stage, result)

    manifest = generate_corpus(out / "corpus", seed=seed, scale=scale)
    step("generate", f"{sum(manifest.counts.get('by_channel', {}).values()) or len(manifest.articles)} "
                     f"fictional articles from {len(manifest.outlets)} outlets in {out / 'corpus'}")
    db = out / "demo.duckdb"
    if db.exists():  # a demo run starts clean; the vault beside it too
        import shutil

        db.unlink()
        shutil.rmtree(out / "demo.duckdb.vault", ignore_errors=True)
    store = Store(db)
    try:
        summary = run_ingest(store, _ingest_inputs(manifest), workers=workers, progress=progress)
        step("ingest", f"news: read {summary.read}, stored {summary.stored}, duplicates {summary.duplicates}, "
                       f"rejected {len(summary.rejected)}")
        social_files = manifest.files.get("social") or {}
        social = [social_files["telegram"], *social_files.get("encyclopedia", []), "social/video"] if social_files else []
        if social:
            posts = run_ingest(store, [str(out / "corpus" / rel) for rel in social], workers=1, progress=progress,
                               options={"channel": social_files.get("telegram_channel", "")})
            step("ingest", f"posts, encyclopedia revisions, videos: read {posts.read}, stored {posts.stored}, "
                           f"rejected {len(posts.rejected)}")

        incidents = {}
        for name, rel in manifest.files["incidents"].items():
            incident = load_incident_toml(out / "corpus" / rel)
            store.save_incident(incident)
            incidents[name] = incident
            ms = run_match(store, incident)
            group_incident(store, incident.id)
            step("match", f"{name}: {_match_line(ms)}")
        main = incidents[manifest.main_incident]

        claims_summary = run_claims(store, main)
        claims = load_claims(store, main)
        step("claims", f"{len(claims)} claims from {claims_summary.articles} articles")

        obs_spec = tomllib.loads((out / "corpus" / manifest.files["observations"]).read_text("utf-8"))
        items = []
        for media in obs_spec.get("media", []):
            items += add_evidence(store, [out / "corpus" / media["file"]], incident=main.name,
                                  source_url=media.get("source_url"), first_seen=media.get("first_seen"),
                                  by=DEMO_ANALYST, how="file (demo media)", note=media.get("note"))
        server, base = _serve_folder(out / "corpus")
        try:
            first_page = _first_report_path(manifest)
            captured = capture_url(store, f"{base}/{first_page}", incident=main.name, by=DEMO_ANALYST,
                                   note="FICTIONAL DEMO DATA: the first report, served on loopback and captured")
            items.append(captured)
        finally:
            server.shutdown()
            server.server_close()
        blame, denial = _first_claim(claims, "blame"), _first_claim(claims, "denial")
        n_links = 0
        by_file = {Path(m["file"]).name: m for m in obs_spec.get("media", [])}
        for item in items:
            name = Path(getattr(item, "original_name", "") or "").name
            if blame is not None and name in by_file:
                link(store, item.id, blame["id"], "context", "footage of the scene, first seen after this claim "
                     "was made; it shows the damage, not who fired", by=DEMO_ANALYST)
                n_links += 1
        if denial is not None and items:
            link(store, items[-1].id, denial["id"], "context",
                 "the captured first report predates this denial", by=DEMO_ANALYST)
            n_links += 1
        step("evidence", f"{len(items)} items in the vault (one captured page), {n_links} claim links")

        n_obs = _physical_checks(store, main, obs_spec)
        step("verify", f"{n_obs} physical checks saved with the incident")

        calendar = out / "corpus" / manifest.files["calendar"]
        result = coincidence_test(incidents_from_store(store), read_calendar(calendar), windows=[3, 7],
                                  permutations=2000, seed=seed)
        save_observation(store, main.name, "coincidence", "circular permutation test",
                         {"calendar": calendar.name, "windows": [3, 7], "permutations": 2000, "seed": seed},
                         result, DEMO_ANALYST, "all declared demo incidents against the demo calendar")
        step("correlate", result.describe().splitlines()[0])

        expected = {e["id"]: e["expected"] for e in manifest.ground_truth.get("expected_verdicts", [])}
        step("check", _check_assertions(store, main, out / "corpus" / manifest.files["assertions"], calendar,
                                        expected))
        comparison_plot = _compare(store, [main.name] + list(manifest.comparable), out)
        if comparison_plot:
            step("compare", f"normalised coverage curves of {1 + len(manifest.comparable)} incidents: "
                            f"{comparison_plot}")

        report = build_report(store, main, out / "report")
        step("report", str(report))
        dossier = out / "dossier.zip"
        export_dossier(store, main.name, dossier, report_dir=out / "report", by=DEMO_ANALYST)
        step("dossier", f"{dossier} (verify with: python verify_dossier.py inside the unzipped folder)")
    finally:
        store.close()
    return DemoResult(folder=out, db=db, report=out / "report" / "index.html", dossier=out / "dossier.zip",
                      steps=notes)


def _match_line(ms: Any) -> str:
    data = ms.as_dict() if hasattr(ms, "as_dict") else getattr(ms, "__dict__", {})
    keys = ("about", "passing", "near_miss", "near-miss", "scored", "candidates")
    parts = [f"{k.replace('_', '-')} {data[k]}" for k in keys if k in data]
    return ", ".join(parts) or str(ms)


def _first_report_path(manifest: DemoManifest) -> str:
    """Relative path (under the corpus) of the earliest HTML page about the main incident."""
    pages = [a for a in manifest.articles if a.get("incident") == manifest.main_incident
             and a.get("kind") == "main" and a.get("channel") == "html"]
    first = min(pages, key=lambda a: a["published_at"])
    return first["location"]


def _physical_checks(store: Store, incident: Any, spec: dict) -> int:
    """Save the demo's bearing, sun/shadow and sound checks as observations of the incident."""
    from ..timeutil import parse_time
    from ..verify import (
        BearingObs,
        Uncertain,
        check_claimed_time,
        distance_from_delay,
        elevation_from_shadow,
        intersect_bearings,
        save_observation,
    )

    saved = 0
    bearings = spec.get("bearings", [])
    if len(bearings) >= 2:
        obs = [BearingObs(b["latitude"], b["longitude"], b["bearing_deg"], b.get("uncertainty_deg", 1.0),
                          b.get("id", "")) for b in bearings]
        fix = intersect_bearings(obs, seed=0)
        save_observation(store, incident.name, "bearing-intersection", "least squares on WGS84 + Monte Carlo",
                         {"observations": bearings}, fix, DEMO_ANALYST, "three camera bearings towards the smoke")
        saved += 1
    sun = spec.get("sun")
    if sun:
        claimed, _ = parse_time(sun["claimed_time"], what="claimed_time")
        elevation = elevation_from_shadow(Uncertain(sun["object_height_m"], sun["object_height_uncertainty_m"]),
                                          Uncertain(sun["shadow_length_m"], sun["shadow_length_uncertainty_m"]))
        check = check_claimed_time(sun["latitude"], sun["longitude"], claimed, elevation=elevation)
        save_observation(store, incident.name, "shadow-time", "shadow length vs solar elevation (NOAA equations)",
                         sun, check, DEMO_ANALYST, sun.get("object", ""))
        saved += 1
    sound = spec.get("sound")
    if sound:
        delay = sound["bang_time_s"] - sound["flash_time_s"]
        est = distance_from_delay(Uncertain(delay, 0.02), Uncertain(sound["temperature_c"], 2.0))
        save_observation(store, incident.name, "sound-distance", "flash-to-bang delay × speed of sound",
                         sound, est, DEMO_ANALYST, "recorder B")
        saved += 1
    return saved


def _check_assertions(store: Store, incident: Any, path: Path, calendar: Path, expected: dict[str, str]) -> str:
    """Run the demo's assertion file; return a one-line tally of verdicts (and how many came out as
    the generator planted them)."""
    try:
        from ..assertions import check_file
    except ImportError:
        return "assertions module not installed"
    results = check_file(store, incident, path, calendar=calendar)
    tally: dict[str, int] = {}
    as_expected = 0
    for r in results:
        data = r.to_dict()
        tally[data["verdict_words"]] = tally.get(data["verdict_words"], 0) + 1
        planted = expected.get(r.assertion.meta.get("id", ""), "").replace("_", " ")
        as_expected += planted == r.verdict.verdict
    verdicts = ", ".join(f"{n} {v}" for v, n in sorted(tally.items()))
    return f"{len(results)} statements tested: {verdicts} ({as_expected} of {len(results)} as planted)"


def _compare(store: Store, names: list[str], out: Path) -> str:
    """Compare the main incident with the comparable ones; write the curves plot; return its path."""
    try:
        from ..compare import compare_incidents, comparison_chart
    except ImportError:
        return ""
    from ..report.charts import to_svg

    comparison = compare_incidents(store, names)
    path = out / "compare.svg"
    path.write_text(to_svg(comparison_chart(comparison)), "utf-8")
    return str(path)
