"""Fault-injection hook: pause at a named point so tests can kill the process mid-operation."""

from __future__ import annotations

import os
import sys
import time

#: Set to a point name ("copying", "placed", "recording", "committed") to pause there.
PAUSE_ENV = "STORYRADAR_EVIDENCE_PAUSE_AT"
#: How long to pause (seconds); the test kills the process long before.
PAUSE_SECONDS_ENV = "STORYRADAR_EVIDENCE_PAUSE_S"
MARKER = "storyradar-paused-at"


def pause_point(name: str) -> None:
    """When the environment asks to pause at ``name``, say so on stderr and sleep (no-op otherwise)."""
    if os.environ.get(PAUSE_ENV) != name:
        return
    sys.stderr.write(f"{MARKER} {name}\n")
    sys.stderr.flush()
    time.sleep(float(os.environ.get(PAUSE_SECONDS_ENV, "60")))
