"""The archives a backfill reads: a Wayback-style archive (the Internet Archive, or any pywb) and
Common Crawl. Each says which windows of time it lists separately, lists one window, and fetches
one capture as it was served (raw, never rewritten)."""
from __future__ import annotations

import io
import json
import logging
from dataclasses import dataclass
from datetime import date

from crawler.archives.cdx import ArchiveError, Capture, listing_query, parse_listing
from crawler.fetch import TooLarge
from crawler.polite import PoliteClient
from extract import ExtractionError, read_page

logger = logging.getLogger(__name__)

WAYBACK_CDX = "https://web.archive.org/cdx/search/cdx"
WAYBACK_REPLAY = "https://web.archive.org/web/"
COMMONCRAWL_INDEXES = "https://index.commoncrawl.org/collinfo.json"
COMMONCRAWL_DATA = "https://data.commoncrawl.org/"
WINDOW_LIMIT = 50_000  # captures asked for per window; a full answer is split into smaller windows
LISTING_BYTES = 64 * 1024 * 1024  # a CDX answer of one window; pages keep the crawler's cap


@dataclass(frozen=True)
class Window:
    """A stretch of time listed in one CDX query: ``key`` names it in the ledger."""
    key: str
    start: str  # timestamp prefix, inclusive
    end: str
    endpoint: str

    def months(self) -> list["Window"]:
        """A year window as its twelve months."""
        return [Window(f"{self.key}-{m:02d}", f"{self.key}{m:02d}", f"{self.key}{m:02d}", self.endpoint)
                for m in range(1, 13)]


@dataclass(frozen=True)
class Fetched:
    body: bytes
    headers: dict[str, str]
    archived_url: str


class CaptureMissing(Exception):
    """The archive has no usable copy of a listed capture (its reason says why)."""


class Wayback:
    """A Wayback-style archive: a CDX server and a replay prefix serving ``{timestamp}id_/{url}``."""
    name = "wayback"

    def __init__(self, cdx_url: str = WAYBACK_CDX, replay_url: str = WAYBACK_REPLAY):
        self.cdx_url = cdx_url
        self.replay_url = replay_url.rstrip("/") + "/"

    def endpoints(self) -> list[str]:
        return [self.cdx_url, self.replay_url]

    def windows(self, client: PoliteClient, start: date, end: date) -> list[Window]:
        return [Window(str(year), str(year), str(year), self.cdx_url) for year in range(start.year, end.year + 1)]

    def list(self, client: PoliteClient, domain: str, window: Window) -> list[Capture]:
        captures = _listing(client, window, domain)
        if len(captures) >= WINDOW_LIMIT and len(window.key) == 4:
            logger.info("%s %s: %d captures or more; listing it month by month", domain, window.key, len(captures))
            return [capture for month in window.months() for capture in self.list(client, domain, month)]
        if len(captures) >= WINDOW_LIMIT:
            logger.warning("%s %s: only the first %d captures are listed", domain, window.key, WINDOW_LIMIT)
        return captures

    def archived_url(self, capture: Capture) -> str:
        return f"{self.replay_url}{capture.timestamp}id_/{capture.url}"

    def fetch(self, client: PoliteClient, capture: Capture) -> Fetched:
        url = self.archived_url(capture)
        try:
            answer = client.get(url)
        except TooLarge as exc:
            raise CaptureMissing(str(exc)) from None
        if answer.status != 200:
            raise CaptureMissing(f"HTTP {answer.status} from the archive")
        headers = {name: value for name, value in answer.headers.items()
                   if name.lower() in ("content-type", "etag", "last-modified")}
        return Fetched(answer.body, headers, url)


class CommonCrawl:
    """Common Crawl: one CDX index per crawl (listed in collinfo.json); each capture is one gzipped
    WARC record, read by its byte range from the data server."""
    name = "commoncrawl"

    def __init__(self, indexes_url: str = COMMONCRAWL_INDEXES, data_url: str = COMMONCRAWL_DATA):
        self.indexes_url = indexes_url
        self.data_url = data_url.rstrip("/") + "/"

    def endpoints(self) -> list[str]:
        return [self.indexes_url, self.data_url]

    def windows(self, client: PoliteClient, start: date, end: date) -> list[Window]:
        answer = client.get(self.indexes_url, cap=LISTING_BYTES)
        if answer.status != 200:
            raise ArchiveError(f"{self.indexes_url}: HTTP {answer.status}")
        try:
            crawls = json.loads(answer.body)
            windows = []
            for crawl in crawls:
                first, last = crawl.get("from", "")[:10], crawl.get("to", "")[:10]
                if first and last and date.fromisoformat(first) <= end and date.fromisoformat(last) >= start:
                    windows.append(Window(crawl["id"], start.strftime("%Y%m%d"), end.strftime("%Y%m%d"),
                                          crawl["cdx-api"]))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ArchiveError(f"{self.indexes_url}: not a Common Crawl collection list ({exc})") from None
        return sorted(windows, key=lambda window: window.key)

    def list(self, client: PoliteClient, domain: str, window: Window) -> list[Capture]:
        captures = _listing(client, window, domain)
        if len(captures) >= WINDOW_LIMIT:
            logger.warning("%s %s: only the first %d captures are listed", domain, window.key, WINDOW_LIMIT)
        return captures

    def archived_url(self, capture: Capture) -> str:
        return f"{self.data_url}{capture.filename}"

    def fetch(self, client: PoliteClient, capture: Capture) -> Fetched:
        from crawler.warc import ArchiveIterator, ArchiveLoadFailed

        if not capture.filename or capture.offset is None or not capture.length:
            raise CaptureMissing("the index gives no WARC file and byte range")
        url = self.archived_url(capture)
        last = capture.offset + capture.length - 1
        try:
            answer = client.get(url, headers={"Range": f"bytes={capture.offset}-{last}"})
        except TooLarge as exc:
            raise CaptureMissing(str(exc)) from None
        if answer.status != 206 or len(answer.body) != capture.length:
            raise CaptureMissing(f"HTTP {answer.status} ({len(answer.body)} bytes) for bytes "
                                 f"{capture.offset}-{last} of the WARC file")
        try:
            for record in ArchiveIterator(io.BytesIO(answer.body)):
                if record.rec_type == "response" and record.http_headers is not None:
                    headers = {name: value for name, value in record.http_headers.headers
                               if name.lower() in ("content-type", "etag", "last-modified")}
                    return Fetched(read_page(record.content_stream()), headers, f"{url}#{capture.offset}")
        except ExtractionError as exc:
            raise CaptureMissing(str(exc)) from None
        except (ArchiveLoadFailed, OSError, ValueError) as exc:
            raise CaptureMissing(f"not a WARC record at that range ({exc})") from None
        raise CaptureMissing("no response record at that range")


def _listing(client: PoliteClient, window: Window, domain: str) -> list[Capture]:
    answer = client.get(listing_query(window.endpoint, domain, window.start, window.end, WINDOW_LIMIT),
                        cap=LISTING_BYTES)
    if answer.status == 404 and b"No Captures found" in answer.body:  # Common Crawl's index for "none"
        return []
    if answer.status != 200:
        raise ArchiveError(f"{window.endpoint}: HTTP {answer.status} for the listing of {domain} in {window.key}")
    return parse_listing(answer.body)
