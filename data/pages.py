"""Raw pages: every HTTP response the crawl keeps (gzip-compressed), queued for extraction."""
from __future__ import annotations

import hashlib
import json
import zlib
from dataclasses import dataclass, field
from typing import Iterator

from data.reprocess import requeue_pages
from data.store import Store, gzipped, insert_row


@dataclass
class FetchedPage:
    """One HTTP response as the crawler received it."""
    url: str
    site: str
    body: bytes
    fetched_at: str  # ISO 8601 UTC
    status: int = 200
    headers: dict = field(default_factory=dict)
    id: int | None = None  # raw_pages.id once stored


def body_sha256(body: bytes) -> str:
    """The digest raw_pages keeps of a page's body."""
    return hashlib.sha256(body).hexdigest()


def _gunzip_page(data: bytes) -> bytes:
    """A stored page unpacked, but never past MAX_PAGE_BYTES + 1 bytes (an index written before the
    cap may hold bigger pages): extraction then rejects it as too large without it filling memory."""
    from extract.core import MAX_PAGE_BYTES  # here, not at the top: queries need no extractor

    return zlib.decompressobj(wbits=31).decompress(data, MAX_PAGE_BYTES + 1)


class RawPages(Store):
    """The raw_pages table: stored fetches, each 'pending' until processing marks what it made of it."""

    def store_page(self, page: FetchedPage) -> int:
        """Keep the raw response (gzip) and queue it for extraction; return its id.

        The crawl stores a page in the transaction that records its fetch in url_state, so a page
        is kept once per recorded fetch: one fetched but not recorded before a kill is fetched
        again and kept once. raw_pages holds a URL twice only when a later fetch found its text
        changed (an unchanged re-fetch is not kept)."""
        with self.transaction():
            page.id = insert_row(self.db, "raw_pages", {
                "url": page.url, "site": page.site, "fetched_at": page.fetched_at,
                "http_status": page.status, "headers": json.dumps(page.headers, ensure_ascii=False),
                "html_gz": gzipped(page.body), "body_sha256": body_sha256(page.body),
                "process_status": "pending"})
        return page.id

    def has_page(self, url: str, body: bytes) -> bool:
        """Whether a raw page of ``url`` with this very body is kept."""
        return self.db.execute("select 1 from raw_pages where url = ? and body_sha256 = ? limit 1",
                               [url, body_sha256(body)]).fetchone() is not None

    def pending_count(self) -> int:
        """How many raw pages wait to be extracted."""
        return self.db.execute("select count(*) from raw_pages where process_status = 'pending'").fetchone()[0]

    def pending_pages(self) -> Iterator[FetchedPage]:
        """Raw pages not yet extracted, oldest first."""
        rows = self.db.execute(
            "select id from raw_pages where process_status = 'pending' order by id").fetchall()
        for (page_id,) in rows:
            yield self.raw_page(page_id)

    def raw_page(self, page_id: int) -> FetchedPage:
        url, site, html_gz, fetched_at, status, headers = self.db.execute(
            "SELECT url, site, html_gz, fetched_at, http_status, headers FROM raw_pages WHERE id = ?",
            [page_id]).fetchone()
        return FetchedPage(url=url, site=site, body=_gunzip_page(html_gz), fetched_at=fetched_at, status=status,
                           headers=json.loads(headers or "{}"), id=page_id)

    def mark_page(self, page_id: int, status: str, reason: str | None, at: str) -> None:
        """Record what processing made of a raw page: indexed, unchanged, rejected or failed."""
        with self.transaction():
            self.db.execute("UPDATE raw_pages SET process_status = ?, reason = ?, processed_at = ? WHERE id = ?",
                            [status, reason, at, page_id])

    def requeue_pages(self, since_version: str | None = None) -> int:
        """Queue raw pages for extraction again (those behind articles older than ``since_version``,
        or the latest page of every URL); return how many."""
        return requeue_pages(self.db, since_version)
