"""Articles and events built directly from the records: fast store tests, no NLP."""

from __future__ import annotations

from dyad.records import Actor, Article, Event, Evidence, Place

GOLDSTEIN = {"04": 1.0, "05": 3.5, "11": -2.0, "17": -5.0, "19": -10.0, "03": 4.0}
QUAD = {"03": 1, "04": 1, "05": 1, "11": 3, "17": 4, "19": 4}


def article(id: str, text: str | None = None, published: str | None = "2025-10-07",
            source: str | None = "Радио Свобода", url: str | None = None) -> Article:
    return Article(id=id, text=text or f"Текст статьи {id}.", published=published,
                   title=f"Заголовок {id}", url=url, source=source)


def event(article_id: str = "a1", source: str | None = "AZE", target: str | None = "RUS",
          root: str = "04", date: str | None = "2025-10-07", place: Place | None = None,
          status: str = "asserted", goldstein: float | None = None, cameo: str | None = None,
          text: str = "Алиев позвонил Путину", sentence: int = 0) -> Event:
    code = cameo or root + "0"
    return Event(
        article_id=article_id, sentence=sentence,
        source=Actor(text="Ильхам Алиев", entity=source, role="GOV", name="Ильхам Алиев"),
        target=Actor(text="Владимиру Путину", entity=target, role="GOV",
                     name="Владимир Путин"),
        cameo=code, cameo_root=root, quad_class=QUAD[root],
        goldstein=GOLDSTEIN[root] if goldstein is None else goldstein,
        plover_type="CONSULT", plover_mode="phone", status=status,
        evidence=Evidence(text=text, start=0, end=len(text)), trigger="позвонил",
        date=date, place=place)
