"""Portal profiles as data: the TOML files, their schema check, and the layout version chosen by a page's date."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

import crawler
import pipeline
from crawler.sites import REGISTRY, Registry
from crawler.sites.files import PORTALS_DIR, ProfileFileError, load_profile_file, load_profiles
from extract import extract_dated

GOOD = '''province = "Hải Phòng"
level = "city"
domains = ["x.gov.vn"]
article_pattern = '/tin-tuc/[^/]+-\\d+\\.html$'
verified = false
note = "test portal"

[[listings]]
url = "https://x.gov.vn/tin-tuc"
page_pattern = "?page={n}"
'''


def write(tmp_path: Path, text: str, name: str = "x.gov.vn") -> Path:
    path = tmp_path / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_every_portal_file_loads_into_the_registry():
    files = sorted(PORTALS_DIR.glob("*.toml"))
    assert len(files) == len(REGISTRY) >= 27
    assert [path.stem for path in files] == REGISTRY.names()
    (profile,) = load_profile_file(PORTALS_DIR / "danang.gov.vn.toml")
    assert profile.name == "danang.gov.vn" and profile.selectors.body == ".journal-content-article"
    assert REGISTRY.get("tuyengiao.vn").valid_until == "2025-02-03"  # a TOML date becomes the ISO string


def test_a_good_file_gives_the_profile_it_describes(tmp_path):
    (profile,) = load_profile_file(write(tmp_path, GOOD))
    assert (profile.name, profile.province, profile.level, profile.domains) == ("x.gov.vn", "Hải Phòng", "city",
                                                                                ("x.gov.vn",))
    assert profile.listings[0].page_url(3) == "https://x.gov.vn/tin-tuc?page=3"
    assert profile.is_article("https://x.gov.vn/tin-tuc/hoi-nghi-123.html") and not profile.verified


@pytest.mark.parametrize("change,field", [
    (lambda t: t.replace('level = "city"', 'level = "county"'), "level"),
    (lambda t: t.replace('level = "city"\n', ''), "level"),
    (lambda t: t.replace('verified = false\n', ''), "verified"),
    (lambda t: t.replace('verified = false', 'verified = "no"'), "verified"),
    (lambda t: t.replace('domains = ["x.gov.vn"]', 'domains = "x.gov.vn"'), "domains"),
    (lambda t: t.replace('domains = ["x.gov.vn"]', 'domains = []'), "domains"),
    (lambda t: t.replace("'/tin-tuc/[^/]+-\\d+\\.html$'", "'(unclosed'"), "article_pattern"),
    (lambda t: t + 'valid_from = "2024-01-01"\n', "valid_from"),
    (lambda t: t.replace("note =", "notes ="), "notes"),
    (lambda t: t.replace('page_pattern = "?page={n}"', 'page = "?page={n}"'), "listings[1].page"),
    (lambda t: t.replace('page_pattern = "?page={n}"', 'first_page = "1"'), "listings[1].first_page"),
    (lambda t: t + '\n[selectors]\nbody = 3\n', "selectors.body"),
    (lambda t: t + 'platform = "joomla"\n', "platform"),
], ids=lambda v: v if isinstance(v, str) else "")
def test_a_bad_file_is_refused_in_one_line_naming_the_file_and_the_field(tmp_path, change, field):
    path = write(tmp_path, change(GOOD))
    with pytest.raises(ProfileFileError) as caught:
        load_profile_file(path)
    message = str(caught.value)
    assert "\n" not in message and str(path) in message and field in message, message


def test_broken_toml_and_overlapping_versions_are_refused(tmp_path):
    with pytest.raises(ProfileFileError, match=r"x\.gov\.vn\.toml: not valid TOML"):
        load_profile_file(write(tmp_path, GOOD + "level = \n"))
    overlapping = GOOD + "\n[[versions]]\nversion = 1\nvalid_until = 2024-01-01\n" \
                         "\n[[versions]]\nversion = 2\nvalid_from = 2023-06-01\n"
    with pytest.raises(ProfileFileError, match="versions: .*overlap"):
        load_profile_file(write(tmp_path, overlapping))


def test_a_bad_portal_file_ends_a_command_in_one_line_with_exit_code_2(tmp_path, monkeypatch):
    write(tmp_path, GOOD.replace('level = "city"', 'level = "county"'))
    monkeypatch.setattr(crawler, "REGISTRY", Registry(lambda: load_profiles(tmp_path)))
    result = CliRunner().invoke(pipeline.cli, ["sites"])
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0 and "x.gov.vn.toml" in result.output and "level" in result.output


# -- the layout version valid on the page's date -----------------------------------------------
VERSIONED = '''province = "Hải Phòng"
level = "city"
domains = ["x.gov.vn"]
article_pattern = '-\\d+\\.html$'
verified = false
note = "the portal moved to a new layout on 2023-01-01"

[[versions]]
version = 1
valid_until = 2023-01-01
selectors = { body = "div.news-body" }

[[versions]]
version = 2
valid_from = 2023-01-01
selectors = { body = "div.detail-content" }
'''

PARAGRAPHS = ("Sáng 15/1, Ban Tuyên giáo Thành ủy tổ chức hội nghị tổng kết công tác tuyên giáo năm 2020, "
              "triển khai nhiệm vụ năm 2021. Dự hội nghị có đại diện lãnh đạo các quận, huyện ủy.",
              "Năm 2020, công tác tuyên truyền được đổi mới về nội dung và phương thức, bám sát các nhiệm vụ "
              "chính trị của thành phố, góp phần tạo đồng thuận trong cán bộ, đảng viên và Nhân dân.")
RELATED = ("Tin liên quan: lịch tiếp công dân tháng 2 của Ủy ban nhân dân thành phố được niêm yết "
           "tại trụ sở tiếp công dân và trên cổng thông tin điện tử của thành phố.")


def page(dated: bool, body_class: str, other_class: str) -> str:
    day = '<p class="date">Ngày 15/01/2021 09:30</p>' if dated else ""
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (f'<html lang="vi"><head><title>Tổng kết công tác tuyên giáo năm 2020</title></head><body>'
            f'<h1>Tổng kết công tác tuyên giáo năm 2020</h1>{day}'
            f'<div class="{body_class}">{paragraphs}</div>'
            f'<div class="{other_class}"><p>{RELATED}</p></div></body></html>')


@pytest.fixture
def versions(tmp_path):
    registry = Registry(load_profile_file(write(tmp_path, VERSIONED)))
    assert [v.selectors.body for v in registry.versions("x.gov.vn")] == ["div.news-body", "div.detail-content"]
    return lambda day: registry.version_for("x.gov.vn", day)


def test_a_page_is_extracted_with_the_version_valid_on_its_published_date(versions):
    # an old-layout page captured after the change: its related-news box has the new body class
    old = page(True, "news-body", "detail-content")
    article = extract_dated(old, "https://x.gov.vn/tin-tuc/tong-ket-1.html", versions, fetched_at="2024-06-01T08:00:00")
    assert article.published.startswith("2021-01-15")
    assert article.text.startswith(PARAGRAPHS[0][:40]) and RELATED[:30] not in article.text
    # a new-layout page: the new version's body, whatever the old class holds
    new = page(True, "detail-content", "news-body").replace("15/01/2021", "15/01/2024")
    article = extract_dated(new, "https://x.gov.vn/tin-tuc/tong-ket-2.html", versions, fetched_at="2024-06-01T08:00:00")
    assert article.text.startswith(PARAGRAPHS[0][:40]) and RELATED[:30] not in article.text


def test_a_page_without_a_date_takes_the_version_of_its_capture_day(versions):
    undated = page(False, "news-body", "detail-content")
    url = "https://x.gov.vn/tin-tuc/tong-ket-1.html"
    before = extract_dated(undated, url, versions, fetched_at="2022-05-01T08:00:00")
    assert before.text.startswith(PARAGRAPHS[0][:40]) and RELATED[:30] not in before.text
    after = extract_dated(undated, url, versions, fetched_at="2024-05-01T08:00:00")
    assert after.text.startswith(RELATED[:30])


def test_version_for_falls_back_to_the_latest_version():
    registry = Registry(REGISTRY.versions("tuyengiao.vn"))
    assert registry.version_for("tuyengiao.vn", date(2026, 1, 1)).valid_until == "2025-02-03"
    assert registry.version_for("tuyengiao.vn", None) is registry.get("tuyengiao.vn")


def test_the_readme_example_is_a_valid_profile_file(tmp_path):
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    example = readme.split("## Adding a portal", 1)[1].split("```toml\n", 1)[1].split("```", 1)[0]
    (profile,) = load_profile_file(write(tmp_path, example, "quangninh.gov.vn"))
    assert profile.is_article("https://www.quangninh.gov.vn/Trang/ChiTietTinTuc.aspx?nid=113139")
    assert profile.listings[0].page_url(2).endswith("?Cat=82&Page=2") and profile.selectors.date == "span.date"
