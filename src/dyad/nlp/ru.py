"""The one adapter to natasha (razdel, slovnet, pymorphy2): no natasha object leaves it.

`RussianParser().parse(text)` returns dyad `Sentence`s with `Token`s (0-based index,
character offsets into `text`, lower-cased lemma with ё folded to е, UD POS, features,
head index or -1, relation) and the named entities that fall inside each sentence.
"""

from __future__ import annotations

import warnings
from functools import lru_cache
from typing import Any

from dyad.records import NamedEntity, Sentence, Token

# natasha's syntax parser scores every token pair of a sentence: time and memory grow with
# the square of its length (6,000 tokens: +470 MB). Longer sentences are cut into pieces.
MAX_SENTENCE_TOKENS = 300


def fold(word: str) -> str:
    return word.lower().replace("ё", "е")


def _token_position(natasha_id: str) -> int:
    return int(natasha_id.split("_")[1]) - 1


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

        embedding = NewsEmbedding()
        self.segmenter = Segmenter()
        self.vocab = MorphVocab()
        self.morph = NewsMorphTagger(embedding)
        self.syntax = NewsSyntaxParser(embedding)
        self.ner = NewsNERTagger(embedding)
        self._lemma = lru_cache(maxsize=200_000)(self._lemmatize)
        self.normal_forms = lru_cache(maxsize=200_000)(self._normal_forms)  # type: ignore

    def parse(self, text: str) -> list[Sentence]:
        from natasha import Doc

        doc = Doc(text)
        doc.segment(self.segmenter)
        doc.sents = split_long(doc.sents, text)
        doc.tag_morph(self.morph)
        doc.parse_syntax(self.syntax)
        doc.tag_ner(self.ner)
        sentences = [self._adapt_sentence(i, s) for i, s in enumerate(doc.sents)]
        self._attach_entities(sentences, doc.spans)
        return sentences

    def _normal_forms(self, word: str) -> frozenset[str]:
        """Every dictionary form pymorphy offers for a word, folded."""
        parses = self.vocab.parse(word)
        forms = {fold(p.normal_form) for p in parses}
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
        if pos in {"PUNCT", "NUM", "SYM", "X"} or not any(c.isalpha() for c in word):
            return fold(word)
        return fold(self.vocab.lemmatize(word, pos, dict(feats)))

    def _adapt_token(self, token: Any, offset: int) -> Token:
        feats = dict(token.feats or {})
        lemma = self._lemma(token.text, token.pos, tuple(sorted(feats.items())))
        head = _token_position(token.head_id) if token.head_id else -1
        return Token(index=_token_position(token.id), text=token.text,
                     start=token.start + offset, end=token.stop + offset, lemma=lemma,
                     pos=token.pos or "X", feats=feats, head=head, rel=token.rel or "dep")

    def _adapt_sentence(self, index: int, sent: Any) -> Sentence:
        tokens = [self._adapt_token(t, 0) for t in sent.tokens]
        return Sentence(index=index, start=sent.start, end=sent.stop, text=sent.text,
                        tokens=tokens)

    def _attach_entities(self, sentences: list[Sentence], spans: list[Any]) -> None:
        for span in spans:
            for sentence in sentences:
                if sentence.start <= span.start < sentence.end:
                    sentence.entities.append(self._adapt_span(span))
                    break

    def _adapt_span(self, span: Any) -> NamedEntity:
        if span.type != "ORG":  # only people's and places' nominative forms are used
            span.normalize(self.vocab)
        return NamedEntity(start=span.start, end=span.stop, type=span.type, text=span.text,
                           normal=span.normal or span.text)


@lru_cache(maxsize=1)
def shared_parser() -> RussianParser:
    return RussianParser()
