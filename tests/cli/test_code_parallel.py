"""`dyad code --jobs N`: the same events as one process, a closing report, progress."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyad.cli import main
from dyad.cli.code import progress_line

FIXTURES = Path(__file__).resolve().parents[1] / "ingest" / "fixtures"
TEXT = (FIXTURES / "news.utf8.txt").read_text(encoding="utf-8")
UK = "Президент України Володимир Зеленський провів телефонну розмову з прем'єр-міністром."


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Twelve articles of varied text, two bad lines and one Ukrainian article."""
    sentences = [s + "." for s in TEXT.strip().rstrip(".").split(". ")]
    rows = [{"id": f"a{i:02d}", "text": " ".join(sentences[i % 4:] + sentences[:i % 4]),
             "published": f"2025-10-{i + 1:02d}"} for i in range(12)]
    lines = [json.dumps(r, ensure_ascii=False) for r in rows]
    lines[3:3] = ["{broken", json.dumps({"id": "uk", "text": UK}, ensure_ascii=False)]
    lines.append(json.dumps({"id": "none"}))
    path = tmp_path_factory.mktemp("corpus") / "mix.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(*args):
    return CliRunner().invoke(main, ["code", *map(str, args)])


def run_process(*args):
    """`dyad code` in a fresh process. The hash seed is fixed for the whole process tree:
    the actor index breaks ties in set order (see README), so without it two runs of the
    same input, with any --jobs, need not agree."""
    env = {**os.environ, "PYTHONHASHSEED": "0", "PYTHONWARNINGS": "ignore"}
    done = subprocess.run([sys.executable, "-m", "dyad", "code", *map(str, args),
                           "--no-progress"], capture_output=True, text=True, env=env,
                          check=False, timeout=1200)
    assert done.returncode == 1, done.stderr[-2000:]
    return done


@pytest.fixture(scope="module")
def one_job(corpus, pipeline):
    result = run(corpus, FIXTURES, "--jobs", "1", "--no-progress")
    assert result.exit_code == 1, result.output
    return result


@pytest.fixture(scope="module")
def one_job_process(corpus):
    return run_process(corpus, FIXTURES, "--jobs", "1")


def test_two_jobs_write_exactly_what_one_job_writes(corpus, one_job_process):
    done = run_process(corpus, FIXTURES, "--jobs", "2")
    assert done.stdout == one_job_process.stdout and done.stdout.count("\n") >= 40
    assert done.stderr.splitlines()[:3] == one_job_process.stderr.splitlines()[:3]


def test_unordered_output_has_the_same_events(corpus, one_job_process):
    done = run_process(corpus, "--jobs", "2", "--unordered")
    expected = [line for line in one_job_process.stdout.splitlines()
                if json.loads(line)["article_id"] in {f"a{i:02d}" for i in range(12)}]
    assert sorted(done.stdout.splitlines()) == sorted(expected)


def test_closing_report_names_items_and_groups_reasons(one_job):
    err = one_job.stderr
    assert "mix.jsonl: line 4 is not valid JSON" in err
    assert "mix.jsonl: line 5: detected language 'uk'" in err
    assert "mix.jsonl: line 15 has no usable 'text' field" in err
    assert "20 articles coded" in err and "3 items skipped" in err and "1 jobs" in err
    assert "skipped by reason: " in err
    for code in ("D002 x1", "D040 x1", "D003 x1"):
        assert code in err


def test_progress_goes_to_stderr_when_asked(corpus, pipeline):
    result = run(corpus, "--jobs", "1", "--progress")
    assert "articles/s" in result.stderr and "ETA" in result.stderr
    assert "articles/s" not in result.stdout


@pytest.mark.parametrize(("done", "total", "elapsed", "expected"), [
    (10, 100, 5.0, "dyad: 10 articles, 2.0 articles/s, 10% of ~100, ETA 0:00:45"),
    (10, None, 5.0, "dyad: 10 articles, 2.0 articles/s"),
    (0, 100, 0.0, "dyad: 0 articles, 0.0 articles/s"),
    (7200, 14400, 3600.0, "dyad: 7,200 articles, 2.0 articles/s, 50% of ~14,400, ETA 1:00:00"),
])
def test_progress_line(done, total, elapsed, expected):
    assert progress_line(done, total, elapsed) == expected


def test_a_dead_worker_stops_the_run_with_d050(pipeline):
    import os
    import signal

    from dyad.coding import Tally, code_parallel, worker_pool
    from dyad.errors import DyadError
    from dyad.records import Article

    articles = (Article(id=f"a{i}", text=TEXT) for i in range(200))
    with worker_pool(2) as pool:
        coded = code_parallel(articles, Tally(), 2, pool=pool)
        assert next(coded)[0].id == "a0"
        for pid in list(pool._processes):
            os.kill(pid, signal.SIGKILL)
        with pytest.raises(DyadError) as caught:
            list(coded)
    assert caught.value.code == "D050" and "--jobs 2" in str(caught.value)
