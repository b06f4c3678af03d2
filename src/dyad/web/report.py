"""`dyad report A B`: the dashboard's dyad view as one HTML file that needs no network.

Plotly's JS, the dashboard's script and style are inlined; the data (relations, top dyads,
actors, the dyad's events and their articles) is embedded as JSON, escaped so no text can
close the script element.
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from dyad.api import views
from dyad.api.queries import EventFilter, event_page
from dyad.store import Store
from dyad.web.assets import plotly_js_path, static_text, templates

EVENT_LIMIT = 5000
SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028",
                  "\u2029": "\\u2029"}


def script_json(data: Any) -> Markup:
    """JSON safe inside <script>: no `<`, `>` or `&` left to end or confuse the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escape in SCRIPT_ESCAPES.items():
        text = text.replace(char, escape)
    return Markup(text)


def inline_js(source: str) -> Markup:
    return Markup(source.replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT"))


def report_data(store: Store, a: str, b: str, by: str = "month", start: str | None = None,
                end: str | None = None) -> dict[str, Any]:
    """Everything the dyad view shows, from the same view functions as the HTTP API."""
    a, b = a.upper(), b.upper()
    f = EventFilter(source=a, target=b, both_ways=True, start=start, end=end)
    total, rows = event_page(store, f, EVENT_LIMIT, 0)
    events = [views.event_of(r).model_dump() for r in rows]
    articles = {i: views.article_view(store, i).model_dump()
                for i in sorted({e["article_id"] for e in events})}
    return {"a": a, "b": b, "by": by,
            "relations": views.relations_view(store, a, b, by, start, end).model_dump(),
            "top": [d.model_dump() for d in views.top_view(store, start, end, 15)],
            "actors": [x.model_dump() for x in views.actors_view(store)],
            "events": events, "events_total": total, "articles": articles}


def build_report(store: Store, a: str, b: str, by: str = "month", start: str | None = None,
                 end: str | None = None) -> str:
    data = report_data(store, a, b, by, start, end)
    return templates().get_template("dashboard.html").render(
        report=True, title=f"dyad report {data['a']} - {data['b']}",
        css=Markup(static_text("style.css")), data=script_json(data),
        plotly_js=inline_js(plotly_js_path().read_text(encoding="utf-8")),
        app_js=inline_js(static_text("app.js")))
