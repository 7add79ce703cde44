"""Politeness across workers: one request at a time per host, whichever worker sends it.

Before a request its worker takes the host's slot (``host:<host>``, SET NX with a lease that
expires if the worker dies); after the response it keeps the slot closed for the host's pause
before another worker may take it. The crawl's downloader middleware (middleware.py) and the
backfill's client (``SharedPacing``) hold the same slots.
"""
from __future__ import annotations

import secrets
import time
from urllib.parse import urlsplit

from crawler.distributed import scripts
from crawler.distributed.keys import Keys


class HostSlots:
    """The hosts' slots in Redis. ``lease``: seconds a taken slot stays taken if its worker dies."""

    def __init__(self, server, keys: Keys, lease: float):
        self.server = server
        self.keys = keys
        self.lease_ms = int(lease * 1000)
        self._release = server.register_script(scripts.RELEASE)

    def try_take(self, host: str) -> tuple[str | None, float]:
        """Take ``host``'s slot: (token, 0), or (None, seconds to wait before trying again)."""
        token = secrets.token_hex(8)
        if self.server.set(self.keys.host(host), token, nx=True, px=self.lease_ms):
            return token, 0.0
        wait_ms = self.server.pttl(self.keys.host(host))  # the pause left, or the lease of a request going on
        return None, min(max(wait_ms, 5), 100) / 1000

    def release(self, host: str, token: str, pause: float) -> None:
        """Reopen ``host``'s slot after ``pause`` seconds, if we still hold it."""
        self._release(keys=[self.keys.host(host)], args=[token, int(pause * 1000)])


class SharedPacing:
    """A PoliteClient's pacing (crawler.polite.Pacing) on the hosts' slots: a request waits for its
    host's slot; the pause after it (the delay, or Retry-After's) holds for every worker."""

    def __init__(self, slots: HostSlots):
        self.slots = slots

    def before(self, url: str) -> tuple[str, str]:
        host = urlsplit(url).hostname or ""
        while True:
            token, wait = self.slots.try_take(host)
            if token is not None:
                return host, token
            time.sleep(wait)

    def after(self, turn: tuple[str, str], pause: float) -> None:
        self.slots.release(*turn, pause)
