"""Demo corpus fixtures: one full-scale and one small corpus per test session, generated once."""

from __future__ import annotations

import time

import pytest

from storyradar.demo import DemoManifest, generate_corpus


@pytest.fixture(scope="session")
def full_corpus(tmp_path_factory) -> tuple[DemoManifest, float]:
    """The full demo corpus (scale 1.0) and the seconds it took to generate."""
    started = time.perf_counter()
    manifest = generate_corpus(tmp_path_factory.mktemp("full"))
    return manifest, time.perf_counter() - started


@pytest.fixture(scope="session")
def small(tmp_path_factory) -> DemoManifest:
    """A small demo corpus (scale 0.2), enough for format and shape checks."""
    return generate_corpus(tmp_path_factory.mktemp("small"), scale=0.2)
