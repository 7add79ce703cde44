"""The crawl worker process (``python -m crawler.distributed``, started by crawl_distributed):
join the round, crawl until it has nothing left, write the report on stdout."""
from __future__ import annotations

import sys
import warnings
from datetime import datetime
from typing import Callable

from scrapy.crawler import CrawlerProcess
from scrapy.exceptions import ScrapyDeprecationWarning

from crawler.distributed.connection import DistributedError, connect
from crawler.distributed.rounds import Round
from data.clock import utc_iso
from crawler.distributed.settings import worker_settings
from crawler.distributed.spider import DistributedSpider
from crawler.options import CrawlOptions
from crawler.run import _emit, read_spec
from crawler.sites.base import SiteProfile


def run_worker(spec: dict, emit: Callable[[dict], None]) -> dict:
    """Join the round, crawl until it has nothing left, return the report."""
    # scrapy-redis 0.9 still calls Scrapy APIs deprecated in 2.13; nothing for an operator to act on
    warnings.filterwarnings("ignore", category=ScrapyDeprecationWarning, module="scrapy_redis")

    options = CrawlOptions(**spec["options"])
    profiles = [SiteProfile.from_dict(p) for p in spec["profiles"]]
    started = utc_iso()
    coordinator = Round.join(connect(spec["redis"]), profiles)
    process = CrawlerProcess(worker_settings(options, spec["redis"], coordinator))
    crawler = process.create_crawler(DistributedSpider)
    since = datetime.fromisoformat(spec["since"]) if spec.get("since") else None
    process.crawl(crawler, profiles=profiles, options=options, since=since, max_pages=spec.get("max_pages"),
                  emit=emit, coordinator=coordinator)
    process.start()
    spider = crawler.spider
    return {"event": "report", "round_id": coordinator.id, "worker": coordinator.worker, "started": started,
            "finished": utc_iso(), "sites": spider.report()["sites"], "items": spider.items_sent,
            "ended_round": spider.left == 1}


def main() -> int:
    try:
        _emit(run_worker(read_spec(), _emit))
    except DistributedError as exc:
        sys.stderr.write(f"{exc}\n")
        return 2
    return 0
