"""A fast, deterministic stand-in for the pipeline, reached through the ingest and code
commands' test hook: `DYAD_CODER=tests.reliability.fake_coder:code` (PYTHONPATH = the
repository). An article gets 0 to 3 events, decided by a checksum of its text, so a test
can tell how many events every stored article must have. `DYAD_FAKE_PAUSE` (seconds)
slows each article down, to give a kill signal time to land mid-run."""

from __future__ import annotations

import os
import time
import zlib

from dyad.records import Article, Event
from tests.store.events import event

ROOTS = ("04", "05", "11", "17")


def events_expected(text: str) -> int:
    return zlib.crc32(text.encode("utf-8")) % 4


def code(article: Article) -> list[Event]:
    pause = float(os.environ.get("DYAD_FAKE_PAUSE", "0"))
    if pause:
        time.sleep(pause)
    count = events_expected(article.text)
    return [event(article.id, root=ROOTS[i], sentence=i, text=article.text[:40],
                  date=article.published) for i in range(count)]


def crashing(article: Article) -> list[Event]:
    """`code`, except that it raises on any text containing СБОЙ (a pipeline bug)."""
    if "СБОЙ" in article.text:
        raise IndexError("list index out of range")
    return code(article)
