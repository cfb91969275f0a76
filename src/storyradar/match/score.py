"""Score one article against one incident: place, kind, target, date, figures -> relation with reasons."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from ..model import Article, Match, MatchReason
from .matcher import Matcher, build_matcher
from .normalise import is_number, tokens
from .vocabulary import CATEGORY, NUMBER_WORDS

__all__ = ["MatchSettings", "Scan", "build_matcher", "scan_article", "score_article"]

RELATIONS = ("about", "passing", "near-miss", "unrelated")


@dataclass(slots=True, frozen=True)
class MatchSettings:
    """Every weight and threshold of the matcher in one place (all tunable)."""

    place_title: float = 3.0  # the place is named in the title
    place_lead: float = 2.0  # ... in the lead (first ``lead_chars`` of the text)
    place_body: float = 1.0  # ... only further down
    extra_mention: float = 0.25  # each further mention, up to ``max_extra_mentions``
    max_extra_mentions: int = 4
    kind: float = 1.0  # a kind term (strike, missile, ...) of the incident
    target: float = 1.5  # the incident's target (market, hospital, ...)
    other_target: float = -2.0  # a different target named near the place, the incident's not
    date: float = 1.0  # published within ``date_full_days`` (decays to 0 at ``about_days``)
    date_full_days: float = 2.0
    date_mention: float = 1.5  # the text names the incident's date (e.g. "6 September")
    other_date: float = -1.5  # the text names another, later date near the place and kind words
    figure_match: float = 1.0  # a casualty figure equal to the incident's
    figure_conflict: float = -2.5  # a different casualty figure
    figure_early_days: float = 3.0  # lower counts published this soon are early tolls, not conflicts
    exclude: float = -5.0
    about_threshold: float = 4.0
    passing_threshold: float = 2.0
    about_days: float = 14.0  # later than this, a single mention in the body is a follow-up mention
    passing_max_mentions: int = 2
    proximity_tokens: int = 25  # kind/target words this close to a place mention count as context
    lead_chars: int = 400
    elsewhere_days: float = 3.0  # same kind of incident without the place: near miss within ± days
    before_tolerance_hours: float = 12.0  # published this long before the incident still counts


@dataclass(slots=True)
class Scan:
    """What was found in one article (positions are token indexes; the title comes first)."""

    n_title: int = 0
    n_lead_end: int = 0
    places: list[tuple[int, str, str]] = field(default_factory=list)  # (pos, form, origin)
    concepts: list[tuple[int, str, str]] = field(default_factory=list)  # (pos, concept, category)
    numbers: list[tuple[int, int]] = field(default_factory=list)
    spelled: list[tuple[int, int]] = field(default_factory=list)  # number words ("four"): confirm only
    days: list[tuple[int, int, int]] = field(default_factory=list)  # (pos, day, month)

    def where(self, pos: int) -> str:
        """title, lead or body for a token position."""
        if pos < self.n_title:
            return "title"
        return "lead" if pos < self.n_lead_end else "body"


def scan_article(article: Article, matcher: Matcher, settings: MatchSettings | None = None) -> Scan:
    """Tokenise title and text once and record place, vocabulary, number and date hits."""
    s = settings or MatchSettings()
    title = tokens(article.title or "")
    text = article.text or ""
    body = tokens(text)
    lead_n = len(tokens(text[: s.lead_chars])) if len(text) > s.lead_chars else len(body)
    toks = title + body
    scan = Scan(n_title=len(title), n_lead_end=len(title) + lead_n)
    place_index, multi, lookup = matcher.place_index, matcher.multi, matcher.lookup
    n = len(toks)
    for i, tok in enumerate(toks):
        for key, var in place_index.get(tok, ()):
            if tuple(toks[i:i + len(key)]) == key:
                scan.places.append((i, var.form, var.origin))
                break
        if is_number(tok):
            if len(tok) <= 6:
                scan.numbers.append((i, int(tok)))
            continue
        word_value = NUMBER_WORDS.get(tok)
        if word_value is not None:
            scan.spelled.append((i, word_value))
        for entry in lookup(tok):
            scan.concepts.append((i, entry.concept, entry.category))
        for entry in multi.get(tok, ()):
            k = len(entry.words)
            if i + k <= n and all(toks[i + j] == entry.words[j] for j in range(k - 1)) and \
                    toks[i + k - 1].startswith(entry.words[-1]):
                scan.concepts.append((i, entry.concept, entry.category))
    months = {p: int(c.split(":")[1]) for p, c, cat in scan.concepts if cat == "month"}
    for pos, value in scan.numbers:
        if 1 <= value <= 31:
            month = months.get(pos + 1) or months.get(pos - 1)
            if month:
                scan.days.append((pos, value, month))
    return scan


def _near(pos: int, others: list[int], width: int) -> bool:
    return any(abs(pos - o) <= width for o in others)


def _figures(scan: Scan, spelled: bool = False) -> list[tuple[str, int, int]]:
    """(figure name, value, position): numbers next to killed/injured words (years skipped);
    with ``spelled``, the number words instead of the digits."""
    out = []
    cas = [(p, c) for p, c, cat in scan.concepts if cat == "casualty"]
    day_pos = {p for p, _d, _m in scan.days}
    for pos, value in scan.spelled if spelled else scan.numbers:
        if 1900 <= value <= 2100 or pos in day_pos:
            continue
        # the nearest casualty word; on a tie the one after the number ("12 ums Leben, 30 verletzt")
        near = [(abs(cpos - pos), cpos < pos, concept) for cpos, concept in cas if -3 <= cpos - pos <= 4]
        if near:
            out.append((min(near)[2], value, pos))
    return out


def score_article(article: Article, matcher: Matcher, settings: MatchSettings | None = None) -> Match:
    """Judge an article against the matcher's incident: a Match with score, relation and reasons."""
    s = settings or MatchSettings()
    inc = matcher.incident
    scan = scan_article(article, matcher, s)
    reasons: list[MatchReason] = []
    score = 0.0

    def add(kind: str, detail: str, weight: float) -> None:
        nonlocal score
        score += weight
        reasons.append(MatchReason(kind, detail, round(weight, 3)))

    days = None
    if article.published_at is not None:
        days = (article.published_at - inc.occurred_at).total_seconds() / 86400
    found = {c for _p, c, _cat in scan.concepts}
    kinds = sorted(found & matcher.kind_concepts)
    targets_all = {c for _p, c, cat in scan.concepts if cat == "target"}
    inc_targets = sorted(targets_all & matcher.target_concepts)

    if not scan.places:
        if (days is not None and abs(days) <= s.elsewhere_days and kinds and inc_targets
                and matcher.target_concepts):
            add("term", f"kind: {', '.join(kinds)}; target: {', '.join(inc_targets)}", s.kind + s.target)
            add("near-miss", "same kind of incident but no form of the place name: likely elsewhere", 0.0)
            return Match(inc.id, article.id, round(score, 3), "near-miss", reasons)
        return Match(inc.id, article.id, 0.0, "unrelated",
                     [MatchReason("place", "no form of the place name found", 0.0)])

    # -- place -------------------------------------------------------------------------------
    place_pos = [p for p, _f, _o in scan.places]
    fields = [scan.where(p) for p in place_pos]
    first = {}
    for (pos, form, origin), where in zip(scan.places, fields, strict=True):
        first.setdefault(where, (form, origin, pos))
    best_field = next(f for f in ("title", "lead", "body") if f in first)
    form, origin, _ = first[best_field]
    weight = {"title": s.place_title, "lead": s.place_lead, "body": s.place_body}[best_field]
    add("place", f"'{form}' ({origin}) in the {best_field}", weight)
    extra = min(len(place_pos) - 1, s.max_extra_mentions)
    if extra > 0:
        also = sorted({f for _p, f, _o in scan.places} - {form})
        add("place", f"named {len(place_pos)} times" + (f" (also {', '.join(repr(f) for f in also)})"
                                                         if also else ""), extra * s.extra_mention)

    # -- kind and target ---------------------------------------------------------------------
    near = {c for p, c, _cat in scan.concepts if _near(p, place_pos, s.proximity_tokens)}
    if kinds:
        add("term", f"kind: {', '.join(kinds)}", s.kind)
    generic = sorted({c for c in found if CATEGORY.get(c) == "kind"} - set(kinds))
    if generic and not kinds:
        add("term", f"kind (other words): {', '.join(generic)}", s.kind * 0.5)
    if inc_targets:
        add("term", f"target: {', '.join(inc_targets)}", s.target)
    focus = {c for p, c, cat in scan.concepts if cat == "target" and (p < scan.n_lead_end
                                                                       or _near(p, place_pos, 8))}
    other = sorted(focus - matcher.target_concepts)
    soft_conflicts: list[str] = []
    if matcher.target_concepts and other and not (focus & matcher.target_concepts):
        add("term", f"other target: {', '.join(other)} (incident: {', '.join(sorted(matcher.target_concepts))})",
            s.other_target)
        soft_conflicts.append(f"other target ({', '.join(other)})")

    # -- dates -------------------------------------------------------------------------------
    local = inc.occurred_at + timedelta(minutes=inc.occurred_offset_min or 0)
    said_date = any(d == local.day and m == local.month for _p, d, m in scan.days)
    if said_date:
        add("date-mention", f"names the incident's date ({local.day} {local:%B})", s.date_mention)
    kind_pos = [p for p, _c, cat in scan.concepts if cat == "kind"]
    others = [(d, m) for p, d, m in scan.days
              if (d, m) != (local.day, local.month) and _near(p, place_pos, s.proximity_tokens)
              and _near(p, kind_pos, s.proximity_tokens)]
    if days is None:
        reasons.append(MatchReason("date", "publication date unknown", 0.0))
    else:
        if days >= -s.before_tolerance_hours / 24:
            span = max(s.about_days - s.date_full_days, 1e-9)
            w = s.date if days <= s.date_full_days else s.date * max(0.0, 1 - (days - s.date_full_days) / span)
            add("date", f"published {days:+.1f} days from the incident", w)
        if others and not said_date and days > 1:
            d, m = others[0]
            add("date-mention", f"names another date near the place and kind words ({d}.{m:02d})", s.other_date)
            soft_conflicts.append(f"refers to another date ({d}.{m:02d})")

    # -- figures -----------------------------------------------------------------------------
    fig_match = False
    seen_figures: set[tuple[str, int]] = set()
    for name, value, _pos in _figures(scan):
        if (name, value) in seen_figures:  # the same figure repeated is one piece of evidence
            continue
        seen_figures.add((name, value))
        known = inc.figures.get(name)
        if known is None:
            continue
        if value == known:
            add("figure", f"{name}: {value} (as the incident)", s.figure_match)
            fig_match = True
        elif value < known and days is not None and days <= s.figure_early_days:
            reasons.append(MatchReason("figure", f"{name}: {value}, below the known {known} (early toll)", 0.0))
        else:
            add("figure", f"{name}: {value}, the incident has {known}", s.figure_conflict)
            soft_conflicts.append(f"different casualty figure ({name} {value} vs {known})")
    digit_names = {name for name, _v, _p in _figures(scan)}
    for name, value, _pos in _figures(scan, spelled=True):
        # a spelled-out count may confirm a figure given in words, never contradict one, and is not
        # specific enough to outweigh a conflict ("two days later" is no casualty count)
        if inc.figures.get(name) == value and name not in digit_names:
            add("figure", f"{name}: {value} in words (as the incident)", s.figure_match)
            digit_names.add(name)

    # -- exclusions and namesakes ------------------------------------------------------------
    hard: list[str] = []
    for term in sorted({c.split(":", 1)[1] for c in found if c.startswith("exclude:")}):
        add("exclude", f"exclude term '{term}'", s.exclude)
        hard.append(f"exclude term '{term}'")
    country = inc.place.country.upper()
    foreign = sorted({c.split(":")[1] for p, c, cat in scan.concepts if cat == "country"
                      and _near(p, place_pos, 12)} - {country})
    home = any(c == f"country:{country}" for c in found)
    if country and foreign and not home:
        add("namesake", f"the place is named next to {', '.join(foreign)}, never {country}", 0.0)
        hard.append(f"same-name place in another country ({', '.join(foreign)})")
    if days is not None and days < -s.before_tolerance_hours / 24 and not said_date:
        hard.append(f"published {-days:.1f} days before the incident")

    context = bool(kinds or generic or inc_targets or said_date or fig_match or other)
    if not context:
        reasons.append(MatchReason("context", "no kind, target, date or figure of the incident", 0.0))
        return Match(inc.id, article.id, round(score, 3), "unrelated", reasons)
    specific = said_date or fig_match
    if generic and not (kinds or inc_targets or specific) and days is not None and days > s.date_full_days:
        # only another kind of incident (a fire, an explosion) at the place, days away from this one
        soft_conflicts.append(f"another kind of incident ({', '.join(generic)}) and nothing of this one")
    if hard or (soft_conflicts and not specific):
        why = "; ".join(hard + soft_conflicts)
        reasons.append(MatchReason("near-miss", why, 0.0))
        return Match(inc.id, article.id, round(score, 3), "near-miss", reasons)
    in_title = "title" in fields
    context_near = bool({c for c in near if CATEGORY.get(c) == "kind"} or near & matcher.target_concepts) or said_date
    late = days is not None and days > s.about_days
    # a titled article whose title names neither the place nor any kind or target word is about
    # something else; a mention or two of the incident in its text is a mention in passing
    off_topic_title = scan.n_title > 0 and not in_title and not any(
        p < scan.n_title and cat in ("kind", "target") for p, _c, cat in scan.concepts)
    few = len(place_pos) <= s.passing_max_mentions
    if score >= s.about_threshold and (in_title or not few or not (late or off_topic_title)):
        relation = "about"
    elif score >= s.passing_threshold and context_near:
        relation = "passing"
        why = ("a mention in passing (the title is about something else)" if off_topic_title and not late
               else "a follow-up mention")
        reasons.append(MatchReason("passing", f"named {len(place_pos)}x outside the title"
                                   + (f", {days:.0f} days later" if days is not None else "")
                                   + f": {why}", 0.0))
    else:
        reasons.append(MatchReason("context", f"score {score:.2f} below the thresholds", 0.0))
        relation = "unrelated"
    return Match(inc.id, article.id, round(score, 3), relation, reasons)
