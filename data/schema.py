"""Schema migrations, applied in order on open. Append a new function; never edit an applied one.

Each migration is SQL or code of its own: none calls the application's functions, so replaying
history gives the same database whatever today's code does (a rule a migration needs is copied
into it, frozen). ``data/schema.sql`` is the schema they build, which a test checks a new index and a
fully migrated old one against; after adding a migration, write it again with
``python -m data.schema --dump > data/schema.sql``.
"""
from __future__ import annotations

import re
import sqlite3
import sys
import unicodedata

import sqlite_utils

# --- The search form as m003, m005 and m009 wrote it (extract/text.py's search_form and
# data/textnorm.py's unify from 2026-11-22 on), frozen: the tone of an open syllable ending in
# oa, oe or uy moves to its first vowel ("hoà" -> "hòa", "Thành uỷ" -> "Thành ủy"). Never edit.
_V1_TONES = "\u0300\u0301\u0303\u0309\u0323"
_V1_OLD_TONE = re.compile(
    rf"(?<![^\W\d_])([^\W\d_]*?)(o)([ae])([{_V1_TONES}])(?![^\W\d_]|[\u0300-\u036f])"
    rf"|(?<![^\W\d_])([^\W\d_]*?)(u)(y)([{_V1_TONES}])(?![^\W\d_]|[\u0300-\u036f])"
)
_V1_HINT = re.compile("o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ]")
_V1_HINT_WORD = re.compile(rf"[^\W\d_]*(?:{_V1_HINT.pattern})[^\W\d_]*")
_V1_WORD = re.compile(r"[^\W\d_]+")


def _v1_search_form(text: str) -> str:
    lowered = unicodedata.normalize("NFC", text.lower())
    if not _V1_HINT.search(lowered):
        return lowered
    return _V1_HINT_WORD.sub(lambda match: _v1_place_tone(match.group()), lowered)


def _v1_place_tone(word: str) -> str:
    def move(match: re.Match) -> str:
        if match.group(1) is not None:
            prefix, first, last, tone = match.group(1, 2, 3, 4)
        else:
            prefix, first, last, tone = match.group(5, 6, 7, 8)
            if prefix.endswith(("q", "Q")):
                return match.group(0)
        if any(mark in prefix for mark in _V1_TONES) or re.search("[aeiouy]$", prefix):
            return match.group(0)
        return prefix + first + tone + last

    return unicodedata.normalize("NFC", _V1_OLD_TONE.sub(move, unicodedata.normalize("NFD", word)))


def _v1_unify_word(word: str) -> str:
    unified = _v1_search_form(word)
    if unified == word.lower():
        return word
    if len(unified) != len(word):
        return unified
    return "".join(u.upper() if w.isupper() else u for u, w in zip(unified, word))


def _v1_unify(text: str | None) -> str:
    return _V1_WORD.sub(lambda m: _v1_unify_word(m.group()), unicodedata.normalize("NFC", text or ""))


def _register_v1_unify(db: sqlite_utils.Database) -> None:
    """SQL functions for an article's search-form columns as m003 wrote them (no clause boundaries
    yet: m008 adds them): ``v1_unify(title or text)``, ``v1_unify_lead(lead)`` (NULL for no lead)."""
    db.conn.create_function("v1_unify", 1, _v1_unify, deterministic=True)
    db.conn.create_function("v1_unify_lead", 1, lambda lead: _v1_unify(lead) if lead else None,
                            deterministic=True)


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
    _run_script(db, _TAG_TABLES)
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
    _run_script(db, f"""
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
    _register_v1_unify(db)
    db.execute("INSERT INTO article_search (article_id, title, lead, text) "
               "SELECT id, v1_unify(title), v1_unify_lead(lead), v1_unify(text) FROM articles")


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
    broken = "GLOB '*[ọỌ][ăâêĂÂÊ]*'"
    _register_v1_unify(db)
    db.execute(f"UPDATE article_search SET (title, lead, text) = (SELECT v1_unify(a.title), v1_unify_lead(a.lead), "
               f"v1_unify(a.text) FROM articles a WHERE a.id = article_search.article_id) "
               f"WHERE text {broken} OR title {broken} OR lead {broken}")


def m006_directive_fields_by_earliest_citation(db: sqlite_utils.Database) -> None:
    """Documents' date, issuer and title as data.tags now picks them (the earliest citation's),
    not as whichever citation happened to be indexed first; an index per field answers the pick
    at once (without one, a document cited 200,000 times took 0.7 s on every new citation)."""
    fields = ("date", "issuer", "title")
    for name in fields:
        db.execute(f"CREATE INDEX idx_directive_mentions_{name} ON directive_mentions(directive_key, article_day, "
                   f"{name}) WHERE {name} IS NOT NULL")
    picks = ", ".join(f"{name} = (SELECT {name} FROM directive_mentions WHERE directive_key = directives.key "
                      f"AND {name} IS NOT NULL ORDER BY article_day, {name} LIMIT 1)" for name in fields)
    db.execute(f"UPDATE directives SET {picks}")


def _v1_letters(term: str) -> str:
    """A search-table term without diacritics, đ as d: the folding m007 and m014 spell out."""
    bare = "".join(c for c in unicodedata.normalize("NFD", term) if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", bare).replace("đ", "d")


def m007_search_syllables(db: sqlite_utils.Database) -> None:
    """The syllables with diacritics the exact search table holds, by their letters: a query typed
    partly without diacritics is written out with each spelling (data/query.py). Filled from the
    table's own vocabulary; the folding is spelled out (_v1_letters) so that this step never changes."""
    db.execute("CREATE TABLE search_syllables (folded TEXT NOT NULL, syllable TEXT NOT NULL, "
               "PRIMARY KEY (folded, syllable)) WITHOUT ROWID")
    db.execute("CREATE VIRTUAL TABLE temp.m007_terms USING fts5vocab(main, articles_fts_exact, row)")
    terms = [term for (term,) in db.execute("SELECT term FROM temp.m007_terms")]
    db.conn.executemany("INSERT INTO search_syllables (folded, syllable) VALUES (?, ?)",
                        [(bare, term) for term in terms
                         if (bare := _v1_letters(term)) != term and any(c.isalpha() for c in term)])
    db.execute("DROP TABLE temp.m007_terms")


def m008_search_clause_boundaries(db: sqlite_utils.Database) -> None:
    """A boundary token (U+01C0) where a sentence or clause ends in the search form, so that no
    phrase spans "hoàn thành. Ủy ban" (data.textnorm.mark_boundaries; its rule is spelled out
    here so that this step never changes). The search forms are rewritten with the triggers
    off, then both FTS tables are rebuilt from them (cheaper than a delete and insert a row) and
    merged into one segment."""
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
    spelled out here (tone marks placed by the frozen search form above) so that this step never
    changes. Each new person keeps the id of the old one its first mention had, while free; a
    name split across provinces gets new ids for the others."""
    import json

    space, ends = re.compile(r"\s+"), re.compile(r"^[\W_]+|[\W_]+$")
    acronyms = {"UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân", "MTTQ": "Mặt trận Tổ quốc"}
    acronym = re.compile(r"(?<!\w)(UBND|HĐND|MTTQ)(?!\w)")

    def key(text: str | None) -> str:
        return ends.sub("", space.sub(" ", _v1_search_form(unicodedata.normalize("NFC", text or ""))))

    def clean(text: str | None) -> str | None:
        return space.sub(" ", acronym.sub(lambda m: acronyms[m.group()], _v1_unify(text or ""))).strip() or None

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


def m010_archive_captures(db: sqlite_utils.Database) -> None:
    """Web-archive backfills: the captures listed per site and archive (and which windows of
    time were listed completely), which were fetched into which raw page, and one row per site
    and run."""
    _run_script(db, """
CREATE TABLE archive_windows (
    site TEXT NOT NULL, source TEXT NOT NULL, window TEXT NOT NULL,  -- a year, a month or a crawl
    listed_at TEXT NOT NULL, captures INTEGER NOT NULL,
    PRIMARY KEY (site, source, window)
);
CREATE TABLE archive_captures (
    id INTEGER PRIMARY KEY,
    site TEXT NOT NULL, source TEXT NOT NULL,   -- 'wayback' or 'commoncrawl'
    url TEXT NOT NULL, timestamp TEXT NOT NULL, -- the original URL; the capture time, 14 digits UTC
    digest TEXT, filename TEXT, "offset" INTEGER, length INTEGER,  -- where Common Crawl keeps it
    status TEXT NOT NULL DEFAULT 'listed',      -- listed, fetched, failed
    attempts INTEGER NOT NULL DEFAULT 0, reason TEXT,
    archived_url TEXT, fetched_at TEXT,         -- what was fetched from the archive, and when
    raw_page_id INTEGER REFERENCES raw_pages(id),
    UNIQUE (source, url, timestamp)
);
CREATE INDEX idx_archive_captures_site ON archive_captures(site, source, status);
CREATE INDEX idx_archive_captures_raw_page ON archive_captures(raw_page_id);
CREATE TABLE backfill_runs (
    id INTEGER PRIMARY KEY, run_id TEXT NOT NULL, site TEXT NOT NULL, source TEXT NOT NULL,
    started TEXT NOT NULL, finished TEXT,
    listed INTEGER NOT NULL DEFAULT 0, fetched INTEGER NOT NULL DEFAULT 0, new INTEGER NOT NULL DEFAULT 0,
    unchanged INTEGER NOT NULL DEFAULT 0, failed INTEGER NOT NULL DEFAULT 0, status TEXT
);
CREATE INDEX idx_backfill_runs_run ON backfill_runs(run_id);
CREATE VIEW article_captures AS
    SELECT a.id AS article_id, a.url, c.source AS archive, c.timestamp AS captured, c.archived_url,
           c.fetched_at AS fetched_from_archive, c.raw_page_id
    FROM archive_captures c JOIN raw_pages p ON p.id = c.raw_page_id JOIN articles a ON a.url = p.url;
""")


def m011_documents(db: sqlite_utils.Database) -> None:
    """Attached documents: the raw file as fetched (gzip, with its URL, fetch time and HTTP
    headers), what it really is, its text (pages apart), how it was read, its header fields and
    the documents it cites; which article attaches which document."""
    _run_script(db, """
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE, site TEXT,
    fetched_at TEXT, http_status INTEGER, content_type TEXT, etag TEXT, last_modified TEXT,
    body_gz BLOB, body_sha256 TEXT, bytes INTEGER,
    kind TEXT,                     -- pdf, docx, doc: what the bytes are, whatever the name said
    status TEXT NOT NULL,          -- pending (fetched, not read), read, failed
    reason TEXT, attempts INTEGER NOT NULL DEFAULT 0,
    text TEXT,                     -- NFC; pages joined by a form feed
    page_methods TEXT,             -- JSON list per page: text, ocr or unread
    ocr_confidence REAL, notes TEXT,
    header TEXT,                   -- JSON: each field's value and offsets into text
    key TEXT, bare_key TEXT,       -- the directive key the header's number gives ("05-CT/TW@2016", "05-CT/TW")
    doc_type TEXT, issuer TEXT, date TEXT, title TEXT, signer TEXT, signer_title TEXT, signed_for TEXT,
    reader_version TEXT, read_at TEXT
);
CREATE INDEX idx_documents_status ON documents(status);
CREATE INDEX idx_documents_key ON documents(key);
CREATE INDEX idx_documents_bare_key ON documents(bare_key);
CREATE TABLE article_documents (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    PRIMARY KEY (article_id, document_id)
);
CREATE INDEX idx_article_documents_document ON article_documents(document_id);
CREATE TABLE document_citations (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    directive_key TEXT NOT NULL, text TEXT, start INTEGER, "end" INTEGER
);
CREATE INDEX idx_document_citations_document ON document_citations(document_id);
CREATE INDEX idx_document_citations_key ON document_citations(directive_key);
""")


def m012_search_syllable_pairs(db: sqlite_utils.Database) -> None:
    """Two FTS5 tables of syllable pairs, exact and accent-insensitive, beside those of syllables:
    each token is two adjacent syllables of title, lead or text ("hội_nghị"), so that a phrase of
    two syllables or more reads the short list of its rarest pair, not the long lists of its
    common syllables. Contentless (only bm25 and matching read them): data.search.store_search_text
    keeps them in step. Filled from the search forms (syllables as unicode61 cuts them, lower
    case; without diacritics, đ as d, in the accent-insensitive table), then merged into one
    segment. The rule is spelled out here (as data.search.pair_rows has it) so that this step never changes."""
    import re
    import unicodedata

    token = re.compile(r"[^\W_]+")

    def bare(syllable: str) -> str:
        stripped = "".join(c for c in unicodedata.normalize("NFD", syllable) if not unicodedata.combining(c))
        return unicodedata.normalize("NFC", stripped.replace("đ", "d").replace("Đ", "D")).lower()

    def pairs(syllables: list[str]) -> str:
        return " ".join(f"{a}_{b}" for a, b in zip(syllables, syllables[1:]))

    tables = {"articles_fts_exact_pairs": lambda s: s, "articles_fts_pairs": bare}
    for table in tables:
        db.execute(f"CREATE VIRTUAL TABLE {table} USING fts5(title, lead, text, content='', "
                   f"tokenize=\"unicode61 remove_diacritics 0 tokenchars '_'\")")
    rows = db.conn.execute("SELECT article_id, title, lead, text FROM article_search ORDER BY article_id")
    while batch := rows.fetchmany(1000):
        for article_id, *columns in batch:
            syllables = [None if text is None else token.findall(text.lower()) for text in columns]
            for table, form in tables.items():
                values = [None if found is None else pairs([form(s) for s in found]) for found in syllables]
                db.conn.execute(f"INSERT INTO {table}(rowid, title, lead, text) VALUES (?, ?, ?, ?)",
                                [article_id, *values])
    for table in tables:
        db.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")


def m013_document_search(db: sqlite_utils.Database) -> None:
    """Document text searchable as articles are: its search form (title and text) and the two
    FTS5 tables of syllables, exact and accent-insensitive (đ/Đ stored as ḏ/Ḏ, which unicode61
    folds to d), filled when a document is read (data.documents)."""
    _run_script(db, """
CREATE TABLE document_search (  -- title and text in the search form (NFC, tone marks unified, clauses marked)
    document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    title TEXT, lead TEXT, text TEXT
);
CREATE VIRTUAL TABLE documents_fts_exact USING fts5(title, lead, text, tokenize='unicode61 remove_diacritics 0');
CREATE VIRTUAL TABLE documents_fts USING fts5(title, lead, text, tokenize='unicode61 remove_diacritics 2');
""")


def m014_search_tokens_without_diacritics(db: sqlite_utils.Database) -> None:
    """search_syllables also lists the tokens without diacritics (each beside itself), so that it
    holds every token of the exact search tables and a prefix can be written out as the tokens it
    starts (data/query.py). Filled from the tables' own vocabularies; the folding is m007's
    (_v1_letters), spelled out so that this step never changes."""
    for table in ("articles_fts_exact", "documents_fts_exact"):
        db.execute(f"CREATE VIRTUAL TABLE temp.m014_terms USING fts5vocab(main, {table}, row)")
        terms = [term for (term,) in db.execute("SELECT term FROM temp.m014_terms")]
        db.conn.executemany("INSERT OR IGNORE INTO search_syllables (folded, syllable) VALUES (?, ?)",
                            [(term, term) for term in terms if _v1_letters(term) == term])
        db.execute("DROP TABLE temp.m014_terms")


MIGRATIONS = [m001_core, m002_tags, m003_search, m004_search_filters, m005_search_form_hoac,
              m006_directive_fields_by_earliest_citation, m007_search_syllables, m008_search_clause_boundaries,
              m009_people_by_province, m010_archive_captures, m011_documents, m012_search_syllable_pairs,
              m013_document_search, m014_search_tokens_without_diacritics]


def applied_migrations(db: sqlite_utils.Database) -> set[str]:
    """The migrations ``db`` records as applied (none without a ``_migrations`` table)."""
    if "_migrations" not in db.table_names():
        return set()
    return {name for (name,) in db.execute("SELECT name FROM _migrations")}


def pending_migrations(db: sqlite_utils.Database) -> list[str]:
    """The migrations this version has that ``db`` has not applied yet, in order."""
    done = applied_migrations(db)
    return [m.__name__ for m in MIGRATIONS if m.__name__ not in done]


def _run_script(db: sqlite_utils.Database, sql: str) -> None:
    """Execute a script of statements inside the migration's transaction (sqlite3's executescript
    would commit first; sqlite-utils' split costs ~3 ms a script, character by character). A statement
    ends only at a ';', so the script is cut there and pieces are joined until one is complete."""
    statement = ""
    for piece in sql.split(";"):
        statement += piece + ";"
        if sqlite3.complete_statement(statement):
            if statement.strip().strip(";"):
                db.conn.execute(statement)
            statement = ""
    if statement.strip().strip(";"):
        raise ValueError(f"incomplete SQL statement: {statement.strip()[:80]}")


def unknown_migrations(db: sqlite_utils.Database) -> list[str]:
    """Migrations ``db`` has applied that this version does not know (a newer vnportal made it)."""
    return sorted(applied_migrations(db) - {m.__name__ for m in MIGRATIONS})


def migrate(db: sqlite_utils.Database) -> list[str]:
    """Apply every migration not yet recorded in ``_migrations``; return their names."""
    from data.clock import utc_iso
    from data.database import write_transaction

    db["_migrations"].create({"name": str, "applied_at": str}, pk="name", if_not_exists=True)
    pending = pending_migrations(db)
    for migration in MIGRATIONS:
        if migration.__name__ in pending:
            with write_transaction(db):  # all or nothing: a failed migration leaves no half-built table
                migration(db)
                db["_migrations"].insert({"name": migration.__name__,
                                          "applied_at": utc_iso()})
    return pending


_SCHEMA_ORDER = {"table": 0, "view": 1, "index": 2, "trigger": 3}
_SCHEMA_HEADER = ("-- The schema of a vnportal index: data/schema.py's migrations applied to a new file.\n"
                  "-- Written by `python -m data.schema --dump > data/schema.sql`; tests/test_schema.py checks it.\n\n")


def schema_sql(db: sqlite_utils.Database) -> str:
    """The schema ``db`` holds, as the SQL script ``data/schema.sql`` snapshots: its tables, views,
    indexes and triggers as SQLite recorded them (an FTS5 table's own tables are left to it), then
    its user_version and the migrations it has applied."""
    rows = db.execute("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL").fetchall()
    virtual = [name for _, name, sql in rows if sql.startswith("CREATE VIRTUAL TABLE")]
    statements = [f"{sql};" for kind, name, sql in sorted(rows, key=lambda row: (_SCHEMA_ORDER[row[0]], row[1]))
                  if not any(name.startswith(f"{table}_") and kind == "table" for table in virtual)]
    statements.append(f"PRAGMA user_version = {db.execute('PRAGMA user_version').fetchone()[0]};")
    applied = [name for name in (m.__name__ for m in MIGRATIONS) if name in applied_migrations(db)]
    statements.append("INSERT INTO _migrations (name) VALUES\n" + ",\n".join(f"    ('{name}')" for name in applied) + ";")
    return _SCHEMA_HEADER + "\n\n".join(statements) + "\n"


def main(argv: list[str]) -> int:
    """``python -m data.schema --dump``: print the schema of a new index (the text of data/schema.sql)."""
    import tempfile
    from pathlib import Path

    from data.database import open_database

    if argv != ["--dump"]:
        print("usage: python -m data.schema --dump > data/schema.sql", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "new.db", write=True)
        try:
            sys.stdout.write(schema_sql(db))
        finally:
            db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
