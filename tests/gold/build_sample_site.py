"""Render the bundled sample portal (data/sample_site/) from the gold files.

Sample data written for the vnportal project. The five portals imitate the page
layouts of real Vietnamese government and Party sites, but every site, person and
article here is fictional, except the five seed articles (tests/gold/seeds.json),
which are real public articles reproduced with their boilerplate style.

Each tests/gold/extract/<site>/<name>.json becomes one article page; the script
also writes the listings with numeric pagination, the RSS feed (wp/), the sitemaps
(tuyengiao/), robots.txt and a /private/ area that robots.txt disallows. Output is
deterministic: no clock, inputs sorted. ``{{BASE}}`` is replaced by the sample
server with "http://127.0.0.1:PORT".

    python tests/gold/build_sample_site.py [--gold DIR] [--out DIR]
"""
from __future__ import annotations

import argparse
import datetime as dt
import email.utils
import json
import re
import shutil
import sys
import unicodedata
import zlib
from html import escape
from html.entities import codepoint2name
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/documents.py, when run as a script
from documents import admin_document  # noqa: E402 (after the path)

REPO = Path(__file__).resolve().parents[2]
GOLD_DIR = REPO / "tests" / "gold" / "extract"
OUT_DIR = REPO / "data" / "sample_site"

SITES = ("haiphong", "wp", "tuyengiao", "huyen", "danang")
LISTING_DIR = {"haiphong": "haiphong/tin-tuc-su-kien", "wp": "wp", "tuyengiao": "tuyengiao/tuyen-giao-cac-cap",
               "huyen": "huyen/tin-tuc", "danang": "danang/thong-tin-bao-chi"}
ARTICLE_PATH = {
    "haiphong": re.compile(r"haiphong/tin-tuc-su-kien/[a-z0-9-]+-\d{3,}\.html"),
    "wp": re.compile(r"wp/[a-z0-9-]+\.html"),
    "tuyengiao": re.compile(r"tuyengiao/tuyen-giao-cac-cap/[a-z0-9-]+-\d{3,}\.html"),
    "huyen": re.compile(r"huyen/tin-tuc/[a-z0-9-]+-\d{3,}\.html"),
    "danang": re.compile(r"danang/chi-tiet/[a-z0-9-]+-\d{3,}\.html"),
}
PER_PAGE = {"haiphong": 3, "wp": 1000, "tuyengiao": 4, "huyen": 3, "danang": 4}
SITE_NAME = {
    "haiphong": "Cổng thông tin điện tử thành phố Hải Phòng",
    "wp": "Cổng tin tức Thành phố Hải Phòng",
    "tuyengiao": "Trang thông tin điện tử Tuyên giáo",
    "huyen": "Trang thông tin điện tử Đảng bộ huyện",
    "danang": "Cổng thông tin điện tử thành phố Đà Nẵng",
}
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")
CRAWL_DAY_BANNER = "Thứ Sáu, 21/6/2024"  # tuyengiao.vn prints the visit day on every page
PRIVATE_LINK = '<a href="/private/index.html" rel="nofollow">Quản trị nội dung</a>'
STALE_LINK = "/huyen/tin-tuc/chuong-trinh-phat-thanh-ngay-26-11-2011-112.html"  # dead on purpose
# Smallest valid GIF (1x1, transparent): every picture on the sample site.
GIF = bytes.fromhex("47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b")


# ---------------------------------------------------------------- rendering utilities

def slugify(text: str) -> str:
    """ASCII slug as Vietnamese CMSs make them: diacritics dropped, đ -> d."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if unicodedata.category(c) != "Mn").lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def when(a: dict) -> dt.datetime:
    return dt.datetime.fromisoformat(a["published"])


def has_time(a: dict) -> bool:
    return "T" in a["published"]


def hm(a: dict) -> str:
    return when(a).strftime(" %H:%M") if has_time(a) else ""


def weekday(d: dt.datetime) -> str:
    return WEEKDAYS[d.weekday()]


def num(n: int) -> str:
    """Vietnamese thousands separator: 5705840 -> 5.705.840."""
    return f"{n:,}".replace(",", ".")


def seeded(a_path: str, lo: int, hi: int) -> int:
    """A stable pseudo-random number for counters (view counts, visitors)."""
    return lo + zlib.crc32(a_path.encode("utf-8")) % (hi - lo)


def href(path: str) -> str:
    return "/" + path


def page_name(n: int) -> str:
    return "index.html" if n == 1 else f"page-{n}.html"


def article_id(a: dict) -> str:
    m = re.search(r"-(\d+)\.html$", a["path"])
    return m.group(1) if m else str(zlib.crc32(a["path"].encode()) % 100000)


def image_path(a: dict, n: int) -> str:
    return f"{a['site']}/images/{article_id(a)}-{n}.gif"


def entity_mix(text: str) -> str:
    """Escape like an old Liferay editor: some letters as named or numeric entities."""
    out = []
    for i, ch in enumerate(escape(text, quote=False)):
        if ord(ch) > 127 and i % 6 == 0:
            name = codepoint2name.get(ord(ch))
            out.append(f"&{name};" if name else f"&#{ord(ch)};")
        else:
            out.append(ch)
    return "".join(out)


def body_blocks(a: dict, para, figure, lead=None) -> list[str]:
    """Lead, paragraphs and figures in page order, each rendered by the style's callbacks."""
    figs: dict[int, list[tuple[int, str]]] = {}
    for n, f in enumerate(a.get("figures", []), 1):
        figs.setdefault(f["after"], []).append((n, f["caption"]))
    out = [lead(a["lead"])] if a.get("lead") and lead else []
    out += [figure(n, cap) for n, cap in figs.get(-1, [])]
    for i, p in enumerate(a["paragraphs"]):
        out.append(para(p))
        out += [figure(n, cap) for n, cap in figs.get(i, [])]
    return out


def pager(site: str, current: int, pages: int, cls: str, active: str = "active") -> str:
    if pages <= 1:
        return ""
    base = href(LISTING_DIR[site]) + "/"
    items = []
    if current > 1:
        items.append(f'<a href="{base}{page_name(current - 1)}" class="prev">«</a>')
    for n in range(1, pages + 1):
        items.append(f'<span class="{active}">{n}</span>' if n == current
                     else f'<a href="{base}{page_name(n)}">{n}</a>')
    if current < pages:
        items.append(f'<a href="{base}{page_name(current + 1)}" class="next">»</a>')
    return f'<div class="{cls}">{" ".join(items)}</div>'


def listing_links(site: str, pages: int) -> list[tuple[str, str]]:
    base = href(LISTING_DIR[site]) + "/"
    return [(base + page_name(n), "Trang đầu" if n == 1 else f"Trang {n}") for n in range(1, pages + 1)]


def doc(title: str, body: str, head: str = "", lang: str = "vi", body_attrs: str = "") -> str:
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(title)}</title>\n{head}</head>\n<body{body_attrs}>\n{body}\n</body>\n</html>\n")


def canonical(path: str) -> str:
    return f'<link rel="canonical" href="{{{{BASE}}}}/{path}">\n'


def article_head(a: dict, extra: str = "") -> str:
    desc = escape((a.get("lead") or a["paragraphs"][0])[:200])
    return (canonical(a["path"]) + f'<meta name="description" content="{desc}">\n'
            f'<meta property="og:title" content="{escape(a["title"])}">\n'
            f'<meta property="og:type" content="article">\n{extra}')


# ---------------------------------------------------------------- haiphong.gov.vn

def hp_frame(ctx: dict, main: str, path: str) -> str:
    nav = "".join(f'<li><a href="{u}">{t}</a></li>' for u, t in ctx["nav"])
    ads_top = "".join(f'<a href="#"><img src="/haiphong/images/qc-{n}.gif" alt="image advertisement"></a>'
                      for n in range(1, 6))
    ads_side = "".join(f'<a href="#"><img src="/haiphong/images/qc-{n}.gif" alt="image advertisement"></a>'
                       for n in range(6, 9))
    return f"""<div id="wrapper">
<div id="header"><div class="logo"><a href="/haiphong/tin-tuc-su-kien/index.html"><img src="/haiphong/images/logo.gif" alt=""></a>
<div class="site-title"><p class="line1">Cổng thông tin điện tử</p><p class="line2">Thành phố Hải Phòng</p></div></div>
<form class="search" action="#" method="get"><input type="text" name="q" placeholder="Tìm kiếm"><button type="submit">Tìm</button></form></div>
<div id="menu"><ul class="nav">
<li><a href="#">Giới thiệu</a></li><li><a href="/haiphong/tin-tuc-su-kien/index.html">Tin tức - Sự kiện</a></li>
<li><a href="#">Chính quyền</a></li><li><a href="#">Công dân</a></li><li><a href="#">Doanh nghiệp</a></li>
<li><a href="#">Du khách</a></li><li><a href="#">Văn bản</a></li>{nav}</ul></div>
<div id="content">
<div class="col-main">
{main}
</div>
<div class="col-right">
<div class="banner-right">{ads_top}</div>
<div class="box-thongke"><h3 class="title">Thống kê truy cập</h3><ul>
<li>Đang online: {seeded(path + "o", 0, 40)}</li><li>Hôm nay: {seeded(path + "d", 1, 900)}</li>
<li>Trong tuần: {num(seeded(path + "w", 900, 9000))}</li><li>Tất cả: {num(seeded(path + "t", 10_000_000, 30_000_000))}</li></ul></div>
<div class="banner-right">{ads_side}</div>
</div>
</div>
<div id="footer">
<p class="footer-title">Cổng thông tin điện tử thành phố Hải Phòng</p>
<p>Cơ quan quản lý: Văn phòng Ủy ban nhân dân thành phố Hải Phòng</p>
<p>Trưởng Ban biên tập: Chánh Văn phòng Phạm Quang Vinh</p>
<p>Địa chỉ: Số 18 Hoàng Diệu, Minh Khai, Hồng Bàng, Hải Phòng</p>
<p>Điện thoại: 0225.3821.055 - Fax: 0225.3747.352 - Email: congthongtindientu@haiphong.gov.vn</p>
<p>Cơ quan thường trực: Trung tâm Thông tin - Tin học, Văn phòng UBND thành phố</p>
<p><a href="#">Sơ đồ cổng</a> - <a href="#">RSS</a> - {PRIVATE_LINK}</p>
</div>
</div>"""


def hp_article(a: dict, site_arts: list[dict], ctx: dict) -> str:
    d = when(a)
    blocks = body_blocks(
        a,
        para=lambda p: f'<p style="text-align: justify;">{escape(p)}</p>',
        figure=lambda n, cap: (f'<p style="text-align: center;"><img src="/{image_path(a, n)}" alt="" width="600"></p>\n'
                               f'<p style="text-align: center;"><em>{escape(cap)}</em></p>'),
        lead=lambda t: f'<p class="sapo"><strong>{escape(t)}</strong></p>')
    if a.get("author"):
        blocks.append(f'<p style="text-align: right;"><strong>{escape(a["author"])}</strong></p>')
    i = site_arts.index(a)
    older = "".join(f'<li><a href="{href(o["path"])}">{escape(o["title"])}</a> <span class="date">({when(o):%d/%m/%Y})</span></li>'
                    for o in site_arts[i + 1:i + 6])
    body_html = "\n".join(blocks)
    main = f"""<div class="breadcrumb"><a href="/haiphong/tin-tuc-su-kien/index.html">Tin tức - Sự kiện</a></div>
<div class="news-detail">
<div class="date-time">Thời gian: {d:%d/%m/%Y}{hm(a)}</div>
<h1 class="title-detail">{escape(a["title"])}</h1>
<div class="content-detail">
{body_html}
</div>
<div class="tools"><a href="#">In bài viết</a> | <a href="#">Gửi email</a> | <a href="#">Chia sẻ</a></div>
</div>
<div class="other-news"><h3>Các tin cũ hơn</h3><ul>{older}</ul></div>"""
    return doc(f'{a["title"]} - {SITE_NAME["haiphong"]}', hp_frame(ctx, main, a["path"]), article_head(a))


def hp_listing(items: list[dict], n: int, pages: int, ctx: dict) -> str:
    rows = "\n".join(
        f'<div class="news-item"><a href="{href(o["path"])}"><img src="/{image_path(o, 0)}" alt=""></a>'
        f'<h3><a href="{href(o["path"])}">{escape(o["title"])}</a></h3>'
        f'<span class="date">{when(o):%d/%m/%Y}{hm(o)}</span>'
        f'<p class="summary">{escape((o.get("lead") or o["paragraphs"][0])[:240])}...</p></div>' for o in items)
    main = f"""<div class="breadcrumb"><a href="/haiphong/tin-tuc-su-kien/index.html">Tin tức - Sự kiện</a></div>
<h1 class="cate-title">Tin tức - Sự kiện</h1>
<div class="list-news">
{rows}
</div>
{pager("haiphong", n, pages, "paging")}"""
    path = f'{LISTING_DIR["haiphong"]}/{page_name(n)}'
    title = "Tin tức - Sự kiện" + (f" - Trang {n}" if n > 1 else "")
    return doc(f'{title} - {SITE_NAME["haiphong"]}', hp_frame(ctx, main, path), canonical(path))


# ---------------------------------------------------------------- thanhphohaiphong.gov.vn (WordPress, print view)

def wp_frame(ctx: dict, main: str) -> str:
    nav = "".join(f'<li class="menu-item"><a href="{u}">{t}</a></li>' for u, t in ctx["nav"])
    return f"""<div id="page" class="site">
<header id="masthead" class="site-header"><div class="site-branding"><p class="site-title"><a href="{{{{BASE}}}}/wp/index.html" rel="home">Cổng tin tức Thành phố Hải Phòng</a></p>
<p class="site-description">Thông tin chính thống của thành phố Hải Phòng</p></div>
<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu">
<li class="menu-item"><a href="{{{{BASE}}}}/wp/index.html">Trang chủ</a></li><li class="menu-item"><a href="#">Chính trị</a></li>
<li class="menu-item"><a href="#">Kinh tế</a></li><li class="menu-item"><a href="#">Văn hóa - Xã hội</a></li>
{nav}<li class="menu-item"><a href="{{{{BASE}}}}/wp/feed.xml">RSS</a></li></ul></nav></header>
<div id="content" class="site-content">
{main}
</div>
<footer id="colophon" class="site-footer"><div class="site-info">
<p>Cổng tin tức Thành phố Hải Phòng - Cơ quan chủ quản: Ủy ban nhân dân thành phố Hải Phòng</p>
<p>Địa chỉ: Số 18 Hoàng Diệu, Minh Khai, Hồng Bàng, Hải Phòng. Điện thoại: 0225.3821.055</p>
<p>Ghi rõ nguồn “Cổng tin tức Thành phố Hải Phòng” khi phát hành lại thông tin từ website này. {PRIVATE_LINK}</p>
</div></footer>
</div>"""


def wp_article(a: dict, site_arts: list[dict], ctx: dict) -> str:
    d = when(a)
    blocks = body_blocks(
        a,
        para=lambda p: f"<p>{escape(p)}</p>",
        figure=lambda n, cap: (f'<div id="attachment_{article_id(a)}{n}" class="wp-caption aligncenter" style="width: 810px">'
                               f'<img class="size-full wp-image-{zlib.crc32(a["path"].encode()) % 90000 + n}" '
                               f'src="{{{{BASE}}}}/{image_path(a, n)}" alt="" width="800" height="533">'
                               f'<p class="wp-caption-text">{escape(cap)}</p></div>'),
        lead=lambda t: f"<p><strong> {escape(t)}</strong></p>")
    if a.get("author"):
        blocks.append(f'<p style="text-align: right;"><strong>{escape(a["author"])}</strong></p>')
    others = "".join(f'<li><a href="{{{{BASE}}}}/{o["path"]}">{escape(o["title"])}</a></li>'
                     for o in site_arts if o is not a)
    post_id = zlib.crc32(a["path"].encode()) % 90000 + 10000
    body_html = "\n".join(blocks)
    main = f"""<main id="main" class="site-main">
<article id="post-{post_id}" class="post-{post_id} post type-post status-publish format-standard hentry category-tin-tuc">
<div class="print-bar"><a href="javascript:window.print()" class="print-link">Print</a> <span class="posted-on"><time class="entry-date published" datetime="{a["published"]}">{weekday(d)}, {d:%d/%m/%Y}{hm(a)}</time></span> <a href="{{{{BASE}}}}/{a["path"]}" class="origin-link">Gốc</a></div>
<header class="entry-header"><h1 class="entry-title">{escape(a["title"])}</h1></header>
<div class="entry-content">
{body_html}
</div>
<footer class="entry-footer">
<div class="widget tien-ich"><h3 class="widget-title">Tiện ích thông tin</h3><ul><li><a href="#">Nguồn tin</a></li><li><a href="#">QR Code</a></li></ul>
<div class="qr-code"><img src="/wp/images/qr.gif" alt="QR CODE: {escape(a["title"])}"><p>QR CODE: {escape(a["title"])}</p></div></div>
<div class="widget social"><h3 class="widget-title">Chúng tôi trên Mạng Xã hội</h3><p>QR Code Fanpage</p>
<img src="/wp/images/qr-fanpage.gif" alt=""><p>Mã QR Code truy cập vào Fanpage Cổng tin tức Thành phố Hải Phòng</p></div>
</footer>
</article>
<section class="related-posts"><h3 class="widget-title">Tin khác</h3><ul>{others}</ul></section>
</main>"""
    head = article_head(a, f'<link rel="alternate" type="application/rss+xml" title="RSS" href="{{{{BASE}}}}/wp/feed.xml">\n'
                           f'<meta property="article:published_time" content="{a["published"]}+07:00">\n')
    return doc(f'{a["title"]} - {SITE_NAME["wp"]}', wp_frame(ctx, main), head,
               body_attrs=f' class="post-template-default single single-post postid-{post_id} print-view"')


def wp_listing(items: list[dict], n: int, pages: int, ctx: dict) -> str:
    rows = "\n".join(
        f'<article class="post type-post hentry"><header class="entry-header"><h2 class="entry-title">'
        f'<a href="{{{{BASE}}}}/{o["path"]}" rel="bookmark">{escape(o["title"])}</a></h2>'
        f'<div class="entry-meta"><time class="entry-date published" datetime="{o["published"]}">{when(o):%d/%m/%Y}</time></div></header>'
        f'<div class="entry-summary"><p>{escape((o.get("lead") or o["paragraphs"][0])[:240])} [&hellip;]</p></div></article>'
        for o in items)
    main = f'<main id="main" class="site-main home-page"><h1 class="page-title">Tin mới</h1>\n{rows}\n</main>'
    head = canonical("wp/index.html") + '<link rel="alternate" type="application/rss+xml" title="RSS" href="{{BASE}}/wp/feed.xml">\n'
    return doc(f'{SITE_NAME["wp"]} - Thông tin chính thống của thành phố Hải Phòng', wp_frame(ctx, main), head,
               body_attrs=' class="home blog"')


def wp_feed(site_arts: list[dict]) -> str:
    items = []
    for o in site_arts:
        d = when(o).replace(tzinfo=dt.timezone(dt.timedelta(hours=7)))
        desc = escape((o.get("lead") or o["paragraphs"][0])[:300])
        creator = f"\n<dc:creator><![CDATA[{o['author']}]]></dc:creator>" if o.get("author") else ""
        items.append(f"""<item>
<title>{escape(o["title"])}</title>
<link>{{{{BASE}}}}/{o["path"]}</link>{creator}
<pubDate>{email.utils.format_datetime(d)}</pubDate>
<category><![CDATA[Tin tức]]></category>
<guid isPermaLink="true">{{{{BASE}}}}/{o["path"]}</guid>
<description>{desc}</description>
</item>""")
    last = email.utils.format_datetime(when(site_arts[0]).replace(tzinfo=dt.timezone(dt.timedelta(hours=7))))
    body = "\n".join(items)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>Cổng tin tức Thành phố Hải Phòng</title>
<atom:link href="{{{{BASE}}}}/wp/feed.xml" rel="self" type="application/rss+xml"/>
<link>{{{{BASE}}}}/wp/index.html</link>
<description>Thông tin chính thống của thành phố Hải Phòng</description>
<lastBuildDate>{last}</lastBuildDate>
<language>vi</language>
<generator>https://wordpress.org/?v=6.2.2</generator>
{body}
</channel>
</rss>
"""


# ---------------------------------------------------------------- tuyengiao.vn

def tg_frame(ctx: dict, main: str, sidebar: str) -> str:
    nav = "".join(f'<li><a href="{u}">{t}</a></li>' for u, t in ctx["nav"])
    return f"""<div class="wrapper">
<div class="header"><div class="banner"><a href="/tuyengiao/tuyen-giao-cac-cap/index.html"><img src="/tuyengiao/images/banner.gif" alt="Tuyên giáo"></a>
<span class="today">{CRAWL_DAY_BANNER}</span></div>
<ul class="menu"><li><a href="#">Thời sự chính trị</a></li><li><a href="#">Nhịp cầu tuyên giáo</a></li><li><a href="#">Khoa giáo</a></li>
<li><a href="#">Văn hóa - Xã hội</a></li><li><a href="/tuyengiao/tuyen-giao-cac-cap/index.html">Tuyên giáo các cấp</a></li>{nav}</ul></div>
<div class="container">
<div class="main-col">
{main}
</div>
<div class="side-col">
<div class="box lienket"><h3>Liên kết website</h3><select onchange="window.open(this.value)">
<option value="">-- Chọn website --</option><option value="#">Báo Nhân Dân</option><option value="#">Tạp chí Cộng sản</option>
<option value="#">Báo Điện tử Đảng Cộng sản Việt Nam</option><option value="#">Cổng thông tin điện tử Chính phủ</option></select></div>
{sidebar}
</div>
</div>
<div class="footer"><p>Cơ quan chủ quản: Ban Tuyên giáo Trung ương</p>
<p>Địa chỉ: Số 2 Nguyễn Cảnh Chân, Ba Đình, Hà Nội. Điện thoại: 080.48273</p>
<p>Ghi rõ nguồn "Tuyên giáo" khi phát hành lại thông tin từ website này. {PRIVATE_LINK}</p></div>
</div>"""


def tg_newest(site_arts: list[dict], skip: dict | None) -> str:
    rows = "".join(f'<li><a href="{href(o["path"])}">{escape(o["title"])}</a></li>'
                   for o in site_arts[:5] if o is not skip)
    return f'<div class="box moinhat"><h3>Mới nhất</h3><ul>{rows}</ul></div>'


def tg_article(a: dict, site_arts: list[dict], ctx: dict) -> str:
    d = when(a)
    top = [f for f in a.get("figures", []) if f["after"] == -1]
    avatar = ""
    if top:  # tuyengiao.vn shows the top picture's caption above the body and again under the picture
        avatar = (f'<div class="story_avatar"><p class="avatar_caption">{escape(top[0]["caption"])}</p></div>\n')
    blocks = body_blocks(
        a,
        para=lambda p: f'<p style="text-align: justify;">{escape(p)}</p>',
        figure=lambda n, cap: (f'<table class="image" align="center"><tbody><tr><td><img src="/{image_path(a, n)}" alt="{escape(cap)}"></td></tr>'
                               f'<tr><td class="image_desc">{escape(cap)}</td></tr></tbody></table>'),
        lead=lambda t: f'<div class="story_headline">{escape(t)}</div>')
    if a.get("author"):
        blocks.append(f'<p style="text-align: right;"><strong>{escape(a["author"])}</strong></p>')
    others = "".join(f'<li><a href="{href(o["path"])}">{escape(o["title"])}</a> <span>({when(o).day}/{when(o).month}/{when(o).year})</span></li>'
                     for o in site_arts if o is not a)
    time = f" {d:%H:%M}'(GMT+7)" if has_time(a) else ""
    body_html = "\n".join(blocks)
    main = f"""<div class="cate-name"><a href="/tuyengiao/tuyen-giao-cac-cap/index.html">Tuyên giáo các cấp</a></div>
<div class="story">
<span class="story_date">{weekday(d)}, {d.day}/{d.month}/{d.year}{time}</span>
<h1 class="story_title">{escape(a["title"])}</h1>
{avatar}<div class="story_body">
{body_html}
</div>
<div class="story_tools"><a href="#">In bài</a> <a href="#">Gửi bài</a> <a href="#">Về đầu trang</a></div>
</div>
<div class="feedback"><h3>Phản hồi</h3>
<form action="#" method="post"><p>Họ và tên: <input type="text" name="name"></p><p>Email: <input type="text" name="email"></p>
<p>Nội dung: <textarea name="content"></textarea></p><p><button type="submit">Gửi phản hồi</button></p></form></div>
<div class="other-news"><h3>Các tin khác</h3><ul>{others}</ul></div>
<div class="gallery"><h3>Thư viện ảnh</h3><a href="#"><img src="/tuyengiao/images/thu-vien-anh.gif" alt="Thư viện ảnh"></a></div>"""
    return doc(f'{a["title"]} - {SITE_NAME["tuyengiao"]}', tg_frame(ctx, main, tg_newest(site_arts, a)), article_head(a))


def tg_listing(items: list[dict], n: int, pages: int, ctx: dict) -> str:
    rows = "\n".join(
        f'<div class="story_list_item"><a href="{href(o["path"])}"><img src="/{image_path(o, 0)}" alt=""></a>'
        f'<h2><a href="{href(o["path"])}">{escape(o["title"])}</a></h2>'
        f'<span class="story_date">{weekday(when(o))}, {when(o).day}/{when(o).month}/{when(o).year}</span>'
        f'<p>{escape((o.get("lead") or o["paragraphs"][0])[:240])}...</p></div>' for o in items)
    main = f"""<div class="cate-name"><a href="/tuyengiao/tuyen-giao-cac-cap/index.html">Tuyên giáo các cấp</a></div>
<div class="story_list">
{rows}
</div>
{pager("tuyengiao", n, pages, "datapager", "current")}"""
    path = f'{LISTING_DIR["tuyengiao"]}/{page_name(n)}'
    title = "Tuyên giáo các cấp" + (f" - Trang {n}" if n > 1 else "")
    sidebar = '<div class="box moinhat"><h3>Mới nhất</h3><p>Xem tại chuyên mục Tuyên giáo các cấp</p></div>'
    return doc(f'{title} - {SITE_NAME["tuyengiao"]}', tg_frame(ctx, main, sidebar), canonical(path))


def tg_sitemap(site_arts: list[dict]) -> str:
    urls = "\n".join(f'<url><loc>{{{{BASE}}}}/{o["path"]}</loc><lastmod>{when(o):%Y-%m-%d}</lastmod></url>'
                     for o in site_arts)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            f"{urls}\n</urlset>\n")


# ---------------------------------------------------------------- district Party committee portal (tables)

def hy_frame(ctx: dict, main: str) -> str:
    nav = "".join(f'<tr><td class="menu-item"><a href="{u}">{t}</a></td></tr>' for u, t in ctx["nav"])
    return f"""<table width="1000" border="0" cellspacing="0" cellpadding="0" align="center" class="main">
<tr><td colspan="3"><table width="100%" border="0" cellspacing="0" cellpadding="0"><tr>
<td width="120"><img src="/huyen/images/logo.gif" alt="" width="100" height="100"></td>
<td class="banner"><font size="5" color="#cc0000"><b>ĐẢNG BỘ HUYỆN</b></font><br><font size="3">Trang thông tin điện tử của Huyện ủy</font></td>
</tr></table></td></tr>
<tr><td colspan="3" class="topmenu"><a href="/huyen/tin-tuc/index.html">Trang chủ</a> | <a href="#">Giới thiệu</a> | <a href="/huyen/tin-tuc/index.html">Tin tức</a> | <a href="#">Văn bản</a> | <a href="#">Liên hệ</a></td></tr>
<tr>
<td width="200" valign="top"><table width="100%" border="0" cellspacing="0" cellpadding="2" class="leftmenu">
<tr><td class="box-title">DANH MỤC</td></tr>
<tr><td class="menu-item"><a href="/huyen/tin-tuc/index.html">Tin tức - Sự kiện</a></td></tr>
<tr><td class="menu-item"><a href="#">Xây dựng Đảng</a></td></tr>
<tr><td class="menu-item"><a href="#">Học tập và làm theo Bác</a></td></tr>
<tr><td class="menu-item"><a href="#">Phát thanh - Truyền hình</a></td></tr>
{nav}
</table></td>
<td width="600" valign="top">
{main}
</td>
<td width="200" valign="top"><table width="100%" border="0" cellspacing="0" cellpadding="2" class="rightcol">
<tr><td class="box-title">LIÊN KẾT</td></tr>
<tr><td><a href="#"><img src="/huyen/images/banner-1.gif" alt="Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"></a></td></tr>
<tr><td><a href="#"><img src="/huyen/images/banner-2.gif" alt="Cổng thông tin điện tử tỉnh"></a></td></tr>
<tr><td class="box-title">THỐNG KÊ</td></tr>
<tr><td>Đang online: 14</td></tr>
<tr><td>Tổng truy cập: 5.705.840</td></tr>
</table></td>
</tr>
<tr><td colspan="3" class="footer" align="center">
<p>BẢN QUYỀN THUỘC VỀ BAN TUYÊN GIÁO HUYỆN ỦY</p>
<p>Chịu trách nhiệm nội dung: Trưởng Ban Tuyên giáo Huyện ủy</p>
<p>Ghi rõ nguồn khi phát hành lại thông tin từ website này - {PRIVATE_LINK}</p></td></tr>
</table>"""


def hy_article(a: dict, site_arts: list[dict], ctx: dict) -> str:
    d = when(a)
    blocks = body_blocks(
        a,
        para=lambda p: f'<p align="justify">{escape(p)}</p>',
        figure=lambda n, cap: (f'<table align="center" border="0" cellpadding="3" cellspacing="0"><tr><td align="center">'
                               f'<img src="/{image_path(a, n)}" alt="" width="500"></td></tr>'
                               f'<tr><td align="center"><em>{escape(cap)}</em></td></tr></table>'),
        lead=lambda t: f'<div class="hometext"><b>{escape(t)}</b></div>')
    if a.get("attachments"):
        links = "".join(f'<li><a href="{href(f["path"])}" title="Tải về">{escape(f["label"])}</a></li>'
                        for f in a["attachments"])
        blocks.append(f'<div class="attachments"><b>Tập tin đính kèm:</b><ul>{links}</ul></div>')
    if a.get("author"):
        blocks.append(f'<p align="right"><b>{escape(a["author"])}</b></p>')
    i = site_arts.index(a)
    related = [o for o in site_arts if o is not a][:4]
    rel = "".join(f'<li><a href="{href(o["path"])}">{escape(o["title"])}</a> ({when(o):%d/%m/%Y})</li>' for o in related)
    rel += f'<li><a href="{STALE_LINK}">Chương trình phát thanh ngày 26/11/2011</a> (26/11/2011)</li>'
    views = seeded(a["path"], 120, 2000) + 37 * i
    time = f" {d:%H:%M}" if has_time(a) else ""
    body_html = "\n".join(blocks)
    main = f"""<table width="100%" border="0" cellspacing="0" cellpadding="5" class="news-detail">
<tr><td class="path"><a href="/huyen/tin-tuc/index.html">Tin tức</a></td></tr>
<tr><td><h1 class="title">{escape(a["title"])}</h1></td></tr>
<tr><td class="time">{weekday(d).capitalize()} - {d:%d/%m/%Y}{time} &nbsp; Đã xem: {views}</td></tr>
<tr><td class="bodytext">
{body_html}
</td></tr>
<tr><td class="print"><a href="#">In trang</a> | <a href="#">Gửi cho bạn bè</a></td></tr>
<tr><td><b class="related-title">tin tức liên quan</b><ul class="related">{rel}</ul></td></tr>
</table>"""
    return doc(f'{a["title"]} - {SITE_NAME["huyen"]}', hy_frame(ctx, main), article_head(a))


def hy_listing(items: list[dict], n: int, pages: int, ctx: dict) -> str:
    rows = "\n".join(
        f'<tr><td valign="top" width="110"><a href="{href(o["path"])}"><img src="/{image_path(o, 0)}" alt="" width="100"></a></td>'
        f'<td valign="top"><a href="{href(o["path"])}" class="news-title">{escape(o["title"])}</a> <font color="#888">({when(o):%d/%m/%Y})</font>'
        f'<br>{escape((o.get("lead") or o["paragraphs"][0])[:200])}...</td></tr>' for o in items)
    main = f"""<table width="100%" border="0" cellspacing="0" cellpadding="5" class="news-list">
<tr><td colspan="2" class="path">Tin tức</td></tr>
{rows}
<tr><td colspan="2" align="center">{pager("huyen", n, pages, "generate_page", "current")}</td></tr>
</table>"""
    path = f'{LISTING_DIR["huyen"]}/{page_name(n)}'
    title = "Tin tức" + (f" - Trang {n}" if n > 1 else "")
    return doc(f'{title} - {SITE_NAME["huyen"]}', hy_frame(ctx, main), canonical(path))


def tiny_pdf(label: str) -> bytes:
    """A minimal valid one-page PDF whose page shows ``label`` (ASCII-folded)."""
    text = slugify(label).replace("-", " ")[:80]
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("ascii")
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


# ---------------------------------------------------------------- danang.gov.vn (Liferay)

def portlet(name: str, instance: str, inner: str) -> str:
    pid = f"{name}_INSTANCE_{instance}"
    return (f'<div class="portlet-boundary portlet-boundary_{name}_ portlet-journal-content" id="p_p_id_{pid}_">'
            f'<span id="p_{pid}"></span><div class="portlet-body">\n{inner}\n</div></div>')


def dn_frame(ctx: dict, main: str, path: str) -> str:
    nav = "".join(f'<li><a href="{u}"><span>{t}</span></a></li>' for u, t in ctx["nav"])
    inst = f"{zlib.crc32(path.encode()):08x}"[:8]
    return f"""<div id="wrapper" class="container-fluid">
<header id="banner" role="banner"><div id="heading"><h2 class="site-title"><a href="/danang/thong-tin-bao-chi/index.html" title="Cổng thông tin điện tử thành phố Đà Nẵng">
<img alt="Cổng thông tin điện tử thành phố Đà Nẵng" src="/danang/images/logo.gif"></a></h2></div>
<nav id="navigation" class="sort-pages modify-pages"><ul aria-label="Site Pages" role="menubar">
<li><a href="#"><span>Giới thiệu</span></a></li><li><a href="/danang/thong-tin-bao-chi/index.html"><span>Thông tin báo chí</span></a></li>
<li><a href="#"><span>Chính quyền</span></a></li><li><a href="#"><span>Dịch vụ công</span></a></li>{nav}</ul></nav></header>
<div id="content"><div class="columns-2" id="main-content" role="main"><div class="portlet-layout row-fluid">
<div class="portlet-column portlet-column-first span9" id="column-1">
{portlet("101", "Ab3x" + inst[:4], main)}
</div>
<div class="portlet-column portlet-column-last span3" id="column-2">
{portlet("56", "Kq7d" + inst[4:], '<div class="journal-content-article"><h3>Đường dây nóng</h3><p>Tổng đài 1022: 0236.1022</p><p>Góp ý, hiến kế: gopy.danang.gov.vn</p></div>')}
{portlet("56", "Zm2p" + inst[:4], f'<div class="journal-content-article"><h3>Thống kê truy cập</h3><p>Lượt truy cập: {num(seeded(path, 40_000_000, 60_000_000))}</p></div>')}
</div></div></div></div>
<footer id="footer" role="contentinfo"><p>Cổng thông tin điện tử thành phố Đà Nẵng</p>
<p>Cơ quan chủ quản: Ủy ban nhân dân thành phố Đà Nẵng. Địa chỉ: 24 Trần Phú, Thạch Thang, Hải Châu, Đà Nẵng</p>
<p>Điện thoại: 0236.3822.155 - Email: cttdt@danang.gov.vn - {PRIVATE_LINK}</p>
<p class="powered-by">Powered By <a href="#">Liferay</a></p></footer>
</div>"""


def dn_article(a: dict, site_arts: list[dict], ctx: dict) -> str:
    d = when(a)
    blocks = body_blocks(
        a,
        para=lambda p: f'<p style="text-align: justify;">{entity_mix(p)}</p>',
        figure=lambda n, cap: (f'<figure class="image"><img src="/{image_path(a, n)}" alt="" style="width: 700px;">'
                               f'<figcaption>{entity_mix(cap)}</figcaption></figure>'),
        lead=lambda t: f"<p><strong>{entity_mix(t)}</strong></p>")
    if a.get("author"):
        blocks.append(f'<p style="text-align: right;"><strong>{entity_mix(a["author"])}</strong></p>')
    others = "".join(f'<li><a href="{href(o["path"])}">{escape(o["title"])}</a> <span class="date">({when(o):%d/%m/%Y})</span></li>'
                     for o in site_arts if o is not a)
    views = seeded(a["path"], 12, 400)
    time = f" {d:%H:%M}" if has_time(a) else ""
    body_html = "\n".join(blocks)
    main = f"""<div class="asset-full-content default-asset-publisher show-asset-title">
<h3 class="asset-full-content-title header-title"><span>{escape(a["title"])}</span></h3>
<div class="asset-publish-date"><span class="assetPublishDate">Đăng ngày {d:%d-%m-%Y}{time}, Lượt xem: {views}</span></div>
<div class="asset-content"><div class="journal-content-article" id="article_{article_id(a)}">
{body_html}
</div></div>
<div class="taglib-social-bookmarks"><a href="#">Chia sẻ</a> <a href="#">In trang</a></div>
</div>
<div class="related_asset"><h4>Các tin khác</h4><ul>{others}</ul></div>"""
    return doc(f'{a["title"]} - {SITE_NAME["danang"]}', dn_frame(ctx, main, a["path"]), article_head(a),
               body_attrs=' class="yui3-skin-sam controls-visible guest-site signed-out public-page site"')


def dn_listing(items: list[dict], n: int, pages: int, ctx: dict) -> str:
    rows = "\n".join(
        f'<div class="asset-abstract"><div class="asset-small-image"><img src="/{image_path(o, 0)}" alt=""></div>'
        f'<h3 class="asset-title"><a href="{href(o["path"])}">{escape(o["title"])}</a></h3>'
        f'<div class="asset-metadata"><span class="metadata-entry metadata-publish-date">{when(o):%d/%m/%Y}{hm(o)}</span></div>'
        f'<div class="asset-summary">{entity_mix((o.get("lead") or o["paragraphs"][0])[:220])}...</div></div>' for o in items)
    main = f"""<div class="portlet-title"><span>Thông tin báo chí</span></div>
{rows}
{pager("danang", n, pages, "taglib-page-iterator", "current")}"""
    path = f'{LISTING_DIR["danang"]}/{page_name(n)}'
    title = "Thông tin báo chí" + (f" - Trang {n}" if n > 1 else "")
    return doc(f'{title} - {SITE_NAME["danang"]}', dn_frame(ctx, main, path), canonical(path))


# ---------------------------------------------------------------- the whole site

STYLES = {"haiphong": (hp_article, hp_listing), "wp": (wp_article, wp_listing), "tuyengiao": (tg_article, tg_listing),
          "huyen": (hy_article, hy_listing), "danang": (dn_article, dn_listing)}


def load_gold(gold_dir: Path) -> list[dict]:
    """Every gold article, sorted by path; raises ValueError on a malformed one."""
    arts = []
    for f in sorted(gold_dir.glob("*/*.json")):
        a = json.loads(f.read_text(encoding="utf-8"))
        site = a.get("site")
        if site not in SITES or f.parent.name != site:
            raise ValueError(f"{f}: site {site!r} does not match its folder")
        if not ARTICLE_PATH[site].fullmatch(a["path"]) or re.search(r"/(index|page-\d+)\.html$", a["path"]):
            raise ValueError(f"{f}: path {a['path']!r} does not fit the {site} article pattern")
        if any(not -1 <= fig["after"] < len(a["paragraphs"]) for fig in a.get("figures", [])):
            raise ValueError(f"{f}: a figure stands after a paragraph that does not exist")
        when(a)
        arts.append(a)
    paths = [a["path"] for a in arts]
    if len(set(paths)) != len(paths):
        raise ValueError("two gold files share a path")
    arts.sort(key=lambda a: a["path"])
    return arts


def build(gold_dir: Path = GOLD_DIR) -> dict[str, bytes]:
    """All files of the sample site, relative path -> bytes."""
    arts = load_gold(gold_dir)
    files: dict[str, str | bytes] = {}
    for site in SITES:
        site_arts = sorted((a for a in arts if a["site"] == site), key=lambda a: (a["published"], a["path"]), reverse=True)
        if not site_arts:
            continue
        render_article, render_listing = STYLES[site]
        pages = [site_arts[i:i + PER_PAGE[site]] for i in range(0, len(site_arts), PER_PAGE[site])]
        ctx = {"nav": listing_links(site, len(pages))}
        for n, items in enumerate(pages, 1):
            files[f"{LISTING_DIR[site]}/{page_name(n)}"] = render_listing(items, n, len(pages), ctx)
        for a in site_arts:
            files[a["path"]] = render_article(a, site_arts, ctx)
            for n in range(len(a.get("figures", [])) + 1):
                files[image_path(a, n)] = GIF
            for att in a.get("attachments", []):
                files[att["path"]] = admin_document(att["document"]) if "document" in att else tiny_pdf(att["label"])
        if site == "wp":
            files["wp/feed.xml"] = wp_feed(site_arts)
        if site == "tuyengiao":
            files["tuyengiao/sitemap-articles.xml"] = tg_sitemap(site_arts)
    for name in ("haiphong/images/logo.gif", "wp/images/qr.gif", "wp/images/qr-fanpage.gif", "tuyengiao/images/banner.gif",
                 "tuyengiao/images/thu-vien-anh.gif", "huyen/images/logo.gif", "huyen/images/banner-1.gif",
                 "huyen/images/banner-2.gif", "danang/images/logo.gif", *[f"haiphong/images/qc-{n}.gif" for n in range(1, 9)]):
        files[name] = GIF
    files.update(root_files())
    return {k: v if isinstance(v, bytes) else v.encode("utf-8") for k, v in sorted(files.items())}


def root_files() -> dict[str, str]:
    entries = [("haiphong/tin-tuc-su-kien/index.html", SITE_NAME["haiphong"], "haiphong.gov.vn"),
               ("wp/index.html", SITE_NAME["wp"], "thanhphohaiphong.gov.vn, WordPress"),
               ("tuyengiao/tuyen-giao-cac-cap/index.html", SITE_NAME["tuyengiao"], "tuyengiao.vn"),
               ("huyen/tin-tuc/index.html", SITE_NAME["huyen"], "cổng Đảng bộ cấp huyện, bố cục bảng"),
               ("danang/thong-tin-bao-chi/index.html", SITE_NAME["danang"], "danang.gov.vn, Liferay")]
    links = "\n".join(f'<li><a href="/{p}">{escape(n)}</a> ({escape(s)})</li>' for p, n, s in entries)
    index = doc("Cổng mẫu vnportal - Sample portals",
                f"<h1>Cổng mẫu vnportal</h1>\n<p>Năm cổng thông tin mẫu (dữ liệu mẫu, không phải trang thật):</p>\n"
                f"<ul>\n{links}\n</ul>\n<footer><p>{PRIVATE_LINK}</p></footer>")
    private = doc("Khu vực quản trị - Sample portals",
                  "<h1>Khu vực quản trị</h1>\n<p>Trang này bị chặn trong robots.txt; trình thu thập không được truy cập.</p>\n"
                  f"<footer><p>{PRIVATE_LINK}</p></footer>", head='<meta name="robots" content="noindex, nofollow">\n')
    robots = "User-agent: *\nDisallow: /private/\n\nSitemap: {{BASE}}/sitemap.xml\n"
    sitemap = ('<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
               "<sitemap><loc>{{BASE}}/tuyengiao/sitemap-articles.xml</loc></sitemap>\n</sitemapindex>\n")
    return {"index.html": index, "private/index.html": private, "robots.txt": robots, "sitemap.xml": sitemap}


def write_site(files: dict[str, bytes], out: Path) -> None:
    """Replace ``out`` with exactly ``files``."""
    if out.exists():
        shutil.rmtree(out)
    for rel, data in files.items():
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD_DIR)
    parser.add_argument("--out", type=Path, default=OUT_DIR)
    args = parser.parse_args()
    files = build(args.gold)
    write_site(files, args.out)
    print(f"wrote {len(files)} files to {args.out}")


if __name__ == "__main__":
    main()
