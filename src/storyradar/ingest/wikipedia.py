"""Source kind ``wikipedia``: revision histories from Special:Export XML (mwxml, streamed) or the Action API."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit
from xml.etree.ElementTree import ParseError

import mwparserfromhell

from ..errors import IngestError, TimeError
from ..model import Article, Rejected
from ..timeutil import parse_time
from .files import input_file
from .mediawiki import DEFAULT_API, MOVE_COMMENT, MediaWikiClient, Move, RevisionRecord
from .registry import Record, Skipped, SourceOption, source

#: Infobox parameters that carry an incident's key facts (names as in common English/Ukrainian infoboxes).
INFOBOX_KEYS = ("deaths", "fatalities", "killed", "casualties", "injuries", "injured", "wounded",
                "perpetrator", "perpetrators", "attackers", "location", "place", "date", "target",
                "загиблі", "поранені", "місце", "виконавці", "погибшие", "раненые", "место")
_WIKI_LOCATOR = re.compile(r"^wikipedia:(?P<lang>[a-z-]{2,12}):(?P<title>.+)$")
_WIKI_URL = re.compile(r"^https?://(?P<lang>[a-z-]{2,12})\.(?:m\.)?wikipedia\.org/wiki/(?P<title>[^?#]+)")


def _detect(locator: str) -> bool:
    if _WIKI_LOCATOR.match(locator) or _WIKI_URL.match(locator):
        return True
    path = Path(locator)
    if not path.is_file() or not path.name.lower().endswith(".xml"):
        return False
    with path.open("rb") as fh:
        return b"<mediawiki" in fh.read(4096)


def lead_of(wikitext: str) -> tuple[str, dict[str, str]]:
    """The lead section as plain text (refs and templates dropped) and the incident infobox's key fields."""
    code = mwparserfromhell.parse(wikitext or "")
    sections = code.get_sections(include_lead=True, flat=True)
    lead = sections[0] if sections else code
    infobox: dict[str, str] = {}
    for tpl in lead.filter_templates(recursive=False):
        if str(tpl.name).strip().lower().startswith(("infobox", "картка", "карточка")):
            for param in tpl.params:
                key = str(param.name).strip().lower()
                if key in INFOBOX_KEYS:
                    value = " ".join(param.value.strip_code().split())
                    if value:
                        infobox[key] = value
    for tag in lead.filter_tags(matches=lambda n: str(n.tag).lower() == "ref"):
        try:
            lead.remove(tag)
        except ValueError:
            continue
    text = lead.strip_code(normalize=True, collapse=True)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n".join(x for x in lines if x).strip(), infobox


def revision_url(site: str, revid: int) -> str:
    """The permanent link of a revision."""
    return f"{site}/w/index.php?oldid={revid}"


def title_at(when: str, current: str, moves: list[Move]) -> str:
    """The page's title at a given time, from its moves (ISO strings compare in time order)."""
    ordered = sorted(moves, key=lambda m: m.timestamp)
    if not ordered:
        return current
    title = ordered[0].old
    for mv in ordered:
        if mv.timestamp <= when:
            title = mv.new
    return title


def revisions_to_articles(revisions: Iterable[RevisionRecord], *, locator: str, moves: list[Move] | None = None,
                          all_revisions: bool = False, langlinks: dict[str, str] | None = None,
                          ) -> Iterator[Article | Rejected | Skipped]:
    """Revisions as posts: one per revision whose lead or infobox changed (plus creation and moves).

    A revision that only touches the body is Skipped (counted) unless ``all_revisions``. A revision
    with a timestamp out of range is Rejected naming the file and revision id.
    """
    moves = list(moves or [])
    prev: tuple[str, dict[str, str]] | None = None
    for rev in revisions:
        try:
            published, _offset = parse_time(rev.timestamp, what="revision timestamp")
        except TimeError as exc:
            yield Rejected(locator, f"revision {rev.revid}", exc.reason)
            continue
        lead, infobox = lead_of(rev.text)
        move = MOVE_COMMENT.search(rev.comment or "")
        if move and not any(m.old == move.group("old") and m.new == move.group("new") for m in moves):
            moves.append(Move(rev.timestamp, move.group("old"), move.group("new"), rev.user, rev.comment))
        first = prev is None
        if not (first or all_revisions or move or (lead, infobox) != prev):
            yield Skipped(locator, f"revision {rev.revid}", "wikipedia revision with the lead unchanged")
            continue
        prev = (lead, infobox)
        url = revision_url(rev.site, rev.revid)
        extras: dict[str, Any] = {
            "revid": rev.revid, "parentid": rev.parentid, "user": rev.user, "comment": rev.comment,
            "size": rev.size, "page_id": rev.page_id, "page_title": rev.page_title, "lang": rev.lang,
            "site": rev.site, "infobox": infobox, "created": first, "minor": rev.minor,
        }
        if move:
            extras["move"] = {"from": move.group("old"), "to": move.group("new")}
        if first and langlinks:
            extras["langlinks"] = langlinks
        yield Article(
            url=url, title=title_at(rev.timestamp, rev.page_title, moves), text=lead, published_at=published,
            published_offset_min=None, date_source="declared", outlet=urlsplit(rev.site).netloc or rev.site,
            language=rev.lang, author=rev.user, source_kind="wikipedia",
            locator=f"{locator}#revision={rev.revid}", collection_source=f"{rev.site} {rev.page_title}",
            extras=extras,
        )


def _lang_of(site_info: Any, option: str | None) -> tuple[str, str]:
    base = getattr(site_info, "base", None) or ""
    site = f"{urlsplit(base).scheme}://{urlsplit(base).netloc}" if base else "https://unknown.wiki"
    if option:
        return option, site
    dbname = getattr(site_info, "dbname", None) or ""
    if dbname.endswith("wiki") and len(dbname) > 4:
        return dbname[:-4].replace("_", "-"), site
    host = urlsplit(base).netloc
    return (host.split(".")[0] if host.count(".") >= 2 else ""), site


def iter_export(path: Path, *, language: str | None = None, all_revisions: bool = False
                ) -> Iterator[Article | Rejected | Skipped]:
    """Revisions of every page in a Special:Export XML file, streamed; a cut file rejected after the last good one."""
    import mwxml

    locator = str(path)
    last = "the start"
    with path.open("rb") as fh:
        try:
            dump = mwxml.Dump.from_file(fh)
            lang, site = _lang_of(dump.site_info, language)
            for page in dump.pages:
                def records(page=page) -> Iterator[RevisionRecord]:
                    nonlocal last
                    for rev in page:
                        last = f"revision {rev.id}"
                        text = rev.slots.contents["main"].text if rev.slots and "main" in rev.slots.contents else ""
                        yield RevisionRecord(
                            revid=int(rev.id), parentid=int(rev.parent_id) if rev.parent_id else None,
                            timestamp=_ts(rev.timestamp), user=(rev.user.text or "") if rev.user else "",
                            comment=rev.comment or "", size=len((text or "").encode("utf-8")), text=text or "",
                            page_title=page.title, page_id=page.id, lang=lang, site=site, minor=bool(rev.minor))
                yield from revisions_to_articles(records(), locator=locator, all_revisions=all_revisions)
        except (ParseError, mwxml.errors.MalformedXML, ValueError) as exc:
            yield Rejected(locator, f"after {last}", f"export is cut or malformed: {exc}")


def _ts(value: Any) -> str:
    if value is None:
        return ""
    text = value.long_format() if hasattr(value, "long_format") else str(value)
    return text if text.endswith("Z") else text + "Z"


def parse_locator(locator: str) -> tuple[str, str]:
    """(language, title) from ``wikipedia:LANG:Title`` or a https://LANG.wikipedia.org/wiki/Title URL."""
    m = _WIKI_LOCATOR.match(locator) or _WIKI_URL.match(locator)
    if not m:
        raise IngestError("expected wikipedia:LANG:Title or a Wikipedia article URL", path=locator)
    return m.group("lang"), unquote(m.group("title")).replace("_", " ")


def iter_api(lang: str, title: str, client: MediaWikiClient, *, follow_langlinks: bool = False,
             languages: Iterable[str] = (), all_revisions: bool = False) -> Iterator[Article | Rejected | Skipped]:
    """A page's history from the Action API, then (optionally) its other language editions'."""
    hist = client.history(title, lang)
    locator = f"{client.api(lang)}?titles={quote(title)}"
    yield from revisions_to_articles(hist.revisions, locator=locator, moves=hist.moves,
                                     all_revisions=all_revisions, langlinks=hist.langlinks)
    if not follow_langlinks:
        return
    wanted = set(languages)
    for other, other_title in sorted(hist.langlinks.items()):
        if wanted and other not in wanted:
            continue
        try:
            sub = client.history(other_title, other)
        except IngestError as exc:
            yield Rejected(exc.path or client.api(other), other_title, exc.reason)
            continue
        yield from revisions_to_articles(sub.revisions, locator=f"{client.api(other)}?titles={quote(other_title)}",
                                         moves=sub.moves, all_revisions=all_revisions, langlinks=sub.langlinks)


@source(
    "wikipedia", "Wikipedia revision history: Special:Export XML, wikipedia:LANG:Title or an article URL (API).",
    detect=_detect, priority=10, requires=("mwxml", "mwparserfromhell"),
    options=(
        SourceOption("api", DEFAULT_API, "Action API URL template ({lang} is replaced)."),
        SourceOption("langlinks", False, "Also read the page's other language editions."),
        SourceOption("languages", None, "Only these other editions (comma-separated codes)."),
        SourceOption("all_revisions", False, "Keep revisions whose lead did not change too."),
        SourceOption("edition", None, "Language edition of an export file (else from its siteinfo)."),
    ),
)
def iter_wikipedia(locator: str, options: dict[str, Any]) -> Iterator[Record]:
    """Yield one post per revision (lead as text); exports are streamed, API answers followed to the end."""
    all_revs = bool(options.get("all_revisions"))
    if _WIKI_LOCATOR.match(locator) or _WIKI_URL.match(locator):
        lang, title = parse_locator(locator)
        client = MediaWikiClient(options.get("api") or DEFAULT_API, client=options.get("client"))
        langs = [x.strip() for x in str(options.get("languages") or "").split(",") if x.strip()]
        try:
            yield from iter_api(lang, title, client, follow_langlinks=bool(options.get("langlinks")) or bool(langs),
                                languages=langs, all_revisions=all_revs)
        finally:
            client.close()
        return
    path = input_file(locator)
    if path is None:
        yield Rejected(locator, "", "empty file")
        return
    yield from iter_export(path, language=options.get("edition"), all_revisions=all_revs)
