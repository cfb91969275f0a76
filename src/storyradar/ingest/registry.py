"""The source registry: each source kind registers its name, options, detector and record generator."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib.metadata import EntryPoint, entry_points
from pathlib import Path
from typing import Any

from ..errors import IngestError
from ..model import Article, RawPage, Rejected

#: Entry-point group through which built-in and external packages register source kinds.
ENTRY_POINT_GROUP = "storyradar.sources"

#: The built-in sources, registered through the same entry points an external package declares
#: (mirrored in pyproject.toml ``[project.entry-points."storyradar.sources"]``).
BUILTIN_ENTRY_POINTS = {
    "html": "storyradar.ingest.html",
    "warc": "storyradar.ingest.warc",
    "feed": "storyradar.ingest.feed",
    "urls": "storyradar.ingest.urls",
    "jsonl": "storyradar.ingest.jsonl",
    "gdelt": "storyradar.ingest.gdelt",
    "telegram": "storyradar.ingest.telegram",
    "tgpreview": "storyradar.ingest.tgpreview",
    "wikipedia": "storyradar.ingest.wikipedia",
    "video": "storyradar.ingest.video",
    "social": "storyradar.ingest.social",
}


@dataclass(slots=True, frozen=True)
class Skipped:
    """A record a source passed over on purpose (e.g. an image in a WARC): counted, not rejected."""

    path: str
    locator: str
    reason: str


@dataclass(slots=True, frozen=True)
class PageWithFields:
    """A page to extract plus fields the source already knows (outlet, country...) that win over extraction."""

    page: RawPage
    fields: dict[str, Any]


#: What a source's generator yields.
Record = Article | RawPage | PageWithFields | Rejected | Skipped


@dataclass(slots=True, frozen=True)
class SourceOption:
    """One option of a source kind: its name, default value and one line of help."""

    name: str
    default: Any
    help: str


@dataclass(slots=True)
class Source:
    """A registered source kind."""

    name: str
    description: str
    detect: Callable[[str], bool]
    iter_records: Callable[[str, dict[str, Any]], Iterator[Record]]
    options: tuple[SourceOption, ...] = ()
    requires: tuple[str, ...] = ()
    priority: int = 0  # higher wins when several sources detect the same input
    module: str = ""
    error: str = ""  # set when the source could not be loaded (missing dependency)

    def option_values(self, given: dict[str, Any] | None) -> dict[str, Any]:
        """This source's option defaults overlaid with the given values (unknown keys pass through)."""
        values = {opt.name: opt.default for opt in self.options}
        values.update({k: v for k, v in (given or {}).items() if v is not None})
        return values


#: Every registered source kind by name (filled by :func:`load_sources`).
SOURCES: dict[str, Source] = {}

_loaded = False


def source(
    name: str,
    description: str,
    *,
    detect: Callable[[str], bool],
    options: tuple[SourceOption, ...] | list[SourceOption] = (),
    requires: tuple[str, ...] | list[str] = (),
    priority: int = 0,
) -> Callable[[Callable[[str, dict[str, Any]], Iterator[Record]]], Callable[[str, dict[str, Any]], Iterator[Record]]]:
    """Decorator registering ``iter_records(locator, options)`` as the source kind ``name``.

    ``requires`` lists importable module names the source needs; a missing one fails here, at
    registration, with an :class:`IngestError` naming the source and the ``pip install`` command.
    """

    def register(func: Callable[[str, dict[str, Any]], Iterator[Record]]):
        for module in requires:
            if importlib.util.find_spec(module) is None:
                raise IngestError(
                    f"source {name!r} needs the package {module!r}, which is not installed",
                    hint=f"install it with: pip install {module}",
                )
        SOURCES[name] = Source(
            name=name, description=description, detect=detect, iter_records=func,
            options=tuple(options), requires=tuple(requires), priority=priority,
            module=func.__module__,
        )
        return func

    return register


def _entry_points() -> list[EntryPoint]:
    found = {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}
    for name, value in BUILTIN_ENTRY_POINTS.items():  # an editable checkout may lack the metadata
        found.setdefault(name, EntryPoint(name=name, value=value, group=ENTRY_POINT_GROUP))
    return list(found.values())


def load_sources(*, reload: bool = False) -> dict[str, Source]:
    """Load every source registered under the ``storyradar.sources`` entry-point group.

    An entry point names a module (importing it registers its sources) or a callable taking no
    argument (called once). A source whose dependency is missing stays listed with its error.
    """
    global _loaded
    if _loaded and not reload:
        return SOURCES
    for ep in _entry_points():
        try:
            target = ep.load()
            if callable(target):
                target()
        except IngestError as exc:
            SOURCES.setdefault(ep.name, Source(
                name=ep.name, description="(unavailable)", detect=lambda _loc: False,
                iter_records=_unavailable(str(exc)), module=ep.value, error=str(exc)))
        except ImportError as exc:
            missing = getattr(exc, "name", None) or str(exc)
            reason = (f"source {ep.name!r} could not be loaded: {exc}"
                      f" (install it with: pip install {missing})")
            SOURCES.setdefault(ep.name, Source(
                name=ep.name, description="(unavailable)", detect=lambda _loc: False,
                iter_records=_unavailable(reason), module=ep.value, error=reason))
    _loaded = True
    return SOURCES


def _unavailable(reason: str) -> Callable[[str, dict[str, Any]], Iterator[Record]]:
    def fail(locator: str, options: dict[str, Any]) -> Iterator[Record]:
        raise IngestError(reason, path=locator)

    return fail


def get_source(name: str) -> Source:
    """The registered source ``name``; IngestError lists the known kinds when it is not one."""
    sources = load_sources()
    if name not in sources:
        raise IngestError(f"unknown source kind {name!r}",
                          hint=f"known kinds: {', '.join(sorted(sources))}")
    found = sources[name]
    if found.error:
        raise IngestError(found.error)
    return found


def detect_kind(locator: str) -> str:
    """The name of the source kind that reads ``locator`` (the highest-priority detector wins)."""
    candidates = [s for s in load_sources().values() if not s.error and _safe_detect(s, locator)]
    if not candidates and "://" not in locator and not Path(locator).exists():
        raise IngestError("no such file or folder", path=locator)
    if not candidates:
        raise IngestError(
            "cannot tell what kind of input this is", path=locator,
            hint=f"name it with --kind ({', '.join(sorted(load_sources()))})",
        )
    candidates.sort(key=lambda s: -s.priority)
    return candidates[0].name


def _safe_detect(src: Source, locator: str) -> bool:
    try:
        return bool(src.detect(locator))
    except (OSError, ValueError):
        return False
