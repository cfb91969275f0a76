"""Assertion kind dropped_faster_than: the incident's coverage decayed faster than comparable incidents'."""

from __future__ import annotations

from typing import Any

import numpy as np

from ...compare import compare_incidents, interval
from ..records import CONTRADICTED, SUPPORTED, UNDECIDABLE, Verdict
from ..registry import AssertionError_, CheckContext, Param, assertion_kind


def _r(x: float | None, nd: int = 2) -> float | None:
    return None if x is None else round(float(x), nd)


@assertion_kind(
    "dropped_faster_than",
    "Coverage of the incident dropped faster than that of comparable incidents (shorter half-life).",
    Param("incidents", "strs", "the comparable incidents, by name", required=True),
    Param("horizon_days", "int", "days since each incident whose articles are compared", default=60),
    Param("language", "str", "compare only articles in this language"),
    Param("measure", "choice", "what is compared (the half-life of coverage)", default="half_life",
          choices=("half_life",)),
)
def dropped_faster_than(ctx: CheckContext, p: dict[str, Any]) -> Verdict:
    """Half-life difference (this incident minus the others' median) with an outlet-bootstrap interval."""
    inc = ctx.incident
    others = [o for o in p["incidents"] if o != inc.name]
    if not others:
        raise AssertionError_("dropped_faster_than: name at least one other incident", path=inc.name)
    cmp = compare_incidents(ctx.store, [inc.name, *others], horizon_days=p["horizon_days"], n_boot=ctx.n_boot,
                            seed=ctx.seed, by_language=bool(p.get("language")))
    lang = p.get("language")

    def curve(name: str):
        entry = cmp.get(name)
        return entry.by_language.get(lang) if lang else entry.overall

    target, rest = curve(inc.name), [curve(o) for o in others]
    thresholds = [
        cmp.notes[0],
        "difference = this incident's half-life minus the median half-life of the comparable incidents; "
        f"95 % interval from {ctx.n_boot} outlet-bootstrap replicates (seed {ctx.seed})",
        "supported: the whole interval lies below 0 (coverage concentrated earlier); contradicted: the whole "
        "interval lies above 0; not decidable: the interval includes 0, an incident has no articles, or the "
        f"corpus does not reach day {p['horizon_days']} after an incident",
    ]
    items = []
    for c, name in zip([target, *rest], [inc.name, *others], strict=True):
        items.append({"incident": name, "articles": 0 if c is None else c.articles,
                      "outlets": 0 if c is None else c.outlets,
                      "half_life_days": None if c is None else _r(c.half_life_days),
                      "half_life_ci95": None if c is None or c.half_life_ci is None else [_r(v) for v in c.half_life_ci],
                      "share_after_day_7": None if c is None else _r(c.share_after[7], 3),
                      "silence_day": None if c is None else c.silence_day,
                      "horizon_collected": cmp.get(name).horizon_collected})
    if target is None or any(c is None or not c.articles for c in rest) or not target.articles:
        return Verdict(UNDECIDABLE, "An incident has no matched articles" + (f" in {lang}" if lang else "")
                       + " within the horizon, so no half-life can be compared.", {}, thresholds, items)
    est = target.half_life_days - float(np.median([c.half_life_days for c in rest]))
    ci = None
    if ctx.n_boot:
        ci = interval(target.boot_half_life - np.median(np.stack([c.boot_half_life for c in rest]), axis=0))
    figures = {"difference_days": _r(est, 3), "difference_ci95": None if ci is None else [_r(v, 3) for v in ci],
               "half_life_days": _r(target.half_life_days, 3),
               "others_median_half_life_days": _r(float(np.median([c.half_life_days for c in rest])), 3),
               "horizon_days": p["horizon_days"], "language": lang or "all"}
    short = [i["incident"] for i in items if not i["horizon_collected"]]
    if short:
        return Verdict(UNDECIDABLE, f"The corpus does not reach day {p['horizon_days']} after {', '.join(short)}; "
                       "half-lives over a cut-short span are not comparable.", figures, thresholds, items)
    words = (f"half-life {target.half_life_days:.2f} days against a median of "
             f"{figures['others_median_half_life_days']:.2f} for {', '.join(others)}: difference {est:+.2f} days")
    if ci is None:
        return Verdict(UNDECIDABLE, f"{words}, without an interval (no bootstrap).", figures, thresholds, items)
    words += f" (95 % interval {ci[0]:+.2f} to {ci[1]:+.2f})"
    if ci[1] < 0:
        return Verdict(SUPPORTED, words + ".", figures, thresholds, items)
    if ci[0] > 0:
        return Verdict(CONTRADICTED, words + ".", figures, thresholds, items)
    return Verdict(UNDECIDABLE, words + "; the interval includes no difference.", figures, thresholds, items)
