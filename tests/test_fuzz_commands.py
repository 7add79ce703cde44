"""Fuzzing every command's arguments (search has its own, deeper fuzzing in test_fuzz_search.py):
any value gives a result or one error line with exit code 1 or 2, never a traceback, and the
index stays as it was. Only commands and options that cannot reach the network are fuzzed: a
crawl is given site names the registry does not have, so it stops before any request."""
from __future__ import annotations

import hashlib
import shutil

import pytest
from click.testing import CliRunner
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from crawler import REGISTRY, UnknownSiteError
from data import Index
from data_corpus import fill, html_page, sample
from pipeline import cli
from test_fuzz_search import DAYS, FRAGMENTS, assert_error_output

FUZZ_CLI = settings(max_examples=40, deadline=None)
TEXT = st.one_of(st.sampled_from([*FRAGMENTS, "", " ", "-", "--", "-x", "--help=1", "=SUM(1)", "a" * 5000]),
                 st.text(max_size=30))
NUMBERS = st.one_of(st.integers(-10, 10**6).map(str), st.sampled_from(["1e9", "-0", "0x10", "NaN", "inf", "١٢"]),
                    TEXT)
FORMATS = st.one_of(st.sampled_from(["table", "json", "csv", "jsonl", "TABLE"]), TEXT)


def options(**strategies) -> st.SearchStrategy[list[str]]:
    """Some of the options named, each with a fuzzed value, as --name=value arguments."""
    return st.fixed_dictionaries({}, optional=strategies).map(
        lambda chosen: [f"--{name.replace('_', '-')}={value}" for name, value in chosen.items()])


COMMANDS = {
    "officials": st.tuples(st.just([]), options(name=TEXT, site=TEXT, format=FORMATS)),
    "directives": st.tuples(st.just([]), options(key=TEXT, type=TEXT, issuer=TEXT, format=FORMATS)),
    "statistics": st.tuples(st.just([]), options(unit=TEXT, kind=TEXT, site=TEXT, format=FORMATS,
                                                 since=st.one_of(DAYS.filter(bool), TEXT),
                                                 until=st.one_of(DAYS.filter(bool), TEXT))),
    "dates": st.tuples(st.just([]), options(kind=TEXT, site=TEXT, format=FORMATS, within=st.one_of(
        TEXT, st.tuples(DAYS.filter(bool), DAYS.filter(bool)).map(lambda ends: "..".join(ends))))),
    "stats": st.tuples(st.just([]), options(format=FORMATS)),
    "export": st.tuples(st.one_of(st.sampled_from([["articles"], ["officials"], ["directives"], ["statistics"],
                                                   ["dates"]]), TEXT.map(lambda t: [t])),
                        options(site=TEXT, since=DAYS.filter(bool), until=DAYS.filter(bool), query=TEXT,
                                format=FORMATS)),
    "reprocess": st.tuples(st.just([]), options(since_version=TEXT, workers=NUMBERS)),
    "sites": st.tuples(st.just([]), options(format=FORMATS)),
    "tag": st.tuples(st.just([]), options(published=st.one_of(DAYS.filter(bool), TEXT))),
    "ingest": st.tuples(TEXT.filter(lambda t: ".." not in t).map(lambda t: [t]), options(site=TEXT, workers=NUMBERS)),
    "crawl": st.tuples(st.just([]), options(site=TEXT, since=st.one_of(DAYS.filter(bool), TEXT),
                                            max_pages=NUMBERS, delay=NUMBERS, workers=NUMBERS)),
    "check-site": st.tuples(TEXT.map(lambda t: [t]), options(delay=NUMBERS)),
}
NEEDS_DB = {"officials", "directives", "statistics", "dates", "stats", "export", "reprocess", "ingest", "crawl"}


def _in_registry(name: str) -> bool:
    try:
        REGISTRY.get(name)
    except UnknownSiteError:
        return False
    except Exception:  # noqa: BLE001 (a name the registry cannot even look up is no site either)
        return False
    return True


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    path = tmp_path_factory.mktemp("fuzz-commands") / "index.db"
    index = Index(path)
    fill(index)
    index.close()
    return path


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_any_argument_gives_a_result_or_one_error_line(command, source, tmp_path_factory):
    folder = tmp_path_factory.mktemp(command)
    db = folder / "index.db"
    shutil.copy(source, db)
    text = folder / "text.txt"
    text.write_text(sample(0)[1].text, encoding="utf-8")
    page = folder / "page.html"
    page.write_bytes(html_page("Tiêu đề", "2024-05-02", sample(1)[1].text.split("\n\n")))

    @given(args=COMMANDS[command])
    @FUZZ_CLI
    def check(args):
        arguments, opts = args
        if command in ("crawl", "check-site"):  # only names the registry lacks: no request is ever made
            names = [a.split("=", 1)[1] for a in opts if a.startswith("--site=")] + arguments
            assume(not any(_in_registry(name) for name in names))
            if command == "crawl":
                assume(any(a.startswith("--site=") for a in opts))
        if command == "tag":
            arguments = [str(text)]
        if command == "ingest":  # a path below the test's folder (never the checkout or the whole disk)
            arguments = [str(folder / "in" / arguments[0].lstrip("/"))]
        before = _digest(db)
        invocation = [command, *opts, *(["--db", str(db)] if command in NEEDS_DB else []), "--", *arguments]
        result = CliRunner().invoke(cli, invocation)
        assert result.exception is None or isinstance(result.exception, SystemExit), (invocation, result.exception)
        if result.exit_code:
            assert_error_output(result)
        assert "Traceback" not in result.output
        if command not in ("reprocess", "ingest"):  # these two write by design
            assert _digest(db) == before, invocation

    check()


def test_a_number_of_workers_past_the_bound_is_one_error_line(source, tmp_path):
    """Found by the fuzz test above: --workers=2200000000 reached the process pool (OverflowError)."""
    db = tmp_path / "index.db"
    shutil.copy(source, db)
    before = _digest(db)
    result = CliRunner().invoke(cli, ["reprocess", "--workers=2200000000", "--db", str(db)])
    assert not isinstance(result.exception, OverflowError)
    assert_error_output(result)
    assert "--workers" in result.stderr and _digest(db) == before
