"""CLI: `storyradar evidence ...` — register, capture, inspect, verify, link, export and import evidence."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from .common import DbOption, JsonOption, console, open_store, print_json

VaultOption = typer.Option(None, "--vault", help="Vault folder (default: $STORYRADAR_VAULT or <db>.vault).")
IncidentOpt = typer.Option(..., "--incident", "-i", help="Incident name (or id).")
IncidentFilter = typer.Option(None, "--incident", "-i", help="Only this incident.")
ByOption = typer.Option(None, "--by", help="Who is acting (default: $STORYRADAR_USER or the login name).")

#: Printing options for text that may contain user data: no markup, no highlighting, no wrapping.
PLAIN = {"highlight": False, "markup": False, "soft_wrap": True}

group = typer.Typer(help="Evidence vault: register files and web captures, custody log, links, dossiers.",
                    no_args_is_help=True)


def _short(value: str | None, n: int = 12) -> str:
    return (value or "")[:n]


def _items_table(items, title: str) -> Table:
    table = Table(title=title)
    for col in ("id", "kind", "bytes", "sha256"):
        table.add_column(col, no_wrap=True)
    table.add_column("name", overflow="fold")
    table.add_column("time in file", overflow="fold")
    for i in items:
        media = i.media or {}
        cap = media.get("captured") or {}
        when = cap.get("utc") or (f"{cap['local']} (zone unknown)" if cap.get("local") else "")
        if media.get("ffprobe") == "not installed":
            when = "ffprobe not installed"
        elif media.get("duration_s") is not None:
            when = f"{media['duration_s']} s"
        table.add_row(_short(i.id), i.kind, str(i.size), _short(i.sha256), i.original_name, when)
    return table


def _ffprobe_note(items) -> None:
    if any((i.media or {}).get("ffprobe") == "not installed" for i in items):
        console.print("note: ffprobe is not installed, so duration and creation time of video/audio "
                      "were not read (install ffmpeg to get them)", **PLAIN)


@group.command("add")
def add_cmd(
    files: list[Path] = typer.Argument(..., help="Files to register."),
    incident: str = IncidentOpt,
    source_url: str = typer.Option(None, "--source-url", help="Where the file was found."),
    first_seen: str = typer.Option(None, "--first-seen", help="When it was first seen (ISO 8601 with zone)."),
    by: str = ByOption,
    note: str = typer.Option(None, "--note", help="Free-text note kept with the item."),
    how: str = typer.Option("file", "--how", help="How it was acquired (file, download, sent-by-source...)."),
    db: str = DbOption, vault: str = VaultOption, as_json: bool = JsonOption,
) -> None:
    """Copy files into the vault and register them as evidence of an incident."""
    from ..evidence import add_evidence

    with open_store(db) as store:
        items = add_evidence(store, files, incident=incident, source_url=source_url, first_seen=first_seen,
                             by=by, how=how, note=note, vault=vault)
    if as_json:
        print_json([i.to_dict() for i in items])
        return
    console.print(_items_table(items, f"registered {len(items)} item(s)"))
    _ffprobe_note(items)


@group.command("capture")
def capture_cmd(
    url: str = typer.Argument(..., help="Page to fetch and archive as WARC."),
    incident: str = IncidentOpt, by: str = ByOption,
    note: str = typer.Option(None, "--note", help="Free-text note kept with the item."),
    db: str = DbOption, vault: str = VaultOption, as_json: bool = JsonOption,
) -> None:
    """Fetch a web page and keep the HTTP exchange (WARC) and its extracted text as evidence."""
    from ..evidence import capture_url

    with open_store(db) as store:
        item = capture_url(store, url, incident=incident, by=by, note=note, vault=vault)
    if as_json:
        print_json(item.to_dict())
        return
    cap = item.media.get("capture", {})
    console.print(f"captured {cap.get('final_url')} (HTTP {cap.get('status')}, {cap.get('payload_bytes')} "
                  f"bytes) as evidence {item.id}, sha256 {item.sha256}", **PLAIN)
    title = (cap.get("extracted") or {}).get("title")
    if title:
        console.print(f"title: {title}", **PLAIN)


@group.command("list")
def list_cmd(incident: str = IncidentFilter, db: str = DbOption, vault: str = VaultOption,
             as_json: bool = JsonOption) -> None:
    """List registered evidence."""
    from ..evidence import list_evidence

    with open_store(db) as store:
        items = list_evidence(store, incident)
    if as_json:
        print_json([i.to_dict() for i in items])
        return
    console.print(_items_table(items, f"{len(items)} evidence item(s)"))


@group.command("show")
def show_cmd(ref: str = typer.Argument(..., help="Evidence id (a unique prefix is enough) or SHA-256."),
             db: str = DbOption, as_json: bool = JsonOption) -> None:
    """Show one evidence item with its custody entries and claim links."""
    from ..evidence import entries, get_evidence

    with open_store(db) as store:
        item = get_evidence(store, ref)
        log = entries(store, evidence_id=item.id)
        links = store.query("SELECT claim_id, relation, why, by_whom, linked_at FROM evidence_links "
                            "WHERE evidence_id = ? ORDER BY linked_at", [item.id])
    data = item.to_dict()
    data["custody"] = [{"seq": e.seq, "logged_at": e.logged_at.isoformat(), "action": e.action,
                        "actor": e.actor, "details": e.details, "entry_hash": e.entry_hash} for e in log]
    data["links"] = links
    if as_json:
        print_json(data)
        return
    for key in ("id", "incident_id", "kind", "mime", "size", "sha256", "blake2b", "original_name",
                "vault_path", "source_url", "first_seen_at", "acquired_by", "acquired_at", "acquired_how",
                "note"):
        console.print(f"{key:>14}: {data[key] if data[key] is not None else ''}", **PLAIN)
    import json

    console.print(f"{'media':>14}: {json.dumps(item.media, ensure_ascii=False)[:2000]}", **PLAIN)
    for e in log:
        console.print(f"  custody {e.seq:>4} {e.logged_at.isoformat()} {e.action:<9} {e.actor}", **PLAIN)
    for lk in links:
        console.print(f"  {lk['relation']} claim {lk['claim_id']}: {lk['why']}", **PLAIN)


@group.command("log")
def log_cmd(incident: str = IncidentFilter,
            evidence: str = typer.Option(None, "--evidence", "-e", help="Only this evidence item."),
            db: str = DbOption, as_json: bool = JsonOption) -> None:
    """Print the custody log (each entry with its hash and the previous entry's hash)."""
    from ..evidence import entries, resolve_id

    with open_store(db) as store:
        eid = resolve_id(store, evidence) if evidence else None
        log = entries(store, incident, evidence_id=eid)
    if as_json:
        print_json([{"chain": e.chain, "seq": e.seq, "evidence_id": e.evidence_id, "action": e.action,
                     "actor": e.actor, "logged_at": e.logged_at.isoformat(), "details": e.details,
                     "prev_hash": e.prev_hash, "entry_hash": e.entry_hash} for e in log])
        return
    chains = sorted({e.chain for e in log})
    table = Table(title=f"{len(log)} custody entries" + (f" (chain {chains[0]})" if len(chains) == 1 else ""))
    cols = ("seq", "logged at (UTC)", "action", "actor", "evidence", "prev", "hash")
    for col in (("chain",) if len(chains) > 1 else ()) + cols:
        table.add_column(col, no_wrap=True)
    for e in log:
        row = [str(e.seq), e.logged_at.strftime("%Y-%m-%d %H:%M:%S"), e.action, e.actor,
               _short(e.evidence_id, 6), _short(e.prev_hash, 6), _short(e.entry_hash, 6)]
        table.add_row(*(([_short(e.chain, 8)] if len(chains) > 1 else []) + row))
    console.print(table)


@group.command("verify")
def verify_cmd(incident: str = IncidentFilter, by: str = ByOption,
               clean: bool = typer.Option(False, "--clean", help="Remove orphan files and partial writes."),
               record: bool = typer.Option(True, "--record/--no-record",
                                           help="Append a 'verified' entry to each chain checked."),
               db: str = DbOption, vault: str = VaultOption, as_json: bool = JsonOption) -> None:
    """Re-hash vault files and walk the custody chains; exit 1 on any failure, 3 if something went unchecked."""
    from ..evidence import verify

    with open_store(db) as store:
        report = verify(store, incident, vault=vault, record=record, by=by, clean=clean)
    if as_json:
        print_json(report.to_dict())
    else:
        for f in report.findings:
            extra = ""
            if f.expected is not None or f.found is not None:
                extra = f" (expected {f.expected}, found {f.found})"
            console.print(f"{f.status.upper():>11} [{f.kind}] {f.message}{extra}", **PLAIN)
        state = "OK" if report.ok else ("FAILED" if report.failed else "INCOMPLETE")
        console.print(f"{state}: {report.files_passed}/{report.files_checked} files intact, "
                      f"{report.entries_checked} custody entries checked, {len(report.failed)} failed, "
                      f"{len(report.not_checked)} not checked, {len(report.warnings)} warnings", **PLAIN)
        for chain, head in report.chains.items():
            console.print(f"chain {chain} head {head}", **PLAIN)
    if report.exit_code:
        raise typer.Exit(report.exit_code)


@group.command("link")
def link_cmd(
    evidence: str = typer.Argument(..., help="Evidence id (unique prefix)."),
    claim: str = typer.Argument(..., help="Claim id (unique prefix)."),
    supports: bool = typer.Option(False, "--supports", help="The evidence supports the claim."),
    contradicts: bool = typer.Option(False, "--contradicts", help="The evidence contradicts the claim."),
    context: bool = typer.Option(False, "--context", help="The evidence is context for the claim."),
    why: str = typer.Option(..., "--why", help="The reason, in neutral words."),
    by: str = ByOption, db: str = DbOption, vault: str = VaultOption, as_json: bool = JsonOption,
) -> None:
    """Link an evidence item to a claim (exactly one of --supports, --contradicts, --context)."""
    from ..errors import StoryradarError
    from ..evidence import link

    chosen = [name for name, on in (("supports", supports), ("contradicts", contradicts),
                                    ("context", context)) if on]
    if len(chosen) != 1:
        raise StoryradarError("give exactly one of --supports, --contradicts, --context")
    with open_store(db) as store:
        out = link(store, evidence, claim, chosen[0], why, by, vault=vault)
    if as_json:
        print_json(out)
        return
    console.print(f"evidence {out['evidence_id']} {out['relation']} claim {out['claim_id']}", **PLAIN)


@group.command("export")
def export_cmd(
    incident: str = typer.Argument(..., help="Incident name."),
    out: Path = typer.Option(..., "--out", "-o", help="Dossier zip to write."),
    report_dir: Path = typer.Option(None, "--report-dir", help="Incident report folder to include."),
    by: str = ByOption, db: str = DbOption, vault: str = VaultOption, as_json: bool = JsonOption,
) -> None:
    """Export an incident's evidence as a self-verifying dossier zip."""
    from ..evidence import export_dossier

    with open_store(db) as store:
        summary = export_dossier(store, incident, out, report_dir=report_dir, by=by, vault=vault)
    if as_json:
        print_json(summary)
        return
    console.print(f"wrote {summary['path']}: {summary['items']} items, {summary['entries']} custody entries, "
                  f"chain head {summary['head']}", **PLAIN)
    console.print("check it anywhere: unzip it and run  python -I verify_dossier.py", **PLAIN)


@group.command("import")
def import_cmd(zip_path: Path = typer.Argument(..., help="Dossier zip to verify and import."),
               by: str = ByOption, db: str = DbOption, vault: str = VaultOption,
               as_json: bool = JsonOption) -> None:
    """Verify a dossier and, only if every check passes, import it."""
    from ..evidence import import_dossier

    with open_store(db, create=True) as store:
        summary = import_dossier(store, zip_path, by=by, vault=vault)
    if as_json:
        print_json(summary)
        return
    console.print(f"imported {summary['incident']}: {summary['items_added']} new items "
                  f"({summary['items_present']} already present), {summary['entries_added']} custody "
                  f"entries, {summary['links_added']} links ({summary['links_skipped']} skipped: claim "
                  "not in this store)", **PLAIN)


def register(app: typer.Typer) -> None:
    """Add the `evidence` command group to the app."""
    app.add_typer(group, name="evidence")
