"""The Vietnamese text rules (nlp.vietnamese): tone placement, search forms, folding, syllables,
and that extract, nlp and data use them instead of rules of their own."""
from __future__ import annotations

import ast
import importlib
import pkgutil
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nlp import vietnamese
from nlp.vietnamese import (SYLLABLE, fold, fold_key, i_y_spellings, i_y_twin, place_tone, place_tones, search_form,
                            unify, vietnamese_ratio)

ROOT = Path(__file__).resolve().parents[1]
NFD = unicodedata.normalize("NFD", "Thành uỷ Hoà Bình, Đảng bộ khoẻ")


@pytest.mark.parametrize("new, old", [("thuỷ", "thủy"), ("hoà", "hòa"), ("uỷ", "ủy"), ("khoẻ", "khỏe"),
                                      ("Thành uỷ", "thành ủy"), ("hoà bình", "hòa bình"), ("Thuý", "thúy"),
                                      ("hoạ sĩ", "họa sĩ"), ("tuỳ", "tùy")])
def test_both_tone_placements_have_one_search_form(new, old):
    assert search_form(new) == search_form(old) == old.lower()
    assert place_tones(new.lower()) == place_tones(old.lower()) == old.lower()


@pytest.mark.parametrize("word", ["quý", "hoàn", "khuỷu", "thuở", "quỳnh", "hoặc", "hoàng", "ngoài", "người"])
def test_search_form_leaves_syllables_the_conventions_agree_on(word):
    assert search_form(word) == word and place_tone(word) == word


def test_search_form_lowercases_and_unify_keeps_case():
    assert search_form("Hoà, THUỶ, khoẻ, quý, hoặc, Hoàng") == "hòa, thủy, khỏe, quý, hoặc, hoàng"
    assert unify("Thành uỷ HOÀ, Hoặc là khoẻ") == "Thành ủy HÒA, Hoặc là khỏe"
    assert unify(None) == ""


def test_decomposed_input_comes_out_composed():
    for form in (search_form(NFD), unify(NFD), fold(NFD), place_tones(unicodedata.normalize("NFC", NFD))):
        assert unicodedata.is_normalized("NFC", form)
    assert search_form(NFD) == "thành ủy hòa bình, đảng bộ khỏe"
    assert unify(NFD) == "Thành ủy Hòa Bình, Đảng bộ khỏe"


def test_place_tone_puts_any_misplaced_tone_on_the_main_vowel():
    assert [place_tone(w) for w in ("qủa", "tòan", "gìa", "muà", "ngoaì", "thuở", "HOÀ")] == [
        "quả", "toàn", "già", "mùa", "ngoài", "thuở", "HÒA"]


@pytest.mark.parametrize("word", ["José", "Thànhủy", "ngườì", "UBND", "xyz"])
def test_place_tone_leaves_what_is_not_one_syllable(word):
    assert place_tone(word) == word


def test_place_tones_keeps_length_so_offsets_hold():
    text = "Thành uỷ – UBND tỉnh Khánh Hoà, qủa"
    assert place_tones(text) == "Thành ủy – UBND tỉnh Khánh Hòa, quả" and len(place_tones(text)) == len(text)


def test_folding():
    assert fold("Đảng") == "Dang" and fold_key("Đảng") == "dang"
    assert fold_key("  Thành  uỷ\nĐà Nẵng ") == "thanh uy da nang"
    assert fold(NFD) == "Thanh uy Hoa Binh, Dang bo khoe"


@pytest.mark.parametrize("syllable, twin", [("kỳ", "kì"), ("lí", "lý"), ("Mỹ", "Mĩ"), ("sĩ", "sỹ"), ("tỷ", "tỉ"),
                                            ("hy", "hi"), ("quý", "quí"), ("QUÝ", "QUÍ"),
                                            ("y", None), ("gì", None), ("chi", None), ("tuy", None), ("khi", None),
                                            ("nghị", None), ("kim", None)])
def test_i_and_y_are_twins_only_alone_after_the_consonants_that_take_both(syllable, twin):
    assert i_y_twin(syllable) == twin
    assert twin is None or i_y_twin(twin) == syllable


def test_a_name_is_spelled_with_each_i_or_y_written_both_ways():
    import re

    spellings = {"".join(parts) for parts in i_y_spellings(re.split(r"(\W+)", "Kỳ Anh-Mỹ Tho, Thái Bình"))}
    assert spellings == {"Kỳ Anh-Mỹ Tho, Thái Bình", "Kì Anh-Mỹ Tho, Thái Bình", "Kỳ Anh-Mĩ Tho, Thái Bình",
                         "Kì Anh-Mĩ Tho, Thái Bình"}


def test_the_taggers_know_a_place_in_either_spelling_of_i_and_y():
    from nlp.gazetteer import gazetteer, match_key, tokenize

    for written, known in [("Kì Anh", "Kỳ Anh"), ("Mĩ Tho", "Mỹ Tho"), ("Kỳ Anh", "Kỳ Anh")]:
        assert gazetteer().places.longest(written, tokenize(written, match_key(written)), 0) == (2, known)


def test_syllables_and_vietnamese_ratio():
    assert SYLLABLE.findall("Thành ủy, 2021: Hòa-bình COVID19") == ["Thành", "ủy", "Hòa", "bình", "COVID"]
    assert vietnamese_ratio("Ban Tuyên giáo Thành ủy") == 0.8 and vietnamese_ratio("2021") == 0.0


VIETNAMESE = st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyAĐHOUYàáảãạèéẻẽẹìíòóỏọùúủỳýỷỹỵ "
                              "\u0300\u0301\u0303\u0309\u0323.,-", max_size=40)


@given(VIETNAMESE)
def test_forms_are_stable_and_agree(text):
    nfc = unicodedata.normalize("NFC", text)
    assert unify(unify(text)) == unify(text) and search_form(search_form(text)) == search_form(text)
    assert place_tones(place_tones(nfc)) == place_tones(nfc) and len(place_tones(nfc)) == len(nfc)
    assert search_form(unify(text)) == search_form(text)
    assert fold_key(search_form(text)) == fold_key(text) == fold_key(place_tones(nfc))


# --- written once ---------------------------------------------------------------------------------

RULES = ("search_form", "unify", "fold", "fold_key", "place_tone", "place_tones", "vietnamese_ratio", "SYLLABLE")
FROZEN = {"data/schema.py"}  # migrations keep their own copy of the rules as they were (never edited)


def _project_modules():
    for package in ("crawler", "extract", "nlp", "data"):
        root = importlib.import_module(package)
        yield root
        for info in pkgutil.walk_packages(root.__path__, f"{package}."):
            if not info.name.endswith(".__main__"):  # a process's entry point runs when imported
                yield importlib.import_module(info.name)


def test_other_modules_only_import_the_rules():
    for module in _project_modules():
        for name in RULES:
            if module is not vietnamese and hasattr(module, name):
                assert getattr(module, name) is getattr(vietnamese, name), f"{module.__name__}.{name}"
    gone = {"extract.text": ("search_form", "_place_tone"), "nlp.gazetteer": ("canon_word", "canon_text"),
            "nlp.statistics": ("_TONES",), "data.textnorm": ("unify", "fold")}
    for name, attributes in gone.items():
        module = importlib.import_module(name)
        assert not any(hasattr(module, attribute) for attribute in attributes), name


def _calls(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "unicodedata":
            yield node


def test_no_other_module_takes_tone_marks_apart():
    """Decomposing text (NFD) and dropping or moving its combining marks is nlp.vietnamese's job."""
    sources = [ROOT / "pipeline.py", *(p for package in ("crawler", "extract", "nlp", "data")
                                       for p in (ROOT / package).rglob("*.py"))]
    offenders = []
    for path in sources:
        rel = path.relative_to(ROOT).as_posix()
        if rel in FROZEN or rel == "nlp/vietnamese.py":
            continue
        for call in _calls(ast.parse(path.read_text(encoding="utf-8"))):
            decomposes = call.func.attr == "normalize" and call.args and \
                isinstance(call.args[0], ast.Constant) and call.args[0].value in ("NFD", "NFKD")
            if decomposes or call.func.attr == "combining":
                offenders.append(f"{rel}:{call.lineno}")
    assert offenders == []


def test_place_tones_visits_every_syllable_whose_tone_can_move():
    """place_tones skips syllables without two vowels side by side and a tone; place_tone leaves
    every such syllable as it is (checked on every syllable of the dictionary, in three cases)."""
    from nlp.lexicon import dictionary

    syllables = {s for entry in dictionary() for s in vietnamese.SYLLABLE.findall(entry)}
    for syllable in syllables | {s.upper() for s in syllables} | {s.title() for s in syllables}:
        if vietnamese.place_tone(syllable) != syllable:
            assert vietnamese.place_tones(syllable) == vietnamese.place_tone(syllable), syllable
    assert vietnamese.place_tones("Hoà bình, THUỶ lợi, khoẻ: hoàn toàn") == "Hòa bình, THỦY lợi, khỏe: hoàn toàn"
