"""An event's place from the locative arguments of its trigger ("в Екатеринбурге",
"близ Актау", "в Казахстане"): known states and capitals give their country, other
places named by NER keep their nominative name with the country unknown."""

from __future__ import annotations

from dyad.actors.mentions import Mention
from dyad.nlp.tree import children, preposition
from dyad.records import Place, Sentence, Token

PLACE_PREPS = frozenset({"в", "во", "на", "близ", "около", "под", "возле", "у"})
PLACE_KINDS = frozenset({"state", "capital"})


def locative_tokens(sentence: Sentence, tokens: tuple[Token, ...]) -> list[Token]:
    found = []
    for token in tokens:
        for child in children(sentence, token.index):
            if child.rel.split(":")[0] in ("obl", "nmod", "orphan") and preposition(
                    sentence, child.index) in PLACE_PREPS and child.feat("Case") == "Loc":
                found.append(child)
    return found


def place_of(sentence: Sentence, tokens: tuple[Token, ...],
             mentions: list[Mention]) -> Place | None:
    for token in locative_tokens(sentence, tokens):
        for mention in mentions:
            if mention.start <= token.index < mention.end and mention.entry.kind in PLACE_KINDS:
                name = mention.entry.name if mention.entry.kind == "state" else (
                    capital_name(mention))
                return Place(name=name, country=mention.entry.entity)
        for entity in sentence.entities:
            if entity.type == "LOC" and entity.start <= token.start < entity.end:
                return Place(name=entity.normal, country=None)
    return None


def capital_name(mention: Mention) -> str:
    return mention.entry.text or mention.entry.name
