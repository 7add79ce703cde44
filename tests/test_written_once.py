"""Rules that used to be written twice, now written once: the index's time format, which links are
attachments, and the version vnportal reports. (The Vietnamese text rules: test_vietnamese_text.py;
the migrations' own copies: test_schema.py.)"""
from __future__ import annotations

import ast
import re
from pathlib import Path

from data.clock import iso, utc_iso, utcnow

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "pipeline.py", *(p for package in ("crawler", "extract", "nlp", "data")
                                   for p in sorted((ROOT / package).rglob("*.py")))]


def _calls(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            yield node


def test_the_index_time_is_utc_to_the_second_and_sorts_as_text():
    stamp = utc_iso()
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", stamp)
    assert iso(utcnow()) >= stamp


def test_only_data_clock_reads_the_clock():
    readers = [f"{path.relative_to(ROOT)}:{call.lineno}" for path in SOURCES if path.name != "clock.py"
               for call in _calls(path) if call.func.attr in ("now", "utcnow", "today")]
    assert readers == []
