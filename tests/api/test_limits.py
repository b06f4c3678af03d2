"""Request bodies over the limit get 413, whether their length is declared or not."""

import pytest
from fastapi.testclient import TestClient

from dyad.api import create_app
from dyad.api.limits import MAX_BODY, declared_length
from tests.api.conftest import TOKEN, bearer
from tests.api.test_write import two_events

LIMIT = 2000


@pytest.fixture
def small(records_db):
    with TestClient(create_app(records_db, TOKEN, max_body=LIMIT, coder=two_events)) as client:
        yield client


def test_the_default_limit_is_5_mb():
    assert MAX_BODY == 5 * 1024 * 1024


def test_a_declared_length_over_the_limit_is_413(small):
    response = small.post("/articles", json={"id": "big", "text": "я" * LIMIT},
                          headers=bearer())
    assert response.status_code == 413
    assert response.json()["code"] == "D062" and str(LIMIT) in response.json()["detail"]
    assert small.get("/articles/big").status_code == 404


def test_an_undeclared_length_over_the_limit_is_413(small):
    def chunks():
        yield b'{"id": "big", "text": "'
        for _ in range(10):
            yield b"x" * 500
        yield b'"}'

    headers = {**bearer(), "Content-Type": "application/json"}
    response = small.post("/articles", content=chunks(), headers=headers)
    assert response.status_code == 413 and response.json()["code"] == "D062"
    assert small.get("/articles/big").status_code == 404


def test_a_body_under_the_limit_goes_through(small):
    response = small.post("/articles", json={"id": "small", "text": "я" * 100},
                          headers=bearer())
    assert response.status_code == 201


def test_the_limit_applies_before_the_token_is_checked(records_db):
    with TestClient(create_app(records_db, max_body=LIMIT)) as client:
        response = client.post("/articles", json={"text": "x" * (LIMIT + 1)})
    assert response.status_code == 413


@pytest.mark.parametrize(("headers", "expected"), [
    ([(b"content-length", b"12")], 12), ([(b"content-length", b"twelve")], None), ([], None)])
def test_declared_length(headers, expected):
    assert declared_length({"headers": headers}) == expected
