"""Search latency per query class on a large index (the synthetic one bench/run.py builds).

    python bench/bench_search.py [--index PATH] [--runs 5]

For each class of queries (words typed with accents, without, mixed; common syllables; document
references and names; FTS syntax; filters) it prints p50 and p95 of ``Index.search`` (limit 20)
and of a search with its count of matches (what ``vnportal search`` runs), over --runs runs of
each query after a first one, and the slowest queries. Not a test: the figures depend on the
machine and its load. Targets (issue #13): p95 <= 20 ms over the whole mix, no class over 200 ms.
"""
from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
from pathlib import Path

from common import ROOT  # noqa: F401  (first: puts the repo on sys.path)

from build_synthetic_index import cache_path
from data import Index

TARGET_P95_MS = 20
TARGET_CLASS_P95_MS = 200
CLASSES: dict[str, list[tuple[str, dict]]] = {
    "words, accents typed": [(q, {}) for q in (
        "chuyển đổi số", "Ban Tuyên giáo", "hội nghị tổng kết", "công tác khoa giáo", "nông thôn mới",
        "cải cách hành chính", "hộ nghèo", "đại hội đại biểu", "Mặt trận Tổ quốc", "dư luận xã hội",
        "an toàn thông tin mạng", "đồng bào dân tộc thiểu số", "bảo vệ nền tảng tư tưởng của Đảng",
        "cán bộ xã", "năm học mới", "cán bộ công chức xã")],
    "words, no accents": [(q, {}) for q in (
        "chuyen doi so", "tuyen giao", "hoi nghi tong ket", "nong thon moi", "cai cach hanh chinh", "ho ngheo",
        "dang uy", "thanh uy hai phong", "mat tran to quoc", "du luan xa hoi", "ban dan van", "can bo xa",
        "thi hanh an")],
    "words, mixed accents": [(q, {}) for q in (
        "Thanh ủy", "chuyen đổi số", "hội nghi tổng ket", "Ban tuyen giáo", "cong tác khoa giáo", "nông thon mới",
        "dang ủy", "ho nghèo", "ban dân vận", "tuyên giao")],
    "common syllables": [(q, {}) for q in ("đảng", "năm", "hội nghị", "công tác", "tỉnh", "dang", "nam", "cong tac")],
    "documents and names": [(q, {}) for q in (
        "Chỉ thị 05", "Nghị quyết 43", "01-KL/TW", "05-CT/TW", "{person}", "{rare_person}", "Kiên Giang", "quý I")],
    "FTS syntax": [(q, {}) for q in (
        '"chuyển đổi số"', "tuyên giáo OR dân vận", "khoa giáo NOT y tế", 'NEAR("Ban Tuyên giáo" "hội nghị", 10)',
        "title:hội nghị", "chuyển* số", "tuyen*", "(an ninh OR quốc phòng) AND tuyên truyền")],
    "with filters": [("Ban Thường vụ", {"mode": "exact", "site": "tuyengiao"}), ("hội nghị", {"site": "haiphong"}),
                     ("tuyen giao", {"since": "2023"}), ("chuyển đổi số", {"since": "2021-01", "until": "2021-12"}),
                     ("khoa giáo", {"official": "{person}"}), ("tổng kết", {"directive": "05-CT/TW"}),
                     ("dang uy", {"site": "danang", "since": "2020", "until": "2022"}),
                     ("hộ nghèo", {"directive": "43-NQ/TW"}), ("giáo dục", {"official": "{rare_person}", "since": "2019"}),
                     ("an toàn giao thông", {"site": "huyen", "until": "2018-06"})],
}


def _people(index: Index) -> dict[str, str]:
    top = index.db.execute("SELECT name FROM people ORDER BY article_count DESC, id LIMIT 1").fetchone()
    rare = index.db.execute("SELECT name FROM people WHERE article_count BETWEEN 5 AND 50 "
                            "ORDER BY article_count DESC, id LIMIT 1").fetchone()
    return {"person": top[0] if top else "Nguyễn Văn An", "rare_person": rare[0] if rare else "Nguyễn Văn An"}


def _percentile(values: list[float], percent: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(percent / 100 * len(ordered)) - 1)]


def _timed(call, runs: int) -> list[float]:
    """Seconds of ``runs`` calls after a first, unmeasured one."""
    call()
    spent = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        spent.append(time.perf_counter() - started)
    return spent


def _search_and_count(index: Index, query: str, options: dict) -> None:
    """What ``vnportal search`` runs: the hits and the count, in one call where the code has it
    (``search_counted``, the query compiled once), else a search and a count."""
    if hasattr(index, "search_counted"):
        index.search_counted(query, **options)
    else:
        index.search(query, **options)
        index.count_matches(query, **options)


def measure(index: Index, runs: int) -> list[str]:
    names = _people(index)
    counting = hasattr(index, "count_matches")
    lines = [f"  {'class':<26} {'queries':>7}  {'search p50':>10} {'p95 ms':>7}"
             + (f"  {'+count p50':>10} {'p95 ms':>7}" if counting else "")]
    every, every_counted, slowest = [], [], []
    for name, queries in CLASSES.items():
        searched, counted = [], []
        for query, options in queries:
            query = query.format(**names)
            options = {k: v.format(**names) if isinstance(v, str) else v for k, v in options.items()}
            spent = _timed(lambda: index.search(query, **options), runs)
            searched += spent
            if counting:
                both = _timed(lambda: _search_and_count(index, query, options), runs)
                counted += both
                total, exact = index.count_matches(query, **options)
                slowest.append((statistics.median(both), query, options, f"{'' if exact else '>'}{total:,}"))
            else:
                slowest.append((statistics.median(spent), query, options, ""))
        every += searched
        every_counted += counted
        line = f"  {name:<26} {len(queries):7d}  {_percentile(searched, 50) * 1000:10.1f} " \
               f"{_percentile(searched, 95) * 1000:7.1f}"
        if counting:
            line += f"  {_percentile(counted, 50) * 1000:10.1f} {_percentile(counted, 95) * 1000:7.1f}"
        lines.append(line)
    line = f"  {'all':<26} {sum(map(len, CLASSES.values())):7d}  {_percentile(every, 50) * 1000:10.1f} " \
           f"{_percentile(every, 95) * 1000:7.1f}"
    if counting:
        line += f"  {_percentile(every_counted, 50) * 1000:10.1f} {_percentile(every_counted, 95) * 1000:7.1f}"
    lines.append(line + f"   target p95 <= {TARGET_P95_MS} ms, each class <= {TARGET_CLASS_P95_MS} ms")
    lines.append("  slowest (median ms" + (" of search + count; matches" if counting else "") + "):")
    for spent, query, options, total in sorted(slowest, key=lambda item: item[0], reverse=True)[:8]:
        described = " ".join(f"--{key}={value}" for key, value in options.items())
        lines.append(f"    {spent * 1000:8.1f} ms {total:>10}  {query!r} {described}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", type=Path, default=cache_path(1_000_000),
                        help="The index to search (default: bench/run.py's synthetic 1M-article index).")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not args.index.exists():
        sys.exit(f"no index at {args.index}: build it with bench/build_synthetic_index.py")
    index = Index(args.index, read_only=True)
    articles = index.db.execute("SELECT count(*) FROM articles").fetchone()[0]
    print(f"Search latency on {args.index.name} ({articles:,} articles), limit 20, {args.runs} runs a query:")
    print("\n".join(measure(index, args.runs)))
    index.close()


if __name__ == "__main__":
    main()
