"""Datasette's limits: the search query on any input.

Real Datasette on real SQLite files, in process through data/serve.py's fetch.
"""
from __future__ import annotations

import json
import urllib.parse

import pytest

from data import Index
from data.search import QueryError
from data.serve import fetch
from data_corpus import fill


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
