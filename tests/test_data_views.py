"""The tag views: `vnportal statistics` and `vnportal dates`, and whole numbers written as integers."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from data import FetchedPage, Index
from data.output import render
from data_corpus import fill, html_page
from extract.article import Article
from nlp import tag
from pipeline import cli
from test_data_cli import run

POOR_HOUSEHOLDS = ("Đồng chí Giàng A Chu, Trưởng Ban Dân tộc tỉnh cho biết: Mặt trận các cấp đã hỗ trợ khoảng 3,5 tỷ đồng cho 215 hộ nghèo, hộ cận nghèo "
                   "và 12,5% hộ gia đình được vay vốn trong quý III/2023.")


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    """The sample corpus and one article tagged by the real tagger."""
    path = tmp_path_factory.mktemp("views") / "index.db"
    index = Index(path)
    fill(index)
    article = Article(url="http://portal.test/danang/chi-tiet/ho-ngheo-606.html", title="Hỗ trợ hộ nghèo",
                      text=POOR_HOUSEHOLDS, published="2023-09-12T08:00:00")
    page = FetchedPage(url=article.url, site="danang", fetched_at="2024-06-21T08:00:00+00:00",
                       body=html_page(article.title, article.published, [POOR_HOUSEHOLDS]))
    index.store_page(page)
    index.add_article(page, article, tag(POOR_HOUSEHOLDS))
    index.close()
    return str(path)


def as_json(*args: str) -> list[dict]:
    return json.loads(run(*args, "--format", "json"))


def test_statistics_by_unit_ignore_accents_and_match_whole_words(db_path):
    found = as_json("statistics", "--unit", "ho ngheo", "--db", db_path)
    assert [(row["value"], row["unit_text"], row["site"], row["article_date"]) for row in found] == [
        (215, "hộ nghèo, hộ cận nghèo", "danang", "2023-09-12")]
    assert found[0]["title"] == "Hỗ trợ hộ nghèo" and found[0]["url"].endswith("ho-ngheo-606.html")
    assert POOR_HOUSEHOLDS[found[0]["start"]:found[0]["end"]] == found[0]["text"]
    assert [row["text"] for row in as_json("statistics", "--unit", "CÁN BỘ", "--db", db_path)] == [
        "22.214 lượt cán bộ, đảng viên"]
    assert as_json("statistics", "--unit", "hoi ngh", "--db", db_path) == []  # "nghị" is a whole word


def test_statistics_by_kind_site_and_article_date(db_path):
    assert {row["kind"] for row in as_json("statistics", "--kind", "Percent", "--db", db_path)} == {"percent"}
    assert [row["value"] for row in as_json("statistics", "--kind", "money", "--db", db_path)] == [3_500_000_000]
    counts = as_json("statistics", "--kind", "count", "--site", "haiphong", "--db", db_path)
    assert [row["value"] for row in counts] == [56, 22214]  # in text order within an article
    dated = as_json("statistics", "--since", "2023", "--until", "2023-09", "--db", db_path)
    assert sorted({row["article_date"] for row in dated}) == ["2023-05-21", "2023-09-12"]
    newest_first = [row["article_date"] for row in as_json("statistics", "--db", db_path)]
    assert newest_first == sorted(newest_first, reverse=True) and len(newest_first) == 9


def test_statistics_table_and_csv_write_whole_numbers_as_integers(db_path):
    table = run("statistics", "--unit", "ho ngheo", "--db", db_path)
    assert table.splitlines()[0].split() == ["article_date", "site", "kind", "value", "unit_text", "text", "title"]
    assert " 215 " in table and "215.0" not in table
    rows = list(csv.DictReader(io.StringIO(run("statistics", "--site", "danang", "--format", "csv",
                                               "--db", db_path))))
    assert sorted(row["value"] for row in rows) == ["12.5", "215", "3500000000", "430"]
    assert {row["denominator"] for row in rows} == {""}


def test_dates_within_a_period_keep_overlapping_mentions(db_path):
    found = as_json("dates", "--within", "2021..2021", "--db", db_path)
    assert sorted(row["text"] for row in found) == ["Chiều 15/12", "năm 2021"]
    assert as_json("dates", "--within", "2021-12-15", "--kind", "year", "--db", db_path)[0]["end_date"] == "2021-12-31"
    quarters = as_json("dates", "--within", "2022-02..2023-12-31", "--kind", "quarter", "--db", db_path)
    assert [(row["text"], row["start_date"], row["end_date"]) for row in quarters] == [
        ("quý III/2023", "2023-07-01", "2023-09-30"), ("quý I-2022", "2022-01-01", "2022-03-31")]
    assert as_json("dates", "--within", "2022-04..2022-12", "--kind", "quarter", "--db", db_path) == []
    assert {row["site"] for row in as_json("dates", "--site", "tuyengiao", "--db", db_path)} == {"tuyengiao"}
    row = as_json("dates", "--kind", "date", "--db", db_path)[0]
    assert (row["text"], row["start_date"], row["article_date"], row["site"]) == (
        "ngày 05-11-2012", "2012-11-05", "2021-12-15", "haiphong")


@pytest.mark.parametrize("args, message", [
    (["statistics", "--kind", "percentage"], "unknown kind 'percentage': use one of count, percent,"),
    (["dates", "--kind", "count"], "unknown kind 'count': use one of datetime, date,"),
    (["dates", "--within", "2021-12..2021-01"], "ends before it starts"),
    (["dates", "--within", "2021-13"], "is not a date"),
    (["dates", "--within", "..2021"], "is not a period: use D1..D2"),
    (["dates", "--within", "2021..2022..2023"], "is not a date"),
    (["statistics", "--since", "12/2021"], "is not a date"),
    (["statistics", "--unit", "%!"], "has no words"),
])
def test_bad_input_is_one_clear_line(db_path, args, message):
    result = CliRunner().invoke(cli, [*args, "--db", db_path])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert message in result.output and len(result.output.strip().splitlines()) == 1


def test_officials_and_tag_write_a_word_shared_by_title_and_organization_once(db_path, tmp_path):
    (person,) = as_json("officials", "--name", "giang a chu", "--db", db_path)
    assert person["positions"] == ["Trưởng Ban Dân tộc tỉnh"]
    text = tmp_path / "text.txt"
    text.write_text(POOR_HOUSEHOLDS, encoding="utf-8")
    assert "Giàng A Chu — Trưởng Ban Dân tộc tỉnh  |" in run("tag", str(text))


def test_export_and_render_write_whole_numbers_as_integers(db_path):
    exported = list(csv.DictReader(io.StringIO(run("export", "statistics", "--site", "haiphong", "--db", db_path))))
    assert [row["value"] for row in exported] == ["56", "22214"]
    lines = [json.loads(line) for line in run("export", "statistics", "--format", "jsonl", "--site", "wp",
                                              "--db", db_path).splitlines()]
    assert [(line["value"], type(line["value"])) for line in lines] == [(5.07, float)]
    counted = [json.loads(line)["value"] for line in run("export", "statistics", "--format", "jsonl",
                                                         "--site", "danang", "--db", db_path).splitlines()]
    assert sorted(counted, key=float) == [12.5, 215, 430, 3500000000]
    assert all(type(value) is int for value in counted if value != 12.5)
    rows = [{"value": 312.0}, {"value": 12.5}, {"value": -0.0}, {"value": 1e16}, {"value": float("nan")}, {"value": 7}]
    assert render(rows, ["value"], "csv").split() == ["value", "312", "12.5", "0", "10000000000000000", "nan", "7"]
