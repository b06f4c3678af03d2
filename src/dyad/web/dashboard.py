"""The dashboard as an app extension: GET / (the page), /static/ (package files) and
/static/vendor/plotly.min.js (from the plotly wheel)."""

from __future__ import annotations

from fastapi import APIRouter, FastAPI
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

from dyad.web.assets import PLOTLY_ROUTE, STATIC, plotly_js_path, templates

router = APIRouter(include_in_schema=False)
CACHE = {"Cache-Control": "public, max-age=86400"}


@router.get("/", response_class=HTMLResponse)
def page() -> HTMLResponse:
    html = templates().get_template("dashboard.html").render(report=False)
    return HTMLResponse(html)


@router.get(PLOTLY_ROUTE)
def plotly_js() -> FileResponse:
    return FileResponse(plotly_js_path(), media_type="text/javascript", headers=CACHE)


def install(app: FastAPI) -> None:
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
