"""Fixtures shared by the test modules, and the rule behind the marks.

Marks (registered in pyproject.toml, README "Tests"): ``slow`` (over about 5 s on its own, module
fixtures included), ``network_local`` (starts a server on 127.0.0.1 or a crawl), ``redis`` (needs
redis-server) and ``browser`` (needs headless Chromium). A test that asks for a fixture starting a
loopback server (``portal_server``, ``served``, ``redis_url``) must carry ``network_local``, and one
asking for ``redis_url`` or ``chromium`` its ``redis`` or ``browser`` mark: collection fails otherwise.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from httpserver import portal_server  # noqa: F401 (fixture: a scripted HTTP portal on 127.0.0.1)
from serving import serving

MARK_FOR_FIXTURE = {"portal_server": "network_local", "served": "network_local", "redis_url": "redis",
                    "chromium": "browser"}


def pytest_collection_modifyitems(config, items):
    unmarked = []
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        needed = {MARK_FOR_FIXTURE[name] for name in fixtures & MARK_FOR_FIXTURE.keys()}
        if "redis_url" in fixtures:
            needed.add("network_local")
        missing = sorted(mark for mark in needed if item.get_closest_marker(mark) is None)
        if missing:
            unmarked.append(f"{item.nodeid}: {', '.join(missing)}")
    if unmarked:
        raise pytest.UsageError("tests missing the marks their fixtures call for:\n  " + "\n  ".join(unmarked))


@pytest.fixture(autouse=True, scope="session")
def _own_cache_dir(tmp_path_factory):
    """vnportal's cache (nlp.lexicon's dictionary keys) in the session's temporary folder, for the
    tests and the commands they start, never the user's ~/.cache."""
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture
def no_user_config(tmp_path, monkeypatch):
    """HOME is the test's own folder: the user's ~/.config/vnportal/config.toml is never read."""
    monkeypatch.setenv("HOME", str(tmp_path))


@pytest.fixture
def db(tmp_path) -> Path:
    """Where a fresh index goes, in the test's own folder (not created)."""
    return tmp_path / "index.db"


@pytest.fixture(scope="session")
def sample_index_path(tmp_path_factory) -> str:
    """An index of the sample portal's 30 article pages (bench.common.index_sample_pages), built once
    per run. Tests read it; a test that writes works on a copy."""
    from bench.common import index_sample_pages
    from data import Index

    path = tmp_path_factory.mktemp("sample-index") / "index.db"
    index = Index(path)
    index_sample_pages(index)
    index.close()
    return str(path)


@pytest.fixture
def served(db_path):
    """The base URL of a `vnportal serve` process on the module's ``db_path`` index, stopped after the test."""
    with serving(db_path) as base:
        yield base


@pytest.fixture(scope="session")
def chromium() -> str:
    """The headless Chromium binary; without one the test is skipped (apt-get install chromium)."""
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    return binary
