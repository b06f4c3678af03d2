"""Relations over time between two entities, from the store's story events.

Each story event (the cross-article dedup of its reports, see `analysis/dedup.py`) counts
once, on its day (`store/rows.py: effective_day`: its own date, else the article's
publication day; stories with neither are skipped and counted). Only asserted and claimed
stories count. Per period (day, ISO week or month) and direction: counts by QuadClass
(1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict),
the Goldstein sum and mean.

Trend rule: the periods from the first to the last (or `--from`..`--to`) are split in two
halves (the later half takes the middle period when their number is odd); the verdict
compares the mean Goldstein score of the stories in the later half with the earlier half:
a rise of at least `THRESHOLD` points is "warming", a fall of at least `THRESHOLD` is
"cooling", anything between is "stable"; with no story in one of the halves it is
"insufficient data". The stories that moved it most are the later half's largest
|Goldstein|.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

THRESHOLD = 1.0
MOVERS = 3
BLOCKS = "▁▂▃▄▅▆▇█"
EMPTY = "·"
PERIODS = ("day", "week", "month")


@dataclass(frozen=True, slots=True)
class Story:
    story_id: int
    day: str
    source: str
    target: str
    quad_class: int
    goldstein: float
    cameo: str
    evidence: str
    article_id: str
    mentions: int

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Story:
        return cls(int(row["story_id"]), row["day"], row["source_entity"],
                   row["target_entity"], int(row["quad_class"]), float(row["goldstein"]),
                   row["cameo"], row["evidence_text"], row["article_id"],
                   int(row["num_mentions"] or 1))


@dataclass(slots=True)
class PeriodStats:
    period: str
    quad: list[int] = field(default_factory=lambda: [0, 0, 0, 0])
    goldstein_sum: float = 0.0

    @property
    def events(self) -> int:
        return sum(self.quad)

    @property
    def goldstein_mean(self) -> float | None:
        return self.goldstein_sum / self.events if self.events else None

    def add(self, story: Story) -> None:
        self.quad[story.quad_class - 1] += 1
        self.goldstein_sum += story.goldstein


@dataclass(frozen=True, slots=True)
class Trend:
    verdict: str
    early_mean: float | None
    late_mean: float | None
    delta: float | None
    movers: tuple[Story, ...]


@dataclass(frozen=True, slots=True)
class Direction:
    source: str
    target: str
    series: list[PeriodStats]
    trend: Trend

    @property
    def label(self) -> str:
        return f"{self.source}->{self.target}"


@dataclass(frozen=True, slots=True)
class Relations:
    a: str
    b: str
    by: str
    periods: list[str]
    directions: list[Direction]
    overall: Trend
    skipped: int


def period_of(day: str, by: str) -> str:
    if by == "day":
        return day
    if by == "month":
        return day[:7]
    year, week, _ = date.fromisoformat(day).isocalendar()
    return f"{year}-W{week:02d}"


def periods_between(first: str, last: str, by: str) -> list[str]:
    """Every period from the one holding day `first` to the one holding day `last`."""
    step = {"day": timedelta(days=1), "week": timedelta(days=7)}.get(by)
    current, end = date.fromisoformat(first), date.fromisoformat(last)
    if by == "week":
        current -= timedelta(days=current.weekday())
    out: list[str] = []
    while current <= end:
        label = period_of(current.isoformat(), by)
        if not out or out[-1] != label:
            out.append(label)
        current = current + step if step else next_month(current)
    return out


def next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def series_of(stories: Sequence[Story], periods: list[str], by: str) -> list[PeriodStats]:
    stats = {p: PeriodStats(p) for p in periods}
    for story in stories:
        stats[period_of(story.day, by)].add(story)
    return list(stats.values())


def mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def trend_of(stories: Sequence[Story], periods: list[str], by: str,
             threshold: float = THRESHOLD) -> Trend:
    late_periods = set(periods[len(periods) // 2:])
    early = [s for s in stories if period_of(s.day, by) not in late_periods]
    late = [s for s in stories if period_of(s.day, by) in late_periods]
    movers = tuple(sorted(late, key=lambda s: (-abs(s.goldstein), s.day, s.story_id))[:MOVERS])
    early_mean, late_mean = mean([s.goldstein for s in early]), mean([s.goldstein for s in late])
    if early_mean is None or late_mean is None:
        return Trend("insufficient data", early_mean, late_mean, None, movers)
    delta = late_mean - early_mean
    verdict = "warming" if delta >= threshold else "cooling" if delta <= -threshold else "stable"
    return Trend(verdict, early_mean, late_mean, delta, movers)


def relations_of(rows: Sequence[Mapping[str, Any]], a: str, b: str, by: str = "month",
                 start: str | None = None, end: str | None = None) -> Relations:
    """Both directions between entities `a` and `b` from story rows (`Store.stories`)."""
    if by not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {by!r}")
    dated = [Story.from_row(r) for r in rows if r["day"]]
    skipped = len(rows) - len(dated)
    days = sorted(s.day for s in dated)
    first, last = start or (days[0] if days else None), end or (days[-1] if days else None)
    periods = periods_between(first, last, by) if first and last else []
    directions = []
    for source, target in ((a, b), (b, a)):
        mine = [s for s in dated if (s.source, s.target) == (source, target)]
        directions.append(Direction(source, target, series_of(mine, periods, by),
                                    trend_of(mine, periods, by)))
    return Relations(a, b, by, periods, directions, trend_of(dated, periods, by), skipped)


def relations(store: Any, a: str, b: str, by: str = "month", start: str | None = None,
              end: str | None = None) -> Relations:
    rows = store.stories(a, b, both_ways=True, start=start, end=end)
    return relations_of(rows, a, b, by, start, end)


def sparkline(values: Sequence[float | None]) -> str:
    """One block a period, scaled from the lowest to the highest value; `·` for no events."""
    present = [v for v in values if v is not None]
    if not present:
        return EMPTY * len(values)
    low, high = min(present), max(present)
    span = high - low
    out = []
    for value in values:
        if value is None:
            out.append(EMPTY)
        elif span == 0:
            out.append(BLOCKS[len(BLOCKS) // 2])
        else:
            out.append(BLOCKS[round((value - low) / span * (len(BLOCKS) - 1))])
    return "".join(out)


def spark_values(series: Sequence[PeriodStats]) -> list[float | None]:
    return [p.goldstein_sum if p.events else None for p in series]
