"""The index worker of a distributed crawl: the SQLite index's only writer (see crawler/distributed/).

It publishes the crawl state (url_state) to Redis when it starts, then stores the workers' items
in order, through the crawler's own ``record_item``, mirroring each changed url_state row back to
Redis. Whenever the item list is drained and no crawl round is going, it runs ``process`` (extract,
tag and index the new raw pages). A message is moved to a processing list while it is stored and
removed once committed, so a killed index worker stores it on its next start instead of losing it.
It is also the writer of a distributed backfill (crawler/distributed/backfill.py): it mirrors the
listed archive windows to Redis and stores the backfill workers' messages (backfill_writer.py).
"""
from __future__ import annotations

import json
import logging
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Callable, Iterable

from crawler.distributed.backfill_writer import BackfillWriter, publish_windows
from crawler.distributed.codec import decode_item
from crawler.distributed.connection import connect
from crawler.distributed.jobs import workers_alive
from crawler.distributed.keys import Keys
from crawler.distributed.rounds import WORKER_TTL
from crawler.items import DiscoveredItem, FetchedItem
from crawler.lock import run_lock
from crawler.options import CrawlOptions
from crawler.pipelines import record_item
from crawler.state import CrawlStore
from data.clock import utc_iso
from data.frontier import is_pending
from data.index import Index

logger = logging.getLogger(__name__)

POLL = 0.5  # seconds the worker blocks waiting for an item before it looks at the round
BATCH = 1000  # url_state rows per Redis round trip when publishing


@dataclass
class IndexWorkerReport:
    """What an index worker did: items stored, rounds that ended meanwhile, processing counts."""
    items: int = 0
    rounds: list[str] = field(default_factory=list)
    processed: Counter = field(default_factory=Counter)


@dataclass
class _SiteRun:
    row: int
    counts: Counter = field(default_factory=Counter)


def run_index_worker(index_path: str | Path, redis_url: str, *, process: Callable[[Index], dict[str, int]],
                     until_idle: float | None = None) -> IndexWorkerReport:
    """Serve the distributed crawl at ``redis_url`` as the writer of the index at ``index_path``
    (holding its run lock). ``until_idle``: return once no round has been going and no item has
    come for that many seconds, and no backfill worker is alive (None: run until interrupted)."""
    server = connect(redis_url)
    keys = Keys()
    report = IndexWorkerReport()
    with run_lock(index_path):
        index = Index(index_path)
        try:
            index.abort_runs(None, utc_iso())  # we hold the lock: rows still 'running' were left by a kill
            publish_windows(index, server, keys)
            count = publish_state(index, server, keys)
            logger.info("published the crawl state of %d URL(s) to %s", count, redis_url)
            _Worker(index, server, keys, report).serve(process, until_idle)
        finally:
            index.close()
    return report


def publish_state(index: CrawlStore, server, keys: Keys) -> int:
    """Mirror the whole url_state table into Redis (built aside, then swapped in at once); return the row count."""
    building = f"{keys.state}:building"
    pending_building = f"{keys.pending_prefix}building:"
    old_sites = [site.decode() for site in server.smembers(keys.pending_sites)]
    sites: set[str] = set()
    server.delete(building, *[pending_building + site for site in old_sites])
    count = 0
    pipe = server.pipeline(transaction=False)
    for row in index.url_states():
        pipe.hset(building, row["url"], json.dumps(row, ensure_ascii=False))
        if is_pending(row):
            pipe.zadd(pending_building + row["site"], {row["url"]: _epoch(row["first_seen"])})
            sites.add(row["site"])
        count += 1
        if count % BATCH == 0:
            pipe.execute()
    pipe.execute()
    swap = server.pipeline(transaction=True)
    swap.delete(keys.state, keys.pending_sites, *[keys.pending(site) for site in old_sites])
    if count:
        swap.rename(building, keys.state)
    for site in sites:
        swap.rename(pending_building + site, keys.pending(site))
    if sites:
        swap.sadd(keys.pending_sites, *sites)
    swap.set(keys.ready, utc_iso())
    swap.execute()
    return count


def _epoch(iso: str | None) -> float:
    try:
        return datetime.fromisoformat(iso).timestamp() if iso else 0.0
    except ValueError:
        return 0.0


def round_live(server, keys: Keys) -> bool:
    """Whether a crawl round is going: one is registered and some worker of it is alive."""
    round_id = server.get(keys.round)
    if not round_id:
        return False
    workers = keys.of_round(round_id.decode(), "workers")
    return server.zcount(workers, time.time() - WORKER_TTL, "+inf") > 0


class _Worker:
    def __init__(self, index: Index, server, keys: Keys, report: IndexWorkerReport):
        self.index = index
        self.server = server
        self.keys = keys
        self.report = report
        self.runs: dict[str, dict[str, _SiteRun]] = {}  # round -> site -> its crawl_runs row and counts
        self.backfill = BackfillWriter(index, server, keys)

    def serve(self, process: Callable[[Index], dict[str, int]], until_idle: float | None) -> None:
        for raw in self.server.lrange(self.keys.processing, 0, -1):  # left by a killed index worker
            self._store(raw)
        dirty = True  # pages may be pending from before
        quiet_since = time.monotonic()
        while True:
            raw = self.server.blmove(self.keys.items, self.keys.processing, POLL, "LEFT", "RIGHT")
            if raw is not None:
                self._store(raw)
                dirty, quiet_since = True, time.monotonic()
                continue
            if round_live(self.server, self.keys) or workers_alive(self.server, self.keys):
                quiet_since = time.monotonic()
                continue
            if dirty:
                self.report.processed.update(process(self.index))
                dirty, quiet_since = False, time.monotonic()
            if until_idle is not None and time.monotonic() - quiet_since >= until_idle:
                return

    def _store(self, raw: bytes) -> None:
        """Store one message, then drop it from the processing list."""
        message = json.loads(raw)
        kind = message.get("type")
        if kind == "item":
            self._item(message)
        elif kind == "report":
            self._worker_report(message)
        elif kind == "end":
            self._end(message["round"])
        elif str(kind).startswith("backfill-"):
            self.backfill.store(message)
            self.report.items += 1
        else:
            logger.warning("unknown message in %s: %.200s", self.keys.items, raw)
        self.server.lrem(self.keys.processing, 1, raw)

    def _run(self, round_id: str, site: str) -> _SiteRun:
        sites = self.runs.setdefault(round_id, {})
        if site not in sites:
            started = self.server.get(self.keys.of_round(round_id, "started"))  # gone once the round ended
            sites[site] = _SiteRun(self.index.start_run(round_id, site, started.decode() if started else utc_iso()))
        return sites[site]

    def _item(self, message: dict) -> None:
        item = decode_item(message)
        options = CrawlOptions(max_failures=message["max_failures"],
                               failure_backoff_hours=message["failure_backoff_hours"])
        run = self._run(message["round"], item.site)
        with self.index.transaction():
            counted = record_item(self.index, item, options)
        if counted is not None:
            run.counts[counted[0]] += 1
        self.report.items += 1
        self._mirror(_urls(item))

    def _mirror(self, urls: Iterable[str]) -> None:
        """Copy the url_state rows of ``urls`` to Redis, and whether each is still to fetch."""
        pipe = self.server.pipeline(transaction=False)
        for row in self.index.url_states(dict.fromkeys(urls)):
            pipe.hset(self.keys.state, row["url"], json.dumps(row, ensure_ascii=False))
            if is_pending(row):
                pipe.zadd(self.keys.pending(row["site"]), {row["url"]: _epoch(row["first_seen"])})
                pipe.sadd(self.keys.pending_sites, row["site"])
            else:
                pipe.zrem(self.keys.pending(row["site"]), row["url"])
        pipe.execute()

    def _worker_report(self, message: dict) -> None:
        for profile in message.get("profiles", []):
            self.index.upsert_source(profile)
        for site in message.get("sites", []):
            run = self._run(message["round"], site["site"])
            for key in ("requests", "starts_ok", "starts_failed"):
                run.counts[key] += site.get(key, 0)

    def _end(self, round_id: str) -> None:
        """The round is over: close its crawl_runs rows with the counts of all its workers."""
        finished = utc_iso()
        for site, run in self.runs.pop(round_id, {}).items():
            counts = run.counts
            status = "failed" if counts["starts_ok"] == 0 and counts["starts_failed"] else (
                "partial" if counts["failed"] else "ok")
            self.index.finish_run(run.row, finished, dict(counts), status)
            logger.info("round %s, %s: %s (%s)", round_id, site, status, dict(counts))
        self.report.rounds.append(round_id)


def _urls(item) -> list[str]:
    if isinstance(item, DiscoveredItem):
        return list(item.urls)
    urls = [item.url]
    if isinstance(item, FetchedItem) and item.requested_url:
        urls.append(item.requested_url)
    return urls

