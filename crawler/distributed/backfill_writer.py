"""The index worker's side of a distributed backfill (crawler/distributed/backfill.py): it stores the
workers' listings and captures with the local backfill's own functions, chooses each job's
captures from the ledger, mirrors the listed windows to Redis, and ends jobs."""
from __future__ import annotations

import json
import logging
from dataclasses import asdict

from crawler.archives.cdx import Capture
from crawler.archives.sources import Fetched
from crawler.backfill import store_fetched, store_listing, store_missing, to_fetch
from crawler.distributed import scripts
from crawler.distributed.codec import decode_body
from crawler.distributed.jobs import JobSpec, window_member
from crawler.distributed.keys import Keys
from crawler.distributed.rounds import utc_iso
from crawler.state import CrawlStore
from data.archives import ListedCapture

logger = logging.getLogger(__name__)

KEEP_ENDED = 7 * 24 * 3600  # seconds an ended job's state stays in Redis (for workers still looking)
COUNTS = ("listed", "fetched", "new", "unchanged", "failed")


def publish_windows(index: CrawlStore, server, keys: Keys) -> int:
    """Mirror the windows the index has listed to Redis (built aside, then swapped in); return how many."""
    windows = [window_member(*row) for row in index.archive_ledger().listed_windows()]
    building = f"{keys.backfill_windows}:building"
    server.delete(building)
    for start in range(0, len(windows), 1000):
        server.sadd(building, *windows[start:start + 1000])
    swap = server.pipeline(transaction=True)
    swap.delete(keys.backfill_windows)
    if windows:
        swap.rename(building, keys.backfill_windows)
    swap.execute()
    return len(windows)


class BackfillWriter:
    """Stores the messages of a distributed backfill's workers (``type`` backfill-...)."""

    def __init__(self, index: CrawlStore, server, keys: Keys):
        self.index = index
        self.ledger = index.archive_ledger()
        self.server = server
        self.keys = keys
        self._end_job = server.register_script(scripts.END_JOB)

    def store(self, message: dict) -> None:
        job, spec = message["job"], JobSpec.from_dict(message["spec"])
        kind = message["type"].removeprefix("backfill-")
        if kind == "listing":
            self._run_row(job, spec)
            captures = [Capture(**fields) for fields in message["captures"]]
            added = store_listing(self.ledger, spec.site, spec.source, message["window"], captures, message["complete"])
            self.server.hincrby(self.keys.of_job(job, "state"), "listed", added)
            if message["complete"]:
                self.server.sadd(self.keys.backfill_windows, window_member(spec.site, spec.source, message["window"]))
        elif kind == "choose":
            self._choose(job, spec)
        elif kind in ("fetched", "missing"):
            self._capture(job, spec, message)
        else:
            logger.warning("unknown backfill message: %.200s", json.dumps(message))

    def _run_row(self, job: str, spec: JobSpec) -> int:
        """The job's backfill_runs row (started on its first message)."""
        state = self.keys.of_job(job, "state")
        row = self.server.hget(state, "run")
        if row is None:
            started = self.server.hget(state, "started")
            row = self.ledger.start_run(job, spec.site, spec.source, started.decode() if started else utc_iso())
            self.server.hset(state, "run", row)
        return int(row)

    def _choose(self, job: str, spec: JobSpec) -> None:
        """Every window of the job is listed: queue the captures to fetch, as a local backfill chooses them."""
        state = self.keys.of_job(job, "state")
        if self.server.hexists(state, "chosen") or self.server.hexists(state, "ended"):
            return  # another worker asked first
        self._run_row(job, spec)
        if spec.profile is not None:
            self.index.upsert_source(spec.profile)
        chosen = to_fetch(self.ledger, spec.site, spec.source, spec.options)
        pipe = self.server.pipeline(transaction=True)
        if chosen:
            pipe.rpush(self.keys.of_job(job, "queue"), *[json.dumps(asdict(c), ensure_ascii=False) for c in chosen])
            pipe.sadd(self.keys.of_job(job, "pending"), *[c.id for c in chosen])
        pipe.hset(state, "chosen", len(chosen))
        pipe.execute()
        logger.info("%s (%s): %d capture(s) to fetch", spec.site, spec.source, len(chosen))
        if not chosen:
            self._end(job, spec)

    def _capture(self, job: str, spec: JobSpec, message: dict) -> None:
        """Store a fetched capture or its failure, unless the ledger has it fetched already (a capture
        whose worker was taken for dead may come twice); end the job with its last capture."""
        listed = ListedCapture(**message["capture"])
        outcome = None
        if self.ledger.status(listed.id) != "fetched":
            if message["type"] == "backfill-fetched":
                fetched = Fetched(decode_body(message["body"]), message["headers"], message["archived_url"])
                outcome = "new" if store_fetched(self.index, self.ledger, listed, fetched, spec.store_as) == "stored" \
                    else "unchanged"
            else:
                store_missing(self.ledger, listed, message["archived_url"], message["reason"])
                outcome = "failed"
        if not self.server.srem(self.keys.of_job(job, "pending"), listed.id):
            return  # counted already
        state = self.keys.of_job(job, "state")
        if outcome != "failed":
            self.server.hincrby(state, "fetched", 1)
        if outcome is not None:  # None: stored before (by an index worker killed before this count)
            self.server.hincrby(state, outcome, 1)
        if not self.server.scard(self.keys.of_job(job, "pending")):
            self._end(job, spec)

    def _end(self, job: str, spec: JobSpec) -> None:
        """Every chosen capture is stored: close the job's run row, and the job (a later run starts anew)."""
        state = self.keys.of_job(job, "state")
        counts = {name: int(self.server.hget(state, name) or 0) for name in COUNTS}
        self.ledger.finish_run(self._run_row(job, spec), utc_iso(), "ok", counts)
        self._end_job(keys=[self.keys.backfill_jobs, state, *[self.keys.of_job(job, name) for name in
                                                              ("listed", "claims", "queue", "leases", "pending")]],
                      args=[spec.key, job, utc_iso(), KEEP_ENDED])
        logger.info("backfill %s (%s) done: %s", spec.site, spec.source, counts)
