#!/usr/bin/env python3
"""Where dyad spends its time: pyinstrument over the pipeline on N corpus articles.

usage: python bench/profile.py [CORPUS.jsonl] [--limit 200]
(needs the bench extra: pip install -e ".[bench]"). Models load before profiling;
prints the call tree (the natasha stages, dyad's adapter and its own stages).
"""

from __future__ import annotations

import argparse
import json
import os
from itertools import islice
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "corpus" / "ru-news.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=200)
    args = parser.parse_args()
    from pyinstrument import Profiler

    from dyad.coding import code_one
    from dyad.pipeline import shared_pipeline
    from dyad.records import Article

    pipeline = shared_pipeline()
    with args.corpus.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in islice(handle, args.limit)]
    profiler = Profiler()
    profiler.start()
    for row in rows:
        code_one(pipeline, Article(id=row["id"], text=row["text"],
                                   published=row.get("published")))
    profiler.stop()
    print(profiler.output_text(unicode=False, color=False))


if __name__ == "__main__":
    main()
