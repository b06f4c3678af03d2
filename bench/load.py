"""Load test of the HTTP API on loopback: a real uvicorn server (the app `dyad serve` runs,
with a fast fake coder) over a SQLite store, N reader threads hitting a mix of GET
endpoints and one writer posting a new article with the token every ~0.5 s. Reports
requests, errors (any answer that is not 2xx, or no answer), throughput and p50/p95/p99
latency per endpoint. Events are built from records, so this measures the API and the
store, not the NLP pipeline.

    .venv/bin/python bench/load.py [--seconds 60] [--readers 8] [--articles 300]
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.store.events import article, event  # noqa: E402

from dyad.records import Article, Event  # noqa: E402
from dyad.store import Store  # noqa: E402

TOKEN = "load-test-token"
ENTITIES = ("AZE", "RUS", "ARM", "TUR", "USA", "UKR", "GEO", "IRN")
ROOTS = ("03", "04", "05", "11", "17", "19")
Request = tuple[str, str]  # (endpoint label, path with query)


def fake_coder(art: Article) -> list[Event]:
    """Two or three events a text, chosen by its hash: no models to load."""
    rng = random.Random(art.id)
    return [event(art.id, *rng.sample(ENTITIES, 2), rng.choice(ROOTS), art.published,
                  sentence=n) for n in range(rng.randint(2, 3))]


def fill(url: str, articles: int, seed: int = 9) -> list[str]:
    """`articles` articles of 1..4 events each, over 2025; their ids."""
    rng = random.Random(seed)
    ids = []
    with Store(url) as store:
        for n in range(articles):
            day = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            art = article(f"load-{n}", text=f"Статья номер {n}: Алиев позвонил Путину.",
                          published=day)
            store.add(art, [event(art.id, *rng.sample(ENTITIES, 2), rng.choice(ROOTS),
                                  rng.choice((day, None)), sentence=k)
                            for k in range(rng.randint(1, 4))])
            ids.append(art.id)
    return ids


def serve(url: str, port: int) -> None:
    """The child process: uvicorn over `create_app`, as `dyad serve` runs it."""
    import uvicorn

    from dyad.api import create_app

    app = create_app(url, os.environ["DYAD_TOKEN"], coder=fake_coder)
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(url: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = subprocess.Popen([sys.executable, __file__, "--serve", url, str(port)],
                               env={**os.environ, "DYAD_TOKEN": TOKEN})
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}")
        try:
            if httpx.get(base + "/health", timeout=2).status_code == 200:
                return process, base
        except httpx.TransportError:
            time.sleep(0.2)
    process.terminate()
    raise RuntimeError("the server did not answer in 60 s")


def read_mix(ids: list[str]) -> list[Callable[[random.Random], Request]]:
    """The readers' requests; each picked with the same chance."""
    return [
        lambda r: ("/events", f"/events?source={r.choice(ENTITIES)}&limit=50"),
        lambda r: ("/events", f"/events?actor={r.choice(ENTITIES)}&root={r.choice(ROOTS)}"
                              "&from=2025-03-01&to=2025-09-30&stories_only=true"),
        lambda r: ("/events", f"/events?q=%D0%BF%D0%BE%D0%B7%D0%B2%D0%BE%D0%BD%D0%B8%D0%BB"
                              f"&offset={r.randint(0, 400)}&limit=20"),
        lambda r: ("/relations/AZE/RUS", f"/relations/AZE/RUS?by={r.choice(('week', 'month'))}"),
        lambda r: ("/dyads/top", f"/dyads/top?limit={r.choice((5, 10, 0))}"),
        lambda r: ("/actors", "/actors"),
        lambda r: ("/articles/{id}", f"/articles/{r.choice(ids)}"),
        lambda r: ("/health", "/health"),
    ]


@dataclass
class Tally:
    """Latencies (s) per endpoint and the errors seen, shared by the threads."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, label: str, seconds: float, error: str | None) -> None:
        with self.lock:
            self.latencies[label].append(seconds)
            if error:
                self.errors[label].append(error)

    @property
    def requests(self) -> int:
        return sum(len(v) for v in self.latencies.values())

    @property
    def error_count(self) -> int:
        return sum(len(v) for v in self.errors.values())


def timed(client: httpx.Client, tally: Tally, label: str, method: str, path: str,
          **kwargs: object) -> None:
    started = time.perf_counter()
    try:
        response = client.request(method, path, **kwargs)  # type: ignore[arg-type]
        error = None if response.is_success else f"{response.status_code} {response.text[:200]}"
    except httpx.HTTPError as exc:
        error = f"{type(exc).__name__}: {exc}"
    tally.record(label, time.perf_counter() - started, error)


def reader(base: str, ids: list[str], until: float, tally: Tally, seed: int) -> None:
    rng, mix = random.Random(seed), read_mix(ids)
    with httpx.Client(base_url=base, timeout=30) as client:
        while time.monotonic() < until:
            label, path = rng.choice(mix)(rng)
            timed(client, tally, label, "GET", path)


def writer(base: str, until: float, tally: Tally, every: float) -> None:
    headers = {"Authorization": f"Bearer {TOKEN}"}
    with httpx.Client(base_url=base, timeout=30, headers=headers) as client:
        n = 0
        while time.monotonic() < until:
            body = {"id": f"posted-{n}", "text": f"Новая статья {n}: Алиев позвонил Путину.",
                    "published": f"2025-12-{n % 28 + 1:02d}"}
            timed(client, tally, "POST /articles", "POST", "/articles", json=body)
            n += 1
            time.sleep(every)


def run(seconds: float, readers: int = 8, articles: int = 300,
        every: float = 0.5) -> Tally:
    """Fill a store, serve it, load it for `seconds`; the tally of every request."""
    with tempfile.TemporaryDirectory() as tmp:
        url = str(Path(tmp) / "load.db")
        ids = fill(url, articles)
        process, base = start_server(url)
        try:
            tally = Tally()
            until = time.monotonic() + seconds
            threads = [threading.Thread(target=reader, args=(base, ids, until, tally, n))
                       for n in range(readers)]
            threads.append(threading.Thread(target=writer, args=(base, until, tally, every)))
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            return tally
        finally:
            process.terminate()
            process.wait(timeout=30)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def report(tally: Tally, seconds: float, readers: int) -> str:
    lines = [f"{seconds:.0f} s, {readers} readers + 1 writer: {tally.requests} requests, "
             f"{tally.error_count} errors, {tally.requests / seconds:.0f} requests/s",
             f"{'endpoint':<22}{'requests':>9}{'errors':>8}{'req/s':>8}"
             f"{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}"]
    for label in sorted(tally.latencies):
        values = tally.latencies[label]
        ms = [percentile(values, p) * 1000 for p in (50, 95, 99)]
        lines.append(f"{label:<22}{len(values):>9}{len(tally.errors[label]):>8}"
                     f"{len(values) / seconds:>8.1f}{ms[0]:>9.1f}{ms[1]:>9.1f}{ms[2]:>9.1f}")
    for label, errors in sorted(tally.errors.items()):
        lines += [f"  {label}: {error}" for error in errors[:3]]
    return "\n".join(lines)


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--serve":
        serve(sys.argv[2], int(sys.argv[3]))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--readers", type=int, default=8)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--every", type=float, default=0.5, help="seconds between posts")
    args = parser.parse_args()
    tally = run(args.seconds, args.readers, args.articles, args.every)
    print(report(tally, args.seconds, args.readers))
    sys.exit(1 if tally.error_count else 0)


if __name__ == "__main__":
    main()
