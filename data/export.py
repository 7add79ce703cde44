"""Export articles and tags as CSV or JSON Lines, streamed row by row from a cursor.

``EXPORT_COLUMNS`` documents every column; the README's export section is checked against it.
"""
from __future__ import annotations

import contextlib
import csv
import datetime as dt
import json
import os
import re
import tempfile
from pathlib import Path
from typing import Iterable, Iterator, TextIO

import sqlite_utils

from data.output import plain_number
from data.search import article_filters, compile_for, run
from data.textnorm import document_name
from data.views import DATE_KINDS, STATISTIC_KINDS

_ARTICLE = {
    "article_id": "Id of the article in the index (`articles` export: `id`).",
    "url": "Article URL.",
    "site": "Portal the article comes from (profile name).",
    "published": "Publication date as the page gives it: `YYYY-MM-DDTHH:MM:SS` local time, or `YYYY-MM-DD`; "
                 "empty when unknown.",
}
_SPAN = {
    "text": "The tagged words exactly as written in the article text.",
    "start": "Offset of the first character in the article text (NFC), counted in characters.",
    "end": "Offset after the last character: `text == article_text[start:end]`.",
}

EXPORT_COLUMNS: dict[str, dict[str, str]] = {
    "articles": {
        "id": "Id of the article in the index; the `article_id` of tag exports.",
        "url": _ARTICLE["url"],
        "site": _ARTICLE["site"],
        "title": "Title as the page wrote it.",
        "published": _ARTICLE["published"],
        "author": "Byline, when the page has one.",
        "lead": "The sapo (lead paragraph); it is also the first paragraph of `text`.",
        "text": "Body text (NFC), paragraphs separated by a blank line; tag offsets point into it.",
        "captions": "Image captions, a JSON list of strings.",
        "attachments": "URLs of attached documents (PDF, DOC, XLS), a JSON list of strings.",
        "revision": "1 for the first version; one more each time the title or text changed.",
        "first_seen": "When the article was first fetched (UTC, ISO 8601).",
        "last_seen": "When the article was last fetched (UTC, ISO 8601).",
    },
    "officials": {
        **_ARTICLE,
        "person_id": "Id of the person: one per name within the province of the article's site "
                     "(see `vnportal officials`).",
        "person": "The person's name as first seen in the index.",
        **_SPAN,
        "name": "The name as written in this mention.",
        "honorific": "`đồng chí`, `ông`, `bà` ... when written before the name.",
        "positions": "Positions given in this mention: a JSON list of `{\"title\", \"organization\"}`.",
    },
    "directives": {
        **_ARTICLE,
        "document": "The document as a person reads it: `Chỉ thị 05-CT/TW (2016)`, "
                    "`Nghị định 15/2020/NĐ-CP`.",
        "key": "Identifies the document across articles: `15/2020/NĐ-CP`; `05-CT/TW@2016` for a Party number, which "
               "restarts with each term: `@` and the signing year (or the term, `@XI`) when an article gives it.",
        "doc_type": "Document type in words (`Chỉ thị`, `Nghị quyết` ...).",
        "type_code": "Type code from the number (`CT`, `NQ`, `QĐ`, `NĐ` ...).",
        "number": "Document number (`20`, `1056`).",
        "issuer_code": "Issuer code from the number (`TW`, `TU`, `CP`, `UBND`, `QH13` ...).",
        "year": "Year in the number (state documents), else empty.",
        **_SPAN,
        "date": "Signing date given in this citation (ISO), else empty.",
        "issuer": "Issuer in words given in this citation (`Bộ Chính trị`), else empty.",
        "title": "Quoted title given in this citation, else empty.",
    },
    "statistics": {
        **_ARTICLE,
        **_SPAN,
        "value": "The number (Vietnamese `22.214` is 22214, `5,07` is 5.07); a whole number is written without "
                 "a decimal point.",
        "denominator": "For ratios such as `50/53`: the 53; else empty.",
        "unit_text": "What is counted, as written (`lượt cán bộ, đảng viên`).",
        "qualifier": "`trên`, `gần`, `khoảng`, `hơn` ... when written before the number.",
        "kind": ", ".join(f"`{kind}`" for kind in STATISTIC_KINDS) + ".",
    },
    "dates": {
        **_ARTICLE,
        **_SPAN,
        "kind": ", ".join(f"`{kind}`" + (" (đầu/giữa/cuối tháng or năm)" if kind == "part" else "")
                          for kind in DATE_KINDS) + ".",
        "start_date": "First day the expression covers (ISO).",
        "end_date": "Last day it covers (ISO); equal to `start_date` for a single day.",
    },
    "documents": {
        **_ARTICLE,
        "document_id": "Id of the document in the index (one per URL, however many articles attach it).",
        "document_url": "Where the document was fetched.",
        "fetched_at": "When it was last fetched (UTC, ISO 8601).",
        "kind": "What the file is, by its bytes: `pdf`, `docx` or `doc`; empty when it was no document.",
        "status": "`read`; `pending` (fetched, to be read); `failed` (see `reason`).",
        "reason": "Why it could not be fetched or read (HTTP 404, an HTML page, an encrypted PDF ...).",
        "pages": "Pages in the text (PDF), 1 for DOCX and DOC.",
        "ocr_pages": "Pages read by OCR (scans).",
        "unread_pages": "Scanned pages not read yet (OCR capped by `--ocr-pages`).",
        "ocr_confidence": "Tesseract's mean word confidence over the OCR'd pages, 0-100.",
        "key": "The directive key the document's own number gives (`05-CT/TW@2016`), as in the `directives` export.",
        "doc_type": "Type as the header writes it (`CHỈ THỊ`; `Công văn` for an official letter).",
        "issuer": "Issuing body as the header writes it (`ỦY BAN NHÂN DÂN TỈNH HẢI DƯƠNG`).",
        "date": "Signing date from the header's place and date line (ISO).",
        "title": "Title (`Về ...`, `V/v ...`).",
        "signed_for": "Authority lines of the signature (`TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH`).",
        "signer_title": "The signer's title (`PHÓ CHỦ TỊCH`).",
        "signer": "The signer's name.",
        "text": "The document's text (NFC); pages separated by a form feed.",
    },
}
JSON_COLUMNS = {"captions", "attachments", "positions"}  # JSON text in CSV, JSON values in JSON Lines
FORMATS = ("csv", "jsonl")

_ARTICLE_SQL = "a.id AS article_id, a.url, a.site, a.published"
_SPAN_SQL = 't.text, t.start, t."end"'
_SQL = {
    "articles": ("a.id, a.url, a.site, a.title, a.published, a.author, a.lead, a.text, a.captions, "
                 "a.attachments, a.revision, a.first_seen, a.last_seen", "articles a", "a.id"),
    "officials": (f"{_ARTICLE_SQL}, t.person_id, p.name AS person, {_SPAN_SQL}, t.name, t.honorific, t.positions",
                  "official_mentions t JOIN people p ON p.id = t.person_id JOIN articles a ON a.id = t.article_id",
                  "a.id, t.start"),
    "directives": (f"{_ARTICLE_SQL}, NULL AS document, d.key, d.doc_type, d.type_code, d.number, d.issuer_code, "
                   f"d.year, {_SPAN_SQL}, t.date, t.issuer, t.title",
                   "directive_mentions t JOIN directives d ON d.key = t.directive_key "
                   "JOIN articles a ON a.id = t.article_id", "a.id, t.start"),
    "statistics": (f"{_ARTICLE_SQL}, {_SPAN_SQL}, t.value, t.denominator, t.unit_text, t.qualifier, t.kind",
                   "statistics t JOIN articles a ON a.id = t.article_id", "a.id, t.start"),
    "dates": (f"{_ARTICLE_SQL}, {_SPAN_SQL}, t.kind, t.start_date, t.end_date",
              "dates t JOIN articles a ON a.id = t.article_id", "a.id, t.start"),
    "documents": (f"{_ARTICLE_SQL}, t.id AS document_id, t.url AS document_url, t.fetched_at, t.kind, t.status, "
                  "t.reason, json_array_length(coalesce(t.page_methods, '[]')) AS pages, "
                  "(SELECT count(*) FROM json_each(t.page_methods) WHERE value = 'ocr') AS ocr_pages, "
                  "(SELECT count(*) FROM json_each(t.page_methods) WHERE value = 'unread') AS unread_pages, "
                  "t.ocr_confidence, t.key, t.doc_type, t.issuer, t.date, t.title, t.signed_for, t.signer_title, "
                  "t.signer, t.text",
                  "article_documents l JOIN documents t ON t.id = l.document_id JOIN articles a ON a.id = l.article_id",
                  "a.id, t.id"),
}


def export_rows(db: sqlite_utils.Database, table: str, site: str | None = None,
                since: str | dt.date | None = None, until: str | dt.date | None = None,
                query: str | None = None) -> Iterator[dict]:
    """Rows of one export table, read lazily from a cursor (the query runs now, so errors show now).

    ``query`` keeps articles that match it (as ``vnportal search`` matches); dates bound the article date.
    """
    select, source, order = _SQL[table]
    match = compile_for(db, query) if query else None
    where, params = article_filters(site=site, since=since, until=until, match=match)
    cursor = run(db, f"SELECT {select} FROM {source} WHERE 1{where} ORDER BY {order}", params, query)
    columns = [description[0] for description in cursor.description]
    rows = (dict(zip(columns, row)) for row in cursor)
    return (_named(row) for row in rows) if table == "directives" else rows


def _named(row: dict) -> dict:
    """A directives row with its ``document`` (selected as NULL, to keep the column order) filled in."""
    row["document"] = document_name(row["key"], row["doc_type"])
    return row


_NEEDS_QUOTES = re.compile(r'[",\r\n]')


def _csv_field(value) -> str:
    # What csv.writer writes (QUOTE_MINIMAL) for a field of a row of several, about 5 times faster
    # on long Vietnamese texts: csv.writer copies them character by character.
    if value.__class__ is str:
        return '"' + value.replace('"', '""') + '"' if _NEEDS_QUOTES.search(value) else value
    value = plain_number(value)
    return "" if value is None else repr(value) if value.__class__ is float else str(value)


# A cell starting with one of these is a formula to a spreadsheet (OWASP, "CSV Injection");
# the full-width forms too, which some locales' Excel reads as the ASCII ones.
FORMULA_STARTS = tuple("=+-@\t\r＝＋－＠")


def spreadsheet_safe(value):
    """``value`` as a spreadsheet shows it but never runs it: text starting like a formula gets a
    leading apostrophe (OWASP's advice); numbers and other text are unchanged."""
    if value.__class__ is str and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_rows(rows: Iterable[dict], out: TextIO, columns: list[str], fmt: str = "csv",
               excel: bool = False) -> int:
    """Write ``rows`` to ``out`` one at a time; return how many. ``excel`` starts CSV with a BOM
    and makes every cell spreadsheet-safe (a crawled title cannot be a formula Excel runs)."""
    count = 0
    if fmt == "csv":
        if excel:
            out.write("\ufeff")  # Excel reads BOM-less CSV as the local code page
        csv.writer(out).writerow(columns)
        for row in rows:
            values = [row.get(column) for column in columns]
            if excel:
                values = [spreadsheet_safe(value) for value in values]
            out.write(",".join([_csv_field(value) for value in values]) + "\r\n")
            count += 1
    elif fmt == "jsonl":
        for row in rows:
            record = {column: json.loads(row[column]) if column in JSON_COLUMNS and row.get(column) else
                      plain_number(row.get(column)) for column in columns}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    else:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    return count


@contextlib.contextmanager
def output_file(path: str | Path, index_path: str | Path) -> Iterator[TextIO]:
    """A UTF-8 text stream that becomes the file at ``path`` only once written whole: a failed
    export leaves an earlier file there as it was. Refuses (ValueError) a path that is the index
    or a file SQLite or vnportal keeps beside it, however it is spelled (links included)."""
    from data.database import companion_files

    target = Path(path)
    if target.resolve() in companion_files(index_path):
        raise ValueError(f"{path} is the index or one of its files: write to another path")
    if target.exists() and not target.is_file():  # a device, a pipe: written in place
        with open(target, "w", encoding="utf-8", newline="") as stream:
            yield stream
        return
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent or ".")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            yield stream
        os.chmod(temporary, _mode_for(target))
        os.replace(temporary, target)
    except BaseException:
        os.unlink(temporary)
        raise


def _mode_for(target: Path) -> int:
    """The permissions a file written at ``target`` gets: those of the file it replaces, else what
    the umask allows (a temporary file is created private)."""
    if target.exists():
        return target.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def columns_markdown() -> str:
    """The README text that documents ``EXPORT_COLUMNS``: one table per export."""
    parts = []
    for table, columns in EXPORT_COLUMNS.items():
        lines = [f"#### `{table}`", "", "| column | meaning |", "|---|---|"]
        lines += [f"| `{column}` | {meaning} |" for column, meaning in columns.items()]
        parts.append("\n".join(lines))
    return "\n\n".join(parts) + "\n"
