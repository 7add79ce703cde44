"""extract_html: the one public function of the extraction stage (placeholder until issue #4)."""
from __future__ import annotations

import unicodedata

import trafilatura

from extract.article import Article, ExtractionError


def extract_html(html: str | bytes, url: str, profile=None, headers: dict | None = None) -> Article:
    """Return the Article in ``html`` fetched from ``url``; raise ExtractionError if there is none."""
    if isinstance(html, bytes):
        html = html.decode("utf-8", errors="replace")
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    if doc is None or not getattr(doc, "text", None):
        raise ExtractionError("no article text found")
    text = unicodedata.normalize("NFC", doc.text)
    return Article(url=url, title=unicodedata.normalize("NFC", doc.title or ""), text=text,
                   published=doc.date, author=doc.author)
