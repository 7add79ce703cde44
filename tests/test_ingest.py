"""`vnportal ingest`: HTML files, folders and WARC archives become raw pages, then articles."""
from __future__ import annotations

import io
import json
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from bench import bench_ingest_memory as huge
from crawler import crawl, sample_profiles
from crawler.ingest import ingest, site_for
from crawler.urls import canonical
from crawlsite import fast
from data import Index
from data.sample_server import serve_sample_site
from extract import MAX_PAGE_BYTES
from pipeline import cli

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "data" / "sample_site"
GOLD = ROOT / "tests" / "gold" / "extract"
BASE = "http://127.0.0.1:8765"
MIB = 2**20
RSS_BOUND_MIB = 200  # issue #12: a 200 MiB page left peak RSS at 5 GiB; ingesting a small page takes ~100


def sample_articles() -> list[dict]:
    """Every sample article: its path, site and title (from the gold files)."""
    return [json.loads(path.read_text(encoding="utf-8")) for path in sorted(GOLD.glob("*/*.json"))]


def page(path: str, base: str = BASE) -> bytes:
    return (SITE / path).read_bytes().replace(b"{{BASE}}", base.encode())


def response_record(writer: WARCWriter, url: str, body: bytes, date: str, status: str = "200 OK",
                    content_type: str = "text/html; charset=utf-8", etag: str | None = None):
    headers = [("Content-Type", content_type), ("Content-Length", str(len(body)))]
    if etag:
        headers.append(("ETag", etag))
    return writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                     http_headers=StatusAndHeaders(status, headers, protocol="HTTP/1.1"),
                                     warc_headers_dict={"WARC-Date": date})


def write_warc(path: Path, articles: list[dict], base: str = BASE, date: str = "2024-06-21T07:00:00Z",
               extras: bool = True) -> Path:
    """A WARC (gzip) of the articles' pages as a crawler would write it: request and response
    records; with ``extras`` also a PDF, a 404 page and a warcinfo record."""
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=path.name.endswith(".gz"))
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        for number, article in enumerate(articles):
            url = f"{base}/{article['path']}"
            writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
            writer.write_record(response_record(writer, url, page(article["path"], base), date, etag=f'"v{number}"'))
        if extras:
            pdf = next(SITE.glob("huyen/files/*.pdf"))
            writer.write_record(response_record(writer, f"{base}/huyen/files/{pdf.name}", pdf.read_bytes(), date,
                                                content_type="application/pdf"))
            writer.write_record(response_record(writer, f"{base}/wp/gone.html", b"<html>Not found</html>", date,
                                                status="404 Not Found"))
    return path


def invoke(*args: str):
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output
    return result


def rows(db: Path, sql: str, args=()) -> list[tuple]:
    index = Index(db)
    try:
        return index.db.execute(sql, list(args)).fetchall()
    finally:
        index.close()


def test_a_warc_becomes_articles_with_their_original_url_and_capture_date(tmp_path, db):
    articles = sample_articles()
    warc = write_warc(tmp_path / "portal.warc.gz", articles)
    result = invoke("ingest", str(warc), "--db", str(db))
    assert result.exit_code == 0, result.output
    n = len(articles)
    assert f"read {n + 2} page(s): stored {n}, skipped 0 (already stored), not HTML 2" in result.output
    assert f"processed: new {n}" in result.output
    stored = {url: (site, fetched_at) for url, site, fetched_at in rows(db, "select url, site, fetched_at from raw_pages")}
    indexed = dict(rows(db, "select url, title from articles"))
    for article in articles:
        url = canonical(f"{BASE}/{article['path']}")
        assert stored[url] == (article["site"], "2024-06-21T07:00:00+00:00")
        assert indexed[url] == article["title"]
    # url_state knows each page as fetched, with its ETag, for the next crawl
    state = rows(db, "select count(*), count(etag) from url_state where kind = 'article' and last_fetched = ?",
                 ["2024-06-21T07:00:00+00:00"])
    assert state == [(n, n)]
    assert rows(db, "select count(*) from url_state where url like '%.pdf' or url like '%gone.html'") == [(0,)]


def test_ingesting_the_same_warc_again_adds_nothing(tmp_path, db):
    warc = write_warc(tmp_path / "portal.warc", sample_articles()[:6])
    assert invoke("ingest", str(warc), "--db", str(db)).exit_code == 0
    before = rows(db, "select (select count(*) from raw_pages), (select count(*) from articles), "
                      "(select count(*) from revisions)")
    again = invoke("ingest", str(warc), "--db", str(db))
    assert again.exit_code == 0, again.output
    assert "stored 0, skipped 6 (already stored), not HTML 2, too large 0" in again.output
    assert "processed: nothing to process" in again.output
    assert rows(db, "select (select count(*) from raw_pages), (select count(*) from articles), "
                    "(select count(*) from revisions)") == before


def test_an_older_capture_of_a_stored_page_is_skipped(tmp_path, db):
    article = sample_articles()[0]
    newer = write_warc(tmp_path / "newer.warc.gz", [article], date="2024-06-21T07:00:00Z", extras=False)
    older = write_warc(tmp_path / "older.warc.gz", [article], date="2023-01-01T00:00:00Z", extras=False)
    index = Index(db)
    try:
        assert ingest(index, [newer]).stored == 1
        report = ingest(index, [older])
        assert (report.read, report.stored, report.skipped) == (1, 0, 1)
        assert index.url_state(canonical(f"{BASE}/{article['path']}"))["last_fetched"] == "2024-06-21T07:00:00+00:00"
    finally:
        index.close()


def one_page_warc(path: Path, url: str, body: bytes, date: str) -> Path:
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=False)
        writer.write_record(response_record(writer, url, body, date))
    return path


def test_a_capture_dated_in_the_future_is_stored_as_captured_now_and_blocks_no_later_capture(tmp_path, db):
    article = sample_articles()[0]
    url, body = f"{BASE}/{article['path']}", page(article["path"])
    changed = body.replace(b"</p>", " Số liệu được cập nhật.</p>".encode(), 1)
    later = (datetime.now(timezone.utc) + timedelta(hours=12)).strftime("%Y-%m-%dT%H:%M:%SZ")  # within the skew
    result = invoke("ingest", str(one_page_warc(tmp_path / "2099.warc", url, body, "2099-01-01T00:00:00Z")),
                    "--db", str(db))
    assert result.exit_code == 0 and "stored 1" in result.output and "1 dated in the future" in result.output
    [(fetched,)] = rows(db, "select last_fetched from url_state where url = ?", [canonical(url)])
    assert fetched < "2099" and fetched <= datetime.now(timezone.utc).isoformat()
    index = Index(db)
    try:
        report = ingest(index, [one_page_warc(tmp_path / "later.warc", url, changed, later)])
    finally:
        index.close()
    assert (report.stored, report.redated) == (1, 0)


def test_a_future_fetch_stored_by_an_older_version_does_not_block_a_capture(tmp_path, db):
    article = sample_articles()[0]
    url = canonical(f"{BASE}/{article['path']}")
    index = Index(db)
    try:
        index.record_fetch(url, "wp", kind="article", at="2099-01-01T00:00:00+00:00", text_hash="old")
        report = ingest(index, [one_page_warc(tmp_path / "p.warc", url, page(article["path"]), "2024-06-21T07:00:00Z")])
        assert report.stored == 1
        assert index.url_state(url)["last_fetched"] == "2024-06-21T07:00:00+00:00"
    finally:
        index.close()


def test_credentials_in_a_warc_url_are_not_stored(tmp_path, db):
    article = sample_articles()[0]
    warc = one_page_warc(tmp_path / "p.warc", f"http://user:pass@127.0.0.1:8765/{article['path']}",
                         page(article["path"]), "2024-06-21T07:00:00Z")
    assert invoke("ingest", str(warc), "--db", str(db)).exit_code == 0
    assert rows(db, "select url from articles") == [(canonical(f"{BASE}/{article['path']}"),)]
    assert all(b"user:pass" not in path.read_bytes() for path in tmp_path.glob("index.db*"))


def test_a_folder_of_html_files(tmp_path, db):
    folder = tmp_path / "saved" / "nested"
    folder.mkdir(parents=True)
    wp = [a for a in sample_articles() if a["site"] == "wp"][:2]
    for article in wp:  # WordPress pages name their canonical URL
        (folder / Path(article["path"]).name).write_bytes(page(article["path"]))
    plain = next(a for a in sample_articles() if a["site"] == "haiphong")
    body = re.sub(rb'<link[^>]*rel="canonical"[^>]*>|<meta[^>]*property="og:url"[^>]*>', b"", page(plain["path"]))
    assert b'"canonical"' not in body and b"og:url" not in body  # saved without its address
    (tmp_path / "saved" / "trang.htm").write_bytes(body)
    (tmp_path / "saved" / "notes.txt").write_text("not a page")
    result = invoke("ingest", str(tmp_path / "saved"), "--db", str(db))
    assert result.exit_code == 0, result.output
    assert "read 3 page(s): stored 3" in result.output
    sites = dict(rows(db, "select url, site from raw_pages"))
    for article in wp:
        assert sites[canonical(f"{BASE}/{article['path']}")] == "wp"
    file_url = (tmp_path / "saved" / "trang.htm").resolve().as_uri()
    assert sites[file_url] == "local"
    assert rows(db, "select title from articles where url = ?", [file_url]) == [(plain["title"],)]


def ingest_process(paths: list[Path], db: Path, log: Path) -> tuple[int, float, str]:
    """Run a real `vnportal ingest` process: exit code, peak RSS (MiB), output."""
    code, peak = huge.run_peak_mb([*huge.vnportal_command(), "ingest", *map(str, paths), "--db", str(db)], log)
    output = log.read_text(encoding="utf-8")
    assert "Traceback" not in output
    return code, peak, output


def test_warc_records_over_the_page_cap_are_skipped_in_bounded_memory_and_the_rest_stored(tmp_path, db):
    video = f"{BASE}/huge/clip.mp4"
    small_url, small_body, html = huge.small_page()
    # written streaming, a few hundred KiB on disk: a 200 MiB page, a 200 MiB video, a small page
    warc = huge.write_warc(tmp_path / "huge.warc.gz", [(huge.HUGE_URL, 200 * MIB, html),
                                                       (video, 200 * MIB, "video/mp4"), (small_url, small_body, html)])
    code, peak, output = ingest_process([warc], db, tmp_path / "ingest.log")
    assert code == 0, output
    assert "read 3 page(s): stored 1, skipped 0 (already stored), not HTML 1, too large 1 " in output
    assert f"{huge.HUGE_URL} left out: page too large" in output  # the warning names the page
    assert peak < RSS_BOUND_MIB, f"peak RSS {peak:.0f} MiB"
    assert rows(db, "select url from raw_pages") == [(canonical(small_url),)]
    assert rows(db, "select url from articles") == [(canonical(small_url),)]


def test_html_files_over_the_page_cap_are_skipped_unread(tmp_path, db):
    folder = tmp_path / "saved"
    folder.mkdir()
    article = sample_articles()[0]
    (folder / "small.html").write_bytes(page(article["path"]))
    with (folder / "big.html").open("wb") as big:
        big.truncate(200 * MIB)  # sparse: no disk space taken
    at_cap = folder / "at-cap.html"
    at_cap.write_bytes(b"<html><body>" + b" " * (MAX_PAGE_BYTES - 12))  # the cap itself is allowed
    code, peak, output = ingest_process([folder], db, tmp_path / "ingest.log")
    assert code == 0, output
    assert "read 3 page(s): stored 2, skipped 0 (already stored), not HTML 0, too large 1 " in output
    assert f"{folder / 'big.html'} left out: page too large" in output
    assert peak < RSS_BOUND_MIB, f"peak RSS {peak:.0f} MiB"
    assert sorted(url for url, in rows(db, "select url from raw_pages")) == sorted(
        [canonical(f"{BASE}/{article['path']}"), at_cap.resolve().as_uri()])


def test_site_option_and_site_detection():
    assert site_for("http://127.0.0.1:8765/danang/chi-tiet/x-1.html")[0] == "danang"
    assert site_for("https://www.example.org/tin/a.html") == ("example.org", None)
    assert site_for("https://www.example.org/tin/a.html", "myportal") == ("myportal", None)
    assert site_for("file:///tmp/a.html")[0] == "local"


def test_a_corrupt_warc_is_a_one_line_error_and_stores_nothing(tmp_path, db):
    good = write_warc(tmp_path / "good.warc.gz", sample_articles()[:2], extras=False)
    whole = write_warc(tmp_path / "whole.warc.gz", sample_articles()[2:8]).read_bytes()
    truncated = tmp_path / "truncated.warc.gz"
    truncated.write_bytes(whole[: len(whole) * 2 // 3])
    garbage = tmp_path / "garbage.warc"
    garbage.write_bytes(b"this is not a WARC file\r\n" * 20)
    for bad in (truncated, garbage):
        result = invoke("ingest", str(bad), "--db", str(db))
        assert result.exit_code == 1, result.output
        errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
        assert len(errors) == 1 and str(bad) in errors[0], result.output
        assert rows(db, "select count(*) from raw_pages") == [(0,)]
        assert rows(db, "select count(*) from url_state") == [(0,)]
    both = invoke("ingest", str(truncated), str(good), "--db", str(db))
    assert both.exit_code == 1 and "stored 2" in both.output  # the good file is ingested, the bad one not at all
    assert rows(db, "select count(*) from raw_pages") == [(2,)]


def test_missing_or_unknown_inputs_are_refused_before_the_index_is_created(tmp_path, db):
    (tmp_path / "notes.txt").write_text("x")
    for path in (tmp_path / "none.warc", tmp_path / "notes.txt"):
        result = invoke("ingest", str(path), "--db", str(db))
        assert result.exit_code == 2 and str(path) in result.output
    assert not db.exists()


@pytest.mark.network_local
def test_a_crawl_after_an_ingest_does_not_fetch_the_ingested_articles_again(tmp_path, db):
    wp = [a for a in sample_articles() if a["site"] == "wp"]
    recent = (datetime.now(timezone.utc) - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    with serve_sample_site() as base:
        warc = write_warc(tmp_path / "wp.warc.gz", wp, base=base, date=recent, extras=False)
        assert invoke("ingest", str(warc), "--db", str(db)).exit_code == 0
        profile = next(p for p in sample_profiles(base) if p.name == "wp")
        report = crawl(db, [profile], options=fast()).site("wp")
    assert (report.new, report.changed, report.failed) == (0, 0, 0)
    assert report.skipped == len(wp)  # known from the ingest, not due a re-check
