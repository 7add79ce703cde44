"""SiteProfile: the declaration of one portal (where to start, what an article URL looks like)."""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date
from urllib.parse import parse_qsl, urljoin, urlsplit

from w3lib.url import add_or_replace_parameters

from crawler.urls import canonical

LEVELS = ("central", "province", "city", "district", "ward", "party_committee", "party_board", "unknown")
PLATFORMS = ("liferay", "sharepoint", "wordpress", "nukeviet", "websphere", "spa", "static", "unknown")


@dataclass(frozen=True)
class Listing:
    """A section listing page and how its further pages are addressed.

    ``page_pattern`` gives page ``n`` (``n`` > ``first_page``): a path relative to ``url``
    ("page-{n}.html", "page-{n}"), query parameters to set ("?page={n}", "?p={n}&size=10"),
    or an absolute URL with ``{n}``. Without a pattern, a rel=next or page-number link is followed.
    """
    url: str
    page_pattern: str | None = None
    first_page: int = 1

    def page_url(self, n: int) -> str:
        """The URL of page ``n`` (``first_page`` is ``url`` itself)."""
        if n == self.first_page or not self.page_pattern:
            return self.url
        filled = self.page_pattern.replace("{n}", str(n))
        if filled.startswith("?"):
            return add_or_replace_parameters(self.url, dict(parse_qsl(filled[1:], keep_blank_values=True)))
        return urljoin(self.url, filled)


@dataclass(frozen=True)
class Selectors:
    """CSS selectors where the generic extractor gets a field wrong (None = let it decide)."""
    title: str | None = None
    date: str | None = None
    body: str | None = None
    author: str | None = None


@dataclass(frozen=True)
class SiteProfile:
    """One portal: identity, validity period and entry points.

    ``article_pattern`` is a regex searched in the absolute URL; None means "detect"
    (used for ``vnportal crawl --url``). ``path_prefix`` narrows the site to part of a
    host (the sample portal puts five sites on one host). ``verified=False`` marks a
    profile built from guesses: confirm it with ``vnportal check-site NAME``.
    """
    name: str
    province: str
    level: str
    domains: tuple[str, ...]
    platform: str = "unknown"
    rss: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()  # sitemap or sitemap-index URLs; a robots.txt URL means "its Sitemap: lines"
    listings: tuple[Listing, ...] = ()
    article_pattern: str | None = None
    selectors: Selectors = field(default_factory=Selectors)
    path_prefix: str = "/"
    enabled: bool = True
    version: int = 1
    valid_from: str | None = None  # ISO date the layout/domain took effect
    valid_until: str | None = None  # ISO date it stopped (archive portals keep their profile)
    verified: bool = True
    note: str = ""

    def __post_init__(self):
        if not self.name or not re.fullmatch(r"[a-z0-9][a-z0-9.\-]*", self.name):
            raise ValueError(f"profile name {self.name!r}: use lower-case letters, digits, '.' and '-'")
        if self.level not in LEVELS:
            raise ValueError(f"profile {self.name}: level {self.level!r} is not one of {', '.join(LEVELS)}")
        if self.platform not in PLATFORMS:
            raise ValueError(f"profile {self.name}: platform {self.platform!r} is not one of {', '.join(PLATFORMS)}")
        if not self.domains:
            raise ValueError(f"profile {self.name}: no domains")
        if self.article_pattern is not None:
            re.compile(self.article_pattern)
        for day in (self.valid_from, self.valid_until):
            if day is not None:
                date.fromisoformat(day)

    @property
    def start_urls(self) -> tuple[str, ...]:
        return self.rss + self.sitemaps + tuple(listing.url for listing in self.listings)

    @property
    def auto(self) -> bool:
        """True when article URLs must be detected (no article pattern declared)."""
        return self.article_pattern is None

    # The extraction stage reads these four names (extract_html(..., profile=...)).
    @property
    def title_selector(self) -> str | None:
        return self.selectors.title

    @property
    def date_selector(self) -> str | None:
        return self.selectors.date

    @property
    def body_selector(self) -> str | None:
        return self.selectors.body

    @property
    def author_selector(self) -> str | None:
        return self.selectors.author

    def valid_on(self, day: date) -> bool:
        starts = date.fromisoformat(self.valid_from) if self.valid_from else date.min
        ends = date.fromisoformat(self.valid_until) if self.valid_until else date.max
        return starts <= day < ends

    def owns(self, url: str, *, whole_host: bool = False) -> bool:
        """True if ``url`` belongs to this site: host in ``domains`` ("www." aside) and path under
        ``path_prefix`` (any path with ``whole_host``, for sitemaps and feeds a host keeps at its root)."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return False
        host = parts.hostname.removeprefix("www.")
        if host not in {d.removeprefix("www.") for d in self.domains}:
            return False
        return whole_host or (parts.path or "/").startswith(self.path_prefix)

    def is_article(self, url: str) -> bool:
        return self.article_pattern is not None and re.search(self.article_pattern, url) is not None

    @classmethod
    def for_url(cls, url: str) -> "SiteProfile":
        """A profile for a portal nobody described: start at ``url``, detect feeds, sitemaps and
        the article URL shape (``vnportal crawl --url``). Named after the host."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"not a web address: {url!r}")
        host = parts.hostname.removeprefix("www.")
        name = host + (f"-{parts.port}" if parts.port else "")
        return cls(name=name, province="", level="unknown", domains=(host,), listings=(Listing(canonical(url)),),
                   verified=False, note="detected from a start URL")

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "SiteProfile":
        """Inverse of ``to_dict`` (profiles cross into the crawl process as JSON)."""
        data = dict(data)
        data["listings"] = tuple(Listing(**item) for item in data.get("listings", ()))
        data["selectors"] = Selectors(**(data.get("selectors") or {}))
        for key in ("domains", "rss", "sitemaps"):
            data[key] = tuple(data.get(key, ()))
        return cls(**data)
