"""Every actor mention of an article with its resolution and the evidence behind it.

The mentions come from the pipeline's own steps, in the order `Pipeline.code` runs them:
dictionary phrases (`find_mentions`), people and sector phrases resolved through their
noun phrase (`Pipeline._antecedents`), then pronouns (`resolve_pronouns`). Each mention
names the data row or rule that resolved it, so an analyst can see why `Баку` is AZE/GOV
and which office of a person was taken on the article's date.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from dyad import data
from dyad.actors.dictionary import Entry
from dyad.actors.mentions import PRONOUN_LEMMAS, Mention, find_mentions, resolve_pronouns
from dyad.actors.resolve import Memory
from dyad.coding import Tally
from dyad.ingest.clean import clean_text
from dyad.ingest.readers import Problem, read_inputs
from dyad.records import Article, Sentence
from dyad.time.resolve import DateResolver

if TYPE_CHECKING:
    from dyad.pipeline import Pipeline

KINDS = {"state": "state", "adjective": "state", "demonym": "state", "capital": "capital",
         "seat": "capital", "igo": "organisation", "sector": "sector", "person": "person"}
STATE_ROW_KINDS = {"state": "name"}
FIELDS = ("article_id", "start", "end", "text", "entity", "role", "code", "name", "kind",
          "evidence")


@dataclass(frozen=True, slots=True)
class ListedMention:
    article_id: str
    start: int  # offsets into the article's original text
    end: int
    text: str
    entity: str | None
    role: str
    name: str
    kind: str
    evidence: str
    sentence: int = 0

    @property
    def code(self) -> str:
        return f"{self.entity or ''}{self.role}"

    def to_dict(self) -> dict[str, Any]:
        row = asdict(self)
        row["code"] = self.code
        return {key: row[key] for key in (*FIELDS, "sentence")}


@lru_cache(maxsize=1)
def igo_row_kinds() -> dict[tuple[str, str], str]:
    rows = data.load_tsv(data.IGOS, required=("entity", "kind", "text"))
    return {(r["entity"], r["text"]): r["kind"] for r in rows}


@lru_cache(maxsize=1)
def people_offices() -> dict[tuple[str, str, str, str, str], str]:
    rows = data.load_tsv(data.PEOPLE, required=("name", "entity", "role"))
    return {(r["name"], r["entity"], r["role"], r["start"], r["end"]): r.get("office", "")
            for r in rows}


def term(entry: Entry) -> str:
    if not entry.start and not entry.end:
        return ""
    return f" {entry.start}–{entry.end}"


def row_evidence(entry: Entry) -> str:
    """The data row behind a dictionary entry, as an analyst would look it up."""
    if entry.kind == "person":
        key = (entry.name, entry.entity or "", entry.role, entry.start, entry.end)
        office = people_offices().get(key, "")
        return f"people.tsv: {entry.name}, {office or 'office not recorded'}{term(entry)}"
    if entry.kind == "igo":
        kind = igo_row_kinds().get((entry.entity or "", entry.text), "name")
        return f"igos.tsv: {entry.text} ({kind})"
    if entry.kind == "sector":
        return f"sectors.tsv: {entry.text} ({entry.role})"
    return f"states.tsv: {entry.text} ({STATE_ROW_KINDS.get(entry.kind, entry.kind)})"


def overlaps(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def phrase_without(mention: Mention, text: str) -> str:
    """The noun phrase around a name, the name itself left out: 'президент России'."""
    rest = mention.text.replace(text, " ") if text else mention.text
    return " ".join(rest.replace(" ,", ",").split()).strip(" ,—-")


def listed(article: Article, sentence: Sentence, mention: Mention, kind: str,
           evidence: str, entry: Entry | None = None) -> ListedMention:
    entry = entry or mention.entry
    return ListedMention(
        article_id=article.id, start=mention.char_start, end=mention.char_end,
        text=article.text[mention.char_start:mention.char_end], entity=entry.entity,
        role=entry.role, name=entry.name, kind=kind, evidence=evidence,
        sentence=sentence.index)


def from_dictionary(article: Article, sentence: Sentence, mention: Mention,
                    local: list[Mention]) -> ListedMention:
    """A dictionary phrase; a sector word takes the entity its noun phrase gives it."""
    evidence = row_evidence(mention.entry)
    if mention.entry.kind == "sector" and not mention.entry.entity:
        phrase = next((m for m in local if overlaps(m, mention) and m.entry.entity), None)
        if phrase is not None:
            entry = Entry("sector", phrase.entry.entity, phrase.entry.role or mention.entry.role,
                          phrase.entry.name or mention.entry.name, text=mention.entry.text)
            return listed(article, sentence, mention, "sector",
                          f"{evidence}; phrase: {phrase.text}", entry)
    return listed(article, sentence, mention, KINDS.get(mention.entry.kind, "state"), evidence)


def from_phrase(article: Article, sentence: Sentence, mention: Mention) -> ListedMention:
    """A name the dictionary does not hold, resolved through its phrase or memory."""
    surface = article.text[mention.char_start:mention.char_end]
    if mention.text not in sentence.text:
        evidence = f"memory: {surface} → {mention.entry.name} (named earlier)"
    else:
        evidence = f"apposition: {phrase_without(mention, surface) or mention.text}"
    return listed(article, sentence, mention, "person", evidence)


def from_pronoun(article: Article, sentence: Sentence, mention: Mention) -> ListedMention:
    target = mention.entry.name or mention.entry.entity or "?"
    return listed(article, sentence, mention, "pronoun",
                  f"pronoun: {mention.text} → {target}")


def sentence_mentions(article: Article, sentence: Sentence, found: list[Mention],
                      local: list[Mention], resolved: list[Mention]) -> list[ListedMention]:
    own = {id(m) for m in found}
    rows = [from_dictionary(article, sentence, m, local) if id(m) in own
            else from_pronoun(article, sentence, m) for m in resolved]
    rows += [from_phrase(article, sentence, m) for m in local
             if not any(overlaps(m, d) for d in found)]
    return rows


def list_mentions(article: Article, pipeline: Pipeline | None = None) -> list[ListedMention]:
    """The article's actor mentions, found exactly as `Pipeline.code` finds them."""
    if pipeline is None:
        from dyad.pipeline import shared_pipeline

        pipeline = shared_pipeline()
    text = clean_text(article.text)
    memory, rows = Memory(), []
    history: list[Mention] = []
    sentences = pipeline.parser.parse(text)
    day = DateResolver(article.published, sentences).article_day(article.published)
    for sentence in sentences:
        found = find_mentions(sentence, pipeline.actors, day)
        local = pipeline._antecedents(sentence, found, memory)
        resolved = resolve_pronouns(sentence, found, history, local)
        rows += sentence_mentions(article, sentence, found, local, resolved)
        history += [m for m in resolved if m.text.lower() not in PRONOUN_LEMMAS] + local
    return sorted(rows, key=lambda r: (r.start, r.end))


def list_inputs(names: list[str], tally: Tally, published: str | None = None,
                lang: str | None = None) -> Iterator[tuple[Article, list[ListedMention]]]:
    """Articles from files or stdin (as `dyad code` reads them) with their mentions."""
    for item in read_inputs(names, published, lang):
        if isinstance(item, Problem):
            tally.problems.append(item)
            continue
        mentions = list_mentions(item)
        tally.articles += 1
        yield item, mentions
