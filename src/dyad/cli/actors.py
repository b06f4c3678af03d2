"""`dyad actors INPUT... [--format table|jsonl]`: every actor mention and why it resolved."""

from __future__ import annotations

import json
import sys
from typing import IO

import click

from dyad.actors.listing import ListedMention, list_inputs
from dyad.cli.code import exit_code
from dyad.coding import Tally
from dyad.records import Article

COLUMNS = (("span", 9), ("text", 24), ("code", 8), ("kind", 12), ("name", 24))


def cell(value: str, width: int) -> str:
    return value if len(value) <= width else value[: width - 1] + "…"


def table_lines(article: Article, mentions: list[ListedMention]) -> list[str]:
    published = f" ({article.published})" if article.published else ""
    lines = [f"# {article.id}{published}: {len(mentions)} actor mentions"]
    header = [name.ljust(width) for name, width in COLUMNS] + ["evidence"]
    lines.append("  ".join(header).rstrip())
    for m in mentions:
        values = (f"{m.start}-{m.end}", m.text, m.code or "-", m.kind, m.name or "-")
        row = [cell(v, w).ljust(w) for v, (_, w) in zip(values, COLUMNS, strict=True)]
        lines.append("  ".join([*row, m.evidence]))
    return lines


def write(handle: IO[str], article: Article, mentions: list[ListedMention],
          fmt: str) -> None:
    if fmt == "jsonl":
        for m in mentions:
            handle.write(json.dumps(m.to_dict(), ensure_ascii=False) + "\n")
    else:
        handle.write("\n".join(table_lines(article, mentions)) + "\n\n")


def report(tally: Tally, mentions: int) -> None:
    for problem in tally.problems:
        click.echo(f"dyad: skipped: {problem.error}", err=True)
    click.echo(f"dyad: {tally.articles} articles read, {mentions} actor mentions, "
               f"{len(tally.problems)} items skipped", err=True)


@click.command("actors")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table",
              show_default=True, help="A readable table, or one JSON object a mention.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Write here instead of standard output.")
@click.option("--published", metavar="YYYY-MM-DD",
              help="Publication date for articles that carry none (plain text, stdin); "
                   "it picks each person's office.")
@click.option("--lang", default=None, help="Language of articles that carry none (ru).")
def actors_cli(inputs: tuple[str, ...], fmt: str, output: str | None, published: str | None,
               lang: str | None) -> None:
    """List every actor mention in articles (a file, JSON Lines, or - for stdin) with its
    entity, role and the dictionary row or rule that resolved it."""
    tally, count = Tally(), 0
    handle = open(output, "w", encoding="utf-8") if output else sys.stdout
    try:
        for article, mentions in list_inputs(list(inputs), tally, published, lang):
            write(handle, article, mentions, fmt)
            handle.flush()
            count += len(mentions)
    finally:
        if output:
            handle.close()
    report(tally, count)
    sys.exit(exit_code(tally))
