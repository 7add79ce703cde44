"""`vnportal extract`: a thin wrapper over extract_html (file, URL, --json, one-line errors)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from bench.bench_ingest_memory import run_peak_mb, vnportal_command
from data.sample_server import SAMPLE_SITE, serve_sample_site
from pipeline import cli

PAGE = "huyen/tin-tuc/hoi-nghi-hoc-tap-quan-triet-chuyen-de-nam-2019-ve-hoc-tap-va-lam-theo-bac-1873.html"
TITLE = "Hội nghị học tập, quán triệt chuyên đề năm 2019 về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"


def test_extract_file_as_json():
    result = CliRunner().invoke(cli, ["extract", str(SAMPLE_SITE / PAGE), "--url", "http://portal.test/" + PAGE,
                                      "--json"])
    assert result.exit_code == 0, result.output
    article = json.loads(result.output)
    assert article["title"] == TITLE
    assert article["published"] == "2019-03-22T16:05:00"
    assert article["attachments"] == ["http://portal.test/huyen/files/ke-hoach-15-kh-btghu-2019.pdf",
                                      "http://portal.test/huyen/files/chi-thi-05-ct-tw-2016.pdf"]


@pytest.mark.network_local
def test_extract_url_readable_form():
    with serve_sample_site() as base:
        result = CliRunner().invoke(cli, ["extract", f"{base}/{PAGE}", "--allow-private"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Title: {TITLE}\nPublished: 2019-03-22T16:05:00\nAuthor: Thu Quỳnh\n")
    assert f"  - {base}/huyen/files/ke-hoach-15-kh-btghu-2019.pdf" in result.output


def test_extract_errors_are_one_line(tmp_path: Path):
    missing = CliRunner().invoke(cli, ["extract", str(tmp_path / "none.html")])
    image = CliRunner().invoke(cli, ["extract", str(SAMPLE_SITE / "huyen" / "images" / "logo.gif")])
    listing = CliRunner().invoke(cli, ["extract", str(SAMPLE_SITE / "huyen" / "tin-tuc" / "index.html")])
    for result, reason in ((missing, "cannot read"), (image, "binary body"), (listing, "listing page")):
        assert result.exit_code == 2
        assert result.output.startswith("Error: ") and reason in result.output
        assert result.output.count("\n") == 1
        assert "Traceback" not in result.output


def test_a_file_over_the_page_cap_is_refused_on_one_line_without_reading_it_whole(tmp_path: Path):
    big = tmp_path / "big.html"
    with big.open("wb") as stream:
        stream.truncate(200 * 2**20)  # sparse: no disk space taken
    log = tmp_path / "extract.log"
    code, peak = run_peak_mb([*vnportal_command(), "extract", str(big)], log)
    output = log.read_text(encoding="utf-8")
    assert code == 2
    assert output == f"Error: no article in {big}: page too large (more than 10,485,760 bytes)\n"
    assert peak < 200, f"peak RSS {peak:.0f} MiB"  # the 200 MiB file was not read whole
