"""Crawl bookkeeping: the profiles crawls used (``sources``) and one crawl_runs row per site and run."""
from __future__ import annotations

import json
from typing import Iterable

from data.store import Store


class CrawlRuns(Store):
    """The sources and crawl_runs tables."""

    def upsert_source(self, source: dict) -> None:
        """Keep the profile a crawl used in ``sources`` (one row per site name)."""
        row = {key: source.get(key) for key in ("name", "province", "level", "platform", "version",
                                                "valid_from", "valid_until")}
        row.update(domains=json.dumps(list(source.get("domains", ())), ensure_ascii=False),
                   enabled=int(bool(source.get("enabled", True))))
        with self.transaction():
            self.db["sources"].upsert(row, pk="name")

    def upsert_sources(self, profiles: Iterable[dict]) -> int:
        """Keep each profile (as a dict) in ``sources``; return how many."""
        count = 0
        for profile in profiles:
            self.upsert_source(profile)
            count += 1
        return count

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

    def abort_runs(self, run_id: str | None, finished: str, status: str = "aborted") -> int:
        """Mark the still 'running' rows of ``run_id`` (of every run when None: call it holding the
        run lock, when no run can be going) ``status``: 'aborted' when the crawl process died,
        'interrupted' when a second signal killed it; return how many."""
        where, args = ("run_id = ? and ", [run_id]) if run_id is not None else ("", [])
        with self.transaction():
            return self.db.execute(f"update crawl_runs set status = ?, finished = ? "
                                   f"where {where}status = 'running'", [status, finished, *args]).rowcount

    def interrupted_since(self, site: str) -> str | None:
        """When the crawl of ``site`` was interrupted: the start of its first run aborted (killed) or
        interrupted (stopped by a signal) since its last complete run, or None when its last run
        completed (or it never ran)."""
        return self.db.execute(
            "select min(started) from crawl_runs where site = ? and status in ('aborted', 'interrupted') "
            "and id > coalesce((select max(id) from crawl_runs where site = ? "
            "and status not in ('aborted', 'interrupted', 'running')), 0)",
            [site, site]).fetchone()[0]

    def crawl_runs(self, run_id: str | None = None) -> list[dict]:
        """crawl_runs rows, newest first (only those of ``run_id`` if given)."""
        where, args = ("run_id = ?", [run_id]) if run_id else (None, None)
        return list(self.db["crawl_runs"].rows_where(where, args, order_by="id desc"))
