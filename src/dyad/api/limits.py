"""Request bodies over a size limit get 413: by Content-Length up front, else while read."""

from __future__ import annotations

from typing import Any

from fastapi import HTTPException
from fastapi.responses import JSONResponse

from dyad.errors import DyadError

MAX_BODY = 5 * 1024 * 1024
Scope = dict[str, Any]


class BodyTooLarge(HTTPException):
    """Raised from `receive`; an HTTPException so FastAPI's body parsing passes it on."""

    def __init__(self, limit: int) -> None:
        self.error = DyadError("D062", limit=limit)
        super().__init__(413, str(self.error))


def declared_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


class BodyLimit:
    """ASGI middleware: at most `limit` bytes of request body."""

    def __init__(self, app: Any, limit: int = MAX_BODY) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = declared_length(scope)
        if declared is not None and declared > self.limit:
            await self.refuse(scope, receive, send)
            return
        seen = 0

        async def counted() -> dict[str, Any]:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise BodyTooLarge(self.limit)
            return message

        await self.app(scope, counted, send)

    async def refuse(self, scope: Scope, receive: Any, send: Any) -> None:
        error = BodyTooLarge(self.limit).error
        response = JSONResponse({"code": error.code, "detail": str(error)}, status_code=413,
                                headers={"Connection": "close"})
        await response(scope, receive, send)
