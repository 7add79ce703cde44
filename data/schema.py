"""Schema migrations, applied in order on open. Append a new function; never edit an applied one."""
from __future__ import annotations

import sqlite_utils


def m001_core(db: sqlite_utils.Database) -> None:
    db["sources"].create({"name": str, "province": str, "level": str, "domains": str, "platform": str,
                          "enabled": int, "version": str, "valid_from": str, "valid_until": str}, pk="name")
    db["url_state"].create({"url": str, "site": str, "kind": str, "first_seen": str, "last_seen": str,
                            "last_fetched": str, "etag": str, "last_modified": str, "http_status": int,
                            "status": str, "text_hash": str, "failures": int, "next_retry": str,
                            "reason": str}, pk="url", defaults={"failures": 0})
    db["url_state"].create_index(["site"])
    db["raw_pages"].create({"id": int, "url": str, "site": str, "fetched_at": str, "http_status": int,
                            "headers": str, "html_gz": bytes, "body_sha256": str, "process_status": str,
                            "processed_at": str, "reason": str}, pk="id")
    db["raw_pages"].create_index(["process_status"])
    db["raw_pages"].create_index(["url"])
    db["articles"].create({"id": int, "url": str, "site": str, "title": str, "published": str,
                           "author": str, "lead": str, "text": str, "captions": str, "attachments": str,
                           "language": str, "text_hash": str, "extractor_version": str,
                           "raw_page_id": int, "revision": int, "first_seen": str, "last_seen": str},
                          pk="id", foreign_keys=[("raw_page_id", "raw_pages", "id")])
    db["articles"].create_index(["url"], unique=True)
    db["articles"].create_index(["site", "published"])
    db["revisions"].create({"id": int, "article_id": int, "revision": int, "fetched_at": str,
                            "raw_page_id": int, "title": str, "text": str, "text_hash": str},
                           pk="id", foreign_keys=[("article_id", "articles", "id"),
                                                  ("raw_page_id", "raw_pages", "id")])
    db["revisions"].create_index(["article_id"])
    db["crawl_runs"].create({"id": int, "run_id": str, "site": str, "started": str, "finished": str,
                             "requests": int, "new": int, "changed": int, "unchanged": int,
                             "failed": int, "status": str}, pk="id")
    db["crawl_runs"].create_index(["run_id"])


MIGRATIONS = [m001_core]


def migrate(db: sqlite_utils.Database) -> None:
    """Apply every migration not yet recorded in ``_migrations``."""
    db["_migrations"].create({"name": str, "applied_at": str}, pk="name", if_not_exists=True)
    done = {row["name"] for row in db["_migrations"].rows}
    for migration in MIGRATIONS:
        if migration.__name__ not in done:
            with db.conn:
                migration(db)
                db["_migrations"].insert({"name": migration.__name__,
                                          "applied_at": db.execute("select datetime('now')").fetchone()[0]})
