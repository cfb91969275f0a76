"""Assertion kind coverage_stopped: no (or few) matched articles after a date, collection permitting."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta
from typing import Any

from ...coverage.matched import WEAK_DATE_SOURCES, matched_items
from ..data import check_collection, local_day, resolve_date, show_time
from ..records import CONTRADICTED, SUPPORTED, UNDECIDABLE, Verdict
from ..registry import CheckContext, Param, assertion_kind


def _keep(value: str, wanted: list[str] | None) -> bool:
    return not wanted or value.casefold() in {w.casefold() for w in wanted}


@assertion_kind(
    "coverage_stopped",
    "No more than max_articles matched articles were published after a date (by language, country, outlet).",
    Param("after", "date", "the date after which coverage is said to have stopped", required=True),
    Param("until", "date", "end of the checked span (default: end of the collected corpus)"),
    Param("language", "strs", "only articles in these languages (ISO codes)"),
    Param("country", "strs", "only articles from outlets in these countries"),
    Param("outlet", "strs", "only these outlets (registered domains)"),
    Param("max_articles", "int", "articles allowed after the date for the statement to hold", default=0),
    Param("threshold_of_peak", "float", "instead of a total: every day after the date stays below this "
          "fraction of the peak day's articles (e.g. 0.1)"),
    Param("min_days", "int", "days after the date the corpus must cover to decide", default=7),
    Param("relation", "choice", "count 'any' match (about + passing) or only 'about'", default="any",
          choices=("any", "about")),
)
def coverage_stopped(ctx: CheckContext, p: dict[str, Any]) -> Verdict:
    """Every matched article after the date, by day and outlet; undecidable over blind collection days."""
    inc = ctx.incident
    start = resolve_date(p["after"], inc, edge="after")
    stop = resolve_date(p["until"], inc, edge="end") if p.get("until") else None
    relations = ("about",) if p["relation"] == "about" else ("about", "passing")
    items = [i for i in matched_items(ctx.store, inc, relations=relations)
             if _keep(i.language, p.get("language")) and _keep(i.country, p.get("country"))
             and _keep(i.outlet, p.get("outlet"))]
    undated = [i for i in items if i.published_at is None]
    after = [i for i in items if i.published_at is not None and i.published_at >= start
             and (stop is None or i.published_at < stop)]
    precise = [i for i in after if i.date_source not in WEAK_DATE_SOURCES]
    before = [i for i in items if i.published_at is not None and i.published_at < start]
    first_day = local_day(start, inc)
    coll_probe = check_collection(ctx.store, inc, first_day, first_day)
    if stop is not None:
        last_day = local_day(stop - timedelta(microseconds=1), inc)
    else:
        end = coll_probe.collected_until
        last_day = max(local_day(end, inc) if end else first_day, first_day + timedelta(days=p["min_days"] - 1))
    sources = {i.collection_source or i.source_kind for i in items if i.collection_source or i.source_kind}
    coll = check_collection(ctx.store, inc, first_day, last_day, sources=sources or None)
    n_days = (last_day - first_day).days + 1
    limit = p["max_articles"]
    per_day = p.get("threshold_of_peak")
    day_counts = Counter(local_day(i.published_at, inc) for i in items if i.published_at is not None)
    peak = max(day_counts.values(), default=0)
    precise_days = Counter(local_day(i.published_at, inc) for i in precise)
    all_days = Counter(local_day(i.published_at, inc) for i in after)
    filters = {k: p[k] for k in ("language", "country", "outlet") if p.get(k)}
    where = (" (" + "; ".join(f"{k} {', '.join(v)}" for k, v in filters.items()) + ")") if filters else ""
    span = f"{first_day.isoformat()} to {last_day.isoformat()}"
    by_day_outlet = Counter((local_day(i.published_at, inc).isoformat(), i.outlet or "(unknown)") for i in after)
    figures = {
        "articles_after": len(after), "articles_after_with_publication_date": len(precise),
        "outlets_after": len({i.outlet for i in after}), "articles_before": len(before),
        "undated_articles": len(undated), "checked_from": first_day.isoformat(),
        "checked_until": last_day.isoformat(), "days_checked": n_days,
        "blind_days": len({b["day"] for b in coll.blind_days}),
        "collected_until": show_time(coll.collected_until, inc), "filters": filters,
    }
    if per_day is None:
        rule = f"at most {limit} matched articles{where} in all"
        too_many = len(precise) > limit
        maybe_too_many = len(after) > limit
    else:
        cut = per_day * peak
        rule = (f"fewer than {per_day:g} × the peak day's {peak} articles (< {cut:g}) on every day{where}")
        too_many = any(n >= cut for n in precise_days.values())
        maybe_too_many = any(n >= cut for n in all_days.values())
        figures["peak_day_articles"] = peak
        figures["busiest_day_after"] = max(all_days.values(), default=0)
    thresholds = [
        f"supported: {rule} published from {show_time(start, inc)} to the end of {last_day.isoformat()}, "
        "and every day of that span collected (no collection gap in the sources that carried this incident, "
        f"no day without any collection), at least {p['min_days']} days",
        "contradicted: more articles than that with a publication date (not only a crawl or fetch time) in "
        "that span",
        "not decidable: otherwise — the count is within the limit but some days of the span were not "
        "collected, or articles fall after the date only by their crawl or fetch time",
    ]
    if undated:
        thresholds.append(f"{len(undated)} matched articles have no date and cannot be placed before or after")
    if too_many:
        verdict = CONTRADICTED
        summary = (f"{len(after)} matched articles{where} from {figures['outlets_after']} outlets "
                   f"were published from {first_day.isoformat()} on"
                   + (f" (limit {limit})." if per_day is None else
                      f"; the busiest day had {figures['busiest_day_after']} (limit: below {per_day:g} × {peak})."))
    elif maybe_too_many:
        verdict = UNDECIDABLE
        summary = (f"{len(after)} matched articles{where} fall after the date, but {len(after) - len(precise)} "
                   "of them only by crawl or fetch time, an upper bound on publication.")
    elif not coll.covered:
        verdict = UNDECIDABLE
        days = sorted({b["day"] for b in coll.blind_days})
        summary = (f"{len(after)} matched articles{where} after the date, but the corpus does not cover "
                   f"{len(days)} of the days from {span} (first: {days[0]}), so an absence of coverage "
                   "there may be an absence of collection.")
    else:
        verdict = SUPPORTED
        summary = (f"{len(after)} matched articles{where} were published from {span} ("
                   + (f"limit {limit}" if per_day is None else f"at most {figures['busiest_day_after']} a day, "
                      f"below {per_day:g} × the peak of {peak}") + f"); all {n_days} days of that span were collected.")
    items = [{"day": local_day(i.published_at, inc).isoformat(),
              "published_at": show_time(i.published_at, inc), "outlet": i.outlet, "language": i.language,
              "country": i.country, "date_source": i.date_source, "title": i.title, "url": i.url}
             for i in after]
    tables = {
        "by_day_and_outlet": [{"day": d, "outlet": o, "articles": n} for (d, o), n in sorted(by_day_outlet.items())],
        "blind_days": coll.blind_days,
    }
    return Verdict(verdict, summary, figures, thresholds, items, tables)
