"""Read a document's text: PDF text layers (pypdfium2), scanned PDF pages (Tesseract), DOCX
(python-docx), legacy DOC (antiword, when installed).

A text layer in a legacy font encoding (TCVN3, VNI) is converted; TCVN3's "ư" is byte 0xAD, the
soft hyphen, which PDF text extraction (pdfium, pypdf alike) drops, so such a page loses its "ư".
"""
from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass, field

from extract.documents.ocr import OcrUnavailable, ocr_image
from extract.documents.sniff import sniff
from extract.legacy import detect_legacy, to_unicode
from nlp.vietnamese import vietnamese_ratio

PAGE_BREAK = "\f"
MIN_LETTERS = 20  # a PDF page with fewer letters in its text layer is read as a scan
VIETNAMESE_RATIO = 0.25  # an OCR'd page with a smaller share of diacritic-marked syllables (nlp.vietnamese) is
#   noted as not Vietnamese: Vietnamese prose about 0.5, English read with the Vietnamese model about 0
OCR_DPI = 300
MAX_UNZIPPED = 100 * 1024 * 1024  # a DOCX inflating to more is refused (zip bombs)
MAX_RATIO = 200  # ... and so is one whose members inflate more than this many times


class DocumentError(Exception):
    """The document cannot be read; the message says why in one line."""


@dataclass
class OcrBudget:
    """How many scanned pages OCR may still read (``vnportal ... --ocr-pages N``); None: no limit."""
    pages: int | None = None
    used: int = 0

    def take(self) -> bool:
        if self.pages is not None and self.used >= self.pages:
            return False
        self.used += 1
        return True


@dataclass
class DocumentText:
    """A document's text, pages joined by PAGE_BREAK; how each page was read ('text', 'ocr' or
    'unread' when OCR was not allowed or not possible); the mean OCR confidence over OCR'd pages."""
    kind: str
    pages: list[str]
    methods: list[str]
    ocr_confidence: float | None = None
    legacy_encoding: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return PAGE_BREAK.join(self.pages)

    @property
    def unread_pages(self) -> int:
        return self.methods.count("unread")


def read_document(body: bytes, name: str = "", ocr: OcrBudget | None = None) -> DocumentText:
    """The text of ``body`` (a PDF, DOCX or DOC, whatever its name or Content-Type said);
    scanned PDF pages are OCR'd while ``ocr`` allows (never without one)."""
    kind = sniff(body, name)
    if kind == "pdf":
        return _pdf(body, ocr)
    if kind == "docx":
        return _docx(body)
    if kind == "doc":
        return _doc(body)
    if kind == "html":
        raise DocumentError("an HTML page, not a document (an error page served in its place?)")
    if kind in ("xlsx", "xls"):
        raise DocumentError(f"a spreadsheet ({kind}): not read")
    raise DocumentError("not a PDF, DOCX or DOC file")


def _pdf(body: bytes, ocr: OcrBudget | None) -> DocumentText:
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(body)
    except pypdfium2.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise DocumentError("an encrypted PDF (password-protected)") from None
        raise DocumentError(f"not a readable PDF ({exc})") from None
    try:
        pages, methods, confidences, notes = [], [], [], []
        legacy = None
        for number in range(len(document)):
            page = document[number]
            text = page.get_textpage().get_text_range().replace("\r\n", "\n").replace("\r", "\n")
            if legacy is None and (legacy := detect_legacy(text)):
                notes.append(f"text in the legacy {legacy} encoding, converted")
            if legacy:
                text = to_unicode(text, legacy)
            if sum(c.isalpha() for c in text) >= MIN_LETTERS:
                pages.append(_clean(text))
                methods.append("text")
                continue
            if ocr is None or not ocr.take():
                pages.append("")
                methods.append("unread")
                continue
            try:
                read, confidence = ocr_image(page.render(scale=OCR_DPI / 72).to_pil().convert("L"))
            except OcrUnavailable as exc:
                notes.append(str(exc))
                pages.append("")
                methods.append("unread")
                continue
            pages.append(_clean(read))
            methods.append("ocr")
            confidences.append(confidence)
            if vietnamese_ratio(read) < VIETNAMESE_RATIO:
                notes.append(f"page {number + 1}: the OCR text is not Vietnamese (confidence {confidence:.0f})")
        if methods.count("unread"):
            notes.append(f"{methods.count('unread')} scanned page(s) not read (OCR not allowed or capped)")
        return DocumentText("pdf", pages, methods, sum(confidences) / len(confidences) if confidences else None,
                            legacy, notes)
    finally:
        document.close()


def _docx(body: bytes) -> DocumentText:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    _check_zip(body)
    try:
        document = docx.Document(io.BytesIO(body))
    except Exception as exc:  # python-docx raises many kinds for a broken package
        raise DocumentError(f"not a readable DOCX file ({type(exc).__name__})") from None
    lines = []
    for child in document.element.body.iterchildren():
        if child.tag.endswith("}p"):
            lines.append(Paragraph(child, document).text)
        elif child.tag.endswith("}tbl"):
            for row in Table(child, document).rows:
                for cell in row.cells:  # a header table: the left column, then the right
                    lines += [paragraph.text for paragraph in cell.paragraphs]
    return DocumentText("docx", [_clean("\n".join(lines))], ["text"])


def _check_zip(body: bytes) -> None:
    try:
        members = zipfile.ZipFile(io.BytesIO(body)).infolist()
    except zipfile.BadZipFile:
        raise DocumentError("not a readable DOCX file (a broken zip)") from None
    unzipped = sum(member.file_size for member in members)
    packed = sum(member.compress_size for member in members) or 1
    if unzipped > MAX_UNZIPPED or unzipped / packed > MAX_RATIO:
        raise DocumentError(f"refused: a DOCX inflating to {unzipped:,} bytes from {packed:,} (a zip bomb?)")


def _doc(body: bytes) -> DocumentText:
    if not shutil.which("antiword"):
        raise DocumentError("a legacy .doc file: install antiword to read it (Debian: apt-get install antiword)")
    with tempfile.NamedTemporaryFile(suffix=".doc") as handle:
        handle.write(body)
        handle.flush()
        done = subprocess.run(["antiword", "-m", "UTF-8.txt", "-w", "0", handle.name], capture_output=True,
                              timeout=120)
    if done.returncode != 0:
        raise DocumentError(f"antiword could not read it ({done.stderr.decode('utf-8', 'replace').strip()[:120]})")
    return DocumentText("doc", [_clean(done.stdout.decode("utf-8", "replace"))], ["text"])


def _clean(text: str) -> str:
    """NFC, no form feeds (they separate pages), no trailing spaces, at most one blank line in a row."""
    lines = [line.rstrip() for line in unicodedata.normalize("NFC", text).replace(PAGE_BREAK, "\n").split("\n")]
    kept: list[str] = []
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    return "\n".join(kept).strip("\n")
