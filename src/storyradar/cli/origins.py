"""CLI: `storyradar origins`, `naming`, `wiki-history` and the `posts` import commands (Telegram, wiki, video, CSV)."""

from __future__ import annotations

import typer
from rich.table import Table

from .common import DbOption, JsonOption, console, open_store, print_json

posts_app = typer.Typer(help="Import social posts, encyclopedia histories and video metadata.", no_args_is_help=True)


def origins(name: str = typer.Argument(..., help="Incident name."),
            hours: float = typer.Option(6.0, "--hours", help="How many first hours to show minute by minute."),
            db: str = DbOption, as_json: bool = JsonOption) -> None:
    """First hours per source family (posts, news, Wikipedia, video) and who said it first per claim kind."""
    from ..origins import first_hours, who_said_first

    with open_store(db) as store:
        incident = store.get_incident(name)
        data = first_hours(store, incident, hours=hours)
        data["first_claims"] = who_said_first(store, incident)
    if as_json:
        print_json(data)
        return
    t = Table(title=f"{incident.name}: first item per source family (incident {data['occurred_at']})")
    for col in ("family", "first_at", "lag_min", "outlet", "title"):
        t.add_column(col)
    for r in data["firsts"]:
        t.add_row(r["family"], r["first_at"], f"{r['lag_min']:+g}", r["outlet"], r["title"][:60])
    console.print(t)
    c = Table(title="who said it first")
    for col in ("kind", "first_at", "lag_min", "carrier", "outlet", "speaker", "forwards", "copies", "citations"):
        c.add_column(col)
    for r in data["first_claims"]:
        lag = "" if r.get("lag_min") is None else f"{r['lag_min']:+g}"
        c.add_row(r["kind"], r.get("first_at", ""), lag, r.get("source_kind", ""), r.get("outlet", ""),
                  r.get("speaker", ""), str(r.get("forwards", "")), str(r.get("syndicated_copies", "")),
                  str(r.get("citations", "")))
    console.print(c)


def naming(name: str = typer.Argument(..., help="Incident name."), db: str = DbOption,
           as_json: bool = JsonOption) -> None:
    """Which spelling of the place each outlet, channel, edition and revision uses, and when it changed."""
    from ..origins import naming_analysis

    with open_store(db) as store:
        data = naming_analysis(store, store.get_incident(name))
    if as_json:
        print_json(data)
        return
    t = Table(title="spellings by source")
    for col in ("who", "kind", "language", "spelling", "items", "first", "last"):
        t.add_column(col)
    for r in data["by_source"]:
        t.add_row(r["who"], r["source_kind"], r["language"], r["spelling"], str(r["items"]), r["first"][:16],
                  r["last"][:16])
    console.print(t)
    for ch in data["changes"]:
        console.print(f"{ch['at'][:16]} {ch['who']}: {ch['from']} → {ch['to']}", highlight=False, markup=False)


def wiki_history_cmd(name: str = typer.Argument(..., help="Incident name."), db: str = DbOption,
                     as_json: bool = JsonOption) -> None:
    """The incident's encyclopedia article: created when and in which language, renamed, key facts by revision."""
    from ..origins import wiki_history

    with open_store(db) as store:
        data = wiki_history(store, store.get_incident(name))
    if as_json:
        print_json(data)
        return
    if not data["pages"]:
        console.print("no encyclopedia revisions are matched to this incident")
        return
    for p in data["pages"]:
        console.print(f"[bold]{p['title']}[/] ({p['language']}, {p['site']}): created {p['created_at']} "
                      f"({p['created_lag_min']:+g} min) as “{p['created_as']}”", highlight=False)
        for m in p["moves"]:
            console.print(f"  renamed {m['at']}: {m['from']} → {m['to']}", highlight=False, markup=False)
        t = Table()
        for col in ("at", "revid", "changed", "killed", "injured", "responsible", "spelling", "url"):
            t.add_column(col)
        for r in p["timeline"]:
            t.add_row(r["at"], str(r["revid"]), r["changed"], r["killed"], r["injured"], r["responsible"],
                      r["spelling"], r["url"])
        console.print(t)


def _run(inputs: list[str], kind: str, options: dict, db: str | None, as_json: bool) -> None:
    from ..ingest import run_ingest
    from .ingest import print_summary, summary_dict

    with open_store(db, create=True) as store:
        summary = run_ingest(store, inputs, kind=kind, workers=1, options=options, progress=False)
    if as_json:
        print_json(summary_dict(summary))
    else:
        print_summary(summary)
    raise typer.Exit(summary.exit_code)


@posts_app.command("telegram")
def posts_telegram(exports: list[str] = typer.Argument(..., help="Telegram Desktop result.json files."),
                   channel: str = typer.Option(None, "--channel", help="Channel username for t.me links."),
                   language: str = typer.Option(None, "--language", help="Language of all messages."),
                   timezone: str = typer.Option(None, "--timezone", help="Exporter zone for old exports."),
                   db: str = DbOption, as_json: bool = JsonOption) -> None:
    """Import Telegram Desktop exports; re-importing a newer export adds only new or edited messages."""
    _run(exports, "telegram", {"channel": channel, "language": language, "timezone": timezone}, db, as_json)


@posts_app.command("tgpreview")
def posts_tgpreview(urls: list[str] = typer.Argument(..., help="https://t.me/s/CHANNEL URLs."),
                    pages: int = typer.Option(1, "--pages", help="Preview pages to read per channel."),
                    since_id: int = typer.Option(0, "--since-id", help="Stop at this post id."),
                    rate: float = typer.Option(1.0, "--rate", help="Seconds between requests to one host."),
                    db: str = DbOption, as_json: bool = JsonOption) -> None:
    """Fetch a public channel's web preview politely and import its posts."""
    _run(urls, "tgpreview", {"pages": pages, "since_id": since_id, "rate": rate}, db, as_json)


@posts_app.command("wikipedia")
def posts_wikipedia(sources: list[str] = typer.Argument(..., help="Export XML files, wikipedia:LANG:Title or URLs."),
                    api: str = typer.Option(None, "--api", help="API URL template with {lang}."),
                    langlinks: bool = typer.Option(False, "--langlinks", help="Also read other language editions."),
                    all_revisions: bool = typer.Option(False, "--all-revisions", help="Keep unchanged-lead revisions."),
                    db: str = DbOption, as_json: bool = JsonOption) -> None:
    """Import encyclopedia revision histories (Special:Export XML or the MediaWiki Action API)."""
    _run(sources, "wikipedia", {"api": api, "langlinks": langlinks, "all_revisions": all_revisions}, db, as_json)


@posts_app.command("video")
def posts_video(paths: list[str] = typer.Argument(..., help="yt-dlp .info.json files, media files or folders."),
                as_evidence: bool = typer.Option(False, "--as-evidence", help="Also register the media as evidence."),
                incident: str = typer.Option(None, "--incident", help="Incident for --as-evidence."),
                db: str = DbOption, as_json: bool = JsonOption) -> None:
    """Import video metadata as posts; with --as-evidence --incident NAME, register the media too."""
    from ..errors import StoryradarError
    from ..ingest import get_source, load_sources, run_ingest
    from ..model import Article
    from ..origins import register_post_media
    from .ingest import print_summary, summary_dict

    if as_evidence and not incident:
        raise StoryradarError("--as-evidence needs --incident NAME")
    registered = []
    with open_store(db) as store:
        summary = run_ingest(store, paths, kind="video", workers=1, progress=False)
        if as_evidence:
            load_sources()
            src = get_source("video")
            for path in paths:
                for rec in src.iter_records(path, src.option_values({})):
                    if isinstance(rec, Article):
                        for item in register_post_media(store, rec.url, incident):
                            registered.append({"evidence_id": item.id, "sha256": item.sha256, "post": rec.url})
    if as_json:
        print_json({**summary_dict(summary), "evidence": registered})
    else:
        print_summary(summary)
        for r in registered:
            console.print(f"evidence {r['evidence_id']} sha256 {r['sha256'][:16]}… from {r['post']}", highlight=False)
    raise typer.Exit(summary.exit_code)


@posts_app.command("csv")
def posts_csv(files: list[str] = typer.Argument(..., help="CSV or NDJSON exports."),
              mapping: str = typer.Option("4cat", "--mapping", help="TOML column mapping, or 4cat."),
              language: str = typer.Option(None, "--language", help="Language of all posts."),
              db: str = DbOption, as_json: bool = JsonOption) -> None:
    """Import CSV/NDJSON posts through a TOML column mapping (4CAT's is built in)."""
    _run(files, "social", {"mapping": mapping, "language": language}, db, as_json)


def register(app: typer.Typer) -> None:
    """Add the origins, naming and wiki-history commands and the posts group."""
    app.command("origins")(origins)
    app.command("naming")(naming)
    app.command("wiki-history")(wiki_history_cmd)
    app.add_typer(posts_app, name="posts")
