"""Whole crawls with real Scrapy against a local HTTP server (tests/httpserver.py)."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from crawler import SiteProfile, crawl
from crawler.urls import canonical
from data import Index
from crawlsite import TestPortal, article_html, fast


def state(db, path_or_url: str, server=None) -> dict | None:
    index = Index(db)
    try:
        return index.url_state(canonical(server.url(path_or_url) if server else path_or_url))
    finally:
        index.close()


def stored(db) -> list[str]:
    index = Index(db)
    try:
        return [row[0] for row in index.db.execute("select url from raw_pages order by id")]
    finally:
        index.close()


@pytest.mark.network_local
def test_rss_discovery_fetches_items_and_records_attachments(portal_server, db):
    portal = TestPortal(portal_server)
    portal.add(101, 102, 103)
    report = crawl(db, [portal.profile(rss=True)], options=fast())
    site = report.site("test")
    assert (site.status, site.new, site.failed) == ("ok", 3, 0)
    assert sorted(portal.article_requests()) == sorted(portal.path(n) for n in (101, 102, 103))
    assert sorted(stored(db)) == sorted(portal_server.url(portal.path(n)) for n in (101, 102, 103))
    index = Index(db)
    assert index.known_article_urls("test") == set(stored(db))
    index.close()
    # the feed's PDF item and the articles' PDF links are recorded, never fetched
    assert not [p for p in portal_server.paths() if p.endswith(".pdf")]
    assert state(db, "/files/bao-cao-tong-hop.pdf", portal_server)["status"] == "attachment"
    assert state(db, "/files/bao-cao-101.pdf", portal_server)["kind"] == "attachment"


@pytest.mark.network_local
def test_rss_since_skips_older_items(portal_server, db):
    portal = TestPortal(portal_server)
    portal.add(101, 102, 103)  # dated 2024-04-11, -12, -13
    crawl(db, [portal.profile(rss=True)], since=datetime(2024, 4, 12, 12, tzinfo=timezone.utc), options=fast())
    assert portal.article_requests() == [portal.path(103)]


@pytest.mark.network_local
def test_an_rss_index_page_leads_to_its_feeds(portal_server, db):
    portal = TestPortal(portal_server)
    portal.add(101, 102)
    portal_server.route("/rss.html", '<html><body><a href="/news/feed.xml">Tin tức</a>'
                                     '<a href="/rss/su-kien.rss">Sự kiện</a></body></html>')
    profile = portal.profile()
    profile = SiteProfile.from_dict({**profile.to_dict(), "rss": [portal_server.url("/rss.html")]})
    report = crawl(db, [profile], options=fast()).site("test")
    assert {"/news/feed.xml", "/rss/su-kien.rss"} <= set(portal_server.paths())
    assert report.new == 2
    assert state(db, "/rss/su-kien.rss", portal_server)["reason"] == "HTTP 404"


@pytest.mark.network_local
def test_sitemap_index_discovery_and_lastmod(portal_server, db):
    portal = TestPortal(portal_server)
    portal.add(101, 102, 103)
    first = crawl(db, [portal.profile(sitemap=True)], options=fast()).site("test")
    assert (first.new, first.failed) == (3, 0)
    assert {"/sitemap.xml", "/sitemap-news.xml", "/sitemap-old.xml"} <= set(portal_server.paths())
    assert "/gioi-thieu.html" not in portal_server.paths()  # in the sitemap, but not an article URL
    portal_server.clear_log()
    portal.change(102, lastmod=datetime(2030, 1, 1, tzinfo=timezone.utc))  # the sitemap says 102 changed
    second = crawl(db, [portal.profile(sitemap=True)], options=fast()).site("test")
    assert portal.article_requests() == [portal.path(102)]
    assert "/sitemap-old.xml" not in portal_server.paths()  # its lastmod predates our last fetch of it
    assert (second.changed, second.new, second.skipped) == (1, 0, 2)


@pytest.mark.network_local
def test_listing_pagination_then_incremental_stop(portal_server, db):
    portal = TestPortal(portal_server, per_page=2)
    portal.add(*range(101, 107))  # 3 listing pages
    first = crawl(db, [portal.profile(listing=True)], options=fast()).site("test")
    assert first.new == 6
    assert {"/news/index.html", "/news/page-2.html", "/news/page-3.html"} <= set(portal_server.paths())
    portal_server.clear_log()
    portal.add(107)  # page 1 now: 107, 106; page 2: 105, 104 (all known)
    second = crawl(db, [portal.profile(listing=True)], options=fast()).site("test")
    assert portal.article_requests() == [portal.path(107)]
    assert "/news/page-3.html" not in portal_server.paths()
    assert (second.new, second.skipped) == (1, 3)  # page 2 (105, 104) was read, page 3 not
    portal_server.clear_log()
    crawl(db, [portal.profile(listing=True)], options=fast())
    assert portal.article_requests() == []
    assert portal_server.paths().count("/news/index.html") == 1
    assert "/news/page-2.html" not in portal_server.paths()  # page 1 held only known articles


@pytest.mark.network_local
def test_recheck_sends_conditional_requests_and_304_is_unchanged(portal_server, db):
    portal = TestPortal(portal_server, etags=True)
    portal.add(101, 102)
    crawl(db, [portal.profile(rss=True)], options=fast())
    portal_server.clear_log()
    report = crawl(db, [portal.profile(rss=True)], options=fast(recheck_days=0)).site("test")
    article_requests = [entry for entry in portal_server.log if entry.path.startswith("/news/tin-so-")]
    assert [entry.headers.get("if-none-match") for entry in article_requests] != [None, None]
    assert sorted(entry.headers["if-none-match"] for entry in article_requests) == ['"101-1"', '"102-1"']
    assert (report.unchanged, report.new, report.changed) == (2, 0, 0)
    assert len(stored(db)) == 2  # nothing stored again
    assert state(db, portal.path(101), portal_server)["http_status"] == 304


@pytest.mark.network_local
def test_changed_article_becomes_a_revision(portal_server, db):
    from crawler.process import process_pending

    portal = TestPortal(portal_server, etags=True)
    portal.add(101, 102)
    crawl(db, [portal.profile(rss=True)], options=fast())
    index = Index(db)
    assert process_pending(index) == {"new": 2}
    first_hash = index.url_state(canonical(portal_server.url(portal.path(101))))["text_hash"]
    index.close()
    portal.change(101)
    report = crawl(db, [portal.profile(rss=True)], options=fast(recheck_days=0)).site("test")
    assert (report.changed, report.unchanged) == (1, 1)
    index = Index(db)
    try:
        url = canonical(portal_server.url(portal.path(101)))
        assert index.url_state(url)["text_hash"] != first_hash
        assert stored(db).count(url) == 2
        assert process_pending(index) == {"changed": 1}
        article = next(index.db["articles"].rows_where("url = ?", [url]))
        assert article["revision"] == 2
        assert "Cập nhật lần 2" in article["text"]
        assert index.db["revisions"].count_where("article_id = ?", [article["id"]]) == 2
    finally:
        index.close()


@pytest.mark.slow
@pytest.mark.network_local
def test_failures_are_recorded_with_reasons_retried_then_given_up(portal_server, db):
    portal = TestPortal(portal_server)
    portal.add(101)
    portal_server.route("/news/loi-500-500.html", status=500)
    portal_server.route("/news/cham-600-600.html", "<html>slow</html>", delay=3)
    portal_server.route("/news/vong-700-700.html", status=302, headers={"Location": "/news/vong-701-701.html"})
    portal_server.route("/news/vong-701-701.html", status=302, headers={"Location": "/news/vong-700-700.html"})
    portal_server.route("/news/lon-800-800.html", "<html>" + "x" * 60_000 + "</html>")
    links = "".join(f'<a href="/news/{name}.html">{name}</a>' for name in
                    ("khong-co-404-404", "loi-500-500", "cham-600-600", "vong-700-700", "lon-800-800"))
    portal_server.route("/news/index.html", f'<html><body><a href="{portal.path(101)}">101</a>{links}</body></html>')
    options = fast(timeout=1, max_redirects=4, max_bytes=50_000, max_failures=2, retry_times=1)
    report = crawl(db, [portal.profile(listing=True)], options=options).site("test")
    assert (report.new, report.failed, report.status) == (1, 5, "partial")
    reasons = {name: state(db, f"/news/{name}.html", portal_server)["reason"] for name in
               ("khong-co-404-404", "loi-500-500", "cham-600-600", "vong-700-700", "lon-800-800")}
    assert reasons["khong-co-404-404"] == "HTTP 404"
    assert reasons["loi-500-500"] == "HTTP 500"
    assert reasons["cham-600-600"].startswith("timeout")
    assert reasons["vong-700-700"].startswith("redirect loop")
    assert reasons["lon-800-800"].startswith("too large")
    assert portal_server.paths().count("/news/loi-500-500.html") == 2  # one in-run retry
    failed = state(db, "/news/loi-500-500.html", portal_server)
    assert (failed["status"], failed["failures"]) == ("failed", 1) and failed["next_retry"]
    # next run: due again (backoff 0 h in tests), fails again, and is given up (max_failures=2)
    portal_server.clear_log()
    portal_server.route("/news/index.html", f'<html><body><a href="{portal.path(101)}">101</a></body></html>')
    portal_server.route("/news/cham-600-600.html", status=404)  # no second wait for a timeout
    crawl(db, [portal.profile(listing=True)], options=options)
    assert "/news/loi-500-500.html" in portal_server.paths()  # retried from url_state, though no longer linked
    gone = state(db, "/news/loi-500-500.html", portal_server)
    assert gone["status"] == "gone" and gone["reason"].startswith("gave up after 2 failure(s): HTTP 500")
    portal_server.clear_log()
    crawl(db, [portal.profile(listing=True)], options=options)
    assert "/news/loi-500-500.html" not in portal_server.paths()


@pytest.mark.network_local
def test_failure_backoff_defers_the_retry(portal_server, db):
    portal_server.route("/news/index.html", '<html><body><a href="/news/loi-500-500.html">x</a></body></html>')
    portal_server.route("/news/loi-500-500.html", status=500)
    portal = TestPortal(portal_server)
    crawl(db, [portal.profile(listing=True)], options=fast(failure_backoff_hours=12))
    portal_server.clear_log()
    crawl(db, [portal.profile(listing=True)], options=fast(failure_backoff_hours=12))
    assert "/news/loi-500-500.html" not in portal_server.paths()  # next_retry is 12 h away


@pytest.mark.network_local
def test_robots_txt_disallow_is_respected(portal_server, db):
    portal = TestPortal(portal_server)
    portal.add(101)
    portal_server.route("/robots.txt", "User-agent: *\nDisallow: /news/bi-mat\n", headers={"Content-Type": "text/plain"})
    portal_server.route("/news/index.html", f'<html><body><a href="{portal.path(101)}">a</a>'
                                           '<a href="/news/bi-mat-555.html">b</a></body></html>')
    portal_server.route("/news/bi-mat-555.html", article_html(555))
    report = crawl(db, [portal.profile(listing=True)], options=fast()).site("test")
    assert "/news/bi-mat-555.html" not in portal_server.paths()
    assert portal_server.paths()[0] == "/robots.txt"
    assert state(db, "/news/bi-mat-555.html", portal_server)["status"] == "blocked"
    assert (report.new, report.failed) == (1, 0)


@pytest.mark.network_local
def test_retry_after_is_honoured(portal_server, db):
    portal = TestPortal(portal_server)
    portal.add(101)
    answers = iter([(429, {"Retry-After": "1"}, b"slow down")])

    def busy_then_ok(request):
        return next(answers, (200, {}, article_html(101).encode()))

    portal_server.route(portal.path(101), handler=busy_then_ok)
    report = crawl(db, [portal.profile(rss=True)], options=fast(retry_times=2)).site("test")
    tries = [entry.at for entry in portal_server.log if entry.path == portal.path(101)]
    assert len(tries) == 2 and report.new == 1
    assert tries[1] - tries[0] >= 1.0  # a lower bound only: the server asked for 1 s


@pytest.mark.network_local
def test_long_retry_after_is_left_to_a_later_run(portal_server, db):
    portal = TestPortal(portal_server)
    portal.add(101)
    portal_server.route(portal.path(101), status=503, headers={"Retry-After": "7200"})
    crawl(db, [portal.profile(rss=True)], options=fast(retry_times=2, max_retry_wait=10))
    assert portal_server.paths().count(portal.path(101)) == 1
    failed = state(db, portal.path(101), portal_server)
    assert failed["reason"] == "HTTP 503 (Retry-After 7200 s)"
    last_seen = datetime.fromisoformat(failed["last_seen"])
    assert (datetime.fromisoformat(failed["next_retry"]) - last_seen).total_seconds() >= 7200


@pytest.mark.network_local
def test_max_pages_caps_a_run_and_the_rest_follows(portal_server, db):
    portal = TestPortal(portal_server, per_page=10)
    portal.add(*range(101, 106))
    first = crawl(db, [portal.profile(listing=True)], max_pages=2, options=fast()).site("test")
    assert (first.new, first.capped) == (2, True)
    assert len(portal.article_requests()) == 2
    second = crawl(db, [portal.profile(listing=True)], options=fast()).site("test")
    assert second.new == 3
    assert sorted(set(portal.article_requests())) == sorted(portal.path(n) for n in range(101, 106))


@pytest.mark.network_local
def test_unknown_site_is_detected_from_a_start_url(portal_server, db):
    portal = TestPortal(portal_server, per_page=4)
    portal.add(*range(101, 109))  # listing page 1 links 108..105 and page 2; the feed lists all
    profile = SiteProfile.for_url(portal_server.url("/news/index.html"))
    assert profile.auto and profile.name.startswith("127.0.0.1-")
    report = crawl(db, [profile], options=fast()).site(profile.name)
    assert report.new == 8 and report.failed == 0
    assert "/news/feed.xml" in portal_server.paths()  # announced by <link rel=alternate>
    assert "/robots.txt" in portal_server.paths() and "/sitemap.xml" in portal_server.paths()
    assert "/gioi-thieu.html" not in portal_server.paths()  # a menu link, not article-shaped


@pytest.mark.network_local
def test_unknown_site_given_an_article_url(portal_server, db):
    portal = TestPortal(portal_server)
    portal.add(101)
    profile = SiteProfile.for_url(portal_server.url(portal.path(101)))
    report = crawl(db, [profile], options=fast()).site(profile.name)
    assert report.new == 1
    assert stored(db) == [portal_server.url(portal.path(101))]


def test_crawl_refuses_bad_input(db):
    with pytest.raises(ValueError, match="no sites"):
        crawl(db, [])
    profile = SiteProfile.for_url("http://127.0.0.1:9/")
    with pytest.raises(ValueError, match="listed twice"):
        crawl(db, [profile, profile])
