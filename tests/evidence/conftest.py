"""Fixtures for the evidence tests: a declared fictional incident and its vault."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from evidence_helpers import INCIDENT  # noqa: E402,I001

from storyradar.evidence import Vault
from storyradar.model import Incident, Place


@pytest.fixture
def incident(store) -> Incident:
    """A fictional incident declared in the test store."""
    inc = Incident(name=INCIDENT, occurred_at=datetime(2031, 3, 14, 7, 5, tzinfo=UTC),
                   place=Place("Brightwater", 47.123, 35.456, country="XX"), occurred_offset_min=120,
                   title="Explosion at the Brightwater covered market (fictional)")
    store.save_incident(inc)
    return inc


@pytest.fixture
def vault(store) -> Vault:
    """The store's default vault (``<store file>.vault``)."""
    return Vault(f"{store.path}.vault")
