import json

import pytest

from dyad.ingest.readers import Problem, read_inputs
from dyad.records import Article


def read(tmp_path, name, content, **kw):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return list(read_inputs([str(path)], **kw))


def test_text_file_is_one_article(tmp_path):
    [item] = read(tmp_path, "note.txt", "Путин позвонил Алиеву.", published="2025-10-07")
    assert item == Article(id="note", text="Путин позвонил Алиеву.", published="2025-10-07",
                           lang="ru")


def test_jsonl_keeps_metadata_and_ignores_other_keys(tmp_path):
    row = {"id": "a1", "text": "Текст.", "published": "2025-01-02", "title": "T",
           "events": [], "extra": 1}
    [item] = read(tmp_path, "a.jsonl", json.dumps(row, ensure_ascii=False))
    assert (item.id, item.published, item.title) == ("a1", "2025-01-02", "T")


@pytest.mark.parametrize(("line", "code"), [
    ("{not json", "D002"),
    ('{"id": "x"}', "D003"),
    ('{"id": "x", "text": "   "}', "D003"),
    ('{"id": "x", "text": "Текст", "lang": "de"}', "D007"),
    ('{"id": "x", "text": "Текст", "published": "вчера"}', "D008"),
    ("[1, 2]", "D011"),
])
def test_bad_line_is_reported_and_others_go_on(tmp_path, line, code):
    good = json.dumps({"id": "ok", "text": "Текст."}, ensure_ascii=False)
    items = read(tmp_path, "mix.jsonl", "\n".join([good, line, good]))
    problems = [i for i in items if isinstance(i, Problem)]
    assert [i.id for i in items if isinstance(i, Article)] == ["ok", "ok"]
    assert [p.error.code for p in problems] == [code]
    assert "mix.jsonl" in str(problems[0].error) and "line 2" in str(problems[0].error) or (
        code in ("D007", "D008"))


@pytest.mark.parametrize(("content", "code"), [
    (b"\x00\x01\x02binary", "D006"),
    ("Grüße aus München".encode("latin-1"), "D041"),
    (b"", "D004"),
    (b"  \n\n ", "D004"),
])
def test_undecodable_file_is_reported(tmp_path, content, code):
    [item] = read(tmp_path, "bad.txt", content)
    assert isinstance(item, Problem) and item.error.code == code
    assert "bad.txt" in str(item.error)


def test_missing_file_is_reported(tmp_path):
    [item] = list(read_inputs([str(tmp_path / "nope.jsonl")]))
    assert isinstance(item, Problem) and item.error.code == "D001"
