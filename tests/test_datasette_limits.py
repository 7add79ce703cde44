"""Datasette's limits: the search query on any input, size caps on every query, and what --no-sql serves.

Real Datasette on real SQLite files: in process through data/serve.py's fetch, and once as a
`vnportal serve` process queried over HTTP on 127.0.0.1.
"""
from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from crawler.options import CrawlOptions
from data import Index
from data.datasette_plugin import RESULT_CAP, VALUE_CAP
from data.search import QueryError
from data.serve import datasette_metadata, fetch
from data_corpus import fill

ROOT = Path(__file__).resolve().parent.parent
SMALL_ERROR = 4_000  # bytes: an error response, not a result
RANDOMBLOB = "/index.json?sql=" + urllib.parse.quote("select randomblob(200000000)")


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("datasette") / "index.db"
    index = Index(path)
    fill(index)
    index.close()
    return str(path)


def search_rows(db_path: str, query: str) -> list[dict]:
    status, body = fetch(db_path, f"/index/search.json?{urllib.parse.urlencode({'q': query})}&_shape=array")
    assert status == 200, body
    return json.loads(body)


@pytest.mark.parametrize("query", ["", "   ", "AND", "title:", "NEAR(", '"', "*"])
def test_a_search_without_words_finds_nothing(db_path, query):
    assert search_rows(db_path, query) == []


def test_the_search_page_opens_empty_without_an_error(db_path):
    status, body = fetch(db_path, "/index/search")
    assert status == 200
    assert "message-error" not in body


@pytest.mark.parametrize("query", ['"Đảng ủy', "(Đảng ủy", "Đảng ủy)"])
def test_a_query_the_command_rejects_is_searched_as_plain_words(db_path, query):
    index = Index(db_path)
    with pytest.raises(QueryError):
        index.search(query)
    expected = [hit.id for hit in index.search("đảng ủy", limit=100)]
    assert expected
    assert [row["id"] for row in search_rows(db_path, query)] == expected


def test_a_value_over_the_length_cap_is_a_small_error(db_path):
    status, body = fetch(db_path, RANDOMBLOB)
    assert status == 400
    assert len(body) < SMALL_ERROR
    assert json.loads(body)["error"] == "string or blob too big"


def test_rows_over_the_result_cap_are_a_small_error(db_path):
    rows = RESULT_CAP // VALUE_CAP + 1  # each value at the cap: together over the result cap
    sql = f"select zeroblob({VALUE_CAP}) from (select value from json_each('{json.dumps(list(range(rows)))}'))"
    status, body = fetch(db_path, "/index.json?sql=" + urllib.parse.quote(sql))
    assert status == 400
    assert len(body) < SMALL_ERROR
    assert json.loads(body)["error"].startswith("result too big")


def test_an_article_text_longer_than_the_crawler_page_cap_displays(tmp_path):
    path = str(tmp_path / "index.db")
    index = Index(path)
    article_id = next(iter(fill(index).values()))
    text = "a" * (CrawlOptions().max_bytes + 1)
    index.db.execute("update articles set text = ? where id = ?", [text, article_id])
    index.close()
    status, body = fetch(path, f"/index/articles/{article_id}.json?_shape=array")
    assert status == 200, body[:300]
    assert json.loads(body)[0]["text"] == text
    status, body = fetch(path, "/index/articles.json?_shape=array")  # the table's first page
    assert status == 200, body[:300]
    assert text in {row["text"] for row in json.loads(body)}


def hidden_tables(db_path: str) -> set[str]:
    return {name for name, table in datasette_metadata(db_path)["databases"]["index"]["tables"].items()
            if table.get("hidden")}


def test_internal_tables_are_hidden_but_sql_reads_them(db_path):
    assert {"raw_pages", "url_state", "crawl_runs", "_migrations"} <= hidden_tables(db_path)
    status, body = fetch(db_path, "/index.json")
    listed = {table["name"] for table in json.loads(body)["tables"] if not table["hidden"]}
    assert "articles" in listed
    assert not listed & hidden_tables(db_path)
    status, body = fetch(db_path, "/index.json?sql=" + urllib.parse.quote("select count(*) from raw_pages")
                         + "&_shape=array")
    assert status == 200
    assert list(json.loads(body)[0].values()) == [6]


def test_no_sql_serves_neither_sql_nor_the_hidden_tables(db_path):
    status, _ = fetch(db_path, "/index.json?sql=select+1", sql=False)
    assert status == 403
    status, _ = fetch(db_path, "/index/articles.json?_where=1", sql=False)
    assert status == 403
    for table in hidden_tables(db_path):
        status, _ = fetch(db_path, f"/index/{table}.json", sql=False)
        assert status == 403, table
    status, body = fetch(db_path, "/index.json", sql=False)
    assert not {table["name"] for table in json.loads(body)["tables"]} & hidden_tables(db_path)
    status, body = fetch(db_path, "/index/articles.json?_shape=array", sql=False)
    assert (status, len(json.loads(body))) == (200, 6)
    status, body = fetch(db_path, "/index/search.json?q=tuyen+giao&_shape=array", sql=False)
    assert status == 200 and json.loads(body)




def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


@pytest.mark.network_local
def test_a_served_index_opens_search_empty_and_refuses_a_huge_value(served):
    status, body = _get(served + "/index/search")
    assert status == 200
    assert b"message-error" not in body
    status, body = _get(served + RANDOMBLOB)
    assert status == 400
    assert len(body) < SMALL_ERROR
    assert b"string or blob too big" in body
