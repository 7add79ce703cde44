"""The crawl process: ``python -m crawler.run`` reads a crawl spec (JSON) on stdin, runs Scrapy,
writes progress events and, last, the report as JSON lines on stdout.

Scrapy's Twisted reactor cannot be restarted within a process, so every crawl gets its own
process (crawler.runner.crawl starts it); during the crawl it is the index's only writer.
"""
from __future__ import annotations

import json
import os
import sys
from datetime import datetime

from scrapy.crawler import CrawlerProcess

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
    process.start()
    finished = utc_iso()
    sites = [run.report() for run in crawler.spider.runs.values()]
    for site in sites:
        index.finish_run(rows[site["site"]], finished, site, site["status"])
    index.close()
    return {"event": "report", "run_id": spec["run_id"], "started": started, "finished": finished, "sites": sites}


def read_spec() -> dict:
    """The spec on stdin. From then on this process ends when its parent, which wrote it, is gone
    (its run lock is shared until then: a killed CLI's crawl cannot write beside the next run)."""
    spec = json.load(sys.stdin)
    exit_with_parent(spec["parent_pid"])
    return spec


def main() -> int:
    _emit(run(read_spec()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
