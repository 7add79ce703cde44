"""The crawl worker's item pipeline: every item goes to the index worker through Redis."""
from __future__ import annotations

from crawler.distributed.codec import encode_item
from crawler.distributed.connection import connect
from crawler.distributed.keys import PREFIX, Keys
from crawler.items import FailureItem, FetchedItem, NotModifiedItem


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
