"""Vietnamese words in a search query: which of its syllables stand together as one word.

Vietnamese writes one syllable per space and most words have two or three ("Thành ủy", "dân
vận", "chuyển đổi số"). A query's syllables are grouped by maximum matching (the longest word
first, left to right) against a lexicon: the general dictionary (Viet74K), the gazetteer's names
(titles, bodies, units, fields of work, places, "Ban Dân vận") and the taggers' word lists ("hộ
nghèo", "nông thôn mới"), right after "xã", "phường" or "thị trấn" the names of communes, wards and
townships ("xa don xa" is "xa" + "don xa", matched as typed), and person names (a capitalised
surname and one to three capitalised
syllables after it: "Đào Khánh Hà"; or, typed in lower case, a query of two to four syllables
starting with a surname that begins no word, "nguyen hoai nam", or of three or four whose syllables
between the first and the last are common middle names, "vo van thuong", not "vô vàn" + "thưởng";
"lam gia con dau" is "làm giả" + "con dấu"). A title and the bodies or level
it is held in read as one office ("Bí thư Huyện ủy", "chu tich xa", "Chủ tịch UBND tỉnh"), and so
do a body and its level ("UBND tỉnh"). A syllable typed without diacritics matches an entry's
syllable with any ("ban dan van" is "Ban Dân vận"); one typed with them must be that syllable
("bản dân văn" is no entry). A word the lexicon knows is then the lexicon's spellings of it
(``word_forms``: "bi thu" is "bí thư", not "bị thu").
"""
from __future__ import annotations

import functools
import itertools
import re
from collections import defaultdict

from nlp.gazetteer import gazetteer, middle_names, names, offices, place_names, ward_names
from nlp.lexicon import known_words
from nlp.vietnamese import SYLLABLE, fold_key, i_y_spellings, search_form

MAX_SYLLABLES = 6  # longest lexicon entry used
NAME_SYLLABLES = 4  # longest person name: surname and three more
_PARTS = re.compile(r"[\s-]+")  # between the syllables of an entry: "vắc-xin", "Quy hoạch - Kiến trúc"


@functools.lru_cache(maxsize=65536)
def folded(syllable: str) -> str:
    """The accent-free form of a search-form syllable ("vận" -> "van", "đảng" -> "dang")."""
    return fold_key(syllable)


def accented(syllable: str) -> bool:
    """Whether a search-form syllable carries a diacritic or đ: typed so, it means that syllable only."""
    return folded(syllable) != syllable


@functools.cache
def _lexicon() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The entries of two syllables or more, in search form, by their first syllable's folded form;
    each also in its other spellings of i and y ("kì thi" is also "kỳ thi", which Viet74K lacks)."""
    def spellings():
        for phrase in (*known_words(), *names()):
            syllables = tuple(search_form(s) for s in SYLLABLE.findall(phrase))
            if 2 <= len(syllables) <= MAX_SYLLABLES and len(syllables) == len(_PARTS.split(phrase.strip())):
                yield from i_y_spellings(syllables)
    return _by_first_syllable(spellings())


def _by_first_syllable(entries) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Entries (tuples of search-form syllables) by their first syllable's folded form, longest first."""
    found: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for syllables in entries:
        found[folded(syllables[0])].add(syllables)
    return {first: tuple(sorted(group, key=len, reverse=True)) for first, group in found.items()}


def _by_letters(entries) -> dict[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """Entries (tuples of search-form syllables) by the folded forms of their syllables."""
    found: dict[tuple[str, ...], set[tuple[str, ...]]] = defaultdict(set)
    for syllables in entries:
        found[tuple(folded(s) for s in syllables)].add(syllables)
    return {letters: tuple(sorted(entries)) for letters, entries in found.items()}


@functools.cache
def _words_by_letters():
    return _by_letters(entry for entries in _lexicon().values() for entry in entries)


def _syllables(phrase: str) -> tuple[str, ...]:
    return tuple(search_form(s) for s in SYLLABLE.findall(phrase))


@functools.cache
def _office_parts():
    """Titles and the places after them, by letters; each title's kind; the bodies a title of
    each kind is held in at a bare level; the Party's bodies; and each level's abbreviation
    written out, in search form."""
    known = offices()
    kinds = {_syllables(title): kind for title, kind in known.titles.items()}
    return (_by_letters(kinds), _by_letters(map(_syllables, known.places)), kinds,
            frozenset(map(_syllables, known.levels)),
            {kind: tuple(map(_syllables, bodies)) for kind, bodies in known.level_bodies.items()},
            frozenset(map(_syllables, known.party_bodies)),
            {_syllables(short)[0]: _syllables(name) for short, name in known.written_out.items()})


def _fitting(typed, table) -> tuple[tuple[str, ...], ...]:
    return tuple(entry for entry in table.get(tuple(folded(s) for s in typed), ()) if fits(typed, entry))


# The Party's board inside a state body: a title held in it ("Bí thư Ban cán sự đảng") is no longer form of a
# title held in the Party committee typed after it ("Bí thư Huyện ủy").
_STATE_BOARD = ("ban", "cán", "sự")
_CENTRAL = ("trung", "ương")  # the Central Committee, which holds the central boards ("Ban Tuyên giáo Trung ương")


def _office_forms(typed) -> tuple[tuple[str, ...], ...]:
    """The spellings of typed syllables read as an office: a title and one or two bodies or levels
    after it ("chu tich ubnd xa" -> "chủ tịch ubnd xã"), a body and a level ("UBND tỉnh"), or a Party
    body or board ("Ban" and a field) and the Party committee that holds it ("Ban Thường vụ Tỉnh
    ủy", "Ban Tuyên giáo Huyện ủy", "Ban Tuyên giáo Trung ương"). A title
    also stands for the longer titles of its kind that start with it ("Phó Bí thư Thường trực"); a
    title and a bare level also for the title in that level's body ("chu tich xa" -> "chủ tịch xã",
    "chủ tịch ubnd xã"). A level's abbreviation also stands written out ("UBND TP" is also "UBND thành
    phố"). Every cut into a head and what follows is read ("truong cong an huyen" is "Trường Công an
    huyện", the police school's, and "Trưởng Công an huyện", the district police chief). () when
    they are not one."""
    titles, places, kinds, levels, level_bodies, party, written_out = _office_parts()
    every = []
    for cut in range(len(typed) - 1, 0, -1):
        head, rest = typed[:cut], typed[cut:]
        head_places, rest_places = _fitting(head, places), _fitting(rest, places)
        found = [body + level for body in head_places if body not in levels
                 for level in rest_places if level in levels]
        boards = [body for body in head_places if body in party] + [
            word for word in _fitting(head, _words_by_letters()) if word[0] == "ban"]  # "Ban Tuyên giáo"
        found += [board + committee for board in boards  # a committee ("Tỉnh ủy") or the Central Committee
                  for committee in rest_places
                  if committee in party and (committee[-1] == "ủy" or committee == _CENTRAL)]
        after = list(rest_places) + [
            a + b for k in range(1, len(rest)) for a, b in itertools.product(_fitting(rest[:k], places),
                                                                             _fitting(rest[k:], places))]
        for title in _fitting(head, titles):
            longer = [t for t, kind in kinds.items() if t[:len(title)] == title and kind == kinds[title]
                      and t[len(title):len(title) + len(_STATE_BOARD)] != _STATE_BOARD]
            for held, place in itertools.product(sorted(longer, key=len), after):
                found.append(held + place)
                if place in levels:
                    found += [held + body + place for body in level_bodies.get(kinds[title], ())]
        every += found
        every += [tuple(s for syllable in form for s in written_out.get(syllable, (syllable,))) for form in found]
    return tuple(dict.fromkeys(every))


def word_forms(typed) -> tuple[tuple[str, ...], ...]:
    """The lexicon's spellings of a word of several typed syllables (search forms): the entries
    that fit it, or the offices it reads as; () for a person's name or one syllable (matched as typed).
    A body's name is also its name without the "và" before its last field, as pages often write
    it ("Sở Tài nguyên và Môi trường" is also "Sở Tài nguyên Môi trường")."""
    if len(typed) < 2:
        return ()
    fitted = _fitting(typed, _words_by_letters())
    found = []
    for form in fitted or _office_forms(typed):  # an office is a name
        found.append(form)
        if "và" in form[1:-1] and (not fitted or form in _name_entries()):
            found.append(tuple(s for s in form if s != "và"))
    return tuple(dict.fromkeys(found))


@functools.cache
def _name_entries() -> frozenset[tuple[str, ...]]:
    """The gazetteer's names (bodies, units, fields, places) as search-form syllables."""
    return frozenset(_syllables(name) for name in names())


def is_place(syllables: tuple[str, ...]) -> bool:
    """Whether search-form ``syllables`` are the name of a place the gazetteer lists ("hà nội")."""
    return tuple(syllables) in _places().get(folded(syllables[0]), ())


def is_level(syllables: tuple[str, ...]) -> bool:
    """Whether search-form ``syllables`` are an administrative level the gazetteer lists ("tỉnh", "tp", "xã")."""
    return tuple(folded(s) for s in syllables) in _levels()


@functools.cache
def _levels() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(map(folded, _syllables(level))) for level in offices().levels)


def is_acronym(syllable: str) -> bool:
    """Whether a search-form syllable is one of the gazetteer's acronyms ("ubnd", "mttq"), however typed."""
    return folded(syllable) in _acronyms()


@functools.cache
def _acronyms() -> frozenset[str]:
    return frozenset(folded(search_form(acronym)) for name in names() for acronym in _ACRONYM.findall(name))


_ACRONYM = re.compile(r"\b[A-ZĐ]{2,}\b")  # "UBND", "HĐND" in a name of the gazetteer


def is_person_name(syllables: tuple[str, ...]) -> bool:
    """Whether search-form ``syllables`` typed with capitals are read as a person's name: a surname and
    one to three more, no entry of the lexicon ("triệu lệ khánh", not "hà nội")."""
    return (2 <= len(syllables) <= NAME_SYLLABLES and _one_of(syllables[0], _surnames())
            and _longest(_lexicon(), list(syllables), 0, len(syllables)) != len(syllables))


def words_begun(syllables: list[str], prefix: str) -> tuple[tuple[str, ...], ...]:
    """Where words of the lexicon start with search-form ``syllables`` and then a syllable that
    ``prefix`` starts (as typed where it has diacritics), the lexicon's spellings of those syllables
    and that syllable: "xúc" and "tiến" -> "xúc tiến", "chuyển đổi" and "s" -> "chuyển đổi số"; ()
    where no word does."""
    def started(syllable: str) -> bool:
        return syllable.startswith(prefix) if accented(prefix) else folded(syllable).startswith(folded(prefix))
    size = len(syllables)
    return tuple(dict.fromkeys(entry[:size + 1] for entry in _lexicon().get(folded(syllables[0]), ())
                               if len(entry) > size and fits(syllables, entry[:size]) and started(entry[size])))


def fits(typed, entry: tuple[str, ...]) -> bool:
    """Whether typed syllables are the word ``entry``: the same letters, and the same diacritics
    where they were typed with some."""
    return len(typed) == len(entry) and all(folded(t) == folded(e) and (not accented(t) or t == e)
                                            for t, e in zip(typed, entry))


def _listed(names) -> tuple[frozenset[str], frozenset[str]]:
    """A list of names as syllables to look up: their search forms, and their folded forms."""
    found = frozenset(search_form(name) for name in names)
    return found, frozenset(map(folded, found))


def _one_of(syllable: str, listed: tuple[frozenset[str], frozenset[str]]) -> bool:
    """Whether a syllable is one of ``listed``: as typed where typed with diacritics, else by its letters."""
    return syllable in listed[0 if accented(syllable) else 1]


@functools.cache
def _surnames() -> tuple[frozenset[str], frozenset[str]]:
    return _listed(gazetteer().surnames)


@functools.cache
def _middle_names() -> tuple[frozenset[str], frozenset[str]]:
    return _listed(middle_names())


def word_spans(syllables: list[str], capitalised: list[bool]) -> list[tuple[int, int]]:
    """Spans ``[start, end)`` of the words a run of query syllables (search forms) holds, in order;
    ``capitalised`` says which were typed with a capital (person names are found so, or in lower
    case as a whole query that starts with a surname)."""
    spans = []
    i = 0
    while i < len(syllables):
        end = max(_longest(_lexicon(), syllables, i, len(syllables)), ward_end(syllables, i)) or i + 1
        place = next((k for k in range(i + 1, end) if (capitalised[k] or not any(capitalised)) and max(
            _longest(_places(), syllables, k, len(syllables)), ward_end(syllables, k)) > end), None)
        if place is not None:  # "tỉnh Thanh Hóa" is not "tỉnh thành" + "hóa"; typed with capitals, a place has one
            end = _longest(_lexicon(), syllables, i, place) or i + 1
        if capitalised[i] and _one_of(syllables[i], _surnames()):
            name_end = i + 1
            while name_end < min(len(syllables), i + NAME_SYLLABLES) and capitalised[name_end]:
                name_end += 1
            end = max(end, name_end)
        spans.append((i, end))
        i = end
    spans = _names_in_capitals(spans, capitalised)
    if 2 <= len(syllables) <= NAME_SYLLABLES and not any(capitalised) and _one_of(syllables[0], _surnames()) \
            and (spans[0] == (0, 1) or len(syllables) > 2
                 and all(_one_of(middle, _middle_names()) for middle in syllables[1:-1])
                 and all(end - start < 3 for start, end in spans)):  # "ho gia dinh ngheo": "hộ gia đình" + "nghèo"
        return [(0, len(syllables))]  # "nguyen hoai nam", "vo van thuong": a name typed in lower case
    return _offices(syllables, spans)


def _names_in_capitals(spans: list[tuple[int, int]], capitalised: list[bool]) -> list[tuple[int, int]]:
    """The spans with each run of words side by side whose every syllable was typed with a capital
    joined into one name when it holds three syllables or more: "Trường Đại Học Ngoại Ngữ", "Tân Sơn
    Nhất" (not "Tân Sơn" and "Nhất"), as a reader takes a name written so."""
    joined: list[tuple[int, int]] = []
    for named, group in itertools.groupby(spans, lambda span: all(capitalised[span[0]:span[1]])):
        group = list(group)
        if named and len(group) > 1 and group[-1][1] - group[0][0] >= 3:
            joined.append((group[0][0], group[-1][1]))
        else:
            joined += group
    return joined


def _longest(table, syllables: list[str], i: int, limit: int) -> int:
    """The end of the longest entry of ``table`` (``_by_first_syllable``) that the syllables from ``i``
    fit, ending by ``limit``; 0 when none does."""
    for entry in table.get(folded(syllables[i]), ()):  # longest first
        if i + len(entry) <= limit and fits(syllables[i:i + len(entry)], entry):
            return i + len(entry)
    return 0


@functools.cache
def _places() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The place names of two syllables or more (``_by_first_syllable``)."""
    return _by_first_syllable(syllables for syllables in map(_syllables, place_names()) if len(syllables) > 1)


@functools.cache
def _wards() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The names of communes, wards and townships of two syllables or more (``_by_first_syllable``)."""
    return _by_first_syllable(syllables for syllables in map(_syllables, ward_names()) if len(syllables) > 1)


def ward_end(syllables: list[str], k: int) -> int:
    """The end of a commune's, ward's or township's name at ``k`` right after its level ("xã Đồn Xá",
    "phuong hiep phu", "thị trấn Tân Túc"), else 0: only there, as thousands of these names are also
    common words."""
    level = [folded(s) for s in syllables[max(0, k - 2):k]]
    if level[-1:] in (["xa"], ["phuong"]) or level == ["thi", "tran"]:
        return _longest(_wards(), syllables, k, len(syllables))
    return 0


def _offices(syllables: list[str], spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans with each title joined to the bodies and levels right after it (at most two), and
    each body to a level right after it."""
    joined: list[tuple[int, int]] = []
    k = 0
    while k < len(spans):
        start, end = spans[k]
        step = 1
        for more in (2, 1):
            if k + more < len(spans) and _office_forms(syllables[start:spans[k + more][1]]):
                end, step = spans[k + more][1], more + 1
                break
        joined.append((start, end))
        k += step
    return joined
