import gzip
import json
from pathlib import Path

import pytest

from dyad.ingest import readers
from dyad.ingest.readers import Problem, read_inputs
from dyad.records import Article

FIXTURES = Path(__file__).parent / "fixtures"
TEXT = (FIXTURES / "news.utf8.txt").read_text(encoding="utf-8")
UK = "Президент України Володимир Зеленський провів телефонну розмову з прем'єр-міністром."


def split(items):
    items = list(items)
    articles = [i for i in items if isinstance(i, Article)]
    return articles, [i for i in items if isinstance(i, Problem)]


@pytest.mark.parametrize("name", ["news.utf8.txt", "news.cp1251.txt", "news.koi8r.txt"])
def test_text_in_any_cyrillic_encoding_reads_the_same(name):
    [article] = read_inputs([str(FIXTURES / name)])
    assert article.text == TEXT and article.lang == "ru"


def test_utf16_with_bom_reads_the_same(tmp_path):
    path = tmp_path / "news.txt"
    path.write_bytes(TEXT.encode("utf-16"))
    [article] = read_inputs([str(path)])
    assert article.text == TEXT


def test_gzip_of_jsonl_keeps_metadata():
    [article] = read_inputs([str(FIXTURES / "news.jsonl.gz")])
    assert (article.id, article.published, article.text) == ("aze-rus-call", "2025-10-07",
                                                            TEXT)


def test_gzip_of_text_without_gz_extension_is_sniffed(tmp_path):
    path = tmp_path / "download"
    path.write_bytes(gzip.compress(TEXT.encode("koi8-r")))
    [article] = read_inputs([str(path)])
    assert article.text == TEXT and article.id == "download"


def test_folder_is_walked_recursively_in_order_and_bad_files_named(tmp_path):
    (tmp_path / "b" / "c").mkdir(parents=True)
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b" / "c" / "d.txt").write_bytes(TEXT.encode("cp1251"))
    (tmp_path / "b" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / ".hidden.txt").write_text(TEXT, encoding="utf-8")
    articles, problems = split(read_inputs([str(tmp_path)]))
    assert [a.id for a in articles] == ["a", "d"]
    assert [p.error.code for p in problems] == ["D006"]
    assert "logo.png" in str(problems[0].error)


@pytest.mark.parametrize(("content", "code"), [
    (b"\x1f\x8b\x08\x00garbage", "D043"),
    (gzip.compress(b'{"id": "x", "text": "\xd0\x9f"}\n')[:-12], "D043"),
])
def test_broken_gzip_is_reported(tmp_path, content, code):
    path = tmp_path / "bad.jsonl.gz"
    path.write_bytes(content)
    _, problems = split(read_inputs([str(path)]))
    assert [p.error.code for p in problems] == [code] and "bad.jsonl.gz" in problems[0].item


def test_truncated_gzip_keeps_the_lines_read_before_the_break(tmp_path):
    lines = [json.dumps({"id": f"a{i}", "text": TEXT}, ensure_ascii=False) for i in range(200)]
    data = gzip.compress("\n".join(lines).encode("utf-8"))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) * 3 // 4])
    articles, problems = split(read_inputs([str(path)]))
    assert 0 < len(articles) < 200 and [p.error.code for p in problems] == ["D043"]


def test_file_over_the_limit_is_named(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 100)
    path = tmp_path / "big.txt"
    path.write_text(TEXT, encoding="utf-8")
    [problem] = read_inputs([str(path)])
    assert problem.error.code == "D042" and "big.txt" in str(problem.error)


def test_line_over_the_limit_is_skipped_and_next_lines_go_on(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_LINE_BYTES", 200)
    rows = [{"id": "long", "text": "Текст. " * 100}, {"id": "ok", "text": "Путин позвонил."}]
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n",
                    encoding="utf-8")
    articles, problems = split(read_inputs([str(path)]))
    assert [a.id for a in articles] == ["ok"]
    assert problems[0].error.code == "D009" and "a.jsonl: line 1" in str(problems[0].error)


@pytest.mark.parametrize(("row", "lang_option", "outcome"), [
    ({"id": "u", "text": UK}, None, "D040"),
    ({"id": "u", "text": UK, "lang": "ru"}, None, "ru"),
    ({"id": "u", "text": UK}, "ru", "ru"),
    ({"id": "r", "text": TEXT}, None, "ru"),
    ({"id": "r", "text": TEXT, "lang": "uk"}, None, "D007"),
    ({"id": "s", "text": "Текст."}, None, "ru"),
])
def test_language_is_detected_unless_given(tmp_path, row, lang_option, outcome):
    path = tmp_path / "mix.jsonl"
    path.write_text(json.dumps(row, ensure_ascii=False), encoding="utf-8")
    [item] = read_inputs([str(path)], lang=lang_option)
    got = item.lang if isinstance(item, Article) else item.error.code
    assert got == outcome
    if isinstance(item, Problem):
        assert "mix.jsonl: line 1" in str(item.error)


def test_stdin_is_read_and_sniffed(monkeypatch):
    import io
    import sys

    fake = io.TextIOWrapper(io.BytesIO(TEXT.encode("cp1251")))
    monkeypatch.setattr(sys, "stdin", fake)
    [article] = read_inputs(["-"])
    assert article.id == "stdin" and article.text == TEXT
