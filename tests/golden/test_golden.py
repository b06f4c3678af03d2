"""Golden tests: whole articles through the pipeline, compared with hand-checked events."""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

import pytest

from dyad.analysis.evaluate import evaluate
from tests.conftest import SAMPLE, SEED, read_jsonl

EXPECTED = Path(__file__).with_name("sample_expected.tsv")


def expected_by_article() -> dict[str, set[tuple[str, ...]]]:
    rows = [r for r in csv.reader(EXPECTED.open(encoding="utf-8"), delimiter="\t")
            if r and not r[0].startswith("#")]
    found: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for article, source, cameo, target, status in rows:
        found[article].add((source, cameo, target, status))
    return found


@pytest.mark.parametrize(("article_id", "expected"), sorted(expected_by_article().items()))
def test_sample_article_yields_its_events(pipeline, article_id, expected):
    from dyad.records import Article

    [row] = [r for r in read_jsonl(SAMPLE) if r["id"] == article_id]
    events = pipeline.code(Article(id=row["id"], text=row["text"], published=row.get("published")))
    found = {(e.source.code, e.cameo, e.target.code, e.status) for e in events}
    assert expected <= found, sorted(expected - found)


@pytest.mark.skipif(not SEED.exists(), reason="../shared/gold is not beside this clone")
def test_seed_article_scores_and_keeps_negations_apart(pipeline):
    from dyad.records import Article

    gold = read_jsonl(SEED)
    predictions = {g["id"]: [e.to_dict() for e in pipeline.code(Article(
        id=g["id"], text=g["text"], published=g.get("published")))] for g in gold}
    summary = evaluate(gold, predictions).totals()
    assert summary["f1"] >= 0.85 and summary["negation_errors"] == 0, summary
