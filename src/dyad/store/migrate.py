"""Versioned schema migrations: numbered SQL files shipped in `dyad/store/migrations/`.

`NNNN_name.sql` files apply in number order, each in the same transaction as its row in
`schema_version`; a store at the newest version is left alone, one newer than this dyad
knows is refused (D022). The migrator holds the write lock (SQLite `BEGIN IMMEDIATE`,
a PostgreSQL advisory lock) so two processes opening a new store do not both migrate it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

from dyad.errors import StoreError
from dyad.store.dialect import Db, database_errors, display
from dyad.store.rows import now

FILE_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")
VERSION_TABLE = """CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"""


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


def bundled() -> list[Migration]:
    found = []
    for entry in resources.files("dyad.store").joinpath("migrations").iterdir():
        match = FILE_NAME.match(entry.name)
        if match:
            found.append(Migration(int(match[1]), match[2], entry.read_text("utf-8")))
    return sorted(found, key=lambda m: m.version)


def current_version(db: Db) -> int:
    row = db.one("SELECT MAX(version) AS version FROM schema_version")
    return int(row["version"]) if row and row["version"] is not None else 0


def migrate(db: Db, url: str, migrations: list[Migration] | None = None) -> list[str]:
    """Apply the pending migrations; return the names applied (empty when current)."""
    migrations = bundled() if migrations is None else migrations
    known = migrations[-1].version if migrations else 0
    applied: list[str] = []
    with db.transaction(lock=True):
        db.execute(VERSION_TABLE)
        found = current_version(db)
        if found > known:
            raise StoreError("D022", url=display(url), found=found, known=known)
        for migration in (m for m in migrations if m.version > found):
            label = f"{migration.version:04d}_{migration.name}"
            try:
                db.script(migration.sql)
            except database_errors() as exc:
                raise StoreError("D023", name=label, url=display(url), reason=exc) from exc
            db.execute("INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)",
                       (migration.version, migration.name, now()))
            applied.append(label)
    return applied
