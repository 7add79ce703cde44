"""tag(): runs every tagger over the NFC text and combines their tags."""
from __future__ import annotations

import datetime as dt
import functools
import unicodedata

from nlp.dates import tag_dates
from nlp.directives import tag_directives
from nlp.officials import tag_officials
from nlp.records import Tags
from nlp.statistics import tag_statistics


def _outside(tags: list, spans: list[tuple[int, int]]) -> list:
    return [t for t in tags if not any(t.start < end and start < t.end for start, end in spans)]


def tag(text: str, ref_date: dt.date | None = None) -> Tags:
    """Tag ``text``; ``ref_date`` (usually the publication date) resolves year-less dates.

    Offsets index ``unicodedata.normalize("NFC", text)``. Dates and statistics inside a
    directive's span (its number, its signing date) are left to the directive."""
    text = unicodedata.normalize("NFC", text)
    officials = tag_officials(text)
    dates = tag_dates(text, ref_date)
    directives = tag_directives(text, ref_date, dates)
    spans = [(d.start, d.end) for d in directives]
    by_start = functools.partial(sorted, key=lambda t: (t.start, t.end))
    return Tags(dates=by_start(_outside(dates, spans)),
                officials=by_start(officials),
                directives=by_start(directives),
                statistics=by_start(_outside(tag_statistics(text), spans)))
