"""bench/vietnews: the committed gold without its texts, and how the builder puts the texts back."""
from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_SPEC = importlib.util.spec_from_file_location("vietnews_build", ROOT / "bench" / "vietnews" / "build.py")
build = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(build)


@pytest.mark.parametrize("segmented, text", [
    ("Chủ_tịch UBND tỉnh , ông Nguyễn_Văn_An cho_biết : “ Sẽ xử_lý ” .",
     "Chủ tịch UBND tỉnh, ông Nguyễn Văn An cho biết: “Sẽ xử lý”."),
    ('Ông nói : " Đúng " , tăng 2,5 % ( gần 12 / 10 ) .', 'Ông nói: "Đúng", tăng 2,5% (gần 12/10).'),
    ("Hà_Nội - Hải_Phòng , ngày 5 , 6 .", "Hà Nội - Hải Phòng, ngày 5, 6."),
])
def test_a_segmented_line_is_put_back_as_running_text(segmented, text):
    assert build.detokenize(segmented) == text


def _row(text: str, **spans) -> dict:
    return {"id": "vnews-000", "path": "data/test_tokenized/000001.txt.seg", "blob": "b1", "line": 1,
            "text_sha256": hashlib.sha256(text.encode()).hexdigest(), "ref_date": None,
            "dates": [], "officials": [], "directives": [], "statistics": [], **spans}


def test_the_text_is_put_back_and_checked_against_its_hash_and_spans():
    blobs = {"b1": "Tiêu_đề\nCó 30 đại_biểu dự ."}
    text = "Có 30 đại biểu dự."
    count = {"text": "30 đại biểu", "start": 3, "end": 14}
    (passage,) = build.rebuild([_row(text, statistics=[count])], blobs)
    assert passage["text"] == text and passage["statistics"] == [count] and "text_sha256" not in passage
    with pytest.raises(build.BuildError):  # another line
        build.rebuild([{**_row(text), "line": 0}], blobs)
    with pytest.raises(build.BuildError):  # a span that is not at its offsets
        build.rebuild([_row(text, statistics=[{**count, "start": 2, "end": 13}])], blobs)


def test_the_committed_gold_names_lines_and_hashes_not_texts():
    rows = [json.loads(line) for line in build.GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) == 2998 and all("text" not in row and len(row["text_sha256"]) == 64 for row in rows)
    assert len({(row["blob"], row["line"]) for row in rows}) == len({row["id"] for row in rows}) == len(rows)
    assert all(set(build.KINDS) <= set(row) and row["dates"] == [] for row in rows)
