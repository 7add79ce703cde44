"""Text forms the index matches on, made from the Vietnamese text rules of nlp.vietnamese: what a
person typed, clause boundaries in the search form, a person's name key, a document key's folded
form, what a typed document reference finds, and how a document key reads. Stored article text
is never changed."""
from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache

from extract.text import drop_invisible
from nlp.gazetteer import gazetteer
from nlp.vietnamese import fold_key, search_form

_SPACE = re.compile(r"\s+")
_END_MARKS = re.compile(r"^[\W_]+|[\W_]+$")


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


FTS_TOKEN = re.compile(r"[^\W_]+")  # FTS5 unicode61's tokens: runs of letters and digits
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


def name_key(name: str) -> str:
    """Identity of a person's name: the search form (NFC, tone-unified, lower case), single spaces,
    no punctuation or spaces at either end ("Lê Thuỷ." -> "lê thủy")."""
    return _END_MARKS.sub("", _SPACE.sub(" ", search_form(unicodedata.normalize("NFC", name))))


def directive_fold(key: str) -> str:
    """Comparison form of a document key ("15/2020/NĐ-CP" == "15/2020/nd-cp"): folded, no spaces."""
    return _SPACE.sub("", fold_key(key))


_KEY_GLUE = re.compile(r"\s*([-/@])\s*")
_GLOB_SPECIAL = re.compile(r"([*?\[])")
_TYPED_NUMBER = re.compile(r"\d+")
_NUMBER_WORD = re.compile(r"^so\b\s*:?\s*")  # "số", "Số:" before a number


@lru_cache(maxsize=1)
def _doc_words() -> tuple[tuple[str, frozenset[str]], ...]:
    """Folded document type words, longest first, each with the folded type codes of its documents
    ("chi thi" -> {"ct"}; "van ban" -> none)."""
    g = gazetteer()
    codes = {word: frozenset(directive_fold(code) for (code, _), typed in g.doc_types.items()
                             if fold_key(typed) == word) for word in map(fold_key, g.doc_words)}
    return tuple(sorted(codes.items(), key=lambda item: -len(item[0])))


def _glob_literal(text: str) -> str:
    return _GLOB_SPECIAL.sub(r"[\1]", text)


@lru_cache(maxsize=4096)
def key_patterns(typed: str) -> tuple[str, ...]:
    """What a document reference a person typed finds, as GLOB patterns over ``key_folded``:

    * a key, in any case, accents and spacing ("05-CT/TW", "05-ct/tw", "05 CT/TW", "15/2020/ND-CP");
      a key without a term or year also finds its dated documents ("05-CT/TW@2016");
    * a type word before it is dropped ("Chỉ thị số 05-CT/TW");
    * a type word and a bare number finds every document of that type and number, whatever its
      issuer, term or year ("Chỉ thị 05": 05-CT/TW@2016, 05/CT-TTg ...).

    Empty input, or a type word without a number, finds nothing.
    """
    text = fold_key(typed_text(typed))
    codes: frozenset[str] = frozenset()
    for word, word_codes in _doc_words():
        if text == word or text.startswith(word + " "):
            text, codes = text[len(word):].strip(), word_codes
            break
    key = _KEY_GLUE.sub(r"\1", _NUMBER_WORD.sub("", text)).replace(" ", "-")
    if not key:
        return ()
    if _TYPED_NUMBER.fullmatch(key) and codes:
        shapes = ("{number}-{code}/*", "{number}/{code}-*", "{number}/[0-9][0-9][0-9][0-9]/{code}-*")  # Party, state
        return tuple(shape.format(number=key, code=code) for code in sorted(codes) for shape in shapes)
    literal = _glob_literal(key)
    return (literal,) if "@" in key else (literal, literal + "@*")


def key_match(column: str = "key_folded") -> str:
    """SQL true when ``column`` (a folded key) matches the JSON list of ``key_patterns`` given as
    its one parameter (``key_params``)."""
    return f"EXISTS (SELECT 1 FROM json_each(?) WHERE {column} GLOB json_each.value)"


def key_params(typed: str) -> list[str]:
    """The parameters of ``key_match`` for what a person typed."""
    return [json.dumps(key_patterns(typed), ensure_ascii=False)]


def document_name(key: str, doc_type: str | None) -> str:
    """A key as a person reads it: "05-CT/TW@2016" with type Chỉ thị is "Chỉ thị 05-CT/TW (2016)".
    Party numbers restart with each committee term, so the key adds the signing year (or
    the term, "(khóa XI)") that tells documents of the same number apart."""
    number, _, when = key.partition("@")
    name = f"{doc_type} {number}" if doc_type else number
    if not when:
        return name
    return f"{name} ({when})" if when.isdigit() else f"{name} (khóa {when})"
