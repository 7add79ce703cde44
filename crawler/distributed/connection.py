"""Connecting to the Redis server of a distributed crawl."""
from __future__ import annotations

from crawler.runner import CrawlError


class DistributedError(CrawlError):
    """Redis cannot be reached, or holds no crawl state yet."""


def connect(url: str):
    """A Redis client for ``url`` (redis://host:port/db), checked with a PING."""
    try:
        import redis
    except ImportError:
        raise DistributedError("--redis needs the redis and scrapy-redis packages: "
                               "pip install 'vnportal[distributed]'") from None

    try:
        server = redis.Redis.from_url(url, socket_connect_timeout=10, socket_timeout=60)
        server.ping()
    except (redis.RedisError, ValueError) as exc:
        raise DistributedError(f"cannot reach Redis at {url}: {exc}") from None
    return server
