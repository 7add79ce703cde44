-- The schema of a vnportal index: data/schema.py's migrations applied to a new file.
-- Written by `python -m data.schema --dump > data/schema.sql`; tests/test_schema.py checks it.

CREATE TABLE "_migrations" (
   "name" TEXT PRIMARY KEY,
   "applied_at" TEXT
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

CREATE TABLE archive_windows (
    site TEXT NOT NULL, source TEXT NOT NULL, window TEXT NOT NULL,  -- a year, a month or a crawl
    listed_at TEXT NOT NULL, captures INTEGER NOT NULL,
    PRIMARY KEY (site, source, window)
);

CREATE TABLE article_documents (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    PRIMARY KEY (article_id, document_id)
);

CREATE TABLE article_search (  -- title, lead and text in the search form (NFC, tone marks unified)
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    title TEXT, lead TEXT, text TEXT
);

CREATE TABLE "articles" (
   "id" INTEGER PRIMARY KEY,
   "url" TEXT,
   "site" TEXT,
   "title" TEXT,
   "published" TEXT,
   "author" TEXT,
   "lead" TEXT,
   "text" TEXT,
   "captions" TEXT,
   "attachments" TEXT,
   "language" TEXT,
   "text_hash" TEXT,
   "extractor_version" TEXT,
   "raw_page_id" INTEGER REFERENCES "raw_pages"("id"),
   "revision" INTEGER,
   "first_seen" TEXT,
   "last_seen" TEXT
, "published_year" INTEGER, "tags_hash" TEXT);

CREATE VIRTUAL TABLE articles_fts USING fts5(title, lead, text, content='article_search_folded',
    content_rowid='article_id', tokenize='unicode61 remove_diacritics 2');

CREATE TABLE backfill_runs (
    id INTEGER PRIMARY KEY, run_id TEXT NOT NULL, site TEXT NOT NULL, source TEXT NOT NULL,
    started TEXT NOT NULL, finished TEXT,
    listed INTEGER NOT NULL DEFAULT 0, fetched INTEGER NOT NULL DEFAULT 0, new INTEGER NOT NULL DEFAULT 0,
    unchanged INTEGER NOT NULL DEFAULT 0, failed INTEGER NOT NULL DEFAULT 0, status TEXT
);

CREATE TABLE "crawl_runs" (
   "id" INTEGER PRIMARY KEY,
   "run_id" TEXT,
   "site" TEXT,
   "started" TEXT,
   "finished" TEXT,
   "requests" INTEGER,
   "new" INTEGER,
   "changed" INTEGER,
   "unchanged" INTEGER,
   "failed" INTEGER,
   "status" TEXT
);

CREATE TABLE dates (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    text TEXT, start INTEGER, "end" INTEGER, kind TEXT, start_date TEXT, end_date TEXT
);

CREATE TABLE directive_mentions (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    directive_key TEXT NOT NULL REFERENCES directives(key),
    text TEXT, start INTEGER, "end" INTEGER, date TEXT, issuer TEXT, title TEXT,
    article_day TEXT
);

CREATE TABLE directives (
    key TEXT PRIMARY KEY,
    key_folded TEXT NOT NULL,          -- no diacritics, lower case, no spaces: "15/2020/nd-cp"
    doc_type TEXT, type_code TEXT, number TEXT, issuer_code TEXT, year INTEGER,
    date TEXT, issuer TEXT, title TEXT,
    first_cited TEXT, last_cited TEXT, article_count INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE document_citations (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    directive_key TEXT NOT NULL, text TEXT, start INTEGER, "end" INTEGER
);

CREATE TABLE document_search (  -- title and text in the search form (NFC, tone marks unified, clauses marked)
    document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    title TEXT, lead TEXT, text TEXT
);

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

CREATE VIRTUAL TABLE documents_fts USING fts5(title, lead, text, tokenize='unicode61 remove_diacritics 2');

CREATE TABLE official_mentions (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people(id),
    text TEXT, start INTEGER, "end" INTEGER, name TEXT, honorific TEXT,
    positions TEXT,                    -- JSON list of {"title", "organization"}
    article_day TEXT                   -- the article's date when tagged, YYYY-MM-DD
);

CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,          -- search form of the name: NFC, tone-unified, lower case
    name TEXT NOT NULL,                -- the name as first written
    name_folded TEXT NOT NULL,         -- no diacritics, đ -> d, lower case
    first_seen TEXT, last_seen TEXT,   -- article dates (published, else first fetch), YYYY-MM-DD
    article_count INTEGER NOT NULL DEFAULT 0
, province TEXT);

CREATE TABLE person_positions (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    title TEXT NOT NULL, organization TEXT,
    first_seen TEXT, last_seen TEXT, article_count INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE "raw_pages" (
   "id" INTEGER PRIMARY KEY,
   "url" TEXT,
   "site" TEXT,
   "fetched_at" TEXT,
   "http_status" INTEGER,
   "headers" TEXT,
   "html_gz" BLOB,
   "body_sha256" TEXT,
   "process_status" TEXT,
   "processed_at" TEXT,
   "reason" TEXT
);

CREATE TABLE "revisions" (
   "id" INTEGER PRIMARY KEY,
   "article_id" INTEGER REFERENCES "articles"("id"),
   "revision" INTEGER,
   "fetched_at" TEXT,
   "raw_page_id" INTEGER REFERENCES "raw_pages"("id"),
   "title" TEXT,
   "text" TEXT,
   "text_hash" TEXT
);

CREATE TABLE search_syllables (folded TEXT NOT NULL, syllable TEXT NOT NULL, PRIMARY KEY (folded, syllable)) WITHOUT ROWID;

CREATE TABLE "sources" (
   "name" TEXT PRIMARY KEY,
   "province" TEXT,
   "level" TEXT,
   "domains" TEXT,
   "platform" TEXT,
   "enabled" INTEGER,
   "version" TEXT,
   "valid_from" TEXT,
   "valid_until" TEXT
);

CREATE TABLE statistics (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    text TEXT, start INTEGER, "end" INTEGER, value REAL, denominator REAL,
    unit_text TEXT, qualifier TEXT, kind TEXT
);

CREATE TABLE "url_state" (
   "url" TEXT PRIMARY KEY,
   "site" TEXT,
   "kind" TEXT,
   "first_seen" TEXT,
   "last_seen" TEXT,
   "last_fetched" TEXT,
   "etag" TEXT,
   "last_modified" TEXT,
   "http_status" INTEGER,
   "status" TEXT,
   "text_hash" TEXT,
   "failures" INTEGER DEFAULT 0,
   "next_retry" TEXT,
   "reason" TEXT
);

CREATE VIEW article_captures AS
    SELECT a.id AS article_id, a.url, c.source AS archive, c.timestamp AS captured, c.archived_url,
           c.fetched_at AS fetched_from_archive, c.raw_page_id
    FROM archive_captures c JOIN raw_pages p ON p.id = c.raw_page_id JOIN articles a ON a.url = p.url;

CREATE VIEW article_search_folded AS SELECT article_id, replace(replace(title, 'đ', 'ḏ'), 'Đ', 'Ḏ') AS title,
    replace(replace(lead, 'đ', 'ḏ'), 'Đ', 'Ḏ') AS lead, replace(replace(text, 'đ', 'ḏ'), 'Đ', 'Ḏ') AS text FROM article_search;

CREATE INDEX idx_archive_captures_raw_page ON archive_captures(raw_page_id);

CREATE INDEX idx_archive_captures_site ON archive_captures(site, source, status);

CREATE INDEX idx_article_documents_document ON article_documents(document_id);

CREATE INDEX idx_articles_day ON articles(substr(coalesce(published, first_seen), 1, 10));

CREATE INDEX "idx_articles_published_year"
    ON "articles" ("published_year");

CREATE INDEX idx_articles_site_day ON articles(site, substr(coalesce(published, first_seen), 1, 10));

CREATE INDEX "idx_articles_site_published"
    ON "articles" ("site", "published");

CREATE UNIQUE INDEX "idx_articles_url"
    ON "articles" ("url");

CREATE INDEX idx_backfill_runs_run ON backfill_runs(run_id);

CREATE INDEX "idx_crawl_runs_run_id"
    ON "crawl_runs" ("run_id");

CREATE INDEX idx_dates_article ON dates(article_id);

CREATE INDEX idx_dates_start_date ON dates(start_date);

CREATE INDEX idx_directive_mentions_article ON directive_mentions(article_id, directive_key);

CREATE INDEX idx_directive_mentions_date ON directive_mentions(directive_key, article_day, date) WHERE date IS NOT NULL;

CREATE INDEX idx_directive_mentions_issuer ON directive_mentions(directive_key, article_day, issuer) WHERE issuer IS NOT NULL;

CREATE INDEX idx_directive_mentions_key ON directive_mentions(directive_key, article_day, article_id);

CREATE INDEX idx_directive_mentions_title ON directive_mentions(directive_key, article_day, title) WHERE title IS NOT NULL;

CREATE INDEX idx_directives_key_folded ON directives(key_folded);

CREATE INDEX idx_document_citations_document ON document_citations(document_id);

CREATE INDEX idx_document_citations_key ON document_citations(directive_key);

CREATE INDEX idx_documents_bare_key ON documents(bare_key);

CREATE INDEX idx_documents_key ON documents(key);

CREATE INDEX idx_documents_status ON documents(status);

CREATE INDEX idx_official_mentions_article ON official_mentions(article_id, person_id);

CREATE INDEX idx_official_mentions_person ON official_mentions(person_id, article_day, article_id);

CREATE INDEX idx_people_name_folded ON people(name_folded);

CREATE INDEX idx_person_positions_person ON person_positions(person_id);

CREATE INDEX "idx_raw_pages_process_status"
    ON "raw_pages" ("process_status");

CREATE INDEX "idx_raw_pages_url"
    ON "raw_pages" ("url");

CREATE INDEX "idx_revisions_article_id"
    ON "revisions" ("article_id");

CREATE INDEX idx_statistics_article ON statistics(article_id);

CREATE INDEX idx_statistics_kind ON statistics(kind);

CREATE INDEX "idx_url_state_site"
    ON "url_state" ("site");

CREATE TRIGGER article_search_ad AFTER DELETE ON article_search BEGIN
INSERT INTO articles_fts_exact(articles_fts_exact, rowid, title, lead, text) VALUES ('delete', old.article_id, old.title, old.lead, old.text);
INSERT INTO articles_fts(articles_fts, rowid, title, lead, text) VALUES ('delete', old.article_id, replace(replace(old.title, 'đ', 'ḏ'), 'Đ', 'Ḏ'), replace(replace(old.lead, 'đ', 'ḏ'), 'Đ', 'Ḏ'), replace(replace(old.text, 'đ', 'ḏ'), 'Đ', 'Ḏ'));
END;

CREATE TRIGGER article_search_ai AFTER INSERT ON article_search BEGIN
INSERT INTO articles_fts_exact(rowid, title, lead, text) VALUES (new.article_id, new.title, new.lead, new.text);
INSERT INTO articles_fts(rowid, title, lead, text) VALUES (new.article_id, replace(replace(new.title, 'đ', 'ḏ'), 'Đ', 'Ḏ'), replace(replace(new.lead, 'đ', 'ḏ'), 'Đ', 'Ḏ'), replace(replace(new.text, 'đ', 'ḏ'), 'Đ', 'Ḏ'));
END;

CREATE TRIGGER article_search_au AFTER UPDATE ON article_search BEGIN
INSERT INTO articles_fts_exact(articles_fts_exact, rowid, title, lead, text) VALUES ('delete', old.article_id, old.title, old.lead, old.text);
INSERT INTO articles_fts(articles_fts, rowid, title, lead, text) VALUES ('delete', old.article_id, replace(replace(old.title, 'đ', 'ḏ'), 'Đ', 'Ḏ'), replace(replace(old.lead, 'đ', 'ḏ'), 'Đ', 'Ḏ'), replace(replace(old.text, 'đ', 'ḏ'), 'Đ', 'Ḏ'));
INSERT INTO articles_fts_exact(rowid, title, lead, text) VALUES (new.article_id, new.title, new.lead, new.text);
INSERT INTO articles_fts(rowid, title, lead, text) VALUES (new.article_id, replace(replace(new.title, 'đ', 'ḏ'), 'Đ', 'Ḏ'), replace(replace(new.lead, 'đ', 'ḏ'), 'Đ', 'Ḏ'), replace(replace(new.text, 'đ', 'ḏ'), 'Đ', 'Ḏ'));
END;

PRAGMA user_version = 0;

INSERT INTO _migrations (name) VALUES
    ('m001_core'),
    ('m002_tags'),
    ('m003_search'),
    ('m004_search_filters'),
    ('m005_search_form_hoac'),
    ('m006_directive_fields_by_earliest_citation'),
    ('m007_search_syllables'),
    ('m008_search_clause_boundaries'),
    ('m009_people_by_province'),
    ('m010_archive_captures'),
    ('m011_documents'),
    ('m012_search_syllable_pairs'),
    ('m013_document_search'),
    ('m014_search_tokens_without_diacritics');
