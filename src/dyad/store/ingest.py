"""Ingest: read articles, code the ones the store does not hold yet, store each atomically."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from dyad.coding import Coder
from dyad.errors import DyadError, InputError, StoreError
from dyad.ingest.readers import Problem, read_inputs
from dyad.records import Article, Event
from dyad.store.base import Store, Stored


@dataclass
class IngestReport:
    stored: int = 0
    events: int = 0
    new_stories: int = 0
    duplicates: list[Stored] = field(default_factory=list)
    problems: list[tuple[str, DyadError]] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def seen(self) -> int:
        return self.stored + len(self.duplicates)


def pipeline_coder() -> Coder:
    """The shared pipeline's `code`, or the $DYAD_CODER hook's (see dyad.coding)."""
    from dyad.coding import coding_pipeline

    return coding_pipeline().code  # type: ignore[no-any-return]


def events_of(coder: Coder, article: Article, report: IngestReport) -> list[Event] | None:
    """The article's events, or None (reported as D048) when the coder raises on it."""
    try:
        return coder(article)
    except Exception as exc:  # noqa: BLE001 (one bad article must not stop the others)
        reason = f"{type(exc).__name__}: {exc}"
        report.problems.append((article.id, InputError("D048", item=article.id,
                                                        reason=reason)))
        return None


def ingest_articles(store: Store, items: Iterable[Article | Problem], report: IngestReport,
                    coder: Coder | None = None) -> Iterator[Stored]:
    """Code and store each new article; already stored ones are not coded again."""
    started = time.perf_counter()
    try:
        for item in items:
            if isinstance(item, Problem):
                report.problems.append((item.item, item.error))
                continue
            reason = store.known(item)
            if reason:
                report.duplicates.append(Stored(item.id, False, reason))
                yield report.duplicates[-1]
                continue
            coder = coder or pipeline_coder()
            events = events_of(coder, item, report)
            outcome = None if events is None else store_new(store, item, events, report)
            if outcome is not None:
                yield outcome
    finally:
        report.seconds += time.perf_counter() - started


def store_new(store: Store, article: Article, events: list[Event],
              report: IngestReport) -> Stored | None:
    try:
        outcome = store.add(article, events)
    except StoreError as exc:
        report.problems.append((article.id, exc))
        return None
    if outcome.stored:
        report.stored += 1
        report.events += outcome.events
        report.new_stories += outcome.new_stories
    else:
        report.duplicates.append(outcome)
    return outcome


def ingest_inputs(store: Store, names: list[str], report: IngestReport,
                  published: str | None = None, lang: str | None = None,
                  coder: Coder | None = None) -> Iterator[Stored]:
    return ingest_articles(store, read_inputs(names, published, lang), report, coder)
