"""Entity pages (data/entity_pages.py, data/templates): a person, a document and a site as
Datasette row pages, served by the real Datasette, compared with SQL on the sample index."""
from __future__ import annotations

import sqlite3
from contextlib import closing
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from datasette.utils import tilde_encode

from bench.common import sample_pages
from data import Index
from data.serve import fetch
from data.textnorm import document_name
from nlp.officials import position_text


@pytest.fixture(scope="module")
def index(sample_index_path, tmp_path_factory):
    path = tmp_path_factory.mktemp("entities") / "index.db"
    with closing(sqlite3.connect(sample_index_path)) as source, closing(sqlite3.connect(path)) as copy:
        source.backup(copy)  # this module adds sites and crawl runs
    index = Index(path)
    for number, site in enumerate(sorted({page.site for page in sample_pages()})):
        index.upsert_source({"name": site, "domains": ["127.0.0.1"]})
        for run in range(2):
            row = index.start_run(f"run{run}", site, f"2024-0{run + 1}-01T00:00:00")
            index.finish_run(row, f"2024-0{run + 1}-01T00:05:00", {"requests": 10 + number, "new": run}, "ok")
    yield index
    index.close()


class _Page(HTMLParser):
    """The entity section's tables (rows of cell texts and cell links, by table class) and the
    URLs the whole page loads (script src, link href)."""

    def __init__(self):
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self.links: dict[str, list[list[str]]] = {}
        self.assets: list[str] = []
        self.h1: list[str] = []
        self._table = self._cell = self._h1 = None
        self._in_entity = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "link") and attrs.get("src" if tag == "script" else "href"):
            self.assets.append(attrs.get("src" if tag == "script" else "href"))
        if tag == "section" and "entity" in (attrs.get("class") or "").split():
            self._in_entity = True
        if not self._in_entity:
            return
        if tag == "table":
            self._table = attrs.get("class")
            self.tables[self._table], self.links[self._table] = [], []
        elif tag == "tr" and self._table:
            self.tables[self._table].append([])
            self.links[self._table].append([])
        elif tag == "td" and self._table:
            self._cell = ""
        elif tag == "a" and self._table and self._cell is not None:
            self.links[self._table][-1].append(attrs["href"])
        elif tag == "h1":
            self._h1 = ""

    def handle_endtag(self, tag):
        if tag == "section":
            self._in_entity = False
        elif tag == "td" and self._cell is not None:
            self.tables[self._table][-1].append(self._cell.strip())
            self._cell = None
        elif tag == "table":
            self._table = None
        elif tag == "h1" and self._h1 is not None:
            self.h1.append(self._h1.strip())
            self._h1 = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell += data
        if self._h1 is not None:
            self._h1 += data


def page(index, path: str, sql: bool = True) -> _Page:
    status, html = fetch(index.path, f"/{Path(index.path).stem}/{path}", sql=sql)
    assert status == 200, html
    parsed = _Page()
    parsed.feed(html)
    # Datasette's own <link rel="alternate"> names the page's JSON on the serving host (the test client's)
    assert [url for url in parsed.assets if urlsplit(url).netloc not in ("", "localhost")] == []
    return parsed


def cells(parsed: _Page, table: str) -> list[list[str]]:
    return [row for row in parsed.tables[table] if row]  # the header row has th cells only


def articles(index, mentions: str, column: str, value) -> list[list[str]]:
    return [[day, site, title] for day, site, title in index.db.execute(
        f"SELECT substr(coalesce(published, first_seen), 1, 10) AS day, site, title FROM articles "
        f"WHERE id IN (SELECT article_id FROM {mentions} WHERE {column} = ?) ORDER BY day DESC, id DESC",
        [value])]


def test_a_person_page_lists_the_positions_and_articles_the_tables_hold(index):
    person_id, name, count, first, last = index.db.execute(
        "SELECT p.id, p.name, p.article_count, p.first_seen, p.last_seen FROM people p "
        "JOIN person_positions pp ON pp.person_id = p.id GROUP BY p.id "
        "HAVING count(*) >= 2 AND count(DISTINCT pp.first_seen || pp.last_seen) >= 2 "
        "ORDER BY p.article_count DESC, p.id LIMIT 1").fetchone()
    parsed = page(index, f"people/{person_id}")
    assert parsed.h1[0] == name
    positions = [[position_text(title, org), f or "", l or "", str(n)] for title, org, f, l, n in index.db.execute(
        "SELECT title, organization, first_seen, last_seen, article_count FROM person_positions "
        "WHERE person_id = ? ORDER BY first_seen, last_seen, title, organization", [person_id])]
    assert len(positions) >= 2 and cells(parsed, "positions") == positions
    expected = articles(index, "official_mentions", "person_id", person_id)
    assert len(expected) == count and cells(parsed, "articles") == expected
    urls = [url for (url,) in index.db.execute(
        "SELECT url FROM articles WHERE id IN (SELECT article_id FROM official_mentions WHERE person_id = ?) "
        "ORDER BY substr(coalesce(published, first_seen), 1, 10) DESC, id DESC", [person_id])]
    assert [link for row in parsed.links["articles"] if row for link in row] == urls
    assert "The row as stored" in fetch(index.path, f"/{Path(index.path).stem}/people/{person_id}")[1]


def test_a_document_page_lists_citing_articles_years_and_co_cited_documents(index):
    co_cited = {key: index.db.execute(
        "SELECT b.directive_key, count(DISTINCT b.article_id) AS n FROM directive_mentions a "
        "JOIN directive_mentions b ON a.article_id = b.article_id AND b.directive_key != a.directive_key "
        "WHERE a.directive_key = ? GROUP BY b.directive_key ORDER BY n DESC, b.directive_key LIMIT 20",
        [key]).fetchall() for (key,) in index.db.execute("SELECT key FROM directives ORDER BY article_count DESC")}
    # a document whose co-citations in order of count are not also in order of key
    key = next(key for key, rows in co_cited.items() if rows != sorted(rows))
    co_cited = co_cited[key]
    doc_type = index.db.execute("SELECT doc_type FROM directives WHERE key = ?", [key]).fetchone()[0]
    parsed = page(index, f"directives/{tilde_encode(key)}")
    assert parsed.h1[0] == document_name(key, doc_type)
    assert cells(parsed, "articles") == articles(index, "directive_mentions", "directive_key", key)
    years = [[year, str(n)] for year, n in index.db.execute(
        "SELECT substr(article_day, 1, 4) AS y, count(DISTINCT article_id) FROM directive_mentions "
        "WHERE directive_key = ? GROUP BY y ORDER BY y", [key])]
    assert cells(parsed, "years") == years
    names = dict(index.db.execute("SELECT key, doc_type FROM directives").fetchall())
    assert co_cited and cells(parsed, "co-cited") == [[document_name(k, names.get(k)), str(n)] for k, n in co_cited]
    stem = Path(index.path).stem
    assert [row[0] for row in parsed.links["co-cited"] if row] == [
        f"/{stem}/directives/{tilde_encode(k)}" for k, _ in co_cited]


def test_a_site_page_counts_articles_per_month_and_shows_the_latest_runs(index):
    for (site,) in index.db.execute("SELECT name FROM sources"):
        parsed = page(index, f"sources/{site}")
        months = [[month, str(n)] for month, n in index.db.execute(
            "SELECT substr(coalesce(published, first_seen), 1, 7) AS m, count(*) FROM articles WHERE site = ? "
            "GROUP BY m ORDER BY m", [site])]
        assert months and cells(parsed, "months") == months
        runs = index.db.execute("SELECT started, status, requests FROM crawl_runs WHERE site = ? "
                                "ORDER BY started DESC", [site]).fetchall()
        assert [(row[0], row[2], row[3]) for row in cells(parsed, "runs")] == [(s, st, str(r)) for s, st, r in runs]
        assert "runs" not in page(index, f"sources/{site}", sql=False).tables  # crawl state is hidden then


def test_names_are_escaped(index):
    with index.transaction():
        person_id = index.db.execute("INSERT INTO people (key, name, name_folded, article_count) "
                                     "VALUES ('<x>', '<script>alert(1)</script> & Co', 'x', 0)").lastrowid
    status, html = fetch(index.path, f"/{Path(index.path).stem}/people/{person_id}")
    assert status == 200
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in html


def test_an_unknown_row_is_not_found(index):
    assert fetch(index.path, f"/{Path(index.path).stem}/people/999999")[0] == 404
