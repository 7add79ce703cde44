"""A real redis-server for tests: a child process on a free loopback port, in a temporary
directory, without persistence. Tests using the ``redis_url`` fixture are skipped when the
``redis-server`` binary is not installed (Debian: apt-get install redis-server)."""
from __future__ import annotations

import shutil
import socket
import subprocess
import time

import pytest

pytest.importorskip("redis", reason="the `distributed` extra (redis, scrapy-redis) is not installed")
import redis  # noqa: E402


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def redis_url(tmp_path):
    """The URL of a fresh redis-server, stopped after the test."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not on PATH (apt-get install redis-server)")
    port = _free_port()
    folder = tmp_path / "redis"
    folder.mkdir()
    server = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                               "--dir", str(folder), "--daemonize", "no", "--protected-mode", "yes"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url)
    try:
        for _ in range(100):  # at most 5 s to start
            try:
                client.ping()
                break
            except redis.ConnectionError:
                if server.poll() is not None:
                    pytest.fail(f"redis-server exited with code {server.returncode}")
                time.sleep(0.05)
        else:
            pytest.fail("redis-server did not answer within 5 s")
        yield url
    finally:
        client.close()
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
