"""Peak memory of `vnportal ingest` on a WARC holding one huge page, against a small page.

    python bench/bench_ingest_memory.py [--sizes 10 50 200] [--vnportal PATH]

Not a test: the numbers depend on the machine. Each WARC (gzip) is written at run time in a
temporary folder, streamed (a page of N MiB of repeated paragraphs, then a sample article page);
a fresh `vnportal ingest` process ingests it into a new index, and its peak RSS (ru_maxrss) is
printed beside that of ingesting the sample page alone, measured in the same run.
"""
from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tempfile
from pathlib import Path

try:  # run as a script (bench/ on sys.path), or imported by the tests as bench.bench_ingest_memory
    from common import FETCHED_AT, machine, sample_pages  # first: puts the repo on sys.path
except ModuleNotFoundError:
    from bench.common import FETCHED_AT, machine, sample_pages

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

MIB = 2**20
HUGE_URL = "http://127.0.0.1:8765/huge/page.html"
HTML = "text/html; charset=utf-8"
PARAGRAPH = "<p>Ngày 21/6/2024, Ban Tuyên giáo Thành ủy tổ chức hội nghị tổng kết.</p>\n".encode()


class RepeatedPage(io.RawIOBase):
    """A seekable HTML page of exactly ``size`` bytes of repeated paragraphs, made as it is read."""

    def __init__(self, size: int):
        super().__init__()
        self.size, self.position = size, 0
        self.head = b"<!doctype html><html><head><title>Huge</title></head><body>"

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self.position

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        self.position = {io.SEEK_SET: 0, io.SEEK_CUR: self.position, io.SEEK_END: self.size}[whence] + offset
        return self.position

    def readinto(self, buffer) -> int:
        count = min(len(buffer), self.size - self.position, MIB)
        if count <= 0:
            return 0
        start = self.position
        if start < len(self.head):
            chunk = self.head[start:start + count]
        else:
            offset = (start - len(self.head)) % len(PARAGRAPH)
            chunk = (PARAGRAPH * (count // len(PARAGRAPH) + 2))[offset:offset + count]
        buffer[:len(chunk)] = chunk
        self.position += len(chunk)
        return len(chunk)


def small_page() -> tuple[str, bytes, str]:
    """The first sample article page, as a record for write_warc."""
    page = sample_pages()[0]
    return page.url, page.body, HTML


def write_warc(path: Path, responses: list[tuple[str, bytes | int, str]]) -> Path:
    """A gzip WARC of HTTP 200 ``responses`` (URL, body or the size of a RepeatedPage, Content-Type),
    written streaming: a huge page is never held in memory."""
    date = FETCHED_AT.replace("+00:00", "Z")
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for url, body, content_type in responses:
            length = body if isinstance(body, int) else len(body)
            payload = RepeatedPage(body) if isinstance(body, int) else io.BytesIO(body)
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type), ("Content-Length", str(length))],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=payload, length=length,
                                                          http_headers=headers, warc_headers_dict={"WARC-Date": date}))
    return path


def vnportal_command() -> list[str]:
    """The `vnportal` console script of the running interpreter's environment."""
    return [str(Path(sys.executable).with_name("vnportal"))]


# Linux counts the peak RSS of the process that forked a child in the child's ru_maxrss (it survives
# exec), so the command is started by this small fresh process, which writes the command's own peak.
_MEASURE = ("import os, subprocess, sys; child = subprocess.Popen(sys.argv[2:]); "
            "_, status, usage = os.wait4(child.pid, 0); open(sys.argv[1], 'w').write(str(usage.ru_maxrss)); "
            "sys.exit(os.waitstatus_to_exitcode(status))")


def run_peak_mb(command: list[str], log: Path, cwd: Path | None = None) -> tuple[int, float]:
    """Run ``command`` to its end (output to ``log``); return its exit code and peak RSS in MiB
    (ru_maxrss of that process and the children it waited for)."""
    peak_file = log.with_suffix(".maxrss")
    with log.open("wb") as out:
        code = subprocess.run([sys.executable, "-c", _MEASURE, str(peak_file), *command], stdout=out,
                              stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, cwd=cwd, check=False).returncode
    maxrss = int(peak_file.read_text())
    return code, maxrss / MIB if sys.platform == "darwin" else maxrss / 1024  # bytes on macOS, KiB elsewhere


def ingest_peak_mb(vnportal: list[str], work: Path, huge_mib: float | None) -> tuple[int, float, str]:
    """Ingest a WARC of a ``huge_mib`` MiB page and a small page into a new index in ``work``:
    exit code, peak RSS (MiB) and the command's last output line."""
    name = f"huge-{huge_mib:g}" if huge_mib else "small"
    huge = [(HUGE_URL, int(huge_mib * MIB), HTML)] if huge_mib else []
    warc = write_warc(work / f"{name}.warc.gz", [*huge, small_page()])
    log = work / f"{name}.log"
    code, peak = run_peak_mb([*vnportal, "ingest", str(warc), "--db", str(work / f"{name}.db")], log, cwd=work)
    lines = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()
    return code, peak, (lines[-1] if lines else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[10, 50, 200], help="huge page sizes in MiB")
    parser.add_argument("--vnportal", help="the vnportal command to measure (default: this environment's)")
    args = parser.parse_args()
    vnportal = [args.vnportal] if args.vnportal else vnportal_command()
    print("vnportal ingest peak memory (not a test: numbers depend on the machine)")
    print("\n".join(machine()))
    with tempfile.TemporaryDirectory() as tmp:
        code, baseline, line = ingest_peak_mb(vnportal, Path(tmp), None)
        print(f"baseline: one small page          peak RSS {baseline:7.0f} MiB  (exit {code}: {line})")
        for size in args.sizes:
            code, peak, line = ingest_peak_mb(vnportal, Path(tmp), size)
            print(f"a {size:g} MiB page + the small page  peak RSS {peak:7.0f} MiB = {peak / baseline:5.2f}x baseline"
                  f"  (exit {code}: {line})", flush=True)


if __name__ == "__main__":
    main()
