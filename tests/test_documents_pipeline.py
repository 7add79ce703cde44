"""Documents end to end: articles attach files on a real HTTP server on 127.0.0.1; `vnportal
documents fetch` (and crawl, through the sample portal) fetches, sniffs, reads, OCRs within its
budget, reads headers, links directives, and records every bad file with its reason."""
from __future__ import annotations

import functools
import json

import pytest

import commands
from commands import rows
from documents import admin_document, docx, scanned_pdf, text_pdf, zip_bomb_docx
from httpserver import PortalServer
from test_documents import GOLD, encrypted_pdf, needs_tesseract

SPEC = next(spec for spec in GOLD["documents"] if spec["id"] == "qd-ubnd-tinh-2016")
FILES = {
    "quyet-dinh.pdf": ("application/pdf", lambda: admin_document(SPEC)),
    "ban-chup.pdf": ("application/pdf", lambda: scanned_pdf([["ỦY BAN NHÂN DÂN TỈNH HẢI DƯƠNG", "Số: 77/KH-UBND"],
                                                             ["Trang hai của bản chụp"]])),
    "huong-dan.docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                       lambda: docx(["HƯỚNG DẪN", "Về việc triển khai chuyển đổi số năm 2024"])),
    "gui-nham-kieu.pdf": ("text/html; charset=utf-8", lambda: text_pdf([["Thông báo kết quả hội nghị tổng kết năm 2023"]])),
    "trang-loi.pdf": ("text/html; charset=utf-8", lambda: b"<!DOCTYPE html><html><body>Kh\xc3\xb4ng t\xc3\xacm th\xe1\xba\xa5y</body></html>"),
    "qua-lon.pdf": ("application/pdf", lambda: b"%PDF-1.4\n" + b"0" * (2 * 1024 * 1024)),
    "co-mat-khau.pdf": ("application/pdf", encrypted_pdf),
    "bom.docx": ("application/octet-stream", zip_bomb_docx),
}
ARTICLE = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Triển khai chuyển đổi số - Cổng thông tin</title>
<link rel="canonical" href="{base}/tin-tuc/trien-khai-chuyen-doi-so-2024-1234.html"></head><body>
<h1>Triển khai chuyển đổi số năm 2024</h1><p class="date">Ngày 15/01/2024</p>
<div class="content"><p>Sáng 15/1, Ủy ban nhân dân tỉnh tổ chức hội nghị triển khai kế hoạch chuyển đổi số năm 2024
với sự tham dự của lãnh đạo các sở, ban, ngành và Ủy ban nhân dân các huyện, thị xã, thành phố trong tỉnh.</p>
<p>Theo Quyết định số 1234/QĐ-UBND, năm 2024 tỉnh phấn đấu 80% hồ sơ thủ tục hành chính được xử lý trực tuyến,
100% cơ quan nhà nước kết nối mạng truyền số liệu chuyên dùng, gần 5.000 cán bộ được tập huấn kỹ năng số.</p>
<p>Phát biểu kết luận hội nghị, Phó Chủ tịch Ủy ban nhân dân tỉnh đề nghị các đơn vị khẩn trương xây dựng kế hoạch
cụ thể, phân công rõ người, rõ việc, báo cáo kết quả thực hiện trước ngày 30/6/2024.</p></div>
<div class="attachments"><b>Tập tin đính kèm:</b><ul>{links}</ul></div></body></html>"""


vnportal = functools.partial(commands.vnportal, timeout=600)


@pytest.fixture
def served(tmp_path):
    server = PortalServer()
    for name, (content_type, make) in FILES.items():
        server.route(f"/files/{name}", make(), headers={"Content-Type": content_type}, etag=f'"{name}"')
    links = "".join(f'<li><a href="/files/{name}">{name}</a></li>' for name in [*FILES, "mat-roi.pdf"])
    page = tmp_path / "bai-viet.html"
    page.write_text(ARTICLE.format(base=server.base, links=links), encoding="utf-8")
    db = tmp_path / "index.db"
    done = vnportal("ingest", str(page), "--db", str(db))
    assert done.returncode == 0, done.stderr
    yield server, db
    server.close()


@needs_tesseract
@pytest.mark.slow
@pytest.mark.network_local
def test_documents_fetch_reads_what_it_can_and_records_why_not_the_rest(served):
    server, db = served
    done = vnportal("documents", "fetch", "--db", str(db), "--allow-private", "--delay", "0", "--max-mb", "1",
                    "--ocr-pages", "1")
    assert done.returncode == 1, done.stderr  # some files failed: each kept with its reason
    assert "Traceback" not in done.stderr
    found = {url.rsplit("/", 1)[1]: (kind, status, reason, methods)
             for url, kind, status, reason, methods in rows(db, "SELECT url, kind, status, reason, page_methods "
                                                                "FROM documents")}
    assert found["quyet-dinh.pdf"][:2] == ("pdf", "read")
    assert found["gui-nham-kieu.pdf"][:2] == ("pdf", "read")  # a PDF served as text/html is a PDF
    assert found["huong-dan.docx"][:2] == ("docx", "read")
    assert found["ban-chup.pdf"][1] == "read" and json.loads(found["ban-chup.pdf"][3]) == ["ocr", "unread"]
    assert found["trang-loi.pdf"][1:3] == ("failed", "an HTML page, not a PDF, DOCX or DOC")
    assert found["mat-roi.pdf"][1:3] == ("failed", "HTTP 404")
    assert found["qua-lon.pdf"][1] == "failed" and "over the 1,048,576-byte cap" in found["qua-lon.pdf"][2]
    assert found["co-mat-khau.pdf"][1:3] == ("failed", "an encrypted PDF (password-protected)")
    assert found["bom.docx"][1] == "failed" and "zip bomb" in found["bom.docx"][2]
    assert "OCR 1 page(s); 1 scanned page(s) left" in done.stdout
    header = rows(db, "SELECT key, issuer, date, signer, signer_title FROM documents WHERE url LIKE '%quyet-dinh.pdf'")
    assert header == [("1234/2016/QĐ-UBND", "ỦY BAN NHÂN DÂN TỈNH HẢI DƯƠNG", "2016-05-15", "Nguyễn Văn Phương",
                       "PHÓ CHỦ TỊCH")]
    raw = rows(db, "SELECT fetched_at, http_status, body_sha256, length(body_gz) FROM documents "
                   "WHERE url LIKE '%quyet-dinh.pdf'")[0]
    assert raw[0] and raw[1] == 200 and len(raw[2]) == 64 and raw[3] > 0  # raw bytes and provenance kept
    assert rows(db, "SELECT count(*) FROM article_documents") == [(len(FILES) + 1,)]

    server.clear_log()
    again = vnportal("documents", "fetch", "--db", str(db), "--allow-private", "--delay", "0", "--refetch")
    assert "not modified" in again.stdout
    conditional = [e for e in server.log if e.path == "/files/quyet-dinh.pdf"]
    assert conditional and conditional[0].headers.get("if-none-match") == '"quyet-dinh.pdf"'
    assert rows(db, "SELECT count(*) FROM documents") == [(len(FILES) + 1,)]


@needs_tesseract
@pytest.mark.slow
@pytest.mark.network_local
def test_a_crawl_of_the_sample_portal_reads_its_documents_and_links_directives(tmp_path):
    from data.sample_server import serve_sample_site

    db = tmp_path / "index.db"
    with serve_sample_site() as base:
        done = vnportal("crawl", "--sample-url", base, "--site", "huyen", "--delay", "0", "--db", str(db))
    assert done.returncode == 0, done.stderr
    kinds = rows(db, "SELECT kind, count(*) FROM documents WHERE status = 'read' GROUP BY kind ORDER BY kind")
    assert kinds == [("docx", 1), ("pdf", 4)]
    assert rows(db, "SELECT count(*) FROM documents WHERE page_methods LIKE '%ocr%'") == [(1,)]
    assert rows(db, "SELECT reason FROM documents WHERE status = 'failed'") == [("an HTML page, not a PDF, DOCX or DOC",)]
    listed = vnportal("directives", "--key", "05-CT/TW", "--format", "json", "--db", str(db))
    [directive] = json.loads(listed.stdout)
    assert directive["source"] == "document" and directive["signer"] == "Đinh Thế Huynh"
    assert directive["date"] == "2016-05-15" and directive["title"].startswith("Về đẩy mạnh học tập")
    assert directive["cited_issuer"] == "Bộ Chính trị"  # what the articles said is kept beside it
    cites = {key for (key,) in rows(db, "SELECT directive_key FROM document_citations")}
    assert {"03-CT/TW@2011", "05-CT/TW@2016", "01-KL/TW@2021"} <= cites  # documents cite documents

    def found(query: str) -> list[str]:
        done = vnportal("search", query, "--documents", "--format", "json", "--db", str(db))
        assert done.returncode == 0, done.stderr
        return [hit["key"] for hit in json.loads(done.stdout)]

    assert found("hoc tap va lam theo") == ["05-CT/TW@2016", "15-KH/BTGHU@2019"]  # words, any accents; title first
    assert found("nhiệm vụ trọng tâm") == ["12-NQ/HU@2021"]
    assert found("nhiem vu trong tam") == ["12-NQ/HU@2021"]
    assert found("nhiệm vụ trọng tấm") == []  # a syllable typed with its accents means that syllable
    assert found("Kết luận số 01") == ["42-KH/HU@2022"]  # the scan, read by OCR, is searchable too


@needs_tesseract
@pytest.mark.slow
@pytest.mark.network_local
def test_the_directive_page_shows_the_document_itself(tmp_path):
    import urllib.request

    from data.sample_server import serve_sample_site
    from datasette.utils import tilde_encode
    from serving import serving

    db = tmp_path / "index.db"
    with serve_sample_site() as base:
        assert vnportal("crawl", "--sample-url", base, "--site", "huyen", "--delay", "0", "--db", str(db)).returncode == 0
    with serving(str(db)) as url:
        page = urllib.request.urlopen(f"{url}/index/directives/{tilde_encode('05-CT/TW@2016')}").read().decode()
    assert "The document itself" in page and "Đinh Thế Huynh" in page and "T/M BỘ CHÍNH TRỊ" in page
    assert "chi-thi-05-ct-tw-2016.pdf" in page
    assert "It cites" in page and "03-CT/TW" in page  # the documents this one cites
