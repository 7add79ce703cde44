"""The SQLite index: schema and migrations, raw pages, incremental crawl state,
articles with their tags, search and export.

Public API: ``Index(path)``.

Each name is imported from its module on first use (lazy_loader): ``data.database`` alone does not
load the extractor and the taggers.
"""
import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach(__name__, submod_attrs={
    "index": ["Index"],
    "pages": ["FetchedPage"],
})
