"""Stores for the API, dashboard and report tests: the sample corpus through the real
pipeline, and a few records written directly (fast, exact numbers, hostile text)."""

from __future__ import annotations

from dyad.records import Evidence
from dyad.store import Store
from dyad.store.ingest import IngestReport, ingest_inputs
from tests.conftest import SAMPLE
from tests.store.events import article, event

HOSTILE = "Алиев позвонил Путину. <script>window.__pwned = 1; alert('x')</script> Конец."


def fill_sample(url: str) -> IngestReport:
    report = IngestReport()
    with Store(url) as store:
        list(ingest_inputs(store, [str(SAMPLE)], report))
    assert report.stored and not report.problems
    return report


def spanned(article_id: str, text: str, phrase: str, **fields: object):
    """An event whose evidence is `phrase` at its real offsets in `text`."""
    start = text.index(phrase)
    made = event(article_id, text=phrase, **fields)  # type: ignore[arg-type]
    made.evidence = Evidence(text=phrase, start=start, end=start + len(phrase))
    return made


def fill_records(store: Store) -> None:
    """Six events, six stories. a1 (hostile text): AZE->RUS 040 and RUS->AZE 030 whose
    evidence is the <script> element; a2: RUS->AZE 170 claimed a month later, evidence with
    `%` and `_`; a3: AZE->ARM 050 and a negated AZE->RUS 110; a4: an undated RUS->USA 190."""
    store.add(article("a1", HOSTILE), [
        spanned("a1", HOSTILE, "Алиев позвонил Путину", date="2025-10-07"),
        spanned("a1", HOSTILE, "<script>window.__pwned = 1; alert('x')</script>", root="03",
                date="2025-10-07", source="RUS", target="AZE")])
    text2 = "Москва обвинила Баку в провокации (100% ложь_)."
    store.add(article("a2", text2, published="2025-11-03"), [
        spanned("a2", text2, "Москва обвинила Баку в провокации (100% ложь_)", source="RUS",
                target="AZE", root="17",
                date="2025-11-02", status="claimed")])
    text3 = "Баку и Ереван договорились. Баку не критиковал Москву."
    store.add(article("a3", text3, published="2025-10-10"), [
        spanned("a3", text3, "Баку и Ереван договорились", target="ARM", root="05",
                date="2025-10-10"),
        spanned("a3", text3, "Баку не критиковал Москву", root="11", date="2025-10-10",
                status="negated")])
    text4 = "Россия атаковала США."
    store.add(article("a4", text4, published=None), [
        spanned("a4", text4, "Россия атаковала США", source="RUS", target="USA", root="19",
                date=None)])
