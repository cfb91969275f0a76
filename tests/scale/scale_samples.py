"""Test helpers for the Spark job: the generated inputs live in storyradar.scale.sample; a loopback response."""

from __future__ import annotations

from dataclasses import dataclass, field

from storyradar.scale.sample import SPEC, T0, make_inputs, page, write_warc

__all__ = ["SPEC", "T0", "Canned", "make_inputs", "page", "write_warc"]


@dataclass
class Canned:
    """A response for the root conftest's ``loopback`` server (the fields its handler reads)."""

    body: bytes | str = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html; charset=utf-8"})
    delay_s: float = 0.0
