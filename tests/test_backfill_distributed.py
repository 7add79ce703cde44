"""vnportal backfill --redis: backfill workers share the listing and fetching of a site's history
through a real redis-server (tests/redisserver.py), the index worker stores it; the archive is a
real pywb (tests/archive.py) behind a proxy that logs every request as the archive sees it."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from redisserver import redis_url  # noqa: F401 (fixture)

import redis  # noqa: E402 (after redisserver's importorskip)

from archive import LoggedProxy, Pywb, write_warc
from crawler.distributed import Keys
from crawler.distributed.hostslots import HostSlots, SharedPacing
from crawler.options import CrawlOptions
from crawler.polite import PoliteClient, Unavailable
from httpserver import PortalServer
from commands import rows
from test_backfill import SITE, history

ROOT = Path(__file__).resolve().parent.parent
DELAY = 0.3  # seconds between two requests to the archive, across all workers
FROM = "2018"  # the windows 2018 to 2025 (the portal closed in 2025)


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    root = tmp_path_factory.mktemp("archive")
    write_warc(root / "history.warc.gz", history())
    with Pywb(root) as pywb:
        pywb.add("web", root / "history.warc.gz")
        proxy = LoggedProxy(pywb.port)
        try:
            yield proxy, ["--wayback-cdx", f"{proxy.base}/web/cdx", "--wayback-replay", f"{proxy.base}/web/",
                          "--from", FROM]
        finally:
            proxy.close()


def start(home: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(ROOT / "pipeline.py"), *args], cwd=ROOT, text=True,
                            env={**os.environ, "HOME": str(home)}, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def finish(process: subprocess.Popen) -> str:
    out, err = process.communicate(timeout=300)
    assert process.returncode == 0, out + err
    assert "Traceback" not in err, err
    return out


def worker_id(process: subprocess.Popen) -> str:
    return f"{socket.gethostname()}-{process.pid}"


class Backfill:
    """Backfill workers and the index worker of one distributed backfill, the archive answering
    once every worker is alive (however slowly each process starts)."""

    def __init__(self, redis_url: str, db: Path, home: Path, proxy: LoggedProxy, args: list[str], workers: int = 2):
        self.server = redis.Redis.from_url(redis_url)
        published = start(home, "index-worker", "--redis", redis_url, "--db", str(db), "--until-idle", "0")
        finish(published)  # the index's state is in Redis: workers may start
        proxy.gate.clear()
        self.workers = [start(home, "backfill", SITE, "--redis", redis_url, *args) for _ in range(workers)]
        ids = {worker_id(worker) for worker in self.workers}
        deadline = time.monotonic() + 120
        while {raw.decode() for raw in self.server.smembers(Keys().backfill_workers)} != ids:
            assert all(worker.poll() is None for worker in self.workers), "a worker ended before it began"
            assert time.monotonic() < deadline, "the workers did not start"
            time.sleep(0.05)
        self.writer = start(home, "index-worker", "--redis", redis_url, "--db", str(db), "--until-idle", "1")
        proxy.gate.set()

    def leases(self) -> dict[bytes, str]:
        """The captures leased now, and to which worker."""
        found = {}
        for job in self.server.hvals(Keys().backfill_jobs):
            leases = self.server.hgetall(Keys().of_job(job.decode(), "leases"))
            found.update({capture: holder.decode() for capture, holder in leases.items()})
        return found


def shares(outputs: list[str]) -> list[int]:
    """Each worker's count of requests to the archives, from its report."""
    counts = []
    for out in outputs:
        line = [line for line in out.splitlines() if " request(s) to the archives" in line]
        assert line, out
        counts.append(int(line[0].split(": ")[1].split()[0]))
    return counts


def replays(log) -> list[str]:
    return [entry.path for entry in log if "id_/" in entry.path]


def listings(log) -> list[str]:
    return [entry.path for entry in log if "/cdx?" in entry.path]


def index_rows(db: Path) -> dict[str, list]:
    """What a backfill leaves in the index, without ids and times of the run."""
    return {
        "raw_pages": rows(db, "SELECT url, site, fetched_at, body_sha256 FROM raw_pages ORDER BY url, fetched_at"),
        "articles": rows(db, "SELECT url, site, published, title, text FROM articles ORDER BY url"),
        "article_captures": rows(db, "SELECT url, archive, captured, archived_url FROM article_captures ORDER BY url"),
        "archive_captures": rows(db, "SELECT site, source, url, timestamp, status, attempts, archived_url "
                                     "FROM archive_captures ORDER BY url, timestamp"),
        "archive_windows": rows(db, "SELECT site, source, window, captures FROM archive_windows ORDER BY window"),
    }


@pytest.mark.slow
@pytest.mark.network_local
@pytest.mark.redis
def test_two_workers_fill_the_index_as_one_local_backfill_politely(redis_url, archive, tmp_path):
    proxy, args = archive
    single, shared = tmp_path / "single.db", tmp_path / "shared.db"
    proxy.log.clear()
    finish(start(tmp_path, "backfill", SITE, "--db", str(single), *args, "--delay", "0"))
    local = list(proxy.log)
    proxy.log.clear()

    run = Backfill(redis_url, shared, tmp_path, proxy, [*args, "--delay", str(DELAY)])
    outputs = [finish(worker) for worker in run.workers]
    stored = finish(run.writer)
    log = sorted(proxy.log, key=lambda entry: entry.at)

    assert "processed: new 6" in stored
    assert sum(shares(outputs)) == len(log)  # every request the archive saw came from one of the two
    assert all(count > 0 for count in shares(outputs))
    assert Counter(replays(log)) == Counter(replays(local)) and len(set(replays(local))) == 6  # each capture once
    assert Counter(listings(log)) == Counter(listings(local))  # each window listed once, by one worker
    gaps = [later.at - earlier.at for earlier, later in zip(log, log[1:])]
    assert min(gaps) >= DELAY - 0.02  # one request at a time to the archive, DELAY apart, across both workers
    assert index_rows(shared) == index_rows(single)
    run_row = "SELECT site, source, listed, fetched, new, unchanged, failed, status, finished IS NOT NULL FROM backfill_runs"
    assert rows(shared, run_row) == rows(single, run_row) == [(SITE, "wayback", 10, 6, 6, 0, 0, "ok", 1)]

    proxy.log.clear()  # the same backfill again: every window is listed and every capture fetched already
    again = Backfill(redis_url, shared, tmp_path, proxy, [*args, "--delay", str(DELAY)], workers=1)
    finish(again.workers[0])
    finish(again.writer)
    assert not replays(proxy.log) and not listings(proxy.log)
    assert rows(shared, "SELECT fetched, status FROM backfill_runs ORDER BY id DESC LIMIT 1") == [(0, "ok")]
    assert index_rows(shared) == index_rows(single)


@pytest.mark.slow
@pytest.mark.network_local
@pytest.mark.redis
def test_a_killed_worker_leaves_nothing_lost_or_stored_twice(redis_url, archive, tmp_path):
    proxy, args = archive
    db = tmp_path / "index.db"
    proxy.log.clear()
    run = Backfill(redis_url, db, tmp_path, proxy, [*args, "--delay", str(DELAY)])
    doomed, survivor = run.workers
    deadline = time.monotonic() + 120
    while worker_id(doomed) not in run.leases().values():  # wait until it holds a capture
        assert survivor.poll() is None and time.monotonic() < deadline, "the killed worker never held a capture"
        time.sleep(0.005)
    doomed.send_signal(signal.SIGKILL)
    doomed.wait()
    finish(survivor)  # takes the killed worker's capture back once its heartbeat expires
    stored = finish(run.writer)

    assert "processed: new 6" in stored
    assert rows(db, "SELECT count(*), count(DISTINCT url), sum(status = 'fetched'), max(attempts) "
                    "FROM archive_captures WHERE raw_page_id IS NOT NULL") == [(6, 6, 6, 1)]
    assert rows(db, "SELECT count(*), count(DISTINCT url) FROM raw_pages") == [(6, 6)]
    assert rows(db, "SELECT count(*), count(DISTINCT url) FROM articles") == [(6, 6)]
    assert rows(db, "SELECT fetched, new, status FROM backfill_runs") == [(6, 6, "ok")]
    fetched = Counter(replays(proxy.log))
    assert len(fetched) == 6 and sum(fetched.values()) <= 7  # at most the killed worker's capture twice


@pytest.mark.network_local
@pytest.mark.redis
def test_a_backfill_worker_without_redis_or_published_state_cannot_run(redis_url, tmp_path):
    unreachable = start(tmp_path, "backfill", SITE, "--redis", "redis://127.0.0.1:9/0")
    out, err = unreachable.communicate(timeout=120)
    assert unreachable.returncode == 2 and "cannot reach Redis at redis://127.0.0.1:9/0" in err
    unpublished = start(tmp_path, "backfill", SITE, "--redis", redis_url)
    out, err = unpublished.communicate(timeout=120)
    assert unpublished.returncode == 2 and "vnportal index-worker" in err and "Traceback" not in err


@pytest.mark.network_local
@pytest.mark.redis
def test_a_retry_after_pauses_the_host_for_every_worker(redis_url):
    """Two workers' clients on the hosts' shared slots: one is told 429 Retry-After 1, and the
    other's next request to that host waits the second too."""
    server = PortalServer()
    try:
        server.route("/busy", "slow down", status=429, headers={"Retry-After": "1"})
        server.route("/page", "<html><body>page</body></html>")
        slots = HostSlots(redis.Redis.from_url(redis_url), Keys(), lease=60)
        told, other = (PoliteClient(CrawlOptions().allowing(server.base), delay=0.2, retries=0,
                                    pacing=SharedPacing(slots)) for _ in range(2))
        with pytest.raises(Unavailable, match="kept answering HTTP 429"):
            told.get(server.url("/busy"))
        assert other.get(server.url("/page")).status == 200
    finally:
        server.close()
    log = server.log
    assert [entry.path for entry in log] == ["/robots.txt", "/busy", "/robots.txt", "/page"]
    assert log[2].at - log[1].at >= 1.0 - 0.02  # the other worker waited what Retry-After asked
    assert log[1].at - log[0].at >= 0.2 - 0.02 and log[3].at - log[2].at >= 0.2 - 0.02
