"""Whether a query's words occur in an article as words, not as parts of longer words.

FTS5 finds a word's syllables side by side wherever they are, also across two words of the
text: "dân vận" in "nhân dân vận động", "Chủ tịch HĐND" in "Phó Chủ tịch HĐND", "quan chức" in
"cơ quan chức năng". Here the text around each occurrence (WINDOW syllables on either side) is
cut into the fewest dictionary words (Viet74K; a lone syllable is a word), as a dictionary word
segmenter cuts it, once freely and once with no word crossing an edge of the occurrence; the
occurrence counts unless the free cut needs fewer words. A longer word holding the occurrence
whole does not cross it ("công chứng" in "công chứng viên": a word's meaning inside a compound
is left to the reader), nor does a title ending at its first syllable ("Trưởng ban Tuyên giáo"
heads "Ban Tuyên giáo"), nor a body beginning at a title's last ("Phó ban chỉ huy quân sự" is the
"Phó ban" of "Ban Chỉ huy"). An article holds the query's words when each has at least one
occurrence that counts.

A word of one syllable in a query of several words is held by no longer word either: "xã" in
"xã hội" is not the "xã" of "cán bộ xã", nor "án" in "dự án" that of "thi hành án". Yet the
query's cut is a guess, and a word of the text holding it still counts where it stands right
beside a syllable the query puts beside it: "phòng chống dịch" is said in "phòng chống | dịch
bệnh", "tiêm vắc-xin" in "tiêm chủng | vắc-xin", "người dân tộc" in "đồng bào dân tộc". A query
of one word keeps every occurrence ("năm" in "năm học"). Where the query puts it beside a common
word of several syllables (``QueryWord.near``: data.query says which), it must also stand within
NEAR syllables of that word, on its side: "an ninh mạng" and "năm học mới" are compounds the
dictionary lacks, and "an ninh" in one place with "mạng" in another is not what was asked. A Roman
numeral must stand within NUMBERED_NEAR syllables of the word it numbers: "Đại hội XIII" is said in
"Đại hội đại biểu toàn quốc lần thứ XIII", not in "Đại hội" here and "khóa XIII" there.

A query's words travel as JSON (``words_json``): a list of words, each ``{"spellings": […]}``, and
for a word of one syllable ``"before"`` and ``"after"``, the syllables beside it, and ``"near"``, and
``"cased": true`` for a place typed with capitals, which the text must write so, not right after a
surname (a person's given name: "Trương Hòa Bình"), and ``"bare"``, the
spellings of a document reference that cite it by type and number alone, after which the text may
write no other code ("Nghị định 116" for ``Nghị định 116/2017``, not "Nghị định 116/2020"); a
spelling is a
list of syllables, each ``[syllable, exact]`` (``exact``: that syllable only; else any with its
letters, the syllable given folded).
Plain words joined by OR travel as ``{"either": [words, words, …]}`` (``either_json``): an article
holds them when it holds every word of one branch.
``holds_words(title, lead, text, words_json)`` is the SQL function ``vn_words`` on every
connection to an index (``register``). Snippets read the same test (``_occurrence_counts``):
``unmark_held`` leaves unmarked the occurrences FTS5 marked that do not count, and ``snippet_of``
cuts a snippet around the first that does. The dictionary is scanned only where an entry holds the
two syllables at an occurrence's edge (``nlp.lexicon.dictionary_pairs``).
"""
from __future__ import annotations

import functools
import json
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass

from data.textnorm import BOUNDARY, FTS_TOKEN
from nlp.gazetteer import gazetteer, match_key, offices
from nlp.lexicon import dictionary_key_set, dictionary_pairs
from nlp.vietnamese import fold, fold_key, search_form

WINDOW = 6  # syllables cut into words on either side of an occurrence
SNIPPET_TOKENS = 24  # tokens of a snippet, as FTS5's snippet() is asked for
NEAR = 6  # syllables from a word of one syllable to the word the query puts beside it, at most (QueryWord.near)
NUMBERED_NEAR = 8  # the same for a numeral and the word it numbers ("Đại hội đại biểu Đảng bộ tỉnh lần thứ XX")
_WORD_CHARACTER = re.compile(r"[^\W_]")  # a character of a token
LONGEST_WORD = 4  # syllables of the longest dictionary word the cut takes


def register(conn: sqlite3.Connection) -> None:
    """Make ``vn_words(title, lead, text, words_json)`` callable in SQL on ``conn``."""
    conn.create_function("vn_words", 4, holds_words, deterministic=True)


Syllable = tuple[str, bool]  # (syllable, exact)
Spelling = tuple[Syllable, ...]


@dataclass(frozen=True)
class QueryWord:
    """A word an article must hold: one of its ``spellings``, as a word. For a word of one syllable in
    a query of several, the syllables the query puts right ``before`` and ``after`` it (else empty)."""
    spellings: tuple[Spelling, ...]
    before: tuple[Syllable, ...] = ()
    after: tuple[Syllable, ...] = ()
    near: int = 0  # it must also stand within this many syllables of one of them (NEAR, NUMBERED_NEAR; 0: anywhere)
    cased: bool = False  # a place typed with capitals: so must the text write it ("Hòa Bình", not "hòa bình")
    bare: tuple[Spelling, ...] = ()  # of the spellings, a document's type and number alone: no other code after it

    @property
    def alone(self) -> bool:
        """Whether it is a word of one syllable in a query of several, held by no longer word (``_counts``)."""
        return bool(self.before or self.after)


def words_json(words: list[QueryWord]) -> str:
    """A query's words as ``vn_words`` takes them (data.query builds them)."""
    return json.dumps(_listed(words), ensure_ascii=False)


def either_json(branches: list[list[QueryWord]]) -> str:
    """The words of a query's branches joined by OR, as ``vn_words`` takes them: an article holds them
    when it holds every word of one branch."""
    return json.dumps({"either": [_listed(words) for words in branches]}, ensure_ascii=False)


def _listed(words: list[QueryWord]) -> list[dict]:
    return [{"spellings": word.spellings, **({"cased": True} if word.cased else {}),
             **({"bare": word.bare} if word.bare else {}),
             **({"before": word.before, "after": word.after, "near": word.near} if word.alone else {})}
            for word in words]


@functools.lru_cache(maxsize=256)
def _branches(encoded: str) -> tuple[tuple[QueryWord, ...], ...]:
    """The branches of ``words_json`` (one) or ``either_json``, each its words."""
    given = json.loads(encoded)
    return tuple(map(_parsed, given["either"])) if isinstance(given, dict) else (_parsed(given),)


def _parsed(given: list) -> tuple[QueryWord, ...]:
    def syllables(listed: list) -> tuple[Syllable, ...]:
        return tuple((syllable, bool(exact)) for syllable, exact in listed)
    words = (QueryWord(tuple(syllables(form) for form in word["spellings"]), syllables(word.get("before", ())),
                       syllables(word.get("after", ())), word.get("near", 0), word.get("cased", False),
                       tuple(syllables(form) for form in word.get("bare", ())))
             for word in given)
    return tuple(sorted(words, key=lambda word: not word.near))  # the test that most often fails first


def holds_words(title: str | None, lead: str | None, text: str | None, encoded: str) -> bool:
    """Whether the article (its search-form title, lead and text) holds every word of ``encoded``
    (``words_json``) as a word, or of one of its branches (``either_json``)."""
    whole, cased = _lowered(f" {BOUNDARY} ".join(part or "" for part in (title, lead, text)))  # no word runs on
    return any(all(_holds(whole, word, cased) for word in words) for words in _branches(encoded))


def _lowered(written: str) -> tuple[str, str | None]:
    """``written`` in lower case, where words are looked for, and as written, where their capitals are
    read (None when a letter's lower case is longer: offsets would not match, so no case test)."""
    whole = written.lower()
    return whole, written if len(whole) == len(written) else None


def _holds(whole: str, word: QueryWord, cased: str | None) -> bool:
    return any(_occurrence_counts(whole, found, form, word, cased)
               for form in word.spellings for found in _occurrences(whole, form))


def _occurrence_counts(whole: str, found: re.Match, form: Spelling, word: QueryWord, cased: str | None) -> bool:
    """Whether the occurrence ``found`` of the spelling ``form`` of ``word`` in ``whole`` (lower case;
    ``cased``: as written, or None) counts as that word: a word of one syllable where ``_counts`` says;
    a document reference as typed, or by its type and number where no other code follows; else where
    no word of the text crosses it, written with capitals and after no surname if the word is a place typed so."""
    if word.alone:
        return _counts(whole, found.start(), found.end(), word)
    if word.bare:
        return form not in word.bare or not _CODE_GOES_ON.match(whole, found.end())
    if word.cased and cased is not None and not all(token[0].isupper()
                                                    for token in FTS_TOKEN.findall(cased, *found.span())):
        return False  # a place typed as a name, here a common word: "hòa bình" (peace), not "Hòa Bình"
    if word.cased and cased is not None and _after_a_surname(cased, found.start()):
        return False  # a person named as the place is: "Phó Thủ tướng Trương Hòa Bình", not the province
    inside = FTS_TOKEN.findall(found.group())
    before = _tokens_before(whole, found.start(), LONGEST_WORD - 1)  # all a crossing word can reach
    if not _crossed(before + inside + _tokens_after(whole, found.end(), LONGEST_WORD - 1),
                    (len(before), len(before) + len(form))):
        return True  # no word of the text crosses it: both cuts are the same
    tokens, kept = _around(whole, found)
    lengths = _all_lengths(tokens)
    return _fewest_words(tokens, lengths, kept) <= _fewest_words(tokens, lengths)


_SYLLABLE_BEFORE = re.compile(r"(?<!\w)([^\W\d_]{2,})[ \t]+$")  # the word right before, on the same line (not "Y")


def _after_a_surname(written: str, start: int) -> bool:
    """Whether the syllable right before ``start`` in ``written`` is a capitalised surname ("Trương"),
    so that a name starting at ``start`` is a person's given name."""
    before = _SYLLABLE_BEFORE.search(written, max(0, start - 12), start)
    return bool(before) and before.group(1)[0].isupper() and match_key(before.group(1)) in gazetteer().surnames


_CODE_GOES_ON = re.compile(r"\s?[/-]\s?[^\W_]|[.,]\d")  # "116/2020/NĐ-CP", "05-CT/TW": another document's code


def _occurrences(whole: str, form: Spelling) -> Iterator[re.Match]:
    """Where the syllables of ``form`` occur side by side in ``whole``, each starting a token."""
    if not all(typed in whole for typed, exact in form if exact):
        return  # a syllable it must hold as written is nowhere in the text
    pattern, position = _pattern(form), 0
    while (found := pattern.search(whole, position)) is not None:
        position = found.start() + 1
        if not (found.start() and _WORD_CHARACTER.match(whole, found.start() - 1)):  # else inside a longer token
            yield found


def _counts(text: str, start: int, end: int, word: QueryWord) -> bool:
    """Whether the occurrence ``text[start:end]`` of a word of one syllable counts for ``word``: it is
    near the word beside it where it must be (``word.near``), and a word of its own, or in a word of
    the text (itself or a longer one holding it) that stands right beside a syllable the query puts
    beside it (``word.before``, ``word.after``). Any dictionary word holding it counts, not only the
    best cut's: a syllable that may be read as part of a longer word is not taken alone."""
    if word.near and not _near(text, start, end, word):  # the cheaper test first
        return False
    before = _tokens_before(text, start, LONGEST_WORD)  # a word holding it, and the token beside that
    return _alone(before + FTS_TOKEN.findall(text[start:end]) + _tokens_after(text, end, LONGEST_WORD),
                  len(before), word)


def _near(whole: str, start: int, end: int, word: QueryWord) -> bool:
    """Whether a syllable the query puts before ``word`` stands at most ``word.near`` syllables before
    ``start``, or one it puts after it at most ``word.near`` syllables after ``end`` (a clause boundary,
    a comma or a full stop, is no syllable: "bốn môn gồm Ngữ văn, Toán, Lịch sử")."""
    return (bool(word.before) and any(_fits(token, word.before) for token in
                                      _tokens_before(whole, start, word.near, boundaries=False))
            or bool(word.after) and any(_fits(token, word.after) for token in
                                        _tokens_after(whole, end, word.near, boundaries=False)))


def _alone(tokens: list[str], at: int, word: QueryWord) -> bool:
    """Whether the syllable at ``at`` among ``tokens`` (LONGEST_WORD on either side) is a word of its
    own, or it or the longer word holding it stands beside a syllable the query puts beside ``word``."""
    if not (_in_a_word(tokens, at) or _in_a_word(tokens, at + 1)):
        return True  # no longer word can hold it
    holding = list(_holding(tokens, at))
    return len(holding) == 1 or any(  # else a longer word of the text holds it (none can cross one syllable)
        start and _fits(tokens[start - 1], word.before) or end < len(tokens) and _fits(tokens[end], word.after)
        for start, end in holding)


def unmark_held(snippet: str, encoded: str | None, marks: tuple[str, str]) -> str:
    """``snippet`` (FTS5's, its terms between ``marks``) without the marks around an occurrence of a
    word of ``encoded`` that does not count there (``_occurrence_counts``, read in the snippet): FTS5
    marks each occurrence of the syllables, also "dân vận" in "nhân dân vận động" and "xã" in "xã hội"
    when the search found "Ban Dân vận" or "cán bộ xã" elsewhere."""
    words = [word for words in _branches(encoded) for word in words] if encoded else []
    if not words or marks[0] not in snippet:
        return snippet
    marked = _marked(marks)
    plain, cased = _lowered(marked.sub(_unmarked, snippet))
    stray, shift = [], 0
    for term in marked.finditer(snippet):
        start = term.start() - shift  # where the term is in ``plain``
        shift += len(term.group()) - len(term.group(1))
        end = start + len(term.group(1))
        found = [(occurrence, form, word) for word in words for form in word.spellings
                 if (occurrence := _pattern(form).match(plain, start)) and occurrence.end() == end]
        if not (any(_occurrence_counts(plain, *each, cased) for each in found) if found
                else not _part_of_a_word(FTS_TOKEN.findall(term.group(1).lower()), words)):
            stray.append(term.span())
    for start, end in reversed(stray):
        snippet = snippet[:start] + snippet[start + len(marks[0]):end - len(marks[1])] + snippet[end:]
    return snippet


@functools.lru_cache(maxsize=4)
def _marked(marks: tuple[str, str]) -> re.Pattern:
    """A term of a snippet between ``marks``, the term its group 1."""
    opening, closing = map(re.escape, marks)
    return re.compile(f"{opening}([^{opening}{closing}]*){closing}")


def _unmarked(term: re.Match) -> str:
    return term.group(1)


def _part_of_a_word(inside: list[str], words: list[QueryWord]) -> bool:
    """Whether marked tokens are the start or the end of a word of several syllables, not all of it:
    FTS5 cuts a passage inside a phrase it marks ("Nhân [dân]…"), where whether it counts is not seen."""
    return any(len(form) > len(inside) and (all(_fits(token, (syllable,)) for token, syllable in zip(inside, form))
                                            or all(_fits(token, (syllable,)) for token, syllable
                                                   in zip(inside, form[len(form) - len(inside):])))
               for word in words for form in word.spellings)


def snippet_of(title: str | None, lead: str | None, text: str | None, encoded: str, marks: tuple[str, str],
               size: int = SNIPPET_TOKENS) -> str | None:
    """A snippet of about ``size`` words of the first of the article's title, lead and text (search
    forms) where a word of ``encoded`` counts, around its first such occurrence, each occurrence that
    counts between ``marks`` and "…" where the column is cut; None when no word counts anywhere. For
    the articles whose FTS5 snippet shows only occurrences that do not count ("nhân dân vận động")."""
    words = [word for words in _branches(encoded) for word in words]
    for written in filter(None, (title, lead, text)):
        whole, cased = _lowered(written)
        counting = sorted({found.span() for word in words for form in word.spellings for found in _occurrences(whole, form)
                           if _occurrence_counts(whole, found, form, word, cased)})
        if counting:
            return _cut(written, counting, marks, size)
    return None


def _cut(written: str, counting: list[tuple[int, int]], marks: tuple[str, str], size: int) -> str:
    """``size`` words of ``written`` from a quarter of them before the first of the spans ``counting``,
    the spans in it between ``marks``."""
    tokens = [token.span() for token in FTS_TOKEN.finditer(written) if token.group() != BOUNDARY]
    first = next(k for k, (start, _) in enumerate(tokens) if start >= counting[0][0])
    low = max(0, first - size // 4)
    high = min(len(tokens), low + size)
    begin = tokens[low][0] if low else 0
    end = tokens[high - 1][1] if high < len(tokens) else len(written)
    pieces, at = ["…" if low else ""], begin
    for start, stop in counting:
        if start >= at and stop <= end:
            pieces += [written[at:start], marks[0], written[start:stop], marks[1]]
            at = stop
    return "".join(pieces + [written[at:end], "…" if high < len(tokens) else ""])


def _around(whole: str, found: re.Match) -> tuple[list[str], tuple[int, int]]:
    """The tokens of an occurrence and WINDOW on either side, and where the occurrence is among them."""
    before, after = _tokens_before(whole, found.start(), WINDOW), _tokens_after(whole, found.end(), WINDOW)
    inside = FTS_TOKEN.findall(found.group())
    return before + inside + after, (len(before), len(before) + len(inside))


def _holding(tokens: list[str], position: int) -> Iterator[tuple[int, int]]:
    """The spans of the syllable at ``position`` and of each dictionary word holding it."""
    for start in range(max(0, position - LONGEST_WORD + 1), position + 1):
        for size in range(position - start + 1, LONGEST_WORD + 1):
            if size == 1 or _is_word(tokens, start, size):
                yield start, start + size


def _fits(token: str, syllables: tuple[Syllable, ...]) -> bool:
    """Whether a token of the text is one of ``syllables`` (as written where exact, else folded)."""
    return any(token == typed if exact else _folded(token) == typed for typed, exact in syllables)


_folded = functools.lru_cache(maxsize=65_536)(fold_key)  # a text's tokens repeat: each is folded once


@functools.lru_cache(maxsize=256)
def _pattern(form: Spelling) -> re.Pattern:
    """The syllables with only non-token characters between them, the last ending a token (the caller
    checks that the first starts one: a pattern opening with the syllable is searched for fast); a
    syllable given folded matches each letter with any diacritic (lower case, as the text is read)."""
    def syllable(typed: str, exact: bool) -> str:
        return re.escape(typed) if exact else "".join(_letter_classes().get(letter, re.escape(letter))
                                                          for letter in typed)
    return re.compile(r"[\W_]+".join(syllable(*s) for s in form) + r"(?![^\W_])")


@functools.cache
def _letter_classes() -> dict[str, str]:
    """Each unaccented letter as a class of the lower-case Latin letters that fold to it ("d" -> "[dđ]")."""
    variants: dict[str, list[str]] = {}
    for code in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)):
        letter = chr(code)
        base = fold(letter)
        if letter == letter.lower() and len(base) == 1 and base.isascii() and base.isalpha() and base != letter:
            variants.setdefault(base, []).append(letter)
    return {base: f"[{base}{''.join(found)}]" for base, found in variants.items()}


def _tokens_before(whole: str, at: int, count: int, boundaries: bool = True) -> list[str]:
    """The ``count`` tokens of ``whole`` just before character ``at`` (fewer at its start); without
    ``boundaries``, the ``count`` syllables, clause boundaries left out."""
    reach = 16 * count
    while True:
        start = max(0, at - reach)
        tokens = _kept(FTS_TOKEN.findall(whole, start, at), boundaries)
        if len(tokens) > count or start == 0:  # past ``count``, the first token may be cut: it is left out
            return tokens[-count:]
        reach *= 2


def _tokens_after(whole: str, at: int, count: int, boundaries: bool = True) -> list[str]:
    """The ``count`` tokens of ``whole`` just after character ``at`` (fewer at its end); without
    ``boundaries``, the ``count`` syllables."""
    reach = 16 * count
    while True:
        end = min(len(whole), at + reach)
        tokens = _kept(FTS_TOKEN.findall(whole, at, end), boundaries)
        if len(tokens) > count or end == len(whole):
            return tokens[:count]
        reach *= 2


def _kept(tokens: list[str], boundaries: bool) -> list[str]:
    return tokens if boundaries else [token for token in tokens if token != BOUNDARY]


def _fewest_words(tokens: list[str], lengths: list[list[int]], kept: tuple[int, int] | None = None) -> int:
    """The fewest dictionary words (a lone syllable is one) that ``tokens`` can be cut into, ``lengths``
    giving the words that start at each position (``_all_lengths``); with
    ``kept``, a span no word may cross: none may begin before it and end inside it, or begin inside
    it and end after it (a longer word may hold it whole: "công chứng" in "công chứng viên"; a
    title may end at its first syllable: "Trưởng ban Tuyên giáo", and a body begin at a title's
    last: "Phó ban chỉ huy")."""
    end = len(tokens)
    fewest = [0] + [end] * end  # fewest words up to each position
    for position in range(end):
        here = fewest[position]
        if tokens[position] == BOUNDARY:
            fewest[position + 1] = min(fewest[position + 1], here)
            continue
        for size in lengths[position]:
            word_end = position + size
            if kept and _crosses(tokens, position, word_end, *kept):
                continue
            fewest[word_end] = min(fewest[word_end], here + 1)
    return fewest[-1]


def _crossed(tokens: list[str], kept: tuple[int, int]) -> bool:
    """Whether a dictionary word of the text crosses an edge of the span ``kept`` (as ``_crosses`` says).
    Only the words that could are looked up: one starting before the span and ending inside it,
    or starting inside it (after its first syllable) and ending after it."""
    start, end = kept
    if not (_in_a_word(tokens, start) or _in_a_word(tokens, end)):
        return False  # a word crossing an edge holds the two syllables on either side of it
    for position in range(max(0, start - LONGEST_WORD + 1), end):
        if position < start:
            sizes = range(start - position + 1, min(end - position, LONGEST_WORD + 1))
        else:
            sizes = range(end - position + 1 if position > start else LONGEST_WORD + 1, LONGEST_WORD + 1)
        if any(_is_word(tokens, position, size) and _crosses(tokens, position, position + size, start, end)
               for size in sizes):
            return True
    return False


def _in_a_word(tokens: list[str], k: int) -> bool:
    """Whether some dictionary entry holds ``tokens[k - 1]`` and ``tokens[k]`` side by side (False at
    either end): where none does, no word of the text spans the edge before ``tokens[k]``."""
    return 0 < k < len(tokens) and f"{tokens[k - 1]} {tokens[k]}" in dictionary_pairs()


def _crosses(tokens: list[str], word_start: int, word_end: int, start: int, end: int) -> bool:
    if word_start < start < word_end < end:
        return not (word_end == start + 1 and " ".join(tokens[word_start:word_end]) in _titles())
    return start < word_start < end < word_end and not (
        word_start == end - 1 and " ".join(tokens[start:end]) in _titles())


def _all_lengths(tokens: list[str]) -> list[list[int]]:
    return [_lengths(tokens, position) for position in range(len(tokens))]


def _is_word(tokens: list[str], position: int, size: int) -> bool:
    """Whether the ``size`` tokens at ``position`` are a dictionary word: none of them after the first
    is a clause boundary (``BOUNDARY``), and the dictionary lists them."""
    return (position + size <= len(tokens) and BOUNDARY not in tokens[position + 1:position + size]
            and " ".join(tokens[position:position + size]) in dictionary_key_set())


def _lengths(tokens: list[str], position: int) -> list[int]:
    """Lengths of the dictionary words starting at ``position`` (1 for a lone syllable)."""
    return [1] + [size for size in range(2, LONGEST_WORD + 1) if _is_word(tokens, position, size)]


@functools.cache
def _titles() -> frozenset[str]:
    return frozenset(" ".join(FTS_TOKEN.findall(search_form(title))) for title in offices().titles)
