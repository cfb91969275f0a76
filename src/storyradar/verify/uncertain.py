"""Measured values with a standard deviation: parse "12.5±0.3" and carry the spread through."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import StoryradarError

#: z-score of a two-sided 95 % interval for a normal error.
Z95 = 1.959963984540054

_UNCERTAIN = re.compile(
    r"^\s*([+-]?\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|[+-]?\.\d+)\s*(?:(?:±|\+-|\+/-)\s*(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+))?\s*$"
)


class VerifyError(StoryradarError):
    """A physical check got inputs it cannot use (out of range, inconsistent, too few)."""


@dataclass(frozen=True, slots=True)
class Uncertain:
    """A measurement: best value and one standard deviation (0 when exact or unknown)."""

    value: float
    sd: float = 0.0

    def interval(self, z: float = Z95) -> tuple[float, float]:
        """The interval value ± z·sd (95 % for a normal error by default)."""
        return self.value - z * self.sd, self.value + z * self.sd

    def __str__(self) -> str:
        return f"{self.value:g} ± {self.sd:g}" if self.sd else f"{self.value:g}"


def parse_uncertain(text: str | float | Uncertain, *, what: str = "value", default_sd: float = 0.0) -> Uncertain:
    """Parse ``"12.5±0.3"``, ``"12.5+-0.3"``, ``"12.5 +/- 0.3"`` or ``"12.5"`` into an :class:`Uncertain`.

    The part after ± is one standard deviation; without it ``default_sd`` is used.
    """
    if isinstance(text, Uncertain):
        return text
    if isinstance(text, int | float):
        return Uncertain(float(text), default_sd)
    m = _UNCERTAIN.match(text)
    if not m:
        raise VerifyError(f"{what} {text!r} is not a number like 12.5 or 12.5±0.3")
    sd = float(m.group(2)) if m.group(2) is not None else default_sd
    return Uncertain(float(m.group(1)), sd)


def parse_latlon(text: str, *, what: str = "position") -> tuple[float, float]:
    """Parse ``"LAT,LON"`` in decimal degrees, checking the ranges."""
    parts = [p.strip() for p in text.split(",")]
    if len(parts) != 2:
        raise VerifyError(f"{what} {text!r} is not LAT,LON in decimal degrees")
    try:
        lat, lon = float(parts[0]), float(parts[1])
    except ValueError as exc:
        raise VerifyError(f"{what} {text!r} is not LAT,LON in decimal degrees") from exc
    check_latlon(lat, lon, what=what)
    return lat, lon


def check_latlon(lat: float, lon: float, *, what: str = "position") -> None:
    """Refuse latitudes outside ±90° and longitudes outside ±180°."""
    if not -90.0 <= lat <= 90.0:
        raise VerifyError(f"{what}: latitude {lat} is outside -90..90")
    if not -180.0 <= lon <= 180.0:
        raise VerifyError(f"{what}: longitude {lon} is outside -180..180")


def wrap180(angle: float) -> float:
    """An angle in degrees folded into (-180, 180]."""
    a = (angle + 180.0) % 360.0 - 180.0
    return 180.0 if a == -180.0 else a
