"""The crawl state: what the crawler asks of the index it crawls into, and what it records there.

``CrawlState`` is what the spider consults (PortalSpider's ``index``): the SQLite index
(data.Index) in a single-process crawl, the round's copy of it in Redis
(crawler.distributed.rounds.RoundState) on a distributed one. ``CrawlStore`` adds what the
crawler writes (the crawl process, ``record_item``, ingest, the distributed index worker) and
reads back to report (check_site); only data.Index implements it: distributed crawl workers send
their items to the index worker instead. The crawler reaches the index through these methods
alone, never through SQL of its own.
"""
from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Iterable, Iterator, Protocol, runtime_checkable

from data.archives import ArchiveLedger
from data.documents import DocumentStore
from data.entities import SiteStats
from data.pages import FetchedPage
from data.search import SearchHit


@runtime_checkable
class CrawlState(Protocol):
    """The frontier and run history as a crawl finds them when it starts."""

    def url_state(self, url: str) -> dict | None:
        """The url_state row of ``url`` (canonical form), or None if never seen."""

    def pending_urls(self, site: str, now: str) -> list[str]:
        """Article URLs of ``site`` still to fetch at ``now`` (data.frontier.is_pending), first seen first."""

    def interrupted_since(self, site: str) -> str | None:
        """The start of the interrupted crawl of ``site`` to resume, or None."""


@runtime_checkable
class CrawlStore(CrawlState, Protocol):
    """A crawl state the crawler also writes to: the frontier, raw pages and run bookkeeping."""

    def transaction(self) -> AbstractContextManager:
        """The writes made inside are committed together, or not at all."""

    def close(self) -> None: ...

    # -- the frontier
    def url_states(self, urls: Iterable[str] | None = None) -> Iterator[dict]:
        """url_state rows: every row, or those of ``urls``."""

    def note_urls(self, urls: Iterable[str], site: str, kind: str, at: str) -> None: ...

    def record_fetch(self, url: str, site: str, *, kind: str, at: str, http_status: int = 200,
                     etag: str | None = None, last_modified: str | None = None,
                     text_hash: str | None = None) -> str: ...

    def record_not_modified(self, url: str, site: str, at: str) -> None: ...

    def record_failure(self, url: str, site: str, reason: str, at: str, *, kind: str = "article",
                       http_status: int | None = None, retry_after: float | None = None,
                       max_failures: int = 5, backoff_hours: float = 12.0) -> str: ...

    def mark_url(self, url: str, site: str, status: str, reason: str | None, at: str, *,
                 kind: str = "article") -> None: ...

    def first_non_article(self) -> dict | None: ...

    def article_with_reason(self) -> dict | None: ...

    # -- raw pages
    def store_page(self, page: FetchedPage) -> int: ...

    def has_page(self, url: str, body: bytes) -> bool: ...

    def pending_pages(self) -> Iterator[FetchedPage]: ...

    def pending_count(self) -> int: ...

    # -- run bookkeeping
    def upsert_source(self, source: dict) -> None: ...

    def start_run(self, run_id: str, site: str, started: str) -> int: ...

    def finish_run(self, row_id: int, finished: str, counts: dict, status: str) -> None: ...

    def abort_runs(self, run_id: str | None, finished: str, status: str = "aborted") -> int: ...

    # processing the stored pages, and the runs that drive it (crawler.process, crawler.orchestrate, crawler.demo)
    def mark_page(self, page_id: int, status: str, reason: str | None, at: str) -> None: ...

    def add_article(self, page: FetchedPage, article, tags) -> str: ...

    def requeue_pages(self, since_version: str | None = None) -> int: ...

    def merge_search(self, articles: int) -> None: ...

    def stats(self) -> list[SiteStats]: ...

    def search(self, query: str, mode: str = "as-typed", site: str | None = None,
               since: str | None = None, until: str | None = None, official: str | None = None,
               directive: str | None = None, limit: int = 20, rank_all: bool = False) -> list[SearchHit]: ...

    def archive_ledger(self) -> ArchiveLedger:
        """What web-archive backfills listed and fetched (data.archives)."""
        ...

    def document_store(self) -> DocumentStore:
        """Attached documents, fetched and read (data.documents)."""
        ...
