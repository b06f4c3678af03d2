import json

import pytest
from click.testing import CliRunner

from dyad.cli import main
from tests.conftest import SEED

TEXT = ("Пресс-служба президента Азербайджана сообщила во вторник, что Ильхам Алиев "
        "позвонил президенту России Владимиру Путину.")


def test_help_lists_commands():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for command in ("code", "eval", "demo"):
        assert command in result.output


def test_code_reads_stdin_and_writes_the_contract(pipeline):
    result = CliRunner().invoke(main, ["code", "-", "--published", "2025-10-07"], input=TEXT)
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    call = next(e for e in events if e["cameo"] == "041")
    assert call["source"]["code"] == "AZEGOV" and call["target"]["entity"] == "RUS"
    assert call["date"] == "2025-10-07" and call["quad_class"] == 1
    assert call["plover"] == {"type": "CONSULT", "mode": "phone"}
    start, end = call["evidence"]["start"], call["evidence"]["end"]
    assert TEXT[start:end] == call["evidence"]["text"]
    for key in ("article_id", "sentence", "cameo_root", "goldstein", "status", "place"):
        assert key in call


def test_code_reports_bad_items_and_codes_the_rest(tmp_path, pipeline):
    path = tmp_path / "mix.jsonl"
    path.write_text(json.dumps({"id": "ok", "text": TEXT}, ensure_ascii=False) + "\n{oops\n",
                    encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["code", str(path), "-o", str(out)])
    assert result.exit_code == 1
    assert "[D002]" in result.stderr and "line 2" in result.stderr
    assert any(json.loads(line)["article_id"] == "ok" for line in out.read_text().splitlines())


def test_code_fails_when_nothing_could_be_coded(tmp_path):
    result = CliRunner().invoke(main, ["code", str(tmp_path / "missing.txt")])
    assert result.exit_code == 2 and "[D001]" in result.stderr


@pytest.mark.skipif(not SEED.exists(), reason="../shared/gold is not beside this clone")
def test_eval_codes_gold_when_no_predictions_given(pipeline):
    result = CliRunner().invoke(main, ["eval", str(SEED), "--no-per-article"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output.strip().splitlines()[-1])
    assert summary["articles"] == 1 and summary["f1"] >= 0.6


def test_demo_codes_into_the_store_and_shows_relations(pipeline, tmp_path):
    db = str(tmp_path / "demo.db")
    first = CliRunner().invoke(main, ["demo", "--db", db])
    assert first.exit_code == 0, first.output
    assert "Busiest dyads in the store" in first.output and "Relations " in first.output
    assert "041" in first.output  # the sample's phone call is coded
    again = CliRunner().invoke(main, ["demo", "--db", db])
    assert again.exit_code == 0 and "already in the store" in again.output
