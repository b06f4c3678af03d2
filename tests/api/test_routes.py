"""The read endpoints against records (exact numbers) and the sample corpus (the pipeline)."""

import json

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from dyad.analysis.top import top_dyads
from dyad.api import create_app
from dyad.cli import main
from dyad.store import Store
from tests.api.stores import HOSTILE
from tests.store.events import article as record_article
from tests.store.events import event as record_event


def keys(page):
    return {(e["article_id"], e["cameo"]) for e in page["events"]}


def test_health_reports_the_store_and_that_it_is_read_only(client):
    body = client.get("/health").json()
    assert body["status"] == "ok" and body["writable"] is False
    assert body["store"]["kind"] in ("sqlite", "postgresql") and body["store"]["schema_version"]
    assert (body["store"]["articles"], body["store"]["events"], body["store"]["stories"]) == (
        4, 6, 6)


def test_events_come_by_day_with_undated_last(client):
    page = client.get("/events").json()
    assert page["total"] == 6 and (page["limit"], page["offset"]) == (100, 0)
    days = [e["day"] for e in page["events"]]
    assert days == ["2025-10-07", "2025-10-07", "2025-10-10", "2025-10-10", "2025-11-02", None]


@pytest.mark.parametrize(("params", "expected"), [
    ({"source": "AZE", "target": "RUS"}, {("a1", "040"), ("a3", "110")}),
    ({"source": "aze", "target": "rus", "both_ways": "true"},
     {("a1", "040"), ("a1", "030"), ("a2", "170"), ("a3", "110")}),
    ({"actor": "ARM"}, {("a3", "050")}),
    ({"root": "17"}, {("a2", "170")}),
    ({"code": "190"}, {("a4", "190")}),
    ({"quad_class": 1}, {("a1", "040"), ("a1", "030"), ("a3", "050")}),
    ({"from": "2025-10-08", "to": "2025-11-30"}, {("a3", "050"), ("a3", "110"), ("a2", "170")}),
    ({"status": "negated"}, {("a3", "110")}),
    ({"q": "ПОЗВОНИЛ"}, {("a1", "040")}),
    ({"q": "100%"}, {("a2", "170")}),
    ({"q": "%"}, {("a2", "170")}),
    ({"q": "_"}, {("a2", "170"), ("a1", "030")}),  # window.__pwned
    ({"q": "<script>"}, {("a1", "030")}),
    ({"source": "AZE", "status": "asserted", "root": "04"}, {("a1", "040")}),
    ({"stories_only": "true", "actor": "USA"}, {("a4", "190")}),
    ({"source": "FRA"}, set()),
])
def test_event_filters(client, params, expected):
    page = client.get("/events", params=params).json()
    assert keys(page) == expected and page["total"] == len(expected)


def test_pages_split_the_events_without_overlap(client):
    pages = [client.get("/events", params={"limit": 4, "offset": o}).json() for o in (0, 4)]
    ids = [e["id"] for p in pages for e in p["events"]]
    assert [len(p["events"]) for p in pages] == [4, 2] and len(set(ids)) == 6
    assert all(p["total"] == 6 for p in pages)


@pytest.mark.parametrize("params", [{"quad_class": 5}, {"from": "2025-13-01"},
                                    {"root": "abc"}, {"limit": 0}, {"offset": -1},
                                    {"limit": 1001}])
def test_bad_filters_are_rejected(client, params):
    assert client.get("/events", params=params).status_code == 422


def test_an_event_keeps_the_output_contract(client):
    event = client.get("/events", params={"code": "040"}).json()["events"][0]
    assert event["source"] == {"text": "Ильхам Алиев", "entity": "AZE", "role": "GOV",
                               "code": "AZEGOV", "name": "Ильхам Алиев"}
    assert event["plover"] == {"type": "CONSULT", "mode": "phone"}
    assert event["evidence"]["text"] == "Алиев позвонил Путину"
    assert (event["quad_class"], event["goldstein"], event["status"]) == (1, 1.0, "asserted")
    assert event["story_id"] == event["id"] and event["num_mentions"] == 1


def test_relations_are_those_of_the_relations_command(sample_client, sample_db):
    for args in ([], ["--by", "week", "--from", "2024-12-01", "--to", "2025-10-31"]):
        cli = CliRunner().invoke(main, ["relations", "AZE", "RUS", "--format", "json",
                                        "--db", sample_db, *args])
        assert cli.exit_code == 0, cli.output
        params = dict(zip(("by", "from", "to"), args[1::2], strict=False))
        api = sample_client.get("/relations/aze/rus", params=params)
        assert api.status_code == 200
        assert api.json() == json.loads(cli.stdout)
    assert api.json()["directions"][0]["series"], "the sample corpus has AZE-RUS events"


def test_relations_count_asserted_and_claimed_stories_only(client):
    body = client.get("/relations/AZE/RUS").json()
    assert body["periods"] == ["2025-10", "2025-11"]
    aze_rus, rus_aze = body["directions"]
    assert [p["events"] for p in aze_rus["series"]] == [1, 0]  # the negated 110 is left out
    assert [p["events"] for p in rus_aze["series"]] == [1, 1]
    assert rus_aze["series"][1]["quad_class"] == {"1": 0, "2": 0, "3": 0, "4": 1}


def test_relations_reject_an_unknown_period(client):
    assert client.get("/relations/AZE/RUS", params={"by": "year"}).status_code == 422


def test_top_dyads_are_those_of_the_library(sample_client, sample_db):
    with Store(sample_db) as store:
        expected = top_dyads(store.stories(), 5)
    body = sample_client.get("/dyads/top", params={"limit": 5}).json()
    assert [(d["label"], d["stories"], d["mentions"], d["quad"]) for d in body] == [
        (d.label, d.stories, d.mentions, d.quad) for d in expected]
    assert len(body) == 5


def test_top_dyads_on_records(client):
    body = client.get("/dyads/top", params={"limit": 0}).json()
    assert [(d["label"], d["stories"]) for d in body] == [
        ("RUS->AZE", 2), ("AZE->ARM", 1), ("AZE->RUS", 1), ("RUS->USA", 1)]
    later = client.get("/dyads/top", params={"from": "2025-11-01"}).json()
    assert [d["label"] for d in later] == ["RUS->AZE"]


def test_actors_count_both_sides(client):
    body = client.get("/actors").json()
    assert body == [
        {"entity": "AZE", "events": 5, "as_source": 3, "as_target": 2},
        {"entity": "RUS", "events": 5, "as_source": 3, "as_target": 2},
        {"entity": "ARM", "events": 1, "as_source": 0, "as_target": 1},
        {"entity": "USA", "events": 1, "as_source": 0, "as_target": 1}]


def test_an_article_comes_with_its_events_and_their_spans(client):
    body = client.get("/articles/a1").json()
    assert body["text"] == HOSTILE and body["title"] == "Заголовок a1"
    assert [e["cameo"] for e in body["events"]] == ["040", "030"]
    for event in body["events"]:
        span = event["evidence"]
        assert body["text"][span["start"]:span["end"]] == span["text"]


def test_sample_evidence_offsets_point_into_the_article_text(sample_client):
    ids = {e["article_id"] for e in sample_client.get("/events",
                                                      params={"limit": 1000}).json()["events"]}
    assert len(ids) >= 5
    for article_id in ids:
        body = sample_client.get(f"/articles/{article_id}").json()
        for event in body["events"]:
            span = event["evidence"]
            assert body["text"][span["start"]:span["end"]] == span["text"]


@pytest.mark.parametrize("path", ["nope", "..%2F..%2Fetc%2Fpasswd", "%2Fetc%2Fpasswd"])
def test_an_unknown_article_is_404_with_its_code(client, path):
    response = client.get(f"/articles/{path}")
    assert response.status_code == 404
    assert response.json()["code"] == "D063"


def test_an_article_id_may_hold_slashes(records_db):
    with Store(records_db) as store:
        store.add(record_article("https://example.org/news/1"), [record_event("x")])
    with TestClient(create_app(records_db)) as client:
        body = client.get("/articles/https%3A%2F%2Fexample.org%2Fnews%2F1").json()
    assert body["id"] == "https://example.org/news/1" and len(body["events"]) == 1


def test_the_openapi_spec_describes_every_endpoint(client):
    spec = client.get("/openapi.json").json()
    assert {path: sorted(ops) for path, ops in spec["paths"].items()} == {
        "/health": ["get"], "/events": ["get"], "/relations/{a}/{b}": ["get"],
        "/dyads/top": ["get"], "/actors": ["get"], "/articles/{article_id}": ["get"],
        "/articles": ["post"]}
    event = spec["components"]["schemas"]["EventOut"]["properties"]
    assert {"source", "target", "cameo", "quad_class", "goldstein", "evidence", "status",
            "date", "place", "story_id"} <= set(event)
    params = {p["name"] for p in spec["paths"]["/events"]["get"]["parameters"]}
    assert {"source", "target", "actor", "root", "code", "quad_class", "from", "to", "status",
            "q", "limit", "offset"} <= params
    assert {"201", "401", "403", "413", "422"} <= set(spec["paths"]["/articles"]["post"][
        "responses"])
    refused = spec["paths"]["/articles"]["post"]["responses"]["422"]["content"]
    assert {r["$ref"].rsplit("/", 1)[1] for r in refused["application/json"]["schema"][
        "anyOf"]} == {"ErrorOut", "ValidationOut"}


def test_no_page_loads_scripts_from_a_cdn(client):
    assert client.get("/docs").status_code == 404
    assert client.get("/redoc").status_code == 404
