"""Errors as JSON bodies `{"code": "D0xx", "detail": "..."}` with their HTTP status."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from dyad.errors import ApiError, DyadError, InputError, StoreError

STATUS = {InputError: 422, StoreError: 503}


def status_of(exc: DyadError) -> int:
    if isinstance(exc, ApiError):
        return exc.status
    return next((code for kind, code in STATUS.items() if isinstance(exc, kind)), 400)


def body(code: str | None, detail: str) -> dict[str, str | None]:
    return {"code": code, "detail": detail}


async def dyad_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, DyadError)
    return JSONResponse(body(exc.code, str(exc)), status_code=status_of(exc))


def coded(exc: HTTPException) -> DyadError | None:
    """The dyad error behind an HTTPException; FastAPI's 400 is a body it could not parse
    (not UTF-8, say), D080."""
    error = getattr(exc, "error", None)
    if isinstance(error, DyadError):
        return error
    if exc.status_code == 400:
        return DyadError("D080", reason=str(exc.detail).rstrip("."))
    return None


async def http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    error = coded(exc)
    detail = str(error) if error else str(exc.detail)
    return JSONResponse(body(error.code if error else None, detail),
                        status_code=exc.status_code, headers=getattr(exc, "headers", None))


def install(app: FastAPI) -> None:
    app.add_exception_handler(DyadError, dyad_error)
    app.add_exception_handler(HTTPException, http_error)
