"""The dashboard's files: the page, package static files, plotly from its wheel, nothing
from outside the package's own directory."""

import pytest
from fastapi.testclient import TestClient

from dyad.api import create_app
from dyad.web.assets import STATIC, plotly_js_path


@pytest.fixture
def client(tmp_path):
    from dyad.store import Store

    url = str(tmp_path / "empty.db")
    Store(url).close()
    with TestClient(create_app(url)) as opened:
        yield opened


def test_the_page_loads_only_local_scripts(client):
    response = client.get("/")
    assert response.status_code == 200 and response.headers["content-type"].startswith(
        "text/html")
    html = response.text
    assert '<script src="static/vendor/plotly.min.js"></script>' in html
    assert '<script src="static/app.js"></script>' in html
    assert "http://" not in html and "https://" not in html


def test_plotly_js_is_the_installed_wheels_file(client):
    response = client.get("/static/vendor/plotly.min.js")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/javascript")
    assert response.content == plotly_js_path().read_bytes()
    assert plotly_js_path().parent.name == "package_data"


@pytest.mark.parametrize("name", ["app.js", "style.css"])
def test_package_static_files_are_served(client, name):
    response = client.get(f"/static/{name}")
    assert response.status_code == 200 and response.content == (STATIC / name).read_bytes()


@pytest.mark.parametrize("path", ["/static/../__init__.py", "/static/%2e%2e/__init__.py",
                                  "/static/..%2f__init__.py", "/static/%2e%2e%2fassets.py",
                                  "/static//etc/passwd", "/static/vendor/widgetbundle.js",
                                  "/static/vendor/..%2f..%2f..%2fpyproject.toml"])
def test_nothing_outside_the_static_directory_is_served(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert b"import" not in response.content and b"root:" not in response.content
