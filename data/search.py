"""Full-text search over title, lead and text, exact or accent-insensitive.

Both FTS5 tables index the search form of each article (NFC, tone marks unified), so an NFD
page and an NFC query meet, and "Thành uỷ" finds "Thành ủy". The exact table keeps diacritics
("bó" is not "bỏ"); the accent-insensitive one folds them and đ ("dang uy" finds "Đảng ủy").
Beside each, a contentless table of syllable pairs (each two adjacent syllables one token,
"hội_nghị nghị_tổng tổng_kết") answers a query whose phrases all have two syllables or more:
a phrase of pairs at consecutive positions is exactly that phrase of syllables, and the list of
its rarest pair is short where the lists of its syllables are long ("mat tran to quoc").
Snippets still come from the tables of syllables.

Ranking. bm25 (title weighs most, then lead, then text) needs, for its idf, how many articles
hold each token of the query, and FTS5 counts them anew on every query by reading each token's
whole list of articles: on a million articles a common syllable costs tens of milliseconds before
one hit is scored, and each matching article costs about a microsecond more. So bm25 ranks a
query only where that is cheap (articles x query tokens <= BM25_BUDGET, matches <= BM25_MAX_MATCHES)
or when asked to (``rank_all``). A broader query ranks its hits by where its words occur: among
its PLACE_WINDOW most recently indexed matches, those with all its words in the title first
("title"), then within title and lead ("lead"); then every match ("text"), the most recent first
within each. Each step reads the index from its newest end and stops at the window or the limit,
so it costs about the same however many articles match.
"""
from __future__ import annotations

import calendar
import datetime as dt
import itertools
import json
import logging
import math
import re
import sqlite3
from dataclasses import asdict, dataclass, replace

import sqlite_utils

from data.query import (MAX_COMPLETIONS, PAIR_TABLES, Match, QueryError, compile_query, pair_tokens,
                        shown, typed)
from data.textnorm import FTS_TOKEN, key_match, key_params, mark_boundaries, unmark_boundaries
from data.words import folded
from data.wordedges import snippet_of, unmark_held
from nlp.vietnamese import fold_key, unify

logger = logging.getLogger(__name__)

HIGHLIGHT = ("[", "]")  # marks a matched term in a snippet
RANK_WEIGHTS = "5.0, 2.0, 1.0"  # bm25 weights of title, lead, text
ARTICLE_DAY = "substr(coalesce(a.published, a.first_seen), 1, 10)"  # an article's date, YYYY-MM-DD
COUNT_MOST = 5_000  # matches counted (or tested against filters) at most, about 1-2 us each
MAX_LIMIT = 2**63 - 1  # SQLite's largest integer; a larger --limit means "all hits" all the same
BM25_BUDGET = 250_000  # articles in the index x tokens in the query: what bm25's idf reads at most
PREFIX_READ_MOST = 100_000  # articles: past this FTS5 reads a prefix of many words for seconds or minutes
BM25_MAX_MATCHES = 10_000  # matching articles bm25 scores at most
PREFIX_WEIGHT = 5  # a prefix token (tuyen*) reads the lists of every token it starts: counted as 5
PLACE_WINDOW = 1_000  # broad queries: title and lead matches are looked for among this many newest matches
FEW_ARTICLES = 100  # filters allowing no more articles than this: each is looked up in the FTS index
SOME_ARTICLES = 2_000  # filters allowing no more than this: listed once (else tested row by row)
PLACES = (("title", "{title}"), ("lead", "{title lead}"), ("text", None))  # broad queries: where the words are
WORDS_CHECKED_MOST = 2_000  # matches a search reads, at most, for articles holding its words as words
WORDS_COUNTED_MOST = 80  # matches counted, at most, when each is read for its words (~0.05 ms each)
WORDS_BATCH = 64  # matches read for their words at once
_PHRASE = re.compile(r'"((?:[^"]|"")*)"( \*)?')  # a quoted phrase of a compiled query, and its prefix star

@dataclass
class SearchHit:
    id: int
    url: str
    site: str
    title: str
    published: str | None
    snippet: str  # matched terms between HIGHLIGHT marks
    rank: float | None  # bm25, lower is better; None when ranked by place
    ranked_by: str  # "bm25", or the place of a broad query's words: "title", "lead" or "text"

    def to_dict(self) -> dict:
        return asdict(self)


def store_search_text(db: sqlite_utils.Database, article_id: int, title: str | None, lead: str | None,
                      text: str | None) -> tuple[str, str | None, str]:
    """Keep the article's search-form row, and through triggers both FTS rows, in step, and its
    rows of the pair tables; return its title, lead and text in the search form (with the clause
    boundaries marked)."""
    row = (mark_boundaries(unify(title or "")), mark_boundaries(unify(lead)) if lead else None,
           mark_boundaries(unify(text or "")))
    old = db.execute("SELECT title, lead, text FROM article_search WHERE article_id = ?", [article_id]).fetchone()
    if old is not None and tuple(old) == row:
        return row
    if old is None:
        db.execute("INSERT INTO article_search (article_id, title, lead, text) VALUES (?, ?, ?, ?)",
                   [article_id, *row])
    else:
        db.execute("UPDATE article_search SET title = ?, lead = ?, text = ? WHERE article_id = ?",
                   [*row, article_id])
    if old is not None:
        for table, columns in pair_rows(*old).items():
            db.execute(f"INSERT INTO {table}({table}, rowid, title, lead, text) VALUES ('delete', ?, ?, ?, ?)",
                       [article_id, *columns])
    for table, columns in pair_rows(*row).items():
        db.execute(f"INSERT INTO {table}(rowid, title, lead, text) VALUES (?, ?, ?, ?)", [article_id, *columns])
    return row


DOCUMENT_TABLES = {"articles_fts": "documents_fts", "articles_fts_exact": "documents_fts_exact"}


def store_document_search_text(db: sqlite_utils.Database, document_id: int, title: str | None,
                               text: str | None) -> None:
    """Keep a document's search form and its rows of the document FTS tables (its spellings noted
    with the articles'), so that documents are searched with the same semantics."""
    row = (mark_boundaries(unify(title or "")), None, mark_boundaries(unify(text or "")))
    db.execute("INSERT OR REPLACE INTO document_search (document_id, title, lead, text) VALUES (?, ?, ?, ?)",
               [document_id, *row])
    for table in DOCUMENT_TABLES.values():
        db.execute(f"DELETE FROM {table} WHERE rowid = ?", [document_id])
    db.execute("INSERT INTO documents_fts_exact (rowid, title, lead, text) VALUES (?, ?, ?, ?)", [document_id, *row])
    folded = [None if value is None else value.replace("đ", "ḏ").replace("Đ", "Ḏ") for value in row]
    db.execute("INSERT INTO documents_fts (rowid, title, lead, text) VALUES (?, ?, ?, ?)", [document_id, *folded])
    note_spellings(db, *row)


@dataclass
class DocumentHit:
    id: int
    url: str
    key: str | None
    title: str | None
    snippet: str
    rank: float

    def to_dict(self) -> dict:
        return asdict(self)


def search_documents(db: sqlite_utils.Database, query: str, mode: str = "as-typed",
                     limit: int = 20) -> tuple[list[DocumentHit], int]:
    """Attached documents matching ``query`` as articles match it (data.query), best first by bm25
    (title weighs more than text), and how many match in all."""
    if limit < 1:
        raise QueryError("limit must be at least 1")
    compiled = compile_for(db, query, mode)
    fts = DOCUMENT_TABLES[compiled.table]
    words = (" AND EXISTS (SELECT 1 FROM document_search s WHERE s.document_id = d.id "
             "AND vn_words(s.title, s.lead, s.text, ?))") if compiled.words else ""  # words as words, as for articles
    checked = [compiled.words] if compiled.words else []
    sql = (f"SELECT d.id, d.url, d.key, d.title, replace(replace(snippet({fts}, -1, ?, ?, '…', 24), 'ḏ', 'đ'), "
           f"'Ḏ', 'Đ'), bm25({fts}, {RANK_WEIGHTS}) AS rank FROM {fts} JOIN documents d ON d.id = {fts}.rowid "
           f"WHERE {fts} MATCH ?{words} ORDER BY rank, d.id LIMIT ?")
    rows = run(db, sql, [*HIGHLIGHT, compiled.expression, *checked, min(limit, MAX_LIMIT)], query)
    total = run(db, f"SELECT count(*) FROM {fts} JOIN documents d ON d.id = {fts}.rowid WHERE {fts} MATCH ?{words}",
                [compiled.expression, *checked], query).fetchone()[0]
    return [DocumentHit(*row[:4], _snippet(db, "document", row[0], row[4], compiled.words, compiled.expression),
                        row[5]) for row in rows], total


def pair_rows(*search_forms: str | None) -> dict[str, tuple[str | None, ...]]:
    """The columns (title, lead, text in the search form) as the pair tables index them, by table:
    each two adjacent syllables as one token ("hội nghị tổng kết" -> "hội_nghị nghị_tổng
    tổng_kết"), so that a phrase of pairs at consecutive positions is that phrase of syllables;
    in the accent-insensitive table without diacritics."""
    exact, bare = [], []
    for text in search_forms:
        syllables = FTS_TOKEN.findall(text.lower()) if text is not None else None
        exact.append(None if syllables is None else " ".join(pair_tokens(syllables)))
        bare.append(None if syllables is None else " ".join(pair_tokens([folded(s) for s in syllables])))
    return {PAIR_TABLES["exact"]: tuple(exact), PAIR_TABLES["accent-insensitive"]: tuple(bare)}


def note_spellings(db: sqlite_utils.Database, *search_forms: str | None) -> None:
    """Record the tokens (syllables, numbers) that texts in the search form hold, each beside its
    folded form, for ``spellings_of`` and ``completions_of``."""
    syllables = {token for text in search_forms if text for token in FTS_TOKEN.findall(text.lower())}
    db.conn.executemany("INSERT OR IGNORE INTO search_syllables (folded, syllable) VALUES (?, ?)",
                        [(folded(syllable), syllable) for syllable in syllables])


def spellings_of(db: sqlite_utils.Database):
    """The index's spellings of a folded syllable (for data.query): the syllable itself and every
    syllable with diacritics the exact table holds whose letters are its letters."""
    def spellings(folded_syllable: str) -> list[str]:
        rows = db.execute("SELECT syllable FROM search_syllables WHERE folded = ? AND syllable != folded",
                          [folded_syllable])
        return [folded_syllable, *(syllable for (syllable,) in rows)]
    return spellings


def completions_of(db: sqlite_utils.Database):
    """The index's tokens a prefix starts (for data.query): folded tokens for a folded prefix,
    tokens as written for an exact one; None when there are more than MAX_COMPLETIONS (FTS5 then
    reads the prefix itself), a QueryError if the index is too big for that (PREFIX_READ_MOST)."""
    def completions(prefix: str, exact: bool) -> list[str] | None:
        start = folded(prefix)
        if exact:
            sql = ("SELECT syllable FROM search_syllables WHERE folded >= ? AND folded < ? "
                   "AND substr(syllable, 1, ?) = ? LIMIT ?")
            params = [start, start + "\U0010ffff", len(prefix), prefix, MAX_COMPLETIONS + 1]
        else:
            sql = "SELECT DISTINCT folded FROM search_syllables WHERE folded >= ? AND folded < ? LIMIT ?"
            params = [start, start + "\U0010ffff", MAX_COMPLETIONS + 1]
        tokens = [token for (token,) in db.execute(sql, params)]
        if len(tokens) <= MAX_COMPLETIONS:
            return tokens
        if indexed_articles(db) > PREFIX_READ_MOST:
            raise QueryError(f"prefix {shown(prefix + '*')} starts more than {MAX_COMPLETIONS} words of this index: "
                             f"type more of the word")
        return None
    return completions


def indexed_articles(db: sqlite_utils.Database) -> int:
    """About how many articles the index holds (the highest article id searched)."""
    return db.execute("SELECT max(article_id) FROM article_search").fetchone()[0] or 0


def compile_for(db: sqlite_utils.Database, query: str, mode: str = "as-typed") -> Match:
    """``query`` compiled against this index (its spellings and tokens)."""
    return compile_query(query, mode, spellings_of(db), completions_of(db))


def day_bound(value: str | dt.date, end: bool = False) -> str:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as a day: the first of the period, or its last if ``end``."""
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    try:
        if re.fullmatch(r"\d{4}", text, re.ASCII):
            return (dt.date(int(text), 12, 31) if end else dt.date(int(text), 1, 1)).isoformat()
        if re.fullmatch(r"\d{4}-\d{1,2}", text, re.ASCII):
            year, month = map(int, text.split("-"))
            return dt.date(year, month, calendar.monthrange(year, month)[1] if end else 1).isoformat()
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise QueryError(f"{shown(value)} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD") from None


# the person and document filters: the mentions table, its column, the SQL picking the people
# (by name) or documents (by key) the filter names, and that SQL's parameters for a filter value
_MENTIONS = {
    "official": ("official_mentions", "person_id",
                 "SELECT p.id FROM people p WHERE instr(' ' || p.name_folded || ' ', ?) > 0",
                 lambda value: [f" {fold_key(value)} "]),
    "directive": ("directive_mentions", "directive_key",
                  f"SELECT d.key FROM directives d WHERE {key_match('d.key_folded')}",
                  key_params),
}


def article_filters(site: str | None = None, since: str | dt.date | None = None,
                    until: str | dt.date | None = None, official: str | None = None,
                    directive: str | None = None, match: Match | None = None,
                    by_row: bool = False) -> tuple[str, list]:
    """SQL conditions on articles aliased ``a`` (each starting with AND) and their parameters;
    ``match``, a compiled search query (``compile_for``), keeps the articles that match it.

    The person and document filters pick their articles once, by index; ``by_row`` instead tests
    each article in turn (cheaper when only a few articles, found otherwise, are tested).
    """
    clauses, params = [], []
    site, official, directive = (typed(site, "site"), typed(official, "official"), typed(directive, "directive"))
    if site:
        clauses.append("a.site = ?")
        params.append(site)
    if since:
        clauses.append(f"{ARTICLE_DAY} >= ?")
        params.append(day_bound(since))
    if until:
        clauses.append(f"{ARTICLE_DAY} <= ?")
        params.append(day_bound(until, end=True))
    for value, (table, column, picked, values) in ((official, _MENTIONS["official"]),
                                                   (directive, _MENTIONS["directive"])):
        if not value:
            continue
        if by_row:
            clauses.append(f"EXISTS (SELECT 1 FROM {table} m WHERE m.article_id = a.id AND m.{column} IN ({picked}))")
        else:  # the people or documents first, then their mentions by index
            clauses.append(f"a.id IN (SELECT m.article_id FROM {table} m WHERE m.{column} IN ({picked}))")
        params += values(value)
    if match:
        words = match.words
        match = match.pairs or match
        clauses.append(f"a.id IN (SELECT rowid FROM {match.table} WHERE {match.table} MATCH ?)")
        params.append(match.expression)
        if words:
            clauses.append(_HOLDS_WORDS.format(article="a.id"))
            params.append(words)
    return "".join(f" AND {clause}" for clause in clauses), params


# an article holds the query's words as words (data.wordedges), not as parts of longer ones
_HOLDS_WORDS = ("EXISTS (SELECT 1 FROM article_search s WHERE s.article_id = {article} "
                "AND vn_words(s.title, s.lead, s.text, ?))")


def run(db: sqlite_utils.Database, sql: str, params: list, query: str | None) -> sqlite3.Cursor:
    """Execute a statement that contains a MATCH; FTS5 syntax errors become a QueryError."""
    try:
        return db.execute(sql, params)
    except sqlite3.OperationalError as error:
        if "fts5" in str(error) or "syntax error" in str(error):
            raise QueryError(f"cannot parse search query {shown(query)}: {error}") from None
        raise


def search(db: sqlite_utils.Database, query: str, mode: str = "as-typed", site: str | None = None,
           since: str | dt.date | None = None, until: str | dt.date | None = None,
           official: str | None = None, directive: str | None = None, limit: int = 20,
           rank_all: bool = False) -> list[SearchHit]:
    """Articles matching ``query`` (data.query says how a query matches), best first.

    bm25 ranks the matches (title weighs most, then lead, then text) when that is cheap, or
    always with ``rank_all``; a broad query on a large index is ranked by where its words occur
    instead (see ``ranked_by`` and the module's notes on ranking).
    """
    filters = dict(site=site, since=since, until=until, official=official, directive=directive)
    return _search(db, compile_for(db, query, mode), query, filters, limit, rank_all)


@dataclass
class Found:
    """A search's hits, how many articles match in all (``all_counted``: exactly; else at least
    ``total``, see count_matches) and the words of one syllable it read as one (``Match.joined``)."""
    hits: list[SearchHit]
    total: int
    all_counted: bool
    joined: tuple[str, ...]

    @property
    def matches(self) -> str:
        """How many articles match, as said to a user: "1,234", or "at least 5,001"."""
        return f"{'' if self.all_counted else 'at least '}{self.total:,}"


def search_counted(db: sqlite_utils.Database, query: str, mode: str = "as-typed", site: str | None = None,
                   since: str | dt.date | None = None, until: str | dt.date | None = None,
                   official: str | None = None, directive: str | None = None, limit: int = 20,
                   rank_all: bool = False) -> Found:
    """search and count_matches of ``query``, compiled once."""
    compiled = compile_for(db, query, mode)
    filters = dict(site=site, since=since, until=until, official=official, directive=directive)
    verdicts: dict[int, bool] = {}  # whether an article holds the words as words: read once for both
    reads: dict = {}  # the newest matches, read once for both
    hits = _search(db, compiled, query, filters, limit, rank_all, verdicts, reads)
    total, exact = _at_least(_count(db, compiled, query, filters, COUNT_MOST, verdicts, reads), len(hits))
    return Found(hits, total, exact, compiled.joined)


def _search(db: sqlite_utils.Database, shown_by: Match, query: str, filters: dict, limit: int,
            rank_all: bool, verdicts: dict[int, bool] | None = None, reads: dict | None = None) -> list[SearchHit]:
    """search, ``query`` compiled (``shown_by``: snippets come from its table of syllables); ``reads``
    keeps the index reads that a longer ranking or the count may make again (_by_place, _newest)."""
    compiled = shown_by.pairs or shown_by
    if limit < 1:
        raise QueryError("limit must be at least 1")
    limit = min(limit, MAX_LIMIT)
    reads = {} if reads is None else reads
    ranked = _ranked(db, compiled, query, limit, filters, rank_all, reads)
    if shown_by.words:  # ranked further down while articles without the words as words fall out
        wanted, candidates, verdicts = limit, ranked, {} if verdicts is None else verdicts
        ranked = _holding_words(db, candidates, shown_by.words, limit, verdicts)
        while len(ranked) < limit and len(candidates) == wanted and wanted < WORDS_CHECKED_MOST:
            held = max(len(ranked), 1) / len(candidates)  # the share read so far that holds the words
            wanted = min(max(wanted * 4, math.ceil(1.5 * limit / held)), WORDS_CHECKED_MOST)
            candidates = _ranked(db, compiled, query, wanted, filters, rank_all, reads)
            ranked = _holding_words(db, candidates, shown_by.words, limit, verdicts)
    hits = _hits(db, shown_by.table, shown_by.expression, query, ranked, shown_by.words)
    logger.debug("search %r: %d hits", compiled.expression, len(hits))
    return hits


def _ranked(db: sqlite_utils.Database, compiled: Match, query: str, limit: int, filters: dict,
            rank_all: bool, reads: dict) -> list[tuple[int, float | None, str]]:
    """Up to ``limit`` articles matching ``compiled`` and the filters, best first, as (id, rank, ranked_by);
    ``reads`` keeps, for a longer ranking of the same search, the reads that do not depend on ``limit``."""
    fts, match = compiled.table, compiled.expression
    row_filter, row_params = _row_filter(fts, **filters)
    if rank_all or _bm25_is_cheap(db, fts, match, query):
        together, together_params = ((f"rowid NOT IN (SELECT rowid FROM {fts} WHERE {fts} MATCH ?), ",
                                      [compiled.together]) if compiled.together else ("", []))
        sql = (f"SELECT rowid, bm25({fts}, {RANK_WEIGHTS}) AS rank, 'bm25' FROM {fts} "
               f"WHERE {fts} MATCH ?{row_filter} ORDER BY {together}rank, rowid LIMIT ?")
        ranked = [tuple(row) for row in run(db, sql, [match, *row_params, *together_params, limit], query)]
    else:
        allowed = _filtered_ids(db, SOME_ARTICLES, **filters) if row_filter else None
        if allowed is not None and len(allowed) <= FEW_ARTICLES:
            ranked = _by_place(db, fts, match, query, limit, few=allowed, together=compiled.together, reads=reads)
        elif allowed is not None:  # tested against the list of allowed articles
            ranked = _by_place(db, fts, match, query, limit, f" AND +{fts}.rowid IN (SELECT value FROM json_each(?))",
                               [json.dumps(allowed)], together=compiled.together, reads=reads)
        else:
            ranked = _by_place(db, fts, match, query, limit, row_filter, row_params, together=compiled.together,
                               reads=reads)
    return ranked


def _holding_words(db: sqlite_utils.Database, ranked: list[tuple], words: str, limit: int,
                   verdicts: dict[int, bool]) -> list[tuple]:
    """The first ``limit`` of ``ranked`` whose articles hold ``words`` as words, checked a batch at a time;
    ``verdicts`` keeps each article's answer, so a later, longer ranking checks only articles not seen."""
    kept: list[tuple] = []
    for start in range(0, len(ranked), WORDS_BATCH):
        batch = ranked[start:start + WORDS_BATCH]
        unseen = [row[0] for row in batch if row[0] not in verdicts]
        held = {row[0] for row in db.execute(
            f"SELECT ids.value FROM json_each(?) AS ids WHERE {_HOLDS_WORDS.format(article='ids.value')}",
            [json.dumps(unseen), words])} if unseen else set()
        verdicts.update((article, article in held) for article in unseen)
        kept += [row for row in batch if verdicts[row[0]]]
        if len(kept) >= limit:
            break
    return kept[:limit]


def count_matches(db: sqlite_utils.Database, query: str, mode: str = "as-typed", site: str | None = None,
                  since: str | dt.date | None = None, until: str | dt.date | None = None,
                  official: str | None = None, directive: str | None = None,
                  most: int = COUNT_MOST, found: int = 0) -> tuple[int, bool]:
    """How many articles match ``query`` and the filters, and whether that is all of them. Counting
    stops where it would cost too much: after ``most`` matches or, with filters that allow many
    articles, after testing the ``most`` newest matches, or, when each match is read for the
    query's words (``Match.words``), after the WORDS_COUNTED_MOST newest; the count is then a lower
    bound (False), never below ``found``, the matches a search has already returned (those it
    tested may all be newer)."""
    filters = dict(site=site, since=since, until=until, official=official, directive=directive)
    return _at_least(_count(db, compile_for(db, query, mode), query, filters, most), found)


def _at_least(counted: tuple[int, bool], found: int) -> tuple[int, bool]:
    """A count that stopped short is never below ``found``, the matches a search returned."""
    total, exact = counted
    return (total, True) if exact else (max(total, found), False)


def _count(db: sqlite_utils.Database, compiled: Match, query: str, filters: dict, most: int,
           verdicts: dict[int, bool] | None = None, reads: dict | None = None) -> tuple[int, bool]:
    """count_matches, ``query`` compiled, without its floor of matches already found; ``verdicts``:
    the articles a search has read for the words (``_holding_words``); ``reads``: its reads (_newest)."""
    words = compiled.words
    compiled = compiled.pairs or compiled
    fts, match = compiled.table, compiled.expression
    where, params = article_filters(**filters, by_row=True)
    if words:  # each match read for its words: WORDS_COUNTED_MOST at most; the code typed, counted unread
        coded = (_count(db, replace(compiled, expression=compiled.sure, words=None, sure=None), query, filters, most)
                 if compiled.sure else (0, True))
        others = _count_holding_words(db, fts, match, query, words, filters, where, params,
                                      min(most, WORDS_COUNTED_MOST), verdicts or {}, reads, compiled.sure)
        return coded[0] + others[0], coded[1] and others[1]
    if not where:
        every = _read_every(fts, match, reads)
        if every is not None:  # the search has read them all
            return len(every), len(every) <= most
        sql = f"SELECT count(*) FROM (SELECT 1 FROM {fts} WHERE {fts} MATCH ? LIMIT ?)"
        found = run(db, sql, [match, most + 1], query).fetchone()[0]
        return found, found <= most
    allowed = _filtered_ids(db, SOME_ARTICLES, **filters)
    if allowed is not None:  # few articles allowed: each looked up in the index
        sql = f"SELECT count(*) FROM json_each(?) AS ids WHERE {_matches_article(fts, 'ids.value')}"
        return run(db, sql, [json.dumps(allowed), match], query).fetchone()[0], True
    sql = (f"SELECT count(*), coalesce(sum(EXISTS (SELECT 1 FROM articles a WHERE a.id = m.id{where})), 0) "
           f"FROM (SELECT rowid AS id FROM {fts} WHERE {fts} MATCH ? ORDER BY rowid DESC LIMIT ?) AS m")
    tested, found = run(db, sql, [*params, match, most + 1], query).fetchone()
    return found, tested <= most


def _count_holding_words(db: sqlite_utils.Database, fts: str, match: str, query: str, words: str,
                         filters: dict, where: str, params: list, most: int,
                         verdicts: dict[int, bool], reads: dict | None = None,
                         counted_apart: str | None = None) -> tuple[int, bool]:
    """count_matches for a query whose words are read as words: its matches among the few articles
    the filters allow, else among its ``most`` newest matches, that the filters (``where``, tested
    row by row) allow and that hold the words, those matching ``counted_apart`` left out; a lower
    bound (False) when there were more to read. Without filters, an article in ``verdicts`` is not
    read again."""
    allowed = _filtered_ids(db, SOME_ARTICLES, **filters) if where else None
    if allowed is not None:
        sql = (f"SELECT ids.value FROM json_each(?) AS ids WHERE {_matches_article(fts, 'ids.value')} "
               f"ORDER BY ids.value DESC LIMIT ?")
        candidates = [row[0] for row in run(db, sql, [json.dumps(allowed), match, most + 1], query)]
    else:
        candidates = _newest(db, fts, match, query, most + 1, reads)
    counted = candidates[:most]
    if counted_apart:
        apart = {row[0] for row in run(db, f"SELECT ids.value FROM json_each(?) AS ids WHERE "
                                           f"{_matches_article(fts, 'ids.value')}", [json.dumps(counted), counted_apart], query)}
        counted = [article for article in counted if article not in apart]
    known = [article for article in counted if article in verdicts] if not where else []
    unread = [article for article in counted if where or article not in verdicts]
    sql = (f"SELECT count(*) FROM json_each(?) AS m CROSS JOIN articles a "  # CROSS JOIN: the candidates first
           f"WHERE a.id = m.value{where} AND {_HOLDS_WORDS.format(article='a.id')}")
    found = db.execute(sql, [json.dumps(unread), *params, words]).fetchone()[0]
    return found + sum(verdicts[article] for article in known), len(candidates) <= most


def _bm25_is_cheap(db: sqlite_utils.Database, fts: str, match: str, query: str) -> bool:
    """Whether bm25 costs little here: few articles times tokens (its idf reads every posting of
    each token) and few matching articles (each is scored)."""
    articles = indexed_articles(db)
    tokens = sum(PREFIX_WEIGHT if star else 1 for phrase, star in _PHRASE.findall(match) for _ in phrase.split())
    if articles * tokens > BM25_BUDGET:
        return False
    sql = f"SELECT count(*) FROM (SELECT 1 FROM {fts} WHERE {fts} MATCH ? LIMIT ?)"
    return run(db, sql, [match, BM25_MAX_MATCHES + 1], query).fetchone()[0] <= BM25_MAX_MATCHES


def _by_place(db: sqlite_utils.Database, fts: str, match: str, query: str, limit: int, allow: str = "",
              allow_params: list | tuple = (), few: list[int] | None = None,
              together: str | None = None, *, reads: dict) -> list[tuple[int, None, str]]:
    """Up to ``limit`` matches as (id, None, place): among the PLACE_WINDOW newest matches of the
    query, those the filters allow with the words all in the title first, then in title and lead;
    then every allowed match, newest first; within each place, those of the window with the words
    side by side (``together``) first. The filters are either ``allow``, a condition on the rowid, or ``few``,
    the only articles they allow (looked up one by one)."""
    def read(sql: str, params: list) -> list[tuple]:  # a read that does not depend on ``limit``: kept
        key = (sql, json.dumps(params))
        if key not in reads:
            reads[key] = list(run(db, sql, params, query))
        return reads[key]

    if few is None:  # read the index from its newest end
        window = _newest(db, fts, match, query, PLACE_WINDOW, reads)
        if not window:
            return []
        every = len(window) < PLACE_WINDOW  # the window holds every match
        # ascending from the window's oldest match: FTS5 stops a descending scan only at the limit
        in_window = f"SELECT rowid FROM {fts} WHERE {fts} MATCH ?{allow} AND {fts}.rowid >= ?"
        newest = f"SELECT rowid FROM {fts} WHERE {fts} MATCH ?{allow} ORDER BY rowid DESC LIMIT ?"
    else:
        run(db, f"SELECT 1 FROM {fts} WHERE {fts} MATCH ? AND rowid = 0", [match], query)  # a bad query says so
    lookup = f"SELECT ids.value FROM json_each(?) AS ids WHERE {_matches_article(fts, 'ids.value')}"

    def in_place(columns: str | None, words: str) -> list[tuple]:  # the matches with ``words`` in ``columns``
        if columns:
            expression = f"{columns} : ({words})" if words is together else f"({columns} : ({match})) AND ({match})"
        else:
            expression = words
        if few is not None:
            return read(lookup, [json.dumps(few), expression])
        if not columns and not allow and words is match and (every or limit + len(ranked) <= len(window)):
            return [(article_id,) for article_id in window]  # the newest matches: read already
        if columns or every or words is together:  # the words side by side: looked for in the window
            return read(in_window, [expression, *allow_params, window[-1]])
        return list(run(db, newest, [expression, *allow_params, min(limit + len(ranked), MAX_LIMIT)], query))

    ranked: dict[int, str] = {}
    for place, columns, words in [(p, c, w) for p, c in PLACES for w in filter(None, (together, match))]:
        if len(ranked) >= limit:
            break
        if words is together and columns and not in_place(columns, match):
            continue  # none has the words in these columns, so none has them side by side there
        for article_id in sorted((row[0] for row in in_place(columns, words)), reverse=True):
            if len(ranked) < limit:
                ranked.setdefault(article_id, place)
    return [(article_id, None, place) for article_id, place in ranked.items()]


def _newest(db: sqlite_utils.Database, fts: str, match: str, query: str, count: int,
            reads: dict | None = None) -> list[int]:
    """The ``count`` newest matches of ``match``, taken from ``reads`` when an earlier read of as
    many (or of every match) is kept there; a new read is kept there."""
    kept = _kept_newest(reads, fts, match)
    if kept is not None and (kept[0] >= count or len(kept[1]) < kept[0]):
        return kept[1][:count]
    newest = [row[0] for row in run(db, f"SELECT rowid FROM {fts} WHERE {fts} MATCH ? ORDER BY rowid DESC LIMIT ?",
                                     [match, count], query)]
    if reads is not None:
        reads[("newest", fts, match)] = (count, newest)
    return newest


def _kept_newest(reads: dict | None, fts: str, match: str) -> tuple[int, list[int]] | None:
    """(how many were asked for, the rowids found) of the newest matches of ``match`` kept in ``reads``."""
    return reads.get(("newest", fts, match)) if reads is not None else None


def _read_every(fts: str, match: str, reads: dict | None) -> list[int] | None:
    """Every match of ``match``, when a read kept in ``reads`` found fewer than it asked for; else None."""
    kept = _kept_newest(reads, fts, match)
    return kept[1] if kept is not None and len(kept[1]) < kept[0] else None


def _hits(db: sqlite_utils.Database, fts: str, match: str, query: str,
          ranked: list[tuple[int, float | None, str]], words: str | None = None) -> list[SearchHit]:
    """The ranked articles as hits, with snippets, in the order given (``_snippet``)."""
    if not ranked:
        return []
    snippet = (f"SELECT replace(replace(snippet({fts}, -1, ?, ?, '…', 24), 'ḏ', 'đ'), 'Ḏ', 'Đ') FROM {fts} "
               f"WHERE {fts} MATCH ? AND rowid = top.id LIMIT 1")  # LIMIT 1: see _matches_article
    sql = (f"WITH top AS (SELECT key AS position, json_extract(value, '$[0]') AS id, "
           f"json_extract(value, '$[1]') AS rank, json_extract(value, '$[2]') AS ranked_by FROM json_each(?)) "
           f"SELECT a.id, a.url, a.site, a.title, a.published, ({snippet}), top.rank, top.ranked_by "
           f"FROM top CROSS JOIN articles a WHERE a.id = top.id ORDER BY top.position")
    rows = run(db, sql, [json.dumps(ranked), *HIGHLIGHT, match], query)
    return [SearchHit(*row[:5], _snippet(db, "article", row[0], row[5], words, match), *row[6:])
            for row in rows if row[5] is not None]


def _snippet(db: sqlite_utils.Database, kind: str, row_id: int, fts_snippet: str, words: str | None,
             match: str) -> str:
    """FTS5's snippet of an article or document (``kind``) for the query compiled to ``match``, its
    marks kept only where the query's words count (data.wordedges); where none is left, a snippet
    around the first occurrence that counts (FTS5 picks the passage by its syllables: "Nhân [dân vận]
    động ..." for an article holding "Ban Dân vận" further on); where the last mark runs into the
    passage's end, which may cut a phrase ("…[Chỉ thị số]…" for "chỉ thị 05"), the passage run on to
    the phrase's end. Clause boundaries unmarked."""
    kept = unmark_held(fts_snippet, words, HIGHLIGHT)
    if words and HIGHLIGHT[0] not in kept:
        row = _search_row(db, kind, row_id)
        kept = (snippet_of(*row, words, HIGHLIGHT) if row else None) or kept
    if kept.endswith(HIGHLIGHT[1] + "…"):
        kept = _last_phrase_whole(db, kind, row_id, kept, match)
    return unmark_boundaries(kept)


def _search_row(db: sqlite_utils.Database, kind: str, row_id: int) -> tuple | None:
    """The search-form title, lead and text of an article or document (``kind``), as FTS5 indexes them."""
    return db.execute(f"SELECT title, lead, text FROM {kind}_search WHERE {kind}_id = ?", [row_id]).fetchone()


def _last_phrase_whole(db: sqlite_utils.Database, kind: str, row_id: int, snippet: str, match: str) -> str:
    """``snippet`` with its last mark run on to the end of the phrase of ``match`` it starts: snippet()
    ends its passage after 24 tokens, also inside a phrase ("…[Chỉ thị số]…" for "chỉ thị 05"), and the
    tokens the text writes after the passage finish it (FTS5 marks only phrases it found whole).
    Unchanged where the mark starts no longer phrase, or the passage is not found as written."""
    marked = FTS_TOKEN.findall(fold_key(snippet[snippet.rindex(HIGHLIGHT[0]) + 1:-2]))
    rests = [phrase[len(marked):] for phrase in (FTS_TOKEN.findall(fold_key(text)) for text, _ in _PHRASE.findall(match))
             if len(phrase) > len(marked) and phrase[:len(marked)] == marked]
    if not rests:
        return snippet
    row = _search_row(db, kind, row_id)
    passage = snippet[snippet.startswith("…"):-2].replace(HIGHLIGHT[0], "").replace(HIGHLIGHT[1], "")
    for written in filter(None, row or ()):
        if (begin := written.find(passage)) < 0:
            continue
        end = begin + len(passage)
        after = list(itertools.islice(FTS_TOKEN.finditer(written, end), max(map(len, rests))))
        following = [fold_key(token.group()) for token in after]
        finished = [len(rest) for rest in rests if following[:len(rest)] == rest]
        if not finished:
            return snippet
        stop = after[max(finished) - 1].end()
        return f"{snippet[:-2]}{written[end:stop]}{HIGHLIGHT[1]}{'…' if stop < len(written) else ''}"
    return snippet


def _matches_article(fts: str, article: str) -> str:
    """SQL: whether the article whose id is the SQL expression ``article`` matches ``{fts} MATCH ?``.
    A lookup that stops at its row: joined on the rowid instead, FTS5 is asked for the next match
    after it, and for a phrase whose syllables are common but seldom side by side it reads far
    ahead to find one ("Vũ Thị Trang": about 1 ms an article on the 1M index)."""
    return f"EXISTS (SELECT 1 FROM {fts} WHERE {fts} MATCH ? AND rowid = {article})"


def _row_filter(fts: str, **filters) -> tuple[str, list]:
    """The filters as one condition on ``{fts}.rowid``, tested row by row ('' when there are none)."""
    where, params = article_filters(**filters, by_row=True)
    return (f" AND EXISTS (SELECT 1 FROM articles a WHERE a.id = {fts}.rowid{where})", params) if where else ("", [])


def _filtered_ids(db: sqlite_utils.Database, most: int, site=None, since=None, until=None, official=None,
                  directive=None) -> list[int] | None:
    """The articles the filters allow, if there are at most ``most``; else None. Read from the
    narrowest index there is (a person's or a document's mentions, else site and day), stopping early."""
    if official or directive:  # from the mentions of the person (or else of the document)
        table, column, picked, values = _MENTIONS["official" if official else "directive"]
        rest, rest_params = article_filters(site, since, until, directive=directive if official else None,
                                            by_row=True)
        rest = f" AND EXISTS (SELECT 1 FROM articles a WHERE a.id = m.article_id{rest})" if rest else ""
        sql = f"SELECT DISTINCT m.article_id FROM {table} m WHERE m.{column} IN ({picked}){rest} LIMIT ?"
        params = [*values(official or directive), *rest_params]
    else:
        where, params = article_filters(site, since, until)
        sql = f"SELECT a.id FROM articles a WHERE 1{where} LIMIT ?"
    ids = [row[0] for row in db.execute(sql, [*params, most + 1])]
    return ids if len(ids) <= most else None
