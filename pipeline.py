"""vnportal command line: every command is a thin wrapper over one public function."""
from __future__ import annotations

import logging
import os
import sys

import datetime as dt

import click

log = logging.getLogger(__name__)

DEFAULT_DB = "vnportal.db"


def default_db() -> str:
    """The index path: $VNPORTAL_DB, else ./vnportal.db (read here, at the edge, only)."""
    return os.environ.get("VNPORTAL_DB", DEFAULT_DB)


db_option = click.option("--db", "db_path", type=click.Path(dir_okay=False), default=default_db,
                         show_default="./vnportal.db or $VNPORTAL_DB", help="SQLite index file.")


@click.group()
@click.option("-v", "--verbose", count=True, help="More log lines on stderr (-vv for debug).")
def cli(verbose: int) -> None:
    """vnportal: crawl Vietnamese provincial portals, extract, tag and index articles."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, stream=sys.stderr, format="%(asctime)s %(levelname)s %(name)s: %(message)s")


def _utcnow() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


def _ref_date(published: str | None, fetched_at: str) -> dt.date:
    """The date year-less mentions resolve against: the article's own date, else the fetch day."""
    for value in (published, fetched_at):
        if value:
            try:
                return dt.date.fromisoformat(value[:10])
            except ValueError:
                continue
    raise ValueError("no reference date")


def process_pending(index) -> dict[str, int]:
    """Extract, tag and index every raw page still pending; return counts per outcome."""
    from extract import ExtractionError, extract_html
    from nlp import tag

    counts: dict[str, int] = {}
    for page in index.pending_pages():
        try:
            if page.status != 200:
                raise ExtractionError(f"HTTP {page.status}")
            article = extract_html(page.body, page.url, profile=_profile_for(page.site),
                                   headers=page.headers)
            tags = tag(article.text, _ref_date(article.published, page.fetched_at))
            outcome = index.add_article(page, article, tags)
            index.mark_page(page.id, "indexed", outcome, _utcnow())
        except ExtractionError as exc:
            outcome = "rejected"
            index.mark_page(page.id, outcome, str(exc), _utcnow())
            log.info("rejected %s: %s", page.url, exc)
        counts[outcome] = counts.get(outcome, 0) + 1
    return counts


def _profile_for(site: str):
    """The site profile a page was crawled under, when the registry knows it."""
    try:
        from crawler.sites import get_profile
    except ImportError:
        return None
    try:
        return get_profile(site)
    except KeyError:
        return None


def main() -> None:
    cli(prog_name="vnportal")


if __name__ == "__main__":
    main()
