"""`dyad code --engine dask`: shards on a cluster, the same events as the local engine."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from dyad.cli import main
from dyad.ingest.shards import read_shards

FIXTURES = Path(__file__).resolve().parents[1] / "ingest" / "fixtures"


@pytest.fixture(scope="module")
def scheduler():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def test_dask_engine_shards_match_local_output(scheduler, tmp_path, pipeline):
    import json

    local = CliRunner().invoke(main, ["code", str(FIXTURES), "--jobs", "1"])
    result = CliRunner().invoke(main, ["code", str(FIXTURES), "--engine", "dask",
                                       "--scheduler", scheduler, "--output-dir",
                                       str(tmp_path), "--shard-size", "3"])
    assert result.exit_code == 0, result.output
    assert "wrote 3 shards" in result.stderr and "8 articles coded" in result.stderr
    expected = [json.loads(line) for line in local.stdout.splitlines()]
    assert list(read_shards(tmp_path)) == expected


@pytest.mark.parametrize(("args", "message"), [
    (["--scheduler", "local"], "--output-dir"),
    (["--output-dir", "out"], "--scheduler"),
])
def test_dask_engine_needs_a_scheduler_and_an_output_dir(args, message):
    result = CliRunner().invoke(main, ["code", str(FIXTURES), "--engine", "dask", *args])
    assert result.exit_code == 2 and message in result.output
