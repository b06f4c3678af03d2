"""`dyad top [--from --to] [--limit N]`: the most active directed dyads in the store."""

from __future__ import annotations

import click

from dyad.analysis.render import top_table
from dyad.analysis.top import top_dyads
from dyad.cli.storeopts import check_day, db_option, period_options
from dyad.store import Store


@click.command("top")
@period_options
@click.option("--limit", type=int, default=10, show_default=True,
              help="How many dyads (0: all).")
@db_option
def top_cli(start: str | None, end: str | None, limit: int, db: str | None) -> None:
    """Directed dyads (source -> target) by story events, asserted and claimed."""
    start, end = check_day("--from", start), check_day("--to", end)
    with Store(db, must_exist=True) as store:
        rows = store.stories(start=start, end=end)
    click.echo(top_table(top_dyads(rows, limit)))
