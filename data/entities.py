"""Entity queries: officials (people and their positions), cited documents, per-site counts."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

import sqlite_utils

from data.search import article_filters
from data.textnorm import document_name, key_match, key_params
from nlp.officials import position_text
from nlp.vietnamese import fold_key


@dataclass
class Official:
    id: int
    name: str
    positions: list[str]  # "title organization" (nlp.officials.position_text), most recently seen first
    article_count: int
    first_seen: str | None
    last_seen: str | None
    province: str | None  # of the sites that mention them (data.people.person_key); None: national sites
    tenures: list[dict]  # each position with its first and last seen, in the order of ``positions``

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Directive:
    key: str
    doc_type: str | None
    type_code: str | None
    number: str | None
    issuer_code: str | None
    year: int | None
    date: str | None
    issuer: str | None
    title: str | None
    article_count: int
    first_cited: str | None
    last_cited: str | None
    signer: str | None = None  # from the document itself, when it was fetched and read
    signer_title: str | None = None
    document_url: str | None = None
    source: str = "citations"  # where date, issuer and title come from: "document" or "citations"
    cited_date: str | None = None  # what the citations said, kept beside the document's own values
    cited_issuer: str | None = None
    cited_title: str | None = None
    document: str = field(init=False)  # the key as a person reads it: "Chỉ thị 05-CT/TW (2016)"

    def __post_init__(self) -> None:
        self.document = document_name(self.key, self.doc_type)
        self.cited_date, self.cited_issuer, self.cited_title = self.date, self.issuer, self.title

    def read_from(self, date: str | None, issuer: str | None, title: str | None, signer: str | None,
                  signer_title: str | None, url: str) -> None:
        """The document's own header outranks the citations (which stay in ``cited_*``)."""
        self.date, self.issuer, self.title = date or self.date, issuer or self.issuer, title or self.title
        self.signer, self.signer_title, self.document_url, self.source = signer, signer_title, url, "document"

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class SiteStats:
    site: str
    articles: int = 0
    officials: int = 0  # distinct people mentioned
    official_mentions: int = 0
    directives: int = 0  # distinct documents cited
    directive_mentions: int = 0
    statistics: int = 0
    dates: int = 0
    last_run: str | None = None  # end (or start, if unfinished) of the latest crawl run
    last_run_status: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)


def officials(db: sqlite_utils.Database, name: str | None = None, site: str | None = None,
              since: str | None = None, until: str | None = None) -> list[Official]:
    """People mentioned in articles, most cited first; ``name`` matches whole words, accents ignored.

    With ``site``, ``since`` or ``until`` (data.search.article_filters) the counts and dates cover
    those articles only, and people they do not mention are left out.
    """
    where, params = "", []
    if name:
        where = " AND instr(' ' || p.name_folded || ' ', ?) > 0"
        params.append(f" {fold_key(name)} ")
    if site or since or until:
        articles, article_params = article_filters(site=site, since=since, until=until)
        sql = ("SELECT p.id, p.name, count(DISTINCT m.article_id), min(m.article_day), max(m.article_day), p.province "
               "FROM people p JOIN official_mentions m ON m.person_id = p.id JOIN articles a ON a.id = m.article_id "
               f"WHERE 1{articles}{where} GROUP BY p.id")
        params = article_params + params
    else:
        sql = ("SELECT p.id, p.name, p.article_count, p.first_seen, p.last_seen, p.province FROM people p "
               f"WHERE 1{where}")
    rows = db.execute(f"{sql} ORDER BY 3 DESC, 2", params).fetchall()
    found = []
    for person_id, person, count, first, last, province in rows:
        tenures = _tenures(db, person_id)
        found.append(Official(person_id, person, [t["position"] for t in tenures], count, first, last, province,
                              tenures))
    return found


def _tenures(db: sqlite_utils.Database, person_id: int) -> list[dict]:
    rows = db.execute("SELECT title, organization, first_seen, last_seen FROM person_positions WHERE person_id = ? "
                      "ORDER BY last_seen DESC, article_count DESC, title", [person_id])
    return [{"position": position_text(title, organization), "first_seen": first, "last_seen": last}
            for title, organization, first, last in rows]


def directives(db: sqlite_utils.Database, key: str | None = None, type: str | None = None,
               issuer: str | None = None, site: str | None = None, since: str | None = None,
               until: str | None = None) -> list[Directive]:
    """Cited documents, most cited first. ``type`` matches the code or the type in words
    ("NQ", "Nghị quyết"), ``issuer`` the issuer code or words ("TW", "Bộ Chính trị"); accents ignored.
    With ``site``, ``since`` or ``until`` the counts and dates cover those articles only."""
    columns = "d.key, d.doc_type, d.type_code, d.number, d.issuer_code, d.year, d.date, d.issuer, d.title"
    where, params = "", []
    if key:
        where = f" AND {key_match('d.key_folded')}"
        params += key_params(key)
    if site or since or until:
        articles, article_params = article_filters(site=site, since=since, until=until)
        sql = (f"SELECT {columns}, count(DISTINCT m.article_id), min(m.article_day), max(m.article_day) "
               "FROM directives d JOIN directive_mentions m ON m.directive_key = d.key "
               f"JOIN articles a ON a.id = m.article_id WHERE 1{articles}{where} GROUP BY d.key")
        params = article_params + params
    else:
        sql = f"SELECT {columns}, d.article_count, d.first_cited, d.last_cited FROM directives d WHERE 1{where}"
    found = [Directive(*row) for row in db.execute(sql + " ORDER BY 10 DESC, 1", params)]
    _read_documents(db, found)
    if type:
        wanted = fold_key(type)
        found = [d for d in found if wanted in (fold_key(d.type_code or ""), fold_key(d.doc_type or ""))]
    if issuer:
        wanted = fold_key(issuer)
        found = [d for d in found if wanted == fold_key(d.issuer_code or "") or wanted in fold_key(d.issuer or "")]
    return found


def _read_documents(db: sqlite_utils.Database, found: list[Directive]) -> None:
    """Fill in what the fetched documents say of themselves (the first read document of a key, or
    of its number without the year, for a directive only cited by number)."""
    if not found or "documents" not in db.table_names():
        return
    by_key: dict[str, tuple] = {}
    for row in db.execute("SELECT key, bare_key, date, issuer, title, signer, signer_title, url FROM documents "
                          "WHERE status = 'read' AND key IS NOT NULL ORDER BY id"):
        by_key.setdefault(row[0], row[2:])
        by_key.setdefault(row[1], row[2:])
    for directive in found:
        if own := by_key.get(directive.key):
            directive.read_from(*own)


_SITE_COUNTS = {
    "articles": "SELECT a.site, count(*) FROM articles a GROUP BY a.site",
    "officials": "SELECT a.site, count(DISTINCT m.person_id) FROM official_mentions m "
                 "JOIN articles a ON a.id = m.article_id GROUP BY a.site",
    "official_mentions": "SELECT a.site, count(*) FROM official_mentions m JOIN articles a ON a.id = m.article_id "
                         "GROUP BY a.site",
    "directives": "SELECT a.site, count(DISTINCT m.directive_key) FROM directive_mentions m "
                  "JOIN articles a ON a.id = m.article_id GROUP BY a.site",
    "directive_mentions": "SELECT a.site, count(*) FROM directive_mentions m JOIN articles a ON a.id = m.article_id "
                          "GROUP BY a.site",
    "statistics": "SELECT a.site, count(*) FROM statistics s JOIN articles a ON a.id = s.article_id GROUP BY a.site",
    "dates": "SELECT a.site, count(*) FROM dates d JOIN articles a ON a.id = d.article_id GROUP BY a.site",
}


def site_stats(db: sqlite_utils.Database) -> list[SiteStats]:
    """Per-site counts of articles and tags and the latest crawl run, then a TOTAL row."""
    by_site: dict[str, SiteStats] = {}
    total = SiteStats("TOTAL")
    for column, sql in _SITE_COUNTS.items():
        for site, count in db.execute(sql):
            setattr(by_site.setdefault(site, SiteStats(site)), column, count)
        # distinct counts do not add up across sites: count them again over everything
        total_sql = sql.replace("SELECT a.site, ", "SELECT ").replace(" GROUP BY a.site", "")
        setattr(total, column, db.execute(total_sql).fetchone()[0])
    for site, started, finished, status in db.execute(
            "SELECT site, started, finished, status FROM crawl_runs ORDER BY started, id"):
        stats = by_site.setdefault(site or "*", SiteStats(site or "*"))
        stats.last_run, stats.last_run_status = finished or started, status
        total.last_run, total.last_run_status = finished or started, status
    return [by_site[site] for site in sorted(by_site)] + [total]
