"""The actor dictionary: data files compiled into a lemma-sequence index.

Every row of states.tsv, igos.tsv, sectors.tsv and people.tsv is written in dictionary
form; each word is expanded to all its pymorphy normal forms, so any inflected form in
text (lemmatised by the parser) finds it.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
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


@dataclass(slots=True)
class Node:
    """A trie node: the phrases going on through each next word form, and the entries of
    the phrase ending here with its rank (phrases in the order they were first added)."""

    next: dict[str, Node] = field(default_factory=dict)
    entries: list[Entry] | None = None
    rank: int = -1


class PhraseIndex:
    """Lemma sequences to dictionary entries, longest match first: a trie over the words'
    forms, so a match only follows the phrases the sentence's words can continue."""

    def __init__(self, normalize: Normalizer, split: Splitter) -> None:
        self._normalize = normalize
        self._split = split
        self._root: dict[str, Node] = {}
        self._phrases = 0

    def normal_forms(self, word: str) -> frozenset[str]:
        return self._normalize(word)

    def add(self, text: str, entry: Entry) -> None:
        for key in self._keys(text):
            node = self._root.setdefault(key[0], Node())
            for form in key[1:]:
                node = node.next.setdefault(form, Node())
            if node.entries is None:
                node.entries, node.rank, self._phrases = [], self._phrases, self._phrases + 1
            node.entries.append(entry)

    def _keys(self, text: str) -> Iterable[tuple[str, ...]]:
        forms = [sorted(self._normalize(word)) for word in self._split(text)]
        return itertools.islice(itertools.product(*forms), 16) if forms else []

    def match(self, words: list[frozenset[str]], start: int) -> tuple[int, list[Entry]]:
        """Length and entries of the longest phrase starting at `words[start]`; entries of
        equally long phrases are merged in a fixed order (by first form, sorted, then by
        when the phrase was added), so every run gives the same answer."""
        root = self._root
        firsts = [f for f in words[start] if f in root]
        if not firsts:
            return 0, []
        firsts.sort()
        size, ends = 0, list[tuple[int, int, list[Entry]]]()
        for order, first in enumerate(firsts):
            for length, node in self._phrases_from(self._root[first], words, start):
                if length > size:
                    size, ends = length, []
                if length == size:
                    ends.append((order, node.rank, node.entries or []))
        found = list[Entry]()
        for _, _, entries in sorted(ends, key=lambda end: end[:2]):
            found += [e for e in entries if e not in found]
        return size, found

    @staticmethod
    def _phrases_from(node: Node, words: list[frozenset[str]],
                      start: int) -> Iterable[tuple[int, Node]]:
        """(length, node) of every phrase from `node` that the words spell on."""
        stack = [(node, 1)]
        while stack:
            node, length = stack.pop()
            if node.entries is not None:
                yield length, node
            if node.next and start + length < len(words):
                stack += [(node.next[f], length + 1) for f in words[start + length]
                          if f in node.next]


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
