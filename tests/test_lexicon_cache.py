"""The dictionary keys (nlp.lexicon.dictionary_keys) and the names of administrative units
(nlp.gazetteer.admin_units) are made once and then read from the user's cache directory; a
missing, broken or unwritable cache only costs the making."""
from __future__ import annotations

import pytest

from nlp import gazetteer, lexicon
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
    (before,) = (tmp_path / "vnportal").glob("dictionary-keys-*.txt")
    fresh_keys()
    (after,) = (tmp_path / "vnportal").glob("dictionary-keys-*.txt")  # the older keys removed
    assert after != before


def test_the_cache_is_named_by_the_module_that_makes_the_lines(fresh_keys, tmp_path, monkeypatch):
    """The names of administrative units are made in nlp.gazetteer: a change there makes them again."""
    gazetteer.admin_units.cache_clear()
    made = gazetteer.admin_units()
    (before,) = (tmp_path / "vnportal").glob("admin-units-*.txt")
    monkeypatch.setattr(gazetteer, "__file__", str(tmp_path / "changed.py"))
    (tmp_path / "changed.py").write_text("# another reading\n")
    gazetteer.admin_units.cache_clear()
    assert gazetteer.admin_units() == made
    gazetteer.admin_units.cache_clear()
    (after,) = (tmp_path / "vnportal").glob("admin-units-*.txt")
    assert after != before


def test_making_lines_again_removes_only_the_older_lines_of_that_name(fresh_keys, tmp_path):
    folder = tmp_path / "vnportal"
    folder.mkdir()
    older = folder / "dictionary-keys-0123456789abcdef.txt"  # made by another code
    other = folder / "dictionary-pairs-0123456789abcdef.txt"  # another name's lines
    unrelated = folder / "dictionary-keys-notes.txt"  # not a cached file's name
    for path in (older, other, unrelated):
        path.write_text("x")
    fresh_keys()
    assert not older.exists() and other.exists() and unrelated.exists()
    assert len(list(folder.glob("dictionary-keys-*.txt"))) == 2  # the new keys and the file not made here


def test_administrative_units_are_named_without_their_level():
    units = set(gazetteer.admin_units())
    assert {"Đà Lạt", "Thủ Đức", "Mai Sơn", "Lâm Đồng", "Bà Rịa - Vũng Tàu", "Tuyên Quang"} <= units
    assert not any(name.lower().startswith(("huyện ", "thành phố ", "tỉnh ", "quận ", "thị xã "))
                   or any(c.isdigit() for c in name) for name in units)
    assert "Đà Lạt" in gazetteer.names()  # and so a word of search queries (data.words)
