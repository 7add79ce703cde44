"""vnportal report: one self-contained HTML file (data.report) on the sample portal's articles."""
from __future__ import annotations

import hashlib
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from data import Index
from pipeline import cli


CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run"]


class _Page(HTMLParser):
    """Tags with their attributes, the rows of each section, and the links."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.rows: dict[str, int] = {}
        self.links: list[str] = []
        self.section: str | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag == "section":
            self.section = attributes["id"]
        elif tag == "tr" and self.section:
            self.rows[self.section] = self.rows.get(self.section, 0) + 1
        elif tag == "a":
            self.links.append(attributes["href"])


@pytest.fixture(scope="module")
def index_path(sample_index_path):
    return sample_index_path


@pytest.fixture(scope="module")
def index(index_path):
    index = Index(index_path, read_only=True)
    yield index
    index.close()


def report(index_path: str, out: Path, *args: str) -> tuple[str, _Page]:
    result = CliRunner().invoke(cli, ["report", "--db", index_path, "--out", str(out), *args])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    page = _Page()
    page.feed(html)
    return html, page


def article_urls(index: Index) -> set[str]:
    return {url for (url,) in index.db.execute("SELECT url FROM articles")}


def test_the_report_lists_what_the_index_holds(index_path, index, tmp_path):
    html, page = report(index_path, tmp_path / "report.html", "--top", "1000")
    people, documents, statistics = index.officials(), index.directives(), index.statistics()
    assert people and documents and statistics
    months = {row[0] for row in index.db.execute("SELECT substr(coalesce(published, first_seen), 1, 7) FROM articles")}
    assert page.rows == {"coverage": 1 + len(months), "people": 1 + len(people),
                         "documents": 1 + len(documents), "statistics": 1 + len(statistics)}
    assert f"{len(people)} of {len(people)} people" in html
    assert f"{index.count('articles')} article(s)" in html
    top = people[0]  # Vietnamese names, positions and counts as Index.officials gives them
    assert re.search(rf"<td>{re.escape(top.name)}</td><td>[^<]*</td><td class=\"n\">{top.article_count}</td>", html)
    assert re.search(rf"<td>{re.escape(documents[0].document)}</td><td>{re.escape(documents[0].key)}</td>", html)


def test_the_report_is_self_contained(index_path, index, tmp_path):
    html, page = report(index_path, tmp_path / "report.html")
    assert html.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in html
    assert not any("src" in attributes for _, attributes in page.tags)
    assert not any(tag in {"script", "link", "img", "iframe", "object", "embed", "image", "use"}
                   for tag, _ in page.tags)
    assert "url(" not in html and "@import" not in html
    assert any(tag == "svg" for tag, _ in page.tags)
    # every web address in the file is an article's URL, in a link
    assert page.links and set(page.links) <= article_urls(index)
    addresses = re.findall(r"https?://[^\"'<>\s]+", html)
    assert addresses and all(address in page.links for address in addresses)
    assert all(tag != "a" or set(attributes) == {"href"} for tag, attributes in page.tags)


def test_site_and_dates_choose_the_articles(index_path, index, tmp_path):
    html, page = report(index_path, tmp_path / "wp.html", "--site", "wp", "--top", "1000")
    people, documents = index.officials(site="wp"), index.directives(site="wp")
    statistics = index.statistics(site="wp")
    assert page.rows["people"] == 1 + len(people) < 1 + len(index.officials())
    assert page.rows["documents"] == 1 + len(documents) and page.rows["statistics"] == 1 + len(statistics)
    wp = {url for (url,) in index.db.execute("SELECT url FROM articles WHERE site = 'wp'")}
    assert page.links and set(page.links) <= wp
    html, page = report(index_path, tmp_path / "2023.html", "--since", "2023", "--until", "2023-06", "--top", "1000")
    people = index.officials(since="2023", until="2023-06")
    assert page.rows["people"] == 1 + len(people) and 0 < len(people) < len(index.officials())
    assert all("2023-01-01" <= person.first_seen <= person.last_seen <= "2023-06-30" for person in people)
    assert page.rows["documents"] == 1 + len(index.directives(since="2023", until="2023-06"))
    assert re.findall(r"<td>(\d{4}-\d\d)</td>", html) and all(
        "2023-01" <= month <= "2023-06" for month in re.findall(r"<td>(\d{4}-\d\d)</td>", html))


def test_top_limits_each_list(index_path, index, tmp_path):
    html, page = report(index_path, tmp_path / "top.html", "--top", "3")
    assert page.rows["people"] == page.rows["documents"] == page.rows["statistics"] == 4
    assert f"3 of {len(index.officials())} people" in html


@pytest.mark.parametrize("args, message", [
    (["--since", "2023-13"], "'2023-13' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"),
    (["--until", "soon"], "'soon' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"),
])
def test_a_bad_date_is_one_line_and_writes_nothing(index_path, tmp_path, args, message):
    out = tmp_path / "report.html"
    result = CliRunner().invoke(cli, ["report", "--db", index_path, "--out", str(out), *args])
    assert result.exit_code == 2 and result.output == f"Error: {message}\n"
    assert not out.exists()


def test_the_index_is_never_the_output(index_path, tmp_path):
    before = hashlib.sha256(Path(index_path).read_bytes()).hexdigest()
    for out in (index_path, f"{Path(index_path).parent}/./{Path(index_path).name}"):
        result = CliRunner().invoke(cli, ["report", "--db", index_path, "--out", out])
        assert result.exit_code == 2 and len(result.output.splitlines()) == 1
        assert "is the index or one of its files" in result.output
    assert hashlib.sha256(Path(index_path).read_bytes()).hexdigest() == before


@pytest.mark.browser
def test_chromium_draws_the_chart_offline(chromium, index_path, index, tmp_path):
    out = tmp_path / "report.html"
    report(index_path, out)
    profile = tmp_path / "profile"
    dom = subprocess.run([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", out.as_uri()],
                         capture_output=True, text=True, timeout=120, check=True).stdout
    chart = dom[dom.index("<svg"):dom.index("</svg>")]
    bars = chart[chart.index('class="mark-rect role-mark'):]
    bars = bars[:bars.index("</g>")]
    site_months = index.db.execute("SELECT count(DISTINCT site || substr(coalesce(published, first_seen), 1, 7)) "
                                   "FROM articles").fetchone()[0]
    assert bars.count("<path") == site_months > 1  # one bar (Vega draws rect marks as paths) per site and month
    assert "tuyengiao" in chart and "month" in chart
    screenshot = tmp_path / "report.png"
    subprocess.run([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--window-size=1280,1600",
                    f"--screenshot={screenshot}", out.as_uri()], capture_output=True, timeout=120, check=True)
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and screenshot.stat().st_size > 20_000
