"""Dating events: the expression attached to the trigger or to a clause that governs it
("сообщила во вторник, что ... позвонил"), else null. Publication day is never a default."""

from __future__ import annotations

from dyad.nlp.tree import CLAUSE_RELS, ancestors, subtree
from dyad.records import Sentence, Token
from dyad.time.expressions import Expression, find_expressions, parse_reference

CLIMB = frozenset({"ccomp", "conj", "parataxis", "advcl", "xcomp", "obj", "nsubj"})
OWN_STOP = CLAUSE_RELS | {"conj", "nsubj", "nsubj:pass", "obj", "iobj", "parataxis"}


class DateResolver:
    def __init__(self, published: str | None) -> None:
        self.reference = parse_reference(published)
        self._cache: dict[int, list[Expression]] = {}

    def expressions(self, sentence: Sentence) -> list[Expression]:
        if sentence.index not in self._cache:
            self._cache[sentence.index] = find_expressions(sentence.text, self.reference,
                                                           sentence.start)
        return self._cache[sentence.index]

    def date_of(self, sentence: Sentence, tokens: tuple[Token, ...]) -> str | None:
        found = self.expressions(sentence)
        if not found:
            return None
        for token in self.chain(sentence, tokens[0]):
            own = subtree(sentence, token.index, OWN_STOP, max_depth=3)
            for expression in found:
                if expression.value and any(expression.start <= t.start < expression.end
                                            for t in own):
                    return expression.value
        return None

    @staticmethod
    def chain(sentence: Sentence, token: Token) -> list[Token]:
        """The trigger and the predicates it is a complement, conjunct or object of."""
        found, current = [token], token
        for head in ancestors(sentence, token.index):
            if current.rel.split(":")[0] not in CLIMB:
                break
            found.append(head)
            current = head
        return found
