"""Vietnamese number parsing: ``.`` groups thousands, ``,`` marks decimals (``22.214`` is 22214,
``5,07`` is 5.07), and the scale words ``nghìn``/``ngàn``, ``triệu``, ``tỷ``/``tỉ`` multiply."""
from __future__ import annotations

import logging
import re
from decimal import Decimal

from babel import Locale
from babel.numbers import NumberFormatError, parse_decimal

logger = logging.getLogger(__name__)

_VI = Locale.parse("vi")

SCALES: dict[str, int] = {
    "nghìn": 10**3,
    "ngàn": 10**3,
    "triệu": 10**6,
    "tỷ": 10**9,
    "tỉ": 10**9,
}

# A Vietnamese numeral as written on the portals: grouped thousands and an optional decimal part.
NUMBER_PATTERN = r"(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?"

_SCALES_RE = re.compile(r"\s+(" + "|".join(SCALES) + r")\b", re.IGNORECASE)


def parse_number(raw: str) -> Decimal | None:
    """``"22.214"`` -> 22214, ``"5,07"`` -> 5.07; None if ``raw`` is not a well-formed Vietnamese number.

    Babel's strict parser with locale ``vi`` rejects misplaced group separators (``"1.5"``)."""
    try:
        return parse_decimal(raw.strip(), locale=_VI, strict=True)
    except NumberFormatError:
        return None


def parse_amount(raw: str) -> Decimal | None:
    """A number followed by scale words: ``"3,5 tỷ"`` -> 3500000000, ``"20 nghìn tỷ"`` -> 2e13."""
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
