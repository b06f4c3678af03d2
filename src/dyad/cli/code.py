"""`dyad code INPUT... [-o OUT.jsonl] [--jobs N] [--engine local|dask]`: articles in,
events out as JSON Lines (local engine) or Parquet shards (Dask engine)."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from typing import IO

import click

from dyad.coding import Coded, Tally, all_cores, code_inputs
from dyad.ingest.readers import estimate_items


def write_events(handle: IO[str], events: list[dict[str, object]]) -> None:
    for event in events:
        handle.write(json.dumps(event, ensure_ascii=False) + "\n")


def clock(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    return f"{minutes // 60}:{minutes % 60:02d}:{secs:02d}"


def progress_line(done: int, total: int | None, elapsed: float) -> str:
    rate = done / elapsed if elapsed > 0 else 0.0
    line = f"dyad: {done:,} articles, {rate:.1f} articles/s"
    if total and rate > 0:
        line += f", {100 * min(done, total) / total:.0f}% of ~{total:,}"
        line += f", ETA {clock(max(total - done, 0) / rate)}"
    return line


def with_progress(coded: Iterator[Coded], tally: Tally, total: int | None,
                  every: float = 0.5) -> Iterator[Coded]:
    shown = float("-inf")  # the first article shows a line at once, then every `every` s
    for item in coded:
        yield item
        now = tally.elapsed()
        if now - shown >= every:
            click.echo("\r" + progress_line(tally.articles, total, now).ljust(78), err=True,
                       nl=False)
            shown = now
    click.echo("\r" + " " * 78 + "\r", err=True, nl=False)


def report(tally: Tally, jobs: int) -> None:
    for problem in tally.problems:
        click.echo(f"dyad: skipped: {problem.error}", err=True)
    elapsed = tally.elapsed()
    rate = tally.articles / elapsed if elapsed > 0 else 0.0
    click.echo(f"dyad: {tally.articles} articles coded, {tally.events} events, "
               f"{len(tally.problems)} items skipped in {elapsed:.1f} s "
               f"({rate:.1f} articles/s, {jobs} jobs)", err=True)
    if tally.problems:
        groups = ", ".join(f"{code} x{count}" for code, count in tally.skipped_by_code())
        click.echo(f"dyad: skipped by reason: {groups}", err=True)


def exit_code(tally: Tally) -> int:
    if tally.articles == 0 and tally.problems:
        return 2
    return 1 if tally.problems else 0


def show_progress(choice: bool | None) -> bool:
    return sys.stderr.isatty() if choice is None else choice


def run_local(inputs: list[str], output: str | None, tally: Tally, options: dict) -> None:
    coded = code_inputs(inputs, tally, options["published"], options["lang"],
                        options["jobs"], options["ordered"])
    if options["progress"]:
        coded = with_progress(coded, tally, estimate_items(inputs))
    handle = open(output, "w", encoding="utf-8") if output else sys.stdout
    try:
        for _, events in coded:
            write_events(handle, [e.to_dict() for e in events])
            handle.flush()
    finally:
        if output:
            handle.close()


def run_dask(inputs: list[str], tally: Tally, options: dict) -> None:
    from dyad.ingest.cluster import code_on_cluster

    if not options["output_dir"]:
        raise click.UsageError("--engine dask writes Parquet shards: give --output-dir")
    if not options["scheduler"]:
        raise click.UsageError("--engine dask needs --scheduler ADDRESS (or 'local')")
    shards = code_on_cluster(inputs, tally, options["scheduler"], options["output_dir"],
                             options["published"], options["lang"], options["shard_size"],
                             options["jobs"])
    click.echo(f"dyad: wrote {len(shards)} shards to {options['output_dir']}", err=True)


@click.command("code")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Write events here (JSON Lines) instead of standard output.")
@click.option("--published", metavar="YYYY-MM-DD",
              help="Publication date for articles that carry none (plain text, stdin).")
@click.option("--lang", default=None,
              help="Language of articles that carry none (ru); default: detect it.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: all cores).")
@click.option("--ordered/--unordered", default=True, show_default=True,
              help="Keep events in input order (identical to --jobs 1), or write each "
                   "batch as soon as it is coded.")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar on stderr (default: when stderr is a terminal).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local",
              show_default=True, help="Code on this machine, or on a Dask cluster.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Dask scheduler address (tcp://host:8786), or 'local' for a local cluster.")
@click.option("--output-dir", type=click.Path(file_okay=False),
              help="Dask engine: directory for the Parquet event shards.")
@click.option("--shard-size", type=click.IntRange(min=1), default=500, show_default=True,
              help="Dask engine: articles per task and per shard.")
def code_cli(inputs: tuple[str, ...], output: str | None, **options: object) -> None:
    """Code articles (text in any Cyrillic encoding, JSON Lines, HTML, RSS/Atom, .gz of
    these, folders, URLs, or - for stdin) into events."""
    options["jobs"] = options["jobs"] or all_cores()
    options["progress"] = show_progress(options["progress"])  # type: ignore[arg-type]
    tally = Tally(started=time.perf_counter())
    if options["engine"] == "dask":
        run_dask(list(inputs), tally, options)
    else:
        run_local(list(inputs), output, tally, options)
    report(tally, int(options["jobs"]))  # type: ignore[call-overload]
    sys.exit(exit_code(tally))
