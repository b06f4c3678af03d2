"""Records to table rows: an article's row, its events' rows, the day an event counts on."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import UTC, datetime
from typing import Any

from dyad.records import Article, Event

ARTICLE_COLUMNS = ("id", "content_hash", "text", "published", "title", "url", "source",
                   "lang", "ingested_at")
EVENT_COLUMNS = (
    "article_id", "seq", "sentence",
    "source_entity", "source_role", "source_code", "source_name", "source_text",
    "target_entity", "target_role", "target_code", "target_name", "target_text",
    "cameo", "cameo_root", "quad_class", "goldstein", "plover_type", "plover_mode",
    "status", "date", "day", "place_name", "place_country", "place_lat", "place_lon",
    "evidence_text", "evidence_start", "evidence_end", "trigger", "implicit_target",
    "implicit_source", "place_geonames_id")
FULL_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
PARTIAL = re.compile(r"^\d{4}(-\d{2})?$")


def content_hash(text: str) -> str:
    """sha256 of the text, NFC-normalised with runs of whitespace collapsed."""
    normal = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def effective_day(date: str | None, published: str | None) -> str | None:
    """The day an event is counted on (`YYYY-MM-DD`), or None when there is none.

    The event's own full date; a partial own date (`2025-10`, `2025`) takes the article's
    publication day when that falls inside it, else the first day of the month or year;
    no own date takes the publication day; no date at all gives None (the event is then
    skipped, and counted as skipped, by time series).
    """
    pub = published[:10] if published and FULL_DAY.match(published[:10]) else None
    if date and FULL_DAY.match(date):
        return date
    if date and PARTIAL.match(date):
        if pub and pub.startswith(date):
            return pub
        return date + ("-01" if len(date) == 7 else "-01-01")
    return pub


def article_row(article: Article, ingested_at: str | None = None) -> tuple[Any, ...]:
    return (article.id, content_hash(article.text), article.text, article.published,
            article.title, article.url, article.source, article.lang, ingested_at or now())


def event_row(event: Event, article: Article, seq: int) -> tuple[Any, ...]:
    """The events row; `article_id` is the stored article's, whatever the event carried."""
    s, t, place, ev = event.source, event.target, event.place, event.evidence
    return (
        article.id, seq, event.sentence,
        s.entity, s.role, s.code, s.name, s.text,
        t.entity, t.role, t.code, t.name, t.text,
        event.cameo, event.cameo_root, event.quad_class, float(event.goldstein),
        event.plover_type, event.plover_mode, event.status, event.date,
        effective_day(event.date, article.published),
        place.name if place else None, place.country if place else None,
        place.lat if place else None, place.lon if place else None,
        ev.text, ev.start, ev.end, event.trigger, bool(event.implicit_target),
        event.source.kind == "implicit", place.geonames_id if place else None)


def insert_sql(table: str, columns: tuple[str, ...]) -> str:
    marks = ", ".join("?" for _ in columns)
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"
