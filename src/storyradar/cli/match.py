"""CLI: match an incident over the store, explain one article, and group the store into stories."""

from __future__ import annotations

import typer
from rich.table import Table

from ..model import Match
from ..timeutil import parse_time, with_offset
from .common import DbOption, JsonOption, console, open_store, print_json


def _reasons(m: Match) -> str:
    return "; ".join(f"{r.detail} ({r.weight:+g})" if r.weight else r.detail for r in m.reasons)


def _match_dict(m: Match, art) -> dict:
    return {"article_id": m.article_id, "url": art.url if art else "", "title": art.title if art else "",
            "outlet": art.outlet if art else "", "language": art.language if art else "",
            "published_at": with_offset(art.published_at, art.published_offset_min) if art else "",
            "score": m.score, "relation": m.relation,
            "reasons": [{"kind": r.kind, "detail": r.detail, "weight": r.weight} for r in m.reasons]}


def register(app: typer.Typer) -> None:
    """Add the `match` and `stories` commands."""

    @app.command("match")
    def match_cmd(
        name: str = typer.Argument(..., help="Incident name."),
        explain_url: str = typer.Option(None, "--explain", help="Print the full reasoning for one article (URL or id)."),
        show_all: bool = typer.Option(False, "--all", help="Also list near misses (with their reasons)."),
        no_run: bool = typer.Option(False, "--no-run", help="Show stored matches without matching again."),
        limit: int = typer.Option(50, "--limit", help="Rows to print per table."),
        db: str = DbOption,
        as_json: bool = JsonOption,
    ) -> None:
        """Match an incident's coverage: articles about it, follow-up mentions, and near misses."""
        from ..match.dedup import group_incident
        from ..match.run import explain, run_match

        with open_store(db) as store:
            incident = store.get_incident(name)
            if explain_url:
                m = explain(store, incident, explain_url)
                art = store.get_article(m.article_id)
                if as_json:
                    print_json(_match_dict(m, art))
                    return
                console.print(f"[bold]{art.title}[/] {art.url}", highlight=False)
                console.print(f"relation: [bold]{m.relation}[/]  score: {m.score:g}", highlight=False)
                for r in m.reasons:
                    console.print(f"  {r.kind:<13} {r.weight:+6.2f}  {r.detail}", highlight=False)
                return
            summary = None
            if not no_run:
                summary = run_match(store, incident, progress=not as_json)
                group_incident(store, incident.id)
            relations = ("about", "passing", "near-miss") if show_all or as_json else ("about", "passing")
            matches = store.get_matches(incident.id, relations=relations + ("excluded",))
            arts = {a.id: a for a in store.iter_articles(ids=[m.article_id for m in matches])}
        if as_json:
            print_json({"summary": summary.as_dict() if summary else None,
                        "matches": [_match_dict(m, arts.get(m.article_id)) for m in matches]})
            return
        if summary:
            console.print(f"{summary.candidates} candidates scored in {summary.seconds:.2f}s: "
                          f"{summary.about} about, {summary.passing} follow-up mentions, "
                          f"{summary.near_miss} near misses", highlight=False)
        for relation, title in (("about", "about the incident"), ("passing", "follow-up mentions (in passing)"),
                                ("near-miss", "near misses (excluded)"), ("excluded", "excluded by hand")):
            rows = [m for m in matches if m.relation == relation]
            if not rows:
                continue
            table = Table(title=f"{len(rows)} {title}", show_lines=False)
            for col in ("published", "outlet", "title", "score", "reasons"):
                table.add_column(col, overflow="fold")
            for m in rows[:limit]:
                a = arts.get(m.article_id)
                table.add_row(with_offset(a.published_at, a.published_offset_min)[:16] if a else "",
                              a.outlet if a else "", (a.title if a else m.article_id)[:70], f"{m.score:g}",
                              _reasons(m))
            console.print(table)

    @app.command("stories")
    def stories_cmd(
        since: str = typer.Option(None, "--from", help="Only stories active from this date (ISO, with zone or UTC)."),
        until: str = typer.Option(None, "--to", help="Only stories active before this date."),
        min_size: int = typer.Option(2, "--min-size", help="Smallest story to list."),
        limit: int = typer.Option(50, "--limit", help="Stories to list."),
        db: str = DbOption,
        as_json: bool = JsonOption,
    ) -> None:
        """Group new articles into stories (incremental) and list the stories, largest first."""
        from datetime import UTC

        from ..match.stories import list_stories, update_stories

        t0 = parse_time(since, assume=UTC, what="--from")[0] if since else None
        t1 = parse_time(until, assume=UTC, what="--to")[0] if until else None
        with open_store(db) as store:
            run = update_stories(store, since=t0, until=t1)
            stories = list_stories(store, since=t0, until=t1, min_size=min_size, limit=limit)
        if as_json:
            print_json({"grouped": run.articles, "new_stories": run.new_stories, "stories": stories})
            return
        console.print(f"grouped {run.articles} new articles ({run.new_stories} new stories) "
                      f"in {run.seconds:.2f}s", highlight=False)
        table = Table(title=f"{len(stories)} stories with {min_size}+ articles")
        for col in ("id", "articles", "first", "last", "outlets", "languages", "label", "terms"):
            table.add_column(col, overflow="fold")
        for s in stories:
            table.add_row(s["id"], str(s["articles"]), s["first"].isoformat()[:16] if s["first"] else "",
                          s["last"].isoformat()[:16] if s["last"] else "", str(s["outlets"]),
                          ",".join(s["languages"]), s["label"][:60], ", ".join(s["terms"][:5]))
        console.print(table)
        console.print("turn one into an incident: storyradar incident add NAME --from-story ID", highlight=False)
