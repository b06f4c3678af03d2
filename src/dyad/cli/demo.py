"""`dyad demo [FILE]`: code the bundled sample corpus and summarise it by country pair."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import click

from dyad.coding import Tally, code_inputs
from dyad.records import Event

SAMPLE = Path(__file__).resolve().parents[3] / "sample" / "articles.jsonl"


def line(event: Event) -> str:
    date = event.date or "----"
    return (f"  {date:<10} {event.source.code or '?':<8} {event.cameo:<5} "
            f"{event.target.code or '?':<8} {event.status:<12} {event.evidence.text[:70]}")


def dyad_summary(events: list[Event]) -> list[str]:
    counts: Counter[tuple[str, str]] = Counter()
    goldstein: Counter[tuple[str, str]] = Counter()
    for e in events:
        if e.status in ("asserted", "claimed"):
            key = (e.source.entity or "?", e.target.entity or "?")
            counts[key] += 1
            goldstein[key] += e.goldstein
    return [f"  {a}->{b:<6} events {n:>3}   Goldstein sum {goldstein[(a, b)]:+6.1f}"
            for (a, b), n in counts.most_common(15)]


@click.command("demo")
@click.argument("path", required=False, type=click.Path(exists=True, dir_okay=False))
def demo_cli(path: str | None) -> None:
    """Code the sample corpus (or PATH) and print its events and a summary by dyad."""
    tally, everything = Tally(), []
    for article, events in code_inputs([path or str(SAMPLE)], tally):
        click.echo(f"{article.id}  {article.published or 'no date'}  {article.title or ''}")
        for event in events:
            click.echo(line(event))
        everything += events
    click.echo(f"\n{tally.articles} articles, {tally.events} events. By country pair "
               "(asserted and claimed):")
    for row in dyad_summary(everything):
        click.echo(row)
