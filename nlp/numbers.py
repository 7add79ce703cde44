"""Vietnamese number parsing: ``.`` groups thousands, ``,`` marks decimals (``22.214`` is 22214,
``5,07`` is 5.07), and the scale words ``nghìn``/``ngàn``, ``vạn`` (ten thousand), ``triệu`` (short ``tr``),
``tỷ``/``tỉ`` multiply, also written glued to the number (``13tr``, ``21tỷ``)."""
from __future__ import annotations

import re
from decimal import Decimal

SCALES: dict[str, int] = {
    "nghìn": 10**3,
    "ngàn": 10**3,
    "vạn": 10**4,
    "triệu": 10**6,
    "tr": 10**6,  # short for triệu in prices and ads: "giá 13tr/tháng"
    "tỷ": 10**9,
    "tỉ": 10**9,
}

# A Vietnamese numeral as written on the portals: grouped thousands and an optional decimal part.
NUMBER_PATTERN = r"(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?"
_WELL_FORMED = re.compile(r"(?:[1-9]\d{0,2}(?:\.\d{3})+|\d+)(?:,\d+)?")  # grouped: no leading 0 ("0.930")

# A decimal point as English writes it, "3.4 tỷ", "21.58%": one or two digits after the point (three group
# thousands, "2.018"); read only where an amount follows it (nlp.statistics).
POINT_DECIMAL_PATTERN = r"\d{1,3}\.\d{1,2}(?!\d)"
_POINT_DECIMAL = re.compile(POINT_DECIMAL_PATTERN)

GLUED_SCALES = ("tr", "triệu", "tỷ", "tỉ")  # the scale words written glued to a number
_SCALES_RE = re.compile(r"\s*(" + "|".join(SCALES) + r")\b", re.IGNORECASE)


def parse_number(raw: str) -> Decimal | None:
    """``"22.214"`` -> 22214, ``"5,07"`` -> 5.07; None if ``raw`` is not a well-formed Vietnamese number
    (a misplaced group separator: ``"1.5"``, ``"1.20"``; a grouped number opening with 0: ``"0.930"``).

    On every string of NUMBER_PATTERN's shape this answers as Babel's strict parser with locale
    ``vi`` did, without loading Babel's locale data (~25 ms a process)."""
    text = raw.strip()
    return Decimal(text.replace(".", "").replace(",", ".")) if _WELL_FORMED.fullmatch(text) else None


def as_comma_decimal(raw: str) -> str:
    """``raw`` with a decimal point written as the decimal comma when it is one (``"3.4"`` -> ``"3,4"``)."""
    return raw.replace(".", ",") if _POINT_DECIMAL.fullmatch(raw) else raw


def parse_amount(raw: str) -> Decimal | None:
    """A number followed by scale words: ``"3,5 tỷ"`` -> 3500000000, ``"20 nghìn tỷ"`` -> 2e13,
    ``"13tr"`` -> 1.3e7."""
    match = re.match(r"\s*(" + NUMBER_PATTERN + r")", raw)
    if not match:
        return None
    value = parse_number(match.group(1))
    if value is None:
        return None
    pos = match.end()
    while scale := _SCALES_RE.match(raw, pos):
        value *= SCALES[scale.group(1).lower()]
        pos = scale.end()
    if raw[pos:].strip():
        return None
    return value
