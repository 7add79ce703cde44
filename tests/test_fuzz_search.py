"""Fuzzing search and export: any query and any filter give results or a one-line error, never a
traceback, and never change the index; CSV export writes exactly what the csv module would."""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import re
import string
from dataclasses import dataclass

import pytest
from click.testing import CliRunner
from hypothesis import example, given, settings
from hypothesis import strategies as st

import data.search
from data import Index
from data.export import spreadsheet_safe, write_rows
from data.output import plain_number
from data.query import MODES
from data.search import QueryError, day_bound
from data_corpus import fill
from pipeline import cli

FUZZ = settings(max_examples=200, deadline=None)
FUZZ_CLI = settings(FUZZ, max_examples=100)

VIETNAMESE = ("aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
              "AĂÂĐÊÔƠƯÀẢÃÁẠẰẮẦẤÈẺẼÉẸỀẾÌÍÒÓỌỒỐỜỚÙÚỤỪỨỲÝ\u0300\u0301\u0303\u0309\u0323")
FRAGMENTS = [
    '"', '""', "(", ")", "*", " * ", "AND", "OR", "NOT", "NEAR(", "NEAR", ",", ", 5", ", 99999999999999999999",
    "title:", "lead:", "text:", "url:", "-", "+", "^", ":", "{", "}", "[", "]", "'", "\\", "%", "_", "?", "\x00",
    "\n", "\t", "\r", "\u200b", "\ufeff", "\udcff", "\ud800", "'; drop table articles; --", '" OR 1=1 --',
    "); DELETE FROM articles; --", "*/", "/*", "Đảng ủy", "dang uy", "Thành uỷ", "20-CT/TW", "15/2020/NĐ-CP",
    "chuyển đổi số", "tuyên giáo", "Đào Khánh Hà", "NEAR(tuyên giáo, 5)", '"hội nghị"', "khoa*", "ﬁ", "İ", "٣",
]
_WORDS = st.text(alphabet=VIETNAMESE + string.ascii_letters + string.digits + " ", max_size=12)
QUERIES = st.one_of(
    st.tuples(st.sampled_from([" ", ""]), st.lists(st.one_of(st.sampled_from(FRAGMENTS), _WORDS), max_size=12))
    .map(lambda joined: joined[0].join(joined[1])),
    st.text(max_size=40),
)
DAYS = st.one_of(
    st.none(),
    st.sampled_from(["2021", "2021-12", "2021-12-15", "2022-02-30", "2021-13", "2021-1", "0000", "0001-01",
                     "9999-12-31", "15/12/2021", "١٢٣٤", "١٢٣٤-١٢", " 2021 ", "2021-12-15T17:12:00", "\x00",
                     "\udcff", "' OR '1'='1"]),
    st.dates().map(str),
    st.text(alphabet=string.digits + "-/ T:", max_size=12),
    st.text(max_size=12),
)
FILTERS = st.fixed_dictionaries({}, optional={
    "site": st.one_of(st.sampled_from(["haiphong", "wp", "tuyengiao", "huyen", "danang", "%", "' OR 1=1 --",
                                       "\x00", "\udcff"]), st.text(max_size=12)),
    "since": DAYS,
    "until": DAYS,
    "official": st.one_of(st.sampled_from(["Đào Khánh Hà", "dao khanh ha", "Hà", "%", "_", " ", "\x00",
                                           "\udcff"]), st.text(max_size=20)),
    "directive": st.one_of(st.sampled_from(["20-CT/TW", "20-ct/tw", "1056-QC/TU", "15/2020/NĐ-CP", "%", "\x00",
                                            "\udcff"]), st.text(max_size=20)),
    "mode": st.one_of(st.sampled_from(MODES), st.text(max_size=8)),
    "limit": st.one_of(st.integers(-3, 50), st.just(10**30)),
})
LONG = ["a" * 100_000, "(" * 10_000 + "a", "đảng " * 20_000, "NEAR(" * 5_000 + "a", '"' + "x " * 50_000 + '"']


def _tables(index: Index) -> list:
    return index.db.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()


def _counts(index: Index) -> dict[str, int]:
    names = [name for (name,) in index.db.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                                  "AND name NOT LIKE 'sqlite_%'")]
    return {name: index.db.execute(f"SELECT count(*) FROM [{name}]").fetchone()[0] for name in names}


def _snapshot(index: Index) -> str:
    """A digest of the schema and of every table's row count."""
    return hashlib.sha256(repr((_tables(index), _counts(index))).encode("utf-8", "replace")).hexdigest()


@dataclass
class Fuzzed:
    """The index under fuzzing, its path, and its snapshot before any query."""
    index: Index
    path: str
    snapshot: str

    def assert_intact(self) -> None:
        assert _snapshot(self.index) == self.snapshot, "the schema or a table's row count changed"


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory):
    path = tmp_path_factory.mktemp("fuzz") / "index.db"
    index = Index(path)
    fill(index)
    yield Fuzzed(index, str(path), _snapshot(index))
    index.close()


def _assert_one_line(message: str) -> None:
    assert message.strip() and "\n" not in message.strip() and "Traceback" not in message


def assert_error_output(result) -> None:
    """A failed command printed one error line (exit 2), after click's usage for a bad option value."""
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    assert errors == [result.stderr.strip().splitlines()[-1]], result.stderr
    if "Usage:" not in result.stderr:
        _assert_one_line(result.stderr)


def without_site_warning(stderr: str) -> str:
    """Stderr less the warning that a --site filter names no site of the index."""
    return "".join(line for line in stderr.splitlines(keepends=True) if not line.startswith("Warning: no site "))


@given(query=QUERIES, filters=FILTERS)
@FUZZ
@example(query="'; drop table articles; --", filters={"site": "'; drop table articles; --"})
@example(query="a\x00b", filters={})
@example(query="chuyển đổi số", filters={"official": "\udcff", "limit": 10**30})
def test_index_search_gives_hits_or_a_query_error(fuzzed, query, filters):
    index = fuzzed.index
    try:
        hits = index.search(query, **filters)
    except QueryError as exc:
        _assert_one_line(str(exc))
    else:
        assert len(hits) <= max(filters.get("limit", 20), 0)
        assert all(hit.site == filters["site"] for hit in hits) if filters.get("site") else True
        assert all(isinstance(hit.rank, float) and isinstance(hit.snippet, str) for hit in hits)
    fuzzed.assert_intact()


@given(query=QUERIES, filters=FILTERS, few_some=st.sampled_from([(0, 0), (0, 10**6), (10**6, 10**6)]))
@FUZZ
def test_ranking_a_query_by_place_finds_what_bm25_finds(fuzzed, query, filters, few_some):
    """However the filters are applied (row by row, listed, looked up), the hits are bm25's."""
    filters = {name: value for name, value in filters.items() if name != "limit"}
    index = fuzzed.index
    try:
        expected = sorted(hit.id for hit in index.search(query, limit=1000, rank_all=True, **filters))
    except QueryError:
        expected = None
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(data.search, "BM25_BUDGET", 0)
        patch.setattr(data.search, "FEW_ARTICLES", few_some[0])
        patch.setattr(data.search, "SOME_ARTICLES", few_some[1])
        try:
            found = sorted(hit.id for hit in index.search(query, limit=1000, **filters))
        except QueryError:
            found = None
    assert found == expected


@pytest.mark.parametrize("query", LONG, ids=["word", "parens", "words", "near", "phrase"])
@pytest.mark.parametrize("mode", MODES)
def test_very_long_queries(fuzzed, query, mode):
    index = fuzzed.index
    try:
        index.search(query, mode=mode, site="wp", since="2021", until="2024-06", official="Hà",
                     directive="20-CT/TW")
    except QueryError as exc:
        _assert_one_line(str(exc))
        assert len(str(exc)) < 500  # the query is shown shortened, not echoed whole
    fuzzed.assert_intact()


@given(value=DAYS.filter(lambda value: value is not None), end=st.booleans())
@FUZZ
def test_a_day_bound_is_an_iso_day_or_a_query_error(value, end):
    try:
        day = day_bound(value, end=end)
    except QueryError as exc:
        _assert_one_line(str(exc))
    else:
        assert re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", day)
        assert day.startswith("0000-") or dt.date.fromisoformat(day)  # year 0 bounds nothing, harmlessly


def _cli_args(filters: dict) -> list[str]:
    args = []
    for name in ("site", "since", "until", "official", "directive"):
        if name in filters:
            args.append(f"--{name}={filters[name]}")
    if filters.get("mode") == "exact":
        args.append("--exact")
    if "limit" in filters:
        args.append(f"--limit={filters['limit']}")
    return args


@given(query=QUERIES, filters=FILTERS)
@FUZZ_CLI
@example(query="'; drop table articles; --", filters={"limit": 10**30})
@example(query="-x", filters={"since": "--help"})
def test_cli_search_gives_hits_or_one_error_line(fuzzed, query, filters):
    args = ["search", "--db", fuzzed.path, "--format", "json", *_cli_args(filters), "--", query]
    result = CliRunner().invoke(cli, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    if result.exit_code == 0:
        hits = json.loads(result.stdout)
        assert isinstance(hits, list) and len(hits) <= filters.get("limit", 20)
        stderr = without_site_warning(result.stderr)
        assert re.fullmatch(rf"{len(hits)} of (at least )?[0-9,]+ article\(s\)\n"  # and, found nothing, the hints
                            rf'(".+" is searched as one word; ".+" finds the two apart\n)*', stderr)
        assert hits or "searched as one word" not in stderr or stderr.startswith("0 of 0 ")
        assert int(stderr.splitlines()[0].split(" of ")[1].split()[-2].replace(",", "")) >= len(hits)
    else:
        assert_error_output(result)
    fuzzed.assert_intact()


@given(query=QUERIES, filters=FILTERS)
@FUZZ_CLI
def test_cli_export_query_gives_rows_or_one_error_line(fuzzed, query, filters):
    options = [arg for arg in _cli_args(filters) if arg.split("=")[0] in ("--site", "--since", "--until")]
    result = CliRunner().invoke(cli, ["export", "articles", "--format", "jsonl", "--db", fuzzed.path, *options,
                                      f"--query={query}"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    if result.exit_code == 0:
        rows = [json.loads(line) for line in result.stdout.splitlines()]
        assert without_site_warning(result.stderr) == f"exported {len(rows)} articles row(s)\n"
    else:
        assert_error_output(result)
    fuzzed.assert_intact()


def test_the_index_is_whole_after_hostile_queries(fuzzed):
    index = fuzzed.index
    for query in ["'; drop table articles; --", '"); DELETE FROM articles; --', "x' OR '1'='1", *FRAGMENTS]:
        for mode in MODES:
            try:
                index.search(query, mode=mode, site=query, official=query, directive=query)
            except QueryError:
                pass
    fuzzed.assert_intact()
    assert index.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    for fts in ("articles_fts", "articles_fts_exact"):
        index.db.execute(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')")  # raises if corrupt
    assert index.search("tuyên giáo")  # still answers


CELLS = st.one_of(st.none(), st.integers(), st.floats(), st.booleans(), st.text(max_size=30),
                  st.text(alphabet=VIETNAMESE + ' ",;\'\r\n\t\x00', max_size=30))


@given(rows=st.integers(2, 6).flatmap(lambda width: st.lists(st.lists(CELLS, min_size=width, max_size=width),
                                                            max_size=5)),
       excel=st.booleans())
@FUZZ
def test_csv_export_writes_what_the_csv_module_writes(rows, excel):
    """Cell for cell as csv.writer, once whole floats are written as integers (plain_number)."""
    columns = [f"c{i}" for i in range(len(rows[0]) if rows else 2)]
    expected = io.StringIO()
    cells = [[plain_number(cell) for cell in row] for row in rows]
    csv.writer(expected).writerows([columns, *([[spreadsheet_safe(cell) for cell in row] for row in cells]
                                               if excel else cells)])
    out = io.StringIO()
    assert write_rows([dict(zip(columns, row)) for row in rows], out, columns, "csv", excel=excel) == len(rows)
    assert out.getvalue() == ("\ufeff" if excel else "") + expected.getvalue()
