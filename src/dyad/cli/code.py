"""`dyad code INPUT... [-o OUT.jsonl]`: articles in, events out as JSON Lines."""

from __future__ import annotations

import json
import sys
from typing import IO

import click

from dyad.coding import Tally, code_inputs


def write_events(handle: IO[str], events: list[dict[str, object]]) -> None:
    for event in events:
        handle.write(json.dumps(event, ensure_ascii=False) + "\n")


def report(tally: Tally) -> None:
    for problem in tally.problems:
        click.echo(f"dyad: skipped: {problem.error}", err=True)
    click.echo(f"dyad: {tally.articles} articles coded, {tally.events} events, "
               f"{len(tally.problems)} items skipped", err=True)


def exit_code(tally: Tally) -> int:
    if tally.articles == 0 and tally.problems:
        return 2
    return 1 if tally.problems else 0


@click.command("code")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Write events here (JSON Lines) instead of standard output.")
@click.option("--published", metavar="YYYY-MM-DD",
              help="Publication date for articles that carry none (plain text, stdin).")
@click.option("--lang", default=None, help="Language of articles that carry none (ru).")
def code_cli(inputs: tuple[str, ...], output: str | None, published: str | None,
             lang: str | None) -> None:
    """Code articles (a text file, a JSON Lines file, or - for stdin) into events."""
    tally = Tally()
    handle = open(output, "w", encoding="utf-8") if output else sys.stdout
    try:
        for _, events in code_inputs(list(inputs), tally, published, lang):
            write_events(handle, [e.to_dict() for e in events])
            handle.flush()
    finally:
        if output:
            handle.close()
    report(tally)
    sys.exit(exit_code(tally))
