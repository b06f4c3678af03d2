"""The read endpoints: events, relations, top dyads, actors, articles, health."""

from __future__ import annotations

from datetime import date
from importlib.metadata import version
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Path, Query

from dyad.api import models, views
from dyad.api.context import Context, context
from dyad.api.queries import EventFilter
from dyad.store.dialect import display

router = APIRouter()
Ctx = Annotated[Context, Depends(context)]
Entity = Annotated[str | None, Query(max_length=32, description="ISO3 or IGO code, e.g. AZE")]
From = Annotated[date | None, Query(alias="from", description="first counted day, inclusive")]
To = Annotated[date | None, Query(alias="to", description="last counted day, inclusive")]
TOO_WIDE: dict[int | str, dict[str, Any]] = {
    422: {"model": models.ErrorOut | models.ValidationOut,
          "description": "over the period limit (D081), or parameters that do not fit"}}
MAX_OFFSET = 2**63 - 1  # SQL's largest integer: more overflows the driver (a 500)
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": models.ErrorOut, "description": "no such article"}}


def day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def upper(value: str | None) -> str | None:
    return value.upper() if value else None


@router.get("/health", response_model=models.Health, tags=["meta"])
def health(ctx: Ctx) -> models.Health:
    """The store this server reads and whether it accepts writes."""
    store, counts = ctx.store, ctx.store.counts()
    info = models.StoreInfo(url=display(store.url), kind=store.kind,
                            schema_version=store.version(), articles=counts["articles"],
                            events=counts["events"], stories=counts["stories"])
    return models.Health(status="ok", version=version("dyad"), writable=ctx.writable,
                         store=info)


@router.get("/events", response_model=models.EventPage, tags=["events"])
def events(
    ctx: Ctx,
    source: Entity = None,
    target: Entity = None,
    both_ways: Annotated[bool, Query(description="source/target in either direction")] = False,
    actor: Entity = None,
    root: Annotated[str | None, Query(pattern=r"^\d{2}$", description="CAMEO root")] = None,
    code: Annotated[str | None, Query(pattern=r"^\d{2,4}$", description="CAMEO code")] = None,
    quad_class: Annotated[int | None, Query(ge=1, le=4)] = None,
    start: From = None,
    end: To = None,
    status: Annotated[str | None, Query(description="asserted, claimed, negated, "
                                                    "hypothetical")] = None,
    q: Annotated[str | None, Query(max_length=200, description="text in the evidence, "
                                                               "any case")] = None,
    stories_only: Annotated[bool, Query(description="only each story's first report")] = False,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> models.EventPage:
    """Coded events, filtered, by counted day (undated last) then id."""
    f = EventFilter(source=upper(source), target=upper(target), both_ways=both_ways,
                    actor=upper(actor), root=root, code=code, quad_class=quad_class,
                    start=day(start), end=day(end), status=status, q=q or None,
                    stories_only=stories_only)
    return views.event_page(ctx.store, f, limit, offset)


@router.get("/relations/{a}/{b}", response_model=models.RelationsOut, responses=TOO_WIDE,
            tags=["analysis"])
def relations(ctx: Ctx, a: Annotated[str, Path(max_length=32)],
              b: Annotated[str, Path(max_length=32)], by: models.Period = "month",
              start: From = None, end: To = None) -> models.RelationsOut:
    """Story events between A and B per period, both ways, and the trend: `dyad relations`."""
    return views.relations_view(ctx.store, a, b, by, day(start), day(end))


@router.get("/dyads/top", response_model=list[models.DyadOut], tags=["analysis"])
def top(ctx: Ctx, start: From = None, end: To = None,
        limit: Annotated[int, Query(ge=0, le=1000, description="0: all")] = 10,
        ) -> list[models.DyadOut]:
    """Directed dyads by story events, asserted and claimed: `dyad top`."""
    return views.top_view(ctx.store, day(start), day(end), limit)


@router.get("/actors", response_model=list[models.ActorCount], tags=["events"])
def actors(ctx: Ctx) -> list[models.ActorCount]:
    """Entities named by coded events, most events first."""
    return views.actors_view(ctx.store)


@router.get("/articles/{article_id:path}", response_model=models.ArticleOut, responses=NOT_FOUND,
            tags=["articles"])
def article(ctx: Ctx, article_id: Annotated[str, Path(max_length=200)]) -> models.ArticleOut:
    """An article's text with its events and their evidence spans (the id is a store key)."""
    return views.article_view(ctx.store, article_id)


def install(app: FastAPI) -> None:
    app.include_router(router)
