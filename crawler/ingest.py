"""Ingest saved pages: HTML files, folders of them, and WARC archives, into the index as raw pages.

Each page goes through the crawler's own path (``crawler.pipelines.record_item``): url_state records
the fetch (so a later crawl knows the URL, its ETag and Last-Modified) and the body is stored as a
pending raw page, to be extracted, tagged and indexed like a crawled one. A page of more than
MAX_PAGE_BYTES (the crawler's cap) is left out after reading that much of it: memory stays bounded
whatever the input holds.
"""
from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Iterable, Iterator
from urllib.parse import urlsplit

from parsel import Selector

from crawler.discovery import page_text_hash
from crawler.items import FetchedItem
from crawler.interrupts import current
from crawler.progress import Progress
from crawler.options import CrawlOptions
from crawler.pipelines import record_item
from crawler.sites import REGISTRY, SiteProfile, get_profile, sample_profiles
from crawler.state import CrawlStore
from crawler.urls import canonical, is_web
from data.clock import iso, utcnow
from extract import ExtractionError, read_page
from extract.encoding import decode_html

logger = logging.getLogger(__name__)

HTML_SUFFIXES = (".html", ".htm")
WARC_SUFFIXES = (".warc", ".warc.gz")
LOOPBACK_HOSTS = ("127.0.0.1", "localhost")
DECODED_HEADERS = ("content-encoding", "transfer-encoding", "content-length")  # the stored body is decoded
CLOCK_SKEW = timedelta(days=1)  # a capture dated at most this far ahead of the ingest is taken as dated


class IngestError(ValueError):
    """An input cannot be read (missing, not HTML or WARC, corrupt); nothing of it was stored."""


@dataclass
class IngestReport:
    """What an ingest did. ``read`` counts HTML files and WARC response records; each of them is
    ``stored``, ``skipped`` (the index already holds this page, or a newer fetch of its URL),
    ``not_html`` (not an HTTP 200 HTML response) or ``too_large`` (more than MAX_PAGE_BYTES, logged
    with its URL). ``redated``: pages whose capture date lay in the future, stored as captured at
    the ingest time. ``errors``: one line per input left out."""
    read: int = 0
    stored: int = 0
    skipped: int = 0
    not_html: int = 0
    redated: int = 0
    too_large: int = 0
    errors: list[str] = field(default_factory=list)


@dataclass
class _Page:
    url: str
    body: bytes
    fetched_at: str
    headers: dict


def ingest(index: CrawlStore, paths: Iterable[str | Path], site: str | None = None) -> IngestReport:
    """Store the pages of ``paths`` (HTML files, folders searched recursively for *.html, *.htm,
    *.warc and *.warc.gz, WARC files) as pending raw pages of site ``site`` (default: the profile
    owning the URL, else its host). Each input file is one transaction: a corrupt one is
    reported in ``errors`` and leaves nothing behind. A capture date later than now (beyond
    CLOCK_SKEW) would outrank every later capture of the URL: the ingest time replaces it."""
    report, stop = IngestReport(), current()
    now = utcnow()
    inputs = find_inputs(paths)  # all checked before anything is stored
    progress = Progress("ingest", total=len(inputs), unit="file")
    for path in inputs:
        if stop.requested:  # a signal: the files stored so far stay
            break
        progress.advance(note=str(path))
        counts = IngestReport()
        try:
            with index.transaction():
                for page in _pages(path, counts):
                    _store(index, _dated(page, now, counts), site, counts, now)
        except IngestError as exc:
            report.errors.append(f"{path}: {exc}")
            logger.warning("%s: %s", path, exc)
            continue
        for name in ("read", "stored", "skipped", "not_html", "redated", "too_large"):
            setattr(report, name, getattr(report, name) + getattr(counts, name))
    progress.close()
    return report


def find_inputs(paths: Iterable[str | Path]) -> list[Path]:
    """The files ``ingest`` reads for ``paths``; IngestError when a path is missing or of another kind."""
    found = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and _kind(p))
        elif not path.exists():
            raise IngestError(f"{path}: no such file or folder")
        elif not _kind(path):
            raise IngestError(f"{path}: not an HTML (.html, .htm) or WARC (.warc, .warc.gz) file")
        else:
            found.append(path)
    return found


def _kind(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    return "html" if name.endswith(HTML_SUFFIXES) else None


def _pages(path: Path, counts: IngestReport) -> Iterator[_Page]:
    if _kind(path) == "warc":
        yield from _warc_pages(path, counts)
        return
    counts.read += 1
    try:
        with path.open("rb") as stream:
            body = read_page(stream)
        mtime = path.stat().st_mtime
    except OSError as exc:
        raise IngestError(exc.strerror) from None
    except ExtractionError as exc:
        _left_out(counts, str(path), exc)
        return
    yield _Page(url=_html_url(body, path), body=body, headers={"Content-Type": "text/html"},
                fetched_at=iso(datetime.fromtimestamp(int(mtime), timezone.utc)))


def _html_url(body: bytes, path: Path) -> str:
    """The page's own address (<link rel=canonical>, else og:url), else the file's URI."""
    page = Selector(text=decode_html(body))
    for href in (page.xpath("//link[contains(concat(' ', normalize-space(@rel), ' '), ' canonical ')]/@href")
                 .get(), page.xpath("//meta[@property='og:url']/@content").get()):
        if href and is_web(href.strip()):
            return canonical(href.strip())
    return path.resolve().as_uri()


def _warc_pages(path: Path, counts: IngestReport) -> Iterator[_Page]:
    """The HTTP 200 HTML responses of a WARC file. Only their bodies are read, up to the page cap;
    the rest of every record is skipped in warcio's small chunks. warcio stops quietly at a
    truncated record or member and only warns (on stderr) about a wrong Content-Length, so every
    record's length and the file's end are checked here."""
    from crawler.warc import ArchiveLoadFailed, WARCIterator

    class StrictIterator(WARCIterator):
        INC_RECORD = ""  # counted in err_count and reported below, not printed

    try:
        with path.open("rb") as stream:
            records = StrictIterator(stream)
            for record in records:
                body = too_large = None
                if record.rec_type == "response":
                    counts.read += 1
                    try:
                        body = _html_body(record)
                    except ExtractionError as exc:
                        too_large = exc
                records.read_to_end(record)
                _check_complete(record, records)
                if record.rec_type != "response":
                    continue
                uri = (record.rec_headers.get_header("WARC-Target-URI") or "").strip("<> ")
                if too_large:
                    _left_out(counts, uri, too_large)
                    continue
                if body is None:
                    counts.not_html += 1
                    continue
                if not is_web(uri):
                    raise IngestError(f"a response record without an http(s) WARC-Target-URI ({uri or 'none'})")
                headers = {}
                for name, value in record.http_headers.headers:  # repeated ones joined, as the crawler does
                    if name.lower() not in DECODED_HEADERS:
                        headers[name] = f"{headers[name]}, {value}" if name in headers else value
                yield _Page(url=canonical(uri), body=body, headers=headers,
                            fetched_at=_warc_date(record.rec_headers.get_header("WARC-Date")))
            stream.seek(records.offset)
            if stream.read(4096).strip():
                raise IngestError(f"corrupt or truncated after byte {records.offset}")
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
        if isinstance(exc, IngestError):
            raise
        lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
        reason = getattr(exc, "strerror", None) or (lines or [type(exc).__name__])[0]
        if "non-chunked gzip" in reason:
            reason = "gzipped as one stream, not record by record: `warcio recompress` it first"
        raise IngestError(f"not a readable WARC file ({reason})") from None


def _check_complete(record, records) -> None:
    uri = record.rec_headers.get_header("WARC-Target-URI") or record.rec_type
    if record.raw_stream.limit:
        raise IngestError(f"truncated record ({uri}: {record.raw_stream.limit} byte(s) missing)")
    if records.err_count:
        raise IngestError(f"a record before byte {records.offset} does not match its Content-Length")


def _html_body(record) -> bytes | None:
    """The body of an HTTP 200 HTML response record (read_page: at most the page cap is read);
    None for any other response, whose body is not read."""
    http = record.http_headers
    if http is None or http.get_statuscode() != "200":
        return None
    content_type = http.get_header("Content-Type", "")
    if content_type and "html" not in content_type.lower():
        return None
    body = read_page(record.content_stream())
    if content_type or body[:1024].lstrip().lower().startswith((b"<!doctype html", b"<html")):
        return body
    return None


def _left_out(counts: IngestReport, where: str, reason: ExtractionError) -> None:
    counts.too_large += 1
    logger.warning("%s left out: %s", where, reason)


def _warc_date(value: str | None) -> str:
    try:
        moment = datetime.fromisoformat((value or "").replace("Z", "+00:00"))
    except ValueError:
        raise IngestError(f"bad WARC-Date {value!r}") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return iso(moment.astimezone(timezone.utc).replace(microsecond=0))


def _in_future(moment: str, now: datetime) -> bool:
    return moment > iso(now + CLOCK_SKEW)


def _dated(page: _Page, now: datetime, counts: IngestReport) -> _Page:
    """``page``, dated ``now`` instead when its capture date is in the future."""
    if not _in_future(page.fetched_at, now):
        return page
    logger.warning("%s: capture date %s is in the future; stored as captured at %s", page.url, page.fetched_at,
                   iso(now))
    counts.redated += 1
    return replace(page, fetched_at=iso(now))



def site_for(url: str, site: str | None = None) -> tuple[str, SiteProfile | None]:
    """The site a page is stored under, and its profile when one is known: ``site`` if given, else
    the registry profile owning the URL (the bundled sample portal's on a loopback host), else
    the URL's host ("local" for files)."""
    if site:
        return site, _profile(site)
    candidates = list(REGISTRY)
    parts = urlsplit(url)
    if parts.hostname in LOOPBACK_HOSTS:
        candidates += sample_profiles(f"{parts.scheme}://{parts.netloc}")
    for whole_host in (False, True):
        for profile in candidates:
            if profile.owns(url, whole_host=whole_host):
                return profile.name, profile
    host = (parts.hostname or "").removeprefix("www.")
    return (host + (f"-{parts.port}" if parts.port else "") if host else "local"), None


def _profile(name: str) -> SiteProfile | None:
    try:
        return get_profile(name)
    except KeyError:
        return None


def _store(index: CrawlStore, page: _Page, site: str | None, counts: IngestReport, now: datetime) -> None:
    """Store one page as the crawler would, unless the index already has it or a newer fetch (a
    fetch stored with a future date, by an older vnportal, is not newer)."""
    name, profile = site_for(page.url, site)
    state = index.url_state(page.url)
    last = state["last_fetched"] if state else None
    if last and page.fetched_at <= last and not _in_future(last, now):
        counts.skipped += 1  # an older (or the same) capture would roll the article back
        return
    if index.has_page(page.url, page.body):
        counts.skipped += 1
        return
    if profile is not None:
        index.upsert_source(profile.to_dict())
    selector = profile.selectors.body if profile else None
    item = FetchedItem(url=page.url, site=name, kind="article", fetched_at=page.fetched_at,
                       etag=_header(page.headers, "ETag"), last_modified=_header(page.headers, "Last-Modified"),
                       text_hash=page_text_hash(page.body, page.headers, selector), body=page.body, headers=page.headers)
    outcome = record_item(index, item, CrawlOptions())
    if outcome and outcome[0] in ("new", "changed"):
        counts.stored += 1
    else:
        counts.skipped += 1  # the same text as the stored copy


def store_capture(index: CrawlStore, url: str, body: bytes, headers: dict, captured_at: str,
                  site: str | None = None) -> tuple[str, str]:
    """Store one response captured elsewhere (a web archive's) as ``ingest`` stores a page: return
    'stored' or 'skipped' (the index has this text, or a newer capture of the URL), and the body's
    sha256 that names the raw page."""
    counts = IngestReport()
    _store(index, _Page(url=url, body=body, fetched_at=captured_at, headers=headers), site, counts,
           utcnow())
    return ("stored" if counts.stored else "skipped"), hashlib.sha256(body).hexdigest()


def _header(headers: dict, name: str) -> str | None:
    return next((value for key, value in headers.items() if key.lower() == name.lower()), None)

