"""Every entry of the actor data files is well formed and found in running text."""

import re

import pytest

from dyad import data
from dyad.actors.mentions import find_mentions

STATE_KINDS = {"name", "adjective", "capital", "seat", "demonym"}
IGO_KINDS = {"name", "abbr", "adjective"}
ROLES = {"GOV", "MIL", "COP", "SPY", "JUD", "LEG", "PTY", "OPP", "REB", "MED", "BUS", "CVL",
         "REF", "NGO", "HRI", "EDU", "HLH", "REL", "LAB", "ELI", "SPT"}
STATES = data.load_tsv(data.STATES)
IGOS = data.load_tsv(data.IGOS)
SECTORS = data.load_tsv(data.SECTORS)
PEOPLE = data.load_tsv(data.PEOPLE) if data.PEOPLE.exists() else []
CASES = ("Nom", "Gen", "Dat", "Acc", "Ins", "Loc")


def mentions_in(parser, pipeline, text, date=None):
    [sentence] = parser.parse(text)
    return find_mentions(sentence, pipeline.actors, date)


@pytest.mark.parametrize("row", STATES, ids=lambda r: f"{r['entity']}-{r['text']}")
def test_state_row_is_well_formed(row):
    assert re.fullmatch(r"[A-Z]{3}", row["entity"])
    assert row["kind"] in STATE_KINDS
    assert row["role"] == {"capital": "GOV", "seat": "GOV", "demonym": "CVL"}.get(row["kind"],
                                                                                   "")


def test_every_state_has_name_adjective_and_capital():
    kinds: dict[str, set[str]] = {}
    for row in STATES:
        kinds.setdefault(row["entity"], set()).add(row["kind"])
    assert len(kinds) >= 193
    assert all({"name", "adjective", "capital"} <= k for k in kinds.values())


@pytest.mark.parametrize("row", IGOS, ids=lambda r: f"{r['entity']}-{r['text']}")
def test_igo_row_is_well_formed(row):
    assert re.fullmatch(r"[A-Z0-9]{2,6}", row["entity"])
    assert row["kind"] in IGO_KINDS and row["role"] in ROLES | {""}


@pytest.mark.parametrize("row", SECTORS, ids=lambda r: r["text"])
def test_sector_row_is_well_formed(row):
    assert row["role"] in ROLES and row["text"].strip() == row["text"]
    assert row["entity"] == "" or row["entity"] in {r["entity"] for r in STATES}


@pytest.mark.parametrize("row", PEOPLE, ids=lambda r: f"{r['name']}-{r['start']}")
def test_person_row_is_well_formed(row):
    assert row["role"] in ROLES and row["entity"]
    for value in (row["start"], row["end"]):
        assert value == "" or re.fullmatch(r"\d{4}-\d\d-\d\d", value)
    assert not row["end"] or row["start"] <= row["end"]


def common_names():
    seen, rows = set(), []
    for row in STATES:
        if row["kind"] == "name" and row["entity"] not in seen:
            seen.add(row["entity"])
            rows.append(row)
    return rows


@pytest.mark.parametrize("row", common_names(), ids=lambda r: r["entity"])
def test_state_resolves_in_all_six_cases(parser, pipeline, row):
    words = row["text"].split()
    for case in CASES:
        form = " ".join(parser.inflect(w, case) for w in words)
        form = " ".join(w[:1].upper() + w[1:] for w in form.split())
        found = mentions_in(parser, pipeline, f"Об этом сообщили {form} вчера.")
        assert row["entity"] in {m.entry.entity for m in found}, (case, form)


@pytest.mark.parametrize(("text", "entity", "role", "kind"), [
    ("Представители Кремля ответили.", "RUS", "GOV", "seat"),
    ("Во Франции прошли выборы.", "FRA", "", "state"),
    ("Ответ Белого дома последовал.", "USA", "GOV", "seat"),
    ("Американцы выступили.", "USA", "CVL", "demonym"),
    ("Генсек ООН выступил.", "UN", "", "igo"),
    ("Депутаты ПАСЕ проголосовали.", "COE", "LEG", "igo"),
    ("Решение Евросоюза вступило в силу.", "EU", "", "igo"),
])
def test_entry_kinds_are_found(parser, pipeline, text, entity, role, kind):
    found = [m for m in mentions_in(parser, pipeline, text) if m.entry.entity == entity]
    assert found and found[0].entry.kind == kind and found[0].entry.role == role


@pytest.mark.parametrize("text", ["Для того чтобы понять это, нужно время.",
                                  "Без перца чили блюдо не то."])
def test_lower_case_words_are_not_states(parser, pipeline, text):
    found = mentions_in(parser, pipeline, text)
    assert not [m for m in found if m.entry.kind == "state"]


def found_entities(parser, pipeline, text):
    return {(m.entry.entity, m.entry.role) for m in mentions_in(parser, pipeline, text)}


@pytest.mark.parametrize("row", STATES + IGOS, ids=lambda r: f"{r['entity']}-{r['text']}")
def test_state_and_igo_rows_are_found_as_written(parser, pipeline, row):
    text = row["text"]
    found = {e for e, _ in found_entities(parser, pipeline, f"Итак: {text} — и всё.")}
    assert row["entity"] in found or ("ambiguous" in row["note"] and found)


@pytest.mark.parametrize("row", SECTORS, ids=lambda r: r["text"])
def test_sector_rows_are_found_as_written(parser, pipeline, row):
    found = found_entities(parser, pipeline, f"Итак: {row['text']} — и всё.")
    assert (row["entity"] or None, row["role"]) in found


@pytest.mark.parametrize("row", PEOPLE, ids=lambda r: f"{r['name']}-{r['start']}")
def test_people_are_found_on_a_date_in_office(parser, pipeline, row):
    day = row["end"] or row["start"] or None
    found = mentions_in(parser, pipeline, f"Об этом заявил {row['name']}.", day)
    people = [m.entry for m in found if m.entry.kind == "person"]
    assert people and (row["entity"] in {e.entity for e in people}
                       or all(e.holds_on(day) for e in people))


VICTIM_HEADS = data.load_tsv(data.VICTIM_HEADS, ("lemma",))


@pytest.mark.parametrize("row", VICTIM_HEADS, ids=lambda r: r["lemma"])
def test_victim_head_keeps_the_victims_country_out(parser, pipeline, row):
    from dyad.actors.resolve import Memory, resolve_np

    word = parser.inflect(row["lemma"], "Nom")
    [sentence] = parser.parse(f"{word.capitalize()} граждан Франции скрылся.")
    found = mentions_in(parser, pipeline, sentence.text)
    actor = resolve_np(sentence, 0, found, Memory())
    assert actor is None or actor.entity != "FRA", (row, actor)


def test_longest_match_merges_every_key_of_that_length():
    """A word with two normal forms matching two entries gets both, in a fixed order."""
    from dyad.actors.dictionary import Entry, PhraseIndex

    forms = {"Султанов": frozenset({"султанов", "султан"}), "султан": frozenset({"султан"}),
             "Султановы": frozenset({"султанов"})}
    index = PhraseIndex(lambda w: forms[w], str.split)
    person = Entry("person", "UZB", "GOV", "Султанов")
    sector = Entry("sector", None, "GOV", "султан")
    index.add("Султановы", person)
    index.add("султан", sector)
    size, entries = index.match([forms["Султанов"]], 0)
    assert size == 1 and entries == [sector, person]


ANAPHORS = data.load_tsv(data.ANAPHORS, ("lemma",))


@pytest.mark.parametrize("row", ANAPHORS, ids=lambda r: r["lemma"])
def test_anaphor_refers_to_the_last_person_of_its_role(parser, pipeline, row):
    from dyad.actors.resolve import Memory, resolve_np
    from dyad.records import Actor

    memory = Memory()
    memory.remember(Actor("Касым-Жомарт Токаев", "KAZ", "GOV", "Касым-Жомарт Токаев",
                          "person", -30, -1))  # named in an earlier sentence
    word = parser.inflect(row["lemma"], "Nom")
    [sentence] = parser.parse(f"Вчера {word} выступил с речью.")
    head = sentence.tokens[1]
    actor = resolve_np(sentence, 1, mentions_in(parser, pipeline, sentence.text), memory)
    if actor is None or actor.role != "GOV":
        pytest.skip(f"{word} is not a GOV sector word on its own")
    assert memory.refer(actor, head).entity == "KAZ"


# Named bodies, armed groups, parties, media, companies and IGOs added from the news-corpus
# mining (issue 3), found inflected in running text with their state (or none) and role.
@pytest.mark.parametrize(("text", "entity", "role"), [
    ("Боевики ИГИЛ захватили город.", None, "REB"),
    ("Сторонник ИГ задержан в Нью-Йорке.", None, "REB"),
    ("Ответственность взяла на себя «Аль-Каида».", None, "REB"),
    ("Лидер «Хезболлы» выступил с речью.", "LBN", "REB"),
    ("Представитель ХАМАС заявил о перемирии.", "PSE", "REB"),
    ("Талибан взял на себя ответственность.", "AFG", "REB"),
    ("Отряды курдской РПК атаковали заставу.", "TUR", "REB"),
    ("Сторонники «Братьев-мусульман» вышли на улицы.", "EGY", "OPP"),
    ("Как сообщила газета «Коммерсантъ», сделка сорвалась.", "RUS", "MED"),
    ("Как сообщил «Ъ» источник, сделка сорвалась.", "RUS", "MED"),
    ("По данным «Ведомостей», сделка сорвалась.", "RUS", "MED"),
    ("Корреспондент The Guardian сообщил об этом.", "GBR", "MED"),
    ("Газета Handelsblatt пишет о санкциях.", "DEU", "MED"),
    ("Об этом сообщает ИА REGNUM.", "RUS", "MED"),
    ("Роскосмос запустил спутник.", "RUS", "GOV"),
    ("Сотрудники НАСА прибыли на станцию.", "USA", "GOV"),
    ("Сотрудники ФНС провели проверку.", "RUS", "GOV"),
    ("Бортпроводники Ryanair объявили забастовку.", "IRL", "BUS"),
    ("Роскомнадзор заблокировал Facebook.", "USA", "BUS"),
    ("Роскомнадзор потребовал от «Яндекса» удалить данные.", "RUS", "BUS"),
    ("Акции Сбербанка подешевели.", "RUS", "BUS"),
    ("Басманный суд арестовал журналиста.", "RUS", "JUD"),
    ("Решение вынесено Басманным судом.", "RUS", "JUD"),
    ("Депутаты Мосгордумы проголосовали.", "RUS", "LEG"),
    ("Партия «Яблоко» выдвинула кандидата.", "RUS", "PTY"),
    ("Лидер «Грузинской мечты» выступил.", "GEO", "PTY"),
    ("Кандидат от Республиканской партии выступил.", "USA", "PTY"),
    ("Республиканская партия Армении победила.", "ARM", "PTY"),
    ("Агенты Шин Бет задержали подозреваемого.", "ISR", "SPY"),
    ("Сотрудники MI6 завербовали агента.", "GBR", "SPY"),
    ("Суд над членами «Мемориала» начался.", "RUS", "HRI"),
    ("Заявление ОЗХО опубликовано.", "OPCW", ""),
    ("Генсек ФСЭГ избран в Дохе.", "GECF", ""),
    ("Генассамблея приняла резолюцию.", "UN", "GOV"),
    ("Судьи МТБЮ вынесли приговор.", "UN", "JUD"),
    ("Генсек выступил с обращением.", None, "GOV"),
    ("Хунта распустила парламент.", None, "GOV"),
    ("Аким области подал в отставку.", None, "GOV"),
    ("Инспектор ДПС остановил машину.", None, "COP"),
    ("Снайпер открыл огонь.", None, "MIL"),
    ("Военный контингент выведен.", None, "MIL"),
    ("Депутаты горсовета проголосовали.", None, "LEG"),
])
def test_mined_bodies_and_sector_words_in_running_text(parser, pipeline, text, entity, role):
    assert (entity, role) in found_entities(parser, pipeline, text)


@pytest.mark.parametrize(("text", "wrong"), [
    ("Корпорация МИТ разработала ракету.", ("TUR", "SPY")),  # Moscow Inst. of Thermal Tech.
    ("Полки магазинов опустели.", (None, "MIL")),  # shelves, not regiments
    ("Бригада скорой помощи прибыла.", (None, "MIL")),  # an ambulance crew
    ("Участковая избирательная комиссия открылась.", (None, "COP")),
])
def test_mined_words_keep_out_of_ordinary_phrases(parser, pipeline, text, wrong):
    assert wrong not in found_entities(parser, pipeline, text)


@pytest.mark.parametrize(("text", "word"), [
    ("Том Круз приехал в Москву.", "Том"),  # тот: not Togo
    ("Тем не менее переговоры продолжились.", "Тем"),
    ("Партия выбрала председателем Мартина Куба.", "Куба"),  # a surname, not Cuba
])
def test_a_shared_lemma_alone_does_not_make_a_name(parser, pipeline, text, word):
    found = mentions_in(parser, pipeline, text, "2025-10-07")
    assert word not in {m.text for m in found if m.entry.entity}


def test_a_preposition_is_no_sector_word(parser, pipeline):
    # "после" is also the locative of "посол" (ambassador)
    found = mentions_in(parser, pipeline, "После переговоров посол уехал.", "2025-10-07")
    assert [m.text for m in found] == ["посол"]


LOCAL_WORDS = data.load_tsv(data.LOCAL_WORDS, ("lemma",))


@pytest.mark.parametrize("row", LOCAL_WORDS, ids=lambda r: r["lemma"])
def test_local_word_places_a_body_where_the_text_is_set(parser, pipeline, row):
    from dyad.actors.resolve import Memory, is_local, resolve_np

    memory = Memory(setting="SYR")  # an earlier sentence was set in Syria
    [sentence] = parser.parse(f"Вчера {row['lemma']} суд вынес решение.")  # masc. lemma
    head = next(t for t in sentence.tokens if t.lemma == "суд")
    actor = resolve_np(sentence, head.index, mentions_in(parser, pipeline, sentence.text),
                       memory)
    assert is_local(sentence, head)
    assert memory.body(actor, head, is_local(sentence, head), None).entity == "SYR"
    assert memory.body(actor, head, is_local(sentence, head), "IRQ").entity == "IRQ"
