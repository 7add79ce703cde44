"""The crawl process: ``python -m crawler.run`` reads a crawl spec (JSON) on stdin, runs Scrapy,
writes progress events and, last, the report as JSON lines on stdout.

Scrapy's Twisted reactor cannot be restarted within a process, so every crawl gets its own
process (crawler.runner.crawl starts it); during the crawl it is the index's only writer.
"""
from __future__ import annotations

import json
import os
import signal
import sys
import time
from contextlib import suppress
from datetime import datetime

from scrapy.crawler import CrawlerProcess

from crawler import logs
from crawler.middlewares import drop_queued
from crawler.options import CrawlOptions
from crawler.orphans import ORPHAN_EXIT_CODE, exit_with_parent
from crawler.settings import settings_for
from crawler.sites.base import SiteProfile
from crawler.spiders.portal import PortalSpider
from data.clock import utc_iso
from data.index import Index


def _emit(event: dict) -> None:
    try:
        sys.stdout.write(json.dumps(event) + "\n")
        sys.stdout.flush()
    except BrokenPipeError:
        # The parent is gone (killed): nobody reads the report. Stop as a kill would: every write
        # so far is a committed transaction, and the next run resumes (its rows become 'aborted').
        os._exit(ORPHAN_EXIT_CODE)


def run(spec: dict) -> dict:
    """Crawl as ``spec`` says (db, run_id, profiles, options, since, max_pages); return the report."""
    options = CrawlOptions(**spec["options"])
    profiles = [SiteProfile.from_dict(p) for p in spec["profiles"]]
    index = Index(spec["db"])
    started = utc_iso()
    rows = {}
    for profile in profiles:
        index.upsert_source(profile.to_dict())
        rows[profile.name] = index.start_run(spec["run_id"], profile.name, started)
    process = CrawlerProcess(settings_for(options))
    crawler = process.create_crawler(PortalSpider)
    since = datetime.fromisoformat(spec["since"]) if spec.get("since") else None
    process.crawl(crawler, profiles=profiles, index=index, options=options, since=since,
                  max_pages=spec.get("max_pages"), emit=_emit)
    shutdown = Shutdown(process)
    signal.signal(signal.SIGTERM, shutdown)
    process.start(install_signal_handlers=False)
    finished = utc_iso()
    sites = [run.report() for run in crawler.spider.runs.values()]
    for site in sites:
        if shutdown.requested:
            site["status"] = "interrupted"
        index.finish_run(rows[site["site"]], finished, site, site["status"])
    index.close()
    return {"event": "report", "run_id": spec["run_id"], "started": started, "finished": finished, "sites": sites,
            "interrupted": shutdown.requested}


class Shutdown:
    """SIGTERM (the CLI passes on its SIGINT or SIGTERM): send nothing more (requests waiting for
    their host's turn are dropped, due again next run), let the requests in flight finish and
    their pages be stored for at most GRACE_SECONDS, then stop; a second SIGTERM
    stops at once. Either way the report follows: every item stored is one committed transaction.
    Two signals closer than SAME_SIGNAL_SECONDS count as one (systemd signals the CLI and this
    process together, and the CLI passes its own on)."""

    GRACE_SECONDS = 3.0
    SAME_SIGNAL_SECONDS = 0.5

    def __init__(self, process: CrawlerProcess):
        self.process = process
        self.first: float | None = None

    @property
    def requested(self) -> bool:
        return self.first is not None

    def __call__(self, signum, frame) -> None:
        from twisted.internet import reactor

        now = time.monotonic()
        if self.first is None:
            self.first = now
            reactor.callFromThread(self._graceful)
        elif now - self.first > self.SAME_SIGNAL_SECONDS:
            reactor.callFromThread(self._force)

    def _graceful(self) -> None:
        from twisted.internet import reactor

        self.process.stop()
        for crawler in self.process.crawlers:  # requests waiting for their host's turn are not sent
            drop_queued(crawler)
        reactor.callLater(self.GRACE_SECONDS, self._force)

    @staticmethod
    def _force() -> None:
        from twisted.internet import reactor

        with suppress(RuntimeError):  # stopped already
            reactor.stop()


def read_spec() -> dict:
    """The spec on stdin. From then on this process ends when its parent, which wrote it, is gone
    (its run lock is shared until then: a killed CLI's crawl cannot write beside the next run)."""
    spec = json.load(sys.stdin)
    exit_with_parent(spec["parent_pid"])
    logs.configure(logs.LogSettings(**spec.get("log", {})))  # as the CLI logs
    return spec


def main() -> int:
    _emit(run(read_spec()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
