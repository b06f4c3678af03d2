from datetime import date

import pytest

from dyad.time.expressions import find_expressions

TUESDAY = date(2025, 10, 7)

CASES = [
    ("27 июня 2025 года", "2025-06-27"),
    ("7 октября", "2025-10-07"),
    ("7 октября прошлого года", "2024-10-07"),
    ("25 декабря", "2024-12-25"),
    ("12.05.2023", "2023-05-12"),
    ("2021-05-12", "2021-05-12"),
    ("в 2024 году", "2024"),
    ("2019 год", "2019"),
    ("в декабре прошлого года", "2024-12"),
    ("в июле", "2025-07"),
    ("в ноябре", "2024-11"),
    ("в марте 2022 года", "2022-03"),
    ("май 2021 года", "2021-05"),
    ("во вторник", "2025-10-07"),
    ("в понедельник", "2025-10-06"),
    ("в среду", "2025-10-01"),
    ("в пятницу", "2025-10-03"),
    ("вчера", "2025-10-06"),
    ("накануне", "2025-10-06"),
    ("позавчера", "2025-10-05"),
    ("сегодня", "2025-10-07"),
    ("в прошлом году", "2024"),
    ("в этом году", "2025"),
    ("в прошлом месяце", "2025-09"),
    ("31.02.2024", None),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_expression_resolves(text, expected):
    found = find_expressions(text, TUESDAY)
    assert len(found) == 1
    assert found[0].value == expected


@pytest.mark.parametrize("text", ["73 года", "исполнилось 73 года", "более 30 человек",
                                  "Другие подробности не приводятся."])
def test_no_false_expression(text):
    assert find_expressions(text, TUESDAY) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("во вторник", None), ("в июле", None), ("27 июня 2025 года", "2025-06-27"),
    ("в 2024 году", "2024")])
def test_without_publication_date(text, expected):
    assert find_expressions(text, None)[0].value == expected


def test_offsets_point_into_text():
    text = "Встреча прошла 7 октября в Москве."
    found = find_expressions(text, TUESDAY, offset=100)[0]
    assert text[found.start - 100:found.end - 100] == "7 октября"
