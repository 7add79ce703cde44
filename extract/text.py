"""Text normalisation: NFC, entities, whitespace, and the search form of Vietnamese words."""
from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_ENTITY = re.compile(r"&(#\d{2,7}|#[xX][0-9a-fA-F]{2,6}|[a-zA-Z]{2,8});")
_TONES = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook above, dot below
# an open syllable ending in oa/oe/uy whose tone sits on the last vowel ("hoà", "thuỷ")
# (the tone the vowel's only mark: in "hoặc" the dot below sits on ă, which is not oa)
_OLD_TONE = re.compile(
    rf"(?<![^\W\d_])([^\W\d_]*?)(o)([ae])([{_TONES}])(?![^\W\d_]|[\u0300-\u036f])"
    rf"|(?<![^\W\d_])([^\W\d_]*?)(u)(y)([{_TONES}])(?![^\W\d_]|[\u0300-\u036f])"
)
# a word _OLD_TONE may change, in NFC and lower case: an o or u right before a toned a/e or y
_OLD_TONE_HINT = re.compile("o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ]")
_OLD_TONE_WORD = re.compile(rf"[^\W\d_]*(?:{_OLD_TONE_HINT.pattern})[^\W\d_]*")
_VIETNAMESE_LETTERS = re.compile(
    "[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]"
)
_VIETNAMESE_LETTER_SET = frozenset(_VIETNAMESE_LETTERS.pattern[1:-1])
_WORD = re.compile(r"[^\W\d_]+")


def clean_text(text: str) -> str:
    """NFC, leftover HTML entities decoded, invisible characters dropped, spaces collapsed."""
    for _ in range(2):  # twice: some CMSs escape entities again ("&amp;#7899;")
        if "&" not in text or not _ENTITY.search(text):
            break
        text = html.unescape(text)
    text = drop_invisible(unicodedata.normalize("NFC", text))
    return _SPACES.sub(" ", text).strip()


def drop_invisible(text: str) -> str:
    """``text`` without zero-width spaces and joiners, word joiners, BOMs and soft hyphens."""
    return _INVISIBLE.sub("", text)


def search_form(text: str) -> str:
    """Lowercase NFC text with tone marks placed one way ("hoà", "hòa" -> "hòa"; "uỷ" -> "ủy").

    The stored text keeps what the page wrote; the index compares this form.
    """
    lowered = unicodedata.normalize("NFC", text.lower())
    if not _OLD_TONE_HINT.search(lowered):
        return lowered  # most text: no tone to move
    return _OLD_TONE_WORD.sub(lambda match: _place_tone(match.group()), lowered)


@lru_cache(maxsize=4096)
def _place_tone(word: str) -> str:
    """One lower-case NFC word with its tone on the main vowel of oa/oe/uy."""

    def move(match: re.Match) -> str:
        if match.group(1) is not None:
            prefix, first, last, tone = match.group(1, 2, 3, 4)
        else:
            prefix, first, last, tone = match.group(5, 6, 7, 8)
            if prefix.endswith(("q", "Q")):  # "quý": the u belongs to the consonant qu
                return match.group(0)
        if any(mark in prefix for mark in _TONES) or re.search("[aeiouy]$", prefix):
            return match.group(0)  # a tone already placed earlier, or a longer vowel cluster
        return prefix + first + tone + last

    return unicodedata.normalize("NFC", _OLD_TONE.sub(move, unicodedata.normalize("NFD", word)))


def vietnamese_ratio(text: str) -> float:
    """Share of words carrying a Vietnamese diacritic (about 0.5 for Vietnamese prose)."""
    words = _WORD.findall(text.lower())
    if not words:
        return 0.0
    return 1 - sum(map(_VIETNAMESE_LETTER_SET.isdisjoint, words)) / len(words)


def detect_language(text: str, declared: str | None = None) -> str:
    """'vi' when the text is Vietnamese by its diacritics, else the page's declared language."""
    if vietnamese_ratio(text) >= 0.2:
        return "vi"
    if declared:
        primary = declared.strip().lower().replace("_", "-").split("-")[0]
        if primary.isalpha() and 2 <= len(primary) <= 3 and primary != "vi":
            return primary
    return "und"
