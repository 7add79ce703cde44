"""check_site(): fetch one start page and one article of a profile live, report what came out."""
from __future__ import annotations

import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from crawler.options import CrawlOptions
from crawler.runner import crawl
from crawler.sites.base import SiteProfile
from crawler.state import CrawlStore
from data.index import Index

FIELDS = ("title", "published", "author", "lead", "text", "captions", "attachments")


@dataclass
class SiteCheck:
    site: str
    start_url: str | None
    start: str  # "HTTP 200", a failure reason, or "not fetched"
    articles_found: int = 0
    article_url: str | None = None
    article: str = "not fetched"
    fields: dict[str, str | None] = field(default_factory=dict)  # field -> short value, None when empty
    error: str | None = None

    @property
    def ok(self) -> bool:
        """True when an article was fetched and extraction gave it a title, a date and a text."""
        return all(self.fields.get(name) for name in ("title", "published", "text"))


def check_site(profile: SiteProfile, options: CrawlOptions | None = None) -> SiteCheck:
    """Crawl the first start point of ``profile`` and one article into a throw-away index,
    extract the article and report which fields came out (for an operator confirming a profile)."""
    start = (profile.listings[:1], (), ()) if profile.listings else \
        ((), profile.rss[:1], ()) if profile.rss else ((), (), profile.sitemaps[:1])
    probe = replace(profile, listings=start[0], rss=start[1], sitemaps=start[2])
    start_url = probe.start_urls[0] if probe.start_urls else None
    options = replace(options or CrawlOptions(), max_listing_pages=1, retry_times=0)
    with tempfile.TemporaryDirectory(prefix="vnportal-check-") as tmp:
        db = Path(tmp) / "check.db"
        report = crawl(db, [probe], max_pages=1, options=options)
        index = Index(db)
        try:
            return _describe(index, profile, start_url, report.site(profile.name))
        finally:
            index.close()


def _describe(index: CrawlStore, profile: SiteProfile, start_url: str | None, site) -> SiteCheck:
    from extract import ExtractionError, extract_html  # the extraction stage, only needed here

    state = index.first_non_article()
    start = "not fetched" if state is None else state["reason"] or f"HTTP {state['http_status']}"
    check = SiteCheck(site=profile.name, start_url=start_url, start=start, articles_found=site.discovered)
    page = next(index.pending_pages(), None)
    if page is None:
        failure = index.article_with_reason()
        if failure:
            check.article_url, check.article = failure["url"], failure["reason"]
        return check
    check.article_url, check.article = page.url, f"HTTP {page.status}, {len(page.body)} bytes"
    try:
        article = extract_html(page.body, page.url, profile=profile, headers=page.headers)
    except ExtractionError as exc:
        check.error = f"extraction failed: {exc}"
        return check
    for name in FIELDS:
        value = getattr(article, name)
        if isinstance(value, list):
            check.fields[name] = f"{len(value)} item(s)" if value else None
        elif name == "text":
            check.fields[name] = f"{len(value)} characters, {value.count(chr(10) * 2) + 1} paragraph(s)" if value else None
        else:
            check.fields[name] = (value[:77] + "...") if value and len(value) > 80 else (value or None)
    return check
