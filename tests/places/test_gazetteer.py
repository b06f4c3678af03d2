from dataclasses import asdict
from pathlib import Path

import pytest

from dyad import data
from dyad.errors import DataFileError
from dyad.places.gazetteer import EXTRA, GAZETTEER, Gazetteer, fold, gazetteer
from dyad.records import Place


def choose(name, countries=frozenset()):
    g = gazetteer()
    return g.choose(g.lookup([name]), frozenset(countries))


@pytest.mark.parametrize(("name", "country", "kind"), [
    ("Москва", "RUS", "city"),  # Moscow, RU (10 M) over Moscow, Idaho and Moskva, TJ
    ("Вашингтон", "USA", "city"),
    ("Варна", "BGR", "city"),  # Varna, BG (318 k) over Varna, RU (10 k)
    ("Грозный", "RUS", "city"),
    ("Актау", "KAZ", "city"),
    ("Екатеринбург", "RUS", "city"),
    ("Ханкенди", "AZE", "city"),  # a town of 2,100: kept by the 1,000 threshold
    ("Степанакерт", "AZE", "city"),
    ("Куала-Лумпур", "MYS", "city"),
    ("Казахстан", "KAZ", "country"),
    ("Северная Корея", "PRK", "country"),
    ("КНДР", "PRK", "country"),
    ("Великобритания", "GBR", "country"),
    ("Кремль", "RUS", "seat"),
    ("Белый дом", "USA", "seat"),
    ("Крым", "UKR", "region"),  # curated row over the village Krym, RU
    ("Шереметьево", "RUS", "airport"),
    ("Ходейда", "YEM", "city"),
])
def test_name_resolves(name, country, kind):
    entry = choose(name)
    assert (entry.name, entry.country, entry.kind) == (name, country, kind)


def test_article_countries_break_ties():
    assert choose("Хомс").country == "SYR"  # Homs (775 k) over Al Khums, Libya (202 k)
    assert choose("Хомс", {"LBY"}).country == "LBY"


def test_lookup_is_folded():
    assert fold("  Щёлково ") == "щелково"
    assert choose("МОСКВА").name == "Москва"


def test_city_carries_coordinates_and_geonames_id():
    entry = choose("Екатеринбург")
    assert entry.geonames_id == 1486209
    assert 56 < entry.lat < 57 and 60 < entry.lon < 61


def test_country_has_geonames_id_and_capital_coordinates():
    entry = choose("Казахстан")
    assert entry.geonames_id == 1522867
    assert entry.lat is not None and entry.lon is not None


def test_unknown_name():
    assert choose("Нарния") is None


def extra_rows():
    return data.load_tsv(EXTRA, required=("kind", "country", "names"))


@pytest.mark.parametrize("row", extra_rows(), ids=lambda r: r["names"].split("|")[0])
def test_every_extra_place_resolves_to_its_row(row):
    for name in row["names"].split("|"):
        entry = choose(name)
        assert (entry.name, entry.country, entry.kind) == (name, row["country"], row["kind"])
        assert entry.lat is not None and entry.lon is not None


def test_built_gazetteer_is_well_formed():
    g = Gazetteer().add_file(GAZETTEER, curated=False, check=True)
    assert len(g) > 40_000
    kinds = {cells[columns[1]] for cells, columns, _ in g.rows}
    assert kinds == {"city", "country", "seat"}


def test_bad_places_file_is_a_coded_error(tmp_path: Path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("kind\tcountry\tlat\tlon\tgeonames_id\tnames\ncity\tRUS\tnorth\t1\t\tX\n",
                   encoding="utf-8")
    with pytest.raises(DataFileError, match=r"\[D010\].*line 2"):
        Gazetteer().add_file(bad, curated=True)


def test_missing_header_is_a_coded_error(tmp_path: Path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("name\nМосква\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"\[D010\]"):
        Gazetteer().add_file(bad, curated=True)


def test_place_record_serialises_geonames_id():
    place = Place(name="Москва", country="RUS", lat=55.75, lon=37.62, geonames_id=524901)
    assert asdict(place) == {"name": "Москва", "country": "RUS", "lat": 55.75,
                             "lon": 37.62, "geonames_id": 524901}
    assert Place(name="Сочи", country="RUS").geonames_id is None
