"""The event store: one writer, many readers, SQLite or PostgreSQL behind one class.

    store = Store("dyad.db")                 # or "postgresql://user@host/db"; migrates on open
    store.add(article, events)              # one transaction: article, events, mentions
    store.stories(source="AZE", target="RUS")   # story events with mention counts

All writes go through one connection under a lock (`add` is the only writer); reads use
a connection per thread (read-only for SQLite, which runs in WAL mode so readers never
block the writer).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dyad.analysis import dedup
from dyad.errors import StoreError
from dyad.records import Article, Event
from dyad.store import migrate as migrations
from dyad.store.dialect import (
    Db,
    Row,
    connect,
    database_errors,
    default_url,
    display,
    kind_of,
    sqlite_path,
)
from dyad.store.rows import (
    ARTICLE_COLUMNS,
    EVENT_COLUMNS,
    article_row,
    content_hash,
    event_row,
    insert_sql,
)

COUNTED_STATUSES = ("asserted", "claimed")
ROOTS = """
SELECT e.id, e.source_entity, e.source_role, e.target_entity, e.target_role, e.cameo_root,
       e.status, e.date, e.place_name, e.place_country, a.published
FROM events e
JOIN mentions m ON m.event_id = e.id AND m.story_id = e.id
JOIN articles a ON a.id = e.article_id
WHERE e.source_entity = ? AND e.source_role = ? AND e.target_entity = ?
  AND e.target_role = ? AND e.cameo_root = ?"""
COUNTS = """
SELECT m.story_id, COUNT(*) AS num_mentions, COUNT(DISTINCT m.article_id) AS num_articles,
       COUNT(DISTINCT COALESCE(a.source, a.id)) AS num_sources
FROM mentions m JOIN articles a ON a.id = m.article_id
GROUP BY m.story_id"""
EVENTS = f"""
SELECT e.*, m.story_id, a.published, a.url, a.title, a.source AS news_source, a.lang,
       a.ingested_at, c.num_mentions, c.num_articles, c.num_sources
FROM events e
JOIN articles a ON a.id = e.article_id
LEFT JOIN mentions m ON m.event_id = e.id
LEFT JOIN ({COUNTS}) c ON c.story_id = m.story_id"""


@dataclass(frozen=True, slots=True)
class Stored:
    """What `Store.add` did with one article."""

    article_id: str
    stored: bool
    reason: str = ""
    events: int = 0
    new_stories: int = 0


class Store:
    """A dyad event store at `url` (a file path, sqlite:///PATH or postgresql://...)."""

    def __init__(self, url: str | None = None, *, must_exist: bool = False) -> None:
        self.url = url or default_url()
        self.kind = kind_of(self.url)
        if must_exist and self.kind == "sqlite" and not sqlite_path(self.url).exists():
            raise StoreError("D024", path=sqlite_path(self.url))
        self._writer: Db | None = None
        self._write_lock = threading.Lock()
        self._local = threading.local()
        self._readers: list[Db] = []
        self.applied = self.migrate()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({display(self.url)!r})"

    # connections

    @property
    def writer(self) -> Db:
        if self._writer is None:
            if self.kind == "sqlite":
                Path(sqlite_path(self.url)).parent.mkdir(parents=True, exist_ok=True)
            self._writer = connect(self.url)
        return self._writer

    def reader(self) -> Db:
        db = getattr(self._local, "db", None)
        if db is None:
            db = connect(self.url, readonly=True)
            self._local.db = db
            self._readers.append(db)
        return db

    def close(self) -> None:
        for db in [*self._readers, *([self._writer] if self._writer else [])]:
            db.close()
        self._readers.clear()
        self._writer = None
        self._local = threading.local()

    # schema

    def migrate(self) -> list[str]:
        with self._write_lock:
            return migrations.migrate(self.writer, self.url)

    def version(self) -> int:
        return migrations.current_version(self.reader())

    # the writer

    def add(self, article: Article, events: Sequence[Event]) -> Stored:
        """Store an article and its events atomically, or nothing if it is already in."""
        with self._write_lock:
            try:
                with self.writer.transaction() as db:
                    return self._add(db, article, events)
            except database_errors() as exc:
                raise StoreError("D026", url=display(self.url),
                                 reason=f"article {article.id!r} not stored: {exc}") from exc

    def _add(self, db: Db, article: Article, events: Sequence[Event]) -> Stored:
        reason = self._known(db, article)
        if reason:
            return Stored(article.id, False, reason)
        inserted = db.execute(insert_sql("articles", ARTICLE_COLUMNS)
                              + " ON CONFLICT DO NOTHING RETURNING id", article_row(article))
        if not inserted:
            return Stored(article.id, False, "stored meanwhile by another writer")
        rows = [event_row(event, article, seq) for seq, event in enumerate(events)]
        db.executemany(insert_sql("events", EVENT_COLUMNS), rows)
        stories = self._assign(db, article, rows)
        db.executemany("INSERT INTO mentions (event_id, story_id, article_id) VALUES (?, ?, ?)",
                       [(event_id, story, article.id) for event_id, story in stories.items()])
        new = sum(1 for event_id, story in stories.items() if event_id == story)
        return Stored(article.id, True, "", len(rows), new)

    def _known(self, db: Db, article: Article) -> str:
        found = db.one("SELECT id FROM articles WHERE id = ? OR content_hash = ?",
                       (article.id, content_hash(article.text)))
        if found is None:
            return ""
        if found["id"] == article.id:
            return "already stored"
        return f"same text as stored article {found['id']!r}"

    def _assign(self, db: Db, article: Article, rows: list[tuple[Any, ...]]) -> dict[int, int]:
        ids = db.execute("SELECT id, seq FROM events WHERE article_id = ?", (article.id,))
        by_seq = {row["seq"]: row["id"] for row in ids}
        new = []
        for seq, values in enumerate(rows):
            row = dict(zip(EVENT_COLUMNS, values, strict=True))
            row.update(id=by_seq[seq], published=article.published)
            new.append(dedup.Report.from_row(row))
        roots = []
        for key in {r.key for r in new if r.key is not None}:
            for row in db.execute(ROOTS, key[:5]):
                report = dedup.Report.from_row(row)
                if report.key == key:
                    roots.append(report)
        return dedup.assign(new, roots)

    def known(self, article: Article) -> str:
        """Why `article` would not be stored ("already stored", "same text as ..."), or ""."""
        return self._known(self.reader(), article)

    # readers

    def counts(self) -> dict[str, int]:
        db = self.reader()
        out = {}
        for table in ("articles", "events", "mentions"):
            out[table] = int(db.one(f"SELECT COUNT(*) AS n FROM {table}")["n"])  # type: ignore[index]
        row = db.one("SELECT COUNT(DISTINCT story_id) AS n FROM mentions")
        out["stories"] = int(row["n"]) if row else 0
        return out

    def events(self) -> Iterator[Row]:
        """Every stored event with its article's fields and its story's counts, by id."""
        yield from self.reader().execute(EVENTS + " ORDER BY e.id")

    def stories(self, source: str | None = None, target: str | None = None, *,
                both_ways: bool = False, start: str | None = None, end: str | None = None,
                statuses: Sequence[str] | None = COUNTED_STATUSES) -> list[Row]:
        """Story events (each story's first report) with NumMentions/Sources/Articles.

        `source`/`target` filter entities (with `both_ways`, either direction); `start` and
        `end` bound the counted day inclusively (stories without a day are kept only when
        no bound is given); `statuses` None keeps every status.
        """
        where, params = ["m.story_id = e.id"], []
        if source and target and both_ways:
            where.append("((e.source_entity = ? AND e.target_entity = ?) OR "
                         "(e.source_entity = ? AND e.target_entity = ?))")
            params += [source, target, target, source]
        else:
            for column, value in (("e.source_entity", source), ("e.target_entity", target)):
                if value:
                    where.append(f"{column} = ?")
                    params.append(value)
        for op, value in ((">=", start), ("<=", end)):
            if value:
                where.append(f"e.day {op} ?")
                params.append(value)
        if statuses is not None:
            where.append(f"e.status IN ({', '.join('?' for _ in statuses)})")
            params += list(statuses)
        sql = (EVENTS + " WHERE " + " AND ".join(where)
               + " ORDER BY (e.day IS NULL), e.day, e.id")  # undated last on both
        return self.reader().execute(sql, params)

    def mentions_of(self, story_id: int) -> list[Row]:
        """Every event row reporting one story, oldest first."""
        return self.reader().execute(EVENTS + " WHERE m.story_id = ? ORDER BY e.id", (story_id,))


def open_store(url: str | None = None, must_exist: bool = False) -> Store:
    return Store(url, must_exist=must_exist)
