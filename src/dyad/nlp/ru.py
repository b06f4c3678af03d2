"""The one adapter to natasha (razdel, slovnet, pymorphy2): no natasha object leaves it.

`RussianParser().parse(text)` returns dyad `Sentence`s with `Token`s (0-based index,
character offsets into `text`, lower-cased lemma with ё folded to е, UD POS, features,
head index or -1, relation) and the named entities that fall inside each sentence.

Lemmas are natasha's `MorphVocab.lemmatize` (pymorphy2's reading closest to the tagger's POS
and features), the normal forms every reading pymorphy2 offers, and the normal of a person's
or place's span natasha's `DocSpan.normalize`; all three come from one cached pymorphy2
analysis of each word (`_readings`), with its tags converted to UD once per tag.
"""

from __future__ import annotations

import re
import warnings
from functools import lru_cache
from typing import Any, NamedTuple

from dyad.records import NamedEntity, Sentence, Token

# natasha's syntax parser scores every token pair of a sentence: time and memory grow with
# the square of its length (6,000 tokens: +470 MB). Longer sentences are cut into pieces.
MAX_SENTENCE_TOKENS = 300
# Cache sizes (entries). Readings (about 0.7 KB a word) bridge a word's lemma, normal forms
# and its other tags, mostly within an article; lemmas and normal forms are kept longer.
READINGS_CACHE = 10_000
WORDS_CACHE = 20_000
TAGS_CACHE = 10_000  # the tagger's (POS, features) pairs: a few thousand
NO_LEMMA_POS = frozenset({"PUNCT", "NUM", "SYM", "X"})
# pymorphy2 reads a Cyrillic word (parts of two or more letters, hyphens between) the same
# in any case: only its units for initials, Roman numerals and Latin look at the case
# (checked on every capitalised word of the corpus: identical readings).
CASELESS = re.compile(r"[а-яё]{2,}(?:-[а-яё]{2,})*")


def fold(word: str) -> str:
    return word.lower().replace("ё", "е")


Weighed = frozenset[tuple[str, str]]


class Grams(NamedTuple):
    """A pymorphy2 tag in UD terms, as natasha's `MorphForm` and lemmatizer see it."""

    pos: str
    feats: dict[str, str]  # one dict per tag, shared by its readings: never modified
    pos_class: str  # natasha's `normal_pos`: PROPN counts as NOUN, AUX as VERB
    weighed: Weighed  # the (feature, value) pairs natasha's lemmatizer compares


# One pymorphy2 analysis of a word: its folded normal form and the number of its tag's
# `Grams`. A plain tuple of a string and an int, which Python's garbage collector stops
# tracking, so that a full cache of readings adds nothing to its collections.
Reading = tuple[str, int]


def _token_position(natasha_id: str) -> int:
    return int(natasha_id.rpartition("_")[2]) - 1


def split_lines(sents: list[Any], text: str) -> list[Any]:
    """natasha sentences cut at a blank line between two of their tokens: a headline, a
    dateline or a photo caption has no full stop ("Брата Ким Чен Ына убили отравленными
    иглами\n\nАэропорт Куала-Лумпур"). A single line break may be a scraped link's
    ("в интервью агентству\nИТАР-ТАСС\n.") and does not cut."""
    from natasha.doc import DocSent

    out = []
    for sent in sents:
        first = 0
        for i in range(1, len(sent.tokens)):
            if line_break(text, sent.tokens[i - 1], sent.tokens[i]):
                out.append(piece(DocSent, text, sent.tokens[first:i]))
                first = i
        out.append(sent if first == 0 else piece(DocSent, text, sent.tokens[first:]))
    return out


def line_break(text: str, before: Any, after: Any) -> bool:
    return BLANK_LINE.search(text, before.stop, after.start) is not None


BLANK_LINE = re.compile(r"\n[ \t\r]*\n")


def piece(kind: Any, text: str, tokens: list[Any]) -> Any:
    start, stop = tokens[0].start, tokens[-1].stop
    return kind(start, stop, text[start:stop], tokens=tokens)


def split_long(sents: list[Any], text: str, limit: int = MAX_SENTENCE_TOKENS) -> list[Any]:
    """natasha sentences with at most `limit` tokens each: a longer one (a list, a text
    without full stops) becomes consecutive pieces, cut between tokens."""
    from natasha.doc import DocSent

    out = []
    for sent in sents:
        if len(sent.tokens) <= limit:
            out.append(sent)
            continue
        for first in range(0, len(sent.tokens), limit):
            tokens = sent.tokens[first:first + limit]
            start, stop = tokens[0].start, tokens[-1].stop
            out.append(DocSent(start, stop, text[start:stop], tokens=tokens))
    return out


def plain_analyzer(vocab: Any) -> Any:
    """natasha's pymorphy2 analyzer (the same dictionary and units, not a second copy)
    answering with pymorphy2's plain tuples instead of natasha's `MorphForm`s, which convert
    every reading's tag to UD again; `_grams_of` does that once per tag."""
    from pymorphy2 import MorphAnalyzer

    plain = MorphAnalyzer.__new__(MorphAnalyzer)
    plain.__dict__.update(vocab.__dict__)
    plain._result_type = None
    return plain


class RussianParser:
    """natasha's segmenter, morph tagger, syntax parser and NER, loaded once."""

    def __init__(self) -> None:
        with warnings.catch_warnings():
            # pymorphy2 (pinned, see pyproject.toml) imports the deprecated pkg_resources
            warnings.filterwarnings("ignore", message="pkg_resources is deprecated")
            from natasha import (
                MorphVocab,
                NewsEmbedding,
                NewsMorphTagger,
                NewsNERTagger,
                NewsSyntaxParser,
                Segmenter,
            )
            from natasha.morph.lemma import FEATS, normal_pos

        embedding = NewsEmbedding()
        self.segmenter = Segmenter()
        self.vocab = MorphVocab()
        self.morph = NewsMorphTagger(embedding)
        self.syntax = NewsSyntaxParser(embedding)
        self.ner = NewsNERTagger(embedding)
        self._plain = plain_analyzer(self.vocab)
        self._grams: list[Grams] = []
        self._tag_numbers: dict[Any, int] = {}
        self._weighed_feats, self._pos_class = frozenset(FEATS), normal_pos
        self._weighing = lru_cache(maxsize=TAGS_CACHE)(self._weigh)
        self._readings = lru_cache(maxsize=READINGS_CACHE)(self._read)
        self._lemma = lru_cache(maxsize=WORDS_CACHE)(self._lemmatize)
        self.normal_forms = lru_cache(maxsize=WORDS_CACHE)(self._normal_forms)  # type: ignore
        self._nominative = lru_cache(maxsize=WORDS_CACHE)(self._inflect_nominative)

    def parse(self, text: str) -> list[Sentence]:
        from natasha import Doc

        doc = Doc(text)
        doc.segment(self.segmenter)
        doc.sents = split_long(split_lines(doc.sents, text), text)
        doc.tag_morph(self.morph)
        doc.parse_syntax(self.syntax)
        doc.tag_ner(self.ner)
        sentences = [self._adapt_sentence(i, s) for i, s in enumerate(doc.sents)]
        self._attach_entities(sentences, doc.spans)
        return sentences

    def _read(self, word: str) -> tuple[Reading, ...]:
        """pymorphy2's analyses of `word` (as given: case matters to pymorphy2)."""
        return tuple((fold(normal), self._tag_number(tag))
                     for _, tag, normal, _, _ in self._plain.parse(word))

    def _tag_number(self, tag: Any) -> int:
        """The number of a pymorphy2 tag's `Grams` (natasha's UD conversion), once per tag."""
        number = self._tag_numbers.get(tag)
        if number is None:
            from natasha.morph.vocab import ud_feats, ud_pos

            pos, feats = ud_pos(tag), dict(ud_feats(tag))
            self._grams.append(Grams(pos, feats, *self._weigh(pos, tuple(feats.items()))))
            number = self._tag_numbers[tag] = len(self._grams) - 1
        return number

    def _weigh(self, pos: str, feats: tuple[tuple[str, str], ...]) -> tuple[str, Weighed]:
        """What natasha's lemmatizer compares of a POS and features."""
        weighed = self._weighed_feats
        return self._pos_class(pos), frozenset(i for i in feats if i[0] in weighed)

    def _normal_forms(self, word: str) -> frozenset[str]:
        """Every dictionary form pymorphy offers for a word, folded."""
        lower = word.lower()
        readings = self._readings(lower if CASELESS.fullmatch(lower) else word)
        forms = {normal for normal, _ in readings}
        forms.add(fold(word))
        return frozenset(forms)

    def inflect(self, word: str, case: str) -> str:
        """The word in a UD case (Nom, Gen, Dat, Acc, Ins, Loc), place readings first."""
        parses = sorted(self.vocab.parse(word),
                        key=lambda p: ("nomn" not in str(p.tag), "Geox" not in str(p.tag)))
        for parse in parses:
            form = parse.inflect({case}) if parse.pos in ("NOUN", "PROPN", "ADJ") else None
            if form is not None:
                return str(form.word)
        return word.lower()

    def _lemmatize(self, word: str, pos: str, feats: tuple[tuple[str, str], ...]) -> str:
        """natasha's `MorphVocab.lemmatize` over the cached readings."""
        folded = fold(word)
        if pos in NO_LEMMA_POS or not any(c.isalpha() for c in word):
            return folded
        best = self._best_normal(self._readings(folded), pos, feats)
        return folded if best is None else best

    def _best_normal(self, readings: tuple[Reading, ...], pos: str,
                     items: tuple[tuple[str, str], ...]) -> str | None:
        """natasha's `best_form` (natasha/morph/lemma.py): the first reading with the
        tagger's POS and features, else the first that agrees most (POS class, then one
        point per equal weighed feature: case, gender, number, ...); None if none agrees."""
        feats, (pos_class, weighed) = dict(items), self._weighing(pos, items)
        most, best = 0, None
        for normal, number in readings:
            grams = self._grams[number]
            if grams.pos == pos and grams.feats == feats:
                return normal
            agree = (grams.pos_class == pos_class) + len(grams.weighed & weighed)
            if agree > most:
                most, best = agree, normal
        return best

    def _adapt_token(self, token: Any) -> Token:
        feats = dict(token.feats or {})
        lemma = self._lemma(token.text, token.pos, tuple(feats.items()))
        head = _token_position(token.head_id) if token.head_id else -1
        return Token(_token_position(token.id), token.text, token.start, token.stop, lemma,
                     token.pos or "X", feats, head, token.rel or "dep")

    def _adapt_sentence(self, index: int, sent: Any) -> Sentence:
        tokens = [self._adapt_token(t) for t in sent.tokens]
        return Sentence(index=index, start=sent.start, end=sent.stop, text=sent.text,
                        tokens=tokens)

    def _attach_entities(self, sentences: list[Sentence], spans: list[Any]) -> None:
        for span in spans:
            for sentence in sentences:
                if sentence.start <= span.start < sentence.end:
                    sentence.entities.append(self._adapt_span(span))
                    break

    def _adapt_span(self, span: Any) -> NamedEntity:
        normal = span.normal
        if span.type != "ORG":  # only people's and places' nominative forms are used
            normal = self._normalize_span(span.tokens)
        return NamedEntity(start=span.start, end=span.stop, type=span.type, text=span.text,
                           normal=normal or span.text)

    def _normalize_span(self, tokens: list[Any]) -> str:
        """natasha's normal form of a person's or place's span (`DocSpan.normalize`: each
        word in the nominative, in its written shape and spacing), words cached."""
        from natasha.norm import recover_shapes, recover_spaces

        words = [self._nominative(fold(t.text), t.pos, tuple((t.feats or {}).items()))
                 for t in tokens]  # natasha inflects the folded word
        return str(recover_spaces(recover_shapes(words, tokens), tokens))

    def _inflect_nominative(self, text: str, pos: str | None,
                            items: tuple[tuple[str, str], ...]) -> str:
        """natasha's `inflect_word` (natasha/norm.py): a noun, adjective or verb not in the
        nominative put in it, through its reading that agrees with the tagger's."""
        from natasha.doc import DocToken
        from natasha.norm import inflect_word

        token = DocToken(0, len(text), text, pos=pos, feats=dict(items))
        return str(inflect_word(self.vocab, token))


@lru_cache(maxsize=1)
def shared_parser() -> RussianParser:
    return RussianParser()
