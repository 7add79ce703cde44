"""Server faults beyond tests/test_crawler.py (which covers 404, 500, a hanging server, redirect
loops, too large, a 429 Retry-After and a long Retry-After): each is bounded, retried as the
policy says (RETRY_TIMES in the run, failure backoff across runs) and recorded in url_state
with a reason."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import pytest

from crawler import SiteProfile, crawl
from crawler.sites import Listing
from crawler.urls import canonical
from data import Index
from crawlsite import TestPortal, article_html, fast


pytestmark = pytest.mark.network_local


def state(db, url: str) -> dict | None:
    index = Index(db)
    try:
        return index.url_state(canonical(url))
    finally:
        index.close()


def listing(server, path: str, links: list[str], next_link: str | None = None) -> None:
    items = "".join(f'<li><a href="{link}">{link}</a></li>' for link in links)
    pager = f'<a rel="next" href="{next_link}">Trang sau</a>' if next_link else ""
    server.route(path, f'<html><body><ul class="list">{items}</ul><div class="pager">{pager}</div></body></html>')


def profile(server, start: str, **fields) -> SiteProfile:
    return SiteProfile(name="test", province="Hải Phòng", level="city", domains=("127.0.0.1",),
                       listings=(Listing(server.url(start)),), article_pattern=r"/news/[^/?#]+-\d{3,}\.html$",
                       **fields)


# -- 503 / 429 with Retry-After --------------------------------------------------------------
def _number(path: str) -> int:
    return int(path.rsplit("-", 1)[1].split(".")[0])


@pytest.mark.slow
@pytest.mark.parametrize("status,retry_after,bound", [
    # an HTTP date has whole seconds: "now + 2 s" is at least 1 s away, less the clock reading's lag
    (503, lambda: format_datetime(datetime.now(timezone.utc) + timedelta(seconds=2), usegmt=True), 0.9),
    (429, lambda: "1", 1.0),
], ids=["503-http-date", "429-seconds"])
def test_retry_after_holds_the_whole_host(portal_server, db, status, retry_after, bound):
    portal = TestPortal(portal_server)
    portal.add(101, 102)
    refused = []

    def busy_once(request):
        if not refused:  # the first article asked for is refused once
            refused.append(request.path)
            return status, {"Retry-After": retry_after()}, b"busy"
        return 200, {}, article_html(_number(request.path)).encode()

    for number in (101, 102):
        portal_server.route(portal.path(number), handler=busy_once)
    report = crawl(db, [portal.profile(rss=True)], options=fast(retry_times=2)).site("test")
    assert (report.new, report.failed) == (2, 0)
    first = next(i for i, entry in enumerate(portal_server.log) if entry.path == refused[0])
    busy, later = portal_server.log[first], portal_server.log[first + 1:]
    assert [entry.path for entry in later].count(busy.path) == 1  # retried once, then answered
    # a lower bound only: nothing at all was asked of the host before the wait was over
    assert len(later) == 2 and min(entry.at for entry in later) - busy.at >= bound
    assert state(db, portal_server.url(busy.path))["status"] == "ok"


@pytest.mark.slow
def test_a_persistent_503_is_retried_then_recorded_with_its_retry_after(portal_server, db):
    portal = TestPortal(portal_server)
    portal.add(101)
    portal_server.route(portal.path(101), "busy", status=503, headers={"Retry-After": "1"})
    report = crawl(db, [portal.profile(rss=True)], options=fast(retry_times=1)).site("test")
    tries = [entry.at for entry in portal_server.log if entry.path == portal.path(101)]
    assert len(tries) == 2 and tries[1] - tries[0] >= 1.0  # RETRY_TIMES=1, each after the asked wait
    assert (report.failed, report.status) == (1, "partial")
    failed = state(db, portal_server.url(portal.path(101)))
    assert (failed["status"], failed["failures"], failed["http_status"]) == ("failed", 1, 503)
    assert failed["reason"] == "HTTP 503 (Retry-After 1 s)"
    wait = datetime.fromisoformat(failed["next_retry"]) - datetime.fromisoformat(failed["last_seen"])
    assert wait >= timedelta(seconds=1)  # no run retries it before the server's date


# -- broken connections and a trickling server -----------------------------------------------
FAULTS = {  # fault -> (article number, reason recorded)
    "close": (201, "connection closed without a response"),
    "reset": (202, "connection reset without a response"),
    "partial": (203, "connection lost mid-response (body cut short)"),
    "trickle": (204, "timeout (no complete answer within 1 s)"),
}


@pytest.mark.slow
def test_broken_connections_are_retried_recorded_and_retried_next_run(portal_server, db):
    portal = TestPortal(portal_server)
    portal.add(101)
    paths = {fault: f"/news/loi-{n}-{n}.html" for fault, (n, _) in FAULTS.items()}
    for fault, path in paths.items():
        portal_server.route(path, article_html(FAULTS[fault][0]), fault=fault, delay=0.2)  # trickle: 5 bytes/s
    listing(portal_server, "/news/index.html", [portal.path(101), *paths.values()])
    options = fast(timeout=1, retry_times=1)
    report = crawl(db, [profile(portal_server, "/news/index.html")], options=options).site("test")
    assert (report.new, report.failed, report.status) == (1, 4, "partial")
    for fault, path in paths.items():
        assert portal_server.paths().count(path) == 2, fault  # one in-run retry
        recorded = state(db, portal_server.url(path))
        assert (recorded["status"], recorded["failures"], recorded["reason"]) == ("failed", 1, FAULTS[fault][1])
        assert recorded["next_retry"] and recorded["last_fetched"] is None
    # the server mends: the next run retries every one of them (backoff 0 h in tests), once
    portal_server.clear_log()
    for fault, path in paths.items():
        portal_server.route(path, article_html(FAULTS[fault][0]))
    again = crawl(db, [profile(portal_server, "/news/index.html")], options=options).site("test")
    assert (again.new, again.failed) == (4, 0)
    assert sorted(p for p in portal_server.paths() if p.startswith("/news/loi-")) == sorted(paths.values())
    assert {state(db, portal_server.url(path))["status"] for path in paths.values()} == {"ok"}


# -- traps: endless pagers and calendars -------------------------------------------------------
@pytest.mark.slow
def test_an_endless_pager_is_cut_at_max_listing_pages(portal_server, db):
    for page in range(1, 41):  # "forever": far more pages than the crawl may read
        numbers = (1000 + 2 * page, 1001 + 2 * page)
        listing(portal_server, f"/news/page-{page}.html", [TestPortal.path(n) for n in numbers],
                next_link=f"/news/page-{page + 1}.html")
        for number in numbers:
            portal_server.route(TestPortal.path(number), article_html(number))
    options = fast(max_listing_pages=4)
    report = crawl(db, [profile(portal_server, "/news/page-1.html")], options=options).site("test")
    listings = [p for p in portal_server.paths() if "/page-" in p]
    assert listings == [f"/news/page-{n}.html" for n in range(1, 5)]
    assert report.new == 8
    cut = state(db, portal_server.url("/news/page-5.html"))
    assert (cut["kind"], cut["status"]) == ("listing", "skipped")
    assert cut["reason"] == "not followed: max_listing_pages (4) reached"
    portal_server.clear_log()  # the next run: page 1 holds only known articles, the walk stops there
    crawl(db, [profile(portal_server, "/news/page-1.html")], options=options)
    assert [p for p in portal_server.paths() if "/page-" in p] == ["/news/page-1.html"]


def test_a_pager_repeating_its_last_page_is_cut(portal_server, db):
    last = [TestPortal.path(n) for n in (103, 104)]
    listing(portal_server, "/news/page-1.html", [TestPortal.path(n) for n in (101, 102)], "/news/page-2.html")
    for page in range(2, 41):  # past its end the pager serves the last page again, with a "next" link
        listing(portal_server, f"/news/page-{page}.html", last, f"/news/page-{page + 1}.html")
    for number in range(101, 105):
        portal_server.route(TestPortal.path(number), article_html(number))
    report = crawl(db, [profile(portal_server, "/news/page-1.html")], options=fast()).site("test")
    assert [p for p in portal_server.paths() if "/page-" in p] == [f"/news/page-{n}.html" for n in (1, 2, 3)]
    assert report.new == 4
    cut = state(db, portal_server.url("/news/page-4.html"))
    assert (cut["status"], cut["reason"]) == ("skipped", "not followed: the page repeats earlier pages")


def test_a_calendar_trap_is_bounded(portal_server, db):
    day = datetime(2024, 1, 31)
    for back in range(60):  # "previous day" forever, each day with its own article
        date = (day - timedelta(days=back)).date()
        number = 5000 + back
        month = "".join(f'<a href="/lich/?date={date:%Y-%m}-{d:02d}">{d}</a> ' for d in range(1, 29))
        portal_server.route(f"/lich/?date={date}", f"""<html><body><table class="calendar">{month}</table>
<ul><li><a href="{TestPortal.path(number)}">Tin ngày {date}</a></li></ul>
<a rel="next" href="/lich/?date={date - timedelta(days=1)}">Ngày trước</a></body></html>""")
        portal_server.route(TestPortal.path(number), article_html(number))
    report = crawl(db, [profile(portal_server, f"/lich/?date={day.date()}")], options=fast(max_listing_pages=3)
                   ).site("test")
    assert [p for p in portal_server.paths() if p.startswith("/lich/")] == \
        [f"/lich/?date=2024-01-{d}" for d in (31, 30, 29)]  # the month's day links are not followed
    assert report.new == 3
    cut = state(db, portal_server.url("/lich/?date=2024-01-28"))
    assert (cut["status"], cut["reason"]) == ("skipped", "not followed: max_listing_pages (3) reached")
