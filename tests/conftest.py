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


def pg_url_with_schema(base: str, schema: str) -> str:
    joiner = "&" if "?" in base else "?"
    return f"{base}{joiner}options=-csearch_path%3D{schema}"


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """A fresh, empty store URL: a SQLite file, and a PostgreSQL schema when DYAD_TEST_PG
    names a server (.ci/run starts one; see .ci/postgres)."""
    import os

    if request.param == "sqlite":
        yield str(tmp_path / "dyad.db")
        return
    base = os.environ.get("DYAD_TEST_PG")
    if not base:
        pytest.skip("DYAD_TEST_PG is not set (CI starts a PostgreSQL, see .ci/postgres)")
    import uuid

    import psycopg

    schema = f"dyad_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    try:
        yield pg_url_with_schema(base, schema)
    finally:
        with psycopg.connect(base, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def store(store_url):
    from dyad.store import Store

    with Store(store_url) as opened:
        yield opened
