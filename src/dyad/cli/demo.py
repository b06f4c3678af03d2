"""`dyad demo [FILE] [--db URL]`: the main job end to end on the bundled sample corpus.

Codes the articles into the embedded store (events printed as they are found), then shows
the busiest dyads and the relations of the two busiest pairs, and where the dashboard is.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from dyad.analysis.relations import relations
from dyad.analysis.render import relations_table, top_table
from dyad.analysis.top import DyadActivity, top_dyads
from dyad.cli.storeopts import db_option
from dyad.records import Article, Event
from dyad.store import Store
from dyad.store.dialect import display
from dyad.store.ingest import IngestReport, ingest_inputs

SAMPLE = Path(__file__).resolve().parents[3] / "sample" / "articles.jsonl"
DEMO_DB = Path(".dyad") / "demo.db"


def line(event: Event) -> str:
    date = event.date or "----"
    return (f"  {date:<10} {event.source.code or '?':<8} {event.cameo:<5} "
            f"{event.target.code or '?':<8} {event.status:<12} {event.evidence.text[:70]}")


def printing_coder(article: Article) -> list[Event]:
    from dyad.pipeline import shared_pipeline

    events = shared_pipeline().code(article)
    click.echo(f"{article.id}  {article.published or 'no date'}  {article.title or ''}")
    for event in events:
        click.echo(line(event))
    return events


def busiest_pairs(dyads: Sequence[DyadActivity], count: int = 2) -> list[tuple[str, str]]:
    """The most active unordered country pairs, busiest first."""
    pairs: list[tuple[str, str]] = []
    for dyad in dyads:
        pair = tuple(sorted((dyad.source, dyad.target)))
        if pair[0] != pair[1] and pair not in pairs:
            pairs.append((pair[0], pair[1]))
    return pairs[:count]


def show_relations(store: Store, rows: Sequence[Any]) -> None:
    dyads = top_dyads(rows, 0)
    click.echo("\nBusiest dyads in the store:")
    click.echo(top_table(dyads[:8]))
    for a, b in busiest_pairs(dyads):
        click.echo(f"\nRelations {a}-{b} by month:")
        click.echo(relations_table(relations(store, a, b, "month")))


def dashboard_hint(db: str) -> str:
    try:
        import dyad.api  # noqa: F401
    except ImportError:
        return ""
    return (f"\nDashboard: dyad serve --db {db}  (then open http://127.0.0.1:8000/)")


@click.command("demo")
@click.argument("path", required=False, type=click.Path(exists=True, dir_okay=False))
@db_option
def demo_cli(path: str | None, db: str | None) -> None:
    """Code the sample corpus (or PATH) into the store and show how the dyads relate."""
    db = db or str(DEMO_DB)
    if "://" not in db:
        Path(db).parent.mkdir(parents=True, exist_ok=True)
    report = IngestReport()
    with Store(db) as store:
        for outcome in ingest_inputs(store, [path or str(SAMPLE)], report,
                                     coder=printing_coder):
            if not outcome.stored:
                click.echo(f"{outcome.article_id}: {outcome.reason}, already in the store")
        counts = store.counts()
        click.echo(f"\n{report.stored} articles coded ({report.events} events), "
                   f"{len(report.duplicates)} already stored, {len(report.problems)} skipped. "
                   f"Store {display(store.url)}: {counts['articles']} articles, "
                   f"{counts['events']} events, {counts['stories']} stories.")
        show_relations(store, store.stories())
    click.echo(dashboard_hint(db))
