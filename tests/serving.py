"""A real `vnportal serve` process on a free 127.0.0.1 port, for the tests that talk HTTP to it."""
from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Iterator

import pytest

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def serving(db_path: str, *options: str) -> Iterator[str]:
    """The base URL of `vnportal serve` on ``db_path`` (with ``options``), stopped afterwards."""
    port = free_port()
    process = subprocess.Popen([sys.executable, str(ROOT / "pipeline.py"), "serve", "--db", db_path,
                                "--port", str(port), *options], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60  # waits for the server to start; asserts nothing about time
        while True:
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=60).close()
                break
            except (OSError, urllib.error.URLError):
                if process.poll() is not None:
                    pytest.fail(f"vnportal serve exited: {process.stderr.read().decode()[-2000:]}")
                if time.monotonic() > deadline:
                    pytest.fail("vnportal serve did not answer")
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)
