"""Compose demo article titles and paragraphs from the template data, deterministically from an RNG."""

from __future__ import annotations

import random
from datetime import datetime

from .figures import Figure, figure_sentence, number
from .places import BACKGROUND_TOWNS, PLACES, TARGETS, WEEKDAYS
from .texts_background import BACKGROUND, PASSING, PEOPLE, SAME_PLACE, TEAM
from .texts_incident import DEPOT, MAIN, STRIKE


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def context(lang: str, place: str, target: str | None, when: datetime) -> dict[str, str]:
    """Placeholder values for one language, place, target and local day."""
    ctx = dict(PLACES[place][lang])
    if target:
        ctx.update(TARGETS[target][lang])
    ctx["day"] = WEEKDAYS[lang][when.weekday()]
    ctx["day_cap"] = _cap(ctx["day"])
    ctx["P_loc_cap"] = _cap(ctx["P_loc"])
    return ctx


def fill(template: str, ctx: dict[str, str]) -> str:
    """Fill a template; a missing placeholder is a bug in the data, so it raises KeyError."""
    return _cap(template.format(**ctx))


def _pick(rng: random.Random, options: list[str], ctx: dict[str, str]) -> str:
    return fill(rng.choice(options), ctx)


def headline_figure(lang: str, fig: Figure) -> str:
    """The killed count as a headline shows it: a word for small English counts, else digits."""
    return number(lang, fig.killed, words=lang == "en" and fig.qualifier == "at_least")


def main_article(rng: random.Random, lang: str, lag_h: float, facts: dict, when: datetime) -> tuple[str, list[str]]:
    """Title and paragraphs of one first-burst article on the main incident.

    ``facts`` holds what this article carries: ``figure`` (Figure), and booleans ``blame``,
    ``denial``, ``counter``, ``call``; the caller decides them from the article's lag.
    """
    ctx = context(lang, "zorianivka", "market", when)
    s, m = STRIKE[lang], MAIN[lang]
    fig: Figure = facts["figure"]
    ctx["k"] = headline_figure(lang, fig)
    if lag_h < 1.5:
        title = _pick(rng, s["head_first"], ctx)
    elif facts.get("denial") and (lang == "ru" or rng.random() < 0.3):
        title = _pick(rng, m["head_denial"], ctx)
    elif facts.get("call") and rng.random() < 0.25:
        title = _pick(rng, m["head_call"], ctx)
    elif fig.qualifier == "at_least":
        title = _pick(rng, s["head_atleast"], ctx)
    elif fig.qualifier == "exact":
        title = _pick(rng, s["head_rise"], ctx)
    else:
        title = _pick(rng, s["head_first"], ctx)
    lead = _pick(rng, s["lead"], ctx)
    fig_text = figure_sentence(lang, fig, words=lang != "fr" and rng.random() < 0.35)
    claims: list[str] = []
    if facts.get("blame"):
        claims.append(_pick(rng, m["blame"], ctx))
    other: list[str] = []
    if facts.get("denial"):
        other.append(_pick(rng, m["denial"], ctx))
    if facts.get("counter"):
        other.append(_pick(rng, m["counter"], ctx))
    # Outlets of the accused side lead with the denial; the others with the accusation.
    ordered = other + claims if lang == "ru" else claims + other
    paragraphs = [f"{lead} {fig_text}"]
    paragraphs += ordered
    if facts.get("call"):
        paragraphs.append(_pick(rng, m["call"], ctx))
    scene = rng.sample(s["scene"] + s["scene_market"], k=min(3, len(s["scene"])))
    paragraphs.append(" ".join(fill(x, ctx) for x in scene[:2]))
    paragraphs.append(" ".join(fill(x, ctx) for x in [rng.choice(m["context_main"]), *s["context"]]))
    if len(scene) > 2:
        paragraphs.append(fill(scene[2], ctx))
    return title, paragraphs


def wave_article(rng: random.Random, lang: str, lag_h: float, when: datetime) -> tuple[str, list[str], list[str]]:
    """Title, paragraphs and fact labels of one investigation-wave article on the main incident."""
    ctx = context(lang, "zorianivka", "market", when)
    s, m = STRIKE[lang], MAIN[lang]
    reaction = lag_h >= 3 and rng.random() < 0.6
    title = _pick(rng, m["head_reaction"] if reaction and rng.random() < 0.5 else m["head_wave"], ctx)
    facts = ["finding", "figure:16/34"]
    paragraphs = [_pick(rng, m["wave_lead"], ctx), _pick(rng, m["finding"], ctx)]
    if rng.random() < 0.6:
        paragraphs.append(_pick(rng, m["finding_quote"], ctx))
    paragraphs.append(" ".join(fill(x, ctx) for x in m["wave_context"]))
    paragraphs.append(figure_sentence(lang, Figure(16, 34, "exact", source="region")))
    if reaction:
        paragraphs.append(_pick(rng, m["reaction"], ctx))
        facts.append("reaction")
    if rng.random() < 0.4:
        paragraphs.append(_pick(rng, m["blame"], ctx))
        facts.append("blame")
    paragraphs.append(" ".join(fill(x, ctx) for x in s["context"]))
    return title, paragraphs, facts


def strike_article(rng: random.Random, lang: str, place: str, target: str, fig: Figure, lag_h: float,
                   when: datetime, incident_when: datetime) -> tuple[str, list[str]]:
    """Title and paragraphs of an article on one of the comparable strikes elsewhere."""
    ctx = context(lang, place, target, incident_when)
    s = STRIKE[lang]
    ctx["k"] = headline_figure(lang, fig)
    late = lag_h > 30
    if late:
        title = _pick(rng, s["head_follow"], ctx)
    elif lag_h < 1.5:
        title = _pick(rng, s["head_first"], ctx)
    else:
        title = _pick(rng, s["head_atleast" if fig.qualifier == "at_least" else "head_rise"], ctx)
    scenes = s["scene"] + (s["scene_market"] if target == "market" else [])
    paragraphs = [f"{_pick(rng, s['lead'], ctx)} {figure_sentence(lang, fig, words=rng.random() < 0.3)}"]
    if rng.random() < 0.5:
        paragraphs.append(fill(s["blame_generic"][0], ctx))
    picked = rng.sample(scenes, k=3)
    paragraphs.append(" ".join(fill(x, ctx) for x in picked[:2]))
    if late:
        later = dict(ctx, day=WEEKDAYS[lang][when.weekday()])
        paragraphs.append(" ".join(fill(x, later) for x in rng.sample(s["follow"], k=2)))
    paragraphs.append(fill(picked[2], ctx))
    paragraphs.append(" ".join(fill(x, ctx) for x in s["context"]))
    return title, paragraphs


def depot_article(rng: random.Random, lang: str, when: datetime) -> tuple[str, list[str]]:
    """Title and paragraphs of an article on the near miss: the railway depot fire in Zorianivka."""
    ctx = context(lang, "zorianivka", None, when)
    d = DEPOT[lang]
    body = rng.sample(d["body"], k=len(d["body"]))
    title = _pick(rng, d["head"], ctx)
    paragraphs = [f"{_pick(rng, d['lead'], ctx)} {fill(d['figure'][0], ctx)}", fill(body[0], ctx),
                  " ".join(fill(x, ctx) for x in body[1:])]
    return title, paragraphs


def background_article(rng: random.Random, lang: str, topic: str, when: datetime,
                       passing: bool = False) -> tuple[str, list[str]]:
    """Title and paragraphs of an unrelated story; with ``passing``, one sentence refers to the main incident."""
    towns = rng.sample(BACKGROUND_TOWNS[lang], k=2)
    ctx = context(lang, "zorianivka", None, when)
    s2 = rng.randint(0, 2)
    ctx.update(town=towns[0], town2=towns[1], name=rng.choice(PEOPLE[lang]), m=str(rng.randint(120, 980)),
               s1=str(s2 + rng.randint(1, 3)), s2=str(s2), team=TEAM[lang].format(towns[0]),
               team2=TEAM[lang].format(towns[1]))
    data = BACKGROUND[lang][topic]

    def fresh(template: str) -> str:  # every sentence gets its own small number
        return fill(template, dict(ctx, n=str(rng.randint(3, 89))))

    title = fresh(rng.choice(data["head"]))
    rest = data["body"][1:]
    body = [fresh(data["body"][0])] + [fresh(x) for x in rng.sample(rest, k=min(len(rest), rng.randint(3, 4)))]
    paragraphs = [body[0], " ".join(body[1:3])] + body[3:]
    if passing:
        paragraphs.insert(len(paragraphs) - 1 if len(paragraphs) > 2 else len(paragraphs),
                          _pick(rng, PASSING[lang], ctx))
    return title, paragraphs


def same_place_article(rng: random.Random, lang: str, story: str, when: datetime) -> tuple[str, list[str]]:
    """Title and paragraphs of a Zorianivka story that has nothing to do with any incident."""
    ctx = context(lang, "zorianivka", None, when)
    data = SAME_PLACE[story][lang]
    return _pick(rng, data["head"], ctx), [fill(x, ctx) for x in data["body"]]
