"""Compile an incident once into token tables: place variants, concept stems, countries, months."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Incident
from .normalise import fold_for_prefilter, normalise, tokens
from .variants import Variant, name_variants
from .vocabulary import ALIASES, ARABIC_CLITICS, CATEGORY, COUNTRIES, MAX_SUFFIX, MONTHS, TERMS

MIN_STEM = 3


@dataclass(slots=True)
class Entry:
    """One vocabulary stem: its tokens (the last one a stem unless exact) and what it stands for."""

    words: tuple[str, ...]
    exact: bool
    concept: str  # a vocabulary concept, "country:UA", "month:9", "exclude:<term>" or a user term
    category: str  # kind | target | casualty | country | month | exclude


@dataclass(slots=True)
class Matcher:
    """An incident compiled for fast scoring (build once with :func:`build_matcher`, reuse)."""

    incident: Incident
    variants: list[Variant]
    place_index: dict[str, list[tuple[tuple[str, ...], Variant]]]
    single: dict[str, list[Entry]]  # first 3 letters of a stem -> single-token entries
    exact_short: dict[str, list[Entry]]  # whole short tokens (exact entries under 3 letters)
    multi: dict[str, list[Entry]]  # first word -> multi-token entries
    kind_concepts: set[str]
    target_concepts: set[str]
    prefilter_stems: list[str]
    target_stems: list[str]
    cache: dict[str, tuple[Entry, ...]] = field(default_factory=dict)

    def lookup(self, token: str) -> tuple[Entry, ...]:
        """The single-token entries a normalised token matches (cached per token)."""
        hit = self.cache.get(token)
        if hit is not None:
            return hit
        found = self._match(token)
        if not found and "'" in token:
            for part in token.split("'"):
                found = self._match(part)
                if found:
                    break
        if not found and token and "\u0600" <= token[0] <= "\u06ff":
            for clitic in ARABIC_CLITICS:
                if token.startswith(clitic) and len(token) - len(clitic) >= MIN_STEM:
                    found = self._match(token[len(clitic):])
                    if found:
                        break
        result = tuple(found)
        if len(self.cache) < 500_000:
            self.cache[token] = result
        return result

    def _match(self, token: str) -> list[Entry]:
        out = list(self.exact_short.get(token, ()))
        for entry in self.single.get(token[:MIN_STEM], ()):
            stem = entry.words[0]
            if entry.exact:
                if token == stem:
                    out.append(entry)
            elif token.startswith(stem) and len(token) - len(stem) <= MAX_SUFFIX:
                out.append(entry)
        return out


def _concept_of(term: str) -> str:
    low = normalise(term.strip())
    if low in TERMS:
        return low
    return ALIASES.get(low, low)


def _add(matcher_tables: tuple[dict, dict, dict], raw: str, concept: str, category: str) -> None:
    single, exact_short, multi = matcher_tables
    exact = raw.endswith("=")
    words = tuple(tokens(raw.rstrip("=")))
    if not words:
        return
    entry = Entry(words, exact, concept, category)
    if len(words) > 1:
        multi.setdefault(words[0], []).append(entry)
    elif len(words[0]) < MIN_STEM:
        exact_short.setdefault(words[0], []).append(Entry(words, True, concept, category))
    else:
        single.setdefault(words[0][:MIN_STEM], []).append(entry)


def _shorten(forms: set[str]) -> list[str]:
    """Prefilter stems: each form less its last two letters (inflection), then drop contained ones."""
    stems = sorted({f[:-2] if len(f) > 6 else f for f in forms if f}, key=len)
    kept: list[str] = []
    for s in stems:
        if not any(k in s for k in kept):
            kept.append(s)
    return kept


def build_matcher(incident: Incident, *, variants: list[Variant] | None = None) -> Matcher:
    """Compile an incident's variants, vocabulary (built-in + user), exclusions, countries and months."""
    variants = variants if variants is not None else name_variants(incident)
    place_index: dict[str, list[tuple[tuple[str, ...], Variant]]] = {}
    for var in variants:
        key = var.key
        if key:
            place_index.setdefault(key[0], []).append((key, var))
    tables: tuple[dict, dict, dict] = ({}, {}, {})
    for concept, by_lang in TERMS.items():
        for stems in by_lang.values():
            for stem in stems:
                _add(tables, stem, concept, CATEGORY[concept])
    user_concepts: set[str] = set()
    for concept, stems in incident.vocabulary.items():
        c = _concept_of(concept)
        user_concepts.add(c)
        for stem in stems:
            _add(tables, stem, c, CATEGORY.get(c, "target"))
    kinds, targets = set(), set()
    for term in incident.terms:
        c = _concept_of(term)
        category = CATEGORY.get(c)
        if category is None:
            category = "target"
            if c not in user_concepts:
                _add(tables, term, c, category)
        if category == "kind":
            kinds.add(c)
        elif category == "target":
            targets.add(c)
    for term in incident.exclude_terms:
        _add(tables, term, f"exclude:{term}", "exclude")
    for code, stems in COUNTRIES.items():
        for stem in stems:
            _add(tables, stem, f"country:{code}", "country")
    for month, stems in MONTHS.items():
        for stem in stems:
            _add(tables, stem, f"month:{month}", "month")
    forms = {fold_for_prefilter(v.form) for v in variants} | {v.form.lower() for v in variants}
    target_forms: set[str] = set()
    for concept in targets:
        for stems in TERMS.get(concept, {}).values():
            target_forms.update(s.rstrip("=") for s in stems)
        target_forms.update(s.rstrip("=") for s in incident.vocabulary.get(concept, []))
        if concept not in TERMS:
            target_forms.add(normalise(concept))
    return Matcher(
        incident=incident, variants=variants, place_index=place_index, single=tables[0],
        exact_short=tables[1], multi=tables[2],
        kind_concepts=kinds or {c for c, cat in CATEGORY.items() if cat == "kind"},
        target_concepts=targets, prefilter_stems=_shorten(forms),
        target_stems=sorted({f for f in target_forms if len(f) >= MIN_STEM}),
    )
