"""Every canned query on what a person types: real Datasette (data/serve.py fetch) on an index
built from the sample portal, compared with the index's own tables and with the CLI."""
from __future__ import annotations

import json
import urllib.parse
from pathlib import Path

import pytest
from click.testing import CliRunner

from data import Index
from data.serve import datasette_metadata, fetch
from pipeline import cli


GARBAGE = ["zzz", "%", "*", "[", "'; DROP TABLE articles; --", "\"", "@", "05-CT/TW@", "\u200b", "Chỉ thị"]
LONG = " ".join(["ba"] * 120)  # more than the 100 syllables vnportal search takes


@pytest.fixture(scope="module")
def index(sample_index_path):
    index = Index(sample_index_path)
    yield index
    index.close()


def canned(index: Index, query: str, **params: str) -> list[dict]:
    """The rows of one canned query; the response must be 200."""
    path = f"/{Path(index.path).stem}/{query}.json?{urllib.parse.urlencode({**params, '_shape': 'array'})}"
    status, body = fetch(index.path, path)
    assert status == 200, body[:500]
    return json.loads(body)


def citing(index: Index, *keys: str) -> set[int]:
    """Articles citing a document of one of these keys, or of one of them with a term or year."""
    rows = index.db.execute("SELECT m.article_id, m.directive_key FROM directive_mentions m").fetchall()
    return {article for article, key in rows if key.split("@")[0] in keys or key in keys}


def cli_json(index: Index, *args: str) -> list[dict]:
    result = CliRunner().invoke(cli, [*args, "--db", index.path, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_every_canned_query_is_tested():
    queries = datasette_metadata("vnportal.db")["databases"]["vnportal"]["queries"]
    assert set(queries) == {"articles_citing_directive", "official_appearances", "statistics_by_site_year", "search"}


@pytest.mark.parametrize("typed", ["05-CT/TW", "05-ct/tw", "05 CT/TW", " 05 - CT / TW ", "Chỉ thị 05",
                                   "chi thi 05", "Chỉ thị số 05-CT/TW", "Số: 05-CT/TW", "05-CT/TW@2016"])
def test_a_document_as_typed_finds_the_articles_citing_it(index, typed):
    rows = canned(index, "articles_citing_directive", key=typed)
    expected = citing(index, "05-CT/TW")
    assert expected and {row["id"] for row in rows} == expected
    assert {row["document"] for row in rows} == {"Chỉ thị 05-CT/TW (2016)"}
    assert {hit.id for hit in index.search("Chỉ thị", directive=typed, limit=100)} == expected


@pytest.mark.parametrize("typed, keys", [("1056-QC/TU", ["1056-QC/TU"]), ("20-CT/TW", ["20-CT/TW"]),
                                         ("15/2020/ND-CP", ["15/2020/NĐ-CP"]),
                                         ("Nghị quyết 20", ["20-NQ/TW"])])
def test_other_documents(index, typed, keys):
    rows = canned(index, "articles_citing_directive", key=typed)
    assert citing(index, *keys) and {row["id"] for row in rows} == citing(index, *keys)


def test_a_type_and_number_finds_every_term(index):
    """Nghị quyết 20-NQ/TW of 2012 and of 2017: two documents, both found, told apart by their year."""
    rows = canned(index, "articles_citing_directive", key="Nghị quyết 20")
    assert {row["document"] for row in rows} == {"Nghị quyết 20-NQ/TW (2012)", "Nghị quyết 20-NQ/TW (2017)"}
    assert {row["key"] for row in rows} == {"20-NQ/TW@2012", "20-NQ/TW@2017"}


@pytest.mark.parametrize("typed", ["", "   ", *GARBAGE])
def test_empty_or_garbage_document_finds_nothing(index, typed):
    assert canned(index, "articles_citing_directive", key=typed) == []


def test_missing_parameters_find_nothing(index):
    for query in ("articles_citing_directive", "official_appearances", "search"):
        assert canned(index, query) == []


@pytest.mark.parametrize("typed", ["Đào Khánh Hà", "dao khanh ha", "ĐÀO KHÁNH HÀ", "Khánh Hà",
                                   " dao  khanh ha ",
                                   "Đào Khánh Hà"])  # the last in decomposed Unicode (NFD)
def test_an_official_with_or_without_accents(index, typed):
    rows = canned(index, "official_appearances", name=typed)
    expected = index.db.execute("SELECT count(*) FROM official_mentions m JOIN people p ON p.id = m.person_id "
                                "WHERE p.name = 'Đào Khánh Hà'").fetchone()[0]
    assert expected and len(rows) == expected
    assert {row["person"] for row in rows} == {"Đào Khánh Hà"}


@pytest.mark.parametrize("typed", ["", "Hà Khánh Đào", "Khánh H", *GARBAGE])
def test_an_unknown_official_finds_nothing(index, typed):
    assert canned(index, "official_appearances", name=typed) == []


def test_statistics_by_site_and_year(index):
    everything = canned(index, "statistics_by_site_year", site="", year="")
    total = index.db.execute("SELECT count(*) FROM statistics").fetchone()[0]
    assert sum(row["statistics"] for row in everything) == total
    site, year = everything[0]["site"], everything[0]["year"]
    narrowed = canned(index, "statistics_by_site_year", site=f" {site.upper()} ", year=str(year))
    assert narrowed == [row for row in everything if (row["site"], row["year"]) == (site, year)]
    by_year = [row for row in everything if row["year"] == year]
    assert canned(index, "statistics_by_site_year", year=str(year)) == by_year


@pytest.mark.parametrize("site, year", [("nosuchsite", ""), ("", "abc"), ("", "2022abc"), ("", "1800"),
                                        *[(garbage, "") for garbage in GARBAGE]])
def test_statistics_of_no_site_or_year_are_empty(index, site, year):
    assert canned(index, "statistics_by_site_year", site=site, year=year) == []


@pytest.mark.parametrize("typed", ["chuyển đổi số", "chuyen doi so"])
def test_search_as_the_cli_searches(index, typed):
    rows = canned(index, "search", q=typed)
    expected = [hit.id for hit in index.search(typed, limit=100)]
    assert expected and [row["id"] for row in rows] == expected


@pytest.mark.parametrize("typed", ["", "zzz", "\"", "AND", "*", LONG])
def test_search_for_nothing_finds_nothing(index, typed):
    assert canned(index, "search", q=typed) == []


def test_cli_directives_by_type_and_number(index):
    rows = cli_json(index, "directives", "--key", "Chỉ thị 05")
    assert rows == cli_json(index, "directives", "--key", "05-CT/TW") != []
    assert [row["document"] for row in rows] == ["Chỉ thị 05-CT/TW (2016)"]
    assert {row["key"] for row in cli_json(index, "directives", "--key", "chi thi so 20")} == {"20-CT/TW@2012"}
    assert cli_json(index, "directives", "--key", "Chỉ thị") == []


def test_cli_search_by_type_and_number(index):
    result = CliRunner().invoke(cli, ["search", "Chỉ thị", "--directive", "Chỉ thị 05", "--db", index.path,
                                      "--format", "json", "--limit", "100"])
    assert result.exit_code == 0, result.output
    assert {hit["id"] for hit in json.loads(result.stdout)} == citing(index, "05-CT/TW")


def test_export_reads_the_key(index):
    result = CliRunner().invoke(cli, ["export", "directives", "--db", index.path, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    named = {(row["key"], row["document"]) for row in rows}
    assert ("05-CT/TW@2016", "Chỉ thị 05-CT/TW (2016)") in named
    assert ("15/2020/NĐ-CP", "Nghị định 15/2020/NĐ-CP") in named
