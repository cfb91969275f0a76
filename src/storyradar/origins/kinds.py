"""Data: which source kinds count as posts, news, Wikipedia or video on the first-hours timeline."""

from __future__ import annotations

#: source_kind -> the family shown in the first-hours view.
FAMILY = {"telegram": "posts", "social": "posts", "tgpreview": "posts", "wikipedia": "wikipedia",
          "video": "video"}
FAMILIES = ("posts", "news", "wikipedia", "video")


def family_of(source_kind: str) -> str:
    """The family of a source kind: posts, wikipedia, video, else news."""
    return FAMILY.get(source_kind or "", "news")
