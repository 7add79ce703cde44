"""Backfill a site's history from the web archives: list its captures (CDX), keep its article
URLs, choose one capture per URL (or each distinct one), fetch them raw, and store them as the
crawler would, under their original URL and capture time, with the archive's provenance.

The listing is remembered window by window and each fetched capture is marked in the transaction
that stores its page, so a killed backfill resumes where it stopped and a second run fetches
nothing it already has. Extraction, tagging and indexing are the usual ``process_pending``.
"""
from __future__ import annotations

import logging
import re
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Callable, Iterable
from urllib.parse import urlsplit

from crawler.archives.cdx import ArchiveError, Capture
from crawler.polite import PoliteClient, Unavailable
from crawler.progress import Progress
from crawler.archives.sources import CaptureMissing, CommonCrawl, Wayback
from crawler.discovery import looks_like_article
from crawler.ingest import store_capture
from crawler.sites import SiteProfile
from crawler.urls import canonical
from crawler.state import CrawlStore
from data.archives import ArchiveLedger, ListedCapture

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
    end: date = field(default_factory=lambda: datetime.now(timezone.utc).date())
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
    row = ledger.start_run(run_id or uuid.uuid4().hex, target.site, source.name, _now())
    if target.profile is not None:
        index.upsert_source(target.profile.to_dict())
    try:
        _list(ledger, target, source, client, options, report)
        start, end = options.start.strftime("%Y%m%d"), options.end.strftime("%Y%m%d")
        todo = choose(ledger.captures(target.site, source.name, start, end), options.all_captures)[:options.max_pages]
        with Progress(f"backfill {target.site} ({source.name})", total=len(todo), unit="capture") as progress:
            for listed in todo:
                if stop():
                    report.status = "interrupted"
                    break
                progress.advance(_fetch_one(index, ledger, target, source, client, listed, report), listed.url)
    except (Unavailable, ArchiveError) as exc:
        report.status = f"stopped: {exc}"
        logger.warning("%s (%s): %s", target.site, source.name, exc)
    finally:
        ledger.finish_run(row, _now(), report.status, vars(report))
    return report


def _list(ledger: ArchiveLedger, target: Target, source, client: PoliteClient, options: BackfillOptions,
          report: SiteReport) -> None:
    today = datetime.now(timezone.utc).date()
    for window in source.windows(client, options.start, options.end):
        if ledger.window_listed(target.site, source.name, window.key):
            continue
        found: list[Capture] = []
        for domain in target.domains:
            found += [c for c in source.list(client, domain, window) if c.is_html_page and target.is_article(c.url)]
        closed = window.end < today.strftime("%Y%m%d")[:len(window.end)] or source.name == "commoncrawl"
        report.listed += ledger.add_listing(target.site, source.name, window.key, found, _now(), complete=closed)
        logger.info("%s (%s) %s: %d article capture(s)", target.site, source.name, window.key, len(found))


def _fetch_one(index: CrawlStore, ledger: ArchiveLedger, target: Target, source, client: PoliteClient,
               listed: ListedCapture, report: SiteReport) -> str:
    capture = Capture(url=listed.url, timestamp=listed.timestamp, digest=listed.digest, filename=listed.filename,
                      offset=listed.offset, length=listed.length)
    try:
        fetched = source.fetch(client, capture)
    except CaptureMissing as exc:
        ledger.failed(listed.id, source.archived_url(capture), _now(), str(exc))
        report.count("failed")
        logger.info("%s: %s", source.archived_url(capture), exc)
        return "failed"
    with index.transaction():  # the page and the mark that it was fetched, together
        outcome, digest = store_capture(index, canonical(capture.url), fetched.body, fetched.headers,
                                        capture.captured_at, target.store_as)
        ledger.fetched(listed.id, fetched.archived_url, _now(), canonical(capture.url), digest)
    report.count("fetched")
    report.count("new" if outcome == "stored" else "unchanged")
    return "new" if outcome == "stored" else "unchanged"


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


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
