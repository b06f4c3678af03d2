"""GDELT 2.0 event table rows (61 tab-separated columns, the codebook's order), one a story
event (asserted or claimed: GDELT has no status column), no header line unless asked.

Mapping (dyad -> GDELT 2.0 event codebook):
  GlobalEventID        story id (the id of the story's first reported event)
  Day/MonthYear/Year   the story's day (own date, else publication day; see effective_day)
  FractionDate         Year + (Month*30 + Day)/365, 4 decimals, as the codebook computes it
  Actor1Code           source code (entity + role, e.g. AZEGOV); Actor2*: the target
  Actor1Name           source name (canonical person or state name), else its text
  Actor1CountryCode    entity when it is a state in dyad's dictionary (ISO3 / dyad code)
  Actor1KnownGroupCode entity when it is an IGO (UN, NATO, IAEA ...)
  Actor1Type1Code      role (GOV, MIL, ...); Ethnic, Religion1/2, Type2/3: empty (not coded)
  IsRootEvent          1 when the first report is in the article's first sentence
  EventCode/Base/Root  CAMEO code, its first 3 digits, its root
  QuadClass, GoldsteinScale
  NumMentions/NumSources/NumArticles  from the story's mentions (sources: the articles'
                       `source` field, an article without one counting as its own source)
  AvgTone              empty: dyad scores no tone
  Actor1Geo_*, Actor2Geo_*  empty: dyad does not geolocate actors
  ActionGeo_Type       1 (country) when the place is a state's name, else 4 (world city or
                       landmark); FullName: the place's name; CountryCode: dyad's ISO3 code
                       (GDELT uses FIPS 10-4 2-letter codes here); Lat/Long when known;
                       ADM1, ADM2, FeatureID empty
  DATEADDED            when the story's first article was ingested, YYYYMMDDHHMMSS (UTC)
  SOURCEURL            the first article's URL, else `dyad:article/<article id>`
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from typing import Any

from dyad import data

ACTOR_FIELDS = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
                "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long",
              "FeatureID")
COLUMNS = (
    ("GlobalEventID", "Day", "MonthYear", "Year", "FractionDate")
    + tuple(f"Actor1{f}" for f in ACTOR_FIELDS) + tuple(f"Actor2{f}" for f in ACTOR_FIELDS)
    + ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
       "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone")
    + tuple(f"Actor1Geo_{f}" for f in GEO_FIELDS) + tuple(f"Actor2Geo_{f}" for f in GEO_FIELDS)
    + tuple(f"ActionGeo_{f}" for f in GEO_FIELDS) + ("DATEADDED", "SOURCEURL"))
assert len(COLUMNS) == 61, len(COLUMNS)


@lru_cache(maxsize=1)
def state_names() -> dict[str, set[str]]:
    names: dict[str, set[str]] = {}
    for row in data.load_tsv(data.STATES, required=("entity", "kind", "text")):
        if row["kind"] == "name":
            names.setdefault(row["entity"], set()).add(row["text"].casefold())
    return names


@lru_cache(maxsize=1)
def igo_codes() -> frozenset[str]:
    return frozenset(r["entity"] for r in data.load_tsv(data.IGOS, required=("entity",)))


def text(value: Any) -> str:
    if value is None:
        return ""
    return " ".join(str(value).split())  # no tabs or newlines inside a field


def actor(row: Mapping[str, Any], side: str) -> list[str]:
    entity = row[f"{side}_entity"] or ""
    country = entity if entity in state_names() else ""
    group = entity if entity in igo_codes() else ""
    name = row[f"{side}_name"] or row[f"{side}_text"]
    return [text(row[f"{side}_code"]), text(name), country, group, "", "", "",
            text(row[f"{side}_role"]), "", ""]


def action_geo(row: Mapping[str, Any]) -> list[str]:
    name, country = row["place_name"], row["place_country"]
    if not name:
        return [""] * len(GEO_FIELDS)
    is_state = bool(country) and name.casefold() in state_names().get(country, set())
    return ["1" if is_state else "4", text(name), text(country), "", "", text(row["place_lat"]),
            text(row["place_lon"]), ""]


def fraction_date(day: str) -> str:
    year, month, dom = int(day[:4]), int(day[5:7]), int(day[8:10])
    return f"{year + (month * 30 + dom) / 365:.4f}"


def date_added(ingested_at: str | None) -> str:
    digits = "".join(ch for ch in (ingested_at or "") if ch.isdigit())
    return digits[:14]


def gdelt_row(row: Mapping[str, Any]) -> list[str]:
    """One story row (`Store.stories()`) as the 61 GDELT 2.0 fields."""
    day = row["day"] or ""
    cameo = row["cameo"]
    when = [day.replace("-", ""), day[:7].replace("-", ""), day[:4],
            fraction_date(day) if day else ""]
    counts = [str(row["num_mentions"] or 1), str(row["num_sources"] or 1),
              str(row["num_articles"] or 1)]
    event = ["1" if int(row["sentence"]) == 0 else "0", cameo, cameo[:3], row["cameo_root"],
             str(row["quad_class"]), f"{float(row['goldstein']):.1f}", *counts, ""]
    url = row["url"] or f"dyad:article/{row['article_id']}"
    fields = ([str(row["story_id"]), *when] + actor(row, "source") + actor(row, "target")
              + event + [""] * (2 * len(GEO_FIELDS)) + action_geo(row)
              + [date_added(row["ingested_at"]), text(url)])
    assert len(fields) == len(COLUMNS)
    return fields


def gdelt_lines(rows: Iterable[Mapping[str, Any]], header: bool = False) -> Iterator[str]:
    if header:
        yield "\t".join(COLUMNS)
    for row in rows:
        yield "\t".join(gdelt_row(row))
