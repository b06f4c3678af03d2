#!/usr/bin/env python3
"""Streaming memory: N articles (the corpus repeated, ids made unique) piped through
`dyad code - --no-progress` on standard input; events go to /dev/null.

usage: python bench/memory.py [CORPUS.jsonl] [--articles 10000] [--jobs 2]

The articles' `lang` field is dropped, so language detection runs too (worst case).
Reports the peak RSS of the whole `dyad code` process tree (main process plus workers,
sampled every 0.2 s) and of its largest process, with the articles coded and the time.
The input is written to the pipe as it is read, so memory use must not grow with N.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from itertools import cycle, islice
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "corpus" / "ru-news.jsonl"
DYAD = Path(sys.executable).with_name("dyad")
LIMIT_MB = 1024


def stream(corpus: Path, count: int) -> Iterator[bytes]:
    lines = [line for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    for number, line in enumerate(islice(cycle(lines), count)):
        row = json.loads(line)
        row["id"] = f"{row['id']}#{number // len(lines)}"
        row.pop("lang", None)  # worst case: the language detector runs in the main process
        yield (json.dumps(row, ensure_ascii=False) + "\n").encode("utf-8")


def feed(pipe: IO[bytes], rows: Iterator[bytes]) -> None:
    try:
        for row in rows:
            pipe.write(row)
    finally:
        pipe.close()


def tree_rss(pid: int) -> tuple[float, float]:
    import psutil

    root = psutil.Process(pid)
    sizes = []
    for proc in [root, *root.children(recursive=True)]:
        try:
            sizes.append(proc.memory_info().rss / 2**20)
        except psutil.Error:
            continue
    return sum(sizes), max(sizes, default=0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    command = [str(DYAD), "code", "-", "--no-progress", "--jobs", str(args.jobs),
               "-o", "/dev/null"]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stderr=subprocess.PIPE)
    writer = threading.Thread(target=feed, args=(process.stdin, stream(args.corpus,
                                                                        args.articles)))
    writer.start()
    errors: list[bytes] = []
    reader = threading.Thread(target=lambda: errors.append(process.stderr.read()))
    reader.start()
    total = single = 0.0
    while process.poll() is None:
        try:
            now_total, now_single = tree_rss(process.pid)
        except Exception:  # noqa: BLE001 (the process may end between poll and read)
            break
        total, single = max(total, now_total), max(single, now_single)
        time.sleep(0.2)
    writer.join()
    reader.join()
    elapsed = time.perf_counter() - start
    summary = [ln for ln in b"".join(errors).decode().splitlines() if "articles coded" in ln]
    print(f"streamed {args.articles:,} articles through `dyad code - --jobs {args.jobs}` "
          f"in {elapsed:.0f} s")
    print(summary[-1] if summary else "no summary line: " + b"".join(errors).decode()[-500:])
    print(f"peak RSS: {total:,.0f} MB process tree (limit {LIMIT_MB} MB), "
          f"{single:,.0f} MB largest process")
    sys.exit(0 if total < LIMIT_MB and process.returncode in (0, 1) else 1)


if __name__ == "__main__":
    main()
