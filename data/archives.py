"""The backfill ledger: what the web archives hold for a site, what was fetched, and each run."""
from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from data.database import write_transaction


@dataclass(frozen=True)
class ListedCapture:
    """A capture the ledger knows, with what became of it."""
    id: int
    url: str
    timestamp: str
    digest: str
    filename: str
    offset: int | None
    length: int | None
    status: str
    attempts: int


class ArchiveLedger:
    """Listings, captures and runs of ``vnportal backfill`` in the index."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    def window_listed(self, site: str, source: str, window: str) -> bool:
        return self.db.execute("SELECT 1 FROM archive_windows WHERE site = ? AND source = ? AND window = ?",
                               [site, source, window]).fetchone() is not None

    def listed_windows(self) -> list[tuple[str, str, str]]:
        """Every (site, source, window) listed completely."""
        return self.db.execute("SELECT site, source, window FROM archive_windows").fetchall()

    def add_listing(self, site: str, source: str, window: str, captures, at: str, *, complete: bool) -> int:
        """Keep ``captures`` (a known one is left as it is); remember ``window`` as listed when
        ``complete`` (a window still open, such as this year, is listed again next time).
        Return how many captures were new."""
        with write_transaction(self.db):
            before = self.db.execute("SELECT total_changes()").fetchone()[0]
            self.db.conn.executemany(
                'INSERT OR IGNORE INTO archive_captures (site, source, url, timestamp, digest, filename, "offset", '
                "length) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(site, source, c.url, c.timestamp, c.digest, c.filename, c.offset, c.length) for c in captures])
            added = self.db.execute("SELECT total_changes()").fetchone()[0] - before
            if complete:
                self.db.execute("INSERT OR REPLACE INTO archive_windows (site, source, window, listed_at, captures) "
                                "VALUES (?, ?, ?, ?, ?)", [site, source, window, at, len(captures)])
        return added

    def captures(self, site: str, source: str, start: str, end: str) -> list[ListedCapture]:
        """The captures of ``site`` in ``source`` taken from ``start`` to ``end`` (timestamp
        prefixes, inclusive), oldest first."""
        rows = self.db.execute(
            'SELECT id, url, timestamp, coalesce(digest, \'\'), coalesce(filename, \'\'), "offset", length, status, '
            "attempts FROM archive_captures WHERE site = ? AND source = ? AND timestamp >= ? "
            "AND substr(timestamp, 1, length(?)) <= ? ORDER BY timestamp, id", [site, source, start, end, end])
        return [ListedCapture(*row) for row in rows]

    def status(self, capture_id: int) -> str | None:
        """What became of a capture: listed, fetched or failed (None if the ledger has no such capture)."""
        row = self.db.execute("SELECT status FROM archive_captures WHERE id = ?", [capture_id]).fetchone()
        return row[0] if row else None

    def fetched(self, capture_id: int, archived_url: str, at: str, url: str, body_sha256: str) -> None:
        """Mark a capture fetched and link it to the raw page holding its body (if one was kept)."""
        self.db.execute("UPDATE archive_captures SET status = 'fetched', attempts = attempts + 1, reason = NULL, "
                        "archived_url = ?, fetched_at = ?, raw_page_id = (SELECT max(id) FROM raw_pages "
                        "WHERE url = ? AND body_sha256 = ?) WHERE id = ?",
                        [archived_url, at, url, body_sha256, capture_id])

    def failed(self, capture_id: int, archived_url: str, at: str, reason: str) -> None:
        with write_transaction(self.db):
            self.db.execute("UPDATE archive_captures SET status = 'failed', attempts = attempts + 1, reason = ?, "
                            "archived_url = ?, fetched_at = ? WHERE id = ?", [reason, archived_url, at, capture_id])

    def start_run(self, run_id: str, site: str, source: str, at: str) -> int:
        with write_transaction(self.db):
            return self.db.execute("INSERT INTO backfill_runs (run_id, site, source, started) VALUES (?, ?, ?, ?)",
                                   [run_id, site, source, at]).lastrowid

    def finish_run(self, row_id: int, at: str, status: str, counts: dict[str, int]) -> None:
        with write_transaction(self.db):
            self.db.execute("UPDATE backfill_runs SET finished = ?, status = ?, listed = ?, fetched = ?, new = ?, "
                            "unchanged = ?, failed = ? WHERE id = ?",
                            [at, status, counts.get("listed", 0), counts.get("fetched", 0), counts.get("new", 0),
                             counts.get("unchanged", 0), counts.get("failed", 0), row_id])
