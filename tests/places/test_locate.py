import pytest

from dyad import data
from dyad.actors.mentions import find_mentions
from dyad.places.gazetteer import fold
from dyad.places.locate import (
    CITY_ADJECTIVES,
    NOUNS,
    OBJECT_VERBS,
    PREPOSITIONS,
    city_adjectives,
    city_entry,
    noun_rules,
    object_verbs,
    place_nouns,
    place_of,
    prepositions,
    setting_of,
)

PUBLISHED = "2025-10-07"


def locate(pipeline, text, trigger, published=PUBLISHED):
    sentence = pipeline.parser.parse(text)[0]
    token = next(t for t in sentence.tokens if t.text == trigger)
    mentions = find_mentions(sentence, pipeline.actors, published)
    place = place_of(sentence, (token,), mentions)
    return (place.name, place.country) if place else None


# (sentence, trigger word, expected (nominative name, ISO3) or None)
PLACES = [
    ("Двое выходцев из Азербайджана погибли при полицейском рейде в Екатеринбурге.",
     "погибли", ("Екатеринбург", "RUS")),
    ("Самолёт разрушился при посадке близ Актау.", "разрушился", ("Актау", "KAZ")),
    ("Украинские войска обстреляли позиции под Курском.", "обстреляли", ("Курск", "RUS")),
    ("Самолёт разбился в Казахстане.", "разбился", ("Казахстан", "KAZ")),
    ("Российские военные нанесли удары на территории Украины.", "нанесли",
     ("Украина", "UKR")),
    ("Путин прибыл в Москву.", "прибыл", ("Москва", "RUS")),
    ("Глава МИД встретился с коллегой в Москве.", "встретился", ("Москва", "RUS")),
    ("Протесты прошли в городе Варна.", "прошли", ("Варна", "BGR")),
    ("Нааму Иссахар задержали в аэропорту Шереметьево.", "задержали",
     ("Шереметьево", "RUS")),
    ("Сотрудники посольства задержаны в Бишкеке.", "задержаны", ("Бишкек", "KGZ")),
    ("Встреча президентов состоялась в Сочи.", "состоялась", ("Сочи", "RUS")),
    ("Министр провёл переговоры в Северной Корее.", "переговоры",
     ("Северная Корея", "PRK")),
    ("Полиция задержала активистов в Грозном.", "задержала", ("Грозный", "RUS")),
    ("Грозный раскритиковал власти.", "раскритиковал", None),
    ("Чертановский суд Москвы арестовал кандидата.", "арестовал", ("Москва", "RUS")),
    ("Прокуратура Бишкека проводит расследование.", "проводит", ("Бишкек", "KGZ")),
    ("Армия обстреляла Алеппо.", "обстреляла", ("Алеппо", "SYR")),
    ("Президент посетил Крым.", "посетил", ("Крым", "UKR")),
    ("Израильские войска вошли в Сектор Газа.", "вошли", ("Сектор Газа", "PSE")),
    ("Премьер-министр выступил в Вашингтоне.", "выступил", ("Вашингтон", "USA")),
    ("Путин посоветовал Украине не смиряться.", "посоветовал", None),
    ("Его арестовали около Хомса.", "арестовали", ("Хомс", "SYR")),
    ("Встреча прошла возле Кремля.", "прошла", ("Кремль", "RUS")),
    ("Переговоры прошли в Кремле.", "прошли", ("Кремль", "RUS")),
    ("Лавров провёл переговоры с Рубио в Эр-Рияде.", "провёл", ("Эр-Рияд", "SAU")),
    ("Президент Казахстана прилетел в Нью-Йорк.", "прилетел", ("Нью-Йорк", "USA")),
    ("Россия оккупировала Крым.", "оккупировала", ("Крым", "UKR")),
    ("США возложили вину за срыв перемирия на Россию.", "возложили", None),
    ("Министр вылетел из Москвы.", "вылетел", None),
    ("Посол выразил протест в связи с заявлением.", "выразил", None),
    # adjective + place noun names a region: "Белгородской области" -> Белгородская область
    ("Беспилотник упал в Белгородской области.", "упал", ("Белгородская область", "RUS")),
    ("Взрыв произошёл в Донецкой области Украины.", "произошёл",
     ("Донецкая область", "UKR")),
]


# a city's adjective on a place or institution noun names the city
CITY_ADJECTIVE_PLACES = [
    ("Химкинский городской суд признал девушку виновной.", "признал", ("Химки", "RUS")),
    ("Химкинский городской суд Московской области признал Иссахар виновной.", "признал",
     ("Химки", "RUS")),
    ("Судья Мытищинского городского суда вынесла приговор.", "вынесла", ("Мытищи", "RUS")),
    ("Петербургский суд арестовал блогера.", "арестовал", ("Санкт-Петербург", "RUS")),
    ("Её задержали в московском аэропорту.", "задержали", ("Москва", "RUS")),
    # the airport's own name is more precise than the city
    ("Её задержали в московском аэропорту Шереметьево.", "задержали",
     ("Шереметьево", "RUS")),
    ("Взрыв прогремел на киевском вокзале.", "прогремел", ("Киев", "UKR")),
    ("Пожар произошел в харьковской больнице.", "произошел", ("Харьков", "UKR")),
    ("Взрыв прогремел в московском метро.", "прогремел", ("Москва", "RUS")),
    ("Беспилотник атаковал одесский порт.", "атаковал", ("Одесса", "UKR")),
    ("Его поместили в бакинский СИЗО.", "поместили", ("Баку", "AZE")),
    ("Студентов задержали в Санкт-Петербургском государственном университете.",
     "задержали", ("Санкт-Петербург", "RUS")),
    # the city's adjective beats a broader region the noun also names
    ("Взрыв произошел в Химкинском суде Московской области.", "произошел",
     ("Химки", "RUS")),
    # a region noun keeps its region; a district is not the city
    ("Беспилотник упал в Московской области.", "упал", ("Московская область", "RUS")),
    ("Беспилотник упал в Московском районе.", "упал", None),
    # "районный", "областной": the adjective names a district or a region
    ("Московский районный суд Санкт-Петербурга арестовал блогера.", "арестовал",
     ("Санкт-Петербург", "RUS")),
    ("Московский областной суд оставил приговор в силе.", "оставил", None),
    # a capitalised adjective on a station is its name: Киевский вокзал is in Moscow
    ("Взрыв прогремел на Киевском вокзале.", "прогремел", None),
    # an adjective not in the file; a place left ("из") is not the event's place
    ("Его задержали в калифорнийском аэропорту.", "задержали", None),
    ("Самолет вылетел из московского аэропорта.", "вылетел", None),
]


@pytest.mark.parametrize(("text", "trigger", "expected"), CITY_ADJECTIVE_PLACES)
def test_city_adjective_places_the_event(pipeline, text, trigger, expected):
    assert locate(pipeline, text, trigger) == expected


@pytest.mark.parametrize(("adjective", "city", "country"),
                         [(a, *row) for a, row in sorted(city_adjectives().items())])
def test_every_city_adjective_resolves_to_its_city(adjective, city, country):
    entry = city_entry(city, country)
    assert entry is not None, adjective
    assert (entry.name, entry.country, entry.kind) == (city, country, "city")


def test_city_adjective_rows_are_lemmas_once_each():
    rows = data.load_tsv(CITY_ADJECTIVES, required=("adjective", "city", "country"))
    adjectives = [r["adjective"] for r in rows]
    assert len(adjectives) == len(set(adjectives)) == len(city_adjectives())
    assert all(a == fold(a) and a.endswith(("ий", "ой")) for a in adjectives)


@pytest.mark.parametrize(("adjective", "gender", "expected"), [
    ("белгородский", "Fem", "белгородская"), ("донецкий", "Fem", "донецкая"),
    ("нижний", "Fem", "нижняя"), ("краснодарский", "Masc", "краснодарский"),
    ("тверской", "Fem", "тверская"), ("новый", "Fem", "новая"), ("зеленый", "Neut", "зеленый"),
])
def test_adjective_agrees_with_its_place_noun(adjective, gender, expected):
    from dyad.places.locate import agree

    assert agree(adjective, gender) == expected


@pytest.mark.parametrize(("text", "trigger", "expected"), PLACES)
def test_place_of_sentence(pipeline, text, trigger, expected):
    assert locate(pipeline, text, trigger) == expected


@pytest.mark.parametrize(("text", "trigger", "expected"), [
    # the place a relative "где" clause describes
    ("МИД советует не ездить в Ливию, где длится противостояние армии и повстанцев.",
     "противостояние", ("Ливия", "LBY")),
    ("Он говорил о городе Алеппо, где возобновились бои.", "бои", ("Алеппо", "SYR")),
    # the one place the sentence's clause (or a clause above it) names
    ("Протесты в Софии приняли насильственный характер, вылившись в столкновения.",
     "столкновения", ("София", "BGR")),
    # a place in a clause beside the event's is not its place
    ("Обсудив положение в Алеппо, США обвинили Россию.", "обвинили", None),
])
def test_setting_when_no_argument_places_the_event(pipeline, text, trigger, expected):
    sentence = pipeline.parser.parse(text)[0]
    token = next(t for t in sentence.tokens if t.text == trigger)
    mentions = find_mentions(sentence, pipeline.actors, PUBLISHED)
    place = setting_of(sentence, (token,), mentions)
    assert ((place.name, place.country) if place else None) == expected


def test_place_has_coordinates_and_geonames_id(pipeline):
    sentence = pipeline.parser.parse("Встреча состоялась в Екатеринбурге.")[0]
    token = next(t for t in sentence.tokens if t.text == "состоялась")
    place = place_of(sentence, (token,), [])
    assert place.geonames_id == 1486209 and place.lat and place.lon


def test_place_comes_through_the_pipeline(code):
    events = code("Глава МИД России Сергей Лавров провёл переговоры с госсекретарём США "
                  "Марко Рубио в Эр-Рияде.")
    places = {e.place.name for e in events if e.place}
    assert places == {"Эр-Рияд"}
    assert all(e.to_dict()["place"]["geonames_id"] for e in events if e.place)


@pytest.mark.parametrize("preposition", sorted(prepositions()))
def test_every_preposition_row_has_cases(preposition):
    assert prepositions()[preposition] <= {"Nom", "Gen", "Dat", "Acc", "Ins", "Loc"}


@pytest.mark.parametrize(("text", "trigger"), [
    ("Взрыв прогремел в Москве.", "прогремел"),
    ("Взрыв прогремел под Москвой.", "прогремел"),
    ("Взрыв прогремел близ Москвы.", "прогремел"),
    ("Взрыв прогремел около Москвы.", "прогремел"),
    ("Взрыв прогремел возле Москвы.", "прогремел"),
    ("Взрыв прогремел вблизи Москвы.", "прогремел"),
    ("Взрыв прогремел у Москвы.", "прогремел"),
    ("Взрыв прогремел недалеко от Москвы.", "прогремел"),
    ("Взрыв прогремел неподалеку от Москвы.", "прогремел"),
    ("Взрыв прогремел в районе Москвы.", "прогремел"),
    ("Взрыв прогремел на территории Москвы.", "прогремел"),
    ("Взрыв прогремел на окраине в Москве.", "прогремел"),
])
def test_every_preposition_places_an_event(pipeline, text, trigger):
    assert locate(pipeline, text, trigger) == ("Москва", "RUS")


def test_preposition_rows_are_all_exercised():
    assert set(prepositions()) == {"в", "на", "под", "близ", "около", "возле", "вблизи", "у",
                                   "недалеко_от", "неподалеку_от", "в_районе",
                                   "на_территории"}


NOUN_FORMS = {"город": "городе", "столица": "столице", "село": "селе", "деревня": "деревне",
              "поселок": "поселке", "район": "районе", "территория": "территории",
              "область": "области", "регион": "регионе", "провинция": "провинции",
              "республика": "республике", "страна": "стране", "аэропорт": "аэропорту",
              "порт": "порту", "база": "базе", "авиабаза": "авиабазе",
              "окрестность": "окрестностях", "пригород": "пригороде", "штат": "штате",
              "округ": "округе", "суд": "суде", "тюрьма": "тюрьме", "сизо": "СИЗО",
              "больница": "больнице", "госпиталь": "госпитале",
              "университет": "университете", "метро": "метро", "вокзал": "вокзале",
              "кпп": "КПП"}


def test_place_noun_table_covers_the_data_file():
    assert set(NOUN_FORMS) == {r["lemma"] for r in data.load_tsv(NOUNS, required=("lemma",))}
    assert set(NOUN_FORMS) == place_nouns()
    assert set(noun_rules().values()) == {"yes", "no", "lower"}


@pytest.mark.parametrize(("lemma", "form"), sorted(NOUN_FORMS.items()))
def test_every_place_noun_leads_to_its_name(pipeline, lemma, form):
    text = f"Встреча прошла в {form} Варны."
    assert locate(pipeline, text, "прошла") == ("Варна", "BGR"), text


VERB_FORMS = {"посетить": "посетила", "посещать": "посещала", "обстрелять": "обстреляла",
              "обстреливать": "обстреливала", "атаковать": "атаковала",
              "бомбить": "бомбила", "разбомбить": "разбомбила", "захватить": "захватила",
              "оккупировать": "оккупировала", "штурмовать": "штурмовала",
              "освободить": "освободила"}


def test_object_verb_table_covers_the_data_file():
    assert set(VERB_FORMS) == object_verbs()


@pytest.mark.parametrize(("lemma", "form"), sorted(VERB_FORMS.items()))
def test_every_object_verb_places_its_object(pipeline, lemma, form):
    text = f"Армия {form} Алеппо."
    assert locate(pipeline, text, form) == ("Алеппо", "SYR"), text


def test_data_files_exist():
    assert PREPOSITIONS.exists() and NOUNS.exists() and OBJECT_VERBS.exists()
    assert CITY_ADJECTIVES.exists()


@pytest.mark.parametrize(("adjective", "city", "country"),
                         [(a, *row) for a, row in sorted(city_adjectives().items())])
def test_every_city_adjective_places_an_event(pipeline, adjective, city, country):
    text = f"Пожар произошел в {adjective[:-2]}ой больнице."  # feminine locative
    assert locate(pipeline, text, "произошел") == (city, country), text


def test_an_actors_next_act_without_a_place_happened_where_the_last_did(code):
    text = ("Открывая заседание Госсовета в Кремле, Путин поздравил Зюганова. «Он вступил в "
            "КПСС в 1966 году. Хочу передать вам подарок», — сказал Путин. Путин вручил "
            "Зюганову книгу.")
    places = {(e.cameo, e.place.name if e.place else None) for e in code(text)}
    assert ("017", "Кремль") in places


def test_far_acts_keep_no_scene(code):
    text = ("Путин поздравил Зюганова в Кремле. Погода была хорошей. Дождя не было. Ветер "
            "стих. Солнце светило. Путин вручил Зюганову книгу.")
    places = {(e.cameo, e.place.name if e.place else None) for e in code(text)}
    assert ("017", None) in places


def test_across_the_country_is_the_actors_country(pipeline):
    from dyad.places.locate import country_wide

    sentence = pipeline.parser.parse("Протестующие вышли на улицы по всей стране.")[0]
    assert country_wide(sentence, "BGR").name == "Болгария"
    assert country_wide(sentence, None) is None
    other = pipeline.parser.parse("Протестующие вышли на улицы столицы.")[0]
    assert country_wide(other, "BGR") is None
