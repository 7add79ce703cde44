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

    def pending(self, site: str) -> str:
        return self.pending_prefix + site

    def of_round(self, round_id: str, name: str) -> str:
        """A round's key: requests, dupefilter, workers (zset by heartbeat), busy, state,
        pending:<site>, profiles, patterns, started."""
        return f"{self.round_prefix}{round_id}:{name}"

    def host(self, host: str) -> str:
        return f"{self.prefix}:host:{host}"
