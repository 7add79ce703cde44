"""tag(): runs every tagger over the NFC text (placeholder until issue #5)."""
from __future__ import annotations

import datetime as dt
import unicodedata

from nlp.records import Tags


def tag(text: str, ref_date: dt.date | None = None) -> Tags:
    """Tag ``text``; ``ref_date`` (usually the publication date) resolves year-less dates."""
    unicodedata.normalize("NFC", text)
    return Tags()
