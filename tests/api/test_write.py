"""POST /articles: the token, the checks `dyad ingest` makes, storing once."""

import pytest
from fastapi.testclient import TestClient

from dyad.api import create_app
from dyad.api.models import ValidationOut
from dyad.records import Article
from dyad.store.rows import content_hash
from tests.api.conftest import TOKEN, bearer
from tests.store.events import event

README_TEXT = ("Пресс-служба президента Азербайджана сообщила во вторник, что Ильхам Алиев "
               "позвонил президенту России Владимиру Путину.")


def two_events(article: Article):
    """A coder for fast tests: two AZE->RUS events, whatever the text."""
    return [event(article.id, root="04"), event(article.id, root="11", sentence=1)]


@pytest.fixture
def writable(records_db):
    with TestClient(create_app(records_db, TOKEN, coder=two_events)) as client:
        yield client


def post(client, headers=None, **fields):
    body = {"id": "new-1", "text": "Текст новой статьи.", "published": "2025-12-01", **fields}
    return client.post("/articles", json=body, headers=headers or {})


def test_a_read_only_server_refuses_writes_with_403(client):
    for headers in ({}, bearer()):
        response = post(client, headers)
        assert response.status_code == 403
        assert response.json()["code"] == "D060" and "read-only" in response.json()["detail"]
    assert client.get("/health").json()["store"]["articles"] == 4


@pytest.mark.parametrize("headers", [{}, bearer("wrong"), {"Authorization": TOKEN},
                                     {"Authorization": f"Basic {TOKEN}"}, bearer("")])
def test_a_missing_or_wrong_token_is_401(writable, headers):
    response = post(writable, headers)
    assert response.status_code == 401 and response.json()["code"] == "D061"
    assert writable.get("/health").json()["store"]["articles"] == 4


def test_an_article_is_coded_and_stored_once(writable):
    response = post(writable, bearer())
    assert response.status_code == 201
    # the 040 report joins a1's AZE->RUS 040 story of the same day; the 110 is new
    assert response.json() == {"article_id": "new-1", "stored": True, "reason": "",
                               "events": 2, "new_stories": 1}
    stored = writable.get("/articles/new-1").json()
    assert stored["published"] == "2025-12-01" and len(stored["events"]) == 2
    assert writable.get("/health").json()["writable"] is True
    again = post(writable, bearer())
    assert again.status_code == 200
    assert again.json()["stored"] is False and again.json()["reason"] == "already stored"
    same_text = post(writable, bearer(), id="new-2")
    assert same_text.status_code == 200 and "same text" in same_text.json()["reason"]
    assert writable.get("/health").json()["store"]["articles"] == 5


def test_an_article_without_id_is_keyed_by_its_text(writable):
    response = writable.post("/articles", json={"text": "Другой текст."}, headers=bearer())
    assert response.status_code == 201
    assert response.json()["article_id"] == "api-" + content_hash("Другой текст.")[:16]


@pytest.mark.parametrize(("fields", "code"), [({"published": "вчера"}, "D008"),
                                              ({"lang": "en"}, "D007"),
                                              ({"text": "   "}, "D003")])
def test_articles_dyad_ingest_would_refuse_are_422(writable, fields, code):
    response = post(writable, bearer(), **fields)
    assert response.status_code == 422 and response.json()["code"] == code


def test_a_body_that_is_not_an_article_is_422(writable):
    response = writable.post("/articles", json={"title": "no text"}, headers=bearer())
    assert response.status_code == 422
    assert ValidationOut.model_validate(response.json()).detail[0].loc == ["body", "text"]


def test_the_real_pipeline_codes_a_posted_article(tmp_path, pipeline):
    with TestClient(create_app(str(tmp_path / "new.db"), TOKEN)) as client:
        response = client.post("/articles", headers=bearer(), json={
            "id": "readme", "text": README_TEXT, "published": "2025-10-07"})
        assert response.status_code == 201 and response.json()["events"] >= 1
        found = client.get("/events", params={"source": "AZE", "target": "RUS"}).json()
    assert any(e["cameo_root"] == "04" and e["date"] == "2025-10-07" for e in found["events"])
