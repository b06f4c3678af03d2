"""The most active dyads: directed (source entity -> target entity) pairs of story events."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class DyadActivity:
    source: str
    target: str
    stories: int = 0
    mentions: int = 0
    quad: list[int] = field(default_factory=lambda: [0, 0, 0, 0])
    goldstein_sum: float = 0.0

    @property
    def label(self) -> str:
        return f"{self.source}->{self.target}"

    @property
    def goldstein_mean(self) -> float:
        return self.goldstein_sum / self.stories if self.stories else 0.0


def top_dyads(rows: Sequence[Mapping[str, Any]], limit: int = 10) -> list[DyadActivity]:
    """Directed dyads by story events (then mentions), from `Store.stories()` rows.

    Stories whose source or target entity is unknown are left out.
    """
    found: dict[tuple[str, str], DyadActivity] = {}
    for row in rows:
        source, target = row["source_entity"], row["target_entity"]
        if not source or not target:
            continue
        dyad = found.setdefault((source, target), DyadActivity(source, target))
        dyad.stories += 1
        dyad.mentions += int(row["num_mentions"] or 1)
        dyad.quad[int(row["quad_class"]) - 1] += 1
        dyad.goldstein_sum += float(row["goldstein"])
    ranked = sorted(found.values(), key=lambda d: (-d.stories, -d.mentions, d.label))
    return ranked[:limit] if limit > 0 else ranked
