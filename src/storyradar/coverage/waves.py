"""Bursts, silence and later waves in a daily coverage series, by stated, tunable rules."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np

from .cues import REHASH_NOVELTY, WAVE_CUES
from .matched import CoverageItem


@dataclass(slots=True, frozen=True)
class SilenceRule:
    """Coverage is *silent* from the first day after the peak on which the daily count stays below
    ``fraction`` × peak for ``min_days`` consecutive days."""

    fraction: float = 0.1
    min_days: int = 7

    def describe(self) -> str:
        """The rule in words, for reports."""
        return (f"silent from the first day after the peak on which daily articles stay below "
                f"{self.fraction:g} × peak for {self.min_days} consecutive days")


@dataclass(slots=True, frozen=True)
class WaveRule:
    """After silence, a *wave* starts on a day with at least max(``min_daily``, ``fraction`` × peak)
    articles and lasts while days with at least ``min_daily`` articles follow with gaps of at most
    ``gap_days`` (a lower bar to stay in a wave than to start one); it counts when it holds at
    least ``min_articles`` articles."""

    fraction: float = 0.1
    min_daily: int = 2
    gap_days: int = 2
    min_articles: int = 4

    def describe(self) -> str:
        """The rule in words, for reports."""
        return (f"a later wave starts after silence on a day with ≥ max({self.min_daily}, "
                f"{self.fraction:g} × peak) articles, continues while days with ≥ {self.min_daily} articles "
                f"follow within {self.gap_days} days, and needs ≥ {self.min_articles} articles in all")


@dataclass(slots=True)
class Wave:
    """A later burst of coverage after silence."""

    start: datetime
    end: datetime
    articles: int
    stories: int
    peak_day: datetime
    peak_count: int
    titles: list[str] = field(default_factory=list)
    character: str = ""
    character_evidence: list[str] = field(default_factory=list)
    novelty: float = 0.0


@dataclass(slots=True)
class Shape:
    """First burst, peak, silence and waves of one daily series."""

    peak_day: datetime | None
    peak_count: int
    silence_day: datetime | None
    silence_note: str
    waves: list[Wave]
    change_points: list[datetime]


def find_silence(counts: list[int], peak: int, rule: SilenceRule, start: int = 0) -> int | None:
    """Index of the first day at/after ``start`` opening a silent run, or None if none is complete."""
    threshold = rule.fraction * peak
    run = 0
    for k in range(start, len(counts)):
        if counts[k] < threshold:
            run += 1
            if run >= rule.min_days:
                return k - rule.min_days + 1
        else:
            run = 0
    return None


def find_wave_spans(counts: list[int], peak: int, rule: WaveRule, start: int) -> list[tuple[int, int]]:
    """(first, last) day indices of candidate waves after ``start``."""
    threshold = max(rule.min_daily, rule.fraction * peak)
    spans: list[tuple[int, int]] = []
    k = start
    while k < len(counts):
        if counts[k] >= threshold:
            first = last = k
            j = k + 1
            while j < len(counts) and j - last <= rule.gap_days + 1:
                if counts[j] >= rule.min_daily:
                    last = j
                j += 1
            if sum(counts[first:last + 1]) >= rule.min_articles:
                spans.append((first, last))
            k = last + 1
        else:
            k += 1
    return spans


def change_points(counts: list[int], bins: list[datetime], *, penalty: float | None = None) -> list[datetime]:
    """Change points of the daily series (ruptures PELT on variance-stabilised counts)."""
    if len(counts) < 6:
        return []
    import ruptures

    signal = np.sqrt(np.asarray(counts, dtype=float) + 3.0 / 8.0).reshape(-1, 1)  # Anscombe
    pen = penalty if penalty is not None else 3.0 * np.log(len(counts))
    ends = ruptures.Pelt(model="l2", min_size=2, jump=1).fit(signal).predict(pen=pen * 0.25)
    return [bins[e] for e in ends if e < len(bins)]


_WORD = re.compile(r"\w+", re.UNICODE)


def _vocabulary(items: list[CoverageItem]) -> Counter[str]:
    words: Counter[str] = Counter()
    for item in items:
        words.update(w for w in _WORD.findall((item.title + " " + item.text[:2000]).casefold()) if len(w) > 3)
    return words


def characterise(wave_items: list[CoverageItem], first_burst: list[CoverageItem]) -> tuple[str, list[str], float]:
    """Label what drives a wave from cue vocabulary and novelty against the first burst.

    Returns (label, evidence lines, novelty share). Labels: investigation/finding, official
    statement, anniversary, legal step, rehash, or "new coverage" when nothing points anywhere.
    """
    hits: Counter[str] = Counter()
    evidence: dict[str, list[str]] = {}
    for item in wave_items:
        text = (item.title + " " + item.text[:3000]).casefold()
        for label, cues in WAVE_CUES.items():
            found = [c for c in cues if re.search(r"(?<!\w)" + re.escape(c), text)]
            if found:
                hits[label] += 1
                if len(evidence.setdefault(label, [])) < 3:
                    evidence[label].append(f"{item.outlet}: {item.title!r} (cues: {', '.join(found[:3])})")
    base = _vocabulary(first_burst)
    now = _vocabulary(wave_items)
    top = [w for w, _ in now.most_common(60)]
    novelty = (sum(1 for w in top if w not in base) / len(top)) if top else 0.0
    if hits:
        label, n = hits.most_common(1)[0]
        if n * 3 >= len(wave_items):  # a third of the wave's articles carry the cue
            lines = [f"{n} of {len(wave_items)} articles carry '{label}' cues"] + evidence[label]
            return label, lines, novelty
    if novelty < REHASH_NOVELTY:
        return "rehash", [f"only {novelty:.0%} of the wave's frequent words are new against the first burst"], novelty
    return "new coverage", [f"{novelty:.0%} of the wave's frequent words are new; no cue dominates"], novelty


def representative_titles(items: list[CoverageItem], limit: int = 3) -> list[str]:
    """The most carried titles (syndicated copies counted together), then the earliest."""
    counts = Counter(i.title for i in items if i.title)
    return [t for t, _ in counts.most_common(limit)]
