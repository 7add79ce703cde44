"""Evaluate search against the judged queries in tests/gold/search/ (queries.json: dev and test;
test2.json to test12.json: test2 to test12, each judged blind after the sets before it had been read;
dev2.json to dev22.json: sets to tune on, judged blind like the others).

The collection: the sample portal's 30 articles (extracted from their pages, as the demo indexes
them; keyed ``demo:<url path>``) and the 123 real articles of tests/gold/search/real_articles.jsonl
(indexed as given; keyed ``real:<id>``). Each query runs as ``vnportal search`` runs it (default
mode), every match returned. Relevant = judged grade 1 or 2. Per set:

- precision: relevant articles returned / articles returned (a query returning nothing counts
  as 1.0 when nothing is relevant, else it is left out of the mean: it returned no wrong article);
- recall: relevant articles returned / relevant articles (queries with none judged relevant skip);
- P@10: relevant articles among the first min(10, returned) (skipped where nothing is returned
  and nothing relevant exists); nDCG@10 with the grades as gains.

Means are over queries (macro). With every test set scored, a last line pools their queries
("all test sets"), the larger sample the issue's targets are read against.

Usage: python bench/eval_search.py [--set test] [--json] [--set dev2 --errors]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from data import FetchedPage, Index  # noqa: E402  (the repo root is put on the path first)

GOLD = ROOT / "tests" / "gold" / "search"
EVERY_MATCH = 10_000  # a limit above the collection's size: every match is returned
TUNED = ("dev", *(f"dev{n}" for n in range(2, 23)))  # the sets tuned on: their per-query results may be shown
BLIND = ("test", *(f"test{n}" for n in range(2, 13)))  # the test sets, never tuned on
SETS = TUNED + BLIND
ALL_BLIND = "all test sets"  # every blind query as one set: the "judged set", sampled twelve times


def load_queries(gold: Path = GOLD) -> dict[str, list[dict]]:
    data = json.loads((gold / "queries.json").read_text(encoding="utf-8"))
    blind = {name: json.loads((gold / f"{name}.json").read_text(encoding="utf-8"))["queries"]
             for name in SETS if name not in ("dev", "test")}
    return {"dev": data["dev"], "test": data["test"], **blind}


def build_index(path: Path, gold: Path = GOLD) -> dict[int, str]:
    """Index the collection at ``path``; return each article id's gold key."""
    from extract.article import Article
    from nlp import tag

    sys.path.insert(0, str(ROOT / "bench"))
    from common import FETCHED_AT, index_sample_pages

    reals = [json.loads(line) for line in (gold / "real_articles.jsonl").read_text(encoding="utf-8").splitlines()]
    index = Index(path)
    index_sample_pages(index)
    for real in reals:
        article = Article(url=real["url"], title=real["title"], text=real["text"], published=real["published"])
        page = FetchedPage(url=real["url"], site=real["site"], body=b"", fetched_at=FETCHED_AT)
        index.store_page(page)
        reference = dt.date.fromisoformat((real["published"] or FETCHED_AT)[:10])
        with index.transaction():
            index.add_article(page, article, tag(article.text, reference))
            index.mark_page(page.id, "indexed", "gold", FETCHED_AT)
    real_ids = {real["url"]: real["id"] for real in reals}
    keys = {article_id: f"real:{real_ids[url]}" if url in real_ids else f"demo:{urlsplit(url).path}"
            for article_id, url in index.db.execute("SELECT id, url FROM articles")}
    index.close()
    return keys


def _dcg(gains: list[float]) -> float:
    return sum(gain / math.log2(rank + 2) for rank, gain in enumerate(gains))


def score_query(returned: list[str], judged: dict[str, int]) -> dict:
    relevant = {key for key, grade in judged.items() if grade > 0}
    hits = [key for key in returned if key in relevant]
    top = returned[:10]
    ideal = sorted(judged.values(), reverse=True)[:10]
    return {
        "returned": len(returned), "relevant": len(relevant), "correct": len(hits),
        "precision": len(hits) / len(returned) if returned else (1.0 if not relevant else None),
        "recall": len(hits) / len(relevant) if relevant else None,
        "p_at_10": sum(key in relevant for key in top) / len(top) if top else (1.0 if not relevant else None),
        "ndcg_at_10": _dcg([judged.get(key, 0) for key in top]) / _dcg(ideal) if ideal and relevant else None,
        "wrong": [key for key in returned if key not in relevant],
        "missed": sorted(relevant - set(hits)),
    }


def _mean(values: list) -> float | None:
    values = [v for v in values if v is not None]
    return sum(values) / len(values) if values else None


def evaluate(path: Path, keys: dict[int, str], queries: list[dict]) -> dict:
    """Per-query scores and their means."""
    index = Index(path, read_only=True)
    try:
        per_query = []
        for query in queries:
            hits = index.search(query["query"], limit=EVERY_MATCH)
            per_query.append({"query": query["query"], **score_query([keys[h.id] for h in hits], query["relevant"])})
    finally:
        index.close()
    return means(per_query)


def means(per_query: list[dict]) -> dict:
    """The per-query scores (``score_query``) averaged over the queries (macro), with the count and the list."""
    averages = {name: _mean([q[name] for q in per_query]) for name in ("precision", "recall", "p_at_10", "ndcg_at_10")}
    return {"queries": len(per_query), **averages, "per_query": per_query}


def run(sets=SETS, gold: Path = GOLD) -> dict[str, dict]:
    """Scores per set; with every blind set asked for, also ALL_BLIND, their queries pooled."""
    queries = load_queries(gold)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "eval.db"
        keys = build_index(path, gold)
        results = {name: evaluate(path, keys, queries[name]) for name in sets}
    if set(BLIND) <= set(sets):
        results[ALL_BLIND] = means([query for name in BLIND for query in results[name]["per_query"]])
    return results


def line(name: str, result: dict) -> str:
    """One set's scores, as printed (and as README's "Quality" shows the test sets)."""
    return (f"{name}: {result['queries']} queries   precision {result['precision']:.3f}   recall "
            f"{result['recall']:.3f}   P@10 {result['p_at_10']:.3f}   nDCG@10 {result['ndcg_at_10']:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", choices=SETS, action="append", help="Only this set (repeatable).")
    parser.add_argument("--json", action="store_true",
                        help="Print the scores as JSON (per query for the dev sets only).")
    parser.add_argument("--errors", action="store_true",
                        help="List each dev set query's wrong and missed articles (the test sets are not tuned on).")
    args = parser.parse_args()
    if args.errors and set(args.set or SETS) - set(TUNED):
        parser.exit(2, "eval_search.py: --errors lists the dev sets' queries only: add --set dev or dev2 to dev22\n")
    results = run(tuple(args.set or SETS))
    if args.json:  # the test sets' per-query results are not shown: they are not tuned on
        shown = {name: {key: value for key, value in result.items() if name in TUNED or key != "per_query"}
                 for name, result in results.items()}
        print(json.dumps(shown, ensure_ascii=False, indent=2))
        return
    for name, result in results.items():
        print(line(name, result))
        if args.errors:
            for query in result["per_query"]:
                if query["wrong"] or query["missed"]:
                    print(f"  {query['query']!r}: returned {query['returned']}, relevant {query['relevant']}; "
                          f"wrong {query['wrong']}; missed {query['missed']}")


if __name__ == "__main__":
    main()
