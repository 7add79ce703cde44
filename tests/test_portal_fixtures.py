"""Every portal profile against its stored pages (Fundus-style): tests/fixtures/portals/<name>/.

Per portal: a start page (listing, feed or sitemap) and an article page, and expected.json, keyed
by profile version, with what a reader of the markup finds there (the XPath used is recorded next
to each value). A profile without fixtures fails. Which pages are real and which are made from
the sample portal: tests/fixtures/portals/PROVENANCE.md.
"""
from __future__ import annotations

import hashlib
import json
import re
from datetime import date
from pathlib import Path
from urllib.parse import urljoin

import lxml.etree
import lxml.html
import pytest
from scrapy.http import HtmlResponse
from scrapy.utils.sitemap import Sitemap

from crawler.discovery import feed_entries, following_page, listing_articles, page_links
from crawler.sites import REGISTRY
from crawler.urls import canonical
from extract.article import is_attachment
from extract import extract_dated

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "portals"
VERSIONS = [profile for name in REGISTRY.names() for profile in REGISTRY.versions(name)]


def expected_for(name: str, version: int) -> tuple[Path, dict]:
    folder = FIXTURES / name
    assert (folder / "expected.json").is_file(), f"portal {name} has no fixtures in {folder}"
    cases = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    assert str(version) in cases, f"portal {name}: no fixtures for profile version {version}"
    return folder, cases[str(version)]


def found_on_start_page(profile, url: str, kind: str, body: bytes) -> tuple[list[str], str | None]:
    """The article links the crawler takes from a start page, and listing page 2 (None for feeds and sitemaps)."""
    if kind == "feed":
        links = [canonical(urljoin(url, link)) for link, _ in feed_entries(body)]
        return [link for link in links if profile.owns(link) and not is_attachment(link)], None
    if kind == "sitemap":
        links = [canonical(urljoin(url, entry["loc"])) for entry in Sitemap(body)]
        return [link for link in links if profile.owns(link) and profile.is_article(link)], None
    response = HtmlResponse(url, body=body, encoding="utf-8")
    links = page_links(response)
    articles = listing_articles([link for link in links if profile.owns(link)], canonical(url), profile.is_article)
    listing = next((item for item in profile.listings if item.url == url), None)
    wanted = listing.page_url(2) if listing and listing.page_pattern else None
    following = following_page(response, links, 1, wanted)
    return articles, following if following == wanted or (following and profile.owns(following, whole_host=True)) \
        else None


@pytest.mark.parametrize("profile", VERSIONS, ids=lambda p: f"{p.name}-v{p.version}")
def test_the_profile_finds_the_articles_on_its_start_page(profile):
    folder, expected = expected_for(profile.name, profile.version)
    start = expected["start"]
    assert profile.owns(start["url"], whole_host=True)
    assert start["url"] in profile.start_urls or start["kind"] == "sitemap"  # a robots.txt start names its sitemap
    articles, following = found_on_start_page(profile, start["url"], start["kind"], (folder / start["file"]).read_bytes())
    assert articles == [canonical(url) for url in start["articles"]]
    assert all(profile.is_article(url) for url in articles)
    assert following == (canonical(start["next_page"]) if start["next_page"] else None)


@pytest.mark.parametrize("profile", VERSIONS, ids=lambda p: f"{p.name}-v{p.version}")
def test_the_profile_extracts_its_article_page(profile):
    folder, expected = expected_for(profile.name, profile.version)
    page = expected["article"]
    url = page["url"]
    assert profile.owns(url) and profile.is_article(canonical(url))
    assert REGISTRY.version_for(profile.name, date.fromisoformat(page["published"][:10])) is profile
    article = extract_dated((folder / page["file"]).read_bytes(), url,
                            lambda day: REGISTRY.version_for(profile.name, day), fetched_at=page["fetched_at"],
                            headers={"Content-Type": "text/html; charset=utf-8"})
    assert article.title == page["title"]
    assert article.published == page["published"]
    assert article.text.startswith(page["body_start"]), article.text[:120]
    assert article.text.endswith(page["body_end"]), article.text[-120:]


@pytest.mark.parametrize("folder", sorted(p for p in FIXTURES.iterdir() if p.is_dir()), ids=lambda p: p.name)
def test_each_fixture_is_what_its_markup_and_provenance_say(folder):
    """Expected values are the markup's (at the recorded XPath); a made page's sample source is unchanged."""
    assert folder.name in REGISTRY, f"fixtures for {folder.name}, which no profile describes"
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    if meta["provenance"] == "made":
        source = (ROOT / meta["article_source"]).read_bytes()
        assert hashlib.sha256(source).hexdigest() == meta["article_source_sha256"], "sample page changed: rebuild"
    for case in json.loads((folder / "expected.json").read_text(encoding="utf-8")).values():
        page = case["article"]
        tree = lxml.html.fromstring((folder / page["file"]).read_bytes())
        read = {field: " ".join(_text(tree.xpath(xpath)[0]).split()) for field, xpath in page["read_from"].items()}
        assert read["title"] == page["title"]
        assert page["published"][:16].replace("T", " ") in _as_iso(read["published"])
        assert read["body_start"].startswith(page["body_start"]) and read["body_end"].endswith(page["body_end"])
        start = case["start"]
        raw = (folder / start["file"]).read_bytes()
        start_tree = lxml.html.fromstring(raw) if start["kind"] == "listing" else lxml.etree.fromstring(raw)
        assert [" ".join(x.split()) for x in start_tree.xpath(start["read_from"]["articles"])] == start["articles"]
        if "next_page" in start["read_from"]:
            assert start_tree.xpath(start["read_from"]["next_page"]) == ([start["next_page"]] if start["next_page"] else [])


def _text(node) -> str:
    return node if isinstance(node, str) else node.text_content()


def _as_iso(shown: str) -> str:
    """A date as the page shows it (dd/mm/yyyy HH:MM, dd-mm-yyyy HH:MM or ISO) as 'yyyy-mm-dd HH:MM'."""
    if match := re.search(r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})", shown):
        return "{}-{}-{} {}:{}".format(*match.groups())
    day, month, year, hour, minute = re.search(r"(\d{1,2})[/-](\d{1,2})[/-](\d{4})\D+(\d{1,2}):(\d{2})", shown).groups()
    return f"{year}-{int(month):02d}-{int(day):02d} {int(hour):02d}:{minute}"
