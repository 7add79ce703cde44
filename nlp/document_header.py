"""The header and signature of a Vietnamese administrative document, read from its text.

The layout is set by Nghị định 30/2020/NĐ-CP (state) and Hướng dẫn 36-HD/VPTW (Party): top left
the issuing body (in capitals, over a rule) and "Số: 05-CT/TW"; top right the national motto
("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc") or "ĐẢNG CỘNG SẢN VIỆT NAM",
and the place and date ("Hà Nội, ngày 15 tháng 5 năm 2016"); then the type in capitals ("CHỈ
THỊ") and the title ("Về ..."), or for an official letter "V/v ..." under the number; at the end
the signature: the authority ("T/M BỘ CHÍNH TRỊ", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"), the
signer's title ("PHÓ CHỦ TỊCH"), and the name. Text taken from a PDF often runs the two header
columns into one line; each field is therefore searched for, not read by position alone.

Public API: ``read_header(text) -> DocumentHeader``; every field has its offsets in ``text``.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass, field

from nlp.directives import tag_directives
from nlp.gazetteer import gazetteer, match_key

MOTTO = re.compile(r"C[ỘỌ]NG\s+H[ÒOÀ]A\s+X[ÃA]\s+H[ỘO]I\s+CH[ỦU]\s+NGH[ĨI]A\s+VI[ỆE]T\s+NAM|"
                   r"Độc\s+lập\s*[-–—]\s*Tự\s+do\s*[-–—]\s*Hạnh\s+phúc|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM", re.IGNORECASE)
RULE = re.compile(r"^[\s\-–—_*=.·•]+$")
NUMBER = re.compile(r"\bSố\s*:?\s*(?P<symbol>[0-9][\w./\-–]*[\wĐđ])", re.IGNORECASE)
PLACE_DATE = re.compile(r"(?P<place>[A-ZĐÀ-Ỹ][^\n,:;]{1,40}?),\s*ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+"
                        r"năm\s+(?P<y>\d{4})")
SUBJECT = re.compile(r"^\s*(?:V/v|Về\s+việc|Về)\b", re.IGNORECASE)
AUTHORITY = re.compile(r"(?<!\w)(?:T/M|TM\.?|K/T|KT\.?|Q\.|TL\.|TUQ\.|TM)\s+[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ\s]+")
BODY_START = re.compile(r"^\s*(?:Căn\s+cứ|Kính\s+gửi|Thực\s+hiện|Xét\s+đề\s+nghị|Điều\s+1|I\.|1\.|Nơi\s+nhận)",
                        re.IGNORECASE)
SIGNED = re.compile(r"\((?:đã\s+ký|ký|đã\s+ký\s+và\s+đóng\s+dấu)[^)]*\)|\[?chữ\s+ký\]?|\(?Đã\s+ký\)?",
                    re.IGNORECASE)
RECIPIENTS = re.compile(r"^\s*(?:Nơi\s+nhận|[-+•]\s)", re.IGNORECASE)  # the column left of the signature
HEAD_LINES = 40
TAIL_LINES = 40


@dataclass
class Field:
    value: str
    start: int
    end: int


@dataclass
class DocumentHeader:
    """What the document says of itself. ``key`` is the directive key the index uses
    (nlp.directives), from the number and symbol; ``date`` is ISO."""
    issuer: Field | None = None
    number: Field | None = None
    key: str | None = None
    doc_type: Field | None = None
    place: Field | None = None
    date: str | None = None
    date_text: Field | None = None
    title: Field | None = None
    signed_for: Field | None = None
    signer_title: Field | None = None
    signer: Field | None = None
    notes: list[str] = field(default_factory=list)

    def values(self) -> dict:
        """Field values only (for exports and tests)."""
        out = {}
        for name in ("issuer", "number", "doc_type", "place", "title", "signed_for", "signer_title", "signer"):
            found = getattr(self, name)
            out[name] = found.value if found else None
        out.update(key=self.key, date=self.date)
        return out


@functools.cache
def _type_words() -> frozenset[str]:
    """The document types (the gazetteer's), in capitals as headers write them ("CHỈ THỊ")."""
    return frozenset(doc_type.upper() for doc_type in gazetteer().doc_types.values())


@dataclass
class _Line:
    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def _lines(text: str) -> list[_Line]:
    lines, at = [], 0
    for raw in text.split("\n"):
        lines.append(_Line(raw, at))
        at += len(raw) + 1
    return lines


def read_header(text: str) -> DocumentHeader:
    """The header fields of ``text`` (NFC; the first page's lines matter), and its signature
    (the last lines). A field not found is None."""
    text = unicodedata.normalize("NFC", text)
    lines = _lines(text)
    head = lines[:HEAD_LINES]
    header = DocumentHeader()
    _number_and_date(header, head)
    _issuer(header, head)
    _type_and_title(header, head)
    _signature(header, lines[-TAIL_LINES:])
    if header.number:
        header.key = _key(header)
    return header


def _field(line: _Line, start: int, end: int) -> Field:
    value = line.text[start:end]
    trimmed_start = start + len(value) - len(value.lstrip())
    value = value.strip()
    return Field(value, line.start + trimmed_start, line.start + trimmed_start + len(value))


def _number_and_date(header: DocumentHeader, head: list[_Line]) -> None:
    for line in head:
        if header.number is None and (m := NUMBER.search(line.text)):
            header.number = _field(line, m.start("symbol"), m.end("symbol"))
        if header.date is None:
            masked = MOTTO.sub(lambda m: " " * len(m.group()), line.text)
            masked = NUMBER.sub(lambda m: " " * len(m.group()), masked)
            if m := PLACE_DATE.search(masked):
                try:
                    header.date = dt.date(int(m["y"]), int(m["m"]), int(m["d"])).isoformat()
                except ValueError:
                    continue
                header.place = _field(line, m.start("place"), m.end("place"))
                header.date_text = _field(line, m.start(), m.end())


def _caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _issuer(header: DocumentHeader, head: list[_Line]) -> None:
    """The capitals above the number: the motto and anything right of it on the same line left out."""
    parts: list[Field] = []
    for line in head:
        if header.number and line.start <= header.number.start <= line.end:
            break
        if header.date_text and line.start <= header.date_text.start <= line.end:
            break
        motto = MOTTO.search(line.text)
        cut = motto.start() if motto else len(line.text)
        piece = line.text[:cut]
        if RULE.match(piece or "-") or not piece.strip():
            if parts and not motto:
                break  # the rule under the issuer
            continue
        if not _caps(piece):
            break
        parts.append(_field(line, 0, cut))
    if parts:
        header.issuer = Field(" ".join(p.value for p in parts), parts[0].start, parts[-1].end)


def _type_and_title(header: DocumentHeader, head: list[_Line]) -> None:
    after = max((f.end for f in (header.number, header.date_text) if f), default=0)
    types = _type_words()
    title: list[Field] = []
    for line in head:
        if line.end <= after and not SUBJECT.match(line.text):
            continue
        stripped = line.text.strip()
        if header.doc_type is None and not title:
            upper = stripped.upper()
            if _caps(stripped) and upper in types:
                header.doc_type = _field(line, 0, len(line.text))
                continue
            if SUBJECT.match(stripped) and stripped.lower().startswith("v/v"):
                header.doc_type = None
                title.append(_field(line, 0, len(line.text)))
                header.notes.append("an official letter (V/v under the number)")
                continue
            continue
        if header.doc_type is None and title:
            if not stripped or BODY_START.match(stripped) or RULE.match(stripped):
                break
            if line.end > after and _caps(stripped):
                break
            title.append(_field(line, 0, len(line.text)))
            continue
        if not stripped:
            if title:
                break
            continue
        if BODY_START.match(stripped) or RULE.match(stripped) or (title and _caps(stripped) and len(stripped) < 40):
            break
        if title and stripped[:1].isupper():
            break  # a title goes on in lines that start in lower case; a capital starts the text
        if not title and _caps(stripped):
            continue  # capitals under the type ("CỦA BỘ CHÍNH TRỊ") name the issuing organ, not the subject
        title.append(_field(line, 0, len(line.text)))
        if len(title) == 3:
            break
    if title:
        header.title = Field(" ".join(t.value for t in title), title[0].start, title[-1].end)
    if header.doc_type is None and header.title and header.title.value.lower().startswith("v/v"):
        header.doc_type = Field("Công văn", header.title.start, header.title.start)  # implied by the layout


def _signature(header: DocumentHeader, tail: list[_Line]) -> None:
    """The signer (the last name ending a line), then upwards: the signer's title (capitals) and
    the authority lines ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH") above it."""
    at = None
    for i in range(len(tail) - 1, -1, -1):
        line = tail[i]
        candidate = SIGNED.sub("", line.text).strip()
        if name := _name_at_end(candidate):
            start = line.text.rfind(name)
            header.signer = _field(line, start, start + len(name))
            at = i
            break
    if at is None:
        return
    authority: list[Field] = []
    for line in reversed(tail[:at]):
        text = SIGNED.sub(lambda m: " " * len(m.group()), line.text)
        if not text.strip():
            if authority or header.signer_title:
                break
            continue
        if marks := list(AUTHORITY.finditer(text)):
            authority.insert(0, _field(line, marks[-1].start(), marks[-1].end()))
            continue
        title = _caps_at_end(text)
        if title and not authority and header.signer_title is None:
            start = text.rfind(title)
            header.signer_title = _field(line, start, start + len(title))
            continue
        if RECIPIENTS.match(text):
            continue  # a line of the recipients' column, beside the signature
        break
    if authority:
        header.signed_for = Field(" ".join(a.value for a in authority), authority[0].start, authority[-1].end)


def _caps_at_end(text: str) -> str | None:
    """The capitals ending a line ("PHÓ CHỦ TỊCH" of "- Lưu: VT. PHÓ CHỦ TỊCH"); abbreviations with
    a full stop (VT.) belong to the left column."""
    words = text.split()
    n = 0
    while n < len(words) and _caps(words[-1 - n]) and not words[-1 - n].endswith((".", ",", ";", ":")):
        n += 1
    if n == 0 or (n == 1 and len(words[-1]) < 3):
        return None
    return " ".join(words[-n:])


def _name_at_end(text: str) -> str | None:
    words = text.split()
    for n in range(min(5, len(words)), 1, -1):
        name = words[-n:]
        titled = all(w[:1].isupper() and (w[1:].islower() or len(w) == 1) for w in name)
        if titled and match_key(name[0]) in gazetteer().surnames:
            return " ".join(name)
    return None


def _key(header: DocumentHeader) -> str | None:
    words = header.doc_type.value.capitalize() if header.doc_type and header.doc_type.value else "Văn bản"
    dated = f" ngày {header.date}" if header.date else ""
    if header.date:
        y, m, d = header.date.split("-")
        dated = f" ngày {int(d)} tháng {int(m)} năm {y}"
    tags = tag_directives(f"{words} số {header.number.value}{dated}")
    return tags[0].key if tags else None
