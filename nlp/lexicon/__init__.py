"""Word lists for the statistics tagger: one entry a line, ``#`` starts a comment, ``[name]`` starts a
section. Loaded once by the tagger (``entries``, ``sections``). Also the general dictionary
(``dictionary``, and its words as the taggers compare them, ``dictionary_keys``): the Viet74K word
list bundled with underthesea."""
from __future__ import annotations

import functools
import importlib.util
import re
import unicodedata
from importlib import resources
from pathlib import Path

from nlp.vietnamese import place_tones

_SPACES = re.compile(r"[^\S\n]+")  # a run of spaces within a line


def _lines(name: str) -> list[str]:
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def entries(name: str) -> list[str]:
    """The entries of the list file ``name`` (e.g. ``"verbs.txt"``)."""
    return [line for line in _lines(name) if not line.startswith("[")]


def sections(name: str) -> dict[str, list[str]]:
    """The entries of the sectioned file ``name``, by section: ``{"person": ["cán bộ", ...], ...}``."""
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in _lines(name):
        if line.startswith("[") and line.endswith("]"):
            current = found.setdefault(line[1:-1], [])
        elif current is None:
            raise ValueError(f"{name}: entry {line!r} before the first [section]")
        else:
            current.append(line)
    return found


@functools.cache
def dictionary() -> tuple[str, ...]:
    """The words of the Viet74K list bundled with underthesea (Apache-2.0), NFC, one entry each.

    The file is found without importing underthesea (~0.6 s)."""
    package = Path(importlib.util.find_spec("underthesea").submodule_search_locations[0])
    text = (package / "corpus" / "data" / "Viet74K.txt").read_text(encoding="utf-8")
    return tuple(line.strip() for line in unicodedata.normalize("NFC", text).splitlines() if line.strip())


@functools.cache
def dictionary_keys() -> tuple[str, ...]:
    """The dictionary's words lower-cased, each tone on its vowel (``place_tones``), single-spaced:
    "Hoà  bình" -> "hòa bình". Keyed as one text, which costs half of keying 74,000 entries one by one."""
    return tuple(_SPACES.sub(" ", place_tones("\n".join(dictionary())).lower()).split("\n"))


WORD_LISTS = ("groups.txt", "nouns.txt", "units.txt", "verbs.txt")  # the lists that hold words (not patterns)


@functools.cache
def known_words() -> tuple[str, ...]:
    """Every word the project knows: the general dictionary and the word lists of this folder."""
    listed = [entry for name in WORD_LISTS for entry in
              (entries(name) if name == "nouns.txt" else [e for es in sections(name).values() for e in es])]
    return tuple(dict.fromkeys((*dictionary(), *listed)))
