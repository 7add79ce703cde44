"""Attached documents: fetch the files articles link to (politely, capped, conditionally), then
read them (text layers, OCR for scans within a nightly page budget, in worker processes), read
their headers, tag the documents they cite, and link them to their directive by key."""
from __future__ import annotations

import logging
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field

from crawler.interrupts import current
from crawler.fetch import TooLarge
from crawler.polite import PoliteClient, Unavailable
from crawler.progress import Progress
from crawler.state import CrawlStore
from data.clock import utc_iso
from data.documents import Attachment, DocumentStore
from extract.article import EXTRACTOR_VERSION  # the code that read a document, as for articles
from extract.documents import DocumentError, OcrBudget, read_document, sniff

logger = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 30 * 1024 * 1024
DOCUMENT_KINDS = ("pdf", "docx", "doc")


@dataclass
class DocumentReport:
    """What a documents run did: files fetched (new or changed), not modified, failed (with
    reasons), read (of them by OCR, pages OCR'd, pages left for a later night), unreadable."""
    fetched: int = 0
    not_modified: int = 0
    failed: int = 0
    read: int = 0
    unreadable: int = 0
    ocr_pages: int = 0
    pages_left: int = 0
    reasons: list[str] = field(default_factory=list)


@dataclass
class DocumentOptions:
    site: str | None = None
    since: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    ocr_pages: int | None = 200  # per run; None: no cap
    workers: int = 1
    refetch: bool = False


def fetch_and_read(index: CrawlStore, crawl_options, options: DocumentOptions,
                   delay: float | None = None) -> DocumentReport:
    """Fetch the documents of ``index``'s articles not fetched yet, with the crawl's politeness
    (``crawl_options``: User-Agent, address policy, timeouts; ``delay`` seconds between requests,
    default its download delay), then read every document not read yet."""
    store = index.document_store()
    report = DocumentReport()
    pause = crawl_options.download_delay if delay is None else delay
    fetch_documents(store, PoliteClient(crawl_options, delay=pause), options, report)
    read_documents(store, options, report)
    return report


def fetch_documents(store: DocumentStore, client: PoliteClient, options: DocumentOptions,
                    report: DocumentReport) -> None:
    """Fetch every attachment not fetched yet (``refetch``: ask again, conditionally)."""
    store.link_known()
    stop = current()
    attachments = store.attachments(site=options.site, since=options.since, refetch=options.refetch)
    with Progress("documents", total=len(attachments), unit="file") as progress:
        for attachment in attachments:
            if stop.requested:  # a signal: what was fetched so far stays
                return
            before = report.failed
            _fetch_one(store, client, attachment, options, report)
            progress.advance("failed" if report.failed > before else "fetched", attachment.url)


def _fetch_one(store: DocumentStore, client: PoliteClient, attachment: Attachment, options: DocumentOptions,
               report: DocumentReport) -> None:
    headers = {}
    if attachment.document_id and attachment.etag:
        headers["If-None-Match"] = attachment.etag
    if attachment.document_id and attachment.last_modified:
        headers["If-Modified-Since"] = attachment.last_modified
    at = utc_iso()
    try:
        answer = client.get(attachment.url, headers=headers, cap=options.max_bytes)
    except (TooLarge, Unavailable) as exc:
        _failed(store, attachment, at, str(exc), report)
        return
    if answer.status == 304:
        store.store_not_modified(attachment, at)
        report.not_modified += 1
        return
    if answer.status != 200:
        _failed(store, attachment, at, f"HTTP {answer.status}", report, answer.status)
        return
    kind = sniff(answer.body, attachment.url)
    if kind not in DOCUMENT_KINDS:
        what = "an HTML page" if kind == "html" else (f"a {kind} file" if kind else "not a document")
        _failed(store, attachment, at, f"{what}, not a PDF, DOCX or DOC", report, answer.status)
        return
    store.store_fetch(attachment, at=at, status=answer.status, headers=answer.headers, body=answer.body, kind=kind)
    report.fetched += 1


def _failed(store: DocumentStore, attachment: Attachment, at: str, reason: str, report: DocumentReport,
            status: int | None = None) -> None:
    store.store_failure(attachment, at=at, reason=reason, status=status)
    report.failed += 1
    report.reasons.append(f"{attachment.url}: {reason}")
    logger.info("%s: %s", attachment.url, reason)


def read_documents(store: DocumentStore, options: DocumentOptions, report: DocumentReport) -> None:
    """Read every fetched document not read yet: first their text layers (all workers), then the
    scanned pages OCR may still read this run, handed out in order until the budget is spent."""
    pending = store.pending()
    if not pending:
        return
    budget = OcrBudget(options.ocr_pages)
    with ProcessPoolExecutor(max_workers=max(1, options.workers)) as pool:
        first = list(pool.map(_read, [(d.body, d.url, 0) for d in pending]))
        allowances = []
        for result in first:
            unread = result.get("unread", 0)
            grant = unread if budget.pages is None else min(unread, budget.pages - budget.used)
            budget.used += grant
            allowances.append(grant)
        second = pool.map(_read, [(d.body, d.url, grant) for d, grant in zip(pending, allowances) if grant])
        again = iter(second)
        for document, result, grant in zip(pending, first, allowances):
            if grant:
                result = next(again)
            _keep(store, document.id, result, report)


def _read(job: tuple[bytes, str, int]) -> dict:
    """In a worker: read one document (OCR'ing at most ``pages`` scanned pages), its header and
    its citations, as plain data."""
    from nlp.directives import tag_directives
    from nlp.document_header import read_header

    body, url, pages = job
    try:
        read = read_document(body, url, ocr=OcrBudget(pages) if pages else None)
    except DocumentError as exc:
        return {"error": str(exc)}
    header = read_header(read.text)
    return {"text": read.text, "methods": read.methods, "confidence": read.ocr_confidence, "notes": read.notes,
            "unread": read.unread_pages, "header": _header_dict(header),
            "citations": [c for c in tag_directives(read.text) if not _is_own_number(c, header)]}


def _is_own_number(citation, header) -> bool:
    """The document's own number in its header is no citation."""
    return header.number is not None and citation.start <= header.number.start < citation.end


def _header_dict(header) -> dict:
    out = {name: asdict(found) if found else None
           for name, found in vars(header).items() if name not in ("key", "date", "notes")}
    out.update(key=header.key, date=header.date)
    return out


def _keep(store: DocumentStore, document_id: int, result: dict, report: DocumentReport) -> None:
    if "error" in result:
        store.store_unreadable(document_id, result["error"], EXTRACTOR_VERSION, utc_iso())
        report.unreadable += 1
        report.reasons.append(f"document {document_id}: {result['error']}")
        return
    store.store_reading(document_id, text=result["text"], methods=result["methods"],
                        ocr_confidence=result["confidence"], notes=result["notes"], header=result["header"],
                        citations=result["citations"], version=EXTRACTOR_VERSION, at=utc_iso())
    report.read += 1
    report.ocr_pages += result["methods"].count("ocr")
    report.pages_left += result["methods"].count("unread")


