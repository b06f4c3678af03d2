"""Checks on the predicate lexicon and modality data files themselves (no parsing)."""

import re

import pytest

from dyad import data
from dyad.events.cameo import cameo_table

ROWS = data.load_tsv(data.PREDICATES, required=("lemma", "pos", "cameo"))
MODALITY = data.load_tsv(data.MODALITY, ("lemma", "kind"))
SLOT = re.compile(r"^(nsubj|nsubj:pass|obj|iobj|amod|nmod|(nmod|obl):[а-я]+(_[а-я]+)*)$")
TOO_GENERAL = {"сказать", "говорить", "быть", "стать", "получить", "дать", "давать",
               "делать", "сделать", "иметь", "являться", "заявить", "сообщить"}


def slots(text):
    return [s.strip() for s in text.split(",") if s.strip()]


def test_enough_entries():
    assert len(ROWS) >= 900


@pytest.mark.parametrize("root", [f"{r:02d}" for r in range(1, 21)])
def test_every_root_is_covered(root):
    assert sum(r["cameo"].startswith(root) for r in ROWS) >= 20


def test_rows_are_well_formed():
    table = cameo_table()
    for row in ROWS:
        lemma = row["lemma"]
        assert row["pos"] in ("verb", "noun", "light"), row
        assert row["cameo"] in table, row
        assert lemma == lemma.lower().strip() and "ё" not in lemma, row
        # light: verb + noun; noun: a word or modifier + noun ("боевой действие")
        sizes = {"light": {2}, "noun": {1, 2}, "verb": {1}}[row["pos"]]
        assert len(lemma.split()) in sizes, row
        assert row["note"].strip(), row
        for slot in slots(row["source"]) + slots(row["target"]):
            assert SLOT.match(slot), (slot, row)


def test_no_duplicate_keys():
    # the coder takes the first predicate per lemma, so a duplicate would be dead
    keys = [(r["lemma"], r["pos"]) for r in ROWS]
    assert len(keys) == len(set(keys)), {k for k in keys if keys.count(k) > 1}


def test_sorted_by_code_then_lemma():
    keys = [(r["cameo"], r["lemma"]) for r in ROWS]
    assert keys == sorted(keys)


def test_no_over_general_triggers():
    single = {r["lemma"] for r in ROWS if r["pos"] in ("verb", "noun")}
    assert not single & TOO_GENERAL


def test_modality_kinds():
    kinds = {"negation", "refusal", "claim", "hypothetical", "attribution", "cessation",
             "regime"}
    lemmas = [r["lemma"] for r in MODALITY]
    assert all(r["kind"] in kinds for r in MODALITY)
    assert len(lemmas) == len(set(lemmas))


@pytest.mark.parametrize(("text", "word", "lemma"), [
    ("Журналист был задержан полицией.", "задержан", "задержать"),
    ("Задержанный гражданин был освобожден.", "Задержанный", "задержать"),
    ("Задержанный гражданин был освобожден.", "освобожден", "освободить"),
    ("Освобождённые заложники вернулись домой.", "Освобождённые", "освободить"),
    ("Арестованного активиста перевели в СИЗО.", "Арестованного", "арестовать"),
    ("Высланные дипломаты покинули страну.", "Высланные", "выслать"),
    ("Подписанное соглашение вступило в силу.", "Подписанное", "подписать"),
    ("Обстрелянный город остался без света.", "Обстрелянный", "обстрелять"),
])
def test_passive_participles_lemmatise_to_the_verb(parser, text, word, lemma):
    tokens = [t for s in parser.parse(text) for t in s.tokens if t.text == word]
    assert tokens and tokens[0].lemma == lemma, [(t.text, t.lemma) for t in tokens]
