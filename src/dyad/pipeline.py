"""The pipeline: one article in, its events out. Models and data load once per process."""

from __future__ import annotations

from functools import lru_cache

from dyad.actors.dictionary import PhraseIndex, build_index
from dyad.actors.mentions import PRONOUN_LEMMAS, Mention, find_mentions, resolve_pronouns
from dyad.actors.resolve import (
    Memory,
    person_mention,
    person_spans,
    resolve_person,
    sector_heads,
    unknown_person,
)
from dyad.events.article import (
    claimed_attacks,
    counterparts,
    events_of,
    home,
    housed,
    make_event,
    mediated,
    merge_repeats,
    named_near,
    sides_named_before,
    yielded_to_protests,
)
from dyad.events.coder import Candidate, EventCoder
from dyad.events.lexicon import load_lexicon
from dyad.ingest.clean import clean_text
from dyad.nlp.ru import RussianParser, shared_parser
from dyad.places.gazetteer import gazetteer
from dyad.places.locate import country_wide, place_of, setting_of
from dyad.records import Actor, Article, Event, Place, Sentence
from dyad.time.resolve import DateResolver


class Pipeline:
    """Parser, actor dictionary, lexicon and coder, shared by every article."""

    def __init__(self, parser: RussianParser | None = None) -> None:
        self.parser = parser or shared_parser()
        words = self._split
        self.actors: PhraseIndex = build_index(self.parser.normal_forms, words)
        self.coder = EventCoder(load_lexicon(self.parser.normal_forms))
        gazetteer()  # loaded with the other data, not on the first article with a place

    def _split(self, text: str) -> list[str]:
        from razdel import tokenize

        return [t.text for t in tokenize(text)]

    def code(self, article: Article) -> list[Event]:
        text = clean_text(article.text)
        sentences = self.parser.parse(text)
        dates = DateResolver(article.published, sentences)
        memory, candidates, history = Memory(), list[Candidate](), list[Mention]()
        sport, day = self.coder.is_sport(sentences), dates.article_day(article.published)
        mentions: dict[int, list[Mention]] = {}
        for sentence in sentences:
            found = find_mentions(sentence, self.actors, day)
            local = self._antecedents(sentence, found, memory)
            found = resolve_pronouns(sentence, found, history, local)
            mentions[sentence.index] = found
            candidates += self.coder.code_sentence(sentence, found, memory, sport)
            history += [m for m in found if m.text.lower() not in PRONOUN_LEMMAS] + local
        return self._assemble(article, text, candidates, mentions, dates, sentences)

    def _antecedents(self, sentence: Sentence, mentions: list[Mention],
                     memory: Memory) -> list[Mention]:
        """Actors named by people and sector phrases here, for later surnames and pronouns."""
        found, people = [], person_spans(sentence)
        roles = {m.end - 1: m.entry.role for m in mentions if m.entry.kind == "sector"}
        for inside in people + sector_heads(sentence, mentions):
            actor = resolve_person(sentence, inside, mentions, memory)
            if actor is not None and actor.entity:
                if actor.kind == "person" and actor.name:
                    memory.remember(actor)
                if inside not in people and roles.get(inside[-1].index) == actor.role:
                    memory.remember_body(inside[-1], actor)
                found.append(person_mention(actor, inside))
            elif inside in people:
                found.append(unknown_person(sentence, inside))
        return sorted(found, key=lambda m: m.start)

    def _assemble(self, article: Article, text: str, candidates: list[Candidate],
                  mentions: dict[int, list[Mention]], dates: DateResolver,
                  sentences: list[Sentence]) -> list[Event]:
        every = [m for found in mentions.values() for m in found]
        main, country = counterparts(every), home(every)
        candidates = [housed(c, country) for c in candidates]
        candidates = sides_named_before(yielded_to_protests(claimed_attacks(candidates)))
        candidates = mediated(candidates)
        for candidate in candidates:
            candidate.nearby = named_near(mentions, candidate.sentence.index)
            candidate.home = country
        events, seen = [], dict[tuple[object, ...], Event]()
        scene: dict[tuple[str | None, ...], tuple[int, Place]] = {}  # actor -> last place
        for candidate in candidates:
            found = mentions[candidate.sentence.index]
            place = place_of(candidate.sentence, candidate.trigger.tokens, found,
                             frozenset(e for e, _ in main))
            date = dates.date_of(candidate.sentence, candidate.trigger.tokens)
            shown = place or setting_of(candidate.sentence, candidate.trigger.tokens, found,
                                        frozenset(e for e, _ in main))
            for source, target, code, status, implicit in events_of(candidate, main, place,
                                                                    found):
                key = (source.entity, source.role, target.entity, target.role, code,
                       candidate.sentence.index)
                if key in seen:  # a second reading of the sentence may say where
                    seen[key].place = seen[key].place or shown
                    continue
                here = shown or country_wide(candidate.sentence, source.entity) or (
                    scene_place(scene, source, candidate.sentence.index))
                seen[key] = make_event(article.id, text, candidate, source, target, code,
                                       status, here, date, implicit)
                events.append(seen[key])
                if here is not None:
                    scene[actor_key(source)] = (candidate.sentence.index, here)
        return merge_repeats(events)


def actor_key(actor: Actor) -> tuple[str | None, ...]:
    return actor.entity, actor.role, actor.name


def scene_place(scene: dict[tuple[str | None, ...], tuple[int, Place]], actor: Actor,
                index: int) -> Place | None:
    last = scene.get(actor_key(actor))
    return last[1] if last is not None and index - last[0] <= SCENE_SENTENCES else None


# An actor's next act within this many sentences, naming no place, happened where the last
# one did ("Открывая заседание в Кремле, Путин ... Путин вручил Зюганову книгу").
SCENE_SENTENCES = 4


@lru_cache(maxsize=1)
def shared_pipeline() -> Pipeline:
    return Pipeline()


def code(text: str, published: str | None = None, lang: str = "ru",
         article_id: str = "text") -> list[Event]:
    """Code one article's text into events; models load on first use and are reused."""
    return shared_pipeline().code(Article(id=article_id, text=text, published=published,
                                          lang=lang))
