"""Runs that write the index, each under its run lock: crawl, ingest or reprocess pages, then
extract, tag and index them; bring an index up to date.

Public API: ``crawl_and_process(db_path, profiles, options, ...)``, ``ingest_and_process(db_path,
paths, ...)``, ``reprocess(db_path, ...)``, ``upgrade(db_path, ...)``, ``fetch_documents(db_path, ...)``, ``backfill_and_process(db_path, ...)``. Each raises LockBusy when
another run holds the lock (or, given ``on_wait``, waits for it) and data.database.IndexUnusable
when the index cannot be written; processing raises crawler.process.WorkerDied when a worker
process died.
"""
from __future__ import annotations

import logging
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from crawler.ingest import IngestReport, find_inputs, ingest
from crawler.interrupts import current
from crawler.lock import run_lock
from crawler.process import process_pending
from crawler.progress import CrawlProgress
from data.database import check_index, open_database
from data.index import Index

if TYPE_CHECKING:  # imported by the runs that use them: ingest, reprocess and upgrade need none (~14 ms)
    from crawler.attachments import DocumentOptions, DocumentReport
    from crawler.backfill import BackfillOptions, Target
    from crawler.backfill import SiteReport as BackfillReport
    from crawler.polite import PoliteClient
    from crawler.runner import CrawlReport

logger = logging.getLogger(__name__)
OnWait = Callable[[str], None] | None  # called with one line when waiting for another run's lock


def crawl_and_process(db_path: str | Path, profiles: list, options, *, max_pages: int | None = None, since=None,
                      workers: int = 1) -> tuple[CrawlReport, dict[str, int], DocumentReport]:
    """Crawl ``profiles`` into the index (Scrapy in a child process, progress on stderr), then
    extract, tag and index the new pages in ``workers`` processes; the search index is optimised
    when articles were added or changed; then fetch and read the documents new articles attach
    (crawler.attachments). Return the crawl report, the processing counts and the documents report.
    Another run holding the lock is LockBusy at once; CrawlError when the crawl could not run.
    An interrupted crawl (``report.interrupted``) is not processed: its pages wait for the next run;
    with the network down (``report.network_down``) no document is asked for either."""
    from crawler.attachments import DocumentOptions, DocumentReport, fetch_and_read
    from crawler.runner import crawl

    if not options.contact and not (options.allow_private or options.allowed_hosts):
        logger.warning("no contact address: set contact = \"you@example.org\" under [crawl] in "
                       "~/.config/vnportal/config.toml, so that portal operators can reach you (README: Operating it)")
    progress = CrawlProgress()
    with run_lock(db_path):
        try:
            report = crawl(db_path, profiles, max_pages=max_pages, since=since, options=options, progress=progress)
        finally:
            progress.close()
        if report.interrupted or report.network_down:
            return report, {}, DocumentReport()
        with closing(Index(db_path)) as index:
            processed = process_pending(index, workers=workers)
            if indexed := processed.get("new", 0) + processed.get("changed", 0):
                index.merge_search(indexed)
            documents = fetch_and_read(index, options, DocumentOptions(workers=workers))
    return report, processed, documents


def backfill_and_process(db_path: str | Path, plans: list[tuple[Target, object, BackfillOptions]],
                         client: PoliteClient, *, workers: int = 1) -> tuple[list[BackfillReport], dict[str, int]]:
    """Backfill each (target, archive, window) of ``plans`` (crawler.backfill), then extract, tag
    and index what was fetched. Return one report per plan, and the processing counts."""
    from crawler.backfill import backfill

    with run_lock(db_path), closing(Index(db_path)) as index:
        stop = current()
        reports = [backfill(index, target, archive, client, window, stop=lambda: stop.requested)
                   for target, archive, window in plans if not stop.requested]
        processed = process_pending(index, workers=workers)
        if indexed := processed.get("new", 0) + processed.get("changed", 0):
            index.merge_search(indexed)
    return reports, processed


def fetch_documents(db_path: str | Path, crawl_options, options: DocumentOptions, *,
                    delay: float | None = None) -> DocumentReport:
    """Fetch and read the documents the index's articles attach (``vnportal documents fetch``)."""
    from crawler.attachments import fetch_and_read

    check_index(db_path, write=True, must_exist=True)
    with run_lock(db_path), closing(Index(db_path)) as index:
        return fetch_and_read(index, crawl_options, options, delay=delay)


def ingest_and_process(db_path: str | Path, paths: Iterable[str | Path], *, site: str | None = None,
                       workers: int = 1, on_wait: OnWait = None) -> tuple[IngestReport, dict[str, int]]:
    """Store saved HTML files and WARC files (or folders of them) as raw pages (crawler.ingest),
    then extract, tag and index them. Return the ingest report and the processing counts.
    crawler.ingest.IngestError, before the index is opened or created, when an input is missing."""
    paths = list(paths)
    find_inputs(paths)
    with run_lock(db_path, on_wait=on_wait), closing(Index(db_path)) as index:
        report = ingest(index, paths, site=site)
        return report, process_pending(index, workers=workers)


def reprocess(db_path: str | Path, since_version: str | None = None, *, workers: int = 1,
              on_wait: OnWait = None) -> tuple[int, dict[str, int]]:
    """Extract and tag the stored raw pages of an existing index again, no network: the latest
    page of every URL, or with ``since_version`` the pages behind articles from an older
    extractor. Return how many pages were requeued and the processing counts."""
    check_index(db_path, write=True, must_exist=True)
    with run_lock(db_path, on_wait=on_wait), closing(Index(db_path)) as index:
        requeued = index.requeue_pages(since_version)
        return requeued, process_pending(index, workers=workers)


def upgrade(db_path: str | Path, *, on_wait: OnWait = None) -> None:
    """Bring an existing index made by an older vnportal up to the current schema."""
    check_index(db_path, write=True, must_exist=True)
    with run_lock(db_path, on_wait=on_wait):
        open_database(db_path, write=True).close()  # opening to write migrates

