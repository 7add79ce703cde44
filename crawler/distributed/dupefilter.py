"""The round's shared duplicate filter (Scrapy's DUPEFILTER_CLASS in a crawl worker)."""
from __future__ import annotations

from scrapy_redis.dupefilter import RFPDupeFilter


class SharedDupeFilter(RFPDupeFilter):
    """scrapy-redis's shared duplicate filter, except for redirect hops: a redirect back to a URL
    already requested must reach the spider's errback as a redirect loop, not vanish."""

    def request_seen(self, request) -> bool:
        if request.meta.get("redirect_times"):
            return False
        return super().request_seen(request)
