"""The SQLite index: schema and migrations, raw pages, incremental crawl state,
articles with their tags, search and export.

Public API: ``Index(path)``.
"""
from data.index import FetchedPage, Index

__all__ = ["FetchedPage", "Index"]
