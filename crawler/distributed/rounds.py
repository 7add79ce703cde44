"""A crawl round in Redis: joining and leaving it, heartbeats, and its copy of the crawl state."""
from __future__ import annotations

import json
import logging
import os
import socket
import time
from typing import Iterable

from crawler.distributed import scripts
from crawler.distributed.connection import DistributedError
from crawler.distributed.keys import Keys
from crawler.runner import new_run_id
from crawler.sites.base import SiteProfile
from data.clock import utc_iso
from data.frontier import is_pending

logger = logging.getLogger(__name__)

WORKER_TTL = 60.0  # seconds without a heartbeat after which a worker counts as dead


class Round:
    """A worker's membership of the running crawl round."""

    def __init__(self, server, keys: Keys, round_id: str, worker: str, created: bool):
        self.server = server
        self.keys = keys
        self.id = round_id
        self.worker = worker
        self.created = created
        self.state = RoundState(server, keys, round_id)
        self._leave = server.register_script(scripts.LEAVE)

    @classmethod
    def join(cls, server, profiles: Iterable[SiteProfile], keys: Keys | None = None,
             worker: str | None = None) -> "Round":
        """Join the running round, or start one; register ``profiles`` in it."""
        keys = keys or Keys()
        worker = worker or f"{socket.gethostname()}-{os.getpid()}"
        new_id = new_run_id()
        round_id, created = server.register_script(scripts.JOIN)(
            keys=[keys.round, keys.ready, keys.state, keys.pending_sites, keys.items],
            args=[new_id, worker, time.time(), WORKER_TTL, keys.round_prefix, utc_iso(), keys.pending_prefix])
        round_id = round_id.decode() if isinstance(round_id, bytes) else round_id
        if not round_id:
            raise DistributedError("Redis holds no crawl state yet: start `vnportal index-worker --redis URL "
                                   "--db PATH` (once is enough) before the crawl workers")
        profiles_key = keys.of_round(round_id, "profiles")
        for profile in profiles:
            server.hsetnx(profiles_key, profile.name, json.dumps(profile.to_dict(), ensure_ascii=False))
        logger.info("worker %s %s round %s", worker, "started" if created else "joined", round_id)
        return cls(server, keys, round_id, worker, bool(created))

    def key(self, name: str) -> str:
        return self.keys.of_round(self.id, name)

    def profile(self, site: str) -> SiteProfile | None:
        """A site another worker registered in the round."""
        raw = self.server.hget(self.key("profiles"), site)
        return SiteProfile.from_dict(json.loads(raw)) if raw else None

    def beat(self, busy: bool) -> None:
        """Heartbeat: this worker is alive, and busy or idle."""
        pipe = self.server.pipeline()
        pipe.zadd(self.key("workers"), {self.worker: time.time()})
        pipe.hset(self.key("busy"), self.worker, "1" if busy else "0")
        pipe.execute()

    def leave(self, report: dict, finished: bool = True) -> int:
        """Leave the round with this worker's ``report``. ``finished``: only if no request is queued and
        no other worker is busy (else -1: stay); the last to leave ends the round (1). Otherwise 0."""
        message = json.dumps({"type": "report", "round": self.id, "worker": self.worker, **report},
                             ensure_ascii=False)
        return int(self._leave(keys=[self.keys.round, self.keys.ready, self.keys.state, self.keys.pending_sites,
                                     self.keys.items],
                               args=[self.id, self.worker, time.time(), WORKER_TTL, self.keys.round_prefix,
                                     message, "1" if finished else "0"]))

    def shared_pattern(self, site: str, pattern: str | None) -> str | None:
        """The article URL pattern detected for an auto profile: publish ours, or read another worker's."""
        if pattern:
            self.server.hsetnx(self.key("patterns"), site, pattern)
            return pattern
        raw = self.server.hget(self.key("patterns"), site)
        return raw.decode() if raw else None


class RoundState:
    """The crawl state (crawler.state.CrawlState) as the index had it when the round began, read-only."""

    def __init__(self, server, keys: Keys, round_id: str):
        self.server = server
        self.keys = keys
        self.round_id = round_id

    def url_state(self, url: str) -> dict | None:
        raw = self.server.hget(self.keys.of_round(self.round_id, "state"), url)
        return json.loads(raw) if raw else None

    def pending_urls(self, site: str, now: str) -> list[str]:
        """Article URLs of ``site`` still to fetch at ``now`` (data.frontier.is_pending), first seen first."""
        urls = [url.decode() for url in self.server.zrange(self.keys.of_round(self.round_id, f"pending:{site}"), 0, -1)]
        if not urls:
            return []
        rows = self.server.hmget(self.keys.of_round(self.round_id, "state"), urls)
        return [url for url, raw in zip(urls, rows) if raw and is_pending(json.loads(raw), now)]

    def interrupted_since(self, site: str) -> None:
        """Never: an interrupted round is resumed from its queue in Redis instead."""
        return None
