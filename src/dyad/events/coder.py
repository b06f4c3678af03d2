"""The event coder: predicates from the lexicon, their actors from the UD tree.

A trigger is a verb, an event noun or a light-verb construction ("принести извинения").
Its source and target come from the slots the lexicon names, with fallbacks for the
parser's known errors (subjects shared across conj, passive agents, participles, objects
misattached deeper in the tree). What the sentence leaves out is filled at article level
(`dyad.events.article`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from dyad import data
from dyad.actors.dictionary import igo_codes
from dyad.actors.mentions import Mention
from dyad.actors.resolve import Memory, is_local, locative_country, resolve_np, with_setting
from dyad.events import arguments as args
from dyad.events.lexicon import Lexicon, Predicate
from dyad.events.status import claim_governor, status_of, under_regime
from dyad.nlp.tree import ancestors, children, preposition, subtree
from dyad.places.locate import place_at, where_words
from dyad.records import Actor, Sentence, Token

VERBAL = frozenset({"VERB", "ADJ", "AUX"})
LIGHT_NOUN_RELS = frozenset({"obj", "nsubj:pass", "obl", "nsubj", "iobj", "nmod"})

Resolve = Callable[[Token], Actor | None]
# Roots whose acts two coordinated subjects do to each other when no target is named
# ("X и Y встретились", "подписали договор", "начали бои"); other roots need "друг друга".
RECIPROCAL_ROOTS = frozenset({"03", "04", "05", "06", "19"})
MUTUAL_WORDS = frozenset({"друг", "взаимно", "взаимный"})
# Acts done "с" a partner are done by both: "встретился с X", "соглашение с X",
# "сотрудничество с X".
MUTUAL_WITH = ("040", "046", "057", "06")
# What a sport report can still contain: protests and state coercion (arrests, bans).
SPORT_SENTENCES = 3
STATE_ACTS = frozenset({"14", "17"})
# Roots of hostile acts whose report by another party is that party's accusation.
HOSTILE = frozenset({"13", "14", "15", "16", "17", "18", "19", "20"})


@dataclass(frozen=True, slots=True)
class Trigger:
    token: Token
    predicate: Predicate
    extra: tuple[Token, ...] = ()

    @property
    def tokens(self) -> tuple[Token, ...]:
        return (self.token, *self.extra)


@dataclass
class Candidate:
    sentence: Sentence
    trigger: Trigger
    source: Actor | None
    targets: list[Actor]
    status: str
    claimant: Actor | None = None
    notes: set[str] = field(default_factory=set)
    parties: list[Actor] = field(default_factory=list)  # reciprocal: "X и Y встретились"
    co_sources: list[Actor] = field(default_factory=list)  # "X и Y подписали ... с Z"
    # sector actors the sentence ties to no state ("протестующие", "полиция")
    unplaced_source: Actor | None = None
    unplaced_targets: list[Actor] = field(default_factory=list)
    # states named as actors in this sentence or the ones next to it: an implicit target
    # must be one of them (None: not known, no restriction)
    nearby: frozenset[str] | None = None
    home: str | None = None  # the state the article is about, when one dominates


def find_triggers(sentence: Sentence, lexicon: Lexicon) -> list[Trigger]:
    found, used, phrases = [], set(), dict[int, str]()
    for token in sentence.tokens:
        head = sentence.tokens[token.head] if 0 <= token.head < len(sentence.tokens) else None
        if head is None:
            continue
        if token.rel == "amod" and head.pos == "NOUN":
            for predicate in lexicon.phrase_for(token.lemma, head.lemma)[:1]:
                found.append(Trigger(head, predicate, (token,)))
                used.update({head.index, token.index})
                phrases[head.index] = predicate.cameo
        if not light_part(token) or preposition(sentence, token.index) in OCCASION_ONLY:
            continue
        for predicate in lexicon.light_for(head.lemma, token.lemma)[:1]:
            if phrases.get(token.index, predicate.cameo) != predicate.cameo:
                continue  # "применить химическое оружие" is 2041, not "применить оружие"
            found.append(Trigger(head, predicate, (token,)))
            used.update({head.index, token.index})
    for token in sentence.tokens:
        if token.index in used:
            continue
        table = lexicon.verbs if token.pos in VERBAL or mistagged_participle(token) else (
            lexicon.nouns if token.pos == "NOUN" else {})
        for predicate in table.get(token.lemma, [])[:1]:
            found.append(Trigger(token, predicate))
    found = [t for t in by_agent(sentence, found) if not a_topic(sentence, t)]
    heads = {t.token.index for t in found}
    return sorted((t for t in found if not subject_of_trigger(t, heads)),
                  key=lambda t: t.token.index)


@lru_cache(maxsize=1)
def topic_heads() -> frozenset[str]:
    return frozenset(r["lemma"] for r in data.load_tsv(data.TOPIC_HEADS, ("lemma",)))


def a_topic(sentence: Sentence, trigger: Trigger) -> bool:
    """"перспективы сотрудничества", "вопросы санкций": an event noun named as a topic."""
    token = trigger.token
    head = sentence.tokens[token.head] if 0 <= token.head < len(sentence.tokens) else None
    return (trigger.predicate.pos == "noun" and head is not None and token.rel == "nmod"
            and head.lemma in topic_heads() and not preposition(sentence, token.index))


@lru_cache(maxsize=1)
def agent_acts() -> dict[str, tuple[str, frozenset[str]]]:
    """Agent -> (code, verbs): "смертник врезался" is a suicide bombing (agent_acts.tsv)."""
    return {r["agent"]: (r["code"], frozenset(r["verbs"].split(",")))
            for r in data.load_tsv(data.AGENT_ACTS, ("agent", "code", "verbs"))}


@lru_cache(maxsize=1)
def agent_verbs() -> frozenset[str]:
    return frozenset(v for _, verbs in agent_acts().values() for v in verbs)


def by_agent(sentence: Sentence, found: list[Trigger]) -> list[Trigger]:
    """A verb whose subject is an agent of one kind of act codes as that act."""
    for token in (t for t in sentence.tokens if t.lemma in agent_verbs()):
        for subject in children(sentence, token.index):
            act = agent_act(subject) if subject.rel == "nsubj" else None
            if act is None or token.lemma not in act[1]:
                continue
            found = [t for t in found if t.token.index != token.index]
            found.append(Trigger(token, Predicate(token.lemma, "verb", act[0], ("nsubj",),
                                                  AGENT_ACT_TARGETS)))
    return found


AGENT_ACT_TARGETS = ("obj", "obl:в", "obl:на", "obl:против", "nmod:в", "nmod:на")


def agent_act(token: Token) -> tuple[str, frozenset[str]] | None:
    return agent_acts().get(token.lemma) or agent_acts().get(token.lemma.split("-")[0])


def mistagged_participle(token: Token) -> bool:
    """A passive participle the tagger took for a noun ("казнённому" NOUN, lemma "казнить");
    adjectives are left alone ("отравляющие вещества" are no poisoning)."""
    return (token.pos == "NOUN" and token.lemma.endswith(VERB_ENDINGS)
            and args.PASSIVE_PARTICIPLE.search(token.text.lower().replace("ё", "е")) is not None)


VERB_ENDINGS = ("ть", "ться", "ти", "чь", "чься")


# "договорились во время встречи": a noun setting the time is no light construction's.
OCCASION_ONLY = frozenset({"в_время", "в_ходе", "после", "по_итогам", "по_окончании",
                           "накануне", "до"})


def light_part(token: Token) -> bool:
    """The noun of a light construction, a predicative complement ("признал виновной",
    "объявили персоной нон грата") or an infinitive ("отказался комментировать")."""
    if token.rel == "xcomp":
        return token.pos in args.NOMINAL or token.pos == "ADJ" or (
            token.pos == "VERB" and token.feat("VerbForm") == "Inf")
    return token.rel in LIGHT_NOUN_RELS and token.pos in args.NOMINAL


def subject_of_trigger(trigger: Trigger, heads: set[int]) -> bool:
    """An event noun that is the subject of another trigger is its actor: "Критики обвиняют"."""
    token = trigger.token
    return (trigger.predicate.pos == "noun" and token.rel.startswith("nsubj")
            and token.head in heads)


def slot(sentence: Sentence, trigger: Token, name: str) -> list[Token]:
    if name == "nsubj":
        return args.subject_of(sentence, trigger)
    return args.slot_tokens(sentence, trigger, name)


def first_actor(tokens: list[Token], resolve: Resolve) -> tuple[Token, Actor] | None:
    for token in tokens:
        actor = resolve(token)
        if actor is not None and actor.entity:
            return token, actor
    return None


def all_actors(tokens: list[Token], resolve: Resolve) -> list[Actor]:
    actors = [a for t in tokens if (a := resolve(t)) is not None and a.entity]
    return list({(a.entity, a.role, a.start): a for a in actors}.values())


def verb_arguments(sentence: Sentence, trigger: Trigger) -> tuple[list[Token], list[Token]]:
    token, predicate = trigger.token, trigger.predicate
    if args.is_passive(sentence, token) and predicate.pos != "noun":
        marked = [n for n in predicate.target if n.startswith(("obl:", "nmod:"))]
        found = [t for name in marked for t in slot(sentence, token, name)]
        found += args.in_participle_phrase(sentence, token, marked)
        return args.passive_agent(sentence, token), found + args.passive_patient(sentence,
                                                                                 token)
    sources = [t for name in predicate.source for t in slot(sentence, token, name)]
    targets = [t for name in predicate.target for t in slot(sentence, token, name)]
    for noun in trigger.extra:  # "получил приглашение от X", "подверглись атаке со стороны X"
        targets += [t for name in predicate.target for t in noun_slot(sentence, noun, name)]
        sources += [t for name in predicate.source for t in noun_slot(sentence, noun, name)]
    return sources, targets


def noun_slot(sentence: Sentence, noun: Token, name: str) -> list[Token]:
    """A prepositional slot of a light verb filled under its noun; any slot of its
    infinitive ("отказался комментировать заявление X")."""
    return slot(sentence, noun, name) if name.startswith(("nmod", "obl")) or (
        noun.pos == "VERB") else []


def noun_arguments(sentence: Sentence, trigger: Trigger, carriers: frozenset[str] = frozenset(),
                   victims: frozenset[str] = frozenset()) -> tuple[list[Token], list[Token]]:
    token, predicate = trigger.token, trigger.predicate
    targets = [t for name in predicate.target for t in slot(sentence, token, name)]
    taken = {t.index for t in targets}
    sources = [t for name in predicate.source for t in slot(sentence, token, name)
               if t.index not in taken]
    sources += [c for c in children(sentence, token.index) if c.rel == "amod"]
    sources += args.passive_agent(sentence, token)
    for target in targets:
        sources += [c for c in children(sentence, target.index)
                    if preposition(sentence, c.index) == "с_стороны"]
    head = governing_verb(sentence, token)
    if head is not None and head.lemma in victims:
        targets += args.subject_of(sentence, head)  # "X погибли при рейде": X suffered it
    elif not token.rel.startswith("nsubj") and not (
            sources and preposition(sentence, token.index) in OCCASION_PREPS):
        sources += governing_subject(sentence, token, carriers)  # not "после протестов X"
    return sources, targets


def both_sides(sentence: Sentence, source_tokens: list[Token]) -> bool:
    """"Стороны обсудили", "обе стороны обвиняют ...": the article's two parties."""
    return any(t.lemma == "сторона" and (t in source_tokens or any(
        c.lemma in ("оба", "обе", "два") for c in children(sentence, t.index)))
        and not set_in_one_place(sentence, t) and not party_to_a_case(sentence, t)
        for t in sentence.tokens)


def party_to_a_case(sentence: Sentence, side: Token) -> bool:
    """"сторона защиты", "сторона обвинения": one party to a trial, not both states."""
    return any(c.rel == "nmod" and c.lemma in TRIAL_PARTIES
               for c in children(sentence, side.index))


TRIAL_PARTIES = frozenset({"защита", "обвинение", "истец", "ответчик", "обвиняемый",
                           "подсудимый", "потерпевший"})


def names_sides(sentence: Sentence, token: Token) -> bool:
    """"Стороны конфликта обвиняют друг друга": the noun names who the sides are; the
    event is what they do."""
    head = sentence.tokens[token.head] if 0 <= token.head < len(sentence.tokens) else None
    return head is not None and head.lemma == "сторона" and token.rel == "nmod"


def set_in_one_place(sentence: Sentence, token: Token) -> bool:
    """"Стороны конфликта в Йемене" are the parties of a domestic conflict, not the
    article's two countries."""
    return any(t.feat("Case") == "Loc" and preposition(sentence, t.index) in ("в", "на")
               for t in subtree(sentence, token.index) if t.index != token.index)


def governing_verb(sentence: Sentence, token: Token, max_hops: int = 3) -> Token | None:
    """The verb an event noun depends on, within its own clause; none for the topic of
    another noun ("рассмотрел дело об убийстве": the court killed nobody)."""
    head = sentence.tokens[token.head] if 0 <= token.head < len(sentence.tokens) else None
    if head is not None and head.pos == "NOUN" and preposition(sentence, token.index) == "о":
        return None
    for hops, head in enumerate(ancestors(sentence, token.index)):
        if hops >= max_hops:
            return None
        if head.pos in VERBAL:
            return head
        if head.rel in ("ccomp", "parataxis"):
            return None
    return None


@lru_cache(maxsize=1)
def support_verbs() -> frozenset[str]:
    """Verbs whose subject is the agent of their event noun (events/support_verbs.tsv)."""
    return frozenset(r["lemma"] for r in data.load_tsv(data.SUPPORT_VERBS, ("lemma",)))


@lru_cache(maxsize=1)
def comitative() -> frozenset[tuple[str, str]]:
    """"в сотрудничестве с X": the clause's subject acts with X (events/comitative.tsv)."""
    return frozenset((r["preposition"], r["noun"])
                     for r in data.load_tsv(data.COMITATIVE, ("preposition", "noun")))


def governing_subject(sentence: Sentence, token: Token,
                      carriers: frozenset[str] = frozenset()) -> list[Token]:
    """The subject of the verb an event noun depends on when that verb carries the noun
    ("провела учения", data/events/support_verbs.tsv) or the noun is the occasion of what
    the subject did ("во время визита ... Путин заявил")."""
    head = governing_verb(sentence, token)
    marker = preposition(sentence, token.index)
    if head is not None and (head.lemma in support_verbs() or head.lemma in carriers
                             or marker in OCCASION_PREPS
                             or (marker, token.lemma) in comitative()):
        by_side = [c for c in children(sentence, head.index)
                   if preposition(sentence, c.index) == "с_стороны"]
        if by_side:
            return by_side
        if head.feat("VerbForm") == "Inf":  # a controller only of "Им удалось достигнуть"
            above = sentence.tokens[head.head] if 0 <= head.head < len(sentence.tokens) else None
            return args.impersonal_experiencer(sentence, above) if above is not None and (
                head.rel in ("csubj", "xcomp")) else []
        return args.subject_of(sentence, head)
    return []




VIOLENT_ROOTS = frozenset({"18", "19", "20"})

# "сообщил во время встречи с X", "заявил на переговорах": the speaker took part.
OCCASION_PREPS = frozenset({"в_время", "в_ходе", "на", "по_итогам", "после", "по_окончании"})


class EventCoder:
    """Codes the events of one sentence; article-level filling happens afterwards."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.carriers = lexicon.carriers

    def is_sport(self, sentences: list[Sentence]) -> bool:
        """A sport report: sport words in three sentences or more ("матч", "чемпионат")."""
        return sum(any(t.lemma in self.lexicon.sport for t in s.tokens)
                   for s in sentences) >= SPORT_SENTENCES

    def code_sentence(self, sentence: Sentence, mentions: list[Mention],
                      memory: Memory, sport: bool = False) -> list[Candidate]:
        setting = locative_country(sentence, mentions) or city_country(sentence)

        resolved: dict[int, Actor | None] = {}

        def resolve(token: Token) -> Actor | None:
            """Each noun phrase once per sentence (long sentences ask for it many times)."""
            antecedent = relative_antecedent(sentence, token)
            if antecedent is not None:
                return resolve(antecedent)
            if token.lemma in WE and token.index not in resolved:
                resolved[token.index] = None  # no loop through the speaker's own clause
                resolved[token.index] = self.speaker_state(sentence, token, resolve)
            if token.index not in resolved:
                actor = resolve_np(sentence, token.index, mentions, memory)
                if not of_others(sentence, token):  # "президентов других стран"
                    actor = memory.body(memory.refer(actor, token), token,
                                        is_local(sentence, token), setting)
                actor = led_group(sentence, token, city_owned(sentence, token, actor),
                                  resolve)
                resolved[token.index] = with_setting(actor, setting)
            return resolved[token.index]

        triggers = find_triggers(sentence, self.lexicon)
        if sport or any(t.lemma in self.lexicon.sport for t in sentence.tokens):
            triggers = [t for t in triggers if t.predicate.cameo[:2] in STATE_ACTS]
        triggers = [t for t in triggers if not self.guarded(sentence, t, resolve)
                    and not under_regime(sentence, t.token, self.lexicon.modality)]
        found = [c for t in triggers if (c := self.candidate(sentence, t, resolve)) is not None]
        found = self.wished(sentence, self.with_intents(sentence, found, resolve), resolve)
        found = followed(sentence, found, resolve)
        memory.setting = setting or memory.setting
        return answered(self.requested(sentence, found, resolve))

    def sides_of_conflict(self, sentence: Sentence, subject: list[Token]) -> bool:
        """"Стороны конфликта встретились": the subject is the sides of a conflict, war or
        confrontation (an event noun of roots 18-20)."""
        return any(t.lemma == "сторона" and any(
            c.rel == "nmod" and any(p.cameo[:2] in VIOLENT_ROOTS
                                    for p in self.lexicon.nouns.get(c.lemma, []))
            for c in children(sentence, t.index)) for t in subject)

    def wished(self, sentence: Sentence, found: list[Candidate],
               resolve: Resolve) -> list[Candidate]:
        """"США требуют, чтобы Россия вывела войска": a demand of Russia; "выразил
        пожелание, чтобы Сноуден вылетел": an appeal to Snowden (data/events/wishes.tsv)."""
        by_token = {c.trigger.token.index: c for c in found}
        for token in sentence.tokens:
            code = self.lexicon.wishes.get(token.lemma)
            party = addressee(sentence, token, resolve) if code else None
            if code is None or party is None:
                continue
            if token.index in by_token:
                known = by_token[token.index]
                if not known.targets and not same_actor(known.source, party):
                    known.targets = [party]
                continue
            subject = (args.subject_of(sentence, token) if token.pos in VERBAL
                       else governing_subject(sentence, token))
            wisher = first_actor(args.with_conjuncts(sentence, subject), resolve)
            if wisher is not None and not same_actor(wisher[1], party):
                predicate = Predicate(token.lemma, "verb", code, ("nsubj",), ())
                status = status_of(sentence, token, self.lexicon.modality)
                found.append(Candidate(sentence, Trigger(token, predicate), wisher[1], [party],
                                       status))
        return sorted(found, key=lambda c: c.trigger.token.index)

    def speaker_state(self, sentence: Sentence, token: Token,
                      resolve: Resolve) -> Actor | None:
        """«Мы считаем Россию другом», — отметил Мурси: "мы" in a quote is the speaker's
        state (its government when the speaker holds office)."""
        if not inside_quote(sentence, token):
            return None
        words = self.lexicon.reporting | self.lexicon.speech
        for verb in sentence.tokens:
            if verb.lemma in words and not inside_quote(sentence, verb):
                found = first_actor(args.subject_of(sentence, verb), resolve)
                if found is not None:
                    speaker = found[1]
                    return replace(speaker, text=token.text, start=token.start, end=token.end,
                                   head=token.index, kind="speaker", name=None,
                                   role=speaker.role or "GOV")
        return None

    def requested(self, sentence: Sentence, found: list[Candidate],
                  resolve: Resolve) -> list[Candidate]:
        """"Совбез ООН по инициативе США провел заседание": the US appealed to the UN to
        meet (data/events/request_markers.tsv)."""
        nouns = {noun for _, noun in self.lexicon.requests}
        for token in (t for t in sentence.tokens if t.lemma in nouns):
            codes = self.lexicon.requests.get((preposition(sentence, token.index) or "",
                                               token.lemma))
            verb = sentence.tokens[token.head] if 0 <= token.head < len(sentence.tokens) else None
            if codes is None or verb is None or verb.pos not in VERBAL:
                continue
            askers = all_actors(args.with_conjuncts(sentence, [
                c for c in children(sentence, token.index)
                if c.rel == "nmod" and not preposition(sentence, c.index)]), resolve)
            doers = (args.passive_agent(sentence, verb) if args.is_passive(sentence, verb)
                     else args.subject_of(sentence, verb))
            asked = first_actor(doers, resolve)
            if not askers or asked is None:
                continue
            code = codes[1] if holds_meeting(sentence, verb, found) else codes[0]
            candidate = Candidate(sentence, Trigger(token, Predicate(
                token.lemma, "noun", code, ("nmod",), ())), askers[0], [asked[1]],
                status_of(sentence, verb, self.lexicon.modality))
            candidate.co_sources = askers[1:]
            found = [c for c in found if c.trigger.token.index != token.index] + [candidate]
        return sorted(found, key=lambda c: c.trigger.token.index)

    def guarded(self, sentence: Sentence, trigger: Trigger, resolve: Resolve) -> bool:
        """A frame in which the verb means something else (data/events/frame_guards.tsv)."""
        if trigger.extra or trigger.predicate.pos != "verb":
            return False
        guards = self.lexicon.guards.get(trigger.token.lemma, frozenset())
        kids = children(sentence, trigger.token.index)
        patients = [c for c in kids if c.rel == "obj"]
        if args.is_passive(sentence, trigger.token):  # "принятый Конгрессом закон"
            patients += args.passive_patient(sentence, trigger.token)
        if "actor-object" in guards and any(
                not ((a := resolve(c)) is not None and a.entity) for c in patients):
            return True
        preps = {preposition(sentence, c.index) for c in kids if c.rel.startswith(("obl",
                                                                                  "nmod"))}
        needed = {g.partition(":")[2] for g in guards if g.startswith("needs:")}
        return bool({f"obl:{p}" for p in preps} & guards) or bool(needed - preps)

    def with_intents(self, sentence: Sentence, found: list[Candidate],
                     resolve: Resolve) -> list[Candidate]:
        """"Боливия готова предоставить убежище": the act is hypothetical, the stated
        intention an asserted 03x (a threat, 13x, when the act is hostile). "Россия
        отказалась выдать X": the act is negated, the refusal an asserted 12x. A promise,
        threat or refusal verb's own generic code gives way to the stance it states."""
        stances = [i for c in found if (i := self.intent(sentence, c, resolve)
                                        or self.refusal(sentence, c, resolve)) is not None]
        stated = {i.trigger.token.index for i in stances}
        kept = [c for c in found if c.trigger.token.index not in stated
                or c.trigger.predicate.cameo[:2] not in ("03", "12", "13")]
        return sorted(kept + stances, key=lambda c: c.trigger.token.index)

    def intent(self, sentence: Sentence, candidate: Candidate,
               resolve: Resolve) -> Candidate | None:
        governor = intent_governor(sentence, candidate.trigger.token, self.lexicon.intents)
        code = self.lexicon.intent_code(candidate.trigger.predicate.cameo)
        stance = self.stance(sentence, candidate, governor, code, resolve)
        if stance is not None:
            candidate.status = "negated" if candidate.status == "negated" else "hypothetical"
        return stance

    def refusal(self, sentence: Sentence, candidate: Candidate,
                resolve: Resolve) -> Candidate | None:
        governor = refusal_governor(sentence, candidate.trigger.token, self.lexicon.modality)
        code = self.lexicon.refusal_code(candidate.trigger.predicate.cameo)
        if candidate.status != "negated":
            return None
        return self.stance(sentence, candidate, governor, code, resolve)

    def stance(self, sentence: Sentence, candidate: Candidate, governor: Token | None,
               code: str | None, resolve: Resolve) -> Candidate | None:
        """The governor's own event: the same actors, the stance's code."""
        if governor is None or code is None or candidate.source is None:
            return None
        sayers = self.carriers | self.lexicon.reporting | self.lexicon.speech
        holders = (governing_subject(sentence, governor, sayers)  # "заявили о желании"
                   if governor.pos == "NOUN" else args.subject_of(sentence, governor))
        speaker = first_actor(holders, resolve)  # "объявил о намерении": the announcer
        if speaker is None or speaker[1].entity != candidate.source.entity:
            return None
        trigger = Trigger(governor, Predicate(governor.lemma, "verb", code, (), ()),
                          (candidate.trigger.token,))
        return replace(candidate, trigger=trigger, notes=candidate.notes - {"mutual"},
                       claimant=None,
                       status=status_of(sentence, governor, self.lexicon.modality))

    def candidate(self, sentence: Sentence, trigger: Trigger,
                  resolve: Resolve) -> Candidate | None:
        if trigger.predicate.pos == "noun" or (trigger.token.pos == "NOUN"
                                               and not mistagged_participle(trigger.token)):
            source_tokens, target_tokens = noun_arguments(
                sentence, trigger, self.carriers, self.lexicon.victim_verbs)
            inner = {t.index for t in trigger.extra}  # "поставки оружия": not an actor
            source_tokens = [t for t in source_tokens if t.index not in inner]
            target_tokens = [t for t in target_tokens if t.index not in inner]
        else:
            source_tokens, target_tokens = verb_arguments(sentence, trigger)
        found_source = first_actor(args.with_conjuncts(sentence, source_tokens), resolve)
        source = found_source[1] if found_source else None
        targets = all_actors(args.with_conjuncts(sentence, target_tokens), resolve)
        named = list(targets)  # targets in the predicate's own slots
        if not targets:
            exclude = {found_source[0].index} if found_source else set()
            targets = self.deep_target(sentence, trigger, exclude, source, resolve)
        if not targets and trigger.predicate.cameo.startswith(PLACE_TARGET_CODES):
            targets = places_hit(sentence, args.with_conjuncts(sentence, target_tokens), source)
            targets = targets or places_hit(sentence, where_tokens(sentence, trigger), source)
        if not targets and source is not None and in_jurisdiction(trigger.predicate.cameo):
            targets = subjects_of(source, [resolve(t) for t in target_tokens])
        status = status_of(sentence, trigger.token, self.lexicon.modality, trigger.extra)
        accused = self.accused(sentence, trigger, resolve)
        if accused is not None:
            source, status = accused, "claimed"
            targets = [t for t in targets if t.entity != accused.entity]
        candidate = Candidate(sentence, trigger, source, targets, status)
        subject = [found_source[0]] if found_source and accused is None else []
        if not (trigger.predicate.pos != "noun" and args.is_passive(sentence, trigger.token)):
            # passive agents act on the patient, not on each other
            candidate.parties = self.parties(sentence, trigger, subject, named, resolve)
        partnered = trigger.predicate.cameo.startswith(MUTUAL_WITH) and any(
            preposition(sentence, t.index) == "с" and resolve(t) in named for t in target_tokens)
        if partnered and candidate.source is None:
            # "Он сообщил, что во время встречи с X они договорились": the speaker met X
            candidate.source = self.reporter(sentence, trigger.token, resolve)
        if not candidate.parties and partnered:
            candidate.notes.add("mutual")  # the partner "с" X did it too
        if subject and not target_tokens:
            between = all_actors(args.with_conjuncts(sentence, between_tokens(
                sentence, trigger)), resolve)
            candidate.targets = between or candidate.targets
        if source is not None:
            candidate.co_sources = [a for a in all_actors(
                args.with_conjuncts(sentence, subject) + co_owners(sentence, subject), resolve)
                if a.entity != source.entity]
        if not targets and source is None and both_sides(sentence, source_tokens) and not (
                names_sides(sentence, trigger.token)):  # not "Российская сторона пообещала"
            candidate.notes.add("both-sides")
        if not targets and source is None and self.sides_of_conflict(sentence, source_tokens):
            candidate.notes.add("conflict-sides")  # the parties of the conflict named before
        if not targets and source is None and any(
                t.pos == "PRON" and t.feat("Number") == "Plur" and t.feat("Person") == "3"
                for t in source_tokens):
            candidate.notes.add("they")  # "X и Y встретились. Они договорились ..."
        if source is None and any(t.pos in args.NOMINAL for t in source_tokens):
            candidate.notes.add("unresolved-source")
            candidate.unplaced_source = next(iter(unplaced(
                args.with_conjuncts(sentence, source_tokens), resolve)), None)
        if not targets:
            candidate.unplaced_targets = unplaced([
                t for t in args.with_conjuncts(sentence, target_tokens)
                if not of_others(sentence, t)], resolve)[:1]
            if any(t.pos in ("PRON", "PROPN") or of_others(sentence, t) or (
                    t.feat("Animacy") == "Anim" and resolve(t) is None) for t in target_tokens):
                candidate.notes.add("unresolved-target")  # "арестовала его": someone unknown
        if status == "claimed":
            candidate.claimant = self.claimant(sentence, trigger.token, resolve)
        elif (status == "asserted" and source is not None and trigger.token.pos in VERBAL
              and trigger.predicate.cameo[:2] in HOSTILE):
            reporter = self.reporter(sentence, trigger.token, resolve)
            if reporter is not None and reporter.entity != source.entity:
                candidate.status, candidate.claimant = "claimed", reporter
        return candidate

    def reporter(self, sentence: Sentence, trigger: Token, resolve: Resolve) -> Actor | None:
        """The party (not a medium) whose statement carries the trigger: the nearest
        reporting or speech verb above it ("МВД извещает о смерти X, убитого ...") or
        beside it ("..., заявили в МИД")."""
        words = self.lexicon.reporting | self.lexicon.speech
        verbs = [h for _, h in zip(range(5), ancestors(sentence, trigger.index), strict=False)
                 if h.lemma in words][:1]
        verbs += [c for c in children(sentence, trigger.index)
                  if c.rel == "parataxis" and c.lemma in words]
        for verb in verbs:
            found = first_actor(args.subject_of(sentence, verb), resolve) or first_actor(
                [c for c in children(sentence, verb.index)  # "заявили в МИД"
                 if c.rel.startswith("obl") and preposition(sentence, c.index) == "в"],
                resolve)
            if found is not None and found[1].role not in ("MED", ""):
                return found[1]
            placeless = [a for a in unplaced(args.subject_of(sentence, verb), resolve)
                         if a.role != "MED"]  # "МВД извещает": the article's home decides
            if found is None and placeless:
                return placeless[0]
        return None

    def parties(self, sentence: Sentence, trigger: Trigger, source_tokens: list[Token],
                targets: list[Actor], resolve: Resolve) -> list[Actor]:
        """Actors of a reciprocal act: coordinated subjects with no target, or "между X и Y"
        when nobody else is named as the agent (a mediator "между X и Y" acts on both)."""
        between = [] if source_tokens else between_tokens(sentence, trigger)
        mutual = trigger.predicate.cameo[:2] in RECIPROCAL_ROOTS or any(
            t.lemma in MUTUAL_WORDS for t in sentence.tokens)
        group = between or ([] if targets or not mutual else source_tokens)
        actors = all_actors(args.with_conjuncts(sentence, group), resolve)
        if not two_sides(actors) and group and not between:
            actors = shared_head_parties(sentence, group[0], resolve)
        return actors if two_sides(actors) else []

    def accused(self, sentence: Sentence, trigger: Trigger, resolve: Resolve) -> Actor | None:
        """"США обвинили Иран в поставках оружия": the act an accusation names is claimed,
        and its agent is the accused, not the accuser."""
        token = trigger.token
        head = sentence.tokens[token.head] if 0 <= token.head < len(sentence.tokens) else None
        if (token.pos != "NOUN" or head is None or not token.rel.startswith("obl")
                or preposition(sentence, token.index) != "в"):
            return None
        if not any(p.cameo.startswith("112") for p in self.lexicon.verbs.get(head.lemma, [])):
            return None
        found = first_actor(args.with_conjuncts(sentence, slot(sentence, head, "obj")), resolve)
        return found[1] if found else None

    def deep_target(self, sentence: Sentence, trigger: Trigger, exclude: set[int],
                    source: Actor | None, resolve: Resolve) -> list[Actor]:
        tokens = args.deep_candidates(sentence, trigger.token, exclude)
        head = governing_verb(sentence, trigger.token)
        if trigger.predicate.pos == "noun" and head is not None:
            tokens += args.deep_candidates(sentence, head, exclude | {trigger.token.index})
        if args.is_passive(sentence, trigger.token):
            for patient in args.passive_patient(sentence, trigger.token):
                # "соглашение с Бразилией было подписано": the partner inside the patient
                tokens += args.deep_candidates(sentence, patient, exclude)
        for token in tokens:
            actor = resolve(token)
            if actor is not None and actor.entity and (source is None
                                                       or actor.entity != source.entity):
                return [actor]
        return []

    def claimant(self, sentence: Sentence, trigger: Token, resolve: Resolve) -> Actor | None:
        governor = claim_governor(sentence, trigger, self.lexicon.modality)
        if governor is None:
            return None
        found = first_actor(args.subject_of(sentence, governor), resolve)
        return found[1] if found else None


# Acts of state power over people (arrest, trial, conviction, deportation, ban) and
# protests: a target the text ties to no country ("суд арестовал кандидата Юлию
# Галямину", "митинг против правительства") belongs to the acting side's own state.
JURISDICTION_CODES = ("14", "17", "116", "0841")


# Acts done to a place: its state is the target ("обстреляли Харьков", "удар по
# Белгородской области", "посетил Мариуполь").
PLACE_TARGET_CODES = ("042", "18", "19", "20")


# Requests and demands (02, 10) and the answers that refuse or grant them (12, 03).
ASKING = ("02", "10")
ANSWERING = ("12", "030", "031", "033", "034")


def answered(found: list[Candidate]) -> list[Candidate]:
    """"США потребовали выдать его, но Путин в этом отказал": the answer is to the asker,
    and the demand was made of the one who answers."""
    for answer in found:
        by = answer.source
        if answer.targets or by is None or not answer.trigger.predicate.cameo.startswith(
                ANSWERING):
            continue
        asks = [(c, c.source) for c in found
                if c.trigger.token.index < answer.trigger.token.index and c.source is not None
                and c.source.entity != by.entity and c.trigger.predicate.cameo.startswith(ASKING)]
        if asks:
            ask, asker = asks[-1]
            answer.targets = [asker]
            ask.targets = ask.targets or [by]
    return found


def where_tokens(sentence: Sentence, trigger: Trigger) -> list[Token]:
    """The place a relative "где"/"куда" clause with the trigger describes ("аэропорт, куда
    он прибыл")."""
    return [w for _, w in where_words(sentence, trigger.tokens)]


def places_hit(sentence: Sentence, tokens: list[Token], source: Actor | None) -> list[Actor]:
    for token in tokens:
        entry = place_at(sentence, token, frozenset())
        if entry is not None and entry.country and (source is None
                                                    or entry.country != source.entity):
            return [Actor(text=token.text, entity=entry.country, kind="place",
                          start=token.start, end=token.end, head=token.index)]
    return []


def intent_governor(sentence: Sentence, token: Token, intents: frozenset[str]) -> Token | None:
    """The word stating an intention to do `token`: "намерена ввести", "готов к переговорам",
    "выступает за диалог"."""
    if not 0 <= token.head < len(sentence.tokens) or token.head == token.index:
        return None
    head = sentence.tokens[token.head]
    if head.lemma not in intents:
        return None
    if token.rel == "xcomp" or (token.rel == "obl"
                                and preposition(sentence, token.index) in ("к", "за")) or (
            head.pos == "NOUN" and token.feat("VerbForm") == "Inf"):  # "намерение отозвать"
        return head
    return None


def refusal_governor(sentence: Sentence, token: Token,
                     modality: dict[str, str]) -> Token | None:
    """The refusal verb of "отказалась выдать", "отказался от переговоров"."""
    if not 0 <= token.head < len(sentence.tokens) or token.head == token.index:
        return None
    head = sentence.tokens[token.head]
    if modality.get(head.lemma) != "refusal":
        return None
    if token.rel == "xcomp" or (token.rel.startswith("obl")
                                and preposition(sentence, token.index) == "от"):
        return head
    return None


def in_jurisdiction(code: str) -> bool:
    return code.startswith(JURISDICTION_CODES)


def subjects_of(source: Actor, actors: list[Actor | None]) -> list[Actor]:
    return [replace(a, entity=source.entity, role=a.role or "CVL", kind="jurisdiction")
            for a in actors
            if a is not None and not a.entity and (a.role or a.name)
            and source.entity not in igo_codes()]


def led_group(sentence: Sentence, head: Token, actor: Actor | None,
              resolve: Resolve) -> Actor | None:
    """"Военная коалиция во главе с Саудовской Аравией": the leader's state, the group's
    own role (MIL)."""
    if actor is None or actor.entity or not actor.role:
        return actor
    leader = first_actor(args.led_by(sentence, head), resolve)
    return replace(actor, entity=leader[1].entity, kind="led") if leader else actor


def of_others(sentence: Sentence, head: Token) -> bool:
    """"Президенты других стран", "иные ведомства": not the ones named before."""
    owners = [head] + genitive_chain(sentence, head)
    return any(c.lemma in OTHERS and c.rel in ("amod", "det")
               for owner in owners for c in children(sentence, owner.index))


OTHERS = frozenset({"другой", "иной", "остальной", "прочий"})


def city_owned(sentence: Sentence, head: Token, actor: Actor | None) -> Actor | None:
    """A body of a city ("Федеральный суд Южного округа Нью-Йорка", "полиция Бирмингема")
    belongs to the city's country."""
    from dyad.actors.mentions import ner_type_at
    from dyad.places.locate import place_at

    if actor is None or actor.entity or not actor.role:
        return actor
    for owner in genitive_chain(sentence, head):
        entry = place_at(sentence, owner, frozenset()) if owner.pos == "PROPN" and (
            ner_type_at(sentence, owner) == "LOC") else None
        if entry is not None and entry.country:
            return replace(actor, entity=entry.country, kind="city")
    return actor


def genitive_chain(sentence: Sentence, head: Token, depth: int = 3) -> list[Token]:
    """The genitives a noun governs, and theirs ("суд округа Нью-Йорка")."""
    found: list[Token] = []
    for child in children(sentence, head.index):
        if child.rel == "nmod" and child.feat("Case") == "Gen" and not preposition(
                sentence, child.index):
            found.append(child)
            if depth > 1:
                found += genitive_chain(sentence, child, depth - 1)
    return found


def city_country(sentence: Sentence) -> str | None:
    """The one country of the places a sentence is set in ("в Екатеринбурге")."""
    from dyad.places.locate import is_locative, place_at

    found = set()
    for token in sentence.tokens:
        if token.pos == "PROPN" and is_locative(sentence, token):
            entry = place_at(sentence, token, frozenset())
            if entry is not None and entry.country:
                found.add(entry.country)
    return found.pop() if len(found) == 1 else None


def between_tokens(sentence: Sentence, trigger: Trigger) -> list[Token]:
    """"между X и Y" under the trigger, under a light construction's noun, or under the verb
    an event noun is the subject of ("Между X и Y произошла стычка")."""
    words = list(trigger.tokens)
    token = trigger.token
    if token.pos == "NOUN" and token.rel.startswith("nsubj") and 0 <= token.head < len(
            sentence.tokens) and sentence.tokens[token.head].pos in VERBAL:
        words.append(sentence.tokens[token.head])
    return [t for word in words for t in children(sentence, word.index)
            if preposition(sentence, t.index) == "между"]


def shared_head_parties(sentence: Sentence, head: Token, resolve: Resolve) -> list[Actor]:
    """"Войска России и Украины вели бои": coordinated owners of one head noun, each with
    the head's role."""
    actor = resolve(head)
    owners = [c for c in children(sentence, head.index)
              if c.rel == "nmod" and not preposition(sentence, c.index)]
    found = all_actors(args.with_conjuncts(sentence, owners[:1]), resolve)
    role = actor.role if actor is not None else ""
    return [replace(a, role=a.role or role) for a in found]


MEETING_NOUNS = frozenset({"заседание", "встреча", "переговоры", "консультация",
                           "саммит", "совещание"})


def holds_meeting(sentence: Sentence, verb: Token, found: list[Candidate]) -> bool:
    """The verb holds a meeting: a meeting noun as its object, or a 04 act of its own."""
    return any(c.rel == "obj" and c.lemma in MEETING_NOUNS
               for c in children(sentence, verb.index)) or any(
        c.trigger.token.index == verb.index and c.trigger.predicate.cameo.startswith("04")
        for c in found)


def followed(sentence: Sentence, found: list[Candidate], resolve: Resolve) -> list[Candidate]:
    """"Моралес вслед за коллегами из Венесуэлы и Никарагуа сообщил, что готов ...": the
    parties followed did the same, so they are co-agents of the acts below that verb."""
    for word in (t for t in sentence.tokens if t.lemma == "вслед"):
        leaders = [c for c in children(sentence, word.index)
                   if preposition(sentence, c.index) == "за"]
        owners = [g for c in leaders for g in children(sentence, c.index)
                  if g.rel == "nmod"]
        actors = all_actors(args.with_conjuncts(sentence, leaders + owners), resolve)
        for candidate in found:
            above = {a.index for a in ancestors(sentence, candidate.trigger.token.index)}
            if word.head in above | {candidate.trigger.token.index} and candidate.source:
                candidate.co_sources += [a for a in actors
                                         if not same_actor(a, candidate.source)]
    return found


def addressee(sentence: Sentence, word: Token, resolve: Resolve) -> Actor | None:
    """The subject of a "чтобы" clause under a wish word: who is to act."""
    for clause in children(sentence, word.index):
        if clause.rel in ("ccomp", "acl", "advcl", "csubj") and any(
                m.lemma == "чтобы" for m in children(sentence, clause.index)):
            found = first_actor([c for c in children(sentence, clause.index)
                                 if c.rel == "nsubj"], resolve)
            return found[1] if found else None
    return None


# First-person plural words that stand for the speaker's side inside a quote.
WE = frozenset({"мы", "наш"})


def inside_quote(sentence: Sentence, token: Token) -> bool:
    """Whether a word stands between « and » (counted from the sentence's start)."""
    before = sentence.text[:token.start - sentence.start]
    return before.count("«") > before.count("»")


def relative_antecedent(sentence: Sentence, token: Token) -> Token | None:
    """"аль-Хуси, который был убит": the noun a relative "который" stands for."""
    if token.lemma != "который" or not 0 <= token.head < len(sentence.tokens):
        return None
    clause = sentence.tokens[token.head]
    if clause.rel != "acl:relcl" or not 0 <= clause.head < len(sentence.tokens):
        return None
    head = sentence.tokens[clause.head]
    return head if head.pos in args.NOMINAL and head.lemma != "который" else None


def co_owners(sentence: Sentence, heads: list[Token]) -> list[Token]:
    """"силами ВМС США и береговой охраны Йемена": the second owner of the agent noun."""
    return [c for head in heads for owner in children(sentence, head.index)
            if owner.rel == "nmod" and not preposition(sentence, owner.index)
            for c in args.coordinated(sentence, owner)]


def unplaced(tokens: list[Token], resolve: Resolve) -> list[Actor]:
    """Sector actors with no state ("протестующие"); unknown people stay unresolved."""
    return [a for t in tokens if (a := resolve(t)) is not None and not a.entity and a.role
            and a.kind != "person" and not a.name]


def two_sides(actors: list[Actor]) -> bool:
    """Two different parties: two states, or one state's sides told apart by their roles
    ("между правительственными войсками и оппозицией" in Syria)."""
    return any(not same_actor(a, b) for a in actors for b in actors)


def same_actor(a: Actor | None, b: Actor | None) -> bool:
    """Same entity, unless two different non-empty roles tell them apart."""
    if a is None or b is None or a.entity != b.entity:
        return False
    return not (a.role and b.role and a.role != b.role)
