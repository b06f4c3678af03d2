"""`dyad report A B -o report.html`: one dyad's dashboard view as a self-contained file."""

from __future__ import annotations

from pathlib import Path

import click

from dyad.analysis.relations import PERIODS
from dyad.cli.storeopts import check_day, db_option, period_options
from dyad.errors import DyadError
from dyad.store import Store


def write_report(path: str, html: str) -> None:
    try:
        Path(path).write_text(html, encoding="utf-8")
    except OSError as exc:
        raise DyadError("D066", path=path, reason=exc.strerror or exc) from exc


@click.command("report")
@click.argument("a")
@click.argument("b")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="The HTML file to write.")
@click.option("--by", type=click.Choice(PERIODS), default="month", show_default=True,
              help="Period of the time series.")
@period_options
@db_option
def report_cli(a: str, b: str, output: str, by: str, start: str | None, end: str | None,
               db: str | None) -> None:
    """Write entities A and B's dyad view (e.g. AZE RUS) as one HTML file, no network needed."""
    from dyad.web import build_report

    start, end = check_day("--from", start), check_day("--to", end)
    with Store(db, must_exist=True) as store:
        html = build_report(store, a, b, by, start, end)
    write_report(output, html)
    click.echo(f"dyad: report {a.upper()} - {b.upper()} written to {output} "
               f"({len(html.encode('utf-8')) // 1024} KiB)", err=True)
