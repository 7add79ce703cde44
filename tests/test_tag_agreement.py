"""bench/tag_agreement.py: a second annotation scored against the first, beside the taggers against each."""
from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("tag_agreement", ROOT / "bench" / "tag_agreement.py")
tag_agreement = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(tag_agreement)

TEXT = "Huyện có 56 hội nghị và 300 hộ nghèo."


def statistic(text: str, value: float, unit: str) -> dict:
    start = TEXT.index(text)
    return {"text": text, "start": start, "end": start + len(text), "value": value, "denominator": None,
            "unit_text": unit, "qualifier": None, "kind": "count"}


def passage(pid: str, statistics: list[dict], **kinds) -> dict:
    return {"id": pid, "text": TEXT, "ref_date": None, "statistics": statistics, **kinds}


def test_annotators_who_agree_score_one_and_the_taggers_alike_against_both():
    both = [statistic("56 hội nghị", 56, "hội nghị"), statistic("300 hộ nghèo", 300, "hộ nghèo")]
    result = tag_agreement.agreement([passage("a", both)], [passage("a", both)])
    assert result["statistics"]["second"]["f1"] == 1.0
    assert result["statistics"]["taggers_first"] == result["statistics"]["taggers_second"]


def test_a_second_reading_of_the_noun_and_a_missed_count_lower_the_agreement():
    first = [statistic("56 hội nghị", 56, "hội nghị"), statistic("300 hộ nghèo", 300, "hộ nghèo")]
    second = [statistic("300 hộ", 300, "hộ")]  # the noun cut short, and the first count not seen
    result = tag_agreement.agreement([passage("a", first)], [passage("a", second)])["statistics"]["second"]
    assert (result["gold"], result["predicted"], result["tp"], result["span_tp"]) == (2, 1, 0, 0)


def test_only_passages_and_kinds_both_annotate_are_compared():
    first = [passage("a", [], dates=[]), passage("b", [])]
    result = tag_agreement.agreement(first, [passage("a", [])])
    assert set(result) == {"statistics"} and result["statistics"]["second"]["passages"] == 1
