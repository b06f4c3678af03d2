"""The fault suite (issue 9): a batch of 2,000+ articles seeded with 10% bad items goes
through `dyad code` and `dyad ingest`; every good article is coded, every bad one is
reported with its item and reason, and the exit code is the documented one. The bulk runs
on the fake coder (the readers are the point); a sample runs on the real pipeline."""

from __future__ import annotations

import json
import re
import shutil
import time
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyad.cli import main
from dyad.store import Store
from tests.conftest import SAMPLE
from tests.reliability.fake_coder import events_expected
from tests.reliability.faults import BAD_FILES, GOOD_FILES, Batch, bad_lines, build, dyad

pytestmark = pytest.mark.reliability
SUMMARY = re.compile(r"dyad: (\d+) articles coded, (\d+) events, (\d+) items skipped")


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> Batch:
    return build(tmp_path_factory.mktemp("faults") / "batch")


def skipped_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("dyad: skipped: [")]


def assert_every_bad_item_reported(stderr: str, bad: list[tuple[str, str]]) -> None:
    lines = skipped_lines(stderr)
    missing = [(code, item) for code, item in bad
               if not any(re.search(re.escape(f"[{code}] {item}") + "[: ]", line)
                          for line in lines)]
    assert missing == []
    assert len(lines) == len(bad)


def events_by_article(path: Path) -> Counter:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return Counter(row["article_id"] for row in rows)


def test_batch_is_big_enough_and_one_tenth_bad(batch):
    total = batch.good_count + len(batch.bad)
    assert total >= 2000 and 0.10 <= len(batch.bad) / total <= 0.12
    codes = {code for code, _ in batch.bad}
    assert {"D002", "D004", "D005", "D006", "D008", "D009", "D041", "D043", "D044"} <= codes


def test_code_codes_every_good_article_and_reports_every_bad_item(batch, tmp_path):
    out = tmp_path / "events.jsonl"
    started = time.perf_counter()
    result = dyad("code", batch.folder, "--jobs", "2", "-o", out)
    seconds = time.perf_counter() - started
    assert result.returncode == 1, result.stderr[-2000:]
    coded, events, skipped = map(int, SUMMARY.search(result.stderr).groups())
    assert (coded, skipped) == (batch.good_count, len(batch.bad))
    assert_every_bad_item_reported(result.stderr, batch.bad)
    found = events_by_article(out)
    assert sum(found.values()) == events
    expected = {i: events_expected(t) for i, t in batch.good.items() if events_expected(t)}
    assert {i: n for i, n in found.items() if i in batch.good} == expected
    assert set(found) - set(batch.good) <= {Path(name).stem for name in GOOD_FILES}
    print(f"\nfault batch, dyad code --jobs 2: {coded} good coded, {skipped} bad reported, "
          f"{seconds:.1f} s")


def stored_articles(url: str) -> dict[str, tuple[str, int]]:
    """Every stored article: id -> (text, number of its events)."""
    with Store(url) as store:
        rows = store.reader().execute(
            "SELECT a.id, a.text, COUNT(e.id) AS n FROM articles a "
            "LEFT JOIN events e ON e.article_id = a.id GROUP BY a.id, a.text")
    return {row["id"]: (row["text"], int(row["n"])) for row in rows}


def test_ingest_stores_every_good_article_once_with_all_its_events(batch, store_url):
    started = time.perf_counter()
    result = dyad("ingest", batch.folder, "--db", store_url)
    seconds = time.perf_counter() - started
    assert result.returncode == 1, result.stderr[-2000:]
    assert f"{batch.good_count} articles stored" in result.stderr
    assert_every_bad_item_reported(result.stderr, batch.bad)
    stored = stored_articles(store_url)
    assert set(batch.good) <= set(stored) and len(stored) == batch.good_count
    assert all(n == events_expected(text) for text, n in stored.values())
    again = dyad("ingest", batch.folder, "--db", store_url)
    assert again.returncode == 1 and "0 articles stored" in again.stderr
    assert f"{batch.good_count} already stored" in again.stderr
    assert stored_articles(store_url) == stored
    print(f"\nfault batch, dyad ingest: {len(stored)} stored, {len(batch.bad)} bad reported, "
          f"{seconds:.1f} s")


def test_a_pipeline_crash_on_one_article_is_reported_and_the_rest_are_stored(tmp_path):
    rows = [{"id": f"a{i}", "text": f"Статья {i}. Путин прибыл в Баку."} for i in range(5)]
    rows[2]["text"] += " СБОЙ"
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    coder = "tests.reliability.fake_coder:crashing"
    result = dyad("ingest", path, "--db", tmp_path / "s.db", "--lang", "ru", coder=coder)
    assert result.returncode == 1, result.stderr
    assert "[D048] a2: the pipeline failed on this article (IndexError" in result.stderr
    assert set(stored_articles(str(tmp_path / "s.db"))) == {"a0", "a1", "a3", "a4"}
    code = dyad("code", path, "--jobs", "1", "--lang", "ru", coder=coder)
    assert code.returncode == 1 and "[D048] a2:" in code.stderr


def write_bad_only(folder: Path) -> None:
    folder.mkdir()
    for name, (raw, _) in BAD_FILES.items():
        (folder / name).write_bytes(raw)


@pytest.mark.parametrize("command", ["code", "ingest"])
def test_exit_codes_are_the_documented_ones(tmp_path, command):
    db = ["--db", tmp_path / "s.db"] if command == "ingest" else []
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"id": "g", "text": "Путин прибыл в Баку."}) + "\n", "utf-8")
    assert dyad(command, good, *db).returncode == 0
    write_bad_only(tmp_path / "bad")
    nothing = dyad(command, tmp_path / "bad", *db)
    assert nothing.returncode == 2 and len(skipped_lines(nothing.stderr)) == len(BAD_FILES)
    db = ["--db", tmp_path / "fresh.db"] if command == "ingest" else []
    broken = dyad(command, good, *db, coder="no_such_module:code")
    assert broken.returncode == 3 and "dyad: error: [D073] bad DYAD_CODER" in broken.stderr


def small_batch(folder: Path) -> list[tuple[str, str]]:
    """The sample corpus, every bad file but the 20 MB one, and one line of each bad kind."""
    folder.mkdir()
    shutil.copy(SAMPLE, folder / "sample.jsonl")
    bad = []
    for name, (raw, code) in BAD_FILES.items():
        (folder / name).write_bytes(raw)
        bad.append((code, str(folder / name)))
    for name, raw in GOOD_FILES.items():
        (folder / name).write_bytes(raw)
    lines = bad_lines(1)
    (folder / "bad.jsonl").write_bytes(b"\n".join(raw for raw, _ in lines) + b"\n")
    bad += [(code, f"{folder / 'bad.jsonl'}: line {n}") for n, (_, code) in
            enumerate(lines, 1)]
    sentence = "Россия и Азербайджан провели переговоры " * (1024 * 1024 // 40)
    (folder / "sentence.txt").write_text(sentence, encoding="utf-8")
    bad.append(("D009", str(folder / "sentence.txt")))
    return bad


@pytest.mark.slow
def test_the_real_pipeline_codes_a_sample_among_bad_items(tmp_path, pipeline):
    bad = small_batch(tmp_path / "batch")
    started = time.perf_counter()
    result = CliRunner().invoke(main, ["code", str(tmp_path / "batch"), "--jobs", "1",
                                       "-o", str(tmp_path / "events.jsonl")])
    seconds = time.perf_counter() - started
    assert result.exit_code == 1, result.output
    coded, events, skipped = map(int, SUMMARY.search(result.stderr).groups())
    assert (coded, skipped) == (12 + len(GOOD_FILES), len(bad))
    assert_every_bad_item_reported(result.stderr, bad)
    found = events_by_article(tmp_path / "events.jsonl")
    assert sum(found.values()) == events and "sample-01" in found
    print(f"\nreal pipeline: {coded} coded, {events} events, {skipped} bad reported, "
          f"{seconds:.1f} s")
