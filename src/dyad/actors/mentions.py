"""Actor mentions in a parsed sentence: dictionary phrases over token lemmas."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from functools import lru_cache

from dyad import data
from dyad.actors.dictionary import ENTITY_KINDS, Entry, PhraseIndex
from dyad.nlp.ru import fold
from dyad.nlp.tree import preposition
from dyad.records import Sentence, Token

PRONOUN_LEMMAS = frozenset({"он", "она", "они", "его", "ее", "их"})
ANTECEDENT_KINDS = frozenset({"state", "capital", "seat", "igo", "person"})
LOOKBACK = 12


@dataclass(frozen=True, slots=True)
class Mention:
    start: int  # first token index
    end: int  # one past the last token index
    entry: Entry
    text: str
    char_start: int
    char_end: int

    gender: str = ""
    number: str = ""
    locative: bool = False  # "в Пекине": a place, no antecedent of "он"

    @property
    def has_entity(self) -> bool:
        return self.entry.kind in ENTITY_KINDS and bool(self.entry.entity)


def token_forms(token: Token, index: PhraseIndex) -> frozenset[str]:
    """The parser's lemma, the folded form and every dictionary form pymorphy offers."""
    forms = index.normal_forms(token.text)
    return forms if token.lemma in forms else forms | {token.lemma}


def choose_entry(entries: list[Entry], ner_type: str, date: str | None) -> Entry:
    if ner_type == "PER":
        people = [e for e in entries if e.kind == "person"]
        entries = people or entries
    elif ner_type == "LOC":
        places = [e for e in entries if e.kind != "person"]
        entries = places or entries
    dated = [e for e in entries if e.kind != "person" or e.holds_on(date)]
    if all(e.kind == "person" for e in entries):
        return (dated or [former(e, date) for e in entries])[-1]
    return (dated or entries)[0]


def former(entry: Entry, date: str | None) -> Entry:
    """A person named after their office ended is a former official (ELI)."""
    if date and entry.end and entry.end[:len(date)] < date:
        return replace(entry, role="ELI")
    return entry


def ner_type_at(sentence: Sentence, token: Token) -> str:
    for entity in sentence.entities:
        if entity.start <= token.start < entity.end:
            return entity.type
    return ""


def capitalised(token: Token) -> bool:
    return token.text[:1].isupper() or token.text[:1].isdigit()


def plausible(entries: list[Entry], token: Token, size: int = 1) -> list[Entry]:
    """Names written with a capital in the dictionary need one in text, and a one-word
    name the parser takes for a pronoun is none: 'того', 'Тем не менее' are not Togo."""
    if capitalised(token) and (size > 1 or token.pos not in FUNCTION_POS):
        return entries if size > 1 else [e for e in entries if same_stem(token.text, e.text)]
    if size == 1 and token.pos in ("ADP", "CCONJ", "SCONJ"):
        return []  # "после" is a preposition, not the locative of "посол"
    return [e for e in entries if not e.text[:1].isupper()]


def same_stem(word: str, name: str) -> bool:
    """A one-word name shares its stem with the word, so that a lemma both happen to have
    does not join them: "Том" (тот) is not "Того", "Ганцу" (ганец) not "Гана"."""
    if " " in name or not name[:1].isupper():
        return True
    words, names = fold(word).split("-"), fold(name).split("-")  # "Гвинеи-Бисау"
    return len(words) == len(names) and all(
        len(os.path.commonprefix([w, n])) >= len(n) - (1 if len(n) <= 4 else 2)
        for w, n in zip(words, names, strict=True))


FUNCTION_POS = frozenset({"PRON", "DET", "ADP", "CCONJ", "SCONJ", "PART"})


def by_surname_stem(token: Token, entries: list[Entry]) -> list[Entry]:
    """When one word matches several people through different dictionary forms ("Асада":
    Асад or Асадов), the one whose written surname the word begins with wins; the
    longest such surname if several ("Асадова" is Асадов)."""
    word = fold(token.text)

    def stem(entry: Entry) -> int:
        surname = fold(entry.text.split()[-1]) if entry.text else ""
        return len(surname) if surname and word.startswith(surname) else 0

    best = max((stem(e) for e in entries if e.kind == "person"), default=0)
    if not best:
        return entries
    return [e for e in entries if e.kind != "person" or stem(e) == best]


def not_a_given_name(sentence: Sentence, start: int, size: int,
                     entries: list[Entry]) -> list[Entry]:
    """A one-word match for a person is their surname; inside a longer name it must be the
    last word ("Ахмета Шика" is not Ахметов)."""
    if size != 1:
        return entries
    token = sentence.tokens[start]
    inside = [e for e in sentence.entities if e.type == "PER" and e.start <= token.start < e.end]
    if inside and token.end < inside[0].end:
        return [e for e in entries if e.kind != "person"]
    if inside and inside[0].start < token.start:  # "Мартина Куба": a surname, not Cuba
        return [e for e in entries if e.kind == "person"]
    return entries


def find_mentions(sentence: Sentence, index: PhraseIndex, date: str | None) -> list[Mention]:
    words = [token_forms(t, index) for t in sentence.tokens]
    mentions, position = [], 0
    while position < len(words):
        size, entries = index.match(words, position)
        if size == 1 and len(entries) > 1:
            entries = by_surname_stem(sentence.tokens[position], entries)
        if size:
            entries = plausible(entries, sentence.tokens[position], size)
            entries = not_a_given_name(sentence, position, size, entries)
        if not (size and entries):
            size, entries = 1, hyphen_part(sentence.tokens[position], index)
        if entries and not of_currency(sentence, sentence.tokens[position + size - 1],
                                       entries):
            mentions.append(make_mention(sentence, position, size, entries, date))
            position += size
        else:
            position += 1
    return mentions


@lru_cache(maxsize=1)
def currencies() -> dict[str, frozenset[str]]:
    """Currency lemma -> the states issuing it (data/actors/currencies.tsv)."""
    return {r["lemma"]: frozenset(r["states"].split(","))
            for r in data.load_tsv(data.CURRENCIES, ("lemma", "states"))}


def of_currency(sentence: Sentence, token: Token, entries: list[Entry]) -> bool:
    """"долларов США": the state names its currency, not an actor."""
    head = sentence.tokens[token.head] if 0 <= token.head < len(sentence.tokens) else None
    states = currencies().get(head.lemma, frozenset()) if head is not None else frozenset()
    return token.rel == "nmod" and any(e.entity in states for e in entries)


def hyphen_part(token: Token, index: PhraseIndex) -> list[Entry]:
    """A hyphenated compound noun known by one of its parts ("повстанцами-хуситами",
    "террористов-смертников"); a part naming a state or group wins over a sector word."""
    parts = token.text.split("-")
    if len(parts) < 2 or token.pos not in ("NOUN", "PROPN"):
        return []
    found = [entries for part in parts if len(part) > 2
             for size, entries in [index.match([index.normal_forms(part)], 0)] if size]
    return next((e for e in found if any(x.entity for x in e)), found[0] if found else [])


def make_mention(sentence: Sentence, start: int, size: int, entries: list[Entry],
                 date: str | None) -> Mention:
    first, last = sentence.tokens[start], sentence.tokens[start + size - 1]
    text = sentence.text[first.start - sentence.start: last.end - sentence.start]
    exact = [e for e in entries if e.text.lower() == text.lower()]
    entry = choose_entry(exact or entries, ner_type_at(sentence, first), date)
    head = first if entry.kind == "person" else last
    return Mention(start, start + size, entry, text, first.start, last.end,
                   head.feat("Gender"), head.feat("Number"), in_place(sentence, head))


def in_place(sentence: Sentence, token: Token) -> bool:
    """"в Пекине", "на Украине": a place named as where something happens."""
    return token.feat("Case") == "Loc" and preposition(sentence, token.index) in ("в", "во",
                                                                                 "на")


def is_pronoun(token: Token) -> bool:
    return token.pos in ("PRON", "DET") and token.lemma in PRONOUN_LEMMAS and (
        token.feat("Person") in ("3", ""))


def agrees(mention: Mention, pronoun: Token) -> bool:
    if pronoun.feat("Number") == "Plur":
        return mention.number == "Plur"
    gender = pronoun.feat("Gender")
    return mention.number != "Plur" and (not gender or mention.gender in (gender, ""))


def antecedent(pronoun: Token, history: list[Mention]) -> Mention | None:
    for mention in reversed(history[-LOOKBACK:]):
        if (mention.entry.kind in ANTECEDENT_KINDS and not mention.locative
                and agrees(mention, pronoun)):
            return mention
    return None


def resolve_pronouns(sentence: Sentence, mentions: list[Mention], history: list[Mention],
                     local: list[Mention] | None = None) -> list[Mention]:
    """Third-person pronouns become mentions of the nearest agreeing earlier actor."""
    found, earlier = [], list(history)
    ordered = sorted(mentions + (local or []), key=lambda m: (m.end, m.entry.kind == "person"))
    for token in sentence.tokens:
        earlier += [m for m in ordered if m.end == token.index]
        if not is_pronoun(token):
            continue
        target = antecedent(token, earlier)
        if target is not None:
            found.append(Mention(token.index, token.index + 1, target.entry, token.text,
                                 token.start, token.end, target.gender, target.number))
    return sorted(mentions + found, key=lambda m: m.start)
