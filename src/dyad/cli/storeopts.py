"""Options shared by the store commands: `--db URL` and inclusive `--from`/`--to` days."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

import click

from dyad.errors import DyadError

F = TypeVar("F", bound=Callable[..., Any])


def db_option(func: F) -> F:
    return click.option(
        "--db", "db", metavar="URL", default=None,
        help="Store: a SQLite file path (default $DYAD_DB or ./dyad.db), sqlite:///PATH "
             "or postgresql://USER@HOST/DB.")(func)


def check_day(option: str, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise click.BadParameter(str(DyadError("D025", option=option, value=value))) from exc


def period_options(func: F) -> F:
    func = click.option("--to", "end", metavar="YYYY-MM-DD",
                        help="Last day counted (inclusive).")(func)
    return click.option("--from", "start", metavar="YYYY-MM-DD",
                        help="First day counted (inclusive).")(func)
