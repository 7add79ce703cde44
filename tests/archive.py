"""A local web archive for backfill tests: WARC files of captures made in the test, replayed by a
real pywb (its CDX server speaks the Wayback Machine's API), and a Common Crawl-style setup (a
collinfo.json, a per-crawl CDX index, WARC files read by byte range) on 127.0.0.1."""
from __future__ import annotations

import http.client
import io
import json
import socket
import os
import subprocess
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest

from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from httpserver import Logged, PortalServer, Route
from serving import free_port


@dataclass(frozen=True)
class Shot:
    """One capture to archive: the page's URL, when, its body, and its status and type."""
    url: str
    when: str  # YYYY-MM-DD
    body: bytes
    status: str = "200 OK"
    content_type: str = "text/html; charset=utf-8"


def write_warc(path: Path, shots: list[Shot]) -> None:
    """A WARC file of ``shots`` (response records, gzipped record by record)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for shot in shots:
            http = StatusAndHeaders(shot.status, [("Content-Type", shot.content_type)], protocol="HTTP/1.1")
            date = datetime.fromisoformat(shot.when).strftime("%Y-%m-%dT%H:%M:%SZ")
            writer.write_record(writer.create_warc_record(shot.url, "response", payload=io.BytesIO(shot.body),
                                                          http_headers=http,
                                                          warc_headers_dict={"WARC-Date": date}))


PYWB_VENV = Path(__file__).resolve().parent.parent / ".venv-pywb"


class Pywb:
    """pywb's ``wayback`` over collections of WARC files, on a free loopback port. pywb pins
    versions of redis and gevent that vnportal's own dependencies cannot share, so it lives in its
    own virtualenv: ``.venv-pywb`` (made by .ci/run), or $VNPORTAL_PYWB naming its bin folder."""

    def __init__(self, root: Path):
        bin_dir = Path(os.environ.get("VNPORTAL_PYWB", PYWB_VENV / "bin"))
        self.wayback, self.manager = bin_dir / "wayback", bin_dir / "wb-manager"
        if not self.wayback.exists():
            pytest.skip(f"pywb is not installed in {bin_dir}: python3 -m venv .venv-pywb && "
                        ".venv-pywb/bin/pip install pywb")
        self.root = root
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    def add(self, collection: str, warc: Path) -> None:
        if not (self.root / "collections" / collection).exists():
            subprocess.run([self.manager, "init", collection], cwd=self.root, check=True, capture_output=True)
        subprocess.run([self.manager, "add", collection, warc], cwd=self.root, check=True, capture_output=True)

    def cdx(self, collection: str) -> str:
        return f"http://127.0.0.1:{self.port}/{collection}/cdx"

    def replay(self, collection: str) -> str:
        return f"http://127.0.0.1:{self.port}/{collection}/"

    def __enter__(self) -> "Pywb":
        self.process = subprocess.Popen([self.wayback, "-b", "127.0.0.1", "-p", str(self.port)], cwd=self.root,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
                return self
            except OSError:
                time.sleep(0.1)
        self.__exit__()
        raise RuntimeError("pywb did not start")

    def __exit__(self, *exc) -> None:
        if self.process:
            self.process.terminate()
            self.process.wait(10)


def serve_ranges(server: PortalServer, path: str, data: bytes, *, busy: int = 0) -> None:
    """Serve ``data`` at ``path`` with HTTP Range support; the first ``busy`` requests get a 429
    asking to retry after one second."""
    state = {"busy": busy}

    def answer(logged: Logged):
        if state["busy"] > 0:
            state["busy"] -= 1
            return 429, {"Retry-After": "1"}, b"slow down"
        wanted = logged.headers.get("range", "")
        if not wanted.startswith("bytes="):
            return 200, {"Content-Type": "application/octet-stream"}, data
        first, _, last = wanted[6:].partition("-")
        start, end = int(first), min(int(last), len(data) - 1)
        return 206, {"Content-Type": "application/octet-stream",
                     "Content-Range": f"bytes {start}-{end}/{len(data)}"}, data[start:end + 1]

    server.routes[path] = Route(handler=answer)


def collinfo(crawls: list[tuple[str, str, str, str]]) -> bytes:
    """Common Crawl's collinfo.json for crawls given as (id, cdx-api URL, first day, last day)."""
    return json.dumps([{"id": crawl, "name": crawl, "cdx-api": api, "from": f"{first}T00:00:00",
                        "to": f"{last}T23:59:59"} for crawl, api, first, last in crawls]).encode()


class LoggedProxy:
    """A reverse proxy on 127.0.0.1 in front of an archive (a pywb), logging each request's path and
    the time it arrived, as the archive sees them; requests wait while ``gate`` is cleared. It
    answers /robots.txt itself, allowing everything, as the Internet Archive does."""

    def __init__(self, upstream_port: int):
        self.log: list[Logged] = []
        self.gate = threading.Event()
        self.gate.set()
        lock = threading.Lock()
        proxy = self
        upstream_base = f"http://127.0.0.1:{upstream_port}"

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):  # noqa: N802 (http.server naming)
                proxy.gate.wait(120)
                with lock:
                    proxy.log.append(Logged(self.path, {k.lower(): v for k, v in self.headers.items()},
                                            time.monotonic()))
                if self.path == "/robots.txt":
                    self._answer(200, [("Content-Type", "text/plain")], b"User-agent: *\nAllow: /\n")
                    return
                upstream = http.client.HTTPConnection("127.0.0.1", upstream_port, timeout=60)
                try:
                    sent = {k: v for k, v in self.headers.items() if k.lower() in ("range", "user-agent")}
                    upstream.request("GET", self.path, headers=sent)
                    answer = upstream.getresponse()
                    self._answer(answer.status, [(key, value.replace(upstream_base, proxy.base))
                                                 for key, value in answer.getheaders()], answer.read())
                finally:
                    upstream.close()

            def _answer(self, status: int, headers: list[tuple[str, str]], body: bytes) -> None:
                self.send_response(status)
                for key, value in headers:
                    if key.lower() not in ("content-length", "transfer-encoding", "connection"):
                        self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format, *args):  # noqa: A002 (http.server signature)
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
