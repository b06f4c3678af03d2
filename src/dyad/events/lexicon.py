"""The Russian predicate lexicon (data/events/predicates.tsv) and the modality words."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from dyad import data
from dyad.errors import DataFileError
from dyad.events.cameo import cameo_table
from dyad.nlp.tree import normalize_preposition

POS_KINDS = frozenset({"verb", "noun", "light"})


@dataclass(frozen=True, slots=True)
class Predicate:
    lemma: str
    pos: str
    cameo: str
    source: tuple[str, ...]
    target: tuple[str, ...]


@dataclass
class Lexicon:
    verbs: dict[str, list[Predicate]]
    nouns: dict[str, list[Predicate]]
    light: dict[tuple[str, str], list[Predicate]]
    modality: dict[str, str]
    reporting: frozenset[str] = frozenset()
    victim_verbs: frozenset[str] = frozenset()
    intents: frozenset[str] = frozenset()
    intent_codes: dict[str, str] = field(default_factory=dict)
    speech: frozenset[str] = frozenset()
    sport: frozenset[str] = frozenset()
    refusal_codes: dict[str, str] = field(default_factory=dict)
    guards: dict[str, frozenset[str]] = field(default_factory=dict)
    phrases: dict[tuple[str, str], list[Predicate]] = field(default_factory=dict)
    wishes: dict[str, str] = field(default_factory=dict)  # lemma -> code of the wish
    # (preposition, noun) -> (code, code when a meeting is asked for): "по инициативе X"
    requests: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)

    @property
    def carriers(self) -> frozenset[str]:
        """Words besides the support verbs whose subject is the agent of their event noun:
        "готов к переговорам", "отказался от визита", "требует переговоров"."""
        stance = {w for w, kind in self.modality.items() if kind in ("refusal", "hypothetical")}
        return self.intents | frozenset(self.wishes) | frozenset(stance)

    def phrase_for(self, modifier: str, noun: str) -> list[Predicate]:
        """An event noun named with its modifier ("боевые действия", "военная операция")."""
        return self.phrases.get((modifier, noun), [])

    def light_for(self, verb: str, noun: str) -> list[Predicate]:
        return self.light.get((verb, noun), [])

    def intent_code(self, code: str) -> str | None:
        """The code of a stated intention to do `code` (longest prefix in the table)."""
        return by_prefix(self.intent_codes, code)

    def refusal_code(self, code: str) -> str | None:
        """The code of a refusal to do `code` (longest prefix in the table)."""
        return by_prefix(self.refusal_codes, code)


def by_prefix(table: dict[str, str], code: str) -> str | None:
    for end in range(len(code), 1, -1):
        if code[:end] in table:
            return table[code[:end]]
    return None


def slot_name(text: str) -> str:
    kind, _, prep = text.strip().partition(":")
    if kind in ("obl", "nmod") and prep:
        return f"{kind}:{normalize_preposition(prep.replace(' ', '_').split('_'))}"
    return text.strip()


def parse_row(row: dict[str, str], path: Path, line: int) -> Predicate:
    if row["pos"] not in POS_KINDS:
        raise DataFileError("D010", path=path, line=line, reason=f"bad pos {row['pos']!r}")
    if row["cameo"] not in cameo_table():
        raise DataFileError("D010", path=path, line=line, reason=f"bad code {row['cameo']!r}")
    source = tuple(slot_name(s) for s in (row["source"] or "nsubj").split(",") if s.strip())
    target = tuple(slot_name(s) for s in row["target"].split(",") if s.strip())
    return Predicate(row["lemma"], row["pos"], row["cameo"], source, target)


def load_lexicon(normalize: Callable[[str], frozenset[str]],
                 path: Path | None = None, modality_path: Path | None = None) -> Lexicon:
    verbs: dict[str, list[Predicate]] = defaultdict(list)
    nouns: dict[str, list[Predicate]] = defaultdict(list)
    light: dict[tuple[str, str], list[Predicate]] = defaultdict(list)
    phrases: dict[tuple[str, str], list[Predicate]] = defaultdict(list)
    path = path or data.PREDICATES
    rows = data.load_tsv(path, required=("lemma", "pos", "cameo"))
    for line, row in enumerate(rows, start=2):
        predicate = parse_row(row, path, line)
        words = predicate.lemma.lower().replace("ё", "е").split()
        if predicate.pos == "light" and len(words) >= 2:
            for noun in normalize(words[-1]):
                light[(words[0], noun)].append(predicate)
        elif predicate.pos == "noun" and len(words) == 2:
            for noun in normalize(words[-1]):
                phrases[(words[0], noun)].append(predicate)
        elif predicate.pos == "verb":
            verbs[words[0]].append(predicate)
        else:
            for noun in normalize(predicate.lemma):
                nouns[noun].append(predicate)
    rows = data.load_tsv(modality_path or data.MODALITY, ("lemma", "kind"))
    modality = {r["lemma"]: r["kind"] for r in rows}
    reporting = frozenset(r["lemma"] for r in data.load_tsv(data.REPORTING, ("lemma",)))
    victims = frozenset(r["lemma"] for r in data.load_tsv(data.VICTIM_VERBS, ("lemma",)))
    intents = frozenset(r["lemma"] for r in data.load_tsv(data.INTENTS, ("lemma",)))
    codes = {r["event"]: r["intent"] for r in data.load_tsv(data.INTENT_CODES,
                                                             ("event", "intent"))}
    speech = frozenset(r["lemma"] for r in data.load_tsv(data.SPEECH, ("lemma",)))
    sport = frozenset(r["lemma"] for r in data.load_tsv(data.SPORT, ("lemma",)))
    refusals = {r["event"]: r["refusal"] for r in data.load_tsv(data.REFUSAL_CODES,
                                                                ("event", "refusal"))}
    guards: dict[str, set[str]] = defaultdict(set)
    for row in data.load_tsv(data.FRAME_GUARDS, ("lemma", "guard")):
        guards[row["lemma"]].add(slot_name(row["guard"]))
    wishes = {r["lemma"]: r["code"] for r in data.load_tsv(data.WISHES, ("lemma", "code"))}
    requests = {(r["preposition"], r["noun"]): (r["code"], r["meeting_code"]) for r in
                data.load_tsv(data.REQUEST_MARKERS, ("preposition", "noun", "code",
                                                     "meeting_code"))}
    return Lexicon(dict(verbs), dict(nouns), dict(light), modality, reporting, victims,
                   intents, codes, speech, sport, refusals,
                   {k: frozenset(v) for k, v in guards.items()}, dict(phrases), wishes,
                   requests)
