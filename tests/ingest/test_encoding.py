import codecs

import pytest

from dyad.errors import InputError
from dyad.ingest.encoding import decode, detect_encoding, russian_score

TEXT = "Президент Азербайджана Ильхам Алиев провел телефонный разговор с Путиным."


@pytest.mark.parametrize(("raw", "expected"), [
    (TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
    (TEXT.encode("utf-16"), "utf-16"),
    (TEXT.encode("utf-16-be").join([codecs.BOM_UTF16_BE, b""]), "utf-16"),
    (TEXT.encode("cp1251"), "cp1251"),
    (TEXT.encode("koi8-r"), "koi8-r"),
    (TEXT.encode("cp866"), "cp866"),
    (TEXT.encode("iso8859-5"), "iso8859-5"),
    ("Текст".encode("cp1251"), "cp1251"),
    ("Текст".encode("koi8-r"), "koi8-r"),
    ("Grüße aus München".encode("latin-1"), None),
])
def test_detects_the_encoding(raw, expected):
    assert detect_encoding(raw) == expected


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1251", "koi8-r"])
def test_decode_round_trips(encoding):
    assert decode(TEXT.encode(encoding), "x.txt") == TEXT


@pytest.mark.parametrize(("raw", "code"), [
    (b"PK\x03\x04\x14\x00\x00\x00binary zip", "D006"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "D006"),
    ("Grüße aus München".encode("latin-1"), "D041"),
])
def test_decode_names_the_item_and_the_reason(raw, code):
    with pytest.raises(InputError) as caught:
        decode(raw, "folder/bad.txt")
    assert caught.value.code == code and "folder/bad.txt" in str(caught.value)


@pytest.mark.parametrize(("text", "low", "high"), [
    ("Путин позвонил Алиеву.", 0.9, 1.0),
    ("ПУТИН", 0.5, 0.5),
    ("╨Я╤Г╤В╨╕╨╜", 0.0, 0.2),
    ("plain ascii", 0.0, 0.0),
])
def test_russian_score(text, low, high):
    assert low <= russian_score(text) <= high
