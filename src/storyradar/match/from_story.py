"""Turn a discovered story into an incident spec: place from the names it uses, time from its first article."""

from __future__ import annotations

import re
from collections import Counter

from ..errors import IncidentSpecError, NotFoundError
from ..model import Incident, Place
from ..store import Store
from .gazetteer import candidates
from .normalise import normalise
from .stopwords import PLACE_PREPOSITIONS, STOPWORDS
from .vocabulary import CATEGORY, TERMS

_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)


def _place_words(texts: list[str]) -> Counter:
    """Capitalised words not opening a sentence, weighted up after a place preposition (in, near, у)."""
    score: Counter = Counter()
    for text in texts:
        prev, sentence_start = "", True
        for m in _WORD.finditer(text):
            word = m.group(0)
            gap = text[m.start() - 2:m.start()] if m.start() >= 2 else ""
            if any(ch in gap for ch in ".!?\n"):
                sentence_start = True
            low = normalise(word)
            if word[:1].isupper() and not sentence_start and low not in STOPWORDS and len(word) > 3:
                score[word] += 3 if prev in PLACE_PREPOSITIONS else 1
            prev, sentence_start = low, False
    return score


def incident_from_story(store: Store, story_id: str, *, name: str | None = None,
                        use_gazetteer: bool = True) -> Incident:
    """Draft an incident from a story: the most frequent known place name, the earliest article's date.

    The place is the best-scoring capitalised word that GeoNames knows (the most populous namesake,
    others listed in ``notes``); failing that, the best-scoring word is declared as the place without
    coordinates. Kind/target terms are the vocabulary concepts the story's articles use most.
    """
    from .stories import story_articles

    arts = [a for a in story_articles(store, story_id)]
    if not arts:
        raise NotFoundError(f"no story with id {story_id!r}", hint="list them with: storyradar stories")
    dated = [a for a in arts if a.published_at is not None]
    if not dated:
        raise IncidentSpecError(f"story {story_id} has no dated article to take the time from")
    first = min(dated, key=lambda a: a.published_at)
    words = _place_words([f"{a.title}. {a.text[:2000]}" for a in arts])
    notes = [f"drafted from story {story_id} ({len(arts)} articles); check place, time and terms"]
    place = None
    for word, _n in words.most_common(15):
        if not use_gazetteer:
            break
        found = candidates(word)
        if found:
            place = found[0]
            if len(found) > 1:
                notes.append("other places of that name: " + "; ".join(
                    f"{p.name} ({p.country} {p.admin1}, geonameid {p.geonameid})" for p in found[1:6]))
            break
    if place is None:
        if not words:
            raise IncidentSpecError(f"story {story_id}: no place name found in its articles",
                                    hint="declare the incident with: storyradar incident add")
        place = Place(name=words.most_common(1)[0][0])
        notes.append(f"place '{place.name}' is not in GeoNames: add coordinates and variants by hand")
    counts: Counter = Counter()
    stems = {c: {s.rstrip("=") for by in TERMS[c].values() for s in by} for c in TERMS}
    for a in arts:
        toks = set(normalise(f"{a.title} {a.text}").split())
        for concept, ss in stems.items():
            if CATEGORY[concept] in ("kind", "target") and any(t.startswith(s) for t in toks for s in ss):
                counts[concept] += 1
    terms = [c for c, n in counts.most_common() if n >= max(1, len(arts) // 2)][:4]
    return Incident(
        name=name or f"story-{story_id}", occurred_at=first.published_at,
        occurred_offset_min=first.published_offset_min, place=place, precision="day",
        title=first.title, terms=terms, window_before_days=2, notes="; ".join(notes),
    )
