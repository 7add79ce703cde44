"""The SQLite index: schema and migrations, raw pages, incremental crawl state,
articles with their tags, search and export.

Public API: ``Index(path)``.
"""
from data.index import Index
from data.pages import FetchedPage

__all__ = ["FetchedPage", "Index"]
