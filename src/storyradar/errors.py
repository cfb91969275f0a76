"""Typed errors that name the file, the record and the reason, so the CLI can say one clear line."""

from __future__ import annotations


class StoryradarError(Exception):
    """Base error: carries where it happened (path, locator) and why (reason)."""

    def __init__(self, reason: str, *, path: str = "", locator: str = "", hint: str = "") -> None:
        self.reason = reason
        self.path = path
        self.locator = locator
        self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.path and self.locator:
            where = f"{self.path} @ {self.locator}: "
        elif self.path or self.locator:
            where = f"{self.path or self.locator}: "
        text = f"{where}{self.reason}"
        return f"{text} ({self.hint})" if self.hint else text


class IngestError(StoryradarError):
    """A source or record could not be read."""


class IncidentSpecError(StoryradarError):
    """An incident specification is invalid or ambiguous."""


class AmbiguousPlaceError(IncidentSpecError):
    """Several places share the name; ``candidates`` lists them so the user can choose."""

    def __init__(self, reason: str, candidates: list, **kwargs) -> None:
        self.candidates = candidates
        super().__init__(reason, **kwargs)


class StoreError(StoryradarError):
    """The store could not be opened, read or written."""


class NotFoundError(StoryradarError):
    """A named incident, article, claim or evidence item does not exist."""


class CustodyError(StoryradarError):
    """The evidence vault or its custody chain failed a check."""


class MissingExtraError(StoryradarError):
    """An optional dependency is not installed; the message names the pip command that brings it."""

    def __init__(self, feature: str, package: str, extra: str) -> None:
        super().__init__(
            f"{feature} needs the optional package '{package}'",
            hint=f"install it with: pip install 'storyradar[{extra}]'",
        )


class TimeError(StoryradarError):
    """A timestamp is naive without a declared zone, unparseable or out of range."""
