"""tag_statistics and Vietnamese number parsing on real portal sentences."""
from __future__ import annotations

from decimal import Decimal

import unicodedata

import pytest

from nlp import lexicon
from nlp.numbers import parse_amount, parse_number
from nlp.statistics import tag_statistics


@pytest.mark.parametrize("raw, value", [
    ("22.214", Decimal("22214")), ("5,07", Decimal("5.07")), ("1.200", Decimal("1200")),
    ("5.705.840", Decimal("5705840")), ("12.345,67", Decimal("12345.67")), ("100", Decimal("100")),
    ("1.5", None), ("1.234.5", None), ("1.20", None), ("0.930", None), ("0123", Decimal("123")),
])
def test_vietnamese_numbers_use_dot_for_thousands_and_comma_for_decimals(raw, value):
    assert parse_number(raw) == value


@pytest.mark.parametrize("sentence, expected", [
    ("BÁN NHÀ CẦU GIẤY, 45M2, GIÁ 5.15 TỶ", [("45M2", 45, None, "M2", None, "measure"), ("5.15 TỶ", 5.15e9, None, None, None, "money")]),
    ("đã tiêm được hơn 46.3 triệu liều vaccine.",
     [("hơn 46.3 triệu liều vaccine", 4.63e7, None, "liều vaccine", "hơn", "count")]),
    ("lãi suất tăng 21.58% so với", [("21.58%", 21.58, None, "%", None, "percent")]),
    ("Diện tích 142.9 m2, đất 6.4ha.", [("142.9 m2", 142.9, None, "m2", None, "measure"),
                                       ("6.4ha", 6.4, None, "ha", None, "measure")]),
    ("theo mục 2.1 các quy định", []),  # no amount after it: a section, not a number read in English
    ("có 2.018 người dự", [("2.018 người", 2018, None, "người", None, "count")]),  # three digits group thousands
])
def test_a_decimal_point_as_english_writes_it_before_an_amount(sentence, expected):
    assert _found(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Cho thuê căn hộ giá 13tr/th bao phí quản lý", [("13tr/th", 1.3e7, None, None, None, "money")]),
    ("Với giá chỉ 900tr Diện tích 50m2", [("900tr", 9e8, None, None, None, "money"),
                                         ("50m2", 50, None, "m2", None, "measure")]),
    ("Giá thuê 18 tr, cọc 2 tháng", [("18 tr", 1.8e7, None, None, None, "money")]),
    ("216m2 giá 21tỷ", [("216m2", 216, None, "m2", None, "measure"), ("21tỷ", 2.1e10, None, None, None, "money")]),
    ("khoảng 336,5triệu người", [("khoảng 336,5triệu người", 3.365e8, None, "người", "khoảng", "count")]),
])
def test_a_scale_word_written_short_or_glued_to_the_number(sentence, expected):
    assert _found(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Công an đang tìm người thân cho 2 “siêu trộm nhí” tên T.",
     [("2 “siêu trộm nhí”", 2, None, "siêu trộm nhí", None, "count")]),
    ("Kết quả đạt 1.374 \", ông nói.", []),  # a quote closing, no noun in it
    ("Chiến dịch có thông điệp 5 “Không” gửi tới người dân.", []),  # a capitalised slogan, no noun
    ("Khảo sát cho thấy 56% số người được hỏi là khách hàng thường xuyên.",  # survey respondents
     [("56% số người được hỏi", 56, None, "người được hỏi", None, "percent")]),
    ("Xe khách loại từ 16 đến 45 ghế ngồi.", [("từ 16 đến 45 ghế ngồi", 16, None, "ghế ngồi", "từ", "count")]),
    ("Cảnh sát thu 1 túi nilon đựng 5 viên nén.",  # "đựng" (holding) is a verb that ends the noun
     [("1 túi nilon", 1, None, "túi nilon", None, "count"), ("5 viên nén", 5, None, "viên nén", None, "count")]),
    ("Gói cước có khoảng 18 dịch vụ đa dạng.",  # a describing adjective ends it
     [("khoảng 18 dịch vụ", 18, None, "dịch vụ", "khoảng", "count")]),
    ("Máy bay chở 207 khách tiếp đất an toàn; 2 đối tượng bịt mặt bỏ chạy.",
     [("207 khách", 207, None, "khách", None, "count"), ("2 đối tượng", 2, None, "đối tượng", None, "count")]),
    ("Con Cưng có 44 nhà cung cấp sản phẩm ngoài nước.",  # "nhà cung cấp" (supplier) is a noun, not a verb
     [("44 nhà cung cấp sản phẩm", 44, None, "nhà cung cấp sản phẩm", None, "count")]),
])
def test_a_noun_in_quotes_and_a_supplier_are_counted(sentence, expected):
    assert _found(sentence) == expected


def test_a_height_in_metres_and_centimetres_is_a_measure():
    assert _found("Em cao khoảng 1m55 và nặng 41,7kg.") == [
        ("khoảng 1m55", 1.55, None, "m", "khoảng", "measure"), ("41,7kg", 41.7, None, "kg", None, "measure")]


def test_the_rooms_of_a_property_listing_glued_to_their_number_are_counts():
    assert _found("Căn hộ 75m2, 2PN, 1wc, giá 2,08 tỷ.") == [
        ("75m2", 75, None, "m2", None, "measure"), ("2PN", 2, None, "PN", None, "count"),
        ("1wc", 1, None, "wc", None, "count"), ("2,08 tỷ", 2.08e9, None, None, None, "money")]
    assert _found("THÔNG ĐIỆP 5T phòng dịch") == []  # not a room


def test_scale_words_multiply():
    assert parse_amount("3,5 tỷ") == Decimal("3500000000")
    assert parse_amount("1.200 triệu") == Decimal("1200000000")
    assert parse_amount("20 nghìn tỷ") == Decimal("20000000000000")
    assert parse_amount("3,5 tỷ đồng") is None  # a currency is not a scale
    assert parse_amount("13tr") == parse_amount("13 triệu") == Decimal("13000000")


def _found(text: str) -> list[tuple]:
    return [(s.text, s.value, s.denominator, s.unit_text, s.qualifier, s.kind) for s in tag_statistics(text)]


@pytest.mark.parametrize("sentence, expected", [
    ("Toàn quận đã tổ chức 56 Hội nghị cấp quận quán triệt Nghị quyết.",
     [("56 Hội nghị", 56, None, "Hội nghị", None, "count")]),
    ("với sự tham gia của 22.214 lượt cán bộ, đảng viên.",
     [("22.214 lượt cán bộ, đảng viên", 22214, None, "lượt cán bộ, đảng viên", None, "count")]),
    ("tỷ lệ đỗ vào lớp 10 các trường THPT công lập cao hơn năm trước là 5,07%;",
     [("5,07%", 5.07, None, "%", None, "percent")]),
    ("triển khai bệnh án điện tử tại 100% các khoa, phòng, ứng dụng khai báo y tế",
     [("100% các khoa, phòng", 100, None, "khoa, phòng", None, "percent")]),
    # "số lượng" (the number of) is a determiner as "số" is; "số" before "đối tác" is no "số đối"
    ("hơn 99,65% số lượng tờ khai được xử lý, 80% số đối tác đồng ý",
     [("hơn 99,65% số lượng tờ khai", 99.65, None, "tờ khai", "hơn", "percent"),
      ("80% số đối tác", 80, None, "đối tác", None, "percent")]),
    ("đạt 50/53 trường học công lập đạt chuẩn quốc gia",
     [("50/53 trường học công lập", 50, 53, "trường học công lập", None, "ratio")]),
    ("tổ chức trên 1.200 hội nghị trực tiếp với gần 72.000 cán bộ, đảng viên;",
     [("trên 1.200 hội nghị trực tiếp", 1200, None, "hội nghị trực tiếp", "trên", "count"),
      ("gần 72.000 cán bộ, đảng viên", 72000, None, "cán bộ, đảng viên", "gần", "count")]),
    ("trong đó có 191 sáng kiến kinh nghiệm cấp cơ sở, 1 đề tài cấp cơ sở;",
     [("191 sáng kiến kinh nghiệm", 191, None, "sáng kiến kinh nghiệm", None, "count"),
      ("1 đề tài", 1, None, "đề tài", None, "count")]),
    ("Mặt trận các cấp hỗ trợ khoảng 3,5 tỷ đồng cho hộ nghèo.",
     [("khoảng 3,5 tỷ đồng", 3.5e9, None, "đồng", "khoảng", "money")]),
    ("thu hút 15 triệu USD vốn đầu tư nước ngoài", [("15 triệu USD", 1.5e7, None, "USD", None, "money")]),
    ("tiếp nhận 1.126 báo cáo dư luận xã hội; 100% báo cáo chuyên đề được gửi đúng hạn.",
     [("1.126 báo cáo dư luận xã hội", 1126, None, "báo cáo dư luận xã hội", None, "count"),
      ("100% báo cáo chuyên đề", 100, None, "báo cáo chuyên đề", None, "percent")]),
    ("Đại hội đã bầu 53 đồng chí vào Ban Chấp hành.", [("53 đồng chí", 53, None, "đồng chí", None, "count")]),
    ("hiến 3.200 m2 đất làm đường", [("3.200 m2", 3200, None, "m2", None, "measure")]),
    ("khen thưởng 02 tập thể và 05 cá nhân", [("02 tập thể", 2, None, "tập thể", None, "count"),
                                               ("05 cá nhân", 5, None, "cá nhân", None, "count")]),
    ("có 1.034/1.050 hộ gia đình đạt danh hiệu", [("1.034/1.050 hộ gia đình", 1034, 1050, "hộ gia đình", None, "ratio")]),
    ("vận động hơn 1,2 triệu lượt người tham gia", [("hơn 1,2 triệu lượt người", 1.2e6, None, "lượt người", "hơn", "count")]),
    ("tăng 12,5% so với cùng kỳ; tỷ lệ hộ nghèo giảm 1,2 điểm %, lao động qua đào tạo tăng 0,5 điểm phần trăm.",
     [("12,5%", 12.5, None, "%", None, "percent"), ("1,2 điểm %", 1.2, None, "điểm %", None, "percentage_point"),
      ("0,5 điểm phần trăm", 0.5, None, "điểm phần trăm", None, "percentage_point")]),
    ("hỗ trợ 2 tỷ đồng tiền mặt", [("2 tỷ đồng", 2e9, None, "đồng", None, "money")]),
    # a bound with "không" is one qualifier, the opposite of the word after "không" alone
    ("Giá bán không cao hơn 13.750 đồng/lít; tuyển không dưới 10 học sinh.",
     [("không cao hơn 13.750 đồng/lít", 13750, None, "đồng/lít", "không cao hơn", "money"),
      ("không dưới 10 học sinh", 10, None, "học sinh", "không dưới", "count")]),
])
def test_statistics_with_value_unit_and_qualifier(sentence, expected):
    assert _found(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("đã có khoảng hơn 250 nhân khẩu", [("khoảng hơn 250 nhân khẩu", 250, None, "nhân khẩu", "khoảng hơn", "count")]),
    ("Chưa đầy 20 m có gần 30 hộ", [("Chưa đầy 20 m", 20, None, "m", "chưa đầy", "measure"),
                                     ("gần 30 hộ", 30, None, "hộ", "gần", "count")]),
    ("khu đô thị rộng 45ha, diện tích gần 5.000m2; mạng 5G phủ sóng",
     [("45ha", 45, None, "ha", None, "measure"), ("gần 5.000m2", 5000, None, "m2", "gần", "measure")]),
    ("nhà cách chừng 5km, lò nướng 230oC", [("chừng 5km", 5, None, "km", "chừng", "measure"),
                                           ("230oC", 230, None, "oC", None, "measure")]),
    ("động cơ quay cỡ 3.500 vòng", [("cỡ 3.500 vòng", 3500, None, "vòng", "cỡ", "count")]),
    # "trên dưới" (about) is one qualifier; "trên" (on) before another is none
    ("tỷ lệ trên dưới 10%, khảo sát trên gần 48.000 bệnh nhân",
     [("trên dưới 10%", 10, None, "%", "trên dưới", "percent"), ("gần 48.000 bệnh nhân", 48000, None, "bệnh nhân", "gần", "count")]),
])
def test_two_qualifiers_and_units_glued_to_the_number(sentence, expected):
    assert _found(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a range is one statistic valued at its lower bound; "từ" before it is its qualifier
    ("đáp ứng từ 30-65% nhu cầu, mực nước từ 0,2-0,5m",
     [("từ 30-65% nhu cầu", 30, None, "nhu cầu", "từ", "percent"), ("từ 0,2-0,5m", 0.2, None, "m", "từ", "measure")]),
    ("mỗi xã được trang bị từ 5 đến 10 khẩu súng, dài 5-7 cm",
     [("từ 5 đến 10 khẩu súng", 5, None, "khẩu súng", "từ", "count"), ("5-7 cm", 5, None, "cm", None, "measure")]),
    # a qualifier on the upper bound, the unit written on both bounds: still one range; "lên" is no range
    ("hộ có thu nhập từ 2,3 đến dưới 2,5 triệu đồng/tháng, lương từ 250.000 bảng đến 300.000 bảng/tuần",
     [("từ 2,3 đến dưới 2,5 triệu đồng/tháng", 2.3e6, None, "đồng/tháng", "từ", "money"),
      ("từ 250.000 bảng đến 300.000 bảng/tuần", 250000, None, "bảng/tuần", "từ", "money")]),
    # a qualifier on the lower bound, the unit on both: one range, with that qualifier
    ("thu hút khoảng 3.000 người đến 5.000 người tham gia",
     [("khoảng 3.000 người đến 5.000 người", 3000, None, "người", "khoảng", "count")]),
    ("doanh thu tăng từ 5 tỷ đồng lên 7 tỷ đồng, giảm từ 20 tấn đến 15 tấn",
     [("5 tỷ đồng", 5e9, None, "đồng", None, "money"), ("7 tỷ đồng", 7e9, None, "đồng", None, "money"),
      ("20 tấn", 20, None, "tấn", None, "measure"), ("15 tấn", 15, None, "tấn", None, "measure")]),
    # a currency paid per period keeps the period; a multiple and a score are no statistics
    ("trợ cấp 1,5 triệu đồng/tháng, gấp 4 lần mức cũ; đội nhà thắng 2-1 trước đối thủ",
     [("1,5 triệu đồng/tháng", 1.5e6, None, "đồng/tháng", None, "money")]),
    # a percentage per period keeps it as a currency does; without the slash the period is no unit
    ("GDP tăng 5,5%/năm, lãi 0,5 %/tháng; tăng 182,5% năm",
     [("5,5%/năm", 5.5, None, "%/năm", None, "percent"), ("0,5 %/tháng", 0.5, None, "%/tháng", None, "percent"),
      ("182,5%", 182.5, None, "%", None, "percent")]),
    # a decimal comma typed with a space before a scale word; a list of numbers is none
    ("ông có 10, 3 triệu người theo dõi; các quận 1, 5 và 6",
     [("10, 3 triệu người", 10.3e6, None, "người", None, "count")]),
])
def test_ranges_rates_and_multiples(sentence, expected):
    assert _found(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # the counted noun written before the number: the span is the number
    ("Sự việc nâng tổng số bệnh nhân được điều trị khỏi lên 693.797.",
     [("693.797", 693797, None, "bệnh nhân", None, "count")]),
    ("Số người tử vong là 20.000; số thứ tự lên 12.", [("20.000", 20000, None, "người", None, "count")]),
    # a qualifier after the verb is the number's; the dot inside "TP.HCM" ends no clause
    ("Số doanh nghiệp tại TP.HCM dự kiến cắt giảm lao động là hơn 4.000. Phần lớn giảm giờ làm.",
     [("hơn 4.000", 4000, None, "doanh nghiệp", "hơn", "count")]),
    ("Số ca mắc. Hôm nay lên 500.", []),  # the noun is in another sentence
    # a part before its total counts the total's noun, with "trong" alone too; not a time
    ("Có 3 trong 9 bị cáo bị tuyên án.", [("3", 3, None, "bị cáo", None, "count"),
                                          ("9 bị cáo", 9, None, "bị cáo", None, "count")]),
    ("Ông nghỉ 2 trong 5 ngày phép.", []),
])
def test_a_count_whose_noun_comes_first(sentence, expected):
    assert _found(sentence) == expected


def _units(text: str) -> list[str | None]:
    return [s.unit_text for s in tag_statistics(text)]


@pytest.mark.parametrize("sentence, units", [
    # a verb after the noun starts a relative clause
    ("Năm 2023, 100% chi bộ đưa nội dung học tập vào sinh hoạt; gần 300 cán bộ, công chức phụ trách công nghệ "
     "thông tin được tập huấn; có 300 cán bộ làm công tác tuyên giáo.", ["chi bộ", "cán bộ, công chức", "cán bộ"]),
    ("Có 1.200 thí sinh dự thi tại 40 tỉnh, thành.", ["thí sinh", "tỉnh, thành"]),
    # ... except right after an event noun, where an action verb is the event; a predicate still ends it
    ("Đoàn tiến hành 214 cuộc kiểm tra chuyên đề, 35 lớp tập huấn; 12/12 lớp đạt danh hiệu tiên tiến.",
     ["cuộc kiểm tra chuyên đề", "lớp tập huấn", "lớp"]),
    # words come from a dictionary: "hướng dẫn", "đào tạo" are words, so "dẫn", "tạo" are not verbs here
    ("Phát hành 100 tài liệu hướng dẫn, có 20 cơ sở đào tạo và 250 cơ sở sản xuất kinh doanh.",
     ["tài liệu hướng dẫn", "cơ sở đào tạo", "cơ sở sản xuất kinh doanh"]),
    # a case is counted before what befell it (the verb "mắc", "tử vong" ends the noun) ...
    ("Ghi nhận 1.235 ca mắc COVID-19, 12 ca tử vong; tập huấn cho 1.200 học sinh lớp 12.",
     ["ca", "ca", "học sinh lớp 12"]),
    # ... while a number after a naming word stays in the noun; a disease's code ends it unless "phòng" joins it
    ("Đã tiêm 1.500 liều vắc xin COVID-19 cho 1.200 học sinh lớp 12; nhận 800 liều vắc xin phòng COVID-19.",
     ["liều vắc xin", "học sinh lớp 12", "liều vắc xin phòng COVID-19"]),
    # making or reporting a loss is what befalls what is counted: "thua lỗ", "báo lỗ" end it
    ("Gần 1/4 số doanh nghiệp thua lỗ, 12 công ty báo lỗ quý này.", ["số doanh nghiệp", "công ty"]),
])
def test_the_counted_noun_ends_where_a_clause_starts(sentence, units):
    assert _units(sentence) == units


@pytest.mark.parametrize("sentence, units", [
    ("Có 98% tham gia, 100% các xã, phường hoàn thành; 15 điểm cầu quận, huyện; 215 hộ nghèo, hộ cận nghèo; "
     "hơn 2.400 mô hình, cách làm hay.", ["%", "xã, phường", "điểm cầu quận, huyện", "hộ nghèo, hộ cận nghèo",
                                         "mô hình, cách làm hay"]),
    ("Treo trên 1.200 băng rôn, khẩu hiệu, pa-nô tuyên truyền; 98% cấp ủy, tổ chức đảng trực thuộc đã ban hành.",
     ["băng rôn, khẩu hiệu, pa-nô", "cấp ủy, tổ chức đảng"]),
    ("Tiếp nhận 1.486 báo cáo, phản ánh kịp thời tâm trạng xã hội; đón trên 120 nghìn lượt khách, doanh thu "
     "ước đạt 8,2 tỷ đồng; có 126 tập thể, 215 cá nhân điển hình.",
     ["báo cáo", "lượt khách", "đồng", "tập thể", "cá nhân điển hình"]),
    ("Đại hội có 1.200 hội viên, hội viên Nguyễn Văn An thay mặt đoàn chủ tịch khai mạc.", ["hội viên"]),
    # a capitalised word that is no surname after the list starts no person's name: the list holds
    ("Gần 300 y bác sĩ, học viên Học viện Quân y đã lên đường.", ["y bác sĩ, học viên"]),
    # the modifiers of the counted noun listed: sectors
    ("Thẻ được cấp cho 155 nhân viên bưu chính, viễn thông trên địa bàn.", ["nhân viên bưu chính, viễn thông"]),
    # storms and tropical depressions are counted together in forecasts
    ("Năm nay có khoảng 5-7 cơn bão, áp thấp nhiệt đới trên Biển Đông.", ["cơn bão, áp thấp nhiệt đới"]),
])
def test_a_comma_list_of_one_kind_of_group_is_one_counted_noun(sentence, units):
    assert _units(sentence) == units


def test_spelling_and_case_variants_of_a_word_end_the_noun_alike():
    old, new = "98% cấp uỷ, tổ chức đảng TRỰC THUỘC", "98% cấp ủy, tổ chức đảng trực thuộc"
    assert [(s.start, s.end) for s in tag_statistics(old)] == [(s.start, s.end) for s in tag_statistics(new)]
    assert _units("có 2 người bị thương, 3 người chết") == ["người", "người"]


@pytest.mark.parametrize("name", ["function_words.txt", "verbs.txt", "nouns.txt", "groups.txt", "units.txt",
                                  "naming.txt", "split_words.txt"])
def test_word_lists_are_nfc_without_duplicates(name):
    found = lexicon.sections(name) if name in ("verbs.txt", "groups.txt", "units.txt") else {"": lexicon.entries(name)}
    assert found and all(found.values())
    for items in found.values():
        assert all(unicodedata.is_normalized("NFC", item) and item == item.strip() for item in items)
        assert len(items) == len(set(items)), [item for item in items if items.count(item) > 1]


@pytest.mark.parametrize("sentence", [
    "Tổng kết công tác tuyên giáo năm 2021, triển khai nhiệm vụ năm 2022.",
    "Chiều 15/12, Hội nghị sơ kết 6 tháng đầu năm và 9 tháng đầu năm.",
    "Tổng kết 10 năm thực hiện Chỉ thị số 20-CT/TW, ngày 05-11-2012 và Nghị định 15/2020/NĐ-CP.",
    "Quyết định số 1056/QĐ-UBND; Kết luận 01-KL/TW; Hội nghị lần thứ 6 Ban Chấp hành Trung ương.",
    "Điện thoại: 0225.3821.055. Fax: (0225) 3747352. Địa chỉ: Số 18 Hoàng Diệu, Hồng Bàng.",
    "Nghị quyết Đại hội XIII, Đại hội Đảng bộ thành phố lần thứ XVI, khóa XII.",
    "Ban Chỉ đạo 35 cần chủ động; Nghị quyết Trung ương 4 khóa XII; lớp 9 và lớp 10.",
    "Hội nghị bắt đầu lúc 7h30, kết thúc 11:30; dịch Covid-19 diễn biến phức tạp.",
    "Đang online: 14. Tổng truy cập: 5.705.840",
    "Giá trị đạt 12.500, tăng 7 so với cùng kỳ; trẻ em từ 18 tuổi trở lên.",
    "Trong 2 ngày, từ đầu năm 2021 đến nay; 5 năm học liên tiếp; hằng năm.",
    "Trung đoàn 174 đóng quân; tiêm mũi 2 cho người dân; tai nạn tại km 15 Quốc lộ 14; gấp 3 lần năm trước.",
    "Bộ kiểm tra việc thử nghiệm lâm sàng giai đoạn 2 vắc xin Covivac tại tỉnh.",  # a phase, not two vaccines
    "AS Roma gặp Napoli ở vòng 9 Serie A; phim phát sóng tập 1 Hậu duệ.",  # a round, an episode
    "Nhiều nhà cúng Rằm tháng 7 Âm lịch sớm.",  # a lunar date is no calendar day and no count either
    "Cập nhật lúc 10:17 GMT + 7 Một bể bơi mới khai trương.",  # a number word opens the next sentence
    "Trụ sở đặt tại 83 Quang Trung, phường 1.",  # an address: a street named by a word of the dictionary
    'Hà Nội thực hiện "2 mũi giáp công"; cán bộ “6 dám”.',  # slogans quoted whole
    "Đối thoại 2+2 lần thứ 7 giữa hai bộ trưởng.",  # numbers joined by "+": a name
])
def test_not_statistics(sentence):
    assert _found(sentence) == []


def test_offsets_index_the_text_and_the_span_holds_the_qualifier():
    text = "Năm 2021, hệ thống tuyên giáo tổ chức gần 72.000 lượt; trên 1.200 hội nghị và hơn 3.000 hộ thoát nghèo."
    stats = tag_statistics(text)
    assert [s.text for s in stats] == ["gần 72.000 lượt", "trên 1.200 hội nghị", "hơn 3.000 hộ thoát nghèo"]
    assert all(text[s.start:s.end] == s.text and s.text.startswith(s.qualifier) for s in stats)


@pytest.mark.parametrize("sentence, expected", [
    # a rate per period or unit of measure keeps it; "đồng/người" is in đồng, a yield "tạ/ha" in tạ
    ("Giá heo hơi còn 41.000 đồng/kg, gió cấp 8 (60-75km/giờ), năng suất 62 tạ/ha, lương 7 triệu đồng/người.",
     [("41.000 đồng/kg", 41000, None, "đồng/kg", None, "money"), ("60-75km/giờ", 60, None, "km/giờ", None, "measure"),
      ("62 tạ", 62, None, "tạ", None, "measure"), ("7 triệu đồng", 7e6, None, "đồng", None, "money")]),
    # an exchange rate keeps its other currency; money without a currency keeps the unit it is paid per
    ("Tỷ giá 22.660 - 22.860 VND/USD; giá đất 10-100 triệu/m2.",
     [("22.660 - 22.860 VND/USD", 22660, None, "VND/USD", None, "money"), ("10-100 triệu/m2", 1e7, None, None, None, "money")]),
    # a slash written with spaces is the same rate; a day and night ("ngày đêm") is a period
    ("Xử lý 20.000 m3 / ngày đêm, phục vụ 14.000 lượt xe/ngày đêm, giá 300 đồng / lít.",
     [("20.000 m3 / ngày đêm", 20000, None, "m3 / ngày đêm", None, "measure"),
      ("14.000 lượt xe/ngày đêm", 14000, None, "lượt xe/ngày đêm", None, "count"),
      ("300 đồng / lít", 300, None, "đồng / lít", None, "money")]),
    # the bare numbers of a list share the unit of its last amount; "khoảng" after "trong" is a range's qualifier
    ("Giá vé lần lượt là 1.200.000, 900.000 và 500.000 đồng.",
     [("1.200.000", 1.2e6, None, "đồng", None, "money"), ("900.000", 9e5, None, "đồng", None, "money"),
      ("500.000 đồng", 5e5, None, "đồng", None, "money")]),
    ("Giá dao động trong khoảng 41.000 - 49.000 đồng/kg.",
     [("khoảng 41.000 - 49.000 đồng/kg", 41000, None, "đồng/kg", "khoảng", "money")]),
    ("Giá vàng trong khoảng 40.000 - 200.000 đồng/lượng, chỉ số trong khoảng 1.330 - 1.350 điểm.",
     [("khoảng 40.000 - 200.000 đồng/lượng", 40000, None, "đồng/lượng", "khoảng", "money"),
      ("khoảng 1.330 - 1.350 điểm", 1330, None, "điểm", "khoảng", "count")]),
    # multiples are no counts, with a qualifier after "gấp" or "so với" after "lần"; a percentage per year is %
    ("Số xuất viện gấp gần 2,5 lần, tăng hơn 9 lần so với trước; lãi suất 182,5% năm.",
     [("182,5%", 182.5, None, "%", None, "percent")]),
])
def test_rates_lists_and_multiples(sentence, expected):
    assert _found(sentence) == expected


@pytest.mark.parametrize("sentence, units", [
    # verbs of health, accident and business news end the noun; so do "toàn", "khác", "liên tiếp"
    ("Hà Nội thêm 2 ca dương tính, 189 ca nghi nhiễm, 1.631 F0 nhập viện, 1.399 bệnh nhân khỏi bệnh, 3 F0 bỏ trốn.",
     ["ca", "ca", "F0", "bệnh nhân", "F0"]),
    ("Lũ quét làm 4 người thiệt mạng, 2 người mất tích.", ["người", "người"]),
    # adjectives that describe what is counted end the noun; a number word starts none (a new sentence)
    ("Tai nạn khiến 5 xe biến dạng; đội có 3 cầu thủ quan trọng và 2 bộ trang phục tuyệt đẹp.",
     ["xe", "cầu thủ", "bộ trang phục"]),
    # a place pointed at ends the noun as a named one does; so does an adverb of manner
    ("Đón 120 người dân huyện này về quê; 9 người vội vàng bỏ đi.", ["người dân", "người"]),
    ("Mưa lớn ở 4 tỉnh miền Trung và 3 xã vùng Tây Nguyên; 12 xã miền núi.", ["tỉnh", "xã", "xã miền núi"]),
    ("Có trên 600 hộ tiềm ẩn nguy cơ sạt lở; nhiệt độ 19-21 độ.", ["hộ", "độ"]),
    ("Ký với 2 tiền đạo đầy triển vọng; nhận 30 con bò đầu tiên.", ["tiền đạo", "con bò"]),
    ("Tặng quà 400 người dân khó khăn và 120 lao động gặp rủi ro.", ["người dân", "lao động"]),
    ("Vụ 3 ô tô đâm húc liên hoàn; kết nối 4 tỉnh giáp danh; 1/4 số doanh nghiệp đóng cửa.", ["ô tô", "tỉnh", "số doanh nghiệp"]),
    ("Chiếm 60% doanh thu toàn ngành, có 1 cơn bão khác và 2 cơn bão liên tiếp.", ["doanh thu", "cơn bão", "cơn bão"]),
    # a disease code after the noun is what the cases or doses are of
    ("Thêm 2 ca COVID-19 là người nhà; đã tiêm 1.500 liều vắc xin COVID-19.", ["ca", "liều vắc xin"]),
    # lists of one group joined by a comma or "và"; "con số" and "Top" before a number
    ("Khách từ 46 quốc gia, vùng lãnh thổ, tăng so với con số 10 nước; gần 4 triệu hộ và cá nhân kinh doanh.",
     ["quốc gia, vùng lãnh thổ", "nước", "hộ và cá nhân kinh doanh"]),
    ("Có 6 doanh nghiệp được vinh danh Top 10 doanh nghiệp CNTT.", ["doanh nghiệp"]),
    # "thay vì" (instead of) ends the noun as "vì" does
    ("Đội tuyển chỉ triệu tập 25 tuyển thủ thay vì 30 như mọi năm.", ["tuyển thủ"]),
    # "trong số" (among) is no naming "số"; adjectives and "gần", "dành" end the noun
    ("Trong số 5 bệnh viện dã chiến, có 12 xe cứu thương cũ và 300 người tự phát về quê.",
     ["bệnh viện dã chiến", "xe cứu thương", "người"]),
    ("Phong tỏa 3 khu dân cư gần chợ; 40% sản lượng dành cho xuất khẩu; 12 dự án nông lâm nghiệp.",
     ["khu dân cư", "sản lượng", "dự án nông lâm nghiệp"]),
    # a naming word that ends a verb names nothing ("kỷ luật 3 cá nhân"); levels of school and waters are
    # one group in a list; what befell what is counted ends it
    ("Kỷ luật 3 cá nhân; 19 trường mầm non và tiểu học, 117 ao, hồ; 10 tuyến đường ngập.",
     ["cá nhân", "trường mầm non và tiểu học", "ao, hồ", "tuyến đường"]),
    ("Công an triệu tập 4 đối tượng tung tin sai.", ["đối tượng"]),
    ("Với 53/58 phiếu đồng ý, 4 đại biểu vắng mặt; 3 điểm ngập cố hữu.", ["phiếu đồng ý", "đại biểu", "điểm ngập"]),
    # the acronym of the body what is counted belongs to ends the noun; a kind's acronym stays
    ("Gồm 28 thành viên NATO, 10 nước ASEAN và 6 doanh nghiệp CNTT.", ["thành viên", "nước", "doanh nghiệp CNTT"]),
    # a count after "và" leaves a list of names when it counts a word that neither names nor acts
    ("Có 2 đô thị loại 1 và 3 đô thị loại 2; Hội nghị Trung ương 6 và 7 khóa XII.", ["đô thị loại 1", "đô thị loại 2"]),
    # a state, status or act of what is counted ends the noun; a kind stays
    ("Có 2 người trúng đạn, 1 người nguy kịch; 500 giáo viên dôi dư; thu 3 tấn pháo vô chủ; 30 cá nhân tiêu biểu.",
     ["người", "người", "giáo viên", "tấn pháo", "cá nhân tiêu biểu"]),
    # an assessment, a delay or "chính" (main) describes what is counted
    ("Có 81% doanh nghiệp nhận định khó khăn; 50 dự án chậm tiến độ; 4 tuyến đường chính.",
     ["doanh nghiệp", "dự án", "tuyến đường"]),
    # a number word opens another amount and ends the noun; "năm" after it is the year (annual)
    ("Hơn 160 đại diện doanh nghiệp hai nước dự; đạt 75% kế hoạch năm.", ["đại diện doanh nghiệp", "kế hoạch năm"]),
    # poverty describes what is counted, or befalls it, except in the households' categories
    ("Tặng quà 120 học sinh nghèo, giúp 2.000 hội viên thoát nghèo; 50 hộ nghèo, 30 hộ thoát nghèo.",
     ["học sinh", "hội viên", "hộ nghèo", "hộ thoát nghèo"]),
    # a price keeps the unit goods are sold by, not a person it is paid to
    ("Giá dầu trên 80 USD/thùng, bia 15.000 đồng/chai, hỗ trợ 800.000 đồng/người.",
     ["USD/thùng", "đồng/chai", "đồng"]),
    ("Cổ tức 94,20 USD/cổ phiếu; khẩu trang bán 5.000 đồng/chiếc.", ["USD/cổ phiếu", "đồng/chiếc"]),
    # a prize's grade letter is in the noun, a "C" as an "A" (not a roman numeral)
    ("Trao 11 giải C và 45 giải A cho học sinh.", ["giải C", "giải A"]),
    # a range with its unit on both bounds, without "từ"; what the things are to a plan ends the noun
    ("Mức phạt là 60.000 đồng đến 80.000 đồng; 10 công việc trọng tâm, 7 chương trình đột phá.",
     ["đồng", "công việc", "chương trình"]),
    # a case of a disease is counted without what it is ("mới", "F0", "nặng"); a kind of case stays
    ("Cả nước 5.376 ca mới, 230 ca F0 và 6.498 trường hợp nặng; 215 ca cấp cứu.",
     ["ca", "ca", "trường hợp", "ca cấp cứu"]),
    # a volume or a mass keeps what it measures, glued or not, an area does not; billions alone are money
    ("Tiêu thụ 20 triệu lít xăng, 5.000 m3 nước trên 300 ha rừng, 700 kg lợn; dự án 900 tỷ tại huyện.",
     ["lít xăng", "m3 nước", "ha", "kg lợn", None]),
    ("Thu gom 2kg chai lon, 3 tấn hàng hóa và hơn 80 kg.", ["kg chai lon", "tấn hàng hóa", "kg"]),
])
def test_the_counted_noun_in_news_of_the_day(sentence, units):
    assert _units(sentence) == units


@pytest.mark.parametrize("sentence, unit", [
    ("Đó là 4 lý do khiến học sinh bỏ học.", "lý do"),
    ("Tổ tuần tra giữ khoảng 3 đối tượng rồi mới gọi hỗ trợ.", "đối tượng"),  # ("3 tiếng" is a duration)
    ("Công an giải tán 3 nhóm thiếu niên hẹn đánh nhau.", "nhóm thiếu niên"),
    ("Thành phố đón hơn 2.000 du khách dịp nghỉ lễ.", "du khách"),
    ("Hà Tĩnh và 12 tỉnh, thành phố nối lại tuyến xe khách.", "tỉnh, thành phố"),
    ("Vướng mắc còn ở 20 xã/phường trong tỉnh.", "xã/phường"),  # a slash joins groups as a comma does
    ("Mỗi ngày 3 trường/lớp được kiểm tra.", "trường"),  # not a school and a class
    ("Có 5 nguyên tắc tuyệt đối phải tuân thủ.", "nguyên tắc"),
    ("Trường hỗ trợ 300 sinh viên sắp ra trường.", "sinh viên"),
])
def test_a_clause_after_the_counted_noun_is_left_out(sentence, unit):
    (stat,) = tag_statistics(sentence)
    assert stat.unit_text == unit and stat.text.endswith(unit)


def test_a_statistic_may_be_wrapped_at_one_line_break_not_at_a_blank_line():
    text = "Huyện đã chi 2,5 tỷ\r\nđồng cho 640\nhộ nghèo.\n\nTiêu đề có 12\n\nNgười dân đến xem."
    assert [(s.text, s.unit_text, s.kind) for s in tag_statistics(text)] == [
        ("2,5 tỷ\r\nđồng", "đồng", "money"), ("640\nhộ nghèo", "hộ nghèo", "count")]


@pytest.mark.parametrize("sentence, expected", [
    ("Đội bóng chi 30 triệu bảng Anh mua tiền đạo.", ("30 triệu bảng Anh", 30e6, "bảng Anh", "money")),
    ("Doanh nghiệp được giảm 150 tỷ tiền thuê đất.", ("150 tỷ", 150e9, None, "money")),
    ("Bệnh viện tiếp nhận 120 ca/ngày.", ("120 ca/ngày", 120, "ca/ngày", "count")),
    ("Tòa nhà 9 tầng bất ngờ nghiêng.", ("9 tầng", 9, "tầng", "count")),
    ("Giá lúa dao động quanh vùng 7.200 đồng.", ("7.200 đồng", 7200, "đồng", "money")),  # an amount after "vùng"
    ("Tổ 12 có 40 hộ.", ("40 hộ", 40, "hộ", "count")),  # "Tổ 12" stays an identifier
    ("Ứng dụng có 6 tùy chọn giao diện.", ("6 tùy chọn giao diện", 6, "tùy chọn giao diện", "count")),
])
def test_forms_from_the_fresh_danes_passages(sentence, expected):
    assert [(s.text, s.value, s.unit_text, s.kind) for s in tag_statistics(sentence)] == [expected]


@pytest.mark.parametrize("sentence, expected", [
    ("Vàng nhẫn bán ra 52 triệu đồng/lượng.", [("52 triệu đồng/lượng", 52e6, "đồng/lượng", "money")]),
    ("Khách du lịch tiêu 90.000 yên một ngày.", [("90.000 yên", 90000, "yên", "money")]),
    ("Công ty vay 4 tỷ nhân dân tệ.", [("4 tỷ nhân dân tệ", 4e9, "nhân dân tệ", "money")]),
    ("Sa Pa xuống 4 độ C vào đêm qua.", [("4 độ C", 4, "độ C", "measure")]),
    ("Xe máy 110 phân khối có 2 bánh.", [("110 phân khối", 110, "phân khối", "measure"), ("2 bánh", 2, "bánh", "count")]),
    ("Đoàn xe chờ qua cửa khẩu suốt 16 tiếng đồng hồ, có xe chờ 9 tiếng.", []),  # durations in hours
    ("Khách nghỉ 1 đêm tại khu nghỉ dưỡng.", []),  # a night is a duration
    ("Giá thuê văn phòng 30,6 USD/m2/tháng.", [("30,6 USD/m2/tháng", 30.6, "USD/m2/tháng", "money")]),  # and per month
    ("Áo khoác giá chưa tới 2,7 triệu đồng.", [("chưa tới 2,7 triệu đồng", 2.7e6, "đồng", "money")]),
    ("Giá 11 USD/bộ, đất 600 triệu đồng/lô; giảm 50% phí trước bạ.",
     [("11 USD/bộ", 11, "USD/bộ", "money"), ("600 triệu đồng/lô", 6e8, "đồng/lô", "money"),
      ("50% phí trước bạ", 50, "phí trước bạ", "percent")]),
    # an amount without its currency in a list that ends in one takes it
    ("Hai mẫu xe có giá 729 triệu và 1,299 tỷ đồng.",
     [("729 triệu", 729e6, "đồng", "money"), ("1,299 tỷ đồng", 1.299e9, "đồng", "money")]),
    ("Máy có camera 50MP và cảm biến 108 MP.", [("50MP", 50, "MP", "measure"), ("108 MP", 108, "MP", "measure")]),
])
def test_units_currencies_and_hours(sentence, expected):
    assert [(s.text, s.value, s.unit_text, s.kind) for s in tag_statistics(sentence)] == expected


@pytest.mark.parametrize("sentence, unit", [
    ("Có 2.400 lao động đủ điều kiện nhận hỗ trợ.", "lao động"),
    ("Khoảng 3.000 học sinh dự kiến trở lại trường.", "học sinh"),
    ("Tỉnh chuẩn bị đón 2 cơn bão nữa.", "cơn bão"),
    ("Vụ cháy làm 6 hành khách chấn thương.", "hành khách"),
    ("Có 40 vận động viên lọt vào chung kết.", "vận động viên"),
    ("Dự án có 5 căn hộ bán trong ngày đầu.", "căn hộ"),
    ("Nhóm 12 tình nguyện viên cập nhật dữ liệu tiêm chủng.", "tình nguyện viên"),
    ("Chợ bày 5 loại hoa giống hệt nhau.", "loại hoa"),
    ("Cảnh sát thu giữ 2 chiếc Land Cruiser nhập lậu.", "chiếc Land Cruiser"),  # a brand after "chiếc" stays
    ("Vàng thế giới lên 1.780 USD/ounce.", "USD/ounce"),
    ("Giá cước giảm khoảng 60% kể từ tháng trước.", "%"),
    ("Có 12 nhà máy kịp hoàn thành trước hạn.", "nhà máy"),
    ("Khoảng 100% hồ sơ dựa vào dữ liệu số.", "hồ sơ"),
    ("Công an giải tán 20 thanh niên tụ tập trái phép.", "thanh niên"),
    ("Thợ lặn tìm thấy 1 chiếc xuồng cách bờ biển.", "chiếc xuồng"),  # "cách" (away from) after the noun
    ("Sở giới thiệu 5 cách tiết kiệm điện.", "cách"),  # "cách" (way) as the noun, the clause after it says which
    ("Chuyên gia chỉ ra 7 điều bác sĩ thường làm khi bị cảm.", "điều"),
    ("Có 3 lý do khiến người xem hấp dẫn.", "lý do"),
    ("Có 14 công nhân ngộ độc thực phẩm.", "công nhân"),
    ("Biên phòng bắt 3 ghe chở hàng lậu.", "ghe"),
    ("Mỗi đội có 23 - 25 cầu thủ mang sang.", "cầu thủ"),  # a verb with the direction it goes
    ("Có khoảng 2,13 triệu người điều chỉnh lương hưu.", "người"),
    ("Kênh có gần 500.000 lượt theo dõi.", "lượt theo dõi"),  # an event noun's verb, though "theo" opens it
    ("Có 53 rùa con nở thành công.", "rùa con"),
    ("Có 70 phòng trọ miễn phí cho người lao động.", "phòng trọ"),
    ("Tỉnh khởi công 12 dự án lớn trong quý.", "dự án"),  # an adjective describes, it does not name
    ("Có 300 loài động vật nguy cấp ở vườn quốc gia.", "loài động vật"),
    ("Khoảng 2.000 người thực tế tham gia.", "người"),
    ("Có 4 chiêu phối đồ quá đơn giản.", "chiêu phối đồ"),  # "quá" (too) before an adjective
    ("Chuyên gia chỉ ra 4 thói quen xấu khi ăn sáng.", "thói quen"),  # how good or bad: it describes
    ("Có 10 thực phẩm tốt cho tim mạch.", "thực phẩm"),
    ("Ca sinh 9: 9 đứa trẻ sinh cùng lúc đều khỏe mạnh.", "đứa trẻ"),
    ("Tử vi 12 con giáp tuần mới.", "con giáp"),  # the zodiac's animals, one noun
    ("Chủ đầu tư bán 1 căn duy nhất.", "căn"),
    ("Bác sĩ gợi ý 5 loại thực phẩm bổ dưỡng.", "loại thực phẩm"),
    ("Ca mắc là người về từ 4 tỉnh, thành phố phía Nam.", "tỉnh, thành phố"),  # a side of the country
    ("Bán nhà 2 lầu hẻm 391 đường 30.", "lầu"),  # an address after a listing's count
    ("Có 50 cảnh sát hình sự khống chế nhóm đối tượng.", "cảnh sát hình sự"),
    ("Dịch lan sang 4 tỉnh lân cận.", "tỉnh"),
    ("Máy có 13 tính năng nổi bật.", "tính năng"),
    ("Có 2 phản ứng hoàn toàn trái ngược.", "phản ứng"),
    ("Tai nạn làm 2 người văng ra đường.", "người"),
    ("Show diễn có 4 người mẫu trẻ.", "người mẫu"),  # "trẻ" (young) describes; "đứa trẻ" is a child
    ("Bệnh viện đón 9 đứa trẻ sinh cùng lúc.", "đứa trẻ"),
    ("Ứng dụng có 1 tỷ người dùng mỗi tháng.", "người dùng"),
    ("Ghi nhận 10 ca cách ly tại nhà.", "ca"),
    ("Gần 80% tổng số ca F0 đã khỏi bệnh.", "tổng số ca"),  # what the cases are, also after "tổng số"
])
def test_the_counted_noun_ends_before_an_adverb_or_verb(sentence, unit):
    (stat,) = tag_statistics(sentence)
    assert stat.unit_text == unit and stat.text.endswith(unit)


def test_a_part_before_its_total_counts_the_noun_of_the_total():
    found = [(s.text, s.value, s.unit_text) for s in tag_statistics("Đề án được thông qua với 42 trên tổng số 47 đại biểu.")]
    assert found == [("42", 42, "đại biểu"), ("47 đại biểu", 47, "đại biểu")]


def test_out_of_after_a_number_is_no_qualifier():
    found = [(s.text, s.unit_text, s.qualifier) for s in tag_statistics("Đã có 18 trên 25 xã hoàn thành, trên 300 hộ.")]
    assert found == [("18", "xã", None), ("25 xã", "xã", None), ("trên 300 hộ", "hộ", "trên")]


def test_a_percentage_of_a_total_of_cases_keeps_their_verb():
    found = [(s.text, s.unit_text) for s in tag_statistics("Ca nặng chiếm 6,4% tổng số ca mắc, với 412 ca mắc mới.")]
    assert found == [("6,4% tổng số ca mắc", "tổng số ca mắc"), ("412 ca", "ca")]


def test_a_millionaire_is_counted_not_a_scale():
    assert [(s.text, s.value, s.unit_text, s.kind) for s in tag_statistics("Danh sách có 42 tỷ phú và 7 triệu phú.")] == [
        ("42 tỷ phú", 42, "tỷ phú", "count"), ("7 triệu phú", 7, "triệu phú", "count")]


def test_millions_after_a_word_of_money_or_ending_a_clause_are_an_amount():
    found = [(s.text, s.value, s.unit_text, s.kind) for s in tag_statistics(
        "Chủ xe bị phạt tới 12 triệu. Xe ga 55 triệu, bản giới hạn. Ông dành 200 triệu trả lương.")]
    # "200 triệu" goes on into a verb with no word of money before it: no tag
    assert found == [("12 triệu", 12e6, None, "money"), ("55 triệu", 55e6, None, "money")]


def test_a_range_with_a_percent_sign_on_both_bounds_is_one_statistic():
    found = [(s.text, s.value, s.qualifier) for s in tag_statistics("Lãi suất giảm từ 7% đến 9%, phí 1,5% - 2%.")]
    assert found == [("từ 7% đến 9%", 7, "từ"), ("1,5% - 2%", 1.5, None)]


def test_a_majority_or_a_population_is_no_identifier():
    # "đa số" (the majority), "dân số" (population) are no "số" (number) naming what follows
    assert [(t.text, t.value) for t in tag_statistics("Đa số 14 hợp tác xã trong huyện đã có lãi.")] == [
        ("14 hợp tác xã", 14.0)]
    assert [(t.text, t.value) for t in tag_statistics("Indonesia có dân số 260 triệu người.")] == [
        ("260 triệu người", 260e6)]


def test_leaving_ends_the_counted_noun():
    assert [t.text for t in tag_statistics("Đã có 6 hộ dân rời khỏi vùng sạt lở, 2 gia đình rời bản.")] == [
        "6 hộ dân", "2 gia đình"]


def test_a_measure_per_an_amount_of_another_keeps_it():
    # "lít/100 km" is one unit, with the number of the measure it is counted per
    found = [(s.text, s.value, s.unit_text, s.kind) for s in tag_statistics(
        "Mẫu xe điện mới chỉ tốn 14,5 kWh/100 km, xe xăng cũ tốn 8 lít/100km.")]
    assert found == [("14,5 kWh/100 km", 14.5, "kWh/100 km", "measure"), ("8 lít/100km", 8, "lít/100km", "measure")]


def test_a_place_named_after_the_counted_noun_ends_it():
    # a place noun with a capitalised name after it is where the counted are; without a name it stays
    text = "Đoàn thăm 40 hộ dân xã Sơn Thủy, tặng quà 3 giáo viên TP Vinh và 8 bệnh viện tuyến tỉnh."
    assert _units(text) == ["hộ dân", "giáo viên", "bệnh viện tuyến tỉnh"]
    # "TP" (city) ends it also with its name glued after a dot or left out
    assert _units("Có 3 lý do TP.HCM chưa mở cửa, hơn 4.000 thanh niên TP tham gia.") == ["lý do", "thanh niên"]


def test_a_time_after_the_counted_noun_ends_it():
    # a week, month or day after the noun dates it; "năm" after a plan makes it the annual plan
    text = "Tử vi 12 cung hoàng đạo tuần mới; ghi nhận 20 ca ngày hôm qua; đạt 75,4% kế hoạch năm."
    assert _units(text) == ["cung hoàng đạo", "ca", "kế hoạch năm"]


def test_times_of_day_counted_are_a_duration():
    # "buổi" with a time of day is a span of time; a session of an event stays a count
    assert _units("Lớp học kéo dài 3 buổi chiều, huyện tổ chức 12 buổi tuyên truyền.") == ["buổi tuyên truyền"]


@pytest.mark.parametrize("sentence, expected", [
    # a verb, an adjective or a word of place or position in a row ends the counted noun
    ("Hơn 30 hộ dân kéo đến trụ sở xã.", [("Hơn 30 hộ dân", "hộ dân")]),
    ("Có 5 mã số trùng với danh sách cũ.", [("5 mã số", "mã số")]),
    ("Khoảng 1/4 giáo viên bỏ việc trong năm.", [("Khoảng 1/4 giáo viên", "giáo viên")]),
    ("Đội tuyển thua 3 trận cuối của vòng bảng.", [("3 trận", "trận")]),
    ("Có 12 người quê Nghệ An bị nạn.", [("12 người", "người")]),
    ("Hai bên đối chất, 2 bên đối chất tại tòa.", [("2 bên", "bên")]),
    ("Tòa đã xử 30 vụ án tương tự trong năm.", [("30 vụ án", "vụ án")]),
    ("Hãng bổ sung 8 chuyến bay tăng cường dịp Tết.", [("8 chuyến bay", "chuyến bay")]),
    ("Có 5 chuyến khởi hành từ Nội Bài.", [("5 chuyến", "chuyến")]),
    ("Bắt 12 nhân viên bảo vệ sân bay Cát Bi.", [("12 nhân viên bảo vệ", "nhân viên bảo vệ")]),
    ("Phát hiện 3 lỗ hổng nghiêm trọng trong phần mềm.", [("3 lỗ hổng", "lỗ hổng")]),
    ("Hãng mở 2 chuyến tàu đặc biệt đưa khách về quê.", [("2 chuyến tàu", "chuyến tàu")]),
    ("Gợi ý 5 món ăn lạ miệng cho bữa sáng.", [("5 món ăn", "món ăn")]),
    ("Thu giữ 7 thùng hàng chứa pháo nổ.", [("7 thùng hàng", "thùng hàng")]),
    ("Hơn 500 công dân hồi hương qua cửa khẩu.", [("Hơn 500 công dân", "công dân")]),
    ("Khoảng 40 người đi bộ trên cầu.", [("Khoảng 40 người", "người")]),
    ("Có 3 doanh nghiệp trúng thầu dự án.", [("3 doanh nghiệp", "doanh nghiệp")]),
    ("Công an triệu tập 5 thanh niên gây rối trật tự.", [("5 thanh niên", "thanh niên")]),
    ("Xảy ra 10 vụ cháy gây thiệt hại lớn.", [("10 vụ cháy", "vụ cháy")]),
    ("Đã có 2.000 người trở về quê.", [("2.000 người", "người")]),
    ("Gỡ 3 bài hát phản cảm khỏi mạng.", [("3 bài hát", "bài hát")]),
    ("Phát hiện 2 nhóm thanh niên chuẩn bị hung khí.", [("2 nhóm thanh niên", "nhóm thanh niên")]),
    ("Xã có 8 khu dân cư an toàn về an ninh trật tự.", [("8 khu dân cư", "khu dân cư")]),
    ("Vụ tai nạn làm 12 hành khách thương vong.", [("12 hành khách", "hành khách")]),
    ("Hội nghị có 90 đại biểu đại diện cho các ngành.", [("90 đại biểu", "đại biểu")]),
    ("Tỉnh có thêm 7 ca nhập cảnh và 30 ca ghi nhận trong cộng đồng.", [("7 ca", "ca"), ("30 ca", "ca")]),
    # nouns that begin like a verb or a function word, and compounds the dictionary lacks
    ("Công an đã bắt 3 bị can về tội lừa đảo.", [("3 bị can", "bị can")]),
    ("Cảnh sát bắt hơn 2.000 nghi phạm.", [("hơn 2.000 nghi phạm", "nghi phạm")]),
    ("Công an tạm giữ 6 nghi can.", [("6 nghi can", "nghi can")]),
    ("Tuyến buýt mới có 24 điểm dừng.", [("24 điểm dừng", "điểm dừng")]),
    ("Giảm 50% lệ phí trước bạ cho ô tô.", [("50% lệ phí trước bạ", "lệ phí trước bạ")]),
    ("Sàn ghi nhận 2,5 triệu giao dịch trong ngày.", [("2,5 triệu giao dịch", "giao dịch")]),
    ("Dự báo có 3 đợt không khí lạnh.", [("3 đợt không khí lạnh", "đợt không khí lạnh")]),
        ("Thu 1.000 bao, can nhựa và 13 siêu xe, xe sang của hơn 300 quan chức, tướng lĩnh.",  # containers,
     [("1.000 bao, can nhựa", "bao, can nhựa"), ("13 siêu xe, xe sang", "siêu xe, xe sang"),  # vehicles,
      ("hơn 300 quan chức, tướng lĩnh", "quan chức, tướng lĩnh")]),  # people: one group each
    ("Có 15 dự án điện gió, điện mặt trời.", [("15 dự án điện gió, điện mặt trời", "dự án điện gió, điện mặt trời")]),
    ("Dự án có 2.461 nhà ở liền kề, biệt thự, căn hộ chung cư.",  # kinds of housing: one group ([housing])
     [("2.461 nhà ở liền kề, biệt thự, căn hộ chung cư", "nhà ở liền kề, biệt thự, căn hộ chung cư")]),
("Quỹ có 25 thương hiệu tài chính.", [("25 thương hiệu tài chính", "thương hiệu tài chính")]),
    ("Tăng khoảng 1,5% lãi suất tiền gửi ngân hàng.", [("khoảng 1,5% lãi suất tiền gửi ngân hàng",
                                                     "lãi suất tiền gửi ngân hàng")]),
    ("Đội có 7 lối chơi khác nhau.", [("7 lối chơi", "lối chơi")]),
    ("Vay 100% online; có 6 kênh đầu tư online.", [("100%", "%"), ("6 kênh đầu tư online", "kênh đầu tư online")]),
    ("Thu giữ 566 chai sữa tắm giả; đây là 4 con giáp may mắn.", [("566 chai sữa tắm", "chai sữa tắm"),
                                                                 ("4 con giáp", "con giáp")]),  # fake, lucky: no kind
    ("Gần 500 người tự chạy xe về quê; lập 30 đội tự quản.", [("Gần 500 người", "người"),  # "tự" (by themselves)
                                                           ("30 đội tự quản", "đội tự quản")]),  # not in a word
    # "không vượt quá" is a qualifier like "không quá"; "đ" is a currency; "loại 1" names
    ("Độ ồn không vượt quá 55 dBA vào ban đêm.", [("không vượt quá 55 dBA", "dBA")]),
    ("Gạo loại 1 giá bán 15.000đ/kg.", [("15.000đ/kg", "đ/kg")]),
    # ... but a type told by a count of seats counts them, once: "loại 30 chỗ"
    ("Xe khách loại 30 chỗ bị lật.", [("30 chỗ", "chỗ")]),
    ("Huyện thuê 12 xe loại 16 chỗ.", [("12 xe loại 16 chỗ", "xe loại 16 chỗ")]),
    # "Covid - 19" written with spaces is a code, not a count
    ("Ban Chỉ đạo phòng, chống dịch Covid - 19 huyện họp với 12 xã.", [("12 xã", "xã")]),
    # adjectives that describe what is counted end it: "cũ nát" (run-down), "cố định" (fixed)
    ("Còn 5-6 căn nhà cũ nát và 5 tuyến buýt cố định.", [("5-6 căn nhà", "căn nhà"), ("5 tuyến buýt", "tuyến buýt")]),
    # "xưng" (claim to be), "tồn lưu" (linger), "xấu số" (ill-fated), "hiệu" (of the brand) end the noun;
    # "đại diện" (representative) is a noun at its start
    ("Có 2 người đàn ông xưng là công an, 3 đứa trẻ xấu số và 3 điểm nóng tồn lưu chất độc.",
     [("2 người đàn ông", "người đàn ông"), ("3 đứa trẻ", "đứa trẻ"), ("3 điểm nóng", "điểm nóng")]),
    ("Xe 5 chỗ hiệu Toyota chở hơn 160 đại diện doanh nghiệp.",
     [("5 chỗ", "chỗ"), ("hơn 160 đại diện doanh nghiệp", "đại diện doanh nghiệp")]),
    ("Bệnh viện quân y 105 xác nhận ông đã tử vong.", []),  # "xác nhận" (confirm) is a verb
    # "chính thức" (official), "hụt thu" (fall short of revenue), "tìm thấy" (found), "rót" (pour in) end it
    ("Có 20 phiên chính thức, 12 địa phương hụt thu, 4 nạn nhân tìm thấy và 86% vốn điều lệ rót vào dự án.",
     [("20 phiên", "phiên"), ("12 địa phương", "địa phương"), ("4 nạn nhân", "nạn nhân"),
      ("86% vốn điều lệ", "vốn điều lệ")]),
    # corporations, companies and banks are one kind of organisation: a list of them is counted as one
    ("Có 36 tập đoàn, tổng công ty và ngân hàng thương mại tham gia.",
     [("36 tập đoàn, tổng công ty và ngân hàng thương mại", "tập đoàn, tổng công ty và ngân hàng thương mại")]),
    # "chạy" (run), "chia" (share) are verbs: "cả 2" counts nothing
    ("Cả 2 chạy đến nghĩa trang, 2 người chia nhau 33 triệu đồng.", [("2 người", "người"), ("33 triệu đồng", "đồng")]),
    # a range's lower bound in millions, its currency written on the upper only; "cho đến" joins bounds too
    ("Vé được rao lên tới 5 triệu đến 6 triệu đồng mỗi cặp; giá từ 1.199 triệu đồng cho đến 1.839 triệu đồng.",
     [("5 triệu đến 6 triệu đồng", "đồng"), ("từ 1.199 triệu đồng cho đến 1.839 triệu đồng", "đồng")]),
    # millions that end a clause or a list item are an amount of money, its currency unsaid
    ("Mua xe 729 triệu và 1,299 tỷ; gửi về cho gia đình 80 triệu và thông báo; nơi khác là hơn 140 triệu.",
     [("729 triệu", None), ("1,299 tỷ", None), ("80 triệu", None), ("hơn 140 triệu", None)]),
    # what the counted held or did for a living ("cầm", "chuyên", "làm ăn"); "trường chuyên" is a kind of school
    ("Khoảng 7-8 thanh niên cầm hung khí; bắt 2 đối tượng chuyên đột nhập; vay hơn 3 tỷ làm ăn; 4 trường chuyên công lập.",
     [("Khoảng 7-8 thanh niên", "thanh niên"), ("2 đối tượng", "đối tượng"), ("hơn 3 tỷ", None),
      ("4 trường chuyên công lập", "trường chuyên công lập")]),
    # what the counted wore, hid, kept, threw away or fled from ("mặc", "giấu", "tàng trữ", "vứt", "bỏ chạy"),
    # or whose name they bear ("mang tên", "đứng tên")
    ("Bắt 3 thanh niên giấu ma túy, 2 đối tượng tàng trữ vũ khí, 2 kẻ vứt hàng tạ ma túy; 2 đối tượng bỏ chạy; "
     "1 người mặc áo đen; 4 tài khoản mang tên người khác; 103 cổ đông đứng tên.",
     [("3 thanh niên", "thanh niên"), ("2 đối tượng", "đối tượng"), ("2 kẻ", "kẻ"), ("2 đối tượng", "đối tượng"),
      ("1 người", "người"), ("4 tài khoản", "tài khoản"), ("103 cổ đông", "cổ đông")]),
    # what the counted is worth ("trị giá", "tổng trị giá"), did ("hành hung", "bịt", "hi sinh"), or lies along ("dọc")
    ("Thu 2 sổ tiết kiệm trị giá 1 tỷ, 1 xe máy tổng trị giá 50 triệu; 3 đối tượng hành hung nhân viên; "
     "5 thanh niên bịt khẩu trang; 98 thanh niên hi sinh; 2.220 hộ dân dọc kênh.",
     [("2 sổ tiết kiệm", "sổ tiết kiệm"), ("1 tỷ", None), ("1 xe máy", "xe máy"), ("50 triệu", None),
      ("3 đối tượng", "đối tượng"), ("5 thanh niên", "thanh niên"), ("98 thanh niên", "thanh niên"),
      ("2.220 hộ dân", "hộ dân")]),
    # ... promised ("hứa hẹn"), came back ("quay lại"), reported ("trình báo"; "đơn trình báo" is a letter), drowned
    ("46 tập phim hứa hẹn hấp dẫn; 2 người quay lại; 47 người dân trình báo; 3 đơn trình báo; 3 cháu bé chết đuối.",
     [("46 tập phim", "tập phim"), ("2 người", "người"), ("47 người dân", "người dân"),
      ("3 đơn trình báo", "đơn trình báo"), ("3 cháu bé", "cháu bé")]),
    # ... opened fire, tortured, went out, felled ("nổ súng", "tra tấn", "đi chơi", "chặt phá") or were tattooed
    ("2 nhóm thanh niên nổ súng; 2 đối tượng chủ mưu tra tấn; 3 bé trai đi chơi; 7 đối tượng chặt phá rừng; "
     "khoảng 5 người xăm trổ.",
     [("2 nhóm thanh niên", "nhóm thanh niên"), ("2 đối tượng chủ mưu", "đối tượng chủ mưu"), ("3 bé trai", "bé trai"),
      ("7 đối tượng", "đối tượng"), ("khoảng 5 người", "người")]),
    # "chỉ vàng" (a tenth of a tael of gold) is a noun, though "chỉ" alone is "only"
    ("Kẻ gian lấy 35 chỉ vàng và tặng 1,5 chỉ vàng.", [("35 chỉ vàng", "chỉ vàng"), ("1,5 chỉ vàng", "chỉ vàng")]),
    # a bomber is one noun, which the dictionary lacks
    ("Mỹ đang sản xuất 5 máy bay ném bom chiến lược.", [("5 máy bay ném bom chiến lược", "máy bay ném bom chiến lược")]),
    # "khá" (quite) is an adverb, "ngừa" (prevent), "tránh" (avoid), "xen lẫn" (mingled) are verbs
    ("Có 1 bộ phim khá thú vị; tiêm 2 mũi vắc xin ngừa cúm; 2 xe tránh nhau; 7 người xen lẫn nhà vườn.",
     [("1 bộ phim", "bộ phim"), ("2 mũi vắc xin", "mũi vắc xin"), ("2 xe", "xe"), ("7 người", "người")]),
    # a naming word's number may carry a letter: a class, a road ("lớp 1C", "lớp 12B4", "quốc lộ 2C")
    ("Có 3 học sinh lớp 1C và 2 học sinh lớp 12B4 bị thương.",
     [("3 học sinh lớp 1C", "học sinh lớp 1C"), ("2 học sinh lớp 12B4", "học sinh lớp 12B4")]),
    # what stands trial, is named above or is wrong ("hầu tòa", "nêu", "sai"), lost its roof, denied ("tốc mái", "phủ nhận")
    ("Có 17 bị cáo hầu tòa; 5 bị can nêu trên; 3 văn bản sai quy định; 23 căn tốc mái; 2 trường hợp phủ nhận.",
     [("17 bị cáo", "bị cáo"), ("5 bị can", "bị can"), ("3 văn bản", "văn bản"), ("23 căn", "căn"),
      ("2 trường hợp", "trường hợp")]),
    # ministries are a kind of organisation, listed with sectors ("bộ, ngành"); a set ("bộ hồ sơ") stays apart
    ("Có 105 bộ, ngành, địa phương và 22 bộ, cơ quan ngang bộ; nộp 22 bộ hồ sơ, 3 bộ phim.",
     [("105 bộ, ngành, địa phương", "bộ, ngành, địa phương"), ("22 bộ, cơ quan ngang bộ", "bộ, cơ quan ngang bộ"),
      ("22 bộ hồ sơ", "bộ hồ sơ"), ("3 bộ phim", "bộ phim")]),
    # a naming word's number is a span of time when one follows ("kế hoạch | 6 tháng", "lần | 1 phút": any listed
    # duration); ships dock, goods are bid for
    ("Thu đạt 103% kế hoạch 6 tháng; 61 lượt tàu cập các cảng; 30 vạn tấn cập bến; 7 mặt hàng chào mua.",
     [("103% kế hoạch", "kế hoạch"), ("61 lượt tàu", "lượt tàu"), ("30 vạn tấn", "tấn"), ("7 mặt hàng", "mặt hàng")]),
    ("Tim đập khoảng 17 lần 1 phút.", [("khoảng 17 lần", "lần")]),
    # what the counted people did: asked, killed, fought back, appealed ("đơn kháng cáo", an appeal, is a noun;
    # so is "vắc xin" written without its hyphen)
    ("Cục gửi 19 tỉnh, thành phố xin ý kiến; bắt 2 nghi phạm giết người; 2 đối tượng chống trả quyết liệt; "
     "5 bị cáo kháng cáo; nhận 3 đơn kháng cáo; tiêm 2 mũi vắc xin.",
     [("19 tỉnh, thành phố", "tỉnh, thành phố"), ("2 nghi phạm", "nghi phạm"), ("2 đối tượng", "đối tượng"),
      ("5 bị cáo", "bị cáo"), ("3 đơn kháng cáo", "đơn kháng cáo"), ("2 mũi vắc xin", "mũi vắc xin")]),
    # the ones named above ("kể trên"), what they admit or face, when they set off; a day or year named from
    # today and "liên tục" (continuously) start the next clause
    ("Bắt 3 đối tượng kể trên; 2 đối tượng thừa nhận hành vi; 9 người đối mặt án tù; 5 chuyến tàu xuất phát "
     "tại ga; có 47 quốc gia hôm nay tham gia; 2.411 người năm ngoái tử vong; 2 người liên tục cãi nhau.",
     [("3 đối tượng", "đối tượng"), ("2 đối tượng", "đối tượng"), ("9 người", "người"), ("5 chuyến tàu", "chuyến tàu"),
      ("47 quốc gia", "quốc gia"), ("2.411 người", "người"), ("2 người", "người")]),
    # what the counted people did at the scene ("gây án", "áp sát", "tẩu thoát", "hỗn chiến"), won ("giành"),
    # and how fast ("nhanh chóng")
    ("Truy bắt 2 đối tượng gây án; 2 thanh niên áp sát; 2 nhóm côn đồ hỗn chiến; 4 thanh niên nhanh chóng "
     "tẩu thoát; 5 thí sinh giành chiến thắng; 2 người phát sinh mâu thuẫn.",
     [("2 đối tượng", "đối tượng"), ("2 thanh niên", "thanh niên"), ("2 nhóm côn đồ", "nhóm côn đồ"),
      ("4 thanh niên", "thanh niên"), ("5 thí sinh", "thí sinh"), ("2 người", "người")]),
    # "trên" right after another count is where the count is ("on"), not a qualifier ("over"); an amount after
    # a count keeps it ("5 nhà máy trên 30 MW"); an estimate ends what is counted ("ước tính")
    ("Văn phòng có 34 dịch vụ trên 6 lĩnh vực; 13 ngư dân trên 2 tàu; 5 nhà máy trên 30 MW; tỉnh có trên 300 "
     "doanh nghiệp; 5 đối tượng trộm cắp ước tính trên 1 tỷ đồng.",
     [("34 dịch vụ", "dịch vụ"), ("6 lĩnh vực", "lĩnh vực"), ("13 ngư dân", "ngư dân"), ("2 tàu", "tàu"),
      ("5 nhà máy", "nhà máy"), ("trên 30 MW", "MW"), ("trên 300 doanh nghiệp", "doanh nghiệp"),
      ("5 đối tượng trộm cắp", "đối tượng trộm cắp"), ("trên 1 tỷ đồng", "đồng")]),
    # programmes and projects, goods and services, complaints and denunciations are listed as one group
    ("Thu hút hơn 30 chương trình, dự án ODA; đăng ký 3.226 sản phẩm, dịch vụ; giải quyết 226 vụ việc khiếu nại, "
     "tố cáo.",
     [("hơn 30 chương trình, dự án ODA", "chương trình, dự án ODA"), ("3.226 sản phẩm, dịch vụ", "sản phẩm, dịch vụ"),
      ("226 vụ việc khiếu nại, tố cáo", "vụ việc khiếu nại, tố cáo")]),
    ("Triệt xóa 2 tụ điểm ma túy phức tạp nằm sâu trong núi.", [("2 tụ điểm ma túy", "tụ điểm ma túy")]),
    ("Sân phải tổ chức 2 trận đấu tiếp theo của câu lạc bộ.", [("2 trận đấu", "trận đấu")]),  # the next ones
    # what the counted did ("khai", "khóc", "nghe tin", "giả danh") or how hard or small they are; after an
    # event noun the action is the event ("4 lần lấy lời khai")
    ("Ông trùm mang 9 tiền án khai gì? Bà mẹ 3 con khóc ngất; tạm giữ 4 đối tượng giả danh dân phòng; "
     "5 món ngon dễ làm; 3 bánh bé nhỏ; 4 điểm nhấn khó quên; sau 4 lần lấy lời khai.",
     [("9 tiền án", "tiền án"), ("3 con", "con"), ("4 đối tượng", "đối tượng"), ("5 món ngon", "món ngon"),
      ("3 bánh", "bánh"), ("4 điểm nhấn", "điểm nhấn"), ("4 lần lấy lời khai", "lần lấy lời khai")]),
    # a model's or an age group's code ends what is counted or measured; short codes stay ("F1", "A4")
    ("Tủ lạnh 194 lít GR-A25VM giá rẻ, 2 đèn flash HVL-F60RM2, 5 cầu thủ U22 Việt Nam, 3 trường hợp F1, 1 tờ A4.",
     [("194 lít", "lít"), ("2 đèn flash", "đèn flash"), ("5 cầu thủ", "cầu thủ"), ("3 trường hợp F1", "trường hợp F1"),
      ("1 tờ A4", "tờ A4")]),
    # ... unless a naming word names it: the type is what is counted
    ("Cần khoảng 206.900 thanh ray loại P50 để thay thế.", [("khoảng 206.900 thanh ray loại P50", "thanh ray loại P50")]),
    # a building's storeys count nothing after them; a kind of storey is a word of its own
    ("Bán nhà 7 tầng thang máy, nhà 3 lầu khu vực yên tĩnh, 2 tầng hầm, 11 tầng nổi và 1 tầng kỹ thuật.",
     [("7 tầng", "tầng"), ("3 lầu", "lầu"), ("2 tầng hầm", "tầng hầm"), ("11 tầng nổi", "tầng nổi"),
      ("1 tầng kỹ thuật", "tầng kỹ thuật")]),
    # a dictionary word of split_words.txt is read as a noun and a function word ("ca từ": lyrics)
    ("Ghi nhận 15 ca từ đầu năm; hơn 20.000 người ở Đồng Nai đã tiêm.",
     [("15 ca", "ca"), ("hơn 20.000 người", "người")]),
    # "đương nhiệm" (incumbent), "nhập lậu" (smuggled), "chữa" (treat) end it; cases "phát hiện" (found) too
    ("Có 35 nhà lãnh đạo đương nhiệm, 860 kg xúc xích nhập lậu, 10 bác sĩ chữa vô sinh và 33 ca phát hiện ở Hà Nội.",
     [("35 nhà lãnh đạo", "nhà lãnh đạo"), ("860 kg xúc xích", "kg xúc xích"), ("10 bác sĩ", "bác sĩ"),
      ("33 ca", "ca")]),
    # "yêu cầu" (a request), "triển lãm" (an exhibition) are counted nouns; "chủ yếu", "di chuyển" end one;
    # "covid 19" without its dash is a code
    ("Đưa ra 4 yêu cầu, có 2 triển lãm cá nhân; 4 dân tộc chủ yếu; hơn 6000 người dân di chuyển khi covid 19 bùng phát.",
     [("4 yêu cầu", "yêu cầu"), ("2 triển lãm cá nhân", "triển lãm cá nhân"), ("4 dân tộc", "dân tộc"),
      ("hơn 6000 người dân", "người dân")]),
    # watts and milliampere-hours are measures; a price per use keeps "/lượt"
    ("Sạc nhanh 33W, pin 4.750 mAh; vé 1.000 đồng/lượt.", [("33W", "W"), ("4.750 mAh", "mAh"), ("1.000 đồng/lượt", "đồng/lượt")]),
    # "chào mừng" (to celebrate) and "tiêm" (to inject) end a counted noun, after an event noun "tiêm" is the event;
    # a price per share keeps "/cp"
    ("Có 69 công trình, phần việc chào mừng Đại hội; 13 đợt tiêm; 16 địa phương tiêm vắc xin; giá 10.000 đồng/cp.",
     [("69 công trình, phần việc", "công trình, phần việc"), ("13 đợt tiêm", "đợt tiêm"), ("16 địa phương", "địa phương"),
      ("10.000 đồng/cp", "đồng/cp")]),
    # "nhà ở xã hội" (social housing) is one noun; "ở" (at) after "căn nhà" still ends it
    ("Xây khoảng 222.500 căn nhà ở xã hội; 500 căn nhà ở khu vực này.",
     [("khoảng 222.500 căn nhà ở xã hội", "căn nhà ở xã hội"), ("500 căn nhà", "căn nhà")]),
    # "tổng cộng" (in total), "suốt" (throughout), "cụ thể" (specific), "sở hữu" (to own) end a counted noun
    ("Có 22 công ty tổng cộng; VN-Index ở 1.400 điểm suốt tuần; 100% dự phòng cụ thể; 2 triệu người sở hữu cổ phiếu.",
     [("22 công ty", "công ty"), ("1.400 điểm", "điểm"), ("100% dự phòng", "dự phòng"), ("2 triệu người", "người")]),
    # "hư hại" (damaged), "trái chiều" (opposing), "tái sản xuất" (resume production) end a counted noun
    ("Có 5 phương tiện hư hại nặng, 2 kịch bản trái chiều nhau và 40% số doanh nghiệp tái sản xuất.",
     [("5 phương tiện", "phương tiện"), ("2 kịch bản", "kịch bản"), ("40% số doanh nghiệp", "doanh nghiệp")]),
    # the scope a count is taken over ends it
    ("Có 30 nhà lãnh đạo thế giới dự; 63 tỉnh, thành phố cả nước; 80.000 nhân viên y tế toàn cầu.",
     [("30 nhà lãnh đạo", "nhà lãnh đạo"), ("63 tỉnh, thành phố", "tỉnh, thành phố"), ("80.000 nhân viên y tế", "nhân viên y tế")]),
    # "triệu chứng" (symptoms) is no million; "hậu" (post-) ends the noun
    ("Có đến 50 triệu chứng hậu COVID ở 3 triệu người.", [("50 triệu chứng", "triệu chứng"), ("3 triệu người", "người")]),
    # a storm's position: degrees of latitude and longitude are measures with their direction
    ("Tâm bão ở vào khoảng 15,7 độ Vĩ Bắc; 111,9 độ Kinh Đông.",
     [("khoảng 15,7 độ Vĩ Bắc", "độ Vĩ Bắc"), ("111,9 độ Kinh Đông", "độ Kinh Đông")]),
    # "gì" (what) and "thông qua" (through) are function words
    ("Làm 1 điều gì đó; bán 3.000 sản phẩm thông qua mạng xã hội.", [("1 điều", "điều"), ("3.000 sản phẩm", "sản phẩm")]),
    # a numbered place after the noun ends it, as a named one does
    ("Có 3 địa phương quận 12, quận Bình Tân và 50 hộ dân phường 5 bị ảnh hưởng.",
     [("3 địa phương", "địa phương"), ("50 hộ dân", "hộ dân")]),
    # "tăng|giảm ... lần" is a multiple, no count; "tăng 39 ca" counts
    ("Giá tăng 39 lần, lãi tăng lên khoảng 23 lần, giảm 2 lần; tăng 39 ca.", [("39 ca", "ca")]),
    # a stock's ticker after its shares is no part of the counted noun
    ("Bán 5,2 triệu cổ phiếu GTT và 24 triệu cp HQC.", [("5,2 triệu cổ phiếu", "cổ phiếu"), ("24 triệu cp", "cp")]),
    # a pronoun is the next clause's subject; "bà con" (villagers), "anh em" (brothers) are counted nouns
    ("Sau 4 câu ông trả lời, xã hỗ trợ 1 kg gạo chị Lan nhận và hơn 2.000 bà con, 8 anh em dự lễ.",
     [("4 câu", "câu"), ("1 kg gạo", "kg gạo"), ("hơn 2.000 bà con", "bà con"), ("8 anh em", "anh em")]),
    # a verb that names nothing counted opens no noun (verbs.txt [opening]); after a noun it tells which ones
    ("Bộ phim 20 công chiếu vào mùa hè; đội xếp thứ hai (2 thắng, 1 hòa) sau 5 ván thắng và thay 3 linh kiện thay thế.",
     [("5 ván thắng", "ván thắng"), ("3 linh kiện thay thế", "linh kiện thay thế")]),
])
def test_where_the_counted_noun_ends(sentence, expected):
    assert [(t.text, t.unit_text) for t in tag_statistics(sentence)] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Nga hoàn tất dự án Nord Stream 2 bất chấp khó khăn.", []),
    ("Máy bay Boeing 787 hạ cánh an toàn.", []),
    ("Giá iPhone 13 mini giảm mạnh.", []),
    ("iPhone 13 khan hiếm, không đủ trả hàng.", []),  # a name in mixed case opening the text
    ("Realme 8 Pro trình làng; Vinamilk 3 nhà máy đạt chuẩn.", [("3 nhà máy", "nhà máy")]),  # a brand opening it
    ("Trong 5 tháng có 30 chuyến bay.", [("30 chuyến bay", "chuyến bay")]),  # not a Vietnamese word opening it
    ("Nhà máy Thủy điện Sông Đà 2 thiếu nước; công ty Trường Thành 3 thăm công nhân.", []),  # Vietnamese capitals
    ("Đội bóng giành chiến thắng trước Heat\n20 điểm của anh quyết định trận đấu.", [("20 điểm", "điểm")]),  # a new line
    ("Nữ diễn viên tuổi 50 giàu sang.", []),  # an age: "tuổi" names the number
    ("Tiêm vắc xin Pfizer 2 mũi cho trẻ; tỉnh Long An 5 ca mắc mới.", [("2 mũi", "mũi"), ("5 ca", "ca")]),
    ("UBND thành phố Hà Nội và UBND 40 tỉnh, thành phố phối hợp.", [("40 tỉnh, thành phố", "tỉnh, thành phố")]),
])
def test_a_number_after_a_name_counts_only_a_listed_noun(sentence, expected):
    """A number right after a capitalised name is the name's ("Nord Stream 2") unless a noun of the lists follows."""
    assert [(t.text, t.unit_text) for t in tag_statistics(sentence)] == expected


def test_a_range_with_its_scale_word_on_the_lower_bound_is_one_amount():
    (found,) = tag_statistics("Giá thuê từ 2,5 triệu đến 6 triệu đồng mỗi tháng.")
    assert (found.text, found.value, found.unit_text, found.qualifier) == ("từ 2,5 triệu đến 6 triệu đồng", 2.5e6, "đồng", "từ")


def test_van_is_ten_thousand():
    (found,) = tag_statistics("Mỗi suất giá 3 vạn nhân dân tệ.")
    assert (found.text, found.value, found.unit_text) == ("3 vạn nhân dân tệ", 30000, "nhân dân tệ")


def test_a_part_or_a_season_is_named_by_its_number():
    text = "Phim phần 2 tập cuối lên sóng; mùa 3 chương trình có 12 thí sinh."
    assert [t.text for t in tag_statistics(text)] == ["12 thí sinh"]


def test_a_lunar_new_year_day_is_named_by_its_number():
    """"mùng 2 Tết" is the second day of Tết, not two of anything."""
    text = "Tối mùng 2 Tết (17/2) có 5 người bị thương; mồng 4 Tết yên ả."
    assert [t.text for t in tag_statistics(text)] == ["5 người"]


def test_on_a_tie_the_cut_before_a_verb_wins():
    """"người thương | vong" and "người | thương vong" both cut three syllables into two words; the one
    whose second word is a known verb wins, so the verb ends the counted noun."""
    assert [t.text for t in tag_statistics("Vụ tai nạn làm 12 người thương vong.")] == ["12 người"]


@pytest.mark.parametrize("sentence, span", [
    ("Chính phủ có 3 tân Phó Thủ tướng mới.", "3 tân Phó Thủ tướng"),
    ("Đã thay 2 Giám đốc Công an tỉnh trong tuần.", "2 Giám đốc Công an tỉnh"),
    ("Bầu bổ sung 3 Ủy viên Ban Thường vụ.", "3 Ủy viên Ban Thường vụ"),
    ("Thủ tướng bổ nhiệm 2 Thứ trưởng Ngoại giao.", "2 Thứ trưởng Ngoại giao"),  # a ministry by its field
    ("Bổ nhiệm 2 Giám đốc Công an tỉnh Hưng Yên, Thái Bình.", "2 Giám đốc Công an tỉnh"),  # a list of places
    ("Tỉnh có 2 Phó Chủ tịch UBND tỉnh Nguyễn Văn An và Trần Văn Bình.", "2 Phó Chủ tịch UBND tỉnh"),  # names
    ("Kỷ luật 1 cựu phó chủ tịch HĐND phường.", "1 cựu phó chủ tịch HĐND phường"),  # in lowercase, former
])
def test_a_headcount_of_posts_counts_the_post_with_its_body(sentence, span):
    (found,) = tag_statistics(sentence)
    assert (found.text, found.unit_text, found.kind) == (span, span.split(" ", 1)[1], "count")


def test_delegates_in_lowercase_are_counted_as_people():
    assert [t.text for t in tag_statistics("Có 500 đại biểu Quốc hội dự phiên họp.")] == ["500 đại biểu"]


@pytest.mark.parametrize("sentence, span", [
    ("Huyện có 01 tỉnh chuyển đổi mô hình.", "01 tỉnh"),  # a verb ends the noun
    ("Có 23 trường ĐH thí điểm tự chủ.", "23 trường ĐH"),
    ("Tỉnh tổ chức 3 đợt thí điểm.", "3 đợt thí điểm"),  # after an event noun it is the event
    ("Hội nghị có 18 lãnh đạo chuyển đổi số dự.", "18 lãnh đạo chuyển đổi số"),  # a noun the dictionary lacks
])
def test_chuyen_doi_and_thi_diem_are_verbs_unless_a_noun(sentence, span):
    assert [t.text for t in tag_statistics(sentence)] == [span]


def test_an_amount_of_money_without_its_currency_keeps_its_period():
    (found,) = tag_statistics("Mức lương chỉ 1,3 triệu/tháng là quá thấp.")
    assert (found.text, found.kind, found.value, found.unit_text) == ("1,3 triệu/tháng", "money", 1.3e6, None)


@pytest.mark.parametrize("sentence, span", [
    ("Có 131 công nhân kêu cứu khẩn cấp.", "131 công nhân"),
    ("Công an bắt gần 100 đối tượng đốt pháo.", "gần 100 đối tượng"),
    ("Xác định 6 người tung tin vỡ đập.", "6 người"),
    ("Bắt 2 đối tượng cướp tài sản.", "2 đối tượng"),
    ("Hơn 10.000 công nhân nghỉ việc.", "Hơn 10.000 công nhân"),
    ("Thu giữ 8 kiếm tự chế.", "8 kiếm"),
    ("Xảy ra 3 vụ cướp trong tháng.", "3 vụ cướp"),  # an act after an event noun is the event
])
def test_what_the_counted_did_ends_the_noun(sentence, span):
    assert [t.text for t in tag_statistics(sentence)] == [span]


def test_the_kind_of_a_draft_stays_in_the_noun_though_capitalised():
    text = "Quốc hội thông qua 2 dự án Luật và 3 dự thảo Nghị quyết; có 3 dự án Vingroup."
    assert [t.text for t in tag_statistics(text)] == ["2 dự án Luật", "3 dự thảo Nghị quyết", "3 dự án"]


@pytest.mark.parametrize("sentence, span, unit", [
    ("Giá 1,2 triệu đồng/vé.", "1,2 triệu đồng/vé", "đồng/vé"),  # a ticket prices goods as a bottle does
    ("Hội nghị có 191 điểm cầu kết nối.", "191 điểm cầu", "điểm cầu"),
    ("Quỹ giúp 10 em nhỏ mồ côi.", "10 em nhỏ", "em nhỏ"),
    ("Chiếm 60% số ca tử vong.", "60% số ca tử vong", "ca tử vong"),  # a number's cases keep their verb
    ("Chiếm 72,5% tổng số ca mắc.", "72,5% tổng số ca mắc", "tổng số ca mắc"),
])
def test_more_units_verbs_and_the_cases_of_a_number(sentence, span, unit):
    (found,) = tag_statistics(sentence)
    assert (found.text, found.unit_text) == (span, unit)


def test_a_number_after_doanh_so_counts():
    """"doanh số" (sales) is a quantity, not "số" naming the number: "với doanh số 32.528 chiếc"."""
    assert [t.text for t in tag_statistics("Xe bán chạy nhất với doanh số 32.528 chiếc.")] == ["32.528 chiếc"]


@pytest.mark.parametrize("sentence", [
    "Khoản vay không vượt quá 3 lần vốn điều lệ.",
    "Giá cao gấp 3 lần năm trước.",
    "Lợi nhuận năm nay tăng trưởng hơn 4 lần.",
])
def test_a_multiple_after_gap_or_vuot_is_no_count(sentence):
    assert tag_statistics(sentence) == []


def test_a_count_of_times_stays_a_count():
    assert [t.text for t in tag_statistics("Đối tượng vượt 700.000 người; bắt 3 lần trong tháng.")] == [
        "700.000 người", "3 lần"]
