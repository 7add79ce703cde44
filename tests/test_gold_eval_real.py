"""The real-text eval gold (tests/gold/nlp/eval/real): well-formed, scorable, 100+ passages from 40+ sites, provenance kept."""
from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "gold" / "nlp" / "eval" / "real"

_spec = importlib.util.spec_from_file_location("eval_tags", ROOT / "bench" / "eval_tags.py")
eval_tags = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(eval_tags)

PASSAGES = eval_tags.load_gold(REAL)


def test_the_set_is_large_and_varied_enough():
    assert len(PASSAGES) >= 100
    assert len({p["site"] for p in PASSAGES}) >= 40
    assert len({p["id"] for p in PASSAGES}) == len(PASSAGES)
    assert len({(p["provenance"]["repo"], p["provenance"]["record"]) for p in PASSAGES}) == len(PASSAGES)
    for kind in eval_tags.KINDS:
        assert sum(len(p[kind]) for p in PASSAGES) >= 20, kind


def test_licence_and_provenance_sit_beside_the_gold():
    provenance = (REAL / "PROVENANCE.md").read_text(encoding="utf-8")
    assert "Attribution 4.0 International" in (REAL / "LICENSE-CC-BY-4.0").read_text(encoding="utf-8")
    sources = {(p["provenance"]["repo"], p["provenance"]["commit"], p["provenance"]["sha256"]) for p in PASSAGES}
    for repo, commit, sha256 in sources:
        assert len(commit) == 40 and len(sha256) == 64
        assert repo in provenance and commit in provenance and sha256 in provenance


@pytest.mark.parametrize("passage", PASSAGES, ids=lambda p: p["id"])
def test_real_passage_is_well_formed(passage):
    """What real passages add to every gold passage's checks (NFC, offsets, key fields:
    tests/test_eval_tags.py): a reference date, the site its URL names, no overlapping spans."""
    dt.date.fromisoformat(passage["ref_date"])
    assert urlparse(passage["url"]).netloc.lower().removeprefix("www.") == passage["site"]
    for kind in eval_tags.KINDS:
        spans = sorted((item["start"], item["end"]) for item in passage[kind])
        assert all(end <= start for (_, end), (start, _) in zip(spans, spans[1:])), (kind, spans)
    for item in passage["dates"]:
        assert dt.date.fromisoformat(item["start_date"]) <= dt.date.fromisoformat(item["end_date"]), item
