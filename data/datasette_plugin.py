"""Datasette plugin: the index's Vietnamese matching as SQL functions for canned queries.

vn_fold(text)  accent-insensitive form (no diacritics, đ -> d, lower case, single spaces)
vn_key(key)    comparison form of a document key ("15/2020/ND-CP" matches "15/2020/NĐ-CP")
vn_match(q)    the accent-insensitive FTS5 expression for a user's query (as ``vnportal search``)
"""
from __future__ import annotations

import sqlite3

from datasette import hookimpl

from data.search import build_match
from data.textnorm import directive_fold, fold_key


def _null_safe(function):
    return lambda value: None if value is None else function(str(value))


@hookimpl
def prepare_connection(conn: sqlite3.Connection) -> None:
    conn.create_function("vn_fold", 1, _null_safe(fold_key), deterministic=True)
    conn.create_function("vn_key", 1, _null_safe(directive_fold), deterministic=True)
    conn.create_function("vn_match", 1, _null_safe(build_match), deterministic=True)
