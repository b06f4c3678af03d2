"""The one adapter to feedparser: RSS and Atom entries as plain records, no feedparser
object leaves it. Live URLs are fetched by `dyad.ingest.sources.fetch` (with a timeout)
and parsed from bytes here, so feedparser itself never touches the network."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from dyad.errors import InputError

TAG = re.compile(r"<[^>]+>")
BLOCK = re.compile(r"</?(p|br|div|li|h[1-6])\b[^>]*>", re.IGNORECASE)
SPACES = re.compile(r"[ \t]+")


@dataclass(frozen=True, slots=True)
class Entry:
    position: int
    id: str | None
    link: str | None
    title: str | None
    text: str
    published: str | None
    source: str | None = None


def strip_markup(value: str) -> str:
    """Feed summaries carry HTML: keep the words, paragraphs as blank lines."""
    value = BLOCK.sub("\n", value)
    value = html.unescape(TAG.sub("", value))
    lines = [SPACES.sub(" ", line).strip() for line in value.splitlines()]
    return "\n".join(line for line in lines if line)


def entry_body(entry: dict) -> str:
    contents = [c.get("value", "") for c in entry.get("content") or []]
    body = max(contents, key=len) if contents else ""
    summary = entry.get("summary") or ""
    return strip_markup(body if len(body) >= len(summary) else summary)


def entry_date(entry: dict) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}" if parsed else None


def headline(title: str | None) -> str | None:
    """A title ends its own sentence, so the parser does not run it into the body."""
    return title if not title or title.endswith((".", "!", "?", "…")) else title + "."


def adapt_entry(position: int, entry: dict, source: str | None = None) -> Entry:
    title = strip_markup(entry.get("title") or "") or None
    body = entry_body(entry)
    parts = [headline(title), body if body != title else None]
    return Entry(position=position, id=entry.get("id") or None, link=entry.get("link"),
                 title=title, text="\n\n".join(p for p in parts if p),
                 published=entry_date(entry), source=source)


def parse_feed(raw: bytes, item: str) -> list[Entry]:
    """Every entry of an RSS or Atom feed, in feed order; a feed that is not one raises."""
    import feedparser

    feed = feedparser.parse(raw)
    readable = any(e.get("title") or e.get("summary") or e.get("content")
                   for e in feed.entries)
    if not readable and (feed.bozo or not feed.get("version")):
        reason = str(feed.get("bozo_exception") or "no feed elements")
        raise InputError("D045", item=item, reason=reason)
    source = strip_markup(feed.feed.get("title") or "") or None
    return [adapt_entry(i, e, source) for i, e in enumerate(feed.entries, start=1)]
