"""dyad: event data from Russian news: who did what to whom, when and where.

    >>> import dyad
    >>> events = dyad.code("Путин позвонил Алиеву.", published="2025-10-07")
"""

from dyad.pipeline import Pipeline, code
from dyad.records import Actor, Article, Event, Evidence, Place

__all__ = ["Actor", "Article", "Event", "Evidence", "Pipeline", "Place", "code"]
