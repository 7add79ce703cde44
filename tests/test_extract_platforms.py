"""extract_html on pages imitating the portal platforms seen in the wild (tests/corpus/platforms)."""
from __future__ import annotations

from pathlib import Path

import pytest

from extract import extract_html

PLATFORMS = Path(__file__).resolve().parent / "corpus" / "platforms"

EXPECTED = {
    "liferay.html": {
        "title": "Đà Nẵng công bố Quyết định thành lập Hội đồng nhân dân phường mới",
        "published": "2012-12-21T00:00:00", "author": "Thanh Hà",
        "captions": ["Phó Chủ tịch UBND thành phố trao quyết định cho lãnh đạo phường"],
        "first": "Sáng 20/12, UBND thành phố", "last": "thủ tục hành chính cho người dân.", "paragraphs": 3,
    },
    "nukeviet.html": {
        "title": "Hội nghị sơ kết 5 năm thực hiện Chỉ thị 05",
        "published": "2020-07-29T23:14:00", "author": "Thu Hà", "captions": ["Hội nghị sơ kết 5 năm"],
        "first": "Chiều 29/7, Ban Thường vụ", "last": "người đứng đầu.", "paragraphs": 3,
    },
    "sharepoint.html": {
        "title": "Quảng Ninh đẩy mạnh chuyển đổi số trong cơ quan nhà nước",
        "published": "2022-09-22T15:15:00", "author": "Minh Đức (Trung tâm Truyền thông tỉnh)",
        "captions": ["Quang cảnh hội nghị"],
        "first": "Sáng 22/9, UBND tỉnh", "last": "dịch vụ công trực tuyến.", "paragraphs": 3,
    },
    "oldcms.html": {
        "title": "Huyện ủy Tiên Lãng tổng kết công tác xây dựng Đảng năm 2015",
        "published": "2015-12-28T10:20:00", "author": "Ban Tuyên giáo Huyện ủy", "captions": [],
        "first": "Sáng 28/12, Huyện ủy", "last": "chất lượng đảng viên./.", "paragraphs": 4,
    },
}
NEVER = ("Các tin khác", "Tin cùng chuyên mục", "Những tin", "Các tin đã đưa", "Lượt truy cập",
         "Thống kê truy cập", "Điện thoại", "Tổng số điểm", "Nguồn tin", "21/6/2024", "22/12/2022",
         "Trang chủ", "Bản quyền")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_platform_page(name):
    expected = EXPECTED[name]
    article = extract_html((PLATFORMS / name).read_bytes(), f"https://portal.gov.vn/{name}")
    paragraphs = article.text.split("\n\n")
    assert (article.title, article.published, article.author, article.captions) == (
        expected["title"], expected["published"], expected["author"], expected["captions"])
    assert paragraphs[0].startswith(expected["first"]) and paragraphs[-1].endswith(expected["last"])
    assert len(paragraphs) == expected["paragraphs"]
    assert article.lead == paragraphs[0]
    for phrase in NEVER:
        assert phrase not in article.text
