"""Read queries the API needs beyond `Store`'s own: filtered event pages, actors, articles.

They run on the store's per-thread reader connection and reuse the store's event query
(`store.base.EVENTS`), so every row has the same columns as `Store.events()`.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from dyad.store import Store
from dyad.store.base import EVENTS
from dyad.store.dialect import Db, Row

ORDER = " ORDER BY (e.day IS NULL), e.day, e.id"
COLUMNS = {"source": "e.source_entity = ?", "target": "e.target_entity = ?",
           "root": "e.cameo_root = ?", "code": "e.cameo = ?", "quad_class": "e.quad_class = ?",
           "status": "e.status = ?", "start": "e.day >= ?", "end": "e.day <= ?",
           "article_id": "e.article_id = ?"}
ACTORS = """
SELECT entity, COUNT(DISTINCT id) AS events, SUM(as_source) AS as_source,
       SUM(as_target) AS as_target
FROM (SELECT id, source_entity AS entity, 1 AS as_source, 0 AS as_target FROM events
      WHERE source_entity IS NOT NULL
      UNION ALL
      SELECT id, target_entity AS entity, 0 AS as_source, 1 AS as_target FROM events
      WHERE target_entity IS NOT NULL) named
GROUP BY entity ORDER BY events DESC, entity"""


@dataclass(frozen=True, slots=True)
class EventFilter:
    """GET /events filters; None means no filter. `both_ways` matches source/target either way."""

    source: str | None = None
    target: str | None = None
    both_ways: bool = False
    actor: str | None = None
    root: str | None = None
    code: str | None = None
    quad_class: int | None = None
    start: str | None = None
    end: str | None = None
    status: str | None = None
    q: str | None = None
    article_id: str | None = None
    stories_only: bool = False


def like_pattern(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped.lower()}%"


def lower_function(db: Db) -> str:
    """A Unicode lower() in SQL: PostgreSQL's own; SQLite's is ASCII-only, so Python's."""
    if db.kind == "postgresql":
        return "LOWER"
    db.connection.create_function("dyad_lower", 1, lambda s: s.lower() if s else s,
                                  deterministic=True)
    return "dyad_lower"


def dyad_clause(f: EventFilter) -> tuple[list[str], list[Any]]:
    if f.source and f.target and f.both_ways:
        return (["((e.source_entity = ? AND e.target_entity = ?) OR "
                 "(e.source_entity = ? AND e.target_entity = ?))"],
                [f.source, f.target, f.target, f.source])
    return [], []


def where(f: EventFilter, db: Db) -> tuple[str, list[Any]]:
    clauses, params = dyad_clause(f)
    skip = {"source", "target"} if clauses else set()
    for field in fields(f):
        value = getattr(f, field.name)
        if field.name in COLUMNS and value is not None and field.name not in skip:
            clauses.append(COLUMNS[field.name])
            params.append(value)
    if f.actor:
        clauses.append("(e.source_entity = ? OR e.target_entity = ?)")
        params += [f.actor, f.actor]
    if f.q:
        clauses.append(f"{lower_function(db)}(e.evidence_text) LIKE ? ESCAPE '\\'")
        params.append(like_pattern(f.q))
    if f.stories_only:
        clauses.append("m.story_id = e.id")
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def event_page(store: Store, f: EventFilter, limit: int, offset: int) -> tuple[int, list[Row]]:
    """The matching events' total and one page of them, by counted day then id."""
    db = store.reader()
    clause, params = where(f, db)
    total = db.one(f"SELECT COUNT(*) AS n FROM ({EVENTS}{clause}) page", params)
    rows = db.execute(EVENTS + clause + ORDER + " LIMIT ? OFFSET ?", [*params, limit, offset])
    return int(total["n"]) if total else 0, rows


def actors(store: Store) -> list[Row]:
    return store.reader().execute(ACTORS)


def article(store: Store, article_id: str) -> Row | None:
    return store.reader().one("SELECT * FROM articles WHERE id = ?", (article_id,))


def article_events(store: Store, article_id: str) -> list[Row]:
    return store.reader().execute(EVENTS + " WHERE e.article_id = ? ORDER BY e.seq",
                                  (article_id,))
