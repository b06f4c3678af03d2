"""(text, expected) tables for the natasha adapter and the tree walks."""

import pytest

from dyad.nlp.ru import fold
from dyad.nlp.tree import ancestors, normalize_preposition, preposition, subtree
from dyad.records import Sentence, Token


@pytest.mark.parametrize(("word", "expected"), [
    ("Алиёв", "алиев"), ("ЁЛКА", "елка"), ("Путин", "путин"), ("", ""),
])
def test_fold(word, expected):
    assert fold(word) == expected


@pytest.mark.parametrize(("text", "word", "lemma"), [
    ("Президент позвонил премьеру.", "позвонил", "позвонить"),
    ("Самолёт был сбит над Грозным.", "сбит", "сбить"),
    ("Путин принёс извинения.", "принёс", "принести"),
    ("Власти задержали журналистов.", "журналистов", "журналист"),
    ("Россия выслала дипломатов.", "дипломатов", "дипломат"),
])
def test_lemmas_are_folded_dictionary_forms(parser, text, word, lemma):
    [sentence] = parser.parse(text)
    assert {t.text: t.lemma for t in sentence.tokens}[word] == lemma


@pytest.mark.parametrize(("text", "sentences"), [
    ("Путин позвонил Алиеву. Алиев поблагодарил его.", 2),
    ("Первое предложение! Второе? Третье.", 3),
    ("Одно предложение без точки", 1),
    ("", 0),
])
def test_segmentation(parser, text, sentences):
    assert len(parser.parse(text)) == sentences


def test_offsets_point_into_the_text(parser):
    text = "  Президент Азербайджана позвонил президенту России.\n\nОн поздравил его."
    for sentence in parser.parse(text):
        assert text[sentence.start:sentence.end] == sentence.text
        for token in sentence.tokens:
            assert text[token.start:token.end] == token.text


@pytest.mark.parametrize(("text", "entity_type", "normal"), [
    ("Президент России Владимир Путин прибыл в Баку.", "PER", "Владимир Путин"),
    ("Президент России Владимир Путин прибыл в Баку.", "LOC", "Баку"),
    ("Заявление сделал МИД Азербайджана.", "ORG", "МИД"),
])
def test_named_entities(parser, text, entity_type, normal):
    [sentence] = parser.parse(text)
    assert (entity_type, normal) in {(e.type, e.normal) for e in sentence.entities}


@pytest.mark.parametrize(("words", "expected"), [
    (["со", "стороны"], "с_стороны"), (["во", "время"], "в_время"), (["в", "адрес"], "в_адрес"),
    (["Ко"], "к"), (["от"], "от"), ([], ""),
])
def test_normalize_preposition(words, expected):
    assert normalize_preposition(words) == expected


@pytest.mark.parametrize(("text", "word", "expected"), [
    ("Баку требует от Москвы извинений.", "Москвы", "от"),
    ("Киев осудил удары со стороны России.", "России", "с_стороны"),
    ("Министр выразил протест в адрес Ирана.", "адрес", "в"),
    ("Президент встретился с премьером.", "премьером", "с"),
])
def test_preposition_of_a_nominal(parser, text, word, expected):
    [sentence] = parser.parse(text)
    token = next(t for t in sentence.tokens if t.text == word)
    assert preposition(sentence, token.index) == expected


def looped_sentence() -> Sentence:
    """Three tokens whose heads form a cycle (0 -> 1 -> 2 -> 0), as natasha sometimes gives."""
    tokens = [Token(i, w, i * 2, i * 2 + 1, w, "NOUN", {}, (i + 1) % 3, "nmod")
              for i, w in enumerate("абв")]
    return Sentence(0, 0, 5, "а б в", tokens)


def test_ancestors_stop_at_a_head_cycle():
    assert [t.index for t in ancestors(looped_sentence(), 0)] == [1, 2]


def test_subtree_stops_at_a_head_cycle():
    assert [t.index for t in subtree(looped_sentence(), 0)] == [0, 1, 2]


@pytest.mark.parametrize(("text", "target"), [
    ("Министр выразил протест в адрес Ирана.", "Ирана"),
    ("Совет ввёл санкции в отношении Эстонии.", "Эстонии"),
])
def test_split_multiword_prepositions_are_joined(parser, text, target):
    from dyad.events.arguments import obliques

    [sentence] = parser.parse(text)
    found = {(t.text, p) for token in sentence.tokens
             for t, p in obliques(sentence, [sentence.tokens[i]
                                             for i in sentence.children_of(token.index)])}
    assert any(text == target and p.startswith("в_") for text, p in found), found


def natasha_reference(parser, text: str):
    """natasha's own lemmas, normal forms and span normals for `text` (what the adapter
    computes from its cached pymorphy2 readings)."""
    from natasha import Doc

    from dyad.nlp.ru import split_lines, split_long

    doc = Doc(text)
    doc.segment(parser.segmenter)
    doc.sents = split_long(split_lines(doc.sents, text), text)
    doc.tag_morph(parser.morph)
    doc.parse_syntax(parser.syntax)
    doc.tag_ner(parser.ner)
    lemmas, forms = [], []
    for token in (t for sent in doc.sents for t in sent.tokens):
        plain = token.pos in {"PUNCT", "NUM", "SYM", "X"} or not any(
            c.isalpha() for c in token.text)
        lemmas.append(fold(token.text) if plain else
                      fold(parser.vocab.lemmatize(token.text, token.pos, token.feats)))
        forms.append({fold(p.normal_form) for p in parser.vocab.parse(token.text)}
                     | {fold(token.text)})
    for span in doc.spans:
        if span.type != "ORG":
            span.normalize(parser.vocab)
    normals = [(s.start, s.normal or s.text) for s in doc.spans if s.type != "ORG"]
    return lemmas, forms, normals


def test_lemmas_forms_and_names_are_natashas(parser):
    from tests.conftest import SAMPLE, read_jsonl

    for row in read_jsonl(SAMPLE):
        lemmas, forms, normals = natasha_reference(parser, row["text"])
        sentences = parser.parse(row["text"])
        tokens = [t for s in sentences for t in s.tokens]
        assert [t.lemma for t in tokens] == lemmas
        assert [parser.normal_forms(t.text) for t in tokens] == forms
        assert [(e.start, e.normal) for s in sentences for e in s.entities
                if e.type != "ORG"] == normals


@pytest.mark.parametrize(("text", "expected"), [
    # a headline and a photo caption with no full stop between them
    ("Брата Ким Чен Ына убили отравленными иглами\n\nАэропорт Куала-Лумпур\nПолиция "
     "Малайзии задержала женщину.",
     ["Брата Ким Чен Ына убили отравленными иглами",
      "Аэропорт Куала-Лумпур\nПолиция Малайзии задержала женщину."]),
    # a single line break around a scraped link does not cut
    ("Об этом заявил президент Египта в интервью агентству\nИТАР-ТАСС\n.",
     ["Об этом заявил президент Египта в интервью агентству\nИТАР-ТАСС\n."]),
])
def test_sentences_end_at_blank_lines(parser, text, expected):
    assert [s.text for s in parser.parse(text)] == expected
