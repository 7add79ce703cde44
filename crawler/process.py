"""Processing stored raw pages: extract, tag and index every pending page, in one process or a pool.

Public API: ``process_pending(index, workers=1) -> dict[str, int]`` (counts per outcome),
``extract_and_tag(page)`` (one page, as a worker does it), ``reference_date(published, fetched_at)``
and ``profile_for(site)``.
"""
from __future__ import annotations

import datetime as dt
import logging
import os
import traceback
from dataclasses import dataclass

from crawler.interrupts import current
from crawler.progress import Progress
from crawler.sites import get_profile
from data.clock import utc_iso

log = logging.getLogger(__name__)

LOOK_AHEAD_PER_WORKER = 4  # pages submitted ahead of the one being indexed: bounded memory on big backfills


class WorkerDied(RuntimeError):
    """A worker process of the pool died (or could not start); the pages not yet indexed stay pending."""


@dataclass
class PageFailure:
    """An unexpected error while extracting or tagging one page (the run goes on)."""
    reason: str
    trace: str


def process_pending(index, workers: int = 1) -> dict[str, int]:
    """Extract, tag and index every raw page still pending in ``index``; return counts per outcome
    (``new``, ``changed``, ``unchanged`` articles, ``rejected`` pages that are no article, ``failed``).

    Each page is indexed (article, tags, page status) in one transaction, so an interrupted
    run leaves every page either fully indexed or still pending for the next one.

    With ``workers`` > 1, pages are extracted and tagged in that many processes while this
    process stays the only writer and indexes them in page order: the results are the same.
    WorkerDied when a worker process dies. A stop asked for by a signal (crawler.interrupts)
    ends it after the page being indexed; the rest stay pending. Progress on stderr (crawler.progress).
    """
    from extract import ExtractionError

    counts: dict[str, int] = {}
    stop = current()
    progress = Progress("process", total=index.pending_count())
    for page, result in _extracted(index.pending_pages(), workers):
        if stop.requested:
            break
        if isinstance(result, ExtractionError):
            outcome = "rejected"
            index.mark_page(page.id, outcome, str(result), utc_iso())
            log.info("rejected %s: %s", page.url, result)
        elif isinstance(result, PageFailure):
            outcome = "failed"  # a bug, not the page's fault: kept for `vnportal reprocess` once fixed
            index.mark_page(page.id, outcome, result.reason, utc_iso())
            log.error("could not process %s: %s\n%s", page.url, result.reason, result.trace)
        else:
            with index.transaction():  # a kill leaves the page either indexed or still pending
                outcome = index.add_article(page, *result)
                index.mark_page(page.id, "indexed", outcome, utc_iso())
        counts[outcome] = counts.get(outcome, 0) + 1
        progress.advance(outcome, page.url)
    progress.close()
    return counts


def extract_and_tag(page):
    """One raw page (a data.FetchedPage) as (Article, Tags), the ExtractionError saying why it is
    no article, or a PageFailure when extraction or tagging broke on it."""
    from extract import ExtractionError, extract_dated
    from nlp import tag

    try:
        if page.status != 200:
            raise ExtractionError(f"HTTP {page.status}")
        article = extract_dated(page.body, page.url, lambda day: profile_for(page.site, day),
                                fetched_at=page.fetched_at, headers=page.headers)
        return article, tag(article.text, reference_date(article.published, page.fetched_at))
    except ExtractionError as exc:
        return exc
    except Exception as exc:  # one bad page must not stop a nightly run over thousands
        return PageFailure(f"internal error: {type(exc).__name__}: {exc}"[:500], traceback.format_exc())


def reference_date(published: str | None, fetched_at: str) -> dt.date:
    """The date year-less mentions resolve against: the article's own date, else the fetch day."""
    for value in (published, fetched_at):
        if value:
            try:
                return dt.date.fromisoformat(value[:10])
            except ValueError:
                continue
    raise ValueError("no reference date")


def profile_for(site: str, day: dt.date | None = None):
    """The site profile a page was crawled under, its version valid on ``day`` (the latest without
    one), when the registry knows it (else None)."""
    try:
        return get_profile(site, day)
    except KeyError:
        return None


def _start_worker(parent_pid: int) -> None:
    """Worker start: end with the parent process (a killed CLI leaves no worker behind); import the
    extractor and the taggers, and load their data, once."""
    import signal

    from crawler.orphans import exit_with_parent

    exit_with_parent(parent_pid)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole process group: the CLI decides
    import extract.core  # noqa: F401 (lxml)
    import trafilatura  # noqa: F401 (the extractor's fallback, loaded once per worker)
    from nlp import tag

    tag("Ngày 1/1/2024, đồng chí Nguyễn Văn A, Bí thư Tỉnh ủy, quán triệt Chỉ thị số 05-CT/TW.",
        dt.date(2024, 1, 1))


def _extracted(pages, workers: int):
    """(page, extract_and_tag(page)) in page order; in ``workers`` spawned processes when > 1."""
    if workers <= 1:
        yield from ((page, extract_and_tag(page)) for page in pages)
        return
    import collections
    import itertools
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    pages = iter(pages)
    first = next(pages, None)
    if first is None:  # nothing pending: start no process
        return
    window: collections.deque = collections.deque()
    # a worker that dies (or cannot start) fails the run with BrokenProcessPool, it does not hang it
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                 initializer=_start_worker, initargs=(os.getpid(),)) as pool:
            for page in itertools.chain([first], pages):
                window.append((page, pool.submit(extract_and_tag, page)))
                if len(window) >= LOOK_AHEAD_PER_WORKER * workers:
                    done, future = window.popleft()
                    yield done, future.result()
            while window:
                done, future = window.popleft()
                yield done, future.result()
    except BrokenProcessPool:
        raise WorkerDied("a worker process died (out of memory?); the pages not yet indexed stay pending: "
                         "run again, or with fewer --workers") from None
