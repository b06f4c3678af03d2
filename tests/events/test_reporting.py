"""reporting.tsv: every verb is a dictionary form, and reporting verbs hide their subject."""

import pytest

from dyad import data

ROWS = data.load_tsv(data.REPORTING, ("lemma",))


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r["lemma"])
def test_reporting_row_is_a_verb_lemma(parser, row):
    lemma = row["lemma"]
    assert lemma == lemma.lower().replace("ё", "е") and lemma in parser.normal_forms(lemma)


def test_reporting_verbs_are_unique():
    lemmas = [r["lemma"] for r in ROWS]
    assert len(lemmas) == len(set(lemmas))


@pytest.mark.parametrize(("text", "unwanted"), [
    ("Южнокорейские СМИ сообщили об убийстве брата лидера КНДР.", ("KOR", "PRK")),
    ("Посольство России подтвердило факт похищения двух граждан Италии.", ("RUS", "ITA")),
])
def test_reporter_is_not_the_agent(code, text, unwanted):
    assert unwanted not in {(e.source.entity, e.target.entity) for e in code(text)}


def test_announcer_of_own_act_is_the_agent(code):
    events = code("Президент Палестины объявил о визите в Израиль.")
    assert ("PSE", "ISR") in {(e.source.entity, e.target.entity) for e in events}


def test_role_code_rules_are_well_formed():
    from dyad.events.article import role_rules
    from dyad.events.cameo import lookup

    for root, sources, targets, code, _ in role_rules():
        assert root.isdigit() and sources and targets and lookup(code).root == code[:2]


@pytest.mark.parametrize("row", data.load_tsv(data.VICTIM_VERBS, ("lemma",)),
                         ids=lambda r: r["lemma"])
def test_victim_verb_row_is_a_verb_lemma(parser, row):
    lemma = row["lemma"]
    assert lemma == lemma.lower() and lemma in parser.normal_forms(lemma)
