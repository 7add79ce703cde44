"""Documents made in the tests: text PDFs, scanned PDFs (a page image, no text layer) and DOCX
files of Vietnamese text, set in DejaVu (Debian's fonts-dejavu-core), which has every
Vietnamese glyph."""
from __future__ import annotations

import io
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest

MADE_AT = datetime(2024, 1, 1, tzinfo=timezone.utc)  # every file's own date: the same bytes each build
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT, FONT_BOLD = FONT_DIR / "DejaVuSans.ttf", FONT_DIR / "DejaVuSans-Bold.ttf"


def _font_or_skip() -> None:
    if not FONT.exists():
        pytest.skip("DejaVu fonts are not installed (Debian: apt-get install fonts-dejavu-core)")


def text_pdf(pages: list[list[str]]) -> bytes:
    """A PDF whose pages hold these lines as text (a text layer, as a word processor writes it)."""
    from fpdf import FPDF

    _font_or_skip()
    pdf = FPDF(format="A4")
    pdf.set_creation_date(MADE_AT)
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=12)
    for lines in pages:
        pdf.add_page()
        for line in lines:
            pdf.multi_cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def page_image(lines: list[str], dpi: int = 300):
    """An A4 page image of these lines at ``dpi``, 12-point type: what a scanner makes of a printed page."""
    from PIL import Image, ImageDraw, ImageFont

    _font_or_skip()
    width, height = int(8.27 * dpi), int(11.69 * dpi)
    size = round(12 * dpi / 72)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), size)
    y = int(dpi * 0.8)
    for line in lines:
        draw.text((int(dpi * 0.8), y), line, font=font, fill=0)
        y += int(size * 1.6)
    return image


def scanned_pdf(pages: list[list[str]], dpi: int = 300) -> bytes:
    """A PDF of page images only (no text layer), as a scanner writes it."""
    images = [page_image(lines, dpi) for lines in pages]
    out = io.BytesIO()
    images[0].save(out, format="PDF", resolution=dpi, save_all=True, append_images=images[1:],
                   creationDate=MADE_AT.timetuple(), modDate=MADE_AT.timetuple())
    return out.getvalue()


def docx(paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    """A DOCX file of these paragraphs (and a table, as headers of documents often are)."""
    import docx as python_docx

    document = python_docx.Document()
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return _dated_zip(out.getvalue())


def _dated_zip(body: bytes) -> bytes:
    """The zip with every member dated MADE_AT (python-docx dates them now)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(body)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            target.writestr(zipfile.ZipInfo(member.filename, MADE_AT.timetuple()[:6]), source.read(member),
                            compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def zip_bomb_docx(size: int = 256 * 1024 ** 2) -> bytes:
    """A DOCX-shaped zip whose document.xml inflates to ``size`` bytes of zeros."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(size // len(chunk)):
                member.write(chunk)
    return out.getvalue()


def _columns(spec: dict) -> tuple[list[str], list[str], str]:
    """The header's two columns: the issuer over its rule; the motto (or the Party's name); and the
    place and date line (a day under 10 written 01-09 in odd months, plain in even ones)."""
    y, m, d = spec["date"].split("-")
    day = f"{int(d):02d}" if int(d) < 10 and int(m) % 2 else str(int(d))
    right = ["ĐẢNG CỘNG SẢN VIỆT NAM"] if spec["party"] else ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                                             "Độc lập - Tự do - Hạnh phúc"]
    return list(spec["issuer"]) + ["*" if spec["party"] else "-----"], right, \
        f"{spec['place']}, ngày {day} tháng {int(m)} năm {y}"


def admin_lines(spec: dict) -> tuple[list[str], list[str]]:
    """The header lines and signature lines of an administrative document as ``spec`` (an entry of
    tests/gold/documents/headers.json) lays it out: "merged" runs the two header columns into one
    line each, as text taken from a PDF does; "stacked" puts the right column under the left."""
    gap = " " * 8
    left, right, dated = _columns(spec)
    letter = spec["doc_type"] == "Công văn"
    if spec["layout"] == "merged":
        rows = max(len(left), len(right))
        head = [f"{(left + [''] * rows)[i]}{gap}{(right + [''] * rows)[i]}".strip() for i in range(rows)]
        head.append(f"Số: {spec['number']}{gap}{dated}")
        head += spec["title"] if letter else []
    else:
        head = left + [f"Số: {spec['number']}"] + (spec["title"] if letter else []) + right + ["", dated]
    if not letter:
        head += ["", spec["doc_type"]] + ([spec["organ"]] if spec["organ"] else []) + spec["title"]
    head += [""] + spec.get("body", ["Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
                                     "Thực hiện nhiệm vụ được giao, yêu cầu các cơ quan, đơn vị triển khai thực hiện nghiêm túc."])
    left_tail = ["Nơi nhận:", "- Như trên;", "- Lưu: VT."]
    right_tail = list(spec["signed_for"]) + ([spec["signer_title"]] if spec["signer_title"] else [])
    rows = max(len(left_tail), len(right_tail))
    if spec["layout"] == "merged":
        tail = [f"{(left_tail + [''] * rows)[i]}{gap}{(right_tail + [''] * rows)[i]}".rstrip() for i in range(rows)]
    else:
        tail = left_tail + [""] + right_tail
    tail += ["(đã ký)", spec["signer"]]
    return head, tail


ERROR_PAGE = ("<!DOCTYPE html><html><head><title>404 - Không tìm thấy trang</title></head><body>"
              "<h1>Không tìm thấy trang</h1><p>Tập tin bạn yêu cầu không tồn tại hoặc đã bị xóa.</p></body></html>")


def admin_document(spec: dict) -> bytes:
    """The document of ``spec`` in its format: a text PDF, a scanned PDF or a DOCX (a merged header
    in a DOCX is a two-column table, as Word templates make it); "html-error" is the error page a
    portal serves in place of a lost file."""
    if spec["format"] == "html-error":
        return ERROR_PAGE.encode("utf-8")
    head, tail = admin_lines(spec)
    if spec["format"] == "pdf":
        return text_pdf([head + [""] + tail])
    if spec["format"] == "scan":
        return scanned_pdf([head + [""] + tail])
    if spec["layout"] == "merged":
        left, right, dated = _columns(spec)
        top = len(left) + 1  # the issuer, its rule and the number
        letter = spec["doc_type"] == "Công văn"
        body = head[top:] if not letter else spec["title"] + head[top + len(spec["title"]):]
        return docx(body + [""] + tail, table=[["\n".join(left + [f"Số: {spec['number']}"]),
                                                "\n".join(right + [dated])]])
    return docx(head + [""] + tail)
