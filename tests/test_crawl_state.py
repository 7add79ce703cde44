"""The crawl state interface (crawler/state.py): the SQLite index and the distributed round's copy
both implement it, the crawler reaches the index through it alone (never through SQL of its own),
and which article URLs are still to fetch is one rule (data.frontier.is_pending)."""
from __future__ import annotations

import ast
import inspect
from pathlib import Path
from typing import Protocol

import pytest

from crawler.distributed.keys import Keys
from crawler.distributed.rounds import RoundState
from crawler.state import CrawlState, CrawlStore
from data import Index
from data.frontier import is_pending

CRAWLER = Path(__file__).resolve().parent.parent / "crawler"
NOW = "2024-06-10T00:00:00+00:00"


def members(protocol: type) -> set[str]:
    """The methods a protocol declares (its own and those it extends)."""
    return {name for cls in protocol.__mro__ if Protocol in cls.__bases__ or cls is protocol
            for name, value in vars(cls).items() if callable(value) and not name.startswith("_")}


def index_uses(path: Path) -> set[str]:
    """The attributes a crawler module takes of an index: of ``index``, ``self.index``, ``spider.index``."""
    used = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute):
            owner = node.value
            if (isinstance(owner, ast.Name) and owner.id == "index") or \
                    (isinstance(owner, ast.Attribute) and owner.attr == "index"):
                used.add(node.attr)
    return used


@pytest.fixture
def index(tmp_path):
    index = Index(tmp_path / "index.db")
    yield index
    index.close()


def test_the_index_and_the_round_state_implement_the_crawl_state(index):
    state = RoundState(server=None, keys=Keys(), round_id="r")  # no call reaches Redis here
    assert isinstance(index, CrawlStore) and isinstance(index, CrawlState)
    assert isinstance(state, CrawlState) and not isinstance(state, CrawlStore)  # read-only: workers send items
    for protocol, implementation in ((CrawlStore, index), (CrawlState, state)):
        for name in members(protocol):
            declared = list(inspect.signature(getattr(protocol, name)).parameters.values())[1:]
            implemented = list(inspect.signature(getattr(implementation, name)).parameters.values())
            assert [(p.name, p.kind, p.default) for p in implemented] == \
                [(p.name, p.kind, p.default) for p in declared], f"{type(implementation).__name__}.{name}"


def test_the_crawler_uses_the_index_through_the_declared_methods_alone():
    modules = sorted(CRAWLER.rglob("*.py"))
    spider = set().union(*(index_uses(path) for path in (CRAWLER / "spiders").glob("*.py")))
    everything = set().union(*(index_uses(path) for path in modules))
    assert spider == members(CrawlState)  # what a crawl consults: the round's copy answers the same
    assert everything == members(CrawlStore)  # no SQL (index.db), nothing undeclared, nothing unused
    for path in modules:
        imported = {alias.name.split(".")[0] for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                    if isinstance(node, ast.Import) for alias in node.names}
        imported |= {node.module.split(".")[0] for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                     if isinstance(node, ast.ImportFrom) and node.module}
        assert not imported & {"sqlite3", "sqlite_utils"}, path


def test_pending_urls_are_those_the_one_rule_says(index):
    seen = {"new": "2024-06-01T00:00:01+00:00", "fetched": "2024-06-01T00:00:02+00:00",
            "due": "2024-06-01T00:00:03+00:00", "later": "2024-06-01T00:00:04+00:00",
            "gone": "2024-06-01T00:00:05+00:00", "listing": "2024-06-01T00:00:06+00:00",
            "attachment": "2024-06-01T00:00:07+00:00", "other-site": "2024-06-01T00:00:00+00:00"}
    for name, at in seen.items():
        index.note_urls([f"https://a.vn/{name}"], "b" if name == "other-site" else "a",
                        {"listing": "listing", "attachment": "attachment"}.get(name, "article"), at)
    index.record_fetch("https://a.vn/fetched", "a", kind="article", at=seen["fetched"], text_hash="h")
    index.record_failure("https://a.vn/due", "a", "HTTP 500", "2024-06-01T00:00:00+00:00", backoff_hours=1)
    index.record_failure("https://a.vn/later", "a", "HTTP 500", "2024-06-09T23:00:00+00:00", backoff_hours=2)
    index.record_failure("https://a.vn/gone", "a", "HTTP 410", seen["gone"], http_status=410)
    expected = ["https://a.vn/new", "https://a.vn/due"]
    assert index.pending_urls("a", NOW) == expected
    rows = sorted(index.url_states(), key=lambda row: row["first_seen"])
    assert [row["url"] for row in rows if row["site"] == "a" and is_pending(row, NOW)] == expected
    assert [row["url"] for row in rows if row["site"] == "a" and is_pending(row)] == \
        ["https://a.vn/new", "https://a.vn/due", "https://a.vn/later"]  # failed, whenever due
    assert index.pending_urls("b", NOW) == ["https://a.vn/other-site"]
