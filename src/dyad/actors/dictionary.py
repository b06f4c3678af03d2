"""The actor dictionary: data files compiled into a lemma-sequence index.

Every row of states.tsv, igos.tsv, sectors.tsv and people.tsv is written in dictionary
form; each word is expanded to all its pymorphy normal forms, so any inflected form in
text (lemmatised by the parser) finds it.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from dyad import data

ENTITY_KINDS = frozenset({"state", "adjective", "capital", "seat", "demonym", "igo", "person",
                          "body"})
STATE_KINDS = {"name": "state", "adjective": "adjective", "capital": "capital",
               "seat": "seat", "demonym": "demonym"}


@dataclass(frozen=True, slots=True)
class Entry:
    kind: str
    entity: str | None
    role: str
    name: str
    start: str = ""
    end: str = ""
    text: str = ""

    def holds_on(self, date: str | None) -> bool:
        if not date:
            return not self.end
        return (not self.start or self.start[: len(date)] <= date) and (
            not self.end or date <= self.end)


Normalizer = Callable[[str], frozenset[str]]
Splitter = Callable[[str], list[str]]


class PhraseIndex:
    """Lemma sequences to dictionary entries, longest match first."""

    def __init__(self, normalize: Normalizer, split: Splitter) -> None:
        self._normalize = normalize
        self._split = split
        self._by_first: dict[str, dict[tuple[str, ...], list[Entry]]] = defaultdict(dict)

    def normal_forms(self, word: str) -> frozenset[str]:
        return self._normalize(word)

    def add(self, text: str, entry: Entry) -> None:
        for key in self._keys(text):
            self._by_first[key[0]].setdefault(key, []).append(entry)

    def _keys(self, text: str) -> Iterable[tuple[str, ...]]:
        forms = [sorted(self._normalize(word)) for word in self._split(text)]
        return itertools.islice(itertools.product(*forms), 16) if forms else []

    def match(self, words: list[frozenset[str]], start: int) -> tuple[int, list[Entry]]:
        """Length and entries of the longest phrase starting at `words[start]`."""
        size, found = 0, list[Entry]()
        for first in sorted(words[start]):  # sorted: the same answer on every run
            for key, entries in self._by_first.get(first, {}).items():
                if len(key) < size or not self._fits(key, words, start):
                    continue
                if len(key) > size:
                    size, found = len(key), []
                found += [e for e in entries if e not in found]
        return size, found

    @staticmethod
    def _fits(key: tuple[str, ...], words: list[frozenset[str]], start: int) -> bool:
        if start + len(key) > len(words):
            return False
        return all(part in words[start + i] for i, part in enumerate(key))


def state_entries(path: Path | None = None) -> Iterable[tuple[str, Entry]]:
    rows = data.load_tsv(path or data.STATES, required=("entity", "kind", "text"))
    names = canonical_names(rows)
    for row in rows:
        kind = STATE_KINDS.get(row["kind"], row["kind"])
        yield row["text"], Entry(kind, row["entity"], row["role"], names[row["entity"]],
                                 text=row["text"])


def igo_entries(path: Path | None = None) -> Iterable[tuple[str, Entry]]:
    rows = data.load_tsv(path or data.IGOS, required=("entity", "kind", "text"))
    names = canonical_names(rows)
    for row in rows:
        yield row["text"], Entry("igo", row["entity"], row["role"], names[row["entity"]],
                                 text=row["text"])


@lru_cache(maxsize=1)
def igo_codes() -> frozenset[str]:
    """Codes of the international organisations: their actors carry no sector role."""
    return frozenset(r["entity"] for r in data.load_tsv(data.IGOS, required=("entity",)))


def sector_entries(path: Path | None = None) -> Iterable[tuple[str, Entry]]:
    for row in data.load_tsv(path or data.SECTORS, required=("text", "role")):
        entity = row.get("entity") or None  # a body of one state: ФСБ, Пентагон, Кнессет
        yield row["text"], Entry("body" if entity else "sector", entity, row["role"],
                                 row["text"], text=row["text"])


def people_entries(path: Path | None = None) -> Iterable[tuple[str, Entry]]:
    for row in data.load_tsv(path or data.PEOPLE, required=("name", "entity", "role")):
        entry = Entry("person", row["entity"], row["role"], row["name"], row["start"],
                      row["end"], text=row["name"])
        yield row["name"], entry
        for alias in filter(None, row.get("aliases", "").split("|")):
            yield alias.strip(), replace(entry, text=alias.strip())


def canonical_names(rows: list[dict[str, str]]) -> dict[str, str]:
    names: dict[str, str] = {}
    for row in rows:
        if row["kind"] == "name":
            names.setdefault(row["entity"], row["text"])
    for row in rows:
        names.setdefault(row["entity"], row["text"])
    return names


def build_index(normalize: Normalizer, split: Splitter) -> PhraseIndex:
    index = PhraseIndex(normalize, split)
    for source in (state_entries(), igo_entries(), sector_entries(), people_entries()):
        for text, entry in source:
            index.add(text, entry)
    return index
