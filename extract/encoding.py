"""Bytes -> str: valid UTF-8, then HTTP charset, then <meta> charset, then detection; legacy font encodings.

Order: a byte-order mark; UTF-8 when the bytes are valid UTF-8 and not plain ASCII, whatever the
labels say (text in a legacy charset is almost never valid UTF-8, while portals often keep a
"windows-1258" or "iso-8859-1" label after moving to UTF-8); the Content-Type header;
<meta charset>/http-equiv; then, for undeclared or wrongly declared pages, the best of
windows-1258 and charset_normalizer's guess by Vietnamese diacritics, else windows-1252.
"""
from __future__ import annotations

import codecs
import logging
import re
from collections.abc import Mapping

from extract.legacy import detect_legacy
from nlp.vietnamese import vietnamese_ratio

log = logging.getLogger(__name__)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""", re.I)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?\s*([a-zA-Z0-9_.:-]+)", re.I)
# browsers read these labels as windows-1252, and so do we
_AS_CP1252 = {"iso8859-1", "ascii", "cp1252"}

_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1f]")  # control characters text does not use (tab to CR aside)
_BINARY_MAGIC = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP/Office archive",
    b"\xd0\xcf\x11\xe0": "an MS Office document",
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"\x1f\x8b": "gzip data",
    b"Rar!": "a RAR archive",
    b"7z\xbc\xaf": "a 7z archive",
    b"ID3": "an MP3 file",
    b"\x00\x00\x00": "binary data",
}


def binary_kind(raw: bytes) -> str | None:
    """What a non-text body is ("a PDF document" ...), or None when it looks like text."""
    head = raw[:2048].lstrip()
    for magic, kind in _BINARY_MAGIC.items():
        if head.startswith(magic):
            return kind
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    if not head:
        return None
    controls = len(_CONTROL_BYTES.findall(head))
    if b"\x00" in head or controls / len(head) > 0.05:
        return "binary data"
    return None


def _codec(label: str | bytes | None) -> str | None:
    if not label:
        return None
    if isinstance(label, bytes):
        label = label.decode("ascii", "ignore")
    try:
        return codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None


def header_charset(headers: Mapping | None) -> str | None:
    """The charset named in a Content-Type header (any key case; str, bytes or list values)."""
    if not headers:
        return None
    for key, value in headers.items():
        key = key.decode("latin-1") if isinstance(key, bytes) else str(key)
        if key.lower() != "content-type":
            continue
        if isinstance(value, (list, tuple)):
            value = value[0] if value else ""
        if isinstance(value, bytes):
            value = value.decode("latin-1")
        match = _HEADER_CHARSET.search(value or "")
        return _codec(match.group(1)) if match else None
    return None


def meta_charset(raw: bytes) -> str | None:
    """The charset a page declares in its first bytes (<meta>, XML declaration)."""
    head = raw[:4096]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return _codec(match.group(1)) if match else None


def _decode_cp1252(raw: bytes) -> str:
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:  # five bytes are undefined in windows-1252
        return raw.decode("latin-1")


def _strict(raw: bytes, codec: str) -> str | None:
    if codec in _AS_CP1252:
        return _decode_cp1252(raw)
    try:
        return raw.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _guess(raw: bytes) -> str:
    """Decode an undeclared, non-UTF-8 page."""
    as_cp1252 = _decode_cp1252(raw)
    if detect_legacy(as_cp1252):
        return as_cp1252  # TCVN3/VNI: converted after parsing, on text nodes only
    candidates = [("cp1258", raw.decode("cp1258", errors="replace"))]
    try:
        from charset_normalizer import from_bytes
    except ImportError:
        best = None
    else:
        best = from_bytes(raw).best()
    if best is not None and best.encoding:
        candidates.append((best.encoding, str(best)))
    name, text = max(candidates, key=lambda item: vietnamese_ratio(item[1]))
    if vietnamese_ratio(text) < 0.05:
        return as_cp1252
    log.debug("guessed charset %s", name)
    return text


def decode_html(raw: bytes, headers: Mapping | None = None) -> str:
    """Decode a fetched page to text following the order described in the module docstring."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            return raw.decode(codec, errors="replace")
    try:
        as_utf8 = raw.decode("utf-8")
    except UnicodeDecodeError:
        as_utf8 = None
    if as_utf8 is not None and not raw.isascii():
        return as_utf8
    for declared in (header_charset(headers), meta_charset(raw)):
        if declared is None:
            continue
        text = as_utf8 if declared == "utf-8" else _strict(raw, declared)
        if text is not None:
            return text
        log.debug("declared charset %s does not decode the page", declared)
    if as_utf8 is not None:
        return as_utf8
    return _guess(raw)
