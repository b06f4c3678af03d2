"""Smoke run of the load test (bench/load.py) for a few seconds: a real uvicorn server on
loopback, concurrent readers and one writer, and not a single error."""

from __future__ import annotations

from bench.load import report, run


def test_a_short_load_run_has_no_errors():
    tally = run(seconds=5, readers=4, articles=60, every=0.25)
    assert tally.error_count == 0, report(tally, 5, 4)
    assert {"/events", "/relations/AZE/RUS", "/dyads/top", "/actors", "/articles/{id}",
            "/health", "POST /articles"} <= set(tally.latencies)
    assert len(tally.latencies["POST /articles"]) >= 5
