#!/usr/bin/env python3
"""End-to-end throughput of dyad beside natasha's own pipeline, on the same texts.

usage: python bench/throughput.py [CORPUS.jsonl] [--limit N]
Default corpus: ../shared/corpus/ru-news.jsonl. Runs on one core (BLAS threads pinned to 1),
prints articles/s and characters/s for natasha (segment+morph+syntax+NER) and for
dyad.code (everything: cleaning, parsing, actors, events, dates, places), their ratio,
and the peak resident memory of the process.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "corpus" / "ru-news.jsonl"


def load(path: Path, limit: int | None) -> list[dict]:
    rows = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                rows.append(json.loads(line))
            if limit and len(rows) >= limit:
                break
    return rows


def natasha_run(texts: list[str]) -> float:
    from dyad.nlp.ru import shared_parser

    parser = shared_parser()
    from natasha import Doc

    start = time.perf_counter()
    for text in texts:
        doc = Doc(text)
        doc.segment(parser.segmenter)
        doc.tag_morph(parser.morph)
        doc.parse_syntax(parser.syntax)
        doc.tag_ner(parser.ner)
    return time.perf_counter() - start


def dyad_run(rows: list[dict]) -> tuple[float, int]:
    from dyad.pipeline import shared_pipeline
    from dyad.records import Article

    pipeline = shared_pipeline()
    events, start = 0, time.perf_counter()
    for row in rows:
        events += len(pipeline.code(Article(id=str(row["id"]), text=row["text"],
                                            published=row.get("published"))))
    return time.perf_counter() - start, events


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    rows = load(args.corpus, args.limit)
    texts = [r["text"] for r in rows]
    chars = sum(map(len, texts))
    from dyad.pipeline import shared_pipeline

    shared_pipeline()  # load models and dictionaries outside the timed runs
    base = natasha_run(texts)
    ours, events = dyad_run(rows)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"corpus: {args.corpus.name}, {len(rows)} articles, {chars:,} characters")
    print(f"natasha seg+morph+syntax+NER: {len(rows) / base:7.1f} articles/s "
          f"{chars / base:9,.0f} chars/s")
    print(f"dyad code (end to end):       {len(rows) / ours:7.1f} articles/s "
          f"{chars / ours:9,.0f} chars/s, {events} events")
    print(f"ratio dyad/natasha: {base / ours:.2f}; peak RSS {peak:,.0f} MB")


if __name__ == "__main__":
    main()
