"""Politeness across workers in a crawl: one request at a time per host, whichever worker sends it."""
from __future__ import annotations

from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet import task

from crawler.distributed.connection import connect
from crawler.distributed.hostslots import HostSlots
from crawler.distributed.keys import PREFIX, Keys
from crawler.middlewares import retry_after


class SharedHostSlots:
    """Downloader middleware: before a request is downloaded its worker takes the host's slot
    (hostslots.HostSlots); after the response it keeps the slot closed for the host's download
    delay (AutoThrottle's current delay, at least DOWNLOAD_DELAY; longer when the server sent
    Retry-After) before another worker may take it. Placed last before the download, so its
    process_response runs first."""

    def __init__(self, crawler):
        self.crawler = crawler
        settings = crawler.settings
        self.slots = HostSlots(connect(settings["REDIS_URL"]), Keys(settings.get("VNPORTAL_REDIS_PREFIX", PREFIX)),
                               lease=settings.getfloat("DOWNLOAD_TIMEOUT") + 60)
        self.max_wait = settings.getfloat("RETRY_MAX_WAIT", 120.0)
        self.delay = settings.getfloat("DOWNLOAD_DELAY")

    @classmethod
    def from_crawler(cls, crawler) -> "SharedHostSlots":
        return cls(crawler)

    async def process_request(self, request, spider=None):
        from twisted.internet import reactor  # installed by Scrapy once the crawl starts

        host = urlparse_cached(request).hostname or ""
        token, wait = self.slots.try_take(host)
        while token is None:
            await maybe_deferred_to_future(task.deferLater(reactor, wait))
            token, wait = self.slots.try_take(host)
        request.meta["vn_host_slot"] = (host, token)
        return None

    def process_response(self, request, response, spider=None):
        pause = self._pause(request)
        if response.status in (429, 503):
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
            self.slots.release(*held, pause)
