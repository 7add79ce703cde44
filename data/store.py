"""Store: the base of each part of the index (frontier, raw pages, crawl runs, articles, queries)."""
from __future__ import annotations

import gzip

import sqlite_utils

from data.database import write_transaction


def gzipped(body: bytes) -> bytes:
    """A raw page or file compressed for keeping: gzip at level 5. On the 58 real portal pages (7.99 MB) it
    takes 104 ms against 171 ms at zlib's default level 6 and 372 ms at level 9, for 2.1% and 3.1% more bytes
    (20.7% of the raw size; level 4 takes 75 ms for 6% more)."""
    return gzip.compress(body, compresslevel=5)


def _insert_sql(table: str, row: dict) -> str:
    columns = ", ".join(f"[{name}]" for name in row)
    return f"INSERT INTO [{table}] ({columns}) VALUES ({', '.join('?' * len(row))})"


def insert_row(db: sqlite_utils.Database, table: str, row: dict) -> int:
    """Insert ``row`` into ``table`` (a fixed table name, never user text); return its rowid.
    Plain SQL on the crawl and processing paths: sqlite-utils' insert reads the schema on every call."""
    return db.execute(_insert_sql(table, row), list(row.values())).lastrowid


def upsert_row(db: sqlite_utils.Database, table: str, row: dict, key: str) -> None:
    """Insert ``row`` into ``table``, or give the row with its ``key`` (the primary key) the other
    values of ``row``: sqlite-utils' upsert, without its schema reads."""
    updates = ", ".join(f"[{name}] = excluded.[{name}]" for name in row if name != key)
    db.execute(f"{_insert_sql(table, row)} ON CONFLICT([{key}]) DO UPDATE SET {updates}", list(row.values()))


class Store:
    """One part of the index, working on the open database ``db``."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    def transaction(self):
        """A context manager: the writes made inside are committed together, or not at all
        (an error rolls them back; a kill leaves none of them). Takes the write lock at once;
        nests (as a savepoint)."""
        return write_transaction(self.db)
