"""Walks over a sentence's dependency tree, safe against head cycles and missing roots."""

from __future__ import annotations

from collections.abc import Iterator

from dyad.records import Sentence, Token

CLAUSE_RELS = frozenset({"acl", "acl:relcl", "advcl", "ccomp", "xcomp", "parataxis", "csubj"})


def children(sentence: Sentence, index: int) -> list[Token]:
    return [sentence.tokens[i] for i in sentence.children_of(index)]


def children_by_rel(sentence: Sentence, index: int, rel: str) -> list[Token]:
    return [t for t in children(sentence, index) if t.rel == rel or t.rel.startswith(rel + ":")]


def ancestors(sentence: Sentence, index: int) -> Iterator[Token]:
    seen = {index}
    head = sentence.tokens[index].head
    while 0 <= head < len(sentence.tokens) and head not in seen:
        seen.add(head)
        yield sentence.tokens[head]
        head = sentence.tokens[head].head


def subtree(sentence: Sentence, index: int, stop_rels: frozenset[str] = frozenset(),
            max_depth: int = 50) -> list[Token]:
    """The token and its descendants, not entering relations in `stop_rels`."""
    found, frontier, seen = [], [(index, 0)], {index}
    while frontier:
        current, depth = frontier.pop()
        found.append(sentence.tokens[current])
        if depth >= max_depth:
            continue
        for child in children(sentence, current):
            if child.index not in seen and child.rel not in stop_rels:
                seen.add(child.index)
                frontier.append((child.index, depth + 1))
    return sorted(found, key=lambda t: t.index)


PREP_VARIANTS = {"со": "с", "во": "в", "ко": "к", "обо": "о", "об": "о", "изо": "из",
                 "подо": "под", "передо": "перед", "надо": "над", "ото": "от"}


def normalize_preposition(words: list[str]) -> str:
    """'со стороны' -> 'с_стороны': folded word forms, vowel-final variants merged."""
    folded = [w.lower().replace("ё", "е") for w in words if w]
    return "_".join(PREP_VARIANTS.get(w, w) for w in folded)


def preposition(sentence: Sentence, index: int) -> str:
    """The preposition ('case' child) of a nominal, multi-word ones joined by '_'."""
    words = []
    for t in children(sentence, index):
        if t.rel == "case":
            words.append(t.text)
            words += [f.text for f in children(sentence, t.index) if f.rel == "fixed"]
    return normalize_preposition(list(dict.fromkeys(words)))
