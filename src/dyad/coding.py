"""Coding many articles: read inputs, code each, report the items that could not be coded.

`code_articles` codes in this process; `code_parallel` spreads the articles over worker
processes (the pipeline loads once per worker, in the pool's initializer) and keeps at
most a small window of batches in flight, so a stream of any length runs in bounded
memory. Ordered output (the default) is identical to coding in one process; unordered
output yields each batch as soon as it is done.
"""

from __future__ import annotations

import gc
import importlib
import multiprocessing
import os
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sized
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any

from dyad.errors import DyadError, InputError
from dyad.ingest.readers import Problem, read_inputs
from dyad.records import Article, Event

BATCH = 8
MAX_BATCH_CHARS = 400_000
WINDOW_PER_JOB = 3
CODER_ENV = "DYAD_CODER"
Coded = tuple[Article, list[Event]]
Coder = Callable[[Article], list[Event]]


@dataclass
class Tally:
    articles: int = 0
    events: int = 0
    characters: int = 0
    problems: list[Problem] = field(default_factory=list)
    started: float = field(default_factory=time.perf_counter)

    def add(self, article: Article, events: Sized) -> None:
        self.articles += 1
        self.events += len(events)
        self.characters += len(article.text)

    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    def skipped_by_code(self) -> list[tuple[str, int]]:
        return Counter(p.error.code for p in self.problems).most_common()


def all_cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
        os.cpu_count() or 1)


@dataclass(frozen=True)
class Hooked:
    """A coder named by $DYAD_CODER (`module:function`, article -> events), shaped like
    the pipeline. For tests and benchmarks that need coding to be fast or deterministic."""

    code: Coder


def hooked_coder(spec: str) -> Hooked:
    module, _, name = spec.partition(":")
    try:
        function = getattr(importlib.import_module(module), name) if name else None
    except (ImportError, AttributeError, ValueError) as exc:
        raise DyadError("D073", value=spec, reason=f"{type(exc).__name__}: {exc}") from exc
    if not callable(function):
        raise DyadError("D073", value=spec, reason="not a callable")
    return Hooked(function)


def coding_pipeline() -> Any:
    """What codes articles here: the $DYAD_CODER hook when set, else the shared pipeline."""
    spec = os.environ.get(CODER_ENV)
    if spec:
        return hooked_coder(spec)
    from dyad.pipeline import shared_pipeline

    return shared_pipeline()


def check_hook() -> None:
    """Resolve $DYAD_CODER here, so that a bad one stops the run with D073 before any
    worker starts (in a worker it would only break the pool)."""
    spec = os.environ.get(CODER_ENV)
    if spec:
        hooked_coder(spec)


def code_one(pipeline: Any, article: Article) -> list[Event] | str:
    """Events of one article, or the reason the pipeline failed on it (a plain string,
    so that it crosses process boundaries; `settle` turns it into a Problem)."""
    try:
        return pipeline.code(article)
    except Exception as exc:  # noqa: BLE001 (one bad article must not stop the others)
        return f"{type(exc).__name__}: {exc}"


def settle(article: Article, result: list[Any] | str, tally: Tally) -> Coded | None:
    """Count one article's result in the tally; its (article, events) or None."""
    if isinstance(result, str):
        error = InputError("D048", item=article.id, reason=result)
        tally.problems.append(Problem(article.id, error))
        return None
    tally.add(article, result)
    return article, result


def articles_only(items: Iterable[Article | Problem], tally: Tally) -> Iterator[Article]:
    for item in items:
        if isinstance(item, Problem):
            tally.problems.append(item)
        else:
            yield item


def code_articles(articles: Iterable[Article | Problem], tally: Tally) -> Iterator[Coded]:
    pipeline = None
    for article in articles_only(articles, tally):
        pipeline = pipeline or coding_pipeline()
        coded = settle(article, code_one(pipeline, article), tally)
        if coded:
            yield coded


def load_worker() -> None:
    """Pool initializer: one BLAS thread per worker, models loaded before the first task.
    What is loaded lives as long as the worker: `gc.freeze` moves it out of the garbage
    collector's sight, so that its full collections scan only what articles allocate
    (the models, dictionaries and gazetteer are some 360,000 objects)."""
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    coding_pipeline()
    gc.collect()
    gc.freeze()


def code_batch(batch: list[Article]) -> list[list[Event] | str]:
    pipeline = coding_pipeline()
    return [code_one(pipeline, article) for article in batch]


def batches(articles: Iterable[Article], size: int,
            max_chars: int = MAX_BATCH_CHARS) -> Iterator[list[Article]]:
    """Batches of `size` articles, closed early once they hold `max_chars` characters,
    so that the batches in flight stay small in memory however long the articles are."""
    batch: list[Article] = []
    chars = 0
    for article in articles:
        batch.append(article)
        chars += len(article.text)
        if len(batch) >= size or chars >= max_chars:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


Pending = deque[tuple[list[Article], Future]]


def next_done(pending: Pending, ordered: bool) -> tuple[list[Article], list]:
    """The oldest batch (ordered) or the first finished one (unordered), with results."""
    if not ordered:
        wait([future for _, future in pending], return_when=FIRST_COMPLETED)
        done = next(entry for entry in pending if entry[1].done())
        pending.remove(done)
        return done[0], done[1].result()
    batch, future = pending.popleft()
    return batch, future.result()


def drain(batch: list[Article], results: list, tally: Tally) -> Iterator[Coded]:
    for article, result in zip(batch, results, strict=True):
        coded = settle(article, result, tally)
        if coded:
            yield coded


def worker_pool(jobs: int) -> ProcessPoolExecutor:
    """`jobs` spawned worker processes, each loading the pipeline once."""
    return ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn"),
                               initializer=load_worker)


def code_parallel(articles: Iterable[Article | Problem], tally: Tally, jobs: int,
                  ordered: bool = True, batch: int = BATCH,
                  pool: ProcessPoolExecutor | None = None) -> Iterator[Coded]:
    """Code over `jobs` worker processes (or over `pool`, kept open by the caller);
    jobs <= 1 and no pool codes in this process. A worker that dies (killed, out of
    memory) stops the run with D050; what was yielded before stays."""
    if jobs <= 1 and pool is None:
        yield from code_articles(articles, tally)
        return
    if pool is None:
        check_hook()
        with worker_pool(jobs) as own:
            yield from code_parallel(articles, tally, jobs, ordered, batch, own)
        return
    try:
        yield from windowed(articles, tally, jobs, ordered, batch, pool)
    except BrokenProcessPool as exc:
        raise DyadError("D050", jobs=jobs, reason=str(exc)) from exc


def windowed(articles: Iterable[Article | Problem], tally: Tally, jobs: int, ordered: bool,
             batch: int, pool: ProcessPoolExecutor) -> Iterator[Coded]:
    window = WINDOW_PER_JOB * jobs
    pending: Pending = deque()
    for chunk in batches(articles_only(articles, tally), batch):
        pending.append((chunk, pool.submit(code_batch, chunk)))
        if len(pending) >= window:
            yield from drain(*next_done(pending, ordered), tally)
    while pending:
        yield from drain(*next_done(pending, ordered), tally)


def code_inputs(names: list[str], tally: Tally, published: str | None = None,
                lang: str | None = None, jobs: int = 1,
                ordered: bool = True) -> Iterator[Coded]:
    return code_parallel(read_inputs(names, published, lang), tally, jobs, ordered)
