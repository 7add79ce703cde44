"""Directives: numbered Party and state documents cited in the text.

Public API: ``tag_directives(text, ref_date=None) -> list[DirectiveTag]``; offsets index the NFC text.

Numbering read (Hướng dẫn 36-HD/VPTW for the Party, Nghị định 30/2020/NĐ-CP for the state):

* Party: ``number-TYPE/ISSUER`` (``20-CT/TW``, ``1056-QC/TU``, ``08-QĐi/TW``, ``12-KH/BTGTU``);
* state: ``number[/year]/TYPE-ISSUER`` (``38/NQ-CP``, ``15/2020/NĐ-CP``, ``1056/QĐ-UBND``);
* laws and resolutions of the National Assembly: ``number/year/QHxx`` (``80/2015/QH13``).

``text`` is the citation: optional type word(s), optional "số", the number ("Chỉ thị số 20-CT/TW",
"38/NQ-CP"). ``doc_type`` comes from the code, not from the prose word (seed text "Quyết định số
1056-QC/TU" is a Quy chế); TT is Thông tư in state numbers and Thông tri in Party numbers; a QHxx
number takes its type from the prose word (Luật by default). ``issuer_code`` is spelled as the
registry of issuer codes spells it (TTG -> TTg); a known Party issuer makes a Party document even in
the state shape (``25/CT-HU``). Attached after the number, in any order: the signing date, a single
day as nlp.dates reads it (", ngày 05-11-2012", "ngày 18 tháng 5 năm 2021", "do Phó Thủ tướng ... ký
ngày 14/10/2021"; a day/month without year takes the year that does not put it after ``ref_date``),
the issuer in words ("của Bộ Chính trị"; plenary prefixes and ", khóa XI" are dropped, the term is
kept for the key; "của Hội nghị Trung ương 4" names the Ban Chấp hành Trung ương), the year alone ("năm 1996",
"(năm 2017)", or the month issued in: "được ban hành tháng 11/2017", "vào tháng 2-2018") and the quoted title
after "về" / "về việc [ban hành]" (curly or straight quotes, without them); nothing attaches across a
blank line (a headline's citation takes no date from the lead below it). Without a date or year after
it, a citation right after an issuing verb ("ban hành", "ký", "có", "gửi") takes the day opening its
sentence ("Ngày 4/10, Văn phòng ... đã ban hành văn bản số 442/VPTT").

``key`` identifies a document across articles. State documents are numbered per issuer and year:
``15/2020/NĐ-CP``; without a year in the number the signing year is inserted (``1056/2023/QĐ-UBND``),
else the number stays as written (``38/NQ-CP``). Party documents are numbered per committee term, so
the same number recurs (20-NQ/TW of 2012 and of 2017): ``20-NQ/TW@2012`` with the signing year, else
``20-NQ/TW@XI`` with the term, else ``20-NQ/TW``. A citation without date takes the key of the dated
citations of the same number in the same text when they all agree (its ``year`` and ``date`` stay
None). Numbers are kept as written (``01-KL/TW``). Local issuers (TU, HU, UBND ...) are ambiguous
across provinces: the key does not say which province; the index can qualify it with the site.

A number cited without any code after a type word and "số" ("Quyết định số 842"), or after a
capitalised type word of ``NUMBER_ONLY_TYPES`` alone ("Chỉ thị 19", "Nghị quyết 116"), is a document
too: ``type_code`` from the word (the longest type the word starts with), ``issuer_code`` None,
``key`` ``842/2023/QĐ`` with the signing year, else ``842/QĐ``; in a list ("Chỉ thị 15, 16") each
further number is a citation of its own (the span is the number). A letter so cited ("Công văn số 726",
"Văn bản số 134", "Công văn 124") is a ``Công văn`` with ``type_code`` None. Official letters numbered
without a type code after a type word ("Công văn số 3068/BHXH-CSXH") are ``Công văn`` with
``type_code`` None and the whole code after the slash as ``issuer_code`` (key ``3068/BHXH-CSXH``);
after another type word they take its type and code ("Quyết định số 03/2017/HSST-QĐ": QĐ).
A letter word and a number coded by its issuer alone ("văn bản số 442/VPTT") is such a letter too
(``issuer_code`` VPTT). Stray spaces around the slash ("26 /TB-HĐ", "35 - CT / TW") and a space for it ("5171
QĐ-XPVPHC", after "số" or a type word; "22-QĐ TW" before an issuer in capitals) are read, and so is a code in lowercase after a type word
("thông tư 22/2015/tt-bkhđt": the fields and key upper-cased); a type word away from its number leaves
the span starting at "số" (a letter word too: "gửi công văn này số 1903/UBND-NN"), unless that word is one of urgency:
"Công văn hỏa tốc số 2088/UBND-VX", "công văn khẩn số 1215", "Công điện thượng khẩn số 05/CĐ-UBND" are whole.

Not tagged: references without a number ("Nghị quyết Đại hội XIII của Đảng", "Nghị quyết Trung
ương 4 khóa XII"), a count after a type word ("Kế hoạch 5 năm", "Kế hoạch 5 năm 2021-2025", "Quyết định 3
lần"; but "Chỉ thị 15 năm 2020" is a citation and its year, "Nghị định 86 lần thứ 8" a citation), a year's
plan ("Kế hoạch 2018", without "số"), dates,
phone numbers and names such as "Ban Chỉ đạo 35" (a coded number needs letters in a known type code).
"""
from __future__ import annotations

import bisect
import datetime as dt
import functools
import logging
import re
import unicodedata
from dataclasses import replace

from nlp.gazetteer import (
    Token,
    gazetteer,
    match_key,
    match_organization,
    offices,
    paragraph_end,
    starts_title,
    text_tokens,
)
from nlp.dates import gone_by, tag_dates
from nlp.records import DateTag, DirectiveTag

log = logging.getLogger(__name__)

_ISSUER = r"[A-ZĐ][A-Za-zĐđ0-9]*"
_NUMBER_RE = re.compile(
    r"(?<![\w/.\-–])(?:"
    rf"(?P<law_num>\d{{1,5}})/(?P<law_year>(?:19|20)\d\d)/(?P<law_iss>(?:UBTV)?QH\d{{1,2}})"
    rf"|(?P<st_num>\d{{1,5}})(?:/(?P<st_year>(?:19|20)\d\d))?(?:\s?/\s?|(?P<st_space>\s))(?P<st_code>[A-ZĐ][A-Za-zĐđ]{{0,6}})"
    rf"\s?[-–]\s?(?P<st_iss>{_ISSUER}(?:-{_ISSUER})*)"
    rf"|(?P<p_num>\d{{1,5}})\s?[-–]\s?(?P<p_code>[A-ZĐ][A-Za-zĐđ]{{0,4}})(?:\s?/\s?|\s(?=[A-ZĐ]{{2,}}(?![\w/])))"
    rf"(?P<p_iss>{_ISSUER}(?:-{_ISSUER})*)"
    rf"|(?P<l_num>\d{{1,5}})\s?/\s?(?P<l_iss>[A-ZĐ]{{2,10}})"  # a letter coded by its issuer alone: "442/VPTT"
    r")(?![\w/])"
)
# a code written in lowercase ("thông tư 22/2015/tt-bkhđt"): read on the upper-cased text after a type word
_LOWER_CODE_HINT = re.compile(r"\d\s?/\s?[a-zđ]+\s?[-–]|\d\s?[-–]\s?[a-zđ]+/")
# between a citation and its signing date, which nlp.dates reads: ", ngày 05-11-2012", "(ký ngày 4/10)"
_DATE_LEAD_RE = re.compile(r"\s*,?\s*\(?\s*(?:(?:ban hành|ký)\s+)?(?:vào\s+)?(?=ngày\s)")
# the signing date after who signed: "... số 1719/QĐ-TTg do Phó Thủ tướng Lê Văn Thành ký ngày 14/10/2021",
# "... được Chính phủ ban hành vào ngày 11/10", also past what the document is about: "Chỉ thị 49 về thúc
# đẩy ... được Bộ trưởng ký ban hành ngày 18/8"
_SIGNED_LEAD = (r"\s*,?\s*(?:về\s[^.;:\n“\"]{1,120}?,?\s)?(?:do|được)(?:\s+[^.;:\n“\"]{1,80}?)?\s+(?:ký|ban hành)"
                r"(?:\s+ban hành)?\s+(?:vào\s+)?")
_SIGNED_LEAD_RE = re.compile(rf"{_SIGNED_LEAD}(?=ngày\s)")
# the month it was issued in, after an issuing word or "vào" (the year is taken): "Quy định 102 ... được ban
# hành tháng 11/2017", "Chính phủ ban hành Nghị quyết 11 vào tháng 2-2018"
_ISSUED_MONTH_RE = re.compile(rf"(?:{_SIGNED_LEAD}|\s*,?\s*(?:(?:ban hành|ký)\s+)?vào\s+)(?=tháng\s)")
# a sentence opened by the day the citation is issued on: "Ngày 4/10, Sở Y tế đã ban hành Công văn số ..."
# (after the source a lead may open with: "(PLO)- Ngày 4/10, ...", "TTO - Chiều 4-10, ...")
# (a relative day nlp.dates leaves outside the day's span may open it: "Sáng nay (4/10), ...")
_OPENING_LEAD_RE = re.compile(r"\s*(?:\(?[^\s()]{2,12}\)?\s*[-–]\s*)?"
                              r"(?:(?:sáng|trưa|chiều|tối|đêm|hôm|ngày)\s+(?:nay|qua|mai)\s*\(\s*)?")
# a clause opened by a day or period: after a comma or "rằng", the clause's only comma after the day
_CLAUSE_LEAD_RE = re.compile(r"(?:,|(?<!\w)rằng)\s*$")
_CLAUSE_REST_RE = re.compile(r"\s*\)?\s*,[^,.;:\n]*")
_COMMA_RE = re.compile(r"\s*\)?\s*,")
_WRITTEN_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_ISSUING_VERB_RE = re.compile(r"(?<!\w)(?:ban hành|ký|phát hành|phát đi|gửi|có|ra)\s+$")
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?;]\s|\n)[^.!?;\n]*$")
_ISSUER_RE = re.compile(
    r"\s*,?\s*của\s+(?:(?P<plenum>hội nghị\s+(?:lần thứ\s+\w+|(?P<central>trung ương)\s+\w+))(?:\s+của)?\s+)?")
# the year written after the citation, past an issuer of up to five words: "... của Thủ tướng năm 1996", or
# in brackets: "Nghị định 33 (năm 2017)"
_YEAR_RE = re.compile(r"\s*,?\s*(?:\(\s*năm\s+(?P<bracketed>(?:19|20)\d\d)\s*\)|(?:của(?:\s+(?!về\b|năm\b)\w+){1,5}\s+"
                      r"|ban hành\s+)?năm\s+(?P<year>(?:19|20)\d\d)(?![\d/]))")
# a year written right after a citation's code, without "năm": "Công văn 1419/TTg-NN 2021"
_CODE_YEAR_RE = re.compile(r"[ \t]+(?P<year>(?:19|20)\d\d)(?![\d/%]|[.,:]\d|\s*[-–]\s*\d)")
_TERM_RE = re.compile(r"\s*,?\s*\(?\s*khóa\s+(?P<term>[ivxlc]+)\b\)?")
_TITLE_RE = re.compile(r"(?:\s*,?\s*(?:về việc ban hành|về việc|về|ban hành|v/v)\s*:?\s*|\s*)(?P<q>[“\"«])")
# a letter word away from "số": "Công văn hỏa tốc số", "văn bản khẩn số"
_LETTER_AWAY_RE = re.compile(r"(?<!\w)(?:công văn|văn bản)(?:\s+\w+){1,2}\s+$")
_CLOSING = {"“": "”", '"': '"', "«": "»"}
_LAW_WORDS = {"luật": "L", "bộ luật": "BL", "pháp lệnh": "PL", "nghị quyết": "NQ"}


# an urgency word between a type word and "số" belongs to the citation: "công văn khẩn số 1215",
# "Công điện hỏa tốc số 05/CĐ-UBND" (on the key, whose tone placement "hỏa" is)
_URGENCY = r"(?:\s+(?:thượng khẩn|khẩn|hỏa tốc))?"


def _word_alternatives() -> str:
    return "|".join(re.escape(w) for w in sorted((match_key(w) for w in gazetteer().doc_words), key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def _prefix_re() -> re.Pattern[str]:
    """Type word(s) and "số" ending where a number starts (matched on the key: any case, any tone placement)."""
    return re.compile(rf"(?:(?<!\w)(?P<word>{_word_alternatives()}){_URGENCY}\s+)?(?:(?<!\w)số\s*:?\s*)?$")


_NO_CODE = r"(?!\w|[/.,:\-–]\w|\s?[-–/]\s?\w|\s*%|\s+(?:năm(?!\s+(?:19|20)\d\d(?!\d|\s?[-–]\s?\d))|tháng|tuần|ngày(?!\s+\d)|giờ|lần(?!\s+thứ)|người|điểm)(?!\w))"
# "số" and a number with no code after it, on the key; the literal first keeps the scan fast, so the
# word boundary before "số" is checked by the caller.
_BARE_YEAR = r"(?:/(?P<year>(?:19|20)\d\d))?"  # a year after the number, no code: "Nghị định 46/2016"
_BARE_NUMBER_RE = re.compile(rf"số\s*:?\s*(?P<num>\d{{1,5}}){_BARE_YEAR}{_NO_CODE}")
# the next numbers of a list of citations: "Chỉ thị 15, 16"
_MORE_NUMBER_RE = re.compile(rf"(?:\s*,\s*|\s+và\s+)(?P<num>\d{{1,5}}){_NO_CODE}")
# type words cited by number alone, without "số" (capitalised in the text: "Chỉ thị 19", "Nghị quyết 116")
NUMBER_ONLY_TYPES = ("Chỉ thị", "Nghị quyết", "Nghị định", "Quyết định", "Thông tư", "Công điện", "Kết luận",
                     "Kế hoạch", "Quy định", "Công văn")
_NUMBER_ONLY_KEYS = tuple(w.lower() for w in NUMBER_ONLY_TYPES)


@functools.lru_cache(maxsize=1)
def _number_only_re() -> re.Pattern[str]:
    """A type word of NUMBER_ONLY_TYPES, capitalised (or in capitals: "NGHỊ QUYẾT 30" in a headline),
    after "của", "theo", "tại" or a verb that takes a document ("ban hành", "áp dụng", "thực hiện", "sửa đổi",
    "bổ sung", "thay thế"), where it is no verb: "của quyết định 175", "Theo thông tư 35", "bổ sung nghị định
    158", or with its issuer or day after the number ("quyết định 23 của UBND tỉnh", "công văn 323 ngày
    6-3"); and a number without "số" or code (on the text)."""
    words = "|".join(re.escape(w) for form in (str, str.upper) for w in map(form, NUMBER_ONLY_TYPES))
    lower = "|".join(re.escape(w.lower()) for w in NUMBER_ONLY_TYPES)
    after = "|".join(f"(?<={word} )" for word in ("của", "theo", "Theo", "tại", "Tại", "ban hành", "áp dụng",
                                                   "thực hiện", "sửa đổi", "bổ sung", "thay thế"))
    issued = r"(?=\s+\d{1,5}(?:/(?:19|20)\d\d)?\s+(?:của\s|ngày\s+\d))"  # its issuer or day after the number
    return re.compile(rf"(?P<word>(?<!\w)(?:{words})|(?:{after})(?:{lower})|(?<!\w)(?:{lower}){issued})"
                      rf"\s+(?P<num>\d{{1,5}}){_BARE_YEAR}{_NO_CODE}")


@functools.lru_cache(maxsize=1)
def _type_word_re() -> re.Pattern[str]:
    """A type word ending where "số" starts: "Quyết định" in "Quyết định số 842" (on the key)."""
    words = "|".join(re.escape(w) for w in sorted(_bare_types(), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?P<word>{words}){_URGENCY}\s+$")


@functools.lru_cache(maxsize=1)
def _word_types() -> dict[str, tuple[str, str]]:
    """Type word (as a key) -> (type, code): the longest type the word starts with ("Chương trình hành
    động" -> Chương trình, CTr). Letters ("Công văn", "Văn bản") are left out, as in coded numbers."""
    g = gazetteer()
    # a Party code wins: "Quy định" cited by number alone is the Party's (QĐi: "Quy định 102" on discipline),
    # not a state one (QyĐ)
    ordered = sorted(g.doc_types.items(), key=lambda item: item[0][1] == "party")
    codes = {doc_type: code for (code, _), doc_type in ordered if code != "CV"}
    found = {}
    for word in g.doc_words:
        doc_type = max((t for t in codes if match_key(word).startswith(match_key(t))), key=len, default=None)
        if doc_type is not None:
            found[match_key(word)] = (doc_type, codes[doc_type])
    return found


@functools.lru_cache(maxsize=1)
def _bare_types() -> dict[str, tuple[str, str | None]]:
    """Type words cited with a number and no code: those of ``_word_types`` and the letters ("Công văn số
    726", "Văn bản số 134": an official letter, its type code None)."""
    return {**_word_types(), **{match_key(w): ("Công văn", None) for w in ("Công văn", "Văn bản")}}


class _Text:
    """The NFC text, its match key and (on demand) its tokens."""

    def __init__(self, text: str, dates: list[DateTag]) -> None:
        self.text = text
        self.key, self._tokens = text_tokens(text)
        self.days = {d.start: d for d in dates if d.start_date == d.end_date}  # single days by start
        self.periods = {d.start: d for d in dates if d.start_date[:4] == d.end_date[:4]}  # within one year
        self._starts: list[int] | None = None

    def token_at(self, offset: int) -> tuple[tuple[Token, ...], int | None]:
        if self._starts is None:
            self._starts = [t.start for t in self._tokens]
        k = bisect.bisect_left(self._starts, offset)
        return self._tokens, (k if k < len(self._tokens) and self._starts[k] == offset else None)


def _day_at(doc: _Text, at: int | None, ref_date: dt.date | None) -> tuple[dt.date, int] | None:
    """The signing day nlp.dates reads at ``at`` and where it ends. A day written without a year is
    the latest gone by at ``ref_date`` (``gone_by``): a document is cited after it was signed."""
    found = doc.days.get(at) if at is not None else None
    if found is None:
        return None
    day = dt.date.fromisoformat(found.start_date)
    if not _WRITTEN_YEAR_RE.search(found.text):
        day = gone_by(day, ref_date)
    return (day, found.end) if day else None


def _opening_date(doc: _Text, start: int, ref_date: dt.date | None) -> tuple[dt.date | None, int | None]:
    """(day, None), or (None, year), of the day or the year opening the sentence whose issuing verb comes
    right before the citation at ``start``: "Ngày 4/10, Văn phòng ... đã ban hành văn bản số 442/VPTT" was issued on 4 October
    (also without the comma before a capitalised subject: "Ngày 1/10/2021 Ban chỉ đạo ... đã ban hành ...");
    "Tháng 5-2018, Bộ ... đã ban hành Chỉ thị 1737" in that year; the day or period may open the citation's
    clause instead ("Tuy nhiên, năm 2011, Chính phủ có Nghị quyết số 11", "ông X nói rằng tháng 5-2018, Bộ
    ... đã ban hành Chỉ thị 1737")."""
    if not _ISSUING_VERB_RE.search(doc.key, max(0, start - 12), start):
        return None, None
    sentence = _SENTENCE_START_RE.search(doc.key, max(0, start - 300), start)
    if sentence is None:
        return None, None
    opening = sentence.start() + (len(sentence.group()) - len(sentence.group().lstrip(".!?;\n")))
    at = _OPENING_LEAD_RE.match(doc.key, opening, start).end()
    at = _clause_opening(doc, at, start)
    found = _day_at(doc, at, ref_date)
    period = doc.periods.get(at)
    end = found[1] if found else period.end if period else None
    after = doc.text[end:start] if end else ""  # a comma, or the sentence's subject right after the opening
    if end is None or not (_COMMA_RE.match(doc.key, end, start) or (after[:1] == " " and after[1:2].isupper())):
        return None, None
    return (found[0], None) if found else (None, int(period.start_date[:4]))


def _clause_opening(doc: _Text, at: int, start: int) -> int:
    """Where the last day or period after ``at`` opens the clause of the citation at ``start`` (after a comma
    or "rằng", followed by the clause's only comma), else ``at``."""
    for begin in sorted((p for p in doc.periods if at < p < start), reverse=True):
        if _CLAUSE_LEAD_RE.search(doc.key, max(0, begin - 8), begin) and \
                _CLAUSE_REST_RE.fullmatch(doc.key, doc.periods[begin].end, start):
            return begin
    return at


def _issuer(doc: _Text, pos: int) -> tuple[str, int] | None:
    """The issuing body written at ``pos`` ("Bộ Chính trị", "Thủ tướng Chính phủ") and its end offset."""
    tokens, i = doc.token_at(pos)
    if i is None:
        return None
    words = []
    found = starts_title(doc.text, tokens, i)
    if found is not None:  # "Thủ tướng Chính phủ", "Chủ tịch UBND tỉnh"
        words.append(found[1].title)
        i = found[0]
    org = match_organization(doc.text, tokens, i) if i < len(tokens) else None
    if org is None:
        return None
    words.append(org.display)
    return " ".join(words), tokens[org.end - 1].end


def _attachments(doc: _Text, end: int, ref_date: dt.date | None, coded: bool) -> dict:
    """Date, issuer, term and title written after the number that ends at ``end``, and its year where
    written right after its code (``coded``)."""
    out: dict = {"date": None, "issuer": None, "term": None, "title": None, "year": None}
    pos = end
    stop = paragraph_end(doc.key, end)  # nothing attaches across a blank line
    if coded and (m := _CODE_YEAR_RE.match(doc.key, pos, stop)):
        out["year"], pos = int(m.group("year")), m.end()
    progress = True
    while progress:
        progress = False
        for lead in (_DATE_LEAD_RE, _SIGNED_LEAD_RE):
            m = lead.match(doc.key, pos, stop)
            if out["date"] is None and m and (found := _day_at(doc, m.end(), ref_date)) and found[1] <= stop:
                out["date"], pos, progress = found[0], found[1] + doc.key.startswith(")", found[1]), True
        m = _ISSUED_MONTH_RE.match(doc.key, pos, stop)
        if out["year"] is None and out["date"] is None and m and (month := doc.periods.get(m.end())) \
                and month.end <= stop and _WRITTEN_YEAR_RE.search(month.text):
            out["year"], pos, progress = int(month.start_date[:4]), month.end, True
        m = _ISSUER_RE.match(doc.key, pos, stop)
        if out["issuer"] is None and m:
            issuer = _issuer(doc, m.end())
            if issuer is None and m.group("central"):  # "của Hội nghị Trung ương 4 khóa XIII": the plenum
                issuer = "Ban Chấp hành Trung ương", m.end("plenum")
            if issuer is not None:
                out["issuer"], pos, progress = issuer[0], issuer[1], True
        m = _TERM_RE.match(doc.key, pos, stop)
        if out["term"] is None and m:
            out["term"], pos, progress = m.group("term").upper(), m.end(), True
        m = _YEAR_RE.match(doc.key, pos, stop)
        if out["year"] is None and out["date"] is None and m:
            out["year"], pos, progress = int(m.group("year") or m.group("bracketed")), m.end(), True
    m = _TITLE_RE.match(doc.key, pos, stop)
    if m:
        close = doc.text.find(_CLOSING[m.group("q")], m.end(), m.end() + 600)
        inner = doc.text[m.end():close] if close > m.end() else ""
        if inner.strip() and "\n" not in inner:
            out["title"] = inner.strip()
    return out


def _issuer_code(code: str, shape: str) -> tuple[str, str]:
    """The issuer code in its registered spelling ("TTG" -> "TTg") and its system: party or state."""
    head, _, rest = code.partition("-")
    systems = gazetteer().issuer_systems
    known = next((c for c in systems if c.upper() == head.upper()), None)
    if known is None:
        return code, shape
    return known + (f"-{rest}" if rest else ""), systems[known]


def _numbering(m: re.Match[str], word: str | None) -> tuple[str, str, str, int | None, str, str]:
    """(number, type code, issuer code, year, system, shape) of a matched number."""
    if m.group("law_num"):
        issuer = m.group("law_iss")
        code = _LAW_WORDS.get(word or "", "L" if issuer.startswith("QH") else "NQ")
        return m.group("law_num"), code, issuer, int(m.group("law_year")), "state", "law"
    if m.group("l_num"):
        return m.group("l_num"), None, _issuer_code(m.group("l_iss"), "state")[0], None, "state", "letter"
    if m.group("st_num"):
        issuer, system = _issuer_code(m.group("st_iss"), "state")
        year = int(m.group("st_year")) if m.group("st_year") else None
        return m.group("st_num"), m.group("st_code"), issuer, year, system, "state"
    issuer, system = _issuer_code(m.group("p_iss"), "party")
    return m.group("p_num"), m.group("p_code"), issuer, None, system, "party"


def tag_directives(text: str, ref_date: dt.date | None = None,
                   dates: list[DateTag] | None = None) -> list[DirectiveTag]:
    """Numbered documents cited in ``text``, in text order; ``ref_date`` dates "ngày 11/7". ``dates``:
    nlp.dates' tags of the NFC text, when the caller has them."""
    text = unicodedata.normalize("NFC", text)
    numbers = list(_NUMBER_RE.finditer(text))
    lowercase: set[int] = set()  # starts of numbers whose code is written in lowercase
    if _LOWER_CODE_HINT.search(text) and len(upper := text.upper()) == len(text):
        seen = {m.start() for m in numbers}
        extra = [m for m in _NUMBER_RE.finditer(upper) if m.start() not in seen]
        lowercase = {m.start() for m in extra}
        numbers = sorted(numbers + extra, key=lambda m: m.start())
    lower = text.lower()
    number_only = any(word in lower for word in _NUMBER_ONLY_KEYS)  # a substring test first: fast
    if not numbers and not _BARE_NUMBER_RE.search(lower) and not (number_only and _number_only_re().search(text)):
        return []  # (a "số" inside a word is let through here and dropped below)
    g = gazetteer()
    doc = _Text(text, tag_dates(text, ref_date) if dates is None else dates)
    out: list[DirectiveTag] = []
    for m in numbers:
        before = _prefix_re().search(doc.key, max(0, m.start() - 60), m.start())
        start = before.start() if before and before.group() else m.start()
        word = before.group("word") if before else None
        if word is None and before and before.group() and _LETTER_AWAY_RE.search(doc.key, max(0, start - 30), start):
            word = "công văn"  # "Công văn hỏa tốc số 2088/UBND-VX": a letter word a word or two before "số"
        if (m.group("st_space") or m.start() in lowercase) and not (before and before.group()):
            continue  # "5171 QĐ-XPVPHC", "22/2015/tt-bkhđt" without "số" or a type word before it are no citations
        number, code, issuer_code, year, system, shape = _numbering(m, word)
        if shape == "letter":  # "văn bản số 442/VPTT": an official letter after a letter word
            if word is None or _word_types().get(word) is not None:
                continue
            out.append(_tag(doc, start, m.end(), "Công văn", None, number, issuer_code, None, "state", shape, ref_date))
            continue
        doc_type = g.doc_types.get((code, system)) or g.doc_types.get((code, "any"))
        if doc_type is None and shape == "state" and word is not None and (
                not m.group("st_space") or word not in _word_types()):
            # an official letter numbered without a type code: "Công văn số 3068/BHXH-CSXH", also with a
            # space for the slash after a letter word: "Công văn 7009 VPCP-KGVX"; after another type word
            # the type is the word's: "Quyết định số 03/2017/HSST-QĐ" (a court's numbering)
            doc_type, code = _word_types().get(word, ("Công văn", None))
            issuer_code, shape = _issuer_code(f"{m.group('st_code')}-{m.group('st_iss')}", "state")[0], "letter"
        if doc_type is None:
            continue  # "123/UBND-VX" without a type word: no citation
        out.append(_tag(doc, start, m.end(), doc_type, code, number, issuer_code, year, system, shape, ref_date))
    bare = []
    for m in _BARE_NUMBER_RE.finditer(doc.key):  # "Quyết định số 842": a type word, "số", no code
        if m.start() and doc.key[m.start() - 1].isalnum():
            continue
        word = _type_word_re().search(doc.key, max(0, m.start() - 40), m.start())
        if word is not None:
            bare.append((word.start(), m, _bare_types()[word.group("word")]))
    for m in _number_only_re().finditer(text) if number_only else ():  # "Chỉ thị 19", "Nghị quyết 116"
        type_word = match_key(m.group("word"))
        if type_word == "kế hoạch" and _WRITTEN_YEAR_RE.fullmatch(m.group("num")):
            continue  # the plan of a year, no citation: "Kế hoạch 2018, BSR đặt ra chỉ tiêu ..."
        bare.append((m.start(), m, _bare_types()[type_word]))
    for start, m, (doc_type, code) in bare:
        while m is not None:  # the citation, then the next numbers of its list ("Chỉ thị 15, 16")
            if not any(t.start < m.end() and start < t.end for t in out):
                year = m.groupdict().get("year")
                out.append(_tag(doc, start, m.end(), doc_type, code, m.group("num"), None, year and int(year), "state",
                                "bare", ref_date))
            m = _MORE_NUMBER_RE.match(doc.key, m.end())
            start = m.start("num") if m else start
    log.debug("%d directives", len(out))
    return _share_years(sorted(out, key=lambda t: t.start))


def _tag(doc: _Text, start: int, end: int, doc_type: str, code: str, number: str, issuer_code: str | None,
         year: int | None, system: str, shape: str, ref_date: dt.date | None) -> DirectiveTag:
    """The tag of the citation ``doc.text[start:end]`` with what is written after it."""
    att = _attachments(doc, end, ref_date, coded=shape != "bare")
    if shape == "bare" and att["issuer"] and _party_body(att["issuer"]):
        code = _party_codes().get(doc_type, code)  # "quy định số 51 của Ban Bí thư": a Party Quy định, QĐi
    date, opening_year = (att["date"], None) if att["date"] or att["year"] else _opening_date(doc, start, ref_date)
    if year is None:
        year = date.year if date is not None else att["year"] or opening_year
    return DirectiveTag(
        text=doc.text[start:end], start=start, end=end, doc_type=doc_type, type_code=code,
        number=number, issuer_code=issuer_code, year=year, date=date.isoformat() if date else None,
        issuer=att["issuer"], title=att["title"],
        key=_key(system, shape, number, code, issuer_code, year, att["term"]),
    )


@functools.lru_cache(maxsize=1)
def _party_codes() -> dict[str, str]:
    """Document type -> its code in Party numbering where that differs from the state's ("Quy định": QĐi)."""
    return {doc_type: code for (code, system), doc_type in gazetteer().doc_types.items() if system == "party"}


def _party_body(issuer: str) -> bool:
    """Whether ``issuer`` is a Party body ("Ban Bí thư", "Bộ Chính trị", "Tỉnh ủy Nghệ An")."""
    key = match_key(issuer)
    return any(key == (body := match_key(name)) or key.startswith(body + " ") for name in offices().party_bodies)


def _key(system: str, shape: str, number: str, code: str, issuer: str | None, year: int | None,
         term: str | None) -> str:
    if shape == "law":
        return f"{number}/{year}/{issuer}"
    if shape == "bare":  # "842/2023/QĐ"
        return "/".join(str(p) for p in (number, year, code) if p)
    if shape == "letter":  # "3068/2021/BHXH-CSXH"
        return "/".join(str(p) for p in (number, year, issuer) if p)
    if system == "state":
        return f"{number}/{year}/{code}-{issuer}" if year else f"{number}/{code}-{issuer}"
    suffix = f"@{year}" if year else (f"@{term}" if term else "")
    return f"{number}-{code}/{issuer}{suffix}"


def _share_years(tags: list[DirectiveTag]) -> list[DirectiveTag]:
    """Give an undated citation the key of the dated citations of the same number, when they agree."""
    dated: dict[str, set[str]] = {}
    for tag in tags:
        if tag.key != _bare_key(tag):
            dated.setdefault(_bare_key(tag), set()).add(tag.key)
    return [
        replace(tag, key=next(iter(dated[bare])))
        if tag.key == (bare := _bare_key(tag)) and len(dated.get(bare, ())) == 1 else tag
        for tag in tags
    ]


def _bare_key(tag: DirectiveTag) -> str:
    """The key without year or term: the number as an issuer writes it."""
    return re.sub(r"@.*$|/(?:19|20)\d\d(?=/)", "", tag.key)
