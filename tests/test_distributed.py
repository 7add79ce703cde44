"""Distributed crawling on scrapy-redis, with a real redis-server (tests/redisserver.py): two crawl
workers share one frontier, the index worker writes the index, politeness holds across workers."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from click.testing import CliRunner

from redisserver import redis_url  # noqa: F401 (fixture)

import redis  # noqa: E402 (after redisserver's importorskip)

from crawler.distributed import Keys, Round, encode_item
from crawler.index_worker import publish_state
from crawler.state import CrawlState
from crawler.items import FetchedItem
from crawler.options import CrawlOptions
from crawler.sites import sample_profiles
from data import Index
from data.sample_server import SAMPLE_SITE, TEMPLATED, content_type
from pipeline import cli

pytestmark = [pytest.mark.network_local, pytest.mark.redis]  # every test starts a redis-server on 127.0.0.1

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold" / "extract"
ARTICLES = sorted("/" + json.loads(path.read_text(encoding="utf-8"))["path"] for path in GOLD.glob("*/*.json"))
TABLES = ["articles", "officials", "directives", "statistics", "dates"]
VOLATILE = {"id", "article_id", "person_id", "first_seen", "last_seen"}  # ids and times differ between runs


class LoggingPortal:
    """The sample portal on 127.0.0.1 with a log of (path, start, end) per request; every answer
    takes ``delay`` seconds, so that two requests at once would overlap in the log."""

    def __init__(self, delay: float = 0.02):
        self.log: list[tuple[str, float, float]] = []
        self.gate = threading.Event()  # answers wait until it is set
        self.gate.set()
        lock = threading.Lock()
        portal = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server naming)
                portal.gate.wait(60)
                start = time.monotonic()
                target = (SAMPLE_SITE / unquote(urlsplit(self.path).path).lstrip("/")).resolve()
                if target.is_dir():
                    target = target / "index.html"
                time.sleep(delay)
                if target.is_relative_to(SAMPLE_SITE) and target.is_file():
                    status, body = 200, target.read_bytes()
                    if target.suffix in TEMPLATED:
                        body = body.replace(b"{{BASE}}", portal.base.encode())
                else:
                    status, body = 404, b"not found"
                with lock:
                    portal.log.append((urlsplit(self.path).path, start, time.monotonic()))  # before the answer leaves
                self.send_response(status)
                self.send_header("Content-Type", content_type(target) if status == 200 else "text/plain")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format, *args):  # noqa: A002
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def paths(self) -> list[str]:
        return [path for path, _, _ in self.log]

    def overlaps(self) -> list[tuple[str, str]]:
        """Pairs of requests that were being answered at the same time."""
        spans = sorted(self.log, key=lambda entry: entry[1])
        return [(a[0], b[0]) for a, b in zip(spans, spans[1:]) if b[1] < a[2]]

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@contextmanager
def logging_portal():
    portal = LoggingPortal()
    try:
        yield portal
    finally:
        portal.close()


def invoke(*args: str):
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output, result.output
    return result


def start_worker(redis_url: str, base: str, home: Path, command: str = "crawl") -> subprocess.Popen:
    """`vnportal crawl --redis` (or nightly) as its own process, as on another host."""
    env = {**os.environ, "HOME": str(home), "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, str(ROOT / "pipeline.py"), command, "--redis", redis_url,
                             "--sample-url", base, "--delay", "0"], cwd=ROOT, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def run_workers(redis_url: str, portal: LoggingPortal, home: Path, command: str = "crawl") -> list[int]:
    """Run two workers at once, the portal answering once both have joined the round (however slowly
    each process starts); check they shared one round, which one of them ended; return each
    one's request count from its report."""
    portal.gate.clear()
    workers = [start_worker(redis_url, portal.base, home, command) for _ in range(2)]
    server = redis.Redis.from_url(redis_url)
    for _ in range(1200):
        round_id = server.get(Keys().round)
        if round_id and server.zcard(Keys().of_round(round_id.decode(), "workers")) == 2:
            break
        assert all(worker.poll() is None for worker in workers), "a worker ended before joining"
        time.sleep(0.05)
    portal.gate.set()
    reports = []
    for worker in workers:
        out, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, out + err
        assert "Traceback" not in err, err
        found = re.search(r"round (\S+), worker \S+: (\d+) request\(s\), \d+ item\(s\)[^;\n]*(; the round is over)?",
                          out)
        assert found, out
        reports.append(found.groups())
    assert reports[0][0] == reports[1][0]  # one round
    assert sorted(bool(ended) for _, _, ended in reports) == [False, True]  # the last to leave ended it
    return [int(requests) for _, requests, _ in reports]


def exported(db: Path) -> dict[str, list]:
    """Every export table, without ids and times, in a stable order."""
    index = Index(db)
    try:
        return {table: sorted(json.dumps({k: v for k, v in row.items() if k not in VOLATILE}, sort_keys=True,
                                         ensure_ascii=False) for row in index.export_rows(table))
                for table in TABLES}
    finally:
        index.close()


@pytest.fixture
def home(tmp_path, no_user_config):
    """The HOME of the worker processes: the test's folder, without a user config file."""
    return tmp_path


@pytest.mark.slow
def test_two_workers_fetch_each_article_once_politely_into_the_same_index(redis_url, home, tmp_path):
    db, single = tmp_path / "distributed.db", tmp_path / "single.db"
    with logging_portal() as portal:
        first = invoke("index-worker", "--redis", redis_url, "--db", str(db), "--until-idle", "0")
        assert first.exit_code == 0, first.output  # publishes the (empty) crawl state
        shares = run_workers(redis_url, portal, home)
        paths, overlaps = portal.paths(), portal.overlaps()
        stored = invoke("index-worker", "--redis", redis_url, "--db", str(db), "--until-idle", "0")
        assert stored.exit_code == 0, stored.output
        assert "1 round(s) ended" in stored.output and f"processed: new {len(ARTICLES)}" in stored.output
        alone = invoke("crawl", "--sample-url", portal.base, "--delay", "0", "--db", str(single))
        assert alone.exit_code == 0, alone.output
    assert sorted(path for path in paths if path in ARTICLES) == ARTICLES  # every article, once in all
    assert sum(shares) == len(paths)  # the workers' counts add up to the server's
    assert overlaps == []  # one request at a time to the host, across both workers
    assert exported(db) == exported(single)
    index = Index(db)
    try:
        runs = index.crawl_runs()
        assert sorted(run["site"] for run in runs) == sorted(p.name for p in sample_profiles(portal.base))
        assert {run["status"] for run in runs} == {"ok"} and sum(run["new"] for run in runs) == len(ARTICLES)
        assert len({run["run_id"] for run in runs}) == 1
        assert index.db["sources"].count == 5
    finally:
        index.close()


@pytest.mark.slow
def test_the_next_round_is_incremental(redis_url, home, tmp_path):
    db = tmp_path / "index.db"
    with logging_portal() as portal:
        assert invoke("index-worker", "--redis", redis_url, "--db", str(db), "--until-idle", "0").exit_code == 0
        run_workers(redis_url, portal, home)
        assert invoke("index-worker", "--redis", redis_url, "--db", str(db), "--until-idle", "0").exit_code == 0
        first = len(portal.log)
        portal.log.clear()
        run_workers(redis_url, portal, home, "nightly")  # the published crawl state says what is known
        again = invoke("index-worker", "--redis", redis_url, "--db", str(db), "--until-idle", "0")
    assert again.exit_code == 0, again.output
    assert not [path for path in portal.paths() if path in ARTICLES]
    assert len(portal.log) < first / 3
    assert "processed: nothing to process" in again.output
    index = Index(db)
    try:
        assert index.count("articles") == len(ARTICLES) and index.count("raw_pages") == len(ARTICLES)
        rounds = {run["run_id"] for run in index.crawl_runs()}
        assert len(rounds) == 2
    finally:
        index.close()


def test_a_worker_without_published_state_or_redis_cannot_run(redis_url, home):
    result = invoke("crawl", "--redis", redis_url, "--sample-url", "http://127.0.0.1:9")
    assert result.exit_code == 2 and "vnportal index-worker" in result.output
    unreachable = invoke("crawl", "--redis", "redis://127.0.0.1:9/0", "--sample-url", "http://127.0.0.1:9")
    assert unreachable.exit_code == 2 and "cannot reach Redis at redis://127.0.0.1:9/0" in unreachable.output
    worker = invoke("index-worker", "--redis", "redis://127.0.0.1:9/0", "--db", str(home / "x.db"))
    assert worker.exit_code == 2 and "cannot reach Redis" in worker.output
    sample = invoke("nightly", "--sample", "--redis", redis_url)
    assert sample.exit_code == 2 and "--sample-url" in sample.output


def test_rounds_start_end_and_resume(redis_url):
    server = redis.Redis.from_url(redis_url)
    keys = Keys()
    profiles = sample_profiles("http://127.0.0.1:9")
    server.set(keys.ready, "now")
    first = Round.join(server, profiles, worker="a")
    second = Round.join(server, profiles[:1], worker="b")
    assert first.created and not second.created and second.id == first.id
    assert second.profile("danang") == profiles[-1]  # registered by the first worker
    first.beat(busy=True)
    assert second.leave({"sites": []}) == -1  # a is busy: b waits, more requests may come
    server.rpush(first.key("requests"), "queued")
    first.beat(busy=False)
    assert second.leave({"sites": []}) == -1  # requests queued: b stays to take them
    assert first.leave({"sites": []}, finished=False) == 0  # a stops (killed, Ctrl-C): the queue stays
    assert second.leave({"sites": []}, finished=False) == 0
    resumed = Round.join(server, profiles, worker="c")
    assert resumed.id == first.id and not resumed.created  # nobody left, but requests queued: resumed
    server.delete(first.key("requests"))
    assert resumed.leave({"sites": []}) == 1  # the last worker, nothing queued: the round ends
    assert not server.exists(keys.round, first.key("workers"), first.key("profiles"))
    messages = [json.loads(raw) for raw in server.lrange(keys.items, 0, -1)]
    assert [m["type"] for m in messages] == ["report"] * 3 + ["end"] and messages[-1]["round"] == first.id
    assert Round.join(server, profiles, worker="d").id != first.id


def test_a_killed_index_worker_stores_its_last_item_on_restart(redis_url, tmp_path):
    db = tmp_path / "index.db"
    assert invoke("index-worker", "--redis", redis_url, "--db", str(db), "--until-idle", "0").exit_code == 0
    server = redis.Redis.from_url(redis_url)
    keys = Keys()
    body = (SAMPLE_SITE / ARTICLES[0].lstrip("/")).read_bytes()
    url = f"http://127.0.0.1:8765{ARTICLES[0]}"
    item = FetchedItem(url=url, site=ARTICLES[0].split("/")[1], kind="article", fetched_at="2024-06-21T07:00:00+00:00",
                       text_hash="x", body=body, headers={"Content-Type": "text/html"})
    server.rpush(keys.processing, encode_item(item, "r1", "w", CrawlOptions()))  # moved there, then killed
    result = invoke("index-worker", "--redis", redis_url, "--db", str(db), "--until-idle", "0")
    assert result.exit_code == 0, result.output
    assert "stored 1 item(s)" in result.output and "processed: new 1" in result.output
    assert server.llen(keys.processing) == 0
    mirrored = json.loads(server.hget(keys.state, url))  # the index's url_state, mirrored for the workers
    assert (mirrored["last_fetched"], mirrored["text_hash"]) == ("2024-06-21T07:00:00+00:00", "x")


def answers(state: CrawlState, sites: list[str], urls: list[str], now: str) -> tuple:
    """What a crawl asks of its state, asked through the declared interface alone."""
    return ([state.pending_urls(site, now) for site in sites], [state.url_state(url) for url in urls],
            [state.interrupted_since(site) for site in sites])


def test_the_round_state_answers_as_the_index_it_copies(redis_url, tmp_path):
    index = Index(tmp_path / "index.db")
    try:
        urls = [f"https://a.vn/{n}" for n in range(6)] + ["https://b.vn/0", "https://a.vn/list"]
        for n, url in enumerate(urls):
            site, kind = urlsplit(url).hostname.split(".")[0], "listing" if url.endswith("list") else "article"
            index.note_urls([url], site, kind, f"2024-06-01T00:00:0{n}+00:00")
        index.record_fetch(urls[1], "a", kind="article", at="2024-06-02T00:00:00+00:00", text_hash="h",
                           etag='"e1"', last_modified="Sat, 01 Jun 2024 00:00:00 GMT")
        index.record_failure(urls[2], "a", "HTTP 500", "2024-06-02T00:00:00+00:00", backoff_hours=1)  # due
        index.record_failure(urls[3], "a", "HTTP 500", "2024-06-09T23:00:00+00:00", backoff_hours=2)  # not yet
        index.record_failure(urls[4], "a", "HTTP 410", "2024-06-02T00:00:00+00:00", http_status=410)  # gone
        index.mark_url(urls[5], "a", "redirected", "redirected to elsewhere", "2024-06-02T00:00:00+00:00")
        server = redis.Redis.from_url(redis_url)
        assert publish_state(index, server, Keys()) == len(urls)
        state = Round.join(server, sample_profiles("http://127.0.0.1:9"), worker="w").state
        now = "2024-06-10T00:00:00+00:00"
        mine = answers(index, ["a", "b"], urls + ["https://a.vn/unseen"], now)
        assert mine == answers(state, ["a", "b"], urls + ["https://a.vn/unseen"], now)
        assert mine[0] == [[urls[0], urls[2]], [urls[6]]]  # never fetched, or failed and due
    finally:
        index.close()
