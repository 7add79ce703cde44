"""HTML -> Article: boilerplate removal, Vietnamese metadata, text normalisation.

Public API: ``extract_html(html, url, profile=None, headers=None) -> Article`` and
``search_form(text) -> str`` (the tone-mark-insensitive form the index compares).
"""
from extract.article import EXTRACTOR_VERSION, Article, ExtractionError
from extract.core import extract_html
from extract.text import search_form

__all__ = ["Article", "EXTRACTOR_VERSION", "ExtractionError", "extract_html", "search_form"]
