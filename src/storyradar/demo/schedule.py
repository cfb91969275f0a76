"""Plan the demo corpus: which outlet publishes what and when, with the ground truth of each article."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from unidecode import unidecode

from . import compose
from .figures import Figure
from .outlets import AUTHORS, GAP_DOMAIN, OUTLETS, WIRE_DOMAIN, Outlet, outlet_by_domain
from .texts_background import BACKGROUND

START = date(2025, 3, 1)
END = date(2025, 5, 10)  # inclusive
MAIN_AT = datetime.fromisoformat("2025-03-14T11:05:00+02:00")
FINDING_AT = datetime.fromisoformat("2025-04-23T10:00:00+03:00")
DEPOT_AT = datetime.fromisoformat("2025-03-24T23:40:00+02:00")
GAP_START = date(2025, 5, 1)
GAP_END = date(2025, 5, 7)  # inclusive

#: Comparable strikes elsewhere: name -> (place, target, time, figures, mean lag of coverage in hours).
COMPARABLE: dict[str, tuple[str, str, datetime, Figure, float]] = {
    "solonivets-station": ("solonivets", "station", datetime.fromisoformat("2025-03-04T18:20:00+02:00"),
                           Figure(9, 22, source="region"), 40.0),
    "verkhnodar-market": ("verkhnodar", "market", datetime.fromisoformat("2025-03-16T07:30:00+02:00"),
                          Figure(6, 19, source="emergency"), 36.0),
    "tovstolis-hospital": ("tovstolis", "hospital", datetime.fromisoformat("2025-04-05T13:45:00+03:00"),
                           Figure(4, 11, source="region"), 48.0),
}

#: When the claims about the main incident were first made (hours after the strike).
BLAME_LAG_H = 0.67
DENIAL_LAG_H = 4.0
COUNTER_LAG_H = 5.5
CALL_LAG_H = 8.0

#: Passing mentions of the main incident inside unrelated stories: (day, outlet).
PASSING_PLAN = (
    (date(2025, 3, 27), "dailymeridian.com"), (date(2025, 4, 4), "norlandska-hazeta.com"),
    (date(2025, 4, 11), "weltblick-heute.de"), (date(2025, 4, 29), "federalnoe-obozrenie.net"),
    (date(2025, 5, 3), "kurier-nadwislanski.pl"), (date(2025, 5, 8), "stepovyi-kurier.com"),
)

LANG_WEIGHTS = {"en": 0.24, "uk": 0.24, "ru": 0.2, "de": 0.1, "pl": 0.1, "fr": 0.06, "es": 0.06}


@dataclass(slots=True)
class Piece:
    """One planned article: its text, where and when it appears, and what it is about (ground truth)."""

    url: str
    outlet: Outlet
    published: datetime  # aware, in the outlet's own zone
    title: str
    paragraphs: list[str]
    kind: str  # main | near_miss | comparable | passing | same_place | background
    incident: str = ""  # the incident the article is about ("" for background)
    author: str = ""
    facts: list[str] = field(default_factory=list)
    syndicated_of: str = ""
    channel: str = ""
    crawled: datetime | None = None  # WARC-Date, for pages that go into the WARC

    @property
    def published_iso(self) -> str:
        """ISO 8601 with the outlet's offset; outlets that state UTC write "Z"."""
        text = self.published.isoformat()
        return text.replace("+00:00", "Z") if self.outlet.tz == "UTC" else text

    @property
    def date_in_meta(self) -> bool:
        """False for pages whose only date is the WARC crawl date."""
        return self.outlet.template != "nodate"


class Planner:
    """Builds the pieces; one instance per generation, seeded."""

    def __init__(self, seed: int, scale: float) -> None:
        self.rng = random.Random(seed)
        self.scale = scale
        self.pieces: list[Piece] = []
        self._slugs: set[tuple[str, str]] = set()
        self.by_lang: dict[str, list[Outlet]] = {}
        for o in OUTLETS:
            if o.channel != "wire":
                self.by_lang.setdefault(o.language, []).append(o)

    def n(self, base: int, minimum: int) -> int:
        """A count scaled by the corpus scale, never below ``minimum``."""
        return max(minimum, round(base * self.scale))

    # --- helpers ------------------------------------------------------------------------------
    def local(self, outlet: Outlet, when: datetime) -> datetime:
        """The time in the outlet's zone, to the second."""
        return when.astimezone(ZoneInfo(outlet.tz)).replace(microsecond=0)

    def url(self, outlet: Outlet, when: datetime, title: str, section: str) -> str:
        """A unique article URL on the outlet's domain, with the date in the path where the outlet does that."""
        slug = re.sub(r"[^a-z0-9]+", "-", unidecode(title).lower()).strip("-")[:70].rstrip("-") or "article"
        base = f"{outlet.base_url}/{section}/"
        if outlet.date_in_url:
            base += when.strftime("%Y/%m/%d/")
        if not outlet.date_in_url:
            slug += f"-{self.rng.randint(100000, 999999)}"
        # The last path segment names the page file (html/<outlet>/<segment>.html): unique per outlet.
        candidate, i = slug, 1
        while (outlet.domain, candidate) in self._slugs:
            i += 1
            candidate = f"{slug}-{i}"
        self._slugs.add((outlet.domain, candidate))
        return base + candidate

    def add(self, outlet: Outlet, when_utc: datetime, title: str, paragraphs: list[str], kind: str,
            section: str, incident: str = "", facts: list[str] | None = None, syndicated_of: str = "") -> Piece:
        """Record one piece."""
        when = self.local(outlet, when_utc)
        piece = Piece(url=self.url(outlet, when, title, section), outlet=outlet, published=when, title=title,
                      paragraphs=paragraphs, kind=kind, incident=incident,
                      author=self.rng.choice(AUTHORS[outlet.language]), facts=list(facts or []),
                      syndicated_of=syndicated_of, channel=outlet.channel)
        if outlet.channel == "warc":
            piece.crawled = (when_utc + timedelta(hours=self.rng.uniform(2.0, 6.0))).astimezone(UTC).replace(microsecond=0)
        self.pieces.append(piece)
        return piece

    def outlet_for(self, lang: str) -> Outlet:
        """A random non-wire outlet of the language."""
        return self.rng.choice(self.by_lang[lang])

    def lang(self, allowed: tuple[str, ...] | None = None) -> str:
        """A language drawn with the corpus's weights."""
        langs = [x for x in LANG_WEIGHTS if allowed is None or x in allowed]
        return self.rng.choices(langs, weights=[LANG_WEIGHTS[x] for x in langs])[0]

    def lags(self, count: int, mean_h: float, first_h: float, cap_h: float) -> list[float]:
        """Sorted delays (hours) of coverage after an event: exponential decay from ``first_h``."""
        out = []
        while len(out) < count:
            lag = first_h + self.rng.expovariate(1.0 / mean_h)
            if lag <= cap_h:
                out.append(lag)
        return sorted(out)

    # --- the main incident --------------------------------------------------------------------
    def main_burst(self) -> None:
        """The first burst: first report at +35 min, blame at +40 min, decaying over ~3 days."""
        at = MAIN_AT.astimezone(UTC)
        fixed = [(0.58, "holos-kraiu.net"), (0.72, "stepovyi-kurier.com"), (0.9, "pivnichni-visti.info"),
                 (1.1, "dailymeridian.com"), (2.4, "estovskie-vesti.com"), (41.0, "vecherniy-telegraf.info")]
        lags = self.lags(self.n(170, 30), 13.0, 0.8, 84.0)
        plan: list[tuple[float, Outlet]] = [(lag, outlet_by_domain(d)) for lag, d in fixed]
        langs = list(LANG_WEIGHTS)
        for i, lag in enumerate(lags):
            lang = langs[i] if i < len(langs) else self.lang()
            plan.append((lag, self.outlet_for(lang)))
        for lag, outlet in sorted(plan, key=lambda x: x[0]):
            self.main_piece(at, lag, outlet, seventeen=(outlet.domain == "vecherniy-telegraf.info" and lag == 41.0))
        self.wire_story(at, 1.3, wave=False)

    def main_figure(self, lag: float, seventeen: bool) -> Figure:
        """The casualty figure an article published ``lag`` hours after the strike reports."""
        if seventeen:
            return Figure(17, 34, "exact", source="hospital")
        if lag < 2:
            return Figure(8, None, "at_least", source="emergency")
        if lag < 5:
            return Figure(10, 12, "range", killed_hi=12, source="region") if self.rng.random() < 0.5 \
                else Figure(8, None, "at_least", source="emergency")
        if lag < 20:
            return Figure(12, 30, "exact", source="emergency")
        return Figure(16, 34, "exact", source="region")

    def main_piece(self, at: datetime, lag: float, outlet: Outlet, seventeen: bool = False) -> Piece:
        """One first-burst article on the main incident."""
        ru = outlet.language == "ru"
        r = self.rng.random
        fig = self.main_figure(lag, seventeen)
        facts = {"figure": fig,
                 "blame": lag >= BLAME_LAG_H and (lag < 0.75 or r() < (0.5 if ru else 0.85)),
                 "denial": lag >= DENIAL_LAG_H and (ru or r() < 0.8),
                 "counter": lag >= COUNTER_LAG_H and r() < (0.95 if ru else 0.5),
                 "call": lag >= CALL_LAG_H and r() < 0.5}
        when = at + timedelta(hours=lag)
        title, paragraphs = compose.main_article(self.rng, outlet.language, lag, facts, MAIN_AT)
        labels = [k for k in ("blame", "denial", "counter", "call") if facts[k]]
        labels.append(_figure_label(fig))
        return self.add(outlet, when, title, paragraphs, "main", "news", "zorianivka-market", labels)

    def wire_story(self, at: datetime, lag: float, *, wave: bool) -> None:
        """A wire story and its near-verbatim syndicated copies (8+ outlets, light edits)."""
        wire = outlet_by_domain(WIRE_DOMAIN)
        if wave:
            title, paragraphs, labels = compose.wave_article(self.rng, "en", lag, FINDING_AT)
        else:
            facts = {"figure": Figure(8, None, "at_least", source="emergency"), "blame": True}
            title, paragraphs = compose.main_article(self.rng, "en", lag, facts, MAIN_AT)
            labels = ["blame", "figure:8+"]
        paragraphs = [f"ZORIANIVKA, Norland (CPA) — {paragraphs[0]}", *paragraphs[1:]]
        original = self.add(wire, at + timedelta(hours=lag), title, paragraphs, "main", "world",
                            "zorianivka-market", labels)
        carriers = [o for o in OUTLETS if o.syndicates]
        count = 6 if wave else len(carriers)
        for i, outlet in enumerate(self.rng.sample(carriers, k=count)):
            copy_title, copy_paras = _light_edit(self.rng, title, paragraphs, i)
            delay = self.rng.uniform(0.15, 3.0)
            piece = self.add(outlet, at + timedelta(hours=lag + delay), copy_title, copy_paras, "main", "world",
                             "zorianivka-market", labels, syndicated_of=original.url)
            piece.channel = "wire"  # carried copies travel in the wire JSONL export
            piece.crawled = None

    def wave(self) -> None:
        """The investigation wave ~5.5 weeks later: the Joint Inquiry Commission's finding."""
        at = FINDING_AT.astimezone(UTC)
        for i, lag in enumerate(self.lags(self.n(40, 12), 16.0, 0.4, 96.0)):
            lang = list(LANG_WEIGHTS)[i] if i < len(LANG_WEIGHTS) else self.lang()
            outlet = self.outlet_for(lang)
            title, paragraphs, labels = compose.wave_article(self.rng, lang, lag, FINDING_AT)
            self.add(outlet, at + timedelta(hours=lag), title, paragraphs, "main", "news", "zorianivka-market", labels)
        self.wire_story(at, 1.5, wave=True)

    def passing(self) -> None:
        """Unrelated stories that mention the main incident in one sentence."""
        for day, domain in PASSING_PLAN:
            outlet = outlet_by_domain(domain)
            when = datetime(day.year, day.month, day.day, 9, tzinfo=UTC) + timedelta(minutes=self.rng.randint(0, 600))
            title, paragraphs = compose.background_article(self.rng, outlet.language, "council", when, passing=True)
            self.add(outlet, when, title, paragraphs, "passing", "politics", "zorianivka-market", ["passing"])

    # --- other incidents ----------------------------------------------------------------------
    def near_miss(self) -> None:
        """The railway depot fire in Zorianivka ten days later: same town, different incident."""
        at = DEPOT_AT.astimezone(UTC)
        for lag in self.lags(self.n(25, 8), 9.0, 0.7, 60.0):
            lang = self.lang(("en", "uk", "ru", "de", "pl"))
            outlet = self.outlet_for(lang)
            title, paragraphs = compose.depot_article(self.rng, lang, DEPOT_AT)
            self.add(outlet, at + timedelta(hours=lag), title, paragraphs, "near_miss", "news",
                     "zorianivka-depot-fire", ["figure:1/4"])

    def comparables(self) -> None:
        """Strikes elsewhere whose coverage decays more slowly than the main incident's."""
        for name, (place, target, when, fig, mean) in COMPARABLE.items():
            at = when.astimezone(UTC)
            for lag in self.lags(self.n(45, 10), mean, 0.8, 20 * 24.0):
                lang = self.lang()
                outlet = self.outlet_for(lang)
                published = at + timedelta(hours=lag)
                title, paragraphs = compose.strike_article(self.rng, lang, place, target, fig, lag,
                                                           self.local(outlet, published), when)
                self.add(outlet, published, title, paragraphs, "comparable", "news", name,
                         [_figure_label(fig)])

    def same_place(self) -> None:
        """Zorianivka stories about other things (a festival, bridge repairs)."""
        for story, day in (("festival", date(2025, 3, 6)), ("bridge", date(2025, 4, 16))):
            for lang in ("en", "uk", "ru"):
                outlet = self.outlet_for(lang)
                when = datetime(day.year, day.month, day.day, 8, tzinfo=UTC) + timedelta(minutes=self.rng.randint(0, 480))
                title, paragraphs = compose.same_place_article(self.rng, lang, story, self.local(outlet, when))
                self.add(outlet, when, title, paragraphs, "same_place", "local")

    # --- background ---------------------------------------------------------------------------
    def background(self) -> None:
        """Unrelated daily news so the store looks real and collection per source and day is visible."""
        daily = {o.domain for o in OUTLETS if o.channel in ("wire", "feed") or o.domain == GAP_DOMAIN}
        p_warc, p_html = min(1.0, 0.5 * self.scale), min(1.0, 0.09 * self.scale)
        day = START
        while day <= END:
            for outlet in OUTLETS:
                if outlet.domain == GAP_DOMAIN and GAP_START <= day <= GAP_END:
                    continue  # the planted collection gap
                if outlet.domain in daily:
                    count = 1
                else:
                    p = p_warc if outlet.channel == "warc" else p_html
                    count = 1 if self.rng.random() < p else 0
                for _ in range(count):
                    self.background_piece(outlet, day)
            day += timedelta(days=1)
        seen = {p.outlet.domain for p in self.pieces}
        for outlet in OUTLETS:  # every outlet publishes something
            if outlet.domain not in seen:
                self.background_piece(outlet, START + timedelta(days=self.rng.randint(0, 20)))

    def background_piece(self, outlet: Outlet, day: date) -> Piece:
        """One unrelated story, published between 06:00 and 21:00 in the outlet's zone."""
        local = datetime(day.year, day.month, day.day, 6, tzinfo=ZoneInfo(outlet.tz))
        when = (local + timedelta(minutes=self.rng.randint(0, 15 * 60))).astimezone(UTC)
        topic = self.rng.choice(sorted(BACKGROUND[outlet.language]))
        title, paragraphs = compose.background_article(self.rng, outlet.language, topic, self.local(outlet, when))
        return self.add(outlet, when, title, paragraphs, "background", topic)


def _figure_label(fig: Figure) -> str:
    if fig.qualifier == "range":
        return f"figure:{fig.killed}-{fig.killed_hi}"
    if fig.qualifier == "at_least":
        return f"figure:{fig.killed}+"
    return f"figure:{fig.killed}/{fig.injured}"


_EDITS = (("said", "told reporters"), ("Rescue workers", "Emergency crews"), ("local authorities", "officials"),
          ("thick black smoke", "dense black smoke"), ("published", "released"))


def _light_edit(rng: random.Random, title: str, paragraphs: list[str], i: int) -> tuple[str, list[str]]:
    """A syndicated copy: same text with a house headline, maybe no dateline or last paragraph, a word swapped."""
    paras = list(paragraphs)
    if i % 2:
        paras[0] = paras[0].split(" — ", 1)[-1]
    if i % 3 == 2 and len(paras) > 3:
        paras = paras[:-1]
    old, new = _EDITS[i % len(_EDITS)]
    k = rng.randrange(len(paras))
    paras[k] = paras[k].replace(old, new, 1)
    paras.append("This story was provided by the Continental Press Agency.")
    copy_title = title if i % 3 == 0 else f"{title} – {('report', 'update', 'latest')[i % 3]}"
    return copy_title, paras


def plan(seed: int, scale: float) -> list[Piece]:
    """Every piece of the demo corpus in publication order."""
    p = Planner(seed, scale)
    p.main_burst()
    p.wave()
    p.passing()
    p.near_miss()
    p.comparables()
    p.same_place()
    p.background()
    p.pieces.sort(key=lambda x: (x.published.astimezone(UTC), x.url))
    return p.pieces
