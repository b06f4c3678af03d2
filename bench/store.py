"""Store throughput: articles/s written (one transaction an article, executemany for events,
dedup included) and the time of a relations query, on SQLite and, with DYAD_TEST_PG set,
PostgreSQL. Events are built from records, so this measures the store, not the coder.

    .venv/bin/python bench/store.py [ARTICLES] [EVENTS_PER_ARTICLE]
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.store.events import article, event  # noqa: E402

from dyad.analysis.relations import relations  # noqa: E402
from dyad.store import Store  # noqa: E402

ENTITIES = ("AZE", "RUS", "ARM", "TUR", "USA", "UKR", "GEO", "IRN")
ROOTS = ("03", "04", "05", "11", "17", "19")


def fill(store: Store, articles: int, per_article: int, seed: int = 6) -> float:
    rng = random.Random(seed)
    started = time.perf_counter()
    for n in range(articles):
        day = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        art = article(f"b{n}", text=f"Статья номер {n}.", published=day,
                      source=rng.choice(("ТАСС", "РИА", "Интерфакс")))
        events = [event(art.id, *rng.sample(ENTITIES, 2), rng.choice(ROOTS),
                        rng.choice((day, None))) for _ in range(per_article)]
        store.add(art, events)
    return time.perf_counter() - started


def measure(url: str, articles: int, per_article: int) -> None:
    with Store(url) as store:
        seconds = fill(store, articles, per_article)
        counts = store.counts()
        started = time.perf_counter()
        result = relations(store, "AZE", "RUS", by="week")
        query = time.perf_counter() - started
    print(f"{url.split(':')[0] if '://' in url else 'sqlite'}: {articles} articles, "
          f"{counts['events']} events, {counts['stories']} stories in {seconds:.1f} s "
          f"({articles / seconds:.0f} articles/s, {counts['events'] / seconds:.0f} events/s); "
          f"relations AZE RUS by week ({len(result.periods)} periods) {query * 1000:.0f} ms")


def main() -> None:
    articles = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    per_article = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    with tempfile.TemporaryDirectory() as tmp:
        measure(str(Path(tmp) / "bench.db"), articles, per_article)
    pg = os.environ.get("DYAD_TEST_PG")
    if pg:
        import psycopg

        with psycopg.connect(pg, autocommit=True) as admin:
            admin.execute("DROP SCHEMA IF EXISTS dyad_bench CASCADE")
            admin.execute("CREATE SCHEMA dyad_bench")
        try:
            measure(pg + ("&" if "?" in pg else "?") + "options=-csearch_path%3Ddyad_bench",
                    articles, per_article)
        finally:
            with psycopg.connect(pg, autocommit=True) as admin:
                admin.execute("DROP SCHEMA dyad_bench CASCADE")


if __name__ == "__main__":
    main()
