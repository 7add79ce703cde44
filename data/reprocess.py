"""Requeue stored raw pages so extraction and tagging run again, without the network."""
from __future__ import annotations

import logging
import re

import sqlite_utils

from data.database import write_transaction

logger = logging.getLogger(__name__)


def version_tuple(version: str | None) -> tuple[int, ...]:
    # Own parser: extractor versions are plain "X.Y.Z"; string order would put "0.10" before "0.9".
    return tuple(int(part) for part in re.findall(r"\d+", version or "")) or (0,)


def requeue_pages(db: sqlite_utils.Database, since_version: str | None = None) -> int:
    """Mark raw pages 'pending' again; return how many.

    With ``since_version``: the raw page behind each article extracted by an older extractor.
    Without: the latest raw page of every URL, including pages rejected before.
    """
    if since_version is None:
        ids = [page_id for (page_id,) in db.execute("SELECT max(id) FROM raw_pages GROUP BY url")]
    else:
        floor = version_tuple(since_version)
        ids = [page_id for page_id, version in db.execute(
            "SELECT raw_page_id, extractor_version FROM articles WHERE raw_page_id IS NOT NULL")
            if version_tuple(version) < floor]
    with write_transaction(db):
        db.conn.executemany("UPDATE raw_pages SET process_status = 'pending', reason = NULL WHERE id = ?",
                            [(page_id,) for page_id in ids])
    logger.info("requeued %d raw pages (extractor older than %s)", len(ids), since_version or "any")
    return len(ids)
