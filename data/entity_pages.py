"""Entity pages: what the row pages of a person, a document and a site show above the stored row,
read from the index and handed to data/templates/row.html by the extra_template_vars hook."""
from __future__ import annotations

import sqlite3

from datasette import hookimpl
from datasette.utils import tilde_encode, urlsafe_components

from data.textnorm import document_name
from nlp.officials import position_text

ARTICLE_LIMIT = 200  # articles listed on a page, newest first
CO_CITED_LIMIT = 20
CRAWL_RUN_LIMIT = 10

_DAY = "substr(coalesce(a.published, a.first_seen), 1, 10)"  # an article's date, as tagging records it


def _rows(conn: sqlite3.Connection, sql: str, params: list) -> list[dict]:
    cursor = conn.execute(sql, params)
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _articles(conn: sqlite3.Connection, mentions: str, column: str, value) -> dict:
    """The articles with a row in ``mentions`` whose ``column`` is ``value``: newest first, at most
    ARTICLE_LIMIT, and how many there are."""
    where = f"a.id IN (SELECT article_id FROM {mentions} WHERE {column} = ?)"
    return {"articles": _rows(conn, f"SELECT a.id, {_DAY} AS day, a.site, a.title, a.url FROM articles a "
                                    f"WHERE {where} ORDER BY day DESC, a.id DESC LIMIT {ARTICLE_LIMIT}", [value]),
            "article_total": conn.execute(f"SELECT count(*) FROM articles a WHERE {where}", [value]).fetchone()[0]}


def person(conn: sqlite3.Connection, person_id: str) -> dict | None:
    """A person: name, counts and dates, positions in order of first seen, the articles naming them."""
    found = _rows(conn, "SELECT id, name, article_count, first_seen, last_seen FROM people WHERE id = ?", [person_id])
    if not found:
        return None
    positions = _rows(conn, "SELECT title, organization, first_seen, last_seen, article_count FROM person_positions "
                            "WHERE person_id = ? ORDER BY first_seen, last_seen, title, organization", [person_id])
    for position in positions:
        position["position"] = position_text(position["title"], position["organization"])
    return {"kind": "person", **found[0], "positions": positions,
            **_articles(conn, "official_mentions", "person_id", person_id)}


def document(conn: sqlite3.Connection, key: str) -> dict | None:
    """A cited document: its fields, citations per year, the citing articles, the documents cited with it."""
    found = _rows(conn, "SELECT key, doc_type, number, issuer, date, title, article_count, first_cited, last_cited "
                        "FROM directives WHERE key = ?", [key])
    if not found:
        return None
    years = _rows(conn, "SELECT substr(article_day, 1, 4) AS year, count(DISTINCT article_id) AS articles "
                        "FROM directive_mentions WHERE directive_key = ? GROUP BY year ORDER BY year", [key])
    co_cited = _rows(conn, "SELECT other.directive_key AS key, d.doc_type, "
                           "count(DISTINCT other.article_id) AS articles "
                           "FROM directive_mentions this JOIN directive_mentions other "
                           "ON other.article_id = this.article_id AND other.directive_key != this.directive_key "
                           "LEFT JOIN directives d ON d.key = other.directive_key WHERE this.directive_key = ? "
                           f"GROUP BY other.directive_key ORDER BY articles DESC, key LIMIT {CO_CITED_LIMIT}", [key])
    for other in co_cited:
        other["name"] = document_name(other["key"], other["doc_type"])
        other["row_path"] = tilde_encode(other["key"])
    files, cites = _read_documents(conn, key)
    return {"kind": "document", **found[0], "name": document_name(key, found[0]["doc_type"]), "years": years,
            "co_cited": co_cited, "files": files, "cites": cites,
            **_articles(conn, "directive_mentions", "directive_key", key)}


def _read_documents(conn: sqlite3.Connection, key: str) -> tuple[list[dict], list[dict]]:
    """The fetched files that are this document (by their own number), as read, and what they cite."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'documents'").fetchone() is None:
        return [], []
    files = _rows(conn, "SELECT id, url, kind, issuer, date, title, signed_for, signer_title, signer, ocr_confidence, "
                        "(SELECT count(*) FROM json_each(page_methods)) AS pages, "
                        "(SELECT count(*) FROM json_each(page_methods) WHERE value = 'ocr') AS ocr_pages "
                        "FROM documents WHERE status = 'read' AND (key = ? OR bare_key = ?) ORDER BY id", [key, key])
    cites = _rows(conn, "SELECT c.directive_key AS key, d.doc_type, count(*) AS times FROM document_citations c "
                        "JOIN documents f ON f.id = c.document_id LEFT JOIN directives d ON d.key = c.directive_key "
                        "WHERE f.status = 'read' AND (f.key = ? OR f.bare_key = ?) GROUP BY c.directive_key "
                        "ORDER BY c.directive_key", [key, key])
    for cited in cites:
        cited["name"] = document_name(cited["key"], cited["doc_type"])
        cited["row_path"] = tilde_encode(cited["key"])
    return files, cites


def site(conn: sqlite3.Connection, name: str, crawl_runs: bool) -> dict | None:
    """A site: articles per month and, when ``crawl_runs`` may be shown, its latest crawl runs."""
    if conn.execute("SELECT 1 FROM sources WHERE name = ?", [name]).fetchone() is None:
        return None
    months = _rows(conn, f"SELECT substr({_DAY}, 1, 7) AS month, count(*) AS articles FROM articles a "
                         "WHERE a.site = ? GROUP BY month ORDER BY month", [name])
    runs = _rows(conn, "SELECT started, finished, status, requests, new, changed, unchanged, failed FROM crawl_runs "
                       f"WHERE site = ? ORDER BY started DESC, id DESC LIMIT {CRAWL_RUN_LIMIT}",
                 [name]) if crawl_runs else None
    return {"kind": "site", "name": name, "months": months, "runs": runs}


@hookimpl
def extra_template_vars(database, table, view_name, request, datasette):
    """``entity``: the page's entity (or None) on the row pages of people, directives and sources."""
    if view_name != "row" or table not in ("people", "directives", "sources"):
        return {}

    async def entity() -> dict:
        pk = urlsafe_components(request.url_vars["pks"])[0]
        if table == "people":
            read = lambda conn: person(conn, pk)  # noqa: E731
        elif table == "directives":
            read = lambda conn: document(conn, pk)  # noqa: E731
        else:
            runs = await datasette.permission_allowed(request.actor, "view-table", (database, "crawl_runs"),
                                                      default=True)
            read = lambda conn: site(conn, pk, runs)  # noqa: E731
        return {"entity": await datasette.get_database(database).execute_fn(read)}

    return entity
