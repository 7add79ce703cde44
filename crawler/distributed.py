"""Distributed crawling on scrapy-redis: crawl workers on one host or many share one frontier in Redis,
and one index worker (crawler/index_worker.py) is the only writer of the SQLite index.

Design (every key starts with ``vnportal:``):

* Rounds. A crawl *round* is what one single-process crawl is. ``vnportal crawl --redis URL ...``
  joins the running round, or starts one when none is running (``round`` holds its id). Every
  worker sends the start requests of its own sites into the round; scrapy-redis's shared
  duplicate filter keeps the first and drops the rest, so whoever starts first seeds the round
  and nothing is fetched twice. The round's requests (``round:<id>:requests``, a FIFO list read
  by scrapy-redis's Scheduler) and its filter (``round:<id>:dupefilter``) persist until the
  round ends: when the last worker leaves with the queue empty. A worker leaves when it is idle,
  the queue is empty and no other worker is busy; workers killed mid-round leave their queue
  behind and the next worker to start resumes it. A worker that pops a request for a site it was
  not started with reads the site's profile from the round (``round:<id>:profiles``).
* Crawl state. The index worker mirrors url_state into Redis (``state``: URL -> row as JSON;
  ``pending:<site>``: article URLs still to fetch) when it starts and after every item it
  stores. A new round copies the mirror (``round:<id>:state``): the workers decide what is new,
  what is due a re-check and which ETag / Last-Modified to send from the index as it was when the
  round began, as a single crawl does. Workers never open the SQLite file.
* Items. Workers push every item (raw pages, URL state events) as JSON to the ``items`` list,
  and their per-site counts when they leave; the index worker stores them in order through the
  crawler's own ``record_item`` (crawl_runs rows are per round and site).
* Politeness across workers. Scrapy keeps one request at a time per host within a process;
  ``SharedHostSlots`` extends that to all workers: before a request is downloaded its worker
  takes the host's slot (``host:<host>``, SET NX with a lease that expires if the worker dies),
  and after the response it keeps the slot closed for the host's download delay (AutoThrottle's
  current delay, at least DOWNLOAD_DELAY; longer when the server sent Retry-After) before
  another worker may take it.

Requests in the shared queue are pickled by scrapy-redis: Redis must be private to the crawl hosts.
Needs Redis 6.2 or newer (COPY, LMOVE).
"""
from __future__ import annotations

import base64
import json
import logging
import os
import secrets
import socket
import sys
import time
import zlib
from dataclasses import asdict, dataclass
from datetime import date, datetime, timezone
from typing import Any, Callable, Iterable

from crawler.items import DiscoveredItem, FailureItem, FetchedItem, NotModifiedItem
from crawler.options import CrawlOptions
from crawler.runner import CrawlError, new_run_id
from crawler.sites.base import SiteProfile
from data.clock import utc_iso

logger = logging.getLogger(__name__)

PREFIX = "vnportal"
WORKER_TTL = 60.0  # seconds without a heartbeat after which a worker counts as dead
HEARTBEAT = 1.0  # seconds between a worker's heartbeats
IDLE_POLL = 0.3  # seconds between an idle worker's looks at the shared queue
ITEM_TYPES = {cls.__name__: cls for cls in (FetchedItem, NotModifiedItem, FailureItem, DiscoveredItem)}


class DistributedError(CrawlError):
    """Redis cannot be reached, or holds no crawl state yet."""


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


# A round's keys are deleted when it ends; its workers, requests and filter, and its copy of the state.
_END_ROUND = """
local function end_round(rid, base)
  for _, name in ipairs({'requests', 'dupefilter', 'workers', 'busy', 'state', 'profiles', 'patterns',
                         'started'}) do
    redis.call('del', base .. name)
  end
  for _, site in ipairs(redis.call('smembers', KEYS[4])) do
    redis.call('del', base .. 'pending:' .. site)
  end
  if redis.call('get', KEYS[1]) == rid then redis.call('del', KEYS[1]) end
  redis.call('rpush', KEYS[5], cjson.encode({type = 'end', round = rid}))
end
"""

# KEYS: round, ready, state, pending-sites, items. ARGV: new id, worker, now, ttl, round prefix,
# started (ISO), pending prefix. Returns {round id, 1 if created} or {'', 0} without published state.
_JOIN = _END_ROUND + """
local now, ttl = tonumber(ARGV[3]), tonumber(ARGV[4])
local rid = redis.call('get', KEYS[1])
if rid then
  local base = ARGV[5] .. rid .. ':'
  redis.call('zremrangebyscore', base .. 'workers', '-inf', now - ttl)
  if redis.call('zcard', base .. 'workers') == 0 and redis.call('llen', base .. 'requests') == 0 then
    end_round(rid, base)  -- its workers are gone and nothing is queued: it is over
    rid = false
  end
end
local created = 0
if not rid then
  if redis.call('exists', KEYS[2]) == 0 then return {'', 0} end
  rid, created = ARGV[1], 1
  local base = ARGV[5] .. rid .. ':'
  redis.call('set', KEYS[1], rid)
  redis.call('set', base .. 'started', ARGV[6])
  if redis.call('exists', KEYS[3]) == 1 then redis.call('copy', KEYS[3], base .. 'state') end
  for _, site in ipairs(redis.call('smembers', KEYS[4])) do
    if redis.call('exists', ARGV[7] .. site) == 1 then
      redis.call('copy', ARGV[7] .. site, base .. 'pending:' .. site)
    end
  end
end
redis.call('zadd', ARGV[5] .. rid .. ':workers', now, ARGV[2])
return {rid, created}
"""

# KEYS: round, ready, state, pending-sites, items. ARGV: round id, worker, now, ttl, round prefix,
# report message, 1 to leave only when nothing is left to do (0: leave now, the worker stops).
# Returns -1 (stay: requests queued or another worker busy), 0 (left), 1 (left and ended the round).
_LEAVE = _END_ROUND + """
local rid, now, ttl = ARGV[1], tonumber(ARGV[3]), tonumber(ARGV[4])
local base = ARGV[5] .. rid .. ':'
if ARGV[7] == '1' then
  if redis.call('llen', base .. 'requests') > 0 then return -1 end
  redis.call('zremrangebyscore', base .. 'workers', '-inf', now - ttl)
  for _, other in ipairs(redis.call('zrange', base .. 'workers', 0, -1)) do
    if other ~= ARGV[2] and redis.call('hget', base .. 'busy', other) == '1' then return -1 end
  end
end
redis.call('zrem', base .. 'workers', ARGV[2])
redis.call('hdel', base .. 'busy', ARGV[2])
redis.call('rpush', KEYS[5], ARGV[6])
if ARGV[7] == '1' and redis.call('zcard', base .. 'workers') == 0 then
  end_round(rid, base)
  return 1
end
return 0
"""

# KEYS: the host slot. ARGV: token, pause (ms). Reopen the slot after ``pause`` if we still hold it.
_RELEASE = """
if redis.call('get', KEYS[1]) ~= ARGV[1] then return 0 end
if tonumber(ARGV[2]) > 0 then redis.call('set', KEYS[1], 'pause', 'PX', ARGV[2])
else redis.call('del', KEYS[1]) end
return 1
"""


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


# -- messages: items and reports, as JSON ------------------------------------------------------
def encode_item(item, round_id: str, worker: str, options: CrawlOptions) -> str:
    """One item as a message for the index worker (page bodies zlib-compressed, base64)."""
    fields = asdict(item)
    if "body" in fields:
        fields["body"] = base64.b64encode(zlib.compress(fields["body"])).decode("ascii")
    return json.dumps({"type": "item", "round": round_id, "worker": worker, "class": type(item).__name__,
                       "item": fields, "max_failures": options.max_failures,
                       "failure_backoff_hours": options.failure_backoff_hours}, ensure_ascii=False)


def decode_item(message: dict):
    """The item an ``encode_item`` message carries."""
    fields = dict(message["item"])
    if "body" in fields:
        fields["body"] = zlib.decompress(base64.b64decode(fields["body"]))
    return ITEM_TYPES[message["class"]](**fields)


# -- the round ------------------------------------------------------------------------------------
class Round:
    """A worker's membership of the running crawl round."""

    def __init__(self, server, keys: Keys, round_id: str, worker: str, created: bool):
        self.server = server
        self.keys = keys
        self.id = round_id
        self.worker = worker
        self.created = created
        self.state = RoundState(server, keys, round_id)
        self._leave = server.register_script(_LEAVE)

    @classmethod
    def join(cls, server, profiles: Iterable[SiteProfile], keys: Keys | None = None,
             worker: str | None = None) -> "Round":
        """Join the running round, or start one; register ``profiles`` in it."""
        keys = keys or Keys()
        worker = worker or f"{socket.gethostname()}-{os.getpid()}"
        new_id = new_run_id()
        round_id, created = server.register_script(_JOIN)(
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
    """The crawl state as the index had it when the round began, read-only: what PortalSpider asks
    its index (url_state, pending_urls, interrupted_since)."""

    def __init__(self, server, keys: Keys, round_id: str):
        self.server = server
        self.keys = keys
        self.round_id = round_id

    def url_state(self, url: str) -> dict | None:
        raw = self.server.hget(self.keys.of_round(self.round_id, "state"), url)
        return json.loads(raw) if raw else None

    def pending_urls(self, site: str, now: str) -> list[str]:
        """Article URLs of ``site`` still to fetch: seen but never fetched, or failed and due a retry."""
        urls = [url.decode() for url in self.server.zrange(self.keys.of_round(self.round_id, f"pending:{site}"), 0, -1)]
        if not urls:
            return []
        rows = self.server.hmget(self.keys.of_round(self.round_id, "state"), urls)
        return [url for url, raw in zip(urls, rows) if raw and is_pending(json.loads(raw), now)]

    def interrupted_since(self, site: str) -> None:
        """Never: an interrupted round is resumed from its queue in Redis instead."""
        return None


def is_pending(row: dict, now: str | None = None) -> bool:
    """Whether url_state ``row`` is an article still to fetch (as Index.pending_urls says; a failed
    one only once due, when ``now`` is given)."""
    if row.get("kind") != "article":
        return False
    if row.get("status") == "new" and not row.get("last_fetched"):
        return True
    return row.get("status") == "failed" and (now is None or (row.get("next_retry") or "") <= now)


# -- Scrapy components (used in the worker process) -----------------------------------------------
try:
    from scrapy_redis.dupefilter import RFPDupeFilter
except ImportError:  # the `distributed` extra is not installed: crawl_distributed() says so
    RFPDupeFilter = object


class SharedDupeFilter(RFPDupeFilter):
    """scrapy-redis's shared duplicate filter, except for redirect hops: a redirect back to a URL
    already requested must reach the spider's errback as a redirect loop, not vanish."""

    def request_seen(self, request) -> bool:
        if request.meta.get("redirect_times"):
            return False
        return super().request_seen(request)


class SharedHostSlots:
    """Downloader middleware: one request at a time per host across all workers (see the module
    docstring). Placed last before the download, so its process_response runs first."""

    def __init__(self, crawler):
        self.crawler = crawler
        settings = crawler.settings
        self.server = connect(settings["REDIS_URL"])
        self.keys = Keys(settings.get("VNPORTAL_REDIS_PREFIX", PREFIX))
        self.lease_ms = int((settings.getfloat("DOWNLOAD_TIMEOUT") + 60) * 1000)
        self.max_wait = settings.getfloat("RETRY_MAX_WAIT", 120.0)
        self.delay = settings.getfloat("DOWNLOAD_DELAY")
        self._release = self.server.register_script(_RELEASE)

    @classmethod
    def from_crawler(cls, crawler) -> "SharedHostSlots":
        return cls(crawler)

    async def process_request(self, request, spider=None):
        from scrapy.utils.defer import maybe_deferred_to_future
        from scrapy.utils.httpobj import urlparse_cached
        from twisted.internet import reactor, task

        key = self.keys.host(urlparse_cached(request).hostname or "")
        token = secrets.token_hex(8)
        while not self.server.set(key, token, nx=True, px=self.lease_ms):
            wait_ms = self.server.pttl(key)  # the pause left, or the lease of a download going on
            await maybe_deferred_to_future(task.deferLater(reactor, min(max(wait_ms, 5), 100) / 1000))
        request.meta["vn_host_slot"] = (key, token)
        return None

    def process_response(self, request, response, spider=None):
        pause = self._pause(request)
        if response.status in (429, 503):
            from crawler.middlewares import retry_after

            wait = retry_after(response)
            if wait is not None and wait <= self.max_wait:
                pause = max(pause, wait)
        self._reopen(request, pause)
        return response

    def process_exception(self, request, exception, spider=None):
        self._reopen(request, self._pause(request))
        return None

    def _pause(self, request) -> float:
        """The host's current download delay in this worker (AutoThrottle's), at least DOWNLOAD_DELAY."""
        slot = self.crawler.engine.downloader.slots.get(request.meta.get("download_slot"))
        return max(self.delay, slot.delay if slot is not None else 0.0)

    def _reopen(self, request, pause: float) -> None:
        held = request.meta.pop("vn_host_slot", None)
        if held:
            self._release(keys=[held[0]], args=[held[1], int(pause * 1000)])


class RedisItemPipeline:
    """Send every item to the index worker through Redis, in order; count this worker's outcomes."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.server = connect(crawler.settings["REDIS_URL"])
        self.key = Keys(crawler.settings.get("VNPORTAL_REDIS_PREFIX", PREFIX)).items

    @classmethod
    def from_crawler(cls, crawler) -> "RedisItemPipeline":
        return cls(crawler)

    def process_item(self, item, spider=None):
        spider = self.crawler.spider
        self.server.rpush(self.key, encode_item(item, spider.round.id, spider.round.worker, spider.options))
        spider.items_sent += 1
        run = spider.runs[item.site]
        if isinstance(item, FetchedItem) and item.kind == "article":
            run.count("fetched", item.url)
        elif isinstance(item, NotModifiedItem) and item.kind == "article":
            run.count("unchanged", item.url)
        elif isinstance(item, FailureItem):
            run.count("skipped", item.url) if item.status else run.count("failed", item.url, item.reason)
        return item


def _spider_class():
    """DistributedSpider, defined on first use (it needs Scrapy and scrapy-redis)."""
    from scrapy import signals
    from scrapy.exceptions import DontCloseSpider
    from twisted.internet import task  # not the reactor: Scrapy installs it when the crawl starts

    from crawler.spiders.portal import PortalSpider, SiteRun

    class Runs(dict):
        """The spider's site runs; a site first met in a request from another worker is added."""

        def __init__(self, runs: dict, load: Callable[[str], SiteRun]):
            super().__init__(runs)
            self.load = load

        def __missing__(self, site: str) -> SiteRun:
            self[site] = self.load(site)
            return self[site]

    class DistributedSpider(PortalSpider):
        """PortalSpider on a shared frontier: requests go through the round's duplicate filter,
        the crawl state is the round's copy, and the spider closes when the round has nothing left."""

        def __init__(self, profiles, index, options=None, *, coordinator: Round, **kwargs: Any):
            super().__init__(profiles, index, options, **kwargs)
            self.round = coordinator
            self.runs = Runs(self.runs, self._load_run)
            self.left = 0  # -1 still in, 0 left, 1 left and ended the round
            self.items_sent = 0
            self._heart = None  # a LoopingCall once the spider opens (the reactor is installed by then)

        @classmethod
        def from_crawler(cls, crawler, *args: Any, **kwargs: Any):
            spider = super().from_crawler(crawler, *args, **kwargs)
            crawler.signals.connect(spider._opened, signal=signals.spider_opened)
            crawler.signals.connect(spider._idle, signal=signals.spider_idle)
            crawler.signals.connect(spider._closing, signal=signals.spider_closed)
            return spider

        def _load_run(self, site: str) -> SiteRun:
            profile = self.round.profile(site)
            if profile is None:
                raise KeyError(site)
            return SiteRun(profile, self.emit)

        def _request(self, *args: Any, **kwargs: Any):
            request = super()._request(*args, **kwargs)
            return request.replace(dont_filter=False) if request is not None else None

        def parse_listing(self, response):
            yield from self._with_pattern(response, super().parse_listing)

        def parse_sitemap(self, response):
            yield from self._with_pattern(response, super().parse_sitemap)

        def _with_pattern(self, response, parse):
            """An auto profile's article pattern is detected once, by the worker that reads its start page."""
            import re

            run = self.runs[response.meta["site"]]
            if run.profile.auto and run.pattern is None and (found := self.round.shared_pattern(run.profile.name, None)):
                run.pattern = re.compile(found)
            yield from parse(response)
            if run.profile.auto and run.pattern is not None:
                self.round.shared_pattern(run.profile.name, run.pattern.pattern)

        def _opened(self, spider=None) -> None:
            self.left = -1
            self._heart = task.LoopingCall(self._beat)
            self._heart.start(HEARTBEAT, now=True)

        def _beat(self) -> None:
            try:
                busy = not self.crawler.engine.spider_is_idle()
            except RuntimeError:  # the engine is shutting down
                busy = False
            self.round.beat(busy)

        def _idle(self, spider=None) -> None:
            if self.left >= 0:  # left already: let the engine close
                return
            self.round.beat(False)
            self.left = self.round.leave(self.report(), finished=True)
            if self.left < 0:  # more requests, or another worker may still add some: look again soon
                from twisted.internet import reactor

                slot = getattr(self.crawler.engine, "_slot", None)  # the engine's own next-request call
                if slot is not None:
                    reactor.callLater(IDLE_POLL, slot.nextcall.schedule)
                raise DontCloseSpider

        def _closing(self, spider=None, reason: str = "") -> None:
            if self._heart is not None and self._heart.running:
                self._heart.stop()
            if self.left < 0:  # stopped before the round's end (signal, error): its queue stays for a resume
                self.left = self.round.leave(self.report(), finished=False)

        def report(self) -> dict:
            """This worker's per-site counts, and the profiles it crawled (for the index's sources)."""
            sites = []
            for run in self.runs.values():
                counts = {key: run.counts[key] for key in ("requests", "fetched", "unchanged", "failed",
                                                            "skipped", "discovered")}
                sites.append({"site": run.profile.name, **counts, "starts_ok": run.starts_ok,
                              "starts_failed": run.starts_failed, "status": run.status, "capped": run.capped,
                              "errors": list(run.errors)})
            return {"sites": sites, "profiles": [run.profile.to_dict() for run in self.runs.values()]}

    return DistributedSpider


def worker_settings(options: CrawlOptions, redis_url: str, coordinator: Round) -> dict:
    """The crawl's Scrapy settings, switched to the round's shared scheduler, filter and item list."""
    from crawler.settings import settings_for

    settings = settings_for(options)
    settings.update(
        SCHEDULER="scrapy_redis.scheduler.Scheduler",
        SCHEDULER_QUEUE_CLASS="scrapy_redis.queue.FifoQueue",
        SCHEDULER_QUEUE_KEY=coordinator.key("requests"),
        SCHEDULER_DUPEFILTER_KEY=coordinator.key("dupefilter"),
        DUPEFILTER_CLASS="crawler.distributed.SharedDupeFilter",
        SCHEDULER_PERSIST=True,  # the round's end deletes them, not each worker's
        REDIS_URL=redis_url,
        VNPORTAL_REDIS_PREFIX=coordinator.keys.prefix,
        ITEM_PIPELINES={"crawler.distributed.RedisItemPipeline": 300},
        DOWNLOADER_MIDDLEWARES={**settings["DOWNLOADER_MIDDLEWARES"], "crawler.distributed.SharedHostSlots": 1000},
    )
    return settings


# -- the worker process and its parent -------------------------------------------------------------
@dataclass
class WorkerReport:
    """One worker's share of a round. Per site: requests, fetched (article pages sent to the index
    worker), unchanged (304), failed, skipped; whether they were new or changed is decided by the
    index worker (see crawl_runs)."""
    round_id: str
    worker: str
    started: str
    finished: str
    sites: list[dict]
    items: int = 0
    ended_round: bool = False

    @property
    def requests(self) -> int:
        return sum(site["requests"] for site in self.sites)

    @property
    def exit_code(self) -> int:
        return 1 if any(site["status"] == "failed" for site in self.sites) else 0


def crawl_distributed(redis_url: str, profiles: Iterable[SiteProfile], *, max_pages: int | None = None,
                      since: date | datetime | None = None, options: CrawlOptions | None = None,
                      progress: Callable[[dict], None] | None = None) -> WorkerReport:
    """Run one crawl worker on the round in Redis at ``redis_url`` (joining it, or starting it and
    seeding ``profiles``' start points); return when the round has nothing left to fetch.
    ``max_pages`` caps this worker's article fetches per site."""
    from crawler.runner import _run_child

    try:
        import scrapy_redis  # noqa: F401
    except ImportError:
        raise DistributedError("--redis needs scrapy-redis: pip install 'vnportal[distributed]'") from None
    profiles = list(profiles)
    if not profiles:
        raise ValueError("no sites to crawl")
    server = connect(redis_url)
    if not server.exists(Keys().ready):
        raise DistributedError(f"Redis at {redis_url} holds no crawl state yet: start `vnportal index-worker "
                               f"--redis {redis_url} --db PATH` (once is enough) before the crawl workers")
    if isinstance(since, date) and not isinstance(since, datetime):
        since = datetime.combine(since, datetime.min.time())
    if since is not None and since.tzinfo is None:
        since = since.replace(tzinfo=timezone.utc)
    spec = {"redis": redis_url, "profiles": [p.to_dict() for p in profiles],
            "options": (options or CrawlOptions()).to_dict(), "max_pages": max_pages,
            "since": since.isoformat() if since else None}
    report, code = _run_child(spec, progress, module="crawler.distributed")
    if report is None:
        raise CrawlError(f"the crawl worker exited with code {code} before reporting (see its log above)")
    return WorkerReport(**{k: v for k, v in report.items() if k != "event"})


def run_worker(spec: dict, emit: Callable[[dict], None]) -> dict:
    """The worker process: join the round, crawl until it has nothing left, return the report."""
    import warnings

    from scrapy.crawler import CrawlerProcess
    from scrapy.exceptions import ScrapyDeprecationWarning

    # scrapy-redis 0.9 still calls Scrapy APIs deprecated in 2.13; nothing for an operator to act on
    warnings.filterwarnings("ignore", category=ScrapyDeprecationWarning, module="scrapy_redis")

    options = CrawlOptions(**spec["options"])
    profiles = [SiteProfile.from_dict(p) for p in spec["profiles"]]
    started = utc_iso()
    coordinator = Round.join(connect(spec["redis"]), profiles)
    process = CrawlerProcess(worker_settings(options, spec["redis"], coordinator))
    crawler = process.create_crawler(_spider_class())
    since = datetime.fromisoformat(spec["since"]) if spec.get("since") else None
    process.crawl(crawler, profiles=profiles, index=coordinator.state, options=options, since=since,
                  max_pages=spec.get("max_pages"), emit=emit, coordinator=coordinator)
    process.start()
    spider = crawler.spider
    return {"event": "report", "round_id": coordinator.id, "worker": coordinator.worker, "started": started,
            "finished": utc_iso(), "sites": spider.report()["sites"], "items": spider.items_sent,
            "ended_round": spider.left == 1}


def _main() -> int:
    from crawler.distributed import run_worker as run  # this module as imported, not as __main__
    from crawler.run import _emit, read_spec

    try:
        _emit(run(read_spec(), _emit))
    except DistributedError as exc:
        sys.stderr.write(f"{exc}\n")
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(_main())
