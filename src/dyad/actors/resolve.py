"""Resolve a noun phrase (given by its head token) to an actor: entity, role and name.

The entity comes from the closest country, IGO, capital or known person in the phrase;
the role from the closest sector word ("власти", "ПВО", "журналист") or from the person's
office. Locative modifiers ("в России") do not lend their country to the phrase.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field, replace
from functools import lru_cache

from dyad import data
from dyad.actors.dictionary import Entry
from dyad.actors.mentions import PRONOUN_LEMMAS, Mention, in_place
from dyad.nlp.tree import CLAUSE_RELS, children, preposition
from dyad.records import Actor, Sentence, Token

NP_STOP = CLAUSE_RELS | {"conj", "cc", "punct", "parataxis", "case", "mark", "advmod",
                         "orphan", "appos:loc"}
PART_OF_NAME = frozenset({"из"})  # "выходцы из Азербайджана"
KIND_ORDER = {"person": 0, "igo": 1, "state": 2, "capital": 3, "seat": 3, "body": 3, "demonym": 4,
              "adjective": 5}


# Roles of state bodies a bare later mention refers back to ("МИД", "посольство", "суд");
# people ("граждане", "журналисты") may be anyone's.
BODY_ROLES = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})


@dataclass
class Memory:
    """What an article has said so far: people by surname, the last actor of each kind."""

    people: dict[str, Actor] = field(default_factory=dict)
    of_role: dict[str, list[Actor]] = field(default_factory=dict)
    bodies: dict[str, Actor] = field(default_factory=dict)  # "мид" -> the last МИД named
    setting: str | None = None  # the country the text was last set in ("в Сирии")

    def remember_body(self, head: Token, actor: Actor) -> None:
        """"МИД РФ", "Посольство России": a later bare "МИД" is the same body."""
        if actor.entity and actor.role in BODY_ROLES:
            self.bodies[head.lemma] = actor

    def body(self, actor: Actor | None, head: Token, local: bool,
             setting: str | None) -> Actor | None:
        """A body named with no country: for "местные власти" the country the text is set
        in, else the same body named earlier with one ("МИД РФ ... МИД советует")."""
        if actor is None or actor.entity or not actor.role:
            return actor
        if local and (setting or self.setting):
            return replace(actor, entity=setting or self.setting, kind="setting")
        earlier = self.bodies.get(head.lemma)
        if earlier is not None and earlier.end <= head.start:
            return replace(actor, entity=earlier.entity, kind="coreference")
        return actor

    def remember(self, actor: Actor) -> None:
        if actor.name and actor.entity and actor.kind == "person":
            self.people[actor.name.split()[-1].lower()] = actor
            if actor.role:
                self.of_role.setdefault(actor.role, []).append(actor)

    def refer(self, actor: Actor | None, head: Token) -> Actor | None:
        """"Глава государства" with no country: the last person of that role before it."""
        if actor is None or actor.entity or head.lemma not in anaphors():
            return actor
        earlier = next((a for a in reversed(self.of_role.get(actor.role, []))
                        if a.end <= head.start), None)
        if earlier is None:
            return actor
        return replace(actor, entity=earlier.entity, name=earlier.name, kind="coreference")

    def recall(self, name: str) -> Actor | None:
        return self.people.get(name.split()[-1].lower()) if name else None


@lru_cache(maxsize=1)
def anaphors() -> frozenset[str]:
    return frozenset(r["lemma"] for r in data.load_tsv(data.ANAPHORS, ("lemma",)))


@lru_cache(maxsize=1)
def local_words() -> frozenset[str]:
    return frozenset(r["lemma"] for r in data.load_tsv(data.LOCAL_WORDS, ("lemma",)))


def is_local(sentence: Sentence, head: Token) -> bool:
    """"местные власти": a body of wherever the text is set."""
    return any(c.lemma in local_words() for c in children(sentence, head.index))


@lru_cache(maxsize=1)
def victim_heads() -> frozenset[str]:
    return frozenset(r["lemma"] for r in data.load_tsv(data.VICTIM_HEADS, ("lemma",)))


def np_depths(sentence: Sentence, head: int, max_depth: int = 4) -> dict[int, int]:
    depths, queue = {head: 0}, deque([head])
    while queue:
        current = queue.popleft()
        if depths[current] >= max_depth:
            continue
        victims = sentence.tokens[current].lemma in victim_heads()
        for child in children(sentence, current):
            if child.index in depths or child.rel in NP_STOP:
                continue
            if victims and child.rel.startswith("nmod"):
                continue
            prep = preposition(sentence, child.index)
            if child.rel.startswith("nmod") and prep and prep not in PART_OF_NAME:
                continue
            depths[child.index] = depths[current] + 1
            queue.append(child.index)
    return depths


def mention_depth(mention: Mention, depths: dict[int, int]) -> int | None:
    found = [depths[i] for i in range(mention.start, mention.end) if i in depths]
    return min(found) if found else None


def ner_person(sentence: Sentence, depths: dict[int, int]) -> str | None:
    for entity in sentence.entities:
        if entity.type != "PER":
            continue
        inside = [t for t in sentence.tokens if entity.start <= t.start < entity.end]
        if any(t.index in depths for t in inside):
            return entity.normal
    return None


def resolve_np(sentence: Sentence, head: int, mentions: list[Mention],
               memory: Memory) -> Actor | None:
    depths = np_depths(sentence, head)
    scored = [(d, m) for m in mentions if (d := mention_depth(m, depths)) is not None]
    with_entity = sorted((d, KIND_ORDER.get(m.entry.kind, 9), i, m)
                         for i, (d, m) in enumerate(scored) if m.has_entity)
    with_role = sorted((d, i, m) for i, (d, m) in enumerate(scored) if m.entry.role)
    person = ner_person(sentence, depths)
    entity_mention = with_entity[0][3] if with_entity else None
    role_mention = with_role[0][2] if with_role else None
    token = sentence.tokens[head]
    if entity_mention is None:
        recalled = memory.recall(person or "") if person else None
        if recalled is None and token.lemma in PRONOUN_LEMMAS:
            return None
        if recalled is not None:  # the earlier actor, at this mention's place
            return replace(recalled, start=token.start, end=token.end, head=token.index)
        if role_mention is None and person is None:
            return None
    return compose(sentence, head, entity_mention, role_mention, person, depths)


LOCATIVE_KINDS = frozenset({"state", "capital", "adjective"})


def locative_country(sentence: Sentence, mentions: list[Mention]) -> str | None:
    """The one country a sentence is set in ("в Сирии", "в Багдаде"), if only one."""
    found = {m.entry.entity for m in mentions if m.entry.kind in LOCATIVE_KINDS
             and locative(sentence, sentence.tokens[m.end - 1])
             and (where_clause(sentence, sentence.tokens[m.end - 1])
                  or not inside_argument(sentence, sentence.tokens[m.end - 1]))}
    return found.pop() if len(found) == 1 else None


def inside_argument(sentence: Sentence, token: Token) -> bool:
    """"в тюрьмах в Гуантанамо": a place inside a noun phrase sets that phrase, not the
    sentence."""
    head = sentence.tokens[token.head] if 0 <= token.head < len(sentence.tokens) else None
    return token.rel == "nmod" and head is not None and head.pos in ("NOUN", "PROPN") and (
        head.lemma not in SETTING_NOUNS)


def locative(sentence: Sentence, token: Token) -> bool:
    """"в Сирии", "Сирии, где ...", "в сирийском городе"."""
    if token.pos == "ADJ" and 0 <= token.head < len(sentence.tokens):
        head = sentence.tokens[token.head]
        return head.lemma in SETTING_NOUNS and (locative(sentence, head)
                                                or where_clause(sentence, head))
    return in_place(sentence, token) or where_clause(sentence, token)


def where_clause(sentence: Sentence, token: Token) -> bool:
    """The antecedent of a relative "где" clause ("Сирии, где длится противостояние")."""
    last = max([token.index] + [c.index for c in children(sentence, token.index)
                                 if c.rel in ("appos", "flat:name", "flat")])
    after = [t.lemma for t in sentence.tokens[last + 1: last + 3]]
    return after == [",", "где"]


# Place nouns a state adjective sets a sentence in ("в сирийском городе Алеппо").
SETTING_NOUNS = frozenset({"город", "столица", "провинция", "область", "регион", "район",
                           "село", "деревня", "посёлок", "поселок", "порт"})


def with_setting(actor: Actor | None, country: str | None) -> Actor | None:
    """A sector named with no country ("боевики ... в Сирии") belongs to the sentence's
    setting."""
    if actor is None or actor.entity or not actor.role or not country:
        return actor
    return replace(actor, entity=country, kind="setting")


def compose(sentence: Sentence, head: int, entity: Mention | None, role: Mention | None,
            person: str | None, depths: dict[int, int]) -> Actor:
    entry = entity.entry if entity else None
    role_code = role.entry.role if role else (entry.role if entry else "")
    if role_code and former_holder(sentence, head):
        role_code = "ELI" if role_code in OFFICES else "CVL"
    name: str | None = entry.name if entry and entry.kind == "person" else (
        person or (entry.name if entry else None))
    kind = "person" if (entry and entry.kind == "person") or person else (
        entry.kind if entry else "sector")
    span = [sentence.tokens[i] for i in depths]
    start, end = min(t.start for t in span), max(t.end for t in span)
    text = sentence.text[start - sentence.start: end - sentence.start]
    return Actor(text=text, entity=entry.entity if entry else None, role=role_code,
                 name=name, kind=kind, start=start, end=end, head=head)


def former_holder(sentence: Sentence, head: int) -> bool:
    """"бывшему подрядчику спецслужб": someone who no longer holds the role."""
    return 0 <= head < len(sentence.tokens) and any(
        c.rel == "amod" and c.lemma in ("бывший", "экс") for c in children(sentence, head))


# Former holders of these offices are elites (ELI); of other roles, civilians.
OFFICES = frozenset({"GOV", "LEG", "JUD", "MIL", "ELI"})


def person_top(sentence: Sentence, inside: list[Token]) -> Token:
    """The token of a name that hangs outside it, climbed through apposition."""
    indices = {t.index for t in inside}
    top = next((t for t in inside if t.head not in indices), inside[0])
    seen = {top.index}
    while top.rel in ("appos", "flat:name", "nmod") and 0 <= top.head < len(sentence.tokens):
        if top.head in seen:
            break
        seen.add(top.head)
        head = sentence.tokens[top.head]
        if head.pos not in ("NOUN", "PROPN") or top.rel == "nmod" and head.pos != "NOUN":
            break
        top = head
        if top.lemma == "имя" and top.rel.startswith("nmod"):
            continue  # "американец по имени X": climb on to the noun that is named
        if top.rel != "appos":
            break
    return top


def resolve_person(sentence: Sentence, inside: list[Token], mentions: list[Mention],
                   memory: Memory) -> Actor | None:
    top = person_top(sentence, inside)
    actor = resolve_np(sentence, top.index, mentions, memory)
    if actor is None or not actor.entity:
        return None
    name = next((e.normal for e in sentence.entities
                 if e.start <= inside[0].start < e.end), actor.name)
    if actor.kind == "person" or any(t.pos == "PROPN" for t in inside):
        return replace(actor, name=actor.name if actor.kind == "person" else name,
                       kind="person")
    return actor


def person_mention(actor: Actor, inside: list[Token]) -> Mention:
    head = inside[-1]
    entry = Entry("person", actor.entity, actor.role, actor.name or "", text=actor.name or "")
    return Mention(inside[0].index, inside[-1].index + 1, entry, actor.text, inside[0].start,
                   inside[-1].end, head.feat("Gender"), head.feat("Number"))


def person_spans(sentence: Sentence) -> list[list[Token]]:
    spans = []
    for entity in sentence.entities:
        inside = [t for t in sentence.tokens if entity.start <= t.start < entity.end]
        if entity.type == "PER" and inside:
            spans.append(inside)
    return spans


def sector_heads(sentence: Sentence, mentions: list[Mention]) -> list[list[Token]]:
    return [[sentence.tokens[m.end - 1]] for m in mentions
            if m.entry.kind == "sector" and m.entry.role]


def unknown_person(sentence: Sentence, inside: list[Token]) -> Mention:
    """A named person the text never ties to a country: a later "он" may mean them, and
    then stays unresolved rather than taking an earlier actor's country."""
    name = next((e.normal for e in sentence.entities if e.start <= inside[0].start < e.end),
                " ".join(t.text for t in inside))
    head = inside[-1]
    return Mention(inside[0].index, inside[-1].index + 1, Entry("person", None, "", name),
                   name, inside[0].start, inside[-1].end, head.feat("Gender"),
                   head.feat("Number"))
