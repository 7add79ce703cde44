"""The bundled sample portal: rebuilt identically from the gold files, every article
reachable and correct on its page, feeds and sitemaps complete, served over HTTP."""
from __future__ import annotations

import datetime as dt
import email.utils
import importlib.util
import re
import unicodedata
import urllib.error
import urllib.request
import urllib.robotparser
from collections import Counter
from pathlib import Path
from xml.etree import ElementTree

import lxml.html
import pytest

from data.sample_server import serve_sample_site
from extract.documents.reader import read_document

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "data" / "sample_site"
GOLD = ROOT / "tests" / "gold" / "extract"
FAKE_BASE = "http://sample.test"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def _load_builder():
    spec = importlib.util.spec_from_file_location("build_sample_site", ROOT / "tests" / "gold" / "build_sample_site.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


builder = _load_builder()
GOLDS = builder.load_gold(GOLD)
SITES = sorted({a["site"] for a in GOLDS})
WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]


def fold(text: str) -> str:
    return " ".join(text.split())


def read(rel: str) -> str:
    return (SITE / rel).read_text(encoding="utf-8")


def page(rel: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(read(rel).replace("{{BASE}}", FAKE_BASE))


def page_text(rel: str) -> str:
    return fold(page(rel).text_content())


def local_links(rel: str) -> list[str]:
    """Site-relative targets of every href/src on an HTML page (external and '#' links left out)."""
    out = []
    for el in page(rel).iter():
        for attr in ("href", "src"):
            url = el.get(attr)
            if not url or url.startswith(("#", "javascript:")):
                continue
            if url.startswith(FAKE_BASE):
                url = url[len(FAKE_BASE):]
            if url.startswith("/"):
                out.append(url.lstrip("/"))
            else:
                raise AssertionError(f"{rel}: unexpected link {url!r}")
    return out


def html_pages() -> list[str]:
    return sorted(p.relative_to(SITE).as_posix() for p in SITE.rglob("*.html"))


def date_line(a: dict) -> str:
    """The date line each style prints, written out from the sample-site contract."""
    d = dt.datetime.fromisoformat(a["published"])
    day = WEEKDAYS[d.weekday()]
    return {
        "haiphong": f"Thời gian: {d:%d/%m/%Y %H:%M}",
        "wp": f"Print {day}, {d:%d/%m/%Y %H:%M} Gốc",
        "tuyengiao": f"{day}, {d.day}/{d.month}/{d.year} {d:%H:%M}'(GMT+7)",
        "huyen": f"{day[:4]}{day[4:].lower()} - {d:%d/%m/%Y %H:%M} Đã xem:",
        "danang": f"Đăng ngày {d:%d-%m-%Y %H:%M}, Lượt xem:",
    }[a["site"]]


BOILERPLATE = {
    "haiphong": ["Cổng thông tin điện tử", "Các tin cũ hơn", "Thống kê truy cập", "Đang online:", "Tất cả:",
                 "Cơ quan quản lý: Văn phòng Ủy ban nhân dân thành phố Hải Phòng", "Trưởng Ban biên tập:",
                 "Địa chỉ: Số 18 Hoàng Diệu, Minh Khai, Hồng Bàng, Hải Phòng", "Fax: 0225.3747.352",
                 "Email: congthongtindientu@haiphong.gov.vn", "Sơ đồ cổng - RSS"],
    "wp": ["Tiện ích thông tin", "Nguồn tin", "QR Code", "QR CODE: ", "Chúng tôi trên Mạng Xã hội", "QR Code Fanpage",
           "Mã QR Code truy cập vào Fanpage Cổng tin tức Thành phố Hải Phòng", "Tin khác"],
    "tuyengiao": ["Thứ Sáu, 21/6/2024", "Tuyên giáo các cấp", "Phản hồi", "Các tin khác", "Thư viện ảnh",
                  "Liên kết website", "Mới nhất"],
    "huyen": ["tin tức liên quan", "Chương trình phát thanh ngày 26/11/2011", "Đang online: 14",
              "Tổng truy cập: 5.705.840"],
    "danang": ["Các tin khác", "Cổng thông tin điện tử thành phố Đà Nẵng", "Powered By Liferay"],
}


def test_builder_output_is_committed_and_deterministic(tmp_path):
    files = builder.build(GOLD)
    assert files == builder.build(GOLD)
    builder.write_site(files, tmp_path / "site")
    built = {p.relative_to(tmp_path / "site").as_posix(): p.read_bytes() for p in (tmp_path / "site").rglob("*") if p.is_file()}
    committed = {p.relative_to(SITE).as_posix(): p.read_bytes() for p in SITE.rglob("*") if p.is_file()}
    assert sorted(built) == sorted(committed), "data/sample_site is stale: re-run tests/gold/build_sample_site.py"
    stale = [rel for rel in built if not _same_file(rel, built[rel], committed[rel])]
    assert not stale, f"stale files, re-run the builder: {stale[:5]}"


def _same_file(name: str, built: bytes, committed: bytes) -> bool:
    """The same bytes; for a PDF with text, the same text on the same pages as the pipeline reads it
    (its embedded font subset is written by fontTools, whose output changes between releases)."""
    if built == committed:
        return True
    if not name.endswith(".pdf"):
        return False
    pages = read_document(built, name).pages
    return any(pages) and pages == read_document(committed, name).pages


def test_gold_files_are_well_formed():
    assert {"haiphong", "wp", "tuyengiao", "huyen", "danang"} <= set(SITES)
    published = [a["published"] for a in GOLDS]
    assert len(set(published)) == len(published), "publication dates must be distinct"
    for a in GOLDS:
        texts = [a["title"], *([a["lead"]] if a.get("lead") else []), *a["paragraphs"],
                 *(f["caption"] for f in a.get("figures", []))]
        assert all(t and unicodedata.is_normalized("NFC", t) for t in texts), a["path"]
        assert a["paragraphs"] and all(p.strip() == p for p in a["paragraphs"]), a["path"]


@pytest.mark.parametrize("gold", GOLDS, ids=[a["path"].rsplit("/", 1)[-1][-30:] for a in GOLDS])
def test_gold_article_is_on_its_page(gold):
    rel = gold["path"]
    assert (SITE / rel).is_file()
    root = page(rel)
    assert root.findtext(".//title").startswith(gold["title"] + " - ")
    text = page_text(rel)
    for para in ([gold["lead"]] if gold.get("lead") else []) + gold["paragraphs"]:
        assert fold(para) in text, para[:60]
    for fig in gold.get("figures", []):
        assert fold(fig["caption"]) in text
    if gold.get("author"):
        assert fold(gold["author"]) in text
    if "T" in gold["published"]:
        assert date_line(gold) in text
    for marker in BOILERPLATE[gold["site"]]:
        assert marker in text, marker
    assert "private/index.html" in local_links(rel)


def test_body_order_follows_the_gold():
    """Paragraphs come in gold order, each figure's caption right after its paragraph."""
    for a in GOLDS:
        text = page_text(a["path"])
        blocks = builder.body_blocks(a, para=fold, figure=lambda n, cap: fold(cap), lead=fold)
        pos = 0
        for block in blocks:
            found = text.find(block, pos)
            assert found >= 0, (a["path"], block[:50])
            pos = found + len(block)


def test_seed_gold_matches_seeds_json():
    import json
    seeds = json.loads((ROOT / "tests" / "gold" / "seeds.json").read_text(encoding="utf-8"))
    by_source = {a["source"]: a for a in GOLDS}
    for seed in seeds:
        gold = by_source[seed["source"]]
        for key in ("title", "published", "author", "lead", "paragraphs"):
            assert gold[key] == seed[key], (seed["id"], key)
        assert [f["caption"] for f in gold["figures"]] == seed["captions"]
        assert "\n\n".join(([gold["lead"]] if gold["lead"] else []) + gold["paragraphs"]) == seed["text"]


@pytest.mark.parametrize("site", SITES)
def test_listing_pagination_reaches_every_article_once(site):
    listing = builder.LISTING_DIR[site]
    pattern = builder.ARTICLE_PATH[site]
    pager = re.compile(re.escape(listing) + r"/(index|page-\d+)\.html")
    seen_pages, queue, found = set(), [f"{listing}/index.html"], Counter()
    order = []
    while queue:
        rel = queue.pop(0)
        if rel in seen_pages:
            continue
        seen_pages.add(rel)
        links = local_links(rel)
        on_page = [u for u in dict.fromkeys(links) if pattern.fullmatch(u) and not pager.fullmatch(u)]
        found.update(on_page)
        order += on_page
        queue += sorted(u for u in links if pager.fullmatch(u))
    expected = {a["path"] for a in GOLDS if a["site"] == site}
    assert set(found) == expected
    assert all(n == 1 for n in found.values()), "an article is listed on two pages"
    by_path = {a["path"]: a["published"] for a in GOLDS}
    assert [by_path[p] for p in order] == sorted((by_path[p] for p in order), reverse=True), "listing not newest first"


def test_every_internal_link_resolves():
    missing = {target for rel in html_pages() for target in local_links(rel) if not (SITE / target).is_file()}
    assert missing == {builder.STALE_LINK.lstrip("/")}  # one dead link on purpose: the stale 2011 item


def test_feed_lists_every_wp_article():
    xml = read("wp/feed.xml").replace("{{BASE}}", FAKE_BASE)
    items = ElementTree.fromstring(xml.encode()).findall("./channel/item")
    wp = {a["path"]: a for a in GOLDS if a["site"] == "wp"}
    links = [item.findtext("link") for item in items]
    assert sorted(links) == sorted(f"{FAKE_BASE}/{p}" for p in wp)
    for item in items:
        gold = wp[item.findtext("link")[len(FAKE_BASE) + 1:]]
        assert item.findtext("title") == gold["title"]
        when = email.utils.parsedate_to_datetime(item.findtext("pubDate"))
        assert when.utcoffset() == dt.timedelta(hours=7)
        assert when.replace(tzinfo=None) == dt.datetime.fromisoformat(gold["published"])


def test_sitemap_index_leads_to_every_tuyengiao_article():
    index = ElementTree.fromstring(read("sitemap.xml").replace("{{BASE}}", FAKE_BASE).encode())
    sitemaps = [loc.text for loc in index.iter(SM + "loc")]
    assert index.tag == SM + "sitemapindex" and sitemaps
    urls = {}
    for loc in sitemaps:
        urlset = ElementTree.fromstring(read(loc[len(FAKE_BASE) + 1:]).replace("{{BASE}}", FAKE_BASE).encode())
        urls.update({u.findtext(SM + "loc"): u.findtext(SM + "lastmod") for u in urlset.iter(SM + "url")})
    tg = [a for a in GOLDS if a["site"] == "tuyengiao"]
    assert urls == {f"{FAKE_BASE}/{a['path']}": a["published"][:10] for a in tg}


def test_robots_disallows_private_and_names_the_sitemap():
    robots = urllib.robotparser.RobotFileParser()
    robots.parse(read("robots.txt").replace("{{BASE}}", FAKE_BASE).splitlines())
    assert not robots.can_fetch("vnportal", f"{FAKE_BASE}/private/index.html")
    assert all(robots.can_fetch("vnportal", f"{FAKE_BASE}/{a['path']}") for a in GOLDS)
    assert robots.site_maps() == [f"{FAKE_BASE}/sitemap.xml"]
    assert all("private/index.html" in local_links(rel) for rel in html_pages())


def test_attachments_are_the_documents_their_gold_describes():
    """Each attachment is linked from its article under its label, and is what its gold says: a PDF
    (text or scan), a DOCX, or the HTML error page a portal serves in place of a lost file."""
    from extract.documents import sniff

    attachments = [(a, att) for a in GOLDS for att in a.get("attachments", [])]
    assert attachments, "no sample article has an attachment"
    kinds = {"pdf": "pdf", "scan": "pdf", "docx": "docx", "html-error": "html"}
    for a, att in attachments:
        data = (SITE / att["path"]).read_bytes()
        assert sniff(data, att["path"]) == kinds[att["document"]["format"]], att["path"]
        assert att["path"] in local_links(a["path"])
        assert fold(att["label"]) in page_text(a["path"])
    assert {att["document"]["format"] for _, att in attachments} == set(kinds)


def _get(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as resp:
            return resp.status, resp.headers["Content-Type"], resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers["Content-Type"], b""


@pytest.mark.network_local
def test_server_serves_pages_with_base_and_content_types():
    article = next(a for a in GOLDS if a["site"] == "wp")
    with serve_sample_site() as base:
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+", base)
        status, ctype, body = _get(f"{base}/{article['path']}")
        assert (status, ctype) == (200, "text/html; charset=utf-8")
        assert b"{{BASE}}" not in body and f'href="{base}/{article["path"]}"'.encode() in body
        assert article["title"] in body.decode("utf-8")
        status, ctype, body = _get(f"{base}/wp/feed.xml")
        assert (status, ctype) == (200, "application/rss+xml") and f"<link>{base}/wp/".encode() in body
        assert _get(f"{base}/sitemap.xml")[:2] == (200, "application/xml")
        status, ctype, body = _get(f"{base}/robots.txt")
        assert ctype.startswith("text/plain") and f"Sitemap: {base}/sitemap.xml".encode() in body
        pdf = next(att["path"] for a in GOLDS for att in a.get("attachments", []))
        status, ctype, body = _get(f"{base}/{pdf}")
        assert (status, ctype) == (200, "application/pdf") and body == (SITE / pdf).read_bytes()
        assert _get(f"{base}/")[0] == 200
        assert _get(f"{base}/no/such/page.html")[0] == 404
        assert _get(f"{base}/../pyproject.toml")[0] == 404


@pytest.mark.network_local
def test_server_serves_another_root(tmp_path):
    (tmp_path / "a.txt").write_text("base={{BASE}}", encoding="utf-8")
    with serve_sample_site(tmp_path) as base:
        assert _get(f"{base}/a.txt")[2] == f"base={base}".encode()
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(f"{base}/a.txt", timeout=2)
