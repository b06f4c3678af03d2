"""Decoding bytes of unknown encoding: a BOM, then strict UTF-8, then the Cyrillic
single-byte encoding whose decoding reads most like Russian text.

A small own detector (no dependency): in a wrong Cyrillic code page, Russian text turns
into capitals, box-drawing characters or symbols, while in the right one almost every
non-ASCII character is a lower-case Cyrillic letter.
"""

from __future__ import annotations

import codecs
import re

from dyad.errors import InputError

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
CYRILLIC = ("cp1251", "koi8-r", "cp866", "iso8859-5", "mac-cyrillic")
LOWER = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
UPPER = frozenset("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ")
MIN_SCORE = 0.6
MIN_CYRILLIC = 0.3
CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f]")
UTF8_CYRILLIC = re.compile(rb"[\xd0\xd1][\x80-\xbf]")
HIGH_BYTE = re.compile(rb"[\x80-\xff]")
MIN_UTF8_SHARE = 0.8


def has_binary(raw: bytes) -> bool:
    """NUL or other C0 control bytes (not tab, newline, CR, form feed) in the first 4 kB."""
    return CONTROL.search(raw, 0, 4096) is not None


def bom_encoding(raw: bytes) -> str | None:
    return next((name for bom, name in BOMS if raw.startswith(bom)), None)


def russian_score(text: str) -> float:
    """How Russian the non-ASCII characters read: a lower-case Cyrillic letter scores 1,
    a capital 0.5, anything else (pseudographics, Latin-1 letters, symbols) 0."""
    high = [c for c in text if ord(c) > 127]
    if not high:
        return 0.0
    lower = sum(c in LOWER for c in high)
    upper = sum(c in UPPER for c in high)
    return (lower + 0.5 * upper) / len(high)


def cyrillic_share(text: str) -> float:
    """Share of letters that are Cyrillic: Latin-1 text decoded as cp1251 has few."""
    letters = [c for c in text if c.isalpha()]
    return sum(c in LOWER or c in UPPER for c in letters) / len(letters) if letters else 0.0


def fit(text: str) -> float:
    return russian_score(text) if cyrillic_share(text) >= MIN_CYRILLIC else 0.0


def best_cyrillic(raw: bytes) -> tuple[str, float]:
    """The best-scoring code page; on a tie the earlier (commoner) one in CYRILLIC."""
    sample = raw[:65536]
    scores = [fit(sample.decode(name, errors="replace")) for name in CYRILLIC]
    best = max(range(len(CYRILLIC)), key=lambda i: (scores[i], -i))
    return CYRILLIC[best], scores[best]


def broken_utf8(raw: bytes) -> bool:
    """Mostly UTF-8 Cyrillic (pairs of bytes D0/D1 + continuation) with a few invalid
    bytes: damaged UTF-8, which a single-byte code page would turn into mojibake. In real
    cp1251 or koi8-r text such pairs are rare (a capital or я followed by a symbol)."""
    sample = raw[:65536]
    high = len(HIGH_BYTE.findall(sample))
    return high > 0 and 2 * len(UTF8_CYRILLIC.findall(sample)) >= MIN_UTF8_SHARE * high


def detect_encoding(raw: bytes) -> str | None:
    """The encoding to decode `raw` with, or None when no candidate fits."""
    bom = bom_encoding(raw)
    if bom:
        return bom
    try:
        raw.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    name, score = best_cyrillic(raw)
    return name if score >= MIN_SCORE else None


def utf8_error_offset(raw: bytes) -> int:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start
    return -1


def decode(raw: bytes, item: str) -> str:
    """Text of `raw`, or an InputError naming `item` (binary or undecodable)."""
    bom = bom_encoding(raw)
    if bom is None and has_binary(raw):
        raise InputError("D006", item=item)
    name = detect_encoding(raw)
    if name not in ("utf-8", bom) and broken_utf8(raw):
        offset = utf8_error_offset(raw)
        raise InputError("D005", item=item, offset=offset)
    if name is None:
        raise InputError("D041", item=item, tried="utf-8, " + ", ".join(CYRILLIC))
    try:
        return raw.decode(name)
    except UnicodeDecodeError as exc:
        raise InputError("D041", item=item, tried=name) from exc
