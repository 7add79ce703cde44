"""The index commands: search, officials, directives, stats, serve (Datasette), reprocess."""
from __future__ import annotations

import csv
import io
import json
import urllib.parse

import pytest
from click.testing import CliRunner

import data.search
from data import Index
from data.serve import datasette_metadata
from data_corpus import fill
from pipeline import cli

COMMANDS = ["search", "officials", "directives", "stats", "export", "serve", "reprocess"]


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "index.db"
    index = Index(path)
    fill(index)
    run_id = index.start_run("run-1", "haiphong", "2024-06-21T07:00:00+00:00")
    index.finish_run(run_id, "2024-06-21T07:05:00+00:00", {"requests": 9, "new": 1}, "finished")
    index.close()
    return str(path)


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_and_a_db_option(command):
    text = run(command, "--help")
    assert "--db" in text and len(text.splitlines()) > 4


def test_search_table_output(db_path):
    out = run("search", "tuyen giao", "--site", "haiphong", "--db", db_path)
    assert out.startswith("1. 2021-12-15  haiphong  Quận ủy Lê Chân tổng kết công tác khoa giáo năm 2021  (#1)\n")
    assert "Trưởng Ban [Tuyên giáo] Thành ủy" in out
    assert "2." not in out


def test_search_json_and_csv(db_path):
    hits = json.loads(run("search", "bó", "--exact", "--format", "json", "--db", db_path))
    assert [hit["title"] for hit in hits] == ["Dâng hoa tưởng niệm các anh hùng liệt sĩ"]
    assert set(hits[0]) == {"id", "published", "site", "title", "url", "snippet", "rank", "ranked_by"}
    assert hits[0]["ranked_by"] == "bm25" and isinstance(hits[0]["rank"], float)  # a small index: bm25 is cheap
    rows = list(csv.DictReader(io.StringIO(run("search", "chuyển đổi số", "--limit", "1", "--format", "csv",
                                               "--db", db_path))))
    assert [row["title"] for row in rows] == ["Đẩy mạnh chuyển đổi số"]


def test_search_filters_from_the_command_line(db_path):
    hits = json.loads(run("search", "chi thi", "--directive", "20-CT/TW", "--since", "2022", "--format", "json",
                          "--db", db_path))
    assert [hit["site"] for hit in hits] == ["tuyengiao"]
    hits = json.loads(run("search", "tuyen giao", "--official", "Lê Khắc Nam", "--until", "2023-12-31",
                          "--format", "json", "--db", db_path))
    assert [hit["site"] for hit in hits] == ["wp"]


@pytest.mark.parametrize("args, message", [
    (["search", "AND"], "no words"),
    (["search", '"unclosed'], "double quote"),
    (["search", "NEAR(đảng"], "cannot parse"),
    (["search", "hội nghị", "--since", "15/12/2021"], "not a date"),
])
def test_bad_input_is_one_clear_line(db_path, args, message):
    result = CliRunner().invoke(cli, [*args, "--db", db_path])
    assert result.exit_code == 2
    assert "Traceback" not in result.output and message in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_query_commands_do_not_create_a_missing_index(tmp_path):
    missing = tmp_path / "nothing.db"
    result = CliRunner().invoke(cli, ["stats", "--db", str(missing)])
    assert result.exit_code == 2 and "no index at" in result.output
    assert not missing.exists()


def test_officials(db_path):
    out = run("officials", "--db", db_path)
    lines = out.splitlines()
    assert lines[0].split() == ["id", "name", "province", "article_count", "first_seen", "last_seen", "positions"]
    assert "Đào Khánh Hà" in lines[2] and " 2 " in lines[2] and "2021-12-15  2023-10-06" in lines[2]
    people = json.loads(run("officials", "--name", "khanh ha", "--format", "json", "--db", db_path))
    assert [(p["name"], p["article_count"]) for p in people] == [("Đào Khánh Hà", 2)]
    assert people[0]["positions"] == ["Trưởng Ban Tuyên giáo Thành ủy", "Ủy viên Ban Thường vụ Thành ủy"]
    by_site = json.loads(run("officials", "--site", "wp", "--format", "json", "--db", db_path))
    assert {(p["name"], p["article_count"], p["first_seen"]) for p in by_site} == \
        {("Đào Khánh Hà", 1, "2023-10-06"), ("Lê Khắc Nam", 1, "2023-10-06")}


def test_directives(db_path):
    documents = json.loads(run("directives", "--format", "json", "--db", db_path))
    assert [(d["key"], d["article_count"]) for d in documents][0] == ("20-CT/TW", 2)
    assert {d["key"] for d in documents} == {"20-CT/TW", "1056-QC/TU", "15/2020/NĐ-CP"}
    one = json.loads(run("directives", "--key", "15/2020/nd-cp", "--format", "json", "--db", db_path))
    assert [(d["key"], d["first_cited"], d["last_cited"]) for d in one] == [("15/2020/NĐ-CP", "2022-04-14",
                                                                              "2022-04-14")]
    assert [d["key"] for d in json.loads(run("directives", "--type", "Chỉ thị", "--format", "json", "--db",
                                             db_path))] == ["20-CT/TW"]
    assert [d["key"] for d in json.loads(run("directives", "--type", "nd", "--issuer", "CP", "--format", "json",
                                             "--db", db_path))] == ["15/2020/NĐ-CP"]
    assert json.loads(run("directives", "--issuer", "UBND", "--format", "json", "--db", db_path)) == []


def test_stats(db_path):
    rows = {row["site"]: row for row in json.loads(run("stats", "--format", "json", "--db", db_path))}
    assert set(rows) == {"danang", "haiphong", "huyen", "tuyengiao", "wp", "TOTAL"}
    assert (rows["tuyengiao"]["articles"], rows["tuyengiao"]["directives"], rows["tuyengiao"]["dates"]) == (2, 2, 3)
    assert rows["wp"]["official_mentions"] == 2
    assert (rows["haiphong"]["last_run"], rows["haiphong"]["last_run_status"]) == ("2024-06-21T07:05:00+00:00",
                                                                                   "finished")
    assert (rows["TOTAL"]["articles"], rows["TOTAL"]["officials"], rows["TOTAL"]["statistics"]) == (6, 3, 6)
    assert "TOTAL" in run("stats", "--db", db_path).splitlines()[-1]


def get(db_path: str, path: str) -> list[dict]:
    return json.loads(run("serve", "--db", db_path, "--get", path))


def test_datasette_canned_queries_return_rows(db_path):
    query = urllib.parse.urlencode
    rows = get(db_path, f"/index/articles_citing_directive.json?{query({'key': '20-ct/tw'})}&_shape=array")
    assert sorted(row["site"] for row in rows) == ["haiphong", "tuyengiao"]
    rows = get(db_path, f"/index/official_appearances.json?{query({'name': 'Dao Khanh Ha'})}&_shape=array")
    assert [(row["person"], row["date"]) for row in rows] == [("Đào Khánh Hà", "2021-12-15"),
                                                              ("Đào Khánh Hà", "2023-10-06")]
    rows = get(db_path, "/index/statistics_by_site_year.json?_shape=array")
    assert {(row["site"], row["year"], row["kind"], row["statistics"]) for row in rows} >= \
        {("haiphong", 2021, "count", 2), ("wp", 2023, "percent", 1)}
    rows = get(db_path, f"/index/search.json?{query({'q': 'Đảng ủy'})}&_shape=array")
    assert rows[0]["title"] == "Kiên Giang: Đảng ủy xã Vĩnh Hòa giới thiệu nhân sự"
    assert "[Đảng ủy]" in rows[0]["snippet"]
    assert [row["id"] for row in rows] == [hit.id for hit in Index(db_path).search("Đảng ủy", limit=100)]
    assert {row["ranked_by"] for row in rows} == {"bm25"}


def test_datasette_search_ranks_a_broad_query_as_the_command_does(db_path, monkeypatch):
    monkeypatch.setattr(data.search, "BM25_BUDGET", 0)  # as on a large index
    rows = get(db_path, f"/index/search.json?{urllib.parse.urlencode({'q': 'tuyen giao'})}&_shape=array")
    hits = Index(db_path).search("tuyen giao", limit=100)
    assert [(row["id"], row["ranked_by"]) for row in rows] == [(hit.id, hit.ranked_by) for hit in hits]
    assert rows and "bm25" not in {row["ranked_by"] for row in rows}


def test_datasette_metadata_facets_and_read_only(db_path):
    table = get(db_path, "/index/articles.json?_shape=objects")
    assert {facet for facet in table["facet_results"]} == {"site", "published_year"}
    assert datasette_metadata(db_path)["databases"]["index"]["tables"]["directives"]["facets"] == \
        ["doc_type", "issuer_code", "year"]
    result = CliRunner().invoke(cli, ["serve", "--db", db_path, "--get",
                                      "/index.json?sql=" + urllib.parse.quote("delete from articles")])
    assert result.exit_code == 2
    assert Index(db_path).db["articles"].count == 6


def test_reprocess_is_idempotent(tmp_path):
    path = str(tmp_path / "index.db")
    index = Index(path)
    fill(index)
    index.db.execute("update articles set extractor_version = '0.0.1'")
    index.db.execute("update raw_pages set process_status = 'indexed'")
    index.close()
    first = run("reprocess", "--since-version", "0.0.2", "--db", path)
    assert first.startswith("requeued 6 raw page(s): ")
    snapshot = _snapshot(path)
    second = run("reprocess", "--db", path)
    assert second.startswith("requeued 6 raw page(s): new 0, changed 0, ")
    assert _snapshot(path) == snapshot
    assert "pending" not in {row[0] for row in Index(path).db.execute("select process_status from raw_pages")}


def _snapshot(path: str) -> dict:
    index = Index(path)
    shot = {table: index.db.execute(f"select * from {table} order by 1").fetchall()
            for table in ("articles", "revisions", "people", "directives", "dates", "official_mentions",
                          "directive_mentions", "statistics", "article_search")}
    index.close()
    return shot
