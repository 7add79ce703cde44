"""Documents: how fast text PDFs are read by the PDF libraries we could keep (pypdfium2, which
vnportal uses; pypdf and pdfminer.six when installed, for the ratio), and how fast and how well
Tesseract reads 300-dpi scans of Vietnamese text (character error rate).

    .venv/bin/python bench/bench_documents.py [--pages 40] [--scans 3]
"""
from __future__ import annotations

import argparse
import io
import sys
import time
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

LINES = ["ỦY BAN NHÂN DÂN TỈNH HẢI DƯƠNG", "Số: 1234/QĐ-UBND", "Hải Dương, ngày 15 tháng 5 năm 2016",
         "QUYẾT ĐỊNH", "Về việc phê duyệt Kế hoạch chuyển đổi số năm 2016",
         "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
         "xét đề nghị của Giám đốc Sở Thông tin và Truyền thông tỉnh Hải Dương,",
         "hỗ trợ 1.250 hộ nghèo, hộ cận nghèo; tỷ lệ hồ sơ trực tuyến đạt 45,5%.",
         "Điều 1. Phê duyệt Kế hoạch ứng dụng công nghệ thông tin, phát triển chính quyền số.",
         "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Phương"]


def character_error_rate(reference: str, hypothesis: str) -> float:
    """Levenshtein distance over characters (NFC, runs of white space as one space) / reference length."""
    ref, hyp = (" ".join(unicodedata.normalize("NFC", t).split()) for t in (reference, hypothesis))
    previous = list(range(len(hyp) + 1))
    for i, a in enumerate(ref, 1):
        current = [i]
        for j, b in enumerate(hyp, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b)))
        previous = current
    return previous[-1] / max(1, len(ref))


def _readers():
    import pypdfium2

    def pdfium(body):
        document = pypdfium2.PdfDocument(body)
        return [document[i].get_textpage().get_text_range() for i in range(len(document))]

    readers = {"pypdfium2 (vnportal)": pdfium}
    try:
        import pypdf
        readers["pypdf"] = lambda body: [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(body)).pages]
    except ImportError:
        pass
    try:
        from pdfminer.high_level import extract_text
        readers["pdfminer.six"] = lambda body: extract_text(io.BytesIO(body)).split("\f")[:-1]
    except ImportError:
        pass
    return readers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=40, help="pages of the text PDF")
    parser.add_argument("--scans", type=int, default=3, help="scanned pages to OCR")
    args = parser.parse_args()
    from documents import scanned_pdf, text_pdf

    from extract.documents import OcrBudget, read_document

    body = text_pdf([LINES] * args.pages)
    want = " ".join(LINES)
    print(f"text PDF, {args.pages} pages of Vietnamese text")
    baseline = None
    for name, read in _readers().items():
        start = time.perf_counter()
        pages = read(body)
        rate = len(pages) / (time.perf_counter() - start)
        exact = sum(" ".join(unicodedata.normalize("NFC", p).split()) == want for p in pages)
        baseline = baseline or rate
        print(f"  {name:22s} {rate:8.1f} pages/s  {rate / baseline:5.2f}x  exact pages {exact}/{len(pages)}")
    scan = scanned_pdf([LINES] * args.scans)
    start = time.perf_counter()
    read = read_document(scan, ocr=OcrBudget())
    seconds = time.perf_counter() - start
    cer = sum(character_error_rate("\n".join(LINES), page) for page in read.pages) / len(read.pages)
    print(f"OCR (Tesseract, vie, 300 dpi), {args.scans} pages: {args.scans / seconds:.2f} pages/s, "
          f"character error rate {cer:.4f}, mean confidence {read.ocr_confidence:.1f}")


if __name__ == "__main__":
    main()
