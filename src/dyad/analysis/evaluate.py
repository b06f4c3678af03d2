"""Precision, recall and F1 against a gold set, under the matching rules of the shared
scorer (../shared/eval/score.py, described in GUIDELINES.md): same article, source and
target entity and CAMEO root; repeats of one prediction count once; optional and
hypothetical gold events neither reward nor penalise; a positive prediction matching a
negated gold event is a negation error."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

POSITIVE = frozenset({"asserted", "claimed"})
FLAGGED = frozenset({"negated", "hypothetical"})
Event = dict[str, Any]


def entity(actor: Any) -> str | None:
    value = actor.get("entity") if isinstance(actor, dict) else None
    return value.upper() if isinstance(value, str) and value else None


def role(actor: Any) -> str:
    return (actor or {}).get("role") or ""


def roots(gold: Event) -> set[str]:
    return {str(c)[:2] for c in [gold["cameo"], *gold.get("alt", [])]}


def fits(gold: Event, pred: Event) -> bool:
    return (entity(gold["source"]) == entity(pred.get("source"))
            and entity(gold["target"]) == entity(pred.get("target"))
            and str(pred["cameo"])[:2] in roots(gold))


def same_code(g: Event, p: Event) -> bool:
    return str(p["cameo"])[:3] == str(g["cameo"])[:3]


def same_date(g: Event, p: Event) -> bool:
    return str(p.get("date") or "") == str(g.get("date") or "")


def same_roles(g: Event, p: Event) -> bool:
    return (role(p.get("source")) == role(g["source"])
            and role(p.get("target")) == role(g["target"]))


PASSES: tuple[Callable[[Event, Event], bool], ...] = (
    lambda g, p: same_code(g, p) and same_date(g, p) and same_roles(g, p),
    lambda g, p: same_code(g, p) and same_date(g, p),
    same_code,
    same_date,
    lambda g, p: True,
)


def dedupe(events: list[Event]) -> list[Event]:
    seen, kept = set(), []
    for e in events:
        key = (entity(e.get("source")), role(e.get("source")), entity(e.get("target")),
               role(e.get("target")), str(e.get("cameo")), str(e.get("date") or ""))
        if key not in seen:
            seen.add(key)
            kept.append(e)
    return kept


@dataclass
class ArticleResult:
    article_id: str
    matched: list[tuple[Event, Event]] = field(default_factory=list)
    false_positives: list[Event] = field(default_factory=list)
    misses: list[Event] = field(default_factory=list)
    negation_errors: list[Event] = field(default_factory=list)


def usable(events: Iterable[Event]) -> list[Event]:
    return [p for p in events if entity(p.get("source")) and entity(p.get("target"))
            and p.get("cameo")]


def pair(positives: list[Event], preds: list[Event]) -> list[tuple[int, int]]:
    pairs: list[tuple[int, int]] = []
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    for closer in PASSES:
        for gi, g in enumerate(positives):
            if gi in used_gold:
                continue
            for pi, p in enumerate(preds):
                if pi not in used_pred and fits(g, p) and closer(g, p):
                    pairs.append((gi, pi))
                    used_gold.add(gi)
                    used_pred.add(pi)
                    break
    return pairs


def match_article(article_id: str, gold: list[Event], predicted: list[Event]) -> ArticleResult:
    positives = [g for g in gold if g.get("status", "asserted") in POSITIVE]
    lenient = [g for g in gold if g.get("status") in ("optional", "hypothetical")]
    negated = [g for g in gold if g.get("status") == "negated"]
    preds = dedupe([p for p in usable(predicted) if p.get("status") not in FLAGGED])
    pairs = pair(positives, preds)
    result = ArticleResult(article_id, [(positives[g], preds[p]) for g, p in pairs])
    used = {p for _, p in pairs}
    for pi, p in enumerate(preds):
        if pi in used:
            continue
        if any(fits(g, p) for g in negated):
            result.negation_errors.append(p)
            result.false_positives.append(p)
        elif not any(fits(g, p) for g in lenient):
            result.false_positives.append(p)
    matched_gold = {g for g, _ in pairs}
    result.misses = [g for gi, g in enumerate(positives) if gi not in matched_gold]
    return result


def ratio(a: float, b: float) -> float | None:
    return round(a / b, 4) if b else None


@dataclass
class Report:
    articles: list[ArticleResult]
    dyads: Counter[str]
    per_root: dict[str, Counter[str]]

    def totals(self) -> dict[str, Any]:
        tp = sum(len(a.matched) for a in self.articles)
        fp = sum(len(a.false_positives) for a in self.articles)
        fn = sum(len(a.misses) for a in self.articles)
        precision, recall = ratio(tp, tp + fp), ratio(tp, tp + fn)
        f1 = ratio(2 * precision * recall, precision + recall) if precision and recall else 0.0
        pairs = [pair for a in self.articles for pair in a.matched]
        dated = [(g, p) for g, p in pairs if g.get("date")]
        placed = [(g, p) for g, p in pairs if g.get("place")]
        return {
            "articles": len(self.articles), "tp": tp, "fp": fp, "fn": fn,
            "precision": precision, "recall": recall, "f1": f1,
            "exact_code": ratio(sum(exact(g, p) for g, p in pairs), tp),
            "roles": ratio(sum(same_roles(g, p) for g, p in pairs), tp),
            "status": ratio(sum((p.get("status") or "asserted") == g.get("status", "asserted")
                                for g, p in pairs), tp),
            "dates": ratio(sum(str(p.get("date") or "") == g["date"] for g, p in dated),
                           len(dated)),
            "places": ratio(sum(same_place(g, p) for g, p in placed), len(placed)),
            "negation_errors": sum(len(a.negation_errors) for a in self.articles),
            "dyad_precision": ratio(self.dyads["tp"], self.dyads["tp"] + self.dyads["fp"]),
            "dyad_recall": ratio(self.dyads["tp"], self.dyads["tp"] + self.dyads["fn"]),
        }


def same_place(g: Event, p: Event) -> bool:
    """Country and name (case and ё folded), as score.py compares them."""
    pred = p.get("place") or {}
    return (str(pred.get("country", "")).upper() == g["place"]["country"]
            and fold(str(pred.get("name", ""))) == fold(g["place"]["name"]))


def fold(text: str) -> str:
    return text.lower().replace("ё", "е")


def exact(g: Event, p: Event) -> bool:
    return str(p["cameo"]) == str(g["cameo"]) or str(p["cameo"]) in map(str, g.get("alt", []))


def dyad_counts(gold: list[Event], preds: list[Event]) -> Counter[str]:
    wanted = {(entity(g["source"]), entity(g["target"])) for g in gold
              if g.get("status", "asserted") in POSITIVE}
    allowed = {(entity(g["source"]), entity(g["target"])) for g in gold}
    found = {(entity(p.get("source")), entity(p.get("target"))) for p in usable(preds)
             if p.get("status") not in FLAGGED}
    return Counter(tp=len(wanted & found), fn=len(wanted - found), fp=len(found - allowed))


def evaluate(gold_articles: list[dict[str, Any]], predictions: dict[str, list[Event]]) -> Report:
    results: list[ArticleResult] = []
    dyads, per_root = Counter[str](), defaultdict[str, Counter[str]](Counter)
    for article in gold_articles:
        aid, gold = str(article["id"]), article.get("events", [])
        result = match_article(aid, gold, predictions.get(aid, []))
        results.append(result)
        dyads.update(dyad_counts(gold, predictions.get(aid, [])))
        for g, _ in result.matched:
            per_root[str(g["cameo"])[:2]]["tp"] += 1
        for p in result.false_positives:
            per_root[str(p["cameo"])[:2]]["fp"] += 1
        for g in result.misses:
            per_root[str(g["cameo"])[:2]]["fn"] += 1
    return Report(results, dyads, dict(per_root))
