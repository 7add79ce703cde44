"""URL canonical form (the key of url_state) and attachment recognition."""
from __future__ import annotations

from posixpath import splitext
from urllib.parse import urlparse, urlsplit, urlunparse

from w3lib.url import canonicalize_url, url_query_cleaner

ATTACHMENT_EXTENSIONS = frozenset({".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".zip", ".rar",
                                   ".7z", ".odt", ".ods", ".rtf"})
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


def is_attachment(url: str) -> bool:
    """True for links to documents (PDF, Word, Excel, archives), which are never fetched as articles."""
    return splitext(urlsplit(url).path.lower())[1] in ATTACHMENT_EXTENSIONS


def is_web(url: str) -> bool:
    return urlsplit(url).scheme in ("http", "https")
