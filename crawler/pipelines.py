"""The index pipeline: the one place the crawl writes to the SQLite index."""
from __future__ import annotations

from typing import TYPE_CHECKING

from crawler.items import DiscoveredItem, FailureItem, FetchedItem, NotModifiedItem
from crawler.options import CrawlOptions
from crawler.state import CrawlStore
from data.pages import FetchedPage

if TYPE_CHECKING:
    from scrapy.crawler import Crawler


class IndexPipeline:
    """Record every item in url_state; store new or changed article pages for extraction;
    count the outcomes per site on the spider's run record. Each item is one transaction: a
    killed crawl leaves every URL either recorded with its page or still to fetch."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "IndexPipeline":
        return cls(crawler)

    def process_item(self, item):
        spider = self.crawler.spider
        counted = record_item(spider.index, item, spider.options)
        if counted is not None:
            spider.runs[item.site].count(counted[0], item.url, counted[1])
        return item


def record_item(index: CrawlStore, item, options: CrawlOptions) -> tuple[str, str | None] | None:
    """Write one crawl item into ``index`` (also used by ``vnportal ingest`` and the distributed
    index worker); return what the site's run counts for it, (outcome, failure reason), or None."""
    if isinstance(item, DiscoveredItem):
        index.note_urls(item.urls, item.site, item.kind, item.at)
    elif isinstance(item, FetchedItem):
        with index.transaction():  # the page is kept if and only if url_state says it was fetched
            if item.requested_url:
                index.mark_url(item.requested_url, item.site, "redirected", f"redirected to {item.url}",
                               item.fetched_at, kind=item.kind)
            outcome = index.record_fetch(item.url, item.site, kind=item.kind, at=item.fetched_at,
                                         http_status=item.http_status, etag=item.etag,
                                         last_modified=item.last_modified, text_hash=item.text_hash)
            if item.kind == "article" and outcome != "unchanged":
                index.store_page(FetchedPage(url=item.url, site=item.site, body=item.body,
                                             fetched_at=item.fetched_at, status=item.http_status,
                                             headers=item.headers))
        if item.kind == "article":
            return outcome, None
    elif isinstance(item, NotModifiedItem):
        index.record_not_modified(item.url, item.site, item.at)
        if item.kind == "article":
            return "unchanged", None
    elif isinstance(item, FailureItem):
        if item.status:
            index.mark_url(item.url, item.site, item.status, item.reason, item.at, kind=item.kind)
            return "skipped", None
        index.record_failure(item.url, item.site, item.reason, item.at, kind=item.kind,
                             http_status=item.http_status, retry_after=item.retry_after,
                             max_failures=options.max_failures, backoff_hours=options.failure_backoff_hours)
        return "failed", item.reason
    return None
