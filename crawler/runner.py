"""crawl(): run one Scrapy crawl in a child process and return its report."""
from __future__ import annotations

import json
import logging
import os
import secrets
import signal
import subprocess
import sys
from dataclasses import asdict, dataclass, field, fields
from datetime import date, datetime, time, timezone
from pathlib import Path
from typing import Callable, Iterable

from crawler import logs
from crawler.interrupts import Interrupted, current
from crawler.lock import LockBusy, held_lock_fd, run_lock
from crawler.options import CrawlOptions
from crawler.sites.base import SiteProfile
from data.clock import utc_iso, utcnow
from data.index import Index

logger = logging.getLogger(__name__)
PROJECT_ROOT = Path(__file__).resolve().parent.parent
COUNTS = ("requests", "new", "changed", "unchanged", "failed", "skipped")


class CrawlError(RuntimeError):
    """The crawl could not run or its process died before reporting."""


class CrawlLocked(CrawlError, LockBusy):
    """Another run holds the index's lock."""


@dataclass
class SiteReport:
    """One site's outcome. new/changed/unchanged/failed count article URLs; skipped = known
    articles not due a fetch (or over --max-pages, or blocked by robots.txt); requests
    include robots.txt, feeds, sitemaps, listings and retries."""
    site: str
    status: str  # ok | partial (some URLs failed) | failed (no start point answered) | interrupted
    requests: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: int = 0
    skipped: int = 0
    discovered: int = 0
    capped: bool = False  # --max-pages left articles for a later run
    errors: list[str] = field(default_factory=list)  # first failures, "url: reason"
    unreachable: str | None = None  # the host never answered: why (DNS lookup failed, connection refused ...)


@dataclass
class CrawlReport:
    run_id: str
    started: str
    finished: str
    sites: list[SiteReport]
    interrupted: bool = False  # stopped by SIGINT/SIGTERM: the counts are those of the part crawled

    @property
    def requests(self) -> int:
        return sum(site.requests for site in self.sites)

    @property
    def failed_sites(self) -> list[str]:
        return [site.site for site in self.sites if site.status == "failed"]

    @property
    def unreachable(self) -> list[str]:
        """The sites whose hosts never answered (DNS, refused, no route, timeout)."""
        return [site.site for site in self.sites if site.unreachable]

    @property
    def network_down(self) -> bool:
        """No site answered at all: the network (or DNS) of this host is down, not the portals."""
        return len(self.unreachable) == len(self.sites)

    @property
    def exit_code(self) -> int:
        """0 when every site could be crawled, 1 when some site failed."""
        return 1 if self.failed_sites else 0

    def totals(self) -> dict[str, int]:
        return {key: sum(getattr(site, key) for site in self.sites) for key in COUNTS}

    def site(self, name: str) -> SiteReport:
        return next(site for site in self.sites if site.site == name)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "CrawlReport":
        known = {f.name for f in fields(SiteReport)}
        return cls(run_id=data["run_id"], started=data["started"], finished=data["finished"],
                   interrupted=data.get("interrupted", False), sites=[SiteReport(**{k: v for k, v in site.items() if k in known}) for site in data["sites"]])


def new_run_id() -> str:
    """A new crawl run's id: its start, UTC, and a random suffix ("20240601T080000Z-3fa2c1")."""
    return f"{utcnow():%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}"


def crawl(index_path: str | Path, profiles: Iterable[SiteProfile], *, max_pages: int | None = None,
          since: date | datetime | None = None, options: CrawlOptions | None = None,
          progress: Callable[[dict], None] | None = None) -> CrawlReport:
    """Crawl ``profiles`` into the index at ``index_path``; return the per-site report.

    Runs Scrapy in a child process (``python -m crawler.run``), which writes the index; holds the
    index's run lock meanwhile (CrawlLocked if another run has it), shared with the child. Rows
    of a killed earlier run are marked 'aborted' first, and that crawl is resumed (see PortalSpider).
    ``max_pages``: article fetches per site. ``since``: skip feed/sitemap entries dated before it.
    ``progress`` receives the child's events ({"event": "url", "site", "outcome", "url", "reason"})
    as they happen. A stop asked for by a signal (crawler.interrupts) is passed on to the crawl
    process, which stops soon and reports (``interrupted``, its rows 'interrupted'); a second
    signal kills it (Interrupted; its rows are marked 'interrupted' here).
    """
    profiles = list(profiles)
    names = [p.name for p in profiles]
    if not profiles:
        raise ValueError("no sites to crawl")
    if len(set(names)) != len(names):
        raise ValueError(f"a site is listed twice: {', '.join(sorted({n for n in names if names.count(n) > 1}))}")
    if isinstance(since, date) and not isinstance(since, datetime):
        since = datetime.combine(since, time.min)
    if since is not None and since.tzinfo is None:
        since = since.replace(tzinfo=timezone.utc)
    run_id = new_run_id()
    spec = {"db": str(index_path), "run_id": run_id, "profiles": [p.to_dict() for p in profiles],
            "options": (options or CrawlOptions()).to_dict(), "max_pages": max_pages,
            "since": since.isoformat() if since else None}
    logger.info("crawl %s: %d site(s) into %s", run_id, len(profiles), index_path)
    try:
        with run_lock(index_path):
            _abort_dead_runs(index_path)
            try:
                report, code = _run_child(spec, progress, keep_fds=(held_lock_fd(index_path),))
            except Interrupted:
                _close_runs(index_path, run_id, "interrupted")
                raise
            if report is None:
                _close_runs(index_path, run_id, "aborted")
                raise CrawlError(f"the crawl process exited with code {code} before reporting (see its log above)")
    except LockBusy as exc:
        raise CrawlLocked(str(exc)) from None
    return CrawlReport.from_dict(report)


def _abort_dead_runs(index_path: str | Path) -> None:
    """Mark 'aborted' the crawl_runs rows a killed run left 'running' (we hold the lock: none is going)."""
    index = Index(index_path)
    try:
        if aborted := index.abort_runs(None, utc_iso()):
            logger.warning("%d site run(s) of an interrupted crawl marked aborted; resuming", aborted)
    finally:
        index.close()


def _close_runs(index_path: str | Path, run_id: str, status: str) -> None:
    """Close the rows of a crawl process that ended without reporting."""
    index = Index(index_path)
    try:
        index.abort_runs(run_id, utc_iso(), status=status)
    finally:
        index.close()


def _run_child(spec: dict, progress: Callable[[dict], None] | None,
               keep_fds: tuple[int | None, ...] = (), module: str = "crawler.run") -> tuple[dict | None, int]:
    """Run ``python -m <module>`` (the crawl process) on ``spec``; the child also holds ``keep_fds``
    (the run lock), and ends soon after this process if it is killed (crawler.run.read_spec). It
    starts with SIGINT ignored: Ctrl-C reaches the whole process group, and this process decides,
    passing the stop on as SIGTERM (crawler.interrupts, crawler.run.Shutdown)."""
    env = dict(os.environ)  # the child needs the project on its path, whether installed or not
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(PROJECT_ROOT), env.get("PYTHONPATH")) if p)
    env["PYTHONIOENCODING"] = "utf-8"
    child = subprocess.Popen([sys.executable, "-m", module], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, env=env, text=True, encoding="utf-8",
                             pass_fds=tuple(fd for fd in keep_fds if fd is not None),
                             preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
    report = None
    try:
        with current().forward(child.pid):
            child.stdin.write(json.dumps({**spec, "parent_pid": os.getpid(), "log": logs.current().to_dict()}))
            child.stdin.close()
            for line in child.stdout:
                try:
                    event = json.loads(line)
                except ValueError:
                    sys.stderr.write(line)  # something printed on stdout by a library
                    continue
                if event.get("event") == "report":
                    report = event
                elif progress is not None:
                    progress(event)
            code = child.wait()
    except BaseException as exc:
        _stop(child, at_once=isinstance(exc, Interrupted))
        raise
    return (report if code == 0 else None), code


def _stop(child: subprocess.Popen, at_once: bool) -> None:
    """Stop the crawl process: kill it at once, or ask with SIGTERM and kill it if it is still
    there after 30 s."""
    if child.poll() is not None:
        return
    if not at_once:
        child.terminate()
        try:
            child.wait(timeout=30)
            return
        except subprocess.TimeoutExpired:
            pass
    child.kill()
    child.wait()
