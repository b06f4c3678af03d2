"""The one adapter to trafilatura: an HTML page's main text and metadata, no trafilatura
object leaves it. Pass raw bytes: trafilatura detects the page's encoding itself
(cp1251 and koi8-r pages work with or without a charset declaration)."""

from __future__ import annotations

from dataclasses import dataclass

from dyad.errors import InputError


@dataclass(frozen=True, slots=True)
class Page:
    text: str
    title: str | None
    date: str | None
    author: str | None
    url: str | None


def extract_page(raw: bytes, item: str, url: str | None = None) -> Page:
    """Main text, title, date (YYYY-MM-DD), author and canonical URL of an HTML page."""
    import trafilatura

    found = trafilatura.bare_extraction(raw, url=url, with_metadata=True,
                                        include_comments=False, include_tables=False)
    doc: dict[str, object] | None = found if not hasattr(found, "as_dict") else (
        found.as_dict())  # type: ignore[union-attr]
    text = _field(doc, "text")
    if text is None or not text.strip():
        raise InputError("D044", item=item)
    return Page(text=text, title=_field(doc, "title"), date=_field(doc, "date"),
                author=_field(doc, "author"), url=_field(doc, "url") or url)


def _field(doc: dict[str, object] | None, key: str) -> str | None:
    value = (doc or {}).get(key)
    return str(value) if value not in (None, "") else None
