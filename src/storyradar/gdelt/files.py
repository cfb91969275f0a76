"""GDELT 2.0 15-minute files: lastupdate.txt, the master file list, zipped GKG and Events rows, filters."""

from __future__ import annotations

import hashlib
import io
import logging
import math
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from ..model import Incident
from .data import EVENT_COLUMNS, FILE_SUFFIXES, GKG_COLUMNS
from .doc import GdeltClient
from .query import GdeltError, parse_gdelt_time

log = logging.getLogger("storyradar.gdelt")

STEP = timedelta(minutes=15)


@dataclass(slots=True, frozen=True)
class FileEntry:
    """One line of lastupdate.txt or masterfilelist.txt: size, MD5, URL, and what it holds."""

    size: int
    md5: str
    url: str
    kind: str  # events | mentions | gkg | '' (unknown)
    at: datetime | None  # the 15-minute slot the file covers (UTC)


@dataclass(slots=True, frozen=True)
class Location:
    """A location as GDELT geocoded it."""

    type: int
    name: str
    country: str  # FIPS 10-4 code, as GDELT writes it
    adm1: str
    lat: float | None
    lon: float | None
    feature_id: str


@dataclass(slots=True)
class GkgRecord:
    """One GKG 2.1 row: a document with its themes, locations, names and tone."""

    record_id: str
    at: datetime
    source: str
    url: str
    themes: list[str] = field(default_factory=list)
    locations: list[Location] = field(default_factory=list)
    persons: list[str] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    tone: float | None = None
    translation: str = ""
    title: str = ""  # <PAGE_TITLE> from the Extras field, when GDELT kept it

    @property
    def all_names(self) -> list[str]:
        """Persons, organisations and AllNames together."""
        return [*self.persons, *self.organizations, *self.names]


@dataclass(slots=True)
class EventRecord:
    """One Events 2.0 row: who did what to whom where, and the article that reported it."""

    event_id: str
    day: str
    actor1: str
    actor2: str
    event_code: str
    root_code: str
    quad_class: int | None
    goldstein: float | None
    num_mentions: int
    avg_tone: float | None
    location: Location | None
    added_at: datetime | None
    url: str

    @property
    def themes(self) -> list[str]:
        """Events carry CAMEO codes, not themes: 'CAMEO:<code>' lets one filter serve both."""
        return [f"CAMEO:{self.event_code}", f"CAMEO:{self.root_code}"]

    @property
    def locations(self) -> list[Location]:
        """The action location as a one-item list."""
        return [self.location] if self.location else []

    @property
    def all_names(self) -> list[str]:
        """The two actors' names."""
        return [n for n in (self.actor1, self.actor2) if n]


@dataclass(slots=True, frozen=True)
class GdeltFilter:
    """Which rows to keep. Criteria of different kinds must all hold; within a kind one match is enough.

    ``locations``: substrings of a location's full name (case-insensitive); ``countries``: FIPS codes;
    ``near``: (lat, lon, km); ``names``: substrings of persons / organisations / actors;
    ``themes``: GKG theme prefixes (e.g. 'KILL', 'ARMEDCONFLICT') or 'CAMEO:19' for events.
    """

    locations: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    near: tuple[float, float, float] | None = None
    names: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()

    def accepts(self, record: GkgRecord | EventRecord) -> bool:
        """True when the record meets every given criterion."""
        locs = record.locations
        if self.locations:
            wanted = [w.lower() for w in self.locations]
            if not any(w in loc.name.lower() for loc in locs for w in wanted):
                return False
        if self.countries and not any(loc.country in self.countries for loc in locs):
            return False
        if self.near is not None:
            lat, lon, km = self.near
            if not any(loc.lat is not None and loc.lon is not None and _km(lat, lon, loc.lat, loc.lon) <= km
                       for loc in locs):
                return False
        if self.names:
            wanted = [w.lower() for w in self.names]
            if not any(w in n.lower() for n in record.all_names for w in wanted):
                return False
        if self.themes:
            wanted = [w.upper() for w in self.themes]
            if not any(t.upper().startswith(w) for t in record.themes for w in wanted):
                return False
        return True


def incident_filter(incident: Incident, *, km: float = 25.0, themes: tuple[str, ...] = ()) -> GdeltFilter:
    """A filter for an incident: within ``km`` of its coordinates when known, else by the place's name."""
    place = incident.place
    if place.latitude is not None and place.longitude is not None:
        return GdeltFilter(near=(place.latitude, place.longitude, km), themes=themes)
    return GdeltFilter(locations=(place.name, *incident.variants), themes=themes)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


# -- file lists -----------------------------------------------------------------------------------
def _kind_of(url: str) -> tuple[str, datetime | None]:
    name = url.rsplit("/", 1)[-1]
    kind = next((k for k, suffix in FILE_SUFFIXES.items() if name.lower().endswith(suffix.lower())), "")
    try:
        at = parse_gdelt_time(name[:14]) if name[:14].isdigit() else None
    except GdeltError:
        at = None
    return kind, at


def parse_file_list(text: str) -> list[FileEntry]:
    """Lines of 'SIZE MD5 URL' (lastupdate.txt, masterfilelist.txt) as entries; odd lines are skipped."""
    out = []
    for line in text.splitlines():
        parts = line.split()
        if len(parts) != 3 or not parts[0].isdigit():
            continue
        kind, at = _kind_of(parts[2])
        out.append(FileEntry(size=int(parts[0]), md5=parts[1].lower(), url=parts[2], kind=kind, at=at))
    return out


def last_update(gc: GdeltClient) -> list[FileEntry]:
    """The newest 15-minute files (lastupdate.txt)."""
    return parse_file_list(_text(gc, gc.settings.files_url + "lastupdate.txt"))


def master_files(gc: GdeltClient, *, since: datetime, until: datetime, kinds: tuple[str, ...] = ("gkg",)
                 ) -> list[FileEntry]:
    """Entries of masterfilelist.txt for ``kinds`` whose slot lies in [since, until), streamed line by line."""
    url = gc.settings.files_url + "masterfilelist.txt"
    out = []
    with gc.client.stream("GET", url, timeout=gc.settings.timeout_s) as resp:
        if resp.status_code >= 400:
            raise GdeltError(f"HTTP {resp.status_code}", path=url)
        for line in resp.iter_lines():
            for entry in parse_file_list(line):
                if entry.kind in kinds and entry.at is not None and since <= entry.at < until:
                    out.append(entry)
    return out


def slot_urls(gc: GdeltClient, *, since: datetime, until: datetime, kind: str = "gkg") -> list[FileEntry]:
    """The 15-minute files of one kind in [since, until), by GDELT's naming rule (no list download)."""
    if kind not in FILE_SUFFIXES:
        raise GdeltError(f"unknown file kind {kind!r}", hint=f"one of {', '.join(FILE_SUFFIXES)}")
    start = since.astimezone(UTC).replace(second=0, microsecond=0)
    start -= timedelta(minutes=start.minute % 15)
    out = []
    at = start
    while at < until:
        url = f"{gc.settings.files_url}{at:%Y%m%d%H%M%S}{FILE_SUFFIXES[kind]}"
        out.append(FileEntry(size=0, md5="", url=url, kind=kind, at=at))
        at += STEP
    return out


def _text(gc: GdeltClient, url: str) -> str:
    resp = gc.get(url, rate_limited=False)
    if resp.status_code >= 400:
        raise GdeltError(f"HTTP {resp.status_code}", path=url)
    return resp.text


# -- reading rows ---------------------------------------------------------------------------------
def download(gc: GdeltClient, entry: FileEntry) -> bytes:
    """A file's bytes, checked against its listed size and MD5 when the list gave them."""
    resp = gc.get(entry.url, rate_limited=False)
    if resp.status_code >= 400:
        raise GdeltError(f"HTTP {resp.status_code}", path=entry.url)
    data = resp.content
    if entry.md5 and hashlib.md5(data).hexdigest() != entry.md5:  # noqa: S324 - GDELT publishes MD5
        raise GdeltError(f"MD5 mismatch (listed {entry.md5}, got {hashlib.md5(data).hexdigest()})",  # noqa: S324
                         path=entry.url, hint="the download is damaged or the list is stale; try again")
    return data


def zip_rows(data: bytes, *, path: str = "") -> Iterator[tuple[int, list[str]]]:
    """(line number, fields) of the tab-separated CSV inside a GDELT zip."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise GdeltError(f"not a zip file: {exc}", path=path) from exc
    with archive:
        for name in archive.namelist():
            with archive.open(name) as fh:
                for n, raw in enumerate(io.TextIOWrapper(fh, encoding="utf-8", errors="replace", newline=""),
                                        start=1):
                    line = raw.rstrip("\r\n")
                    if line:
                        yield n, line.split("\t")


def _float(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def _split(text: str, sep: str = ";") -> list[str]:
    return [x for x in text.split(sep) if x]


def _locations(v1: str, v2: str) -> list[Location]:
    out = []
    if v2:
        for block in _split(v2):
            f = block.split("#")
            if len(f) >= 8 and f[0].isdigit():
                out.append(Location(int(f[0]), f[1], f[2], f[3], _float(f[5]), _float(f[6]), f[7]))
        return out
    for block in _split(v1):
        f = block.split("#")
        if len(f) >= 7 and f[0].isdigit():
            out.append(Location(int(f[0]), f[1], f[2], f[3], _float(f[4]), _float(f[5]), f[6]))
    return out


def _offset_names(v2: str) -> list[str]:
    return list(dict.fromkeys(x.rsplit(",", 1)[0] for x in _split(v2)))


def parse_gkg(fields: list[str], *, path: str = "", line: int = 0) -> GkgRecord:
    """One GKG 2.1 row as a record; GdeltError naming the file and line when it is not one."""
    if len(fields) < 16:
        raise GdeltError(f"GKG row has {len(fields)} fields, expected {len(GKG_COLUMNS)}", path=path,
                         locator=f"line {line}")
    row = dict(zip(GKG_COLUMNS, fields + [""] * (len(GKG_COLUMNS) - len(fields)), strict=False))
    themes = _split(row["Themes"]) or [t.rsplit(",", 1)[0] for t in _split(row["V2Themes"])]
    persons = _split(row["Persons"]) or _offset_names(row["V2Persons"])
    orgs = _split(row["Organizations"]) or _offset_names(row["V2Organizations"])
    tone = _float(row["V2Tone"].split(",", 1)[0]) if row["V2Tone"] else None
    try:
        at = parse_gdelt_time(row["DATE"])
    except GdeltError as exc:
        raise GdeltError(exc.reason, path=path, locator=f"line {line}") from exc
    return GkgRecord(record_id=row["GKGRECORDID"], at=at, source=row["SourceCommonName"],
                     url=row["DocumentIdentifier"], themes=list(dict.fromkeys(themes)),
                     locations=_locations(row["Locations"], row["V2Locations"]), persons=persons,
                     organizations=orgs, names=_offset_names(row["AllNames"]), tone=tone,
                     translation=row["TranslationInfo"], title=page_title(row["Extras"]))


def parse_event(fields: list[str], *, path: str = "", line: int = 0) -> EventRecord:
    """One Events 2.0 row as a record; GdeltError naming the file and line when it is not one."""
    if len(fields) != len(EVENT_COLUMNS):
        raise GdeltError(f"event row has {len(fields)} fields, expected {len(EVENT_COLUMNS)}", path=path,
                         locator=f"line {line}")
    row = dict(zip(EVENT_COLUMNS, fields, strict=True))
    geo_type = row["ActionGeo_Type"]
    location = None
    if geo_type.isdigit() and geo_type != "0":
        location = Location(int(geo_type), row["ActionGeo_FullName"], row["ActionGeo_CountryCode"],
                            row["ActionGeo_ADM1Code"], _float(row["ActionGeo_Lat"]), _float(row["ActionGeo_Long"]),
                            row["ActionGeo_FeatureID"])
    added = row["DATEADDED"]
    return EventRecord(
        event_id=row["GlobalEventID"], day=row["Day"], actor1=row["Actor1Name"], actor2=row["Actor2Name"],
        event_code=row["EventCode"], root_code=row["EventRootCode"],
        quad_class=int(row["QuadClass"]) if row["QuadClass"].isdigit() else None,
        goldstein=_float(row["GoldsteinScale"]),
        num_mentions=int(row["NumMentions"]) if row["NumMentions"].isdigit() else 0,
        avg_tone=_float(row["AvgTone"]), location=location,
        added_at=parse_gdelt_time(added) if added.isdigit() else None, url=row["SOURCEURL"],
    )


@dataclass(slots=True)
class ScanReport:
    """What a scan read: files, rows, kept rows, and the problems met (file or row, reason)."""

    files: int = 0
    rows: int = 0
    kept: int = 0
    problems: list[str] = field(default_factory=list)


def scan(gc: GdeltClient, entries: list[FileEntry], filt: GdeltFilter, report: ScanReport | None = None
         ) -> Iterator[GkgRecord | EventRecord]:
    """Download each file, parse its rows and yield those the filter accepts.

    A missing or damaged file and a malformed row are noted in ``report.problems`` (and logged);
    the scan goes on.
    """
    report = report if report is not None else ScanReport()
    for entry in entries:
        try:
            data = download(gc, entry)
        except GdeltError as exc:
            report.problems.append(str(exc))
            log.warning("%s", exc)
            continue
        report.files += 1
        parse = parse_event if entry.kind in ("events", "") and entry.url.lower().endswith(
            FILE_SUFFIXES["events"].lower()) else parse_gkg
        try:
            for n, fields in zip_rows(data, path=entry.url):
                report.rows += 1
                try:
                    record = parse(fields, path=entry.url, line=n)
                except GdeltError as exc:
                    report.problems.append(str(exc))
                    continue
                if filt.accepts(record):
                    report.kept += 1
                    yield record
        except GdeltError as exc:
            report.problems.append(str(exc))
            log.warning("%s", exc)


def page_title(extras: str) -> str:
    """The <PAGE_TITLE> GKG 2.1 keeps in its Extras field ('' when absent)."""
    start = extras.find("<PAGE_TITLE>")
    end = extras.find("</PAGE_TITLE>")
    return extras[start + 12:end].strip() if 0 <= start < end else ""
