"""`dyad relations A B [--by day|week|month]`: two entities' relations over time."""

from __future__ import annotations

import click

from dyad.analysis import render
from dyad.analysis.relations import PERIODS, relations
from dyad.cli.storeopts import check_day, db_option, period_options
from dyad.store import Store

VIEWS = {"table": render.relations_table, "csv": render.relations_csv,
         "json": render.relations_json}


@click.command("relations")
@click.argument("a")
@click.argument("b")
@click.option("--by", type=click.Choice(PERIODS), default="month", show_default=True,
              help="Period of the time series.")
@period_options
@click.option("--format", "view", type=click.Choice(tuple(VIEWS)), default="table",
              show_default=True)
@db_option
def relations_cli(a: str, b: str, by: str, start: str | None, end: str | None, view: str,
                  db: str | None) -> None:
    """Story events between entities A and B (e.g. AZE RUS), both directions, per period."""
    start, end = check_day("--from", start), check_day("--to", end)
    with Store(db, must_exist=True) as store:
        result = relations(store, a.upper(), b.upper(), by, start, end)
    click.echo(VIEWS[view](result))
