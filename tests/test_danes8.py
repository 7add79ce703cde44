"""bench/danes8: the committed gold without its texts, and how the builder puts the texts back."""
from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_SPEC = importlib.util.spec_from_file_location("danes8_build", ROOT / "bench" / "danes8" / "build.py")
build = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(build)

RECORDS = [{"text": "Tin khác", "meta": {"description": "", "uri": "https://a.vn/1"}},
           {"text": "Sáng 5/10, tỉnh họp", "meta": {"description": "Có 30 đại biểu dự.", "uri": "https://b.vn/2"}}]


def _row(text: str, **spans) -> dict:
    return {"id": "danes8-000", "record": 1, "text_sha256": hashlib.sha256(text.encode()).hexdigest(),
            "ref_date": "2021-10-05", "dates": [], "officials": [], "directives": [], "statistics": [], **spans}


def test_the_text_is_put_back_and_checked_against_its_hash_and_spans():
    text = "Sáng 5/10, tỉnh họp\n\nCó 30 đại biểu dự."
    count = {"text": "30 đại biểu", "start": 24, "end": 35}
    (passage,) = build.rebuild([_row(text, statistics=[count])], RECORDS)
    assert passage["text"] == text and passage["statistics"] == [count] and "text_sha256" not in passage
    with pytest.raises(build.BuildError):  # another record's text
        build.rebuild([{**_row(text), "record": 0}], RECORDS)
    with pytest.raises(build.BuildError):  # a span that is not at its offsets
        build.rebuild([_row(text, statistics=[{**count, "start": 23, "end": 34}])], RECORDS)


def test_a_kind_left_unannotated_stays_absent():
    """A row without a kind is put back without it: bench/eval_tags.py then does not score that kind there."""
    text = "Sáng 5/10, tỉnh họp\n\nCó 30 đại biểu dự."
    row = _row(text)
    del row["dates"]
    (passage,) = build.rebuild([row], RECORDS)
    assert "dates" not in passage and passage["statistics"] == []


def test_the_committed_gold_names_records_and_hashes_not_texts():
    rows = [json.loads(line) for line in build.GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert rows and all("text" not in row and len(row["text_sha256"]) == 64 for row in rows)
    assert len({row["record"] for row in rows}) == len(rows)
    assert all(set(build.KINDS) - {"dates"} <= set(row) for row in rows)  # the last 150 leave dates out
    assert sum("dates" in row for row in rows) == 450


def test_the_second_annotation_is_of_gold_passages_with_the_same_records_and_hashes():
    """second.jsonl annotates again, apart, some of gold.jsonl's passages: same ids, records and text hashes."""
    gold = {row["id"]: row for row in map(json.loads, build.GOLD.read_text(encoding="utf-8").splitlines())}
    second = [json.loads(line) for line in (build.GOLD.parent / "second.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(second) == 150 and all("text" not in row and "dates" not in row for row in second)
    assert all((row["record"], row["text_sha256"]) == (gold[row["id"]]["record"], gold[row["id"]]["text_sha256"])
               for row in second)
