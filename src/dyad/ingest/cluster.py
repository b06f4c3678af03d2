"""The one adapter to Dask distributed: code articles on a cluster, write Parquet shards.

The client reads the inputs (so bad items are reported here, by name), sends batches
of `shard_size` articles to the workers and writes each batch's events as shard
`part-NNNNN.parquet`, numbered in input order, so the shards read back in order give
the same events as `dyad code --jobs 1`. Workers load the pipeline once, through a
worker plugin, and must have dyad installed. No Dask object leaves this module.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dyad.coding import Tally, articles_only, batches, code_batch, load_worker, settle
from dyad.ingest.readers import read_inputs
from dyad.ingest.shards import write_shard
from dyad.records import Article

IN_FLIGHT_PER_WORKER = 2


def pipeline_plugin() -> Any:
    from distributed.diagnostics.plugin import WorkerPlugin

    class LoadPipeline(WorkerPlugin):
        """Loads dyad's models once per worker process, before its first task."""

        name = "dyad-pipeline"

        def setup(self, worker: Any) -> None:
            load_worker()

    return LoadPipeline()


def connect(scheduler: str, jobs: int) -> tuple[Any, Any]:
    """A client for `scheduler`; 'local' starts a LocalCluster of `jobs` processes."""
    from distributed import Client, LocalCluster

    if scheduler == "local":
        cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR)
        return Client(cluster), cluster
    return Client(scheduler), None


def code_shard(batch: list[Article]) -> list[list[dict] | str]:
    """Worker side: each article's events as dicts, or the reason it failed."""
    return [r if isinstance(r, str) else [e.to_dict() for e in r] for r in code_batch(batch)]


def save(index: int, batch: list[Article], results: list, tally: Tally,
         output_dir: Path) -> Path:
    events: list[dict] = []
    for article, result in zip(batch, results, strict=True):
        if settle(article, result, tally) is not None:
            events += result
    return write_shard(events, output_dir / f"part-{index:05d}.parquet")


def submitted(client: Any, articles: Iterator[Article], size: int) -> Iterator[tuple]:
    for index, batch in enumerate(batches(articles, size)):
        yield index, batch, client.submit(code_shard, batch, pure=False)


def code_on_cluster(inputs: list[str], tally: Tally, scheduler: str, output_dir: str,
                    published: str | None = None, lang: str | None = None,
                    shard_size: int = 500, jobs: int = 1) -> list[Path]:
    """Code every input on the cluster at `scheduler`; the shards written, in order."""
    from distributed import wait

    client, cluster = connect(scheduler, jobs)
    try:
        client.register_plugin(pipeline_plugin())
        limit = IN_FLIGHT_PER_WORKER * max(len(client.scheduler_info()["workers"]), 1)
        articles = articles_only(read_inputs(inputs, published, lang), tally)
        pending: dict[Any, tuple[int, list[Article]]] = {}
        shards: list[Path] = []
        for index, batch, future in submitted(client, articles, shard_size):
            pending[future] = (index, batch)
            if len(pending) >= limit:
                shards += collect(wait(list(pending), return_when="FIRST_COMPLETED").done,
                                  pending, tally, Path(output_dir))
        while pending:
            shards += collect(list(pending), pending, tally, Path(output_dir))
        return sorted(shards)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def collect(done: Any, pending: dict, tally: Tally, output_dir: Path) -> list[Path]:
    shards = []
    for future in done:
        index, batch = pending.pop(future)
        shards.append(save(index, batch, future.result(), tally, output_dir))
    return shards
