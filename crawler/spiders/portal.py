"""The generic portal spider: one spider, driven by site profiles, for every portal.

Discovery: RSS/Atom feeds, sitemaps (index files, lastmod) and listing pages with their pager.
Incremental: a known article is fetched again only when a feed/sitemap date says it changed,
when it is due a re-check (``recheck_days``, sent as a conditional request), or when a failed
fetch is due a retry; listing pagination stops once pages hold only known articles.

Resumable: after a crawl of a site was interrupted (killed), the next run walks its feeds,
sitemaps and listings as the interrupted run would have: no conditional requests for them, child
sitemaps fetched whatever our last fetch of them, and articles first seen since the interruption
count as unknown for the pagination stop. Articles fetched before the kill are not fetched again.
"""
from __future__ import annotations

import logging
import re
from collections import Counter
from datetime import datetime, timedelta
from typing import Any, Callable
from urllib.parse import urljoin, urlsplit

import scrapy
from scrapy import signals
from scrapy.exceptions import (CannotResolveHostError, DownloadCancelledError, DownloadConnectionRefusedError,
                               DownloadFailedError, DownloadTimeoutError, IgnoreRequest, ResponseDataLossError)
from scrapy.http import HtmlResponse, Request, Response
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.defer import deferred_from_coro
from scrapy.utils.gz import gunzip, gzip_magic_number
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots
from twisted.internet.defer import CancelledError
from twisted.internet.error import (ConnectError, ConnectionClosed, ConnectionDone, ConnectionRefusedError,
                                    DNSLookupError, NoRouteError, TCPTimedOutError, TimeoutError as TxTimeoutError)
from twisted.web.client import ResponseFailed, ResponseNeverReceived
from twisted.python.failure import Failure

from crawler.discovery import (article_pattern, feed_entries, feed_links, following_page, listing_articles,
                               looks_like_article, page_kind, page_links, page_text_hash, parse_date)
from crawler.items import DiscoveredItem, FailureItem, FetchedItem, NotModifiedItem
from crawler.middlewares import NotSent, RefusedRequest, drop_queued, retry_after
from crawler.options import CrawlOptions
from crawler.sites.base import SiteProfile
from crawler.state import CrawlState
from crawler.urls import canonical
from data.clock import iso, utc_iso, utcnow
from extract.article import is_attachment

logger = logging.getLogger(__name__)

KNOWN_STATUSES = ("gone", "redirected", "attachment")  # settled without a fetch of their own


class SiteRun:
    """One site's share of a crawl: its profile, article pattern, counters and first errors."""

    def __init__(self, profile: SiteProfile, emit: Callable[[dict], None], interrupted: str | None = None):
        self.profile = profile
        self.interrupted = interrupted  # start of the site's interrupted run being resumed, if any
        self.pattern = re.compile(profile.article_pattern) if profile.article_pattern else None
        self.counts: Counter = Counter()
        self.fetches = 0  # article requests issued (for max_pages)
        self.capped = False
        self.starts_ok = 0
        self.starts_failed = 0
        self.answered = False  # some request of the site got an HTTP answer
        self.unreachable: str | None = None  # why a request of the site got none (DNS, refused, timeout)
        self.errors: list[str] = []
        self._emit = emit

    def is_article(self, url: str) -> bool:
        if self.pattern is not None:
            return self.pattern.search(url) is not None
        return self.profile.auto and looks_like_article(url)

    def count(self, outcome: str, url: str, reason: str | None = None) -> None:
        self.counts[outcome] += 1
        if reason and len(self.errors) < 10:
            self.errors.append(f"{url}: {reason}")
        self._emit({"event": "url", "site": self.profile.name, "outcome": outcome, "url": url, "reason": reason})

    @property
    def status(self) -> str:
        """'failed' when no start point answered (or the host never did), 'partial' when some URLs
        failed, else 'ok'."""
        if self.starts_ok == 0 and (self.starts_failed > 0 or self.unreachable and not self.answered):
            return "failed"
        return "partial" if self.counts["failed"] else "ok"

    def report(self) -> dict:
        keys = ("requests", "new", "changed", "unchanged", "failed", "skipped", "discovered")
        unreachable = self.unreachable if not self.answered else None
        errors = self.errors or ([f"{self.profile.start_urls[0]}: {unreachable}"] if unreachable else [])
        return {"site": self.profile.name, "status": self.status, **{k: self.counts[k] for k in keys},
                "capped": self.capped, "errors": list(errors), "unreachable": unreachable}


class PortalSpider(scrapy.Spider):
    """Crawl ``profiles`` politely and incrementally. ``index`` is the crawl state it consults
    (crawler.state.CrawlState: the SQLite index, which IndexPipeline records the items in, or a
    distributed round's copy of it)."""

    name = "portal"

    def __init__(self, profiles: list[SiteProfile], index: CrawlState, options: CrawlOptions | None = None, *,
                 now: datetime | None = None, since: datetime | None = None, max_pages: int | None = None,
                 emit: Callable[[dict], None] | None = None, **kwargs: Any):
        super().__init__(**kwargs)
        self.index = index
        self.options = options or CrawlOptions()
        self.now = now or utcnow()
        self.since = since
        self.max_pages = max_pages
        self.emit = emit or (lambda event: None)
        self.runs = {p.name: SiteRun(p, self.emit, index.interrupted_since(p.name)) for p in profiles}
        for run in self.runs.values():
            if run.interrupted:
                logger.warning("%s: resuming the crawl interrupted at %s", run.profile.name, run.interrupted)
        self.unreachable = False  # no site answered: the crawl was ended early
        self._requested: set[str] = set()
        self._known: dict[str, bool] = {}
        self._walked: dict[tuple[str, int | None], set[str]] = {}  # article URLs listed per listing walk

    @classmethod
    def from_crawler(cls, crawler, *args: Any, **kwargs: Any) -> "PortalSpider":
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider._request_sent, signal=signals.request_reached_downloader)
        crawler.signals.connect(spider._response_received, signal=signals.response_received)
        return spider

    def _response_received(self, response: Response, request: Request, spider=None) -> None:
        if site := request.meta.get("site") or self.site_of(request.url):
            self.runs[site].answered = True

    def download_failed(self, request: Request, exception: Exception) -> bool:
        """Told by the retry middleware of every download that got no answer, before any retry;
        True when the site's host has not answered once in this run (DNS, refused, no route,
        timeout): not worth a retry in this run. When every site has had such a failure and
        none has answered, the network (or this host's DNS) is down: the crawl ends now, its
        sites 'failed', rather than after every retry and timeout of every URL."""
        reason = network_failure(exception, self.options)
        site = request.meta.get("site") or self.site_of(request.url)
        if reason is None or site is None:
            return False
        run = self.runs[site]
        run.unreachable = run.unreachable or reason
        runs = self.runs.values()
        if not self.unreachable and all(r.unreachable and not r.answered for r in runs):
            self.unreachable = True
            logger.info("no site answered (%s): network unreachable, the crawl ends", reason)
            drop_queued(self.crawler)
            deferred_from_coro(self.crawler.engine.close_spider_async(reason="network unreachable"))
        return not run.answered

    def _request_sent(self, request: Request, spider=None) -> None:
        site = request.meta.get("site") or self.site_of(request.url)
        if site:
            self.runs[site].counts["requests"] += 1

    def site_of(self, url: str) -> str | None:
        """The site a request without site meta (robots.txt) is made for: the first owning the host."""
        return next((name for name, run in self.runs.items() if run.profile.owns(url, whole_host=True)), None)

    # -- start ---------------------------------------------------------------------------
    async def start(self):
        for run in self.runs.values():
            for request in self._start_requests(run):
                if request is not None:
                    yield request

    def _start_requests(self, run: SiteRun):
        profile = run.profile
        for url in profile.rss:
            yield self._request(run, url, "feed", self.parse_feed, start=True)
        for url in profile.sitemaps:
            yield self._request(run, url, "sitemap", self.parse_sitemap, start=True)
        for number, listing in enumerate(profile.listings):
            yield self._request(run, listing.url, "listing", self.parse_listing, start=True, listing=number,
                                page=listing.first_page, first_page=listing.first_page, streak=0)
        if profile.auto and profile.listings:
            root = "{0.scheme}://{0.netloc}".format(urlsplit(profile.listings[0].url))
            yield self._request(run, f"{root}/robots.txt", "sitemap", self.parse_sitemap, probe=True)
            yield self._request(run, f"{root}/sitemap.xml", "sitemap", self.parse_sitemap, probe=True)
            for path in ("/feed/", "/rss"):
                yield self._request(run, root + path, "feed", self.parse_feed, probe=True)
        for url in self.index.pending_urls(profile.name, iso(self.now)):
            yield self._article(run, url)

    def _request(self, run: SiteRun, url: str, kind: str, callback, *, start: bool = False, probe: bool = False,
                 conditional: bool = True, **meta: Any) -> Request | None:
        """A request made once per run (own de-duplication: redirect loops must reach the errback),
        conditional (If-None-Match / If-Modified-Since) when the URL was fetched before."""
        key = canonical(url)
        if key in self._requested:
            return None
        self._requested.add(key)
        headers = {}
        resuming = run.interrupted and kind != "article"  # what the killed run recorded may not be followed
        state = self.index.url_state(key) if conditional and not resuming else None
        if state and state["last_fetched"]:
            if state["etag"]:
                headers["If-None-Match"] = state["etag"]
            if state["last_modified"]:
                headers["If-Modified-Since"] = state["last_modified"]
        meta.update(site=run.profile.name, kind=kind, vn_url=key, start=start, probe=probe,
                    handle_httpstatus_list=[304], dont_retry=probe)
        return Request(key, callback=callback, errback=self.on_error, headers=headers, meta=meta, dont_filter=True)

    # -- articles ------------------------------------------------------------------------
    def _was_known(self, run: SiteRun, url: str) -> bool:
        """Whether ``url`` was settled before this run, or before the interrupted run it resumes
        (asked once, before any fetch in this run)."""
        if url not in self._known:
            state = self.index.url_state(url)
            self._known[url] = bool(state and (state["last_fetched"] or state["status"] in KNOWN_STATUSES)
                                    and not (run.interrupted and state["first_seen"] >= run.interrupted))
        return self._known[url]

    def _article(self, run: SiteRun, url: str, lastmod: datetime | None = None) -> Request | None:
        """The request for article ``url`` if it is due, else None (counted as skipped)."""
        self._was_known(run, url)
        if url in self._requested:
            return None
        run.counts["discovered"] += 1
        state = self.index.url_state(url)
        why = self._why_fetch(state, lastmod)
        if why is None:
            self._requested.add(url)
            run.counts["skipped"] += 1
            return None
        if self.max_pages is not None and run.fetches >= self.max_pages:
            self._requested.add(url)  # left for the next run (url_state keeps it as 'new')
            run.capped = True
            run.counts["skipped"] += 1
            return None
        run.fetches += 1
        return self._request(run, url, "article", self.parse_article, conditional=why != "new", why=why)

    def _why_fetch(self, state: dict | None, lastmod: datetime | None) -> str | None:
        """'new', 'retry', 'lastmod' or 'recheck' when the article should be fetched, else None."""
        if state is None or (state["status"] in (None, "new") and not state["last_fetched"]):
            return "new"
        if state["status"] in KNOWN_STATUSES:
            return None
        if state["status"] in ("failed", "blocked"):
            return "retry" if (state["next_retry"] or "") <= iso(self.now) else None
        last = parse_date(state["last_fetched"])
        if lastmod and last and lastmod > last:
            return "lastmod"
        recheck = self.options.recheck_days
        if recheck is not None and last and self.now - last >= timedelta(days=recheck):
            return "recheck"
        return None

    def parse_article(self, response: Response):
        run, url, at = self.runs[response.meta["site"]], response.meta["vn_url"], utc_iso()
        if response.status == 304:
            yield NotModifiedItem(url, run.profile.name, "article", at)
            return
        final = canonical(response.url)  # within the site: AddressPolicyMiddleware drops off-site redirects
        if not isinstance(response, HtmlResponse):
            kind = response.headers.get(b"Content-Type", b"").decode("latin-1") or "no Content-Type"
            yield FailureItem(url, run.profile.name, "article", f"not an HTML page ({kind})", at, status="attachment")
            return
        links = [link for link in page_links(response) if is_attachment(link)]
        if links:
            yield DiscoveredItem(links, run.profile.name, "attachment", at)
        yield self._fetched(response, run, "article", at, text_hash=page_text_hash(response.body, response.headers, run.profile.selectors.body),
                            body=response.body, requested_url=url if final != url else None)

    def _fetched(self, response: Response, run: SiteRun, kind: str, at: str, **fields: Any) -> FetchedItem:
        headers = {k.decode("latin-1"): b", ".join(v).decode("latin-1") for k, v in response.headers.items()}
        url = canonical(response.url) if kind == "article" else response.meta["vn_url"]
        return FetchedItem(url=url, site=run.profile.name, kind=kind, fetched_at=at, http_status=response.status,
                           etag=headers.get("Etag") or headers.get("ETag"),
                           last_modified=headers.get("Last-Modified"), headers=headers, **fields)

    # -- feeds -----------------------------------------------------------------------------
    def parse_feed(self, response: Response):
        run, at = self._answered(response)
        if response.status == 304:
            yield NotModifiedItem(response.meta["vn_url"], run.profile.name, "feed", at)
            return
        entries = feed_entries(response.body)
        if entries is None:  # perhaps an "RSS" page listing one feed per section
            found = [url for url in feed_links(response) if run.profile.owns(url, whole_host=True)] \
                if isinstance(response, HtmlResponse) else []
            for url in found:
                if request := self._request(run, url, "feed", self.parse_feed, probe=response.meta["probe"]):
                    yield request
            if not found and not response.meta["probe"]:
                yield FailureItem(response.meta["vn_url"], run.profile.name, "feed", "not a feed", at)
            return
        yield self._fetched(response, run, "feed", at)
        articles, attachments = [], []
        for link, day in entries:
            url = canonical(urljoin(response.url, link))
            if not run.profile.owns(url):
                continue
            if is_attachment(url):
                attachments.append(url)
            elif not (self.since and day and day < self.since):
                articles.append((url, day))
        yield from self._discovered(run, at, [url for url, _ in articles], attachments)
        for url, day in articles:
            if request := self._article(run, url, day):
                yield request

    # -- sitemaps --------------------------------------------------------------------------
    def parse_sitemap(self, response: Response):
        run, at = self._answered(response)
        probe = response.meta["probe"]
        if response.status == 304:
            yield NotModifiedItem(response.meta["vn_url"], run.profile.name, "sitemap", at)
            return
        if urlsplit(response.url).path == "/robots.txt":
            for url in sitemap_urls_from_robots(response.body, base_url=response.url):
                if request := self._request(run, url, "sitemap", self.parse_sitemap, probe=probe):
                    yield request
            return
        sitemap = self._sitemap(response)
        if sitemap is None:
            if not probe:
                yield FailureItem(response.meta["vn_url"], run.profile.name, "sitemap", "not a sitemap", at)
            return
        yield self._fetched(response, run, "sitemap", at)
        if sitemap.type == "sitemapindex":
            for entry in sitemap:
                url, lastmod = canonical(urljoin(response.url, entry["loc"])), parse_date(entry.get("lastmod"))
                if self._sitemap_due(run, url, lastmod):
                    if request := self._request(run, url, "sitemap", self.parse_sitemap, probe=probe):
                        yield request
            return
        articles, attachments = [], {}
        for entry in sitemap:
            url, lastmod = canonical(urljoin(response.url, entry["loc"])), parse_date(entry.get("lastmod"))
            if not run.profile.owns(url):
                continue
            if is_attachment(url):
                attachments[url] = None
            elif run.is_article(url) and not (self.since and lastmod and lastmod < self.since):
                articles.append((url, lastmod))
        yield from self._discovered(run, at, [url for url, _ in articles], list(attachments))
        for url, lastmod in articles:
            if request := self._article(run, url, lastmod):
                yield request

    def _sitemap(self, response: Response) -> Sitemap | None:
        body = response.body
        if gzip_magic_number(response):
            try:
                body = gunzip(body, max_size=self.options.max_bytes)
            except (ValueError, OSError, EOFError):  # over max_bytes once unpacked, or corrupt
                return None
        try:
            sitemap = Sitemap(body)
        except Exception:  # lxml raises several error types on non-XML bodies
            return None
        return sitemap if sitemap.type in ("urlset", "sitemapindex") else None

    def _sitemap_due(self, run: SiteRun, url: str, lastmod: datetime | None) -> bool:
        """A child sitemap is fetched unless its lastmod predates our last fetch of it (or ``since``)."""
        if not run.profile.owns(url, whole_host=True) or (self.since and lastmod and lastmod < self.since):
            return False
        state = self.index.url_state(url)
        fetched = parse_date(state["last_fetched"]) if state else None
        if fetched and run.interrupted and state["last_fetched"] >= run.interrupted:
            fetched = None  # by the interrupted run, which may not have noted its URLs
        return not (lastmod and fetched and lastmod <= fetched)

    # -- listings --------------------------------------------------------------------------
    def parse_listing(self, response: Response):
        run, at = self._answered(response)
        meta, page = response.meta, response.meta["page"]
        if response.status == 304:
            yield NotModifiedItem(meta["vn_url"], run.profile.name, "listing", at)
            return
        if not isinstance(response, HtmlResponse):
            yield FailureItem(meta["vn_url"], run.profile.name, "listing", "not an HTML page", at)
            return
        yield self._fetched(response, run, "listing", at)
        links = page_links(response)
        site_links = [link for link in links if run.profile.owns(link)]
        is_article_page = False
        if run.profile.auto and meta["start"]:
            for url in feed_links(response):
                if run.profile.owns(url, whole_host=True) and (request := self._request(run, url, "feed", self.parse_feed)):
                    yield request
            is_article_page = page_kind(response, site_links) == "article"
            if run.pattern is None:
                found = article_pattern(site_links, seed=canonical(response.url) if is_article_page else None)
                run.pattern = re.compile(found) if found else None
                logger.info("%s: %s page, article URLs %s", response.url, "article" if is_article_page else "listing",
                            found or "not recognised")
            if is_article_page:
                yield from self.parse_article(response)
        here = canonical(response.url)
        articles = listing_articles(site_links, here, run.is_article)
        yield from self._discovered(run, at, articles, [link for link in site_links if is_attachment(link)])
        unknown = sum(not self._was_known(run, url) for url in articles)
        for url in articles:
            if request := self._article(run, url):
                yield request
        if is_article_page:
            return
        walked = self._walked.setdefault((run.profile.name, meta.get("listing")), set())
        repeated = bool(articles) and walked.issuperset(articles)  # a pager past its end repeating a page
        walked.update(articles)
        streak = 0 if unknown else meta["streak"] + 1
        if not articles or streak >= self.options.stop_after_known_pages or run.capped:
            logger.info("%s: listing ends at page %d (%d articles, %d unknown)", run.profile.name, page,
                        len(articles), unknown)
            return
        following = self._next_listing_page(run, response, links, meta)
        trap = "the page repeats earlier pages" if repeated else \
            f"max_listing_pages ({self.options.max_listing_pages}) reached" \
            if page - meta.get("first_page", 1) + 1 >= self.options.max_listing_pages else None
        if following in self._requested:
            return  # a pager pointing back
        if following and trap:  # an endless pager or calendar: the URL not followed is kept, with why
            logger.info("%s: listing cut after page %d (%s): %s not followed", run.profile.name, page, trap,
                        following)
            yield FailureItem(following, run.profile.name, "listing", f"not followed: {trap}", at, status="skipped")
        elif following and (request := self._request(run, following, "listing", self.parse_listing,
                                                     listing=meta.get("listing"), page=page + 1, streak=streak,
                                                     first_page=meta.get("first_page", 1))):
            yield request

    def _next_listing_page(self, run: SiteRun, response: Response, links: list[str], meta: dict) -> str | None:
        """Page n+1 from the profile's pattern when the page links to it, else from the pager."""
        number = meta.get("listing")
        listing = run.profile.listings[number] if number is not None else None
        wanted = listing.page_url(meta["page"] + 1) if listing and listing.page_pattern else None
        found = following_page(response, links, meta["page"], wanted)
        return found if found and (found == wanted or run.profile.owns(found, whole_host=True)) else None

    # -- shared ----------------------------------------------------------------------------
    def _answered(self, response: Response) -> tuple[SiteRun, str]:
        """The run of the response's site; a start point that answered counts for the site status."""
        run = self.runs[response.meta["site"]]
        if response.meta["start"]:
            run.starts_ok += 1
        return run, utc_iso()

    def _discovered(self, run: SiteRun, at: str, articles: list[str], attachments: list[str]):
        if articles:
            yield DiscoveredItem(list(dict.fromkeys(articles)), run.profile.name, "article", at)
        if attachments:
            yield DiscoveredItem(list(dict.fromkeys(attachments)), run.profile.name, "attachment", at)

    def on_error(self, failure: Failure):
        """Record why a request failed: HTTP status, timeout, DNS, redirect loop, too large, robots.txt."""
        if failure.check(NotSent):
            return  # the crawl is stopping: due again next run
        meta = failure.request.meta
        run, at = self.runs[meta["site"]], utc_iso()
        reason, http_status, wait = describe_failure(failure, self.options)
        if meta.get("probe"):
            logger.debug("probe %s: %s", meta["vn_url"], reason)
            return
        if meta.get("start"):
            run.starts_failed += 1
        logger.info("%s: %s", meta["vn_url"], reason)
        blocked = reason == "blocked by robots.txt"
        yield FailureItem(meta["vn_url"], run.profile.name, meta["kind"], reason, at, http_status=http_status,
                          retry_after=wait, status="blocked" if blocked else None)

    def closed(self, reason: str) -> None:
        self.emit({"event": "closed", "reason": reason})


def describe_failure(failure: Failure, options: CrawlOptions) -> tuple[str, int | None, float | None]:
    """(reason, HTTP status, Retry-After seconds) of a failed request, in words an operator reads."""
    exc = failure.value
    if isinstance(exc, HttpError):
        response = exc.response
        wait = retry_after(response) if response.status in (429, 503) else None
        return f"HTTP {response.status}" + (f" (Retry-After {wait:.0f} s)" if wait else ""), response.status, wait
    if isinstance(exc, RefusedRequest):
        return str(exc), None, None
    if isinstance(exc, IgnoreRequest):
        message = str(exc)
        if "robots.txt" in message:
            return "blocked by robots.txt", None, None
        if "max redirections" in message:
            urls = [*failure.request.meta.get("redirect_urls", []), failure.request.url]
            kind = "redirect loop" if len(set(urls)) < len(urls) else "too many redirects"
            return f"{kind} ({len(urls) - 1} redirects)", None, None
        return f"request dropped: {message}", None, None
    if isinstance(exc, (DownloadTimeoutError, TxTimeoutError, TCPTimedOutError)):
        return f"timeout (no complete answer within {options.timeout:g} s)", None, None
    if isinstance(exc, ResponseDataLossError):
        return "connection lost mid-response (body cut short)", None, None
    if isinstance(exc, (DownloadFailedError, ResponseFailed, ConnectionClosed)):
        return _lost_connection(exc), None, None
    if isinstance(exc, (CannotResolveHostError, DNSLookupError)):
        return "DNS lookup failed", None, None
    if isinstance(exc, (DownloadCancelledError, CancelledError)):
        return f"too large (over {options.max_bytes} bytes) or cancelled", None, None
    if isinstance(exc, DownloadConnectionRefusedError) or "refused" in str(exc).lower():
        return "connection refused", None, None
    return f"{type(exc).__name__}: {exc}".strip(), None, None


NETWORK_FAILURES = (CannotResolveHostError, DNSLookupError, DownloadConnectionRefusedError, ConnectionRefusedError,
                    DownloadTimeoutError, TxTimeoutError, TCPTimedOutError, NoRouteError, ConnectError)


def network_failure(exc: Exception, options: CrawlOptions) -> str | None:
    """Why a download got no answer from the host at all (DNS, refused, no route, timeout), or
    None for any other failure."""
    if not isinstance(exc, NETWORK_FAILURES):
        return None
    if isinstance(exc, NoRouteError):
        return "no route to host"
    return describe_failure(Failure(exc), options)[0]


def _lost_connection(exc: Exception) -> str:
    """'connection closed|reset without a response|mid-response', from Twisted's reasons (Scrapy's
    DownloadFailedError wraps ResponseNeverReceived/ResponseFailed, which list them)."""
    cause = exc.__cause__ if isinstance(exc, DownloadFailedError) and exc.__cause__ is not None else exc
    reasons = [getattr(reason, "value", reason) for reason in getattr(cause, "reasons", None) or [cause]]
    how = "closed" if any(isinstance(reason, ConnectionDone) for reason in reasons) else "reset"
    if isinstance(cause, ResponseNeverReceived):
        return f"connection {how} without a response"
    return f"connection {how} mid-response" if isinstance(cause, ResponseFailed) else f"connection {how}"
