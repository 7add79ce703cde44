"""OCR with Tesseract (Debian: tesseract-ocr and tesseract-ocr-vie): a page image in, its text
and Tesseract's mean word confidence out. Page segmentation mode 6 (one uniform block of text)
reads the single-column pages of administrative documents best and fastest of 3, 4 and 6
(bench/bench_documents.py)."""
from __future__ import annotations

import functools
import io
import shutil
import subprocess
import unicodedata

LANGUAGE = "vie"
PAGE_SEGMENTATION = "6"
TIMEOUT = 300  # seconds for one page


class OcrUnavailable(Exception):
    """Tesseract or its Vietnamese model is missing; the message says what to install."""


@functools.cache
def check_tesseract() -> None:
    """OcrUnavailable unless ``tesseract`` runs and has the Vietnamese model."""
    if not shutil.which("tesseract"):
        raise OcrUnavailable("tesseract is not installed (Debian: apt-get install tesseract-ocr tesseract-ocr-vie)")
    listed = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=60).stdout.split()
    if LANGUAGE not in listed:
        raise OcrUnavailable("tesseract has no Vietnamese model (Debian: apt-get install tesseract-ocr-vie)")


def ocr_image(image) -> tuple[str, float]:
    """The text of a PIL image (lines as Tesseract found them, NFC) and the mean confidence of its
    words, 0-100 (0 when no word was found)."""
    check_tesseract()
    png = io.BytesIO()
    image.save(png, format="PNG")
    done = subprocess.run(["tesseract", "stdin", "stdout", "-l", LANGUAGE, "--psm", PAGE_SEGMENTATION, "tsv"],
                          input=png.getvalue(), capture_output=True, timeout=TIMEOUT)
    if done.returncode != 0:
        raise OcrUnavailable(f"tesseract failed: {done.stderr.decode('utf-8', 'replace').strip()[:200]}")
    return _from_tsv(done.stdout.decode("utf-8", "replace"))


def _from_tsv(tsv: str) -> tuple[str, float]:
    lines: dict[tuple[str, str, str], list[str]] = {}
    confidences = []
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5" or not cells[11].strip():
            continue
        lines.setdefault((cells[2], cells[3], cells[4]), []).append(cells[11])
        confidences.append(float(cells[10]))
    text = "\n".join(" ".join(words) for words in lines.values())
    return unicodedata.normalize("NFC", text), (sum(confidences) / len(confidences) if confidences else 0.0)
