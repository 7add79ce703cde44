"""Index: the one SQLite file that holds raw pages, crawl state, articles and tags."""
from __future__ import annotations

import gzip
import hashlib
import json
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Iterable, Iterator

import sqlite_utils

from data.entities import Directive, Official, SiteStats, directives, officials, site_stats
from data.export import export_rows
from data.database import open_database, write_transaction
from data.reprocess import requeue_pages
from data.query import FTS_TABLES
from data.search import SearchHit, count_matches, note_spellings, search, store_search_text
from data.tags import replace_tags, tags_dict, tags_hash
from data.views import dates, statistics
from extract import MAX_PAGE_BYTES

# Fields whose change is a change of the article; raw_page_id, extractor_version and last_seen
# are bookkeeping, updated silently.
_CONTENT_FIELDS = ("site", "title", "published", "author", "lead", "text_hash", "captions", "attachments",
                   "language", "tags_hash")


@dataclass
class FetchedPage:
    """One HTTP response as the crawler received it."""
    url: str
    site: str
    body: bytes
    fetched_at: str  # ISO 8601 UTC
    status: int = 200
    headers: dict = field(default_factory=dict)
    id: int | None = None  # raw_pages.id once stored


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _insert(db: sqlite_utils.Database, table: str, row: dict) -> int:
    """Insert ``row`` into ``table`` (a fixed table name, never user text); return its rowid.
    Plain SQL on the processing path: sqlite-utils' insert reads the schema on every call."""
    columns = ", ".join(f"[{name}]" for name in row)
    return db.execute(f"INSERT INTO [{table}] ({columns}) VALUES ({', '.join('?' * len(row))})",
                      list(row.values())).lastrowid


def _gunzip_page(data: bytes) -> bytes:
    """A stored page unpacked, but never past MAX_PAGE_BYTES + 1 bytes (an index written before the
    cap may hold bigger pages): extraction then rejects it as too large without it filling memory."""
    return zlib.decompressobj(wbits=31).decompress(data, MAX_PAGE_BYTES + 1)


def _year(published: str | None) -> int | None:
    return int(published[:4]) if published and published[:4].isdigit() else None


class Index:
    """Open the index at ``path``: for writing (created and migrated as needed), or with
    ``read_only`` for reading alone. Raises data.database.IndexUnusable for a file that is not
    (and cannot become) a usable index, having written nothing to it."""

    def __init__(self, path: str | Path, *, read_only: bool = False):
        self.path = str(path)
        self.db = open_database(self.path, write=not read_only)

    def close(self) -> None:
        self.db.close()

    def transaction(self):
        """A context manager: the writes made inside are committed together, or not at all
        (an error rolls them back; a kill leaves none of them). Takes the write lock at once;
        nests (as a savepoint)."""
        return write_transaction(self.db)

    # -- raw pages -----------------------------------------------------------------
    def store_page(self, page: FetchedPage) -> int:
        """Keep the raw response (gzip) and queue it for extraction; return its id.

        The crawl stores a page in the transaction that records its fetch in url_state, so a page
        is kept once per recorded fetch: one fetched but not recorded before a kill is fetched
        again and kept once. raw_pages holds a URL twice only when a later fetch found its text
        changed (an unchanged re-fetch is not kept)."""
        with self.transaction():
            page.id = self.db["raw_pages"].insert({
                "url": page.url, "site": page.site, "fetched_at": page.fetched_at,
                "http_status": page.status, "headers": json.dumps(page.headers, ensure_ascii=False),
                "html_gz": gzip.compress(page.body), "body_sha256": hashlib.sha256(page.body).hexdigest(),
                "process_status": "pending"}).last_pk
        return page.id

    def pending_pages(self) -> Iterator[FetchedPage]:
        """Raw pages not yet extracted, oldest first."""
        rows = self.db.execute(
            "select id from raw_pages where process_status = 'pending' order by id").fetchall()
        for (page_id,) in rows:
            yield self.raw_page(page_id)

    def raw_page(self, page_id: int) -> FetchedPage:
        url, site, html_gz, fetched_at, status, headers = self.db.execute(
            "SELECT url, site, html_gz, fetched_at, http_status, headers FROM raw_pages WHERE id = ?",
            [page_id]).fetchone()
        return FetchedPage(url=url, site=site, body=_gunzip_page(html_gz), fetched_at=fetched_at, status=status,
                           headers=json.loads(headers or "{}"), id=page_id)

    def mark_page(self, page_id: int, status: str, reason: str | None, at: str) -> None:
        """Record what processing made of a raw page: indexed, unchanged, rejected or failed."""
        with self.transaction():
            self.db.execute("UPDATE raw_pages SET process_status = ?, reason = ?, processed_at = ? WHERE id = ?",
                            [status, reason, at, page_id])

    # -- articles --------------------------------------------------------------------
    def add_article(self, page: FetchedPage, article, tags) -> str:
        """Index ``article`` (from ``page``) with its ``tags``; return 'new', 'changed' or 'unchanged'.

        A changed title or text becomes a new revision (the previous one stays in ``revisions``);
        other changed fields and changed tags are updated in place and also count as 'changed'.
        Indexing the same article with the same tags again changes nothing.
        """
        digest = text_hash(article.text)
        tags = tags_dict(tags)  # once: Tags.to_dict() copies every tag, and both uses below need it
        existing = next(self.db.query("SELECT * FROM articles WHERE url = ?", [article.url]), None)
        row = {"url": article.url, "site": page.site, "title": article.title,
               "published": article.published, "author": article.author, "lead": article.lead,
               "text": article.text, "captions": json.dumps(article.captions, ensure_ascii=False),
               "attachments": json.dumps(article.attachments, ensure_ascii=False),
               "language": article.language, "text_hash": digest,
               "extractor_version": article.extractor_version, "raw_page_id": page.id,
               "last_seen": page.fetched_at, "published_year": _year(article.published),
               "tags_hash": tags_hash(tags)}
        with self.transaction():
            if existing is None:
                row.update(first_seen=page.fetched_at, revision=1)
                article_id = _insert(self.db, "articles", row)
                outcome, changed = "new", set(_CONTENT_FIELDS)
            else:
                article_id = existing["id"]
                changed = {name for name in _CONTENT_FIELDS if existing[name] != row[name]}
                row["revision"] = existing["revision"] + bool(changed & {"title", "text_hash"})
                row["last_seen"] = max(existing["last_seen"] or "", page.fetched_at)
                update = {name: value for name, value in row.items() if existing[name] != value}
                if update:
                    self.db.execute(f"UPDATE articles SET {', '.join(f'[{name}] = ?' for name in update)} "
                                    "WHERE id = ?", [*update.values(), article_id])
                outcome = "changed" if changed else "unchanged"
            if changed & {"title", "text_hash"}:
                _insert(self.db, "revisions", {"article_id": article_id, "revision": row["revision"],
                                               "fetched_at": page.fetched_at, "raw_page_id": page.id,
                                               "title": article.title, "text": article.text, "text_hash": digest})
            if changed & {"title", "lead", "text_hash"}:
                note_spellings(self.db, *store_search_text(self.db, article_id, article.title, article.lead,
                                                           article.text))
            if changed & {"tags_hash", "published"}:
                self._replace_tags(article_id, tags)
        return outcome

    def _replace_tags(self, article_id: int, tags) -> None:
        """Replace the article's tag rows; keep people, positions and directives consistent."""
        replace_tags(self.db, article_id, tags)

    def requeue_pages(self, since_version: str | None = None) -> int:
        """Queue raw pages for extraction again (those behind articles older than ``since_version``,
        or the latest page of every URL); return how many."""
        return requeue_pages(self.db, since_version)

    # -- queries -----------------------------------------------------------------------
    def search(self, query: str, mode: str = "as-typed", site: str | None = None,
               since: str | None = None, until: str | None = None, official: str | None = None,
               directive: str | None = None, limit: int = 20, rank_all: bool = False) -> list[SearchHit]:
        """Articles matching ``query`` (words, or FTS5 syntax), best first; see data.query and data.search."""
        return search(self.db, query, mode=mode, site=site, since=since, until=until, official=official,
                      directive=directive, limit=limit, rank_all=rank_all)

    def count_matches(self, query: str, mode: str = "as-typed", site: str | None = None,
                      since: str | None = None, until: str | None = None, official: str | None = None,
                      directive: str | None = None) -> tuple[int, bool]:
        """How many articles match (counted up to data.search.COUNT_MOST), and whether that is all."""
        return count_matches(self.db, query, mode=mode, site=site, since=since, until=until, official=official,
                             directive=directive)

    def optimize_search(self) -> None:
        """Merge each full-text index into one segment: each query term is then one lookup, not
        one per segment (after a nightly run; about 15 s per table at a million articles)."""
        with self.transaction():
            for table in FTS_TABLES.values():
                self.db.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")

    def officials(self, name: str | None = None, site: str | None = None, since: str | None = None,
                  until: str | None = None) -> list[Official]:
        """People mentioned, with positions, article count and first/last seen; see data.entities."""
        return officials(self.db, name=name, site=site, since=since, until=until)

    def directives(self, key: str | None = None, type: str | None = None, issuer: str | None = None,
                   site: str | None = None, since: str | None = None, until: str | None = None) -> list[Directive]:
        """Cited documents with article count and first/last cited; see data.entities."""
        return directives(self.db, key=key, type=type, issuer=issuer, site=site, since=since, until=until)

    def statistics(self, unit: str | None = None, kind: str | None = None, site: str | None = None,
                   since: str | None = None, until: str | None = None) -> list[dict]:
        """Statistics tagged in articles, each with its article; see data.views."""
        return statistics(self.db, unit=unit, kind=kind, site=site, since=since, until=until)

    def dates(self, kind: str | None = None, within: str | None = None, site: str | None = None) -> list[dict]:
        """Date mentions tagged in articles, each with its article; see data.views."""
        return dates(self.db, kind=kind, within=within, site=site)

    def stats(self) -> list[SiteStats]:
        """Per-site counts of articles and tags, the latest crawl run, and a TOTAL row."""
        return site_stats(self.db)

    def export_rows(self, table: str, site: str | None = None, since: str | None = None,
                    until: str | None = None, query: str | None = None) -> Iterator[dict]:
        """Rows of an export table (see data.export.EXPORT_COLUMNS), streamed from a cursor."""
        return export_rows(self.db, table, site=site, since=since, until=until, query=query)

    def upsert_sources(self, profiles: Iterable[dict]) -> int:
        """Keep each profile (as a dict) in ``sources``; return how many."""
        count = 0
        for profile in profiles:
            self.upsert_source(profile)
            count += 1
        return count

    def count(self, table: str) -> int:
        return self.db[table].count

    # -- crawl state -------------------------------------------------------------------
    # Written by the crawler (the single writer during a crawl). Times are ISO 8601 UTC
    # strings of one format, so they compare as text.
    def url_state(self, url: str) -> dict | None:
        """The url_state row of ``url`` (canonical form), or None if never seen."""
        return next(self.db["url_state"].rows_where("url = ?", [url]), None)

    def known_article_urls(self, site: str) -> set[str]:
        """Article URLs of ``site`` fetched at least once."""
        rows = self.db.execute("select url from url_state where site = ? and kind = 'article' "
                               "and last_fetched is not null", [site]).fetchall()
        return {url for (url,) in rows}

    def pending_urls(self, site: str, now: str) -> list[str]:
        """Article URLs of ``site`` still to fetch: seen but never fetched, or failed and due a retry."""
        rows = self.db.execute("select url from url_state where site = ? and kind = 'article' and "
                               "((status = 'new' and last_fetched is null) or "
                               "(status = 'failed' and coalesce(next_retry, '') <= ?)) order by first_seen",
                               [site, now]).fetchall()
        return [url for (url,) in rows]

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
            self.db["url_state"].upsert(row, pk="url")
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
            self.db["url_state"].upsert(row, pk="url")
        return row["status"]

    def mark_url(self, url: str, site: str, status: str, reason: str | None, at: str, *,
                 kind: str = "article") -> None:
        """Set the status of ``url`` without counting a failure ('blocked' by robots.txt,
        'redirected' to another URL, 'attachment' served where an article was expected)."""
        prev = self.url_state(url)
        with self.transaction():
            self.db["url_state"].upsert({"url": url, "site": site, "kind": prev["kind"] if prev else kind,
                                         "first_seen": prev["first_seen"] if prev else at, "last_seen": at,
                                         "status": status, "reason": reason}, pk="url")

    def upsert_source(self, source: dict) -> None:
        """Keep the profile a crawl used in ``sources`` (one row per site name)."""
        row = {key: source.get(key) for key in ("name", "province", "level", "platform", "version",
                                                "valid_from", "valid_until")}
        row.update(domains=json.dumps(list(source.get("domains", ())), ensure_ascii=False),
                   enabled=int(bool(source.get("enabled", True))))
        with self.transaction():
            self.db["sources"].upsert(row, pk="name")

    def start_run(self, run_id: str, site: str, started: str) -> int:
        """Open a crawl_runs row for ``site`` (status 'running'); return its id."""
        with self.transaction():
            return self.db["crawl_runs"].insert({"run_id": run_id, "site": site, "started": started,
                                                 "status": "running"}).last_pk

    def finish_run(self, row_id: int, finished: str, counts: dict, status: str) -> None:
        """Close a crawl_runs row with its counts (requests, new, changed, unchanged, failed)."""
        row = {key: counts.get(key, 0) for key in ("requests", "new", "changed", "unchanged", "failed")}
        with self.transaction():
            self.db["crawl_runs"].update(row_id, {**row, "finished": finished, "status": status})

    def abort_runs(self, run_id: str | None, finished: str) -> int:
        """Mark the still 'running' rows of ``run_id`` (of every run when None: call it holding the
        run lock, when no run can be going) 'aborted', as the crawl process died; return how many."""
        where, args = ("run_id = ? and ", [run_id]) if run_id is not None else ("", [])
        with self.transaction():
            return self.db.execute(f"update crawl_runs set status = 'aborted', finished = ? "
                                   f"where {where}status = 'running'", [finished, *args]).rowcount

    def interrupted_since(self, site: str) -> str | None:
        """When the crawl of ``site`` was interrupted: the start of its first run aborted since its
        last complete run, or None when its last run completed (or it never ran)."""
        return self.db.execute(
            "select min(started) from crawl_runs where site = ? and status = 'aborted' and id > coalesce("
            "(select max(id) from crawl_runs where site = ? and status not in ('aborted', 'running')), 0)",
            [site, site]).fetchone()[0]

    def crawl_runs(self, run_id: str | None = None) -> list[dict]:
        """crawl_runs rows, newest first (only those of ``run_id`` if given)."""
        where, args = ("run_id = ?", [run_id]) if run_id else (None, None)
        return list(self.db["crawl_runs"].rows_where(where, args, order_by="id desc"))
