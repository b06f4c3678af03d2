"""What kind of input an item is: by its name's extension, else by its first bytes."""

from __future__ import annotations

from pathlib import PurePath

from dyad.ingest.encoding import bom_encoding

GZIP_MAGIC = b"\x1f\x8b"
EXTENSIONS = {
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".rss": "feed", ".atom": "feed",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".txt": "text", ".text": "text",
}
FEED_MARKS = ("<rss", "<feed", "<rdf:rdf")
HTML_MARKS = ("<!doctype html", "<html", "<head", "<body", "<article", "<p>", "<div")


def head_text(head: bytes) -> str:
    """The first bytes as lower-case text, enough to spot markup (never raises)."""
    encoding = bom_encoding(head) or "latin-1"
    return head.decode(encoding, errors="ignore").lstrip("\ufeff \t\r\n").lower()


def sniff(head: bytes) -> str:
    if head.startswith(GZIP_MAGIC):
        return "gzip"
    text = head_text(head)[:2048]
    if text.startswith(("{", "[")):
        return "jsonl"
    if any(mark in text for mark in FEED_MARKS):
        return "feed"
    if any(mark in text for mark in HTML_MARKS):
        return "html"
    return "text"


def kind_of(name: str, head: bytes) -> str:
    """One of gzip, html, feed, jsonl, text. Gzip magic wins over any extension; a known
    extension wins over the content, except that a .txt or stdin item starting with `{`
    stays JSON Lines (as before); `.xml` and unknown extensions are sniffed."""
    if head.startswith(GZIP_MAGIC) or name.endswith(".gz"):
        return "gzip"
    sniffed = sniff(head)
    kind = EXTENSIONS.get(PurePath(name).suffix.lower())
    if kind is None or (kind == "text" and sniffed == "jsonl"):
        return sniffed
    return kind
