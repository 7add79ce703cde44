"""The search gold: every judged article is in the collection, and search meets the floors."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold" / "search"
FLOORS = json.loads((GOLD / "floors.json").read_text(encoding="utf-8"))

_spec = importlib.util.spec_from_file_location("eval_search", ROOT / "bench" / "eval_search.py")
eval_search = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(eval_search)


@pytest.fixture(scope="module")
def results():
    return eval_search.run()


def test_every_judged_article_is_in_the_collection(tmp_path):
    keys = set(eval_search.build_index(tmp_path / "collection.db").values())
    queries = eval_search.load_queries()
    assert len(queries["test"]) >= 40 and len(queries["dev"]) >= 15 and len(queries["test2"]) >= 25 \
        and all(len(queries[name]) >= 25 for name in ("test3", "test4", "test5", "test6", "test7", "test8", "test9", "test10", "test11", "test12", "dev2")) \
        and all(len(queries[name]) >= 30 for name in ("dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12", "dev13", "dev14", "dev15", "dev16", "dev17", "dev18", "dev19", "dev20", "dev21", "dev22"))
    for name, judged in queries.items():
        for query in judged:
            assert set(query["relevant"]) <= keys, (name, query["query"])
            assert set(query["relevant"].values()) <= {1, 2}, (name, query["query"])
    asked = [{q["query"] for q in judged} for judged in queries.values()]
    assert all(not (a & b) for i, a in enumerate(asked) for b in asked[i + 1:])  # no query in two sets


@pytest.mark.parametrize("name", (*eval_search.SETS, eval_search.ALL_BLIND))
def test_search_meets_the_floors(results, name):
    for measure, floor in FLOORS[name].items():
        assert results[name][measure] >= floor, (name, measure, results[name][measure])


def test_readme_shows_todays_test_set_figures(results):
    shown = "\n".join(eval_search.line(name, results[name]) for name in (*eval_search.BLIND, eval_search.ALL_BLIND))
    assert shown in (ROOT / "README.md").read_text(encoding="utf-8"), \
        "README's search table is not what bench/eval_search.py prints:\n" + shown


def test_mismatches_of_the_test_sets_are_not_listed():
    import subprocess
    import sys

    done = subprocess.run([sys.executable, str(ROOT / "bench" / "eval_search.py"), "--errors"],
                          capture_output=True, text=True)
    assert done.returncode == 2 and "dev sets' queries only" in done.stderr and not done.stdout


_agreement_spec = importlib.util.spec_from_file_location("judge_agreement", ROOT / "bench" / "judge_agreement.py")
judge_agreement = importlib.util.module_from_spec(_agreement_spec)
_agreement_spec.loader.exec_module(judge_agreement)


def test_second_judgments_judge_the_first_judges_queries(tmp_path):
    keys = set(eval_search.build_index(tmp_path / "collection.db").values())
    firsts, seconds = eval_search.load_queries(), judge_agreement.second_judgments()
    assert set(seconds) == {f"test{n}" for n in range(7, 13)}
    for name, judged in seconds.items():
        assert [q["query"] for q in judged] == [q["query"] for q in firsts[name]], name
        for query in judged:
            assert set(query["relevant"]) <= keys and set(query["relevant"].values()) <= {1, 2}, (name, query["query"])


def test_kappa_is_one_for_the_same_decisions_and_zero_for_chance_agreement():
    same = [(True, True), (False, False), (True, True), (False, False)]
    chance = [(True, True), (True, False), (False, True), (False, False)]
    assert judge_agreement.kappa(same) == 1.0
    assert judge_agreement.kappa(chance) == 0.0


def test_a_second_judge_is_scored_against_the_first_as_a_search_would_be():
    firsts = {"t": [{"query": "a", "relevant": {"x": 2, "y": 1}}, {"query": "b", "relevant": {}}]}
    seconds = {"t": [{"query": "a", "relevant": {"x": 2, "z": 1}}, {"query": "b", "relevant": {}}]}
    returned = {"t": [["x", "y"], []]}
    row = judge_agreement.agreement(seconds, firsts, ["x", "y", "z"], returned)["t"]
    assert (row["judge"]["precision"], row["judge"]["recall"]) == (0.75, 0.5)  # 'b': nothing judged, nothing found
    assert (row["first"]["precision"], row["second"]["precision"]) == (1.0, 0.75)
    assert 0 < row["kappa"] < 1
