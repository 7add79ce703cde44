"""How far two judges of the same blind search queries agree, beside the search scored against each.

tests/gold/search/second/<set>.json holds a second judge's judgments of a test set's queries (the
same queries and needs, judged without seeing the first judge's decisions or any search output;
see that folder's README). For each such set, and for all of them pooled, this prints:

- the second judge scored as if it were a search against the first (precision, recall: what the
  best possible search, one that returned exactly what a careful reader finds, would score), and
  Cohen's kappa over every (query, article) pair of the collection;
- the search scored against the first judge (as bench/eval_search.py does) and against the second.

Means are over queries, as in bench/eval_search.py. Usage: python bench/judge_agreement.py
"""
from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_search import EVERY_MATCH, GOLD, build_index, load_queries, means, score_query  # noqa: E402

from data import Index  # noqa: E402  (eval_search put the repo root on the path)

SECOND = GOLD / "second"


def second_judgments(folder: Path = SECOND) -> dict[str, list[dict]]:
    """Each set's second judgments, by set name, in the order of the first judge's queries."""
    return {path.stem: json.loads(path.read_text(encoding="utf-8"))["queries"]
            for path in sorted(folder.glob("test*.json"), key=lambda p: int(p.stem[4:]))}


def kappa(pairs: list[tuple[bool, bool]]) -> float:
    """Cohen's kappa of two judges' yes/no decisions on the same items."""
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    first, second = sum(a for a, _ in pairs) / n, sum(b for _, b in pairs) / n
    expected = first * second + (1 - first) * (1 - second)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def agreement(sets: dict[str, list[dict]], firsts: dict[str, list[dict]], articles: list[str],
              returned: dict[str, list[list[str]]]) -> dict[str, dict]:
    """Per set and pooled: the second judge against the first, kappa, and the search against each."""
    rows: dict[str, dict] = {}
    pooled: dict[str, list] = {"judge": [], "first": [], "second": [], "pairs": []}
    for name, seconds in sets.items():
        first = firsts[name]
        if [q["query"] for q in seconds] != [q["query"] for q in first]:
            raise SystemExit(f"judge_agreement.py: {name}: the second judgments are not the first's queries in order")
        judge = [score_query(sorted(b["relevant"]), a["relevant"]) for a, b in zip(first, seconds)]
        by_first = [score_query(hits, a["relevant"]) for hits, a in zip(returned[name], first)]
        by_second = [score_query(hits, b["relevant"]) for hits, b in zip(returned[name], seconds)]
        pairs = [(key in a["relevant"], key in b["relevant"]) for a, b in zip(first, seconds) for key in articles]
        rows[name] = {"judge": means(judge), "kappa": kappa(pairs), "first": means(by_first),
                      "second": means(by_second)}
        for part, values in (("judge", judge), ("first", by_first), ("second", by_second), ("pairs", pairs)):
            pooled[part] += values
    if len(sets) > 1:
        rows["pooled"] = {"judge": means(pooled["judge"]), "kappa": kappa(pooled["pairs"]),
                          "first": means(pooled["first"]), "second": means(pooled["second"])}
    return rows


def main() -> None:
    sets = second_judgments()
    if not sets:
        raise SystemExit(f"judge_agreement.py: no second judgments in {SECOND}")
    firsts = load_queries()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "eval.db"
        keys = build_index(path)
        index = Index(path, read_only=True)
        try:
            returned = {name: [[keys[h.id] for h in index.search(q["query"], limit=EVERY_MATCH)] for q in firsts[name]]
                        for name in sets}
        finally:
            index.close()
    rows = agreement(sets, firsts, sorted(keys.values()), returned)
    print(f"{'set':<8} {'queries':>7}  {'second judge vs first':>22}  {'kappa':>5}  "
          f"{'search vs first (P / R / P@10)':>30}  {'search vs second (P / R / P@10)':>31}")
    for name, row in rows.items():
        judge, first, second = row["judge"], row["first"], row["second"]
        print(f"{name:<8} {judge['queries']:>7}  {judge['precision']:>10.3f} / {judge['recall']:.3f}     "
              f"{row['kappa']:>5.3f}  {first['precision']:>12.3f} / {first['recall']:.3f} / {first['p_at_10']:.3f}  "
              f"{second['precision']:>13.3f} / {second['recall']:.3f} / {second['p_at_10']:.3f}")


if __name__ == "__main__":
    main()
