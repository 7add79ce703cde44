"""The overview dashboard (datasette-dashboards, Vega-Lite): every chart's SQL returns rows through
Datasette, the page loads nothing from outside the server, and headless Chromium draws its charts."""
from __future__ import annotations

import json
import re
import subprocess
from html.parser import HTMLParser
from urllib.parse import urlencode, urlsplit

import pytest
from datasette_dashboards import replace_opts_in_query

from data.serve import datasette_metadata, fetch

CHARTS = {"articles", "citations", "official", "statistics"}
CHOICES = [{}, {"site": "danang"}, {"name": "Khánh Hà"}, {"unit": "%"}]


@pytest.fixture(scope="module")
def db_path(sample_index_path) -> str:
    return sample_index_path


def _dashboard(db_path: str) -> dict:
    return datasette_metadata(db_path)["plugins"]["datasette-dashboards"]["overview"]


def _rows(db_path: str, sql: str, params: dict) -> list[dict]:
    query = urlencode({"sql": replace_opts_in_query(sql, params), "_shape": "objects", **params})
    status, body = fetch(db_path, f"/index.json?{query}")
    assert status == 200, body
    return json.loads(body)["rows"]


@pytest.mark.parametrize("params", CHOICES)
def test_every_chart_query_returns_rows(db_path, params):
    charts = _dashboard(db_path)["charts"]
    assert set(charts) == CHARTS
    for name, chart in charts.items():
        assert chart["db"] == "index"
        assert _rows(db_path, chart["query"], params), (name, params)


def test_the_filters_choices_come_from_the_index(db_path):
    filters = _dashboard(db_path)["filters"]
    assert [row["site"] for row in _rows(db_path, filters["site"]["query"], {})] == \
        ["danang", "haiphong", "huyen", "tuyengiao", "wp"]
    assert "Đào Khánh Hà" in [row["name"] for row in _rows(db_path, filters["name"]["query"], {})]
    assert "%" in [row["unit_text"] for row in _rows(db_path, filters["unit"]["query"], {})]


def test_the_chosen_filters_narrow_the_charts(db_path):
    charts = _dashboard(db_path)["charts"]
    assert {row["site"] for row in _rows(db_path, charts["articles"]["query"], {"site": "danang"})} == {"danang"}
    people = {row["person"] for row in _rows(db_path, charts["official"]["query"], {"name": "dao khanh ha"})}
    assert people == {"Đào Khánh Hà"}
    every_unit = _rows(db_path, charts["statistics"]["query"], {})
    percent = _rows(db_path, charts["statistics"]["query"], {"unit": "%"})
    assert sum(row["figures"] for row in percent) < sum(row["figures"] for row in every_unit)


class _Assets(HTMLParser):
    """The URLs a page loads: script src, link href, img src."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        url = attrs.get("src") if tag in ("script", "img") else attrs.get("href") if tag == "link" else None
        if url:
            self.urls.append(url)


def test_the_page_loads_only_local_assets(db_path):
    status, html = fetch(db_path, "/-/dashboards/overview")
    assert status == 200
    parser = _Assets()
    parser.feed(html)
    assert any(url.endswith("vega-lite.min.js") for url in parser.urls)
    assert [url for url in parser.urls if urlsplit(url).netloc or not url.startswith("/")] == []
    charts = re.findall(r"renderChart\('(\w+)'", html)
    assert set(charts) == CHARTS
    assert fetch(db_path, "/-/dashboards/overview", sql=False)[0] == 403  # its charts need ?sql=




@pytest.mark.browser
@pytest.mark.network_local
def test_chromium_draws_every_chart(chromium, served, tmp_path):
    screenshot = tmp_path / "dashboard.png"
    result = subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}",
         "--virtual-time-budget=10000", "--window-size=1400,1100", f"--screenshot={screenshot}", "--dump-dom",
         served + "/-/dashboards/overview?" + urlencode({"name": "Đào Khánh Hà"})],
        capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    dom = result.stdout
    charts = dict(re.findall(r'<div id="chart-(\w+)"[^>]*>.*?<svg[^>]*class="marks"(.*?)</svg>', dom, re.S))
    assert set(charts) == CHARTS
    for name, svg in charts.items():
        assert re.search(r'class="mark-(rect|line|symbol) role-mark', svg), name
    assert "Đào Khánh Hà" in charts["official"]  # the legend names the official
    assert screenshot.stat().st_size > 0
