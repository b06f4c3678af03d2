"""`dyad export --format csv|parquet|gdelt|plover [-o FILE]`: the store in other formats."""

from __future__ import annotations

import sys

import click

from dyad.cli.storeopts import db_option
from dyad.export import FORMATS, export
from dyad.store import Store


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True,
              help="csv/parquet: one row a coded event; gdelt: GDELT 2.0 event TSV (61 "
                   "columns), one row a story event; plover: PLOVER JSON Lines.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Write here instead of standard output (required for parquet).")
@click.option("--header", is_flag=True, help="gdelt: start with a line of column names.")
@db_option
def export_cli(fmt: str, output: str | None, header: bool, db: str | None) -> None:
    """Export the store's events."""
    if fmt == "parquet" and not output:
        raise click.UsageError("parquet is binary: pass -o FILE")
    with Store(db, must_exist=True) as store:
        if fmt == "parquet":
            done = export(store, fmt, path=output)
        elif output:
            with open(output, "w", encoding="utf-8", newline="") as handle:
                done = export(store, fmt, handle, header=header)
        else:
            done = export(store, fmt, sys.stdout, header=header)
    left = ", ".join(f"{n} {why}" for why, n in done.left_out.items() if n)
    click.echo(f"dyad: {done.rows} rows exported as {fmt}"
               + (f"; left out: {left}" if left else ""), err=True)
