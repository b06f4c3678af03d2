from pathlib import Path

import pytest

from dyad.errors import InputError
from dyad.ingest.shards import COLUMNS, flatten, read_shards, unflatten, write_shard
from dyad.records import Actor, Event, Evidence, Place

FIXTURES = Path(__file__).parent / "fixtures"


def event(place: Place | None, sentence: int = 0) -> Event:
    return Event(article_id="a1", sentence=sentence,
                 source=Actor("Ильхам Алиев", "AZE", "GOV", "Ильхам Алиев"),
                 target=Actor("России", "RUS", "", None), cameo="041", cameo_root="04",
                 quad_class=1, goldstein=1.0, plover_type="CONSULT", plover_mode="phone",
                 status="asserted", evidence=Evidence("Алиев позвонил", 10, 24),
                 trigger="позвонил", date="2025-10-07", place=place, implicit_target=True)


PLACES = [None, Place("Москва", "RUS", 55.75, 37.62), Place("Ханкенди", None)]


@pytest.mark.parametrize("place", PLACES)
def test_flat_row_has_every_column_and_round_trips(place):
    row = flatten(event(place).to_dict())
    assert list(row) == [name for name, _ in COLUMNS] or set(row) == {n for n, _ in COLUMNS}
    assert unflatten(row) == event(place).to_dict()


def test_shards_read_back_in_name_order(tmp_path):
    events = [[event(p, i).to_dict() for i, p in enumerate(PLACES)], [], [event(None, 9)
                                                                        .to_dict()]]
    for index, shard in reversed(list(enumerate(events))):
        write_shard(shard, tmp_path / f"part-{index:05d}.parquet")
    assert list(read_shards(tmp_path)) == [e for shard in events for e in shard]
    assert list(read_shards(tmp_path / "part-00002.parquet")) == events[2]
    assert not list(tmp_path.glob("*.partial"))


@pytest.mark.parametrize("content", [b"not parquet at all", b""])
def test_a_file_that_is_not_a_shard_is_named(tmp_path, content):
    path = tmp_path / "part-00000.parquet"
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        list(read_shards(tmp_path))
    assert caught.value.code == "D049" and "part-00000.parquet" in str(caught.value)


def test_a_parquet_file_without_event_columns_is_named(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"x": [1]}), tmp_path / "other.parquet")
    with pytest.raises(InputError) as caught:
        list(read_shards(tmp_path / "other.parquet"))
    assert caught.value.code == "D049" and "missing article_id" in str(caught.value)
