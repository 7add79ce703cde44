"""A user's search query as one FTS5 MATCH expression, on the table that answers it.

Semantics (mode "as-typed", the default):

- Plain syllables are grouped into Vietnamese words (data.words); a word of several syllables
  must occur as that word, its syllables adjacent and in order: a phrase, spelled as the
  lexicon spells it where it knows the word ("bi thu" is "bí thư", not "bị thu"). Two words of
  one syllable typed side by side are one phrase, a word the lexicon lacks ("tin giả"), on either
  side of a clause boundary too. Every word is required (FTS5's implicit AND).
- A syllable typed with diacritics matches that syllable only (case and tone-mark placement
  aside: "Thành uỷ" = "thành ủy"); one typed without any matches it with any ("ho ngheo" finds
  "hộ nghèo"; "ban dân vận" finds "Ban Dân vận", not "bản dân văn").
- FTS5 syntax is kept: "quoted phrases", AND, OR, NOT, NEAR(...), prefix*, parentheses and
  title:/lead:/text: column filters (in any case).

Where it runs: a query with no syllable typed with diacritics and no word the lexicon spells, on
the accent-insensitive table; one with no syllable left to any spelling, on the exact table; a
mixed one on the exact table too, each syllable left to any spelling written out as every syllable
with those letters the index holds ("ho ngheo dang" -> "hộ nghèo" AND ("dang" OR "đảng" OR "đang"
…)). Where that cannot be written (a NEAR group, more than MAX_SPELLINGS spellings of one word) the
query runs accent-insensitively and says so (``Match.loosened``). Modes "exact" and
"accent-insensitive" take every syllable one way, as typed.

A prefix that continues a word begun by the syllables typed before it is the lexicon's words it
continues ("chuyển đổi s*": "chuyển đổi số", "xúc tiến*": "xúc tiến"); another ("tuyen*") is written
out as the tokens of the index it starts, when there are at most MAX_COMPLETIONS: FTS5 reads a
prefix's lists whole before the first hit, the written-out words from their newest end.
"""
from __future__ import annotations

import functools
import itertools
import math
import re
from collections.abc import Collection
from dataclasses import dataclass, replace
from typing import Callable

from data.textnorm import BOUNDARY, FTS_TOKEN, NotUTF8, typed_text
from data.wordedges import NEAR, NUMBERED_NEAR, QueryWord, either_json, words_json
from data.words import (accented, fits, folded, i_y_spellings, is_acronym, is_level, is_person_name, is_place, ward_end,
                        word_forms, word_spans, words_begun)
from nlp.gazetteer import gazetteer
from nlp.vietnamese import search_form

MODES = ("as-typed", "exact", "accent-insensitive")
PAIR_TABLES = {"accent-insensitive": "articles_fts_pairs", "exact": "articles_fts_exact_pairs"}
# every FTS table (Index.merge_search and optimize_search merge each): the syllables by mode, then the pairs
FTS_TABLES = {"accent-insensitive": "articles_fts", "exact": "articles_fts_exact",
              **{f"{mode} pairs": table for mode, table in PAIR_TABLES.items()}}
MAX_SPELLINGS = 64  # spellings of one word written out for a mixed query, at most
MAX_COMPLETIONS = 64  # tokens a prefix is written out as, at most (else FTS5 reads the prefix)
MAX_SYLLABLES = 100  # a longer query is refused: FTS5's cost grows with every phrase of it

_ROMAN_NUMERAL = re.compile(r"(?i)l?x{0,3}(?:ix|iv|v?i{0,3})")  # I to LXXXIX (a syllable is never empty)

_QUERY_TOKEN = re.compile(r'''
    (?P<phrase>"(?:[^"]|"")*")(?P<phrase_star>\s*\*)?
  | (?P<unclosed>")
  | (?P<operator>\b(?:AND|OR|NOT)\b)
  | (?P<near>\bNEAR\()
  | (?P<column>\b(?i:title|lead|text)\s*:)
  | (?P<paren>[()])
  | (?P<distance>,\s*\d+(?=\s*\)))
  | (?P<word>[^\s"()*,]+(?:,[^\s"()*,]+)*)(?P<star>\*)?
  | (?P<other>\S)
''', re.VERBOSE)
_SYNTAX = {"phrase", "operator", "near", "column", "paren", "distance"}
# words of letters joined by hyphens ("tuyến buýt-Tân Sơn Nhất", "vắc-xin"): syllables of a run, as if spaced;
# not a code ("05-CT/TW", "UBND-VX")
_HYPHENED = re.compile(r'(?<![^\s(])[^\W\d_]+(?:-[^\W\d_]+)+(?=[\s)?.!,;:]|$)')

Spellings = Callable[[str], list[str]]  # a folded syllable -> the syllables with its letters in the index
# a prefix and whether it is exact (else folded) -> the index's tokens it starts (exact or folded),
# or None when there are more than MAX_COMPLETIONS
Completions = Callable[[str, bool], "list[str] | None"]


def pair_tokens(syllables) -> list[str]:
    """The tokens of a pair table: each two adjacent syllables joined by "_" ("hội_nghị")."""
    return [f"{a}_{b}" for a, b in zip(syllables, syllables[1:])]


class Spelled(str):
    """A syllable as the lexicon spells a word: matched as it is, even without diacritics."""


class QueryError(ValueError):
    """A search query or filter that cannot run; the message is one line."""


def shown(value) -> str:
    """``value`` quoted for an error message, cut short so that the message stays one short line."""
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "…"


def typed(value: str | None, what: str) -> str | None:
    """``value`` as textnorm.typed_text reads it; QueryError for undecodable command-line bytes."""
    if value is None:
        return None
    try:
        return typed_text(value)
    except NotUTF8:
        raise QueryError(f"{what} {shown(value)} is not valid UTF-8 text") from None


@dataclass(frozen=True)
class Phrase:
    """Syllables (search forms) that must occur in this order, or in one of the ``alternatives``
    orders; ``star``: the last is a prefix; ``joined``: two words of one syllable read as one."""
    syllables: tuple[str, ...]
    star: bool = False
    in_near: bool = False
    alternatives: tuple[tuple[str, ...], ...] = ()
    quoted: bool = False
    joined: bool = False
    name: bool = False  # each syllable typed with a capital, or as an acronym ("Sài Gòn", "HCM", "XIII")
    acronym: bool = False  # one syllable typed as an acronym ("THPT", "UBND", "mttq")
    bare: tuple[tuple[str, ...], ...] = ()  # of its forms, those citing a document by type and number alone

    @property
    def forms(self) -> tuple[tuple[str, ...], ...]:
        return (self.syllables, *self.alternatives)


@dataclass(frozen=True)
class Match:
    """What to run: ``expression`` MATCHed against ``table``. ``loosened``: syllables typed with
    diacritics were matched without them, as the query could not be written out otherwise.
    ``together``: for a query of plain words, the expression that finds them side by side and in
    order (the whole query as one phrase), which ranking puts first; else None. ``pairs``: the
    same query on the table of syllable pairs (PAIR_TABLES), when each of its phrases has two
    syllables or more (and no prefix or NEAR): it then reads the short lists of rare pairs
    instead of the long lists of common syllables; else None. ``words``: for a query of plain
    words (no quotes or FTS5 syntax), the words an article must hold as words, not as parts of
    longer ones (data.wordedges, JSON); else None. ``joined``: the words of one syllable typed side
    by side that are read as one word ("tin giả"), which a query finding nothing may have meant apart.
    ``sure``: for a query of one document typed with its code, found also where it is cited by type and
    number alone (``Phrase.bare``), the expression of its spellings with the code, whose every match
    holds it and is counted without being read; else None."""
    table: str
    expression: str
    loosened: bool = False
    together: str | None = None
    pairs: Match | None = None
    words: str | None = None
    joined: tuple[str, ...] = ()
    sure: str | None = None


def compile_query(query: str, mode: str = "as-typed", spellings: Spellings | None = None,
                  completions: Completions | None = None) -> Match:
    """The Match for a user's ``query`` in ``mode``; ``spellings`` lists the index's syllables of a
    folded syllable (a mixed as-typed query needs it, else it runs accent-insensitively),
    ``completions`` the index's tokens a prefix starts (without it a prefix stays FTS5's)."""
    if mode not in MODES:
        raise QueryError(f"unknown search mode {mode!r}: use one of {', '.join(MODES)}")
    parts = _parts(query, spell=mode == "as-typed")
    words = _as_words(parts, mode)  # before prefixes are written out as words
    if not any(isinstance(part, Phrase) for part in parts):
        raise QueryError(f"search query {shown(query)} has no words to search for")
    syllables = [s for part in parts if isinstance(part, Phrase) for form in part.forms for s in form
                 if _has_letters(s)]
    if mode == "as-typed":
        if not any(accented(s) or isinstance(s, Spelled) for s in syllables):
            mode = "accent-insensitive"
        elif not any(_loose(s) for s in syllables):
            mode = "exact"
    if completions is not None:
        parts = [_completed(part, mode, completions) if isinstance(part, Phrase) else part for part in parts]
    if all(isinstance(part, Phrase) for part in parts):
        parts = list(dict.fromkeys(parts))  # a word typed twice is required once
    joined = tuple(" ".join(part.syllables) for part in parts if isinstance(part, Phrase) and part.joined)
    if mode != "as-typed":
        match = _match(mode, parts, lambda phrase, pairs: _plain(phrase, mode, pairs), words=words)
    else:
        try:
            match = _match("exact", parts, lambda phrase, pairs: _written_out(phrase, spellings, pairs), words=words)
        except _CannotWriteOut:
            match = _match("accent-insensitive", parts, lambda phrase, pairs: _plain(phrase, "accent-insensitive", pairs),
                           loosened=True, words=words)
    return replace(match, joined=joined)


def _as_words(parts: list[Phrase | str], mode: str) -> str | None:
    """The words of a query of plain words only, none a code ("Chỉ thị 05", "05-CT/TW" match as
    they are) or a person's name typed with capitals ("Triệu Lệ Khánh"), for data.wordedges: those
    of two syllables or more, and those of one in a query of several words, with the syllables the
    query puts beside them; such a word not typed as a name beside a common word of several
    syllables (``_common``) must stand near it in the text ("an ninh mạng", "năm học mới": compounds
    the dictionary lacks, written together). Each spelling's syllables are exact where typed with
    diacritics or spelled by the lexicon (all in mode "exact"), else folded (all in mode
    "accent-insensitive"). A document cited by type and number alone (``Phrase.bare``) is held to no
    other code after the number. A place typed with a capital on each syllable is the place, matched only where
    the text writes it so ("Hòa Bình", not "hòa bình": peace). Plain words joined by OR are branches,
    each checked so, when every word of every branch is ("nhà ở xã hội OR nhà xã hội": FTS5 reads AND
    before OR). None when the query has quotes or other FTS5 syntax, or no such word."""
    branches = [list(group) for is_or, group in itertools.groupby(parts, lambda part: part == "OR") if not is_or]
    if not all(isinstance(part, Phrase) and not (part.star or part.in_near or part.quoted)
               for branch in branches for part in branch):
        return None
    checked = [_branch_words(branch, mode) for branch in branches]
    if len(branches) == 1:
        return words_json(checked[0]) if checked[0] else None
    if not all(len(words) == len(branch) for words, branch in zip(checked, branches)):
        return None  # a branch with a word left unchecked may be what matched
    return either_json(checked)


def _branch_words(parts: list[Phrase], mode: str) -> list[QueryWord]:
    """The words of plain words all required (``_as_words``)."""
    def exact(syllable: str) -> bool:
        return mode == "exact" or (mode == "as-typed" and (accented(syllable) or isinstance(syllable, Spelled)))

    def syllable(typed: str) -> tuple[str, bool]:
        return (typed, True) if exact(typed) else (folded(typed), False)

    def beside(part: Phrase, end: int) -> tuple[tuple[str, bool], ...]:
        return tuple(dict.fromkeys(syllable(form[end]) for form in part.forms))

    words = []
    for at, part in enumerate(parts):
        spellings = tuple(tuple(syllable(s) for s in form) for form in part.forms)
        if part.bare:
            words.append(QueryWord(spellings, bare=tuple(spelled for form, spelled in zip(part.forms, spellings)
                                                         if form in part.bare)))
            continue
        if _has_number(part) and not _numeral(part) or part.name and is_person_name(part.syllables):
            continue  # a code or a person's name is never cut ("bà Triệu Lệ Khánh": not "Bà Triệu")
        if any(len(form) > 1 for form in part.forms):
            words.append(QueryWord(spellings, cased=part.name and all(is_place(form) for form in part.forms)))
        elif len(parts) > 1:
            words.append(QueryWord(spellings, beside(parts[at - 1], -1) if at else (),
                                   beside(parts[at + 1], 0) if at + 1 < len(parts) else (), _held_near(parts, at)))
    return words


def _held_near(parts: list[Phrase], at: int) -> int:
    """How near the words beside it the word of one syllable at ``at`` must stand (``QueryWord.near``;
    0: anywhere): within NUMBERED_NEAR syllables when it is a Roman numeral or a number, which numbers
    the word beside it ("Đại hội XIII", "khóa XV", "Trung ương 4"); within NEAR when it is not typed as
    a name and a common word of several syllables (``_common``) stands beside it, when it is an
    acronym and a common word of the dictionary does ("thi THPT quốc gia"; not two words of one
    syllable read as one: "mttq | và các đoàn thể"), and when it is a level and the place it is the
    level of is typed after it ("TP Nha Trang": not "TP HCM" with "Nha Trang" further on)."""
    if _roman_numeral(parts[at]) or _numeral(parts[at]):
        return NUMBERED_NEAR
    beside = parts[max(0, at - 1):at] + parts[at + 1:at + 2]
    if at + 1 < len(parts) and is_level(parts[at].syllables) and any(map(is_place, parts[at + 1].forms)):
        return NEAR
    if parts[at].acronym:
        return NEAR if any(_common(part) and not part.joined for part in beside) else 0
    return NEAR if not parts[at].name and any(map(_common, beside)) else 0


def _roman_numeral(part: Phrase) -> bool:
    """Whether a word of one syllable is a Roman numeral typed in capitals ("XIII")."""
    return part.name and bool(_ROMAN_NUMERAL.fullmatch(part.syllables[0]))


def _numeral(part: Phrase) -> bool:
    """Whether a word is a number of digits alone ("4" in "Nghị quyết Trung ương 4", "2023")."""
    return all(len(form) == 1 and form[0].isdigit() for form in part.forms)


def _has_number(part: Phrase) -> bool:
    """Whether a word holds a number or a code ("05", "05-CT/TW")."""
    return any(s[:1].isdigit() for form in part.forms for s in form)


def _common(part: Phrase) -> bool:
    """Whether a word is a common word of several syllables: not typed as a name (each syllable
    capitalised: "Sài Gòn"), no place the gazetteer lists ("ha noi"), no number."""
    return not part.name and not _has_number(part) and all(len(form) > 1 and not is_place(form) for form in part.forms)


def _match(mode: str, parts: list[Phrase | str], write: Callable[[Phrase, bool], str],
           loosened: bool = False, words: str | None = None) -> Match:
    """The Match on the table of syllables, with its twin on the table of pairs where that answers."""
    def match(table: str, pairs: bool, pairs_match: Match | None = None) -> Match:
        def written(phrase: Phrase) -> str:
            return write(phrase, pairs)
        return Match(table, _expression(parts, written), loosened, _together(parts, written), pairs_match, words,
                     sure=_with_code(parts, written) if words else None)

    return match(FTS_TABLES[mode], False, match(PAIR_TABLES[mode], True) if _pairs_answer(parts) else None)


def _with_code(parts: list[Phrase | str], write: Callable[[Phrase], str]) -> str | None:
    """For a query of one document typed with its code, its spellings with the code, written; else None."""
    if len(parts) != 1 or not isinstance(parts[0], Phrase) or not parts[0].bare:
        return None
    coded = [form for form in parts[0].forms if form not in parts[0].bare]
    return write(Phrase(coded[0], alternatives=tuple(coded[1:]))) if coded else None


def _completed(phrase: Phrase, mode: str, completions: Completions) -> Phrase:
    """A prefix phrase as the phrases of the index's tokens its prefix starts ("chuyển đổi s*" ->
    "chuyển đổi số", "chuyển đổi sở", …): exact tokens for a prefix typed with diacritics (or in
    mode "exact"), folded ones otherwise. Unchanged when not a prefix, in a NEAR group (which
    takes phrases only), or the prefix starts no token or too many."""
    if not phrase.star or phrase.in_near:
        return phrase
    prefix = phrase.syllables[-1]
    exact = mode == "exact" or (mode == "as-typed" and accented(prefix))
    tokens = completions(prefix if exact else folded(prefix), exact)
    if not tokens:
        return phrase
    forms = [form[:-1] + (token,) for form in phrase.forms for token in tokens]
    return Phrase(forms[0], alternatives=tuple(forms[1:]))


def _pairs_answer(parts: list[Phrase | str]) -> bool:
    """Whether the pair table answers these parts: every phrase of two syllables or more (in each of
    its forms), none a prefix or in a NEAR group (whose distances count syllables)."""
    return all(not part.star and not part.in_near and all(len(form) >= 2 for form in part.forms)
               if isinstance(part, Phrase) else part != "NEAR(" for part in parts)


def _together(parts: list[Phrase | str], write: Callable[[Phrase], str]) -> str | None:
    """The plain words of ``parts`` as one phrase, written; None for one word, FTS syntax, or too
    many spellings."""
    if len(parts) < 2 or not all(isinstance(p, Phrase) and not p.star and not p.in_near for p in parts) \
            or math.prod(len(part.forms) for part in parts) > MAX_SPELLINGS:
        return None
    forms = [tuple(s for form in combination for s in form) for combination in
             itertools.product(*(part.forms for part in parts))]
    try:
        return write(Phrase(forms[0], alternatives=tuple(forms[1:])))
    except _CannotWriteOut:
        return None


def _parts(query: str, spell: bool) -> list[Phrase | str]:
    """The query as phrases (plain words grouped into words, spelled as the lexicon spells them if
    ``spell``) and FTS5 syntax kept as written."""
    text = typed(query, "search query").replace("\x00", " ")  # FTS5 reads a NUL as the query's end
    text = _HYPHENED.sub(lambda m: m.group() if m.group().isupper() else m.group().replace("-", " "), text)
    if len(FTS_TOKEN.findall(text)) > MAX_SYLLABLES:
        raise QueryError(f"search query {shown(query)} has more than {MAX_SYLLABLES} syllables: shorten it")
    tokens = [("word" if m.group("word") else "phrase" if m.group("phrase") else m.lastgroup, m)
              for m in _QUERY_TOKEN.finditer(text)]
    if any(kind == "unclosed" for kind, _ in tokens):
        raise QueryError(f"unbalanced double quote in search query {shown(query)}")
    advanced = any(kind in _SYNTAX or m.group("star") or m.group("phrase_star") for kind, m in tokens)
    parts: list[Phrase | str] = []
    run: list[tuple[str, bool, bool]] = []  # plain one-syllable words waiting to be grouped into words
    commas: set[int] = set()  # where in the run a comma was typed
    groups: list[str] = []  # the open NEAR( and ( groups, innermost last
    for kind, m in tokens:
        in_near = "near" in groups
        if kind == "other" and m.group() in ",;" and run:
            commas.add(len(run))  # "phòng, chống dịch": the words as typed without it, the comma optional
            continue
        if kind == "word" and m.group("star") and run and not in_near \
                and (begun := _word_begun(run, m.group("word"), spell)):
            parts += begun  # "xúc tiến*": the words that start "xúc tiến", not "xúc" and "tiến*"
            run = []
            continue
        if kind == "word" and not m.group("star") and not in_near:
            found = FTS_TOKEN.findall(search_form(m.group("word")))
            if len(found) == 1:
                run.append(_in_run(found[0], m.group("word")))
                continue
            office = _office_before_place(run, m.group("word"), spell)
            if office:
                parts += office[0]
                run = office[1]
                continue
        parts += _words(run, spell, commas)
        run, commas = [], set()
        if kind in ("word", "phrase"):
            text = m.group("word") if kind == "word" else m.group()[1:-1].replace('""', '"')
            found = tuple(FTS_TOKEN.findall(search_form(text)))
            if found:
                parts.append(Phrase(found, bool(m.group("star") or m.group("phrase_star")), in_near,
                                    quoted=kind == "phrase"))
        elif advanced and kind != "other":
            if kind == "near" or m.group() == "(":
                groups.append(kind)
            elif m.group() == ")" and groups:
                groups.pop()
            parts.append(m.group().strip().lower() if kind == "column" else m.group().strip())
    return _document_references(parts + _words(run, spell, commas))


def _word_begun(run: list[tuple[str, bool, bool]], typed: str, spell: bool) -> list[Phrase] | None:
    """The run's words when the prefix ``typed`` after them continues the last into words of the lexicon
    (``words_begun``), that last then those words up to the syllable the prefix starts: "chuyển đổi
    s*" is "chuyển đổi số", "xúc tiến*" "xúc tiến"; None when it continues none ("công an h*")."""
    found = FTS_TOKEN.findall(search_form(typed))
    words = _words(run, spell)
    begun = len(found) == 1 and words_begun([s for s, _, _ in run[-len(words[-1].syllables):]], found[0])
    if not begun:
        return None
    forms = [tuple(map(Spelled, word)) for word in begun]
    return words[:-1] + [Phrase(forms[0], alternatives=tuple(forms[1:]))]


def _office_before_place(run: list[tuple[str, bool, bool]], typed: str,
                         spell: bool) -> tuple[list[Phrase], list[tuple[str, bool, bool]]] | None:
    """When a body ends the run and the level that opens a dotted place typed after it goes with the
    body, the run's words and the place's syllables as a new run: "TAND TP.HCM" is the office "TAND TP"
    and "HCM", as "TAND TP HCM" is; else None ("TP.HCM" alone, or after no body, stays one phrase)."""
    level, *place = typed.strip(".").split(".")
    syllables = [FTS_TOKEN.findall(search_form(part)) for part in (level, *place)]
    if not run or not place or any(len(found) != 1 for found in syllables):
        return None
    words = _words([*run, (syllables[0][0], False, _acronym(level))], spell)
    last = words[-1]
    if len(last.syllables) < 2 or last.syllables[-1] != syllables[0][0] or last.joined:
        return None
    return words, [_in_run(found[0], part) for part, found in zip(place, syllables[1:])]


def _in_run(syllable: str, typed: str) -> tuple[str, bool, bool]:
    """A syllable waiting in a run to be grouped into words, with how it was typed: capitalised, an acronym
    (typed in capitals, or one the gazetteer knows typed in lower case: "mttq")."""
    return syllable, _capitalised(typed), _acronym(typed) or is_acronym(syllable)


def _capitalised(typed: str) -> bool:
    """Whether a word was typed with a capital and is no acronym: "Nội", not "UBND" or "TP"."""
    return typed[:1].isupper() and not _acronym(typed)


def _document_references(parts: list[Phrase | str]) -> list[Phrase | str]:
    """A document type followed by a number is one reference: "Chỉ thị 05" matches "Chỉ thị 05-CT/TW"
    and "Chỉ thị số 05", not "Chỉ thị số 20-CT/TW, ngày 05-11-2012". A code with its year and type
    also matches as the citations that leave out the type's code: "46/2016/NĐ-CP" finds "Nghị định
    46/2016" and "Nghị định số 46/2016" (a code without a year, "05-CT/TW", names no document
    without it: many documents are Chỉ thị 05). A type and a number typed with more of the code also
    match a citation by the type and number alone, where no other code follows the number ("Nghị định
    116/2017" finds "Nghị định 116" and "Nghị định số 116 ngày ...", not "Nghị định 116/2020/NĐ-CP":
    data.wordedges checks that). A "số" typed between type and number is theirs
    ("nghi quyet so 15" is "Nghị quyết 15"). A law, cited by its name, is one phrase with the word
    of two syllables or more after it ("Luật Cư trú", "Bộ luật Hình sự"), not "luật" anywhere."""
    merged: list[Phrase | str] = []
    for part in parts:
        numbered = isinstance(part, Phrase) and part.syllables[0][:1].isdigit()
        if numbered and len(merged) >= 2 and _number_word(merged[-1]) and _document_type(merged[-2]):
            merged.pop()  # the reference's forms hold it
        previous = merged[-1] if merged else None
        if numbered and _document_type(previous):
            short = part.syllables[:2] if _code_type(part.syllables) else None  # "Nghị định 46/2016/NĐ-CP"
            alone = part.syllables[:1]  # "Nghị định 116/2017" is also cited "Nghị định 116"
            bare = tuple(previous.syllables + cited for cited in (alone, ("số",) + alone)) \
                if len(part.syllables) > 1 and alone[0].isdigit() else ()
            merged[-1] = Phrase(previous.syllables + part.syllables, part.star, part.in_near,
                                tuple(previous.syllables + number for number in filter(None, (
                                    ("số",) + part.syllables, short, short and ("số",) + short))) + bare, bare=bare)
        elif _typed_plainly(part) and len(part.syllables) > 1 and not numbered and _typed_plainly(previous) \
                and any(fits(previous.syllables, law) for law in _NAMED_DOCUMENTS):
            forms = [a + b for a, b in itertools.product(previous.forms, part.forms)]
            merged[-1] = Phrase(forms[0], alternatives=tuple(forms[1:]))
        elif _typed_plainly(part) and not part.alternatives and (named := _code_type(part.syllables)):
            number_year = part.syllables[:2]
            merged.append(Phrase(part.syllables, alternatives=(named + number_year, named + ("số",) + number_year)))
        else:
            merged.append(part)
    return merged


def _document_type(part: Phrase | str | None) -> bool:
    """Whether a part is a document type typed as words ("Chỉ thị", "nghi quyet")."""
    return _typed_plainly(part) and any(fits(part.syllables, kind) for kind in _document_types())


_NAMED_DOCUMENTS = (("luật",), ("bộ", "luật"), ("pháp", "lệnh"), ("hiến", "pháp"))  # cited by name


def _typed_plainly(part: Phrase | str | None) -> bool:
    """Whether a part is a word typed plainly (not quoted, a prefix or in a NEAR group)."""
    return isinstance(part, Phrase) and not (part.in_near or part.star or part.quoted)


def _number_word(part: Phrase | str) -> bool:
    """Whether a part is the word "số" (number), typed with or without its accents."""
    return _typed_plainly(part) and len(part.syllables) == 1 and fits(part.syllables, ("số",))


@functools.cache
def _document_types() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(FTS_TOKEN.findall(search_form(word))) for word in gazetteer().doc_words)


_YEAR = re.compile(r"(?:19|20)\d\d")


def _code_type(syllables: tuple[str, ...]) -> tuple[str, ...] | None:
    """The document type, as syllables, of a code "number / year / type-issuer" ("46 2016 nđ cp"
    -> "nghị định"); None for anything else. A type code of both systems is the state's: only
    the state's codes carry the year."""
    if len(syllables) < 4 or not syllables[0].isdigit() or not _YEAR.fullmatch(syllables[1]):
        return None
    types = _coded_types()
    named = types.get((folded(syllables[2]), "state")) or types.get((folded(syllables[2]), "any"))
    return tuple(FTS_TOKEN.findall(search_form(named))) if named else None


@functools.cache
def _coded_types() -> dict[tuple[str, str], str]:
    """The gazetteer's document types by (type code folded, as typed with or without đ, and system)."""
    return {(folded(search_form(code)), system): name for (code, system), name in gazetteer().doc_types.items()}


def _words(run: list[tuple[str, bool, bool]], spell: bool, commas: Collection[int] = ()) -> list[Phrase]:
    """The run's words: each a phrase of its syllables as typed, or (``spell``) of the lexicon's
    spellings of it; two words of one syllable typed side by side are one phrase (``_two_alone``).
    A word across a comma typed at one of ``commas`` is also found with the text's clause boundary
    there ("phòng, chống dịch" finds "phòng chống dịch" and "phòng, chống dịch")."""
    syllables = [s for s, _, _ in run]
    words, alone = [], []
    for i, j in word_spans(syllables, [cap for _, cap, _ in run]):
        typed = tuple(syllables[i:j])
        spelled = [tuple(map(Spelled, form)) for form in word_forms(typed)] \
            if spell and ward_end(syllables, i) != j else []  # a commune: as typed
        if spelled and j - i > 1 and all(capitalised for _, capitalised, _ in run[i:j]) \
                and not any(map(is_place, spelled)):
            spelled.append(typed)  # typed as a name, maybe no common word: "An Sương", not only "ăn sương"
        forms = _both_spellings(spelled or [typed])
        forms += [form[:at - i] + (BOUNDARY,) + form[at - i:] for at in sorted(commas) if i < at < j
                  for form in forms if len(form) == j - i]
        words.append(Phrase(forms[0], alternatives=tuple(forms[1:]),
                            name=all(capitalised or acronym for _, capitalised, acronym in run[i:j]),
                            acronym=j - i == 1 and run[i][2]))
        alone.append(j - i == 1 and _joinable(words[-1]))
    return _two_alone(words, alone)


def _both_spellings(forms: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The forms with each lone i or y also written the other way (``i_y_spellings``: "kỉ luật" is also
    "kỷ luật", "bác sỹ" "bác sĩ"); a Spelled syllable stays one."""
    return list(dict.fromkeys(spelling for form in forms for spelling in i_y_spellings(form)))


def _joinable(word: Phrase) -> bool:
    """Whether a word of one syllable may be joined to the one beside it: a word of letters, not an
    acronym ("TP", "UBND") nor "số", which a document reference takes."""
    return word.syllables[0].isalpha() and not word.acronym and not _number_word(word)


def _two_alone(words: list[Phrase], alone: list[bool]) -> list[Phrase]:
    """The words with each two joinable words of one syllable (``alone``) that stand side by side
    joined as one phrase, pairing from the left: typed so, they are one word the dictionary lacks
    ("tin giả", "kẹt xe", "thu phí", "sông Hương", "Nội Bài"). The two may stand either side of a
    clause boundary (``Quỹ “Vì người nghèo”``)."""
    found, i = [], 0
    while i < len(words):
        pair = words[i:i + 2]
        if alone[i:i + 2] == [True, True] and 2 * len(pair[0].forms) * len(pair[1].forms) <= MAX_SPELLINGS:
            joined = list(itertools.product(pair[0].forms, pair[1].forms))
            forms = [a + b for a, b in joined] + [a + (BOUNDARY,) + b for a, b in joined]
            found.append(Phrase(forms[0], alternatives=tuple(forms[1:]), joined=True,
                                name=pair[0].name and pair[1].name))
            i += 2
        else:
            found.append(words[i])
            i += 1
    return found


def _acronym(typed: str) -> bool:
    """Whether a word was typed in capitals, as an acronym is ("UBND", "TP")."""
    return len(typed) > 1 and typed.isupper()


def _expression(parts: list[Phrase | str], write: Callable[[Phrase], str]) -> str:
    """The parts written out, with an explicit AND between two operands that stand side by side
    (FTS5 reads "a b" as "a AND b", but not "(a OR b) c")."""
    written: list[str] = []
    for part in parts:
        if isinstance(part, Phrase) and part.in_near:  # NEAR(a b c, 5) lists its phrases bare
            written.append(write(part))
            continue
        starts_operand = isinstance(part, Phrase) or part in ("(", "NEAR(") or part.endswith(":")
        if starts_operand and written and (written[-1] == ")" or written[-1].endswith(('"', '" *', ")"))) \
                and not written[-1].endswith(":"):
            written.append("AND")
        written.append(write(part) if isinstance(part, Phrase) else part)
    return " ".join(written)


def _has_letters(syllable: str) -> bool:
    """Whether a syllable has letters to spell (the clause boundary, a letter, matches as itself)."""
    return syllable != BOUNDARY and any(c.isalpha() for c in syllable)


def _loose(syllable: str) -> bool:
    """A syllable typed without diacritics: any of its spellings matches."""
    return _has_letters(syllable) and not accented(syllable) and not isinstance(syllable, Spelled)


def _quote(syllables, pairs: bool = False) -> str:
    """The syllables as an FTS5 phrase: as they are, or (``pairs``) as the tokens of the pair
    tables, each two adjacent syllables joined ("a b c" -> "a_b b_c")."""
    tokens = pair_tokens(syllables) if pairs else syllables
    return '"' + " ".join(tokens).replace('"', '""') + '"'


def _plain(phrase: Phrase, mode: str, pairs: bool = False) -> str:
    star = " *" if phrase.star else ""
    written = [_quote([folded(s) for s in form] if mode == "accent-insensitive" else form, pairs) + star
               for form in phrase.forms]
    return _either(list(dict.fromkeys(written)))


def _either(written: list[str]) -> str:
    return written[0] if len(written) == 1 else "(" + " OR ".join(written) + ")"


class _CannotWriteOut(Exception):
    pass


def _written_out(phrase: Phrase, spellings: Spellings | None, pairs: bool = False) -> str:
    """The phrase on the exact table: a syllable typed without diacritics becomes each of its
    spellings in the index, so the phrase becomes an OR of phrases."""
    if not any(_loose(s) for form in phrase.forms for s in form):
        return _plain(phrase, "exact", pairs)
    if spellings is None or phrase.star or phrase.in_near:
        raise _CannotWriteOut
    written = []
    for form in phrase.forms:
        options = [spellings(s) or [s] if _loose(s) else [s] for s in form]
        written += [_quote(combination, pairs) for combination in itertools.product(*options)]
        if len(written) > MAX_SPELLINGS:
            raise _CannotWriteOut
    return _either(written)
