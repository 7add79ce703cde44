"""Backfill a site's history from the web archives: list its captures (CDX), keep its article
URLs, choose one capture per URL (or each distinct one), fetch them raw, and store them as the
crawler would, under their original URL and capture time, with the archive's provenance.

The listing is remembered window by window and each fetched capture is marked in the transaction
that stores its page, so a killed backfill resumes where it stopped and a second run fetches
nothing it already has. Extraction, tagging and indexing are the usual ``process_pending``.
A distributed backfill (crawler.distributed.backfill) lists, chooses and stores with the same
functions, its workers listing and fetching and the index worker storing.
"""
from __future__ import annotations

import logging
import re
import uuid
from dataclasses import dataclass, field
from datetime import date
from typing import Callable, Iterable
from urllib.parse import urlsplit

from crawler.archives.cdx import ArchiveError, Capture
from crawler.archives.sources import CaptureMissing, CommonCrawl, Fetched, Wayback, Window
from crawler.discovery import looks_like_article
from crawler.ingest import store_capture
from crawler.polite import PoliteClient, Unavailable
from crawler.progress import Progress
from crawler.sites import SiteProfile
from crawler.state import CrawlStore
from crawler.urls import canonical
from data.archives import ArchiveLedger, ListedCapture
from data.clock import utc_iso, utcnow

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 3  # a capture the archive failed to serve this often is not asked for again


@dataclass(frozen=True)
class Target:
    """What to backfill: a site's name, its domains, and which URLs are its articles."""
    site: str
    domains: tuple[str, ...]
    profile: SiteProfile | None = None

    @classmethod
    def of(cls, profile: SiteProfile) -> "Target":
        return cls(profile.name, tuple(d.removeprefix("www.") for d in profile.domains), profile)

    @classmethod
    def for_domain(cls, domain: str) -> "Target":
        """A portal with no profile: every host under ``domain`` (only that host when it is an
        address or has a port), articles told by their URL shape."""
        host = _netloc(domain if "//" in domain else f"//{domain}")
        if "." not in host or not re.fullmatch(r"[a-z0-9.\-]+(:\d+)?", host):
            raise ValueError(f"not a site name or domain: {domain!r}")
        return cls(host, (host,))

    @property
    def store_as(self) -> str | None:
        """The site pages are stored under: the profile's; without one, the site owning each URL."""
        return self.profile.name if self.profile else None

    def is_article(self, url: str) -> bool:
        if self.profile is not None:
            return self.profile.owns(url) and (self.profile.is_article(url) if self.profile.article_pattern
                                               else looks_like_article(url))
        host = _netloc(url)
        return any(host == d or host.endswith("." + d) for d in self.domains) and looks_like_article(url)


@dataclass
class SiteReport:
    """One site and archive in one run: captures listed (article captures new to the ledger),
    fetched, stored as new or changed pages, unchanged (the index had that text or a newer
    capture), failed; ``status`` ok, or why the run stopped early."""
    site: str
    source: str
    listed: int = 0
    fetched: int = 0
    new: int = 0
    unchanged: int = 0
    failed: int = 0
    status: str = "ok"

    def count(self, outcome: str) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)


@dataclass
class BackfillOptions:
    start: date = date(2000, 1, 1)
    end: date = field(default_factory=lambda: utcnow().date())
    all_captures: bool = False
    max_pages: int | None = None


def choose(captures: Iterable[ListedCapture], all_captures: bool) -> list[ListedCapture]:
    """The captures to fetch, oldest first: per URL the latest capture of the window (each capture
    whose content differs from the one before it with ``all_captures``), unless already fetched
    or given up on."""
    by_url: dict[str, list[ListedCapture]] = {}
    for capture in captures:
        by_url.setdefault(canonical(capture.url), []).append(capture)
    chosen = []
    for versions in by_url.values():
        if all_captures:
            picked, last_digest = [], None
            for capture in versions:
                if not capture.digest or capture.digest != last_digest:
                    picked.append(capture)
                last_digest = capture.digest or None
        else:
            picked = versions[-1:]
        chosen += [c for c in picked if c.status == "listed" or (c.status == "failed" and c.attempts < MAX_ATTEMPTS)]
    return sorted(chosen, key=lambda c: (c.timestamp, c.id))


def backfill(index: CrawlStore, target: Target, source, client: PoliteClient, options: BackfillOptions,
             *, run_id: str | None = None, stop: Callable[[], bool] = lambda: False) -> SiteReport:
    """Backfill ``target`` from ``source`` (a Wayback or CommonCrawl); return the site's report,
    also kept in ``backfill_runs``. An archive that cannot be used ends this site's run early
    (``status`` says why); what was fetched until then is kept."""
    ledger = index.archive_ledger()
    report = SiteReport(target.site, source.name)
    row = ledger.start_run(run_id or uuid.uuid4().hex, target.site, source.name, utc_iso())
    if target.profile is not None:
        index.upsert_source(target.profile.to_dict())
    try:
        for window in source.windows(client, options.start, options.end):
            if not ledger.window_listed(target.site, source.name, window.key):
                found, complete = list_window(target, source, client, window)
                report.listed += store_listing(ledger, target.site, source.name, window.key, found, complete)
        todo = to_fetch(ledger, target.site, source.name, options)
        with Progress(f"backfill {target.site} ({source.name})", total=len(todo), unit="capture") as progress:
            for listed in todo:
                if stop():
                    report.status = "interrupted"
                    break
                capture = as_capture(listed)
                try:
                    fetched = source.fetch(client, capture)
                except CaptureMissing as exc:
                    store_missing(ledger, listed, source.archived_url(capture), str(exc))
                    report.count("failed")
                    progress.advance("failed", listed.url)
                    continue
                outcome = "new" if store_fetched(index, ledger, listed, fetched, target.store_as) == "stored" \
                    else "unchanged"
                report.count("fetched")
                report.count(outcome)
                progress.advance(outcome, listed.url)
    except (Unavailable, ArchiveError) as exc:
        report.status = f"stopped: {exc}"
        logger.warning("%s (%s): %s", target.site, source.name, exc)
    finally:
        ledger.finish_run(row, utc_iso(), report.status, vars(report))
    return report


def list_window(target: Target, source, client: PoliteClient, window: Window) -> tuple[list[Capture], bool]:
    """The article captures of ``target`` that ``source`` lists in ``window``, and whether the window
    is over (a window still under way, such as this year, is listed again next time)."""
    found: list[Capture] = []
    for domain in target.domains:
        found += [c for c in source.list(client, domain, window) if c.is_html_page and target.is_article(c.url)]
    today = utcnow().date()
    complete = window.end < today.strftime("%Y%m%d")[:len(window.end)] or source.name == "commoncrawl"
    logger.info("%s (%s) %s: %d article capture(s)", target.site, source.name, window.key, len(found))
    return found, complete


def store_listing(ledger: ArchiveLedger, site: str, source: str, window: str, found: list[Capture],
                  complete: bool) -> int:
    """Keep a window's listing in the ledger; return how many captures were new to it."""
    return ledger.add_listing(site, source, window, found, utc_iso(), complete=complete)


def to_fetch(ledger: ArchiveLedger, site: str, source: str, options: BackfillOptions) -> list[ListedCapture]:
    """The captures a run fetches once its windows are listed (``choose``, at most ``max_pages``)."""
    start, end = options.start.strftime("%Y%m%d"), options.end.strftime("%Y%m%d")
    return choose(ledger.captures(site, source, start, end), options.all_captures)[:options.max_pages]


def as_capture(listed: ListedCapture) -> Capture:
    return Capture(url=listed.url, timestamp=listed.timestamp, digest=listed.digest, filename=listed.filename,
                   offset=listed.offset, length=listed.length)


def store_fetched(index: CrawlStore, ledger: ArchiveLedger, listed: ListedCapture, fetched: Fetched,
                  store_as: str | None) -> str:
    """Store a fetched capture as a page under its original URL and capture time, and mark it fetched,
    in one transaction; return 'stored' (new or changed text) or 'skipped'."""
    capture = as_capture(listed)
    with index.transaction():  # the page and the mark that it was fetched, together
        outcome, digest = store_capture(index, canonical(capture.url), fetched.body, fetched.headers,
                                        capture.captured_at, store_as)
        ledger.fetched(listed.id, fetched.archived_url, utc_iso(), canonical(capture.url), digest)
    return outcome


def store_missing(ledger: ArchiveLedger, listed: ListedCapture, archived_url: str, reason: str) -> None:
    """Mark a capture the archive could not serve (asked again by later runs, up to MAX_ATTEMPTS)."""
    ledger.failed(listed.id, archived_url, utc_iso(), reason)
    logger.info("%s: %s", archived_url, reason)


def exit_code(reports: Iterable[SiteReport]) -> int:
    """1 if an archive stopped a site early or captures failed, else 0."""
    return 1 if any(report.status != "ok" or report.failed for report in reports) else 0


def sources_named(which: str, *, wayback: Wayback | None = None, commoncrawl: CommonCrawl | None = None) -> list:
    """The archives ``--source`` names: wayback, commoncrawl or both."""
    chosen = {"wayback": [wayback or Wayback()], "commoncrawl": [commoncrawl or CommonCrawl()]}
    return chosen["wayback"] + chosen["commoncrawl"] if which == "both" else chosen[which]


def _netloc(url: str) -> str:
    """Host (no "www.") and port if any, lower case; "" for no address."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").removeprefix("www.")
        return f"{host}:{parts.port}" if parts.port else host
    except ValueError:
        return ""


