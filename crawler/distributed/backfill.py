"""A distributed backfill: ``vnportal backfill --redis URL`` on several hosts share the listing and
fetching of each site and archive; the index worker (crawler/index_worker.py) alone stores.

Design (Redis state in jobs.py, the index worker's side in backfill_writer.py):

* Jobs. Workers run with the same site, archive and options join the same *job*; the first one
  registers it. Its windows (years, or Common Crawl's crawls) are the ones its first worker found.
* Listing. Each window is claimed by one worker (a claim of a worker that died passes on); a
  window the index has listed already (the index worker mirrors ``archive_windows`` to Redis) is
  skipped. The listing goes to the index worker and the window is marked done in one transaction.
* Choosing. Once every window is done, a worker asks the index worker to choose the captures to
  fetch; it does so from the ledger with the local backfill's ``to_fetch`` (once per job) and
  queues them.
* Fetching. Workers take one capture at a time from the queue, leased to them while their
  heartbeat lives; a capture leased by a worker that died goes back to the queue. What was fetched
  (body, headers, archived URL) or why not goes to the index worker and the lease ends, together.
  The index worker stores it with the local backfill's ``store_fetched`` / ``store_missing``
  (a capture the ledger has as fetched is not stored again), and ends the job, closing its
  ``backfill_runs`` row, when every chosen capture is stored.
* Politeness. Every request to an archive host waits for that host's slot in Redis
  (hostslots.py, the crawl's slots) and leaves it closed for ``--delay`` seconds, or for what a
  429/503's Retry-After asks: the pause holds for all workers together.
"""
from __future__ import annotations

import json
import logging
import os
import socket
import time
from dataclasses import asdict, dataclass, field
from typing import Iterable

from crawler.archives.cdx import ArchiveError
from crawler.archives.sources import CaptureMissing
from crawler.backfill import BackfillOptions, SiteReport, Target, as_capture, list_window
from crawler.distributed.codec import encode_backfill, encode_body
from crawler.distributed.connection import DistributedError, connect
from crawler.distributed.hostslots import HostSlots, SharedPacing
from crawler.distributed.jobs import BackfillJob, Heartbeat, JobSpec
from crawler.distributed.keys import Keys
from crawler.polite import PoliteClient, Unavailable
from data.archives import ListedCapture

logger = logging.getLogger(__name__)

POLL = 0.2  # seconds between two looks at a job when waiting for other workers or the index worker
WAITING_NOTICE = 60.0  # seconds waiting for the index worker before saying so


@dataclass
class BackfillShare:
    """One worker's share of a distributed backfill: per site and archive, the captures it listed,
    fetched and failed (new and unchanged are the index worker's, in ``backfill_runs``)."""
    worker: str
    reports: list[SiteReport] = field(default_factory=list)
    requests: int = 0
    messages: int = 0


def backfill_distributed(redis_url: str, plans: Iterable[tuple[Target, object, BackfillOptions]],
                         client: PoliteClient) -> BackfillShare:
    """Work on the distributed backfill at ``redis_url``: each (target, archive, options) of ``plans``
    in turn, until its captures are all fetched (by this worker or others). ``client`` is switched
    to the hosts' shared slots."""
    server = connect(redis_url)
    keys = Keys()
    if not server.exists(keys.ready):
        raise DistributedError(f"Redis at {redis_url} holds no crawl state yet: start `vnportal index-worker "
                               f"--redis {redis_url} --db PATH` (once is enough) before the backfill workers")
    import redis

    client.pacing = SharedPacing(HostSlots(server, keys, lease=client.options.timeout + 60))
    share = BackfillShare(f"{socket.gethostname()}-{os.getpid()}")
    try:
        with Heartbeat(server, keys, share.worker):
            for target, source, options in plans:
                job = BackfillJob.join(server, keys, JobSpec.of(target, source, options), share.worker)
                report = SiteReport(target.site, source.name)
                share.reports.append(report)
                try:
                    share.messages += _list(job, target, source, client, options, report)
                    share.messages += _fetch(job, source, client, report)
                except (Unavailable, ArchiveError) as exc:
                    report.status = f"stopped: {exc}"
                    logger.warning("%s (%s): %s", target.site, source.name, exc)
    except redis.RedisError as exc:
        raise DistributedError(f"lost Redis at {redis_url}: {exc}; what this worker held goes back to the "
                               "others when its heartbeat expires") from None
    share.requests = client.requests
    return share


def _list(job: BackfillJob, target: Target, source, client: PoliteClient, options: BackfillOptions,
          report: SiteReport) -> int:
    """List the job's windows no other worker lists; return when all are listed (messages sent)."""
    spec = job.spec.to_dict()
    left = job.windows(lambda: source.windows(client, options.start, options.end))
    sent = 0
    while left:
        taken = []
        for window in left:
            claim = job.claim_window(window.key)
            if claim == "taken":
                taken.append(window)
            elif claim == "mine":
                try:
                    found, complete = list_window(target, source, client, window)
                except BaseException:
                    job.release_window(window.key)
                    raise
                job.listed(window.key, encode_backfill("listing", job.id, spec, window=window.key, complete=complete,
                                                       captures=[asdict(capture) for capture in found]))
                report.listed += len(found)
                sent += 1
        left = taken
        if left:
            time.sleep(POLL)
    job.ask_to_choose(encode_backfill("choose", job.id, spec))
    return sent + 1


def _fetch(job: BackfillJob, source, client: PoliteClient, report: SiteReport) -> int:
    """Fetch the job's queued captures one at a time until none is left (messages sent)."""
    spec = job.spec.to_dict()
    sent, waiting_since = 0, time.monotonic()
    while True:
        state, raw = job.claim_capture()
        if state == "done":
            return sent
        if state != "capture":
            if state == "choosing" and time.monotonic() - waiting_since > WAITING_NOTICE:
                logger.warning("%s (%s): waiting for the index worker to queue the captures (is `vnportal "
                               "index-worker` running?)", job.spec.site, job.spec.source)
                waiting_since = time.monotonic()
            time.sleep(POLL)
            continue
        listed = ListedCapture(**json.loads(raw))
        capture = as_capture(listed)
        try:
            fetched = source.fetch(client, capture)
        except CaptureMissing as exc:
            job.finished(raw, encode_backfill("missing", job.id, spec, capture=asdict(listed),
                                              archived_url=source.archived_url(capture), reason=str(exc)))
            report.count("failed")
        except BaseException:
            job.give_back(raw)
            raise
        else:
            job.finished(raw, encode_backfill("fetched", job.id, spec, capture=asdict(listed),
                                              body=encode_body(fetched.body), headers=fetched.headers,
                                              archived_url=fetched.archived_url))
            report.count("fetched")
        sent += 1
        waiting_since = time.monotonic()
