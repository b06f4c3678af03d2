"""Where a predicate's actors sit in the UD tree: slots, subjects passed along conj/xcomp,
passive agents, and a deep search that survives misattached objects."""

from __future__ import annotations

import re
from collections import deque
from functools import lru_cache

from dyad import data
from dyad.nlp.tree import CLAUSE_RELS, children, preposition
from dyad.records import Sentence, Token

NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})
CORE_SLOTS = frozenset({"nsubj", "obj", "iobj", "nsubj:pass"})
LOCATIVE_PREPS = frozenset({"в", "на", "во", "у", "при", "около", "близ", "возле", "под",
                            "из", "через", "после", "до", "во_время", "в_ходе", "в_течение"})
NOT_ACTOR_RELS = CLAUSE_RELS | {"punct", "cc", "mark", "case", "advmod", "aux", "aux:pass",
                                "cop", "det", "nummod", "nummod:gov", "parataxis"}


def is_passive(sentence: Sentence, trigger: Token) -> bool:
    rels = {c.rel for c in children(sentence, trigger.index)}
    if "nsubj:pass" in rels or "aux:pass" in rels:
        return True
    if trigger.pos in ("NOUN", "ADJ"):  # a participle the tagger took for a noun
        return PASSIVE_PARTICIPLE.search(trigger.text.lower().replace("ё", "е")) is not None
    return trigger.feat("Voice") == "Pass" and trigger.feat("VerbForm") in ("Part", "")


# "казнённому", "убитого", "задержанные": passive participle endings.
PASSIVE_PARTICIPLE = re.compile(r"(нн|т)(ый|ий|ая|ое|ые|ого|ому|ым|ом|ой|ую|ых|ыми|ыйся)$")


def slot_tokens(sentence: Sentence, trigger: Token, slot: str) -> list[Token]:
    kind, _, prep = slot.partition(":")
    kids = children(sentence, trigger.index)
    if slot == "nsubj:pass":
        return [c for c in kids if c.rel == "nsubj:pass"]
    if kind in ("nsubj", "obj", "iobj"):
        found = [c for c in kids if c.rel == kind]
        subjects, displaced = split_subjects(sentence, trigger, kids)
        if kind == "nsubj":
            found = subjects
        elif kind == "obj":
            found += displaced
        return found or [c for c in kids if bare_case(sentence, c, kind)]
    if kind in ("obl", "nmod"):
        found = [c for c, p in obliques(sentence, kids) if p == prep]
        return adjacent_genitives(found) if slot == "nmod" and trigger.pos == "NOUN" else found
    if kind == "amod":
        return [c for c in kids if c.rel == "amod"]
    return []


def adjacent_genitives(found: list[Token]) -> list[Token]:
    """A noun has one genitive (with its own genitive right after it: "стычка военных
    Индии"); one further away is the parser's misattachment ("о высылке дипломатов после
    сообщений о гибели мирных жителей")."""
    kept = found[:1]
    for token in found[1:]:
        if token.index != kept[-1].index + 1:
            break
        kept.append(token)
    return kept


def split_subjects(sentence: Sentence, verb: Token,
                   kids: list[Token]) -> tuple[list[Token], list[Token]]:
    """Two subjects on one verb ("Бэ Чжун Хо посетили представители посольства", object
    first): the one agreeing with the verb in number is the subject, the other its object."""
    subjects = [c for c in kids if c.rel == "nsubj"]
    if len(subjects) < 2 or not verb.feat("Number"):
        return subjects, []
    agreeing = [c for c in subjects if plural(sentence, c) == (verb.feat("Number") == "Plur")]
    if not agreeing or len(agreeing) == len(subjects):
        return subjects, []
    return agreeing, [c for c in subjects if c not in agreeing]


def plural(sentence: Sentence, noun: Token) -> bool:
    return noun.feat("Number") == "Plur" or any(
        c.rel == "conj" for c in children(sentence, noun.index))


# Nouns that form multi-word prepositions the parser splits: "в адрес России" is parsed
# as "в адрес" with "России" hanging from "адрес"; it is one preposition "в_адрес".
PREPOSITION_NOUNS = frozenset({"адрес", "отношение", "сторона"})


def obliques(sentence: Sentence, kids: list[Token]) -> list[tuple[Token, str]]:
    """(nominal, its preposition) for oblique and nominal-modifier children."""
    found = []
    for child in kids:
        if child.rel.split(":")[0] not in ("obl", "nmod"):
            continue
        prep = preposition(sentence, child.index)
        found.append((child, prep))
        if child.lemma in PREPOSITION_NOUNS and prep:
            compound = f"{prep}_{child.text.lower()}"
            found += [(g, compound) for g in children(sentence, child.index)
                      if g.rel.startswith("nmod") and not preposition(sentence, g.index)]
    return found


def bare_case(sentence: Sentence, token: Token, kind: str) -> bool:
    wanted = {"obj": "Acc", "iobj": "Dat"}.get(kind)
    return (wanted is not None and token.rel.split(":")[0] in ("obl", "nmod")
            and token.feat("Case") == wanted and not preposition(sentence, token.index))


def with_conjuncts(sentence: Sentence, tokens: list[Token]) -> list[Token]:
    found = list(tokens)
    for token in tokens:
        found += coordinated(sentence, token)
        for named in represented(sentence, token):
            found += [named, *coordinated(sentence, named)]
    return found


def represented(sentence: Sentence, token: Token) -> list[Token]:
    """"агрессоров в лице США, Израиля ...": who a group noun stands for ("в лице" under
    the noun, or beside it where the parser hangs it on the same head); "коалиция во главе
    с Саудовской Аравией": who leads it."""
    holders = [token] + ([sentence.tokens[token.head]] if 0 <= token.head < len(
        sentence.tokens) else [])
    faces = [n for holder in holders for face in children(sentence, holder.index)
             if face.lemma == "лицо" and face.index > token.index
             and preposition(sentence, face.index) == "в"
             for n in children(sentence, face.index) if n.rel == "nmod" and n.pos in NOMINAL]
    return faces + led_by(sentence, token)


def led_by(sentence: Sentence, token: Token) -> list[Token]:
    """The leader in "X во главе с Y", read off the words (the parser scatters them)."""
    words = sentence.tokens[token.index + 1: token.index + LEADER_WINDOW]
    lemmas = [w.lemma for w in words]
    for i in range(len(lemmas) - 2):
        if lemmas[i:i + 3] == ["в", "глава", "с"]:
            return [w for w in words[i + 3:] if w.pos in NOMINAL and w.feat("Case") == "Ins"][:1]
    return []


LEADER_WINDOW = 8  # "коалиция арабских стран во главе с": the phrase follows closely


def coordinated(sentence: Sentence, token: Token) -> list[Token]:
    """Nominal conjuncts up to the one joined by "и"/"или": in "между войсками и
    оппозицией, США и их союзники ..." the parser also hangs "США" on the list."""
    found = []
    for conj in (c for c in children(sentence, token.index) if c.rel == "conj"):
        if conj.pos in NOMINAL:
            found.append(conj)
        if any(c.rel == "cc" and c.lemma in ("и", "или") for c in children(
                sentence, conj.index)):
            break
    return found


def subject_of(sentence: Sentence, trigger: Token, hops: int = 0,
               sharer: Token | None = None) -> list[Token]:
    """The trigger's subject, else one inherited from the clause it depends on. `sharer`:
    the conjoined verb asking for a subject it shares with this one."""
    own = slot_tokens(sentence, trigger, "nsubj") or stray_subject(sentence, trigger)
    if own or hops > 4 or not 0 <= trigger.head < len(sentence.tokens):
        return own
    head = sentence.tokens[trigger.head]
    if trigger.rel == "conj" or (trigger.rel == "advcl" and trigger.feat("VerbForm") == "Conv"):
        return subject_of(sentence, head, hops + 1, sharer or trigger)
    if trigger.rel in ("xcomp", "csubj") and trigger.feat("VerbForm") == "Inf" and (
            experiencer := impersonal_experiencer(sentence, head)):
        return experiencer  # "Им удалось достигнуть соглашений": they reached them
    if trigger.rel == "xcomp":
        return slot_tokens(sentence, head, "obj") or subject_of(sentence, head, hops + 1)
    if (trigger.feat("VerbForm") == "Inf" and trigger.rel in ("nmod", "acl")
            and head.pos == "NOUN" and 0 <= head.head < len(sentence.tokens)):
        # "объявил о намерении отозвать": the controller is the subject of the noun's verb,
        # or its object when it has one ("обвинил Израиль в попытке взять")
        verb = sentence.tokens[head.head]
        return slot_tokens(sentence, verb, "obj") or subject_of(sentence, verb, hops + 1)
    if trigger.rel == "ccomp" and not is_passive(sentence, trigger) and not any(
            c.lemma == "чтобы" for c in children(sentence, trigger.index)):
        speaker = subject_of(sentence, head, hops + 1)  # "заявил, что готов ...": the speaker
        return [] if speaker and disagree(sentence, sharer or trigger, speaker[0]) else speaker
    if trigger.rel.startswith("acl") and trigger.feat("VerbForm") == "Part":
        return [head] if trigger.feat("Voice") != "Pass" else []
    return []


def disagree(sentence: Sentence, verb: Token, subject: Token) -> bool:
    """"Великобритания заявила, что шпиона отравили": a plural verb with no subject of its
    own is indefinite (someone poisoned him), not the singular speaker's act."""
    plural = subject.feat("Number") == "Plur" or any(
        c.rel == "conj" for c in children(sentence, subject.index))
    number = verb.feat("Number") if verb.feat("VerbForm") == "Fin" else None
    return bool(number) and bool(subject.feat("Number")) and (number == "Plur") != plural


def impersonal_experiencer(sentence: Sentence, head: Token) -> list[Token]:
    """The dative of a verb with no subject ("Им удалось", "Путину пришлось")."""
    kids = children(sentence, head.index)
    if any(c.rel.startswith("nsubj") for c in kids):
        return []
    return [c for c in kids if c.rel in ("iobj", "obl") and c.feat("Case") == "Dat"
            and not preposition(sentence, c.index)][:1]


def stray_subject(sentence: Sentence, verb: Token) -> list[Token]:
    """A subject before the verb that the parser hung on a later clause of it ("Путин в
    этом отказал, хотя и выразил ...": "Путин" under "выразил")."""
    if verb.feat("VerbForm") != "Fin":
        return []
    for clause in children(sentence, verb.index):
        if clause.rel in ("advcl", "conj") and clause.index > verb.index:
            found = [c for c in children(sentence, clause.index)
                     if c.rel == "nsubj" and c.index < verb.index]
            if found:
                return found
    return nested_subject(sentence, verb)


def nested_subject(sentence: Sentence, verb: Token) -> list[Token]:
    """A nominative noun before the verb that the parser hung under the verb's object
    ("Россиянам МИД советует": "МИД" under "Россиянам"), agreeing with the verb."""
    for argument in children(sentence, verb.index):
        if argument.index > verb.index or argument.rel not in ("obj", "iobj", "obl"):
            continue
        found = [c for c in children(sentence, argument.index)
                 if c.rel == "nmod" and c.index < verb.index and c.feat("Case") == "Nom"
                 and c.pos in ("NOUN", "PROPN") and not preposition(sentence, c.index)
                 and c.feat("Number") == (verb.feat("Number") or c.feat("Number"))]
        if found:
            return found[:1]
    return []


def passive_agent(sentence: Sentence, trigger: Token) -> list[Token]:
    kids = children(sentence, trigger.index)
    marked = [g for c in kids if (preposition(sentence, c.index), c.lemma) in agent_markers()
              for g in children(sentence, c.index) if g.rel == "nmod"]
    instrumental = [c for c in kids if c.rel.startswith("obl") and c.feat("Case") == "Ins"
                    and not preposition(sentence, c.index) and not c.lemma == "рука"]
    by_side = [c for c in kids if preposition(sentence, c.index) == "с_стороны"]
    return marked or instrumental or by_side


@lru_cache(maxsize=1)
def agent_markers() -> frozenset[tuple[str, str]]:
    """(preposition, noun) pairs naming an agent: "по приказу X", "от рук X"."""
    rows = data.load_tsv(data.AGENT_MARKERS, ("noun",))
    return frozenset((r["preposition"], r["noun"]) for r in rows)


def in_participle_phrase(sentence: Sentence, trigger: Token, slots: list[str]) -> list[Token]:
    """Prepositional arguments inside a participle's phrase that the parser hung outside it
    ("Оружие, изъятое у граждан США полицией, ...": "у граждан" on the main verb)."""
    if not (trigger.rel.startswith("acl") and trigger.feat("VerbForm") == "Part"):
        return []
    preps = {name.partition(":")[2] for name in slots}
    end = next((t.index for t in sentence.tokens[trigger.index + 1:]
                if t.text in PHRASE_ENDS), len(sentence.tokens))
    inside = range(trigger.index, end)
    return [t for t in sentence.tokens[trigger.index + 1:end]
            if t.rel.split(":")[0] in ("obl", "nmod") and t.head not in inside
            and preposition(sentence, t.index) in preps]


PHRASE_ENDS = frozenset({",", ";", "(", ")", "—", "–", ":"})


def passive_patient(sentence: Sentence, trigger: Token) -> list[Token]:
    found = slot_tokens(sentence, trigger, "nsubj:pass") or slot_tokens(sentence, trigger,
                                                                         "nsubj")
    if not found and trigger.rel.startswith("acl") and 0 <= trigger.head < len(
            sentence.tokens):
        found = [sentence.tokens[trigger.head]]
    return found


def deep_candidates(sentence: Sentence, trigger: Token, exclude: set[int],
                    max_depth: int = 4) -> list[Token]:
    """Nominals below the trigger's non-clausal, non-locative arguments, nearest first."""
    queue = deque((c, 1) for c in children(sentence, trigger.index) if allowed(sentence, c))
    seen, found = {trigger.index}, []
    while queue:
        token, depth = queue.popleft()
        if token.index in seen or token.index in exclude:
            continue
        seen.add(token.index)
        if token.pos in NOMINAL | {"ADJ"}:
            found.append(token)
        if depth < max_depth:
            queue.extend((c, depth + 1) for c in children(sentence, token.index)
                         if allowed(sentence, c))
    return found


def allowed(sentence: Sentence, token: Token) -> bool:
    if token.rel in NOT_ACTOR_RELS or token.rel.startswith("nsubj"):
        return False
    prep = preposition(sentence, token.index)
    if prep == "на" and token.feat("Case") == "Acc":
        return True  # "нападение на X": a direction, not a place
    return prep not in LOCATIVE_PREPS
