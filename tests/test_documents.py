"""Attached documents read into text (text PDFs, scans through Tesseract, DOCX), their headers
read, and every kind of bad file refused with a reason."""
from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from documents import admin_document, docx, page_image, scanned_pdf, text_pdf, zip_bomb_docx
from extract.documents import DocumentError, OcrBudget, read_document, sniff
from extract.legacy import TCVN3
from nlp.document_header import read_header

GOLD = json.loads((Path(__file__).parent / "gold" / "documents" / "headers.json").read_text(encoding="utf-8"))
needs_tesseract = pytest.mark.skipif(not shutil.which("tesseract"),
                                     reason="tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-vie)")
BODY = ["Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
        "Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành đẩy mạnh chuyển đổi số,",
        "hỗ trợ 1.250 hộ nghèo, hộ cận nghèo; tỷ lệ hồ sơ trực tuyến đạt 45,5%."]


def expected(spec: dict) -> dict:
    return {"issuer": " ".join(spec["issuer"]), "number": spec["number"], "doc_type": spec["doc_type"],
            "place": spec["place"], "date": spec["date"], "title": " ".join(spec["title"]),
            "signed_for": " ".join(spec["signed_for"]) or None, "signer_title": spec["signer_title"],
            "signer": spec["signer"], "key": spec["key"]}


@pytest.mark.parametrize("spec", GOLD["documents"], ids=[spec["id"] for spec in GOLD["documents"]])
def test_headers_are_read_exactly(spec):
    if spec["format"] == "scan" and not shutil.which("tesseract"):
        pytest.skip("tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-vie)")
    read = read_document(admin_document(spec), ocr=OcrBudget())
    assert read.methods == (["ocr"] if spec["format"] == "scan" else ["text"])
    header = read_header(read.text)
    assert header.values() == expected(spec)
    for name in ("issuer", "number", "place", "title", "signer"):  # offsets point into the text
        found = getattr(header, name)
        assert read.text[found.start:found.end] == found.value or name in ("issuer", "title")


def test_header_layouts_cover_party_and_state_bodies():
    issuers = " ".join(" ".join(spec["issuer"]) for spec in GOLD["documents"])
    for body in ("BAN CHẤP HÀNH TRUNG ƯƠNG", "TỈNH ỦY", "ỦY BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN", "BỘ "):
        assert body in issuers
    assert len(GOLD["documents"]) >= 20
    assert {spec["format"] for spec in GOLD["documents"]} == {"pdf", "docx", "scan"}


def test_pages_are_kept_apart_with_stable_offsets():
    read = read_document(text_pdf([["Trang một: " + BODY[0]], ["Trang hai: " + BODY[1]]]))
    assert read.pages[0].startswith("Trang một") and read.pages[1].startswith("Trang hai")
    second = read.text.index("Trang hai")
    assert read.text[second - 1] == "\f" and read.text.split("\f") == read.pages


def test_a_pdf_in_the_legacy_tcvn3_encoding_is_converted():
    to_tcvn3 = {letter: chr(code) for code, letter in TCVN3.items() if len(letter) == 1 and letter.islower()}
    # Without "ư": TCVN3 writes it as byte 0xAD, the soft hyphen, which PDF text extraction drops.
    unicode_line = "thành phố hải phòng đã triển khai kế hoạch chuyển đổi số của tỉnh và hoàn thành đánh giá"
    legacy_line = "".join(to_tcvn3.get(c, c) for c in unicode_line)
    assert legacy_line != unicode_line
    read = read_document(text_pdf([[legacy_line]]))
    assert read.legacy_encoding == "tcvn3"
    assert " ".join(read.text.split()) == unicode_line  # the line wraps on the page


@needs_tesseract
@pytest.mark.slow
def test_ocr_reads_a_300_dpi_scan_within_two_percent_character_errors():
    from bench.bench_documents import character_error_rate

    read = read_document(scanned_pdf([BODY]), ocr=OcrBudget())
    assert read.methods == ["ocr"] and read.ocr_confidence > 80
    assert character_error_rate("\n".join(BODY), read.text) <= 0.02


@needs_tesseract
@pytest.mark.slow
def test_ocr_is_capped_and_the_rest_reported():
    budget = OcrBudget(pages=1)
    read = read_document(scanned_pdf([BODY[:1], BODY[1:2], BODY[2:]]), ocr=budget)
    assert read.methods == ["ocr", "unread", "unread"]
    assert read.unread_pages == 2 and "2 scanned page(s) not read" in read.notes[-1]
    assert budget.used == 1
    assert read_document(scanned_pdf([BODY])).methods == ["unread"]  # no budget, no OCR


@needs_tesseract
@pytest.mark.slow
def test_a_scan_in_another_language_is_read_with_a_note():
    english = ["The committee met on Monday to review the annual budget and", "approved the new schedule for meetings."]
    read = read_document(scanned_pdf([english]), ocr=OcrBudget())
    assert read.methods == ["ocr"]
    assert any("not Vietnamese" in note for note in read.notes)


def test_a_docx_header_table_is_read_left_column_first():
    read = read_document(docx(["QUYẾT ĐỊNH"], table=[["ỦY BAN NHÂN DÂN\nSố: 12/QĐ-UBND",
                                                      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]]))
    assert read.text.splitlines()[:3] == ["ỦY BAN NHÂN DÂN", "Số: 12/QĐ-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]


def encrypted_pdf() -> bytes:
    import pypdf

    writer = pypdf.PdfWriter(clone_from=io.BytesIO(text_pdf([BODY])))
    writer.encrypt(user_password="mat-khau", owner_password="mat-khau")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize("make, reason", [
    (encrypted_pdf, "an encrypted PDF (password-protected)"),
    (lambda: text_pdf([BODY])[:300], "not a readable PDF"),
    (lambda: b"%PDF-1.7\n" + b"\x00garbage" * 100, "not a readable PDF"),
    (lambda: b"<!DOCTYPE html><html><body>404 Not Found</body></html>", "an HTML page, not a document"),
    (lambda: zip_bomb_docx(), "a zip bomb?"),
    (lambda: docx(BODY)[:500], "not a readable DOCX file"),
    (lambda: b"GIF89a" + b"\x00" * 100, "not a PDF, DOCX or DOC file"),
], ids=["encrypted", "truncated", "corrupt", "html-as-pdf", "zip-bomb", "truncated-docx", "image"])
def test_bad_files_are_refused_with_a_reason(make, reason):
    with pytest.raises(DocumentError, match=None) as refused:
        read_document(make(), name="van-ban.pdf")
    assert reason in str(refused.value)
    assert "\n" not in str(refused.value)


def test_content_decides_the_kind_not_the_name():
    assert sniff(text_pdf([BODY]), "tin-tuc.html") == "pdf"
    assert sniff(b"\n\n<html><body>Trang kh\xc3\xb4ng t\xe1\xbb\x93n t\xe1\xba\xa1i</body></html>", "quyet-dinh.pdf") == "html"
    assert sniff(docx(BODY), "file.bin") == "docx"


def test_page_image_is_a_300_dpi_a4_page():
    image = page_image(BODY[:1])
    assert image.size == (2481, 3507)
