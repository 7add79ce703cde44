"""Publication dates: Vietnamese date lines, then meta tags / JSON-LD, then htmldate.

A date line is what portals print near the title: "Thời gian: 15/12/2021 17:12",
"Thứ Năm, 14/4/2022 21:50'(GMT+7)", "Đăng ngày 21-05-2023 16:55, Lượt xem: 23",
"04:35 15/03/2016", "21/12/2012 | 12:00 AM". The regular expressions are ours because
dateparser reads a whole string as one date and cannot say *where* in a line the date is.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import re
from dataclasses import dataclass

log = logging.getLogger(__name__)

_DMY = re.compile(r"(?<![\d/.-])(\d{1,2})\s?([/.-])\s?(\d{1,2})\s?\2\s?((?:19|20)\d{2})(?![\d/])")
_YMD = re.compile(r"(?<![\d/.-])((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})(?![\d-])")
_WORDS = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+((?:19|20)\d{2})", re.I)
_TIME = re.compile(
    r"(?<![\d:/.,])(\d{1,2})\s?(?::|h|giờ)\s?(\d{2})(?:\s?(?::|phút)\s?(\d{2}))?(?!\d)"
    r"(?:\s?(AM|PM|SA|CH|am|pm|sa|ch)\b)?"
)
# words a date line may hold besides the date itself; anything else makes it a sentence
_LINE_WORDS = re.compile(
    r"\b(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|2|3|4|5|6|7)|chủ\s+nhật|\bcn\b|ngày|đăng|cập\s+nhật|"
    r"thời\s+gian|lúc|giờ|gmt|utc|lượt\s+xem|đã\s+xem|lượt\s+đọc|xem|print|in|gốc|"
    r"ngày\s+đăng|ngày\s+xuất\s+bản|xuất\s+bản|published|posted|updated|on|at|am|pm|sa|ch|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    re.I,
)
_UPDATED = re.compile(r"cập\s+nhật|sửa|updated|modified", re.I)


@dataclass
class Stamp:
    """A date found on the page; ``time`` is None when the page gives none."""

    date: dt.date
    time: dt.time | None = None

    def iso(self) -> str:
        if self.time is None:
            return self.date.isoformat()
        return dt.datetime.combine(self.date, self.time).isoformat(timespec="seconds")


def _make_date(year: str, month: str, day: str) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def _find_time(line: str, start: int, end: int) -> dt.time | None:
    """The clock time written closest to the date at line[start:end]."""
    best: tuple[int, dt.time] | None = None
    for match in _TIME.finditer(line):
        if start <= match.start() < end:
            continue
        hour, minute = int(match.group(1)), int(match.group(2))
        second = int(match.group(3) or 0)
        meridiem = (match.group(4) or "").upper()
        if meridiem in ("PM", "CH") and hour < 12:
            hour += 12
        elif meridiem in ("AM", "SA") and hour == 12:
            hour = 0
        if hour > 23 or minute > 59 or second > 59:
            continue
        distance = match.start() - end if match.start() >= end else start - match.end()
        if distance <= 25 and (best is None or distance < best[0]):
            best = (distance, dt.time(hour, minute, second))
    return best[1] if best else None


def parse_date_line(line: str) -> Stamp | None:
    """The date (and time) of a short line, or None if it holds no date."""
    for regex, order in ((_DMY, (4, 3, 1)), (_WORDS, (3, 2, 1)), (_YMD, (1, 2, 3))):
        match = regex.search(line)
        if not match:
            continue
        date = _make_date(*(match.group(i) for i in order))
        if date is None:
            continue
        return Stamp(date, _find_time(line, match.start(), match.end()))
    return None


def is_date_line(line: str) -> bool:
    """True for a short line that is a date stamp rather than a sentence mentioning a date."""
    if len(line) > 100 or parse_date_line(line) is None:
        return False
    if _few_words_besides_the_date(line):
        return True
    parts = _LABEL_SEPARATOR.split(line)  # "Thủ tục hành chính | 12/06/2024 08:00": a section's label beside it
    dated = [part for part in parts if parse_date_line(part)]
    return len(parts) > 1 and any(map(_few_words_besides_the_date, dated)) \
        and all(len(part.split()) <= 6 or part in dated for part in parts)


_LABEL_SEPARATOR = re.compile(r"\s+[|–—-]\s+|\s*\|\s*")


def _few_words_besides_the_date(line: str) -> bool:
    rest = _TIME.sub(" ", _WORDS.sub(" ", _YMD.sub(" ", _DMY.sub(" ", line))))
    rest = _LINE_WORDS.sub(" ", rest)
    return len(re.findall(r"[^\W\d_]{2,}", rest)) <= 3


def is_update_line(line: str) -> bool:
    """True when the line announces a modification rather than the publication."""
    return bool(_UPDATED.search(line))


_META_NAMES = (
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
    "publish-date", "publish_date", "dc.date.issued", "dcterms.issued", "dc.date", "date",
    "sailthru.date", "parsely-pub-date", "article.published",
)


VIETNAM = dt.timezone(dt.timedelta(hours=7))  # the pages' wall clock


def parse_iso(value: str) -> Stamp | None:
    """'2023-10-06T13:05:00+07:00' -> the wall-clock time in Vietnam: a time given in another zone
    is moved to it ('2024-05-20T08:15:22+00:00', as WordPress writes its meta, is 15:15:22)."""
    value = value.strip()
    match = re.match(
        r"((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?"
        r"(?P<zone>Z|[+-]\d{2}:?\d{2})?)?", value
    )
    if not match:
        stamp = parse_date_line(value)
        return stamp
    date = _make_date(*match.group(1, 2, 3))
    if date is None:
        return None
    if match.group(4) is None:
        return Stamp(date)
    hour, minute, second = int(match.group(4)), int(match.group(5)), int(match.group(6) or 0)
    if hour > 23 or minute > 59 or second > 59:
        return Stamp(date)
    zone = match.group("zone")
    if zone:
        offset = dt.timedelta() if zone == "Z" else int(zone[0] + "1") * dt.timedelta(
            hours=int(zone[1:3]), minutes=int(zone[-2:]))
        if abs(offset) <= dt.timedelta(hours=14):
            moved = dt.datetime.combine(date, dt.time(hour, minute, second), dt.timezone(offset)).astimezone(VIETNAM)
            return Stamp(moved.date(), moved.time())
    return Stamp(date, dt.time(hour, minute, second))


def _json_ld_dates(data) -> list[str]:
    found: list[str] = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "datePublished" and isinstance(value, str):
                found.append(value)
            else:
                found.extend(_json_ld_dates(value))
    elif isinstance(data, list):
        for item in data:
            found.extend(_json_ld_dates(item))
    return found


def meta_date(tree) -> Stamp | None:
    """Publication date from meta tags, JSON-LD or ``itemprop=datePublished``."""
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in _META_NAMES and meta.get("content"):
            stamp = parse_iso(meta.get("content"))
            if stamp:
                return stamp
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        for value in _json_ld_dates(data):
            stamp = parse_iso(value)
            if stamp:
                return stamp
    for element in tree.xpath('//*[@itemprop="datePublished"]'):
        value = element.get("datetime") or element.get("content") or element.text_content()
        stamp = parse_iso(value or "")
        if stamp:
            return stamp
    return None


def url_date(url: str | None) -> Stamp | None:
    """The date written in the URL (/2023/05/12/, -20230512), as htmldate reads it; nothing else
    is guessed: a page's other dates (build, copyright, a "today" clock) are not its publication."""
    if not url:
        return None
    from htmldate import find_date

    try:
        # an empty document: htmldate can only read the URL; a fixed upper bound, not "today"
        found = find_date("<html><body></body></html>", extensive_search=False, original_date=True,
                          url=url, max_date="2099-12-31")
    except (ValueError, TypeError) as exc:
        log.debug("htmldate failed: %s", exc)
        return None
    return parse_iso(found) if found else None


def merge(line: Stamp | None, meta: Stamp | None) -> Stamp | None:
    """The page's own line wins; meta only adds seconds (or a time) to the same day and minute."""
    if line is None:
        return meta
    if meta is None or meta.date != line.date or meta.time is None:
        return line
    if line.time is None or (line.time.hour, line.time.minute) == (meta.time.hour, meta.time.minute):
        return Stamp(line.date, meta.time)
    return line
