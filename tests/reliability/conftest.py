"""The reliability suite: select it with `pytest -m reliability`; `make test` runs it too."""

from __future__ import annotations


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "reliability: fault injection, crash and limit tests (issue 9)")
