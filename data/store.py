"""Store: the base of each part of the index (frontier, raw pages, crawl runs, articles, queries)."""
from __future__ import annotations

import sqlite_utils

from data.database import write_transaction


class Store:
    """One part of the index, working on the open database ``db``."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    def transaction(self):
        """A context manager: the writes made inside are committed together, or not at all
        (an error rolls them back; a kill leaves none of them). Takes the write lock at once;
        nests (as a savepoint)."""
        return write_transaction(self.db)
