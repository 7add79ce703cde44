"""HTML -> Article: boilerplate removal, Vietnamese metadata, text normalisation.

Public API: ``extract_html(html, url, profile=None, headers=None) -> Article``.
"""
from extract.article import Article, EXTRACTOR_VERSION, ExtractionError
from extract.core import extract_html

__all__ = ["Article", "EXTRACTOR_VERSION", "ExtractionError", "extract_html"]
