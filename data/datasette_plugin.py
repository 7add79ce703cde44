"""Datasette plugin: the index's Vietnamese matching as SQL functions, and size caps on every query.

vn_fold(text)  accent-insensitive form (no diacritics, đ -> d, lower case, single spaces)
vn_key_patterns(typed)  what a typed document reference finds ("05-CT/TW", "Chỉ thị 05"), as
               ``key_patterns`` reads it: a JSON list of GLOB patterns over directives.key_folded
vn_words(title, lead, text, words)  whether an article holds a query's words as words (data.wordedges)
vn_document(key, doc_type)  the key as a person reads it: "Chỉ thị 05-CT/TW (2016)"
vn_search(q)   ``vnportal search``'s best 100 hits as a JSON array of {id, rank, ranked_by, snippet,
               matches (how many articles match in all: "1,234", or "at least 5,001")}:
               bm25 where cheap, else ranked by place, so a large index answers within
               Datasette's time limit. A query ``vnportal search`` rejects (unparsable FTS syntax)
               is searched as its plain words; one without words (an empty form), or still
               rejected (more than 100 syllables), finds nothing.

Caps, so that no query (``?sql=`` included) can build a response of hundreds of megabytes:
VALUE_CAP bytes in any one string or blob (SQLite's length limit: "string or blob too big"),
RESULT_CAP characters of text and bytes of blobs in one query's rows (ResultTooBig).
"""
from __future__ import annotations

import json
import sqlite3
import weakref

import sqlite_utils
from datasette import hookimpl

from data import wordedges
from data.query import QueryError
from data.search import SearchHit, search_counted
from data.textnorm import FTS_TOKEN, document_name, key_params
from nlp.vietnamese import fold_key

SEARCH_HITS = 100
VALUE_CAP = 32 * 2**20  # above the crawler's 10 MiB page cap: every stored page and article text reads
RESULT_CAP = 64 * 2**20


class ResultTooBig(sqlite3.DataError):
    """A query's rows hold more than RESULT_CAP; a DatabaseError, so Datasette shows the message."""


def _null_safe(function):
    return lambda value: None if value is None else function(str(value))


def _search_hits(db: sqlite_utils.Database, query: str) -> tuple[list[SearchHit], str]:
    """``vnportal search``'s hits and how many articles match in all ("1,234", "at least 5,001");
    a query it rejects is searched as its plain words, if it has any; one rejected even so (more
    than 100 syllables) finds nothing."""
    words = " ".join(FTS_TOKEN.findall(query)).lower()  # lower case: "AND" is a word, not an operator
    for attempt in filter(None, (query, words)):
        try:
            found = search_counted(db, attempt, limit=SEARCH_HITS)
        except QueryError:
            continue
        return found.hits, found.matches
    return [], "0"


def _cap_results(conn: sqlite3.Connection) -> None:
    """Make reading more than RESULT_CAP of text and blobs through one cursor raise ResultTooBig."""
    make_row = conn.row_factory
    read: weakref.WeakKeyDictionary[sqlite3.Cursor, int] = weakref.WeakKeyDictionary()

    def capped_row(cursor: sqlite3.Cursor, values: tuple):
        read[cursor] = read.get(cursor, 0) + sum(len(value) for value in values if isinstance(value, (str, bytes)))
        if read[cursor] > RESULT_CAP:
            raise ResultTooBig(f"result too big: more than {RESULT_CAP // 2**20} MiB of text and blobs, "
                               f"ask for fewer rows or columns")
        return make_row(cursor, values) if make_row else values

    conn.row_factory = capped_row


@hookimpl
def prepare_connection(conn: sqlite3.Connection) -> None:
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, VALUE_CAP)
    _cap_results(conn)
    conn.create_function("vn_fold", 1, _null_safe(fold_key), deterministic=True)
    conn.create_function("vn_key_patterns", 1, _null_safe(lambda typed: key_params(typed)[0]), deterministic=True)
    wordedges.register(conn)
    conn.create_function("vn_document", 2, lambda key, doc_type: None if key is None else
                         document_name(str(key), doc_type and str(doc_type)), deterministic=True)

    db = sqlite_utils.Database(conn, execute_plugins=False)

    def vn_search(query: str) -> str:
        hits, matches = _search_hits(db, query)
        return json.dumps([{"id": hit.id, "rank": hit.rank, "ranked_by": hit.ranked_by, "snippet": hit.snippet,
                            "matches": matches} for hit in hits], ensure_ascii=False)

    conn.create_function("vn_search", 1, _null_safe(vn_search))
