"""Tag records. Their JSON shape (``Tags.to_dict``) is a contract: the index, exports and
outside evaluation read it."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class DateTag:
    text: str
    start: int
    end: int
    kind: str  # datetime, date, day_month, month, part, quarter, half, months_of_year, year, range, term
    start_date: str  # ISO date
    end_date: str  # ISO date; equal to start_date for a single day


@dataclass
class Position:
    title: str  # e.g. "Trưởng Ban Tuyên giáo"
    organization: str | None  # e.g. "Thành ủy"


@dataclass
class OfficialTag:
    text: str
    start: int
    end: int
    name: str
    honorific: str | None  # "đồng chí", "ông", "bà" or None
    positions: list[Position] = field(default_factory=list)


@dataclass
class DirectiveTag:
    text: str
    start: int
    end: int
    doc_type: str | None  # type in words, from the code: "Chỉ thị", "Quy chế", ...
    type_code: str  # "CT", "QC", "NQ", "NĐ", ...
    number: str  # "20", "1056"
    issuer_code: str | None  # "TW", "TU", "CP", "UBND", "QH13", None: no code written ("Quyết định số 842")
    year: int | None
    date: str | None  # ISO signing date when the text gives one
    issuer: str | None  # issuer in words: "Bộ Chính trị"
    title: str | None  # the quoted title
    key: str  # identifies the document across articles


@dataclass
class StatisticTag:
    text: str
    start: int
    end: int
    value: float
    denominator: float | None
    unit_text: str | None  # the counted noun: "lượt cán bộ, đảng viên"
    qualifier: str | None  # "trên", "gần", "khoảng", "hơn" ...
    kind: str  # count, percent, percentage_point, ratio, money, measure


@dataclass
class Tags:
    dates: list[DateTag] = field(default_factory=list)
    officials: list[OfficialTag] = field(default_factory=list)
    directives: list[DirectiveTag] = field(default_factory=list)
    statistics: list[StatisticTag] = field(default_factory=list)

    def to_dict(self) -> dict:
        """As ``dataclasses.asdict``, written out: its generic deep copy costs a fifth of tagging."""
        return {"dates": [dict(vars(t)) for t in self.dates],
                "officials": [{**vars(t), "positions": [dict(vars(p)) for p in t.positions]}
                              for t in self.officials],
                "directives": [dict(vars(t)) for t in self.directives],
                "statistics": [dict(vars(t)) for t in self.statistics]}
