"""What the spider hands to the index pipeline: dataclass items, one per state change."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class FetchedItem:
    """A 200 response. Articles carry ``body`` (stored as a raw page when its text is new or
    changed); feeds, sitemaps and listings only update url_state (ETag, Last-Modified)."""
    url: str
    site: str
    kind: str  # article | listing | feed | sitemap
    fetched_at: str
    http_status: int = 200
    etag: str | None = None
    last_modified: str | None = None
    text_hash: str | None = None
    body: bytes = field(default=b"", repr=False)
    headers: dict = field(default_factory=dict, repr=False)
    requested_url: str | None = None  # when a redirect ended elsewhere on the site


@dataclass
class NotModifiedItem:
    """A conditional request answered 304."""
    url: str
    site: str
    kind: str
    at: str


@dataclass
class FailureItem:
    """A request that failed for good in this run (after in-run retries)."""
    url: str
    site: str
    kind: str
    reason: str
    at: str
    http_status: int | None = None
    retry_after: float | None = None
    status: str | None = None  # set for non-failures kept in url_state: 'blocked' (robots.txt)


@dataclass
class DiscoveredItem:
    """URLs seen on a page, feed or sitemap (first_seen/last_seen); attachments are recorded, never fetched."""
    urls: list[str]
    site: str
    kind: str  # article | attachment
    at: str
