"""`dyad ingest INPUT... [--db URL]`: code articles into the event store."""

from __future__ import annotations

import sys

import click

from dyad.cli.storeopts import db_option
from dyad.store import Store
from dyad.store.dialect import display
from dyad.store.ingest import IngestReport, ingest_inputs


def summary(store: Store, report: IngestReport) -> str:
    rate = report.stored / report.seconds if report.seconds else 0.0
    counts = store.counts()
    return (f"dyad: {report.stored} articles stored ({report.events} events, "
            f"{report.new_stories} new stories), {len(report.duplicates)} already stored, "
            f"{len(report.problems)} items skipped in {report.seconds:.1f} s "
            f"({rate:.1f} articles/s)\n"
            f"dyad: store {display(store.url)} ({store.kind}, schema {store.version()}): "
            f"{counts['articles']} articles, {counts['events']} events, "
            f"{counts['stories']} stories")


def exit_code(report: IngestReport) -> int:
    if report.problems and not report.seen:
        return 2
    return 1 if report.problems else 0


@click.command("ingest")
@click.argument("inputs", nargs=-1, required=True)
@db_option
@click.option("--published", metavar="YYYY-MM-DD",
              help="Publication date for articles that carry none (plain text, stdin).")
@click.option("--lang", default=None, help="Language of articles that carry none (ru).")
def ingest_cli(inputs: tuple[str, ...], db: str | None, published: str | None,
               lang: str | None) -> None:
    """Code articles into the store; an article already stored (same id or text) is skipped."""
    report = IngestReport()
    with Store(db) as store:
        for outcome in ingest_inputs(store, list(inputs), report, published, lang):
            if not outcome.stored:
                click.echo(f"dyad: {outcome.article_id}: {outcome.reason}, skipped", err=True)
        for _item, error in report.problems:
            click.echo(f"dyad: skipped: {error}", err=True)
        click.echo(summary(store, report), err=True)
    sys.exit(exit_code(report))
