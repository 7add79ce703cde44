"""Downloader middlewares: the address policy on every hop; Scrapy's retry, with a wait before each retry."""
from __future__ import annotations

import logging
from datetime import timezone
from email.utils import parsedate_to_datetime
from time import monotonic

from scrapy import signals
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.response import response_status_message
from twisted.internet.error import DNSLookupError
from twisted.internet.threads import deferToThread

from crawler.addresses import DNS_FAILED, host_port
from crawler.urls import canonical
from data.clock import utcnow

logger = logging.getLogger(__name__)


def retry_after(response: Response) -> float | None:
    """Seconds a 429/503 response asks to wait (Retry-After: seconds or an HTTP date), if it says."""
    value = response.headers.get(b"Retry-After")
    if not value:
        return None
    value = value.decode("latin-1").strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - utcnow()).total_seconds())


class RefusedRequest(IgnoreRequest):
    """A request not sent (address policy, off-site redirect); its message is the reason recorded."""


class NotSent(IgnoreRequest):
    """A request still queued for its host when the crawl was stopped (crawler.run.Shutdown): not
    sent, not a failure; the URL stays due for the next run."""


def drop_queued(crawler) -> None:
    """Fail with NotSent every request waiting in a download slot for its host's turn."""
    from twisted.python.failure import Failure

    for slot in crawler.engine.downloader.slots.values():
        while slot.queue:
            _, deferred = slot.queue.popleft()
            deferred.errback(Failure(NotSent("the crawl is stopping")))


class AddressPolicyMiddleware:
    """Refuse, before anything is sent, a request to a host the crawl's address policy refuses
    (crawler/addresses.py, set by CrawlOptions) and a redirect hop off its site's domains.

    Placed before RobotsTxtMiddleware, so a refused host is not even asked for its robots.txt;
    a redirect comes back through the whole chain as a new request, so every hop is checked.
    Each origin is checked once per crawl (in a thread: getaddrinfo blocks), as Scrapy's DNS
    cache resolves each host once; DNS rebinding between the check and the connection is not
    covered."""

    def __init__(self, crawler):
        self.crawler = crawler
        self._refusals: dict[str, str | None] = {}  # scheme://host:port -> why refused, None if allowed

    @classmethod
    def from_crawler(cls, crawler) -> "AddressPolicyMiddleware":
        return cls(crawler)

    async def process_request(self, request: Request, spider=None) -> None:
        spider = self.crawler.spider
        if reason := self._off_site(request, spider):
            raise RefusedRequest(reason)
        origin = f"{urlparse_cached(request).scheme}://{urlparse_cached(request).netloc}"
        if origin not in self._refusals:
            check = spider.options.address_policy.refusal
            self._refusals[origin] = await maybe_deferred_to_future(deferToThread(check, request.url))
        if reason := self._refusals[origin]:
            if reason == DNS_FAILED and (note := getattr(spider, "download_failed", None)):
                note(request, DNSLookupError(urlparse_cached(request).hostname))
            raise RefusedRequest(reason)

    @staticmethod
    def _off_site(request: Request, spider) -> str | None:
        """'redirected off-site to URL' for a redirect hop outside the site of the first request
        (outside its host, for a request of no site: robots.txt)."""
        hops = request.meta.get("redirect_urls")
        if not hops:
            return None
        site = request.meta.get("site") or spider.site_of(hops[0])
        if site:
            inside = spider.runs[site].profile.owns(request.url, whole_host=True)
        else:
            inside = host_port(request.url) == host_port(hops[0])
        return None if inside else f"redirected off-site to {canonical(request.url)}"


class BackoffRetryMiddleware(RetryMiddleware):
    """Retry like Scrapy's RetryMiddleware (RETRY_TIMES, RETRY_HTTP_CODES, RETRY_EXCEPTIONS), but
    first hold back the whole host: for the server's Retry-After when it sends one, else for
    RETRY_BACKOFF seconds doubling per attempt. A Retry-After above RETRY_MAX_WAIT is not waited
    for in this run: the response goes on as a failure and the URL is retried on a later run.
    The host is held as soon as the response is downloaded (signal response_downloaded): the
    downloader sends the host's next queued request right after that signal, before
    process_response() sees the response."""

    def __init__(self, settings):
        super().__init__(settings)
        self.backoff = settings.getfloat("RETRY_BACKOFF", 2.0)
        self.max_wait = settings.getfloat("RETRY_MAX_WAIT", 120.0)

    @classmethod
    def from_crawler(cls, crawler):
        middleware = super().from_crawler(crawler)
        crawler.signals.connect(middleware._downloaded, signal=signals.response_downloaded)
        return middleware

    def _downloaded(self, response: Response, request: Request, spider=None) -> None:
        if (wait := self._wait(request, response)) is not None:
            self._hold(request, wait)

    def _wait(self, request: Request, response: Response) -> float | None:
        """Seconds to hold the host before retrying ``request``; None when it is not retried in this run."""
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return None
        wait = retry_after(response)
        if wait is None:
            return self._backoff(request)
        return wait if wait <= self.max_wait else None

    def process_response(self, request: Request, response: Response, spider=None) -> Request | Response:
        wait = self._wait(request, response)
        if wait is None:
            if response.status in self.retry_http_codes and not request.meta.get("dont_retry", False):
                logger.info("%s asks to retry after %s s: left to a later run", request.url,
                            response.headers.get(b"Retry-After", b"").decode("latin-1"))
            return response
        retry = self._retry(request, response_status_message(response.status))
        return response if retry is None else retry  # the host is held already (_downloaded)

    def process_exception(self, request: Request, exception: Exception, spider=None) -> Request | None:
        if note := getattr(self.crawler.spider, "download_failed", None):  # before any retry: early news
            if note(request, exception):
                return None  # a host that has not answered once this run: retried on the next run
        retry = super().process_exception(request, exception)
        if isinstance(retry, Request):
            self._hold(request, self._backoff(request))
        return retry

    def _backoff(self, request: Request) -> float:
        return self.backoff * 2 ** request.meta.get("retry_times", 0)

    def _hold(self, request: Request, wait: float) -> None:
        """Delay the next request to this host by at least ``wait`` seconds. The host's download
        slot waits ``delay ± jitter`` after ``lastseen``: raise the delay to ``wait`` (AutoThrottle
        brings it down again) and move ``lastseen`` so that even the shortest jittered delay ends
        ``wait`` seconds from now."""
        slot = self.crawler.engine.downloader.slots.get(request.meta.get("download_slot"))
        if slot is None or wait <= 0:
            return
        slot.delay = max(slot.delay, wait)
        slot.lastseen = monotonic() + wait - slot.delay * (1 - min(slot.jitter, 1.0))
