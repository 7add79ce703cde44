"""Export: documented columns, CSV/JSONL round trips with Vietnamese text, BOM, streaming."""
from __future__ import annotations

import csv
import io
import json
import types
from pathlib import Path

import pytest
from click.testing import CliRunner

from data import Index
from data.export import EXPORT_COLUMNS, columns_markdown, export_rows, write_rows
from data_corpus import fill, sample
from pipeline import cli

README = Path(__file__).resolve().parents[1] / "README.md"


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "index.db"
    index = Index(path)
    fill(index)
    index.close()
    return str(path)


@pytest.fixture(scope="module")
def index(db_path):
    index = Index(db_path)
    yield index
    index.close()


def run(*args: str):
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result


@pytest.mark.parametrize("table", sorted(EXPORT_COLUMNS))
def test_every_exported_column_is_documented(index, table):
    if table == "documents":  # the sample index attaches no fetched document: one is linked here
        document = index.db["documents"].insert({"url": "http://127.0.0.1/van-ban.pdf", "status": "failed",
                                                 "reason": "HTTP 404"}).last_pk
        index.db["article_documents"].insert({"article_id": 1, "document_id": document})
    cursor_columns = list(next(export_rows(index.db, table)).keys())
    assert cursor_columns == list(EXPORT_COLUMNS[table])


def test_readme_documents_the_export_columns():
    if columns_markdown() not in README.read_text(encoding="utf-8"):
        pytest.fail("README.md does not carry data.export.columns_markdown() (the export columns tables)")


def test_csv_round_trips_vietnamese_text(db_path, tmp_path):
    out = tmp_path / "articles.csv"
    run("export", "articles", "--db", db_path, "--out", str(out))
    raw = out.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 6
    _, article, _ = sample(0)
    row = next(r for r in rows if r["url"] == article.url)
    assert row["text"] == article.text  # paragraph breaks and diacritics intact
    assert row["title"] == "Quận ủy Lê Chân tổng kết công tác khoa giáo năm 2021"
    assert json.loads(row["captions"]) == []


def test_officials_csv_to_stdout(db_path):
    result = run("export", "officials", "--db", db_path)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {row["person"] for row in rows} == {"Đào Khánh Hà", "Lê Khắc Nam", "Nguyễn Thị Như Hoa"}
    first = next(row for row in rows if row["name"] == "Đào Khánh Hà" and row["site"] == "haiphong")
    assert json.loads(first["positions"])[1] == {"title": "Trưởng Ban Tuyên giáo", "organization": "Thành ủy"}


def test_excel_csv_starts_with_a_bom(db_path, tmp_path):
    out = tmp_path / "statistics.csv"
    run("export", "statistics", "--excel", "--db", db_path, "--out", str(out))
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert {row["unit_text"] for row in rows} >= {"lượt cán bộ, đảng viên", "điểm cầu"}
    assert next(row for row in rows if row["text"] == "22.214 lượt cán bộ, đảng viên")["value"] == "22214"


def test_jsonl_parses_with_json_columns_as_values(db_path):
    result = run("export", "directives", "--format", "jsonl", "--db", db_path)
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 5
    assert {record["key"] for record in records} == {"20-CT/TW", "1056-QC/TU", "15/2020/NĐ-CP"}
    officials = [json.loads(line) for line in run("export", "officials", "--format", "jsonl", "--db",
                                                  db_path).stdout.splitlines()]
    assert all(isinstance(record["positions"], list) for record in officials)


def test_export_filters(db_path):
    def exported(*args):
        return [row["url"].rsplit("/", 1)[1] for row in csv.DictReader(io.StringIO(
            run("export", "articles", "--db", db_path, *args).stdout))]
    assert exported("--site", "tuyengiao") == ["vinh-hoa-202.html", "dang-hoa-404.html"]
    assert exported("--since", "2023", "--until", "2023-12-31") == ["so-ket-quy-che-1056.html",
                                                                    "chuyen-doi-so-505.html"]
    assert exported("--query", "chuyen doi so") == ["tong-ket-khoa-giao-101.html", "chuyen-doi-so-505.html"]
    dates = csv.DictReader(io.StringIO(run("export", "dates", "--site", "haiphong", "--db", db_path).stdout))
    assert [row["kind"] for row in dates] == ["day_month", "year", "date"]


@pytest.mark.parametrize("args, message", [
    (["--query", '"unclosed'], "double quote"),
    (["--since", "2023-02-30"], "not a date"),
    (["--format", "jsonl", "--excel"], "CSV output only"),
])
def test_export_errors_are_one_line(db_path, args, message):
    result = CliRunner().invoke(cli, ["export", "articles", "--db", db_path, *args])
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_export_reads_lazily_and_writes_row_by_row(index):
    rows = export_rows(index.db, "dates")
    assert isinstance(rows, types.GeneratorType)  # a cursor being read, not a built list
    out = io.StringIO()
    written_before_each_pull = []

    def watched():
        for row in rows:
            written_before_each_pull.append(out.getvalue().count("\n"))
            yield row

    count = write_rows(watched(), out, list(EXPORT_COLUMNS["dates"]))
    assert count == 7
    # header, then one more line written before each next row is pulled
    assert written_before_each_pull == list(range(1, 8))
