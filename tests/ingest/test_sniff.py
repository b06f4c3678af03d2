import gzip

import pytest

from dyad.ingest.sniff import kind_of

HTML = b"<!DOCTYPE html><html><body><p>\xd0\x9f</p></body></html>"
RSS = b'<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>'
ATOM = b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>'


@pytest.mark.parametrize(("name", "head", "kind"), [
    ("page.html", b"whatever", "html"),
    ("page.HTM", b"", "html"),
    ("a.jsonl", b"not json", "jsonl"),
    ("a.ndjson", b"{}", "jsonl"),
    ("news.rss", b"", "feed"),
    ("news.atom", b"", "feed"),
    ("news.xml", RSS, "feed"),
    ("news.xml", ATOM, "feed"),
    ("download", HTML, "html"),
    ("download", RSS, "feed"),
    ("-", b'{"id": 1}', "jsonl"),
    ("-", "Путин позвонил.".encode(), "text"),
    ("note.txt", b'{"id": 1}', "jsonl"),
    ("note.txt", HTML, "text"),
    ("a.jsonl.gz", b"", "gzip"),
    ("no-extension", gzip.compress(b"x"), "gzip"),
    ("utf16", "\ufeff<html><body>".encode("utf-16"), "html"),
])
def test_kind_by_extension_then_content(name, head, kind):
    assert kind_of(name, head) == kind
