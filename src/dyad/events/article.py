"""Article-level event assembly: implicit targets, claims as accusations, final records."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from functools import lru_cache

from dyad import data
from dyad.actors.dictionary import igo_codes
from dyad.actors.mentions import Mention
from dyad.events.cameo import lookup
from dyad.events.coder import Candidate, same_actor
from dyad.places.locate import place_of
from dyad.records import Actor, Event, Evidence, Place

IMPLICIT_ROOTS = frozenset({"02", "03", "04", "05", "10", "11", "12", "13", "16", "17", "18",
                            "19"})
ACCUSE = "112"
# A state named bare acts through its government in talk, cooperation, pressure and
# sanctions (01-14, 16: the dev gold codes "Россия выслала ..." RUS/GOV), through its
# military in force (15, 18-20); coercion (17) keeps "the state as a whole".
DEFAULT_ROLES = {"15": "MIL", "19": "MIL", "20": "MIL",
                 **{f"{root:02d}": "GOV" for root in range(1, 17) if root != 15}}
MAX_EVIDENCE = 220
BARE_KINDS = frozenset({"state", "capital", "adjective", "implicit"})


def counterparts(mentions: list[Mention]) -> list[tuple[str, str]]:
    """The article's main entities, most mentioned first, each with its usual role."""
    mentions = [m for m in mentions if not outlet(m)]
    entities = Counter(m.entry.entity for m in mentions if m.has_entity and m.entry.entity)
    roles: dict[str, Counter[str]] = {}
    for m in mentions:
        if m.has_entity and m.entry.entity:
            roles.setdefault(m.entry.entity, Counter())[m.entry.role] += 1
    return [(e, usual_role(roles[e])) for e, n in entities.most_common(3) if n >= 2]


def home(mentions: list[Mention]) -> str | None:
    """The state an article is about when one dominates its mentions (at least three, and
    twice the next): unplaced sector actors ("протестующие", "полиция") belong to it."""
    counts = Counter(m.entry.entity for m in mentions if not outlet(m) and m.has_entity
                     and m.entry.entity and m.entry.kind in HOME_KINDS).most_common(2)
    if not counts or counts[0][1] < 3 or (len(counts) > 1 and counts[0][1] < 2 * counts[1][1]):
        return None
    return counts[0][0] if counts[0][0] not in igo_codes() else None


HOME_KINDS = frozenset({"state", "capital", "adjective", "demonym", "seat", "person",
                        "body"})


def housed(candidate: Candidate, country: str | None) -> Candidate:
    """Unplaced actors of a candidate given the article's home state; a protest naming no
    target is against its protesters' own government."""
    if country is not None and candidate.source is None and candidate.unplaced_source:
        candidate.source = replace(candidate.unplaced_source, entity=country, kind="home")
        candidate.notes.discard("unresolved-source")
    if country is not None and not candidate.targets and candidate.unplaced_targets:
        candidate.targets = [replace(a, entity=country, kind="home")
                             for a in candidate.unplaced_targets]
    claimant = candidate.claimant
    if country is not None and claimant is not None and not claimant.entity:
        candidate.claimant = replace(claimant, entity=country, kind="home")
    source = candidate.source
    if (not candidate.targets and source is not None and source.role in PROTESTERS
            and candidate.trigger.predicate.cameo.startswith("14")):
        candidate.targets = [Actor(text="", entity=source.entity, role="GOV",
                                   kind="implicit")]
    return candidate


def claimed_attacks(candidates: list[Candidate]) -> list[Candidate]:
    """"Талибан взял ответственность за атаку": the attack's target is the one of the
    article's last attack by the same party before it."""
    for index, candidate in enumerate(candidates):
        source = candidate.source
        if (candidate.trigger.predicate.cameo != RESPONSIBILITY or candidate.targets
                or source is None):
            continue
        attack = next((c for c in reversed(candidates[:index]) if c.targets and c.source
                       and c.source.entity == source.entity
                       and c.trigger.predicate.cameo[:2] in ATTACK_ROOTS), None)
        if attack is not None:
            candidate.targets = [replace(t, kind="implicit") for t in attack.targets]
    return candidates


def yielded_to_protests(candidates: list[Candidate]) -> list[Candidate]:
    """"Правительство подало в отставку после массовых протестов": a concession naming
    no one yields to the protesters of the clause (its own citizens when unnamed)."""
    for candidate in candidates:
        source, token = candidate.source, candidate.trigger.token
        if source is None or candidate.targets or candidate.trigger.predicate.cameo[:2] != "08":
            continue
        protest = next((c for c in candidates if c.sentence is candidate.sentence
                        and c.trigger.predicate.cameo[:2] == "14"
                        and c.trigger.token.head == token.index), None)
        if protest is not None:
            protesters = protest.source or protest.unplaced_source
            if protesters is None or protesters.role not in PROTESTERS:
                protesters = Actor(text="", entity=None, role="CVL")
            protesters = replace(protesters, entity=protesters.entity or source.entity)
            if protesters.entity:
                candidate.targets = [replace(protesters, kind="implicit")]
    return candidates


def sides_named_before(candidates: list[Candidate]) -> list[Candidate]:
    """"Стороны конфликта в Йемене встретились": the two parties of the last conflict the
    article named ("конфликт между правительством и повстанцами"); "они" after two parties
    acted together in the sentence before: those parties."""
    for index, candidate in enumerate(candidates):
        if candidate.parties:
            continue
        earlier = reversed(candidates[:index])
        if "conflict-sides" in candidate.notes:
            sides = next((found for c in earlier if c.trigger.predicate.cameo[:2] in
                          ATTACK_ROOTS and len(found := parties_of(c)) >= 2), None)
        elif "they" in candidate.notes:  # "Стороны встретились. Им удалось договориться"
            sides = next((list(c.parties) for c in earlier if len(c.parties) >= 2 and
                          candidate.sentence.index - c.sentence.index == 1), None)
        else:
            continue
        if sides is not None:
            candidate.parties = sides
    return candidates


def mediated(candidates: list[Candidate]) -> list[Candidate]:
    """"Переговоры при посредничестве Катара", "под эгидой ООН": the mediator acts on the
    parties of the talks or meeting of the same sentence."""
    for candidate in candidates:
        source = candidate.source
        if (candidate.trigger.predicate.cameo != MEDIATION or candidate.targets
                or source is None):
            continue
        talks = next((c for c in candidates if c.sentence is candidate.sentence
                      and c is not candidate and c.trigger.predicate.cameo[:2] == "04"
                      and len(parties_of(c)) >= 2), None)
        if talks is not None:
            candidate.targets = [p for p in parties_of(talks) if not same_actor(p, source)]
    return candidates


def parties_of(act: Candidate) -> list[Actor]:
    """The parties of a reciprocal act, else its source and targets ("между X и Y" with no
    source: X and Y)."""
    if act.parties:
        return list(act.parties)
    return ([act.source] if act.source is not None else []) + list(act.targets)


MEDIATION = "045"
RESPONSIBILITY = "015"  # acknowledge or claim responsibility
ATTACK_ROOTS = frozenset({"18", "19", "20"})


PROTESTERS = frozenset({"CVL", "OPP", "LAB", "PTY", "HRI", "NGO", "EDU", "REL"})


def named_near(mentions: dict[int, list[Mention]], index: int) -> frozenset[str]:
    """States named as actors (not places, pronouns or outlets) in sentence `index` or the
    ones next to it."""
    return frozenset(m.entry.entity for i in (index - 1, index, index + 1)
                     for m in mentions.get(i, [])
                     if m.has_entity and m.entry.entity and not m.locative and not outlet(m)
                     and m.text.lower() not in PRONOUN_WORDS)


PRONOUN_WORDS = frozenset({"он", "она", "оно", "они", "его", "её", "ее", "их", "ему", "ей",
                           "им", "него", "неё", "нее", "них", "нему", "ней", "ним", "нем"})


def outlet(mention: Mention) -> bool:
    """News outlets ("сообщает ТАСС") report on the article's parties; they are not one."""
    return mention.entry.kind == "body" and mention.entry.role == "MED"


def usual_role(counts: Counter[str]) -> str:
    named = [(n, r) for r, n in counts.items() if r]
    return max(named)[1] if named else ""


def implicit_target(source: Actor, main: list[tuple[str, str]]) -> Actor | None:
    others = [(e, r) for e, r in main[:2] if e != source.entity]
    if len(main) < 2 or source.entity not in {e for e, _ in main[:2]} or not others:
        return None
    entity, role = others[0]
    return Actor(text="", entity=entity, role=role, name=None, kind="implicit")


def evidence_for(candidate: Candidate, text: str, actors: list[Actor]) -> Evidence:
    tokens = candidate.trigger.tokens
    start, end = min(t.start for t in tokens), max(t.end for t in tokens)
    sentence = candidate.sentence
    for actor in actors:  # actors recalled from earlier sentences are not evidence here
        if (sentence.start <= actor.start < sentence.end
                and max(end, actor.end) - min(start, actor.start) <= MAX_EVIDENCE):
            start, end = min(start, actor.start), max(end, actor.end)
    return Evidence(text=text[start:end], start=start, end=end)


def make_event(article_id: str, text: str, candidate: Candidate, source: Actor,
               target: Actor, code: str, status: str, place: Place | None,
               date: str | None, implicit: bool = False) -> Event:
    entry = lookup(code)
    return Event(
        article_id=article_id, sentence=candidate.sentence.index, source=source,
        target=target, cameo=code, cameo_root=entry.root, quad_class=entry.quad_class,
        goldstein=entry.goldstein, plover_type=entry.plover_type or "",
        plover_mode=entry.plover_mode or "", status=status,
        evidence=evidence_for(candidate, text, [source, target]),
        trigger=" ".join(t.text for t in candidate.trigger.tokens), date=date, place=place,
        implicit_target=implicit)


def implicit_source(code: str, place: Place | None) -> Actor | None:
    """Arrests and searches with no agent are done by the police of the place (else of the
    article's home state)."""
    if code[:2] == "17" and place is not None and place.country:
        return Actor(text="", entity=place.country, role="COP", kind="implicit")
    return None


# Acts whose unnamed agent is the other main party: meetings, cooperation, aid, releases,
# arrests ("аресты представителей азербайджанской диаспоры" in an article on Azerbaijan
# and Russia). Unattributed violence, appeals, threats and sanctions are left out: their
# agent is as often a third party (militants, unknown attackers) as the other state.
COUNTERPART_ROOTS = frozenset({"04", "05", "06", "07", "08", "17"})


def counterpart_of(target: Actor, main: list[tuple[str, str]]) -> Actor | None:
    """An agentless act on one of the article's two main parties comes from the other."""
    parties = [e for e, _ in main[:2]]
    if len(parties) < 2 or target.entity not in parties:
        return None
    entity, role = next((e, r) for e, r in main[:2] if e != target.entity)
    return Actor(text="", entity=entity, role=role, name=None, kind="implicit")


def with_default_role(actor: Actor, code: str, target: bool = False) -> Actor:
    """A state named bare takes the role its act implies (see DEFAULT_ROLES); as a target
    only the government role applies ("обвинили Иран"), not the military."""
    if actor.entity in igo_codes():
        return replace(actor, role="") if actor.role else actor
    if actor.kind == "person" and actor.entity and not actor.role:
        return replace(actor, role="CVL")  # a named person who holds no office
    role = DEFAULT_ROLES.get(code[:2])
    if target and role != "GOV":
        return actor
    if role and not actor.role and actor.kind in BARE_KINDS:
        return replace(actor, role=role)
    return actor


def assassination(candidate: Candidate) -> Candidate:
    """Killing a named person is an assassination (186), coded so before roles are given."""
    if candidate.trigger.token.lemma not in killing() or not any(
            t.kind == "person" and t.name for t in candidate.targets):
        return candidate
    predicate = replace(candidate.trigger.predicate, cameo=ASSASSINATE)
    return replace(candidate, trigger=replace(candidate.trigger, predicate=predicate))


def with_roles(events: list[tuple[Actor, Actor, str, str, bool]]) -> list[
        tuple[Actor, Actor, str, str, bool]]:
    found = []
    for s, t, c, st, i in events:
        s, t = with_default_role(s, c), with_default_role(t, c, target=True)
        found.append((s, t, by_roles(c, s.role, t.role, s.entity == t.entity), st, i))
    return found


ASSASSINATE = "186"


@lru_cache(maxsize=1)
def killing() -> frozenset[str]:
    """Predicates that kill: killing a named person is an assassination (killing.tsv)."""
    return frozenset(r["lemma"] for r in data.load_tsv(data.KILLING, ("lemma",)))


@lru_cache(maxsize=1)
def role_rules() -> list[tuple[str, frozenset[str], frozenset[str], str, bool]]:
    rows = data.load_tsv(data.ROLE_CODES, ("root", "source_roles", "target_roles", "code"))
    return [(r["root"], roles(r["source_roles"]), roles(r["target_roles"]), r["code"],
             r.get("scope") == "domestic") for r in rows]


def roles(text: str) -> frozenset[str]:
    return frozenset("" if r == "-" else r for r in text.split("|"))


def by_roles(code: str, source_role: str, target_role: str, domestic: bool = False) -> str:
    """The code that the actors' roles make of a generic act (see role_codes.tsv)."""
    for root, sources, targets, new, only_domestic in role_rules():
        if (code.startswith(root) and (source_role in sources or "*" in sources)
                and (target_role in targets or "*" in targets)
                and (domestic or not only_domestic)):
            return new
    return code


def target_place(candidate: Candidate, target: Actor, place: Place | None,
                 mentions: list[Mention]) -> Place | None:
    sentence = candidate.sentence
    if place is not None or not sentence.start <= target.start < sentence.end:
        return place  # an actor recalled from an earlier sentence has no head here
    if not 0 <= target.head < len(sentence.tokens):
        return place
    head = sentence.tokens[target.head]
    return place_of(candidate.sentence, (head,), mentions)


def events_of(candidate: Candidate, main: list[tuple[str, str]], place: Place | None = None,
              mentions: list[Mention] | None = None) -> list[tuple[Actor, Actor, str, str,
                                                                   bool]]:
    """(source, target, code, status, implicit) for one candidate, roles filled."""
    return with_roles(raw_events(assassination(candidate), main, place, mentions))


def raw_events(candidate: Candidate, main: list[tuple[str, str]], place: Place | None = None,
              mentions: list[Mention] | None = None) -> list[tuple[Actor, Actor, str, str,
                                                                   bool]]:
    """(source, target, code, status, implicit) for one candidate."""
    found = reciprocal(candidate, main)
    if found:
        return found
    found = one_way(candidate, main, place, mentions)
    if "mutual" in candidate.notes:  # "встретился с X": X met him too
        found += [(t, s, code, status, False) for s, t, code, status, implicit in found
                  if not implicit and code == candidate.trigger.predicate.cameo]
    return found


def one_way(candidate: Candidate, main: list[tuple[str, str]], place: Place | None,
            mentions: list[Mention] | None) -> list[tuple[Actor, Actor, str, str, bool]]:
    code = candidate.trigger.predicate.cameo
    found: list[tuple[Actor, Actor, str, str, bool]] = []
    for other in candidate.co_sources:
        found += [(with_default_role(other, code), t, code, candidate.status, False)
                  for t in candidate.targets if not same_actor(other, t)]
    for target in candidate.targets:
        where = target_place(candidate, target, place, mentions or [])
        agent = candidate.source or implicit_source(code, where)
        if (agent is None and "unresolved-source" not in candidate.notes
                and code[:2] in COUNTERPART_ROOTS):
            agent = counterpart_of(target, main)
            if agent is not None and candidate.nearby is not None and (
                    agent.entity not in candidate.nearby):
                agent = None  # the other party must be named nearby, as for targets
        agent = agent or implicit_source(code, Place(name="", country=candidate.home)
                                         if candidate.home == target.entity else None)
        if agent is not None and not same_actor(agent, target):
            found.append((with_default_role(agent, code), target, code, candidate.status,
                          target.kind == "implicit"))
    if candidate.source is None:
        return found
    source = with_default_role(candidate.source, code)
    if (not candidate.targets and code[:2] in IMPLICIT_ROOTS
            and "unresolved-target" not in candidate.notes):
        implicit = implicit_target(source, main)
        if implicit is not None and (candidate.nearby is None
                                     or implicit.entity in candidate.nearby):
            found += [(agent, implicit, code, candidate.status, True) for agent in
                      [source] + [with_default_role(a, code) for a in candidate.co_sources]
                      if agent.entity != implicit.entity]
    claimant = candidate.claimant
    if (claimant is not None and claimant.entity and lookup(code).quad_class >= 3
            and not same_actor(claimant, source)):
        found += [(claimant, agent, ACCUSE, "asserted", False) for agent in [source] + [
            with_default_role(a, code) for a in candidate.co_sources]
            if not same_actor(claimant, agent)]
    return found


def reciprocal(candidate: Candidate, main: list[tuple[str, str]]) -> list[tuple[
        Actor, Actor, str, str, bool]]:
    """"X и Y встретились", "между X и Y", "стороны обвиняют друг друга": both directions."""
    parties = candidate.parties
    if not parties and "both-sides" in candidate.notes and len(main) >= 2:
        parties = [Actor(text="", entity=e, role=r, kind="implicit") for e, r in main[:2]]
    code = candidate.trigger.predicate.cameo
    return [(with_default_role(a, code), with_default_role(b, code), code, candidate.status,
             False) for a in parties for b in parties if not same_actor(a, b)]


def merge_repeats(events: list[Event]) -> list[Event]:
    """One event per action: a later report of the same dyad, code and status joins the
    first, unless both carry different dates; an explicit report replaces an implicit one."""
    kept: list[Event] = []
    for event in events:
        twin = next((k for k in kept if repeats(k, event)), None)
        if twin is None:
            kept.append(event)
            continue
        if implicitness(event) < implicitness(twin) or (  # or the more specific code:
                implicitness(event) == implicitness(twin)  # "обвинили", then "обвинили
                and len(event.cameo) > len(twin.cameo)):   # в нарушении" (1122)
            kept[kept.index(twin)], twin, event = event, event, twin
        twin.date = twin.date or event.date  # a later report may say when it happened
        twin.place = twin.place or event.place
    return kept


def repeats(a: Event, b: Event) -> bool:
    """Same dyad, code and status at compatible dates, or two readings of one phrase (same
    dyad and root from the same evidence)."""
    if (dyad(a), a.cameo_root, a.evidence.start) == (dyad(b), b.cameo_root, b.evidence.start):
        return True
    same = dyad(a) == dyad(b) and same_stance(a, b) and (a.cameo == b.cameo or (
            abs(a.sentence - b.sentence) <= 1  # a headline's 112, the lead's 1122
            and (a.cameo.startswith(b.cameo) or b.cameo.startswith(a.cameo))))
    return same and (a.date is None or b.date is None or a.date == b.date)


def same_stance(a: Event, b: Event) -> bool:
    """One act, whether asserted in one sentence and claimed in another ("якобы прибывших",
    then "прибыли ..., заявило ведомство"); a negated or hypothetical one stays apart."""
    return a.status == b.status or {a.status, b.status} <= REPORTED


REPORTED = frozenset({"asserted", "claimed"})


def dyad(event: Event) -> tuple[str | None, ...]:
    """Who acted on whom; within one state the roles tell the sides apart (government and
    rebels meeting are two events, one each way)."""
    source, target = event.source, event.target
    if source.entity == target.entity:
        return source.entity, source.role, target.role
    return source.entity, target.entity


def implicitness(event: Event) -> int:
    return int(event.implicit_target) + int(event.source.kind == "implicit")
