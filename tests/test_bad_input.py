"""Bad input: every page of tests/badinput/ and the big inputs generated here ends as an article
or as a recorded reason, never a crash or a half-written row: (a) extract_html on each input,
(b) each input served by a local HTTP server, crawled with the real crawler, then process_pending."""
from __future__ import annotations

import gzip
import io
import random
import re
import resource
import sys
import unicodedata
from base64 import b64encode
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from badinput import build
from badinput.build import BOI_DUONG, CAU_DAN_SINH, ENGLISH, NGAY_HOI, SO_KET
from crawler import Listing, SiteProfile, crawl
from crawler.process import process_pending
from crawler.urls import canonical
from crawlsite import fast
from data import Index
from extract import ExtractionError, extract_html
from extract.core import MAX_PAGE_BYTES, MAX_TEXT_CHARS
from httpserver import PortalServer

CORPUS = Path(__file__).parent / "badinput"
HTML = "text/html"
GiB = 1024 ** 3


@dataclass(frozen=True)
class Case:
    """One input, how the test server sends it, and what must come of it."""
    name: str  # a file in tests/badinput/, or a generated input (see GENERATED)
    content_type: str
    story: tuple | None = None  # the article expected: (title, date line, paragraphs) the page was written from
    paragraphs: int | None = None  # how many of the story's paragraphs the page holds (None: all)
    published: str | None = None
    language: str = "vi"
    reason: str | None = None  # the ExtractionError reason expected (a regex); with a story too: either
    crawl_reason: str | None = None  # the crawler itself refuses it: url_state.reason (a regex)
    extra_headers: tuple = ()

    @property
    def text(self) -> str:
        return "\n\n".join(self.story[2][:self.paragraphs])


def _bomb(layers: int) -> bytes:
    """gzip data that inflates to 1.25 GiB of zeros: 80 identical 16 MiB members (about 1.3 MB),
    gzipped again when ``layers`` is 2 (a few KB)."""
    member = gzip.compress(bytes(16 * 1024 * 1024), compresslevel=9, mtime=0)
    data = member * 80
    return gzip.compress(data, compresslevel=9, mtime=0) if layers == 2 else data


def _nested(depth: int) -> bytes:
    """An article inside ``depth`` wrapper <div>s, then a footer of ``depth`` unclosed <font>s."""
    page = build.article(SO_KET)
    start, end = page.index('<div class="news-detail">'), page.index('<div class="col-right">')
    fonts = '<font size="2">' * depth
    return (page[:start] + "<div>" * depth + page[start:end] + "</div>" * depth + page[end:]).replace(
        '<div id="footer">', f'<div id="footer">{fonts}').encode()


def _padded(story: tuple, size: int) -> str:
    """An article page grown to ``size`` characters by a long last section of repeated paragraphs."""
    page = build.article(story)
    filler = f"<p>{story[2][1]}</p>\n"
    cut = page.index("</div></div>")
    return page[:cut] + filler * ((size - len(page)) // len(filler) + 1) + page[cut:]


def _with_inline_images(story: tuple, size: int) -> bytes:
    """A valid article whose pasted photos are inline data: URIs, ``size`` bytes in all."""
    photo = b64encode(random.Random(7).randbytes(size * 3 // 4 // 6)).decode()
    page = build.article(story)
    cut = page.index("</div></div>")
    images = "".join(f'<p><img src="data:image/jpeg;base64,{photo}" alt=""></p>' for _ in range(6))
    return (page[:cut] + images + page[cut:]).encode()


GENERATED = {
    "big-20mb.html": lambda: _padded(SO_KET, 20 * 1024 * 1024).encode(),
    "long-text.html": lambda: _padded(BOI_DUONG, MAX_TEXT_CHARS + MAX_TEXT_CHARS // 5).encode(),
    "inline-images-6mb.html": lambda: _with_inline_images(CAU_DAN_SINH, 6 * 1024 * 1024),
    "nested-1000.html": lambda: _nested(1000),
    "nested-10000.html": lambda: _nested(10_000),
    "gzip-bomb.html": lambda: _bomb(1),
    "gzip-bomb-2-layers.html": lambda: _bomb(2),
}

TOO_LARGE = r"^too large \(over \d+ bytes\)"
BOMB = r"exceeded DOWNLOAD_MAXSIZE \(\d+ B\) during decompression"
CASES = [
    Case("utf8-header-says-latin1.html", "text/html; charset=iso-8859-1", SO_KET, published="2024-07-12T15:40:00"),
    Case("utf8-meta-says-windows-1258.html", HTML, NGAY_HOI, published="2024-08-16T09:20:00"),
    Case("utf8-undeclared.html", HTML, BOI_DUONG, published="2023-09-03T08:15:00"),
    Case("cp1258-declared.html", "text/html; charset=windows-1258", BOI_DUONG, published="2023-09-03T08:15:00"),
    Case("cp1258-undeclared.html", HTML, CAU_DAN_SINH, published="2022-11-21T10:05:00"),
    Case("nfd-text.html", "text/html; charset=utf-8", BOI_DUONG, published="2023-09-03T08:15:00"),
    Case("tcvn3-vntime.html", "text/html; charset=iso-8859-1", SO_KET, published="2024-07-12T15:40:00"),
    Case("vni-times-undeclared.html", HTML, CAU_DAN_SINH, published="2022-11-21T10:05:00"),
    Case("empty-0-bytes.html", HTML, reason="^empty page$"),
    Case("empty-whitespace.html", HTML, reason="^empty page$"),
    Case("empty-html-element.html", HTML, reason="^empty page: no text$"),
    Case("pdf-served-as-html.pdf", HTML, reason=r"^binary body, not HTML \(a PDF document\)$"),
    Case("png-served-as-html.png", HTML, reason=r"^binary body, not HTML \(a PNG image\)$"),
    Case("garbage-served-as-html.bin", HTML, reason=r"^binary body, not HTML \(binary data\)$"),
    Case("soft404-trang-khong-ton-tai.html", HTML, reason='^soft 404: the page says "Trang không tồn tại"$'),
    Case("soft404-khong-tim-thay-trang.html", HTML, reason="^soft 404: .*Không tìm thấy trang bạn yêu cầu"),
    Case("soft404-trang-thai.html", HTML, reason="^soft 404: .*Trạng thái: Tin bài bạn tìm kiếm không tồn tại"),
    Case("soft404-title-404.html", HTML, reason='^soft 404: the page says "404 Not Found"$'),
    Case("soft404-bai-viet-da-bi-xoa.html", HTML, reason="^soft 404: .*Bài viết không tồn tại hoặc đã bị xóa"),
    Case("listing-as-article.html", HTML, reason=r"^listing page, not an article \(6 linked teasers\)$"),
    Case("truncated-mid-tag.html", HTML, BOI_DUONG, paragraphs=2, published="2023-09-03T08:15:00"),
    Case("images-only.html", HTML, reason="^no article text found$"),
    Case("text-directly-in-body.html", HTML, CAU_DAN_SINH, published="2022-11-21T10:05:00"),
    Case("word-control-chars.html", "text/html; charset=utf-8", SO_KET, published="2024-07-12T15:40:00"),
    Case("plain-body-labelled-gzip.html", HTML, CAU_DAN_SINH, published="2022-11-21T10:05:00",
         crawl_reason=r"^BadGzipFile: Not a gzipped file", extra_headers=(("Content-Encoding", "gzip"),)),
    Case("meta-refresh-only.html", HTML, reason="^redirect page: meta refresh to .*/news/hoi-nghi-so-ket-1001.html",
         crawl_reason="^redirected to .*/news/hoi-nghi-so-ket-1001.html$"),
    Case("english.html", HTML, ENGLISH, published="2022-11-21T10:05:00", language="en"),
    # generated at test time
    Case("big-20mb.html", HTML, crawl_reason=TOO_LARGE,
         reason=rf"^page too large \([\d,]+ characters; extraction stops at {MAX_PAGE_BYTES:,}\)$"),
    Case("long-text.html", HTML, reason=rf"^page text too long \([\d,]+ characters; extraction stops at "
                                        rf"{MAX_TEXT_CHARS:,}\)$"),
    Case("inline-images-6mb.html", HTML, CAU_DAN_SINH, published="2022-11-21T10:05:00"),
    Case("nested-1000.html", HTML, SO_KET, published="2024-07-12T15:40:00"),
    # libxml2 2.11+ (lxml 5.3+ wheels) stops at 2048 levels: refused; an older one parses it all: unwrapped
    Case("nested-10000.html", HTML, SO_KET, published="2024-07-12T15:40:00",
         reason=r"^HTML beyond the parser's limits \(Excessive depth in document: \d+\)$"),
    Case("gzip-bomb.html", HTML, reason=r"^binary body, not HTML \(gzip data\)$", crawl_reason=BOMB,
         extra_headers=(("Content-Encoding", "gzip"),)),
    Case("gzip-bomb-2-layers.html", HTML, reason=r"^binary body, not HTML \(gzip data\)$", crawl_reason=BOMB,
         extra_headers=(("Content-Encoding", "gzip, gzip"),)),
]


def body_of(case: Case) -> bytes:
    return GENERATED[case.name]() if case.name in GENERATED else (CORPUS / case.name).read_bytes()


def check_outcome(case: Case, article: dict | None, reason: str | None) -> None:
    """An article (title, text, published, language) as the case expects, or its reason."""
    if article is not None:
        assert case.story is not None, f"an article came out of {case.name}"
        assert (article["title"], article["text"]) == (case.story[0], case.text)
        assert (article["published"], article["language"]) == (case.published, case.language)
        assert unicodedata.is_normalized("NFC", article["title"] + article["text"])
    else:
        assert case.reason is not None, f"no article from {case.name}: {reason}"
        assert re.search(case.reason, reason), reason


# -- (a) extract_html on each input ---------------------------------------------------------

@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_extract_html_gives_the_article_or_the_reason(case):
    raw = body_of(case)
    page: str | bytes = raw.decode("utf-8") if case.name == "big-20mb.html" else raw  # a 20 MB string
    try:
        article = extract_html(page, "http://127.0.0.1/news/x-1001.html", headers={"Content-Type": case.content_type})
    except ExtractionError as refused:
        check_outcome(case, None, str(refused))
    else:
        check_outcome(case, article.to_dict(), None)


def test_inputs_are_the_hard_cases_they_claim_to_be():
    def raw(name):
        return (CORPUS / name).read_bytes()

    # the declared windows-1258 also "decodes" the UTF-8 bytes, into mojibake: the label must lose
    assert "tá»‰nh" in raw("utf8-meta-says-windows-1258.html").decode("cp1258")
    assert b"charset=windows-1258" in raw("utf8-meta-says-windows-1258.html")
    for name in ("cp1258-declared.html", "cp1258-undeclared.html", "tcvn3-vntime.html", "vni-times-undeclared.html"):
        with pytest.raises(UnicodeDecodeError):
            raw(name).decode("utf-8")
    assert b"d\xfd\xf5\xdeng" in raw("cp1258-declared.html")  # "dưỡng": ư 0xFD, ơ 0xF5, then the tilde 0xDE
    assert b"Tuy\xaan gi\xb8o" in raw("tcvn3-vntime.html")  # "Tuyên giáo": TCVN3 ê = 0xAA, á = 0xB8
    assert b"Nga\xf8y 20/11" in raw("vni-times-undeclared.html")  # "Ngày": VNI a + grave mark 0xF8
    assert not unicodedata.is_normalized("NFC", raw("nfd-text.html").decode())
    assert len(GENERATED["long-text.html"]()) < MAX_PAGE_BYTES
    assert len(_bomb(2)) < 10_000 and len(_bomb(1)) < 2_000_000
    with gzip.open(io.BytesIO(_bomb(1))) as stream:
        assert len(stream.read(64 * 1024 * 1024)) == 64 * 1024 * 1024  # inflates, and keeps going


@settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from([case.name for case in CASES if case.name not in GENERATED]),
       cut=st.integers(min_value=0), at=st.integers(min_value=0), noise=st.binary(max_size=40),
       charset=st.sampled_from(["", "; charset=utf-8", "; charset=windows-1258", "; charset=iso-8859-1",
                                "; charset=utf-16", "; charset=x-unknown"]))
def test_damaged_pages_give_an_article_or_a_reason(name, cut, at, noise, charset):
    """Any page of the corpus cut short, with bytes inserted, under any label: never a crash, and an
    article always has a title and a clean NFC text."""
    raw = (CORPUS / name).read_bytes()
    cut = cut % (len(raw) + 1)
    at = at % (cut + 1)
    try:
        article = extract_html(raw[:at] + noise + raw[at:cut], "http://127.0.0.1/news/x-1001.html",
                               headers={"Content-Type": HTML + charset})
    except ExtractionError as refused:
        assert str(refused)
    else:
        assert article.title and article.text and unicodedata.is_normalized("NFC", article.title + article.text)
        assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", article.title + article.text)


def test_corpus_files_are_built_by_build_py_and_listed_in_the_readme():
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    on_disk = {p.name: p.read_bytes() for p in CORPUS.iterdir() if p.name not in ("README.md", "build.py")
               and not p.name.startswith((".", "__"))}
    assert build.files() == on_disk
    names = [case.name for case in CASES]
    assert sorted(set(names)) == sorted(names) and set(on_disk) | set(GENERATED) == set(names)
    listed = re.findall(r"^\| `([^`]+)` \|", readme, re.M)
    assert listed == names


# -- (b) served, crawled, processed -----------------------------------------------------------

@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    """The whole corpus served on 127.0.0.1, crawled from a listing page, then processed."""
    server = PortalServer()
    db = tmp_path_factory.mktemp("badinput") / "index.db"
    paths = {}
    for number, case in enumerate(CASES, start=1101):
        paths[case.name] = f"/news/{case.name.rsplit('.', 1)[0]}-{number}.html"
        server.route(paths[case.name], body_of(case), headers={"Content-Type": case.content_type,
                                                                **dict(case.extra_headers)})
    server.route("/news/hoi-nghi-so-ket-1001.html", build.article(SO_KET))  # the meta refresh's target
    links = "".join(f'<li><a href="{path}">{name}</a></li>' for name, path in paths.items())
    server.route("/news/index.html", f"<html><body><ul>{links}</ul></body></html>")
    profile = SiteProfile(name="bad", province="Test", level="province", domains=("127.0.0.1",),
                          listings=(Listing(server.url("/news/index.html")),),
                          article_pattern=r"/news/[^/?#]+-\d{3,}\.html$")
    try:
        report = crawl(db, [profile], options=fast()).site("bad")
    finally:
        server.close()
    index = Index(db)
    counts = process_pending(index)
    yield {"index": index, "report": report, "counts": counts,
           "urls": {name: canonical(server.url(path)) for name, path in paths.items()},
           "target": canonical(server.url("/news/hoi-nghi-so-ket-1001.html"))}
    index.close()


def _one(index: Index, sql: str, params: list) -> dict | None:
    cursor = index.db.execute(sql, params)
    row = cursor.fetchone()
    return dict(zip([d[0] for d in cursor.description], row)) if row else None


@pytest.mark.slow
@pytest.mark.network_local
@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_every_url_ends_indexed_or_with_a_reason(crawled, case):
    index, url = crawled["index"], crawled["urls"][case.name]
    state = index.url_state(url)
    raw = _one(index, "select process_status, reason from raw_pages where url = ? order by id desc", [url])
    article = _one(index, "select title, text, published, language from articles where url = ?", [url])
    if case.crawl_reason:  # settled by the crawler: nothing stored, the reason is in url_state
        assert re.search(case.crawl_reason, state["reason"] or ""), state
        assert state["status"] in ("failed", "redirected") and raw is None and article is None
    else:
        assert state["status"] == "ok"
        assert raw["process_status"] == ("indexed" if article else "rejected")
        check_outcome(case, article, raw["reason"])


@pytest.mark.slow
@pytest.mark.network_local
def test_the_index_stays_whole(crawled):
    index, report = crawled["index"], crawled["report"]
    assert index.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert index.db.execute("select count(*) from raw_pages where process_status = 'pending'").fetchone()[0] == 0
    assert index.db.execute("select count(*) from articles where coalesce(title, '') = '' "
                            "or coalesce(text, '') = ''").fetchone()[0] == 0
    # what the crawler refused are failures of the run; the meta refresh is followed to its target
    refused = [case for case in CASES if case.crawl_reason and not case.crawl_reason.startswith("^redirected")]
    assert len(refused) == 4 and (report.failed, report.status) == (4, "partial")
    assert index.url_state(crawled["target"])["status"] == "ok"
    stored = sum(1 for case in CASES if not case.crawl_reason) + 1  # + the meta refresh's target
    assert index.count("raw_pages") == stored
    assert set(crawled["counts"]) == {"new", "rejected"} and sum(crawled["counts"].values()) == stored
    assert crawled["counts"]["new"] == index.count("articles")


@pytest.mark.slow
@pytest.mark.network_local
def test_nfd_page_is_stored_and_found_as_nfc(crawled):
    index, url = crawled["index"], crawled["urls"]["nfd-text.html"]
    nfc = "bồi dưỡng nghiệp vụ"
    assert unicodedata.normalize("NFD", nfc) != nfc
    for query, mode in ((nfc, "exact"), ("boi duong nghiep vu", "accent-insensitive")):
        assert url in {hit.url for hit in index.search(query, mode=mode, limit=50)}


@pytest.mark.slow
@pytest.mark.network_local
def test_memory_stays_bounded_while_refusing_the_gzip_bombs(crawled):
    # the peak memory of the largest child process that ended, the crawl process among them: the
    # bombs inflate to 1.25 GiB each, so a crawl that held one inflated would be over 1 GiB
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    assert 0 < peak < GiB
