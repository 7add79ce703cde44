"""What a downloaded file really is, from its first bytes: a PDF served as text/html is a PDF;
an HTML error page served as .pdf is not."""
from __future__ import annotations

import io
import zipfile

OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")  # the compound file of .doc and .xls


def sniff(body: bytes, name: str = "") -> str | None:
    """'pdf', 'docx', 'xlsx', 'doc', 'xls', 'html' or None (something else)."""
    head = body[:1024].lstrip()
    if body[:1024].find(b"%PDF-") != -1:
        return "pdf"
    if body.startswith(b"PK\x03\x04"):
        try:
            members = set(zipfile.ZipFile(io.BytesIO(body)).namelist())
        except zipfile.BadZipFile:  # broken: its first member's name (local header) still tells
            first = body[30:30 + int.from_bytes(body[26:28], "little")]
            return "docx" if first in (b"[Content_Types].xml", b"word/document.xml") else None
        if "word/document.xml" in members:
            return "docx"
        if "xl/workbook.xml" in members:
            return "xlsx"
        return None
    if body.startswith(OLE_MAGIC):
        if b"W\x00o\x00r\x00d\x00D\x00o\x00c\x00u\x00m\x00e\x00n\x00t" in body:
            return "doc"
        return "xls" if name.lower().endswith(".xls") or b"W\x00o\x00r\x00k\x00b\x00o\x00o\x00k" in body else None
    if head[:15].lower().startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<?xml")) or b"<html" in head.lower():
        return "html"
    return None
