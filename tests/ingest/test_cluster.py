"""The Dask engine on a one-worker LocalCluster codes the same events as the local one."""

import json
from pathlib import Path

import pytest

from dyad.coding import Tally, code_inputs
from dyad.ingest.cluster import code_on_cluster
from dyad.ingest.shards import read_shards

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as local:
        yield local


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    text = (FIXTURES / "news.utf8.txt").read_text(encoding="utf-8")
    rows = [{"id": f"n{i}", "text": text, "published": "2025-10-07"} for i in range(3)]
    path = tmp_path_factory.mktemp("in") / "three.jsonl"
    lines = [json.dumps(r, ensure_ascii=False) for r in rows] + ["{bad"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [str(path), str(FIXTURES)]


def test_dask_engine_writes_the_local_engines_events(cluster, inputs, tmp_path, pipeline):
    local = Tally()
    expected = [e.to_dict() for _, events in code_inputs(inputs, local) for e in events]
    tally = Tally()
    shards = code_on_cluster(inputs, tally, cluster.scheduler_address, str(tmp_path),
                             shard_size=4)
    assert [s.name for s in shards] == ["part-00000.parquet", "part-00001.parquet",
                                        "part-00002.parquet"]
    assert list(read_shards(tmp_path)) == expected and len(expected) >= 12
    assert (tally.articles, tally.events) == (local.articles, local.events)
    assert [p.error.code for p in tally.problems] == ["D002"]
