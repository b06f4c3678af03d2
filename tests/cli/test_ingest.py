"""The store commands end to end, through the real pipeline on the bundled sample corpus."""

import json

import pytest
from click.testing import CliRunner

from dyad.cli import main
from dyad.coding import Tally, code_inputs
from dyad.errors import StoreError
from dyad.export.plover import read_plover
from dyad.store import Store
from tests.conftest import SAMPLE


@pytest.fixture(scope="module")
def sample_events(pipeline):
    tally = Tally()
    coded = list(code_inputs([str(SAMPLE)], tally))
    return len(coded), tally.events


def invoke(*args, **kwargs):
    return CliRunner().invoke(main, [str(a) for a in args], **kwargs)


@pytest.fixture
def ingested(store_url, pipeline):
    result = invoke("ingest", SAMPLE, "--db", store_url)
    assert result.exit_code == 0, result.output
    return store_url, result


def test_ingest_stores_every_sample_article_and_event(ingested, sample_events):
    url, result = ingested
    articles, events = sample_events
    assert f"{articles} articles stored ({events} events" in result.stderr
    with Store(url) as store:
        counts = store.counts()
    assert counts["articles"] == articles and counts["events"] == counts["mentions"] == events
    assert 0 < counts["stories"] <= events


def test_ingesting_the_same_corpus_again_stores_nothing(ingested):
    url, _ = ingested
    with Store(url) as store:
        before = store.counts()
    again = invoke("ingest", SAMPLE, "--db", url)
    assert again.exit_code == 0
    assert "0 articles stored" in again.stderr and f"{before['articles']} already stored" in (
        again.stderr)
    with Store(url) as store:
        assert store.counts() == before


def test_ingest_reports_bad_items_and_stores_the_rest(tmp_path, pipeline):
    path = tmp_path / "mix.jsonl"
    good = {"id": "ok", "text": "Ильхам Алиев позвонил Владимиру Путину.",
            "published": "2025-10-07"}
    path.write_text(json.dumps(good, ensure_ascii=False) + "\n{oops\n", encoding="utf-8")
    result = invoke("ingest", path, "--db", tmp_path / "s.db")
    assert result.exit_code == 1 and "[D002]" in result.stderr
    assert "1 articles stored" in result.stderr


def test_relations_top_and_export_read_the_ingested_sample(ingested):
    url, _ = ingested
    table = invoke("relations", "aze", "rus", "--db", url)
    assert table.exit_code == 0, table.output
    assert "AZE->RUS" in table.output and "RUS->AZE" in table.output
    assert "Trend" in table.output
    body = json.loads(invoke("relations", "AZE", "RUS", "--by", "week", "--format", "json",
                             "--db", url).output)
    assert body["by"] == "week" and len(body["directions"]) == 2
    top = invoke("top", "--limit", "3", "--db", url)
    assert top.exit_code == 0 and top.output.startswith("dyad (directed)")
    assert 1 <= len(top.output.strip().splitlines()) - 1 <= 3
    gdelt = invoke("export", "--format", "gdelt", "--db", url)
    assert gdelt.exit_code == 0 and gdelt.stdout.strip()
    assert {len(line.split("\t")) for line in gdelt.stdout.splitlines()} == {61}
    plover = invoke("export", "--format", "plover", "--db", url)
    records = read_plover(plover.stdout.splitlines())
    assert records and all(r["id"].startswith("dyad-") for r in records)


def test_parquet_needs_an_output_file(ingested, tmp_path):
    url, _ = ingested
    assert invoke("export", "--format", "parquet", "--db", url).exit_code == 2
    out = tmp_path / "e.parquet"
    result = invoke("export", "--format", "parquet", "-o", out, "--db", url)
    assert result.exit_code == 0 and out.stat().st_size > 0


def test_reading_commands_need_an_existing_store(tmp_path):
    result = invoke("relations", "AZE", "RUS", "--db", tmp_path / "none.db")
    assert isinstance(result.exception, StoreError) and result.exception.code == "D024"
    assert not (tmp_path / "none.db").exists()


def test_bad_days_are_usage_errors(tmp_path):
    result = invoke("top", "--from", "2025-13-01", "--db", tmp_path / "x.db")
    assert result.exit_code == 2 and "[D025]" in result.output
