"""DistributedSpider: PortalSpider as one worker of a crawl round."""
from __future__ import annotations

import re
from typing import Any, Callable

from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from twisted.internet import task

from crawler.distributed.rounds import Round
from crawler.options import CrawlOptions
from crawler.sites.base import SiteProfile
from crawler.spiders.portal import PortalSpider, SiteRun

HEARTBEAT = 1.0  # seconds between a worker's heartbeats
IDLE_POLL = 0.3  # seconds between an idle worker's looks at the shared queue


class Runs(dict):
    """The spider's site runs; a site first met in a request from another worker is added."""

    def __init__(self, runs: dict, load: Callable[[str], SiteRun]):
        super().__init__(runs)
        self.load = load

    def __missing__(self, site: str) -> SiteRun:
        self[site] = self.load(site)
        return self[site]


class DistributedSpider(PortalSpider):
    """PortalSpider on a shared frontier: requests go through the round's duplicate filter, the
    crawl state is the round's copy, and the spider closes when the round has nothing left.
    Spider arguments: those of PortalSpider but ``index``, and ``coordinator``, the worker's Round."""

    def __init__(self, profiles: list[SiteProfile], options: CrawlOptions | None = None, *, coordinator: Round,
                 **kwargs: Any):
        super().__init__(profiles, coordinator.state, options, **kwargs)
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
            from twisted.internet import reactor  # installed by Scrapy once the crawl starts

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
