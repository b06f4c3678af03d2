"""`dyad report A B -o FILE`: one self-contained HTML file with the dyad's data embedded."""

import json
import re

import pytest
from click.testing import CliRunner

from dyad.cli import main
from dyad.store import Store
from dyad.web.assets import plotly_js_path
from dyad.web.report import script_json
from tests.api.stores import HOSTILE, fill_records

DATA = re.compile(r'<script type="application/json" id="dyad-data">(.*?)</script>', re.S)


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture
def report(store_url, tmp_path):
    with Store(store_url) as store:
        fill_records(store)
    path = tmp_path / "report.html"
    result = invoke("report", "aze", "rus", "-o", path, "--db", store_url)
    assert result.exit_code == 0, result.output
    assert f"written to {path}" in result.stderr
    return store_url, path.read_text(encoding="utf-8")


def embedded(html: str) -> dict:
    return json.loads(DATA.search(html).group(1))


def markup(html: str) -> str:
    """The document without the bodies of its inline scripts and style sheet (plotly's JS
    holds URL strings, e.g. map attributions, that nothing loads)."""
    return re.sub(r"(<(script|style)[^>]*>).*?(</\2>)", r"\1\3", html, flags=re.S)


def test_the_report_needs_no_network(report):
    _, html = report
    page = markup(html)
    assert "http" not in page and "//" not in page.replace("<!DOCTYPE html>", "")
    assert "<link" not in page.replace('<link rel="icon" href="data:,">', "")
    assert not re.search(r"<script[^>]*\ssrc=", page)
    assert "@import" not in html and "url(" not in html.split("<script>")[0]
    assert plotly_js_path().read_text(encoding="utf-8")[:2000] in html  # plotly inlined
    assert "function embeddedSource" in html and "mark.multi" in html  # app.js and CSS


def test_the_report_embeds_the_dyads_data(report):
    url, html = report
    data = embedded(html)
    assert (data["a"], data["b"], data["by"]) == ("AZE", "RUS", "month")
    cli = invoke("relations", "AZE", "RUS", "--format", "json", "--db", url)
    assert data["relations"] == json.loads(cli.stdout)
    assert sorted((e["article_id"], e["cameo"]) for e in data["events"]) == [
        ("a1", "030"), ("a1", "040"), ("a2", "170"), ("a3", "110")]
    assert data["events_total"] == 4
    assert sorted(data["articles"]) == ["a1", "a2", "a3"]
    assert data["articles"]["a1"]["text"] == HOSTILE
    assert [d["label"] for d in data["top"]][0] == "RUS->AZE"


def test_article_text_cannot_break_out_of_the_report(report):
    _, html = report
    assert "<script>window.__pwned" not in html
    assert "\\u003cscript\\u003ewindow.__pwned" in html
    assert html.count("</script>") == html.count("<script")


def test_script_json_escapes_what_could_end_a_script():
    text = str(script_json({"t": "</script><!-- & \u2028"}))
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"t": "</script><!-- & \u2028"}


def test_the_period_and_days_reach_the_report(report, tmp_path):
    url, _ = report
    path = tmp_path / "weeks.html"
    result = invoke("report", "AZE", "RUS", "-o", path, "--db", url, "--by", "week",
                    "--from", "2025-10-01", "--to", "2025-10-31")
    assert result.exit_code == 0, result.output
    data = embedded(path.read_text(encoding="utf-8"))
    assert data["relations"]["by"] == "week" and data["relations"]["periods"][0] == "2025-W40"
    assert {e["article_id"] for e in data["events"]} == {"a1", "a3"}


def test_a_missing_store_or_unwritable_file_is_a_coded_error(tmp_path, report):
    url, _ = report
    missing = CliRunner().invoke(main, ["report", "AZE", "RUS", "-o", str(tmp_path / "r.html"),
                                        "--db", str(tmp_path / "none.db")])
    assert missing.exit_code != 0 and "D024" in str(missing.exception)
    unwritable = CliRunner().invoke(main, ["report", "AZE", "RUS", "-o",
                                           str(tmp_path / "no" / "dir" / "r.html"), "--db", url])
    assert unwritable.exit_code != 0 and "D066" in str(unwritable.exception)
