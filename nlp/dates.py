"""Date and period tagger: ``tag_dates(text, ref_date) -> list[DateTag]``.

Regular expressions with explicit validation do the work. dateparser 1.5 (languages=["vi"],
DATE_ORDER="DMY") was measured and not used: it returns None for ``quý I-2022``, ``quý 1 năm 2022``,
``6 tháng đầu năm 2022`` and ``Chiều 15/12``; its ``search_dates`` reads ``5,07%`` as 5 July of the
current year (a clock inside the tagger); and it costs ~0.5 ms per parse, ~5 ms per searched sentence.

Span convention: a tag covers the cue words that make it a date — ``ngày``, the time of day
(``Sáng``, ``Chiều``, ``Tối`` ...), a clock time, ``tháng``, ``năm``, ``quý``, ``giai đoạn``,
``nhiệm kỳ``, ``năm học``, ``từ ... đến ...`` — but not a weekday name or a preposition
(``vào``, ``trong``, a lone ``từ`` "since"). Kinds and the period each covers (start_date..end_date, inclusive):

- ``date`` ``15/12/2021``, ``ngày 11 tháng 7 năm 2023``, ``Chiều 1/7/2022``: that day.
- ``datetime`` ``15/12/2021 17:12``, ``17:12 ngày 15/12/2021``, ``9 giờ sáng 19/8``, ``4h sáng nay 8-12``:
  that day (the clock is in the span); without a year, the year that puts the day nearest ``ref_date``.
- ``day_month`` ``Chiều 15/12``, ``ngày 6/10``, ``hôm 2/12``, ``Ngày 4.12``: a cue (time of day, ``ngày``,
  ``hôm``, clock) is required (with a dot between day and month too, or a space: ``Ngày 3 10``);
  the year is the one that puts the day nearest ``ref_date`` (after ``hôm``, a day gone by: the latest
  not after it); no ``ref_date``, no tag. A relative
  day (``hôm nay``, ``ngày mai``, ``Sáng nay,``) or a lone ``từ`` (an open start) dates the day after
  it and stays outside the span: ``từ 1-10,``, ``ngày mai (5-10)``, ``Chiều nay (20/8)`` (a time of day
  and ``hôm nay`` are in the span only when a space alone separates them from the day: ``Sáng nay 8-12``,
  ``hôm nay 4/10``).
- ``month`` ``tháng 3/2022``, ``tháng 7 năm 2023``: the whole month; ``tháng 10`` alone is the
  October nearest ``ref_date``, ``tháng 10 năm nay`` (in the span) the October of ``ref_date``'s year.
- ``year`` ``năm 2021``: Jan 1..Dec 31. A bare ``2021`` is not tagged, nor a decade (``những năm 1990``).
- ``quarter`` ``quý I-2022``, ``quý 1 năm 2022``; ``quý I`` alone takes ``ref_date``'s year.
- ``half`` ``6 tháng đầu/cuối năm 2022``, ``nửa đầu năm``: Jan 1..Jun 30 or Jul 1..Dec 31.
- ``months_of_year`` ``9 tháng đầu năm`` (Jan 1..Sep 30), ``3 tháng cuối năm 2023`` (Oct 1..Dec 31),
  ``9 tháng năm 2023`` (first 9 months). Halves and these without a year (or with ``năm nay``)
  take ``ref_date``'s year.
- ``part`` ``đầu/giữa/cuối tháng 3/2023``: days 1-10, 11-20, 21-end (the ten-day thirds, thượng/
  trung/hạ tuần); ``đầu/giữa/cuối năm 2022`` (or ``năm nay``): quarter I, quarters II-III, quarter IV.
  ``đầu tháng 3`` alone is in the March nearest ``ref_date`` (with ``năm nay``, in its year's); ``đầu
  năm`` without a year is tagged only inside a range, and ``đầu năm học`` never (the school year is tagged).
- ``range`` ``giai đoạn 2022-2027``, ``năm 2021 - 2025``, ``từ năm 2020 đến năm 2025`` (Jan 1 of the
  first year..Dec 31 of the last; two bare years, ``(1993 - 1998)``, ``từ 1980 đến 2015``, are no date),
  ``từ 1/7 đến 15/7/2023``, ``từ ngày 23 đến ngày 25/6/2020``,
  ``14-15/4/2022``, ``8-19/9``, ``(26/9-3/10)``, ``8/3/1910 - 8/3/2024``, ``đêm 11/10 đến sáng 12/10``
  (two days with their cues; the first may be a bare day after its cue: ``đêm 11 đến sáng 12 10``, ``ngày 20 đến 22/10``), ``từ 6h00-12h00 ngày 4/10`` (hours of one day); a list of days is the range from the first to
  the last (``ngày 15 và 16/12``, ``các ngày 14, 15/4/2022``, ``chiều ngày 21 và sáng ngày 22 tháng 12 năm
  2022``: the cue ``ngày``, ``hôm`` or a time of day is required).
  Any ``[giai đoạn] từ X đến [hết] Y`` of two dates or periods is one range from X's first day to
  Y's last (``từ năm 2022 đến hết quý I-2024``, ``từ tháng 3 đến tháng 5/2023``); a year X leaves out
  is the latest that starts X by the end of Y (``từ tháng 11 đến tháng 2/2023``: Nov 1, 2022), a
  year Y leaves out the first that ends Y after X starts. ``nay`` (now) is the day the article
  reports: the first day the text names within the week up to ``ref_date`` (the lead's ``Sáng
  29/11`` of an article published on 30/11), else ``ref_date``; so ``từ đầu năm đến nay`` runs from
  Jan 1 of that day's year to that day. A range from ``nay`` is relative and not tagged: in ``từ nay
  đến sáng ngày 23/8`` the day it ends on stands alone, ``từ nay đến cuối năm`` is no date. ``nay``
  alone, ``hiện nay`` and a bare year outside such a range are not tagged.
- ``term`` ``nhiệm kỳ 2021 - 2026``: Jan 1, 2021..Dec 31, 2026; ``năm học 2021-2022`` (also
  ``năm học mới``, ``niên khóa``): a school year, Sep 1 of the first year..May 31 of the last
  (the Vietnamese school calendar; the summer break is outside it).

Not dates: ``hằng năm`` (every year), durations (``trong 2 ngày``, ``10 năm``), clock times alone.
"""
from __future__ import annotations

import calendar
import datetime as dt
import functools
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Callable

from nlp.records import DateTag

logger = logging.getLogger(__name__)

_F = re.IGNORECASE

TOD = r"(?:rạng\s+sáng|chiều\s+tối|(?:buổi\s+)?(?:sáng|trưa|chiều|tối|đêm|khuya)(?:\s+(?:sớm|muộn))?)"
# "Sáng nay 5/10", "Chiều qua 22.10", "trưa mai 26/11", "hôm nay 4/10": the time of day or "hôm nay" is in the span
TOD_NAY = rf"(?:{TOD}(?:\s+(?:nay|qua|mai))?|hôm\s+nay)"
_HOUR = r"(?:[01]?\d|2[0-3])"
_MIN = r"[0-5]\d"
# a clock time: "8:30", "8h30" (perhaps with a minute mark: "10h30’"), "8h", "8 giờ 30 phút"
CLOCK = rf"(?:{_HOUR}[:h]{_MIN}[’'′]?|{_HOUR}h|{_HOUR}\s+giờ(?:\s+[0-5]?\d(?:\s+phút)?)?)(?![\w:])"
DAY = r"(?:0?[1-9]|[12]\d|3[01])"
MONTH = r"(?:0?[1-9]|1[0-2])"
YEAR = r"(?:1[89]|20)\d{2}"
_NUM_BEFORE = r"(?<![\w/.,:-])"  # a numeral starts here, not inside another number or code
_NUM_AFTER = r"(?![\w]|[/.,:-]\d)"  # ... and ends here
_RANGE_AFTER = r"(?![\w]|[/.,:]\d)"  # ... or is the first day of a range ("8/10-22/10/2021")
_DASH = r"[-–—]"
# "Ngày 3 10", "Sáng 9 10": a day and month split by a space only, before punctuation, "tại"/"ở"/"lúc" or the
# "đến" of a range ("Từ tối 2 10 đến sáng 4 10")
_SPACED_END = r"(?=\s*(?:[,.;:)!?\n]|$)|\s+(?:tại|ở|lúc|đến|tới)(?!\w))"


_AND_DAYS = 7  # "ngày 22/9 và 23/9" is a range; two days further apart are two dates
_TO = r"(?:đến|tới)(?:\s+hết)?"  # "đến", "tới", "đến hết"
_AND = rf"(?:\s*,\s*|\s+và\s+)(?:{TOD}\s+)?(?:ngày\s+)?"  # "ngày 15 và 16/12", "14, 15/4", "21 và sáng ngày 22"


def _core(n: str = "", after: str = _NUM_AFTER, before: str = _NUM_BEFORE, spaced: bool = False) -> str:
    """A day, year optional: ``15/12/2021``, ``14-4-2022``, ``15.12.2021``, ``15/12``, ``11 tháng 7 năm 2023``,
    ``18 tháng 5, 2021``;
    spaces around the separators only with the year (``06 -12-2012``); if ``spaced``, spaces alone between
    day, month and year (``16 9 2021``), or between day and month before punctuation (``3 10``); a cue
    must precede these, as any day without a year."""
    split = (rf"|(?P<wd{n}>{DAY})\s(?P<wm{n}>{MONTH})(?:\s(?P<wy{n}>{YEAR})(?!\w)|{_SPACED_END})"
             if spaced else "")
    return (rf"{before}(?:(?P<d{n}>{DAY})(?P<sep{n}>[/.-])(?P<m{n}>{MONTH})(?:(?P=sep{n})(?P<y{n}>{YEAR}))?"
            rf"|(?P<sd{n}>{DAY})\s*(?P<ssep{n}>[/.-])\s*(?P<sm{n}>{MONTH})\s*(?P=ssep{n})\s*(?P<sy{n}>{YEAR})"
            rf"|(?P<td{n}>{DAY})\s+tháng\s+(?P<tm{n}>{MONTH})"
            rf"(?:(?:\s+năm\s+|\s*[/-]\s*|,\s*)(?P<ty{n}>{YEAR}))?{split}){after}")


_DATE = re.compile(
    rf"(?:(?<!\w)(?P<clock1>{CLOCK})(?:\s+{TOD_NAY})?\s*,?\s+(?:ngày\s+)?"
    rf"|(?<!\w)(?P<tod>{TOD_NAY})\s+(?:ngày\s+)?|(?<!\w)(?P<ngay>ngày|hôm)\s+)?"
    rf"{_core(spaced=True)}(?:\s+(?:lúc\s+)?(?P<clock2>{CLOCK}))?", _F)
# A word that dates the day after it but is not in the span, looked for before a day _DATE found
# without a cue: "từ 1-10" (an open start), "Tính đến 29/10" (an end), "hôm nay (4/10)", "ngày mai (5-10)",
# "Sáng nay, 23/10", "đến nay (23.10)", "cùng ngày (3.12)" (the same day), "phiên 4/10" (a trading session),
# "vào 4/10, khi" (on); after a lone "từ" a dash or dot needs punctuation after the day ("từ 5-7 ngày" is a count),
# after a lone "đến" or "vào" any separator does ("đạt tới 9/10 điểm" is a score, "ăn sâu vào 1/3 mặt đường" a
# fraction), after "phiên" a slash does ("phiên 3-2" is a score).
_CUE = re.compile(rf"(?:(?<!\w)(?:(?P<tu>từ)|(?P<den>đến|tới|vào)|tính\s+đến|(?P<session>phiên(?:\s+giao\s+dịch)?))\s+"
                  rf"|(?<!\w)(?:(?:ngày\s+)?hôm|{TOD}|ngày|đến)\s+(?:nay|qua|mai)\s*[,(]?\s*"
                  r"|(?<!\w)cùng\s+ngày\s*\(\s*)$", _F)
_NAME_BEFORE = re.compile(r"(?<=[^\W\d_] )[A-ZĐ][^\W\d_]*[ \t]+$")  # a capitalised word inside a sentence, right before
_STOP = re.compile(r"\s*(?:[,.;:)!?\n]|$)")
# An observance named before its day dates it (a capitalised name): "Ngày Kỹ năng lao động Việt Nam 4/10",
# "ngày Quốc tế Cà phê (1/10)".
_OBSERVANCE = re.compile(r"(?<!\w)[Nn]gày\s+(?P<name>[^\W\d_]+(?:[ \t]+[^\W\d_]+){0,7})[ \t]+\(?$")
# what sets a bare day apart as a heading's date: "Phiên 4/10: ...", "XSDNG 23/10 - Kết quả ..."
HEADING_WORDS = 4  # words before it on its line, at most
_SET_APART = re.compile(r"[ \t]*:|[ \t]+[-–][ \t]")
# "từ 6h00-", "từ 6h đến" before "12h00 ngày 4/10": the hours of one day
_HOURS = re.compile(rf"(?<!\w)(?:từ\s+)?{CLOCK}(?:\s*{_DASH}\s*|\s+(?:đến|tới)\s+)$", _F)
_MONTH = re.compile(rf"(?<!\w)tháng\s+(?P<m>{MONTH})(?:\s*[/-]\s*|\.|\s+năm\s+|\s+)(?P<y>{YEAR}){_NUM_AFTER}", _F)
# "tháng 8-9/2021", "tháng 8 - 9 năm 2021", "tháng 8 và 9": two months of one year (a range, as a list of days is)
_MONTHS = re.compile(rf"(?<!\w)tháng\s+(?P<m1>{MONTH})(?:\s*{_DASH}\s*(?P<m2>{MONTH})|\s+và\s+(?P<m3>{MONTH})"
                     r"(?=\s*(?:[,.;:)!?/\n]|$)|\s+(?:năm|tới|này|qua|vừa|nay|sắp)(?!\w)))"  # not "tháng 8 và 9 người"
                     rf"(?!\d|\s*[/.]\s*\d{{1,2}}(?!\d))"
                     rf"(?:(?:\s*[/-]\s*|\s+năm\s+)(?P<y>{YEAR}){_NUM_AFTER})?", _F)
# (not the months of a duration in months and days: "11 tháng 5 ngày", a film's title)
_BARE_MONTH = re.compile(rf"(?<!\w)(?!(?<=\d\s)tháng\s+\d{{1,2}}\s+ngày(?!\s*\d))"
                         rf"tháng\s+(?P<m>{MONTH})(?!\w|\s*[/.,-]\s*\d|\s+(?:năm\s+)?\d)"
                         r"(?:\s+năm\s+(?P<nay>nay)(?!\w))?", _F)  # "tháng 3 năm nay": this year's
# (not a decade: "những năm 1990", the 1990s)
_YEAR = re.compile(rf"(?<!\w)(?!(?<=những )năm\s+\d{{3}}0)năm\s+(?P<y>{YEAR}){_NUM_AFTER}", _F)
_QUARTER = re.compile(
    rf"(?<!\w)(?:quý|qúy)\s+(?P<q>IV|I{{1,3}}|[1-4])(?!\w)"  # "Qúy III": the tone on the u, as some type it
    rf"(?:\s*[-/]\s*(?P<y>{YEAR}){_NUM_AFTER}|\s+năm\s+(?:(?P<y2>{YEAR}){_NUM_AFTER}|(?P<nay>nay)(?!\w)))?", _F)
_PART = re.compile(
    rf"(?<!\w)(?:(?P<n>\d{{1,2}}|ba|sáu|chín)\s+tháng|(?P<nua>nửa))(?:\s+(?P<edge>đầu|cuối))?\s+(?:năm"
    rf"(?:\s+(?P<y>{YEAR}){_NUM_AFTER}|\s+(?P<nay>nay)(?!\w))?(?!\w)|(?P<y2>{YEAR}){_NUM_AFTER})", _F)
_TERM = re.compile(
    rf"(?<!\w)(?P<cue>nhiệm\s+kỳ|năm\s+học(?:\s+mới)?|niên\s+kh[oó]á?)\s+"
    rf"(?P<y1>{YEAR})\s*{_DASH}\s*(?P<y2>{YEAR}){_NUM_AFTER}", _F)
_YEARS = re.compile(
    rf"(?<!\w)(?:giai\s+đoạn|thời\s+kỳ|các\s+năm|năm)\s+"
    rf"{_NUM_BEFORE}(?P<y1>{YEAR})\s*{_DASH}\s*(?P<y2>{YEAR}){_NUM_AFTER}"
    rf"|(?<!\w)(?:(?:giai\s+đoạn|thời\s+kỳ)\s+)?"
    rf"từ\s+(?=năm\s|\d{{4}}\s+{_TO}\s+năm\s)"  # "năm" on a bound: "từ 1980 đến 2015", two bare years, is none
    rf"(?:năm\s+)?(?P<f1>{YEAR})\s+{_TO}\s+(?:năm\s+)?(?P<f2>{YEAR}){_NUM_AFTER}", _F)
_DAYS = re.compile(
    rf"(?<!\w)(?P<paren>(?<=\())?(?:(?P<tu>từ)\s+)?(?:(?P<ngay>ngày)\s+)?{_core('1', _RANGE_AFTER)}"
    rf"\s*(?:{_TO}|{_DASH}|(?P<va>và))\s*(?:ngày\s+)?{_core('2', before='')}"
    rf"|(?<!\w)(?:từ\s+(?:{TOD}\s+)?(?:ngày\s+)?|(?:{TOD}(?:\s+ngày)?|ngày)\s+){_NUM_BEFORE}(?P<a2>{DAY})"
    rf"\s+{_TO}\s+(?:{TOD}\s+)?(?:ngày\s+)?{_core('3', spaced=True)}"
    rf"|(?<!\w)(?:từ\s+)?(?:(?P<ngay3>{TOD}(?:\s+ngày)?|ngày|hôm)\s+)?{_NUM_BEFORE}(?P<a>{DAY})"
    rf"(?:(?P<dash>\s*{_DASH}\s*)|(?:{_AND}{DAY})*{_AND})(?P<b>{DAY})"
    rf"(?:(?P<bsep>[/.-])(?P<bm>{MONTH})(?:(?P=bsep)(?P<by>{YEAR}))?|\s+tháng\s+(?P<tbm>{MONTH})(?:\s+năm\s+(?P<tby>{YEAR}))?)"
    rf"{_NUM_AFTER}", _F)
_EDGE = re.compile(  # "đầu năm 2023", "cuối năm nay", "giữa tháng 8/2023"; "đầu năm học" is not one
    rf"(?<!\w)(?P<edge>đầu|giữa|cuối)\s+(?:năm(?!\s+học)(?:\s+(?P<y>{YEAR}){_NUM_AFTER}|\s+(?P<nay>nay)(?!\w))?"
    rf"|tháng\s+(?P<m>{MONTH})(?:(?:\s*[/-]\s*|\.|\s+năm\s+)(?P<my>{YEAR})|\s+năm\s+(?P<mnay>nay))?{_NUM_AFTER})(?!\w)", _F)
_FROM_YEAR = re.compile(rf"(?<=từ\s){_NUM_BEFORE}(?P<y>{YEAR})(?=\s+{_TO}\s)", _F)  # only inside a range
_NOW = re.compile(r"(?<!\w)(?:hiện\s+)?nay(?!\w)", _F)  # "đến nay": only inside a range
_FROM = re.compile(r"(?<!\w)(?:(?:giai\s+đoạn|thời\s+kỳ)\s+)?từ\s+$", _F)
_UNTIL = re.compile(rf"\s+{_TO}\s+", _F)
# "ngày 27/8 âm lịch", "ngày 19/9 năm Tân Sửu" (a year of the sexagenary cycle) are no calendar days
_LUNAR_WORDS = re.compile(r"âm\s+lịch|ÂL|năm\s+(?:Giáp|Ất|Bính|Đinh|Mậu|Kỷ|Canh|Tân|Nhâm|Quý)\s+"
                          r"(?:Tý|Sửu|Dần|Mão|Mẹo|Thìn|Tỵ|Ngọ|Mùi|Thân|Dậu|Tuất|Hợi)(?!\w)", _F)
_LUNAR = re.compile(rf"\s*\(?\s*(?:{_LUNAR_WORDS.pattern})(?!\w)", _F)

_Period = tuple[str, dt.date | None, dt.date | None]  # kind, first day, last day (None: not a date)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_WORD_NUM = {"ba": 3, "sáu": 6, "chín": 9}


class _Unresolved(Exception):
    """A date expression whose year needs a reference date that was not given."""


@dataclass(frozen=True)
class _Match:
    start: int
    end: int
    handler: Callable[[dict, dt.date | None], _Period] | None  # None: "nay", the day the article reports
    groups: dict
    alone: bool = True  # False: a date only as the end of a range ("đầu năm" in "từ đầu năm đến nay")
    parts: tuple[_Match, _Match] | None = None  # "từ X đến Y": X and Y


def _day(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _nearest(m: int, d: int, ref: dt.date | None) -> dt.date | None:
    """The day d/m in the year that puts it nearest ``ref``."""
    if _day(2000, m, d) is None:  # no such day in any year (2000 was a leap year)
        return None
    if ref is None:
        raise _Unresolved
    days = [x for x in (_day(ref.year + k, m, d) for k in (-1, 0, 1)) if x]
    return min(days, key=lambda x: abs((x - ref).days)) if days else None


REF_LAG = dt.timedelta(days=2)  # how far a day gone by may fall after the reference date, a publication date
# that may be a day or two early (kept in UTC, or the day a story was first posted before it was updated)


def gone_by(day: dt.date, ref: dt.date | None) -> dt.date | None:
    """``day``, read without its year, as a day gone by at ``ref``: a year earlier when it falls more than
    ``REF_LAG`` after ``ref`` (None for a 29 February that year lacks)."""
    return day if ref is None or day <= ref + REF_LAG else _day(day.year - 1, day.month, day.day)


def _ref_year(ref: dt.date | None) -> int:
    if ref is None:
        raise _Unresolved
    return ref.year


def _core_day(g: dict, n: str, ref: dt.date | None, year: int | None = None,
              cued: bool = False) -> tuple[dt.date | None, bool]:
    """The day in core group ``n`` and whether its year was written; ``cued``: a cue word precedes it."""
    if g.get(f"d{n}"):
        d, m, y = g[f"d{n}"], g[f"m{n}"], g[f"y{n}"]
        if not y and g[f"sep{n}"] == "." and not cued:
            return None, False  # "6.10" without a year or a cue ("Ngày 4.12") reads as a decimal, not a day
    elif g.get(f"sd{n}"):
        d, m, y = g[f"sd{n}"], g[f"sm{n}"], g[f"sy{n}"]
    elif g.get(f"wd{n}"):
        d, m, y = g[f"wd{n}"], g[f"wm{n}"], g[f"wy{n}"]
    else:
        d, m, y = g[f"td{n}"], g[f"tm{n}"], g[f"ty{n}"]
    if y:
        return _day(int(y), int(m), int(d)), True
    if year is not None:
        return _day(year, int(m), int(d)), False
    return _nearest(int(m), int(d), ref), False


def _on_date(g: dict, ref: dt.date | None) -> _Period:
    has_year = bool(g["y"] or g["ty"] or g["sy"] or g["wy"])
    if not (g["y"] or g["ty"] or g["sy"] or g["tod"] or g["ngay"] or g["clock1"] or g.get("cue")):
        return "", None, None  # "15/12" without a cue may be a ratio or a score, "16 9 2021" three counts
    day, _ = _core_day(g, "", ref, cued=True)
    if not has_year and day and (g["ngay"] or "").lower() == "hôm":
        day = gone_by(day, ref)  # "hôm 9/2" is a day gone by
    if g["clock1"] or g["clock2"]:
        return "datetime", day, day
    return ("date" if has_year else "day_month"), day, day


def _on_hours(g: dict, ref: dt.date | None) -> _Period:
    """"từ 6h00-12h00 ngày 4/10": hours of one day."""
    day = _on_date(g, ref)[1]
    return "range", day, day


def _on_month(g: dict, ref: dt.date | None) -> _Period:
    y, m = int(g["y"]), int(g["m"])
    return "month", dt.date(y, m, 1), _month_end(y, m)


def _on_bare_month(g: dict, ref: dt.date | None) -> _Period:
    m = int(g["m"])
    y = _ref_year(ref) if g["nay"] else _nearest(m, 15, ref).year
    return "month", dt.date(y, m, 1), _month_end(y, m)


def _on_months(g: dict, ref: dt.date | None) -> _Period:
    m1, m2 = int(g["m1"]), int(g["m2"] or g["m3"])
    if m1 >= m2:
        return "", None, None
    y = int(g["y"]) if g["y"] else _nearest(m1, 15, ref).year
    return "range", dt.date(y, m1, 1), _month_end(y, m2)


def _on_year(g: dict, ref: dt.date | None) -> _Period:
    y = int(g["y"])
    return "year", dt.date(y, 1, 1), dt.date(y, 12, 31)


def _on_quarter(g: dict, ref: dt.date | None) -> _Period:
    q = g["q"].lower()
    q = _ROMAN.get(q) or int(q)
    y = int(g["y"] or g["y2"] or _ref_year(ref))
    return "quarter", dt.date(y, 3 * q - 2, 1), _month_end(y, 3 * q)


def _on_part(g: dict, ref: dt.date | None) -> _Period:
    n = 6 if g["nua"] else (_WORD_NUM.get(g["n"].lower()) or int(g["n"]))
    year = g["y"] or g["y2"]
    if not 1 <= n <= 11 or (g["edge"] is None and year is None and g["nay"] is None):
        return "", None, None  # "6 tháng năm" without a year or an edge is not a period
    y = int(year) if year else _ref_year(ref)
    kind = "half" if n == 6 else "months_of_year"
    if (g["edge"] or "").lower() == "cuối":
        return kind, dt.date(y, 13 - n, 1), dt.date(y, 12, 31)
    return kind, dt.date(y, 1, 1), _month_end(y, n)


def _on_edge(g: dict, ref: dt.date | None) -> _Period:
    edge = g["edge"].lower()
    if g["m"]:  # thirds of a month, the traditional thượng/trung/hạ tuần
        if g["my"] or g["mnay"]:
            first = dt.date(int(g["my"]) if g["my"] else _ref_year(ref), int(g["m"]), 1)
        else:
            first = _nearest(int(g["m"]), 15, ref).replace(day=1)
        last = _month_end(first.year, first.month)
        days = {"đầu": (1, 10), "giữa": (11, 20), "cuối": (21, last.day)}[edge]
        return "part", first.replace(day=days[0]), first.replace(day=days[1])
    y = int(g["y"]) if g["y"] else _ref_year(ref)
    months = {"đầu": (1, 3), "giữa": (4, 9), "cuối": (10, 12)}[edge]  # quarter I, quarters II-III, quarter IV
    return "part", dt.date(y, months[0], 1), _month_end(y, months[1])


def _on_term(g: dict, ref: dt.date | None) -> _Period:
    y1, y2 = int(g["y1"]), int(g["y2"])
    if not y1 < y2 <= y1 + 10:
        return "", None, None
    if g["cue"].lower().startswith("nhiệm"):
        return "term", dt.date(y1, 1, 1), dt.date(y2, 12, 31)
    return "term", dt.date(y1, 9, 1), dt.date(y2, 5, 31)


def _on_years(g: dict, ref: dt.date | None) -> _Period:
    y1, y2 = (int(g["y1"]), int(g["y2"])) if g["y1"] else (int(g["f1"]), int(g["f2"]))
    if not y1 < y2 <= y1 + 50:
        return "", None, None
    return "range", dt.date(y1, 1, 1), dt.date(y2, 12, 31)


def _pair(g: dict) -> bool:
    """Whether "ngày X và Y" is one range: two days written alike, at most _AND_DAYS apart."""
    if not (g["ngay"] and g["d1"] and g["d2"] and g["sep1"] == g["sep2"] and bool(g["y1"]) == bool(g["y2"])):
        return False
    first, last = _day(2000, int(g["m1"]), int(g["d1"])), _day(2000, int(g["m2"]), int(g["d2"]))
    return bool(first and last) and 0 < (last - first).days <= _AND_DAYS


def _on_days(g: dict, ref: dt.date | None) -> _Period:
    if g["a"]:  # "14-15/4/2022", "8-19/9", "ngày 15 và 16/12", "chiều ngày 21 và sáng ngày 22 tháng 12"
        m, year = int(g["bm"] or g["tbm"]), g["by"] or g["tby"]
        if not g["ngay3"] and (not g["dash"] or g["bsep"] == "."):
            return "", None, None  # a list of numbers, or "5-7.5", needs the cue "ngày"
        last = _day(int(year), m, int(g["b"])) if year else _nearest(m, int(g["b"]), ref)
        first = _day(last.year, m, int(g["a"])) if last else None
    elif g["a2"]:  # "từ ngày 23 đến ngày 25/6/2020"
        last, _ = _core_day(g, "3", ref)
        first = _day(last.year, last.month, int(g["a2"])) if last else None
    else:
        has_year1 = bool(g["y1"] or g["ty1"] or g["sy1"])
        slashed = g["paren"] is not None and g["sep1"] == g["sep2"] == "/"  # "(26/9-3/10)"
        if not (has_year1 or g["tu"] or g["ngay"] or slashed) or (g["va"] and not _pair(g)):
            return "", None, None
        last, _ = _core_day(g, "2", ref)
        if last is None:
            return "", None, None
        first, _ = _core_day(g, "1", ref, year=None if has_year1 else last.year)
        if first and not has_year1 and first > last:
            first, _ = _core_day(g, "1", ref, year=last.year - 1)
    if not first or not last or not first < last:
        return "", None, None
    return "range", first, last


# the patterns whose every match holds a digit (not "quý IV", "ba tháng đầu năm", "cuối năm nay")
_NEEDS_DIGIT = frozenset((_DATE, _MONTH, _MONTHS, _BARE_MONTH, _YEAR, _TERM, _YEARS, _DAYS, _FROM_YEAR))
PREFIX_MOST = 64  # characters a match may run before its first digit ("từ buổi sáng ngày " is 18)
REACH = 200  # characters searched after a digit (a match ending in the last half is read again on the whole text)
_DIGITS = re.compile(r"\d+")
_PATTERNS = [
    (_DATE, _on_date), (_MONTH, _on_month), (_MONTHS, _on_months), (_BARE_MONTH, _on_bare_month),
    (_YEAR, _on_year),
    (_QUARTER, _on_quarter), (_PART, _on_part), (_TERM, _on_term), (_YEARS, _on_years),
    (_DAYS, _on_days), (_EDGE, _on_edge), (_FROM_YEAR, _on_year),
    (_NOW, None),
]


def _resolve(m: _Match, ref: dt.date | None, now: dt.date | None) -> _Period:
    """Kind, first and last day of ``m``; raises _Unresolved when it needs a date that is not given."""
    if m.parts:
        return _on_range(*m.parts, ref, now)
    if m.handler is None:  # "nay"
        if now is None:
            raise _Unresolved
        return "now", now, now
    return m.handler(m.groups, ref)


def _written(m: _Match, now: dt.date | None) -> _Period | None:
    """The period of ``m`` if the text gives its year, else None."""
    try:
        return _resolve(m, None, now)
    except _Unresolved:
        return None


def _near(m: _Match, anchor: dt.date, direction: int) -> _Period:
    """The period of the year-less ``m`` nearest ``anchor``: starting on or before it (direction -1),
    or ending on or after it (+1)."""
    period = _resolve(m, anchor, None)
    if period[1] is not None and (period[1] > anchor if direction < 0 else period[2] < anchor):
        shifted = _day(anchor.year + direction, anchor.month, min(anchor.day, 28))  # None past year 1 or 9999
        period = _resolve(m, shifted, None) if shifted else period
    return period


def _on_range(x: _Match, y: _Match, ref: dt.date | None, now: dt.date | None) -> _Period:
    """``từ X đến (hết) Y``: from the first day of X to the last day of Y. A year the text leaves out
    comes from the other end ("từ tháng 11 đến tháng 2/2023" starts in November 2022)."""
    px, py = _written(x, now), _written(y, now)
    if py is None:
        py = _resolve(y, ref, now) if px is None or px[1] is None else _near(y, px[1], 1)
    if px is None and py[2] is not None:
        px = _near(x, py[2], -1)
    if px is None or px[1] is None or py[2] is None or px[1] > py[2]:
        return "", None, None
    return "range", px[1], py[2]


def _valid(m: _Match) -> bool:
    """Whether ``m`` is a date, or may be one given a reference date."""
    try:
        return _resolve(m, None, None)[1] is not None
    except _Unresolved:
        return True


def _ranges(text: str, chosen: list[_Match]) -> list[_Match]:
    """``chosen`` with each ``từ X đến (hết) Y`` of two of them joined into one range."""
    joined: list[_Match] = []
    for m in chosen:
        x = joined[-1] if joined else None
        if x and not x.parts and not m.parts and x.handler is not None and _UNTIL.fullmatch(text, x.end, m.start):
            cue = _FROM.search(text, max(0, x.start - 20), x.start)
            start = cue.start() if cue else None
            if cue is None and x.handler is m.handler is _on_date and (x.groups["tod"] or x.groups["ngay"]):
                start = x.start  # "đêm 11/10 đến sáng 12/10": two days with their cues need no "từ"
            pair = _Match(start, m.end, None, {}, parts=(x, m)) if start is not None else None
            if pair and _valid(pair):
                joined[-1] = pair
                continue
        joined.append(m)
    return joined


@functools.lru_cache(maxsize=1)  # tag() scans each text twice (dates, then the exclusions of statistics)
def _matches(text: str) -> tuple[_Match, ...]:
    """Every date expression, longest first, none overlapping, also those that need a ref_date."""
    found: list[_Match] = []
    regions = _digit_regions(text)
    for pattern, handler in _PATTERNS:
        for match in (_near_digits(pattern, text, regions) if pattern in _NEEDS_DIGIT else pattern.finditer(text)):
            groups, start = match.groupdict(), match.start()
            if pattern is _DATE and groups["clock1"] and (after := _after_comma(text, match)) is not None:
                # "(21h15, 24/10)": a clock time parted from the day by a comma dates it, outside the span
                groups, start = {**groups, "clock1": None, "cue": True}, after
            elif pattern is _DATE and not (groups["tod"] or groups["ngay"] or groups["clock1"]):
                groups["cue"] = _dated_by_cue(text, match)
            alone = handler is not None and pattern is not _FROM_YEAR and not (
                pattern is _EDGE and not (groups["y"] or groups["nay"] or groups["m"]))
            candidate = _Match(start, match.end(), handler, groups, alone)
            if _valid(candidate) and not _LUNAR.match(text, match.end()) and not (
                    pattern is _BARE_MONTH and text[start].isupper() and _NAME_BEFORE.search(text, max(0, start - 24), start)):
                # "đường Cách Mạng Tháng 8": a capitalised month after a capitalised word is part of a name
                found.append(candidate)
    found.sort(key=lambda f: (f.start - f.end, f.start))
    chosen: list[_Match] = []
    for f in found:
        if all(f.end <= c.start or f.start >= c.end for c in chosen):
            chosen.append(f)
    chosen = [_with_hours(text, m) for m in sorted(chosen, key=lambda f: f.start)]
    return tuple(m for m in _ranges(text, chosen) if m.alone)


def _after_comma(text: str, match: re.Match) -> int | None:
    """Where the words after a comma between a ``_DATE`` match's clock time and its day start ("21h15, |
    24/10", "10 giờ, | ngày 5/9"), or None when no comma parts them."""
    day = min(match.start(group) for group in ("d", "sd", "td", "wd") if match.group(group) is not None)
    comma = text.find(",", match.end("clock1"), day)
    if comma < 0:
        return None
    return comma + 1 + len(text[comma + 1:day]) - len(text[comma + 1:day].lstrip())


def _digit_regions(text: str) -> list[tuple[int, int]]:
    """The parts of ``text`` a match of a ``_NEEDS_DIGIT`` pattern may lie in: from PREFIX_MOST characters
    before each digit to REACH characters after it, the parts that touch merged."""
    regions: list[tuple[int, int]] = []
    for digits in _DIGITS.finditer(text):
        low, high = max(0, digits.start() - PREFIX_MOST), min(len(text), digits.end() + REACH)
        if regions and low <= regions[-1][1]:
            regions[-1] = (regions[-1][0], high)
        else:
            regions.append((low, high))
    return regions


def _near_digits(pattern: re.Pattern, text: str, regions: list[tuple[int, int]]) -> Iterator[re.Match]:
    """``pattern.finditer(text)`` for a pattern of ``_NEEDS_DIGIT``, searched only in ``regions``
    (_digit_regions): a match holds a digit at most PREFIX_MOST characters after its start, and searching
    the patterns at every position of a page cost about 2 ms of the 5 ms that tagging it takes. A match
    that ends near the end of its region is read again on the whole text, which may make it longer."""
    end = 0
    for low, high in regions:
        for match in pattern.finditer(text, max(low, end), high):
            if high < len(text) and match.end() > high - REACH // 2:
                match = pattern.match(text, match.start())
                if match is None:
                    continue
            yield match
            end = max(match.end(), match.start() + 1)


def _heading_date(text: str, match: re.Match) -> bool:
    """Whether the bare day ``match`` heads its line as a title's date: a few words open the line before it
    and a colon or a spaced dash follows ("Phiên 4/10: ...", "XSDNG 23/10 - Kết quả ..."), not "Công viên
    23/9 – Tân Sơn Nhất" inside a sentence."""
    line_start = text.rfind("\n", 0, match.start()) + 1
    return len(text[line_start:match.start()].split()) <= HEADING_WORDS and bool(_SET_APART.match(text, match.end()))


def _dated_by_cue(text: str, match: re.Match) -> bool:
    """Whether a word before the bare day ``match`` dates it (``_CUE``)."""
    cue = _CUE.search(text, max(0, match.start() - 24), match.start())
    if cue is None:
        observance = _OBSERVANCE.search(text, max(0, match.start() - 60), match.start())
        return match.group("sep") == "/" and (bool(observance and observance.group("name")[0].isupper())
                                              or _heading_date(text, match))
    if cue.group("den"):
        return bool(_STOP.match(text, match.end()))
    if cue.group("session"):
        return match.group("sep") == "/"
    return match.group("sep") == "/" or (cue.group("tu") is None and match.group("d") is not None) \
        or bool(_STOP.match(text, match.end()))


def _with_hours(text: str, m: _Match) -> _Match:
    """``m`` from the start of the hours it ends, if its clock ends a range of hours ("từ 6h00-12h00 ngày 4/10")."""
    hours = m.handler is _on_date and m.groups["clock1"] and _HOURS.search(text, max(0, m.start - 16), m.start)
    return _Match(hours.start(), m.end, _on_hours, m.groups) if hours else m


def _today(matches: tuple[_Match, ...], ref: dt.date | None) -> dt.date | None:
    """The day "nay" (now) means: the first day the text names within the week up to ``ref`` (the
    event of the lead, "Sáng 29/11", in an article published on 30/11), else ``ref``."""
    if ref is None:
        return None
    for m in matches:
        if m.handler is _on_date:
            day = _resolve(m, ref, None)[1]
            if day and 0 <= (ref - day).days <= 7:
                return day
    return ref


def date_spans(text: str) -> list[tuple[int, int]]:
    """Spans of every date or period expression in ``text``, also those needing a reference date, and
    lunar dates (no calendar day, and no count either: "Rằm tháng 7 Âm lịch")."""
    return [(m.start, m.end) for m in _matches(text)] + _lunar_spans(text)


def _lunar_spans(text: str) -> list[tuple[int, int]]:
    if not _LUNAR_WORDS.search(text):
        return []
    return [match.span() for pattern, _ in _PATTERNS for match in pattern.finditer(text)
            if _LUNAR.match(text, match.end())]


def tag_dates(text: str, ref_date: dt.date | None) -> list[DateTag]:
    """Dates and periods in ``text`` (NFC); ``ref_date`` gives the year where the text omits it."""
    matches = _matches(text)
    now = _today(matches, ref_date)
    tags = []
    for m in matches:
        try:
            kind, first, last = _resolve(m, ref_date, now)
        except _Unresolved:
            continue
        if first is None:  # a range ending before it starts ("từ 1/7/2023 đến nay" dated June 2023)
            continue
        tags.append(DateTag(text=text[m.start:m.end], start=m.start, end=m.end, kind=kind,
                            start_date=first.isoformat(), end_date=last.isoformat()))
    return tags
