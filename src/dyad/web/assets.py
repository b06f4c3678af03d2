"""The dashboard's files: package data of `dyad.web` and the plotly wheel's `plotly.min.js`.

Only these fixed files are ever read; no path comes from a request.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

STATIC = Path(__file__).resolve().parent / "static"
PLOTLY_ROUTE = "/static/vendor/plotly.min.js"


def plotly_js_path() -> Path:
    """`plotly.min.js` inside the installed plotly package (not imported: only its file)."""
    spec = importlib.util.find_spec("plotly")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("plotly is not installed; it ships the dashboard's JS")
    return Path(next(iter(spec.submodule_search_locations))) / "package_data" / "plotly.min.js"


@lru_cache(maxsize=1)
def templates() -> Environment:
    return Environment(loader=PackageLoader("dyad.web", "templates"),
                       autoescape=select_autoescape(default=True, default_for_string=True))


def static_text(name: str) -> str:
    return (STATIC / name).read_text(encoding="utf-8")
