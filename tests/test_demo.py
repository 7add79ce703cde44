"""End to end: `vnportal demo` crawls the sample portal over HTTP on 127.0.0.1 into a fresh
index; the five seed articles come out whole and clean, and a second run adds nothing."""
from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner

from pipeline import cli

pytestmark = pytest.mark.network_local  # every test reads the demo's runs

GOLD = Path(__file__).parent / "gold" / "extract"
# The boilerplate lines DOMAIN.md lists for the seeds: none may stay in an article body.
BOILERPLATE = ["Tin khác", "Các tin khác", "Các tin cũ hơn", "tin tức liên quan", "Phản hồi", "Thư viện ảnh",
               "Liên kết website", "Thống kê truy cập", "Đang online", "Tổng truy cập", "image advertisement",
               "QR Code", "Sơ đồ cổng", "Tiện ích thông tin", "Điện thoại:", "Fax:", "Email:", "Địa chỉ:",
               "Cơ quan quản lý", "Trưởng Ban biên tập", "Mới nhất", "21/6/2024", "Print", "Gốc", "Lượt xem",
               "Chương trình phát thanh ngày 26/11/2011"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _seed_gold() -> list[dict]:
    return [json.loads(path.read_text(encoding="utf-8")) for path in sorted(GOLD.glob("*/seed-*.json"))]


@pytest.fixture(scope="module")
def demo_runs(tmp_path_factory):
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    port = str(_free_port())
    runner = CliRunner()
    first = runner.invoke(cli, ["demo", "--db", str(db), "--port", port])
    assert first.exit_code == 0, first.output
    counts_after_first = _counts(db)
    second = runner.invoke(cli, ["demo", "--db", str(db), "--port", port])
    assert second.exit_code == 0, second.output
    return db, first.output, second.output, counts_after_first


def _counts(db: Path) -> dict[str, int]:
    database = sqlite_utils.Database(db)
    tables = ["articles", "revisions", "dates", "official_mentions", "people", "directives",
              "directive_mentions", "statistics"]
    return {table: database[table].count for table in tables}


def test_the_five_seeds_are_indexed_with_their_own_title_and_date(demo_runs):
    db, *_ = demo_runs
    database = sqlite_utils.Database(db)
    seeds = _seed_gold()
    assert len(seeds) == 5
    for gold in seeds:
        rows = list(database["articles"].rows_where("url like ?", ["%/" + gold["path"]]))
        assert len(rows) == 1, gold["path"]
        article = rows[0]
        assert article["title"] == gold["title"]
        assert article["published"] == gold["published"]
        for paragraph in gold["paragraphs"]:
            assert paragraph in article["text"]
        for line in BOILERPLATE:
            assert line not in article["text"], (gold["path"], line)


def test_every_tag_offset_points_into_the_stored_text(demo_runs):
    db, *_ = demo_runs
    database = sqlite_utils.Database(db)
    texts = {row["id"]: row["text"] for row in database["articles"].rows}
    for table in ["dates", "official_mentions", "directive_mentions", "statistics"]:
        rows = list(database[table].rows)
        assert rows, f"no {table} in the demo index"
        for row in rows:
            assert texts[row["article_id"]][row["start"]:row["end"]] == row["text"]


def test_articles_keep_raw_html_url_fetch_time_and_extractor_version(demo_runs):
    db, *_ = demo_runs
    database = sqlite_utils.Database(db)
    for article in database["articles"].rows:
        assert article["extractor_version"]
        raw = database["raw_pages"].get(article["raw_page_id"])
        assert raw["url"] == article["url"] and raw["fetched_at"] and raw["html_gz"]


def test_the_summary_counts_what_is_in_the_index(demo_runs):
    db, first, _, counts = demo_runs
    assert f"{counts['articles']} articles" in first
    assert f"{counts['statistics']} statistics" in first and f"{counts['dates']} dates" in first
    assert counts["articles"] >= 30


def test_a_second_run_adds_nothing(demo_runs):
    db, first, second, counts_after_first = demo_runs
    assert _counts(db) == counts_after_first
    assert "Processed pages: none pending" in second


def test_the_run_leaves_each_full_text_index_in_one_segment(demo_runs):
    db = sqlite_utils.Database(demo_runs[0])
    for table in ("articles_fts", "articles_fts_exact"):
        assert db.execute(f"SELECT count(DISTINCT segid) FROM {table}_idx").fetchone()[0] == 1
