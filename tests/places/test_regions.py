"""The curated regions of data/places/extra.tsv: every name of every region row is found
under the row's country, the federal subjects and oblasts are all there, and no region
name hides a large city or a state of actors/states.tsv."""

from collections import Counter

import pytest

from dyad import data
from dyad.places.gazetteer import EXTRA, fold, gazetteer
from tests.places.test_locate import locate


def region_rows():
    rows = data.load_tsv(EXTRA, required=("kind", "country", "names"))
    return [r for r in rows if r["kind"] == "region"]


REGION_NAMES = [(row["country"], name) for row in region_rows()
                for name in row["names"].split("|")]


@pytest.mark.parametrize(("country", "name"), REGION_NAMES, ids=[n for _, n in REGION_NAMES])
def test_every_region_name_is_found_under_its_country(country, name):
    entries = gazetteer().lookup([name])
    assert any(e.kind == "region" and e.country == country and e.curated for e in entries)
    chosen = gazetteer().choose(entries)
    assert (chosen.name, chosen.country, chosen.kind) == (name, country, "region")


def test_every_curated_name_is_in_one_row():
    names = Counter(fold(n) for r in data.load_tsv(EXTRA, required=("names",))
                    for n in r["names"].split("|"))
    assert [n for n, count in names.items() if count > 1] == []


def kinds_of(country):
    """Region rows of a country by the type the note starts with."""
    types = ("autonomous oblast", "autonomous okrug", "republic", "krai", "oblast")
    return Counter(next((t for t in types if r["note"].startswith(t)), r["note"])
                   for r in region_rows() if r["country"] == country)


def test_all_federal_subjects_of_russia():
    # 85 subjects before 2022 less Moscow and St Petersburg (cities) and Crimea and
    # Sevastopol (UKR); the four oblasts annexed in 2022 are UKR too
    assert kinds_of("RUS") == {"republic": 21, "krai": 9, "oblast": 46,
                               "autonomous oblast": 1, "autonomous okrug": 4}


@pytest.mark.parametrize(("country", "oblasts"), [("UKR", 24), ("BLR", 6), ("KAZ", 17)])
def test_all_oblasts(country, oblasts):
    assert kinds_of(country)["oblast"] == oblasts


# Region names that are also the name of a city of 100,000 or more, or of a city of
# another state, kept because the region is by far the likelier reading in the news.
CITY_CLASHES = {
    "Крым": "the peninsula over the village Krym (RUS)",
    "Идлиб": "the province; the city Idlib (SYR) is in it",
    "Воронежская область": "GeoNames lists it as a name of the city Voronezh",
    "Вирджиния": "the US state over Virginia, Free State (ZAF, 122 k)",
    "Флорида": "the US state over towns in Cuba, Colombia, Uruguay, Puerto Rico",
    "Чечня": "the republic over a village in Ukraine",
}


@pytest.mark.parametrize(("country", "name"), REGION_NAMES, ids=[n for _, n in REGION_NAMES])
def test_region_name_hides_no_large_or_foreign_city(country, name):
    hidden = [e for e in gazetteer().lookup([name]) if not e.curated
              and (e.population >= 100_000 or e.country != country)]
    assert hidden == [] or name in CITY_CLASHES


@pytest.mark.parametrize(("name", "state"), [
    ("Абхазия", "ABH"), ("Южная Осетия", "SOS"), ("Нагорный Карабах", "NKR"),
    ("Приднестровье", "PMR"), ("ДНР", "DNR"), ("ЛНР", "LNR"),
])
def test_unrecognised_states_stay_countries(name, state):
    entry = gazetteer().choose(gazetteer().lookup([name]))
    assert (entry.kind, entry.country) == ("country", state)


# Single-word region names through the locator (adjective + noun phrases such as
# "в Харьковской области" are not matched by locate.py yet)
REGION_PLACES = [
    ("Взрыв произошел в Татарстане.", "произошел", ("Татарстан", "RUS")),
    ("Беспилотник атаковал нефтебазу на Кубани.", "атаковал", ("Кубань", "RUS")),
    ("Взрыв произошел на Белгородчине.", "произошел", ("Белгородчина", "RUS")),
    ("Землетрясение произошло на Камчатке.", "произошло", ("Камчатка", "RUS")),
    ("Задержания прошли в Якутии.", "прошли", ("Якутия", "RUS")),
    ("Пожар произошел в Кузбассе.", "произошел", ("Кузбасс", "RUS")),
    ("Удар был нанесен на Сумщине.", "нанесен", ("Сумщина", "UKR")),
    ("Обстрел произошел на Херсонщине.", "произошел", ("Херсонщина", "UKR")),
    ("Взрыв прогремел на Волыни.", "прогремел", ("Волынь", "UKR")),
    ("Протесты прошли в Гагаузии.", "прошли", ("Гагаузия", "MDA")),
    ("Пожары бушуют в Калифорнии.", "бушуют", ("Калифорния", "USA")),
    ("Губернатор выступил в Техасе.", "выступил", ("Техас", "USA")),
]


@pytest.mark.parametrize(("text", "trigger", "expected"), REGION_PLACES)
def test_region_place_of_sentence(pipeline, text, trigger, expected):
    assert locate(pipeline, text, trigger) == expected
