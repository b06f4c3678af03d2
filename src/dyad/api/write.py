"""POST /articles: code an article and store it; needs the server's token."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Header, Response

from dyad.api import models
from dyad.api.context import Context, context
from dyad.ingest.readers import Options, article_from
from dyad.records import Article
from dyad.store.ingest import IngestReport, ingest_articles
from dyad.store.rows import content_hash

router = APIRouter()
REFUSED: dict[int | str, dict[str, Any]] = {
    400: {"model": models.ErrorOut, "description": "the body cannot be parsed (D080)"},
    401: {"model": models.ErrorOut, "description": "missing or wrong token"},
    403: {"model": models.ErrorOut, "description": "read-only server: no token configured"},
    413: {"model": models.ErrorOut, "description": "body over the size limit"},
    422: {"model": models.ErrorOut | models.ValidationOut,
          "description": "the article cannot be coded (its D0xx code), or the body is not "
                         "an article (FastAPI's validation errors)"},
}


def writer(ctx: Annotated[Context, Depends(context)],
           authorization: Annotated[str | None, Header()] = None) -> Context:
    """FastAPI dependency: the context, once the request's bearer token is checked."""
    ctx.check_token(authorization)
    return ctx


def article_of(body: models.ArticleIn) -> Article:
    """The same checks as `dyad ingest` on a JSON Lines record (language, date, size)."""
    record = body.model_dump()
    record["id"] = body.id or "api-" + content_hash(body.text)[:16]
    return article_from(record, "request", 1, Options(), "request")


@router.post("/articles", response_model=models.StoredOut, status_code=201,
             responses={200: {"model": models.StoredOut, "description": "already stored"},
                        **REFUSED}, tags=["articles"])
def post_article(body: models.ArticleIn, response: Response,
                 ctx: Annotated[Context, Depends(writer)]) -> models.StoredOut:
    """Code the article and store it with its events (201), unless already stored (200)."""
    report = IngestReport()
    outcomes = list(ingest_articles(ctx.store, [article_of(body)], report, ctx.code))
    if report.problems:
        raise report.problems[0][1]
    if not outcomes[0].stored:
        response.status_code = 200
    return models.StoredOut(**asdict(outcomes[0]))


def install(app: FastAPI) -> None:
    app.include_router(router)
