"""Text forms the index matches on: tone-unified NFC (exact search, people) and folded
(no diacritics, đ -> d) for accent-insensitive search. Stored article text is never changed."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from extract.text import drop_invisible, search_form

_WORD = re.compile(r"[^\W\d_]+")
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=65536)
def _unify_word(word: str) -> str:
    unified = search_form(word)
    if unified == word.lower():
        return word
    if len(unified) != len(word):
        return unified
    # search_form lowercases; put the page's capitals back so snippets read as written
    return "".join(u.upper() if w.isupper() else u for u, w in zip(unified, word))


class NotUTF8(ValueError):
    """Text holding lone surrogates: bytes of a command line that were not UTF-8."""


def typed_text(text: str) -> str:
    """What a person typed (a query, a name, a key) in the form stored text has: full-width and
    other compatibility letters as plain ones (NFKC: "ｄａｎｇ" -> "dang"), zero-width characters
    dropped ("Đả\u200bng" -> "Đảng"). Raises NotUTF8 for undecodable command-line bytes."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise NotUTF8("not valid UTF-8 text") from None
    return drop_invisible(unicodedata.normalize("NFKC", text))


BOUNDARY = "ǀ"  # a letter (U+01C0) no page or query uses: an FTS5 token between sentences and clauses
# whitespace after a clause's end (or a line break), or before an opening bracket or quote
_BOUNDARY_SPACE = re.compile(r"(?<=[.,;:!?…)\]\"”’»])\s+|\s+(?=[(\[\"“‘«])|\s*\n\s*")
_MARKED = re.compile(rf"\s?{BOUNDARY}")


def mark_boundaries(text: str) -> str:
    """``text`` with a BOUNDARY token where a sentence or clause ends, so that the syllables on
    either side never make one phrase ("hoàn thành. Ủy ban" holds no "thành ủy")."""
    return _BOUNDARY_SPACE.sub(lambda m: f" {BOUNDARY}{m.group()}", text)


def unmark_boundaries(text: str) -> str:
    """``text`` without the BOUNDARY tokens ``mark_boundaries`` put in (a snippet as the page wrote it)."""
    return _MARKED.sub("", text)


def unify(text: str) -> str:
    """NFC with one tone-mark placement ("Thành uỷ" -> "Thành ủy"); case and spacing kept."""
    text = unicodedata.normalize("NFC", text or "")
    return _WORD.sub(lambda m: _unify_word(m.group()), text)


def fold(text: str) -> str:
    """Drop every diacritic and turn đ/Đ into d/D; case and spacing kept."""
    stripped = "".join(c for c in unicodedata.normalize("NFD", text or "") if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped.replace("đ", "d").replace("Đ", "D"))


def name_key(name: str) -> str:
    """Identity of a person's name: the search form (NFC, tone-unified, lower case), single spaces."""
    return _SPACE.sub(" ", search_form(unicodedata.normalize("NFC", name))).strip()


def fold_key(text: str) -> str:
    """Accent-insensitive comparison form: folded, lower case, single spaces."""
    return _SPACE.sub(" ", fold(text).lower()).strip()


def directive_fold(key: str) -> str:
    """Comparison form of a document key ("15/2020/NĐ-CP" == "15/2020/nd-cp"): folded, no spaces."""
    return _SPACE.sub("", fold_key(key))


def key_match(column: str = "key_folded") -> str:
    """SQL matching a folded document key given twice as a parameter: a key without a term or
    year ("05-CT/TW") also finds its dated documents ("05-CT/TW@2016")."""
    return (f"({column} = ? OR (instr({column}, '@') > 0 "
            f"AND substr({column}, 1, instr({column}, '@') - 1) = ?))")
