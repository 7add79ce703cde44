"""Tag views: the statistics and date mentions tagged in articles, one row each with its article."""
from __future__ import annotations

import re

import sqlite_utils

from data.query import QueryError, shown, typed
from data.search import ARTICLE_DAY, article_filters, day_bound
from nlp.vietnamese import fold_key

# What nlp.statistics and nlp.dates store in the ``kind`` columns (nlp.records documents them).
STATISTIC_KINDS = ("count", "percent", "percentage_point", "ratio", "money", "measure")
DATE_KINDS = ("datetime", "date", "day_month", "month", "part", "quarter", "half", "months_of_year", "year",
              "range", "term")

_ARTICLE_SQL = f"{ARTICLE_DAY} AS article_date, a.site, a.title, a.url, a.id AS article_id"
_SPAN_SQL = 't.text, t.start, t."end"'
_WORD = re.compile(r"\w+")


def _kind(value: str | None, kinds: tuple[str, ...]) -> str | None:
    """``value`` as one of ``kinds`` (case ignored); QueryError naming them otherwise."""
    chosen = (typed(value, "kind") or "").strip().lower()
    if chosen and chosen not in kinds:
        raise QueryError(f"unknown kind {shown(value)}: use one of {', '.join(kinds)}")
    return chosen or None


def _words(text: str | None) -> str:
    """Folded words between single spaces, with a space at each end: whole-word matching by ``in``."""
    return f" {' '.join(_WORD.findall(fold_key(text or '')))} "


def statistics(db: sqlite_utils.Database, unit: str | None = None, kind: str | None = None,
               site: str | None = None, since: str | None = None, until: str | None = None) -> list[dict]:
    """Statistics with their article, newest articles first. ``unit`` matches whole words of
    unit_text, accents ignored ("ho ngheo" finds "hộ nghèo, hộ cận nghèo"); dates bound the article date."""
    kind = _kind(kind, STATISTIC_KINDS)
    where, params = article_filters(site=site, since=since, until=until)
    if kind:
        where += " AND t.kind = ?"
        params.append(kind)
    found = _rows(db, f"SELECT {_ARTICLE_SQL}, t.value, t.denominator, t.unit_text, t.qualifier, t.kind, "
                      f"{_SPAN_SQL} FROM statistics t JOIN articles a ON a.id = t.article_id WHERE 1{where}", params)
    if unit:
        wanted = _words(typed(unit, "unit"))
        if not wanted.strip():
            raise QueryError(f"unit {shown(unit)} has no words")
        found = [row for row in found if wanted in _words(row["unit_text"])]
    return found


def _period(within: str) -> tuple[str, str]:
    """``D1..D2`` (or one ``D``; each YYYY, YYYY-MM or YYYY-MM-DD) as (first day, last day)."""
    text = typed(within, "within").strip()
    first, _, last = text.partition("..") if ".." in text else (text, "", text)
    if not (first.strip() and last.strip()):
        raise QueryError(f"{shown(within)} is not a period: use D1..D2 (YYYY, YYYY-MM or YYYY-MM-DD each)")
    start, end = day_bound(first), day_bound(last, end=True)
    if end < start:
        raise QueryError(f"{shown(within)} ends before it starts")
    return start, end


def dates(db: sqlite_utils.Database, kind: str | None = None, within: str | None = None,
          site: str | None = None) -> list[dict]:
    """Date mentions with their article, newest articles first; ``within`` (``_period``) keeps the
    mentions whose start_date..end_date overlaps it."""
    kind = _kind(kind, DATE_KINDS)
    where, params = article_filters(site=site)
    if kind:
        where += " AND t.kind = ?"
        params.append(kind)
    if within:
        start, end = _period(within)
        where += " AND t.start_date <= ? AND t.end_date >= ?"
        params += [end, start]
    return _rows(db, f"SELECT {_ARTICLE_SQL}, t.kind, t.start_date, t.end_date, {_SPAN_SQL} "
                     f"FROM dates t JOIN articles a ON a.id = t.article_id WHERE 1{where}", params)


def _rows(db: sqlite_utils.Database, sql: str, params: list) -> list[dict]:
    """Rows of ``sql`` as dicts, newest articles first, mentions in text order."""
    return list(db.query(f"{sql} ORDER BY article_date DESC, a.id DESC, t.start", params))
