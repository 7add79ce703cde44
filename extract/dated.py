"""Extraction with the site-profile version valid on the page's own date (portals change layout)."""
from __future__ import annotations

from datetime import date
from typing import Callable

from extract.article import Article, ExtractionError
from extract.core import extract_html


def extract_dated(html: str | bytes, url: str, profile_on: Callable[[date | None], object | None], *,
                  fetched_at: str | None = None, headers: dict | None = None) -> Article:
    """The Article in ``html``, extracted with ``profile_on(day)``: the version valid on the
    page's published date. The capture day chooses the first version (the only one when the page
    shows no date); when the date found falls in another version's period, the page is extracted
    again with that version (kept unless that version finds no article)."""
    captured = profile_on(_day(fetched_at))
    article = extract_html(html, url, profile=captured, headers=headers)
    published = _day(article.published)
    dated = profile_on(published) if published else captured
    if dated == captured:  # an equal profile (e.g. built anew) extracts the same article
        return article
    try:
        return extract_html(html, url, profile=dated, headers=headers)
    except ExtractionError:
        return article


def _day(value: str | None) -> date | None:
    """The day an ISO 8601 date or timestamp names, None when there is none."""
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
