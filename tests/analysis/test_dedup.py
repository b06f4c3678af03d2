"""Which reports are one story event: the dedup rules as a table."""

import pytest

from dyad.analysis.dedup import Report, assign, same_story, story_key


def report(event_id=1, source="AZE", target="RUS", root="04", status="asserted",
           date="2025-10-07", published="2025-10-07", place=None, country=None):
    row = {"id": event_id, "source_entity": source, "source_role": "GOV",
           "target_entity": target, "target_role": "GOV", "cameo_root": root,
           "status": status, "date": date, "published": published, "place_name": place,
           "place_country": country}
    return Report.from_row(row)


@pytest.mark.parametrize("other, same", [
    ({}, True),
    ({"date": "2025-10"}, True),
    ({"date": "2025"}, True),
    ({"date": "2025-10-08"}, False),
    ({"date": "2025-11"}, False),
    ({"date": None, "published": "2025-10-10"}, True),
    ({"date": None, "published": "2025-10-11"}, False),
    ({"date": None, "published": None}, False),
    ({"status": "claimed"}, True),
    ({"status": "negated"}, False),
    ({"status": "hypothetical"}, False),
    ({"root": "05"}, False),
    ({"target": "ARM"}, False),
    ({"target": None}, False),
    ({"place": "Баку", "country": "AZE"}, True),
])
def test_same_story_rules(other, same):
    assert same_story(report(2, **other), report(1)) is same


@pytest.mark.parametrize("a, b, same", [
    (("Баку", "AZE"), ("баку", "AZE"), True),
    (("Баку", "AZE"), ("Москва", "RUS"), False),
    (("Баку", None), ("Баку", "AZE"), True),
    (("Баку", "AZE"), ("Баку", "RUS"), False),
])
def test_places_are_compatible_when_they_name_the_same_place(a, b, same):
    first = report(1, place=a[0], country=a[1])
    second = report(2, place=b[0], country=b[1])
    assert same_story(second, first) is same


def test_assign_joins_the_oldest_compatible_story_and_starts_new_ones():
    roots = [report(5, date="2025-10"), report(3, date="2025-10-07")]
    new = [report(10), report(11, root="17"), report(12, root="17", date="2025-10")]
    assert assign(new, roots) == {10: 3, 11: 11, 12: 11}


def test_an_unknown_entity_has_no_story_key():
    assert story_key({"source_entity": None, "target_entity": "RUS"}) is None
