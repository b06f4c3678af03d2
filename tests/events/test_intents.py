"""Stated intentions and threats (data/events/intents.tsv, intent_codes.tsv): the intended
act is hypothetical, the statement itself an asserted 03x or 13x event."""

import pytest

from dyad import data
from dyad.events.cameo import cameo_table, lookup

# one sentence per intention word in intents.tsv
CASES = [
    ('Премьер Болгарии объявил о своём намерении отозвать лицензию компании Чехии.',
     ('BGR', '132', 'CZE')),
    ('Власти Египта заявили о желании предоставить помощь Судану.',
     ('EGY', '033', 'SDN')),
    ('Египет заявил о готовности предоставить помощь Судану.',
     ('EGY', '030', 'SDN')),
    ('Президент Армении выступает за диалог с Азербайджаном.',
     ('ARM', '036', 'AZE')),
    ('Египет выступил за восстановление отношений с Турцией.',
     ('EGY', '032', 'TUR')),
    ('Турция готовится ввести санкции против Израиля.',
     ('TUR', '1312', 'ISR')),
    ('Египет готов предоставить гуманитарную помощь Судану.',
     ('EGY', '033', 'SDN')),
    ('Армения и Азербайджан договариваются провести переговоры.',
     ('ARM', '036', 'AZE')),
    ('Россия и Турция договорились провести переговоры.',
     ('RUS', '036', 'TUR')),
    ('Франция намерена ввести санкции против Ирана.',
     ('FRA', '1312', 'IRN')),
    ('Япония обещает предоставить помощь Украине.',
     ('JPN', '033', 'UKR')),
    ('Британия планирует ввести санкции против Ирана.',
     ('GBR', '1312', 'IRN')),
    ('Германия пообещала предоставить помощь Украине.',
     ('DEU', '033', 'UKR')),
    ('Северная Корея пригрозила нанести удар по Южной Корее.',
     ('PRK', '138', 'KOR')),
    ('Иран грозит ввести санкции против Британии.',
     ('IRN', '1312', 'GBR')),
    ('Китай угрожает ввести санкции против Литвы.',
     ('CHN', '1312', 'LTU')),
    ('Польша запланировала провести переговоры с Украиной.',
     ('POL', '036', 'UKR')),
    ('Литва решила ввести санкции против Белоруссии.',
     ('LTU', '1312', 'BLR')),
    ('Индия собирается ввести санкции против Пакистана.',
     ('IND', '1312', 'PAK')),
    ('Италия собралась провести переговоры с Ливией.',
     ('ITA', '036', 'LBY')),
    ('Сербия согласилась провести переговоры с Косово.',
     ('SRB', '036', 'XKX')),
    ('Грузия соглашается провести переговоры с Россией.',
     ('GEO', '036', 'RUS')),
    ('Казахстан стремится провести переговоры с Китаем.',
     ('KAZ', '036', 'CHN')),
    ('Венгрия хочет провести переговоры с Россией.',
     ('HUN', '036', 'RUS')),
    ('Эстония намеревается ввести санкции против России.',
     ('EST', '1312', 'RUS')),
    ('Иран готов к переговорам с США.',
     ('IRN', '036', 'USA')),
]
INTENTS = data.load_tsv(data.INTENTS, ("lemma",))
CODES = data.load_tsv(data.INTENT_CODES, ("event", "intent"))


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_intention_is_asserted_and_its_act_hypothetical(code, text, expected):
    events = code(text, published="2025-10-07")
    found = {(e.source.entity, e.cameo, e.target.entity): e.status for e in events}
    assert found.get(expected) == "asserted", found
    source, _, target = expected
    acts = [e for e in events if (e.source.entity, e.target.entity) == (source, target)
            and e.cameo[:2] not in ("03", "13")]
    assert acts and all(e.status == "hypothetical" for e in acts), found


def test_every_intention_word_has_a_sentence(parser):
    words = {t.lemma for text, _ in CASES for s in parser.parse(text) for t in s.tokens}
    assert {row["lemma"] for row in INTENTS} <= words


def test_negated_intention_stays_negated(code):
    events = code("Турция не намерена вводить санкции против Израиля.")
    assert {e.status for e in events if e.cameo == "1312"} == {"negated"}
    assert "asserted" not in {e.status for e in events}


def test_a_threat_verb_gives_way_to_the_threat_it_states(code):
    codes = {e.cameo for e in code("Россия пригрозила ввести санкции против Молдавии.")}
    assert "1312" in codes and "130" not in codes


def test_an_offer_made_to_another_is_not_the_speakers_intention(code):
    events = code("Франция предложила Ирану провести переговоры с США.")
    assert not any(e.cameo.startswith("036") and e.source.entity == "IRN" for e in events)


@pytest.mark.parametrize("row", CODES, ids=lambda r: r["event"])
def test_intent_code_rows(row):
    table = cameo_table()
    assert row["event"] in table and row["intent"] in table, row
    hostile = lookup(row["event"]).quad_class >= 3
    assert row["intent"][:2] == ("13" if hostile else "03"), row
    assert row["note"].strip(), row


# Refusals (data/events/refusal_codes.tsv): the refused act is negated, the refusal an
# asserted 12x event.
REFUSALS = [
    ("Россия отказалась выдать Сноудена властям США.", ("RUS", "121", "USA")),
    ("Путин отказался встретиться с президентом Украины.", ("RUS", "125", "UKR")),
    ("Армения отказалась подписать соглашение с Азербайджаном.", ("ARM", "127", "AZE")),
    ("Власти Ирана отказались освободить граждан Франции.", ("IRN", "1243", "FRA")),
]
REFUSAL_CODES = data.load_tsv(data.REFUSAL_CODES, ("event", "refusal"))


@pytest.mark.parametrize(("text", "expected"), REFUSALS)
def test_refusal_is_asserted_and_its_act_negated(code, text, expected):
    events = code(text, published="2025-10-07")
    found = {(e.source.entity, e.cameo, e.target.entity): e.status for e in events}
    assert found.get(expected) == "asserted", found
    source, _, target = expected
    assert (target, expected[1], source) not in found  # a refusal goes one way
    acts = [e for e in events if e.cameo[:2] != "12"]
    assert acts and all(e.status == "negated" for e in acts), found


def test_refusing_a_hostile_act_is_no_rejection(code):
    assert not [e for e in code("Турция отказалась осудить Россию.") if e.cameo[:2] == "12"]


@pytest.mark.parametrize("row", REFUSAL_CODES, ids=lambda r: r["event"])
def test_refusal_code_rows(row):
    table = cameo_table()
    assert row["event"] in table and row["refusal"] in table, row
    assert lookup(row["event"]).quad_class <= 2 and row["refusal"][:2] == "12", row
    assert row["note"].strip(), row
