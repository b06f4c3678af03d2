"""Every input kind carrying the same news text codes to the same events as the text."""

from pathlib import Path

import pytest

from dyad.coding import Tally, code_inputs

FIXTURES = Path(__file__).parent / "fixtures"


def event_keys(name: str) -> list[tuple]:
    tally = Tally()
    coded = list(code_inputs([str(FIXTURES / name)], tally, published="2025-10-07"))
    assert not tally.problems
    first = coded[0][1]
    return [(e.source.code, e.cameo, e.target.code, e.status, e.trigger) for e in first]


@pytest.fixture(scope="module")
def expected(pipeline):
    keys = event_keys("news.utf8.txt")
    assert len(keys) >= 3
    return keys


@pytest.mark.parametrize("name", ["news.cp1251.txt", "news.koi8r.txt", "news.jsonl.gz",
                                  "page.html", "feed.rss", "feed.atom"])
def test_input_kind_codes_to_the_same_events(expected, name):
    assert event_keys(name) == expected
