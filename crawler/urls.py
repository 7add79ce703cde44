"""URL canonical form (the key of url_state) and which URLs are web pages."""
from __future__ import annotations

from urllib.parse import urlparse, urlsplit, urlunparse

from w3lib.url import canonicalize_url, url_query_cleaner

# Parameters that only track a click (zarsrc: Zalo shares, common on Vietnamese sites).
TRACKING_PARAMETERS = ("utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content", "fbclid",
                       "gclid", "zarsrc", "_gl")


def canonical(url: str) -> str:
    """The one spelling of ``url`` used as a key: w3lib's canonical form (sorted query, no
    fragment, lower-case host, percent-encoding normalised) without tracking parameters and
    without credentials (``user:pass@`` is never stored, nor sent)."""
    bare = _without_credentials(url)
    return canonicalize_url(url_query_cleaner(bare, TRACKING_PARAMETERS, remove=True, unique=False))


def _without_credentials(url: str) -> str:
    """``url`` without ``user:pass@``; what scrapy.utils.url.strip_url(url, strip_default_port=False,
    strip_fragment=False) returns, without importing Scrapy (and Twisted) for it."""
    parts = urlparse(url)
    if parts.username or parts.password:
        parts = parts._replace(netloc=parts.netloc.split("@")[-1])
    return urlunparse(parts)


def is_web(url: str) -> bool:
    return urlsplit(url).scheme in ("http", "https")
