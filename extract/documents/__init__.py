"""Attached documents (PDF, DOCX, DOC) read into text: ``read_document(body, name=...)``.

The text is NFC; pages are kept apart by a form feed ("\\f") so that offsets into the whole text
are stable and a page can be cut out again. A PDF page with no usable text layer is read by
Tesseract (its Vietnamese model) when an ``OcrBudget`` allows it. Every refusal is a
``DocumentError`` whose message says why, in one line.
"""
from extract.documents.reader import DocumentError, DocumentText, OcrBudget, read_document
from extract.documents.sniff import sniff

__all__ = ["DocumentError", "DocumentText", "OcrBudget", "read_document", "sniff"]
