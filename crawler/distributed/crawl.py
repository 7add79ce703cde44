"""crawl_distributed(): run one crawl worker process on the round in Redis, and its report."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Callable, Iterable

from crawler.distributed.connection import DistributedError, connect
from crawler.distributed.keys import Keys
from crawler.options import CrawlOptions
from crawler.runner import CrawlError, _run_child
from crawler.sites.base import SiteProfile


@dataclass
class WorkerReport:
    """One worker's share of a round. Per site: requests, fetched (article pages sent to the index
    worker), unchanged (304), failed, skipped; whether they were new or changed is decided by the
    index worker (see crawl_runs)."""
    round_id: str
    worker: str
    started: str
    finished: str
    sites: list[dict]
    items: int = 0
    ended_round: bool = False

    @property
    def requests(self) -> int:
        return sum(site["requests"] for site in self.sites)

    @property
    def exit_code(self) -> int:
        return 1 if any(site["status"] == "failed" for site in self.sites) else 0


def crawl_distributed(redis_url: str, profiles: Iterable[SiteProfile], *, max_pages: int | None = None,
                      since: date | datetime | None = None, options: CrawlOptions | None = None,
                      progress: Callable[[dict], None] | None = None) -> WorkerReport:
    """Run one crawl worker on the round in Redis at ``redis_url`` (joining it, or starting it and
    seeding ``profiles``' start points); return when the round has nothing left to fetch.
    ``max_pages`` caps this worker's article fetches per site."""
    try:
        import scrapy_redis  # noqa: F401
    except ImportError:
        raise DistributedError("--redis needs scrapy-redis: pip install 'vnportal[distributed]'") from None
    profiles = list(profiles)
    if not profiles:
        raise ValueError("no sites to crawl")
    server = connect(redis_url)
    if not server.exists(Keys().ready):
        raise DistributedError(f"Redis at {redis_url} holds no crawl state yet: start `vnportal index-worker "
                               f"--redis {redis_url} --db PATH` (once is enough) before the crawl workers")
    if isinstance(since, date) and not isinstance(since, datetime):
        since = datetime.combine(since, datetime.min.time())
    if since is not None and since.tzinfo is None:
        since = since.replace(tzinfo=timezone.utc)
    spec = {"redis": redis_url, "profiles": [p.to_dict() for p in profiles],
            "options": (options or CrawlOptions()).to_dict(), "max_pages": max_pages,
            "since": since.isoformat() if since else None}
    report, code = _run_child(spec, progress, module="crawler.distributed")
    if report is None:
        raise CrawlError(f"the crawl worker exited with code {code} before reporting (see its log above)")
    return WorkerReport(**{k: v for k, v in report.items() if k != "event"})
