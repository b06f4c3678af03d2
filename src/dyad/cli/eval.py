"""`dyad eval GOLD.jsonl [PRED.jsonl]`: precision, recall and F1 against a gold set."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import click

from dyad.analysis.evaluate import Report, evaluate
from dyad.coding import Tally, code_inputs


def load_jsonl(path: str) -> list[dict[str, Any]]:
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def predictions_from(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        if "events" in row and "id" in row:
            found[str(row["id"])] += row["events"]
        else:
            found[str(row.get("article_id"))].append(row)
    return found


def code_gold(path: str) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for article, events in code_inputs([path], Tally()):
        found[article.id] = [e.to_dict() for e in events]
    return found


def describe(event: dict[str, Any]) -> str:
    evidence = event.get("evidence")
    text = evidence.get("text", "") if isinstance(evidence, dict) else evidence or ""
    return (f"{(event.get('source') or {}).get('entity')}->"
            f"{(event.get('target') or {}).get('entity')} {event.get('cameo')} {text}")


def print_report(report: Report, per_article: bool) -> None:
    if per_article:
        for a in report.articles:
            click.echo(f"{a.article_id}: tp={len(a.matched)} fp={len(a.false_positives)} "
                       f"fn={len(a.misses)}")
            for p in a.false_positives:
                click.echo(f"   FP {describe(p)}")
            for g in a.misses:
                click.echo(f"   FN {describe(g)}")
    click.echo("root   tp   fp   fn")
    for root in sorted(report.per_root):
        c = report.per_root[root]
        click.echo(f"{root:>4} {c['tp']:>4} {c['fp']:>4} {c['fn']:>4}")
    t = report.totals()
    click.echo(f"events: P={t['precision']} R={t['recall']} F1={t['f1']}  "
               f"(tp={t['tp']} fp={t['fp']} fn={t['fn']})")
    click.echo(f"on matched events: exact code {t['exact_code']}, roles {t['roles']}, "
               f"status {t['status']}, dates {t['dates']}, places {t['places']}")
    click.echo(f"dyads: P={t['dyad_precision']} R={t['dyad_recall']}; "
               f"negation errors: {t['negation_errors']}")
    click.echo(json.dumps(t, ensure_ascii=False))


@click.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("predictions", required=False, type=click.Path(exists=True, dir_okay=False))
@click.option("--per-article/--no-per-article", default=True, show_default=True,
              help="List each article's false positives and misses.")
def eval_cli(gold: str, predictions: str | None, per_article: bool) -> None:
    """Score events against GOLD (codes GOLD's articles when PREDICTIONS is not given)."""
    found = predictions_from(load_jsonl(predictions)) if predictions else code_gold(gold)
    print_report(evaluate(load_jsonl(gold), found), per_article)
