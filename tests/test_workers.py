"""process_pending(workers=N): extraction and tagging in worker processes give the same index as one,
and end with the CLI when it is killed."""
from __future__ import annotations

import json
import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner

from bench.common import sample_pages, store_raw_pages
from bench.kill_test import group_members, wait_group_gone
from crawler import run_lock
from crawler.process import process_pending
from data import FetchedPage, Index
from pipeline import cli

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "data" / "sample_site"
GOLD = ROOT / "tests" / "gold" / "extract"
BASE = "http://127.0.0.1:8765"
TABLES = ["articles", "officials", "directives", "statistics", "dates"]


def _pages() -> list[FetchedPage]:
    """Every sample article page, plus a listing page and an HTTP error (both rejected)."""
    paths = [json.loads(gold.read_text(encoding="utf-8"))["path"] for gold in sorted(GOLD.glob("*/*.json"))]
    pages = [FetchedPage(url=f"{BASE}/{path}", site=path.split("/", 1)[0],
                         body=(SITE / path).read_bytes().replace(b"{{BASE}}", BASE.encode()),
                         fetched_at="2024-06-21T07:00:00+00:00") for path in paths]
    listing = "haiphong/tin-tuc-su-kien/index.html"
    pages.insert(3, FetchedPage(url=f"{BASE}/{listing}", site="haiphong", body=(SITE / listing).read_bytes(),
                                fetched_at="2024-06-21T07:00:00+00:00"))
    pages.insert(9, FetchedPage(url=f"{BASE}/wp/gone.html", site="wp", body=b"<html>Not found</html>",
                                fetched_at="2024-06-21T07:00:00+00:00", status=404))
    return pages


def _process(path: Path, workers: int) -> tuple[dict, dict, list]:
    index = Index(path)
    try:
        for page in _pages():
            index.store_page(page)
        counts = process_pending(index, workers=workers)
        exported = {table: list(index.export_rows(table)) for table in TABLES}
        raw = index.db.execute("SELECT url, process_status, reason FROM raw_pages ORDER BY id").fetchall()
    finally:
        index.close()
    return counts, exported, raw


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("workers")
    return _process(tmp / "one.db", workers=1), _process(tmp / "two.db", workers=2)


@pytest.mark.slow
def test_two_workers_index_the_same_articles_and_tags(runs):
    (counts_one, exported_one, _), (counts_two, exported_two, _) = runs
    assert counts_one == counts_two
    assert counts_one["new"] == len(list(GOLD.glob("*/*.json")))
    assert len(exported_one["articles"]) == counts_one["new"]
    for table in TABLES:
        assert exported_two[table] == exported_one[table], table
    assert all(exported_one[table] for table in TABLES)  # every kind of tag was found and compared


@pytest.mark.slow
def test_two_workers_reject_the_same_pages_for_the_same_reasons(runs):
    (counts_one, _, raw_one), (_, _, raw_two) = runs
    assert raw_two == raw_one
    rejected = [(url, reason) for url, status, reason in raw_one if status == "rejected"]
    assert len(rejected) == counts_one["rejected"] >= 2
    assert (f"{BASE}/wp/gone.html", "HTTP 404") in rejected


@pytest.mark.slow
def test_reprocess_with_workers_finds_every_article_unchanged(runs, tmp_path):
    path = tmp_path / "reprocess.db"
    index = Index(path)
    try:
        for page in _pages():
            index.store_page(page)
        process_pending(index)
    finally:
        index.close()
    result = CliRunner().invoke(cli, ["reprocess", "--workers", "2", "--db", str(path)])
    assert result.exit_code == 0, result.output
    (counts, _, _), _ = runs
    assert result.stdout == (f"requeued {len(_pages())} raw page(s): new 0, changed 0, unchanged {counts['new']}, "
                             f"rejected {counts['rejected']}\n")


def test_nothing_pending_starts_no_worker(tmp_path, monkeypatch):
    def no_processes(*args):
        raise AssertionError("a worker pool was started")

    monkeypatch.setattr(multiprocessing, "get_context", no_processes)
    index = Index(tmp_path / "empty.db")
    try:
        assert process_pending(index, workers=4) == {}
    finally:
        index.close()


@pytest.mark.slow
def test_a_killed_cli_leaves_no_worker_behind_and_the_index_intact(tmp_path):
    db = tmp_path / "index.db"
    index = Index(db)
    try:
        store_raw_pages(index, sample_pages(), 3000)  # minutes of work: the kill lands mid-run
    finally:
        index.close()
    log = tmp_path / "reprocess.log"
    with log.open("wb") as out:  # its own process group: the CLI, its workers and their resource tracker
        process = subprocess.Popen([sys.executable, "-m", "pipeline", "reprocess", "--workers", "2", "--db", str(db)],
                                       cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                       start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while not (_indexed(db) >= 10 and len(group_members(process.pid)) >= 3):  # the workers are working
            assert process.poll() is None and time.monotonic() < deadline, log.read_text()
            time.sleep(0.1)
        os.kill(process.pid, signal.SIGKILL)  # the CLI alone, as the OOM killer or `kill -9 PID` does
        process.wait()
        assert wait_group_gone(process.pid, timeout=20), f"left behind: {group_members(process.pid)}"
    finally:
        if group_members(process.pid):
            os.killpg(process.pid, signal.SIGKILL)
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        status = dict(conn.execute("SELECT process_status, count(*) FROM raw_pages GROUP BY 1").fetchall())
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert set(status) == {"indexed", "pending"} and status["indexed"] == articles >= 10
    with run_lock(db):  # nobody holds the run lock any more
        pass


def _indexed(db: Path) -> int:
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute("SELECT count(*) FROM raw_pages WHERE process_status = 'indexed'").fetchone()[0]
