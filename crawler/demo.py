"""The demo: the bundled sample portal served on 127.0.0.1, crawled, processed and searched.

Public API: ``run_demo(db_path, port=SAMPLE_PORT) -> DemoResult``, ``sample_portal(port)`` (serve the
sample portal, yield its base URL).
"""
from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import Iterator

from crawler.attachments import DocumentReport
from crawler.options import load_options
from crawler.orchestrate import crawl_and_process
from crawler.runner import CrawlError, CrawlReport
from crawler.sites import sample_profiles
from data.entities import SiteStats
from data.index import Index
from data.search import SearchHit

SAMPLE_PORT = 8765  # the sample portal's port: fixed, so that its URLs (the articles' keys) stay the same
DEMO_QUERY = "tuyen giao"
DEMO_HITS = 5


@dataclass
class DemoResult:
    """What a demo run did: where the portal was served, the crawl report, the processing counts,
    the documents fetched and read, the index totals (the TOTAL row of Index.stats()) and the best
    hits of DEMO_QUERY."""
    base_url: str
    report: CrawlReport
    processed: dict[str, int]
    documents: DocumentReport
    totals: SiteStats
    hits: list[SearchHit]


@contextlib.contextmanager
def sample_portal(port: int = SAMPLE_PORT, option: str = "--port") -> Iterator[str]:
    """Serve the bundled sample portal on 127.0.0.1:``port``; yield its base URL. CrawlError when
    the port cannot be used, naming the command's ``option`` that sets it."""
    from data.sample_server import serve_sample_site

    with contextlib.ExitStack() as stack:
        try:
            base_url = stack.enter_context(serve_sample_site(port=port))
        except OSError as exc:
            raise CrawlError(f"cannot serve the sample portal on 127.0.0.1:{port} ({exc.strerror}); "
                             f"pass another {option}") from None
        yield base_url


def run_demo(db_path, port: int = SAMPLE_PORT) -> DemoResult:
    """Serve the bundled sample portal on 127.0.0.1, crawl it with Scrapy, extract, tag and index
    it into ``db_path`` (no delay between requests), then search it for DEMO_QUERY. Running it
    again adds nothing, as long as ``port`` (part of every URL) stays the same."""
    options = load_options(download_delay=0.0, autothrottle_start_delay=0.0, contact="demo@localhost")
    with sample_portal(port) as base_url:
        report, processed, documents = crawl_and_process(db_path, sample_profiles(base_url),
                                                         options.allowing(base_url))
    index = Index(db_path)
    try:
        totals = next(row for row in index.stats() if row.site == "TOTAL")
        hits = index.search(DEMO_QUERY, limit=DEMO_HITS)
    finally:
        index.close()
    return DemoResult(base_url, report, processed, documents, totals, hits)
