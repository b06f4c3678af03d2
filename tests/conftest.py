"""Shared fixtures: the natasha models and the pipeline load once per test session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "gold" / "seed.jsonl"
SAMPLE = ROOT / "sample" / "articles.jsonl"


@pytest.fixture(scope="session")
def parser():
    from dyad.nlp.ru import shared_parser

    return shared_parser()


@pytest.fixture(scope="session")
def pipeline(parser):
    from dyad.pipeline import shared_pipeline

    return shared_pipeline()


@pytest.fixture(scope="session")
def code(pipeline):
    from dyad.records import Article

    def run(text: str, published: str | None = "2025-10-07"):
        return pipeline.code(Article(id="t", text=text, published=published))

    return run


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]
