"""CDX listings: the captures an archive holds for a site, in the two dialects the archives speak.

The Wayback Machine's CDX server answers ``output=json`` with one JSON array whose first row
names the fields (``original``, ``mimetype``, ``statuscode``...); pywb and Common Crawl's index
server answer with one JSON object per line (``url``, ``mime``, ``status``...). Both become
``Capture``s here. A listing is asked for one window (a year, or one Common Crawl crawl) at a
time, so that a killed backfill resumes at the first window not yet listed.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone
from urllib.parse import urlencode

FIELD_ALIASES = {"original": "url", "mimetype": "mime", "statuscode": "status"}
TIMESTAMP = "%Y%m%d%H%M%S"


class ArchiveError(Exception):
    """An archive answered with something that is not a CDX listing or a capture."""


@dataclass(frozen=True)
class Capture:
    """One archived response: the original URL, when it was captured (14 digits, UTC), and where
    the archive keeps it (a WARC file, byte offset and length, for Common Crawl)."""
    url: str
    timestamp: str
    status: str = ""
    mime: str = ""
    digest: str = ""
    filename: str = ""
    offset: int | None = None
    length: int | None = None

    @property
    def captured_at(self) -> str:
        """The capture time as the index writes fetch times (ISO 8601, UTC, seconds)."""
        moment = datetime.strptime(self.timestamp[:14].ljust(14, "0"), TIMESTAMP).replace(tzinfo=timezone.utc)
        return moment.isoformat(timespec="seconds")

    @property
    def is_html_page(self) -> bool:
        """An HTTP 200 HTML response (a revisit, redirect or image is not a page to extract)."""
        return self.status == "200" and (not self.mime or "html" in self.mime.lower())


def parse_listing(body: bytes) -> list[Capture]:
    """The captures in a CDX answer of either dialect (an empty answer is no captures)."""
    text = body.decode("utf-8", "replace").strip()
    if not text:
        return []
    try:
        if text.startswith("["):
            rows = json.loads(text)
            if not rows:
                return []
            header = [FIELD_ALIASES.get(name, name) for name in rows[0]]
            records = [dict(zip(header, row)) for row in rows[1:]]
        else:
            records = [json.loads(line) for line in text.splitlines() if line.strip()]
    except (json.JSONDecodeError, TypeError) as exc:
        raise ArchiveError(f"not a CDX listing in JSON ({exc})") from None
    return [_capture(record) for record in records]


def _capture(record: dict) -> Capture:
    record = {FIELD_ALIASES.get(key, key): value for key, value in record.items()}
    if not record.get("url") or not str(record.get("timestamp", "")).isdigit():
        raise ArchiveError(f"a CDX line without url or timestamp: {json.dumps(record)[:200]}")

    def number(name: str) -> int | None:
        value = str(record.get(name, ""))
        return int(value) if value.isdigit() else None

    return Capture(url=record["url"], timestamp=str(record["timestamp"]), status=str(record.get("status", "")),
                   mime=str(record.get("mime", "")), digest=str(record.get("digest", "")),
                   filename=str(record.get("filename", "")), offset=number("offset"), length=number("length"))


def listing_query(endpoint: str, domain: str, start: str, end: str, limit: int) -> str:
    """The CDX query for every capture of ``domain`` and its subdomains (of that host alone when
    it is an address or has a port) from ``start`` to ``end`` (timestamp prefixes, inclusive),
    successful HTML responses only where the server filters."""
    one_host = ":" in domain or domain.replace(".", "").isdigit()
    params = [("url", domain), ("matchType", "host" if one_host else "domain"), ("output", "json"),
              ("from", start), ("to", end),
              ("filter", "statuscode:200"), ("filter", "mimetype:text/html"), ("limit", str(limit))]
    return f"{endpoint}?{urlencode(params)}"
