"""Reading the index: search, entity and tag views, per-site statistics, export rows."""
from __future__ import annotations

from typing import Iterator

from data.entities import Directive, Official, SiteStats, directives, officials, site_stats
from data.export import export_rows
from data.query import FTS_TABLES
from data.search import Found, SearchHit, count_matches, search, search_counted
from data.store import Store
from data.views import dates, statistics

# a run writes about half a page of each full-text index per article it indexes; its merge writes
# about eight times that, so that segments are merged about as fast as they are made
MERGE_PAGES_PER_ARTICLE = 4
MERGE_PAGES_MIN = 1_000


class Queries(Store):
    """What the commands, Datasette views and exports ask of the index."""

    def search(self, query: str, mode: str = "as-typed", site: str | None = None,
               since: str | None = None, until: str | None = None, official: str | None = None,
               directive: str | None = None, limit: int = 20, rank_all: bool = False) -> list[SearchHit]:
        """Articles matching ``query`` (words, or FTS5 syntax), best first; see data.query and data.search."""
        return search(self.db, query, mode=mode, site=site, since=since, until=until, official=official,
                      directive=directive, limit=limit, rank_all=rank_all)

    def search_counted(self, query: str, mode: str = "as-typed", site: str | None = None,
                       since: str | None = None, until: str | None = None, official: str | None = None,
                       directive: str | None = None, limit: int = 20, rank_all: bool = False) -> Found:
        """search and count_matches in one, the query compiled once: the hits, how many match in all."""
        return search_counted(self.db, query, mode=mode, site=site, since=since, until=until, official=official,
                              directive=directive, limit=limit, rank_all=rank_all)

    def count_matches(self, query: str, mode: str = "as-typed", site: str | None = None,
                      since: str | None = None, until: str | None = None, official: str | None = None,
                      directive: str | None = None, found: int = 0) -> tuple[int, bool]:
        """How many articles match (counted up to data.search.COUNT_MOST), and whether that is all;
        a count that is not all is at least ``found`` (the hits a search returned)."""
        return count_matches(self.db, query, mode=mode, site=site, since=since, until=until, official=official,
                             directive=directive, found=found)

    def optimize_search(self) -> None:
        """Merge each full-text index into one segment (FTS5 'optimize'): each query term is then
        one lookup; it rewrites every table whole (about a minute at a million articles)."""
        with self.transaction():
            for table in FTS_TABLES.values():
                self.db.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")

    def merge_search(self, articles: int) -> None:
        """After a run that indexed ``articles`` new or changed articles: merge the segments of each
        full-text index (FTS5 'merge'), writing about MERGE_PAGES_PER_ARTICLE pages for each, so
        that a night costs what it added, not a rewrite of the whole index."""
        pages = max(MERGE_PAGES_MIN, MERGE_PAGES_PER_ARTICLE * articles)
        with self.transaction():
            for table in FTS_TABLES.values():
                self.db.execute(f"INSERT INTO {table}({table}, rank) VALUES ('merge', ?)", [-pages])

    def officials(self, name: str | None = None, site: str | None = None, since: str | None = None,
                  until: str | None = None) -> list[Official]:
        """People mentioned, with positions, article count and first/last seen; see data.entities."""
        return officials(self.db, name=name, site=site, since=since, until=until)

    def directives(self, key: str | None = None, type: str | None = None, issuer: str | None = None,
                   site: str | None = None, since: str | None = None, until: str | None = None) -> list[Directive]:
        """Cited documents with article count and first/last cited; see data.entities."""
        return directives(self.db, key=key, type=type, issuer=issuer, site=site, since=since, until=until)

    def statistics(self, unit: str | None = None, kind: str | None = None, site: str | None = None,
                   since: str | None = None, until: str | None = None) -> list[dict]:
        """Statistics tagged in articles, each with its article; see data.views."""
        return statistics(self.db, unit=unit, kind=kind, site=site, since=since, until=until)

    def dates(self, kind: str | None = None, within: str | None = None, site: str | None = None) -> list[dict]:
        """Date mentions tagged in articles, each with its article; see data.views."""
        return dates(self.db, kind=kind, within=within, site=site)

    def stats(self) -> list[SiteStats]:
        """Per-site counts of articles and tags, the latest crawl run, and a TOTAL row."""
        return site_stats(self.db)

    def export_rows(self, table: str, site: str | None = None, since: str | None = None,
                    until: str | None = None, query: str | None = None) -> Iterator[dict]:
        """Rows of an export table (see data.export.EXPORT_COLUMNS), streamed from a cursor."""
        return export_rows(self.db, table, site=site, since=since, until=until, query=query)

    def has_site(self, site: str) -> bool:
        """Whether the index has articles of ``site``."""
        return self.db.execute("select 1 from articles where site = ? limit 1", [site]).fetchone() is not None

    def count(self, table: str) -> int:
        return self.db[table].count
