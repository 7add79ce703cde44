"""Schema migrations, applied in order on open. Append a new function; never edit an applied one."""
from __future__ import annotations

import sqlite_utils


def m001_core(db: sqlite_utils.Database) -> None:
    db["sources"].create({"name": str, "province": str, "level": str, "domains": str, "platform": str,
                          "enabled": int, "version": str, "valid_from": str, "valid_until": str}, pk="name")
    db["url_state"].create({"url": str, "site": str, "kind": str, "first_seen": str, "last_seen": str,
                            "last_fetched": str, "etag": str, "last_modified": str, "http_status": int,
                            "status": str, "text_hash": str, "failures": int, "next_retry": str,
                            "reason": str}, pk="url", defaults={"failures": 0})
    db["url_state"].create_index(["site"])
    db["raw_pages"].create({"id": int, "url": str, "site": str, "fetched_at": str, "http_status": int,
                            "headers": str, "html_gz": bytes, "body_sha256": str, "process_status": str,
                            "processed_at": str, "reason": str}, pk="id")
    db["raw_pages"].create_index(["process_status"])
    db["raw_pages"].create_index(["url"])
    db["articles"].create({"id": int, "url": str, "site": str, "title": str, "published": str,
                           "author": str, "lead": str, "text": str, "captions": str, "attachments": str,
                           "language": str, "text_hash": str, "extractor_version": str,
                           "raw_page_id": int, "revision": int, "first_seen": str, "last_seen": str},
                          pk="id", foreign_keys=[("raw_page_id", "raw_pages", "id")])
    db["articles"].create_index(["url"], unique=True)
    db["articles"].create_index(["site", "published"])
    db["revisions"].create({"id": int, "article_id": int, "revision": int, "fetched_at": str,
                            "raw_page_id": int, "title": str, "text": str, "text_hash": str},
                           pk="id", foreign_keys=[("article_id", "articles", "id"),
                                                  ("raw_page_id", "raw_pages", "id")])
    db["revisions"].create_index(["article_id"])
    db["crawl_runs"].create({"id": int, "run_id": str, "site": str, "started": str, "finished": str,
                             "requests": int, "new": int, "changed": int, "unchanged": int,
                             "failed": int, "status": str}, pk="id")
    db["crawl_runs"].create_index(["run_id"])


# Raw SQL below: sqlite-utils cannot declare ON DELETE CASCADE or external-content FTS5 triggers.
_TAG_TABLES = """
CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,          -- search form of the name: NFC, tone-unified, lower case
    name TEXT NOT NULL,                -- the name as first written
    name_folded TEXT NOT NULL,         -- no diacritics, đ -> d, lower case
    first_seen TEXT, last_seen TEXT,   -- article dates (published, else first fetch), YYYY-MM-DD
    article_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX idx_people_name_folded ON people(name_folded);
CREATE TABLE person_positions (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    title TEXT NOT NULL, organization TEXT,
    first_seen TEXT, last_seen TEXT, article_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX idx_person_positions_person ON person_positions(person_id);
CREATE TABLE directives (
    key TEXT PRIMARY KEY,
    key_folded TEXT NOT NULL,          -- no diacritics, lower case, no spaces: "15/2020/nd-cp"
    doc_type TEXT, type_code TEXT, number TEXT, issuer_code TEXT, year INTEGER,
    date TEXT, issuer TEXT, title TEXT,
    first_cited TEXT, last_cited TEXT, article_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX idx_directives_key_folded ON directives(key_folded);
CREATE TABLE dates (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    text TEXT, start INTEGER, "end" INTEGER, kind TEXT, start_date TEXT, end_date TEXT
);
CREATE INDEX idx_dates_article ON dates(article_id);
CREATE INDEX idx_dates_start_date ON dates(start_date);
CREATE TABLE official_mentions (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people(id),
    text TEXT, start INTEGER, "end" INTEGER, name TEXT, honorific TEXT,
    positions TEXT,                    -- JSON list of {"title", "organization"}
    article_day TEXT                   -- the article's date when tagged, YYYY-MM-DD
);
CREATE INDEX idx_official_mentions_article ON official_mentions(article_id);
CREATE INDEX idx_official_mentions_person ON official_mentions(person_id, article_day);
CREATE TABLE directive_mentions (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    directive_key TEXT NOT NULL REFERENCES directives(key),
    text TEXT, start INTEGER, "end" INTEGER, date TEXT, issuer TEXT, title TEXT,
    article_day TEXT
);
CREATE INDEX idx_directive_mentions_article ON directive_mentions(article_id);
CREATE INDEX idx_directive_mentions_key ON directive_mentions(directive_key, article_day);
CREATE TABLE statistics (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    text TEXT, start INTEGER, "end" INTEGER, value REAL, denominator REAL,
    unit_text TEXT, qualifier TEXT, kind TEXT
);
CREATE INDEX idx_statistics_article ON statistics(article_id);
CREATE INDEX idx_statistics_kind ON statistics(kind);
"""


def m002_tags(db: sqlite_utils.Database) -> None:
    db.executescript(_TAG_TABLES)
    db["articles"].add_column("published_year", int)
    db["articles"].add_column("tags_hash", str)
    db.execute("UPDATE articles SET published_year = CAST(substr(published, 1, 4) AS INTEGER) "
               "WHERE published GLOB '[0-9][0-9][0-9][0-9]*'")
    db["articles"].create_index(["published_year"])


# The accent-insensitive table reads đ/Đ as ḏ/Ḏ, which unicode61 folds to d (it leaves đ alone);
# search.py turns them back into đ/Đ in snippets.
def _fold_d(column: str) -> str:
    return f"replace(replace({column}, 'đ', 'ḏ'), 'Đ', 'Ḏ')"


def _fts_sync(prefix: str) -> str:
    return (f"INSERT INTO articles_fts_exact(rowid, title, lead, text) "
            f"VALUES ({prefix}.article_id, {prefix}.title, {prefix}.lead, {prefix}.text);\n"
            f"INSERT INTO articles_fts(rowid, title, lead, text) VALUES ({prefix}.article_id, "
            f"{_fold_d(prefix + '.title')}, {_fold_d(prefix + '.lead')}, {_fold_d(prefix + '.text')});")


def _fts_delete(prefix: str) -> str:
    return (f"INSERT INTO articles_fts_exact(articles_fts_exact, rowid, title, lead, text) "
            f"VALUES ('delete', {prefix}.article_id, {prefix}.title, {prefix}.lead, {prefix}.text);\n"
            f"INSERT INTO articles_fts(articles_fts, rowid, title, lead, text) VALUES ('delete', "
            f"{prefix}.article_id, {_fold_d(prefix + '.title')}, {_fold_d(prefix + '.lead')}, "
            f"{_fold_d(prefix + '.text')});")


def m003_search(db: sqlite_utils.Database) -> None:
    from data.search import store_search_text  # the search form is computed in Python

    db.executescript(f"""
CREATE TABLE article_search (  -- title, lead and text in the search form (NFC, tone marks unified)
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    title TEXT, lead TEXT, text TEXT
);
CREATE VIEW article_search_folded AS SELECT article_id, {_fold_d('title')} AS title,
    {_fold_d('lead')} AS lead, {_fold_d('text')} AS text FROM article_search;
CREATE VIRTUAL TABLE articles_fts USING fts5(title, lead, text, content='article_search_folded',
    content_rowid='article_id', tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE articles_fts_exact USING fts5(title, lead, text, content='article_search',
    content_rowid='article_id', tokenize='unicode61 remove_diacritics 0');
CREATE TRIGGER article_search_ai AFTER INSERT ON article_search BEGIN
{_fts_sync('new')}
END;
CREATE TRIGGER article_search_ad AFTER DELETE ON article_search BEGIN
{_fts_delete('old')}
END;
CREATE TRIGGER article_search_au AFTER UPDATE ON article_search BEGIN
{_fts_delete('old')}
{_fts_sync('new')}
END;
""")
    for article_id, title, lead, text in db.conn.execute("SELECT id, title, lead, text FROM articles"):
        store_search_text(db, article_id, title, lead, text)


def m004_search_filters(db: sqlite_utils.Database) -> None:
    """Indexes that answer search filters alone: by day (--since, --until) instead of reading every
    article, and people's and documents' mentions by article and the articles of each."""
    day = "substr(coalesce(published, first_seen), 1, 10)"  # data.search.ARTICLE_DAY
    db.execute(f"CREATE INDEX idx_articles_day ON articles({day})")
    db.execute(f"CREATE INDEX idx_articles_site_day ON articles(site, {day})")
    for name, columns in (("idx_official_mentions_article", "official_mentions(article_id, person_id)"),
                          ("idx_official_mentions_person", "official_mentions(person_id, article_day, article_id)"),
                          ("idx_directive_mentions_article", "directive_mentions(article_id, directive_key)"),
                          ("idx_directive_mentions_key",
                           "directive_mentions(directive_key, article_day, article_id)")):
        db.execute(f"DROP INDEX {name}")
        db.execute(f"CREATE INDEX {name} ON {columns}")


def m005_search_form_hoac(db: sqlite_utils.Database) -> None:
    """Search forms written before the fix that left "hoặc" alone: redo those holding "họăc"
    (a dot below moved off ă, â or ê), which snippets showed as the page never wrote it."""
    from data.search import store_search_text

    broken = "GLOB '*[ọỌ][ăâêĂÂÊ]*'"
    rows = db.execute(f"SELECT a.id, a.title, a.lead, a.text FROM article_search s JOIN articles a ON a.id = "
                      f"s.article_id WHERE s.text {broken} OR s.title {broken} OR s.lead {broken}").fetchall()
    for article_id, title, lead, text in rows:
        store_search_text(db, article_id, title, lead, text)


def m006_directive_fields_by_earliest_citation(db: sqlite_utils.Database) -> None:
    """Documents' date, issuer and title as data.tags now picks them (the earliest citation's),
    not as whichever citation happened to be indexed first; an index per field answers the pick
    at once (without one, a document cited 200,000 times took 0.7 s on every new citation)."""
    from data.tags import CITED_FIELDS, fill_cited_fields

    for name in CITED_FIELDS:
        db.execute(f"CREATE INDEX idx_directive_mentions_{name} ON directive_mentions(directive_key, article_day, "
                   f"{name}) WHERE {name} IS NOT NULL")
    for (key,) in db.execute("SELECT key FROM directives").fetchall():
        fill_cited_fields(db, key)


def m007_search_syllables(db: sqlite_utils.Database) -> None:
    """The syllables with diacritics the exact search table holds, by their letters: a query typed
    partly without diacritics is written out with each spelling (data/query.py). Filled from the
    table's own vocabulary; the folding is spelled out here so that this step never changes."""
    import unicodedata

    def letters(term: str) -> str:
        bare = "".join(c for c in unicodedata.normalize("NFD", term) if not unicodedata.combining(c))
        return unicodedata.normalize("NFC", bare).replace("đ", "d")

    db.execute("CREATE TABLE search_syllables (folded TEXT NOT NULL, syllable TEXT NOT NULL, "
               "PRIMARY KEY (folded, syllable)) WITHOUT ROWID")
    db.execute("CREATE VIRTUAL TABLE temp.m007_terms USING fts5vocab(main, articles_fts_exact, row)")
    terms = [term for (term,) in db.execute("SELECT term FROM temp.m007_terms")]
    db.conn.executemany("INSERT INTO search_syllables (folded, syllable) VALUES (?, ?)",
                        [(letters(term), term) for term in terms
                         if letters(term) != term and any(c.isalpha() for c in term)])
    db.execute("DROP TABLE temp.m007_terms")


def m008_search_clause_boundaries(db: sqlite_utils.Database) -> None:
    """A boundary token (U+01C0) where a sentence or clause ends in the search form, so that no
    phrase spans "hoàn thành. Ủy ban" (data.textnorm.mark_boundaries; its rule is spelled out
    here so that this step never changes). The search forms are rewritten with the triggers
    off, then both FTS tables are rebuilt from them (cheaper than a delete and insert a row) and
    merged into one segment."""
    import re

    mark = re.compile(r"(?<=[.,;:!?…)\]\"”’»])\s+|\s+(?=[(\[\"“‘«])|\s*\n\s*")
    marked = re.compile(r"\s?ǀ")

    def boundaries(text: str | None) -> str | None:
        return None if text is None else mark.sub(lambda m: f" ǀ{m.group()}", marked.sub("", text))

    db.conn.create_function("m008_boundaries", 1, boundaries, deterministic=True)
    triggers = [sql for (sql,) in db.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' "
                                             "AND tbl_name = 'article_search'")]
    for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                              "AND tbl_name = 'article_search'").fetchall():
        db.execute(f"DROP TRIGGER {name}")
    db.execute("UPDATE article_search SET title = m008_boundaries(title), lead = m008_boundaries(lead), "
               "text = m008_boundaries(text)")
    for table in ("articles_fts", "articles_fts_exact"):
        db.execute(f"INSERT INTO {table}({table}) VALUES ('rebuild')")
        db.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")  # one segment, as after a nightly run
    for sql in triggers:
        db.execute(sql)


def m009_people_by_province(db: sqlite_utils.Database) -> None:
    """People and positions as data.people now tells them apart: one person per name (punctuation
    at its ends ignored) within the province of the site that mentions it; positions with UBND,
    HĐND and MTTQ written out, one per phrase they read as (a word ending the title and starting
    the organisation once, case ignored), first and last seen over their mentions. The rules are
    spelled out here (tone marks placed by data.textnorm's unify and search_form) so that this
    step never changes. Each new person keeps the id of the old one its first mention had, while
    free; a name split across provinces gets new ids for the others."""
    import json
    import re
    import unicodedata

    from data.textnorm import unify
    from extract.text import search_form

    space, ends = re.compile(r"\s+"), re.compile(r"^[\W_]+|[\W_]+$")
    acronyms = {"UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân", "MTTQ": "Mặt trận Tổ quốc"}
    acronym = re.compile(r"(?<!\w)(UBND|HĐND|MTTQ)(?!\w)")

    def key(text: str | None) -> str:
        return ends.sub("", space.sub(" ", search_form(unicodedata.normalize("NFC", text or ""))))

    def clean(text: str | None) -> str | None:
        return space.sub(" ", acronym.sub(lambda m: acronyms[m.group()], unify(text or ""))).strip() or None

    def phrase(title: str, organization: str | None) -> str:
        first, _, rest = (organization or "").partition(" ")
        if organization and key(title.rsplit(" ", 1)[-1]) == key(first):
            return key(f"{title} {rest}")
        return key(f"{title} {organization or ''}")

    db.execute("ALTER TABLE people ADD COLUMN province TEXT")
    groups: dict[str, dict] = {}  # new person key -> its first mention's person and province, its mentions
    for mention_id, person_id, name, province in db.execute(
            "SELECT m.id, m.person_id, m.name, s.province FROM official_mentions m JOIN articles a ON a.id = "
            "m.article_id LEFT JOIN sources s ON s.name = a.site ORDER BY m.id").fetchall():
        name_key, region = key(name), key(province)
        person = f"{name_key} | {region}" if name_key and region else name_key
        group = groups.setdefault(person, {"old": person_id, "province": province or None, "mentions": []})
        group["mentions"].append(mention_id)
    db.execute("UPDATE people SET key = '#' || id")  # free every key while they are dealt out again
    taken: set[int] = set()
    for person, group in groups.items():
        if group["old"] in taken:
            group["id"] = db.execute("INSERT INTO people (key, name, name_folded, province) SELECT ?, name, "
                                     "name_folded, ? FROM people WHERE id = ?",
                                     [person, group["province"], group["old"]]).lastrowid
        else:
            group["id"] = group["old"]
            db.execute("UPDATE people SET key = ?, province = ? WHERE id = ?",
                       [person, group["province"], group["old"]])
        taken.add(group["id"])
        db.conn.executemany("UPDATE official_mentions SET person_id = ? WHERE id = ?",
                            [(group["id"], mention_id) for mention_id in group["mentions"]])
    db.execute("DELETE FROM people WHERE id NOT IN (SELECT person_id FROM official_mentions)")
    db.execute("UPDATE people SET article_count = (SELECT count(DISTINCT article_id) FROM official_mentions m "
               "WHERE m.person_id = people.id), first_seen = (SELECT min(article_day) FROM official_mentions m "
               "WHERE m.person_id = people.id), last_seen = (SELECT max(article_day) FROM official_mentions m "
               "WHERE m.person_id = people.id)")
    positions: dict[tuple[int, str], list] = {}
    for person_id, article_id, day, found in db.execute(
            "SELECT person_id, article_id, article_day, positions FROM official_mentions ORDER BY article_day, id"):
        for position in json.loads(found or "[]"):
            title = clean(position.get("title"))
            if title:
                organization = clean(position.get("organization"))
                _, articles, days = positions.setdefault((person_id, phrase(title, organization)),
                                                         [(title, organization), set(), []])
                articles.add(article_id)
                days.append(day)
    db.execute("DELETE FROM person_positions")
    db.conn.executemany(
        "INSERT INTO person_positions (person_id, title, organization, first_seen, last_seen, article_count) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [(person_id, title, organization, min(days), max(days), len(articles))
         for (person_id, _), ((title, organization), articles, days) in positions.items()])


def m010_search_syllable_pairs(db: sqlite_utils.Database) -> None:
    """Two FTS5 tables of syllable pairs, exact and accent-insensitive, beside those of syllables:
    each token is two adjacent syllables of title, lead or text ("hội_nghị"), so that a phrase of
    two syllables or more reads the short list of its rarest pair, not the long lists of its
    common syllables (data.search.pair_rows). Contentless (only bm25 and matching read them):
    data.search.store_search_text keeps them in step. Filled from the search forms, then merged
    into one segment."""
    from data.search import pair_rows

    for table in pair_rows().keys():
        db.execute(f"CREATE VIRTUAL TABLE {table} USING fts5(title, lead, text, content='', "
                   f"tokenize=\"unicode61 remove_diacritics 0 tokenchars '_'\")")
    rows = db.conn.execute("SELECT article_id, title, lead, text FROM article_search ORDER BY article_id")
    while batch := rows.fetchmany(1000):
        for article_id, *columns in batch:
            for table, pairs in pair_rows(*columns).items():
                db.conn.execute(f"INSERT INTO {table}(rowid, title, lead, text) VALUES (?, ?, ?, ?)",
                                [article_id, *pairs])
    for table in pair_rows().keys():
        db.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")


MIGRATIONS = [m001_core, m002_tags, m003_search, m004_search_filters, m005_search_form_hoac,
              m006_directive_fields_by_earliest_citation, m007_search_syllables, m008_search_clause_boundaries,
              m009_people_by_province, m010_search_syllable_pairs]


def applied_migrations(db: sqlite_utils.Database) -> set[str]:
    """The migrations ``db`` records as applied (none without a ``_migrations`` table)."""
    if "_migrations" not in db.table_names():
        return set()
    return {name for (name,) in db.execute("SELECT name FROM _migrations")}


def pending_migrations(db: sqlite_utils.Database) -> list[str]:
    """The migrations this version has that ``db`` has not applied yet, in order."""
    done = applied_migrations(db)
    return [m.__name__ for m in MIGRATIONS if m.__name__ not in done]


def unknown_migrations(db: sqlite_utils.Database) -> list[str]:
    """Migrations ``db`` has applied that this version does not know (a newer vnportal made it)."""
    return sorted(applied_migrations(db) - {m.__name__ for m in MIGRATIONS})


def migrate(db: sqlite_utils.Database) -> list[str]:
    """Apply every migration not yet recorded in ``_migrations``; return their names."""
    from data.database import write_transaction

    db["_migrations"].create({"name": str, "applied_at": str}, pk="name", if_not_exists=True)
    pending = pending_migrations(db)
    for migration in MIGRATIONS:
        if migration.__name__ in pending:
            with write_transaction(db):  # all or nothing: a failed migration leaves no half-built table
                migration(db)
                db["_migrations"].insert({"name": migration.__name__,
                                          "applied_at": db.execute("select datetime('now')").fetchone()[0]})
    return pending
