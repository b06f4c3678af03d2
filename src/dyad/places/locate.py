"""An event's place from the locative arguments of its trigger and of its actors
("в Екатеринбурге", "близ Актау", "под Курском", "в Казахстане", "на территории Украины",
"визит в Израиль"), found in the offline gazetteer by the words' normal forms.

Search order: the trigger's own dependents, then its arguments' (nearest in the tree
first), then the predicates that govern it as xcomp, conj or adverbial participle; a
genitive city of an argument ("прокуратура Бишкека", "суд Москвы") comes after the
locatives; the object of a visiting or attacking verb is a locative ("посетил Крым").
A word tagged PER by NER is never a place ("Грозный" the surname), and a place name must
be capitalised. A city's adjective on a place or institution noun names the city ("в
московском аэропорту", "Химкинский городской суд"), after the noun's own name ("в
московском аэропорту Шереметьево"). Prepositions, place nouns, city adjectives and those
verbs are data: `data/places/prepositions.tsv`, `data/places/nouns.tsv`,
`data/places/city_adjectives.tsv`, `data/places/object_verbs.tsv`.
"""

from __future__ import annotations

from functools import lru_cache

from dyad import data
from dyad.actors.mentions import Mention
from dyad.nlp.tree import ancestors, children, preposition
from dyad.places.gazetteer import Entry, fold, gazetteer
from dyad.records import Place, Sentence, Token

PREPOSITIONS = data.DATA_DIR / "places" / "prepositions.tsv"
NOUNS = data.DATA_DIR / "places" / "nouns.tsv"
OBJECT_VERBS = data.DATA_DIR / "places" / "object_verbs.tsv"
CITY_ADJECTIVES = data.DATA_DIR / "places" / "city_adjectives.tsv"
ARGUMENT_RELS = frozenset({"obl", "nmod", "obj", "iobj", "nsubj", "nsubj:pass", "orphan",
                           "appos", "advmod"})
NAME_RELS = frozenset({"appos", "flat", "flat:name", "nmod"})
CLIMB = frozenset({"xcomp", "conj", "advcl"})
MAX_DEPTH = 3
WELL_KNOWN = 100_000  # population of a city named inside an organisation's name
# beside a city's adjective these make it a district's or region's ("Московский районный
# суд" is in St Petersburg, "Московский областной суд" in Krasnogorsk)
AREA_ADJECTIVES = frozenset({"районный", "межрайонный", "областной", "краевой", "окружной"})
BROAD = frozenset({"region", "country"})  # kinds a city's adjective is more precise than


@lru_cache(maxsize=1)
def prepositions() -> dict[str, frozenset[str]]:
    rows = data.load_tsv(PREPOSITIONS, required=("preposition", "cases"))
    return {r["preposition"]: frozenset(r["cases"].split("|")) for r in rows}


@lru_cache(maxsize=1)
def place_nouns() -> frozenset[str]:
    return frozenset(noun_rules())


@lru_cache(maxsize=1)
def noun_rules() -> dict[str, str]:
    """Place noun -> whether a city's adjective on it names the city: yes, no, lower."""
    rows = data.load_tsv(NOUNS, required=("lemma", "city_adjective"))
    return {r["lemma"]: r["city_adjective"] for r in rows}


@lru_cache(maxsize=1)
def city_adjectives() -> dict[str, tuple[str, str]]:
    """A city's adjective -> (the city's name, ISO3)."""
    rows = data.load_tsv(CITY_ADJECTIVES, required=("adjective", "city", "country"))
    return {r["adjective"]: (r["city"], r["country"]) for r in rows}


@lru_cache(maxsize=1)
def object_verbs() -> frozenset[str]:
    return frozenset(r["lemma"] for r in data.load_tsv(OBJECT_VERBS, required=("lemma",)))


def placed_object(sentence: Sentence, token: Token, starts: list[int]) -> bool:
    """The direct object of a visiting or attacking verb ("посетил Крым")."""
    head = sentence.tokens[token.head] if 0 <= token.head < len(sentence.tokens) else None
    return (token.rel == "obj" and head is not None and head.index in starts
            and head.lemma in object_verbs())


def normal_forms(word: str) -> frozenset[str]:
    from dyad.nlp.ru import shared_parser

    return shared_parser().normal_forms(word)


def entity_at(sentence: Sentence, token: Token) -> tuple[str, str]:
    """NER type and normal form of the named entity holding `token`, or ("", "")."""
    for entity in sentence.entities:
        if entity.start <= token.start < entity.end:
            return entity.type, entity.normal
    return "", ""


def names_of(sentence: Sentence, token: Token) -> list[str]:
    """Candidate nominative names for a token: its NER span's normal form, then its own.
    Only a LOC entity, or a proper noun outside any entity, is looked up directly."""
    kind, normal = entity_at(sentence, token)
    if kind == "PER" or not token.text[:1].isupper():
        return []
    if kind == "" and token.pos != "PROPN":
        return []
    found = [normal] if kind == "LOC" and normal else []
    return found + [token.lemma, *normal_forms(token.text)]


def well_known(entry: Entry) -> bool:
    return entry.kind != "city" or entry.population >= WELL_KNOWN


def lookup(sentence: Sentence, token: Token, countries: frozenset[str]) -> Entry | None:
    """The place a word names. Inside an organisation's name ("Чертановский суд Москвы")
    only well-known places count, so that "Совета" or "МИД" are not villages."""
    inside_org = entity_at(sentence, token)[0] == "ORG"
    for name in names_of(sentence, token):
        entry = gazetteer().choose(gazetteer().lookup([name]), countries)
        if entry is not None and (not inside_org or well_known(entry)):
            return entry
    return None


def preposition_key(sentence: Sentence, token: Token) -> str:
    """The preposition, joined to an adverb it completes ("недалеко от Москвы")."""
    prep = preposition(sentence, token.index)
    head = sentence.tokens[token.head] if 0 <= token.head < len(sentence.tokens) else None
    if prep and head is not None and head.pos == "ADV":
        return f"{head.lemma}_{prep}"
    return prep


def is_locative(sentence: Sentence, token: Token) -> bool:
    cases = prepositions().get(preposition_key(sentence, token))
    return cases is not None and (not token.feat("Case") or token.feat("Case") in cases)


def place_at(sentence: Sentence, token: Token, countries: frozenset[str]) -> Entry | None:
    """The place a locative word names, itself or through a place noun ("в городе Варна"),
    or a city's adjective on it unless the noun names a place no broader than a city ("в
    московском аэропорту Шереметьево" is Sheremetyevo)."""
    entry = lookup(sentence, token, countries)
    if entry is not None or not is_place_noun(token):
        return entry
    named, city = noun_place(sentence, token, countries), adjective_city(sentence, token)
    return city if city is not None and (named is None or named.kind in BROAD) else named


def noun_place(sentence: Sentence, noun: Token, countries: frozenset[str]) -> Entry | None:
    """The place a place noun names: a region with its adjective, else its name."""
    entry = gazetteer().choose(gazetteer().lookup(region_names(sentence, noun)), countries)
    if entry is not None:
        return entry
    for child in children(sentence, noun.index):
        if child.rel in NAME_RELS:
            entry = place_at(sentence, child, countries)
            if entry is not None:
                return entry
    return None


def adjective_city(sentence: Sentence, noun: Token) -> Entry | None:
    """"в московском аэропорту", "Химкинский городской суд": the city whose adjective a
    place noun has, where its nouns.tsv row lets a city's adjective name the city."""
    rule = next((noun_rules()[f] for f in forms_of(noun) if f in noun_rules()), "no")
    mods = [c for c in children(sentence, noun.index) if c.rel == "amod"]
    if rule == "no" or any(forms_of(m) & AREA_ADJECTIVES for m in mods):
        return None
    cities = (city_of_adjective(m) for m in mods if rule == "yes" or not m.text[:1].isupper())
    return next((c for c in cities if c is not None), None)


def city_of_adjective(word: Token) -> Entry | None:
    row = next((city_adjectives()[f] for f in forms_of(word) if f in city_adjectives()), None)
    return city_entry(*row) if row is not None else None


def city_entry(name: str, country: str) -> Entry | None:
    """The gazetteer's city of that name in that country."""
    return gazetteer().choose([e for e in gazetteer().lookup([name])
                               if e.kind == "city" and e.country == country])


def forms_of(token: Token) -> frozenset[str]:
    return frozenset(fold(f) for f in (token.lemma, *normal_forms(token.text)))


def region_names(sentence: Sentence, noun: Token) -> list[str]:
    """"Белгородской области" -> "белгородская область", "Краснодарского края" ->
    "краснодарский край": a capitalised adjective agreeing with its place noun."""
    return [f"{agree(c.lemma, noun.feat('Gender'))} {noun.lemma}"
            for c in children(sentence, noun.index)
            if c.rel == "amod" and c.pos == "ADJ" and c.text[:1].isupper()]


def agree(adjective: str, gender: str) -> str:
    """The nominative of an adjective's dictionary (masculine) form in `gender`."""
    if gender != "Fem" or adjective[-2:] not in ("ий", "ый", "ой"):
        return adjective
    stem = adjective[:-2]
    hard = adjective[-2:] != "ий" or stem[-1:] in "кгхцшщжч"
    return stem + ("ая" if hard else "яя")


def is_place_noun(token: Token) -> bool:
    return token.lemma in place_nouns() or bool(normal_forms(token.text) & place_nouns())


def reachable(sentence: Sentence, starts: list[int]) -> list[Token]:
    """Tokens below the starts through argument relations, nearest first."""
    depth = {i: 0 for i in starts}
    order, frontier = [], list(starts)
    while frontier:
        current = frontier.pop(0)
        order.append(sentence.tokens[current])
        if depth[current] >= MAX_DEPTH:
            continue
        for child in children(sentence, current):
            if child.index not in depth and (child.rel in ARGUMENT_RELS or (
                    child.rel == "advcl" and child.feat("VerbForm") == "Conv")):
                depth[child.index] = depth[current] + 1
                frontier.append(child.index)
    return order


def levels(sentence: Sentence, tokens: tuple[Token, ...]) -> list[list[int]]:
    """The trigger's tokens, then each predicate governing it through xcomp, conj, advcl."""
    found, current = [[t.index for t in tokens]], tokens[0]
    for head in ancestors(sentence, current.index):
        if current.rel.split(":")[0] not in CLIMB:
            break
        found.append([head.index])
        current = head
    return found


def to_place(entry: Entry) -> Place:
    return Place(name=entry.name, country=entry.country, lat=entry.lat, lon=entry.lon,
                 geonames_id=entry.geonames_id)


def place_of(sentence: Sentence, tokens: tuple[Token, ...], mentions: list[Mention],
             countries: frozenset[str] = frozenset()) -> Place | None:
    """Where the event of `tokens` happened; `countries` (the article's actors' states,
    added to those of `mentions`) settles names that several countries share."""
    countries = countries | {m.entry.entity for m in mentions if m.entry.entity}
    for starts in levels(sentence, tokens):
        near = reachable(sentence, starts)
        for token in near:
            if token.index not in starts and (is_locative(sentence, token)
                                              or placed_object(sentence, token, starts)):
                entry = place_at(sentence, token, countries)
                if entry is not None:
                    return to_place(entry)
        for token in near:
            entry = None if token.index in starts else named_city(sentence, token, countries)
            if entry is not None:
                return to_place(entry)
    return None


def named_city(sentence: Sentence, token: Token, countries: frozenset[str]) -> Entry | None:
    """A city an argument names as a genitive ("прокуратура Бишкека") or by an adjective
    without a preposition ("Химкинский городской суд признал", "судья Химкинского суда")."""
    if token.rel == "nmod" and token.feat("Case") == "Gen":
        entry = lookup(sentence, token, countries)
        if entry is not None and entry.kind == "city":
            return entry
    return None if preposition(sentence, token.index) else adjective_city(sentence, token)


def setting_of(sentence: Sentence, tokens: tuple[Token, ...], mentions: list[Mention],
               countries: frozenset[str] = frozenset()) -> Place | None:
    """No place among the event's own arguments: the place a relative "где" clause
    describes ("в Алеппо, где возобновились бои"), else the one place the sentence names."""
    countries = countries | {m.entry.entity for m in mentions if m.entry.entity}
    entry = where_antecedent(sentence, tokens, countries)
    if entry is None:
        above = {t.index for t in tokens} | {h.index for t in tokens
                                             for h in ancestors(sentence, t.index)}
        named = {(e.name, e.country): e for t in sentence.tokens
                 if t.pos in ("PROPN", "NOUN") and is_locative(sentence, t)
                 and clause_of(sentence, t) in above
                 and (e := place_at(sentence, t, countries)) is not None}
        entry = next(iter(named.values())) if len(named) == 1 else None
    return to_place(entry) if entry is not None else None


def clause_of(sentence: Sentence, token: Token) -> int:
    """The verb (or root) whose clause a word belongs to."""
    for head in ancestors(sentence, token.index):
        if head.pos in ("VERB", "AUX") or head.head < 0:
            return head.index
    return token.index


def where_words(sentence: Sentence, tokens: tuple[Token, ...]) -> list[tuple[Token, Token]]:
    """(relative word, antecedent candidate) for "где"/"куда" clauses holding `tokens`: the
    head of the relative clause, then the word before ", где"."""
    above = {t.index for t in tokens} | {h.index for t in tokens
                                         for h in ancestors(sentence, t.index)}
    found = []
    for word in sentence.tokens:
        if word.lemma in WHERE_WORDS and word.head in above and word.index >= 2:
            clause = sentence.tokens[word.head]
            before = sentence.tokens[word.index - 2]
            if clause.rel == "acl:relcl" and clause.head >= 0:
                found.append((word, sentence.tokens[clause.head]))
            found.append((word, before))
    return found


WHERE_WORDS = frozenset({"где", "куда"})


def where_antecedent(sentence: Sentence, tokens: tuple[Token, ...],
                     countries: frozenset[str]) -> Entry | None:
    for _, token in where_words(sentence, tokens):
        entry = place_at(sentence, token, countries) or next(
            (e for c in children(sentence, token.index) if c.rel in NAME_RELS
             and (e := place_at(sentence, c, countries)) is not None), None)
        if entry is not None:
            return entry
    return None


def country_wide(sentence: Sentence, country: str | None) -> Place | None:
    """"Протесты по всей стране": the act took place across the actor's own country."""
    if not country:
        return None
    if not any(t.lemma == "страна" and preposition(sentence, t.index) == "по"
               for t in sentence.tokens):
        return None
    entry = country_entry(country)
    return to_place(entry) if entry is not None else None


@lru_cache(maxsize=256)
def country_entry(code: str) -> Entry | None:
    """The gazetteer's row for a state, by its Russian name in data/actors/states.tsv."""
    names = [r["text"] for r in data.load_tsv(data.STATES, ("entity", "kind", "text"))
             if r["entity"] == code and r["kind"] == "name"]
    found = [e for e in gazetteer().lookup(names) if e.kind == "country" and e.country == code]
    return found[0] if found else None
