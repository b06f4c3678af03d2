"""The store on every back-end: migrations, idempotent ingest, atomicity, dedup, readers."""

import threading

import pytest

from dyad.analysis import dedup
from dyad.errors import StoreError
from dyad.records import Place
from dyad.store import Store
from dyad.store.dialect import connect
from dyad.store.migrate import Migration, bundled, migrate
from tests.store.events import article, event

TABLES = ("articles", "events", "mentions", "schema_version")


def test_migrations_apply_on_an_empty_store_in_order(store_url):
    with Store(store_url) as store:
        assert store.applied == [f"{m.version:04d}_{m.name}" for m in bundled()]
        assert store.version() == bundled()[-1].version == 3
        for table in TABLES:
            assert store.reader().one(f"SELECT COUNT(*) AS n FROM {table}") is not None


def test_migrations_are_a_no_op_on_a_current_store(store_url):
    with Store(store_url) as first:
        first.add(article("a1"), [event("a1")])
    with Store(store_url) as again:
        assert again.applied == []
        rows = again.reader().execute("SELECT version FROM schema_version ORDER BY version")
        assert [r["version"] for r in rows] == [1, 2, 3]
        assert again.counts()["events"] == 1


def test_a_store_newer_than_this_dyad_is_refused(store_url):
    with Store(store_url) as store:
        with store.writer.transaction() as db:
            db.execute("INSERT INTO schema_version (version, name, applied_at) "
                       "VALUES (99, 'future', 'x')")
    with pytest.raises(StoreError) as caught:
        Store(store_url)
    assert caught.value.code == "D022"


def test_a_failing_migration_leaves_the_schema_untouched(store_url):
    db = connect(store_url)
    steps = [Migration(1, "good", "CREATE TABLE good (id INTEGER);"),
             Migration(2, "bad", "CREATE TABLE broken (id INTEGER;")]
    try:
        with pytest.raises(StoreError) as caught:
            migrate(db, store_url, steps)
        assert caught.value.code == "D023" and "0002_bad" in str(caught.value)
        with pytest.raises(Exception):  # noqa: B017 - either driver's "no such table"
            db.execute("SELECT * FROM good")
    finally:
        db.close()


def test_the_same_article_twice_is_stored_once(store):
    first = store.add(article("a1"), [event("a1"), event("a1", root="05")])
    again = store.add(article("a1"), [event("a1")])
    assert first.stored and first.events == 2
    assert not again.stored and again.reason == "already stored"
    assert store.counts() == {"articles": 1, "events": 2, "mentions": 2, "stories": 2}


def test_the_same_text_under_another_id_is_stored_once(store):
    store.add(article("a1", text="Один и тот же текст."), [event("a1")])
    copy = store.add(article("copy", text="Один  и тот же\nтекст."), [event("copy")])
    assert not copy.stored and "'a1'" in copy.reason
    assert store.counts()["articles"] == 1


def test_every_field_of_the_event_contract_round_trips(store):
    place = Place(name="Баку", country="AZE", lat=40.4, lon=49.9)
    original = event("a1", place=place, date="2025-10", cameo="041", text="Алиев позвонил")
    original.implicit_target = True
    store.add(article("a1"), [original])
    row = next(store.events())
    wanted = original.to_dict()
    assert row["article_id"] == wanted["article_id"] and row["sentence"] == 0
    for side in ("source", "target"):
        for key in ("text", "entity", "role", "code", "name"):
            assert row[f"{side}_{key}"] == wanted[side][key]
    for key in ("cameo", "cameo_root", "quad_class", "goldstein", "status", "date", "trigger"):
        assert row[key] == wanted[key]
    assert (row["plover_type"], row["plover_mode"]) == ("CONSULT", "phone")
    assert (row["place_name"], row["place_country"], row["place_lat"], row["place_lon"]) == (
        "Баку", "AZE", 40.4, 49.9)
    assert (row["evidence_text"], row["evidence_start"], row["evidence_end"]) == (
        "Алиев позвонил", 0, 14)
    assert bool(row["implicit_target"]) is True
    assert row["day"] == "2025-10-07"  # partial date inside the publication month


def test_a_failure_mid_article_leaves_no_rows(store):
    broken = event("a1")
    broken.cameo = None  # NOT NULL: the second event's insert fails after the article's
    with pytest.raises(StoreError) as caught:
        store.add(article("a1"), [event("a1"), broken])
    assert caught.value.code == "D026"
    assert store.counts() == {"articles": 0, "events": 0, "mentions": 0, "stories": 0}
    assert store.add(article("a1"), [event("a1")]).stored


def test_an_exception_after_the_events_are_written_rolls_them_back(store, monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("dedup crashed")

    monkeypatch.setattr(dedup, "assign", fail)
    with pytest.raises(RuntimeError):
        store.add(article("a1"), [event("a1"), event("a1", root="17")])
    assert store.counts()["articles"] == 0 and store.counts()["events"] == 0


def test_two_articles_reporting_one_event_make_one_story(store):
    store.add(article("a1", source="ТАСС"), [event("a1", date="2025-10-07")])
    store.add(article("a2", source="Интерфакс", published="2025-10-08"),
              [event("a2", date=None)])
    store.add(article("a3", source="ТАСС", published="2025-10-08"),
              [event("a3", date="2025-10")])
    stories = store.stories()
    assert len(stories) == 1
    story = stories[0]
    assert (story["num_mentions"], story["num_articles"], story["num_sources"]) == (3, 3, 2)
    assert [r["article_id"] for r in store.mentions_of(story["story_id"])] == ["a1", "a2", "a3"]
    assert store.counts()["events"] == 3  # nothing is deleted


@pytest.mark.parametrize("different", [
    {"target": "ARM"},
    {"source": "TUR"},
    {"root": "17"},
    {"date": "2025-09-30"},
    {"status": "negated"},
    {"status": "hypothetical"},
    {"place": Place(name="Москва", country="RUS")},
    {"target": None},
])
def test_different_events_stay_apart(store, different):
    store.add(article("a1"), [event("a1", place=Place(name="Баку", country="AZE"))])
    store.add(article("a2"), [event("a2", **different)])
    assert store.counts()["stories"] == 2


def test_an_undated_report_far_from_the_first_publication_is_a_new_story(store):
    store.add(article("a1", published="2025-10-07"), [event("a1", date=None)])
    store.add(article("a2", published="2025-10-20"), [event("a2", date=None)])
    assert store.counts()["stories"] == 2


def test_stories_filter_by_dyad_both_ways_and_by_day(store):
    store.add(article("a1", published="2025-01-05"),
              [event("a1", date="2025-01-05"), event("a1", "RUS", "AZE", "17", "2025-02-01")])
    store.add(article("a2", published="2025-03-01"), [event("a2", "ARM", "AZE", "11", None)])
    both = store.stories("AZE", "RUS", both_ways=True)
    assert [(r["source_entity"], r["day"]) for r in both] == [("AZE", "2025-01-05"),
                                                              ("RUS", "2025-02-01")]
    assert len(store.stories("AZE", "RUS")) == 1
    assert [r["day"] for r in store.stories(start="2025-01-06")] == ["2025-02-01", "2025-03-01"]
    assert [r["day"] for r in store.stories(end="2025-01-31")] == ["2025-01-05"]


def test_readers_in_threads_see_committed_articles(store):
    store.add(article("a0"), [event("a0")])
    seen, errors = [], []

    def read():
        try:
            seen.append(store.counts()["articles"])
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=read) for _ in range(4)]
    for thread in threads:
        thread.start()
    store.add(article("a1"), [event("a1", root="17")])
    for thread in threads:
        thread.join()
    assert not errors and len(seen) == 4 and all(n in (1, 2) for n in seen)
    assert store.counts()["articles"] == 2


def test_default_store_is_dyad_db_or_dollar_dyad_db(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DYAD_DB", raising=False)
    with Store() as store:
        store.add(article("a1"), [])
    assert (tmp_path / "dyad.db").exists()
    monkeypatch.setenv("DYAD_DB", str(tmp_path / "elsewhere.db"))
    Store().close()
    assert (tmp_path / "elsewhere.db").exists()


@pytest.mark.parametrize("url, code", [
    ("mysql://localhost/x", "D021"),
    ("missing/nowhere.db", "D024"),
    ("postgresql://nobody:secret@127.0.0.1:1/none", "D020"),
])
def test_bad_store_urls_have_coded_errors(tmp_path, monkeypatch, url, code):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(StoreError) as caught:
        Store(url, must_exist=True)
    assert caught.value.code == code and "secret" not in str(caught.value)
