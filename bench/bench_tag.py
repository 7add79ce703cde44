"""Throughput of nlp.tag() on the five seed articles beside trafilatura.extract() on HTML pages.

Usage: python bench/bench_tag.py [--seconds 2]. Not a test: numbers depend on the machine.
HTML comes from the bundled sample portal (data/sample_site) when present, else the seed texts
wrapped in <p> elements.
"""
from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import trafilatura  # noqa: E402

from nlp import tag  # noqa: E402

SEEDS = ROOT / "tests" / "gold" / "seeds.json"
SAMPLE_SITE = ROOT / "data" / "sample_site"


def _rate(work: list, run, seconds: float) -> tuple[float, int]:
    """Items per second of ``run`` over ``work``, repeated until ``seconds`` have passed."""
    for item in work:  # warm-up: lazy imports, regex caches
        run(item)
    done, start = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - start) < seconds:
        for item in work:
            run(item)
        done += len(work)
    return done / elapsed, done


def _pages(seeds: list[dict]) -> tuple[list[str], str]:
    gold = sorted((ROOT / "tests" / "gold" / "extract").glob("*/*.json"))  # the article pages, by their gold
    paths = [SAMPLE_SITE / json.loads(g.read_text(encoding="utf-8"))["path"] for g in gold]
    pages = [p.read_text(encoding="utf-8", errors="replace") for p in paths if p.exists()]
    if pages:
        return pages, f"{len(pages)} sample-site article pages"
    wrapped = ["<html><body><article>" + "".join(f"<p>{html.escape(par)}</p>" for par in s["text"].split("\n\n"))
               + "</article></body></html>" for s in seeds]
    return wrapped, f"{len(wrapped)} seed texts wrapped in <p>"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=2.0, help="time spent on each measurement")
    args = parser.parse_args()
    seeds = json.loads(SEEDS.read_text(encoding="utf-8"))
    articles = [(s["text"], dt.date.fromisoformat(s["published"][:10])) for s in seeds]
    chars = sum(len(text) for text, _ in articles) / len(articles)
    tag_rate, tagged = _rate(articles, lambda a: tag(*a), args.seconds)
    pages, source = _pages(seeds)
    extract_rate, extracted = _rate(pages, trafilatura.extract, args.seconds)
    print(f"nlp.tag:             {tag_rate:8.1f} articles/s  ({tagged} calls, {chars:.0f} chars per seed article)")
    print(f"trafilatura.extract: {extract_rate:8.1f} pages/s     ({extracted} calls on {source})")
    print(f"tag time / extract time per article: {extract_rate / tag_rate:.2f}")


if __name__ == "__main__":
    main()
