"""Response and request bodies: pydantic models, so the OpenAPI spec states every field.

Events follow the output contract of `Event.to_dict()` (README, "Output contract") as the
store keeps it, plus the store's own fields: `id`, `story_id`, `day` and the story counts.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

Period = Literal["day", "week", "month"]


class ActorOut(BaseModel):
    text: str
    entity: str | None = Field(description="ISO3 or IGO code; null when unresolved")
    role: str = Field(description="sector (GOV, MIL, ...) or empty")
    code: str = Field(description="entity + role, e.g. AZEGOV")
    name: str | None


class PloverOut(BaseModel):
    type: str
    mode: str


class PlaceOut(BaseModel):
    name: str
    country: str | None
    lat: float | None
    lon: float | None


class EvidenceOut(BaseModel):
    text: str
    start: int = Field(description="offset (code points) into the article text")
    end: int


class EventOut(BaseModel):
    id: int = Field(description="the stored event's key")
    story_id: int | None = Field(description="the story event this report belongs to")
    article_id: str
    sentence: int
    source: ActorOut
    target: ActorOut
    cameo: str
    cameo_root: str
    quad_class: int = Field(ge=1, le=4)
    goldstein: float
    plover: PloverOut
    status: str
    date: str | None
    day: str | None = Field(description="the day the event counts on")
    place: PlaceOut | None
    evidence: EvidenceOut
    trigger: str
    implicit_target: bool
    published: str | None
    title: str | None
    num_mentions: int | None
    num_articles: int | None
    num_sources: int | None


class EventPage(BaseModel):
    total: int = Field(description="events matching the filters, all pages")
    limit: int
    offset: int
    events: list[EventOut]


class PeriodOut(BaseModel):
    period: str
    events: int
    quad_class: dict[str, int] = Field(description="story events by QuadClass '1'..'4'")
    goldstein_sum: float
    goldstein_mean: float | None


class MoverOut(BaseModel):
    story_id: int
    day: str
    source: str
    target: str
    cameo: str
    goldstein: float
    mentions: int
    article_id: str
    evidence: str


class TrendOut(BaseModel):
    verdict: str
    early_mean: float | None
    late_mean: float | None
    delta: float | None
    threshold: float
    movers: list[MoverOut]


class DirectionOut(BaseModel):
    source: str
    target: str
    sparkline: str
    series: list[PeriodOut]
    trend: TrendOut


class RelationsOut(BaseModel):
    """The JSON of `dyad relations A B --format json`."""

    a: str
    b: str
    by: Period
    periods: list[str]
    skipped: int = Field(description="story events without any date")
    directions: list[DirectionOut]
    trend: TrendOut


class DyadOut(BaseModel):
    source: str
    target: str
    label: str
    stories: int
    mentions: int
    quad: list[int] = Field(description="story events by QuadClass 1..4")
    goldstein_sum: float
    goldstein_mean: float


class ActorCount(BaseModel):
    entity: str
    events: int = Field(description="coded events naming the entity on either side")
    as_source: int
    as_target: int


class ArticleOut(BaseModel):
    id: str
    text: str
    published: str | None
    title: str | None
    url: str | None
    source: str | None
    lang: str
    ingested_at: str
    events: list[EventOut]


class ArticleIn(BaseModel):
    id: str | None = Field(None, max_length=200,
                           description="the article's key; default: from the text's hash")
    text: str
    published: str | None = Field(None, description="YYYY-MM-DD")
    lang: str = "ru"
    title: str | None = None
    url: str | None = None
    source: str | None = None


class StoredOut(BaseModel):
    article_id: str
    stored: bool
    reason: str = Field(description="why it was not stored, e.g. 'already stored'")
    events: int
    new_stories: int


class StoreInfo(BaseModel):
    url: str
    kind: str
    schema_version: int
    articles: int
    events: int
    stories: int


class Health(BaseModel):
    status: Literal["ok"]
    version: str
    writable: bool = Field(description="whether POST /articles accepts a token")
    store: StoreInfo


class ErrorOut(BaseModel):
    code: str | None = Field(description="dyad error code (D0xx), when there is one")
    detail: str


class ValidationItem(BaseModel):
    loc: list[str | int]
    msg: str
    type: str


class ValidationOut(BaseModel):
    """FastAPI's answer to a request whose parameters or body do not fit the spec."""

    detail: list[ValidationItem]
