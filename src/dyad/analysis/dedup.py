"""Cross-article dedup: reports of the same event become one story event.

Two coded events report the same story when
  * they have the same source entity and role, the same target entity and role and the
    same CAMEO root family (and both are negated or neither is: "did not attack" is not
    the attack); an event whose source or target entity is unknown is a story of its own;
  * their dates are compatible: equal, or one a prefix of the other (`2025-10` and
    `2025-10-07`), or one or both missing while the two articles were published at most
    `WINDOW_DAYS` days apart;
  * their places are compatible: either is missing, or both name the same place.

A new event joins the oldest compatible story (lowest story id), else starts one. Nothing
is deleted: events stay per article, `mentions` links each to its story.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date as Date
from typing import Any

WINDOW_DAYS = 3

StoryKey = tuple[str, str, str, str, str, str]
MODALITY = {"negated": "negated", "hypothetical": "hypothetical"}  # else "factual"


@dataclass(frozen=True, slots=True)
class Report:
    """What dedup compares of one coded event."""

    event_id: int
    key: StoryKey | None
    date: str | None
    published: str | None
    place_name: str | None
    place_country: str | None

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Report:
        return cls(int(row["id"]), story_key(row), row["date"], row["published"],
                   row["place_name"], row["place_country"])


def story_key(row: Mapping[str, Any]) -> StoryKey | None:
    if not row["source_entity"] or not row["target_entity"]:
        return None
    return (row["source_entity"], row["source_role"] or "", row["target_entity"],
            row["target_role"] or "", row["cameo_root"], modality(row["status"]))


def modality(status: str) -> str:
    """Asserted and claimed reports can be one story; negated or hypothetical ones are apart."""
    return MODALITY.get(status, "factual")


def days_apart(a: str | None, b: str | None) -> int | None:
    try:
        return abs((Date.fromisoformat(a[:10]) - Date.fromisoformat(b[:10])).days)  # type: ignore[index]
    except (TypeError, ValueError):
        return None


def dates_compatible(a: Report, b: Report, window: int = WINDOW_DAYS) -> bool:
    if a.date and b.date:
        return a.date.startswith(b.date) or b.date.startswith(a.date)
    apart = days_apart(a.published, b.published)
    return apart is not None and apart <= window


def places_compatible(a: Report, b: Report) -> bool:
    if not a.place_name or not b.place_name:
        return True
    if a.place_country and b.place_country and a.place_country != b.place_country:
        return False
    return a.place_name.casefold() == b.place_name.casefold()


def same_story(a: Report, b: Report, window: int = WINDOW_DAYS) -> bool:
    return (a.key is not None and a.key == b.key and dates_compatible(a, b, window)
            and places_compatible(a, b))


def assign(new: list[Report], roots: list[Report],
           window: int = WINDOW_DAYS) -> dict[int, int]:
    """Story id for each new event: the oldest compatible root, or the event itself.

    `roots` are the first reports of stories already stored; new events that start a story
    become roots for the new events after them (an article can repeat its own event).
    """
    known = sorted(roots, key=lambda r: r.event_id)
    stories: dict[int, int] = {}
    for report in sorted(new, key=lambda r: r.event_id):
        match = next((root for root in known if same_story(report, root, window)), None)
        if match is None:
            known.append(report)
            stories[report.event_id] = report.event_id
        else:
            stories[report.event_id] = match.event_id
    return stories
