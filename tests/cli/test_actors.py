"""`dyad actors`: a readable table by default, one JSON object a mention with --format jsonl."""

import json

from click.testing import CliRunner

from dyad.cli import main
from tests.conftest import SAMPLE

TEXT = "Ильхам Алиев позвонил президенту России Владимиру Путину."


def test_help_lists_actors():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0 and "actors" in result.output


def test_table_from_stdin(pipeline):
    result = CliRunner().invoke(main, ["actors", "-", "--published", "2025-10-07"],
                                input=TEXT)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("# stdin (2025-10-07)")
    assert lines[1].split() == ["span", "text", "code", "kind", "name", "evidence"]
    aliyev = next(line for line in lines if line.startswith("0-12"))
    assert "AZEGOV" in aliyev and "people.tsv: Ильхам Алиев, president" in aliyev
    assert "actor mentions" in result.stderr


def test_jsonl_rows_carry_the_contract(pipeline):
    result = CliRunner().invoke(main, ["actors", "-", "--format", "jsonl",
                                       "--published", "2025-10-07"], input=TEXT)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert {r["code"] for r in rows} >= {"AZEGOV", "RUS", "RUSGOV"}
    for row in rows:
        assert TEXT[row["start"]:row["end"]] == row["text"]
        assert row["kind"] in {"state", "capital", "person", "organisation", "sector",
                               "pronoun"}
        assert row["evidence"]


def test_sample_file_to_output(tmp_path, pipeline):
    out = tmp_path / "mentions.jsonl"
    result = CliRunner().invoke(main, ["actors", str(SAMPLE), "--format", "jsonl",
                                       "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    articles = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()
                if line.strip()]
    texts = {a["id"]: a["text"] for a in articles}
    assert {r["article_id"] for r in rows} == set(texts)
    assert all(texts[r["article_id"]][r["start"]:r["end"]] == r["text"] for r in rows)


def test_missing_file_fails_with_a_coded_error(tmp_path):
    result = CliRunner().invoke(main, ["actors", str(tmp_path / "missing.txt")])
    assert result.exit_code == 2 and "[D001]" in result.stderr
