"""Digests of what is new for an incident, as Markdown and as HTML ready to mail."""

from __future__ import annotations

from datetime import datetime
from html import escape
from pathlib import Path

from ..model import Article, Incident
from ..timeutil import with_offset
from .events import KINDS, WatchEvent

SECTION_TITLES = {
    "first-coverage": "First coverage", "resumed": "Coverage resumed after silence", "wave": "New wave of coverage",
    "figure": "New figures", "claim": "New claims",
}


def render_markdown(incident: Incident, events: list[WatchEvent], new_articles: list[Article], at: datetime) -> str:
    """The digest as Markdown."""
    lines = [f"# storyradar digest: {incident.name}", "",
             f"{incident.title or incident.place.name} — declared at "
             f"{with_offset(incident.occurred_at, incident.occurred_offset_min)}", "",
             f"Digest written {at.isoformat(timespec='seconds')}; {len(events)} new event(s), "
             f"{len(new_articles)} new article(s) this cycle.", ""]
    for kind in KINDS:
        chosen = [e for e in events if e.kind == kind]
        if not chosen:
            continue
        lines += [f"## {SECTION_TITLES[kind]}", ""]
        for e in chosen:
            lines.append(f"- **{_md(e.headline)}**" + (f" <{e.url}>" if e.url else ""))
            lines += [f"  - {_md(x)}" for x in e.lines]
        lines.append("")
    if new_articles:
        lines += ["## New articles this cycle", ""]
        for a in new_articles[:50]:
            lines.append(f"- {with_offset(a.published_at, a.published_offset_min) or 'undated'} "
                         f"{_md(a.outlet)}: {_md(a.title)} <{a.url}>")
        lines.append("")
    lines.append("Sources are quoted as published; storyradar does not judge them.")
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return (text or "").replace("\n", " ").replace("*", "\\*").replace("_", "\\_")


def render_html(incident: Incident, events: list[WatchEvent], new_articles: list[Article], at: datetime) -> str:
    """The digest as a self-contained HTML e-mail body (inline styles, all text escaped)."""
    parts = ['<!DOCTYPE html><html><head><meta charset="utf-8">',
             f"<title>storyradar digest: {escape(incident.name)}</title></head>",
             '<body style="font-family:sans-serif;max-width:720px;margin:auto;color:#222">',
             f"<h1>storyradar digest: {escape(incident.name)}</h1>",
             f"<p>{escape(incident.title or incident.place.name)} — declared at "
             f"{escape(with_offset(incident.occurred_at, incident.occurred_offset_min))}</p>",
             f"<p>Digest written {escape(at.isoformat(timespec='seconds'))}; {len(events)} new event(s), "
             f"{len(new_articles)} new article(s) this cycle.</p>"]
    for kind in KINDS:
        chosen = [e for e in events if e.kind == kind]
        if not chosen:
            continue
        parts.append(f"<h2>{escape(SECTION_TITLES[kind])}</h2><ul>")
        for e in chosen:
            head = escape(e.headline)
            if e.url:
                head = f'<a href="{escape(e.url, quote=True)}">{head}</a>'
            subs = "".join(f"<li>{escape(x)}</li>" for x in e.lines)
            parts.append(f"<li><strong>{head}</strong><ul>{subs}</ul></li>")
        parts.append("</ul>")
    if new_articles:
        parts.append("<h2>New articles this cycle</h2><ul>")
        for a in new_articles[:50]:
            parts.append(f'<li>{escape(with_offset(a.published_at, a.published_offset_min) or "undated")} '
                         f'{escape(a.outlet)}: <a href="{escape(a.url, quote=True)}">{escape(a.title)}</a></li>')
        parts.append("</ul>")
    parts.append('<p style="color:#666">Sources are quoted as published; storyradar does not judge them.</p>'
                 "</body></html>")
    return "\n".join(parts) + "\n"


def write_digest(folder: str | Path, incident: Incident, events: list[WatchEvent], new_articles: list[Article],
                 at: datetime) -> Path:
    """Write ``<folder>/<incident>/<UTC time>.md`` and ``.html``; return the Markdown path."""
    out = Path(folder) / incident.name
    out.mkdir(parents=True, exist_ok=True)
    stem = at.strftime("%Y%m%dT%H%M%SZ")
    n = 1
    while (out / f"{stem}.md").exists():
        n += 1
        stem = f"{at:%Y%m%dT%H%M%SZ}-{n}"
    md = out / f"{stem}.md"
    md.write_text(render_markdown(incident, events, new_articles, at), encoding="utf-8")
    (out / f"{stem}.html").write_text(render_html(incident, events, new_articles, at), encoding="utf-8")
    return md
