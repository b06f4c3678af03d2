from pathlib import Path

import pytest

from dyad.errors import InputError
from dyad.ingest.html import extract_page
from dyad.ingest.readers import read_inputs

FIXTURES = Path(__file__).parent / "fixtures"
PAGE = (FIXTURES / "page.html").read_bytes()


def test_page_main_text_and_metadata():
    page = extract_page(PAGE, "page.html")
    assert "Ильхам Алиев провел телефонный разговор" in page.text
    for boilerplate in ("cookie", "Читайте также", "Курс рубля", "Все права", "Поделиться"):
        assert boilerplate not in page.text
    assert (page.title, page.date, page.author) == ("Звонок из Баку", "2025-10-07",
                                                   "Иван Петров")
    assert page.url == "https://news.example.org/2025/10/07/zvonok-iz-baku"


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r"])
def test_page_in_a_cyrillic_code_page_without_declaration(encoding):
    raw = PAGE.decode("utf-8").replace('<meta charset="utf-8">', "").encode(encoding)
    assert extract_page(raw, "page.html").text == extract_page(PAGE, "page.html").text


@pytest.mark.parametrize("raw", [
    b"<html><body></body></html>",
    b"<html><head><title>T</title></head><body> </body></html>",
])
def test_page_without_main_text_is_an_error(raw):
    with pytest.raises(InputError) as caught:
        extract_page(raw, "empty.html")
    assert caught.value.code == "D044" and "empty.html" in str(caught.value)


def test_html_becomes_an_article_with_title_date_and_url():
    [article] = read_inputs([str(FIXTURES / "page.html")])
    assert (article.title, article.published, article.url) == (
        "Звонок из Баку", "2025-10-07", "https://news.example.org/2025/10/07/zvonok-iz-baku")
