"""Vietnamese words in a search query: which of its syllables stand together as one word.

Vietnamese writes one syllable per space and most words have two or three ("Thành ủy", "dân
vận", "chuyển đổi số"). A query's syllables are grouped by maximum matching (the longest word
first, left to right) against a lexicon: the general dictionary (Viet74K), the gazetteer's names
(titles, bodies, units, fields of work, places, "Ban Dân vận") and the
taggers' word lists ("hộ nghèo", "nông thôn mới"), and person names (a capitalised
surname and one to three capitalised syllables after it: "Đào Khánh Hà"). A syllable typed
without diacritics matches an entry's syllable with any ("ban dan van" is "Ban Dân vận"); one
typed with them must be that syllable ("bản dân văn" is no entry).
"""
from __future__ import annotations

import functools
from collections import defaultdict

from nlp.gazetteer import gazetteer, names
from nlp.lexicon import known_words
from nlp.vietnamese import SYLLABLE, fold_key, search_form

MAX_SYLLABLES = 6  # longest lexicon entry used
NAME_SYLLABLES = 4  # longest person name: surname and three more


@functools.lru_cache(maxsize=65536)
def folded(syllable: str) -> str:
    """The accent-free form of a search-form syllable ("vận" -> "van", "đảng" -> "dang")."""
    return fold_key(syllable)


def accented(syllable: str) -> bool:
    """Whether a search-form syllable carries a diacritic or đ: typed so, it means that syllable only."""
    return folded(syllable) != syllable


@functools.cache
def _lexicon() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The entries of two syllables or more, in search form, by their first syllable's folded form."""
    entries: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for phrase in (*known_words(), *names()):
        syllables = tuple(search_form(s) for s in SYLLABLE.findall(phrase))
        if 2 <= len(syllables) <= MAX_SYLLABLES and len(syllables) == len(phrase.split()) - phrase.count(" - "):
            entries[folded(syllables[0])].add(syllables)
    return {first: tuple(sorted(found, key=len, reverse=True)) for first, found in entries.items()}


@functools.cache
def _surnames() -> frozenset[str]:
    return frozenset(search_form(name) for name in gazetteer().surnames)


@functools.cache
def _folded_surnames() -> frozenset[str]:
    return frozenset(folded(name) for name in _surnames())


def fits(typed, entry: tuple[str, ...]) -> bool:
    """Whether typed syllables are the word ``entry``: the same letters, and the same diacritics
    where they were typed with some."""
    return len(typed) == len(entry) and all(folded(t) == folded(e) and (not accented(t) or t == e)
                                            for t, e in zip(typed, entry))


def _surname(syllable: str) -> bool:
    if accented(syllable):
        return syllable in _surnames()
    return syllable in _folded_surnames()


def word_spans(syllables: list[str], capitalised: list[bool]) -> list[tuple[int, int]]:
    """Spans ``[start, end)`` of the words a run of query syllables (search forms) holds, in order;
    ``capitalised`` says which were typed with a capital (person names are found only so)."""
    spans = []
    i = 0
    while i < len(syllables):
        end = i + 1
        for entry in _lexicon().get(folded(syllables[i]), ()):
            if i + len(entry) <= len(syllables) and fits(syllables[i:i + len(entry)], entry):
                end = max(end, i + len(entry))
                break  # entries are longest first
        if capitalised[i] and _surname(syllables[i]):
            name_end = i + 1
            while name_end < min(len(syllables), i + NAME_SYLLABLES) and capitalised[name_end]:
                name_end += 1
            end = max(end, name_end)
        spans.append((i, end))
        i = end
    return spans
