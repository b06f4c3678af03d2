"""Where input bytes come from: files, folders (recursive), standard input, live URLs and
gzip. Streams are opened lazily, one at a time, so a folder of any size is never held
in memory."""

from __future__ import annotations

import gzip
import io
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from dyad.errors import InputError

FETCH_TIMEOUT = 20.0
USER_AGENT = "dyad/0.1 (+event coding of Russian news)"
HEAD_BYTES = 4096


def is_url(name: str) -> bool:
    return name.startswith(("http://", "https://"))


def walk(folder: Path) -> Iterator[str]:
    """Every visible file under `folder`, recursively, in a stable (sorted) order."""
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).parts
        if path.is_file() and not any(part.startswith(".") for part in relative):
            yield str(path)


def expand(names: list[str]) -> Iterator[str]:
    for name in names:
        if name != "-" and not is_url(name) and Path(name).is_dir():
            yield from walk(Path(name))
        else:
            yield name


def fetch(url: str, limit: int, timeout: float = FETCH_TIMEOUT) -> bytes:
    """The body of `url`, read with a timeout and at most `limit` bytes."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            body = response.read(limit + 1)
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
        raise InputError("D047", item=url, reason=str(getattr(exc, "reason", exc))) from exc
    if len(body) > limit:
        raise InputError("D042", item=url, size=f"over {limit}", limit=limit)
    return body


def open_stream(name: str, limit: int) -> io.BufferedReader:
    """A peekable binary stream for a file, `-` (stdin) or a URL."""
    if name == "-":
        return io.BufferedReader(NoClose(sys.stdin.buffer))
    if is_url(name):
        return io.BufferedReader(io.BytesIO(fetch(name, limit)))
    try:
        return open(name, "rb")  # noqa: SIM115 (closed by the reader)
    except OSError as exc:
        raise InputError("D001", item=name, reason=exc.strerror or str(exc)) from exc


def gunzip(stream: BinaryIO) -> io.BufferedReader:
    return io.BufferedReader(gzip.GzipFile(fileobj=stream, mode="rb"))  # type: ignore[arg-type]


def inner_name(name: str) -> str:
    return name[:-3] if name.endswith(".gz") else name


def peek(stream: io.BufferedReader) -> bytes:
    return stream.peek(HEAD_BYTES)[:HEAD_BYTES]


def read_limited(stream: BinaryIO, item: str, limit: int) -> bytes:
    """The whole stream, or an InputError when it is over `limit` bytes (also guards
    against gzip bombs: the limit applies to the decompressed bytes)."""
    raw = stream.read(limit + 1)
    if len(raw) > limit:
        raise InputError("D042", item=item, size=f"over {limit}", limit=limit)
    return raw


class NoClose(io.RawIOBase):
    """Standard input, readable as a raw stream, left open when the reader closes."""

    def __init__(self, inner: BinaryIO) -> None:
        self.inner = inner

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        read = getattr(self.inner, "read1", self.inner.read)
        data = read(len(buffer))
        buffer[: len(data)] = data
        return len(data)
