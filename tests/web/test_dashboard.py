"""The dashboard in a real browser: plots drawn, filters, articles with their evidence
highlighted, hostile text shown and never run, no request leaving the server; and the
report file working from disk with the network cut."""

import json
import urllib.request

from click.testing import CliRunner

from dyad.cli import main


def api(server_url: str, path: str):
    with urllib.request.urlopen(server_url + path, timeout=10) as response:
        return json.loads(response.read())


def show(page, server_url: str, a: str = "AZE", b: str = "RUS") -> None:
    page.goto(server_url)
    page.wait_for_selector("#network .main-svg")
    page.select_option("#actor-a", a)
    page.select_option("#actor-b", b)
    page.click("#show")
    page.wait_for_function(
        f"document.getElementById('dyad-title').textContent.startsWith('{a} ↔ {b}')")


def test_picking_aze_rus_draws_its_plots_and_events(watched, server_url):
    page = watched.page
    show(page, server_url)
    page.wait_for_selector("#goldstein .main-svg")
    page.wait_for_selector("#quad .main-svg")
    assert page.locator("#goldstein .scatterlayer .trace").count() == 2
    total = api(server_url, "events?source=AZE&target=RUS&both_ways=true&limit=1")["total"]
    page.wait_for_function(
        f"document.getElementById('page-info').textContent.endsWith('of {total} events')")
    assert page.locator("#events tbody tr").count() == min(total, 50)
    assert not watched.errors and not watched.outside


def test_an_article_shows_each_events_evidence_with_code_and_actors(watched, server_url):
    page = watched.page
    show(page, server_url)
    page.locator("#events button.open-article").first.click()
    page.wait_for_selector("#article mark")
    article_id = page.locator("#article-meta").text_content().split(" · ")[0]
    article = api(server_url, f"articles/{article_id}")
    marked = "".join(page.locator("#article mark").all_text_contents())
    tags = " ".join(page.locator("#article sup.tag").all_text_contents())
    for k, event in enumerate(article["events"], start=1):
        assert event["evidence"]["text"] in marked
        assert (f"[{k}] {event['cameo']} {event['source']['code']} → "
                f"{event['target']['code']} ({event['status']})") in tags
    assert page.locator("#article-events li").count() == len(article["events"])
    assert not watched.errors and not watched.outside


def test_hostile_article_text_is_shown_and_never_run(watched, server_url):
    page = watched.page
    page.goto(server_url + "#a=AZE&b=RUS&article=a1")
    page.wait_for_selector("#article mark")
    page.wait_for_timeout(300)
    assert "<script>window.__pwned = 1; alert('x')</script>" in (
        page.locator("#article").text_content())
    assert page.locator("#article script").count() == 0
    assert page.evaluate("window.__pwned") is None
    assert not watched.dialogs and not watched.errors


def test_the_event_filters_query_the_api(watched, server_url):
    page = watched.page
    show(page, server_url)
    page.select_option("#filters select[name=status]", "negated")
    page.click("#filters button[type=submit]")
    page.wait_for_function("document.getElementById('page-info').textContent === "
                           "'1–1 of 1 events'")
    assert "Баку не критиковал Москву" in page.locator("#events tbody").text_content()
    page.select_option("#filters select[name=status]", "")
    page.fill("#filters input[name=q]", "ПРОВОКАЦИИ")
    page.click("#filters button[type=submit]")
    page.wait_for_function("document.querySelector('#events tbody').textContent"
                           ".includes('Москва обвинила Баку в провокации')")
    assert page.locator("#page-info").text_content() == "1–1 of 1 events"
    assert "170" in page.locator("#events tbody").text_content()


def test_the_report_file_works_from_disk_without_network(watched, dashboard_db, tmp_path):
    path = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["report", "AZE", "RUS", "-o", str(path),
                                       "--db", dashboard_db])
    assert result.exit_code == 0, result.output
    page = watched.page
    page.goto(path.as_uri())
    page.wait_for_selector("#goldstein .main-svg")
    page.wait_for_selector("#network .main-svg")
    page.locator("#events button.open-article", has_text="a1").first.click()
    page.wait_for_selector("#article mark")
    assert "<script>window.__pwned" in page.locator("#article").text_content()
    assert page.evaluate("window.__pwned") is None
    assert not watched.outside and not watched.errors and not watched.dialogs
