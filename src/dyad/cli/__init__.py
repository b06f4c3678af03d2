"""The `dyad` command: thin click wrappers over library functions, one module a command."""

from __future__ import annotations

import sys

import click

from dyad.cli.actors import actors_cli
from dyad.cli.code import code_cli
from dyad.cli.demo import demo_cli
from dyad.cli.eval import eval_cli
from dyad.cli.export import export_cli
from dyad.cli.ingest import ingest_cli
from dyad.cli.relations import relations_cli
from dyad.cli.report import report_cli
from dyad.cli.serve import serve_cli
from dyad.cli.top import top_cli
from dyad.errors import DyadError


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="dyad")
def main() -> None:
    """dyad: event data (who did what to whom, when and where) from Russian news."""


def run() -> None:
    """Entry point: coded errors end the command with their message, not a traceback."""
    try:
        main(standalone_mode=True)
    except DyadError as exc:
        click.echo(f"dyad: error: {exc}", err=True)
        sys.exit(3)


main.add_command(code_cli)
main.add_command(eval_cli)
main.add_command(demo_cli)
main.add_command(ingest_cli)
main.add_command(relations_cli)
main.add_command(top_cli)
main.add_command(export_cli)
main.add_command(actors_cli)
main.add_command(serve_cli)
main.add_command(report_cli)
