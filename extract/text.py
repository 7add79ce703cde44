"""Text cleaning for extraction: NFC, leftover entities, invisible characters, whitespace; the
page's language. (The Vietnamese text rules themselves are in nlp.vietnamese.)"""
from __future__ import annotations

import html
import re
import unicodedata

from nlp.vietnamese import vietnamese_ratio

_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_ENTITY = re.compile(r"&(#\d{2,7}|#[xX][0-9a-fA-F]{2,6}|[a-zA-Z]{2,8});")


def clean_text(text: str) -> str:
    """NFC, leftover HTML entities decoded, invisible characters dropped, spaces collapsed."""
    for _ in range(2):  # twice: some CMSs escape entities again ("&amp;#7899;")
        if "&" not in text or not _ENTITY.search(text):
            break
        text = html.unescape(text)
    text = drop_invisible(unicodedata.normalize("NFC", text))
    return _SPACES.sub(" ", text).strip()


def drop_invisible(text: str) -> str:
    """``text`` without zero-width spaces and joiners, word joiners, BOMs and soft hyphens."""
    return _INVISIBLE.sub("", text)


def detect_language(text: str, declared: str | None = None) -> str:
    """'vi' when the text is Vietnamese by its diacritics, else the page's declared language."""
    if vietnamese_ratio(text) >= 0.2:
        return "vi"
    if declared:
        primary = declared.strip().lower().replace("_", "-").split("-")[0]
        if primary.isalpha() and 2 <= len(primary) <= 3 and primary != "vi":
            return primary
    return "und"
