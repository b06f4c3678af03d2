"""Coding many articles: read inputs, code each, report the items that could not be coded."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from dyad.ingest.readers import Problem, read_inputs
from dyad.records import Article, Event


@dataclass
class Tally:
    articles: int = 0
    events: int = 0
    problems: list[Problem] = field(default_factory=list)


def code_articles(articles: Iterator[Article | Problem], tally: Tally) -> Iterator[
        tuple[Article, list[Event]]]:
    from dyad.pipeline import shared_pipeline

    pipeline = None
    for item in articles:
        if isinstance(item, Problem):
            tally.problems.append(item)
            continue
        pipeline = pipeline or shared_pipeline()
        events = pipeline.code(item)
        tally.articles += 1
        tally.events += len(events)
        yield item, events


def code_inputs(names: list[str], tally: Tally, published: str | None = None,
                lang: str | None = None) -> Iterator[tuple[Article, list[Event]]]:
    return code_articles(read_inputs(names, published, lang), tally)
