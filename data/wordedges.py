"""Whether a query's words occur in an article as words, not as parts of longer words.

FTS5 finds a word's syllables side by side wherever they are, also across two words of the
text: "dân vận" in "nhân dân vận động", "Chủ tịch HĐND" in "Phó Chủ tịch HĐND", "quan chức" in
"cơ quan chức năng". Here the text around each occurrence (WINDOW syllables on either side) is
cut into the fewest dictionary words (Viet74K; a lone syllable is a word), as a dictionary word
segmenter cuts it, once freely and once with no word crossing an edge of the occurrence; the
occurrence counts unless the free cut needs fewer words. A longer word holding the occurrence
whole does not cross it ("công chứng" in "công chứng viên", "xã" in "xã hội": a word's meaning
inside a compound is left to the reader), nor does a title ending at its first syllable
("Trưởng ban Tuyên giáo" heads "Ban Tuyên giáo"). An article holds the query's words when each
has at least one occurrence that counts.

A query's words travel as JSON (``words_json``): a list of words, each a list of spellings, each
a list of ``[syllable, exact]`` (``exact``: that syllable only; else any with its letters, the
syllable given folded). ``holds_words(title, lead, text, words_json)`` is the SQL function
``vn_words`` on every connection to an index (``register``).
"""
from __future__ import annotations

import functools
import json
import sqlite3

from data.textnorm import BOUNDARY, FTS_TOKEN
from nlp.gazetteer import offices
from nlp.lexicon import dictionary_key_set
from nlp.vietnamese import fold, search_form

WINDOW = 6  # syllables cut into words on either side of an occurrence
LONGEST_WORD = 4  # syllables of the longest dictionary word the cut takes


def register(conn: sqlite3.Connection) -> None:
    """Make ``vn_words(title, lead, text, words_json)`` callable in SQL on ``conn``."""
    conn.create_function("vn_words", 4, holds_words, deterministic=True)


def words_json(words: list[list[list[tuple[str, bool]]]]) -> str:
    """A query's words as ``vn_words`` takes them (data.query builds them)."""
    return json.dumps(words, ensure_ascii=False)


@functools.lru_cache(maxsize=256)
def _words(encoded: str) -> tuple[tuple[tuple[tuple[str, bool], ...], ...], ...]:
    return tuple(tuple(tuple((syllable, bool(exact)) for syllable, exact in form) for form in word)
                 for word in json.loads(encoded))


def holds_words(title: str | None, lead: str | None, text: str | None, encoded: str) -> bool:
    """Whether the article (its search-form title, lead and text) holds every word of ``encoded``
    (``words_json``) as a word."""
    whole = f" {BOUNDARY} ".join(part or "" for part in (title, lead, text)).lower()  # no word runs on
    tokens = FTS_TOKEN.findall(whole)
    folded: list[str] | None = None
    for word in _words(encoded):
        if folded is None and any(not exact for form in word for _, exact in form):
            folded = FTS_TOKEN.findall(fold(whole))  # the same tokens: a letter folds to a letter ...
            if len(folded) != len(tokens):  # ... or else each token is folded alone
                folded = [fold(token) for token in tokens]
        if not any(_occurs_as_word(tokens, folded, form) for form in word):
            return False
    return True


def _occurs_as_word(tokens: list[str], folded: list[str] | None, form: tuple[tuple[str, bool], ...]) -> bool:
    """Whether the syllables of ``form`` (each matched in ``tokens``, or folded in ``folded``) occur
    side by side somewhere no word of the text crosses."""
    compared = [tokens if exact else folded for _, exact in form]
    first, size, position = form[0][0], len(form), -1
    while True:
        try:
            position = compared[0].index(first, position + 1)
        except ValueError:
            return False
        end = position + size
        if end <= len(tokens) and all(compared[k][position + k] == form[k][0] for k in range(1, size)):
            window = (max(0, position - WINDOW), min(len(tokens), end + WINDOW))
            if _fewest_words(tokens, *window, (position, end)) <= _fewest_words(tokens, *window):
                return True


def _fewest_words(tokens: list[str], start: int, end: int,
                  kept: tuple[int, int] | None = None) -> int:
    """The fewest dictionary words (a lone syllable is one) that ``tokens[start:end]`` can be cut
    into; with ``kept``, a span no word may cross: none may begin before it and end inside it, or
    begin inside it and end after it (a longer word may hold it whole: "công chứng" in "công
    chứng viên"; a title may end at its first syllable: "Trưởng ban Tuyên giáo")."""
    fewest = [0] + [end] * (end - start)  # fewest words up to each position
    for position in range(start, end):
        here = fewest[position - start]
        if tokens[position] == BOUNDARY:
            fewest[position + 1 - start] = min(fewest[position + 1 - start], here)
            continue
        for size in _lengths(tokens, position, end):
            word_end = position + size
            if kept and _crosses(tokens, position, word_end, *kept):
                continue
            fewest[word_end - start] = min(fewest[word_end - start], here + 1)
    return fewest[-1]


def _crosses(tokens: list[str], word_start: int, word_end: int, start: int, end: int) -> bool:
    if word_start < start < word_end < end:
        return not (word_end == start + 1 and " ".join(tokens[word_start:word_end]) in _titles())
    return start < word_start < end < word_end


def _lengths(tokens: list[str], position: int, end: int) -> list[int]:
    """Lengths of the dictionary words starting at ``position`` (1 for a lone syllable)."""
    found, known = [1], dictionary_key_set()
    for size in range(2, min(LONGEST_WORD, end - position) + 1):
        if tokens[position + size - 1] == BOUNDARY:
            break
        if " ".join(tokens[position:position + size]) in known:
            found.append(size)
    return found


@functools.cache
def _titles() -> frozenset[str]:
    return frozenset(" ".join(FTS_TOKEN.findall(search_form(title))) for title in offices().titles)
