"""A local HTTP server for crawl tests: per-test routes, a request log, ETag/304 support.

    server = PortalServer()            # or the ``portal_server`` fixture
    server.route("/news/a-1.html", "<html>...</html>", etag='"v1"')
    server.route("/slow", "...", delay=3)
    server.route("/loop", status=302, headers={"Location": "/loop2"})
    server.route("/cut", "<html>...</html>", fault="partial")  # half the body, then the socket closes
    ...crawl server.url("/news/")...
    server.paths()                     # every path requested, in order
"""
from __future__ import annotations

import socket
import struct
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable

import pytest


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    headers: dict = field(default_factory=dict)
    etag: str | None = None  # sent, and honoured in If-None-Match with a 304
    delay: float = 0.0  # seconds before answering (timeouts)
    handler: Callable[["Logged"], tuple[int, dict, bytes]] | None = None  # computes the answer
    # A broken answer: "close" (no response, FIN), "reset" (no response, RST), "partial" (headers,
    # half the body, close), "trickle" (headers, then the body one byte per ``delay`` seconds).
    fault: str | None = None


@dataclass
class Logged:
    path: str
    headers: dict
    at: float  # time.monotonic()


class PortalServer:
    """ThreadingHTTPServer on 127.0.0.1 (free port) in a thread."""

    def __init__(self):
        self.routes: dict[str, Route] = {}
        self.log: list[Logged] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):  # noqa: N802 (http.server naming)
                logged = Logged(self.path, {k.lower(): v for k, v in self.headers.items()}, time.monotonic())
                with server._lock:
                    server.log.append(logged)
                route = server.routes.get(self.path)
                if route is None:
                    status, headers, body = 404, {"Content-Type": "text/html"}, b"<html><body>not found</body></html>"
                elif route.handler is not None:
                    status, headers, body = route.handler(logged)
                else:
                    status, headers, body = route.status, dict(route.headers), route.body
                    if route.etag:
                        headers["ETag"] = route.etag
                        if logged.headers.get("if-none-match") == route.etag:
                            status, body = 304, b""
                if route is not None and route.fault:
                    self._broken(route, status, headers, body)
                    return
                if route is not None and route.delay:
                    time.sleep(route.delay)
                headers.setdefault("Content-Type", "text/html; charset=utf-8")
                try:
                    self.send_response(status)
                    for key, value in headers.items():
                        self.send_header(key, value)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout tests)

            def _broken(self, route: Route, status: int, headers: dict, body: bytes) -> None:
                self.close_connection = True
                try:
                    if route.fault in ("partial", "trickle"):
                        self.send_response(status)
                        for key, value in {"Content-Type": "text/html; charset=utf-8", **headers}.items():
                            self.send_header(key, value)
                        self.send_header("Content-Length", str(len(body)))
                        self.end_headers()
                    if route.fault == "partial":
                        self.wfile.write(body[: len(body) // 2])
                    elif route.fault == "trickle":
                        for byte in body:
                            self.wfile.write(bytes([byte]))
                            time.sleep(route.delay or 0.1)
                    elif route.fault == "reset":  # close with SO_LINGER 0: an RST, not a FIN
                        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                        self.connection.close()
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up

            def log_message(self, format, *args):  # noqa: A002 (http.server signature)
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return self.base + path

    def route(self, path: str, body: str | bytes = b"", **kwargs) -> Route:
        if isinstance(body, str):
            body = body.replace("{{BASE}}", self.base).encode("utf-8")
        self.routes[path] = Route(body=body, **kwargs)
        return self.routes[path]

    def paths(self) -> list[str]:
        with self._lock:
            return [entry.path for entry in self.log]

    def clear_log(self) -> None:
        with self._lock:
            self.log.clear()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def portal_server():
    server = PortalServer()
    yield server
    server.close()
