"""HTML -> Article: boilerplate removal, Vietnamese metadata, text normalisation.

Public API: ``extract_html(html, url, profile=None, headers=None) -> Article``,
``extract_dated(html, url, profile_on, fetched_at=..., headers=...)`` (with the profile version valid on the page's date)
and ``read_page(stream) -> bytes`` (a page's bytes, refused past MAX_PAGE_BYTES before they are all read).
The search form the index compares is ``nlp.vietnamese.search_form``.
"""
from extract.article import EXTRACTOR_VERSION, Article, ExtractionError
from extract.core import MAX_PAGE_BYTES, extract_html, read_page
from extract.dated import extract_dated

__all__ = ["Article", "EXTRACTOR_VERSION", "ExtractionError", "MAX_PAGE_BYTES", "extract_dated", "extract_html",
           "read_page"]
