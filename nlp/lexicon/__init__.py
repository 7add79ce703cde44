"""Word lists for the statistics tagger: one entry a line, ``#`` starts a comment, ``[name]`` starts a
section. Loaded once by the tagger (``entries``, ``sections``). Also the general dictionary
(``dictionary``, and its words as the taggers compare them, ``dictionary_keys``): the Viet74K word
list bundled with underthesea. ``cached_lines`` keeps what is derived from such a file (the keys,
nlp.gazetteer's administrative units) in the user's cache."""
from __future__ import annotations

import functools
import hashlib
import importlib.util
import os
import re
import sys
import unicodedata
from importlib import resources
from pathlib import Path
from typing import Callable

from nlp import vietnamese

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


def underthesea_file(*parts: str) -> Path:
    """A data file bundled with underthesea (Apache-2.0), found without importing it (~0.6 s)."""
    return Path(importlib.util.find_spec("underthesea").submodule_search_locations[0]).joinpath(*parts)


def _dictionary_file() -> Path:
    return underthesea_file("corpus", "data", "Viet74K.txt")


@functools.cache
def dictionary() -> tuple[str, ...]:
    """The words of the Viet74K list bundled with underthesea (Apache-2.0), NFC, one entry each."""
    text = _dictionary_file().read_text(encoding="utf-8")
    return tuple(line.strip() for line in unicodedata.normalize("NFC", text).splitlines() if line.strip())


@functools.cache
def dictionary_keys() -> tuple[str, ...]:
    """The dictionary's words lower-cased, each tone on its vowel (``vietnamese.place_tones``),
    single-spaced: "Hoà  bình" -> "hòa bình". Keying takes ~0.1 s, so the keys are kept in the
    user's cache directory (``cached_lines``)."""
    return cached_lines("dictionary-keys", _dictionary_file(), lambda: _SPACES.sub(
        " ", vietnamese.place_tones("\n".join(dictionary())).lower()).split("\n"))


@functools.cache
def dictionary_key_set() -> frozenset[str]:
    """The dictionary's keys, for membership tests."""
    return frozenset(dictionary_keys())


@functools.cache
def dictionary_pairs() -> frozenset[str]:
    """Every two syllables side by side in a key of the dictionary ("nhân dân", "dân vận" and "vận
    động" of "nhân dân vận động"): no entry holds two syllables that are not among them. Kept in the
    user's cache directory like the keys (~0.07 s to make)."""
    return frozenset(cached_lines("dictionary-pairs", _dictionary_file(), lambda: sorted({
        " ".join(syllables[k:k + 2]) for key in dictionary_keys() if len(syllables := key.split(" ")) > 1
        for k in range(len(syllables) - 1)})))


def cached_lines(name: str, source: Path, make: Callable[[], list[str]]) -> tuple[str, ...]:
    """Lines ``make`` derives from the file ``source``, made once and kept in the user's cache
    directory, named by what they are made from (``source``, the code of the module ``make`` is
    written in, of this one and of nlp.vietnamese), then read from there (~0.01 s) by every later
    process; the lines an older code or source made are then removed (an upgrade leaves none behind).
    An unwritable cache only costs the making."""
    cache = _cache_dir() / f"{name}-{_fingerprint(source, sys.modules[make.__module__].__file__)}.txt"
    try:
        return tuple(cache.read_text(encoding="utf-8").split("\n"))
    except (OSError, UnicodeDecodeError):
        pass
    lines = tuple(make())
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        partial = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
        partial.write_text("\n".join(lines), encoding="utf-8")
        partial.replace(cache)  # whole or absent, also with processes making it side by side
        for older in cache.parent.glob(f"{name}-*.txt"):
            if older != cache and _CACHED.fullmatch(older.name[len(name) + 1:]):
                older.unlink(missing_ok=True)
    except OSError:
        pass
    return lines


_CACHED = re.compile(r"[0-9a-f]{16}\.txt")  # what follows a cached file's name and dash: its fingerprint


def _cache_dir() -> Path:
    """$XDG_CACHE_HOME/vnportal, by default ~/.cache/vnportal."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "vnportal"


def _fingerprint(source: Path, maker: str) -> str:
    """Changes with the source file (size, modification time) or the code that reads it."""
    stat = source.stat()
    digest = hashlib.sha256(f"{stat.st_size} {stat.st_mtime_ns}".encode())
    for module in dict.fromkeys((maker, __file__, vietnamese.__file__)):
        digest.update(Path(module).read_bytes())
    return digest.hexdigest()[:16]


WORD_LISTS = ("groups.txt", "nouns.txt", "units.txt", "verbs.txt")  # the lists that hold words (not patterns)


@functools.cache
def listed_words() -> tuple[str, ...]:
    """The words of this folder's word lists (``WORD_LISTS``), many of them missing from the dictionary."""
    return tuple(dict.fromkeys(entry for name in WORD_LISTS for entry in
                               (entries(name) if name == "nouns.txt" else [e for es in sections(name).values() for e in es])))


@functools.cache
def listed_word_keys() -> frozenset[str]:
    """The listed words keyed as the dictionary's are (``dictionary_keys``): "thương hiệu", "tiền gửi"."""
    return frozenset(_SPACES.sub(" ", vietnamese.place_tones(word).lower()) for word in listed_words())


@functools.cache
def known_words() -> tuple[str, ...]:
    """Every word the project knows: the general dictionary and the word lists of this folder."""
    return tuple(dict.fromkeys((*dictionary(), *listed_words())))
