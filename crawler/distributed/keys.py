"""Redis key names of the distributed crawl (every one starts with the prefix, ``vnportal``)."""
from __future__ import annotations

PREFIX = "vnportal"


class Keys:
    """Redis key names."""

    def __init__(self, prefix: str = PREFIX):
        self.prefix = prefix
        self.state = f"{prefix}:state"  # hash: URL -> url_state row (JSON), the index's mirror
        self.pending_prefix = f"{prefix}:pending:"  # + site: zset of article URLs to fetch, by first_seen
        self.pending_sites = f"{prefix}:pending-sites"  # set of the sites that have such a zset
        self.ready = f"{prefix}:state-ready"  # when the index worker last published the whole state
        self.items = f"{prefix}:items"  # list of messages for the index worker
        self.processing = f"{prefix}:items-processing"  # the message the index worker is storing
        self.round = f"{prefix}:round"  # id of the running round
        self.round_prefix = f"{prefix}:round:"
        # a distributed backfill (crawler/distributed/backfill.py)
        self.backfill_jobs = f"{prefix}:backfill:jobs"  # hash: a job's spec key -> the id of its running job
        self.backfill_windows = f"{prefix}:backfill:windows"  # set: site, source, window listed (the index's mirror)
        self.backfill_workers = f"{prefix}:backfill:workers"  # set of worker ids, alive while their key lives
        self.backfill_worker_prefix = f"{prefix}:backfill:worker:"  # + worker id: its heartbeat
        self.job_prefix = f"{prefix}:backfill:job:"

    def pending(self, site: str) -> str:
        return self.pending_prefix + site

    def of_round(self, round_id: str, name: str) -> str:
        """A round's key: requests, dupefilter, workers (zset by heartbeat), busy, state,
        pending:<site>, profiles, patterns, started."""
        return f"{self.round_prefix}{round_id}:{name}"

    def of_job(self, job_id: str, name: str) -> str:
        """A backfill job's key: state, listed, claims, queue, leases, pending."""
        return f"{self.job_prefix}{job_id}:{name}"

    def backfill_worker(self, worker: str) -> str:
        return self.backfill_worker_prefix + worker

    def host(self, host: str) -> str:
        return f"{self.prefix}:host:{host}"
