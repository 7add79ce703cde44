"""The documents store: attached files as fetched, their text and header, and their links to
the articles that attach them and the directives they are."""
from __future__ import annotations

import gzip
import hashlib
import json
from dataclasses import dataclass

import sqlite_utils

from data.database import write_transaction
from data.search import store_document_search_text
from data.store import gzipped


@dataclass(frozen=True)
class Attachment:
    """A document URL an article links to, and what the store knows of it."""
    url: str
    site: str
    article_id: int
    document_id: int | None
    etag: str | None
    last_modified: str | None


@dataclass(frozen=True)
class StoredDocument:
    id: int
    url: str
    body: bytes
    attempts: int


class DocumentStore:
    """Documents in the index (tables ``documents``, ``article_documents``, ``document_citations``)."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    def attachments(self, *, site: str | None = None, since: str | None = None,
                    refetch: bool = False) -> list[Attachment]:
        """Attachment URLs of the articles (of ``site``, first seen on or after ``since``) not yet
        fetched (all of them with ``refetch``, for a conditional request), one per URL."""
        where, params = "", []
        if site:
            where += " AND a.site = ?"
            params.append(site)
        if since:
            where += " AND a.first_seen >= ?"
            params.append(since)
        if not refetch:
            where += " AND (d.id IS NULL OR (d.status = 'failed' AND d.attempts < 3 AND d.body_gz IS NULL))"
        rows = self.db.execute(
            "SELECT j.value, a.site, min(a.id), d.id, d.etag, d.last_modified FROM articles a, "
            "json_each(coalesce(a.attachments, '[]')) j LEFT JOIN documents d ON d.url = j.value "
            f"WHERE 1{where} GROUP BY j.value ORDER BY min(a.id), j.value", params)
        return [Attachment(*row) for row in rows]

    def link_known(self) -> int:
        """Link every article to the stored documents it attaches; return how many links are new."""
        with write_transaction(self.db):
            return self.db.execute(
                "INSERT OR IGNORE INTO article_documents (article_id, document_id) SELECT a.id, d.id "
                "FROM articles a, json_each(coalesce(a.attachments, '[]')) j JOIN documents d ON d.url = j.value"
            ).rowcount

    def store_fetch(self, attachment: Attachment, *, at: str, status: int, headers: dict, body: bytes,
                    kind: str | None) -> int:
        """Keep a fetched file (raw, gzip) for reading; return its id. A file whose bytes did not
        change since the last fetch keeps its text."""
        digest = hashlib.sha256(body).hexdigest()
        header = {k.lower(): v for k, v in headers.items()}
        with write_transaction(self.db):
            old = self.db.execute("SELECT id, body_sha256 FROM documents WHERE url = ?", [attachment.url]).fetchone()
            fields = dict(site=attachment.site, fetched_at=at, http_status=status,
                          content_type=header.get("content-type"), etag=header.get("etag"),
                          last_modified=header.get("last-modified"), body_gz=gzipped(body), body_sha256=digest,
                          bytes=len(body), kind=kind, reason=None)
            if old and old[1] == digest:
                self.db["documents"].update(old[0], {k: fields[k] for k in ("fetched_at", "http_status", "etag",
                                                                              "last_modified")})
                document_id = old[0]
            elif old:
                self.db["documents"].update(old[0], {**fields, "status": "pending"})
                document_id = old[0]
            else:
                document_id = self.db["documents"].insert({"url": attachment.url, **fields, "status": "pending"}).last_pk
            self.db.execute("INSERT OR IGNORE INTO article_documents (article_id, document_id) VALUES (?, ?)",
                            [attachment.article_id, document_id])
        return document_id

    def store_not_modified(self, attachment: Attachment, at: str) -> None:
        with write_transaction(self.db):
            self.db.execute("UPDATE documents SET fetched_at = ? WHERE id = ?", [at, attachment.document_id])

    def store_failure(self, attachment: Attachment, *, at: str, reason: str, status: int | None = None) -> int:
        """Record a file that could not be fetched or is no document (its reason kept); return its id."""
        with write_transaction(self.db):
            self.db.execute(
                "INSERT INTO documents (url, site, fetched_at, http_status, status, reason, attempts) "
                "VALUES (?, ?, ?, ?, 'failed', ?, 1) ON CONFLICT(url) DO UPDATE SET fetched_at = excluded.fetched_at, "
                "http_status = excluded.http_status, reason = excluded.reason, attempts = documents.attempts + 1, "
                "status = CASE WHEN documents.body_gz IS NULL THEN 'failed' ELSE documents.status END",
                [attachment.url, attachment.site, at, status, reason])
            document_id = self.db.execute("SELECT id FROM documents WHERE url = ?", [attachment.url]).fetchone()[0]
            self.db.execute("INSERT OR IGNORE INTO article_documents (article_id, document_id) VALUES (?, ?)",
                            [attachment.article_id, document_id])
        return document_id

    def pending(self) -> list[StoredDocument]:
        """Fetched documents not read yet, oldest first."""
        rows = self.db.execute("SELECT id, url, body_gz, attempts FROM documents WHERE status = 'pending' ORDER BY id")
        return [StoredDocument(i, url, gzip.decompress(body), attempts) for i, url, body, attempts in rows]

    def store_reading(self, document_id: int, *, text: str, methods: list[str], ocr_confidence: float | None,
                      notes: list[str], header: dict, citations: list, version: str, at: str) -> None:
        """Keep what was read of a document, its header fields and the documents it cites."""
        values = {name: (found or {}).get("value") for name, found in header.items() if isinstance(found, dict)}
        key = header.get("key")
        with write_transaction(self.db):
            self.db["documents"].update(document_id, dict(
                status="read", reason=None, text=text, page_methods=json.dumps(methods),
                ocr_confidence=ocr_confidence, notes=json.dumps(notes, ensure_ascii=False) if notes else None,
                header=json.dumps(header, ensure_ascii=False), key=key, bare_key=key.split("@")[0] if key else None,
                doc_type=values.get("doc_type"), issuer=values.get("issuer"), date=header.get("date"),
                title=values.get("title"), signer=values.get("signer"), signer_title=values.get("signer_title"),
                signed_for=values.get("signed_for"), reader_version=version, read_at=at))
            store_document_search_text(self.db, document_id, values.get("title"), text)
            self.db.execute("DELETE FROM document_citations WHERE document_id = ?", [document_id])
            self.db.conn.executemany(
                'INSERT INTO document_citations (document_id, directive_key, text, start, "end") VALUES (?, ?, ?, ?, ?)',
                [(document_id, c.key, c.text, c.start, c.end) for c in citations])

    def store_unreadable(self, document_id: int, reason: str, version: str, at: str) -> None:
        with write_transaction(self.db):
            self.db["documents"].update(document_id, dict(status="failed", reason=reason, reader_version=version,
                                                          read_at=at))
