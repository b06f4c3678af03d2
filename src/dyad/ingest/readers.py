"""Input readers: a text file, a JSON Lines file of articles, or standard input.

Every problem with one item becomes an `InputError` naming the item and the reason;
the reader goes on with the next item.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from dyad.errors import InputError
from dyad.records import Article

MAX_CHARS = 2_000_000
SUPPORTED_LANGS = ("ru",)


@dataclass(frozen=True, slots=True)
class Problem:
    item: str
    error: InputError


def decode(raw: bytes, item: str) -> str:
    if b"\x00" in raw[:4096]:
        raise InputError("D006", item=item)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError("D005", item=item, offset=exc.start) from exc


def check_published(value: object, item: str) -> str | None:
    if value in (None, ""):
        return None
    from dyad.time.expressions import parse_reference

    if not isinstance(value, str) or parse_reference(value) is None:
        raise InputError("D008", item=item, value=value)
    return value[:10]


def article_from(record: dict[str, object], item: str, line: int, published: str | None,
                 lang: str | None) -> Article:
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError("D003", item=item, line=line)
    if len(text) > MAX_CHARS:
        raise InputError("D009", item=item, size=len(text), limit=MAX_CHARS)
    language = str(record.get("lang") or lang or "ru")
    if language not in SUPPORTED_LANGS:
        raise InputError("D007", item=item, lang=language, supported=", ".join(SUPPORTED_LANGS))
    return Article(
        id=str(record.get("id") or f"{item}:{line}"), text=text,
        published=check_published(record.get("published"), f"{item}:{line}") or published,
        lang=language, title=optional(record, "title"), url=optional(record, "url"),
        source=optional(record, "source"))


def optional(record: dict[str, object], key: str) -> str | None:
    value = record.get(key)
    return str(value) if value not in (None, "") else None


def read_jsonl(text: str, item: str, published: str | None,
               lang: str | None) -> Iterator[Article | Problem]:
    for line, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
            if not isinstance(record, dict):
                raise InputError("D011", item=item, line=line, kind=type(record).__name__)
            yield article_from(record, item, line, published, lang)
        except json.JSONDecodeError as exc:
            yield Problem(item, InputError("D002", item=item, line=line, reason=exc.msg))
        except InputError as exc:
            yield Problem(item, exc)


def looks_jsonl(name: str, text: str) -> bool:
    return name.endswith((".jsonl", ".ndjson", ".json")) or text.lstrip().startswith("{")


def read_item(name: str, raw: bytes, published: str | None,
              lang: str | None) -> Iterator[Article | Problem]:
    try:
        text = decode(raw, name)
        if looks_jsonl(name, text):
            yield from read_jsonl(text, name, published, lang)
            return
        record = {"id": Path(name).stem if name != "-" else "stdin", "text": text}
        yield article_from(record, name, 1, published, lang)
    except InputError as exc:
        yield Problem(name, exc)


def read_inputs(names: list[str], published: str | None = None,
                lang: str | None = None) -> Iterator[Article | Problem]:
    for name in names:
        try:
            raw = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
        except OSError as exc:
            yield Problem(name, InputError("D001", item=name, reason=exc.strerror or str(exc)))
            continue
        yield from read_item(name, raw, published, lang)
