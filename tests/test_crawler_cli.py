"""The crawl commands: crawl, nightly, sites, check-site (against local servers only)."""
from __future__ import annotations

import fcntl
import io
import json
import os
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from crawler import REGISTRY, CrawlLocked, crawl, sample_profiles
from crawler.progress import CrawlProgress
from data import Index
from data.sample_server import serve_sample_site
from crawlsite import TestPortal, fast
from pipeline import cli


pytestmark = pytest.mark.usefixtures("no_user_config")


def invoke(*args):
    return CliRunner().invoke(cli, [str(arg) for arg in args], catch_exceptions=False)


def runs(db) -> list[dict]:
    index = Index(db)
    try:
        return list(reversed(index.crawl_runs()))
    finally:
        index.close()


@pytest.mark.network_local
def test_nightly_against_the_sample_portal_is_incremental(db):
    with serve_sample_site() as base:
        first = invoke("nightly", "--sample-url", base, "--delay", "0", "--db", db)
        second = invoke("nightly", "--sample-url", base, "--delay", "0", "--db", db)
    assert first.exit_code == 0, first.output
    assert second.exit_code == 0, second.output
    rows = runs(db)
    assert [r["site"] for r in rows] == ["haiphong", "wp", "tuyengiao", "huyen", "danang"] * 2
    assert {r["status"] for r in rows} == {"ok"}
    first_run, second_run = rows[:5], rows[5:]
    assert sum(r["new"] for r in first_run) >= 25 and sum(r["new"] for r in second_run) == 0
    assert sum(r["requests"] for r in second_run) < sum(r["requests"] for r in first_run) / 3
    assert "haiphong" in first.output and "processed: new" in first.output
    index = Index(db)
    try:
        assert index.count("articles") == sum(r["new"] for r in first_run)  # extracted, tagged, indexed
        assert index.db["sources"].count == 5
    finally:
        index.close()


def test_an_overlapping_run_is_refused(db):
    with open(f"{db}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)  # another process's run, as far as vnportal can tell
        result = invoke("nightly", "--sample-url", "http://127.0.0.1:9", "--db", db)
        with pytest.raises(CrawlLocked):
            crawl(db, sample_profiles("http://127.0.0.1:9"), options=fast())
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "another vnportal run" in result.output
    assert not os.path.exists(db)  # nothing touched


@pytest.mark.network_local
def test_nightly_exits_1_when_a_site_fails(portal_server, db):
    result = invoke("nightly", "--sample-url", portal_server.base, "--site", "wp", "--delay", "0", "--db", db)
    assert result.exit_code == 1
    assert runs(db)[0]["status"] == "failed"
    assert "HTTP 404" in result.output


@pytest.mark.network_local
def test_credentials_in_a_crawled_url_are_neither_stored_nor_sent(portal_server, db):
    portal = TestPortal(portal_server, per_page=4)
    portal.add(101, 102)
    url = portal_server.url("/news/index.html").replace("http://", "http://user:pass@")
    result = invoke("crawl", "--url", url, "--delay", "0", "--allow-private", "--db", db)
    assert result.exit_code == 0, result.output
    assert sorted(set(portal.article_requests())) == [portal.path(101), portal.path(102)]
    assert not any("authorization" in entry.headers for entry in portal_server.log)
    connection = sqlite3.connect(db)
    try:
        assert "user:pass" not in "\n".join(connection.iterdump())
    finally:
        connection.close()
    assert all(b"user:pass" not in path.read_bytes() for path in Path(db).parent.glob("index.db*"))


@pytest.mark.network_local
def test_crawl_url_detects_an_unknown_portal(portal_server, db):
    portal = TestPortal(portal_server, per_page=4)
    portal.add(*range(101, 106))
    result = invoke("crawl", "--url", portal_server.url("/news/index.html"), "--delay", "0", "--allow-private",
                    "--db", db)
    assert result.exit_code == 0, result.output
    assert sorted(set(portal.article_requests())) == sorted(portal.path(n) for n in range(101, 106))
    index = Index(db)
    try:
        assert index.count("articles") == 5
    finally:
        index.close()


@pytest.mark.network_local
def test_check_site_reports_the_fields(db):
    with serve_sample_site() as base:
        result = invoke("check-site", "haiphong", "--sample-url", base, "--delay", "0")
    assert result.exit_code == 0, result.output
    assert "HTTP 200" in result.output
    for field in ("title", "published", "text"):
        assert f"ok {field}" in result.output


def test_sites_lists_the_registry():
    table = invoke("sites")
    assert table.exit_code == 0 and "haiphong.gov.vn" in table.output and "tuyengiaodanvan.vn" in table.output
    rows = json.loads(invoke("sites", "--all", "--format", "json").output)
    assert len(rows) == len(REGISTRY)
    assert {row["name"] for row in rows if row["enabled"] == "no"} == {p.name for p in REGISTRY if not p.enabled}


def test_bad_input_gives_one_line(db, tmp_path):
    assert invoke("crawl", "--db", db).exit_code == 2  # nothing named
    unknown = invoke("crawl", "--site", "nowhere.gov.vn", "--db", db)
    assert unknown.exit_code == 2 and "unknown site(s): nowhere.gov.vn" in unknown.output
    missing = invoke("nightly", "--config", str(tmp_path / "none.toml"), "--db", db)
    assert missing.exit_code == 2 and "not found" in missing.output
    assert "Traceback" not in unknown.output + missing.output


def test_progress_on_a_terminal_and_under_cron(caplog):
    screen = io.StringIO()
    progress = CrawlProgress(stream=screen, tty=True)
    progress({"event": "url", "site": "wp", "outcome": "new", "url": "http://a/1", "reason": None})
    progress({"event": "url", "site": "wp", "outcome": "failed", "url": "http://a/2", "reason": "HTTP 500"})
    progress.bar.refresh()  # tqdm redraws at most ten times a second
    assert "crawl: 2page" in screen.getvalue() and "new 1, failed 1 wp http://a/2" in screen.getvalue()
    progress.close()
    log = io.StringIO()
    with caplog.at_level("INFO"):
        cron = CrawlProgress(stream=log, tty=False, every=0)
        cron({"event": "url", "site": "wp", "outcome": "failed", "url": "http://a/2", "reason": "HTTP 500"})
    assert log.getvalue() == "" and "wp: http://a/2 failed: HTTP 500" in caplog.text
    assert "crawl: 1 pages (failed 1), " in caplog.text and "/s" in caplog.text
