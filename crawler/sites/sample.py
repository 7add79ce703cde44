"""Profiles of the bundled sample portal (data/sample_site/): five portal styles on one host."""
from __future__ import annotations

from urllib.parse import urlsplit

from crawler.sites.base import Listing, Selectors, SiteProfile


def sample_profiles(base_url: str) -> list[SiteProfile]:
    """Profiles for the sample portal served at ``base_url`` ("http://127.0.0.1:PORT")."""
    base = base_url.rstrip("/")
    host = urlsplit(base).netloc.rsplit(":", 1)[0]

    def site(name: str, **fields) -> SiteProfile:
        return SiteProfile(name=name, domains=(host,), path_prefix=f"/{name}/", platform=fields.pop("platform", "static"),
                           note="bundled sample portal", **fields)

    return [
        site("haiphong", province="Hải Phòng", level="city",
             listings=(Listing(f"{base}/haiphong/tin-tuc-su-kien/index.html", "page-{n}.html"),),
             article_pattern=r"/haiphong/tin-tuc-su-kien/[^/?#]+-\d{3,}\.html$"),
        site("wp", province="Hải Phòng", level="city", platform="wordpress", rss=(f"{base}/wp/feed.xml",),
             article_pattern=r"/wp/[a-z0-9]+(-[a-z0-9]+)+\.html$"),
        site("tuyengiao", province="", level="central", sitemaps=(f"{base}/sitemap.xml",),
             listings=(Listing(f"{base}/tuyengiao/tuyen-giao-cac-cap/index.html", "page-{n}.html"),),
             article_pattern=r"/tuyengiao/tuyen-giao-cac-cap/[^/?#]+-\d{3,}\.html$",
             selectors=Selectors(date="span.story_date")),
        site("huyen", province="Hải Phòng", level="district",
             listings=(Listing(f"{base}/huyen/tin-tuc/index.html", "page-{n}.html"),),
             article_pattern=r"/huyen/tin-tuc/[^/?#]+-\d{3,}\.html$"),
        site("danang", province="Đà Nẵng", level="city", platform="liferay",
             listings=(Listing(f"{base}/danang/thong-tin-bao-chi/index.html", "page-{n}.html"),),
             article_pattern=r"/danang/chi-tiet/[^/?#]+-\d{3,}\.html$"),
    ]
