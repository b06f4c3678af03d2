"""API fixtures: a session store of the sample corpus coded by the real pipeline, and
small stores written from records."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from dyad.api import create_app
from dyad.store import Store
from tests.api.stores import fill_records, fill_sample

TOKEN = "s3cret-token"


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory, pipeline):
    """The sample corpus ingested through the real pipeline (read-only for the tests)."""
    url = str(tmp_path_factory.mktemp("sample") / "sample.db")
    fill_sample(url)
    return url


@pytest.fixture(scope="session")
def sample_client(sample_db):
    with TestClient(create_app(sample_db)) as client:
        yield client


@pytest.fixture
def records_db(store_url):
    """Records written directly, on SQLite and (with DYAD_TEST_PG) PostgreSQL."""
    with Store(store_url) as store:
        fill_records(store)
    return store_url


@pytest.fixture
def client(records_db):
    with TestClient(create_app(records_db)) as opened:
        yield opened


def bearer(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
