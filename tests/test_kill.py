"""Kill safety: a nightly job SIGKILLed mid-run, then run again, ends with the index an
uninterrupted run makes; every write path is one transaction; a resumed crawl finds what the
killed one had not yet followed. The kill harness is bench/kill_test.py (more points there)."""
from __future__ import annotations

import os
import random
import signal
import socket
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from bench.kill_test import (Job, KillPoint, check_after_resume, differences, group_members, index_digest,
                             logged_sample_portal, reference_run, run_point, snapshot, wait_group_gone)
from crawler import CrawlOptions, LockBusy, crawl, run_lock
from crawler.items import FetchedItem
from crawler.pipelines import IndexPipeline
from crawler.process import process_pending
from crawler.spiders.portal import SiteRun
from crawler.urls import canonical
from crawlsite import TestPortal, article_html, fast
from data import FetchedPage, Index

SEED = 20240621


class Crash(BaseException):
    """Stands for a kill between two writes (SQLite drops an uncommitted transaction either way)."""


def crash(*args, **kwargs):
    raise Crash


# -- one transaction per write path ------------------------------------------------------------
def test_a_fetched_page_and_its_url_state_are_one_transaction(tmp_path, monkeypatch):
    index = Index(tmp_path / "index.db")
    portal = TestPortal(SimpleNamespace(base="http://127.0.0.1:9"))
    run = SiteRun(portal.profile(), emit=lambda event: None)
    spider = SimpleNamespace(index=index, options=CrawlOptions(), runs={"test": run})
    pipeline = IndexPipeline(SimpleNamespace(spider=spider))
    url = canonical("http://127.0.0.1:9" + portal.path(101))
    item = FetchedItem(url=url, site="test", kind="article", fetched_at="2024-06-21T07:00:00+00:00",
                       text_hash="h1", body=article_html(101).encode(), requested_url=url + "?old=1")
    monkeypatch.setattr(index, "store_page", crash)
    with pytest.raises(Crash):
        pipeline.process_item(item)
    assert index.url_state(url) is None  # not 'fetched' without its page: the next run fetches it
    assert index.url_state(url + "?old=1") is None
    monkeypatch.undo()
    pipeline.process_item(item)
    assert index.url_state(url)["last_fetched"] == item.fetched_at
    assert [page.url for page in index.pending_pages()] == [url]
    index.close()


def test_indexing_a_page_is_one_transaction(tmp_path, monkeypatch):
    index = Index(tmp_path / "index.db")
    url = "http://127.0.0.1:9" + TestPortal.path(101)
    index.store_page(FetchedPage(url=url, site="test", body=article_html(101).encode(),
                                 fetched_at="2024-06-21T07:00:00+00:00"))
    monkeypatch.setattr(index, "mark_page", crash)
    with pytest.raises(Crash):
        process_pending(index)
    assert index.count("articles") == 0 and index.count("dates") == 0 and index.count("statistics") == 0
    assert [page.url for page in index.pending_pages()] == [url]  # still queued
    monkeypatch.undo()
    assert process_pending(index) == {"new": 1}
    assert index.count("dates") > 0 and list(index.pending_pages()) == []
    index.close()


def _take_run_lock(db: Path, timeout: float = 10.0) -> None:
    """Take and release the run lock of ``db``, retrying for up to ``timeout`` seconds: once (on a loaded
    machine) the kernel released a killed process's lock a moment after /proc showed all its threads ended.
    A process that keeps the lock still fails this."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with run_lock(db):
                return
        except LockBusy:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


# -- a crawl resumed after a kill --------------------------------------------------------------
def _as_killed(db) -> None:
    """Leave the last crawl's rows 'running', as a crawl process killed before reporting does."""
    index = Index(db)
    index.db.execute("update crawl_runs set status = 'running', finished = null")
    index.db.conn.commit()
    index.close()


@pytest.mark.network_local
def test_a_resumed_crawl_walks_the_listing_past_what_the_killed_run_reached(portal_server, tmp_path):
    db = tmp_path / "index.db"
    portal = TestPortal(portal_server, per_page=2)
    portal.add(*range(101, 107))  # listing pages 1-3
    portal_server.routes["/news/index.html"].etag = '"listing-1"'
    # killed after page 1 and its two articles were recorded, before page 2 was fetched
    crawl(db, [portal.profile(listing=True)], options=fast(max_listing_pages=1))
    _as_killed(db)
    portal_server.clear_log()
    report = crawl(db, [portal.profile(listing=True)], options=fast()).site("test")
    first = next(entry for entry in portal_server.log if entry.path == "/news/index.html")
    assert "if-none-match" not in first.headers  # a 304 would end the walk at page 1
    assert {"/news/page-2.html", "/news/page-3.html"} <= set(portal_server.paths())
    assert (report.new, report.status) == (4, "ok")
    assert sorted(portal.article_requests()) == sorted(portal.path(n) for n in range(101, 105))
    index = Index(db)
    assert [row["status"] for row in reversed(index.crawl_runs())] == ["aborted", "ok"]
    assert index.interrupted_since("test") is None  # resumed: the next run is incremental again
    index.close()


@pytest.mark.network_local
def test_a_resumed_crawl_reads_again_a_sitemap_the_killed_run_fetched(portal_server, tmp_path):
    db = tmp_path / "index.db"
    portal = TestPortal(portal_server)
    portal.add(101, 102, 103)
    crawl(db, [portal.profile(sitemap=True)], options=fast())
    # killed after recording sitemap-news.xml as fetched, before noting its article URLs
    index = Index(db)
    with index.transaction():
        index.db.execute("delete from url_state where kind = 'article'")
        index.db.execute("delete from raw_pages")
    index.close()
    _as_killed(db)
    portal_server.clear_log()
    report = crawl(db, [portal.profile(sitemap=True)], options=fast()).site("test")
    assert "/sitemap-news.xml" in portal_server.paths()  # its lastmod predates our fetch, yet it is read
    assert report.new == 3


# -- SIGKILL of the nightly job ------------------------------------------------------------------
@pytest.fixture(scope="module")
def portal():
    with logged_sample_portal() as server:
        yield server


@pytest.fixture(scope="module")
def reference(portal, tmp_path_factory):
    """The index of an uninterrupted `vnportal nightly` over the sample portal."""
    work = tmp_path_factory.mktemp("reference")
    digest, _ = reference_run(Job(db=work / "index.db", base=portal.base, home=work), work)
    assert len(digest["articles"]) >= 25 and digest["dates"] and digest["officials"]
    return digest


_rng = random.Random(SEED)  # seeded thresholds: which page the kill lands on varies, reproducibly
POINTS = [
    # the whole process group (CLI, crawl process): systemd, `timeout`, `kill -9 -PGID`
    ("crawl", KillPoint("crawl", when=lambda s, n=_rng.randint(3, 20): s.running and s.raw >= n)),
    ("processing", KillPoint("processing", when=lambda s, n=_rng.randint(2, 25): s.pending and s.articles >= n)),
]


@pytest.mark.slow
@pytest.mark.network_local
@pytest.mark.parametrize("phase,point", POINTS, ids=[point.label for _, point in POINTS])
def test_a_killed_nightly_run_resumes_to_the_uninterrupted_index(phase, point, portal, reference, tmp_path):
    job = Job(db=tmp_path / "index.db", base=portal.base, home=tmp_path)
    outcome = run_point(point, job, reference, portal, tmp_path)
    assert outcome.killed_at is not None, "the run ended before the kill point"
    assert outcome.before.phase == phase
    assert outcome.ok, "\n".join(outcome.problems)


@pytest.mark.slow
@pytest.mark.network_local
def test_a_crawl_process_stops_soon_after_its_killed_cli(portal, reference, tmp_path):
    # `kill -9 PID` of the CLI alone (or the OOM killer) while the crawl process waits for a page
    slow = sorted(url for url, _, kind, *_ in reference["url_state"] if kind == "article")[0]
    route = portal.routes[slow.replace("{{BASE}}", "")]
    job = Job(db=tmp_path / "index.db", base=portal.base, home=tmp_path)
    log = tmp_path / "run.log"
    portal.clear_log()
    route.delay = 30  # the server holds this page back: no crawl event can tell it its parent is gone
    try:
        process = job.start(log)
        deadline = time.monotonic() + 60
        while route_path(slow) not in portal.paths() and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.01)
        assert route_path(slow) in portal.paths(), log.read_text()
        crawl_process = next(pid for pid in group_members(process.pid) if pid != process.pid)
        assert f"{job.db.resolve()}.lock" in open_files(crawl_process)  # the run lock is shared with it
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        # it ends without waiting for the page; until then it holds the shared run lock (crawler.lock)
        assert wait_group_gone(process.pid, timeout=20), "the crawl process outlived its killed CLI"
    finally:
        route.delay = 0
    _take_run_lock(job.db)
    assert snapshot(job.db).running == 5  # it stopped there, leaving its runs to be marked aborted
    assert job.run(log) == 0, log.read_text()
    problems = check_after_resume(job.db, killed_runs=True) + differences(reference, index_digest(job.db, portal.base))
    assert not problems, "\n".join(problems)


def open_files(pid: int) -> set[str]:
    """What process ``pid`` has open (Linux /proc)."""
    return {os.readlink(fd) for fd in Path(f"/proc/{pid}/fd").iterdir()}


def route_path(url: str) -> str:
    return url.replace("{{BASE}}", "")


@pytest.mark.slow
@pytest.mark.network_local
def test_a_killed_sample_nightly_serves_again_and_resumes(reference, portal, tmp_path):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    job = Job(db=tmp_path / "index.db", port=port, home=tmp_path)  # `nightly --sample`: the server dies too
    point = KillPoint("sample-crawl", when=lambda s: s.running and s.to_fetch > 0)
    outcome = run_point(point, job, reference, None, tmp_path)
    assert outcome.killed_at is not None and outcome.before.phase == "crawl"
    assert outcome.ok, "\n".join(outcome.problems)  # including: the same index as an uninterrupted run
