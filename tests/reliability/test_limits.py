"""The documented limits (README, Reliability): article size, line size, file size,
batch memory, sentence length, publication years. Each is enforced with a clear error
naming the item, and the items after it go on."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from dyad.coding import MAX_BATCH_CHARS, batches
from dyad.ingest import readers
from dyad.ingest.readers import MAX_CHARS, Problem, read_inputs
from dyad.nlp.ru import MAX_SENTENCE_TOKENS
from dyad.records import Article
from tests.conftest import ROOT

pytestmark = pytest.mark.reliability
MEASURE = Path(__file__).with_name("measure_sentence.py")


def read(path: Path) -> list:
    return list(read_inputs([str(path)], lang="ru"))


def jsonl(path: Path, *texts: str, published: str | None = None) -> Path:
    rows = [{"id": f"a{i}", "text": text, "published": published} for i, text in
            enumerate(texts)]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


def codes(items: list) -> list[str]:
    return [i.error.code if isinstance(i, Problem) else "ok" for i in items]


def test_article_size_limit_refuses_longer_texts_only(tmp_path):
    items = read(jsonl(tmp_path / "a.jsonl", "ф" * MAX_CHARS, "ф" * (MAX_CHARS + 1), "Да."))
    assert codes(items) == ["ok", "D009", "ok"]
    assert f"a.jsonl: line 2: text is {MAX_CHARS + 1} characters" in str(items[1].error)
    (tmp_path / "long.txt").write_text("ф" * (MAX_CHARS + 1), encoding="utf-8")
    [problem] = read(tmp_path / "long.txt")
    assert problem.error.code == "D009" and "long.txt" in str(problem.error)


def test_line_limit_skips_the_long_line_and_reads_on(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_LINE_BYTES", 300)
    items = read(jsonl(tmp_path / "a.jsonl", "Да.", "ф" * 400, "Нет."))
    assert codes(items) == ["ok", "D009", "ok"]
    assert "a.jsonl: line 2" in str(items[1].error)


def test_file_limit_applies_to_files_and_to_gunzipped_bytes(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 1000)
    (tmp_path / "big.txt").write_text("Путин прибыл в Баку. " * 100, encoding="utf-8")
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"a" * 100_000))
    (tmp_path / "small.txt").write_text("Путин прибыл в Баку.", encoding="utf-8")
    items = list(read_inputs([str(tmp_path)], lang="ru"))
    assert codes(items) == ["D042", "D042", "ok"]
    assert "big.txt" in str(items[0].error) and "bomb.txt" in str(items[1].error)


def articles(size: int, count: int) -> list[Article]:
    return [Article(id=str(i), text="ф" * size) for i in range(count)]


def test_batches_close_early_when_their_text_reaches_the_character_limit():
    big = list(batches(articles(150_000, 10), 8))
    assert [len(b) for b in big] == [3, 3, 3, 1]
    assert all(sum(len(a.text) for a in b[:-1]) < MAX_BATCH_CHARS for b in big)
    assert [len(b) for b in batches(articles(1000, 20), 8)] == [8, 8, 4]


def test_publication_years_outside_the_range_are_refused(tmp_path):
    texts = ("Да.",)
    verdicts = {}
    for day in ("1900-01-01", "1899-12-31", "2100-12-31", "2101-01-01", "0001-01-01"):
        [item] = read(jsonl(tmp_path / f"{day}.jsonl", *texts, published=day))
        verdicts[day] = codes([item])[0]
    assert verdicts == {"1900-01-01": "ok", "1899-12-31": "D072", "2100-12-31": "ok",
                        "2101-01-01": "D072", "0001-01-01": "D072"}


@pytest.mark.slow
def test_overlong_sentences_are_cut_into_pieces_of_the_limit(parser):
    words = ["Россия", "и", "Азербайджан", "провели", "переговоры"] * 200
    text = " ".join(words)
    sentences = parser.parse(text)
    assert [len(s.tokens) for s in sentences] == [MAX_SENTENCE_TOKENS] * 3 + [100]
    assert all(text[t.start:t.end] == t.text for s in sentences for t in s.tokens)
    assert all(-1 <= t.head < len(s.tokens) for s in sentences for t in s.tokens)
    assert len(parser.parse("Путин прибыл в Баку. Алиев встретил его.")) == 2


@pytest.mark.slow
def test_the_longest_allowed_article_as_one_sentence_codes_in_bounded_time_and_memory():
    """A single sentence of MAX_CHARS characters through the real pipeline, in a fresh
    process: without the cut, natasha's parser alone grows by ~470 MB at 6,000 tokens
    and quadratically beyond (this one has ~33,000)."""
    done = subprocess.run([sys.executable, str(MEASURE), str(MAX_CHARS)], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert figures["rss_peak_mb"] - figures["rss_before_mb"] < 700
    assert figures["seconds"] < 240
    print(f"\nsentence limit: {figures}")
