"""Dating events. An event takes, in this order:
1. the expression attached to its trigger or to a predicate that governs it as complement,
   conjunct or object ("сообщила во вторник, что ... позвонил"), nearest in the tree first;
2. the date of a reporting clause beside it ("находилось ..., сообщил во вторник ...");
3. an expression fronted at the start of its sentence ("11 марта 2014 года ОБСЕ заявила
   ..., призвала ...": it scopes over the whole sentence);
4. for a sentence with no date of its own, its neighbour's: the previous sentence's when it
   goes on from it ("Они были освобождены"), the next one's when that reports it ("Об
   этом говорится в указе от 29 января 2020 года");
5. the publication date, for a past-tense event of the article's lead sentence (news
   convention: the lead reports what happened that day), only when there is one;
else None. Linking words are data: `data/time/links.tsv`.
"""

from __future__ import annotations

from functools import lru_cache

from dyad import data
from dyad.nlp.tree import CLAUSE_RELS, ancestors, children
from dyad.records import Sentence, Token
from dyad.time.expressions import Expression, anchor_of, find_expressions, parse_reference

LINKS = data.DATA_DIR / "time" / "links.tsv"
CLIMB = frozenset({"ccomp", "conj", "parataxis", "advcl", "xcomp", "obj", "nsubj", "obl"})
OWN_STOP = CLAUSE_RELS | {"conj", "nsubj", "nsubj:pass", "obj", "iobj", "parataxis"}
OWN_DEPTH = 2
FRONT_TOKENS = 3  # an expression starting among a sentence's first words is fronted


@lru_cache(maxsize=1)
def links() -> dict[str, frozenset[str]]:
    rows = data.load_tsv(LINKS, required=("text", "kind"))
    kinds = {r["kind"] for r in rows}
    return {k: frozenset(r["text"] for r in rows if r["kind"] == k) for k in kinds}


def reach(sentence: Sentence, starts: list[int], stop: frozenset[str],
          max_depth: int) -> dict[int, int]:
    """Token index -> depth below `starts`, not entering relations in `stop`."""
    depth = {i: 0 for i in starts}
    frontier = list(starts)
    while frontier:
        current = frontier.pop(0)
        if depth[current] >= max_depth:
            continue
        for child in children(sentence, current):
            if child.index not in depth and child.rel not in stop:
                depth[child.index] = depth[current] + 1
                frontier.append(child.index)
    return depth


def tokens_in(sentence: Sentence, expression: Expression) -> list[Token]:
    return [t for t in sentence.tokens if expression.start <= t.start < expression.end]


def nearest(sentence: Sentence, found: list[Expression],
            depth: dict[int, int]) -> Expression | None:
    """The expression with a token closest to the start tokens, earliest on ties."""
    best: tuple[int, int, Expression] | None = None
    for position, expression in enumerate(found):
        levels = [depth[t.index] for t in tokens_in(sentence, expression) if t.index in depth]
        if levels and (best is None or (min(levels), position) < best[:2]):
            best = (min(levels), position, expression)
    return best[2] if best else None


def opening(sentence: Sentence, size: int) -> str:
    words = [t.text.lower().replace("ё", "е") for t in sentence.tokens
             if t.pos != "PUNCT"][:size]
    return "_".join(words)


def opens_with(sentence: Sentence, kind: str) -> bool:
    return any(opening(sentence, size) in links().get(kind, frozenset()) for size in (1, 2))


def is_lead(sentence: Sentence, sentences: list[Sentence]) -> bool:
    """The first sentence with a finite verb (a dateline line before it is skipped)."""
    for candidate in sentences:
        if any(t.feat("VerbForm") == "Fin" for t in candidate.tokens):
            return candidate.index == sentence.index
    return False


class DateResolver:
    def __init__(self, published: str | None,
                 sentences: list[Sentence] | None = None) -> None:
        self.reference = parse_reference(published)
        self.sentences = sentences or []
        text = " ".join(s.text for s in self.sentences)
        self.anchor = anchor_of(text) if text and self.reference is None else None
        self._cache: dict[int, list[Expression]] = {}

    def article_day(self, published: str | None) -> str | None:
        """The day offices are read on: the publication date, else the latest day the
        article states with its year (70% of dev articles carry no publication date)."""
        return published or (self.anchor.isoformat() if self.anchor else None)

    def expressions(self, sentence: Sentence) -> list[Expression]:
        if sentence.index not in self._cache:
            self._cache[sentence.index] = find_expressions(sentence.text, self.reference,
                                                           sentence.start, self.anchor)
        return self._cache[sentence.index]

    def dated(self, sentence: Sentence) -> list[Expression]:
        """Expressions with a value, less day words used as prepositions ("накануне выборов")."""
        found = []
        for expression in self.expressions(sentence):
            inside = tokens_in(sentence, expression)
            if expression.value and not (len(inside) == 1 and inside[0].rel == "case"):
                found.append(expression)
        return found

    def date_of(self, sentence: Sentence, tokens: tuple[Token, ...]) -> str | None:
        return (self.attached(sentence, tokens) or self.reported(sentence, tokens)
                or self.fronted(sentence) or self.named_before(sentence, tokens[0])
                or self.from_neighbours(sentence) or self.lead_date(sentence, tokens))

    def named_before(self, sentence: Sentence, trigger: Token) -> str | None:
        """The same act named with its date in one of the two sentences before ("судно,
        перехваченное 23 января ... На борту корабля, перехваченного силами ВМС")."""
        for earlier in reversed(self.sentences[max(0, sentence.index - 2):sentence.index]):
            for token in earlier.tokens:
                if token.lemma == trigger.lemma and token.pos == trigger.pos:
                    value = self.attached(earlier, (token,))
                    if value:
                        return value
        return None

    def attached(self, sentence: Sentence, tokens: tuple[Token, ...]) -> str | None:
        found = self.dated(sentence)
        if not found:
            return None
        starts = [t.index for t in tokens]
        for token in self.chain(sentence, tokens[0]):
            depth = reach(sentence, starts if token is tokens[0] else [token.index], OWN_STOP,
                          OWN_DEPTH)
            best = nearest(sentence, found, depth)
            if best is not None:
                return best.value
        return None

    def reported(self, sentence: Sentence, tokens: tuple[Token, ...]) -> str | None:
        reporting = links().get("reporting", frozenset())
        for token in sentence.tokens:
            if token.lemma in reporting and token.index not in {t.index for t in tokens}:
                value = self.attached(sentence, (token,))
                if value:
                    return value
        return None

    def fronted(self, sentence: Sentence) -> str | None:
        words = [t for t in sentence.tokens if t.pos != "PUNCT"][:FRONT_TOKENS]
        for expression in self.dated(sentence):
            if any(expression.start <= t.start < expression.end for t in words):
                return expression.value
        return None

    def sentence_date(self, sentence: Sentence) -> str | None:
        roots = tuple(t for t in sentence.tokens if t.head < 0)
        return self.fronted(sentence) or (self.attached(sentence, roots) if roots else None)

    def from_neighbours(self, sentence: Sentence) -> str | None:
        if self.expressions(sentence) or not self.sentences:
            return None
        position = next((i for i, s in enumerate(self.sentences)
                         if s.index == sentence.index), -1)
        if position > 0 and self.continues(sentence):
            return self.sentence_date(self.sentences[position - 1])
        if 0 <= position < len(self.sentences) - 1:
            following = self.sentences[position + 1]
            if opens_with(following, "reports"):
                return self.sentence_date(following)
        return None

    @staticmethod
    def continues(sentence: Sentence) -> bool:
        first = next((t for t in sentence.tokens if t.pos != "PUNCT"), None)
        return opens_with(sentence, "continues") or (
            first is not None and first.feat("VerbForm") == "Conv")

    def lead_date(self, sentence: Sentence, tokens: tuple[Token, ...]) -> str | None:
        if self.reference is None or tokens[0].feat("Tense") != "Past":
            return None
        return self.reference.isoformat() if is_lead(sentence, self.sentences) else None

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
