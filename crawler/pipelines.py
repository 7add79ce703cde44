"""The index pipeline: the one place the crawl writes to the SQLite index."""
from __future__ import annotations

from scrapy.crawler import Crawler

from crawler.items import DiscoveredItem, FailureItem, FetchedItem, NotModifiedItem
from data.index import FetchedPage


class IndexPipeline:
    """Record every item in url_state; store new or changed article pages for extraction;
    count the outcomes per site on the spider's run record."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "IndexPipeline":
        return cls(crawler)

    def process_item(self, item):
        spider = self.crawler.spider
        index, options, run = spider.index, spider.options, spider.runs[item.site]
        if isinstance(item, DiscoveredItem):
            index.note_urls(item.urls, item.site, item.kind, item.at)
        elif isinstance(item, FetchedItem):
            if item.requested_url:
                index.mark_url(item.requested_url, item.site, "redirected", f"redirected to {item.url}",
                               item.fetched_at, kind=item.kind)
            outcome = index.record_fetch(item.url, item.site, kind=item.kind, at=item.fetched_at,
                                         http_status=item.http_status, etag=item.etag,
                                         last_modified=item.last_modified, text_hash=item.text_hash)
            if item.kind == "article":
                if outcome != "unchanged":
                    index.store_page(FetchedPage(url=item.url, site=item.site, body=item.body,
                                                 fetched_at=item.fetched_at, status=item.http_status,
                                                 headers=item.headers))
                run.count(outcome, item.url)
        elif isinstance(item, NotModifiedItem):
            index.record_not_modified(item.url, item.site, item.at)
            if item.kind == "article":
                run.count("unchanged", item.url)
        elif isinstance(item, FailureItem):
            if item.status:
                index.mark_url(item.url, item.site, item.status, item.reason, item.at, kind=item.kind)
                run.count("skipped", item.url)
            else:
                index.record_failure(item.url, item.site, item.reason, item.at, kind=item.kind,
                                     http_status=item.http_status, retry_after=item.retry_after,
                                     max_failures=options.max_failures,
                                     backoff_hours=options.failure_backoff_hours)
                run.count("failed", item.url, item.reason)
        return item
