"""Site profiles, the registry, options and settings, URL and discovery helpers (no network)."""
from __future__ import annotations

import hashlib
import re
from datetime import date, datetime, timedelta, timezone
from importlib.metadata import version
from pathlib import Path

import pytest
from scrapy.http import HtmlResponse

from crawler import (REGISTRY, CrawlOptions, DuplicateProfileError, Listing, Registry, SiteProfile,
                     UnknownSiteError, get_profile, load_options, sample_profiles)
from crawler.discovery import (article_pattern, feed_entries, feed_links, looks_like_article, next_page,
                               page_kind, page_links, page_text_hash, parse_date)
from crawler.middlewares import retry_after
from crawler.settings import settings_for
from crawler.urls import canonical
from data import Index
from extract.article import is_attachment

SAMPLE_SITE = Path(__file__).resolve().parent.parent / "data" / "sample_site"

# Article URLs seen on the real portals (docs: the portals table), one or more per profile.
KNOWN_ARTICLES = {
    "haiphong.gov.vn": ["https://haiphong.gov.vn/tin-tuc-su-kien/tang-cuong-cong-tac-118467.html",
                        "https://haiphong.gov.vn/tin-tuc-su-kien/hoi-nghi-tong-ket-683224",
                        "https://haiphong.gov.vn/Diem-bao/diem-bao-ngay-15-91682.html"],
    "thanhphohaiphong.gov.vn": ["https://thanhphohaiphong.gov.vn/linh-vuc-khoa-giao-dat-duoc-nhieu-thanh-tuu.html"],
    "tuyengiao.vn": ["https://tuyengiao.vn/video/Cong-tac-Tuyen-Giao/hoi-nghi-bao-cao-vien-2789"],
    "tuyengiaodanvan.vn": ["https://tuyengiaodanvan.vn/vn/hoi-nghi-toan-quoc-ve-cong-tac-dan-van"],
    "stttt.kiengiang.gov.vn": ["https://stttt.kiengiang.gov.vn/m/127/1193/Chuyen-doi-so.html"],
    "quangninh.gov.vn": ["https://www.quangninh.gov.vn/Trang/ChiTietTinTuc.aspx?nid=113139"],
    "btgtu.quangninh.gov.vn": ["https://btgtu.quangninh.gov.vn/Trang/ChiTietBVGioiThieu.aspx?bvid=7"],
    "haiduong.gov.vn": ["https://haiduong.gov.vn/Trang/ChiTietTinTuc.aspx?nid=13066&title=hoi-nghi.html"],
    "danang.gov.vn": ["https://danang.gov.vn/web/thong-tin-bao-chi/danh-muc/chi-tiet?id=53975&_c=100000035"],
    "hanoi.gov.vn": ["https://hanoi.gov.vn/tin-so-nganh/ha-noi-trien-khai-4250808215021297.htm"],
    "hochiminhcity.gov.vn": ["https://hochiminhcity.gov.vn/web/hcm/-/thanh-pho-to-chuc-hoi-nghi",
                             "https://hochiminhcity.gov.vn/vi/web/hcm/w/thanh-pho-to-chuc-hoi-nghi"],
    "thanhhoa.gov.vn": ["https://thanhhoa.gov.vn/portal/pages/2022-09-22/hoi-nghi-tong-ket-12345.aspx"],
    "nghean.gov.vn": ["https://nghean.gov.vn/tin-tuc-su-kien-73053/hoi-nghi-tong-ket-723384",
                      "https://nghean.gov.vn/vi-VN/1/3034/17/231/tintuc/hoi-nghi.aspx"],
    "baochinhphu.vn": ["https://baochinhphu.vn/thu-tuong-chu-tri-hoi-nghi-102251029120855211.htm"],
    "dangcongsan.vn": ["https://dangcongsan.vn/thoi-su/hoi-nghi-trung-uong-527205.html"],
    "hcmcpv.org.vn": ["https://hcmcpv.org.vn/tin-tuc/hoi-nghi-thanh-uy-1491881281"],
    "btg.dongthap.gov.vn": ["https://btg.dongthap.gov.vn/web/btg/chi-tiet-bai-viet/-/asset_publisher/Ab12/content/id/7337177"],
    "btgtu.binhthuan.dcs.vn": ["https://btgtu.binhthuan.dcs.vn/Trang-chu/post/1520/hoi-nghi-bao-cao-vien"],
    "tuyengiaothainguyen.org.vn": ["https://tuyengiaothainguyen.org.vn/vi/news/tin-tuc/hoi-nghi-518.html"],
    "tuyengiaotiengiang.vn": ["https://tuyengiaotiengiang.vn/news/savefile/Tin-tuc/Hoi-nghi-3769/"],
}


def response(url: str, body: str | bytes) -> HtmlResponse:
    return HtmlResponse(url=url, body=body if isinstance(body, bytes) else body.encode("utf-8"), encoding="utf-8")


def sample_page(relative: str, base: str = "http://127.0.0.1:8000") -> HtmlResponse:
    body = (SAMPLE_SITE / relative).read_bytes().replace(b"{{BASE}}", base.encode())
    return response(f"{base}/{relative}", body)


# -- profiles and registry -----------------------------------------------------------------
def test_registry_refuses_a_duplicate_name():
    registry = Registry()
    profile = SiteProfile(name="x.gov.vn", province="", level="province", domains=("x.gov.vn",),
                          listings=(Listing("https://x.gov.vn/"),), article_pattern=r"-\d+$")
    registry.register(profile)
    with pytest.raises(DuplicateProfileError, match="x.gov.vn"):
        registry.register(SiteProfile(name="x.gov.vn", province="", level="city", domains=("y.gov.vn",)))
    with pytest.raises(DuplicateProfileError):
        Registry(list(REGISTRY) + [REGISTRY.get("haiphong.gov.vn")])


def test_registry_keeps_layout_versions_by_validity_date():
    old = SiteProfile(name="x.gov.vn", province="", level="province", domains=("x.gov.vn",),
                      article_pattern=r"-\d+\.html$", version=1, valid_until="2024-01-01")
    new = SiteProfile(name="x.gov.vn", province="", level="province", domains=("x.gov.vn",),
                      article_pattern=r"-\d+$", version=2, valid_from="2024-01-01")
    registry = Registry([new, old])
    assert registry.get("x.gov.vn") is new
    assert registry.get("x.gov.vn", on=date(2020, 5, 1)) is old
    assert registry.get("x.gov.vn", on=date(2024, 1, 1)) is new
    overlapping = SiteProfile(name="x.gov.vn", province="", level="province", domains=("x.gov.vn",),
                              version=3, valid_from="2023-06-01")
    with pytest.raises(DuplicateProfileError, match="overlap"):
        registry.register(overlapping)
    with pytest.raises(UnknownSiteError):
        registry.get("nowhere.gov.vn")


def test_profile_declarations_are_checked():
    with pytest.raises(ValueError, match="level"):
        SiteProfile(name="x.vn", province="", level="county", domains=("x.vn",))
    with pytest.raises(re.error):
        SiteProfile(name="x.vn", province="", level="city", domains=("x.vn",), article_pattern="(")
    with pytest.raises(ValueError, match="name"):
        SiteProfile(name="X Portal", province="", level="city", domains=("x.vn",))


@pytest.mark.parametrize("profile", list(REGISTRY), ids=lambda p: p.name)
def test_every_real_profile_has_a_start_point_and_a_valid_article_pattern(profile):
    assert profile.start_urls, "no RSS, sitemap or listing"
    for url in profile.start_urls:
        assert profile.owns(url, whole_host=True), url
        assert not profile.is_article(canonical(url)), f"start point {url} looks like an article"
    assert profile.article_pattern and re.compile(profile.article_pattern)
    assert profile.verified or profile.note, "a guessed profile says what is guessed"
    assert SiteProfile.from_dict(profile.to_dict()) == profile


def test_the_registry_covers_the_country_and_the_platforms():
    names = set(REGISTRY.names())
    assert len(names) >= 12
    assert {"haiphong.gov.vn", "tuyengiao.vn", "kiengiang.gov.vn", "tuyengiaodanvan.vn"} <= names
    assert {"liferay", "sharepoint", "wordpress", "nukeviet"} <= {p.platform for p in REGISTRY}
    provinces = {p.province for p in REGISTRY}
    assert {"Hải Phòng", "Quảng Ninh", "Đà Nẵng", "Nghệ An", "TP. Hồ Chí Minh", "Kiên Giang"} <= provinces
    # the 2025 merger: archives end, successors begin
    assert REGISTRY.get("tuyengiao.vn").valid_until == REGISTRY.get("tuyengiaodanvan.vn").valid_from == "2025-02-03"
    assert not REGISTRY.get("kiengiang.gov.vn").valid_on(date(2025, 8, 1))
    assert REGISTRY.get("haiduong.haiphong.gov.vn").valid_on(date(2025, 8, 1))


@pytest.mark.parametrize("name,url", [(n, u) for n, urls in KNOWN_ARTICLES.items() for u in urls])
def test_real_profiles_recognise_their_known_article_urls(name, url):
    owners = [p.name for p in REGISTRY if p.owns(canonical(url))]
    assert owners == [name]
    assert REGISTRY.get(name).is_article(canonical(url))


def test_sample_profiles_split_one_host_by_path():
    profiles = sample_profiles("http://127.0.0.1:8765/")
    assert [p.name for p in profiles] == ["haiphong", "wp", "tuyengiao", "huyen", "danang"]
    haiphong = profiles[0]
    assert haiphong.owns("http://127.0.0.1:8765/haiphong/tin-tuc-su-kien/x-118467.html")
    assert not haiphong.owns("http://127.0.0.1:8765/wp/x.html")
    assert haiphong.is_article("http://127.0.0.1:8765/haiphong/tin-tuc-su-kien/x-118467.html")
    assert not haiphong.is_article("http://127.0.0.1:8765/haiphong/tin-tuc-su-kien/page-2.html")
    assert get_profile("danang").platform == "liferay"
    assert get_profile("tuyengiao").date_selector == "span.story_date"  # what extract_html reads


def test_listing_page_urls():
    assert Listing("https://a.vn/tin/index.html", "page-{n}.html").page_url(3) == "https://a.vn/tin/page-3.html"
    assert Listing("https://a.vn/news/", "page-{n}").page_url(2) == "https://a.vn/news/page-2"
    assert Listing("https://a.vn/l?cat=5&page=1", "?page={n}").page_url(4) == "https://a.vn/l?cat=5&page=4"
    assert Listing("https://a.vn/l", "?page={n}", first_page=0).page_url(0) == "https://a.vn/l"


def test_for_url_profile():
    profile = SiteProfile.for_url("https://www.Example.gov.vn/tin-tuc")
    assert (profile.name, profile.auto, profile.domains) == ("example.gov.vn", True, ("example.gov.vn",))
    with pytest.raises(ValueError):
        SiteProfile.for_url("ftp://example.gov.vn/")


# -- options and settings --------------------------------------------------------------------
def test_options_come_from_defaults_then_config_then_flags(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('[crawl]\ncontact = "ops@example.org"\ndownload_delay = 3.0\nrecheck_days = 7\n')
    options = load_options(config, download_delay=0.5, timeout=None)
    assert (options.contact, options.download_delay, options.recheck_days) == ("ops@example.org", 0.5, 7)
    assert options.timeout == CrawlOptions().timeout
    assert options.user_agent == f"vnportal/{version('vnportal')} (+https://github.com/vnportal/vnportal; contact: ops@example.org)"
    config.write_text("[crawl]\ndelay = 3\n")
    with pytest.raises(ValueError, match="unknown crawl option"):
        load_options(config)
    with pytest.raises(ValueError, match="not found"):
        load_options(tmp_path / "missing.toml")
    with pytest.raises(ValueError, match="negative"):
        CrawlOptions(download_delay=-1)


def test_settings_are_polite():
    settings = settings_for(CrawlOptions(contact="ops@example.org", download_delay=2.5))
    assert settings["ROBOTSTXT_OBEY"] is True
    assert settings["CONCURRENT_REQUESTS_PER_DOMAIN"] == 1
    assert settings["AUTOTHROTTLE_ENABLED"] is True and settings["AUTOTHROTTLE_START_DELAY"] >= 2.5
    assert settings["DOWNLOAD_DELAY"] == 2.5
    assert settings["HTTPCACHE_ENABLED"] is False
    assert settings["DOWNLOAD_MAXSIZE"] == 10 * 1024 * 1024
    assert "contact: ops@example.org" in settings["USER_AGENT"] and settings["USER_AGENT"].startswith("vnportal/")
    assert settings["DOWNLOADER_MIDDLEWARES"]["crawler.middlewares.BackoffRetryMiddleware"] == 550


def test_retry_after_header():
    def answer(value):
        return response("http://a.vn/", b"").replace(status=503, headers={"Retry-After": value} if value else {})

    assert retry_after(answer("120")) == 120
    assert retry_after(answer(None)) is None
    later = (datetime.now(timezone.utc) + timedelta(seconds=600)).strftime("%a, %d %b %Y %H:%M:%S GMT")
    assert 500 < retry_after(answer(later)) <= 600


# -- URLs and discovery ------------------------------------------------------------------------
def test_canonical_urls():
    assert canonical("HTTP://Haiphong.GOV.vn/Trang/A.aspx?title=x&nid=1#top") == \
        "http://haiphong.gov.vn/Trang/A.aspx?nid=1&title=x"
    assert canonical("https://baochinhphu.vn/a-102251029120855211.htm?utm_source=zalo&zarsrc=30") == \
        "https://baochinhphu.vn/a-102251029120855211.htm"
    assert canonical("https://a.vn/tin tức/bài-1.html") == "https://a.vn/tin%20t%E1%BB%A9c/b%C3%A0i-1.html"


def test_attachments_are_recognised():
    assert is_attachment("https://a.vn/files/ke-hoach-42-kh-hu.PDF")
    assert is_attachment("https://a.vn/van-ban/quyet-dinh.docx?v=2")
    assert not is_attachment("https://a.vn/tin-tuc/bao-cao-pdf-123.html")


def test_feed_entries_rss_and_atom():
    rss = b"""<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
    <item><link>https://a.vn/tin-1.html</link><pubDate>Fri, 06 Oct 2023 13:05:00 +0700</pubDate></item>
    <item><guid>https://a.vn/tin-2.html</guid><dc:date>2023-10-07</dc:date></item></channel></rss>"""
    entries = feed_entries(rss)
    assert [link for link, _ in entries] == ["https://a.vn/tin-1.html", "https://a.vn/tin-2.html"]
    assert entries[0][1] == datetime(2023, 10, 6, 6, 5, tzinfo=timezone.utc)
    atom = b"""<feed xmlns="http://www.w3.org/2005/Atom"><entry><link rel="alternate" href="https://a.vn/x-9.html"/>
    <updated>2024-06-21T10:00:00Z</updated></entry></feed>"""
    assert feed_entries(atom) == [("https://a.vn/x-9.html", datetime(2024, 6, 21, 10, tzinfo=timezone.utc))]
    assert feed_entries(b"<html><body>not a feed</body></html>") is None


def test_dates_without_zone_are_vietnam_time():
    assert parse_date("2022-04-14") == datetime(2022, 4, 13, 17, tzinfo=timezone.utc)
    assert parse_date("2022-04-14T21:50:00+07:00") == datetime(2022, 4, 14, 14, 50, tzinfo=timezone.utc)
    assert parse_date("not a date") is None


def test_portal_feed_dates_in_vietnamese_forms_are_read_but_never_relative_ones():
    assert parse_date("Thứ Tư, 15/01/2020 08:22") == datetime(2020, 1, 15, 1, 22, tzinfo=timezone.utc)
    assert parse_date("15/01/2020 08:22") == datetime(2020, 1, 15, 1, 22, tzinfo=timezone.utc)
    for value in ("hôm qua", "3 ngày trước", "15/01", "5,07%"):
        assert parse_date(value) is None, value


def test_sample_listing_and_article_pages_are_told_apart():
    listing = sample_page("haiphong/tin-tuc-su-kien/index.html")
    article = sample_page("haiphong/tin-tuc-su-kien/tong-ket-cong-tac-tuyen-giao-nam-2021-trien-khai-nhiem-vu-nam-2022-118502.html")
    assert page_kind(listing, page_links(listing)) == "listing"
    assert page_kind(article, page_links(article)) == "article"
    wp = sample_page("wp/linh-vuc-khoa-giao-dat-duoc-nhieu-thanh-tuu-trong-viec-cham-soc-suc-khoe-nhan-dan-phong-chong-dich-benh.html")
    assert page_kind(wp, page_links(wp)) == "article"


def test_article_pattern_is_learnt_from_a_listing():
    listing = sample_page("danang/thong-tin-bao-chi/index.html")
    pattern = re.compile(article_pattern(page_links(listing)))
    assert pattern.search("http://127.0.0.1:8000/danang/chi-tiet/mot-bai-viet-khac-12345.html")
    assert not pattern.search("http://127.0.0.1:8000/danang/thong-tin-bao-chi/page-2.html")
    assert not pattern.search("http://127.0.0.1:8000/haiphong/tin-tuc-su-kien/x-118467.html")


def test_next_page_links():
    listing = sample_page("huyen/tin-tuc/index.html")
    assert next_page(listing, page_links(listing), 1) == "http://127.0.0.1:8000/huyen/tin-tuc/page-2.html"
    query = response("https://a.vn/tin?cat=3", '<a href="/tin?cat=3&page=2">2</a><a href="/tin?cat=4&page=2">x</a>')
    assert next_page(query, page_links(query), 1) == "https://a.vn/tin?cat=3&page=2"
    liferay = response("https://a.vn/web/tin?p_p_id=x&_x_cur=2",
                       '<a href="/web/tin?p_p_id=x&_x_cur=1">1</a><a href="/web/tin?p_p_id=x&_x_cur=3">3</a>')
    assert next_page(liferay, page_links(liferay), 2) == "https://a.vn/web/tin?_x_cur=3&p_p_id=x"
    rel = response("https://a.vn/tin/", '<link rel="next" href="/tin/trang-2">')
    assert next_page(rel, page_links(rel), 1) == "https://a.vn/tin/trang-2"
    assert next_page(query, page_links(query), 2) is None


def test_feed_links_are_found_on_pages():
    page = response("https://a.vn/", '<link rel="alternate" type="application/rss+xml" href="/feed/">'
                                      '<a href="/rss/tintuc.rss">RSS</a><a href="/tin-1.html">x</a>')
    assert feed_links(page) == ["https://a.vn/feed/", "https://a.vn/rss/tintuc.rss"]


def test_article_url_shapes():
    assert looks_like_article("https://a.vn/tin-tuc/hoi-nghi-118467.html")
    assert looks_like_article("https://a.vn/Trang/ChiTietTinTuc.aspx?nid=13066")
    assert looks_like_article("https://a.vn/hoi-nghi-tong-ket-cong-tac-tuyen-giao.html")
    assert not looks_like_article("https://a.vn/gioi-thieu.html")
    assert not looks_like_article("https://a.vn/tin-tuc/page-2.html")
    assert not looks_like_article("https://a.vn/files/bao-cao-2023.pdf")


def test_text_hash_ignores_markup_but_not_text():
    a = "<html><body><p>Hội nghị   tổng kết</p><script>var t=1</script></body></html>".encode()
    b = "<html><body><div><b>Hội nghị</b> tổng kết</div><script>var t=2</script></body></html>".encode()
    c = "<html><body><p>Hội nghị sơ kết</p></body></html>".encode()
    assert page_text_hash(a) == page_text_hash(b) != page_text_hash(c)


def test_text_hash_is_the_hash_of_the_text_a_reader_sees():
    """What indexes already store: the SHA-256 of the visible text, single-spaced; script, style and
    noscript (and all inside them) left out, the text after them kept; a selected element inside
    noscript gives nothing."""
    page = ("<html><body><div class=a>Hội nghị <script>x()</script>tổng <noscript><div class=a>"
            "Bật JavaScript</div></noscript>kết<style>p{}</style></div><p>Trang chủ</p></body></html>").encode()
    assert page_text_hash(page) == hashlib.sha256("Hội nghị tổng kết Trang chủ".encode()).hexdigest()
    assert page_text_hash(page, body_selector="div.a") == hashlib.sha256("Hội nghị tổng kết".encode()).hexdigest()


def test_text_hash_reads_the_page_as_the_extractor_decodes_it():
    """A UTF-8 page that declares Latin-1 (common on old portals) is read as UTF-8, as the extractor reads it."""
    page = "<html><head><meta charset=iso-8859-1></head><body><p>Hội nghị tổng kết</p></body></html>".encode()
    same_text = "<html><body><p>Hội nghị tổng kết</p></body></html>".encode()
    assert page_text_hash(page) == page_text_hash(page, {"Content-Type": "text/html; charset=iso-8859-1"}) \
        == page_text_hash(same_text)


# -- crawl state in the index ------------------------------------------------------------------
def test_failures_back_off_then_give_up(tmp_path):
    index = Index(tmp_path / "i.db")
    url, at = "https://a.vn/tin-1.html", "2024-06-01T00:00:00+00:00"
    assert index.record_failure(url, "a", "timeout", at, max_failures=3, backoff_hours=12) == "failed"
    assert index.url_state(url)["next_retry"] == "2024-06-01T12:00:00+00:00"
    assert index.record_failure(url, "a", "HTTP 500", at, max_failures=3, backoff_hours=12) == "failed"
    assert index.url_state(url)["next_retry"] == "2024-06-02T00:00:00+00:00"  # doubled
    assert index.record_failure(url, "a", "HTTP 500", at, max_failures=3, backoff_hours=12,
                                retry_after=3 * 86400) == "gone"
    assert index.url_state(url)["reason"] == "gave up after 3 failure(s): HTTP 500"
    assert index.record_failure("https://a.vn/tin-2.html", "a", "HTTP 410", at, http_status=410) == "gone"
    assert index.record_fetch(url, "a", kind="article", at=at, text_hash="h1") == "new"
    assert index.url_state(url)["failures"] == 0
    assert index.record_fetch(url, "a", kind="article", at=at, text_hash="h1") == "unchanged"
    assert index.record_fetch(url, "a", kind="article", at=at, text_hash="h2") == "changed"
    index.close()
