import pytest

from dyad.ingest.clean import clean_text

CASES = [
    ("Путин позвонил Алиеву.", "Путин позвонил Алиеву."),
    ("Текст.\n\nБольше новостей Радио Свобода:", "Текст.\n\n" + " " * 30),
    ("Текст.\nЧитайте также: другое", "Текст.\n" + " " * 21),
    ("Путин\u00a0позвонил", "Путин позвонил"),
    ("a\tb\x00c", "a b c"),
    ("\ufeffТекст", " Текст"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_clean_text(text, expected):
    assert clean_text(text) == expected


@pytest.mark.parametrize("text", [c[0] for c in CASES])
def test_clean_keeps_length(text):
    assert len(clean_text(text)) == len(text)
