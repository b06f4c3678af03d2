"""Russian temporal expressions found by pattern, resolved against a reference date.

Each `Expression` keeps its character span and its precision: "YYYY-MM-DD", "YYYY-MM"
or "YYYY". Relative expressions need the publication date and give None without it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from dyad import data


@dataclass(frozen=True, slots=True)
class Expression:
    start: int
    end: int
    text: str
    value: str | None


@lru_cache(maxsize=1)
def words() -> tuple[dict[str, int], dict[str, int]]:
    rows = data.load_tsv(data.TEMPORAL, required=("text", "kind", "value"))
    months = {r["text"]: int(r["value"]) for r in rows if r["kind"] == "month"}
    weekdays = {r["text"]: int(r["value"]) for r in rows if r["kind"] == "weekday"}
    return months, weekdays


def alternation(names: dict[str, int]) -> str:
    return "|".join(sorted(names, key=len, reverse=True))


YEAR_SHIFT = {"прошлого": -1, "прошлом": -1, "позапрошлого": -2, "позапрошлом": -2,
              "этого": 0, "этом": 0, "текущего": 0, "текущем": 0, "нынешнего": 0,
              "нынешнем": 0, "следующего": 1, "следующем": 1, "будущего": 1, "будущем": 1}
DAY_WORDS = {"сегодня": 0, "вчера": -1, "позавчера": -2, "накануне": -1, "завтра": 1}


def iso_day(day: date) -> str:
    return day.isoformat()


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


def safe_day(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def patterns() -> list[tuple[re.Pattern[str], Callable[[re.Match[str], date | None],
                                                       str | None]]]:
    months, weekdays = words()
    m, w = alternation(months), alternation(weekdays)
    shift = "|".join(YEAR_SHIFT)
    return [
        (re.compile(r"\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)\b"),
         lambda x, ref: safe_day(int(x[3]), int(x[2]), int(x[1]))),
        (re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b"),
         lambda x, ref: safe_day(int(x[1]), int(x[2]), int(x[3]))),
        (re.compile(rf"\b(\d{{1,2}})(?:-го)?\s+({m})(?:\s+((?:19|20)\d\d)(?:\s*(?:года|г\.?))?"
                    rf"|\s+({shift})\s+года)?\b", re.IGNORECASE),
         lambda x, ref: day_month(x, ref, months)),
        (re.compile(rf"\b({m})\s+((?:19|20)\d\d)(?:\s*(?:года|г\.?))?", re.IGNORECASE),
         lambda x, ref: f"{x[2]}-{months[x[1].lower()]:02d}"),
        (re.compile(rf"\bв\s+({m})(?:\s+({shift})\s+года)?\b", re.IGNORECASE),
         lambda x, ref: month_only(x, ref, months)),
        (re.compile(r"\b(?:в\s+)?((?:19|20)\d\d)\s*(?:году|года|год|г\.)", re.IGNORECASE),
         lambda x, ref: x[1]),
        (re.compile(rf"\bв\s+({shift})\s+году\b", re.IGNORECASE),
         lambda x, ref: str(ref.year + YEAR_SHIFT[x[1].lower()]) if ref else None),
        (re.compile(rf"\bв\s+({shift})\s+месяце\b", re.IGNORECASE),
         lambda x, ref: relative_month(ref, YEAR_SHIFT[x[1].lower()])),
        (re.compile(rf"\bв?о?\s*({w})\b", re.IGNORECASE),
         lambda x, ref: last_weekday(ref, weekdays[x[1].lower()])),
        (re.compile(r"\b(" + "|".join(DAY_WORDS) + r")\b", re.IGNORECASE),
         lambda x, ref: iso_day(ref + timedelta(days=DAY_WORDS[x[1].lower()])) if ref else None),
    ]


def day_month(match: re.Match[str], ref: date | None, months: dict[str, int]) -> str | None:
    day, month = int(match[1]), months[match[2].lower()]
    if match[3]:
        return safe_day(int(match[3]), month, day)
    if ref is None:
        return None
    year = ref.year + YEAR_SHIFT.get((match[4] or "").lower(), 0)
    if not match[4] and (month, day) > (ref.month, ref.day + 7) and month - ref.month > 1:
        year -= 1
    return safe_day(year, month, day)


def month_only(match: re.Match[str], ref: date | None, months: dict[str, int]) -> str | None:
    if ref is None:
        return None
    month = months[match[1].lower()]
    if match[2]:
        return f"{ref.year + YEAR_SHIFT[match[2].lower()]}-{month:02d}"
    year = ref.year if month <= ref.month else ref.year - 1
    return f"{year}-{month:02d}"


def relative_month(ref: date | None, delta: int) -> str | None:
    if ref is None:
        return None
    year, month = shift_month(ref.year, ref.month, delta)
    return f"{year}-{month:02d}"


def last_weekday(ref: date | None, weekday: int) -> str | None:
    if ref is None:
        return None
    return iso_day(ref - timedelta(days=(ref.weekday() - weekday) % 7))


@lru_cache(maxsize=1)
def compiled() -> list[tuple[re.Pattern[str], Callable[[re.Match[str], date | None],
                                                       str | None]]]:
    return patterns()


def find_expressions(text: str, ref: date | None, offset: int = 0) -> list[Expression]:
    found: list[Expression] = []
    taken: list[tuple[int, int]] = []
    for pattern, resolve in compiled():
        for match in pattern.finditer(text):
            span = match.span()
            if any(s < span[1] and span[0] < e for s, e in taken):
                continue
            taken.append(span)
            found.append(Expression(span[0] + offset, span[1] + offset, match.group(0).strip(),
                                    resolve(match, ref)))
    return sorted(found, key=lambda e: e.start)


def parse_reference(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None
