"""Extraction quality gate: bench/eval_extract.py figures against tests/gold/extract_floors.json."""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FLOORS = json.loads((ROOT / "tests" / "gold" / "extract_floors.json").read_text(encoding="utf-8"))
PHRASES = json.loads((ROOT / "tests" / "gold" / "extract_phrases.json").read_text(encoding="utf-8"))


def _bench():
    spec = importlib.util.spec_from_file_location("eval_extract", ROOT / "bench" / "eval_extract.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


bench = _bench()


@pytest.fixture(scope="module")
def report() -> dict:
    return bench.evaluate(("aeb", "vnexpress", "sample"))


@pytest.mark.slow
@pytest.mark.parametrize("corpus, metric", [(c, m) for c, floors in FLOORS.items() if not c.startswith("_")
                                            for m in floors if m != "max_drop_vs_trafilatura"])
def test_figure_not_below_floor(report, corpus, metric):
    assert report[corpus]["ours"][metric] >= FLOORS[corpus][metric], bench.table(report)


@pytest.mark.slow
def test_aeb_not_below_plain_trafilatura(report):
    ours, theirs = report["aeb"]["ours"]["body_f1"], report["aeb"]["trafilatura"]["body_f1"]
    assert ours >= theirs - FLOORS["aeb"]["max_drop_vs_trafilatura"], bench.table(report)


@pytest.mark.slow
def test_readme_shows_todays_figures(report):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert bench.table(report) in readme, "README's extraction table is not what bench/eval_extract.py prints:\n" \
        + bench.table(report)


@pytest.mark.slow
def test_every_corpus_page_extracts(report):
    for corpus in ("vnexpress", "sample"):
        assert report[corpus]["ours"]["errors"] == []
    assert report["aeb"]["ours"]["pages"] == 181


def test_every_gold_file_has_its_page():
    gold_files = sorted((ROOT / "tests" / "gold" / "extract").glob("*/*.json"))
    assert len(gold_files) >= 5
    missing = [g.name for g in gold_files
               if not (bench.SAMPLE_SITE / json.loads(g.read_text(encoding="utf-8"))["path"]).exists()]
    assert missing == []
    assert len(bench.sample_cases()) == len(gold_files)


@pytest.mark.parametrize("case", bench.sample_cases(), ids=lambda case: case.name)
def test_sample_page_phrases(case):
    article = bench.extract_html(case.html, case.url)
    for phrase in PHRASES["must_not"] + PHRASES["by_site"].get(case.extra["site"], []):
        assert phrase.lower() not in article.text.lower(), phrase
    paragraphs = case.extra["paragraphs"]
    for phrase in (paragraphs[0][:60], paragraphs[-1][-60:]):
        assert phrase in article.text
    if case.author:
        assert case.author not in article.text.split("\n\n")
    for caption in case.captions or []:
        assert caption not in article.text.split("\n\n")
