"""Crash safety (issue 9): `dyad ingest` killed with SIGKILL at random points, then rerun
to completion, leaves every article stored exactly once with all its events.

The ingest runs in a subprocess on the fake coder (`DYAD_CODER`, deterministic event
counts, a pause per article so kills land mid-run). Kills come at random moments: once
during start-up, the others once the store holds a random number of articles (polled
through a read-only connection), so they land between and inside transactions."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dyad.store.dialect import connect
from tests.conftest import ROOT
from tests.reliability.fake_coder import events_expected
from tests.reliability.faults import FAKE_CODER, base_texts

pytestmark = pytest.mark.reliability
ARTICLES = 300
KILLS = 6
PAUSE = "0.02"


def write_articles(path: Path) -> dict[str, str]:
    texts = base_texts()
    articles = {f"c{i}": f"Сводка {i}. {texts[i % len(texts)]}" for i in range(ARTICLES)}
    with path.open("w", encoding="utf-8") as out:
        for article_id, text in articles.items():
            record = {"id": article_id, "text": text, "published": "2025-10-07", "lang": "ru"}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return articles


def start_ingest(path: Path, url: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DYAD_CODER": FAKE_CODER,
           "DYAD_FAKE_PAUSE": PAUSE}
    return subprocess.Popen([sys.executable, "-m", "dyad", "ingest", str(path), "--db", url],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
                            cwd=ROOT, text=True)


def stored_count(url: str) -> int:
    try:
        db = connect(url, readonly=True)
    except Exception:  # noqa: BLE001 (the store may not exist yet)
        return 0
    try:
        row = db.one("SELECT COUNT(*) AS n FROM articles")
        return int(row["n"]) if row else 0
    except Exception:  # noqa: BLE001 (not migrated yet, or locked for a moment)
        return 0
    finally:
        db.close()


def kill_when(process: subprocess.Popen, url: str, target: int, timeout: float = 120) -> float:
    """SIGKILL the ingest once the store holds `target` articles; seconds it ran."""
    started = time.perf_counter()
    while process.poll() is None and time.perf_counter() - started < timeout:
        if target <= 0 or stored_count(url) >= target:
            break
        time.sleep(random.uniform(0.005, 0.05))
    if target <= 0:
        time.sleep(random.uniform(0.1, 1.0))
    process.send_signal(signal.SIGKILL)
    process.wait()
    return time.perf_counter() - started


def check_store(url: str, articles: dict[str, str]) -> None:
    db = connect(url, readonly=True)
    try:
        rows = db.execute("SELECT id, text FROM articles")
        events = db.execute("SELECT article_id, seq FROM events")
        mentions = db.one("SELECT COUNT(*) AS n FROM mentions")
        orphans = db.one("SELECT COUNT(*) AS n FROM events e LEFT JOIN mentions m "
                         "ON m.event_id = e.id WHERE m.event_id IS NULL")
    finally:
        db.close()
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids)) == ARTICLES
    assert {row["id"]: row["text"] for row in rows} == articles
    seqs: dict[str, list[int]] = {}
    for event in events:
        seqs.setdefault(event["article_id"], []).append(int(event["seq"]))
    for article_id, text in articles.items():
        assert sorted(seqs.get(article_id, [])) == list(range(events_expected(text)))
    assert int(mentions["n"]) == len(events) and int(orphans["n"]) == 0


def test_ingest_killed_at_random_points_loses_and_duplicates_nothing(tmp_path, store_url):
    rng = random.Random(9)
    path = tmp_path / "articles.jsonl"
    articles = write_articles(path)
    landed = []
    targets = [0] + sorted(rng.sample(range(5, ARTICLES - 5), KILLS - 1))
    for target in targets:
        seconds = kill_when(start_ingest(path, store_url), store_url, target)
        landed.append((round(seconds, 2), stored_count(store_url)))
    final = start_ingest(path, store_url)
    _, stderr = final.communicate(timeout=600)
    assert final.returncode == 0, stderr
    counts = [count for _, count in landed]
    assert counts == sorted(counts) and 0 < counts[-1] < ARTICLES
    assert len(landed) == KILLS and all(seconds > 0 for seconds, _ in landed)
    check_store(store_url, articles)
    print(f"\ncrash test: {KILLS} SIGKILLs after (seconds, articles stored) {landed}; "
          f"rerun completed {ARTICLES} articles, no duplicate, none partial")
