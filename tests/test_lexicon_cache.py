"""The dictionary keys (nlp.lexicon.dictionary_keys) are keyed once and then read from the user's
cache directory; a missing, broken or unwritable cache only costs the keying."""
from __future__ import annotations

import pytest

from nlp import lexicon
from nlp.vietnamese import place_tones


@pytest.fixture
def fresh_keys(monkeypatch, tmp_path):
    """dictionary_keys with no answer kept in this process, and its cache under ``tmp_path``."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    lexicon.dictionary_keys.cache_clear()
    yield lambda: (lexicon.dictionary_keys.cache_clear(), lexicon.dictionary_keys())[1]
    lexicon.dictionary_keys.cache_clear()


def _keyed_here() -> tuple[str, ...]:
    return tuple(" ".join(place_tones(word).lower().split()) for word in lexicon.dictionary())


def test_keys_are_cached_and_read_back_the_same(fresh_keys, tmp_path):
    keyed = fresh_keys()
    (cached,) = (tmp_path / "vnportal").glob("dictionary-keys-*.txt")
    assert keyed == _keyed_here()
    cached.write_text("\n".join(keyed[:10]), encoding="utf-8")  # what a later process reads
    assert fresh_keys() == keyed[:10]


def test_a_broken_or_unwritable_cache_costs_only_the_keying(fresh_keys, tmp_path, monkeypatch):
    keyed = fresh_keys()
    (cached,) = (tmp_path / "vnportal").glob("dictionary-keys-*.txt")
    cached.write_bytes(b"\xff\xfe not UTF-8")
    assert fresh_keys() == keyed
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))  # the cache folder cannot be made
    assert fresh_keys() == keyed


def test_the_cache_is_named_by_the_code_that_keys(fresh_keys, tmp_path, monkeypatch):
    fresh_keys()
    monkeypatch.setattr(lexicon, "__file__", str(tmp_path / "changed.py"))
    (tmp_path / "changed.py").write_text("# another keying\n")
    fresh_keys()
    assert len(list((tmp_path / "vnportal").glob("dictionary-keys-*.txt"))) == 2
