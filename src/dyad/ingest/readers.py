"""Input readers: text files in any Cyrillic encoding, JSON Lines, HTML pages, RSS and
Atom feeds, gzip of any of these, folders (recursive), standard input and live URLs.

Every problem with one item becomes a `Problem` naming the item (file, line or feed
entry) and the reason; the reader goes on with the next item. JSON Lines are streamed
line by line, so memory does not grow with the size of the input.
"""

from __future__ import annotations

import gzip
import io
import json
import re
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from dyad.errors import DyadError, InputError
from dyad.ingest.encoding import decode
from dyad.ingest.language import guess_language
from dyad.ingest.sniff import kind_of
from dyad.ingest.sources import expand, gunzip, inner_name, open_stream, peek, read_limited
from dyad.records import Article

MAX_CHARS = 200_000
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_LINE_BYTES = 8 * 1024 * 1024
SUPPORTED_LANGS = ("ru",)
MIN_CONFIDENCE = 0.5
LETTER = re.compile(r"[^\W\d_]")
PUBLISHED_YEARS = (1900, 2100)


@dataclass(frozen=True, slots=True)
class Problem:
    item: str
    error: InputError


@dataclass(frozen=True, slots=True)
class Options:
    published: str | None = None
    lang: str | None = None


def check_published(value: object, item: str) -> str | None:
    if value in (None, ""):
        return None
    from dyad.time.expressions import parse_reference

    day = parse_reference(value) if isinstance(value, str) else None
    if day is None:
        raise InputError("D008", item=item, value=value)
    first, last = PUBLISHED_YEARS
    if not first <= day.year <= last:
        raise InputError("D072", item=item, value=value, first=first, last=last)
    return day.isoformat()


def check_encodable(record: Mapping[str, object], item: str) -> None:
    """A JSON `\\ud800` escape gives a lone surrogate, which no store or output can
    encode: refuse the item here rather than fail when it is written."""
    for value in record.values():
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as exc:
                raise InputError("D071", item=item, offset=exc.start) from exc


def language_of(text: str, explicit: str | None, item: str) -> str:
    """An explicit language is trusted; otherwise the detector decides, and a text it
    is not confident about is taken as Russian."""
    supported = ", ".join(SUPPORTED_LANGS)
    if explicit:
        if explicit not in SUPPORTED_LANGS:
            raise InputError("D007", item=item, lang=explicit, supported=supported)
        return explicit
    guess = guess_language(text)
    if guess.lang not in SUPPORTED_LANGS and guess.confidence >= MIN_CONFIDENCE:
        raise InputError("D040", item=item, lang=guess.lang, confidence=guess.confidence,
                         supported=supported)
    return SUPPORTED_LANGS[0]


def article_from(record: Mapping[str, object], item: str, line: int, options: Options,
                 where: str | None = None) -> Article:
    where = where or f"{item}: line {line}"
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError("D003", item=item, line=line)
    if LETTER.search(text) is None:
        raise InputError("D074", item=where)
    if len(text) > MAX_CHARS:
        raise InputError("D009", item=where, size=len(text), limit=MAX_CHARS)
    check_encodable(record, where)
    explicit = optional(record, "lang") or options.lang
    return Article(
        id=str(record.get("id") or f"{item}:{line}"), text=text,
        published=check_published(record.get("published"), where) or options.published,
        lang=language_of(text, explicit, where), title=optional(record, "title"),
        url=optional(record, "url"), source=optional(record, "source"))


def optional(record: Mapping[str, object], key: str) -> str | None:
    value = record.get(key)
    return str(value) if value not in (None, "") else None


def numbered_lines(stream: BinaryIO) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) for each line; None for a line over MAX_LINE_BYTES."""
    number = 0
    while raw := stream.readline(MAX_LINE_BYTES + 1):
        number += 1
        if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
            while (rest := stream.readline(MAX_LINE_BYTES)) and not rest.endswith(b"\n"):
                pass
            yield number, None
        else:
            yield number, raw


def jsonl_line(raw: bytes | None, item: str, line: int, options: Options) -> Article | None:
    where = f"{item}: line {line}"
    if raw is None:
        raise InputError("D009", item=where, size=f"over {MAX_LINE_BYTES}",
                         limit=MAX_LINE_BYTES)
    text = decode(raw, where)
    if not text.strip():
        return None
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError("D002", item=item, line=line, reason=exc.msg) from exc
    if not isinstance(record, dict):
        raise InputError("D011", item=item, line=line, kind=type(record).__name__)
    return article_from(record, item, line, options)


def read_jsonl(stream: BinaryIO, item: str, options: Options) -> Iterator[Article | Problem]:
    for line, raw in numbered_lines(stream):
        try:
            article = jsonl_line(raw, item, line, options)
            if article is not None:
                yield article
        except InputError as exc:
            yield Problem(item, exc)


def read_text(raw: bytes, item: str, options: Options) -> Iterator[Article | Problem]:
    text = decode(raw, item)
    if not text.strip():
        raise InputError("D004", item=item)
    record = {"id": Path(item).stem if item != "-" else "stdin", "text": text}
    yield article_from(record, item, 1, options, where=item)


def read_html(raw: bytes, item: str, options: Options) -> Iterator[Article | Problem]:
    from dyad.ingest.html import extract_page

    page = extract_page(raw, item, url=item if item.startswith("http") else None)
    record = {"id": page.url or Path(item).stem, "text": page.text, "title": page.title,
              "published": page.date, "url": page.url}
    yield article_from(record, item, 1, options, where=item)


def read_feed(raw: bytes, item: str, options: Options) -> Iterator[Article | Problem]:
    from dyad.ingest.feeds import parse_feed

    for entry in parse_feed(raw, item):
        where = f"{item}: entry {entry.position}"
        record = {"id": entry.id or entry.link or f"{item}#{entry.position}",
                  "text": entry.text, "title": entry.title, "published": entry.published,
                  "url": entry.link, "source": entry.source}
        try:
            if not entry.text.strip():
                raise InputError("D046", item=item, entry=entry.position)
            yield article_from(record, item, entry.position, options, where=where)
        except InputError as exc:
            yield Problem(item, exc)


WHOLE_FILE_READERS = {"text": read_text, "html": read_html, "feed": read_feed}


def read_stream(stream: io.BufferedReader, name: str,
                options: Options) -> Iterator[Article | Problem]:
    head = peek(stream)
    if not head:
        raise InputError("D004", item=name)
    kind = kind_of(name, head)
    if kind == "gzip":
        with gunzip(stream) as inner:
            yield from read_stream(inner, inner_name(name), options)
        return
    if kind == "jsonl":
        yield from read_jsonl(stream, name, options)
        return
    raw = read_limited(stream, name, MAX_FILE_BYTES)
    yield from WHOLE_FILE_READERS[kind](raw, name, options)


def read_source(name: str, options: Options) -> Iterator[Article | Problem]:
    try:
        with open_stream(name, MAX_FILE_BYTES) as stream:
            yield from read_stream(stream, name, options)
    except InputError as exc:
        yield Problem(name, exc)
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        yield Problem(name, InputError("D043", item=name, reason=str(exc) or "truncated"))
    except OSError as exc:
        yield Problem(name, InputError("D001", item=name, reason=exc.strerror or str(exc)))
    except DyadError:
        raise
    except Exception as exc:  # noqa: BLE001 (a parser's crash on one file must not stop the run)
        yield Problem(name, InputError("D070", item=name, reason=f"{type(exc).__name__}: {exc}"))


def read_inputs(names: list[str], published: str | None = None,
                lang: str | None = None) -> Iterator[Article | Problem]:
    """Articles and problems from every input, in input order; folders are walked."""
    options = Options(published=published, lang=lang)
    for name in expand(names):
        yield from read_source(name, options)


def count_lines(stream: BinaryIO) -> int:
    return sum(chunk.count(b"\n") for chunk in iter(lambda: stream.read(1 << 20), b""))


def estimate_stream(stream: io.BufferedReader, name: str) -> int:
    kind = kind_of(name, peek(stream))
    if kind == "gzip":
        with gunzip(stream) as inner:
            return estimate_stream(inner, inner_name(name))
    return count_lines(stream) if kind == "jsonl" else 1


def estimate_source(name: str) -> int:
    """Articles one input will give, roughly: its lines for JSON Lines, else one."""
    with open_stream(name, MAX_FILE_BYTES) as stream:
        return estimate_stream(stream, name)


def estimate_items(names: list[str]) -> int | None:
    """A cheap count of the articles to come, for a progress bar's ETA; None for stdin
    and URLs (they can be read once only) or when a file cannot be read."""
    if any(name == "-" or name.startswith(("http://", "https://")) for name in names):
        return None
    try:
        return sum(estimate_source(name) for name in expand(names))
    except (InputError, OSError, EOFError, zlib.error):
        return None
