"""`list_mentions`: each actor mention of a text with its resolution and evidence."""

from __future__ import annotations

import pytest

from dyad.actors.listing import list_mentions
from dyad.records import Article

TEXT = ("Пресс-служба президента Азербайджана сообщила, что Ильхам Алиев позвонил "
        "президенту России Владимиру Путину. Он выразил соболезнования.")


def listing(pipeline, text: str, published: str | None = "2025-10-07"):
    return list_mentions(Article(id="t", text=text, published=published), pipeline)


def by_text(pipeline, text: str, published: str | None = "2025-10-07"):
    return {m.text: m for m in listing(pipeline, text, published)}


# (text, date, surface form, entity, role, kind, evidence starts with)
@pytest.mark.parametrize(("text", "date", "surface", "entity", "role", "kind", "evidence"), [
    (TEXT, "2025-10-07", "Азербайджана", "AZE", "", "state", "states.tsv: Азербайджан (name)"),
    (TEXT, "2025-10-07", "Ильхам Алиев", "AZE", "GOV", "person",
     "people.tsv: Ильхам Алиев, president 2003-10-31–"),
    (TEXT, "2025-10-07", "Пресс-служба", "AZE", "GOV", "sector",
     "sectors.tsv: пресс-служба (GOV); phrase: Пресс-служба президента Азербайджана"),
    (TEXT, "2025-10-07", "Он", "RUS", "GOV", "pronoun", "pronoun: Он → Владимир Путин"),
    ("Делегация прилетела в Баку.", "2025-10-07", "Баку", "AZE", "GOV", "capital",
     "states.tsv: Баку (capital)"),
    ("Представители Кремля ответили.", "2025-10-07", "Кремля", "RUS", "GOV", "capital",
     "states.tsv: Кремль (seat)"),
    ("Генсек ООН выступил.", "2025-10-07", "ООН", "UN", "", "organisation",
     "igos.tsv: ООН (abbr)"),
    ("Депутаты ПАСЕ проголосовали.", "2025-10-07", "ПАСЕ", "COE", "LEG", "organisation",
     "igos.tsv: ПАСЕ (abbr)"),
    ("Журналисты задали вопросы.", "2025-10-07", "Журналисты", None, "MED", "sector",
     "sectors.tsv: журналист (MED)"),
    ("Сергей Шойгу провел совещание.", "2020-06-01", "Сергей Шойгу", "RUS", "MIL", "person",
     "people.tsv: Сергей Шойгу, defence minister 2012-11-06–2024-05-12"),
    ("Сергей Шойгу провел совещание.", "2025-06-01", "Сергей Шойгу", "RUS", "GOV", "person",
     "people.tsv: Сергей Шойгу, Security Council secretary 2024-05-12–"),
    ("Официальный представитель МИД Катара Маджед Ансари прибыл в Москву.", "2025-10-07",
     "Маджед Ансари", "QAT", "GOV", "person", "apposition: Официальный представитель МИД"),
    ("Официальный представитель МИД Катара Маджед Ансари прибыл в Москву. "
     "Позже Ансари встретился с журналистами.", "2025-10-07", "Ансари", "QAT", "GOV",
     "person", "memory: Ансари → Маджед Ансари"),
])
def test_mentions_resolve_with_evidence(pipeline, text, date, surface, entity, role, kind,
                                        evidence):
    found = by_text(pipeline, text, date)
    assert surface in found, sorted(found)
    mention = found[surface]
    assert (mention.entity, mention.role, mention.kind) == (entity, role, kind)
    assert mention.evidence.startswith(evidence), mention.evidence
    assert mention.code == f"{entity or ''}{role}"


def test_offsets_point_into_the_original_text(pipeline):
    text = "Власти\u00a0Азербайджана обвинили Москву.\nБольше новостей в нашем канале:"
    for mention in listing(pipeline, text):
        assert text[mention.start:mention.end] == mention.text


def test_mentions_are_in_text_order_and_serialise(pipeline):
    mentions = listing(pipeline, TEXT)
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    row = mentions[0].to_dict()
    assert list(row)[:10] == ["article_id", "start", "end", "text", "entity", "role", "code",
                              "name", "kind", "evidence"]
    assert row["article_id"] == "t"


def test_a_person_without_a_date_takes_the_open_office(pipeline):
    found = by_text(pipeline, "Шойгу прибыл в Пхеньян.", published=None)
    assert (found["Шойгу"].entity, found["Шойгу"].role) == ("RUS", "GOV")
