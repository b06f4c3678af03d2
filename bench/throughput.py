#!/usr/bin/env python3
"""End-to-end throughput and peak memory of dyad beside natasha's own pipeline.

usage: python bench/throughput.py [CORPUS.jsonl] [--limit N] [--repeat K] [--jobs 1 2]

Default corpus: ../shared/corpus/ru-news.jsonl (the first N articles with --limit, the
whole corpus K times with --repeat). Each measurement runs in its own process, so peak
memory is that measurement's alone:
  natasha  segment+morph+syntax+NER on the texts (already in memory), nothing else;
  dyad     `dyad.coding.code_parallel(read_inputs(corpus))` with the events serialised
           to JSON: reading, encoding and language detection, cleaning, parsing, actors,
           events, dates, places.
Both use the same worker layout: jobs=1 in the measuring process; jobs=N a pool of N
spawned workers, models loaded (and a warm-up batch run) before the clock starts.
BLAS threads are pinned to one per process. Reported: wall time, CPU time of the
measurement's processes (this machine may be shared: CPU time is the steadier figure),
articles/s, characters/s per core, peak RSS (sum over the process tree, sampled every
0.1 s, and the largest single process), and the ratio dyad/natasha per job count.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from itertools import islice
from multiprocessing import get_context
from pathlib import Path
from typing import Any

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "corpus" / "ru-news.jsonl"
WARM_UP = 16


class PeakMemory:
    """Samples the RSS of this process and its children (MB) until stopped."""

    def __init__(self, every: float = 0.1) -> None:
        import psutil

        self.process = psutil.Process()
        self.every, self.total, self.single = every, 0.0, 0.0
        self.done = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def sample(self) -> None:
        sizes = []
        for proc in [self.process, *self.process.children(recursive=True)]:
            try:
                sizes.append(proc.memory_info().rss / 2**20)
            except Exception:  # noqa: BLE001 (a worker may exit between list and read)
                continue
        self.total = max(self.total, sum(sizes))
        self.single = max(self.single, max(sizes, default=0.0))

    def run(self) -> None:
        while not self.done.wait(self.every):
            self.sample()

    def __enter__(self) -> PeakMemory:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.sample()
        self.done.set()
        self.thread.join()


def cpu_seconds() -> float:
    """User+system CPU of this process and its live children."""
    import psutil

    total = 0.0
    for proc in [psutil.Process(), *psutil.Process().children(recursive=True)]:
        try:
            times = proc.cpu_times()
            total += times.user + times.system
        except Exception:  # noqa: BLE001
            continue
    return total


def rows_of(path: Path, limit: int | None) -> Iterator[dict]:
    with path.open(encoding="utf-8") as handle:
        rows = (json.loads(line) for line in handle if line.strip())
        yield from islice(rows, limit)


def corpus_file(path: Path, limit: int | None, repeat: int) -> Path:
    """The benchmark input: the first `limit` articles, `repeat` times, ids made unique."""
    out = Path(tempfile.mkstemp(suffix=".jsonl", prefix="dyad-bench-")[1])
    with out.open("w", encoding="utf-8") as handle:
        for copy in range(repeat):
            for row in rows_of(path, limit):
                row["id"] = f"{row['id']}#{copy}"
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return out


# natasha alone ------------------------------------------------------------------------

def natasha_load() -> None:
    from dyad.nlp.ru import shared_parser

    shared_parser()


def natasha_batch(texts: list[str]) -> int:
    from natasha import Doc

    from dyad.nlp.ru import shared_parser

    parser = shared_parser()
    for text in texts:
        doc = Doc(text)
        doc.segment(parser.segmenter)
        doc.tag_morph(parser.morph)
        doc.parse_syntax(parser.syntax)
        doc.tag_ner(parser.ner)
    return 0


def natasha_run(path: Path, jobs: int) -> dict[str, Any]:
    texts = [row["text"] for row in rows_of(path, None)]
    batches = [texts[i:i + 8] for i in range(0, len(texts), 8)]
    if jobs == 1:
        natasha_load()
        return timed(lambda: [natasha_batch(b) for b in batches], len(texts), texts)
    with get_context("spawn").Pool(jobs, initializer=natasha_load) as pool:
        pool.map(natasha_batch, [texts[:1]] * WARM_UP, chunksize=1)
        return timed(lambda: pool.map(natasha_batch, batches, chunksize=1), len(texts), texts)


# dyad end to end ----------------------------------------------------------------------

def dyad_run(path: Path, jobs: int) -> dict[str, Any]:
    from dyad.coding import Tally, code_parallel, worker_pool
    from dyad.ingest.readers import read_inputs

    def code(pool: Any) -> dict[str, int]:
        tally, events = Tally(), 0
        for _, coded in code_parallel(read_inputs([str(path)]), tally, jobs, pool=pool):
            events += len([json.dumps(e.to_dict(), ensure_ascii=False) for e in coded])
        return {"events": events, "coded": tally.articles, "failed": len(tally.problems),
                "reasons": ", ".join(f"{code} x{n}" for code, n in tally.skipped_by_code())}

    texts = [row["text"] for row in rows_of(path, None)]
    if jobs == 1:
        from dyad.ingest.language import detector
        from dyad.pipeline import shared_pipeline

        shared_pipeline(), detector()
        return timed(lambda: code(None), len(texts), texts)
    warm = corpus_file(path, WARM_UP, 1)
    with worker_pool(jobs) as pool:
        list(code_parallel(read_inputs([str(warm)]), Tally(), jobs, batch=1, pool=pool))
        return timed(lambda: code(pool), len(texts), texts)


def timed(work: Callable[[], Any], articles: int, texts: list[str]) -> dict[str, Any]:
    with PeakMemory() as memory:
        cpu, start = cpu_seconds(), time.perf_counter()
        result = work()
        wall, cpu = time.perf_counter() - start, cpu_seconds() - cpu
    return {"articles": articles, "chars": sum(map(len, texts)), "wall": wall, "cpu": cpu,
            **(result if isinstance(result, dict) else {}),
            "peak_total_mb": memory.total, "peak_single_mb": memory.single}


# driver -------------------------------------------------------------------------------

def measure(engine: str, path: Path, jobs: int) -> dict[str, Any]:
    """Run one measurement in a fresh process and return what it printed."""
    command = [sys.executable, __file__, str(path), "--measure", engine,
               "--jobs", str(jobs)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{engine} jobs={jobs} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def line(name: str, jobs: int, r: dict[str, Any]) -> str:
    per_core = r["chars"] / r["wall"] / jobs
    return (f"{name:<8} jobs={jobs}  {r['articles'] / r['wall']:6.1f} articles/s  "
            f"{per_core:8,.0f} chars/s/core  wall {r['wall']:7.1f} s  cpu {r['cpu']:7.1f} s"
            f"  ({r['articles'] / r['cpu']:5.1f} articles/cpu-s)  peak RSS "
            f"{r['peak_total_mb']:,.0f} MB total, {r['peak_single_mb']:,.0f} MB largest")


def report(results: dict[tuple[str, int], dict[str, Any]], jobs: list[int]) -> None:
    for j in jobs:
        nat, dyad = results[("natasha", j)], results[("dyad", j)]
        print(line("natasha", j, nat))
        print(line("dyad", j, dyad) + f"  {dyad['events']} events, {dyad['coded']} coded, "
              f"{dyad['failed']} skipped ({dyad.get('reasons') or 'none'})")
        print(f"ratio dyad/natasha jobs={j}: {nat['wall'] / dyad['wall']:.2f} by wall time, "
              f"{nat['cpu'] / dyad['cpu']:.2f} by CPU time")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--repeat", type=int, default=1, help="the corpus K times")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--measure", choices=["natasha", "dyad"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        run = natasha_run if args.measure == "natasha" else dyad_run
        print(json.dumps(run(args.corpus, args.jobs[0])))
        return
    path = corpus_file(args.corpus, args.limit, args.repeat)
    try:
        texts = [row["text"] for row in rows_of(path, None)]
        print(f"corpus: {args.corpus.name} x{args.repeat}, {len(texts)} articles, "
              f"{sum(map(len, texts)):,} characters; {os.cpu_count()} cores", flush=True)
        results = {(engine, j): measure(engine, path, j)
                   for j in args.jobs for engine in ("natasha", "dyad")}
        report(results, args.jobs)
    finally:
        path.unlink()


if __name__ == "__main__":
    main()
