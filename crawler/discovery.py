"""Finding article URLs: feeds, sitemaps, links, pagers, and telling articles from listings.

Pure functions over responses and URLs, so the spider's decisions can be tested on stored pages.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Callable
from urllib.parse import parse_qsl, urljoin, urlsplit

from lxml import etree
from parsel import Selector

from crawler.urls import canonical, is_web
from extract.article import is_attachment
from extract.encoding import decode_html

if TYPE_CHECKING:
    from collections.abc import Mapping

    from scrapy.http import Response

VIETNAM = timezone(timedelta(hours=7))
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json")
# Pager links: a page number in a query parameter (Liferay's ..._cur=N included) or in the last path segment.
PAGE_PARAM = re.compile(r"^(page|pg|trang|pageindex|pagenumber|paged|[a-z0-9_]*_cur)$", re.I)
PAGE_SEGMENT = re.compile(r"/(?:page|trang|p)[-/]?(\d+)(?:\.html?|\.aspx)?/?$", re.I)
INDEX_SEGMENT = re.compile(r"/(?:index|default)\.(?:html?|aspx|php)$", re.I)
DATE_LINE = re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d{2}\b|\b(?:19|20)\d{2}-\d{2}-\d{2}\b")
NUMERIC_ID = re.compile(r"(?:^|[-_/])\d{3,}(?:\.[a-z]{2,5})?$", re.I)
ID_PARAMS = re.compile(r"^(id|nid|newsid|itemid|bvid|articleid|postid|p)$", re.I)


def parse_date(value: str | None) -> datetime | None:
    """A sitemap ``lastmod`` (W3C datetime) or feed date (RFC 822) as an aware datetime;
    a time without zone is Vietnam time (UTC+7), the zone of every portal here."""
    if not value or not value.strip():
        return None
    value = value.strip()
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        try:
            parsed = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            parsed = _dateparser_date(value)
            if parsed is None:
                return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=VIETNAM)


# Portal feeds also write "15/01/2020 08:22" or "Thứ Tư, 15/01/2020 08:22": dateparser reads those;
# only absolute dates with day, month and year, so nothing is ever filled in from today.
_DATEPARSER_SETTINGS = {"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"],
                        "PARSERS": ["custom-formats", "absolute-time"], "TIMEZONE": "+0700",
                        "RETURN_AS_TIMEZONE_AWARE": True}


def _dateparser_date(value: str) -> datetime | None:
    import dateparser

    return dateparser.parse(value, languages=["vi", "en"], settings=_DATEPARSER_SETTINGS)


def feed_entries(body: bytes) -> list[tuple[str, datetime | None]] | None:
    """(link, date) of every item of an RSS, RDF or Atom feed; None if ``body`` is not a feed.
    The date is the latest of updated/published/pubDate."""
    try:
        selector = Selector(body=body, type="xml")
    except (ValueError, TypeError):
        return None
    selector.remove_namespaces()
    root = selector.xpath("/*")
    if not root or root[0].root.tag not in ("rss", "feed", "RDF"):
        return None
    entries = []
    for item in selector.xpath("//item"):
        link = item.xpath("normalize-space(link)").get() or item.xpath("normalize-space(guid)").get()
        dates = [parse_date(d) for d in item.xpath("pubDate/text() | date/text() | updated/text()").getall()]
        entries.append((link, max((d for d in dates if d), default=None)))
    for entry in selector.xpath("//entry"):
        link = (entry.xpath("link[@rel='alternate']/@href").get() or entry.xpath("link[not(@rel)]/@href").get()
                or entry.xpath("link/@href").get())
        dates = [parse_date(d) for d in entry.xpath("updated/text() | published/text()").getall()]
        entries.append((link, max((d for d in dates if d), default=None)))
    return [(link, day) for link, day in entries if link]


def feed_links(response: Response) -> list[str]:
    """Feeds a page announces (<link rel=alternate type=application/rss+xml>) or links to
    (an "RSS" index page lists one feed per section)."""
    found = [urljoin(response.url, href) for href in response.xpath(
        "//link[contains(concat(' ', normalize-space(@rel), ' '), ' alternate ')]"
        "[" + " or ".join(f"@type='{t}'" for t in FEED_TYPES) + "]/@href").getall()]
    for href in response.xpath("//a/@href").getall():
        url = urljoin(response.url, href.strip())
        path = urlsplit(url).path.lower()
        name = path.rstrip("/").rsplit("/", 1)[-1]
        if name in ("feed", "rss", "atom") or name.endswith((".rss", ".atom")) or \
                (name.endswith(".xml") and ("rss" in name or "feed" in name)):
            found.append(url)
    return _unique(canonical(url) for url in found if is_web(url))


def page_links(response: Response) -> list[str]:
    """Canonical absolute http(s) targets of the page's <a href>, in order, without repeats."""
    base = response.xpath("//base/@href").get() or response.url
    hrefs = (href.strip() for href in response.xpath("//a/@href").getall())
    return _unique(canonical(urljoin(base, href)) for href in hrefs
                   if href and not href.startswith(("#", "javascript:", "mailto:", "tel:"))
                   and is_web(urljoin(base, href)))


def rel_next(response: Response) -> str | None:
    href = response.xpath("//a[contains(concat(' ', normalize-space(@rel), ' '), ' next ')]/@href"
                          " | //link[contains(concat(' ', normalize-space(@rel), ' '), ' next ')]/@href").get()
    return canonical(urljoin(response.url, href.strip())) if href else None


def next_page(response: Response, links: list[str], page: int) -> str | None:
    """The link to page ``page + 1`` of this listing: rel=next, else a link that differs from
    this page only by a page number equal to ``page + 1``."""
    if found := rel_next(response):
        return found
    here = _listing_key(canonical(response.url))
    for link in links:
        if page_number(link) == page + 1 and _listing_key(link) == here:
            return link
    return None


def listing_articles(site_links: list[str], here: str, is_article: Callable[[str], bool]) -> list[str]:
    """The article links of a listing page at ``here``: its links on the site that ``is_article``
    accepts, less the page itself, attachments and pager links."""
    return [link for link in site_links if link != here and not is_attachment(link)
            and page_number(link) is None and is_article(link)]


def following_page(response: Response, links: list[str], page: int, page_pattern_url: str | None) -> str | None:
    """Page ``page + 1`` of a listing: ``page_pattern_url`` (the profile's address for it) when
    the page links to it, else the pager's link (next_page)."""
    if page_pattern_url is not None:
        wanted = canonical(page_pattern_url)
        if wanted in links or wanted == rel_next(response):
            return wanted
    return next_page(response, links, page)


def page_number(url: str) -> int | None:
    """The page number a pager URL carries, if any."""
    parts = urlsplit(url)
    for key, value in parse_qsl(parts.query):
        if PAGE_PARAM.match(key) and value.isdigit():
            return int(value)
    match = PAGE_SEGMENT.search(parts.path)
    return int(match.group(1)) if match else None


def _listing_key(url: str) -> tuple[str, str, tuple]:
    parts = urlsplit(url)
    path = INDEX_SEGMENT.sub("/", PAGE_SEGMENT.sub("/", parts.path)).rstrip("/")
    query = tuple(sorted((k, v) for k, v in parse_qsl(parts.query) if not PAGE_PARAM.match(k)))
    return parts.netloc, path, query


def looks_like_article(url: str) -> bool:
    """URL shape of an article: a numeric id (slug-123.html, ?nid=123) or a long slug."""
    parts = urlsplit(url)
    if is_attachment(url) or page_number(url) is not None:
        return False
    if any(ID_PARAMS.match(k) and v.isdigit() for k, v in parse_qsl(parts.query)):
        return True
    last = parts.path.rstrip("/").rsplit("/", 1)[-1]
    return bool(NUMERIC_ID.search(last)) or last.count("-") >= 4


def _segment_pattern(segment: str, last: bool) -> str:
    if segment.isdigit():
        return r"\d+"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", segment):
        return r"\d{4}-\d{2}-\d{2}"
    if not last:
        return re.escape(segment)
    stem, dot, ext = segment.rpartition(".") if re.search(r"\.[A-Za-z]{2,5}$", segment) else (segment, "", "")
    suffix = re.escape(dot + ext)
    if re.search(r"-\d{3,}$", stem):
        return r"[^/?#]+-\d+" + suffix
    if stem.count("-") >= 4:
        return r"[^/?#]+" + suffix
    return re.escape(segment)


def url_pattern(url: str) -> str:
    """A regex for URLs shaped like ``url``: same host and sections, any slug/id where it has one."""
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    path = "/".join(_segment_pattern(s, i == len(segments) - 1) for i, s in enumerate(segments))
    query = "&".join(f"{re.escape(k)}=" + (r"\d+" if v.isdigit() else r"[^&#]*")
                     for k, v in sorted(parse_qsl(parts.query, keep_blank_values=True)))
    trailing = "/" if parts.path.endswith("/") and segments else ""
    return (rf"^https?://{re.escape(parts.netloc)}/{path}{trailing}" + (rf"\?{query}" if query else "") + "$")


def article_pattern(links: list[str], seed: str | None = None, min_group: int = 3) -> str | None:
    """The URL regex of the articles among ``links``: the biggest group of article-shaped links
    sharing one shape (the group of ``seed``, an article URL, when it has one)."""
    if seed and looks_like_article(seed):
        return url_pattern(seed)
    shapes = Counter(url_pattern(link) for link in links if looks_like_article(link))
    if not shapes:
        return None
    pattern, size = shapes.most_common(1)[0]
    return pattern if size >= min_group else None


def page_kind(response: Response, links: list[str]) -> str:
    """'article', 'listing' or 'other'. An article has one block of long paragraphs and a date
    line (or an article-shaped URL); a listing has many links of one article shape, or a few and a pager."""
    per_parent: Counter = Counter()
    for paragraph in response.xpath("//p"):
        text = " ".join(paragraph.xpath("string()").get().split())
        if len(text) >= 60:
            per_parent[paragraph.root.getparent()] += len(text)
    dense = max(per_parent.values(), default=0)
    body_text = response.xpath("string(//body)").get() or ""
    dated = DATE_LINE.search(body_text) is not None
    same_shape = Counter(url_pattern(link) for link in links if looks_like_article(link))
    biggest = max(same_shape.values(), default=0)
    pager = rel_next(response) is not None or any(page_number(link) is not None for link in links)
    if dense >= 500 and (dated or looks_like_article(response.url)):
        return "article"
    if biggest >= 5 or (biggest >= 2 and pager):
        return "listing"
    return "article" if dense >= 300 else "other"


_HIDDEN = ("script", "style", "noscript")  # elements whose text no reader sees


def page_text_hash(body: bytes, headers: Mapping | None = None, body_selector: str | None = None) -> str:
    """SHA-256 of the page's visible text (of ``body_selector`` when given), whitespace
    collapsed, NFC: a re-fetch with the same text is 'unchanged' whatever the markup did. The page
    is decoded as the extractor decodes it (``decode_html``), by the crawler and by ``ingest`` alike."""
    page = Selector(text=decode_html(body, headers))
    roots = page.css(body_selector) if body_selector else []
    if not roots:
        roots = page.xpath("//body") or page.xpath("/*")
    shown = [root.root for root in roots if isinstance(root.root, etree._Element)
             and not any(element.tag in _HIDDEN for element in (root.root, *root.root.iterancestors()))]
    texts = []
    for root in shown:  # the page was parsed for this hash alone: its hidden elements can go
        etree.strip_elements(root, *_HIDDEN, with_tail=False)
        texts.extend(root.itertext())
    text = unicodedata.normalize("NFC", " ".join(" ".join(texts).split()))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _unique(urls) -> list[str]:
    return list(dict.fromkeys(urls))
