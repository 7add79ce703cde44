"""The crawl frontier: url_state, one row per URL a crawl has seen (when, its last fetch, ETag and
Last-Modified, failures and next retry), and the rule of which article URLs are still to fetch.

Written by the crawler (the single writer during a crawl). Times are ISO 8601 UTC strings of one
format, so they compare as text.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Iterable, Iterator, Mapping

from data.store import Store, upsert_row

CHUNK = 500  # URLs per query when rows are asked for by URL


def is_pending(row: Mapping, now: str | None = None) -> bool:
    """Whether url_state ``row`` is an article still to fetch: seen but never fetched, or failed and
    due a retry at ``now`` (with ``now`` None: failed, whenever due). Also the SQL function
    ``url_pending`` that Frontier.pending_urls selects with."""
    return _pending(row.get("kind"), row.get("status"), row.get("last_fetched"), row.get("next_retry"), now)


def _pending(kind: str | None, status: str | None, last_fetched: str | None, next_retry: str | None,
             now: str | None) -> bool:
    if kind != "article":
        return False
    if status == "new" and last_fetched is None:
        return True
    return status == "failed" and (now is None or (next_retry or "") <= now)


class Frontier(Store):
    """The url_state table: what the crawl has seen and fetched of every URL."""

    def url_state(self, url: str) -> dict | None:
        """The url_state row of ``url`` (canonical form), or None if never seen."""
        return next(self.db.query("select * from url_state where url = ?", [url]), None)

    def url_states(self, urls: Iterable[str] | None = None) -> Iterator[dict]:
        """url_state rows, streamed: every row, or those of ``urls`` (URLs never seen left out)."""
        if urls is None:
            yield from self.db.query("select * from url_state")
            return
        urls = list(urls)
        for start in range(0, len(urls), CHUNK):
            chunk = urls[start:start + CHUNK]
            yield from self.db.query(f"select * from url_state where url in ({', '.join('?' * len(chunk))})", chunk)

    def known_article_urls(self, site: str) -> set[str]:
        """Article URLs of ``site`` fetched at least once."""
        rows = self.db.execute("select url from url_state where site = ? and kind = 'article' "
                               "and last_fetched is not null", [site]).fetchall()
        return {url for (url,) in rows}

    def pending_urls(self, site: str, now: str) -> list[str]:
        """Article URLs of ``site`` still to fetch (see is_pending), first seen first."""
        self.db.register_function(_pending, deterministic=True, name="url_pending")
        rows = self.db.execute("select url from url_state where site = ? and "
                               "url_pending(kind, status, last_fetched, next_retry, ?) order by first_seen",
                               [site, now]).fetchall()
        return [url for (url,) in rows]

    def first_non_article(self) -> dict | None:
        """The url_state row of the first URL seen that is not an article (a crawl's first start
        page), or None."""
        return next(self.db.query("select * from url_state where kind != 'article' order by first_seen limit 1"),
                    None)

    def article_with_reason(self) -> dict | None:
        """The url_state row of an article with a reason recorded (failed, blocked, redirected), or None."""
        return next(self.db.query("select * from url_state where kind = 'article' and reason is not null limit 1"),
                    None)

    def note_urls(self, urls: Iterable[str], site: str, kind: str, at: str) -> None:
        """Record that ``urls`` were seen (listed in a feed, sitemap or page) at ``at``."""
        status = "attachment" if kind == "attachment" else "new"
        with self.transaction():
            self.db.conn.executemany(
                "insert into url_state (url, site, kind, first_seen, last_seen, status, failures) "
                "values (?, ?, ?, ?, ?, ?, 0) on conflict(url) do update set last_seen = excluded.last_seen",
                [(url, site, kind, at, at, status) for url in urls])

    def record_fetch(self, url: str, site: str, *, kind: str, at: str, http_status: int = 200,
                     etag: str | None = None, last_modified: str | None = None,
                     text_hash: str | None = None) -> str:
        """Record a successful fetch; return 'new', 'changed' or 'unchanged' (by text hash)
        for an article, 'fetched' for anything else. Clears failures."""
        prev = self.url_state(url)
        if kind != "article" or text_hash is None:
            outcome = "fetched"
        elif prev is None or not prev["text_hash"]:
            outcome = "new"
        else:
            outcome = "unchanged" if prev["text_hash"] == text_hash else "changed"
        row = {"url": url, "site": site, "kind": kind, "first_seen": prev["first_seen"] if prev else at,
               "last_seen": at, "last_fetched": at, "etag": etag, "last_modified": last_modified,
               "http_status": http_status, "status": "ok", "text_hash": text_hash, "failures": 0,
               "next_retry": None, "reason": None}
        with self.transaction():
            upsert_row(self.db, "url_state", row, "url")
        return outcome

    def record_not_modified(self, url: str, site: str, at: str) -> None:
        """A conditional request came back 304: the stored copy is current."""
        with self.transaction():
            self.db.execute("update url_state set last_seen = ?, last_fetched = ?, http_status = 304, "
                            "status = 'ok', failures = 0, next_retry = null, reason = null where url = ?",
                            [at, at, url])

    def record_failure(self, url: str, site: str, reason: str, at: str, *, kind: str = "article",
                       http_status: int | None = None, retry_after: float | None = None,
                       max_failures: int = 5, backoff_hours: float = 12.0) -> str:
        """Record a failed fetch; return 'failed' (retried from ``next_retry``: ``backoff_hours``
        doubling per failure, at least ``retry_after`` seconds) or 'gone' (given up after
        ``max_failures`` failures, or at once on HTTP 410)."""
        prev = self.url_state(url)
        failures = (prev["failures"] or 0) + 1 if prev else 1
        row = {"url": url, "site": site, "kind": prev["kind"] if prev else kind,
               "first_seen": prev["first_seen"] if prev else at, "last_seen": at, "failures": failures,
               "http_status": http_status}
        if failures >= max_failures or http_status == 410:
            row.update(status="gone", next_retry=None, reason=f"gave up after {failures} failure(s): {reason}")
        else:
            wait = max(backoff_hours * 3600 * 2 ** (failures - 1), retry_after or 0)
            retry_at = datetime.fromisoformat(at) + timedelta(seconds=wait)
            row.update(status="failed", reason=reason, next_retry=retry_at.isoformat(timespec="seconds"))
        with self.transaction():
            upsert_row(self.db, "url_state", row, "url")
        return row["status"]

    def mark_url(self, url: str, site: str, status: str, reason: str | None, at: str, *,
                 kind: str = "article") -> None:
        """Set the status of ``url`` without counting a failure ('blocked' by robots.txt,
        'redirected' to another URL, 'attachment' served where an article was expected)."""
        prev = self.url_state(url)
        with self.transaction():
            upsert_row(self.db, "url_state", {"url": url, "site": site, "kind": prev["kind"] if prev else kind,
                                              "first_seen": prev["first_seen"] if prev else at, "last_seen": at,
                                              "status": status, "reason": reason}, "url")
