"""Plain records that flow through the pipeline: articles in, events out."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    text: str
    published: str | None = None
    lang: str = "ru"
    title: str | None = None
    url: str | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Token:
    index: int
    text: str
    start: int
    end: int
    lemma: str
    pos: str
    feats: dict[str, str]
    head: int
    rel: str

    def feat(self, name: str) -> str:
        return self.feats.get(name, "")


@dataclass(frozen=True, slots=True)
class NamedEntity:
    start: int
    end: int
    type: str
    text: str
    normal: str


@dataclass(slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    tokens: list[Token]
    entities: list[NamedEntity] = field(default_factory=list)
    kids: list[list[int]] = field(default_factory=list, repr=False)

    def children_of(self, index: int) -> list[int]:
        if not self.kids:
            self.kids = [[] for _ in self.tokens]
            for t in self.tokens:
                if 0 <= t.head < len(self.tokens) and t.head != t.index:
                    self.kids[t.head].append(t.index)
        return self.kids[index]


@dataclass(frozen=True, slots=True)
class Actor:
    text: str
    entity: str | None
    role: str = ""
    name: str | None = None
    kind: str = ""
    start: int = -1
    end: int = -1
    head: int = -1

    @property
    def code(self) -> str:
        return f"{self.entity or ''}{self.role}"

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "entity": self.entity, "role": self.role,
                "code": self.code, "name": self.name}


@dataclass(frozen=True, slots=True)
class Evidence:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None


@dataclass(slots=True)
class Event:
    article_id: str
    sentence: int
    source: Actor
    target: Actor
    cameo: str
    cameo_root: str
    quad_class: int
    goldstein: float
    plover_type: str
    plover_mode: str
    status: str
    evidence: Evidence
    trigger: str
    date: str | None = None
    place: Place | None = None
    implicit_target: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id, "sentence": self.sentence,
            "source": self.source.to_dict(), "target": self.target.to_dict(),
            "cameo": self.cameo, "cameo_root": self.cameo_root,
            "quad_class": self.quad_class, "goldstein": self.goldstein,
            "plover": {"type": self.plover_type, "mode": self.plover_mode},
            "status": self.status, "date": self.date,
            "place": asdict(self.place) if self.place else None,
            "evidence": asdict(self.evidence), "trigger": self.trigger,
            "implicit_target": self.implicit_target,
            "implicit_source": self.source.kind == "implicit",
        }
