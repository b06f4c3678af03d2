"""`dyad serve`: where the write token comes from, and the real server answering HTTP."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from dyad.cli.serve import read_token, write_token
from dyad.errors import DyadError


def test_the_token_file_wins_over_the_environment(tmp_path, monkeypatch):
    path = tmp_path / "token"
    path.write_text("  from-file \nsecond line\n", encoding="utf-8")
    monkeypatch.setenv("DYAD_TOKEN", "from-env")
    assert write_token(str(path)) == "from-file"
    assert write_token(None) == "from-env"
    monkeypatch.setenv("DYAD_TOKEN", "  ")
    assert write_token(None) is None


def test_an_unreadable_or_empty_token_file_is_a_coded_error(tmp_path):
    with pytest.raises(DyadError, match=r"\[D064\]"):
        read_token(str(tmp_path / "missing"))
    (tmp_path / "empty").write_text("\n \n", encoding="utf-8")
    with pytest.raises(DyadError, match=r"\[D065\]"):
        read_token(str(tmp_path / "empty"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=5) as response:
        return json.loads(response.read())


def wait_for(url: str, process: subprocess.Popen, seconds: float = 60) -> dict:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read() if process.stderr else ""
        try:
            return get(url)
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"{url} did not answer in {seconds} s")


def test_dyad_serve_answers_on_its_port(records_db):
    port = free_port()
    env = {**os.environ, "DYAD_TOKEN": ""}
    process = subprocess.Popen(
        [sys.executable, "-m", "dyad", "serve", "--db", records_db, "--port", str(port)],
        env=env, stderr=subprocess.PIPE, text=True)
    try:
        health = wait_for(f"http://127.0.0.1:{port}/health", process)
        assert health["writable"] is False and health["store"]["events"] == 6
        events = get(f"http://127.0.0.1:{port}/events?source=AZE&target=RUS")
        assert events["total"] == 2
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_dyad_serve_refuses_a_missing_store(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "dyad", "serve", "--db", str(tmp_path / "none.db"),
         "--port", str(free_port())],
        env={**os.environ, "DYAD_TOKEN": ""}, capture_output=True, text=True, timeout=60)
    assert result.returncode != 0 and "[D024]" in result.stderr
