"""An event's status: asserted, claimed, negated or hypothetical, from the words around
its predicate (data/events/modality.tsv)."""

from __future__ import annotations

from dyad.nlp.tree import ancestors, children, preposition
from dyad.records import Sentence, Token

UPWARD = frozenset({"xcomp", "ccomp", "conj", "advcl", "csubj", "obj", "nsubj", "nsubj:pass",
                    "acl", "parataxis"})
EMBEDDING = frozenset({"ccomp", "xcomp", "csubj", "obj", "nsubj", "nsubj:pass"})
NEGATION_RELS = frozenset({"advmod", "discourse", "dep", "det", "cc"})


def kinds_below(sentence: Sentence, token: Token, modality: dict[str, str]) -> set[str]:
    kinds = set()
    for child in children(sentence, token.index):
        kind = modality.get(child.lemma)
        if kind == "negation" and child.rel in NEGATION_RELS:
            kinds.add("negation")
        elif kind in ("claim", "hypothetical") and child.rel in ("advmod", "mark", "aux",
                                                                   "discourse", "parataxis"):
            kinds.add(kind)
        elif kind == "attribution" and preposition(sentence, child.index) == "по":
            kinds.add("claim")
        elif kind == "hypothetical" and preposition(sentence, child.index) == "в":
            kinds.add("hypothetical")
    return kinds


def governors(sentence: Sentence, token: Token, limit: int = 4) -> list[Token]:
    """The predicates whose complement this token is, nearest first."""
    found: list[Token] = []
    current = token
    for head in ancestors(sentence, token.index):
        if current.rel.split(":")[0] not in {r.split(":")[0] for r in UPWARD} or len(
                found) >= limit:
            break
        found.append(head)
        current = head
    return found


def claim_governor(sentence: Sentence, trigger: Token, modality: dict[str, str]) -> Token | None:
    for head in governors(sentence, trigger):
        if modality.get(head.lemma) == "claim":
            return head
    return None


# Prepositions by which a refusal, request or plan takes an event noun as its content:
# "отказался от визита", "попросила о помиловании", "призвал к прекращению огня",
# "выступает за диалог".
COMPLEMENT_PREPS = frozenset({"от", "о", "к", "за"})


def direct_governor(sentence: Sentence, trigger: Token, heads: list[Token]) -> list[Token]:
    """The word whose complement the trigger is: "отказалась осудить", "воздержалась от
    критики", "попросила о помиловании"."""
    if trigger.rel in ("xcomp", "obj", "nsubj", "nsubj:pass", "csubj"):
        return heads[:1]
    noun = trigger
    for _ in range(2):  # "о введении санкций": the event noun under a nominalisation
        if noun.rel != "nmod" or not 0 <= noun.head < len(sentence.tokens):
            break
        noun = sentence.tokens[noun.head]
    if (noun.rel.startswith("obl") and preposition(sentence, noun.index) in COMPLEMENT_PREPS
            and 0 <= noun.head < len(sentence.tokens)):
        return [sentence.tokens[noun.head]]
    return []


def nearer_stance(sentence: Sentence, trigger: Token, direct: list[Token],
                  modality: dict[str, str]) -> list[Token]:
    """The parser may hang "о помиловании" on an earlier verb ("встретился с матерью,
    которая попросила его о помиловании"): a request or refusal verb standing between that
    verb and the event noun governs it."""
    if len(direct) != 1 or preposition(sentence, trigger.index) not in COMPLEMENT_PREPS:
        return direct
    between = [t for t in sentence.tokens[direct[0].index + 1: trigger.index]
               if t.pos == "VERB" and modality.get(t.lemma) in ("hypothetical", "refusal")]
    return between[-1:] or direct


def stopped(sentence: Sentence, trigger: Token, modality: dict[str, str]) -> bool:
    """An act named as what is being stopped: "по остановке наступления"."""
    head = sentence.tokens[trigger.head] if 0 <= trigger.head < len(sentence.tokens) else None
    return (head is not None and trigger.rel == "nmod" and trigger.feat("Case") == "Gen"
            and modality.get(head.lemma) == "cessation")


def under_regime(sentence: Sentence, trigger: Token, modality: dict[str, str]) -> bool:
    """An act named as a standing order ("в нарушение режима санкций"): no new act."""
    head = sentence.tokens[trigger.head] if 0 <= trigger.head < len(sentence.tokens) else None
    return (head is not None and trigger.rel == "nmod" and trigger.feat("Case") == "Gen"
            and modality.get(head.lemma) == "regime")


def conjecture(sentence: Sentence, trigger: Token, modality: dict[str, str]) -> bool:
    """An act named as the content of a version or belief ("версии о столкновении с
    птицами"): possible, not reported as fact."""
    if trigger.rel == "conj" and 0 <= trigger.head < len(sentence.tokens):
        trigger = sentence.tokens[trigger.head]  # "о столкновении ... или взрыве"
    head = sentence.tokens[trigger.head] if 0 <= trigger.head < len(sentence.tokens) else None
    return (head is not None and head.pos == "NOUN" and trigger.rel == "nmod"
            and preposition(sentence, trigger.index) == "о"
            and modality.get(head.lemma) in ("attribution", "claim"))


def is_future(token: Token, sentence: Sentence | None = None) -> bool:
    """"подпишет", "будет оспаривать", "будет подписан"."""
    if token.feat("Tense") == "Fut" and token.feat("Aspect") == "Perf":
        return True
    return sentence is not None and any(
        c.rel in ("aux", "aux:pass") and c.text.lower() in FUTURE_AUX
        for c in children(sentence, token.index))


# The parser tags "будет" as present tense: the forms themselves mark the future.
FUTURE_AUX = frozenset({"буду", "будешь", "будет", "будем", "будете", "будут"})


def status_of(sentence: Sentence, trigger: Token, modality: dict[str, str],
              extra: tuple[Token, ...] = ()) -> str:
    own = set().union(*(kinds_below(sentence, t, modality) for t in (trigger, *extra)))
    if "negation" in own:
        return "negated"
    heads = governors(sentence, trigger)
    direct = nearer_stance(sentence, trigger, direct_governor(sentence, trigger, heads),
                           modality)
    if any(modality.get(h.lemma) == "refusal" for h in direct) or stopped(sentence, trigger,
                                                                           modality):
        return "negated"
    if "hypothetical" in own or is_future(trigger, sentence) or conjecture(
            sentence, trigger, modality) or any(
            modality.get(h.lemma) == "hypothetical" for h in direct):
        return "hypothetical"
    if any(modality.get(h.lemma) == "claim" for h in heads) or "claim" in own:
        return "claimed"
    if any("claim" in kinds_below(sentence, h, modality) for h in heads):
        return "claimed"
    return "asserted"
