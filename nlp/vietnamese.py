"""Vietnamese text rules, written once for extract, nlp and data: the syllables text is cut into,
where a tone mark goes, the search form the index compares, and accent folding.

A syllable's tone (huyền, sắc, hỏi, ngã, nặng) is a combining mark on one of its vowels, and pages
disagree on which: the old and new conventions put it on different vowels of an open syllable
ending in oa, oe or uy ("hòa"/"hoà", "khỏe"/"khoẻ", "thủy"/"thuỷ"), and typists misplace it
("qủa" for "quả"). Text may come decomposed (NFD); every form here is NFC.

* ``place_tone``, ``place_tones``: every tone on the vowel the old convention uses ("hoà" -> "hòa",
  "qủa" -> "quả"), case and length kept; the taggers match on it (``nlp.gazetteer.match_key``).
* ``unify``, ``search_form``: only the tones the two conventions place differently move (oa, oe,
  uy); case kept, or lower case. The index stores and compares this form (``data.search``).
* ``fold``, ``fold_key``: no diacritics, đ -> d ("Đảng" -> "Dang", "dang"): accent-insensitive search.
* ``SYLLABLE``: the runs of letters text is cut into (digits and punctuation separate them);
  ``vietnamese_ratio``: how many of them carry a Vietnamese diacritic.
* ``i_y_twin``: the other spelling of a syllable whose vowel is a lone i or y after a consonant,
  which the two conventions also write differently ("kỳ"/"kì", "lý"/"lí", "quý"/"quí");
  ``i_y_spellings``: a name's or word's spellings so ("Kỳ Anh", "Kì Anh").
"""
from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

SYLLABLE = re.compile(r"[^\W\d_]+")  # a syllable, or syllables a page glued together ("Thànhủy")
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")  # huyền, sắc, ngã, hỏi, nặng
_VOWELS = frozenset("aeiouy")  # as base letters: ă, â, ê, ô, ơ, ư are these with a mark
# the end of a syllable whose tone the conventions place differently: oa, oe or uy, toned on the
# last vowel ("hoà", "khoẻ", "thuỷ"; not "hoàn", "hoặc", "khuỷu")
_MOVABLE = re.compile("(?:o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ])(?![^\\W\\d_]|[\u0300-\u036f])", re.IGNORECASE)
_MOVABLE_WORD = re.compile(rf"[^\W\d_]*{_MOVABLE.pattern}", re.IGNORECASE)
_SPACE = re.compile(r"\s+")


def _letters(keep) -> str:
    """The Latin letters (plain and precomposed) whose decomposition ``keep`` accepts, for a regex class."""
    found = (chr(code) for code in (*range(0x41, 0x7B), *range(0xC0, 0x250), *range(0x1E00, 0x1F00)))
    return "".join(c for c in found if c.isalpha() and keep(unicodedata.normalize("NFD", c)))


# a syllable with two vowels side by side and a tone: the only kind whose tone place_tone can move
_TONE_MOVABLE = re.compile(
    "(?<![^\\W\\d_])(?=[^\\W\\d_]*?[{vowel}][{vowel}])(?=[^\\W\\d_]*?[{toned}])[^\\W\\d_]+".format(
        vowel=_letters(lambda nfd: nfd[0].lower() in _VOWELS),
        toned=_letters(lambda nfd: nfd[0].lower() in _VOWELS and not _TONES.isdisjoint(nfd))))
_MARKED_LETTERS = frozenset("àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ")


@lru_cache(maxsize=65536)
def place_tone(word: str) -> str:
    """``word`` with its tone mark where the old convention puts it: on the vowel with a
    circumflex, breve or horn (ươ -> ơ), else the last vowel of a closed syllable (hoàn, toán),
    the middle one of three (ngoài), the first of two (hòa, ủy, mùa); qu and gi are consonants
    (quý, già). Case and length kept. Returned as written: a word without a tone, and one that
    is not a syllable (two tones, or two vowel groups: "Thànhủy", "José")."""
    letters: list[list[str]] = []  # base letter, its other marks
    tone = None
    for ch in unicodedata.normalize("NFD", word):
        if ch in _TONES:
            if tone:
                return word
            tone = ch
        elif unicodedata.combining(ch):
            if letters:
                letters[-1][1] += ch
        else:
            letters.append([ch, ""])
    if tone is None:
        return word
    low = [base.lower() for base, _ in letters]
    vowels = [k for k, c in enumerate(low) if c in _VOWELS]
    if not vowels or vowels[-1] - vowels[0] + 1 != len(vowels):
        return word
    first, last = vowels[0], vowels[-1]
    if last > first and first > 0 and (low[first - 1], low[first]) in (("q", "u"), ("g", "i")):
        first += 1
    marked = [k for k in range(first, last + 1) if letters[k][1]]
    if marked:
        pos = marked[-1]
    elif last + 1 < len(low):
        pos = last
    elif last - first >= 2:
        pos = first + 1
    else:
        pos = first
    letters[pos][1] += tone
    out = unicodedata.normalize("NFC", "".join(base + marks for base, marks in letters))
    return out if len(out) == len(word) else word


def place_tones(text: str) -> str:
    """``text`` with ``place_tone`` applied to every syllable (same length, case kept)."""
    return _TONE_MOVABLE.sub(lambda m: place_tone(m.group()), text)


def unify(text: str | None) -> str:
    """NFC, with the tone of a syllable ending in oa, oe or uy on one vowel ("Thành uỷ" -> "Thành
    ủy", "HOÀ" -> "HÒA"); case and spacing kept, every other syllable as written."""
    text = unicodedata.normalize("NFC", text or "")
    if not _MOVABLE.search(text):
        return text  # most text: no tone to move
    return _MOVABLE_WORD.sub(lambda m: place_tone(m.group()), text)


def search_form(text: str) -> str:
    """``unify`` in lower case ("hoà", "Hòa" -> "hòa"; "Uỷ" -> "ủy"): the form the index compares.
    The stored text keeps what the page wrote."""
    return unify(text.lower())


_I, _Y = "iìíỉĩị", "yỳýỷỹỵ"  # each tone of the vowel, in the same order
_I_Y = str.maketrans(_I + _Y + _I.upper() + _Y.upper(), _Y + _I + _Y.upper() + _I.upper())
_I_Y_SYLLABLE = re.compile(f"(?:h|k|l|m|s|t|qu)[{_I}{_Y}]", re.IGNORECASE)  # where both are written


def i_y_twin(syllable: str) -> str | None:
    """The syllable with its lone vowel i written y or y written i, tone and case kept ("kỳ" ->
    "kì", "Lí" -> "Lý", "quý" -> "quí"), where both spellings are in use (after h, k, l, m, s, t
    and qu); None for any other syllable ("y", "gì", "chi", "tuy")."""
    if not _I_Y_SYLLABLE.fullmatch(syllable):
        return None
    return syllable[:-1] + syllable[-1].translate(_I_Y)


def i_y_spellings(parts) -> Iterator[tuple[str, ...]]:
    """``parts`` (syllables, or syllables and what separates them) with each lone i or y after a consonant
    written both ways ("kì thi", "kỳ thi"): one syllable in two spellings, as tone marks are placed two ways.
    A syllable's type is kept."""
    return itertools.product(*((s, type(s)(twin)) if (twin := i_y_twin(s)) else (s,) for s in parts))


def fold(text: str | None) -> str:
    """NFC without any diacritic, đ/Đ as d/D ("Đảng" -> "Dang"); case and spacing kept."""
    stripped = "".join(c for c in unicodedata.normalize("NFD", text or "") if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped.replace("đ", "d").replace("Đ", "D"))


def fold_key(text: str | None) -> str:
    """Accent-insensitive comparison form: folded, lower case, single spaces ("Đảng  Bộ" -> "dang bo")."""
    return _SPACE.sub(" ", fold(text).lower()).strip()


def vietnamese_ratio(text: str) -> float:
    """Share of syllables carrying a Vietnamese diacritic or đ (about 0.5 for Vietnamese prose)."""
    words = SYLLABLE.findall(text.lower())
    if not words:
        return 0.0
    return 1 - sum(map(_MARKED_LETTERS.isdisjoint, words)) / len(words)
