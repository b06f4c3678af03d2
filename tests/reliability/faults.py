"""A fault batch: a folder of good articles seeded with bad items of every kind the team
guide names (empty, binary, NUL bytes, huge, malformed JSON, invalid UTF-8, broken HTML,
absurd dates, a 1 MB sentence), and the code each bad item must be reported with."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from tests.conftest import ROOT, SAMPLE, SHARED, read_jsonl

CORPUS = SHARED / "corpus" / "ru-news.jsonl"
FAKE_CODER = "tests.reliability.fake_coder:code"
DATES = ("2025-10-07", "2024-12-29", None, "2023-05-12T08:30:00")
MB = 1024 * 1024


@dataclass
class Batch:
    folder: Path
    good: dict[str, str] = field(default_factory=dict)  # id -> text, for JSON Lines articles
    good_files: list[str] = field(default_factory=list)  # whole files that must be coded
    bad: list[tuple[str, str]] = field(default_factory=list)  # (code, item as reported)

    @property
    def good_count(self) -> int:
        return len(self.good) + len(self.good_files)


def base_texts() -> list[str]:
    source = CORPUS if CORPUS.exists() else SAMPLE
    return [row["text"] for row in read_jsonl(source)]


def line(record: object) -> bytes:
    return json.dumps(record, ensure_ascii=False).encode("utf-8")


def sentence_without_stop(size: int) -> str:
    words = "Президент России провел переговоры с президентом Азербайджана о транзите".split()
    return " ".join(words[i % len(words)] for i in range(size // 8))[:size]


def bad_lines(seed: int) -> list[tuple[bytes, str]]:
    """One of each cheap bad JSON line, with its code."""
    damaged = line({"id": f"u{seed}", "text": "Путин заявил о переговорах с Алиевым."})
    binary = bytes(b for b in random.Random(seed).randbytes(300) if b not in b"\r\n")
    return [
        (b'{"id": "cut", "text": "\xd0\x9f\xd1\x83\xd1\x82\xd0\xb8\xd0\xbd', "D002"),
        (damaged[:30] + b"\xff\xfe" + damaged[30:], "D005"),
        (b'{"id": "nul", "text": "\xd0\x9f\x00\x00 x"}', "D006"),
        (binary, "D006"),
        (line({"id": "e", "text": ""}), "D003"),
        (line({"id": "w", "text": "  \n\t "}), "D003"),
        (line({"id": "n", "title": "no text"}), "D003"),
        (line({"id": "y0", "text": "Путин прибыл в Баку.", "published": "0000-01-01"}), "D008"),
        (line({"id": "y9", "text": "Путин прибыл в Баку.", "published": "9999-99-99"}), "D008"),
        (line({"id": "yd", "text": "Путин прибыл в Баку.", "published": "вчера"}), "D008"),
        (line({"id": "ym", "text": "Путин прибыл в Баку.", "published": "9999-12-31"}), "D072"),
        (b'{"id": "s", "text": "\\ud800 \xd0\x9f"}', "D071"),
        (b"[1, 2, 3]", "D011"),
        (line({"id": "sym", "text": "<<<>>> 12 345 --- ### ***"}), "D074"),
    ]


def write_news(path: Path, batch: Batch, lines: int, every: int) -> None:
    """`lines` JSON lines, every `every`-th a bad one, plus a 1 MB sentence and a 20 MB
    line; good texts are corpus texts made unique by a prefix."""
    texts = base_texts()
    kinds = bad_lines(0)
    with path.open("wb") as out:
        for number in range(1, lines + 1):
            if number % every == 0:
                raw, code = kinds[(number // every) % len(kinds)]
                if code in ("D005", "D006") and raw[:1] != b"{":
                    raw = bad_lines(number)[3][0]
                batch.bad.append((code, f"{path}: line {number}"))
            else:
                article_id = f"good-{number}"
                text = f"Выпуск {number}. {texts[number % len(texts)]}"
                record = {"id": article_id, "text": text, "published": DATES[number % 4]}
                if number % 2:
                    record["lang"] = "ru"
                batch.good[article_id] = text
                raw = line(record)
            out.write(raw + b"\n")
        for number, size in ((lines + 1, MB), (lines + 2, 20 * MB)):
            out.write(line({"id": f"big{size}", "text": sentence_without_stop(size)}) + b"\n")
            batch.bad.append(("D009", f"{path}: line {number}"))


BAD_FILES = {
    "empty.txt": (b"", "D004"),
    "empty.jsonl": (b"", "D004"),
    "blank.txt": (b"  \n\n\t ", "D004"),
    "logo.png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00" + bytes(range(256)), "D006"),
    "nul.txt": ("Путин прибыл в Баку.".encode() + b"\x00\x00" + "Алиев".encode(), "D006"),
    "latin1.txt": ("Grüße aus München, schöne Straße".encode("latin-1"), "D041"),
    "damaged.txt": ("Путин прибыл в Баку.".encode() + b"\xff" + "Алиев встретил".encode(),
                    "D005"),
    "broken.html": (b"<html><<<>>><div</p></ <body <<p", "D074"),
    "bare.html": (b"<!doctype html><html><head><title>x</title></head><body></body></html>",
                  "D044"),
    "garbage.gz": (b"\x1f\x8bgarbage, not deflate data", "D043"),
}
GOOD_FILES = {
    "truncated.html": ("<html><body><div><p>Президент России Владимир Путин провел телефонный "
                       "разговор с президентом Азербайджана Ильхамом Алиевым. Стороны обсудили "
                       "сотрудничество.<p>Также обсуждались<div><span").encode(),
}


def write_files(folder: Path, batch: Batch) -> None:
    for name, (raw, code) in BAD_FILES.items():
        (folder / name).write_bytes(raw)
        batch.bad.append((code, str(folder / name)))
    for name, raw in GOOD_FILES.items():
        (folder / name).write_bytes(raw)
        batch.good_files.append(name)
    (folder / "huge.txt").write_text(sentence_without_stop(20 * MB) + ".", encoding="utf-8")
    batch.bad.append(("D009", str(folder / "huge.txt")))
    (folder / "sentence.txt").write_text(sentence_without_stop(MB), encoding="utf-8")
    batch.bad.append(("D009", str(folder / "sentence.txt")))


def build(folder: Path, lines: int = 2000, every: int = 10) -> Batch:
    folder.mkdir(parents=True, exist_ok=True)
    batch = Batch(folder)
    write_news(folder / "news.jsonl", batch, lines, every)
    write_files(folder, batch)
    return batch


def dyad(*args: object, coder: str | None = FAKE_CODER, timeout: float = 600,
         **env: str) -> subprocess.CompletedProcess:
    """`dyad ARGS` in a subprocess, with the fake coder unless `coder` is None."""
    environ = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": "0", **env}
    environ.pop("DYAD_CODER", None)
    if coder:
        environ["DYAD_CODER"] = coder
    command = [sys.executable, "-m", "dyad", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                          env=environ, cwd=ROOT)
