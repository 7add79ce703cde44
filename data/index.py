"""Index: the one SQLite file that holds raw pages, crawl state, articles and tags.

A facade over its parts, each a module of its own: the crawl frontier (data.frontier), raw pages
(data.pages), crawl runs and sources (data.runs), the article store (data.articles) and the
queries (data.queries).
"""
from __future__ import annotations

from pathlib import Path

from data.archives import ArchiveLedger
from data.articles import Articles
from data.database import open_database
from data.documents import DocumentStore
from data.frontier import Frontier
from data.pages import RawPages
from data.queries import Queries
from data.runs import CrawlRuns


class Index(Frontier, RawPages, CrawlRuns, Articles, Queries):
    """Open the index at ``path``: for writing (created and migrated as needed), or with
    ``read_only`` for reading alone. Raises data.database.IndexUnusable for a file that is not
    (and cannot become) a usable index, having written nothing to it."""

    def __init__(self, path: str | Path, *, read_only: bool = False):
        self.path = str(path)
        super().__init__(open_database(self.path, write=not read_only))

    def close(self) -> None:
        self.db.close()

    def archive_ledger(self) -> ArchiveLedger:
        return ArchiveLedger(self.db)

    def document_store(self) -> DocumentStore:
        return DocumentStore(self.db)
