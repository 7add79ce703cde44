"""Full-text search over title, lead and text, exact or accent-insensitive, ranked by bm25.

Both FTS5 tables index the search form of each article (NFC, tone marks unified), so an NFD
page and an NFC query meet, and "Thành uỷ" finds "Thành ủy". The exact table keeps diacritics
("bó" is not "bỏ"); the accent-insensitive one folds them and đ ("dang uy" finds "Đảng ủy").
"""
from __future__ import annotations

import calendar
import datetime as dt
import logging
import re
import sqlite3
from dataclasses import asdict, dataclass

import sqlite_utils

from data.textnorm import directive_fold, fold, fold_key, key_match, unify

logger = logging.getLogger(__name__)

MODES = ("accent-insensitive", "exact")
HIGHLIGHT = ("[", "]")  # marks a matched term in a snippet
FTS_TABLES = {"accent-insensitive": "articles_fts", "exact": "articles_fts_exact"}
RANK_WEIGHTS = "5.0, 2.0, 1.0"  # bm25 weights of title, lead, text
ARTICLE_DAY = "substr(coalesce(a.published, a.first_seen), 1, 10)"  # an article's date, YYYY-MM-DD
MAX_LIMIT = 2**63 - 1  # SQLite's largest integer; a larger --limit means "all hits" all the same

_QUERY_TOKEN = re.compile(r'''
    (?P<phrase>"(?:[^"]|"")*")
  | (?P<unclosed>")
  | (?P<operator>\b(?:AND|OR|NOT)\b)
  | (?P<near>\bNEAR\()
  | (?P<column>\b(?:title|lead|text)\s*:)
  | (?P<paren>[()])
  | (?P<distance>,\s*\d+(?=\s*\)))
  | (?P<word>[^\s"()*,]+(?:,[^\s"()*,]+)*)(?P<star>\*)?
  | (?P<other>\S)
''', re.VERBOSE)
_SYNTAX = {"phrase", "operator", "near", "column", "paren", "distance"}


class QueryError(ValueError):
    """A search query or filter that cannot run; the message is one line."""


def _shown(value) -> str:
    """``value`` quoted for an error message, cut short so that the message stays one short line."""
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "…"


def _utf8(value: str | None, what: str) -> str | None:
    """``value``, unless it holds lone surrogates (undecodable command-line bytes), which SQLite cannot take."""
    try:
        (value or "").encode("utf-8")
    except UnicodeEncodeError:
        raise QueryError(f"{what} {_shown(value)} is not valid UTF-8 text") from None
    return value


@dataclass
class SearchHit:
    id: int
    url: str
    site: str
    title: str
    published: str | None
    snippet: str  # matched terms between HIGHLIGHT marks
    rank: float  # bm25: lower is better

    def to_dict(self) -> dict:
        return asdict(self)


def store_search_text(db: sqlite_utils.Database, article_id: int, title: str | None, lead: str | None,
                      text: str | None) -> None:
    """Keep the article's search-form row, and through triggers both FTS rows, in step."""
    row = (unify(title or ""), unify(lead) if lead else None, unify(text or ""))
    old = db.execute("SELECT title, lead, text FROM article_search WHERE article_id = ?", [article_id]).fetchone()
    if old is None:
        db.execute("INSERT INTO article_search (article_id, title, lead, text) VALUES (?, ?, ?, ?)",
                   [article_id, *row])
    elif tuple(old) != row:
        db.execute("UPDATE article_search SET title = ?, lead = ?, text = ? WHERE article_id = ?",
                   [*row, article_id])


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def build_match(query: str, mode: str = "accent-insensitive") -> str:
    """The FTS5 expression for a user's query.

    Plain words are each quoted (so punctuation never breaks the query); when the user writes
    FTS syntax (AND/OR/NOT, "phrases", prefix*, NEAR(...), parentheses, title:/lead:/text:) it is
    kept and only the words are normalised and quoted.
    """
    if mode not in FTS_TABLES:
        raise QueryError(f"unknown search mode {mode!r}: use one of {', '.join(MODES)}")
    normalise = fold if mode == "accent-insensitive" else unify
    # FTS5 reads a NUL as the end of the query ("unterminated string"): it separates words here
    text = _utf8(query, "search query").replace("\x00", " ")
    tokens = [("word" if m.group("word") else m.lastgroup, m) for m in _QUERY_TOKEN.finditer(text)]
    if any(kind == "unclosed" for kind, _ in tokens):
        raise QueryError(f"unbalanced double quote in search query {_shown(query)}")
    advanced = any(kind in _SYNTAX or m.group("star") for kind, m in tokens)
    parts = []
    for kind, m in tokens:
        if kind == "word":
            word = normalise(m.group("word"))
            if any(c.isalnum() for c in word):
                parts.append(_quote(word) + (" *" if m.group("star") else ""))
        elif kind == "phrase":
            parts.append(_quote(normalise(m.group()[1:-1].replace('""', '"'))))
        elif advanced and kind != "other":
            parts.append(m.group().strip())
    if not any(part.startswith('"') for part in parts):
        raise QueryError(f"search query {_shown(query)} has no words to search for")
    return " ".join(parts)


def day_bound(value: str | dt.date, end: bool = False) -> str:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as a day: the first of the period, or its last if ``end``."""
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    try:
        if re.fullmatch(r"\d{4}", text, re.ASCII):
            return f"{text}-12-31" if end else f"{text}-01-01"
        if re.fullmatch(r"\d{4}-\d{1,2}", text, re.ASCII):
            year, month = map(int, text.split("-"))
            return dt.date(year, month, calendar.monthrange(year, month)[1] if end else 1).isoformat()
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise QueryError(f"{_shown(value)} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD") from None


def article_filters(site: str | None = None, since: str | dt.date | None = None,
                    until: str | dt.date | None = None, official: str | None = None,
                    directive: str | None = None, query: str | None = None) -> tuple[str, list]:
    """SQL conditions on articles aliased ``a`` (each starting with AND) and their parameters."""
    clauses, params = [], []
    site, official, directive = (_utf8(site, "site"), _utf8(official, "official"), _utf8(directive, "directive"))
    if site:
        clauses.append("a.site = ?")
        params.append(site)
    if since:
        clauses.append(f"{ARTICLE_DAY} >= ?")
        params.append(day_bound(since))
    if until:
        clauses.append(f"{ARTICLE_DAY} <= ?")
        params.append(day_bound(until, end=True))
    if official:
        # people first, then their mentions by index (joining them the other way scans every mention)
        clauses.append("a.id IN (SELECT m.article_id FROM official_mentions m WHERE m.person_id IN "
                       "(SELECT p.id FROM people p WHERE instr(' ' || p.name_folded || ' ', ?) > 0))")
        params.append(f" {fold_key(official)} ")
    if directive:
        # documents first, then their mentions by index (joining them the other way scans every mention)
        clauses.append("a.id IN (SELECT dm.article_id FROM directive_mentions dm WHERE dm.directive_key IN "
                       f"(SELECT d.key FROM directives d WHERE {key_match('d.key_folded')}))")
        params += [directive_fold(directive)] * 2
    if query:
        clauses.append("a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
        params.append(build_match(query))
    return "".join(f" AND {clause}" for clause in clauses), params


def run(db: sqlite_utils.Database, sql: str, params: list, query: str | None) -> sqlite3.Cursor:
    """Execute a statement that contains a MATCH; FTS5 syntax errors become a QueryError."""
    try:
        return db.execute(sql, params)
    except sqlite3.OperationalError as error:
        if "fts5" in str(error) or "syntax error" in str(error):
            raise QueryError(f"cannot parse search query {_shown(query)}: {error}") from None
        raise


def search(db: sqlite_utils.Database, query: str, mode: str = "accent-insensitive", site: str | None = None,
           since: str | dt.date | None = None, until: str | dt.date | None = None,
           official: str | None = None, directive: str | None = None, limit: int = 20) -> list[SearchHit]:
    """Articles matching ``query``, best first (bm25; title weighs most, then lead, then text)."""
    match = build_match(query, mode)
    if limit < 1:
        raise QueryError("limit must be at least 1")
    fts = FTS_TABLES[mode]
    where, params = article_filters(site, since, until, official, directive)
    # Rank first, then join the articles and make snippets for the hits returned only: both cost
    # per matching row, and common words match most of the index. Filters pick their articles
    # once, tested by membership ("+": never as lookups into the FTS index, which re-runs the MATCH).
    filtered = f" AND +{fts}.rowid IN (SELECT a.id FROM articles a WHERE 1{where})" if where else ""
    ranked = (f"SELECT {fts}.rowid AS id, bm25({fts}, {RANK_WEIGHTS}) AS rank FROM {fts} "
              f"WHERE {fts} MATCH ?{filtered} ORDER BY rank, {fts}.rowid LIMIT ?")
    sql = (f"WITH top AS ({ranked}) SELECT a.id, a.url, a.site, a.title, a.published, "
           f"replace(replace(snippet({fts}, -1, ?, ?, '…', 24), 'ḏ', 'đ'), 'Ḏ', 'Đ'), top.rank "
           f"FROM top CROSS JOIN {fts} CROSS JOIN articles a "  # CROSS JOIN: in this order, by rowid
           f"WHERE {fts} MATCH ? AND {fts}.rowid = top.id AND a.id = top.id ORDER BY top.rank, a.id")
    rows = run(db, sql, [match, *params, min(limit, MAX_LIMIT), *HIGHLIGHT, match], query)
    hits = [SearchHit(*row) for row in rows]
    logger.debug("search %r (%s): %d hits", match, mode, len(hits))
    return hits
