"""Schemathesis over the app's own OpenAPI spec, in process (ASGI, no network): every GET
endpoint and POST /articles with and without the write token, with valid and invalid
data. No answer may be a 5xx; each must have a documented status and content type and a
body that fits its schema."""

from __future__ import annotations

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from dyad.api import create_app
from dyad.store import Store
from tests.api.conftest import TOKEN, bearer
from tests.api.stores import fill_records
from tests.api.test_write import two_events

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance]
PLAIN = ["GET /health", "GET /actors"]  # no parameters: nothing to make invalid
READS = ["GET /events", "GET /relations/{a}/{b}", "GET /dyads/top",
         "GET /articles/{article_id}"]
WRITE = "POST /articles"
MODES = [GenerationMode.POSITIVE, GenerationMode.NEGATIVE]
FUZZ = settings(max_examples=50, deadline=None, derandomize=True, database=None,
                suppress_health_check=list(HealthCheck))


@pytest.fixture(scope="module")
def spec(tmp_path_factory):
    """The spec of a writable app over the records store, coding with the fast fake coder."""
    url = str(tmp_path_factory.mktemp("fuzz") / "fuzz.db")
    with Store(url) as store:
        fill_records(store)
    return schemathesis.openapi.from_asgi("/openapi.json",
                                          create_app(url, TOKEN, coder=two_events))


def operation(spec, label: str):
    found = spec.find_operation_by_label(label)
    assert found is not None, f"{label} is not in the spec"
    return found


def fuzz(spec, label: str, mode: GenerationMode, headers: dict[str, str]) -> None:
    @FUZZ
    @given(case=operation(spec, label).as_strategy(generation_mode=mode))
    def run(case) -> None:
        case.call_and_validate(headers=headers, checks=CHECKS)

    run()


def test_the_fuzzed_operations_are_all_the_spec_has(spec):
    labels = {result.ok().label for result in spec.get_all_operations()}
    assert labels == {*PLAIN, *READS, WRITE}


@pytest.mark.parametrize("label", PLAIN)
def test_reads_without_parameters_answer_as_documented(spec, label):
    fuzz(spec, label, GenerationMode.POSITIVE, {})


@pytest.mark.parametrize("mode", MODES, ids=lambda m: m.value)
@pytest.mark.parametrize("label", READS)
def test_every_read_answers_as_documented(spec, label, mode):
    fuzz(spec, label, mode, {})


@pytest.mark.parametrize("mode", MODES, ids=lambda m: m.value)
@pytest.mark.parametrize("headers", [bearer(), {}], ids=["token", "no-token"])
def test_posting_articles_answers_as_documented(spec, headers, mode):
    fuzz(spec, WRITE, mode, headers)


# what the fuzzing found, pinned down


def test_an_offset_past_sql_integers_is_422_not_500(client):
    assert client.get("/events", params={"offset": 2**63}).status_code == 422
    page = client.get("/events", params={"offset": 2**63 - 1})
    assert page.status_code == 200 and page.json()["events"] == []


def test_a_body_that_is_not_utf8_is_a_coded_400(records_db):
    with TestClient(create_app(records_db, TOKEN, coder=two_events)) as client:
        response = client.post("/articles", content=b'{"text": "\xff\xfe"}',
                               headers={**bearer(), "Content-Type": "application/json"})
    assert response.status_code == 400 and response.json()["code"] == "D080"


def test_relations_over_too_many_periods_are_refused(client):
    wide = {"from": "0001-01-01", "to": "9999-12-31"}
    response = client.get("/relations/AZE/RUS", params={**wide, "by": "day"})
    assert response.status_code == 422 and response.json()["code"] == "D081"
    assert "3652059 periods" in response.json()["detail"]
    by_month = client.get("/relations/AZE/RUS", params={"from": "2000-01-01", "by": "month"})
    assert by_month.status_code == 200 and by_month.json()["periods"][0] == "2000-01"
