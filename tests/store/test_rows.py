import pytest

from dyad.store.rows import content_hash, effective_day


@pytest.mark.parametrize("date, published, day", [
    ("2025-10-07", "2025-10-09", "2025-10-07"),
    ("2025-10", "2025-10-09", "2025-10-09"),
    ("2025-10", "2025-11-02", "2025-10-01"),
    ("2024", "2025-01-03", "2024-01-01"),
    ("2025", "2025-01-03", "2025-01-03"),
    (None, "2025-10-09", "2025-10-09"),
    (None, None, None),
    ("2025-10-07", None, "2025-10-07"),
    ("вчера", "2025-10-09", "2025-10-09"),
])
def test_effective_day(date, published, day):
    assert effective_day(date, published) == day


def test_content_hash_ignores_whitespace_layout_only():
    assert content_hash("Путин  позвонил\nАлиеву.") == content_hash(" Путин позвонил Алиеву. ")
    assert content_hash("Путин позвонил Алиеву.") != content_hash("Путин позвонил Пашиняну.")
