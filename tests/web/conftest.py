"""Browser fixtures: the sample corpus plus the hostile records in one store, served by
uvicorn in a thread on a free port, and Debian's chromium driven headless by Playwright."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest
import uvicorn

from dyad.api import create_app
from dyad.store import Store
from tests.api.stores import fill_records, fill_sample

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def dashboard_db(tmp_path_factory, pipeline):
    url = str(tmp_path_factory.mktemp("dashboard") / "dashboard.db")
    fill_sample(url)
    with Store(url) as store:
        fill_records(store)
    return url


@pytest.fixture(scope="session")
def server_url(dashboard_db):
    port = free_port()
    config = uvicorn.Config(create_app(dashboard_db), host="127.0.0.1", port=port,
                            log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}/"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists() or shutil.which(str(CHROMIUM)) is None:
        pytest.skip(f"browser tests need Debian's chromium at {CHROMIUM} "
                    "(apt-get install -y chromium; .ci/run installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


class Watched:
    """A page with what went wrong on it: script errors, dialogs, requests to elsewhere."""

    def __init__(self, page, allowed: tuple[str, ...]) -> None:
        self.page, self.errors, self.dialogs, self.outside = page, [], [], []
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("dialog", self.dismiss)
        page.route("**/*", lambda route: self.only(route, allowed))

    def dismiss(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def only(self, route, allowed: tuple[str, ...]) -> None:
        if route.request.url.startswith(allowed):
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()


@pytest.fixture
def watched(browser, server_url):
    context = browser.new_context(viewport={"width": 1300, "height": 1600})
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield Watched(page, (server_url, "data:", "file://"))
    context.close()
