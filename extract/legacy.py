"""Legacy 8-bit Vietnamese font encodings (TCVN3/ABC and VNI-Windows) -> Unicode.

Such pages are served as windows-1252/latin-1, so their text reaches us as Latin-1 look-alikes
("Thµnh phè", "Thaønh phoá"). No library we keep converts these (Python's codecs and
charset_normalizer know cp1258 and VISCII, not font encodings), so the tables are written here
as data: TCVN3 after TCVN 5712:1993 (the bytes 0xA1-0xFF that the ".Vn" fonts use), VNI after
the VNI-Windows font layout (a base letter followed by a mark byte). Both only use bytes
0xA1-0xFF, where Latin-1 and windows-1252 agree, so the tables are keyed by code point.
"""
from __future__ import annotations

import re
import unicodedata

# TCVN3 byte -> Unicode (0xB0-0xB4 are combining tone marks; NFC composes them afterwards).
TCVN3: dict[int, str] = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ", 0xAF: "Ặ",
    0xB0: "\u0300", 0xB1: "\u0309", 0xB2: "\u0303", 0xB3: "\u0301", 0xB4: "\u0323",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ", 0xBA: "Ẳ", 0xBB: "ằ", 0xBC: "ẳ",
    0xBD: "ẵ", 0xBE: "ắ", 0xBF: "Ẵ", 0xC0: "Ắ", 0xC1: "Ầ", 0xC2: "Ẩ", 0xC3: "Ẫ", 0xC4: "Ấ",
    0xC5: "Ề", 0xC6: "ặ", 0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ", 0xCC: "è",
    0xCD: "Ể", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ", 0xD2: "ề", 0xD3: "ể", 0xD4: "ễ",
    0xD5: "ế", 0xD6: "ệ", 0xD7: "ì", 0xD8: "ỉ", 0xD9: "Ễ", 0xDA: "Ế", 0xDB: "Ồ", 0xDC: "ĩ",
    0xDD: "í", 0xDE: "ị", 0xDF: "ò", 0xE0: "Ổ", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ", 0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ",
    0xED: "ớ", 0xEE: "ợ", 0xEF: "ù", 0xF0: "Ỗ", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự", 0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ",
    0xFD: "ý", 0xFE: "ỵ", 0xFF: "Ố",
}

# VNI-Windows mark bytes: (lowercase byte, uppercase byte) -> combining sequence they add.
VNI_MARKS: list[tuple[int, int, str]] = [
    (0xF8, 0xD8, "\u0300"),  # grave
    (0xF9, 0xD9, "\u0301"),  # acute
    (0xFB, 0xDB, "\u0309"),  # hook above
    (0xF5, 0xD5, "\u0303"),  # tilde
    (0xEF, 0xCF, "\u0323"),  # dot below
    (0xE2, 0xC2, "\u0302"),  # circumflex
    (0xE0, 0xC0, "\u0302\u0300"),
    (0xE1, 0xC1, "\u0302\u0301"),
    (0xE5, 0xC5, "\u0302\u0309"),
    (0xE3, 0xC3, "\u0302\u0303"),
    (0xE4, 0xC4, "\u0302\u0323"),
    (0xEA, 0xCA, "\u0306"),  # breve
    (0xE8, 0xC8, "\u0306\u0300"),
    (0xE9, 0xC9, "\u0306\u0301"),
    (0xFA, 0xDA, "\u0306\u0309"),
    (0xFC, 0xDC, "\u0306\u0303"),
    (0xEB, 0xCB, "\u0306\u0323"),
]
# VNI single bytes that are letters by themselves.
VNI_LETTERS: dict[int, str] = {
    0xF1: "đ", 0xD1: "Đ", 0xF4: "ơ", 0xD4: "Ơ", 0xF6: "ư", 0xD6: "Ư",
    0xEC: "ì", 0xED: "í", 0xE6: "ỉ", 0xF3: "ĩ", 0xF2: "ị",
    0xCC: "Ì", 0xCD: "Í", 0xC6: "Ỉ", 0xD3: "Ĩ", 0xD2: "Ị",
    0xEE: "ỵ", 0xCE: "Ỵ",
}

_VNI_LOWER = {chr(lo): marks for lo, _, marks in VNI_MARKS}
_VNI_UPPER = {chr(up): marks for _, up, marks in VNI_MARKS}
_VNI_PAIR = re.compile(
    "([aeouyôöAEOUYÔÖ])([" + re.escape("".join(_VNI_LOWER) + "".join(_VNI_UPPER)) + "])"
)

# Evidence: TCVN3 codes of the commonest Vietnamese letters (à á ả ạ ơ đ ê ă ì ...) that are
# symbols in Latin-1, so German, French or Spanish text (ü ö ß ç ñ) does not count.
_TCVN3_EVIDENCE = re.compile("[µ¸¶¹¬®ª¨×¾¼½]")
# VNI: a vowel followed by a mark byte no European language puts there (French "où", "naïf",
# Dutch "poëzie", German "ü" are not evidence).
_VNI_EVIDENCE = re.compile("[aeouyAEOUY][øõåäØÕÅÄ]|[aeuyAEUY][ùûÙÛ]|[ôöÔÖ][øùûõïØÙÛÕÏ]")
_LETTER = re.compile(r"[^\W\d_]")
# Letters only Unicode Vietnamese has (Latin Extended-A/B and Extended Additional ranges).
_UNICODE_VI = re.compile("[ăđĩũơưĂĐĨŨƠƯ\u1ea0-\u1ef9]")


def unicode_vietnamese_count(text: str) -> int:
    """How many letters of ``text`` exist only in Unicode Vietnamese (ạ, ư, đ ...)."""
    return len(_UNICODE_VI.findall(text))


def tcvn3_evidence(text: str) -> int:
    """How many characters of ``text`` look like TCVN3 bytes read as Latin-1."""
    return len(_TCVN3_EVIDENCE.findall(text))


def vni_evidence(text: str) -> int:
    """How many letter+mark pairs of ``text`` look like VNI bytes read as Latin-1."""
    return len(_VNI_EVIDENCE.findall(text))


def detect_legacy(text: str) -> str | None:
    """'tcvn3', 'vni' or None for a text decoded as Latin-1/windows-1252."""
    tcvn, vni = tcvn3_evidence(text), vni_evidence(text)
    best, score = ("vni", vni) if vni * 2 >= tcvn else ("tcvn3", tcvn)
    if score < 5:  # most pages: the letter counts below (a scan of the whole text each) are not needed
        return None
    letters = len(_LETTER.findall(text)) or 1
    if score > unicode_vietnamese_count(text) and score / letters >= 0.02:
        return best
    return None


def tcvn3_to_unicode(text: str) -> str:
    """Convert TCVN3 text (read as Latin-1/windows-1252) to NFC Unicode."""
    return unicodedata.normalize("NFC", text.translate(TCVN3))


def vni_to_unicode(text: str) -> str:
    """Convert VNI-Windows text (read as Latin-1/windows-1252) to NFC Unicode."""
    def pair(match: re.Match) -> str:
        base, mark = match.group(1), match.group(2)
        base = VNI_LETTERS.get(ord(base), base)
        marks = _VNI_LOWER.get(mark) if base.islower() else _VNI_UPPER.get(mark)
        if marks is None:  # an uppercase mark after a lowercase base: not a VNI pair
            return match.group(0)
        return base + marks

    converted = _VNI_PAIR.sub(pair, text).translate(VNI_LETTERS)
    return unicodedata.normalize("NFC", converted)


def to_unicode(text: str, legacy: str) -> str:
    """Convert ``text`` from the legacy encoding named by ``legacy`` ('tcvn3' or 'vni')."""
    return tcvn3_to_unicode(text) if legacy == "tcvn3" else vni_to_unicode(text)
