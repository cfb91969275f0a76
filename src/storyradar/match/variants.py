"""Name variants of an incident's place: GeoNames alternates, user forms, transliterations, case endings."""

from __future__ import annotations

from dataclasses import dataclass

from unidecode import unidecode

from ..model import Incident
from .gazetteer import alternate_names
from .inflect import inflect
from .normalise import form_tokens, script_of
from .translit import SCHEMES, cyrillic_language, transliterate

MIN_GENERATED_CHARS = 4


@dataclass(slots=True, frozen=True)
class Variant:
    """One spelling of the place name, where it came from, and its script."""

    form: str
    origin: str  # place | user | geonames | translit:<scheme> | ascii-fold | inflected:<lang>:<case> <- base
    script: str  # Latn | Cyrl | Arab | ...

    @property
    def key(self) -> tuple[str, ...]:
        """The normalised tokens this variant matches on."""
        return form_tokens(self.form)


def _ascii_fold(form: str) -> str:
    return unidecode(form)


def name_variants(incident: Incident, *, use_geonames: bool = True) -> list[Variant]:
    """Every spelling of the incident's place to look for, each with its origin and script.

    Order: the declared name, user variants, GeoNames alternates, transliterations of every Cyrillic
    form (KMU 2010, BGN/PCGN, GOST, ICAO, German, Polish) plus ASCII folding, then inflected forms
    (uk/ru for Cyrillic, pl pattern for Latin forms). Forms that normalise alike are kept once.
    """
    out: list[Variant] = []
    seen: set[tuple[str, ...]] = set()

    def add(form: str, origin: str, *, generated: bool) -> None:
        form = " ".join(form.split())
        key = form_tokens(form)
        if not key or key in seen:
            return
        if generated and sum(len(t) for t in key) < MIN_GENERATED_CHARS:
            return
        seen.add(key)
        out.append(Variant(form, origin, script_of(form)))

    add(incident.place.name, "place", generated=False)
    for form in incident.variants:
        add(form, "user", generated=False)
    if use_geonames:
        for form in alternate_names(incident.place):
            add(form, "geonames", generated=False)
    base = list(out)
    for var in base:
        if var.script == "Cyrl":
            langs = cyrillic_language(var.form)
            for scheme, (lang, *_rest) in SCHEMES.items():
                if lang in langs:
                    add(transliterate(var.form, scheme), f"translit:{scheme} <- {var.form}", generated=True)
        if var.script in ("Cyrl", "Latn") and not var.form.isascii():
            add(_ascii_fold(var.form), f"ascii-fold <- {var.form}", generated=True)
    for var in list(out):
        if var.script == "Cyrl":
            for lang in sorted(cyrillic_language(var.form)):
                for form, case in inflect(var.form, lang):
                    add(form, f"inflected:{lang}:{case} <- {var.form}", generated=True)
        elif var.script == "Latn":
            for form, case in inflect(var.form, "pl"):
                add(form, f"inflected:pl:{case} <- {var.form}", generated=True)
    return out
