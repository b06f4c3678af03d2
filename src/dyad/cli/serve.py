"""`dyad serve [--db URL] [--host H] [--port P]`: the HTTP API and the dashboard."""

from __future__ import annotations

import os
from pathlib import Path

import click

from dyad.api.limits import MAX_BODY
from dyad.cli.storeopts import db_option
from dyad.errors import DyadError

TOKEN_ENV = "DYAD_TOKEN"


def read_token(path: str) -> str:
    """The first line of a token file, stripped."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DyadError("D064", path=path, reason=getattr(exc, "strerror", None) or exc) from exc
    token = text.strip().splitlines()[0].strip() if text.strip() else ""
    if not token:
        raise DyadError("D065", path=path)
    return token


def write_token(token_file: str | None) -> str | None:
    """--token-file, else $DYAD_TOKEN, else None (read-only)."""
    if token_file:
        return read_token(token_file)
    return os.environ.get(TOKEN_ENV, "").strip() or None


@click.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--token-file", type=click.Path(dir_okay=False),
              help=f"File whose first line is the write token (else ${TOKEN_ENV}; with "
                   "neither the server is read-only).")
@click.option("--max-body", type=click.IntRange(1), default=MAX_BODY, show_default=True,
              help="Largest request body in bytes (413 above).")
def serve_cli(db: str | None, host: str, port: int, token_file: str | None,
              max_body: int) -> None:
    """Serve the store over HTTP: the JSON API (spec at /openapi.json) and the dashboard (/)."""
    import uvicorn

    from dyad.api import create_app
    from dyad.store.dialect import default_url, display

    token = write_token(token_file)
    app = create_app(db, token, max_body=max_body)
    mode = "writes need the token" if token else "read-only: no token"
    click.echo(f"dyad: serving {display(db or default_url())} at http://{host}:{port}/ "
               f"({mode})", err=True)
    uvicorn.run(app, host=host, port=port, log_level="info")
