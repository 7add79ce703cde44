"""Crawl options: one object, from one place of defaults, then a user config file, then CLI flags."""
from __future__ import annotations

import tomllib
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from crawler.addresses import AddressPolicy, host_port
from extract.article import EXTRACTOR_VERSION
from extract.core import MAX_PAGE_BYTES

DEFAULT_CONFIG = Path("~/.config/vnportal/config.toml")
PROJECT_URL = "https://github.com/vnportal/vnportal"


@dataclass(frozen=True)
class CrawlOptions:
    """Everything a crawl can be told. The field defaults are the polite defaults."""
    contact: str = ""  # operator e-mail, sent in the User-Agent
    download_delay: float = 1.0  # seconds between two requests to one host (AutoThrottle's floor)
    autothrottle_start_delay: float = 2.0
    autothrottle_max_delay: float = 60.0
    concurrent_requests: int = 8  # over all hosts; one host always gets one at a time
    timeout: float = 30.0  # DOWNLOAD_TIMEOUT, seconds
    max_bytes: int = MAX_PAGE_BYTES  # DOWNLOAD_MAXSIZE
    retry_times: int = 2  # retries within a run (5xx, 429, timeouts), with backoff
    retry_backoff: float = 2.0  # first in-run retry waits this long, then doubling
    max_retry_wait: float = 120.0  # a longer Retry-After is not waited for: the URL is retried next run
    max_redirects: int = 10
    max_listing_pages: int = 50  # per listing and run
    stop_after_known_pages: int = 1  # stop paging once this many pages in a row held only known articles
    recheck_days: float | None = 30.0  # refetch a known article this old (conditionally); None = never
    max_failures: int = 5  # failed runs before a URL is given up
    failure_backoff_hours: float = 12.0  # wait before the next run retries a failed URL, doubling
    allow_private: bool = False  # also fetch loopback, private and link-local addresses (tests, intranets)
    allowed_hosts: tuple[str, ...] = ()  # host:port pairs fetched whatever their address (the sample portal)

    def __post_init__(self):
        object.__setattr__(self, "allowed_hosts", tuple(self.allowed_hosts))  # a list from JSON or TOML
        for name in ("download_delay", "autothrottle_start_delay", "timeout", "retry_backoff", "max_retry_wait",
                     "failure_backoff_hours"):
            if getattr(self, name) < 0:
                raise ValueError(f"option {name} must not be negative")
        for name in ("concurrent_requests", "max_bytes", "max_listing_pages", "stop_after_known_pages",
                     "max_failures"):
            if getattr(self, name) < 1:
                raise ValueError(f"option {name} must be at least 1")

    @property
    def user_agent(self) -> str:
        contact = f"; contact: {self.contact}" if self.contact else ""
        return f"vnportal/{EXTRACTOR_VERSION} (+{PROJECT_URL}{contact})"

    @property
    def address_policy(self) -> AddressPolicy:
        return AddressPolicy(self.allow_private, self.allowed_hosts)

    def allowing(self, url: str) -> "CrawlOptions":
        """These options, with ``url``'s host:port allowed whatever its address (a sample portal served here)."""
        return replace(self, allowed_hosts=(*self.allowed_hosts, host_port(url)))

    def to_dict(self) -> dict:
        return asdict(self)


def load_options(config: str | Path | None = None, **overrides) -> CrawlOptions:
    """Defaults, then the ``[crawl]`` table of the TOML ``config`` (default ~/.config/vnportal/config.toml
    when it exists), then ``overrides`` (CLI flags; None values are ignored)."""
    options = CrawlOptions()
    path = Path(config).expanduser() if config else DEFAULT_CONFIG.expanduser()
    if config and not path.is_file():
        raise ValueError(f"config file {path} not found")
    if path.is_file():
        try:
            table = tomllib.loads(path.read_text(encoding="utf-8")).get("crawl", {})
        except tomllib.TOMLDecodeError as exc:
            raise ValueError(f"config file {path}: {exc}") from None
        options = _apply(options, table, source=str(path))
    return _apply(options, {k: v for k, v in overrides.items() if v is not None}, source="flags")


def _apply(options: CrawlOptions, values: dict, source: str) -> CrawlOptions:
    known = {f.name for f in fields(CrawlOptions)}
    unknown = sorted(set(values) - known)
    if unknown:
        raise ValueError(f"{source}: unknown crawl option(s) {', '.join(unknown)}")
    return replace(options, **values)
