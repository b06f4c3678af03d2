"""Run as a script: code one article that is a single sentence of N characters (no full
stop) through the real pipeline, in a fresh process; print seconds and memory as JSON.
Used by test_limits.py and for the README's figures."""

from __future__ import annotations

import json
import resource
import sys
import time


def sentence(size: int) -> str:
    words = "Россия и Азербайджан провели переговоры о транзите газа через Каспий".split()
    return " ".join(words[i % len(words)] for i in range(size // 6))[:size]


def rss_mb() -> int:
    """This process's peak RSS. VmHWM, because Linux carries ru_maxrss over from the
    parent through fork and exec (a child of a big pytest would start at its peak)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) // 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def main(size: int) -> dict[str, float]:
    from dyad.pipeline import shared_pipeline
    from dyad.records import Article

    pipeline = shared_pipeline()
    pipeline.code(Article(id="warm", text="Путин прибыл в Баку."))
    before = rss_mb()
    started = time.perf_counter()
    events = pipeline.code(Article(id="long", text=sentence(size), published="2025-10-07"))
    sentences = pipeline.parser.parse(sentence(2000))
    return {"chars": size, "seconds": round(time.perf_counter() - started, 1),
            "rss_before_mb": before, "rss_peak_mb": rss_mb(), "events": len(events),
            "sentences_of_2000_chars": len(sentences)}


if __name__ == "__main__":
    print(json.dumps(main(int(sys.argv[1]))))
