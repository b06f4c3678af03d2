"""Russian temporal expressions found by pattern, resolved against a reference date.

Each `Expression` keeps its character span, its value at the precision the text gives
("YYYY-MM-DD", "YYYY-MM" or "YYYY") and its kind:
- absolute: the text gives the year ("27 июня 2025 года", "12.05.2023", "в 2024 году");
- elided: a day or month whose year the reader supplies ("7 октября", "в декабре"): the
  publication date's year, else the article's latest absolute date (`Context.anchor`);
- relative: deictic words ("вчера", "во вторник", "на прошлой неделе", "месяц назад"),
  resolved only against the publication date, else None.
The words are data: `data/time/months.tsv` and `data/time/words.tsv`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from dyad import data

WORDS = data.DATA_DIR / "time" / "words.tsv"
FUTURE_DAYS = 45  # a year-less day up to this far after publication is taken as upcoming
YEAR = r"((?:19|20)\d\d)"
YEAR_WORD = r"(?:\s*(?:года|году|г\.|г(?!\w)))"


@dataclass(frozen=True, slots=True)
class Expression:
    start: int
    end: int
    text: str
    value: str | None
    kind: str = "absolute"


@dataclass(frozen=True, slots=True)
class Context:
    reference: date | None  # publication date: deictic expressions need it
    anchor: date | None = None  # supplies an elided year when there is no publication date

    @property
    def year_reference(self) -> date | None:
        return self.reference or self.anchor


Resolver = Callable[[re.Match[str], Context], str | None]


@lru_cache(maxsize=1)
def lexicon() -> dict[str, dict[str, str]]:
    """kind -> {word: value} from both data files."""
    found: dict[str, dict[str, str]] = {}
    for path in (data.TEMPORAL, WORDS):
        for row in data.load_tsv(path, required=("text", "kind", "value")):
            found.setdefault(row["kind"], {})[row["text"]] = row["value"]
    return found


def number(kind: str, word: str) -> int:
    return int(lexicon()[kind][word.lower()])


def month_of(word: str) -> int:
    table = lexicon()
    key = word.lower().rstrip(".")
    return int(table["month"].get(key) or table["abbr"][key])


def alternation(*kinds: str) -> str:
    names = {w for kind in kinds for w in lexicon()[kind]}
    return "(?:" + "|".join(sorted(names, key=len, reverse=True)) + ")"


def iso(day: date) -> str:
    return day.isoformat()


def month_text(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


def safe_day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def infer_year(ref: date, month: int, day: int) -> int:
    """The most recent such day not after `ref`, unless it is at most FUTURE_DAYS ahead."""
    upcoming = safe_day(ref.year, month, day) or safe_day(ref.year, month, 28)
    assert upcoming is not None
    if upcoming < ref:
        ahead = safe_day(ref.year + 1, month, min(day, 28))
        return ref.year + 1 if ahead and (ahead - ref).days <= FUTURE_DAYS else ref.year
    return ref.year if (upcoming - ref).days <= FUTURE_DAYS else ref.year - 1


def recent_month_year(ref: date, month: int) -> int:
    """The year of the most recent such month, the current one included."""
    return ref.year if month <= ref.month else ref.year - 1


def week_month(monday: date) -> str:
    """A week is dated by the month of its Thursday (the month holding most of its days)."""
    thursday = monday + timedelta(days=3)
    return month_text(thursday.year, thursday.month)


def monday_of(day: date, weeks: int = 0) -> date:
    return day - timedelta(days=day.weekday()) + timedelta(weeks=weeks)


# --- resolvers: (match, context) -> value ------------------------------------------------


def numeric_dmy(x: re.Match[str], ctx: Context) -> str | None:
    day = safe_day(int(x[3]), int(x[2]), int(x[1]))
    return iso(day) if day else None


def numeric_ymd(x: re.Match[str], ctx: Context) -> str | None:
    day = safe_day(int(x[1]), int(x[2]), int(x[3]))
    return iso(day) if day else None


def day_month(x: re.Match[str], ctx: Context) -> str | None:
    day, month = int(x["day"]), month_of(x["month"])
    year = explicit_year(x, ctx, month, day)
    found = safe_day(year, month, day) if year is not None else None
    return iso(found) if found else None


def explicit_year(x: re.Match[str], ctx: Context, month: int, day: int) -> int | None:
    if x["year"]:
        return int(x["year"])
    if x["shift"]:
        return ctx.reference.year + number("shift", x["shift"]) if ctx.reference else None
    ref = ctx.year_reference
    return infer_year(ref, month, day) if ref else None


def day_range(x: re.Match[str], ctx: Context) -> str | None:
    """"с 1 по 5 мая", "1–5 мая": the month when both ends share it, else the year."""
    end_month = month_of(x["month"])
    start_month = month_of(x["month1"]) if x["month1"] else end_month
    year = explicit_year(x, ctx, end_month, int(x["day"]))
    if year is None or not safe_day(year, start_month, int(x["day1"])):
        return None
    return month_text(year, end_month) if start_month == end_month else str(year)


def year_range(x: re.Match[str], ctx: Context) -> str | None:
    """"в 2022–2023 годах": the first year (the event is dated by when it began)."""
    return x[1] if int(x[1]) <= int(x[2]) else None


def part_of_month(x: re.Match[str], ctx: Context) -> str | None:
    month = month_of(x["month"])
    if x["year"]:
        return month_text(int(x["year"]), month)
    return month_in_context(x, ctx, month)


def month_year(x: re.Match[str], ctx: Context) -> str | None:
    return month_text(int(x["year"]), month_of(x["month"]))


def year_only(x: re.Match[str], ctx: Context) -> str | None:
    return x["year"]


def relative_period(x: re.Match[str], ctx: Context) -> str | None:
    """"в прошлом году", "в этом месяце", "на прошлой неделе", "в конце прошлого года"."""
    ref = ctx.reference
    if ref is None or not (x["part"] or x["shift"]):
        return None
    shift = number("shift", x["shift"]) if x["shift"] else 0
    period = lexicon()["period"][x["period"].lower()]
    if period == "year":
        return str(ref.year + shift)
    if period == "month":
        return month_text(*shift_month(ref.year, ref.month, shift))
    return week_month(monday_of(ref, shift))


def ago(x: re.Match[str] | Renamed, ctx: Context) -> str | None:
    """"два дня назад", "месяц назад", "через неделю": precision of the unit counted."""
    ref = ctx.reference
    if ref is None:
        return None
    unit, size = lexicon()["unit"][x["unit"].lower()].split(":")
    said = (x["count"] or "1").lower()
    if said in lexicon().get("vague", {}):
        return None
    count = int(said) if said.isdigit() else number("number", said)
    amount = count * int(size) * (1 if x["sign"].lower() == "через" else -1)
    if unit == "day":
        return iso(ref + timedelta(days=amount))
    if unit == "week":
        return iso(ref + timedelta(weeks=amount))
    if unit == "month":
        return month_text(*shift_month(ref.year, ref.month, amount))
    return str(ref.year + amount)


def weekday(x: re.Match[str], ctx: Context) -> str | None:
    """"во вторник": the most recent such day, publication day included; "в прошлую
    пятницу" / "в следующий вторник": that day of the previous / next week."""
    ref = ctx.reference
    if ref is None:
        return None
    wanted = number("weekday", x["weekday"])
    if x["shift"]:
        return iso(monday_of(ref, number("shift", x["shift"])) + timedelta(days=wanted))
    return iso(ref - timedelta(days=(ref.weekday() - wanted) % 7))


def day_word(x: re.Match[str], ctx: Context) -> str | None:
    ref = ctx.reference
    return iso(ref + timedelta(days=number("day", x["word"]))) if ref else None


def month_only(x: re.Match[str], ctx: Context) -> str | None:
    """"в декабре": the most recent December, the current month included."""
    return month_in_context(x, ctx, month_of(x["month"]))


def month_in_context(x: re.Match[str], ctx: Context, month: int) -> str | None:
    """A month named without its year: shifted by "прошлого года", else the most recent."""
    if x["shift"]:
        if ctx.reference is None:
            return None
        return month_text(ctx.reference.year + number("shift", x["shift"]), month)
    ref = ctx.year_reference
    return month_text(recent_month_year(ref, month), month) if ref else None


# resolvers that can give a full day with an explicit year, i.e. an "absolute" YYYY-MM-DD
DAY_RESOLVERS: frozenset[Resolver] = frozenset({numeric_dmy, numeric_ymd, day_month})

# --- patterns ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Pattern:
    regex: re.Pattern[str]
    resolve: Resolver
    kind: str  # absolute | elided | relative; elided/relative become absolute with a year


def build_patterns() -> list[Pattern]:
    m, ab = alternation("month"), alternation("abbr")
    w, shift = alternation("weekday"), alternation("shift")
    day, num, unit = alternation("day"), alternation("number", "vague"), alternation("unit")
    part, period = alternation("part"), alternation("period")
    year_tail = rf"(?:\s+{YEAR}{YEAR_WORD}?|\s+(?P<shift>{shift})\s+года)?"
    year_tail = year_tail.replace(YEAR, "(?P<year>(?:19|20)\\d\\d)", 1)
    dated = "elided"
    rows: list[tuple[str, Resolver, str]] = [
        (rf"\bс\s+(?P<day1>\d{{1,2}})(?:\s+(?P<month1>{m}))?\s+по\s+(?P<day>\d{{1,2}})\s+"
         rf"(?P<month>{m}){year_tail}", day_range, dated),
        (rf"\b(?P<day1>\d{{1,2}})\s*[-–—]\s*(?P<day>\d{{1,2}})\s+(?P<month>{m})(?P<month1>)"
         rf"{year_tail}", day_range, dated),
        (rf"\b{YEAR}\s*[-–—]\s*{YEAR}(?:-?[хе])?\s*(?:годах|годы|годов|года|гг\.?)",
         year_range, "absolute"),
        (rf"\bс\s+{YEAR}\s+по\s+{YEAR}\s+(?:год|годы|годах)", year_range, "absolute"),
        (r"\b(\d{1,2})[./](\d{1,2})[./]((?:19|20)\d\d)\b", numeric_dmy, "absolute"),
        (r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b", numeric_ymd, "absolute"),
        (rf"\b(?P<day>\d{{1,2}})(?:-?го)?\s+(?P<month>{m}\b|{ab}\b\.?){year_tail}",
         day_month, dated),
        (rf"\bв\s+{part}\s+(?P<month>{m})(?:\s+(?P<year>(?:19|20)\d\d){YEAR_WORD}?"
         rf"|\s+(?P<shift>{shift})\s+года)?\b", part_of_month, dated),
        (rf"\b(?P<month>{m})\s+(?P<year>(?:19|20)\d\d){YEAR_WORD}?", month_year, "absolute"),
        (r"\b(?:в\s+|с\s+)?(?P<year>(?:19|20)\d\d)(?:-?(?:м|го))?\s*(?:году|года|год|г\.)"
         r"(?![а-яё])(?!\s+рождения)", year_only, "absolute"),
        (rf"\b(?:в|на)\s+(?:(?P<part>{part})\s+)?(?:(?P<shift>{shift})\s+)?"
         rf"(?P<period>{period})\b", relative_period, "relative"),
        (rf"\b(?:(?P<count>\d{{1,2}}|{num})\s+)?(?P<unit>{unit})\s+(?P<sign>назад)\b"
         rf"|\b(?P<sign2>через)\s+(?:(?P<count2>\d{{1,2}}|{num})\s+)?(?P<unit2>{unit})\b",
         ago_either, "relative"),
        (rf"\bв[о]?\s+(?:(?P<shift>{shift})\s+)?(?P<weekday>{w})\b(?!,?\s*\d)", weekday,
         "relative"),
        (rf"\b(?P<word>{day})\b", day_word, "relative"),
        (rf"\bв\s+(?P<month>{m})(?:\s+(?P<shift>{shift})\s+года)?\b", month_only, dated),
    ]
    return [Pattern(re.compile(text, re.IGNORECASE), resolve, kind)
            for text, resolve, kind in rows]


def ago_either(x: re.Match[str], ctx: Context) -> str | None:
    if x["sign"]:
        return ago(x, ctx)
    return ago(Renamed(x, {"count": "count2", "unit": "unit2", "sign": "sign2"}), ctx)


class Renamed:
    """A match whose named groups are read under other names (the second alternative)."""

    def __init__(self, match: re.Match[str], names: dict[str, str]) -> None:
        self.match, self.names = match, names

    def __getitem__(self, key: str) -> str:
        return self.match[self.names.get(key, key)]


def kind_of(pattern: Pattern, match: re.Match[str]) -> str:
    """An elided pattern is absolute when the text gives the year, relative when it shifts it."""
    groups = match.groupdict()
    if pattern.kind != "elided":
        return pattern.kind
    if groups.get("year"):
        return "absolute"
    return "relative" if groups.get("shift") else "elided"


@lru_cache(maxsize=1)
def compiled() -> list[Pattern]:
    return build_patterns()


@lru_cache(maxsize=1)
def day_patterns() -> list[Pattern]:
    """The patterns up to the last one that can state a day with its year. Earlier patterns
    win overlaps, so the later ones never change what these find: the anchor needs no more."""
    patterns = compiled()
    last = max(i for i, p in enumerate(patterns) if p.resolve in DAY_RESOLVERS)
    return patterns[:last + 1]


def find_expressions(text: str, ref: date | None, offset: int = 0,
                     anchor: date | None = None,
                     patterns: list[Pattern] | None = None) -> list[Expression]:
    """Every expression in `text` (of `patterns`, by default all), earlier patterns
    winning where spans overlap."""
    ctx = Context(ref, anchor)
    found: list[Expression] = []
    taken: list[tuple[int, int]] = []
    for pattern in compiled() if patterns is None else patterns:
        for match in pattern.regex.finditer(text):
            span = match.span()
            if any(s < span[1] and span[0] < e for s, e in taken):
                continue
            taken.append(span)
            found.append(Expression(span[0] + offset, span[1] + offset, match.group(0).strip(),
                                    pattern.resolve(match, ctx), kind_of(pattern, match)))
    return sorted(found, key=lambda e: e.start)


def anchor_of(text: str) -> date | None:
    """The latest day an article states with its year: it supplies elided years."""
    days = [e.value for e in find_expressions(text, None, patterns=day_patterns())
            if e.kind == "absolute" and e.value and len(e.value) == 10]
    return date.fromisoformat(max(days)) if days else None


def parse_reference(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None
