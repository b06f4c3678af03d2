from pathlib import Path

import pytest

from dyad.errors import InputError
from dyad.ingest.feeds import headline, parse_feed, strip_markup
from dyad.ingest.readers import Problem, read_inputs

FIXTURES = Path(__file__).parent / "fixtures"
TEXT = (FIXTURES / "news.utf8.txt").read_text(encoding="utf-8")
FIRST_SENTENCE = TEXT.split(". ")[0]


@pytest.mark.parametrize(("name", "count"), [("feed.rss", 2), ("feed.atom", 1)])
def test_feed_entries_carry_link_date_and_text(name, count):
    entries = parse_feed((FIXTURES / name).read_bytes(), name)
    assert len(entries) == count
    first = entries[0]
    assert first.link == "https://news.example.org/2025/10/07/zvonok-iz-baku"
    assert first.published == "2025-10-07" and first.title == "Звонок из Баку"
    assert first.text.startswith("Звонок из Баку.\n\n" + FIRST_SENTENCE)
    assert "<p>" not in first.text and first.source == "Новости Кавказа"


def test_atom_prefers_full_content_to_summary():
    [entry] = parse_feed((FIXTURES / "feed.atom").read_bytes(), "feed.atom")
    assert "Лавров" in entry.text and "провели телефонный" not in entry.text


@pytest.mark.parametrize(("title", "expected"), [
    ("Звонок из Баку", "Звонок из Баку."), ("Кто звонил?", "Кто звонил?"), (None, None),
])
def test_headline_ends_its_sentence(title, expected):
    assert headline(title) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("<p>Один.</p><p>Два &amp; три.</p>", "Один.\nДва & три."),
    ("Строка<br/>вторая", "Строка\nвторая"),
    ("  <b>жирный</b>   текст ", "жирный текст"),
])
def test_strip_markup(value, expected):
    assert strip_markup(value) == expected


@pytest.mark.parametrize("raw", [b"<?xml version='1.0'?><rss><channel><item>", b"\x00\x01"])
def test_broken_feed_is_an_error(raw):
    with pytest.raises(InputError) as caught:
        parse_feed(raw, "broken.rss")
    assert caught.value.code == "D045" and "broken.rss" in str(caught.value)


def test_empty_entry_is_reported_and_the_others_go_on(tmp_path):
    raw = (FIXTURES / "feed.rss").read_text(encoding="utf-8").replace(
        "<title>Погода</title>", "").replace(
        "<description>В Москве", "<description_>").replace("тепла.</description>", "")
    path = tmp_path / "feed.xml"
    path.write_text(raw, encoding="utf-8")
    items = list(read_inputs([str(path)]))
    assert [type(i).__name__ for i in items] == ["Article", "Problem"]
    problem = items[1]
    assert isinstance(problem, Problem) and problem.error.code == "D046"
    assert "feed.xml: feed entry 2" in str(problem.error)
