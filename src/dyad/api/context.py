"""What every route needs: the one store, the write token, the coder; kept on `app.state`."""

from __future__ import annotations

import hmac
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from fastapi import Request

from dyad.errors import ApiError
from dyad.records import Article, Event
from dyad.store import Store

Coder = Callable[[Article], list[Event]]


@dataclass
class Context:
    store: Store
    token: str | None = None
    coder: Coder | None = None
    code_lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def writable(self) -> bool:
        return bool(self.token)

    def check_token(self, authorization: str | None) -> None:
        """403 when the server has no token (read-only), 401 when the request's is wrong."""
        if not self.token:
            raise ApiError("D060", 403)
        scheme, _, given = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(),
                                                                 self.token.encode()):
            raise ApiError("D061", 401)

    def code(self, article: Article) -> list[Event]:
        """Code one article; the pipeline loads on first use and codes one article at a time."""
        with self.code_lock:
            if self.coder is None:
                from dyad.store.ingest import pipeline_coder

                self.coder = pipeline_coder()
            return self.coder(article)


def context(request: Request) -> Context:
    """FastAPI dependency: the app's context."""
    return request.app.state.dyad
