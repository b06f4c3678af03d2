"""The app factory. Every feature, the built-in ones included, is an extension: a function
that receives the app (its context on `app.state.dyad`) and adds routes, middleware or
static files, the way a third-party extension would."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from importlib.metadata import version

from fastapi import FastAPI

from dyad.api import errors, routes, write
from dyad.api.context import Coder, Context
from dyad.api.limits import MAX_BODY, BodyLimit
from dyad.store import Store

Extension = Callable[[FastAPI], None]
DESCRIPTION = ("Event data from Russian news (CAMEO): who did what to whom, when and where. "
               "Reads are open; POST /articles needs the server's token as "
               "'Authorization: Bearer TOKEN'.")


def builtin_extensions() -> list[Extension]:
    from dyad import web

    return [errors.install, routes.install, write.install, web.install]


def create_app(store_url: str | None, token: str | None = None, *, max_body: int = MAX_BODY,
               coder: Coder | None = None,
               extensions: Sequence[Extension] | None = None) -> FastAPI:
    """An app over the store at `store_url`; writes need `token` (None: read-only)."""
    store = Store(store_url, must_exist=not token)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    # no /docs or /redoc: FastAPI loads their pages' JS from a CDN; /openapi.json stays
    app = FastAPI(title="dyad", version=version("dyad"), description=DESCRIPTION,
                  lifespan=lifespan, docs_url=None, redoc_url=None)
    app.state.dyad = Context(store, token or None, coder)
    app.add_middleware(BodyLimit, limit=max_body)
    for extension in builtin_extensions() if extensions is None else extensions:
        extension(app)
    return app
