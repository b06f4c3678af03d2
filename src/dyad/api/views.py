"""Store rows and analysis results as API models: one function a view, shared by the HTTP
routes and by `dyad report`, so the dashboard and the report show the same numbers."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from dyad.analysis import render
from dyad.analysis.relations import relations_of
from dyad.analysis.top import DyadActivity, top_dyads
from dyad.api import models, queries
from dyad.errors import ApiError
from dyad.store import Store

MAX_PERIODS = 5000  # by day about 13 years; a wider span is refused (D081), not listed


def actor_of(row: Mapping[str, Any], side: str) -> models.ActorOut:
    return models.ActorOut(text=row[f"{side}_text"], entity=row[f"{side}_entity"],
                           role=row[f"{side}_role"], code=row[f"{side}_code"],
                           name=row[f"{side}_name"])


def place_of(row: Mapping[str, Any]) -> models.PlaceOut | None:
    if row["place_name"] is None:
        return None
    return models.PlaceOut(name=row["place_name"], country=row["place_country"],
                           lat=row["place_lat"], lon=row["place_lon"])


def event_of(row: Mapping[str, Any]) -> models.EventOut:
    """One `Store.events()` row as the public event."""
    return models.EventOut(
        id=row["id"], story_id=row["story_id"], article_id=row["article_id"],
        sentence=row["sentence"], source=actor_of(row, "source"),
        target=actor_of(row, "target"), cameo=row["cameo"], cameo_root=row["cameo_root"],
        quad_class=row["quad_class"], goldstein=row["goldstein"],
        plover=models.PloverOut(type=row["plover_type"], mode=row["plover_mode"]),
        status=row["status"], date=row["date"], day=row["day"], place=place_of(row),
        evidence=models.EvidenceOut(text=row["evidence_text"], start=row["evidence_start"],
                                    end=row["evidence_end"]),
        trigger=row["trigger"], implicit_target=bool(row["implicit_target"]),
        published=row["published"], title=row["title"], num_mentions=row["num_mentions"],
        num_articles=row["num_articles"], num_sources=row["num_sources"])


def event_page(store: Store, f: queries.EventFilter, limit: int,
               offset: int) -> models.EventPage:
    total, rows = queries.event_page(store, f, limit, offset)
    return models.EventPage(total=total, limit=limit, offset=offset,
                            events=[event_of(r) for r in rows])


def relations_view(store: Store, a: str, b: str, by: str = "month", start: str | None = None,
                   end: str | None = None) -> models.RelationsOut:
    """`dyad relations A B --format json`, as a model: the same function, the same JSON;
    at most MAX_PERIODS periods (the series has one entry a period, empty or not)."""
    a, b = a.upper(), b.upper()
    rows = store.stories(a, b, both_ways=True, start=start, end=end)
    days = sorted(r["day"] for r in rows if r["day"])
    first, last = start or (days[0] if days else None), end or (days[-1] if days else None)
    if first and last:
        check_span(first, last, by)
    result = relations_of(rows, a, b, by, start, end)
    return models.RelationsOut.model_validate_json(render.relations_json(result))


def period_count(first: str, last: str, by: str) -> int:
    """How many day, week or month periods run from day `first` to day `last` (at most one
    too many for weeks): counted without listing them."""
    start, end = date.fromisoformat(first), date.fromisoformat(last)
    if by == "month":
        return (end.year - start.year) * 12 + end.month - start.month + 1
    days = (end - start).days + 1
    return days if by == "day" else days // 7 + 2


def check_span(first: str, last: str, by: str) -> None:
    count = period_count(first, last, by)
    if count > MAX_PERIODS:
        raise ApiError("D081", 422, first=first, last=last, by=by, count=count,
                       limit=MAX_PERIODS)


def dyad_of(d: DyadActivity) -> models.DyadOut:
    return models.DyadOut(source=d.source, target=d.target, label=d.label, stories=d.stories,
                          mentions=d.mentions, quad=list(d.quad),
                          goldstein_sum=d.goldstein_sum, goldstein_mean=d.goldstein_mean)


def top_view(store: Store, start: str | None = None, end: str | None = None,
             limit: int = 10) -> list[models.DyadOut]:
    """`dyad top`: directed dyads by story events (asserted and claimed)."""
    return [dyad_of(d) for d in top_dyads(store.stories(start=start, end=end), limit)]


def actors_view(store: Store) -> list[models.ActorCount]:
    return [models.ActorCount(**row) for row in queries.actors(store)]


def article_view(store: Store, article_id: str) -> models.ArticleOut:
    row = queries.article(store, article_id)
    if row is None:
        raise ApiError("D063", 404, id=article_id)
    events = [event_of(r) for r in queries.article_events(store, article_id)]
    fields = {k: row[k] for k in ("id", "text", "published", "title", "url", "source", "lang",
                                  "ingested_at")}
    return models.ArticleOut(**fields, events=events)
