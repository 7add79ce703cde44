"""What the benchmarks share: the sample article pages, raw-page loading, machine description."""
from __future__ import annotations

import gzip
import hashlib
import json
import os
import platform
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SAMPLE_SITE = ROOT / "data" / "sample_site"
GOLD = ROOT / "tests" / "gold" / "extract"
CACHE = Path(__file__).resolve().parent / ".cache"
BASE = "http://127.0.0.1:8765"  # the port `vnportal nightly --sample` serves on
FETCHED_AT = "2024-06-21T07:00:00+00:00"


@dataclass
class SamplePage:
    """One article page of the sample portal, as the sample server would send it."""
    site: str
    url: str
    body: bytes


def sample_pages(base: str = BASE) -> list[SamplePage]:
    """The sample portal's article pages (those with gold), in a fixed order."""
    pages = []
    for gold in sorted(GOLD.glob("*/*.json")):
        path = json.loads(gold.read_text(encoding="utf-8"))["path"]
        body = (SAMPLE_SITE / path).read_bytes().replace(b"{{BASE}}", base.encode())
        pages.append(SamplePage(site=path.split("/", 1)[0], url=f"{base}/{path}", body=body))
    return pages


def copy_url(url: str, copy: int) -> str:
    """A distinct URL for the ``copy``-th repetition of a page (copy 0 is the page itself)."""
    return url if copy == 0 else f"{url}?copy={copy}"


def index_sample_pages(index) -> list[SamplePage]:
    """Store the sample portal's article pages as a crawl would, then extract, tag and index them
    (``crawler.process.process_pending``); return the pages."""
    from data import FetchedPage
    from crawler.process import process_pending

    pages = sample_pages()
    for page in pages:
        index.store_page(FetchedPage(url=page.url, site=page.site, body=page.body, fetched_at=FETCHED_AT))
    process_pending(index)
    return pages


def store_raw_pages(index, pages: list[SamplePage], count: int) -> None:
    """Queue ``count`` raw pages (the sample pages repeated under distinct URLs) for processing.

    The rows are those ``Index.store_page`` writes, inserted in one transaction (one commit per
    page would measure the disk, not the pipeline).
    """
    packed = [(page, gzip.compress(page.body), hashlib.sha256(page.body).hexdigest()) for page in pages]
    headers = json.dumps({"Content-Type": "text/html; charset=utf-8"})


    def rows():
        for i in range(count):
            page, body_gz, digest = packed[i % len(packed)]
            yield copy_url(page.url, i // len(packed)), page.site, FETCHED_AT, 200, headers, body_gz, digest, "pending"

    with index.db.conn:
        index.db.conn.executemany(
            "INSERT INTO raw_pages (url, site, fetched_at, http_status, headers, html_gz, body_sha256, "
            "process_status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows())


def cache_dir() -> Path:
    """bench/.cache, created with a .gitignore of its own (as pytest does for .pytest_cache)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    ignore = CACHE / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# built by the benchmarks, never committed\n*\n")
    return CACHE


def machine() -> list[str]:
    """CPU model, cores, Python and SQLite versions."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return [f"CPU:     {cpu}, {os.cpu_count()} logical core(s), {usable} usable",
            f"Python:  {platform.python_version()} ({platform.python_implementation()}) on {platform.platform()}",
            f"SQLite:  {sqlite3.sqlite_version} (Python sqlite3 module)"]
