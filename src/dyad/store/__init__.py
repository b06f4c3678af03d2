"""The event store: articles, their coded events and story mentions in SQLite or PostgreSQL."""

from dyad.store.base import COUNTED_STATUSES, Store, Stored, open_store
from dyad.store.dialect import default_url

__all__ = ["COUNTED_STATUSES", "Store", "Stored", "default_url", "open_store"]
