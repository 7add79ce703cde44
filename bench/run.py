"""vnportal benchmarks: stage throughput, search latency, export speed and peak memory.

    python bench/run.py [--rounds 10] [--articles 100000] [--synthetic 1000000] [--skip-synthetic]
                        [--real DIR]

Not tests: the numbers depend on the machine and on what else runs on it. Each measured value
is printed beside its target.
  1. extract, tag, index and the whole pipeline (process_pending) on the sample portal's 30
     article pages (repeated --rounds times), each against trafilatura.extract on the same HTML;
  2. search p50/p95 over 50 queries and CSV export rows/s on a synthetic index of --synthetic
     articles (bench/build_synthetic_index.py; cached under bench/.cache/);
  3. peak RSS (ru_maxrss) of a child process running process_pending over --articles raw pages;
  4. `vnportal ingest` of a WARC of the real pages bench/realpages/build.py wrote into --real DIR
     (the sample article pages without it): a fresh process that starts, stores, extracts, tags
     and indexes, against a fresh process running trafilatura.extract on the same WARC's pages.
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import math
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from common import FETCHED_AT, copy_url, machine, sample_pages, store_raw_pages  # first: puts the repo on sys.path

import trafilatura

from crawler.process import process_pending, profile_for, reference_date
from data import FetchedPage, Index
from data.export import EXPORT_COLUMNS, write_rows
from data.search import compile_for
from extract import extract_html
from nlp import tag

TARGET_PIPELINE_RATIO = 2.5  # whole pipeline cost per article, in trafilatura.extract costs
TARGET_PIPELINE_RATE = 50  # articles/s on one core, the same target in absolute terms
TARGET_SEARCH_P95_MS = 20
TARGET_EXPORT_S = 30  # for 1M article rows
TARGET_RSS_MB = 400

# (query, options): what people look for on provincial portals, typed with and without accents,
# plain and in FTS syntax, alone and with filters. "{person}"/"{rare_person}" are filled from the index.
PLAIN = ["chuyển đổi số", "chuyen doi so", "dang uy", "Ban Tuyên giáo", "tuyen giao", "hội nghị tổng kết",
         "công tác khoa giáo", "nông thôn mới", "an toàn thông tin mạng", "cải cách hành chính", "hộ nghèo",
         "giáo dục và đào tạo", "năm học 2022-2023", "COVID-19", "đại hội đại biểu", "Mặt trận Tổ quốc",
         "dư luận xã hội", "bảo vệ nền tảng tư tưởng của Đảng", "đồng bào dân tộc thiểu số",
         "học tập và làm theo tư tưởng đạo đức phong cách Hồ Chí Minh", "Nghị quyết 43", "Chỉ thị 05", "01-KL/TW",
         "thanh uy hai phong", "Kiên Giang", "quý I", "{person}", "{rare_person}"]
SYNTAX = ['"chuyển đổi số"', "tuyên giáo OR dân vận", "khoa giáo NOT y tế", 'NEAR("Ban Tuyên giáo" "hội nghị", 10)',
          "title:hội nghị", "chuyển* số", "tuyen*", "(an ninh OR quốc phòng) AND tuyên truyền"]
EXACT = ["Thành ủy", "chuyển đổi số", "Đảng ủy", "hội nghị"]
FILTERED = [("Ban Thường vụ", {"mode": "exact", "site": "tuyengiao"}), ("hội nghị", {"site": "haiphong"}),
            ("tuyen giao", {"since": "2023"}), ("chuyển đổi số", {"since": "2021-01", "until": "2021-12"}),
            ("khoa giáo", {"official": "{person}"}), ("tổng kết", {"directive": "05-CT/TW"}),
            ("dang uy", {"site": "danang", "since": "2020", "until": "2022"}), ("hộ nghèo", {"directive": "43-NQ/TW"}),
            ("giáo dục", {"official": "{rare_person}", "since": "2019"}),
            ("an toàn giao thông", {"site": "huyen", "until": "2018-06"})]
QUERIES: list[tuple[str, dict]] = ([(query, {}) for query in PLAIN + SYNTAX]
                                   + [(query, {"mode": "exact"}) for query in EXACT] + FILTERED)


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f}"


def _verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def _mb(maxrss: int) -> float:
    return maxrss / 2**20 if sys.platform == "darwin" else maxrss / 1024  # bytes on macOS, KiB elsewhere


# -- 1. stages -----------------------------------------------------------------------------
def _timed(run, rounds: int) -> float:
    """Seconds per round of ``run``, after one warm-up round (imports, caches, lazy data)."""
    run(-1)
    started = time.perf_counter()
    for round_number in range(rounds):
        run(round_number)
    return (time.perf_counter() - started) / rounds


def stages(rounds: int, workers: int) -> list[str]:
    pages = sample_pages()
    fetched = [FetchedPage(url=p.url, site=p.site, body=p.body, fetched_at=FETCHED_AT,
                           headers={"Content-Type": "text/html; charset=utf-8"}) for p in pages]
    profiles = {page.site: profile_for(page.site) for page in fetched}
    articles = [extract_html(p.body, p.url, profile=profiles[p.site], headers=p.headers) for p in fetched]
    found = [tag(a.text, reference_date(a.published, FETCHED_AT)) for a in articles]
    per_round = len(pages)
    seconds = {
        "trafilatura.extract (baseline)": _timed(lambda r: [trafilatura.extract(p.body, url=p.url) for p in fetched],
                                                 rounds),
        "extract (extract_html)": _timed(lambda r: [extract_html(p.body, p.url, profile=profiles[p.site],
                                                                 headers=p.headers) for p in fetched], rounds),
        "tag (nlp.tag)": _timed(lambda r: [tag(a.text, reference_date(a.published, FETCHED_AT)) for a in articles],
                                rounds),
    }
    with tempfile.TemporaryDirectory() as tmp:
        index = Index(Path(tmp) / "stages.db")

        def add(round_number: int) -> None:
            for page, article, tags in zip(fetched, articles, found):
                url = copy_url(page.url, round_number + 2)  # every round adds new articles
                index.add_article(dataclasses.replace(page, url=url), dataclasses.replace(article, url=url), tags)

        seconds["index (Index.add_article)"] = _timed(add, rounds)
        index.close()
        runs = [("whole pipeline (process_pending)", 1)]
        if workers > 1:
            runs.append((f"whole pipeline, --workers {workers}", workers))
        for label, count in runs:
            index = Index(Path(tmp) / f"pipeline-{count}.db")
            store_raw_pages(index, pages, per_round * rounds)
            started = time.perf_counter()
            process_pending(index, workers=count)
            seconds[label] = (time.perf_counter() - started) / rounds
            index.close()
    base = seconds["trafilatura.extract (baseline)"]
    html_kb = statistics.mean(len(p.body) for p in pages) / 1024
    chars = statistics.mean(len(a.text) for a in articles)
    lines = [f"Stages: the {per_round} sample article pages x {rounds} rounds (HTML {html_kb:.1f} KB, text "
             f"{chars:,.0f} characters per page on average)",
             f"  {'stage':<38} {'articles/s':>10} {'ms/article':>10} {'x trafilatura':>13}   target"]
    for label, spent in seconds.items():
        rate, ratio = per_round / spent, spent / base
        target = ""
        if label.startswith("whole pipeline (process_pending)"):
            target = (f"<= {TARGET_PIPELINE_RATIO:.1f} x: {_verdict(ratio <= TARGET_PIPELINE_RATIO)}; "
                      f">= {TARGET_PIPELINE_RATE}/s: {_verdict(rate >= TARGET_PIPELINE_RATE)}")
        elif label.startswith("whole pipeline"):
            target = "(includes starting the workers)"
        lines.append(f"  {label:<38} {rate:10.1f} {_ms(spent / per_round):>10} {ratio:13.2f}   {target}")
    return lines


# -- 4. the whole pipeline as a command, on a WARC of real pages --------------------------------
TARGET_INGEST_RATIO = 1.0  # `vnportal ingest` of a WARC, in costs of trafilatura.extract on its pages
_TRAFILATURA_CHILD = """
import sys
from crawler.warc import ArchiveIterator  # warcio as vnportal imports it, without fsspec
import trafilatura
with open(sys.argv[1], "rb") as stream:
    for record in ArchiveIterator(stream):
        if record.rec_type == "response":
            trafilatura.extract(record.content_stream().read(), url=record.rec_headers.get_header("WARC-Target-URI"))
"""


def write_warc(pages: list[tuple[str, bytes]], path: Path) -> None:
    """A gzipped WARC of HTTP 200 text/html responses, one per (url, body), captured at FETCHED_AT."""
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, body in pages:
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=BytesIO(body), http_headers=http,
                warc_headers_dict={"WARC-Date": FETCHED_AT.replace("+00:00", "Z")}))


def real_pages(directory: Path) -> list[tuple[str, bytes]]:
    gold = json.loads((directory / "gold.json").read_text(encoding="utf-8"))
    return [(entry["url"], (directory / entry["file"]).read_bytes()) for entry in gold]


# children run as installed programs do: with their bytecode cached (as after a first run), even
# where this shell says PYTHONDONTWRITEBYTECODE (pip compiles trafilatura's; vnportal's is editable)
_CHILD_ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def _seconds(command: list[str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system) of a child process running ``command``: on a
    loaded machine the wall time is mostly waiting for a core, the CPU time is the work done."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False, env=_CHILD_ENV)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise RuntimeError(f"{command[0]} failed: {done.stderr.strip().splitlines()[-1:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def ingest_vs_trafilatura(pages: list[tuple[str, bytes]], what: str, rounds: int) -> list[str]:
    """Median wall and CPU time of `vnportal ingest WARC` (a new index each round) against a process
    that runs trafilatura.extract on the same WARC's pages; both start from nothing, so both pay
    their start-up, after one untimed run each (bytecode cached). Also trafilatura.extract alone,
    in this process (warm)."""
    vnportal = Path(sys.executable).with_name("vnportal")
    ingest_runs, trafilatura_runs = [], []
    with tempfile.TemporaryDirectory() as tmp:
        warc = Path(tmp) / "pages.warc.gz"
        write_warc(pages, warc)
        _seconds([sys.executable, "-c", _TRAFILATURA_CHILD, str(warc)])
        _seconds([str(vnportal), "ingest", str(warc), "--db", str(Path(tmp) / "first-run.db")])
        for round_number in range(rounds):  # alternating, so both see the same load
            trafilatura_runs.append(_seconds([sys.executable, "-c", _TRAFILATURA_CHILD, str(warc)]))
            ingest_runs.append(_seconds([str(vnportal), "ingest", str(warc), "--db",
                                         str(Path(tmp) / f"ingest-{round_number}.db")]))
    warm = _timed(lambda r: [trafilatura.extract(body, url=url) for url, body in pages], max(1, rounds))
    ingest, baseline = (statistics.median(run[0] for run in ingest_runs),
                        statistics.median(run[0] for run in trafilatura_runs))
    ingest_cpu, baseline_cpu = (statistics.median(run[1] for run in ingest_runs),
                                statistics.median(run[1] for run in trafilatura_runs))
    ratio = ingest / baseline
    return [f"Whole pipeline as a command: {len(pages)} {what} in one WARC, median of {rounds} fresh processes each",
            f"  {'run':<52} {'s':>7} {'ms/page':>8} {'x trafilatura':>13} {'CPU s':>6} {'x':>5}",
            f"  {'trafilatura.extract on the pages (process, start-up)':<52} {baseline:7.2f} "
            f"{baseline / len(pages) * 1000:8.1f} {1.0:13.2f} {baseline_cpu:6.2f} {1.0:5.2f}",
            f"  {'vnportal ingest (start, store, extract, tag, index)':<52} {ingest:7.2f} "
            f"{ingest / len(pages) * 1000:8.1f} {ratio:13.2f} {ingest_cpu:6.2f} {ingest_cpu / baseline_cpu:5.2f}"
            f"   target <= {TARGET_INGEST_RATIO:.1f} x: {_verdict(ratio <= TARGET_INGEST_RATIO)}",
            f"  {'trafilatura.extract alone (in this process, warm)':<52} {warm:7.2f} "
            f"{warm / len(pages) * 1000:8.1f} {warm / baseline:13.2f}   "
            f"(ingest = {ingest / warm:.1f} x this)"]


# -- 2. search and export on the synthetic index -------------------------------------------
def _people(index: Index) -> dict[str, str]:
    """The most mentioned person and one mentioned in few articles (fixed for a given build)."""
    top = index.db.execute("SELECT name FROM people ORDER BY article_count DESC, id LIMIT 1").fetchone()
    rare = index.db.execute("SELECT name FROM people WHERE article_count BETWEEN 5 AND 50 "
                            "ORDER BY article_count DESC, id LIMIT 1").fetchone()
    return {"person": top[0] if top else "Nguyễn Văn An", "rare_person": rare[0] if rare else "Nguyễn Văn An"}


def _runs(index: Index, query: str, options: dict, runs: int) -> tuple[list[float], int]:
    """Seconds of 1 + ``runs`` calls of Index.search (the first one separate), and the hits returned."""
    spent = []
    for _ in range(runs + 1):
        started = time.perf_counter()
        hits = index.search(query, **options)
        spent.append(time.perf_counter() - started)
    return spent, len(hits)


def _matching(index: Index, query: str, mode: str) -> int:
    """Articles matching ``query`` before any filter: the rows bm25 ranks."""
    match = compile_for(index.db, query, mode)
    return index.db.execute(f"SELECT count(*) FROM {match.table} WHERE {match.table} MATCH ?",
                            [match.expression]).fetchone()[0]


def _latency_line(label: str, values: list[float], target: str = "") -> str:
    return f"  {label:<38} {len(values):5d} {_ms(_percentile(values, 50))} {_ms(_percentile(values, 95))}   {target}"


def search_and_export(path: Path, articles: int, runs: int = 5) -> list[str]:
    index = Index(path)
    names = _people(index)
    queries = [(query.format(**names), {key: value.format(**names) if isinstance(value, str) else value
                                        for key, value in options.items()}) for query, options in QUERIES]
    first, timings, measured = [], {"accent-insensitive": [], "exact": [], "with filters": []}, []
    for query, options in queries:
        spent, hits = _runs(index, query, options, runs)
        first.append(spent[0])
        timings["with filters" if set(options) - {"mode"} else options.get("mode", "accent-insensitive")] += spent[1:]
        measured.append((statistics.median(spent[1:]), query, options, hits))
    every = [t for values in timings.values() for t in values]
    p95 = _percentile(every, 95)
    lines = [f"Search: {len(queries)} queries x {runs} runs (after one first run each), limit 20, Index.search",
             f"  {'queries':<38} {'runs':>5} {'p50 ms':>8} {'p95 ms':>8}   target",
             _latency_line("all", every, f"p95 <= {TARGET_SEARCH_P95_MS} ms   "
                                         f"{_verdict(p95 * 1000 <= TARGET_SEARCH_P95_MS)}")]
    lines += [_latency_line(kind, values) for kind, values in timings.items()]
    lines.append(_latency_line("first run of each query", first))
    # the same plain several-word queries as phrases: what a phrase default would cost
    plain = [(query, options) for query, options in queries
             if " " in query and not set(query) & set('"*():') and not {"AND", "OR", "NOT"} & set(query.split())]
    phrases = [t for query, options in plain for t in _runs(index, f'"{query}"', options, runs)[0][1:]]
    lines.append(_latency_line(f"{len(plain)} plain queries as \"phrases\"", phrases))
    lines.append("  slowest (median ms, hits returned, articles matching the words before filters):")
    for spent, query, options, hits in sorted(measured, key=lambda item: item[0], reverse=True)[:8]:
        matching = _matching(index, query, options.get("mode", "accent-insensitive"))
        described = " ".join(f"--{key}={value}" for key, value in options.items())
        lines.append(f"    {spent * 1000:8.1f} ms {hits:3d} {matching / articles:6.1%}  {query!r} {described}")
    for table in ("articles", "statistics"):
        started = time.perf_counter()
        with open(os.devnull, "w", encoding="utf-8", newline="") as out:
            count = write_rows(index.export_rows(table), out, list(EXPORT_COLUMNS[table]), "csv")
        spent = time.perf_counter() - started
        target = ""
        if table == "articles":  # the target is for a million rows: scaled when the index is smaller
            million = spent * 1_000_000 / max(count, 1)
            target = f"target 1M rows <= {TARGET_EXPORT_S} s: {million:.1f} s   {_verdict(million <= TARGET_EXPORT_S)}"
        lines.append(f"Export {table} CSV (to {os.devnull}): {count:,} rows in {spent:.1f} s = "
                     f"{count / spent:,.0f} rows/s   {target}")
    index.close()
    return lines


def _percentile(values: list[float], percent: float) -> float:
    """Nearest-rank percentile: the smallest value with ``percent`` % of the values at or below it."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(percent / 100 * len(ordered)) - 1)]


# -- 3. peak memory of a long processing run ------------------------------------------------
def memory(articles: int) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "backfill.db"
        index = Index(path)
        store_raw_pages(index, sample_pages(), articles)
        index.close()
        child = subprocess.run([sys.executable, __file__, "--memory-child", str(path)], capture_output=True,
                               text=True, check=False)
    if child.returncode != 0:
        return [f"Peak RSS: the processing run failed: {child.stderr.strip().splitlines()[-1:]}"]
    result = json.loads(child.stdout.strip().splitlines()[-1])
    peak = result["peak_mb"]
    counts = ", ".join(f"{name} {count:,}" for name, count in sorted(result["counts"].items()))
    trail = "  ".join(f"{share}%: {mb:.0f}" for share, mb in result["trail"])
    hwm = f", VmHWM {result['hwm_mb']:.0f} MB" if result["hwm_mb"] else ""
    return [f"Peak RSS: process_pending over {articles:,} raw pages (the sample pages under distinct URLs), "
            f"one process",
            f"  ru_maxrss {peak:.0f} MB{hwm} (after imports and opening the index: {result['start_mb']:.0f} MB)   "
            f"target <= {TARGET_RSS_MB} MB   {_verdict(peak <= TARGET_RSS_MB)}",
            f"  RSS (MB) through the run, by share of its time: {trail}",
            f"  {result['seconds']:.0f} s = {articles / result['seconds']:.1f} articles/s; {counts}"]


def _status_mb(field: str) -> float | None:
    """VmRSS (now) or VmHWM (peak of this program image) from /proc/self/status, where there is one."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def memory_child(path: str) -> None:
    """In a fresh process: process every pending page of ``path``; print peak RSS as JSON."""
    index = Index(path)
    tag("Ngày 1/1/2024, đồng chí Nguyễn Văn A, Bí thư Tỉnh ủy.", dt.date(2024, 1, 1))  # load the taggers' data
    start_mb = _status_mb("VmRSS") or _mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    samples: list[tuple[float, float]] = []
    started = time.perf_counter()
    stop = threading.Event()

    def sample() -> None:  # the current RSS once a second, to show whether it keeps growing
        while not stop.wait(1.0):
            resident = _status_mb("VmRSS")
            if resident is None:
                return
            samples.append((time.perf_counter() - started, resident))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    counts = process_pending(index)
    seconds = time.perf_counter() - started
    stop.set()
    sampler.join()
    index.close()
    trail = [(share, next((mb for at, mb in samples if at >= seconds * share / 100), samples[-1][1]))
             for share in (10, 25, 50, 75, 100)] if samples else []
    print(json.dumps({"peak_mb": _mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss), "start_mb": start_mb,
                      "hwm_mb": _status_mb("VmHWM"), "seconds": seconds, "counts": counts, "trail": trail}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10, help="times the 30 sample pages are processed (default 10)")
    parser.add_argument("--articles", type=int, default=100_000,
                        help="raw pages in the peak-memory processing run (default 100000; 0 skips it)")
    parser.add_argument("--synthetic", type=int, default=1_000_000,
                        help="articles in the synthetic index for search and export (default 1000000)")
    parser.add_argument("--skip-synthetic", action="store_true", help="skip search and export")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="workers for the second pipeline measurement (default: one per core)")
    parser.add_argument("--real", type=Path, metavar="DIR",
                        help="real pages built by bench/realpages/build.py for the ingest timing "
                             "(default: the sample article pages)")
    parser.add_argument("--memory-child", metavar="DB", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child:
        memory_child(args.memory_child)
        return
    print("vnportal benchmarks (not tests: numbers depend on the machine and on its load)")
    print("\n".join(machine()))
    print(f"Load average before the run: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    started = time.perf_counter()
    if args.articles:  # first: a child's ru_maxrss starts from its parent's size when it was started
        print("\n".join(memory(args.articles)), flush=True)
    print("\n".join(stages(args.rounds, args.workers)), flush=True)
    if args.real:
        pages, what = real_pages(args.real), f"real pages of {args.real}"
    else:
        pages, what = [(page.url, page.body) for page in sample_pages()], "sample article pages"
    print("\n".join(ingest_vs_trafilatura(pages, what, min(args.rounds, 5))), flush=True)
    if not args.skip_synthetic:
        from build_synthetic_index import build, cache_path

        path = cache_path(args.synthetic)
        if path.exists():
            how = "reused from the cache"
        else:
            built = time.perf_counter()
            build(args.synthetic, path, progress=lambda line: None)
            how = f"built in {time.perf_counter() - built:.0f} s"
        print(f"Synthetic index: {args.synthetic:,} articles, {how} ({path.name}, "
              f"{path.stat().st_size / 2**30:.1f} GiB)")
        print("\n".join(search_and_export(path, args.synthetic)), flush=True)
    print(f"Benchmark time: {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
