"""process_pending(workers=N): extraction and tagging in worker processes give the same index as one."""
from __future__ import annotations

import json
import multiprocessing
from pathlib import Path

import pytest
from click.testing import CliRunner

from data import FetchedPage, Index
from pipeline import cli, process_pending

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


def test_two_workers_index_the_same_articles_and_tags(runs):
    (counts_one, exported_one, _), (counts_two, exported_two, _) = runs
    assert counts_one == counts_two
    assert counts_one["new"] == len(list(GOLD.glob("*/*.json")))
    assert len(exported_one["articles"]) == counts_one["new"]
    for table in TABLES:
        assert exported_two[table] == exported_one[table], table
    assert all(exported_one[table] for table in TABLES)  # every kind of tag was found and compared


def test_two_workers_reject_the_same_pages_for_the_same_reasons(runs):
    (counts_one, _, raw_one), (_, _, raw_two) = runs
    assert raw_two == raw_one
    rejected = [(url, reason) for url, status, reason in raw_one if status == "rejected"]
    assert len(rejected) == counts_one["rejected"] >= 2
    assert (f"{BASE}/wp/gone.html", "HTTP 404") in rejected


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
