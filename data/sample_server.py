"""A static HTTP server for the bundled sample portal (data/sample_site/) on 127.0.0.1."""
from __future__ import annotations

import logging
import threading
from contextlib import contextmanager
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator
from urllib.parse import unquote, urlsplit

logger = logging.getLogger(__name__)

SAMPLE_SITE = Path(__file__).resolve().parent / "sample_site"
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
    ".pdf": "application/pdf",
    ".gif": "image/gif",
}
TEMPLATED = {".html", ".xml", ".txt"}  # files in which {{BASE}} is replaced


def content_type(path: Path) -> str:
    """The Content-Type the server sends for ``path`` (RSS feeds are recognised by name)."""
    if path.suffix == ".xml" and "feed" in path.stem:
        return "application/rss+xml"
    return CONTENT_TYPES.get(path.suffix, "application/octet-stream")


class _Handler(BaseHTTPRequestHandler):
    def __init__(self, *args, root: Path, **kwargs):
        self.root = root
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:  # noqa: N802 (http.server naming)
        self._respond(send_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._respond(send_body=False)

    def _respond(self, send_body: bool) -> None:
        rel = unquote(urlsplit(self.path).path).lstrip("/")
        target = (self.root / rel).resolve()
        if target.is_dir():
            target = target / "index.html"
        if not target.is_relative_to(self.root) or not target.is_file():
            self.send_error(404, "Not Found")
            return
        body = target.read_bytes()
        if target.suffix in TEMPLATED:
            host, port = self.server.server_address[:2]
            body = body.replace(b"{{BASE}}", f"http://{host}:{port}".encode())
        self.send_response(200)
        self.send_header("Content-Type", content_type(target))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (http.server signature)
        logger.debug("%s - %s", self.address_string(), format % args)


@contextmanager
def serve_sample_site(root: Path | None = None, port: int = 0) -> Iterator[str]:
    """Serve ``root`` (default: the bundled sample site) on 127.0.0.1; yield the base URL."""
    root = (root or SAMPLE_SITE).resolve()
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(_Handler, root=root))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="sample-site", daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    logger.info("serving %s at %s", root, base)
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
