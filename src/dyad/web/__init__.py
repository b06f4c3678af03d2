"""The dashboard (`/`) and the self-contained report: one template, one script, one style
sheet, shipped as package data; plotly's JavaScript comes from the installed plotly wheel."""

from dyad.web.dashboard import install
from dyad.web.report import build_report

__all__ = ["build_report", "install"]
