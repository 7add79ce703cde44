"""vnportal backfill against a real local archive: pywb replaying WARC files made here (the
Wayback Machine's CDX API and raw ``id_`` replay), and a Common Crawl-style index with WARC byte
ranges, all on 127.0.0.1."""
from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from archive import Pywb, Shot, collinfo, serve_ranges, write_warc
from commands import rows, vnportal
from crawler.archives.cdx import Capture, parse_listing
from crawler.backfill import choose
from crawler.polite import retry_after
from data.archives import ListedCapture
from httpserver import PortalServer

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "sample_site" / "huyen" / "tin-tuc"
PAGES = sorted(p for p in SAMPLE.glob("*.html") if p.stem.rsplit("-", 1)[-1].isdigit() and not p.stem.startswith("page-"))[:6]
SITE = "haiduong.gov.vn"  # a registry portal closed on 2025-07-01 (provinces merged)


def article_url(page: Path) -> str:
    return f"https://{SITE}/Trang/ChiTietTinTuc.aspx?nid={page.stem.rsplit('-', 1)[1]}"


def changed(page: Path) -> bytes:
    """The page as it read later: one more paragraph in its body."""
    return page.read_bytes().replace(b"</p>", b"</p><p>\xc4\x90\xc3\xa3 c\xe1\xba\xadp nh\xe1\xba\xadt th\xc3\xaam "
                                                  b"m\xe1\xbb\x99t \xc4\x91o\xe1\xba\xa1n v\xe1\xbb\x81 sau.</p>", 1)


def history() -> list[Shot]:
    """Six article pages captured in 2018, 2021 and 2024 (one changed in between, one after the
    portal closed), plus captures that are no articles."""
    p = PAGES
    shots = [Shot(article_url(page), "2018-03-01", page.read_bytes()) for page in p[:3]]
    shots += [Shot(article_url(p[0]), "2021-06-01", p[0].read_bytes()),  # the same text again
              Shot(article_url(p[1]), "2021-06-01", changed(p[1]))]
    shots += [Shot(article_url(page), "2021-06-02", page.read_bytes()) for page in p[3:]]
    shots += [Shot(article_url(p[1]), "2024-01-05", changed(p[1])),
              Shot(article_url(p[3]), "2025-09-01", changed(p[3])),  # after the portal closed
              Shot(f"https://{SITE}/Trang/Default.aspx", "2021-06-01", b"<html><body>listing</body></html>"),
              Shot(f"https://{SITE}/images/logo.gif", "2021-06-01", b"GIF89a", content_type="image/gif"),
              Shot(f"https://{SITE}/Trang/ChiTietTinTuc.aspx?nid=99999", "2021-06-01", b"gone", status="404 Not Found")]
    return shots


@pytest.fixture(scope="module")
def wayback(tmp_path_factory):
    root = tmp_path_factory.mktemp("archive")
    write_warc(root / "history.warc.gz", history())
    with Pywb(root) as archive:
        archive.add("web", root / "history.warc.gz")
        yield ["--wayback-cdx", archive.cdx("web"), "--wayback-replay", archive.replay("web"), "--delay", "0"]


@pytest.mark.slow
@pytest.mark.network_local
def test_backfill_stores_the_latest_capture_of_each_article_with_its_provenance(tmp_path, wayback):
    db = tmp_path / "index.db"
    done = vnportal("backfill", SITE, "--db", str(db), *wayback)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    stored = dict(rows(db, "SELECT url, fetched_at FROM raw_pages"))
    latest = ["2021-06-01", "2024-01-05", "2018-03-01", "2021-06-02", "2021-06-02", "2021-06-02"]
    assert stored == {article_url(page): f"{day}T00:00:00+00:00" for page, day in zip(PAGES, latest)}
    articles = rows(db, "SELECT url, site, published FROM articles ORDER BY url")
    assert [url for url, _, _ in articles] == sorted(article_url(p) for p in PAGES)
    assert {site for _, site, _ in articles} == {SITE}
    assert all(published and published < "2023" for _, _, published in articles)  # the page's date, not the capture's
    provenance = rows(db, "SELECT url, archive, captured, archived_url FROM article_captures ORDER BY url")
    assert len(provenance) == 6
    for url, archive, captured, archived_url in provenance:
        assert archive == "wayback"
        assert archived_url.endswith(f"/web/{captured}id_/{url}")
    assert rows(db, "SELECT count(*) FROM archive_captures WHERE url LIKE '%Default.aspx' OR url LIKE '%.gif' "
                    "OR url LIKE '%99999'") == [(0,)]
    assert rows(db, "SELECT status FROM archive_captures WHERE timestamp LIKE '2025%'") == [("listed",)]
    run = rows(db, "SELECT site, source, fetched, new, failed, status FROM backfill_runs")
    assert run == [(SITE, "wayback", 6, 6, 0, "ok")]
    assert f"{SITE}" in done.stdout and "processed: new 6" in done.stdout

    again = vnportal("backfill", SITE, "--db", str(db), *wayback)
    assert again.returncode == 0, again.stderr
    assert rows(db, "SELECT fetched, new FROM backfill_runs ORDER BY id DESC LIMIT 1") == [(0, 0)]
    assert rows(db, "SELECT count(*) FROM raw_pages") == [(6,)]


@pytest.mark.slow
@pytest.mark.network_local
def test_all_captures_keeps_each_distinct_text_as_a_revision(tmp_path, wayback):
    db = tmp_path / "index.db"
    done = vnportal("backfill", SITE, "--all-captures", "--db", str(db), *wayback)
    assert done.returncode == 0, done.stderr
    fetched = rows(db, "SELECT url, timestamp FROM archive_captures WHERE status = 'fetched' ORDER BY timestamp, url")
    assert len(fetched) == 7  # p0 once (its 2021 capture is the same text), p1 twice (2018, 2021), the rest once
    revisions = dict(rows(db, "SELECT a.url, count(r.id) FROM articles a LEFT JOIN revisions r ON r.article_id = a.id "
                              "GROUP BY a.url"))
    assert revisions[article_url(PAGES[1])] == 2
    assert rows(db, "SELECT count(*) FROM articles") == [(6,)]
    assert "thêm một đoạn" in rows(db, "SELECT text FROM articles WHERE url = ?", [article_url(PAGES[1])])[0][0]


@pytest.mark.slow
@pytest.mark.network_local
def test_commoncrawl_index_and_byte_ranges_with_retry_after_honoured(tmp_path):
    root = tmp_path / "cc"
    root.mkdir()
    shots = [shot for shot in history() if shot.when.startswith("2021")]
    write_warc(root / "CC-MAIN-2021-25.warc.gz", shots)
    data = PortalServer()
    try:
        with Pywb(root) as archive:
            archive.add("CC-MAIN-2021-25", root / "CC-MAIN-2021-25.warc.gz")
            data.route("/collinfo.json", collinfo([("CC-MAIN-2021-25", archive.cdx("CC-MAIN-2021-25"),
                                                    "2021-06-01", "2021-06-30"),
                                                   ("CC-MAIN-2014-10", archive.cdx("none"), "2014-03-01", "2014-03-31")]))
            serve_ranges(data, "/CC-MAIN-2021-25.warc.gz", (root / "CC-MAIN-2021-25.warc.gz").read_bytes(), busy=2)
            db = tmp_path / "index.db"
            done = vnportal("backfill", SITE, "--from", "2020", "--source", "commoncrawl", "--delay", "0",
                            "--commoncrawl-index", data.url("/collinfo.json"), "--commoncrawl-data", data.url("/"),
                            "--allow-private", "--db", str(db))  # the per-crawl indexes collinfo names are local too
    finally:
        data.close()
    assert done.returncode == 0, done.stderr
    assert rows(db, "SELECT count(*) FROM articles") == [(5,)]  # the 2021 crawl holds five of the six
    assert {a for (a,) in rows(db, "SELECT archive FROM article_captures")} == {"commoncrawl"}
    assert all("/CC-MAIN-2021-25.warc.gz#" in u for (u,) in rows(db, "SELECT archived_url FROM article_captures"))
    warc_requests = [entry for entry in data.log if entry.path.endswith(".warc.gz")]
    assert all(entry.headers.get("range", "").startswith("bytes=") for entry in warc_requests)
    assert len(warc_requests) == 5 + 2  # two answered 429 and asked again
    assert warc_requests[1].at - warc_requests[0].at >= 1.0  # waited as Retry-After said
    assert warc_requests[2].at - warc_requests[1].at >= 1.0


@pytest.mark.slow
@pytest.mark.network_local
def test_a_killed_backfill_resumes_with_nothing_lost_or_fetched_twice(tmp_path, wayback):
    db = tmp_path / "index.db"
    slow = [arg if arg != "0" else "0.4" for arg in wayback]  # --delay 0.4
    process = subprocess.Popen([sys.executable, str(ROOT / "pipeline.py"), "backfill", SITE, "--db", str(db), *slow],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if db.exists():
            try:
                if rows(db, "SELECT count(*) FROM archive_captures WHERE status = 'fetched'")[0][0] >= 2:
                    break
            except sqlite3.OperationalError:
                pass
        time.sleep(0.05)
    assert process.poll() is None, "the backfill ended before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait()
    before = rows(db, "SELECT count(*) FROM archive_captures WHERE status = 'fetched'")[0][0]
    assert 2 <= before < 6
    assert rows(db, "SELECT count(*) FROM raw_pages")[0][0] == before  # each fetched capture kept with its page
    done = vnportal("backfill", SITE, "--db", str(db), *wayback)
    assert done.returncode == 0, done.stderr
    assert rows(db, "SELECT fetched FROM backfill_runs ORDER BY id DESC LIMIT 1") == [(6 - before,)]
    assert rows(db, "SELECT count(*), count(DISTINCT url) FROM raw_pages") == [(6, 6)]
    assert rows(db, "SELECT count(*), count(DISTINCT url) FROM articles") == [(6, 6)]


@pytest.mark.network_local
def test_an_unreachable_archive_ends_the_run_in_one_line(tmp_path):
    db = tmp_path / "index.db"
    closed = "http://127.0.0.1:9/cdx"  # the discard port: nothing listens
    done = vnportal("backfill", SITE, "--db", str(db), "--wayback-cdx", closed, "--wayback-replay",
                    "http://127.0.0.1:9/web/", "--delay", "0")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "stopped: 127.0.0.1:9" in done.stdout
    assert rows(db, "SELECT status FROM backfill_runs")[0][0].startswith("stopped: 127.0.0.1:9")


@pytest.mark.parametrize("args, message", [
    ([], "name what to backfill"),
    ([SITE, "--from", "2021", "--to", "2019"], "is before --from"),
    ([SITE, "--from", "yesterday"], "is not a date"),
    (["not a domain"], "not a site name or domain"),
])
def test_bad_arguments_are_one_line_errors(tmp_path, args, message):
    done = vnportal("backfill", *args, "--db", str(tmp_path / "index.db"))
    assert done.returncode == 2
    assert message in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "index.db").exists()


def test_sites_archived_lists_the_portals_that_closed():
    done = vnportal("sites", "--archived", "--format", "csv")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()[1:]
    assert SITE in done.stdout and lines
    assert all(",..20" in line for line in lines)  # every one has a closing day
    assert "haiphong.gov.vn" not in done.stdout


def test_choose_takes_the_latest_capture_or_each_distinct_text():
    def listed(i, url, ts, digest, status="listed", attempts=0):
        return ListedCapture(i, url, ts, digest, "", None, None, status, attempts)

    captures = [listed(1, "http://a.vn/x-1", "2018", "A"), listed(2, "http://a.vn/x-1", "2019", "A"),
                listed(3, "http://a.vn/x-1", "2020", "B"), listed(4, "http://a.vn/y-2", "2019", "C", "fetched"),
                listed(5, "http://a.vn/z-3", "2019", "D", "failed", 3), listed(6, "http://a.vn/w-4", "2019", "E", "failed", 1)]
    assert [c.id for c in choose(captures, all_captures=False)] == [6, 3]
    assert [c.id for c in choose(captures, all_captures=True)] == [1, 6, 3]


def test_both_cdx_dialects_read_the_same():
    wayback = b'[["urlkey","timestamp","original","mimetype","statuscode","digest","length"],' \
              b'["vn,gov)/a","20190101000000","http://gov.vn/a","text/html","200","X","12"]]'
    pywb = b'{"urlkey": "vn,gov)/a", "timestamp": "20190101000000", "url": "http://gov.vn/a", "mime": "text/html", ' \
           b'"status": "200", "digest": "X", "length": "12"}\n'
    assert parse_listing(wayback) == parse_listing(pywb) == [
        Capture(url="http://gov.vn/a", timestamp="20190101000000", status="200", mime="text/html", digest="X",
                length=12)]
    assert parse_listing(b"") == []
    assert parse_listing(b"[]") == []


def test_retry_after_reads_seconds_and_dates():
    assert retry_after("7") == 7.0
    assert retry_after(None) is None and retry_after("soon") is None
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # a past date: no wait


@pytest.mark.slow
@pytest.mark.network_local
def test_a_live_crawl_after_a_backfill_duplicates_nothing(tmp_path):
    """The sample portal's pages, archived in 2023, then crawled live from the portal itself."""
    import urllib.request

    from data.sample_server import serve_sample_site

    db = tmp_path / "index.db"
    root = tmp_path / "archive"
    root.mkdir()
    with serve_sample_site() as base:
        urls = [f"{base}/huyen/tin-tuc/{page.name}" for page in PAGES]
        write_warc(root / "sample.warc.gz",
                   [Shot(url, "2023-01-02", urllib.request.urlopen(url).read()) for url in urls])
        with Pywb(root) as archive:
            archive.add("web", root / "sample.warc.gz")
            host = base.removeprefix("http://")
            done = vnportal("backfill", host, "--from", "2023", "--to", "2023", "--delay", "0", "--db", str(db),
                            "--wayback-cdx", archive.cdx("web"), "--wayback-replay", archive.replay("web"))
        assert done.returncode == 0, done.stderr + done.stdout
        assert rows(db, "SELECT site, count(*) FROM articles GROUP BY site") == [("huyen", 6)]
        crawled = vnportal("crawl", "--sample-url", base, "--site", "huyen", "--delay", "0", "--db", str(db))
    assert crawled.returncode == 0, crawled.stderr
    assert rows(db, "SELECT count(*), count(DISTINCT url) FROM articles") == [(6, 6)]
    assert rows(db, "SELECT count(*) FROM raw_pages") == [(6,)]  # the same text again is not kept twice
    assert rows(db, "SELECT count(*) FROM article_captures") == [(6,)]
