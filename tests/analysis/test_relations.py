"""Relations over time and the most active dyads, on a small store of known events."""

import json

import pytest

from dyad.analysis import render
from dyad.analysis.relations import (
    periods_between,
    relations,
    relations_of,
    sparkline,
    trend_of,
)
from dyad.analysis.top import top_dyads
from tests.store.events import article, event

# (article, published, source, target, CAMEO root, event date)
KNOWN = [
    ("a1", "2025-01-10", "AZE", "RUS", "04", None),          # +1.0, day from publication
    ("a2", "2025-01-21", "AZE", "RUS", "11", "2025-01-20"),  # -2.0
    ("a3", "2025-01-16", "RUS", "AZE", "11", "2025-01-15"),  # -2.0
    ("a4", "2025-03-05", "AZE", "RUS", "17", "2025-03-05"),  # -5.0
    ("a5", "2025-03-07", "AZE", "RUS", "19", "2025-03-06"),  # -10.0
    ("a6", "2025-03-10", "RUS", "AZE", "05", "2025-03-10"),  # +3.5
    ("a7", None, "RUS", "AZE", "04", None),                  # no day: skipped
    ("a8", "2025-02-02", "ARM", "AZE", "04", "2025-02-02"),  # another dyad
]


@pytest.fixture
def known(store):
    for art, published, source, target, root, date in KNOWN:
        store.add(article(art, published=published), [event(art, source, target, root, date)])
    return store


def test_monthly_counts_sums_and_verdicts(known):
    rel = relations(known, "AZE", "RUS", by="month")
    assert rel.periods == ["2025-01", "2025-02", "2025-03"] and rel.skipped == 1
    aze, rus = rel.directions
    assert aze.label == "AZE->RUS" and rus.label == "RUS->AZE"
    assert [(p.period, p.quad, p.goldstein_sum) for p in aze.series] == [
        ("2025-01", [1, 0, 1, 0], -1.0), ("2025-02", [0, 0, 0, 0], 0.0),
        ("2025-03", [0, 0, 0, 2], -15.0)]
    assert [p.goldstein_mean for p in aze.series] == [-0.5, None, -7.5]
    assert [(p.quad, p.goldstein_sum) for p in rus.series] == [
        ([0, 0, 1, 0], -2.0), ([0, 0, 0, 0], 0.0), ([1, 0, 0, 0], 3.5)]
    assert (aze.trend.verdict, aze.trend.delta) == ("cooling", -7.0)
    assert (rus.trend.verdict, rus.trend.delta) == ("warming", 5.5)
    assert rel.overall.verdict == "cooling"
    assert [s.goldstein for s in rel.overall.movers] == [-10.0, -5.0, 3.5]


def test_daily_and_weekly_periods_cover_the_span(known):
    by_day = relations(known, "AZE", "RUS", by="day")
    assert by_day.periods[0] == "2025-01-10" and by_day.periods[-1] == "2025-03-10"
    assert len(by_day.periods) == 60
    by_week = relations(known, "AZE", "RUS", by="week")
    assert by_week.periods[0] == "2025-W02" and by_week.periods[-1] == "2025-W11"
    weekly = {p.period: p.events for p in by_week.directions[0].series}
    assert weekly["2025-W02"] == 1 and weekly["2025-W04"] == 1 and weekly["2025-W10"] == 2


def test_from_and_to_bound_the_periods_and_the_events(known):
    rel = relations(known, "AZE", "RUS", by="month", start="2025-02-01", end="2025-03-31")
    assert rel.periods == ["2025-02", "2025-03"]
    assert sum(p.events for d in rel.directions for p in d.series) == 3
    assert rel.overall.verdict == "insufficient data"


def test_the_verdict_is_stable_under_the_threshold():
    rows = [{"story_id": i, "day": day, "source_entity": "AZE", "target_entity": "RUS",
             "quad_class": 1, "goldstein": g, "cameo": "040", "evidence_text": "",
             "article_id": "a", "num_mentions": 1}
            for i, (day, g) in enumerate([("2025-01-01", 1.0), ("2025-02-01", 1.9)])]
    rel = relations_of(rows, "AZE", "RUS", "month")
    assert rel.directions[0].trend.verdict == "stable"
    assert trend_of([], ["2025-01"], "month").verdict == "insufficient data"


@pytest.mark.parametrize("first, last, by, expected", [
    ("2025-01-30", "2025-02-01", "day", ["2025-01-30", "2025-01-31", "2025-02-01"]),
    ("2024-12-28", "2025-01-06", "week", ["2024-W52", "2025-W01", "2025-W02"]),
    ("2024-11-15", "2025-02-01", "month", ["2024-11", "2024-12", "2025-01", "2025-02"]),
    ("2025-03-01", "2025-03-01", "month", ["2025-03"]),
])
def test_periods_between(first, last, by, expected):
    assert periods_between(first, last, by) == expected


@pytest.mark.parametrize("values, expected", [
    ([1.0, 2.0, 3.0], "▁▅█"),
    ([-15.0, None, -1.0], "▁·█"),
    ([2.0, 2.0], "▅▅"),
    ([None, None], "··"),
    ([], ""),
])
def test_sparkline(values, expected):
    assert sparkline(values) == expected


def test_views_carry_the_same_numbers(known):
    rel = relations(known, "AZE", "RUS", by="month")
    table = render.relations_table(rel)
    assert "AZE->RUS" in table and "cooling" in table and "1 story events without" in table
    assert "2025-03         2    0    0    0    2   -15.0   -7.50" in table
    csv_lines = render.relations_csv(rel).splitlines()
    assert csv_lines[0].startswith("direction,period,events,q1_verbal_coop")
    assert "AZE->RUS,2025-03,2,0,0,0,2,-15.0,-7.5" in csv_lines and len(csv_lines) == 7
    body = json.loads(render.relations_json(rel))
    assert body["directions"][1]["trend"]["verdict"] == "warming"
    assert body["directions"][0]["series"][2]["quad_class"] == {"1": 0, "2": 0, "3": 0, "4": 2}


def test_top_lists_directed_dyads_by_stories(known):
    dyads = top_dyads(known.stories(), limit=2)
    assert [(d.label, d.stories, d.quad) for d in dyads] == [
        ("AZE->RUS", 4, [1, 0, 1, 2]), ("RUS->AZE", 3, [2, 0, 1, 0])]
    assert dyads[0].goldstein_mean == pytest.approx(-4.0)
    bounded = top_dyads(known.stories(start="2025-02-01", end="2025-02-28"))
    assert [(d.label, d.stories) for d in bounded] == [("ARM->AZE", 1)]
