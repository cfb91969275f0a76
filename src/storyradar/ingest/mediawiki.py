"""MediaWiki Action API client: revision histories with continuation, page moves and language links."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx

from ..errors import IngestError
from .fetch import USER_AGENT

#: Default API endpoint per language edition.
DEFAULT_API = "https://{lang}.wikipedia.org/w/api.php"
#: A move as MediaWiki writes it into the null revision's comment.
MOVE_COMMENT = re.compile(r"moved page \[\[(?P<old>[^\]|]+)\]\] to \[\[(?P<new>[^\]|]+)\]\]")


@dataclass(slots=True)
class RevisionRecord:
    """One revision as both the API and Special:Export describe it."""

    revid: int
    parentid: int | None
    timestamp: str  # ISO 8601 UTC, as MediaWiki gives it
    user: str
    comment: str
    size: int | None
    text: str
    page_title: str
    page_id: int | None
    lang: str
    site: str  # https://en.wikipedia.org
    minor: bool = False


@dataclass(slots=True)
class Move:
    """A page rename: when, by whom, from what title to what title."""

    timestamp: str
    old: str
    new: str
    user: str = ""
    comment: str = ""


@dataclass(slots=True)
class PageHistory:
    """A page's revisions (oldest first), moves and language links."""

    title: str
    lang: str
    site: str
    revisions: list[RevisionRecord] = field(default_factory=list)
    moves: list[Move] = field(default_factory=list)
    langlinks: dict[str, str] = field(default_factory=dict)


def site_of(api_url: str) -> str:
    """The wiki's base (scheme + host) from its API URL."""
    m = re.match(r"^(https?://[^/]+)", api_url)
    return m.group(1) if m else api_url


class MediaWikiClient:
    """A small Action API client on an injectable httpx.Client (tests use a loopback server)."""

    def __init__(self, api_template: str = DEFAULT_API, *, client: httpx.Client | None = None,
                 timeout_s: float = 30.0, batch: int = 50) -> None:
        self.api_template = api_template
        self.client = client or httpx.Client(timeout=timeout_s, headers={"User-Agent": USER_AGENT})
        self._own = client is None
        self.batch = batch

    def close(self) -> None:
        """Close the HTTP client if this object created it."""
        if self._own:
            self.client.close()

    def api(self, lang: str) -> str:
        """The API URL of a language edition."""
        return self.api_template.format(lang=lang)

    def _get(self, lang: str, params: dict[str, Any]) -> dict[str, Any]:
        url = self.api(lang)
        query = {"action": "query", "format": "json", "formatversion": "2", **params}
        try:
            resp = self.client.get(url, params=query)
        except httpx.HTTPError as exc:
            raise IngestError(f"API request failed: {type(exc).__name__}: {exc}", path=url) from exc
        if resp.status_code >= 400:
            raise IngestError(f"API answered HTTP {resp.status_code}", path=url)
        try:
            data = resp.json()
        except ValueError as exc:
            raise IngestError("API answer is not JSON", path=url) from exc
        if "error" in data:
            err = data["error"]
            raise IngestError(f"API error {err.get('code')}: {err.get('info')}", path=url)
        return data

    def _continued(self, lang: str, params: dict[str, Any]) -> Iterator[dict[str, Any]]:
        """Every answer of a query, following ``continue`` until the API says it is complete."""
        cont: dict[str, Any] = {}
        while True:
            data = self._get(lang, {**params, **cont})
            yield data
            if "continue" not in data:
                return
            cont = data["continue"]

    def revisions(self, title: str, lang: str) -> Iterator[RevisionRecord]:
        """Every revision of a page, oldest first, with content (``prop=revisions`` + continuation)."""
        params = {"prop": "revisions", "titles": title, "rvlimit": str(self.batch), "rvdir": "newer",
                  "rvslots": "main", "rvprop": "ids|timestamp|user|comment|size|content|flags"}
        site = site_of(self.api(lang))
        for data in self._continued(lang, params):
            for page in data.get("query", {}).get("pages", []):
                if page.get("missing"):
                    raise IngestError(f"no page titled {title!r}", path=self.api(lang))
                for rev in page.get("revisions", []):
                    main = (rev.get("slots") or {}).get("main") or {}
                    yield RevisionRecord(
                        revid=int(rev["revid"]), parentid=rev.get("parentid") or None,
                        timestamp=rev.get("timestamp", ""), user=rev.get("user", ""),
                        comment=rev.get("comment", ""), size=rev.get("size"),
                        text=main.get("content", rev.get("content", "")) or "", page_title=page.get("title", title),
                        page_id=page.get("pageid"), lang=lang, site=site, minor=bool(rev.get("minor")))

    def moves(self, title: str, lang: str) -> list[Move]:
        """Moves away from ``title`` (``list=logevents``, ``letype=move``), oldest first."""
        params = {"list": "logevents", "letype": "move", "letitle": title, "lelimit": "50", "ledir": "newer",
                  "leprop": "title|type|user|timestamp|comment|details"}
        out = []
        for data in self._continued(lang, params):
            for ev in data.get("query", {}).get("logevents", []):
                target = (ev.get("params") or {}).get("target_title")
                if target:
                    out.append(Move(ev.get("timestamp", ""), ev.get("title", title), target, ev.get("user", ""),
                                    ev.get("comment", "")))
        return out

    def langlinks(self, title: str, lang: str) -> dict[str, str]:
        """Other language editions of a page: language code -> title (``prop=langlinks``)."""
        out: dict[str, str] = {}
        params = {"prop": "langlinks", "titles": title, "lllimit": "max"}
        for data in self._continued(lang, params):
            for page in data.get("query", {}).get("pages", []):
                for ll in page.get("langlinks", []):
                    out[ll["lang"]] = ll.get("title", ll.get("*", ""))
        return out

    def history(self, title: str, lang: str) -> PageHistory:
        """Revisions, moves (from the log, for this and every earlier title) and language links of a page."""
        hist = PageHistory(title=title, lang=lang, site=site_of(self.api(lang)))
        hist.revisions = list(self.revisions(title, lang))
        titles = {title}
        for rev in hist.revisions:
            m = MOVE_COMMENT.search(rev.comment or "")
            if m:
                titles.add(m.group("old"))
        seen = set()
        for old in sorted(titles):
            for mv in self.moves(old, lang):
                if (mv.timestamp, mv.old, mv.new) not in seen:
                    seen.add((mv.timestamp, mv.old, mv.new))
                    hist.moves.append(mv)
        hist.moves.sort(key=lambda m: m.timestamp)
        hist.langlinks = self.langlinks(title, lang)
        return hist
