"""tag_officials on real portal sentences: both orders, abbreviations, honorifics, spelling variants, traps."""
from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.gazetteer import match_key
from nlp.officials import position_text, tag_officials

GOLD = Path(__file__).parent / "gold" / "nlp" / "dev" / "officials.jsonl"


def _found(text: str) -> list[tuple]:
    return [(t.text, t.name, t.honorific, [(p.title, p.organization) for p in t.positions])
            for t in tag_officials(text)]


def _span_and_positions(text: str) -> tuple[str, list[tuple]]:
    """The span and the (title, organisation) pairs of the one official tagged in ``text``."""
    (found,) = tag_officials(text)
    return found.text, [(p.title, p.organization) for p in found.positions]


def _gold() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("sentence, expected", [
    # name first, several positions, the elided organisation taken from the next position
    ("Đồng chí Đào Khánh Hà, Uỷ viên Ban Thường vụ, Trưởng Ban Tuyên giáo Thành uỷ chủ trì Hội nghị.",
     ("Đồng chí Đào Khánh Hà, Uỷ viên Ban Thường vụ, Trưởng Ban Tuyên giáo Thành uỷ", "Đào Khánh Hà", "đồng chí",
      [("Ủy viên Ban Thường vụ", "Thành ủy"), ("Trưởng Ban Tuyên giáo", "Thành ủy")])),
    # title first
    ("Cùng dự có Phó Chủ tịch UBND thành phố Lê Khắc Nam.",
     ("Phó Chủ tịch UBND thành phố Lê Khắc Nam", "Lê Khắc Nam", None, [("Phó Chủ tịch", "UBND thành phố")])),
    ("Tại hội nghị, đồng chí Phó Chủ tịch Ủy ban nhân dân tỉnh Nguyễn Lưu Trung đề nghị duy trì giao ban.",
     ("đồng chí Phó Chủ tịch Ủy ban nhân dân tỉnh Nguyễn Lưu Trung", "Nguyễn Lưu Trung", "đồng chí",
      [("Phó Chủ tịch", "Ủy ban nhân dân tỉnh")])),
    # dash and abbreviations expanded from the gazetteer
    ("Đồng chí Nguyễn Thị Như Hoa – UVBTVHU, Trưởng Ban Tuyên giáo Huyện ủy, Giám đốc TT Chính trị huyện chủ trì.",
     ("Đồng chí Nguyễn Thị Như Hoa – UVBTVHU, Trưởng Ban Tuyên giáo Huyện ủy, Giám đốc TT Chính trị huyện",
      "Nguyễn Thị Như Hoa", "đồng chí",
      [("Ủy viên Ban Thường vụ", "Huyện ủy"), ("Trưởng Ban Tuyên giáo", "Huyện ủy"),
       ("Giám đốc", "Trung tâm Chính trị huyện")])),
    ("Đ/c Tạ Quang Vinh, HUV, Phó Chủ tịch UBND huyện trao quà.",
     ("Đ/c Tạ Quang Vinh, HUV, Phó Chủ tịch UBND huyện", "Tạ Quang Vinh", "đồng chí",
      [("Huyện ủy viên", None), ("Phó Chủ tịch", "UBND huyện")])),
    ("đ/c Lê Thị Nga, UV BTV Huyện ủy, Phó chủ tịch HĐND huyện dự họp.",
     ("đ/c Lê Thị Nga, UV BTV Huyện ủy, Phó chủ tịch HĐND huyện", "Lê Thị Nga", "đồng chí",
      [("Ủy viên Ban Thường vụ", "Huyện ủy"), ("Phó Chủ tịch", "HĐND huyện")])),
    # honorifics ông / bà, a committee of a state department
    ("Bà Hứa Thị Ngọc Lan, Phó Giám đốc Sở Lao động - Thương binh và Xã hội cho biết.",
     ("Bà Hứa Thị Ngọc Lan, Phó Giám đốc Sở Lao động - Thương binh và Xã hội", "Hứa Thị Ngọc Lan", "bà",
      [("Phó Giám đốc", "Sở Lao động - Thương binh và Xã hội")])),
    ("Theo ông Dương Hữu Phước (Trưởng phòng Văn hóa và Thông tin huyện), toàn huyện có 42 nhà văn hóa.",
     ("ông Dương Hữu Phước (Trưởng phòng Văn hóa và Thông tin huyện", "Dương Hữu Phước", "ông",
      [("Trưởng phòng", "Phòng Văn hóa và Thông tin huyện")])),
    # a Party title without organisation before a state post: the Party committee of that level
    ("Đồng chí Kiều Văn Lộc, Phó Bí thư, Chủ tịch UBND huyện Giồng Riềng kiểm tra mô hình.",
     ("Đồng chí Kiều Văn Lộc, Phó Bí thư, Chủ tịch UBND huyện Giồng Riềng", "Kiều Văn Lộc", "đồng chí",
      [("Phó Bí thư", "Huyện ủy Giồng Riềng"), ("Chủ tịch", "UBND huyện Giồng Riềng")])),
    # a known place between the organisation and the person
    ("Bí thư Thành ủy Hải Phòng Lê Tiến Châu chủ trì hội nghị.",
     ("Bí thư Thành ủy Hải Phòng Lê Tiến Châu", "Lê Tiến Châu", None, [("Bí thư", "Thành ủy Hải Phòng")])),
    ("Chủ tịch UBND xã Tân Phong Lê Thị Hoa báo cáo.",
     ("Chủ tịch UBND xã Tân Phong Lê Thị Hoa", "Lê Thị Hoa", None, [("Chủ tịch", "UBND xã Tân Phong")])),
    # dash-separated apposition with a lowercase title
    ("Dự có Tôn Thất Hiếu - ủy viên Ban Chấp hành Đảng bộ tỉnh - Bí thư Huyện ủy.",
     ("Tôn Thất Hiếu - ủy viên Ban Chấp hành Đảng bộ tỉnh - Bí thư Huyện ủy", "Tôn Thất Hiếu", None,
      [("Ủy viên Ban Chấp hành", "Đảng bộ tỉnh"), ("Bí thư", "Huyện ủy")])),
    # a standalone title keeps no organisation; a board without parent body is the organisation
    ("Đại biểu Quốc hội Lò Thị Hạnh tiếp xúc cử tri.",
     ("Đại biểu Quốc hội Lò Thị Hạnh", "Lò Thị Hạnh", None, [("Đại biểu Quốc hội", None)])),
    ("Trưởng Ban Quản lý Khu kinh tế tỉnh Nguyễn Văn Hải phát biểu.",
     ("Trưởng Ban Quản lý Khu kinh tế tỉnh Nguyễn Văn Hải", "Nguyễn Văn Hải", None,
      [("Trưởng Ban", "Ban Quản lý Khu kinh tế tỉnh")])),
])
def test_mentions_field_by_field(sentence, expected):
    assert _found(sentence) == [expected]


@pytest.mark.parametrize("sentence, expected", [
    # a phrase wrapped at a line break
    ("Chủ tịch Quốc hội\nVương Đình Huệ phát biểu.",
     ("Chủ tịch Quốc hội\nVương Đình Huệ", "Vương Đình Huệ", None, [("Chủ tịch", "Quốc hội")])),
    # abbreviated titles: with a space, dotted, "TT" for Thường trực after an abbreviated title
    ("Đồng chí Nguyễn Văn Hùng, UV BTV Tỉnh ủy, PBT TT Huyện ủy dự.",
     ("Đồng chí Nguyễn Văn Hùng, UV BTV Tỉnh ủy, PBT TT Huyện ủy", "Nguyễn Văn Hùng", "đồng chí",
      [("Ủy viên Ban Thường vụ", "Tỉnh ủy"), ("Phó Bí thư Thường trực", "Huyện ủy")])),
    ("Đồng chí Trần Văn Bình, UVT.Ư, Bí thư Tỉnh ủy.",
     ("Đồng chí Trần Văn Bình, UVT.Ư, Bí thư Tỉnh ủy", "Trần Văn Bình", "đồng chí",
      [("Ủy viên Ban Chấp hành", "Trung ương Đảng"), ("Bí thư", "Tỉnh ủy")])),
    # "Ủy viên Thường vụ" written out or as UVTV; "CT", "BT" alone before a body: Chủ tịch, Bí thư
    ("Đồng chí Lý Văn Khánh, Ủy viên Thường vụ Huyện ủy, Trưởng Ban Tổ chức Huyện ủy dự.",
     ("Đồng chí Lý Văn Khánh, Ủy viên Thường vụ Huyện ủy, Trưởng Ban Tổ chức Huyện ủy", "Lý Văn Khánh", "đồng chí",
      [("Ủy viên Thường vụ", "Huyện ủy"), ("Trưởng Ban Tổ chức", "Huyện ủy")])),
    ("Đ/c Lý Văn Khánh, UVTV, BT Đảng ủy xã, CT HĐND xã dự.",
     ("Đ/c Lý Văn Khánh, UVTV, BT Đảng ủy xã, CT HĐND xã", "Lý Văn Khánh", "đồng chí",
      [("Ủy viên Thường vụ", "Đảng ủy xã"), ("Bí thư", "Đảng ủy xã"), ("Chủ tịch", "HĐND xã")])),
    # no separator between a full name and its title; a title with no organisation after it
    ("Nguyễn Văn An Chủ tịch UBND tỉnh phát biểu.",
     ("Nguyễn Văn An Chủ tịch UBND tỉnh", "Nguyễn Văn An", None, [("Chủ tịch", "UBND tỉnh")])),
    ("Đoàn gặp ông Hoàng Ngọc, Giám đốc, và ông Hoàng Mai Nam.",
     ("ông Hoàng Ngọc, Giám đốc", "Hoàng Ngọc", "ông", [("Giám đốc", None)])),
    # an organisation the gazetteer does not know runs to its end, after the name and before it
    ("Theo ông Trần Văn Bảo, Giám đốc Trung tâm pháp y Đà Nẵng, kết quả đã có.",
     ("ông Trần Văn Bảo, Giám đốc Trung tâm pháp y Đà Nẵng", "Trần Văn Bảo", "ông",
      [("Giám đốc", "Trung tâm pháp y Đà Nẵng")])),
    ("Ông Hoàng Mai Nam (Giám đốc Cảng vụ hàng không miền Bắc) giải thích.",
     ("Ông Hoàng Mai Nam (Giám đốc Cảng vụ hàng không miền Bắc", "Hoàng Mai Nam", "ông",
      [("Giám đốc", "Cảng vụ hàng không miền Bắc")])),
    ("Thông báo ký bởi Chủ tịch Hội khoa học lịch sử Việt Nam Trần Đức Cường.",
     ("Chủ tịch Hội khoa học lịch sử Việt Nam Trần Đức Cường", "Trần Đức Cường", None,
      [("Chủ tịch", "Hội khoa học lịch sử Việt Nam")])),
    # diplomats and foreign officials: a country (and where the post sits), then the name
    ("Đại sứ Việt Nam tại Nhật Bản Vũ Hồng Nam cho biết.",
     ("Đại sứ Việt Nam tại Nhật Bản Vũ Hồng Nam", "Vũ Hồng Nam", None, [("Đại sứ", "Việt Nam tại Nhật Bản")])),
    ("Tổng thống Mỹ Joe Biden tuyên bố.", ("Tổng thống Mỹ Joe Biden", "Joe Biden", None, [("Tổng thống", "Mỹ")])),
    ("Tiến sĩ Kidong Park, Trưởng đại diện WHO tại Việt Nam cho biết.",
     ("Kidong Park, Trưởng đại diện WHO tại Việt Nam", "Kidong Park", None,
      [("Trưởng đại diện", "WHO tại Việt Nam")])),
    # a Vietnamese place that starts like a country stays a place ("Mỹ Đức", not "Mỹ")
    ("Chủ tịch UBND huyện Mỹ Đức Nguyễn Văn An phát biểu.",
     ("Chủ tịch UBND huyện Mỹ Đức Nguyễn Văn An", "Nguyễn Văn An", None, [("Chủ tịch", "UBND huyện Mỹ Đức")])),
    # an honorific or rank after the position and a comma opens the name
    ("Giám đốc Công an tỉnh, Đại tá Đinh Văn Nơi cho biết.",
     ("Giám đốc Công an tỉnh, Đại tá Đinh Văn Nơi", "Đinh Văn Nơi", "đại tá", [("Giám đốc", "Công an tỉnh")])),
    ("Chủ tịch HĐND tỉnh Vĩnh Long - ông Bùi Văn Nghiêm cho biết.",  # a dash before the honorific
     ("Chủ tịch HĐND tỉnh Vĩnh Long - ông Bùi Văn Nghiêm", "Bùi Văn Nghiêm", "ông",
      [("Chủ tịch", "HĐND tỉnh Vĩnh Long")])),
    # a numbered district is the place of its committee; after a name, the city after a comma is the
    # position's too, as are the higher levels of a commune
    ("Cơ quan điều tra khởi tố ông Nguyễn Hoài Nam, bí thư Quận ủy Quận 2, TP.HCM.",
     ("ông Nguyễn Hoài Nam, bí thư Quận ủy Quận 2, TP.HCM", "Nguyễn Hoài Nam", "ông",
      [("Bí thư", "Quận ủy Quận 2, TP.HCM")])),
    # two syllables after a province's or district's body that name none of them are a person
    ("Dự án chậm, Bí thư Thành uỷ Trần Thọ giao UBND TP xử lý.",
     ("Bí thư Thành uỷ Trần Thọ", "Trần Thọ", None, [("Bí thư", "Thành ủy")])),
    ("Theo ông Đậu An Phúc, phó chủ tịch UBND Q. 12, việc này đúng.",  # "Q." (quận) as "TP." (thành phố)
     ("ông Đậu An Phúc, phó chủ tịch UBND Q. 12", "Đậu An Phúc", "ông", [("Phó Chủ tịch", "UBND quận 12")])),
    ("Theo ông Phan Thanh Sơn, Chủ tịch UBND xã này, dân đã về.",  # "này": the commune named before
     ("ông Phan Thanh Sơn, Chủ tịch UBND xã này", "Phan Thanh Sơn", "ông", [("Chủ tịch", "UBND xã này")])),
    ("Ông Nguyễn Nam Liên, Vụ trưởng vụ Kế hoạch tài chính, bộ Y tế cho biết.",  # the ministry in lowercase
     ("Ông Nguyễn Nam Liên, Vụ trưởng vụ Kế hoạch tài chính, bộ Y tế", "Nguyễn Nam Liên", "ông",
      [("Vụ trưởng", "vụ Kế hoạch tài chính, bộ Y tế")])),
    ("Theo ông Tô Duy Hiền, Chủ tịch xã Quỳnh Nghĩa, huyện Quỳnh Lưu, tỉnh Nghệ An, dân đã về.",
     ("ông Tô Duy Hiền, Chủ tịch xã Quỳnh Nghĩa, huyện Quỳnh Lưu, tỉnh Nghệ An", "Tô Duy Hiền", "ông",
      [("Chủ tịch", "xã Quỳnh Nghĩa, huyện Quỳnh Lưu, tỉnh Nghệ An")])),
    ("Bị cáo Nguyễn Văn Minh - nguyên chi cục trưởng Chi cục Thi hành án dân sự quận Ninh Kiều, TP Cần Thơ, đã khai.",
     ("Nguyễn Văn Minh - nguyên chi cục trưởng Chi cục Thi hành án dân sự quận Ninh Kiều, TP Cần Thơ",
      "Nguyễn Văn Minh", None,
      [("Chi cục trưởng", "Chi cục Thi hành án dân sự quận Ninh Kiều, TP Cần Thơ")])),  # after a unit read whole
    ("Ông Triệu Thế Hùng, Uỷ viên Thường trực Uỷ ban Văn hoá, Giáo dục, Thanh niên, Thiếu niên và Nhi đồng nói.",
     ("Ông Triệu Thế Hùng, Uỷ viên Thường trực Uỷ ban Văn hoá, Giáo dục, Thanh niên, Thiếu niên và Nhi đồng",
      "Triệu Thế Hùng", "ông",  # a committee of the National Assembly, its name a list
      [("Ủy viên Thường trực", "Ủy ban Văn hóa, Giáo dục, Thanh niên, Thiếu niên và Nhi đồng")])),
    ("Ông Trần Quang Tường - bí thư kiêm chủ tịch UBND huyện Bạch Long Vỹ cho biết.",  # "kiêm" in lowercase
     ("Ông Trần Quang Tường - bí thư kiêm chủ tịch UBND huyện Bạch Long Vỹ", "Trần Quang Tường", "ông",
      [("Bí thư", "Huyện ủy Bạch Long Vỹ"), ("Chủ tịch", "UBND huyện Bạch Long Vỹ")])),
    ("Theo Cục trưởng Cục Lãnh sự, Bộ Ngoại giao Lý Quốc Tuấn, việc này đúng.",  # title first, the ministry
     ("Cục trưởng Cục Lãnh sự, Bộ Ngoại giao Lý Quốc Tuấn", "Lý Quốc Tuấn", None,  # after a comma
      [("Cục trưởng", "Cục Lãnh sự, Bộ Ngoại giao")])),
    ("Ông Bùi Văn Hùng - Chủ tịch UBND huyện Đạ Tẻh, Lâm Đồng cho biết.",  # a province named alone
     ("Ông Bùi Văn Hùng - Chủ tịch UBND huyện Đạ Tẻh, Lâm Đồng", "Bùi Văn Hùng", "ông",
      [("Chủ tịch", "UBND huyện Đạ Tẻh, Lâm Đồng")])),
    # a rank opens the mention like an honorific
    ("Thượng tướng Lê Chiêm, Thứ trưởng Quốc phòng ký biên bản.",
     ("Thượng tướng Lê Chiêm, Thứ trưởng Quốc phòng", "Lê Chiêm", "thượng tướng", [("Thứ trưởng Quốc phòng", None)])),
    ("Chuẩn Đô đốc Phạm Hoài Nam, Tư lệnh Quân chủng Hải quân phát biểu.",  # the navy's admirals too
     ("Chuẩn Đô đốc Phạm Hoài Nam, Tư lệnh Quân chủng Hải quân", "Phạm Hoài Nam", "chuẩn đô đốc",
      [("Tư lệnh", "Quân chủng Hải quân")])),
    ("Phó Đô đốc Agus Setiadji, Tổng thư ký Quốc phòng Indonesia phát biểu.",
     ("Phó Đô đốc Agus Setiadji, Tổng thư ký Quốc phòng Indonesia", "Agus Setiadji", "phó đô đốc",
      [("Tổng Thư ký", "Quốc phòng Indonesia")])),
    # titles before the name with a bracketed abbreviation, positions after it too
    ("Đại biểu Quốc hội (ĐBQH) Lại Thế Nguyên, Phó Trưởng Đoàn ĐBQH tỉnh phát biểu.",
     ("Đại biểu Quốc hội (ĐBQH) Lại Thế Nguyên, Phó Trưởng Đoàn ĐBQH tỉnh", "Lại Thế Nguyên", None,
      [("Đại biểu Quốc hội", None), ("Phó Trưởng Đoàn", "Đoàn ĐBQH tỉnh")])),
    ("Chủ nhiệm Ủy ban Kiểm tra Trung ương (UBKT) Trần Cẩm Tú chủ trì.",
     ("Chủ nhiệm Ủy ban Kiểm tra Trung ương (UBKT) Trần Cẩm Tú", "Trần Cẩm Tú", None,
      [("Chủ nhiệm Ủy ban Kiểm tra", "Trung ương")])),
    ("Theo Giám đốc Sở Giao thông vận tải (GTVT), ông Vũ Văn Viện, cầu sẽ thông xe.",  # past a comma, an honorific
     ("Giám đốc Sở Giao thông vận tải (GTVT), ông Vũ Văn Viện", "Vũ Văn Viện", "ông",
      [("Giám đốc", "Sở Giao thông vận tải")])),
    # "Phó CT." is Phó Chủ tịch; a member of the Central Committee is a member of its Ban Chấp hành
    ("Dự có đồng chí Trần Văn C, HUV, Phó CT. UBND huyện.",
     ("đồng chí Trần Văn C, HUV, Phó CT. UBND huyện", "Trần Văn C", "đồng chí",
      [("Huyện ủy viên", None), ("Phó Chủ tịch", "UBND huyện")])),
    ("Ông Phạm Viết Thanh, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy phát biểu.",
     ("Ông Phạm Viết Thanh, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy", "Phạm Viết Thanh", "ông",
      [("Ủy viên Ban Chấp hành", "Trung ương Đảng"), ("Bí thư", "Tỉnh ủy")])),
    # an abbreviated title needs no separator before the next title: it is not that title's organisation
    ("Đồng chí Trần Thị Hồng HUV Phó Chủ tịch UBND huyện phát biểu.",
     ("Đồng chí Trần Thị Hồng HUV Phó Chủ tịch UBND huyện", "Trần Thị Hồng", "đồng chí",
      [("Huyện ủy viên", None), ("Phó Chủ tịch", "UBND huyện")])),
    ("Có đồng chí Nguyễn Văn Long UVBTV Tỉnh ủy Chủ tịch UBND tỉnh dự.",
     ("đồng chí Nguyễn Văn Long UVBTV Tỉnh ủy Chủ tịch UBND tỉnh", "Nguyễn Văn Long", "đồng chí",
      [("Ủy viên Ban Thường vụ", "Tỉnh ủy"), ("Chủ tịch", "UBND tỉnh")])),
    ("Đồng chí Lê Minh Hải, TUV Bí thư Huyện ủy dự.",
     ("Đồng chí Lê Minh Hải, TUV Bí thư Huyện ủy", "Lê Minh Hải", "đồng chí",
      [("Tỉnh ủy viên", None), ("Bí thư", "Huyện ủy")])),
    # ... but not over a verb and the next sentence part
    ("Đồng chí Lê Văn Tám, Bí thư Tỉnh ủy mong muốn Đảng bộ đoàn kết.",
     ("Đồng chí Lê Văn Tám, Bí thư Tỉnh ủy", "Lê Văn Tám", "đồng chí", [("Bí thư", "Tỉnh ủy")])),
])
def test_wrapped_abbreviated_and_unlisted_forms(sentence, expected):
    assert _found(sentence) == [expected]


@pytest.mark.parametrize("sentence, expected", [
    # abroad: a country or international body, then a foreign name of one to three words
    ("Tổng Thư ký Liên hợp quốc Antonio Guterres kêu gọi bảo vệ trẻ em.",
     ("Tổng Thư ký Liên hợp quốc Antonio Guterres", "Antonio Guterres", None, [("Tổng Thư ký", "Liên hợp quốc")])),
    ("Ngoại trưởng Nga Lavrov cho biết.", ("Ngoại trưởng Nga Lavrov", "Lavrov", None, [("Ngoại trưởng", "Nga")])),
    ("Bộ trưởng Tài chính Anh Rishi Sunak cho biết.",
     ("Bộ trưởng Tài chính Anh Rishi Sunak", "Rishi Sunak", None, [("Bộ trưởng Tài chính", "Anh")])),
    # a bracketed abbreviation joined by "&"; a parent body after "của"; a ministry after a comma
    ("Bộ trưởng Bộ Khoa học và Công nghệ (KH&CN) Huỳnh Thành Đạt phát biểu.",
     ("Bộ trưởng Bộ Khoa học và Công nghệ (KH&CN) Huỳnh Thành Đạt", "Huỳnh Thành Đạt", None,
      [("Bộ trưởng", "Bộ Khoa học và Công nghệ")])),
    # a place after the abbreviation is the body's, as a level and place are
    ("Ông Trương Quang Việt, Phó Giám đốc Trung tâm Kiểm soát bệnh tật (CDC) Hà Nội nhận định.",
     ("Ông Trương Quang Việt, Phó Giám đốc Trung tâm Kiểm soát bệnh tật (CDC) Hà Nội", "Trương Quang Việt", "ông",
      [("Phó Giám đốc", "Trung tâm Kiểm soát bệnh tật Hà Nội")])),
    # an abbreviation with small letters inside, "(HoREA)", is one too
    ("Chủ tịch Hiệp hội Doanh nghiệp tỉnh (HoREA) Lê Hoàng Châu cho biết.",
     ("Chủ tịch Hiệp hội Doanh nghiệp tỉnh (HoREA) Lê Hoàng Châu", "Lê Hoàng Châu", None,
      [("Chủ tịch", "Hiệp hội Doanh nghiệp tỉnh")])),
    ("Ủy viên Thường trực Ủy ban Đối ngoại của Quốc hội Lê Thu Hà cho rằng cần quy định.",
     ("Ủy viên Thường trực Ủy ban Đối ngoại của Quốc hội Lê Thu Hà", "Lê Thu Hà", None,
      [("Ủy viên Thường trực", "Ủy ban Đối ngoại của Quốc hội")])),
    ("Ông Lê Thanh Tùng, Phó Cục trưởng Cục Trồng trọt, Bộ NN&PTNT nhận định.",
     ("Ông Lê Thanh Tùng, Phó Cục trưởng Cục Trồng trọt, Bộ NN&PTNT", "Lê Thanh Tùng", "ông",
      [("Phó Cục trưởng", "Cục Trồng trọt, Bộ NN&PTNT")])),
    # a stop syllable that completes a word stays in a name; a full name after a bare title is the person
    ("Ông Kishida Fumio-Chủ tịch Đảng Tự do Dân chủ (LDP) đã được chỉ định.",
     ("Ông Kishida Fumio-Chủ tịch Đảng Tự do Dân chủ (LDP)", "Kishida Fumio", "ông",
      [("Chủ tịch", "Đảng Tự do Dân chủ")])),
    ("Xử lý sự cố trên cao tốc Nội Bài - Lào Cai, Phó thủ tướng Lê Văn Thành giao Bộ Giao thông Vận tải xem xét.",
     ("Phó thủ tướng Lê Văn Thành", "Lê Văn Thành", None, [("Phó Thủ tướng", None)])),
    # a birth year in brackets between the name and the post; "BVĐK" is a general hospital
    ("Bị cáo Hoàng Đình Khiếu (SN 1962), Phó Giám đốc BVĐK tỉnh Hòa Bình, hầu tòa.",
     ("Hoàng Đình Khiếu (SN 1962), Phó Giám đốc BVĐK tỉnh Hòa Bình", "Hoàng Đình Khiếu", None,
      [("Phó Giám đốc", "Bệnh viện đa khoa tỉnh Hòa Bình")])),
    # a full name after a comma or a dash that ends a title-first position (no honorific)
    ("Giám đốc Sở Công thương Thanh Hoá - Lê Tiến Lam cho biết.",
     ("Giám đốc Sở Công thương Thanh Hoá - Lê Tiến Lam", "Lê Tiến Lam", None,
      [("Giám đốc", "Sở Công Thương Thanh Hóa")])),
    ("Chủ tịch UBND phường Hoàng Liệt, Trần Huy Hoàng cho biết.",
     ("Chủ tịch UBND phường Hoàng Liệt, Trần Huy Hoàng", "Trần Huy Hoàng", None,
      [("Chủ tịch", "UBND phường Hoàng Liệt")])),
    # "quyền" (acting) before a title is left out of it, as "tân" and "cựu" are
    ("Theo ông Nguyễn Quang Vinh, quyền Cục trưởng Cục Nghệ thuật Biểu diễn, vở diễn bị dừng.",
     ("ông Nguyễn Quang Vinh, quyền Cục trưởng Cục Nghệ thuật Biểu diễn", "Nguyễn Quang Vinh", "ông",
      [("Cục trưởng", "Cục Nghệ thuật Biểu diễn")])),
    # "Thủ trưởng" heads an investigating agency
    ("Thủ trưởng Cơ quan Cảnh sát điều tra Công an tỉnh Nguyễn Văn Hải ký quyết định.",
     ("Thủ trưởng Cơ quan Cảnh sát điều tra Công an tỉnh Nguyễn Văn Hải", "Nguyễn Văn Hải", None,
      [("Thủ trưởng", "Cơ quan Cảnh sát điều tra Công an tỉnh")])),
    # "đắc cử" (elect) and "đương nhiệm" (incumbent) before the country
    ("Tổng thống đắc cử Mỹ Donald Trump phát biểu.",
     ("Tổng thống đắc cử Mỹ Donald Trump", "Donald Trump", None, [("Tổng thống", "Mỹ")])),
    # "khi đó" (then), "đương nhiệm" (incumbent) after the country; "nước này" (this country) for it
    ("Tổng thống Myanmar khi đó Thein Sein tuyên bố.",
     ("Tổng thống Myanmar khi đó Thein Sein", "Thein Sein", None, [("Tổng thống", "Myanmar")])),
    ("Thủ tướng Nhật Bản đương nhiệm Fumio Kishida cho biết.",
     ("Thủ tướng Nhật Bản đương nhiệm Fumio Kishida", "Fumio Kishida", None, [("Thủ tướng", "Nhật Bản")])),
    ("Bộ trưởng Quốc phòng nước này Lloyd Austin cho biết.",
     ("Bộ trưởng Quốc phòng nước này Lloyd Austin", "Lloyd Austin", None, [("Bộ trưởng Quốc phòng", None)])),
    # ... read last, after where an envoy serves
    ("Đại sứ Việt Nam tại Nhật Bản khi đó Vũ Hồng Nam cho biết.",
     ("Đại sứ Việt Nam tại Nhật Bản khi đó Vũ Hồng Nam", "Vũ Hồng Nam", None, [("Đại sứ", "Việt Nam tại Nhật Bản")])),
    # "Tập" (Xi) opens a name as a surname does; "Tập đoàn" (a corporation) is none
    ("Chủ tịch Tập Cận Bình thăm Việt Nam.", ("Chủ tịch Tập Cận Bình", "Tập Cận Bình", None, [("Chủ tịch", None)])),
    ("Chủ tịch Mao Trạch Đông từng viết.", ("Chủ tịch Mao Trạch Đông", "Mao Trạch Đông", None, [("Chủ tịch", None)])),
    # fields the press names a ministry by: "Công an", "An ninh", "Dầu mỏ", "Tài nguyên Môi trường"
    ("Bộ trưởng Công an Chu Vĩnh Khang bị điều tra.",
     ("Bộ trưởng Công an Chu Vĩnh Khang", "Chu Vĩnh Khang", None, [("Bộ trưởng Công an", None)])),
    ("Bộ trưởng Dầu mỏ Iran Bijan Zanganeh cho biết.",
     ("Bộ trưởng Dầu mỏ Iran Bijan Zanganeh", "Bijan Zanganeh", None, [("Bộ trưởng Dầu mỏ", "Iran")])),
    # a spokesman; a foreign name's word before an ellipsis is whole
    ("Ông nói với phát ngôn viên Nhà Trắng Karine Jean-Pierre hôm qua.",
     ("phát ngôn viên Nhà Trắng Karine Jean-Pierre", "Karine Jean-Pierre", None, [("Phát ngôn viên", "Nhà Trắng")])),
    ("Có mặt tại buổi lễ có Ngoại trưởng Nga Sergei Lavrov...",
     ("Ngoại trưởng Nga Sergei Lavrov", "Sergei Lavrov", None, [("Ngoại trưởng", "Nga")])),
    # a post abroad after a name, followed by its own name, is that name's: a list goes on
    ("Tham dự có ông Aleksandr Novak, Tổng thống Nga Vladimir Putin và nhiều quan chức.",
     ("Tổng thống Nga Vladimir Putin", "Vladimir Putin", None, [("Tổng thống", "Nga")])),
    # a committee of a chamber abroad, then the country and a name the run of capitalised words does not hold
    # whole (a middle initial, a capital inside a word)
    ("Chủ tịch Ủy ban Tình báo Thượng viện Mỹ Mark R. Warner phát biểu.",
     ("Chủ tịch Ủy ban Tình báo Thượng viện Mỹ Mark R. Warner", "Mark R. Warner", None,
      [("Chủ tịch", "Ủy ban Tình báo Thượng viện Mỹ")])),
    ("Chủ tịch Ủy ban Ngân sách Hạ viện Mỹ Jim McGovern nói.",
     ("Chủ tịch Ủy ban Ngân sách Hạ viện Mỹ Jim McGovern", "Jim McGovern", None,
      [("Chủ tịch", "Ủy ban Ngân sách Hạ viện Mỹ")])),
    # posts abroad: a governor-general, a national security adviser and an emperor (named alone)
    ("Toàn quyền New Zealand Cindy Kiro đón đoàn.",
     ("Toàn quyền New Zealand Cindy Kiro", "Cindy Kiro", None, [("Toàn quyền", "New Zealand")])),
    ("Cố vấn an ninh quốc gia Jake Sullivan cho biết.",
     ("Cố vấn an ninh quốc gia Jake Sullivan", "Jake Sullivan", None, [("Cố vấn an ninh quốc gia", None)])),
    ("Đoàn được Nhật hoàng Naruhito tiếp.", ("Nhật hoàng Naruhito", "Naruhito", None, [("Nhật hoàng", None)])),
    # a minister's portfolio the gazetteer lacks, written before the country and the name, is part of the title
    ("Bộ trưởng Hợp tác Quốc tế Đức Peter Weber phát biểu.",
     ("Bộ trưởng Hợp tác Quốc tế Đức Peter Weber", "Peter Weber", None, [("Bộ trưởng Hợp tác Quốc tế", "Đức")])),
    ("Thứ trưởng Quốc phòng phụ trách hậu cần Ấn Độ Rajesh Kumar nói.",
     ("Thứ trưởng Quốc phòng phụ trách hậu cần Ấn Độ Rajesh Kumar", "Rajesh Kumar", None,
      [("Thứ trưởng Quốc phòng phụ trách hậu cần", "Ấn Độ")])),
    ("Bộ trưởng Các vấn đề Biển và Hải đảo Philippines Maria Santos cho biết.",
     ("Bộ trưởng Các vấn đề Biển và Hải đảo Philippines Maria Santos", "Maria Santos", None,
      [("Bộ trưởng Các vấn đề Biển và Hải đảo", "Philippines")])),
    # an international body's acronym in brackets before the name
    ("Tân Chủ tịch Ngân hàng Thế giới (WB) David Malpass phát biểu.",
     ("Chủ tịch Ngân hàng Thế giới (WB) David Malpass", "David Malpass", None,
      [("Chủ tịch", "Ngân hàng Thế giới (WB)")])),
    ("Đại sứ Nga tại LHQ Vassily Nebenzia phản đối.",  # "LHQ": the United Nations
     ("Đại sứ Nga tại LHQ Vassily Nebenzia", "Vassily Nebenzia", None, [("Đại sứ", "Nga tại LHQ")])),
    # "Nhật" (Japan, as the press writes it), a parliament's chambers, a first secretary; "anh" as "ông"
    ("Bộ trưởng Quốc phòng Nhật Takeshi Iwaya thăm Hà Nội.",
     ("Bộ trưởng Quốc phòng Nhật Takeshi Iwaya", "Takeshi Iwaya", None, [("Bộ trưởng Quốc phòng", "Nhật")])),
    ("Chủ tịch Hạ viện Nhật Bản Tadamori Oshima đón đoàn.",
     ("Chủ tịch Hạ viện Nhật Bản Tadamori Oshima", "Tadamori Oshima", None, [("Chủ tịch", "Hạ viện Nhật Bản")])),
    ("Phát biểu có anh Lê Quốc Phong, Bí thư thứ nhất Trung ương Đoàn.",
     ("anh Lê Quốc Phong, Bí thư thứ nhất Trung ương Đoàn", "Lê Quốc Phong", "anh",
      [("Bí thư thứ nhất", "Trung ương Đoàn")])),
    # a body abroad the gazetteer does not know whole, read to its country, its acronym or a known chamber,
    # before a foreign name of two words
    ("Giám đốc Cơ quan Tình báo quốc phòng Mỹ (DIA) Scott Berrier cảnh báo.",
     ("Giám đốc Cơ quan Tình báo quốc phòng Mỹ (DIA) Scott Berrier", "Scott Berrier", None,
      [("Giám đốc", "Cơ quan Tình báo quốc phòng Mỹ (DIA)")])),
    ("Chủ tịch cơ quan vũ trụ Canada (Asc) Lisa Campbell, ông Paul Smith cho biết.",
     ("Chủ tịch cơ quan vũ trụ Canada (Asc) Lisa Campbell", "Lisa Campbell", None,
      [("Chủ tịch", "cơ quan vũ trụ Canada (Asc)")])),
    ("Chủ tịch đảng Bảo thủ (CP) cầm quyền ở Anh, ông Rishi Sunak tuyên bố.",
     ("Chủ tịch đảng Bảo thủ (CP) cầm quyền ở Anh, ông Rishi Sunak", "Rishi Sunak", "ông",
      [("Chủ tịch", "đảng Bảo thủ (CP) cầm quyền ở Anh")])),
    ("Chủ tịch uỷ ban Tình báo Thượng viện Mỹ Mark R. Warner lên tiếng.",
     ("Chủ tịch uỷ ban Tình báo Thượng viện Mỹ Mark R. Warner", "Mark R. Warner", None,
      [("Chủ tịch", "ủy ban Tình báo Thượng viện Mỹ")])),
    ("Chủ tịch Uỷ ban Ngân sách Hạ viện Jodey Arrington nói.",
     ("Chủ tịch Uỷ ban Ngân sách Hạ viện Jodey Arrington", "Jodey Arrington", None,
      [("Chủ tịch", "Ủy ban Ngân sách Hạ viện")])),
    ("Chủ tịch Uỷ ban quan hệ đối ngoại nghị viện Bavaria Klaus Holetschek nói.",  # a place, then the name
     ("Chủ tịch Uỷ ban quan hệ đối ngoại nghị viện Bavaria Klaus Holetschek", "Klaus Holetschek", None,
      [("Chủ tịch", "Ủy ban quan hệ đối ngoại nghị viện Bavaria")])),
    ("Tổng Thư ký Liên minh Viễn thông quốc tế ITU Doreen Bogdan đến Hà Nội.",
     ("Tổng Thư ký Liên minh Viễn thông quốc tế ITU Doreen Bogdan", "Doreen Bogdan", None,
      [("Tổng Thư ký", "Liên minh Viễn thông quốc tế ITU")])),
    ("Chánh văn phòng nội các Hàn Quốc Kim Dae-ki phát biểu.",
     ("Chánh văn phòng nội các Hàn Quốc Kim Dae-ki", "Kim Dae-ki", None,
      [("Chánh Văn phòng", "nội các Hàn Quốc")])),
    ("Đại sứ Ai Cập ở Việt Nam Ahmed Kamal tới dự.",
     ("Đại sứ Ai Cập ở Việt Nam Ahmed Kamal", "Ahmed Kamal", None, [("Đại sứ", "Ai Cập ở Việt Nam")])),
    ("Thống đốc bang Jalisco Enrique Alfaro cho biết.",
     ("Thống đốc bang Jalisco Enrique Alfaro", "Enrique Alfaro", None, [("Thống đốc", "bang Jalisco")])),
    ("Chủ tịch hội đồng Tham mưu trưởng Liên quân Mỹ Mark Milley nói.",
     ("Chủ tịch hội đồng Tham mưu trưởng Liên quân Mỹ Mark Milley", "Mark Milley", None,
      [("Chủ tịch", "hội đồng Tham mưu trưởng Liên quân Mỹ")])),
    ("Tổng Bí thư Ban chấp hành Trung ương Đảng Cộng sản Liên Xô Leonid Brezhnev đến thăm.",
     ("Tổng Bí thư Ban chấp hành Trung ương Đảng Cộng sản Liên Xô Leonid Brezhnev", "Leonid Brezhnev", None,
      [("Tổng Bí thư", "Ban chấp hành Trung ương Đảng Cộng sản Liên Xô")])),
])
def test_foreign_officials_and_longer_organisations(sentence, expected):
    assert _found(sentence) == [expected]


@pytest.mark.parametrize("sentence, expected", [
    # "cựu", "nguyên", "tân" before a title are left out (a lowercase title follows them too) ...
    ("Cựu tổng thống Mỹ Barack Obama phát biểu.",
     ("tổng thống Mỹ Barack Obama", "Barack Obama", None, [("Tổng thống", "Mỹ")])),
    ("Hôm qua, tân Thủ tướng Ấn Độ Narendra Modi tuyên thệ.",
     ("Thủ tướng Ấn Độ Narendra Modi", "Narendra Modi", None, [("Thủ tướng", "Ấn Độ")])),
    # ... and kept inside a name-first mention
    ("Ông Trần Văn Bình, nguyên Phó Chủ tịch UBND tỉnh cho biết.",
     ("Ông Trần Văn Bình, nguyên Phó Chủ tịch UBND tỉnh", "Trần Văn Bình", "ông", [("Phó Chủ tịch", "UBND tỉnh")])),
    # "cùng" (likewise) opening a bracket of posts after the name
    ("Có ông Đỗ Văn Lâm (cùng nguyên Phó Chủ tịch UBND tỉnh) bị kỷ luật.",
     ("ông Đỗ Văn Lâm (cùng nguyên Phó Chủ tịch UBND tỉnh", "Đỗ Văn Lâm", "ông", [("Phó Chủ tịch", "UBND tỉnh")])),
    # posts in brackets after a title-first mention's name are the person's, the bracket left out; they lend
    # no body to the title before the name
    ("Đại biểu Trần Văn Phúc (nguyên Phó Chủ tịch UBND tỉnh) phát biểu.",
     ("Đại biểu Trần Văn Phúc (nguyên Phó Chủ tịch UBND tỉnh", "Trần Văn Phúc", None,
      [("Đại biểu", None), ("Phó Chủ tịch", "UBND tỉnh")])),
    ("Đại biểu Lê Thị Hạnh (Chủ tịch UBND huyện) đề nghị.",
     ("Đại biểu Lê Thị Hạnh (Chủ tịch UBND huyện", "Lê Thị Hạnh", None, [("Đại biểu", None), ("Chủ tịch", "UBND huyện")])),
    # a foreigner named alone after a title of state; a repeated word ends the name
    ("Cuộc gặp giữa Thủ tướng Merkel và các bộ trưởng.",
     ("Thủ tướng Merkel", "Merkel", None, [("Thủ tướng", None)])),
    ("Ngoại trưởng Antony Blinken Blinken cho biết.",
     ("Ngoại trưởng Antony Blinken", "Antony Blinken", None, [("Ngoại trưởng", None)])),
    # a country's form of state and "mới của"; an honorific name after a country or a place
    ("Đại sứ đặc mệnh toàn quyền nước Cộng hòa Liên bang Đức tại Việt Nam Guido Hildner trình quốc thư.",
     ("Đại sứ đặc mệnh toàn quyền nước Cộng hòa Liên bang Đức tại Việt Nam Guido Hildner", "Guido Hildner", None,
      [("Đại sứ đặc mệnh toàn quyền", "nước Cộng hòa Liên bang Đức tại Việt Nam")])),
    ("Đại sứ mới của Mỹ Marc Knapper đến Hà Nội.",
     ("Đại sứ mới của Mỹ Marc Knapper", "Marc Knapper", None, [("Đại sứ", "Mỹ")])),
    ("Tổng thống Pháp, ông Emmanuel Macron cho biết.",
     ("Tổng thống Pháp, ông Emmanuel Macron", "Emmanuel Macron", "ông", [("Tổng thống", "Pháp")])),
    ("Phó bí thư Nghệ An, ông Trần Văn Hùng thông tin.",
     ("Phó bí thư Nghệ An, ông Trần Văn Hùng", "Trần Văn Hùng", "ông", [("Phó Bí thư", "Nghệ An")])),
    ("Tư lệnh Quân đội Thái Lan, Đại tướng Narongpan Jitkaewthae cho biết.",
     ("Tư lệnh Quân đội Thái Lan, Đại tướng Narongpan Jitkaewthae", "Narongpan Jitkaewthae", "đại tướng",
      [("Tư lệnh", "Quân đội Thái Lan")])),
    # foreign names written in Vietnamese syllables, in dashed parts, with particles; international bodies
    ("Chủ tịch Trung Quốc Tập Cận Bình điện đàm.",
     ("Chủ tịch Trung Quốc Tập Cận Bình", "Tập Cận Bình", None, [("Chủ tịch", "Trung Quốc")])),
    ("Tổng thống Hàn Quốc Moon Jae-in phát biểu.",
     ("Tổng thống Hàn Quốc Moon Jae-in", "Moon Jae-in", None, [("Tổng thống", "Hàn Quốc")])),
    ("Chủ tịch Ủy ban châu Âu Ursula von der Leyen cho biết.",
     ("Chủ tịch Ủy ban châu Âu Ursula von der Leyen", "Ursula von der Leyen", None, [("Chủ tịch", "Ủy ban châu Âu")])),
    ("Tổng Giám đốc WHO Tedros Adhanom Ghebreyesus cảnh báo.",
     ("Tổng Giám đốc WHO Tedros Adhanom Ghebreyesus", "Tedros Adhanom Ghebreyesus", None, [("Tổng Giám đốc", "WHO")])),
    # a body's branch in a country is its organisation ("tại" and the country)
    ("Nguyễn Linh, phó chủ tịch Hội Sinh viên Việt Nam tại Pháp, cho biết.",
     ("Nguyễn Linh, phó chủ tịch Hội Sinh viên Việt Nam tại Pháp", "Nguyễn Linh", None,
      [("Phó Chủ tịch", "Hội Sinh viên Việt Nam tại Pháp")])),
    # a mayor is an official, named first; a numbered term after a title is in the span, as "khóa XV" is
    ("Bà Anne Hidalgo, thị trưởng Paris, cho biết.",
     ("Bà Anne Hidalgo, thị trưởng Paris", "Anne Hidalgo", "bà", [("Thị trưởng", "Paris")])),
    ("Phát biểu tại lễ, ông Lê Hoài Anh, tổng thư ký nhiệm kỳ 7 cho biết.",
     ("ông Lê Hoài Anh, tổng thư ký nhiệm kỳ 7", "Lê Hoài Anh", "ông", [("Tổng Thư ký", None)])),
    # "(nhà) lãnh đạo" (leader) is a post before a country, as a head of state's title is
    ("Nhà lãnh đạo Triều Tiên Kim Jong-un tuyên bố.",
     ("Nhà lãnh đạo Triều Tiên Kim Jong-un", "Kim Jong-un", None, [("Nhà lãnh đạo", "Triều Tiên")])),
    # an attorney general is an official; the White House, the Kremlin, the Pentagon are bodies abroad
    ("Tổng chưởng lý Malaysia Tommy Thomas cho biết.",
     ("Tổng chưởng lý Malaysia Tommy Thomas", "Tommy Thomas", None, [("Tổng chưởng lý", "Malaysia")])),
    ("Người phát ngôn Điện Kremlin Dmitry Peskov cho biết.",
     ("Người phát ngôn Điện Kremlin Dmitry Peskov", "Dmitry Peskov", None, [("Người phát ngôn", "Điện Kremlin")])),
    # a paper's name before a comma is no person: the official is the one after it
    ("Theo nguồn tin của New York Times, quyền Bộ trưởng Quốc phòng Mỹ Patrick Shanahan đã trình bày kế hoạch.",
     ("Bộ trưởng Quốc phòng Mỹ Patrick Shanahan", "Patrick Shanahan", None, [("Bộ trưởng Quốc phòng", "Mỹ")])),
    # a middle initial inside a foreign name
    ("Đại sứ Mỹ tại Việt Nam Daniel J. Kritenbrink phát biểu.",
     ("Đại sứ Mỹ tại Việt Nam Daniel J. Kritenbrink", "Daniel J. Kritenbrink", None, [("Đại sứ", "Mỹ tại Việt Nam")])),
    # a body abroad the gazetteer lacks, by its acronym, with a foreign name of two words or more after it
    ("Giám đốc FBI Christopher Wray điều trần.",
     ("Giám đốc FBI Christopher Wray", "Christopher Wray", None, [("Giám đốc", "FBI")])),
    ("Giám đốc AUSTRAC Nicole Rose cho biết.",
     ("Giám đốc AUSTRAC Nicole Rose", "Nicole Rose", None, [("Giám đốc", "AUSTRAC")])),
    # a person a place is named after, by title alone ("Chủ tịch UBND TP Hồ Chí Minh" is the city's)
    ("Kỷ niệm 132 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2022).",
     ("Chủ tịch Hồ Chí Minh", "Hồ Chí Minh", None, [("Chủ tịch", None)])),
    # an international body's country office: its name, bracketed acronym and host country
    ("Ông Kidong Park, Trưởng Đại diện Tổ chức Y tế thế giới (WHO) tại Việt Nam khuyến cáo.",
     ("Ông Kidong Park, Trưởng Đại diện Tổ chức Y tế thế giới (WHO) tại Việt Nam", "Kidong Park", "ông",
      [("Trưởng đại diện", "Tổ chức Y tế thế giới (WHO) tại Việt Nam")])),
    ("Giám đốc Quốc gia Ngân hàng Thế giới tại Việt Nam Carolyn Turk cho biết.",
     ("Giám đốc Quốc gia Ngân hàng Thế giới tại Việt Nam Carolyn Turk", "Carolyn Turk", None,
      [("Giám đốc quốc gia", "Ngân hàng Thế giới tại Việt Nam")])),
    ("Bà Ramla Khalidi, Trưởng Đại diện thường trú UNDP tại Việt Nam phát biểu.",
     ("Bà Ramla Khalidi, Trưởng Đại diện thường trú UNDP tại Việt Nam", "Ramla Khalidi", "bà",
      [("Trưởng đại diện thường trú", "UNDP tại Việt Nam")])),
    # a spokesperson
    ("Người phát ngôn Bộ Ngoại giao Lê Thị Thu Hằng trả lời.",
     ("Người phát ngôn Bộ Ngoại giao Lê Thị Thu Hằng", "Lê Thị Thu Hằng", None, [("Người phát ngôn", "Bộ Ngoại giao")])),
    # a long department name runs to its bracketed abbreviation, the ministry after it stays
    ("Đại tá Nguyễn Văn Long, Cục trưởng Cục Cảnh sát điều tra tội phạm về ma túy (C04), Bộ Công an cho biết.",
     ("Đại tá Nguyễn Văn Long, Cục trưởng Cục Cảnh sát điều tra tội phạm về ma túy (C04), Bộ Công an",
      "Nguyễn Văn Long", "đại tá",
      [("Cục trưởng", "Cục Cảnh sát điều tra tội phạm về ma túy (C04), Bộ Công an")])),
    # an unknown party read up to its abbreviation when another position follows
    ("Chủ tịch Đảng Dân chủ Tự do (LDP), cựu thủ tướng Abe Shinzo phát biểu.",
     ("Chủ tịch Đảng Dân chủ Tự do (LDP), cựu thủ tướng Abe Shinzo", "Abe Shinzo", None,
      [("Chủ tịch", "Đảng Dân chủ Tự do"), ("Thủ tướng", None)])),
    # a cut-off lead: "TP..." is no abbreviation dot
    ("Bà Lê Thu Hà, Phó Chủ tịch Liên hiệp các hội văn học, nghệ thuật TP...",
     ("Bà Lê Thu Hà, Phó Chủ tịch Liên hiệp các hội văn học, nghệ thuật TP", "Lê Thu Hà", "bà",
      [("Phó Chủ tịch", "Liên hiệp Các hội Văn học, Nghệ thuật thành phố")])),
    # after a name, the body a bare title is held in after "của" (of), an acronym the gazetteer lacks
    ("Ông Peter Lang, Chủ tịch của IAEE, cho biết.",
     ("Ông Peter Lang, Chủ tịch của IAEE", "Peter Lang", "ông", [("Chủ tịch", "IAEE")])),
    ("Tổng thống Kenya William Ruto, Chủ tịch của EAC, tuyên bố.",
     ("Tổng thống Kenya William Ruto, Chủ tịch của EAC", "William Ruto", None,
      [("Tổng thống", "Kenya"), ("Chủ tịch", "EAC")])),
])
def test_former_new_and_foreign_forms(sentence, expected):
    assert _found(sentence) == [expected]


@pytest.mark.parametrize("sentence, name, organization", [
    ("Bí thư Đảng ủy xã Nguyễn Văn Phúc phát biểu.", "Nguyễn Văn Phúc", "Đảng ủy xã"),
    ("Chủ tịch UBND xã Lê Thị Hoa phát biểu.", "Lê Thị Hoa", "UBND xã"),
])
def test_a_full_name_no_commune_bears_after_a_bare_commune_level_is_a_person(sentence, name, organization):
    """"phường Hoàng Văn Thụ" is a ward (the communes' list has it); "xã Nguyễn Văn Phúc" is no commune."""
    (found,) = tag_officials(sentence)
    assert found.name == name and [p.organization for p in found.positions] == [organization]


@pytest.mark.parametrize("sentence", [
    "Trưởng Ban Tuyên giáo Quận ủy phát biểu tại Hội nghị",  # a position without a name
    "Để hoàn thành nhiệm vụ, đồng chí Trưởng Ban Tuyên giáo Thành ủy đề nghị các cấp quan tâm.",
    "Trưởng Ban Tuyên giáo Quận ủy Lê Chân phát biểu tại hội nghị.",  # Lê Chân is a district
    "Bí thư Quận ủy Hồng Bàng dự và chỉ đạo hội nghị.",
    "Chủ tịch UBND phường Hoàng Văn Thụ báo cáo kết quả.",  # a ward named after a person
    "Bí thư Thành ủy Hồ Chí Minh làm việc với quận.",  # the city's body, with no name after it
    "Dự Hội nghị có đại diện lãnh đạo Ban Tuyên giáo Thành ủy; bí thư các chi, đảng bộ thuộc khối khoa giáo quận.",
    "Hoạt động của Ban Chỉ đạo 35 cần chủ động; Ban Giám đốc Sở Y tế đánh giá cao kết quả này.",
    "Đồng chí Lê Minh Khoa phát biểu tại hội nghị.",  # a name without a position
    "Công tác phòng, chống dịch bệnh chăm sóc bà mẹ trẻ em được triển khai thường xuyên.",
    "Các nhà môi trường kiện Tổng thống Brazil vì phá rừng.",  # a country is no name
    "Chủ tịch Vingroup cho biết kế hoạch.",  # a company title with no name
    "Thực hiện Chỉ thị 15/CT-TTg, CT UBND huyện chỉ đạo các xã.",  # "CT" before a body, no name
    "Tổng thống Mỹ Gặp Gỡ Lãnh Đạo Các Nước",  # a headline in capitals: no name after the country
    "Chủ tịch CLB Real Madrid cho biết.",  # a club after a Vietnamese acronym, no person
    "Trong cuộc phỏng vấn với Wall Street Journal, hạ nghị sĩ này tỏ vẻ bất đồng.",  # a paper is no person
    "Tham dự có lãnh đạo Sở Y tế, ông Nguyễn Văn A phát biểu.",  # "lãnh đạo" of a body here is no title
    "Bộ trưởng Quốc phòng gặp người đồng cấp Nga Sergei Shoigu.",  # a verb is no minister's portfolio
    "Nhà cửa và con cái đều toàn quyền giao cho tôi lo.",  # "toàn quyền" (full power) before no name
])
def test_no_official(sentence):
    assert _found(sentence) == []


@pytest.mark.parametrize("sentence", [
    "Khách gặp ông Hoàng Ngọc, Tổng giám đốc, và ông Hoàng Mai Nam, Chủ tịch HĐQT.",
    "Thông báo ký bởi Chủ tịch HĐQT Hoàng Mai Nam.",
    "Ông Nguyễn Hồng Ninh, Giám đốc Công ty Cổ phần Đầu tư phát triển hạ tầng IDICO cho biết.",
    "Ông Trần Ngọc Tâm – Tổng Giám đốc Nam A Bank trao bằng khen.",
    "Cổ phần được bán cho cựu Chủ tịch Coteccons Nguyễn Bá Dương.",  # a brand: one capitalised ASCII word
    # after the name too, also at the end of an organisation the gazetteer does not know
    "Bà Trần Thị Hoa, Giám đốc Marketing Vinamilk cho biết.",
    "Ông Lê Quốc Bảo, Chủ tịch FPT Telecom cho biết.",
    "Bà Lê Thị Hạnh, Giám đốc Cty TNHH Minh Phát, bị tạm giữ.",  # the abbreviations of a company
    "Ông Phạm Văn Cường, Chủ tịch CTCP Xây dựng số 5 cho biết.",
    # a business named in lowercase by its kind: a project, a plant, a branch, a hotel
    "Ông Lý Văn Tài - Giám đốc dự án Sun Group Hạ Long cho biết.",
    "Ông Đặng Văn Hưng, phó giám đốc nhà máy thủy điện Sơn La, cho biết.",
    "Bà Đỗ Thị Lan, Giám đốc chi nhánh Vietcombank Hà Tĩnh cho biết.",
    "Ông Vũ Anh Minh, Chủ tịch Hội đồng thành viên Tổng công ty Đường sắt Việt Nam cho biết.",  # a state company's board
    "Ông Nguyễn Văn Bình, Chủ tịch HĐTV EVN cho biết.",
    # a club is no public office either
    "Chủ tịch CLB Thanh Hoá Doãn Văn Phương chia sẻ với báo giới.",
    "Ông Nguyễn Văn An, Chủ nhiệm Câu lạc bộ Hưu trí phường cho biết.",
    # nor a cooperative
    "Bà Lê Thị Mỹ - Giám đốc HTX Dịch vụ môi trường và chợ Mới cho biết.",
    "Ông Trần Văn Hòa, Chủ nhiệm Hợp tác xã Nông nghiệp Đông Thiện cho biết.",
])
def test_company_executives_are_not_officials(sentence):
    assert _found(sentence) == []


def test_a_cooperatives_alliance_is_a_public_body():
    text = "Ông Võ Kim Cự, Chủ tịch Liên minh Hợp tác xã Việt Nam phát biểu."
    assert [t.text for t in tag_officials(text)] == ["Ông Võ Kim Cự, Chủ tịch Liên minh Hợp tác xã Việt Nam"]


def test_the_last_word_of_a_country_is_no_brand():
    text = "Ông Ngô Văn Hải, Chủ tịch Liên đoàn Bóng bàn Việt Nam đến thăm."
    assert [t.text for t in tag_officials(text)] == ["Ông Ngô Văn Hải, Chủ tịch Liên đoàn Bóng bàn Việt Nam"]


def test_a_party_post_makes_a_bank_chairman_an_official():
    (tag,) = tag_officials("Ông Nguyễn Văn G, Bí thư Đảng ủy, Chủ tịch HĐQT Vietcombank phát biểu.")
    assert [p.title for p in tag.positions] == ["Bí thư", "Chủ tịch"]


def test_two_people_in_a_row_each_keep_their_own_name():
    text = "Phó Chủ tịch Thường trực HĐND tỉnh Trần Thị Hoa và Phó Chủ tịch UBND tỉnh Lê Văn Dũng cùng dự."
    assert [(t.name, t.positions[0].organization) for t in tag_officials(text)] == [
        ("Trần Thị Hoa", "HĐND tỉnh"), ("Lê Văn Dũng", "UBND tỉnh")]
    listed = ("Dự có các đồng chí: Phan Minh Đức, Phó Bí thư Thường trực Tỉnh ủy; Đại tá Bùi Văn Thắng, "
              "Giám đốc Công an tỉnh.")
    assert [(t.name, t.honorific, t.positions[0].title) for t in tag_officials(listed)] == [
        ("Phan Minh Đức", None, "Phó Bí thư Thường trực"), ("Bùi Văn Thắng", "đại tá", "Giám đốc")]
    # a post written with its own name after it, last in a name's chain, is the next person's
    chained = "Dự có thiếu tướng Du Trường Giang, Phó Tư lệnh Quân khu 7, Phó Chủ tịch UBND TP. HCM Huỳnh Cách Mạng."
    assert [(t.name, [p.title for p in t.positions]) for t in tag_officials(chained)] == [
        ("Du Trường Giang", ["Phó Tư lệnh"]), ("Huỳnh Cách Mạng", ["Phó Chủ tịch"])]


@pytest.mark.parametrize("sentence, expected", [
    # a place and a comma before a title-first mention: the middle name need not be a common one
    ("Chiều 5/11, tại Đà Nẵng, Phó Thủ tướng Trần Lưu Quang dự lễ khởi công.",
     ("Phó Thủ tướng Trần Lưu Quang", "Trần Lưu Quang", None, [("Phó Thủ tướng", None)])),
    # a ministry written as an acronym names the unit: the name after it is the person's
    ("Thứ trưởng Bộ GTVT Lê Đình Thọ kiểm tra công trình.",
     ("Thứ trưởng Bộ GTVT Lê Đình Thọ", "Lê Đình Thọ", None, [("Thứ trưởng", "Bộ GTVT")])),
    ("Phó Thống đốc NHNN Phạm Thanh Hà trả lời báo chí.",
     ("Phó Thống đốc NHNN Phạm Thanh Hà", "Phạm Thanh Hà", None, [("Phó Thống đốc", "NHNN")])),
    # abbreviated Party posts: TVTU, BTV HU, UVT.Ư with "Đảng" written after it
    ("Đồng chí Trần Văn Bình, TVTU, Bí thư Huyện ủy Yên Khánh dự buổi làm việc.",
     ("Đồng chí Trần Văn Bình, TVTU, Bí thư Huyện ủy Yên Khánh", "Trần Văn Bình", "đồng chí",
      [("Ủy viên Ban Thường vụ", "Tỉnh ủy"), ("Bí thư", "Huyện ủy Yên Khánh")])),
    ("Bà Lò Thị Mai – Ủy viên BTV HU, Chủ tịch UBMTQ huyện trao quà.",
     ("Bà Lò Thị Mai – Ủy viên BTV HU, Chủ tịch UBMTQ huyện", "Lò Thị Mai", "bà",
      [("Ủy viên Ban Thường vụ", "Huyện ủy"), ("Chủ tịch", "Ủy ban MTTQ huyện")])),
    ("Đồng chí Hoàng Văn Nam, UVT.Ư Đảng, Bí thư Tỉnh ủy phát biểu.",
     ("Đồng chí Hoàng Văn Nam, UVT.Ư Đảng, Bí thư Tỉnh ủy", "Hoàng Văn Nam", "đồng chí",
      [("Ủy viên Ban Chấp hành", "Trung ương Đảng"), ("Bí thư", "Tỉnh ủy")])),
    # ... or with another body's central committee written after it: the Youth Union's, the Farmers' Union's
    ("Đồng chí Hoàng Văn Tú, UVT.Ư Đoàn, Bí thư Tỉnh đoàn phát biểu.",
     ("Đồng chí Hoàng Văn Tú, UVT.Ư Đoàn, Bí thư Tỉnh đoàn", "Hoàng Văn Tú", "đồng chí",
      [("Ủy viên Ban Chấp hành", "Trung ương Đoàn"), ("Bí thư", "Tỉnh đoàn")])),
    ("Bà Lê Thị Hoa, UVTW Hội Nông dân Việt Nam, Chủ tịch Hội Nông dân tỉnh phát biểu.",
     ("Bà Lê Thị Hoa, UVTW Hội Nông dân Việt Nam, Chủ tịch Hội Nông dân tỉnh", "Lê Thị Hoa", "bà",
      [("Ủy viên Ban Chấp hành", "Trung ương Hội Nông dân Việt Nam"), ("Chủ tịch", "Hội Nông dân tỉnh")])),
    ("Ông Đỗ Văn Lâm – Thẩm phán, Phó Chánh án TAND huyện được điều động.",
     ("Ông Đỗ Văn Lâm – Thẩm phán, Phó Chánh án TAND huyện", "Đỗ Văn Lâm", "ông",
      [("Thẩm phán", "TAND huyện"), ("Phó Chánh án", "TAND huyện")])),
    # the clause after a position does not become its organisation, even when a bracket ends it
    ("Ông Vũ Văn Hải, Chủ tịch UBND huyện vừa ban hành văn bản xử lý vi phạm (VP) đất đai.",
     ("Ông Vũ Văn Hải, Chủ tịch UBND huyện", "Vũ Văn Hải", "ông", [("Chủ tịch", "UBND huyện")])),
    # abroad: a ministry (or its field alone) and the country before a foreign name
    ("Thứ trưởng Bộ Thương mại Mỹ Don Graves thăm Hà Nội.",
     ("Thứ trưởng Bộ Thương mại Mỹ Don Graves", "Don Graves", None,
      [("Thứ trưởng", "Bộ Thương mại Mỹ")])),
    ("Bộ trưởng Hải quân Mỹ Carlos Del Toro phát biểu.",
     ("Bộ trưởng Hải quân Mỹ Carlos Del Toro", "Carlos Del Toro", None, [("Bộ trưởng Hải quân", "Mỹ")])),
    # "thay mặt": the post after it is not the signer's
    ("Thay mặt Chủ tịch nước, Phó Chủ tịch nước Võ Thị Ánh Xuân trao huân chương.",
     ("Phó Chủ tịch nước Võ Thị Ánh Xuân", "Võ Thị Ánh Xuân", None, [("Phó Chủ tịch nước", None)])),
    # a rank after a title without a name opens the mention; an abbreviated level keeps its place
    ("Bộ Công an điều động Phó Giám đốc Công an tỉnh đối với Đại tá Hà Văn Tú, Trưởng Công an TX. Sơn Tây.",
     ("Đại tá Hà Văn Tú, Trưởng Công an TX. Sơn Tây", "Hà Văn Tú", "đại tá",
      [("Trưởng", "Công an thị xã Sơn Tây")])),
    ("Cơ quan điều tra đã tạm giữ Lê Văn Cường, Giám đốc Ban quản lý chợ TP. Bảo Lộc.",
     ("Lê Văn Cường, Giám đốc Ban quản lý chợ TP. Bảo Lộc", "Lê Văn Cường", None,
      [("Giám đốc", "Ban quản lý chợ thành phố Bảo Lộc")])),
    # "Anh", "Chị" opening a sentence are honorifics (elsewhere capitalised "Anh" is England); "Hiệu phó";
    # a unit's name joined by "&", a lowercase compound written with a dash
    ("Anh Lò Văn Tính - Bí thư Đoàn xã cho biết.",
     ("Anh Lò Văn Tính - Bí thư Đoàn xã", "Lò Văn Tính", "anh", [("Bí thư", "Đoàn xã")])),
    ("Tin ngắn\n\nCSVNO - Anh Lò Văn Tính - Bí thư Đoàn xã cho biết.",  # after a lead's source tag
     ("Anh Lò Văn Tính - Bí thư Đoàn xã", "Lò Văn Tính", "anh", [("Bí thư", "Đoàn xã")])),
    ("Ông Đào Văn Bình - nguyên Hiệu phó, Phó viện trưởng Viện Khoa học & Kỹ thuật đo - đạc cho biết.",
     ("Ông Đào Văn Bình - nguyên Hiệu phó, Phó viện trưởng Viện Khoa học & Kỹ thuật đo - đạc", "Đào Văn Bình",
      "ông", [("Hiệu phó", "Viện Khoa học & Kỹ thuật đo - đạc"), ("Phó Viện trưởng", "Viện Khoa học & Kỹ thuật đo - đạc")])),
    # after a unit's bracketed abbreviation, the body or the place it belongs to; "Phó phòng"
    ("Thiếu tá Lê Văn Hải - Phó phòng CSGT (PC08) Công an tỉnh Nghệ An cho biết.",
     ("Thiếu tá Lê Văn Hải - Phó phòng CSGT (PC08) Công an tỉnh Nghệ An", "Lê Văn Hải", "thiếu tá",
      [("Phó phòng CSGT", "Công an tỉnh Nghệ An")])),
    ("Bà Vũ Thị Hà, Giám đốc Sở Y tế (SYT) tỉnh Nghệ An cho biết.",
     ("Bà Vũ Thị Hà, Giám đốc Sở Y tế (SYT) tỉnh Nghệ An", "Vũ Thị Hà", "bà", [("Giám đốc", "Sở Y tế tỉnh Nghệ An")])),
    # "&" for "và" in a known name
    ("Ông Hà Văn Lợi, Trưởng phòng Giáo dục & Đào tạo TP Sầm Sơn cho biết.",
     ("Ông Hà Văn Lợi, Trưởng phòng Giáo dục & Đào tạo TP Sầm Sơn", "Hà Văn Lợi", "ông",
      [("Trưởng phòng", "Phòng Giáo dục và Đào tạo thành phố Sầm Sơn")])),
    # "người đứng đầu" (the head of) and "điều phối viên" (coordinator) are posts
    ("Ông Mark Lee, người đứng đầu Cơ quan Khí tượng Quốc gia Úc, cho biết.",
     ("Ông Mark Lee, người đứng đầu Cơ quan Khí tượng Quốc gia Úc", "Mark Lee", "ông",
      [("Người đứng đầu", "Cơ quan Khí tượng Quốc gia Úc")])),
    # China's State Councillors
    ("Ủy viên Quốc vụ Trung Quốc Vương Nghị thăm Hà Nội.",
     ("Ủy viên Quốc vụ Trung Quốc Vương Nghị", "Vương Nghị", None, [("Ủy viên Quốc vụ", "Trung Quốc")])),
    # the assistant of a title's holder holds a title of their own, not the holder's
    ("Trợ lý Bộ trưởng Bộ Công an Lê Văn Thành cho biết.",
     ("Trợ lý Bộ trưởng Bộ Công an Lê Văn Thành", "Lê Văn Thành", None, [("Trợ lý Bộ trưởng", "Bộ Công an")])),
    # a lowercase syllable that opens a word with the next is no part of the capitalised name before it
    ("Bác sĩ Lê Văn Hòa, Giám đốc Bệnh viện Đa khoa vùng Tây Bắc xác nhận thông tin.",
     ("Lê Văn Hòa, Giám đốc Bệnh viện Đa khoa vùng Tây Bắc", "Lê Văn Hòa", None,
      [("Giám đốc", "Bệnh viện Đa khoa vùng Tây Bắc")])),
    # a truncated lead: the word an ellipsis cuts is left out, a whole abbreviation stays
    ("Họp báo do ông Phạm Văn Hậu, Phó Bí thư Thường...",
     ("ông Phạm Văn Hậu, Phó Bí thư", "Phạm Văn Hậu", "ông", [("Phó Bí thư", None)])),
    # a unit's name in lowercase words up to a bracket; the body it belongs to, alone in the bracket, is
    # outside the span (the blind readings of bench/danes8 and bench/vietnews), with the unit's code inside
    ("Đại tá Phan Văn Kiên, Cục trưởng Cục Quản lý xuất nhập cảnh (Bộ Công an) thông tin.",
     ("Đại tá Phan Văn Kiên, Cục trưởng Cục Quản lý xuất nhập cảnh", "Phan Văn Kiên", "đại tá",
      [("Cục trưởng", "Cục Quản lý xuất nhập cảnh")])),
    ("Ông Hoàng Tùng, Chủ tịch UBND TP Thủ Đức (TP HCM) cho biết.",  # a level and place alone, too
     ("Ông Hoàng Tùng, Chủ tịch UBND TP Thủ Đức", "Hoàng Tùng", "ông", [("Chủ tịch", "UBND thành phố Thủ Đức")])),
    ("Thiếu tướng Hồ Sỹ Tiến, Cục trưởng Cục Cảnh sát hình sự (C 45, Bộ Công an) cho biết.",  # its code first
     ("Thiếu tướng Hồ Sỹ Tiến, Cục trưởng Cục Cảnh sát hình sự (C 45, Bộ Công an)", "Hồ Sỹ Tiến", "thiếu tướng",
      [("Cục trưởng", "Cục Cảnh sát hình sự")])),
    # acronyms joined by dashes or a spaced "&", a bracketed abbreviation with a dash, a numbered name
    ("Bà Hồ Thị Lan, Phó Giám đốc Sở NN-PTNT Nghệ An cho biết.",
     ("Bà Hồ Thị Lan, Phó Giám đốc Sở NN-PTNT Nghệ An", "Hồ Thị Lan", "bà",
      [("Phó Giám đốc", "Sở NN-PTNT Nghệ An")])),
    ("Thứ trưởng Bộ KH & ĐT Đỗ Thành Trung phát biểu.",
     ("Thứ trưởng Bộ KH & ĐT Đỗ Thành Trung", "Đỗ Thành Trung", None, [("Thứ trưởng", "Bộ KH & ĐT")])),
    ("Thứ trưởng Bộ Lao động – Thương binh và Xã hội (LĐ-TB&XH) Nguyễn Bá Hoan làm việc.",
     ("Thứ trưởng Bộ Lao động – Thương binh và Xã hội (LĐ-TB&XH) Nguyễn Bá Hoan", "Nguyễn Bá Hoan", None,
      [("Thứ trưởng", "Bộ Lao động - Thương binh và Xã hội")])),
    # a double surname after an organisation; a standing deputy commander; a unit named in lowercase after "Trưởng"
    ("Phó Bí thư Thành ủy Tôn Nữ Thị Ninh dự lễ.",
     ("Phó Bí thư Thành ủy Tôn Nữ Thị Ninh", "Tôn Nữ Thị Ninh", None, [("Phó Bí thư", "Thành ủy")])),
    ("Đại tá Vũ Văn Hải, Phó Chỉ huy trưởng Thường trực Bộ Chỉ huy Quân sự tỉnh phát biểu.",
     ("Đại tá Vũ Văn Hải, Phó Chỉ huy trưởng Thường trực Bộ Chỉ huy Quân sự tỉnh", "Vũ Văn Hải", "đại tá",
      [("Phó Chỉ huy trưởng Thường trực", "Bộ Chỉ huy Quân sự tỉnh")])),
    ("Bác sĩ Lê Thị Hoa, Trưởng khoa Nhi Bệnh viện Bắc Ninh cho biết.",
     ("Lê Thị Hoa, Trưởng khoa Nhi Bệnh viện Bắc Ninh", "Lê Thị Hoa", None, [("Trưởng khoa Nhi", "Bệnh viện Bắc Ninh")])),
    # committees of the National Assembly named with a comma
    ("Chủ nhiệm Ủy ban Tài chính, Ngân sách của Quốc hội Lê Quang Mạnh trình bày báo cáo.",
     ("Chủ nhiệm Ủy ban Tài chính, Ngân sách của Quốc hội Lê Quang Mạnh", "Lê Quang Mạnh", None,
      [("Chủ nhiệm", "Ủy ban Tài chính, Ngân sách của Quốc hội")])),
    # abroad: a US state (perhaps after "bang") before the name; a given name joined by a dash ends a sentence
    # "và" after an organisation joins another subject, not more of its name
    ("Sáng 5/10, đồng chí Trần Văn Nam - Bí thư Huyện ủy và Đoàn công tác đến thăm xã.",
     ("đồng chí Trần Văn Nam - Bí thư Huyện ủy", "Trần Văn Nam", "đồng chí", [("Bí thư", "Huyện ủy")])),
    # a unit named in lowercase before its field or its acronym, kept as written
    ("Cơ quan điều tra tạm giam ông Lê Văn Bảo, Giám đốc sở GD&ĐT tỉnh Lai Châu về tội lạm quyền.",
     ("ông Lê Văn Bảo, Giám đốc sở GD&ĐT tỉnh Lai Châu", "Lê Văn Bảo", "ông",
      [("Giám đốc", "sở GD&ĐT tỉnh Lai Châu")])),
    # an abbreviated board after "Ủy viên" with no body after it: the title, its body the next position's
    ("Đồng chí Lê Thị Hà - Ủy viên BTV, Trưởng Ban Tuyên giáo Huyện ủy phát biểu.",
     ("Đồng chí Lê Thị Hà - Ủy viên BTV, Trưởng Ban Tuyên giáo Huyện ủy", "Lê Thị Hà", "đồng chí",
      [("Ủy viên Ban Thường vụ", "Huyện ủy"), ("Trưởng Ban Tuyên giáo", "Huyện ủy")])),
    # after a name, a bare title's organisation the gazetteer lacks, in any case up to its bracketed abbreviation
    ("Tại Tokyo, ông Kishida Fumio, Chủ tịch đảng Dân chủ Tự do (LDP), được bầu làm Thủ tướng.",
     ("ông Kishida Fumio, Chủ tịch đảng Dân chủ Tự do (LDP)", "Kishida Fumio", "ông",
      [("Chủ tịch", "đảng Dân chủ Tự do")])),
    # an acronym's place after an abbreviated level with a dot: "TP.HCM" as "TP. Hội An"
    ("Ông Vũ Hải Quân, Giám đốc ĐHQG TP.HCM, cho hay.",
     ("Ông Vũ Hải Quân, Giám đốc ĐHQG TP.HCM", "Vũ Hải Quân", "ông", [("Giám đốc", "ĐHQG TP.HCM")])),
    ("Thủ tướng Australia Scott Morrison tuyên bố.",  # a country by the name the press also uses ("Úc")
     ("Thủ tướng Australia Scott Morrison", "Scott Morrison", None, [("Thủ tướng", "Australia")])),
    ("Thống đốc bang New York Andrew Cuomo tuyên bố từ chức.",
     ("Thống đốc bang New York Andrew Cuomo", "Andrew Cuomo", None, [("Thống đốc", "bang New York")])),
    ("Hàn Quốc muốn gặp Chủ tịch Triều Tiên Kim Jong-un.",
     ("Chủ tịch Triều Tiên Kim Jong-un", "Kim Jong-un", None, [("Chủ tịch", "Triều Tiên")])),
    # after a name, a bare title's body named in lowercase runs to the end of the phrase (the verb)
    ("Ông Nguyễn Văn Bình, giám đốc trung tâm y tế cho biết số ca bệnh giảm.",
     ("Ông Nguyễn Văn Bình, giám đốc trung tâm y tế", "Nguyễn Văn Bình", "ông", [("Giám đốc", "trung tâm y tế")])),
    # a surname the list lacked
    ("Phó Chủ tịch UBND TP Hà Nội Chử Văn Tâm kiểm tra công trình.",
     ("Phó Chủ tịch UBND TP Hà Nội Chử Văn Tâm", "Chử Văn Tâm", None, [("Phó Chủ tịch", "UBND thành phố Hà Nội")])),
])
def test_forms_seen_in_unannotated_real_text(sentence, expected):
    assert _found(sentence) == [expected]


@pytest.mark.parametrize("sentence, names", [
    ("Chính phủ có 3 tân Phó Thủ tướng và 18 tân Bộ trưởng, Thủ tướng Nguyễn Xuân Phúc yêu cầu đổi mới.",
     [("Thủ tướng Nguyễn Xuân Phúc", ["Thủ tướng"])]),
    ("Năm 2017 Tổng thống Donald Trump tuyên bố rút khỏi Hiệp định Paris.",  # a year, no headcount
     [("Tổng thống Donald Trump", ["Tổng thống"])]),
])
def test_a_headcount_of_posts_is_no_ones_post(sentence, names):
    assert [(t.text, [p.title for p in t.positions]) for t in tag_officials(sentence)] == names


def test_a_list_of_foreign_officials_without_countries_gives_one_tag_each():
    found = tag_officials("Đáng chú ý có Thủ tướng Dmitry Medvedev, Ngoại trưởng Sergei Lavrov, Bộ trưởng Quốc phòng "
                          "Sergei Shoigu.")
    assert [(t.name, [p.title for p in t.positions]) for t in found] == [
        ("Dmitry Medvedev", ["Thủ tướng"]), ("Sergei Lavrov", ["Ngoại trưởng"]),
        ("Sergei Shoigu", ["Bộ trưởng Quốc phòng"])]
    (scot,) = tag_officials("Bà Roseanna Cunningham, Bộ trưởng môi trường Scotland cho biết.")
    assert scot.text.endswith("Scotland")  # one foreign word after the title: a place


@pytest.mark.parametrize("sentence, name, body", [
    ("Chủ tịch Hội đồng châu Âu Donald Tusk cho rằng.", "Donald Tusk", "Hội đồng châu Âu"),
    ("Chủ tịch Nghị viện châu Âu David Sassoli nói.", "David Sassoli", "Nghị viện châu Âu"),
    ("Chủ tịch Hội đồng Châu Âu Donald Tusk cho rằng.", "Donald Tusk", "Hội đồng Châu Âu"),  # capitalised
])
def test_bodies_of_the_european_union_are_international(sentence, name, body):
    (found,) = tag_officials(sentence)  # not "Âu Donald Tusk" (Âu is a surname)
    assert (found.name, found.positions[0].organization) == (name, body)


@pytest.mark.parametrize("sentence, positions", [
    ("Đại tá Trần Đình Núi, Phó Tham mưu trưởng Vùng 2 cho biết.", [("Phó Tham mưu trưởng", "Vùng 2")]),
    ("Đại tá Đỗ Hồng Duyên, Ủy viên Ban thường vụ, Chủ nhiệm Chính trị Vùng cho biết.",
     [("Ủy viên Ban Thường vụ", None), ("Chủ nhiệm Chính trị", "Vùng")]),
])
def test_the_navys_regions_and_their_posts(sentence, positions):
    (found,) = tag_officials(sentence)
    assert [(p.title, p.organization) for p in found.positions] == positions


@pytest.mark.parametrize("sentence, span, name, country", [
    ("Trở thành Thủ tướng thứ 100 của Nhật Bản, ông Kishida công bố Nội các.",
     "Thủ tướng thứ 100 của Nhật Bản, ông Kishida", "Kishida", "Nhật Bản"),  # the post's ordinal; one foreign word
    ("Tổng thống thứ 46 của Mỹ Joe Biden nhậm chức.", "Tổng thống thứ 46 của Mỹ Joe Biden", "Joe Biden", "Mỹ"),
    ("Thủ tướng mới của Nhật Bản, ông Fumio Kishida công bố.", "Thủ tướng mới của Nhật Bản, ông Fumio Kishida",
     "Fumio Kishida", "Nhật Bản"),  # the country alone is the organisation
])
def test_the_ordinal_of_a_post_abroad_and_its_country(sentence, span, name, country):
    (found,) = tag_officials(sentence)
    assert (found.text, found.name, found.positions[0].organization) == (span, name, country)


@pytest.mark.parametrize("sentence, organization", [
    ("Ông Ngô Ngọc Quang Minh - phó giám đốc Bệnh viện Nhi Đồng 1 TP. HCM cho biết.", "Bệnh viện Nhi Đồng 1 TP. HCM"),
    ("Ông Ngô Ngọc Quang Minh, Giám đốc Bệnh viện Nhi Đồng 1, cho biết.", "Bệnh viện Nhi Đồng 1"),
    ("Ông Nguyễn Văn A, Giám đốc Sở Y tế Hà Nội 3 ngày qua đã làm việc.", "Sở Y tế Hà Nội"),  # a count
    ("Ông Trần Văn Bảy, Chủ tịch UBND xã Ngã Ba 12 cho biết.", "UBND xã Ngã Ba 12"),  # a verb: the place's number
])
def test_a_units_number_after_its_name(sentence, organization):
    (found,) = tag_officials(sentence)
    assert found.positions[0].organization == organization


def test_a_body_in_brackets_inside_a_chain_of_posts():
    """A bracketed body between two posts is in the span, and the chain reads on; after the last post it is a
    gloss left out."""
    (found,) = tag_officials("Bắt tay trung tá Nguyễn Công Chính - phó tham mưu trưởng Lữ đoàn 125 (Vùng 2 Hải quân), "
                             "trưởng đoàn Hải quân nhân dân Việt Nam - chiều 7-9.")
    assert [p.title for p in found.positions] == ["Phó Tham mưu trưởng", "Trưởng Đoàn"]
    (last,) = tag_officials("Ông Nguyễn Văn An, Trưởng phòng Cảnh sát hình sự (Bộ Công an) cho biết.")
    assert last.text.endswith("hình sự")


def test_a_foreign_capital_before_a_title_is_no_name():
    """"thủ đô Phnom Penh, Tổng bí thư ...": the capital is a place, and the title goes on to its own name."""
    (found,) = tag_officials("Tại thủ đô Phnom Penh, Tổng bí thư, Chủ tịch nước Nguyễn Phú Trọng đã hội kiến.")
    assert found.name == "Nguyễn Phú Trọng"


@pytest.mark.parametrize("sentence, name, organization", [
    ("Bộ trưởng Bộ Công an Tô Lâm chỉ trả lời ngắn gọn.", "Tô Lâm", "Bộ Công an"),
    ("Giám đốc Sở Y tế Lê Hải trả lời.", "Lê Hải", "Sở Y tế"),
    ("Giám đốc Sở Y tế Hà Nội Trần Thị Nhị Hà nói.", "Trần Thị Nhị Hà", "Sở Y tế Hà Nội"),
])
def test_a_two_syllable_name_after_a_body_without_a_level(sentence, name, organization):
    """After a body with no level written, a run of two syllables from a surname that is no known place is a
    name ("Bộ Công an" + "Tô Lâm"); a known place or country stays the body's ("Sở Y tế Hà Giang": no one)."""
    (found,) = tag_officials(sentence)
    assert (found.name, found.positions[0].organization) == (name, organization)
    assert tag_officials("Giám đốc Sở Y tế Hà Giang trả lời.") == []


@pytest.mark.parametrize("sentence, title, organization", [
    ("Ông Phan Công Bằng - Trưởng phòng Quản lý giao thông đường thuỷ Sở Giao thông vận tải TP. HCM cho biết.",
     "Trưởng phòng Quản lý giao thông đường thủy", "Sở Giao thông vận tải thành phố HCM"),
    ("Ông Vũ Hùng Triều, Trưởng phòng Tổ chức hành chính Bệnh viện Đa khoa huyện Đông Hoà cho biết.",
     "Trưởng phòng Tổ chức hành chính", "Bệnh viện Đa khoa huyện Đông Hòa"),
])
def test_a_unit_named_after_its_head_s_title_is_in_the_title_before_its_body(sentence, title, organization):
    """Also when its name goes on in lowercase: the body it belongs to is the organisation."""
    (found,) = tag_officials(sentence)
    assert [(p.title, p.organization) for p in found.positions] == [(title, organization)]


@pytest.mark.parametrize("sentence, organization", [
    ("Ông Nguyễn Văn An, giám đốc bệnh viện Bạch Mai, cho biết.", "bệnh viện Bạch Mai"),
    ("Yumi Muranaka, giám thị nhà tù Iwakuni, cho biết.", "nhà tù Iwakuni"),  # a prison's warden
    ("Bà Vũ Thị Sơn, hiệu trưởng trường tiểu học Yang Hăn, cho biết.", "trường tiểu học Yang Hăn"),  # lowercase words first
])
def test_a_unit_written_in_lowercase_before_its_proper_name(sentence, organization):
    (found,) = tag_officials(sentence)
    assert [p.organization for p in found.positions] == [organization]
    assert found.text.endswith(organization)


@pytest.mark.parametrize("sentence, organization", [
    ("Ông Trần Sung, Giám đốc bệnh viện đa khoa huyện Vĩnh Thuận cho biết.", "bệnh viện đa khoa huyện Vĩnh Thuận"),
    ("Ông Trần Sung, Hiệu trưởng trường mầm non xã Tân Lập cho biết.", "trường mầm non xã Tân Lập"),
    ("Ông Phạm Văn Đức - đội trưởng đội thanh tra xây dựng quận Nam Từ Liêm cho biết.",
     "đội thanh tra xây dựng quận Nam Từ Liêm"),
    ("Theo ông Trần Sung - Hiệu trưởng trường tiểu học – trung học cơ sở thị trấn Vĩnh Thuận cho biết.",
     "trường tiểu học – trung học cơ sở thị trấn Vĩnh Thuận"),  # two kinds joined by an en dash, as by a hyphen
])
def test_a_unit_written_in_lowercase_up_to_its_level(sentence, organization):
    """A lowercase unit whose name runs to the level it serves is the organisation, as when capitalised."""
    (found,) = tag_officials(sentence)
    assert [p.organization for p in found.positions] == [organization]
    assert found.text.endswith(organization)


@pytest.mark.parametrize("sentence, organization", [
    ("Ông Phạm Quang Trung - Trưởng Ban quản lý chợ Cốc Lếu cho biết.", "Ban quản lý chợ Cốc Lếu"),
    ("Bà Phạm Thùy Dương, Trưởng Ban quản lý vịnh Hạ Long cho biết.", "Ban quản lý vịnh Hạ Long"),
    # a hamlet's or ward's people's board, the South's grassroots body: "Ban nhân dân ấp", "khu phố"
    ("Ông Nguyễn Văn On, Trưởng ban nhân dân ấp Tân Hòa, cho biết.", "ban nhân dân ấp Tân Hòa"),
    ("Ông Lê Văn Hai, Trưởng Ban nhân dân khu phố 3, cho biết.", "Ban nhân dân khu phố 3"),
])
def test_a_board_named_in_lowercase_words_and_a_proper_name(sentence, organization):
    (found,) = tag_officials(sentence)
    assert [(p.title, p.organization) for p in found.positions] == [("Trưởng Ban", organization)]
    assert found.text.endswith(organization)


@pytest.mark.parametrize("sentence, organization", [
    ("Ông Trần Đắc Phu, Giám đốc Trung tâm Đáp ứng khẩn cấp sự kiện y tế công cộng Việt Nam cho biết.",
     "Trung tâm Đáp ứng khẩn cấp sự kiện y tế công cộng Việt Nam"),
    ("Ông Vũ Mạnh Hùng, Phó Cục trưởng Cục Đường thủy nội địa Việt Nam, cho biết.", "Cục Đường thủy nội địa Việt Nam"),
    ("Trung tá Đỗ Hải Đăng - chính trị viên đảo Trường Sa - cho biết.", "đảo Trường Sa"),
])
def test_a_unit_name_in_lowercase_words_may_end_with_a_place(sentence, organization):
    """The place or country a unit's lowercase name ends with is part of it when the phrase ends there."""
    (found,) = tag_officials(sentence)
    assert [p.organization for p in found.positions] == [organization]
    assert found.text.endswith(organization)


def test_a_fleet_is_a_unit_with_its_number():
    """"Hạm đội" names a fleet as "Sư đoàn" a division: its number or name follows, no person's name."""
    assert [(o.name, o.positions[0].organization) for o in tag_officials(
        "Phó đô đốc Phillip Sawyer, Tư lệnh Hạm đội 7, cho biết.")] == [("Phillip Sawyer", "Hạm đội 7")]
    assert [o.name for o in tag_officials("Tư lệnh Hạm đội Thái Bình Dương đã tới Đà Nẵng.")] == []


def test_a_unit_name_does_not_take_a_place_a_bracket_follows():
    """A bracket after the place opens an apposition the chain must read, so the name keeps its old end."""
    (found,) = tag_officials("Thiếu tướng Nguyễn Văn Đức, Cục trưởng Cục Tuyên huấn, Tổng cục Chính trị Quân đội nhân "
                             "dân Việt Nam (người phát ngôn của Bộ Quốc phòng) cũng nhấn mạnh.")
    assert found.positions[0].organization.startswith("Cục Tuyên huấn, Tổng cục Chính trị")


def test_a_lowercase_unit_name_stops_at_a_function_word():
    """"lại", "chưa" (function words) end "tổng cục Thuế": the sentence goes on."""
    (found,) = tag_officials("Ông Nguyễn Đại Trí, Phó Tổng cục trưởng tổng cục Thuế lại chưa đưa ra con số.")
    assert found.text == "Ông Nguyễn Đại Trí, Phó Tổng cục trưởng tổng cục Thuế"


@pytest.mark.parametrize("sentence, organization", [
    ("Ông La Văn Thịnh - Cục trưởng Cục Quản lý công sản cho biết.", "Cục Quản lý công sản"),
    ("Ông Nguyễn Thái Trung - Trưởng Phòng công tác sinh viên cho biết.", None),
    ("Ông La Văn Thịnh, Giám đốc Sở Xây dựng công bố quyết định.", "Sở Xây dựng"),
    ("Ông La Văn Thịnh, Giám đốc Sở Xây dựng công nhận kết quả.", "Sở Xây dựng"),
])
def test_cong_starts_a_unit_name_unless_a_verb(sentence, organization):
    """"công" opens nouns of unit names ("công sản", "công tác") and verbs after a name ("công bố")."""
    (found,) = tag_officials(sentence)
    assert found.positions[0].organization == organization
    assert found.text.endswith(organization or "Trưởng Phòng công tác sinh viên")


def test_a_function_word_of_two_syllables_is_no_unit_name():
    """"đồng thời" (at the same time) after a bare title starts the rest of the sentence."""
    (found,) = tag_officials("Còn ông Võ Thành Hạo, Bí thư đồng thời là Chủ tịch tỉnh hồ hởi.")
    assert (found.text, found.positions[0].organization) == ("ông Võ Thành Hạo, Bí thư", None)


def test_a_name_ending_in_a_place_is_whole():
    """Lowercase words after "Đại học Sư phạm Huế" are the sentence's, not the rest of the name."""
    (found,) = tag_officials("Ông Nguyễn Thành Nhân, Phó hiệu trưởng Đại học Sư phạm Huế thành thật chia sẻ.")
    assert found.text == "Ông Nguyễn Thành Nhân, Phó hiệu trưởng Đại học Sư phạm Huế"


def test_a_numbered_name_does_not_end_an_organisation():
    (tag,) = tag_officials("Ông Đinh Văn Tư - Trưởng Ban Chỉ đạo phòng chống dịch Covid-19 huyện Mê Linh phát biểu.")
    assert tag.text.endswith("Covid-19 huyện Mê Linh") and tag.name == "Đinh Văn Tư"


def test_a_list_of_foreign_leaders_gives_one_tag_each():
    text = "Dự họp có Tổng thống Pháp Emmanuel Macron, Thủ tướng Anh Boris Johnson và Tổng thống Mỹ Joe Biden."
    assert [(t.name, t.positions[0].organization) for t in tag_officials(text)] == [
        ("Emmanuel Macron", "Pháp"), ("Boris Johnson", "Anh"), ("Joe Biden", "Mỹ")]


@pytest.mark.parametrize("sentence", [
    "Hội nghị các Bộ trưởng Khoa học và Công nghệ khu vực diễn ra trực tuyến.",  # "Khoa học" is no name
    "Chủ tịch Công đoàn ngành giáo dục Hà Nội đến thăm trường.",  # a place ending a body is no name
    "Ứng viên Tổng thống Hàn Quốc tuyên bố tranh cử.",  # a country is no name, even of two syllables
    "Chủ tịch MB Securities Trần Văn Long nhận định.",  # a brand of two ASCII words: a company
    "Tổng thống Peru vừa tuyên bố tình trạng khẩn cấp.",  # a country (of every UN member) is no name
    "Thủ tướng Czech và Tổng thống Chile lên tiếng.",  # also by the name the press gives it
    "Theo The Guardian, đội trưởng Harry Kane sẽ ở lại.",  # "according to ...", not a name before a title
    "Các tỉnh thực hiện nghiêm công điện của Thủ tướng Chính ...",  # a lead cut off mid-word: no given name
])
def test_no_official_in_unannotated_real_text(sentence):
    assert _found(sentence) == []


@pytest.mark.parametrize("sentence, span, titles", [
    ("Ông Lê Văn Hòa, Phó Chủ tịch UBND tỉnh, Đại biểu Quốc hội khóa XV phát biểu.",
     "Ông Lê Văn Hòa, Phó Chủ tịch UBND tỉnh, Đại biểu Quốc hội khóa XV", ["Phó Chủ tịch", "Đại biểu Quốc hội"]),
    ("Ông Trần Văn Ba, Đại biểu Quốc hội khóa XV, Chủ tịch UBND tỉnh dự họp.",  # the next position is read on
     "Ông Trần Văn Ba, Đại biểu Quốc hội khóa XV, Chủ tịch UBND tỉnh", ["Đại biểu Quốc hội", "Chủ tịch"]),
    ("Đại biểu Quốc hội khóa 15 Nguyễn Thị Hà phát biểu.",  # title first: the name follows the term
     "Đại biểu Quốc hội khóa 15 Nguyễn Thị Hà", ["Đại biểu Quốc hội"]),
])
def test_the_term_of_a_body_the_title_names_is_in_the_span(sentence, span, titles):
    """"khóa XV" after "Đại biểu Quốc hội" is the post's term: in the span, and no organisation of its own."""
    (found,) = tag_officials(sentence)
    assert (found.text, [p.title for p in found.positions]) == (span, titles)
    assert next(p for p in found.positions if p.title == "Đại biểu Quốc hội").organization is None


def test_uy_spellings_match_alike_and_the_text_keeps_the_page_spelling():
    old = tag_officials("Đồng chí Hà Văn Sơn, Uỷ viên Ban Thường vụ Huyện uỷ, Chủ tịch HĐND huyện dự họp.")
    new = tag_officials("Đồng chí Hà Văn Sơn, Ủy viên Ban Thường vụ Huyện ủy, Chủ tịch HĐND huyện dự họp.")
    assert [t.positions for t in old] == [t.positions for t in new]
    assert old[0].positions[0].title == "Ủy viên Ban Thường vụ" and old[0].positions[0].organization == "Huyện ủy"
    assert "Uỷ viên" in old[0].text and "Ủy viên" in new[0].text


def test_nfd_input_gives_nfc_offsets_and_fields():
    nfc = "Đồng chí Phùng Thị Thanh Huyền, Phó Bí thư Thường trực Thành uỷ, Chủ tịch HĐND thành phố phát biểu."
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfd != nfc
    (tag,) = tag_officials(nfd)
    assert nfc[tag.start:tag.end] == tag.text
    assert tag.text == "Đồng chí Phùng Thị Thanh Huyền, Phó Bí thư Thường trực Thành uỷ, Chủ tịch HĐND thành phố"
    assert tag.name == "Phùng Thị Thanh Huyền" and unicodedata.is_normalized("NFC", tag.name)
    assert [(p.title, p.organization) for p in tag.positions] == [
        ("Phó Bí thư Thường trực", "Thành ủy"), ("Chủ tịch", "HĐND thành phố")]


def test_match_key_moves_tone_marks_without_changing_length():
    assert match_key("Uỷ") == match_key("ủy") == "ủy" and match_key("Hoà, khoẻ, quý") == "hòa, khỏe, quý"
    text = "Thành uỷ – UBND"
    assert match_key(text) == "thành ủy - ubnd" and len(match_key(text)) == len(text)


def test_gold_offsets_are_consistent():
    for passage in _gold():
        for tag in passage["officials"]:
            assert passage["text"][tag["start"]:tag["end"]] == tag["text"], (passage["id"], tag)
            assert tag["name"] in tag["text"] and tag["positions"]


def test_gold_passages_are_tagged_as_annotated():
    tp = n_pred = n_gold = 0
    for passage in _gold():
        text = unicodedata.normalize("NFD", passage["text"]) if passage.get("nfd") else passage["text"]
        predicted = [(t.start, t.end, t.name, t.honorific, [(p.title, p.organization) for p in t.positions])
                     for t in tag_officials(text)]
        gold = [(t["start"], t["end"], t["name"], t["honorific"],
                 [(p["title"], p["organization"]) for p in t["positions"]]) for t in passage["officials"]]
        tp += sum(1 for t in predicted if t in gold)
        n_pred, n_gold = n_pred + len(predicted), n_gold + len(gold)
    precision, recall = tp / n_pred, tp / n_gold
    assert 2 * precision * recall / (precision + recall) >= 0.95


_WORDS = ("Đồng chí đồng chí ông Bà Nguyễn Văn Thị Lê Hà Nội Phó Chủ tịch UBND tỉnh huyện xã Bí thư Tỉnh ủy uỷ Ủy viên "
          "Ban Thường vụ Trưởng Tuyên giáo Sở Y tế Giám đốc TT Chính trị UVBTVHU TUV Đ/c , ; - – ( ) . Trường THPT "
          "Lê Lợi Hải Phòng Đoàn ĐBQH kiêm \n").split(" ")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=30), st.booleans())
def test_any_text_gives_consistent_offsets(words, decompose):
    text = " ".join(words)
    nfc = unicodedata.normalize("NFC", text)
    for tag in tag_officials(unicodedata.normalize("NFD", text) if decompose else text):
        assert nfc[tag.start:tag.end] == tag.text and tag.name in tag.text and tag.positions


@pytest.mark.parametrize("sentence, written", [
    ("Đồng chí Giàng A Chu, Trưởng Ban Dân tộc tỉnh phát biểu.", "Trưởng Ban Dân tộc tỉnh"),
    ("Đồng chí Lê Văn Hòa, Phó Trưởng Ban Tuyên giáo Tỉnh ủy dự hội nghị.", "Phó Trưởng Ban Tuyên giáo Tỉnh ủy"),
    ("Đồng chí Trần Thị Mai, Trưởng Ban Dân vận Huyện ủy chủ trì.", "Trưởng Ban Dân vận Huyện ủy"),
    ("Đồng chí Nguyễn Văn Nam, Chủ tịch UBND tỉnh kết luận.", "Chủ tịch UBND tỉnh"),
    ("Ông Phạm Minh Tuấn, Trưởng phòng Văn hóa và Thông tin huyện cho biết.", "Trưởng phòng Văn hóa và Thông tin huyện"),
    ("Đồng chí Vũ Văn Bình, Trưởng Ban Quản lý Khu kinh tế tỉnh báo cáo.", "Trưởng Ban Quản lý Khu kinh tế tỉnh"),
])
def test_a_position_is_written_as_the_text_has_it(sentence, written):
    (found,) = tag_officials(sentence)
    assert sentence[found.start:found.end] == found.text and found.text.endswith(written)
    assert [position_text(p.title, p.organization) for p in found.positions] == [written]


def test_position_text_writes_a_shared_word_once():
    assert position_text("Trưởng Ban", "Ban Dân tộc tỉnh") == "Trưởng Ban Dân tộc tỉnh"
    assert position_text("Trưởng Đoàn", "đoàn ĐBQH tỉnh") == "Trưởng Đoàn ĐBQH tỉnh"  # case ignored
    assert position_text("Ủy viên Ban Thường vụ", "Thành ủy") == "Ủy viên Ban Thường vụ Thành ủy"
    assert position_text("Trưởng Ban", "Ban") == "Trưởng Ban"
    assert position_text("Bí thư", None) == "Bí thư"


@pytest.mark.parametrize("sentence, span, title", [
    ("Phó Trưởng ban Dân vận Huyện ủy Đỗ Văn Khang dự lễ ra quân.",
     "Phó Trưởng ban Dân vận Huyện ủy Đỗ Văn Khang", "Phó Trưởng Ban Dân vận"),
    ("Bà Lý Thị Hoa, Phó Ban Tuyên giáo Thành ủy, trao quà.", "Bà Lý Thị Hoa, Phó Ban Tuyên giáo Thành ủy",
     "Phó Ban Tuyên giáo"),
    ("Ông Vi Văn Sáng, Phó ban chỉ huy quân sự xã Tân Lập, kiểm tra.",
     "Ông Vi Văn Sáng, Phó ban chỉ huy quân sự xã Tân Lập", "Phó Ban"),  # the commune's military command
])
def test_deputy_head_of_a_party_board(sentence, span, title):
    (found,) = tag_officials(sentence)
    assert (found.text, [p.title for p in found.positions]) == (span, [title])


@pytest.mark.parametrize("sentence, span, positions", [
    # a ministry named by its field is part of the title; a national body with lowercase words in its name
    ("Thứ trưởng Tư pháp, Chủ tịch Ủy ban An toàn giao thông Quốc gia Mai Văn Bình dự hội nghị.",
     "Thứ trưởng Tư pháp, Chủ tịch Ủy ban An toàn giao thông Quốc gia Mai Văn Bình",
     [("Thứ trưởng Tư pháp", None), ("Chủ tịch", "Ủy ban An toàn giao thông Quốc gia")]),
    ("Ông Đào Ngọc Dung, Phó Chủ tịch Thường trực Uỷ ban quốc gia về trẻ em cho biết.",
     "Ông Đào Ngọc Dung, Phó Chủ tịch Thường trực Uỷ ban quốc gia về trẻ em",
     [("Phó Chủ tịch Thường trực", "Ủy ban Quốc gia về trẻ em")]),
    ("Phó Chủ tịch Ủy ban Nhà nước về người Việt Nam ở nước ngoài Đinh Văn Lực tiếp đoàn.",
     "Phó Chủ tịch Ủy ban Nhà nước về người Việt Nam ở nước ngoài Đinh Văn Lực",
     [("Phó Chủ tịch", "Ủy ban Nhà nước về người Việt Nam ở nước ngoài")]),
    # a ministry's acronyms joined by spaced dashes, and its name with a lowercase second field
    ("Thứ trưởng Bộ VH - TT & DL Trịnh Thị Thủy dự lễ.", "Thứ trưởng Bộ VH - TT & DL Trịnh Thị Thủy",
     [("Thứ trưởng", "Bộ VH - TT & DL")]),
    ("Bộ trưởng Bộ Kế hoạch - đầu tư Bùi Văn Lộc phát biểu.", "Bộ trưởng Bộ Kế hoạch - đầu tư Bùi Văn Lộc",
     [("Bộ trưởng", "Bộ Kế hoạch - Đầu tư")]),
    # a portfolio the gazetteer lacks, right before the name, is part of the title too; not a name or a clause
    ("Bộ trưởng Giao thông Nguyễn Văn Thể cho biết.", "Bộ trưởng Giao thông Nguyễn Văn Thể",
     [("Bộ trưởng Giao thông", None)]),
    ("Thứ trưởng Lao động Thương binh và Xã hội Phạm Minh Huân dự.",
     "Thứ trưởng Lao động Thương binh và Xã hội Phạm Minh Huân", [("Thứ trưởng Lao động Thương binh và Xã hội", None)]),
    ("Bộ trưởng Tô Lâm khẳng định trung tướng Lương Tam Quang đã.", "Bộ trưởng Tô Lâm", [("Bộ trưởng", None)]),
    # so is a department's field before the name; a department named with its word stays the organisation
    ("Cục trưởng Hàng không Lại Xuân Thanh cho biết.", "Cục trưởng Hàng không Lại Xuân Thanh",
     [("Cục trưởng Hàng không", None)]),
    ("Cục trưởng Cục Thú y Phạm Văn Đông cho biết.", "Cục trưởng Cục Thú y Phạm Văn Đông",
     [("Cục trưởng", "Cục Thú y")]),
    # the fields' acronyms joined by "và", perhaps after commas; not a second body, nor a degree before a name
    ("Giám đốc Sở GD và ĐT Nguyễn Văn An phát biểu.", "Giám đốc Sở GD và ĐT Nguyễn Văn An",
     [("Giám đốc", "Sở GD và ĐT")]),
    ("Ông Nguyễn Văn An, Giám đốc Sở VH, TT và DL tỉnh cho biết.", "Ông Nguyễn Văn An, Giám đốc Sở VH, TT và DL tỉnh",
     [("Giám đốc", "Sở VH, TT và DL tỉnh")]),
    ("Ông Nguyễn Văn An, Thứ trưởng Bộ GTVT và UBND tỉnh thống nhất.", "Ông Nguyễn Văn An, Thứ trưởng Bộ GTVT",
     [("Thứ trưởng", "Bộ GTVT")]),
    ("Ông Trần Hồng Quân, nguyên Bộ trưởng Bộ GD-ĐT và GS.TS Nguyễn Thành Xương dự.",
     "Ông Trần Hồng Quân, nguyên Bộ trưởng Bộ GD-ĐT", [("Bộ trưởng", "Bộ GD-ĐT")]),
])
def test_ministry_by_its_field_and_national_bodies(sentence, span, positions):
    assert _span_and_positions(sentence) == (span, positions)


def test_a_name_in_capitals_inside_mixed_case_text():
    text = "Phó Chủ tịch UBND huyện ĐẶNG VĂN TÙNG kiểm tra đê. CẢNH BÁO LŨ TRÊN SÔNG BA"
    (found,) = tag_officials(text)
    assert (found.text, found.name) == ("Phó Chủ tịch UBND huyện ĐẶNG VĂN TÙNG", "ĐẶNG VĂN TÙNG")
    assert text[found.start:found.end] == found.text
    assert tag_officials("PHÓ CHỦ TỊCH UBND HUYỆN ĐẶNG VĂN TÙNG KIỂM TRA ĐÊ") == []  # a line all in capitals


def test_a_headline_title_does_not_run_into_the_lead():
    # the headline ends with a post, the lead opens with the person appointed: no apposition across the line
    assert tag_officials("Điều động Phó Giám đốc Sở Nội vụ\nÔng Cao Minh Trí vừa nhận quyết định mới.") == []
    assert tag_officials("Bầu Phó Chủ tịch HĐND huyện\nBà Hà Thị Yến trúng cử với 28 phiếu.") == []
    (found,) = tag_officials("Phó Chủ tịch HĐND huyện\nHà Thị Yến dự họp.")  # a wrapped phrase stays one
    assert found.name == "Hà Thị Yến"


@pytest.mark.parametrize("sentence, span, positions", [
    ("Kết quả bầu cử: Chủ tịch UBND phường: Lương Văn Định; các Phó Chủ tịch sẽ bầu sau.",
     "Chủ tịch UBND phường: Lương Văn Định", [("Chủ tịch", "UBND phường")]),
    ("Ban Thường vụ khóa mới gồm Bí thư Đảng ủy xã: Tạ Thị Nga.", "Bí thư Đảng ủy xã: Tạ Thị Nga",
     [("Bí thư", "Đảng ủy xã")]),
])
def test_a_name_after_a_colon(sentence, span, positions):
    assert _span_and_positions(sentence) == (span, positions)
    assert tag_officials("Giám đốc Sở Y tế: Hà Nội sẽ mở thêm điểm tiêm.") == []  # a place, no name


@pytest.mark.parametrize("sentence, span, organization", [
    # after a name, a unit named in lowercase is read on to the level it serves
    ("Ông Mạc Văn Lộc, Chủ tịch Hội khuyến học xã, trao học bổng.", "Ông Mạc Văn Lộc, Chủ tịch Hội khuyến học xã",
     "Hội khuyến học xã"),
    ("Bà Khúc Thị Vân - Giám đốc Ban quản lý dự án đầu tư huyện Yên Thế cho biết.",
     "Bà Khúc Thị Vân - Giám đốc Ban quản lý dự án đầu tư huyện Yên Thế", "Ban quản lý dự án đầu tư huyện Yên Thế"),
    # a body named in full is not read on into the verb after it
    ("Ông Mạc Văn Lộc, Giám đốc Sở Tài chính mong muốn tỉnh sớm giải ngân.", "Ông Mạc Văn Lộc, Giám đốc Sở Tài chính",
     "Sở Tài chính"),
    # a place named with its level ends the name; words saying where it lies are not read on
    ("Ông Hiroshi Tanaka, 60 tuổi, thị trưởng thành phố Fuchu phía tây Tokyo cho biết.",
     "Ông Hiroshi Tanaka, 60 tuổi, thị trưởng thành phố Fuchu", "thành phố Fuchu"),
])
def test_a_lowercase_unit_name_runs_to_its_level(sentence, span, organization):
    (found,) = tag_officials(sentence)
    assert (found.text, [p.organization for p in found.positions]) == (span, [organization])


@pytest.mark.parametrize("sentence, span, organization", [
    # a police department named in lowercase after its field, then the body it belongs to
    ("Thượng tá Cù Văn Khang, Phó Trưởng phòng Cảnh sát kinh tế Công an tỉnh Hà Giang cho biết.",
     "Thượng tá Cù Văn Khang, Phó Trưởng phòng Cảnh sát kinh tế Công an tỉnh Hà Giang",
     "Công an tỉnh Hà Giang"),  # the unit's name is the title's: "Phó Trưởng phòng Cảnh sát kinh tế"
    ("Trưởng phòng Cảnh sát môi trường Công an tỉnh Phú Yên Đoàn Văn Quế kiểm tra.",
     "Trưởng phòng Cảnh sát môi trường Công an tỉnh Phú Yên Đoàn Văn Quế", "Công an tỉnh Phú Yên"),
    # numbered units, and the body a numbered unit belongs to after a comma
    ("Thiếu tá Kiều Văn Phúc, Đội trưởng đội 2, Phòng CSGT Công an Nam Định nhắc nhở tài xế.",
     "Thiếu tá Kiều Văn Phúc, Đội trưởng đội 2, Phòng CSGT Công an Nam Định", "đội 2, Phòng CSGT Công an Nam Định"),
    ("Tư lệnh Quân khu 5 Trung tướng Thái Văn Minh kiểm tra.", "Tư lệnh Quân khu 5 Trung tướng Thái Văn Minh",
     "Quân khu 5"),
    ("Đại tá Ninh Văn Quý, Sư đoàn trưởng Sư đoàn 308 báo cáo.", "Đại tá Ninh Văn Quý, Sư đoàn trưởng Sư đoàn 308",
     "Sư đoàn 308"),
    # an armed service and its branches' joint name
    ("Thiếu tướng Lê Văn Hùng, Phó Tư lệnh Quân chủng Phòng không - Không quân phát biểu.",
     "Thiếu tướng Lê Văn Hùng, Phó Tư lệnh Quân chủng Phòng không - Không quân",
     "Quân chủng Phòng không - Không quân"),
    # a level after the unit's number is the unit's
    ("Đồng chí Lê Văn Lương, Trưởng Ban Chỉ đạo 35 tỉnh chủ trì.",
     "Đồng chí Lê Văn Lương, Trưởng Ban Chỉ đạo 35 tỉnh", "Chỉ đạo 35 tỉnh"),
    # titles of border posts and ranger stations
    ("Thiếu tá Vàng A Chứ, Đồn trưởng Đồn Biên phòng Sì Lở Lầu cho biết.",
     "Thiếu tá Vàng A Chứ, Đồn trưởng Đồn Biên phòng Sì Lở Lầu", "Đồn Biên phòng Sì Lở Lầu"),
    ("Ông Lục Văn Thái, Hạt trưởng Hạt Kiểm lâm huyện Ba Bể cho biết.",
     "Ông Lục Văn Thái, Hạt trưởng Hạt Kiểm lâm huyện Ba Bể", "Hạt Kiểm lâm huyện Ba Bể"),
    # team leaders and their teams: a body's name in words ("Giao thông", no place), a number after "số", a
    # team named in lowercase to the end of the phrase or to its body, past the unit's code
    ("Ông Lê Quang Vinh, Đội trưởng Thanh tra Giao thông huyện Đông Anh cho biết.",
     "Ông Lê Quang Vinh, Đội trưởng Thanh tra Giao thông huyện Đông Anh", "Thanh tra Giao thông huyện Đông Anh"),
    ("Ông Phạm Đức Long - đội phó Đội QLTT số 5 tỉnh Thanh Hóa - kiểm tra.",
     "Ông Phạm Đức Long - đội phó Đội QLTT số 5 tỉnh Thanh Hóa", "Đội QLTT số 5 tỉnh Thanh Hóa"),
    ("Thiếu tá Đỗ Minh Tuấn, Tổ trưởng Tổ tuần tra cho biết.", "Thiếu tá Đỗ Minh Tuấn, Tổ trưởng Tổ tuần tra",
     "Tổ tuần tra"),
    ("Bà Trần Thị Hoa, Tổ phó Tổ dân vận thôn Đông cho biết.", "Bà Trần Thị Hoa, Tổ phó Tổ dân vận thôn Đông",
     "Tổ dân vận thôn Đông"),
    ("Đại úy Hoàng Văn Sơn - đội trưởng đội điều tra tổng hợp PC02 Công an tỉnh Nghệ An - cho biết.",
     "Đại úy Hoàng Văn Sơn - đội trưởng đội điều tra tổng hợp PC02 Công an tỉnh Nghệ An",
     "đội điều tra tổng hợp PC02 Công an tỉnh Nghệ An"),
    ("Thiếu tá Lê Văn Tám, Đội trưởng Đội Cảnh sát kinh tế tổng hợp PC03 Công an tỉnh Nghệ An cho biết.",
     "Thiếu tá Lê Văn Tám, Đội trưởng Đội Cảnh sát kinh tế tổng hợp PC03 Công an tỉnh Nghệ An",
     "Đội Cảnh sát kinh tế tổng hợp PC03 Công an tỉnh Nghệ An"),
    # a board named in lowercase, then its code
    ("Thượng tá Lò Văn Pọm - trưởng ban chuyên án 112B - cho biết.", "Thượng tá Lò Văn Pọm - trưởng ban chuyên án 112B",
     "chuyên án 112B"),
    # a team read on loosely, then its department's code in brackets and the body after it
    ("Thiếu tá Vũ Đình Khoa - đội trưởng đội trinh sát Phòng cảnh sát kinh tế (PC 03) Công an tỉnh Bắc Ninh, cho biết.",
     "Thiếu tá Vũ Đình Khoa - đội trưởng đội trinh sát Phòng cảnh sát kinh tế (PC 03) Công an tỉnh Bắc Ninh",
     "đội trinh sát Phòng cảnh sát kinh tế (PC 03) Công an tỉnh Bắc Ninh"),
])
def test_police_and_army_units(sentence, span, organization):
    (found,) = tag_officials(sentence)
    assert (found.text, [p.organization for p in found.positions]) == (span, [organization])


@pytest.mark.parametrize("sentence, span, name", [
    ("Chủ tịch UBND Quận 8 Lý Văn Thông kiểm tra chốt.", "Chủ tịch UBND Quận 8 Lý Văn Thông", "Lý Văn Thông"),
    ("Phó Chủ tịch UBND phường 12 Đàm Thị Nhung trao quà.", "Phó Chủ tịch UBND phường 12 Đàm Thị Nhung", "Đàm Thị Nhung"),
])
def test_a_name_after_a_numbered_district(sentence, span, name):
    (found,) = tag_officials(sentence)
    assert (found.text, found.name) == (span, name)


@pytest.mark.parametrize("sentence, span, organization", [
    ("Bà Lưu Thị Hằng, Phó Giám đốc phụ trách Sở Tư pháp trả lời cử tri.",
     "Bà Lưu Thị Hằng, Phó Giám đốc phụ trách Sở Tư pháp", "Sở Tư pháp"),  # in charge of a body
    ("Ông Tôn Thất Vinh, Trưởng phòng Tổ chức cán bộ Sở Giao thông vận tải cho biết.",  # a department, its body
     "Ông Tôn Thất Vinh, Trưởng phòng Tổ chức cán bộ Sở Giao thông vận tải",
     "Sở Giao thông vận tải"),
    ("Ông Phạm Văn Tài - Trưởng phòng Kế hoạch Trung tâm điều hành xe buýt Hà Nội cho biết.",  # "điều hành" names
     "Ông Phạm Văn Tài - Trưởng phòng Kế hoạch Trung tâm điều hành xe buýt Hà Nội",  # units as often as it is a verb
     "Trung tâm điều hành xe buýt Hà Nội"),
])
def test_the_body_a_post_is_in_charge_of_or_belongs_to(sentence, span, organization):
    (found,) = tag_officials(sentence)
    assert (found.text, [p.organization for p in found.positions]) == (span, [organization])


@pytest.mark.parametrize("sentence, span, title, organization", [
    # the body a unit belongs to, written after a comma, when the mention ends there
    ("Thượng tá Phan Văn Lực, Trưởng phòng Cảnh sát hình sự, Công an tỉnh Quảng Bình cho biết.",
     "Thượng tá Phan Văn Lực, Trưởng phòng Cảnh sát hình sự, Công an tỉnh Quảng Bình",
     "Trưởng phòng Cảnh sát hình sự", "Công an tỉnh Quảng Bình"),
    ("Sáng nay có ông Hồ Văn Tâm, Vụ trưởng Vụ Pháp chế, Ủy ban Dân tộc, Bộ Nội vụ.",
     "ông Hồ Văn Tâm, Vụ trưởng Vụ Pháp chế, Ủy ban Dân tộc, Bộ Nội vụ", "Vụ trưởng",
     "Vụ Pháp chế, Ủy ban Dân tộc, Bộ Nội vụ"),
    # a unit named in lowercase after its word, then its body
    ("Ông Đinh Văn Hòa, Chi cục trưởng Chi cục thủy lợi, Sở Nông nghiệp và PTNT Hà Tĩnh cho biết.",
     "Ông Đinh Văn Hòa, Chi cục trưởng Chi cục thủy lợi, Sở Nông nghiệp và PTNT Hà Tĩnh", "Chi cục trưởng",
     "Chi cục thủy lợi, Sở Nông nghiệp và PTNT Hà Tĩnh"),
    # the police departments' names, "về" and all
    ("Trung tá Lò Văn Sơn - Phó Trưởng phòng Cảnh sát điều tra tội phạm về ma túy, Công an tỉnh Sơn La nói.",
     "Trung tá Lò Văn Sơn - Phó Trưởng phòng Cảnh sát điều tra tội phạm về ma túy, Công an tỉnh Sơn La",
     "Phó Trưởng phòng Cảnh sát điều tra tội phạm về ma túy", "Công an tỉnh Sơn La"),
    # a unit's lowercase name in two parts joined by "và", then its body or the verb
    ("Ông Lê Văn Bình - Trưởng phòng Quản lý đất và tài nguyên nước, Sở Tài nguyên cho biết.",
     "Ông Lê Văn Bình - Trưởng phòng Quản lý đất và tài nguyên nước, Sở Tài nguyên",
     "Trưởng phòng Quản lý đất và tài nguyên nước", "Sở Tài nguyên"),
    ("Theo bà Đỗ Thị Lan, Giám đốc Trung tâm dịch vụ và quản lý nhà ở thành phố cho biết.",
     "bà Đỗ Thị Lan, Giám đốc Trung tâm dịch vụ và quản lý nhà ở thành phố", "Giám đốc",
     "Trung tâm dịch vụ và quản lý nhà ở thành phố"),
    # a unit's name read on in lowercase, then its body after a comma
    ("Thiếu tá Đặng Văn Hưng, Phó Đội trưởng Đội Cảnh sát điều tra tổng hợp, Công an huyện Hải Hậu cho biết.",
     "Thiếu tá Đặng Văn Hưng, Phó Đội trưởng Đội Cảnh sát điều tra tổng hợp, Công an huyện Hải Hậu",
     "Phó Đội trưởng", "Đội Cảnh sát điều tra tổng hợp, Công an huyện Hải Hậu"),
    # a unit named by its word, then its lowercase name up to the end of the phrase (a bracket, a comma)
    ("Theo ông Lý Văn Hòa, Giám đốc Trung tâm điều phối nguồn nước (Sở Xây dựng), hồ đã đầy.",
     "ông Lý Văn Hòa, Giám đốc Trung tâm điều phối nguồn nước", "Giám đốc", "Trung tâm điều phối nguồn nước"),
    ("Theo ông Lý Văn Hòa (Giám đốc Trung tâm quan trắc môi trường), hồ đã đầy.",
     "ông Lý Văn Hòa (Giám đốc Trung tâm quan trắc môi trường", "Giám đốc", "Trung tâm quan trắc môi trường"),
    # a bare title, then after a comma its body, named down to its level and place (a deputy commander)
    ("Nguyễn Văn Hòa (SN 1980), Chỉ huy phó, ban Chỉ huy quân sự xã Tân Lập bị bắt.",
     "Nguyễn Văn Hòa (SN 1980), Chỉ huy phó, ban Chỉ huy quân sự xã Tân Lập", "Chỉ huy phó",
     "ban Chỉ huy quân sự xã Tân Lập"),
    # a body named down to its level, set off by commas before the verb: the unit's parent
    ("Thượng tá Lê Minh Đức, Trưởng phòng Cảnh sát hình sự, Công an tỉnh Nam Định, cũng cho rằng vụ việc đã rõ.",
     "Thượng tá Lê Minh Đức, Trưởng phòng Cảnh sát hình sự, Công an tỉnh Nam Định", "Trưởng phòng Cảnh sát hình sự",
     "Công an tỉnh Nam Định"),
    # not a body joined to another subject, nor one set off by commas as a gloss
    ("Ông Vũ Văn Tín, Giám đốc Trung tâm Y tế, Sở Y tế và các xã đã họp.",
     "Ông Vũ Văn Tín, Giám đốc Trung tâm Y tế", "Giám đốc", "Trung tâm Y tế"),
    ("Bà Mai Thị Hoa, Giám đốc Trung tâm Y tế (TTYT), Sở Y tế, cho biết.",
     "Bà Mai Thị Hoa, Giám đốc Trung tâm Y tế (TTYT)", "Giám đốc", "Trung tâm Y tế"),
    # a body, then a comma and no body (a text cut after "TP."): the unit alone, and no error
    ("Ngày 21/8, ông Bùi Anh Duy, phó Đội trưởng đội Điều tra tổng hợp, Công an quận Tân Phú, TP.",
     "ông Bùi Anh Duy, phó Đội trưởng đội Điều tra tổng hợp", "Phó Đội trưởng", "đội Điều tra tổng hợp"),
])
def test_the_body_of_a_unit_after_a_comma(sentence, span, title, organization):
    (found,) = tag_officials(sentence)
    assert (found.text, [(p.title, p.organization) for p in found.positions]) == (span, [(title, organization)])


@pytest.mark.parametrize("sentence, span", [
    ("Bị can Lê Văn Bình (SN 1970), nguyên Giám đốc Sở Xây dựng bị khởi tố.",
     "Lê Văn Bình (SN 1970), nguyên Giám đốc Sở Xây dựng"),
    ("Ông Trịnh Văn Lâm, 56 tuổi, Phó Chủ tịch UBND huyện Yên Định cho biết.",
     "Ông Trịnh Văn Lâm, 56 tuổi, Phó Chủ tịch UBND huyện Yên Định"),
    # the age with the address in brackets; a lowercase title after the note
    ("Ông Lê Văn Quang (45 tuổi, trú tại thôn Bắc Sơn, xã Hải Ba) - chủ tịch Hội nông dân xã Hải Ba đã trình báo.",
     "Ông Lê Văn Quang (45 tuổi, trú tại thôn Bắc Sơn, xã Hải Ba) - chủ tịch Hội nông dân xã Hải Ba"),
    ("Ông Phạm Văn Sơn, 50 tuổi, phó chủ tịch UBND xã Tân Lập cho biết.",
     "Ông Phạm Văn Sơn, 50 tuổi, phó chủ tịch UBND xã Tân Lập"),
    # a province in brackets between a body and the name after it
    ("Tối 24/4, Phó chủ tịch UBND quận 1 (TP HCM) Đoàn Ngọc Hải cùng các ban ngành đối thoại",
     "Phó chủ tịch UBND quận 1 (TP HCM) Đoàn Ngọc Hải"),
    ("Phó chủ tịch UBND huyện Phú Quốc (Kiên Giang) Huỳnh Quang Hưng cho biết",
     "Phó chủ tịch UBND huyện Phú Quốc (Kiên Giang) Huỳnh Quang Hưng"),
    # or the body the unit belongs to
    ("Cục trưởng Cục Thú y (Bộ NN&PTNT) Phạm Văn Đông cho biết.", "Cục trưởng Cục Thú y (Bộ NN&PTNT) Phạm Văn Đông"),
])
def test_a_birth_year_age_or_province_between_name_and_title(sentence, span):
    (found,) = tag_officials(sentence)
    assert found.text == span


@pytest.mark.parametrize("sentence, title, organization", [
    ("Bà Lưu Thị Hằng, Phó Giám đốc phụ trách Sở Tư pháp trả lời cử tri.", "Phó Giám đốc phụ trách", "Sở Tư pháp"),
    # a full-time deputy, and a body written in lowercase
    ("Ông Khuất Việt Hùng - Phó Chủ tịch chuyên trách Ủy ban ATGT Quốc gia cho hay.",
     "Phó Chủ tịch chuyên trách", "Ủy ban ATGT Quốc gia"),
    ("Ông Bùi Văn Linh, Phó Vụ trưởng phụ trách vụ Giáo dục đánh giá.", "Phó Vụ trưởng phụ trách", "vụ Giáo dục"),
])
def test_a_deputy_in_charge_holds_a_title_of_its_own(sentence, title, organization):
    """"Phó Giám đốc phụ trách" (the deputy who heads a body without a director) and "Phó Chủ tịch
    chuyên trách" (full-time) are titles."""
    (found,) = tag_officials(sentence)
    assert [(p.title, p.organization) for p in found.positions] == [(title, organization)]


@pytest.mark.parametrize("sentence, span, name", [
    # names of the Central Highlands written with an apostrophe
    ("Bà Rơ Châm H'Luin, Phó Chủ tịch HĐND xã Ia Broăi, phát biểu.", "Bà Rơ Châm H'Luin, Phó Chủ tịch HĐND xã Ia Broăi",
     "Rơ Châm H'Luin"),
    ("Ông Điểu Y’Bleh, Bí thư Đảng ủy xã Bù Gia Mập, trao quà.", "Ông Điểu Y’Bleh, Bí thư Đảng ủy xã Bù Gia Mập",
     "Điểu Y’Bleh"),
    # a name ending in an initial, as the press names people in court and accident reports
    ("Danh sách gồm Trần Văn H. - Phó Chủ tịch UBND xã và nhiều người khác.", "Trần Văn H. - Phó Chủ tịch UBND xã",
     "Trần Văn H."),
    ("Bà Đỗ Thị K., hiệu trưởng Trường Tiểu học Kim Liên cho biết.",
     "Bà Đỗ Thị K., hiệu trưởng Trường Tiểu học Kim Liên", "Đỗ Thị K."),
])
def test_a_name_with_an_apostrophe_or_an_initial(sentence, span, name):
    (found,) = tag_officials(sentence)
    assert (found.text, found.name) == (span, name)


@pytest.mark.parametrize("sentence", [
    "Bà Lạc Thị Mơ, Ủy viên dự khuyết Ban Chấp hành Trung ương Đảng, Bí thư Tỉnh ủy, thăm trường.",
    "Bà Lạc Thị Mơ, Ủy viên dự khuyết Trung ương Đảng, Bí thư Tỉnh ủy, thăm trường.",
])
def test_an_alternate_member_of_the_central_committee(sentence):
    (found,) = tag_officials(sentence)
    assert found.text == sentence.split(", thăm")[0]
    assert [(p.title, p.organization) for p in found.positions] == [
        ("Ủy viên dự khuyết Ban Chấp hành", "Trung ương Đảng"), ("Bí thư", "Tỉnh ủy")]


@pytest.mark.parametrize("sentence, span, titles", [
    # a unit named in lowercase to the end of the phrase; national titles of audit and inspection
    ("Thiếu tướng Đậu Văn Sâm, Cục trưởng Cục Cảnh sát phòng cháy chữa cháy cho biết.",
     "Thiếu tướng Đậu Văn Sâm, Cục trưởng Cục Cảnh sát phòng cháy chữa cháy", ["Cục trưởng"]),
    ("Ông Mai Thế Lâm, Phó Tổng Kiểm toán Nhà nước, dự họp.", "Ông Mai Thế Lâm, Phó Tổng Kiểm toán Nhà nước",
     ["Phó Tổng Kiểm toán Nhà nước"]),
    # the ranks of investigators, prosecutors, enforcement officers and inspectors are posts
    ("Kiểm sát viên Trần Thị Mai thực hành quyền công tố.", "Kiểm sát viên Trần Thị Mai", ["Kiểm sát viên"]),
    ("Thiếu tá Hà Văn Hải, Điều tra viên Công an huyện Kỳ Sơn cho biết.",
     "Thiếu tá Hà Văn Hải, Điều tra viên Công an huyện Kỳ Sơn", ["Điều tra viên"]),
    ("Tổng Thanh tra Chính phủ Kha Văn Lộc làm việc.", "Tổng Thanh tra Chính phủ Kha Văn Lộc",
     ["Tổng Thanh tra"]),  # of the Government, as "Phó Thủ tướng Chính phủ": the annotators' reading
])
def test_national_departments_and_titles(sentence, span, titles):
    (found,) = tag_officials(sentence)
    assert (found.text, [p.title for p in found.positions]) == (span, titles)
    assert tag_officials("Ông Mai Thế Lâm, Trưởng phòng Cảnh sát truy bắt được kẻ gian.")[0].text \
        == "Ông Mai Thế Lâm, Trưởng phòng Cảnh sát"  # a verb and "được" end the unit's name


def test_a_lowercase_title_before_a_name():
    (found,) = tag_officials("Đoàn kiểm tra do phó chủ tịch UBND huyện Vi Văn Hạnh dẫn đầu.")
    assert (found.text, found.name) == ("phó chủ tịch UBND huyện Vi Văn Hạnh", "Vi Văn Hạnh")
    assert tag_officials("Các phó chủ tịch UBND huyện được phân công.") == []  # no name
    assert tag_officials("Ý kiến của các phó chủ tịch UBND huyện Vi Văn Hạnh, Lò Thị Mai.") == []  # one title, a list


@pytest.mark.parametrize("sentence, span", [
    # the COVID-19 steering committees, whose names hold a comma
    ("Bà Nông Thị Hà, Phó Chủ tịch UBND huyện, Trưởng Ban Chỉ đạo phòng, chống dịch COVID-19 huyện kiểm tra chốt.",
     "Bà Nông Thị Hà, Phó Chủ tịch UBND huyện, Trưởng Ban Chỉ đạo phòng, chống dịch COVID-19 huyện"),
    ("Phó Trưởng Ban Chỉ đạo phòng chống dịch Covid-19 tỉnh Hầu Văn Chính ký công văn.",
     "Phó Trưởng Ban Chỉ đạo phòng chống dịch Covid-19 tỉnh Hầu Văn Chính"),
])
def test_covid_steering_committees(sentence, span):
    (found,) = tag_officials(sentence)
    assert found.text == span


def test_a_position_after_a_name_that_follows_its_place():
    # the dash after "... tỉnh Điện Biên Lò Văn Tiến" is no joiner of the place: a further position follows
    (found,) = tag_officials("Phó Chủ tịch UBND tỉnh Điện Biên Lò Văn Tiến – Trưởng Ban Chỉ đạo phòng, chống dịch "
                             "COVID-19 tỉnh kiểm tra chốt.")
    assert found.text == ("Phó Chủ tịch UBND tỉnh Điện Biên Lò Văn Tiến – Trưởng Ban Chỉ đạo phòng, chống dịch "
                          "COVID-19 tỉnh")
    assert [p.title for p in found.positions] == ["Phó Chủ tịch", "Trưởng Ban"]


def test_a_text_that_ends_at_a_title():
    assert tag_officials("Nước láng giềng vừa có tân Thủ tướng") == []  # no name follows; no IndexError


@pytest.mark.parametrize("sentence, span", [
    # a unit's usual name with an abbreviation or a dash after "và"
    ("Ông Lù Văn Sáng - Trưởng phòng Nông nghiệp và PTNT huyện Phong Thổ kiểm tra vụ mùa.",
     "Ông Lù Văn Sáng - Trưởng phòng Nông nghiệp và PTNT huyện Phong Thổ"),
    ("Bà Giàng Thị Dợ, Phó Trưởng phòng Kinh tế và Hạ tầng huyện nói.",
     "Bà Giàng Thị Dợ, Phó Trưởng phòng Kinh tế và Hạ tầng huyện"),
    ("Ông Thào A Páo, Trưởng phòng Tài nguyên - Môi trường huyện Mèo Vạc nói.",
     "Ông Thào A Páo, Trưởng phòng Tài nguyên - Môi trường huyện Mèo Vạc"),
])
def test_unit_names_written_with_an_abbreviation_or_a_dash(sentence, span):
    (found,) = tag_officials(sentence)
    assert found.text == span


def test_a_lowercase_unit_after_truong_keeps_its_level():
    (found,) = tag_officials("Bà Sùng Thị Mai, Trưởng trạm Y tế xã cho biết đã tiêm xong.")
    assert found.text == "Bà Sùng Thị Mai, Trưởng trạm Y tế xã"
    assert [(p.title, p.organization) for p in found.positions] == [("Trưởng trạm", "Trạm Y tế xã")]


def test_the_project_board_of_a_district_keeps_its_level():
    (found,) = tag_officials("Ông Vàng A Sử, Trưởng Ban Quản lý dự án đầu tư xây dựng huyện kiểm tra công trình.")
    assert found.text == "Ông Vàng A Sử, Trưởng Ban Quản lý dự án đầu tư xây dựng huyện"


@pytest.mark.parametrize("sentence, span", [
    # diplomats below the ambassador; "Đại sứ quán" is a body, no "Đại sứ" title
    ("Ông Phạm Hữu Lộc, Tham tán Đại sứ quán Việt Nam cho hay.", "Ông Phạm Hữu Lộc, Tham tán Đại sứ quán Việt Nam"),
    ("Tham tán Công sứ Phạm Hữu Lộc dự buổi gặp.", "Tham tán Công sứ Phạm Hữu Lộc"),
    # the mission's host country after "tại" belongs to the body
    ("Bà Trịnh Thu Hà, Lãnh sự Tổng Lãnh sự quán Việt Nam tại Trung Quốc thăm hỏi.",
     "Bà Trịnh Thu Hà, Lãnh sự Tổng Lãnh sự quán Việt Nam tại Trung Quốc"),
])
def test_counsellors_and_embassies(sentence, span):
    (found,) = tag_officials(sentence)
    assert found.text == span


@pytest.mark.parametrize("sentence, span", [
    # bodies known by their acronym keep the level after it
    ("Ông Cà Văn Phúc, Giám đốc BHXH tỉnh thông tin.", "Ông Cà Văn Phúc, Giám đốc BHXH tỉnh"),
    ("Bà Lường Thị Ánh, Phó Chủ tịch LĐLĐ huyện trao quà.", "Bà Lường Thị Ánh, Phó Chủ tịch LĐLĐ huyện"),
    ("Ông Cà Văn Phúc, Phó Giám đốc CDC tỉnh khuyến cáo.", "Ông Cà Văn Phúc, Phó Giám đốc CDC tỉnh"),
])
def test_acronym_bodies_keep_their_level(sentence, span):
    (found,) = tag_officials(sentence)
    assert found.text == span


def test_a_place_written_as_an_acronym():
    (found,) = tag_officials("Tại buổi tiếp dân, phó chủ tịch UBND TP HCM Võ Văn Hoan nghe ý kiến.")
    assert (found.text, found.name) == ("phó chủ tịch UBND TP HCM Võ Văn Hoan", "Võ Văn Hoan")


@pytest.mark.parametrize("sentence, expected", [
    # a given name alone after a title of state, as news names an official it named in full before
    ("Sau đó, Thứ trưởng Thuấn đã kiểm tra công tác tiêm chủng.", ("Thứ trưởng Thuấn", "Thuấn", ["Thứ trưởng"])),
    ("Tại buổi làm việc, Bí thư Thăng nói: “Phải phạt các anh.”", ("Bí thư Thăng", "Thăng", ["Bí thư"])),
    # legislators and monarchs abroad; a foreign name with a capital inside a word
    ("Nghị sĩ Michael McCaul cho biết.", ("Nghị sĩ Michael McCaul", "Michael McCaul", ["Nghị sĩ"])),
    ("Theo nghị sĩ Michael McCaul, Mỹ sẽ rút quân.", ("nghị sĩ Michael McCaul", "Michael McCaul", ["Nghị sĩ"])),
    # a judge abroad, named by the name alone
    ("Thẩm phán Yvonne Gonzalez Rogers đã ra phán quyết.",
     ("Thẩm phán Yvonne Gonzalez Rogers", "Yvonne Gonzalez Rogers", ["Thẩm phán"])),
    ("Quốc vương Malaysia Al-Sultan Abdullah đã bổ nhiệm ông.",
     ("Quốc vương Malaysia Al-Sultan Abdullah", "Al-Sultan Abdullah", ["Quốc vương"])),
    # a queen, and a monarch's numeral in the name
    ("Nữ hoàng Elizabeth II đã hủy chuyến thăm.", ("Nữ hoàng Elizabeth II", "Elizabeth II", ["Nữ hoàng"])),
    ("Quốc vương Jordan Abdullah II tiếp đoàn.", ("Quốc vương Jordan Abdullah II", "Abdullah II", ["Quốc vương"])),
    # the Buddhist Sangha's head: clergy ranks open the mention, "Thích" opens the dharma name, the reverential
    # "Đức" before the title stays inside a name-first mention
    ("Pháp chủ GHPGVN - Đại lão Hòa thượng Thích Phổ Tuệ viên tịch.",
     ("Pháp chủ GHPGVN - Đại lão Hòa thượng Thích Phổ Tuệ", "Thích Phổ Tuệ", ["Pháp chủ"])),
    ("Đại lão Hòa thượng Thích Phổ Tuệ, Đức Pháp chủ GHPGVN viên tịch.",
     ("Đại lão Hòa thượng Thích Phổ Tuệ, Đức Pháp chủ GHPGVN", "Thích Phổ Tuệ", ["Pháp chủ"])),
    # a US party between a legislator's title and name is the post's organisation
    ("Thượng nghị sĩ đảng Cộng hòa Ted Cruz chỉ trích.",
     ("Thượng nghị sĩ đảng Cộng hòa Ted Cruz", "Ted Cruz", ["Thượng nghị sĩ"])),
])
def test_a_given_name_alone_and_officials_abroad(sentence, expected):
    assert [(t.text, t.name, [p.title for p in t.positions]) for t in tag_officials(sentence)] == [expected]


def test_a_body_named_by_one_word_is_no_given_name():
    assert tag_officials("Bí thư Đoàn phát biểu tại hội nghị.") == []  # the Youth Union's secretary
    assert tag_officials("Tỉnh gửi văn bản tới Bộ trưởng Bộ kế hoạch đầu tư.") == []  # a ministry in lowercase


def test_the_first_syllable_of_a_listed_word_is_no_given_name():
    """"thương hiệu" (a brand) is a word of nouns.txt that the dictionary lacks: "Thương" is no given name."""
    assert tag_officials("Cuộc thi Nữ hoàng Thương hiệu Việt Nam 2019 đã vướng nhiều ồn ào.") == []


@pytest.mark.parametrize("sentence, title, organization", [
    ("Bộ trưởng Nông nghiệp Pháp Didier Guillaume cho biết.", "Bộ trưởng Nông nghiệp", "Pháp"),
    ("Bộ trưởng Truyền thông Venezuela Jorge Rodriguez nói.", "Bộ trưởng Truyền thông", "Venezuela"),
    ("Ông Nguyễn Thế Tự - Trưởng phòng Nông nghiệp huyện Phụng Hiệp cho biết.", "Trưởng phòng",
     "Phòng Nông nghiệp huyện Phụng Hiệp"),
])
def test_a_ministry_or_office_named_by_a_one_word_field(sentence, title, organization):
    (found,) = tag_officials(sentence)
    assert [(p.title, p.organization) for p in found.positions] == [(title, organization)]


@pytest.mark.parametrize("sentence, name, country", [
    ("Thủ tướng Malaysia Datuk Seri Ismail Sabri Yaakob nhấn mạnh.", "Ismail Sabri Yaakob", "Malaysia"),
    ("Thủ tướng Campuchia Samdech Techo Hun Sen tiếp đoàn.", "Hun Sen", "Campuchia"),
    ("Thủ tướng Malaysia Tan Sri Muhyiddin Yassin nói.", "Muhyiddin Yassin", "Malaysia"),
])
def test_a_foreign_honorific_between_the_country_and_the_name(sentence, name, country):
    (found,) = tag_officials(sentence)
    assert (found.name, found.positions[0].organization) == (name, country)


@pytest.mark.parametrize("text", [
    "Bộ trưởng Giáo dục cho biết kế hoạch.",  # a word, not a given name
    "Ý kiến của Thủ tướng\n\nĐầu năm nay, tỉnh triển khai.",  # a blank line between title and word
])
def test_no_given_name_where_a_word_or_a_paragraph_follows_the_title(text):
    assert tag_officials(text) == []


@pytest.mark.parametrize("sentence, positions", [
    # a unit named in lowercase between a title that names a unit and the body the unit belongs to
    ("Trung tá Lê Văn Hòa - Trưởng phòng hậu cần Công an tỉnh Kon Tum cho biết.",
     [("Trưởng phòng hậu cần", "Công an tỉnh Kon Tum")]),
    ("Bác sĩ Phan Thị Mai, Trưởng khoa nhi Bệnh viện Đa khoa tỉnh, cho biết.", [("Trưởng khoa nhi", "Bệnh viện Đa khoa tỉnh")]),
    # and after a name, a unit named in lowercase up to the end of the phrase
    ("Bị can Lý Văn Tám, nguyên phó trưởng phòng kế toán tài vụ.", [("Phó Trưởng phòng kế toán tài vụ", None)]),
    # before a level the lowercase words name the office itself
    ("Ông Lò Văn Sáng, Trưởng phòng tư pháp huyện Mường La cho biết.", [("Trưởng phòng", "Phòng Tư pháp huyện Mường La")]),
    # with no body after it, a unit the title names is named in the title, before a level too
    ("Ông Hà Văn Khánh, Trưởng ban Bảo vệ nguồn lợi thủy sản cho biết.",
     [("Trưởng Ban Bảo vệ nguồn lợi thủy sản", None)]),
    ("Trưởng Ban Công tác học sinh Lê Thị Hoa phát biểu.", [("Trưởng Ban Công tác học sinh", None)]),
    ("Thiếu tá Đào Văn Nam - Phó trưởng phòng Cảnh sát PCCC huyện Kỳ Sơn cho biết.",
     [("Phó Trưởng phòng Cảnh sát PCCC", "huyện Kỳ Sơn")]),
    # its lowercase rest runs to a body written as an acronym, or named in lowercase up to its level
    ("Ông Vi Văn Tùng, Trưởng phòng Hành chính quản trị BVĐK tỉnh Lạng Sơn cho biết.",
     [("Trưởng phòng Hành chính quản trị", "Bệnh viện đa khoa tỉnh Lạng Sơn")]),
    ("Bà Lê Thị Thu, Trưởng phòng Điều dưỡng Bệnh viện đa khoa huyện Quỳnh Lưu cho biết.",
     [("Trưởng phòng Điều dưỡng", "Bệnh viện đa khoa huyện Quỳnh Lưu")]),
])
def test_a_unit_named_in_lowercase_after_a_title_that_names_a_unit(sentence, positions):
    """"Trưởng phòng" + "hậu cần" + "Công an tỉnh": the unit's name is part of the title, as a capitalised one is."""
    (found,) = tag_officials(sentence)
    assert [(p.title, p.organization) for p in found.positions] == positions


def test_a_name_after_va_starts_another_official():
    """"và" between capitalised words may join the words of a name the gazetteer lacks, not a person's name to it."""
    found = tag_officials("Hai bị can là Hồ Văn Lực, nguyên giám đốc Sở Tài nguyên môi trường TP.HCM và Mai Thanh Tùng, "
                          "nguyên phó giám đốc sở này.")
    assert [(f.name, f.text.split(", ")[-1]) for f in found] == [
        ("Hồ Văn Lực", "nguyên giám đốc Sở Tài nguyên môi trường TP.HCM"), ("Mai Thanh Tùng", "nguyên phó giám đốc sở")]
    (one,) = tag_officials("Ông Vũ Văn Nam, Giám đốc Sở Khoa học và Công Nghệ tỉnh, phát biểu.")
    assert one.positions[0].organization == "Sở Khoa học và Công nghệ tỉnh"


@pytest.mark.parametrize("sentence, span, positions", [
    # a capitalised unit's name after "Trưởng khoa" is part of the title, up to its body, also after a comma
    ("Ông Lê Văn An, Trưởng khoa Ngữ văn Trường Đại học Vinh cho biết.",
     "Ông Lê Văn An, Trưởng khoa Ngữ văn Trường Đại học Vinh", [("Trưởng khoa Ngữ văn", "Trường Đại học Vinh")]),
    ("TS Trần Thị Bình, Trưởng khoa Hóa học, Đại học Khoa học Huế, nhận xét.",
     "Trần Thị Bình, Trưởng khoa Hóa học, Đại học Khoa học Huế", [("Trưởng khoa Hóa học", "Đại học Khoa học Huế")]),
    # "Đại học" heads a body; a lowercase word after a name is its second syllable only if they make a word
    ("GS Phạm Văn Cường, Hiệu trưởng Đại học Luật Hà Nội thẳng thắn nhận xét.",
     "Phạm Văn Cường, Hiệu trưởng Đại học Luật Hà Nội", [("Hiệu trưởng", "Đại học Luật Hà Nội")]),
    ("Ông Đỗ Văn Dũng, Giám đốc Sở Công Thương thành phố, cho biết.",
     "Ông Đỗ Văn Dũng, Giám đốc Sở Công Thương thành phố", [("Giám đốc", "Sở Công Thương thành phố")]),
])
def test_a_faculty_and_its_university(sentence, span, positions):
    assert _span_and_positions(sentence) == (span, positions)


def test_a_monarch_named_alone():
    """A monarch is an official; like a head of government abroad he may be named without his country."""
    (found,) = tag_officials("Quốc vương Fahd bin Abdulaziz Al-Saud đã tiếp đoàn.")
    assert (found.text, found.name, found.positions[0].title) == (
        "Quốc vương Fahd bin Abdulaziz Al-Saud", "Fahd bin Abdulaziz Al-Saud", "Quốc vương")


@pytest.mark.parametrize("sentence", [
    "Ông Hồ Văn Phúc - Giám đốc một công ty du lịch ở Đà Nẵng cho biết.",
    "Bà Lâm Thị Yến, giám đốc công ty may xuất khẩu, chia sẻ.",
])
def test_an_executive_of_a_company_named_in_lowercase_is_no_official(sentence):
    assert tag_officials(sentence) == []


@pytest.mark.parametrize("sentence, span, title", [
    ("Phó ban Lò Văn Hải (35 tuổi) có mặt tại hiện trường.", "Phó ban Lò Văn Hải", "Phó Ban"),
    ("Trưởng phòng Đinh Thị Lan cho biết đơn vị đã báo cáo.", "Trưởng phòng Đinh Thị Lan", "Trưởng phòng"),
])
def test_a_title_naming_a_unit_right_before_a_name(sentence, span, title):
    """A person's full name after "Phó ban", "Trưởng phòng" is theirs, not the unit's name."""
    (found,) = tag_officials(sentence)
    assert (found.text, [p.title for p in found.positions]) == (span, [title])


def test_a_list_intro_without_a_colon_is_no_honorific():
    """"có các đồng chí A, ...; B, ..." introduces a list: each span starts at the name, honorific none."""
    found = tag_officials("Dự hội nghị có các đồng chí Lò Văn Tâm, Bí thư Tỉnh ủy; Vũ Thị Hòa, Phó Chủ tịch UBND tỉnh.")
    assert [(f.text, f.honorific) for f in found] == [("Lò Văn Tâm, Bí thư Tỉnh ủy", None),
                                                      ("Vũ Thị Hòa, Phó Chủ tịch UBND tỉnh", None)]


@pytest.mark.parametrize("sentence, span, organization", [
    ("Tổng thống Uhuru Kenyatta của Kenya đã tới thăm.", "Tổng thống Uhuru Kenyatta của Kenya", "Kenya"),
    ("Hôm qua, Bộ trưởng Lavrov của Nga cho biết.", "Bộ trưởng Lavrov của Nga", "Nga"),
    ("Chủ tịch Nguyễn Văn An của tỉnh đã phát biểu.", "Chủ tịch Nguyễn Văn An", None),  # no country or body
])
def test_the_country_a_title_is_held_in_written_after_the_name(sentence, span, organization):
    """"của" + a country or body after a title-first mention is where its post is held, and in its span."""
    (found,) = tag_officials(sentence)
    assert (found.text, found.positions[0].organization) == (span, organization)


def test_a_company_written_after_the_name_makes_a_business_post():
    assert tag_officials("Giám đốc Nguyễn Văn An của Công ty Hòa Phát nói.") == []


@pytest.mark.parametrize("sentence, span, name, organization", [
    ("Bí thư Hà Giang Triệu Tài Vinh phát biểu.", "Bí thư Hà Giang Triệu Tài Vinh", "Triệu Tài Vinh", "Hà Giang"),
    ("Bí thư Quảng Ninh Nguyễn Văn Đọc dự.", "Bí thư Quảng Ninh Nguyễn Văn Đọc", "Nguyễn Văn Đọc", "Quảng Ninh"),
    ("Phó Chủ tịch Hoàng Mai Nam dự.", "Phó Chủ tịch Hoàng Mai Nam", "Hoàng Mai Nam", None),  # one syllable: no name
])
def test_a_province_named_after_a_title_then_a_full_name(sentence, span, name, organization):
    """The press names a province's leaders "Bí thư Hà Giang" + name: the place whose name opens with a
    surname is the organisation, not the person's first syllables."""
    (found,) = tag_officials(sentence)
    assert (found.text, found.name, found.positions[0].organization) == (span, name, organization)


@pytest.mark.parametrize("sentence, span, honorific", [
    ("Hiệu trưởng Trường THCS Lê Lợi, thầy Nguyễn Văn Thành cho biết.",
     "Hiệu trưởng Trường THCS Lê Lợi, thầy Nguyễn Văn Thành", "thầy"),
    ("Theo cô Nguyễn Thị Hoa, Hiệu trưởng Trường Mầm non Hoa Sen, trường đã sẵn sàng.",
     "cô Nguyễn Thị Hoa, Hiệu trưởng Trường Mầm non Hoa Sen", "cô"),
    ("Chủ tịch UBND huyện Cô Tô Lê Hùng Sơn cho biết.", "Chủ tịch UBND huyện Cô Tô Lê Hùng Sơn", None),  # an island
])
def test_a_teacher_is_named_with_thay_or_co(sentence, span, honorific):
    (found,) = tag_officials(sentence)
    assert (found.text, found.honorific) == (span, honorific)


@pytest.mark.parametrize("sentence, organization", [
    ("Chị Hà Thị Lan, Bí thư Chi đoàn thôn 3 chia sẻ.", "Chi đoàn thôn 3"),
    ("Ông Lê Văn Ba, Bí thư Chi bộ khu phố 2 cho biết.", "Chi bộ khu phố 2"),
])
def test_a_branch_of_a_village_keeps_its_village(sentence, organization):
    """A Youth Union or Party branch ("Chi đoàn", "Chi bộ") is a body: the village after it is its level."""
    (found,) = tag_officials(sentence)
    assert found.positions[0].organization == organization and found.text.endswith(organization)


@pytest.mark.parametrize("sentence, positions", [
    ("Đồng chí Hoàng Văn Lâm - Phó Bí thư TT Huyện ủy phát biểu.", [("Phó Bí thư Thường trực", "Huyện ủy")]),
    ("Ông Lê Văn An, Phó Giám đốc TT Y tế huyện cho biết.", [("Phó Giám đốc", "Trung tâm Y tế huyện")]),  # a centre
])
def test_tt_after_a_written_title_is_thuong_truc_unless_a_centre_is_named(sentence, positions):
    (found,) = tag_officials(sentence)
    assert [(p.title, p.organization) for p in found.positions] == positions


def test_a_member_of_a_party_commission_is_a_title_of_its_own():
    """"Ủy viên Ban cán sự (đảng)" is a Party title, as "Ủy viên Ban Thường vụ" is, not "Ủy viên" of a body."""
    (found,) = tag_officials("Bà Trịnh Thị Thủy, Ủy viên Ban cán sự đảng, Thứ trưởng Bộ Nội vụ dự.")
    assert [(p.title, p.organization) for p in found.positions] == [
        ("Ủy viên Ban cán sự đảng", None), ("Thứ trưởng", "Bộ Nội vụ")]


def test_ptt_is_the_deputy_prime_minister():
    (found,) = tag_officials("PTT Vũ Đức Đam - “Hà Nội phải chuẩn bị sẵn sàng”")
    assert (found.text, found.positions[0].title) == ("PTT Vũ Đức Đam", "Phó Thủ tướng")


@pytest.mark.parametrize("sentence, organization", [
    ("Đồng chí Nguyễn Khắc Thận, Chủ tịch UBND tỉnh, Trưởng ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn "
     "tỉnh chủ trì.", "ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn tỉnh"),
    ("Ông Lê Văn An, Phó Trưởng ban Thường trực Ban Chỉ huy PCTT&TKCN huyện cho biết.", "Ban Chỉ huy PCTT&TKCN huyện"),
])
def test_the_disaster_command_board_is_one_body(sentence, organization):
    """A province's or district's command board for disasters is a body whose name holds a comma."""
    (found,) = tag_officials(sentence)
    assert found.positions[-1].organization == organization and found.text.endswith(organization.split()[-1])


@pytest.mark.parametrize("sentence, positions", [
    ("Thượng tá Lê Văn Hải, Trưởng phòng PC03 Công an tỉnh cho biết.", [("Trưởng phòng PC03", "Công an tỉnh")]),
    ("Đại tá Phùng Anh Lê nguyên Trưởng phòng PC03 bị khởi tố.", [("Trưởng phòng PC03", None)]),
    ("Trước đó, nguyên Cục trưởng C50 Nguyễn Thanh Hoá từng phá án.", [("Cục trưởng C50", None)]),  # a department
])
def test_a_police_units_code_after_its_heads_title_names_the_unit(sentence, positions):
    (found,) = tag_officials(sentence)
    assert [(p.title, p.organization) for p in found.positions] == positions


@pytest.mark.parametrize("sentence, name", [
    ("Tổng thống Syria Bashar al-Assad tuyên bố.", "Bashar al-Assad"),
    ("Tổng thống Ai Cập Abdel Fattah el-Sisi tiếp đoàn.", "Abdel Fattah el-Sisi"),
    # a word with a letter Vietnamese does not write is foreign though not ASCII ("Díaz")
    ("Chủ tịch Cuba Miguel Díaz-Canel thăm Việt Nam.", "Miguel Díaz-Canel"),
    ("Ngoại trưởng Nga gặp Chủ tịch Kim Jong-un tại Bình Nhưỡng.", "Kim Jong-un"),  # after a surname, no country
])
def test_a_particle_joined_by_a_dash_goes_on_a_foreign_name(sentence, name):
    (found,) = tag_officials(sentence)
    assert found.name == name and found.text.endswith(name)


@pytest.mark.parametrize("sentence, name", [
    ("Ông Bashar al-Assad, Tổng thống Syria, cho biết.", "Bashar al-Assad"),  # the name first
    ("Bà Ursula von der Leyen, Chủ tịch Ủy ban châu Âu, cho biết.", "Ursula von der Leyen"),
    ("Bộ trưởng Quốc phòng Iraq, ông Mohammad Rida al-Haider cho biết.", "Mohammad Rida al-Haider"),  # after a comma
    ("Bà Nikki R. Haley, Đại sứ Mỹ tại Liên Hợp Quốc, phát biểu.", "Nikki R. Haley"),  # and a middle initial
])
def test_a_foreign_name_keeps_its_particles_and_initials_wherever_it_stands(sentence, name):
    (found,) = tag_officials(sentence)
    assert found.name == name


def test_in_charge_of_after_the_body_is_no_part_of_its_name():
    """"phụ trách" after a body opens what the official is in charge of ("Sở TNMT | phụ trách việc này");
    before the body it is part of the title ("Phó Giám đốc phụ trách Sở Tư pháp")."""
    (found,) = tag_officials("Theo ông Nguyễn Toàn Thắng, Giám đốc Sở TNMT phụ trách việc này, dự án đã duyệt.")
    assert (found.text, found.positions[0].organization) == ("ông Nguyễn Toàn Thắng, Giám đốc Sở TNMT", "Sở TNMT")
    (found,) = tag_officials("Ông Lê Văn Bình, Phó Giám đốc phụ trách Sở Tư pháp cho biết.")
    assert found.positions[0].title == "Phó Giám đốc phụ trách"


def test_each_name_of_a_list_after_a_title_and_colon_holds_the_title():
    """A title heading a list of names: each name is an official of it, its span the name alone; a single name
    after the colon keeps the title in its span."""
    found = tag_officials("Phó chủ tịch: Trần Quốc Tuấn (chuyên môn), Cao Văn Chóng (truyền thông), Cấn Văn Nghĩa.")
    assert [(f.text, f.name) for f in found] == [("Trần Quốc Tuấn", "Trần Quốc Tuấn"), ("Cao Văn Chóng", "Cao Văn Chóng"),
                                                 ("Cấn Văn Nghĩa", "Cấn Văn Nghĩa")]
    assert all([(p.title, p.organization) for p in f.positions] == [("Phó Chủ tịch", None)] for f in found)
    listed = tag_officials("Phó chủ tịch: Trần Quốc Tuấn (chuyên môn), Cấn Văn Nghĩa Chủ tịch Hội Nông dân xã.")
    assert [f.name for f in listed] == ["Trần Quốc Tuấn", "Cấn Văn Nghĩa"]  # a listed name ends before a title
    (single,) = tag_officials("Ban Thường vụ khóa mới gồm Bí thư Đảng ủy xã: Tạ Thị Nga.")
    assert single.text == "Bí thư Đảng ủy xã: Tạ Thị Nga"


@pytest.mark.parametrize("sentence, name", [
    ("Bí thư Huyện uỷ Vừ A Bằng dự lễ khánh thành.", "Vừ A Bằng"),  # Hmong
    ("Ông Ly Seo Dìn, Chủ tịch UBND huyện cho biết.", "Ly Seo Dìn"),
    ("Phó Chủ tịch UBND tỉnh Điêu Chính Tơi chủ trì.", "Điêu Chính Tơi"),  # Thái
    ("Ông Tẩn Văn Pham, Phó Chủ tịch UBND xã phát biểu.", "Tẩn Văn Pham"),  # Dao
    ("Bà Ksor H'Bơ Khăp, Phó Chủ tịch Quốc hội dự.", "Ksor H'Bơ Khăp"),  # Jrai
    ("Anh Kpă Kinh - Bí thư Đoàn phường cho biết.", "Kpă Kinh"),  # Jrai, after "anh"
    ("Phó Chủ tịch UBND tỉnh Rơ Châm Long phát biểu.", "Rơ Châm Long"),
    ("Chủ tịch UBND huyện Krông Pa Nay Phi La cho biết.", "Nay Phi La"),
])
def test_officials_of_ethnic_minorities_are_named_by_their_surnames(sentence, name):
    assert [tag.name for tag in tag_officials(sentence)] == [name]


@pytest.mark.parametrize("sentence, span, positions", [
    ("Chiều 25/11, Đại tá Lê Trung Hiếu, Trưởng phòng tham mưu - người phát ngôn Công an tỉnh Thanh Hoá cho biết",
     "Đại tá Lê Trung Hiếu, Trưởng phòng tham mưu - người phát ngôn Công an tỉnh Thanh Hoá",
     [("Trưởng phòng tham mưu", "Công an tỉnh Thanh Hóa"), ("Người phát ngôn", "Công an tỉnh Thanh Hóa")]),
    ("Đại tá Phạm Trung Thành, Trưởng phòng tham mưu tổng hợp, kiêm người phát ngôn Công an tỉnh Kiên Giang cho biết",
     "Đại tá Phạm Trung Thành, Trưởng phòng tham mưu tổng hợp, kiêm người phát ngôn Công an tỉnh Kiên Giang",
     [("Trưởng phòng tham mưu tổng hợp", "Công an tỉnh Kiên Giang"), ("Người phát ngôn", "Công an tỉnh Kiên Giang")]),
    ("Trung tá Lê Mạnh Hà, Phó trưởng phòng tham mưu, Công an TP. HCM khẳng định lực lượng",  # the body after a comma
     "Trung tá Lê Mạnh Hà, Phó trưởng phòng tham mưu, Công an TP. HCM", [("Phó Trưởng phòng tham mưu", "Công an TP. HCM")]),
])
def test_a_units_name_in_lowercase_before_the_next_position_is_in_the_title(sentence, span, positions):
    assert _span_and_positions(sentence) == (span, positions)


def test_the_secretary_of_a_party_board_is_a_title_of_its_own():
    """As "Ủy viên Ban cán sự đảng": not "Bí thư" of the board, nor of the Party committee of the next post's city."""
    (found,) = tag_officials("ông Trần Văn Minh, nguyên Bí thư Ban cán sự Đảng, nguyên Chủ tịch UBND TP. Đà Nẵng.")
    assert [(p.title, p.organization) for p in found.positions] == [
        ("Bí thư Ban cán sự đảng", None), ("Chủ tịch", "UBND thành phố Đà Nẵng")]


def test_a_dash_closing_the_apposition_ends_the_parent_body_after_a_comma():
    (found,) = tag_officials("Tối 2-2, Đại tá Phan Văn Minh - trưởng Phòng Tham mưu, Công an tỉnh Thừa Thiên - Huế - cho biết")
    assert (found.text, found.positions[0].organization) == (
        "Đại tá Phan Văn Minh - trưởng Phòng Tham mưu, Công an tỉnh Thừa Thiên - Huế", "Công an tỉnh Thừa Thiên - Huế")


def test_an_ellipsis_ending_a_list_cuts_no_name():
    """A lead cut short ends its line with the ellipsis; one that ends a list goes on after it."""
    found = tag_officials("Tới dự có Bí thư Thành uỷ TP. HCM Nguyễn Thiện Nhân... cùng đại diện lãnh đạo các bộ.")
    assert [t.name for t in found] == ["Nguyễn Thiện Nhân"]


@pytest.mark.parametrize("sentence, positions", [
    # "Tất" is a surname; "T.Ư", dotted, is the abbreviation "TƯ" (Trung ương)
    ("khẳng định ông Tất Thành Cang, Uỷ viên T.Ư Đảng, Phó bí thư Thường trực Thành uỷ TP. HCM vẫn đang",
     [("Ủy viên Ban Chấp hành", "Trung ương Đảng"), ("Phó Bí thư Thường trực", "Thành ủy thành phố HCM")]),
    ("Phó bí thư thường trực Thành uỷ Tất Thành Cang đã báo cáo", [("Phó Bí thư Thường trực", "Thành ủy")]),
])
def test_a_rare_surname_and_a_dotted_abbreviation_of_a_body(sentence, positions):
    (found,) = tag_officials(sentence)
    assert (found.name, [(p.title, p.organization) for p in found.positions]) == ("Tất Thành Cang", positions)


@pytest.mark.parametrize("sentence, organization", [
    ("ông Phan Thanh Tân, Phó Bí thư Thường trực Đảng uỷ Cơ quan Văn phòng Thành uỷ cho biết",
     "Đảng ủy Cơ quan Văn phòng Thành ủy"),
    ("Phó Đô đốc Nguyễn Văn Tình, nguyên Uỷ viên Đảng uỷ Quân sự Trung ương bị kỷ luật", "Đảng ủy Quân sự Trung ương"),
    # a department's field in the forms papers write
    ("ông Lê Văn Hoàng, Giám đốc Sở Nông nghiệp - Phát triển nông thôn Long An cho biết",
     "Sở Nông nghiệp - Phát triển nông thôn Long An"),
    ("Chiều 22/2, Giám đốc Sở Văn hoá, Thể thao Hà Nội Tô Văn Động cho hay", "Sở Văn hóa, Thể thao Hà Nội"),
    # a name going on past a field with a word capitalised as names are
    ("ông Nguyễn Văn Bình, Phó bí thư Đảng uỷ, Chủ tịch Tập đoàn Công nghiệp Viễn thông Quân đội, giữ chức Quyền Bộ "
     "trưởng", "Tập đoàn Công nghiệp Viễn thông Quân đội"),
    # a unit with no name keeps its level; an ellipsis after a place the gazetteer knows cuts nothing
    ("bà Lê Thị Hoa, Giám đốc Bệnh viện tỉnh cho biết", "Bệnh viện tỉnh"),
    ("như: ông Trần Văn Sơn, Bí thư Tỉnh uỷ Điện Biên...", "Tỉnh ủy Điện Biên"),
    # one office serving the bodies of a level
    ("ông Nguyễn Xuân Tứ, Chánh Văn phòng HĐND, UBND huyện cho biết.", "HĐND, UBND huyện"),
    ("đồng chí Lê Văn Hải, Chánh Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh dự.", "Đoàn ĐBQH, HĐND và UBND tỉnh"),
])
def test_a_bodys_name_as_written(sentence, organization):
    (found,) = tag_officials(sentence)
    assert found.positions[-1].organization == organization


def test_a_country_after_a_word_of_a_bodys_name_is_no_part_of_it():
    (found,) = tag_officials("Phó Chủ tịch Ban chấp hành Trung ương đảng Lao động Triều Tiên Kim Yong Chol đã tới")
    assert found.name == "Kim Yong Chol"


@pytest.mark.parametrize("district", ["Thạch Thành", "Kim Thành"])
def test_a_run_of_five_after_a_body_holds_its_place_then_the_name(district):
    """The district's name opens with a surname and a middle name ("Thạch Thành"): no name has five syllables."""
    (found,) = tag_officials(f"Bí thư Huyện uỷ {district} Đỗ Minh Quý cho biết")
    assert (found.name, found.positions[0].organization) == ("Đỗ Minh Quý", f"Huyện ủy {district}")


def test_a_district_the_gazetteer_knows_ends_a_bodys_place_run():
    """Districts before the 2025 mergers come from underthesea's table of administrative units."""
    (found,) = tag_officials("ông Vi Văn Tuấn (Chủ tịch UBND xã Xuân Mai, Văn Quan, Lạng Sơn) cho biết")
    assert found.text == "ông Vi Văn Tuấn (Chủ tịch UBND xã Xuân Mai, Văn Quan, Lạng Sơn"


def test_a_chain_opened_by_a_lowercase_title_needs_the_name_after_its_last_position():
    (found,) = tag_officials("đoàn lãnh đạo TP. HCM do uỷ viên Bộ Chính trị, Bí thư Thành uỷ Nguyễn Thiện Nhân dẫn đầu")
    assert (found.text, [p.title for p in found.positions]) == (
        "uỷ viên Bộ Chính trị, Bí thư Thành uỷ Nguyễn Thiện Nhân", ["Ủy viên Bộ Chính trị", "Bí thư"])
    assert tag_officials("các phó chủ tịch UBND tỉnh, chủ tịch UBND huyện và ông Nguyễn Văn Sơn") == []


@pytest.mark.parametrize("sentence, positions", [
    ("Thượng tá Huỳnh Đức Ngô, Phó Trưởng phòng phòng Quản lý xuất nhập cảnh, Công an TP. Đà Nẵng đánh giá",
     [("Phó Trưởng phòng Quản lý xuất nhập cảnh", "Công an TP. Đà Nẵng")]),
    ("ông Lê Văn Bình, Trưởng ban Ban Tuyên giáo Tỉnh ủy phát biểu", [("Trưởng Ban Tuyên giáo", "Tỉnh ủy")]),
    # not a title that ends in another word: "Thường trực" + "Ban Tuyên giáo"
    ("Phó Trưởng Ban Thường trực Ban Tuyên giáo Thành ủy Vương Thị Duyên phát biểu",
     [("Phó Trưởng Ban Thường trực", "Ban Tuyên giáo Thành ủy")]),
])
def test_the_units_word_written_twice_is_read_once(sentence, positions):
    (found,) = tag_officials(sentence)
    assert [(p.title, p.organization) for p in found.positions] == positions


@pytest.mark.parametrize("sentence, position", [
    ("Đồng chí Nguyễn Văn Sơn, Phó Chủ tịch UBND tỉnh, Trưởng BCĐ phòng, chống dịch COVID-19 tỉnh chủ trì.",
     ("Trưởng Ban", "Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh")),
    ("đồng chí Lê Văn Hải, Giám đốc Sở Y tế, Phó Trưởng ban Thường trực BCĐ phòng chống dịch tỉnh báo cáo",
     ("Phó Trưởng Ban Thường trực", "Ban Chỉ đạo phòng chống dịch tỉnh")),
])
def test_a_steering_board_named_after_its_abbreviation_reads_as_written_out(sentence, position):
    (found,) = tag_officials(sentence)
    assert (found.positions[-1].title, found.positions[-1].organization) == position


def test_ca_is_the_police_and_the_name_after_its_level_a_place():
    # "CA" (Công an) named down to its level: the capitalised run after "phường" is the ward, not a person
    assert tag_officials("Trưởng CA phường Hoàng Liệt cho biết.") == []
    (found,) = tag_officials("Trung tá Dương Quang Thuận - Trưởng CA phường Cổ Nhuế 1 cho biết.")
    assert (found.name, [(p.title, p.organization) for p in found.positions]) == (
        "Dương Quang Thuận", [("Trưởng", "Công an phường Cổ Nhuế 1")])
    assert tag_officials("Có 5 ca mắc mới trong ngày.") == []  # "ca" (cases) in lower case is no body


def test_a_place_after_an_abbreviated_level_is_no_foreign_name():
    # "TP" (thành phố) written without its dot: "Nha Trang" is the city, not a name after a body abroad
    assert tag_officials("Chủ tịch UBND TP Nha Trang cho biết.") == []
    (found,) = tag_officials("Chủ tịch UBND TP Nha Trang Nguyễn Văn An cho biết.")
    assert (found.name, [(p.title, p.organization) for p in found.positions]) == (
        "Nguyễn Văn An", [("Chủ tịch", "UBND thành phố Nha Trang")])
