"""Index: the one SQLite file that holds raw pages, crawl state, articles and tags."""
from __future__ import annotations

import gzip
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import sqlite_utils

from data.schema import migrate


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


class Index:
    """Open (creating and migrating as needed) the index at ``path``."""

    def __init__(self, path: str | Path):
        self.path = str(path)
        self.db = sqlite_utils.Database(self.path)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self.db.execute("PRAGMA busy_timeout=30000")
        migrate(self.db)

    def close(self) -> None:
        self.db.close()

    # -- raw pages -----------------------------------------------------------------
    def store_page(self, page: FetchedPage) -> int:
        """Keep the raw response (gzip) and queue it for extraction; return its id."""
        with self.db.conn:
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
        row = self.db["raw_pages"].get(page_id)
        return FetchedPage(url=row["url"], site=row["site"], body=gzip.decompress(row["html_gz"]),
                           fetched_at=row["fetched_at"], status=row["http_status"],
                           headers=json.loads(row["headers"] or "{}"), id=row["id"])

    def mark_page(self, page_id: int, status: str, reason: str | None, at: str) -> None:
        """Record what processing made of a raw page: indexed, unchanged, rejected or failed."""
        with self.db.conn:
            self.db["raw_pages"].update(page_id, {"process_status": status, "reason": reason,
                                                  "processed_at": at})

    # -- articles --------------------------------------------------------------------
    def add_article(self, page: FetchedPage, article, tags) -> str:
        """Index ``article`` (from ``page``) with its ``tags``; return 'new', 'changed' or 'unchanged'.

        A changed text becomes a new revision; the previous one stays in ``revisions``.
        """
        digest = text_hash(article.text)
        existing = next(self.db["articles"].rows_where("url = ?", [article.url]), None)
        row = {"url": article.url, "site": page.site, "title": article.title,
               "published": article.published, "author": article.author, "lead": article.lead,
               "text": article.text, "captions": json.dumps(article.captions, ensure_ascii=False),
               "attachments": json.dumps(article.attachments, ensure_ascii=False),
               "language": article.language, "text_hash": digest,
               "extractor_version": article.extractor_version, "raw_page_id": page.id,
               "last_seen": page.fetched_at}
        with self.db.conn:
            if existing is None:
                row.update(first_seen=page.fetched_at, revision=1)
                article_id = self.db["articles"].insert(row).last_pk
                outcome = "new"
            elif existing["text_hash"] == digest and existing["title"] == article.title:
                self.db["articles"].update(existing["id"], {"last_seen": page.fetched_at})
                return "unchanged"
            else:
                article_id = existing["id"]
                row["revision"] = existing["revision"] + 1
                self.db["articles"].update(article_id, row)
                outcome = "changed"
            self.db["revisions"].insert({"article_id": article_id, "revision": row["revision"],
                                         "fetched_at": page.fetched_at, "raw_page_id": page.id,
                                         "title": article.title, "text": article.text,
                                         "text_hash": digest})
            self._replace_tags(article_id, tags)
        return outcome

    def _replace_tags(self, article_id: int, tags) -> None:
        """Store ``tags`` for the article (placeholder until the index issue adds tag tables)."""

    def count(self, table: str) -> int:
        return self.db[table].count
