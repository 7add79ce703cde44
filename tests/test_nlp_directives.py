"""tag_directives on real portal sentences: Party and state numbering, attachments, keys, traps."""
from __future__ import annotations

import datetime as dt
import json
import unicodedata
from dataclasses import asdict
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.directives import tag_directives

GOLD = Path(__file__).parent / "gold" / "nlp" / "dev" / "directives.jsonl"
REF = dt.date(2022, 4, 14)
FIELDS = ("text", "doc_type", "type_code", "number", "issuer_code", "year", "date", "issuer", "title", "key")


def _found(text: str, ref: dt.date | None = REF) -> list[tuple]:
    return [tuple(getattr(t, f) for f in FIELDS) for t in tag_directives(text, ref)]


def _gold() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("sentence, expected", [
    ("tổng kết 10 năm thực hiện Chỉ thị số 20-CT/TW, ngày 05-11-2012 của Bộ Chính trị về “Tăng cường sự lãnh đạo "
     "của Đảng đối với công tác chăm sóc, giáo dục và bảo vệ trẻ em trong tình hình mới”;",
     ("Chỉ thị số 20-CT/TW", "Chỉ thị", "CT", "20", "TW", 2012, "2012-11-05", "Bộ Chính trị",
      "Tăng cường sự lãnh đạo của Đảng đối với công tác chăm sóc, giáo dục và bảo vệ trẻ em trong tình hình mới",
      "20-CT/TW@2012")),
    # the prose says Quyết định, the code says Quy chế
    ("quán triệt triển khai Quyết định số 1056-QC/TU ngày 11/7/2023 của Ban Thường vụ Thành ủy.",
     ("Quyết định số 1056-QC/TU", "Quy chế", "QC", "1056", "TU", 2023, "2023-07-11", "Ban Thường vụ Thành ủy", None,
      "1056-QC/TU@2023")),
    ("Nghị quyết số 20-NQ/TW, ngày 01-11-2012 của Ban Chấp hành Trung ương Đảng, khóa XI về “Phát triển khoa học "
     "và công nghệ”;",
     ("Nghị quyết số 20-NQ/TW", "Nghị quyết", "NQ", "20", "TW", 2012, "2012-11-01", "Ban Chấp hành Trung ương Đảng",
      "Phát triển khoa học và công nghệ", "20-NQ/TW@2012")),
    ("Quy định số 08-QĐi/TW ngày 25-10-2018 của Ban Chấp hành Trung ương",
     ("Quy định số 08-QĐi/TW", "Quy định", "QĐi", "08", "TW", 2018, "2018-10-25", "Ban Chấp hành Trung ương", None,
      "08-QĐi/TW@2018")),
    ("Thực hiện Kế hoạch số 45-KH/BTGTU ngày 02/3/2022 của Ban Tuyên giáo Tỉnh ủy,",
     ("Kế hoạch số 45-KH/BTGTU", "Kế hoạch", "KH", "45", "BTGTU", 2022, "2022-03-02", "Ban Tuyên giáo Tỉnh ủy", None,
      "45-KH/BTGTU@2022")),
    ("Các chi bộ triển khai Thông tri số 12-TT/TU ngày 20/9/2022.",
     ("Thông tri số 12-TT/TU", "Thông tri", "TT", "12", "TU", 2022, "2022-09-20", None, None, "12-TT/TU@2022")),
    # state numbering: with and without year; the signing year completes the key
    ("Nghị quyết số 38/NQ-CP, ngày 17-3-2022 của Chính phủ về ban hành Chương trình phòng, chống dịch COVID-19",
     ("Nghị quyết số 38/NQ-CP", "Nghị quyết", "NQ", "38", "CP", 2022, "2022-03-17", "Chính phủ", None,
      "38/2022/NQ-CP")),
    ("Thực hiện Nghị định 15/2020/NĐ-CP của Chính phủ,",
     ("Nghị định 15/2020/NĐ-CP", "Nghị định", "NĐ", "15", "CP", 2020, None, "Chính phủ", None, "15/2020/NĐ-CP")),
    ("Thông tư số 01/2021/TT-BGDĐT quy định mã số giáo viên.",
     ("Thông tư số 01/2021/TT-BGDĐT", "Thông tư", "TT", "01", "BGDĐT", 2021, None, None, None, "01/2021/TT-BGDĐT")),
    ("Theo Quyết định số 1719/QĐ-TTg ngày 14/10/2021 của Thủ tướng Chính phủ,",
     ("Quyết định số 1719/QĐ-TTg", "Quyết định", "QĐ", "1719", "TTg", 2021, "2021-10-14", "Thủ tướng Chính phủ", None,
      "1719/2021/QĐ-TTg")),
    ("Nghị quyết số 12/2021/NQ-HĐND ngày 15 tháng 7 năm 2021 của HĐND tỉnh",
     ("Nghị quyết số 12/2021/NQ-HĐND", "Nghị quyết", "NQ", "12", "HĐND", 2021, "2021-07-15", "HĐND tỉnh", None,
      "12/2021/NQ-HĐND")),
    ("Luật số 80/2015/QH13 về ban hành văn bản quy phạm pháp luật",
     ("Luật số 80/2015/QH13", "Luật", "L", "80", "QH13", 2015, None, None, None, "80/2015/QH13")),
    # bare numbers
    ("theo tinh thần 38/NQ-CP;", ("38/NQ-CP", "Nghị quyết", "NQ", "38", "CP", None, None, None, None, "38/NQ-CP")),
    ("thực hiện theo số 128/QĐ-TTg.",
     ("số 128/QĐ-TTg", "Quyết định", "QĐ", "128", "TTg", None, None, None, None, "128/QĐ-TTg")),
    # no date: the term written after the issuer keys a Party document
    ("Nghị quyết số 29-NQ/TW của Ban Chấp hành Trung ương Đảng khóa XI về “Đổi mới căn bản, toàn diện giáo dục "
     "và đào tạo”",
     ("Nghị quyết số 29-NQ/TW", "Nghị quyết", "NQ", "29", "TW", None, None, "Ban Chấp hành Trung ương Đảng",
      "Đổi mới căn bản, toàn diện giáo dục và đào tạo", "29-NQ/TW@XI")),
    # a day and month without year take the year of the reference date
    ("Theo Kế hoạch số 68-KH/TU ngày 11/3 của Ban Thường vụ Thành ủy,",
     ("Kế hoạch số 68-KH/TU", "Kế hoạch", "KH", "68", "TU", 2022, "2022-03-11", "Ban Thường vụ Thành ủy", None,
      "68-KH/TU@2022")),
    # a number without code after a type word and "số": the type from the word, no issuer code
    ("Theo Quyết định số 842, ngày 5/6/2021 của UBND tỉnh,",
     ("Quyết định số 842", "Quyết định", "QĐ", "842", None, 2021, "2021-06-05", "UBND tỉnh", None, "842/2021/QĐ")),
    ("thực hiện Chương trình hành động số 15 của Tỉnh ủy",
     ("Chương trình hành động số 15", "Chương trình", "CTr", "15", None, None, None, "Tỉnh ủy", None, "15/CTr")),
    # ... and after a capitalised type word without "số"
    ("quán triệt Nghị quyết 35 của Bộ Chính trị.",
     ("Nghị quyết 35", "Nghị quyết", "NQ", "35", None, None, None, "Bộ Chính trị", None, "35/NQ")),
    ("bản đồ kèm Quyết định 367 của Thủ tướng năm 1996.",  # the year written after the issuer
     ("Quyết định 367", "Quyết định", "QĐ", "367", None, 1996, None, None, None, "367/1996/QĐ")),
    ("Nghị định 33 (năm 2017) của Chính phủ quy định xử phạt",  # the year in brackets
     ("Nghị định 33", "Nghị định", "NĐ", "33", None, 2017, None, "Chính phủ", None, "33/2017/NĐ")),
    ("Quy định 102 về xử lý kỷ luật đảng viên được ban hành tháng 11/2017.",  # the month it was issued in
     ("Quy định 102", "Quy định", "QĐi", "102", None, 2017, None, None, None, "102/2017/QĐi")),
    ("Chính phủ ban hành Nghị quyết 11 vào tháng 2-2018 về triển khai thi hành Luật Quy hoạch",
     ("Nghị quyết 11", "Nghị quyết", "NQ", "11", None, 2018, None, None, None, "11/2018/NQ")),
    ("Thực hiện Chỉ thị 16, tháng 4/2020 cả nước giãn cách xã hội",  # a month that opens the next clause
     ("Chỉ thị 16", "Chỉ thị", "CT", "16", None, None, None, None, None, "16/CT")),
    ("Công văn 1419/TTg-NN 2021 về chủ trương chuyển mục đích sử dụng rừng",  # a year right after the code
     ("Công văn 1419/TTg-NN", "Công văn", None, "1419", "TTg-NN", 2021, None, None, None, "1419/2021/TTg-NN")),
    ("Quyết định 12/QĐ-UBND 2021-2025 của tỉnh",  # a period after the code is no year
     ("Quyết định 12/QĐ-UBND", "Quyết định", "QĐ", "12", "UBND", None, None, None, None, "12/QĐ-UBND")),
    ("Theo Quy định 102 về xử lý kỷ luật đảng viên vi phạm,",  # by number alone, a Quy định is the Party's
     ("Quy định 102", "Quy định", "QĐi", "102", None, None, None, None, None, "102/QĐi")),
    ("theo điều 2 của quyết định 175, bị can phải bố trí kỹ sư.",  # lowercase after "của": a noun
     ("quyết định 175", "Quyết định", "QĐ", "175", None, None, None, None, None, "175/QĐ")),
    ("Trạm áp dụng thông tư 35 của Bộ Giao thông vận tải.",  # after a verb that takes a document: a noun
     ("thông tư 35", "Thông tư", "TT", "35", None, None, None, "Bộ Giao thông vận tải", None, "35/TT")),
    ("Nghị định sửa đổi bổ sung nghị định 158 có hiệu lực.",  # the object of an amending verb
     ("nghị định 158", "Nghị định", "NĐ", "158", None, None, None, None, None, "158/NĐ")),
    ("Theo thông tư 35, trường phải công khai.",  # "Theo" opening the sentence
     ("thông tư 35", "Thông tư", "TT", "35", None, None, None, None, None, "35/TT")),
    ("Họ lợi dụng quyết định 23 của UBND tỉnh để chia tách thửa.",  # lowercase, its issuer after the number
     ("quyết định 23", "Quyết định", "QĐ", "23", None, None, None, "UBND tỉnh", None, "23/QĐ")),
    ("Huyện đã ban hành (công văn 323 ngày 6/3/2022).",  # ... or its day
     ("công văn 323", "Công văn", None, "323", None, 2022, "2022-03-06", None, None, "323/2022")),
    ("Sở có Công văn số 1801/UBND–VHXH về lễ hội.",  # an en dash inside the issuer's code
     ("Công văn số 1801/UBND–VHXH", "Công văn", None, "1801", "UBND-VHXH", None, None, None, None, "1801/UBND-VHXH")),
    ("Theo Quy định số 51 của Ban Bí thư, cấp ủy phải báo cáo.",  # a Party body's Quy định: the Party code
     ("Quy định số 51", "Quy định", "QĐi", "51", None, None, None, "Ban Bí thư", None, "51/QĐi")),
    # official letters numbered without a type code: the code after the slash is the issuer's
    ("UBND huyện có Công văn số 245/UBND-VX ngày 5/4/2022 đề nghị các xã rà soát hộ nghèo.",
     ("Công văn số 245/UBND-VX", "Công văn", None, "245", "UBND-VX", 2022, "2022-04-05", None, None,
      "245/2022/UBND-VX")),
    # ... after another type word, numbered so by a court: the word's type and code
    ("Tòa án tuyên theo Quyết định số 03/2017/HSST-QĐ ngày 5/3/2017 của TAND huyện.",
     ("Quyết định số 03/2017/HSST-QĐ", "Quyết định", "QĐ", "03", "HSST-QĐ", 2017, "2017-03-05", "TAND huyện",
      None, "03/2017/HSST-QĐ")),
    # ... and letters cited by their number alone: a Công văn without type code
    ("Các xã thực hiện theo Văn bản số 134 của UBND tỉnh.",
     ("Văn bản số 134", "Công văn", None, "134", None, None, None, "UBND tỉnh", None, "134")),
    ("đồng ý đề xuất tại Công văn 124 không đồng nghĩa với việc thông qua.",
     ("Công văn 124", "Công văn", None, "124", None, None, None, None, None, "124")),
    # a consolidated text, coded VBHN
    ("Theo Văn bản hợp nhất số 05/VBHN-BNV của Bộ Nội vụ,",
     ("Văn bản hợp nhất số 05/VBHN-BNV", "Văn bản hợp nhất", "VBHN", "05", "BNV", None, None, "Bộ Nội vụ", None,
      "05/VBHN-BNV")),
    # stray spaces in the number, a space for the slash
    ("Căn cứ Thông báo số 26 /TB-HĐ của Hội đồng,",
     ("Thông báo số 26 /TB-HĐ", "Thông báo", "TB", "26", "HĐ", None, None, None, None, "26/TB-HĐ")),
    ("Theo Quyết định số 5171 QĐ-XPVPHC,",
     ("Quyết định số 5171 QĐ-XPVPHC", "Quyết định", "QĐ", "5171", "XPVPHC", None, None, None, None,
      "5171/QĐ-XPVPHC")),
    # a Party code with spaces around its slash too
    ("Thực hiện Chỉ thị số 35 - CT / TW của Bộ Chính trị.",
     ("Chỉ thị số 35 - CT / TW", "Chỉ thị", "CT", "35", "TW", None, None, "Bộ Chính trị", None, "35-CT/TW")),
    ("Nghị quyết 50-NQ /TW về đầu tư.",
     ("Nghị quyết 50-NQ /TW", "Nghị quyết", "NQ", "50", "TW", None, None, None, None, "50-NQ/TW")),
    # the type word away from the number: the citation starts at "số"
    ("được cấp Giấy phép hoạt động trang thông tin điện tử tổng hợp số 103/GP-ICP-STTT,",
     ("số 103/GP-ICP-STTT", "Giấy phép", "GP", "103", "ICP-STTT", None, None, None, None, "103/GP-ICP-STTT")),
])
def test_citations_field_by_field(sentence, expected):
    assert _found(sentence) == [expected]


def test_a_letter_coded_by_its_issuer_and_a_code_in_lowercase():
    text = "Văn phòng đã ban hành văn bản số 442/VPTT; thay thế thông tư 22/2015/tt-bkhđt; theo 120/UBND tỉnh."
    assert [(t.text, t.doc_type, t.type_code, t.number, t.issuer_code, t.year, t.key) for t in tag_directives(text)] == [
        ("văn bản số 442/VPTT", "Công văn", None, "442", "VPTT", None, "442/VPTT"),
        ("thông tư 22/2015/tt-bkhđt", "Thông tư", "TT", "22", "BKHĐT", 2015, "22/2015/TT-BKHĐT")]


def test_a_party_code_with_a_space_for_the_slash_and_a_date_with_spaces():
    text = "Quán triệt Hướng dẫn 05-HD TW; Tờ trình số 812 ngày 7 6 2021 của Sở Nội vụ."
    assert [(t.text, t.doc_type, t.type_code, t.number, t.issuer_code, t.year, t.date, t.key)
            for t in tag_directives(text, REF)] == [
        ("Hướng dẫn 05-HD TW", "Hướng dẫn", "HD", "05", "TW", None, None, "05-HD/TW"),
        ("Tờ trình số 812", "Tờ trình", "TTr", "812", None, 2021, "2021-06-07", "812/2021/TTr")]


def test_a_headline_citation_takes_no_date_from_the_lead_below_it():
    text = "Hải Dương nới lỏng giãn cách theo Chỉ thị 19\n\nNgày 6/4, UBND tỉnh có văn bản hướng dẫn."
    (found,) = tag_directives(text, REF)
    assert (found.text, found.date, found.year, found.key) == ("Chỉ thị 19", None, None, "19/CT")


def test_a_number_cited_alone_then_its_year_is_a_citation_not_a_duration():
    text = "Thực hiện Chỉ thị 15 năm 2020 của Thủ tướng và Kế hoạch 5 năm của tỉnh."
    assert [(t.text, t.number, t.year) for t in tag_directives(text, REF)] == [("Chỉ thị 15", "15", 2020)]


def test_a_plan_cited_by_number_alone_and_a_draft_by_round_are_citations():
    text = "Đo đạc theo Kế hoạch 41, trong khi dự thảo thay thế Nghị định 86 lần thứ 8 chưa xong."
    assert [(t.text, t.type_code, t.number) for t in tag_directives(text, REF)] == [
        ("Kế hoạch 41", "KH", "41"), ("Nghị định 86", "NĐ", "86")]


def test_a_headline_in_capitals_and_a_party_telegram_are_citations():
    text = "TRIỂN KHAI NGHỊ QUYẾT 128 CỦA CHÍNH PHỦ\n\nBan Thường vụ Huyện ủy ra Công điện số 9-CĐ/HU."
    assert [(t.text, t.number, t.type_code, t.issuer_code) for t in tag_directives(text, REF)] == [
        ("NGHỊ QUYẾT 128", "128", "NQ", None), ("Công điện số 9-CĐ/HU", "9", "CĐ", "HU")]


def test_a_list_of_numbers_cites_each_document():
    text = "Thực hiện nghiêm Chỉ thị 15, 16 và 19 của Thủ tướng Chính phủ."
    assert [(t.text, t.doc_type, t.number) for t in tag_directives(text, REF)] == [
        ("Chỉ thị 15", "Chỉ thị", "15"), ("16", "Chỉ thị", "16"), ("19", "Chỉ thị", "19")]


def test_the_same_party_number_in_two_terms_gets_two_keys():
    text = ("tổng kết 10 năm thực hiện Nghị quyết số 20-NQ/TW, ngày 01-11-2012 của Ban Chấp hành Trung ương Đảng; "
            "kiểm tra việc thực hiện Nghị quyết số 20-NQ/TW, ngày 25-10-2017 của Ban Chấp hành Trung ương.")
    assert [t.key for t in tag_directives(text, REF)] == ["20-NQ/TW@2012", "20-NQ/TW@2017"]


def test_an_undated_citation_shares_the_key_of_the_dated_one():
    text = "Thực hiện Chỉ thị 05-CT/TW ngày 15/5/2016 của Bộ Chính trị; việc làm theo Chỉ thị 05-CT/TW thành nền nếp."
    first, second = tag_directives(text, REF)
    assert (first.key, first.year, second.key, second.year, second.date) == (
        "05-CT/TW@2016", 2016, "05-CT/TW@2016", None, None)


@pytest.mark.parametrize("sentence", [
    "Điện thoại: 0225.3842.111 - Fax: 0225/3842112; email: bbt@haiphong.gov.vn",
    "Ban Chỉ đạo 35 Quận ủy họp ngày 15/12/2021; 50/53 trường học đạt chuẩn; dịch COVID-19.",
    "quán triệt Nghị quyết Đại hội XIII của Đảng và Nghị quyết Trung ương 4 khóa XII",  # no number
    "Sở có 12 văn bản gửi các xã; tổng số 123/UBND-VX hồ sơ.",  # a count of letters; no type word
    "Kế hoạch 5 năm; Nghị quyết 3 năm qua; hội đồng quyết định 2 vấn đề.",  # counts, a verb
    "Hội đồng quyết định 2 vấn đề của dự án; công văn 3 ngày nay chưa có.",  # a verb; no day after the number
    "Xây dựng Kế hoạch 5 năm 2021-2025 và Quyết định 3 lần.",  # a five-year plan's period, a count
    "Kế hoạch 2018, BSR đặt ra chỉ tiêu tổng doanh thu.",  # the plan of a year
    "Sáng 6/10, hội nghị giao ban 9 tháng đầu năm 2023 với 22.214 lượt cán bộ.",
])
def test_not_directives(sentence):
    assert _found(sentence) == []


@pytest.mark.parametrize("sentence, expected", [
    # the sentence opens with the day and the issuing verb stands right before the citation
    ("Chiều 12/3, Sở Xây dựng đã có Công văn số 715/SXD-QLN gửi các chủ đầu tư.",
     ("Công văn số 715/SXD-QLN", 2022, "2022-03-12")),
    ("Ngày 2/9/2020, Ban Thường vụ Huyện ủy ban hành Kế hoạch số 88-KH/HU triển khai đợt sinh hoạt.",
     ("Kế hoạch số 88-KH/HU", 2020, "2020-09-02")),
    ("(ABC)- Sáng 5/3, Bộ Công Thương ra Công điện số 12/CĐ-BCT về cung ứng xăng dầu.",
     ("Công điện số 12/CĐ-BCT", 2022, "2022-03-05")),  # after the source that opens a lead
    ("Chiều nay (5/3), Bộ Công Thương ra Công điện số 12/CĐ-BCT về cung ứng xăng dầu.",
     ("Công điện số 12/CĐ-BCT", 2022, "2022-03-05")),  # the day in brackets after a relative day
    # a month or year opening the sentence gives the year alone
    ("Tháng 5-2018, Bộ Giáo dục và Đào tạo đã ban hành Chỉ thị 1737 về đạo đức nhà giáo.",
     ("Chỉ thị 1737", 2018, None)),
    # ... and so does a day or period opening the citation's clause
    ("Tuy nhiên, năm 2011, Chính phủ có Nghị quyết số 11 về kiềm chế lạm phát.", ("Nghị quyết số 11", 2011, None)),
    ("Ông Nhạ nói rằng tháng 5-2018, Bộ đã ban hành Chỉ thị 1737 về đạo đức nhà giáo.", ("Chỉ thị 1737", 2018, None)),
    ("Ông Nam cho biết, ngày 12/3, Sở Xây dựng đã có Công văn số 715/SXD-QLN gửi các chủ đầu tư.",
     ("Công văn số 715/SXD-QLN", 2022, "2022-03-12")),
    ("Ông Nam cho biết, trong năm 2020 huyện ban hành Quyết định số 5/QĐ-UBND.",
     ("Quyết định số 5/QĐ-UBND", None, None)),  # "năm 2020" inside the clause, not opening it
    # another sentence, or no issuing verb before the citation: no date
    ("Ngày 12/3, huyện có 5 ca mắc. Sở Y tế ban hành Quyết định số 61/QĐ-SYT về cách ly.",
     ("Quyết định số 61/QĐ-SYT", None, None)),
    ("Ngày 12/3, theo Quyết định số 61/QĐ-SYT, huyện dỡ bỏ phong tỏa.", ("Quyết định số 61/QĐ-SYT", None, None)),
])
def test_date_opening_the_sentence_of_issue(sentence, expected):
    assert [(t.text, t.year, t.date) for t in tag_directives(sentence, REF)] == [expected]


@pytest.mark.parametrize("sentence, expected", [
    # the signing day is what nlp.dates reads after the citation: a clock after the day is part of it
    ("Theo Quyết định số 61/QĐ-SYT ngày 12/10/2021 lúc 9h của Sở Y tế, huyện dỡ phong tỏa.",
     ("Quyết định số 61/QĐ-SYT", "2021-10-12", "Sở Y tế")),
    # a range of days after a citation is no signing day
    ("Thực hiện Kế hoạch số 88-KH/HU ngày 5/10 đến 7/10, huyện ra quân.", ("Kế hoạch số 88-KH/HU", None, None)),
    # any time-of-day cue nlp.dates knows opens the sentence of issue ("Hôm", "Đêm")
    ("Hôm 4/3, Sở Y tế đã ban hành Quyết định số 61/QĐ-SYT về cách ly.", ("Quyết định số 61/QĐ-SYT", "2022-03-04", None)),
    # who signed it may follow what it is about
    ("Đó là nội dung của Chỉ thị 49 về thúc đẩy nền tảng số an toàn, lành mạnh được Bộ trưởng ký ban hành ngày 18/3.",
     ("Chỉ thị 49", "2022-03-18", None)),
])
def test_signing_day_as_nlp_dates_reads_it(sentence, expected):
    assert [(t.text, t.date, t.issuer) for t in tag_directives(sentence, REF)] == [expected]




def test_letter_word_a_word_or_two_before_number():
    (tag,) = tag_directives("UBND huyện gửi công văn này số 1903/UBND-NN tới các xã.", REF)
    assert (tag.text, tag.doc_type, tag.type_code, tag.issuer_code) == ("số 1903/UBND-NN", "Công văn", None, "UBND-NN")


@pytest.mark.parametrize("sentence, expected", [
    ("UBND huyện gửi công văn hỏa tốc số 1903/UBND-NN tới các xã.",
     ("công văn hỏa tốc số 1903/UBND-NN", "Công văn", None, "1903", "UBND-NN")),
    ("Ông A đã ký ban hành công văn khẩn số 1215 về việc giới nghiêm.",
     ("công văn khẩn số 1215", "Công văn", None, "1215", None)),
    ("Chủ tịch UBND tỉnh ban hành Công điện hoả tốc số 05/CĐ-UBND.",
     ("Công điện hoả tốc số 05/CĐ-UBND", "Công điện", "CĐ", "05", "UBND")),
    ("Bộ Y tế có công văn thượng khẩn số 77/BYT-MT gửi các tỉnh.",
     ("công văn thượng khẩn số 77/BYT-MT", "Công văn", None, "77", "BYT-MT")),
])
def test_an_urgency_word_belongs_to_the_citation(sentence, expected):
    (tag,) = tag_directives(sentence, REF)
    assert (tag.text, tag.doc_type, tag.type_code, tag.number, tag.issuer_code) == expected


def test_nfd_input_gives_nfc_offsets():
    nfc = "Quán triệt Nghị quyết số 27-NQ/TW ngày 9/11/2022 của Ban Chấp hành Trung ương Đảng khoá XIII."
    nfd = unicodedata.normalize("NFD", nfc)
    (tag,) = tag_directives(nfd, REF)
    assert nfc[tag.start:tag.end] == tag.text == "Nghị quyết số 27-NQ/TW"
    assert (tag.date, tag.issuer, tag.key) == ("2022-11-09", "Ban Chấp hành Trung ương Đảng", "27-NQ/TW@2022")


def test_type_word_matches_any_case_and_tone_placement():
    (tag,) = tag_directives("đảng ủy tiếp tục thực hiện nghị quyết số 09-NQ/TU của Tỉnh uỷ.", REF)
    assert (tag.text, tag.issuer) == ("nghị quyết số 09-NQ/TU", "Tỉnh ủy")


def test_gold_offsets_are_consistent():
    for passage in _gold():
        for tag in passage["directives"]:
            assert passage["text"][tag["start"]:tag["end"]] == tag["text"], (passage["id"], tag)


def test_gold_passages_are_tagged_as_annotated():
    tp = n_pred = n_gold = 0
    for passage in _gold():
        text = unicodedata.normalize("NFD", passage["text"]) if passage.get("nfd") else passage["text"]
        predicted = [asdict(t) for t in tag_directives(text, dt.date.fromisoformat(passage["ref_date"]))]
        tp += sum(1 for t in predicted if t in passage["directives"])
        n_pred, n_gold = n_pred + len(predicted), n_gold + len(passage["directives"])
    precision, recall = tp / n_pred, tp / n_gold
    assert 2 * precision * recall / (precision + recall) >= 0.98


_WORDS = ("Chỉ thị Nghị quyết Quyết định số số: 20-CT/TW 38/NQ-CP 15/2020/NĐ-CP 80/2015/QH13 123/UBND-VX "
          "0225.3821.055 ngày 05-11-2012 11/7 18 tháng 5 năm 2021 của Bộ Chính trị UBND tỉnh về việc “ ” \" khóa XI "
          ", ; ( ) \n").split(" ")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=30), st.booleans())
def test_any_text_gives_consistent_offsets_and_keys(words, decompose):
    text = " ".join(words)
    nfc = unicodedata.normalize("NFC", text)
    for tag in tag_directives(unicodedata.normalize("NFD", text) if decompose else text, REF):
        assert nfc[tag.start:tag.end] == tag.text
        assert tag.number in tag.text and tag.key.startswith(tag.number) and tag.doc_type


@pytest.mark.parametrize("sentence, expected", [
    ("Thực hiện Kế hoạch số 204/KH-UBND do Phó Chủ tịch UBND tỉnh Lò Văn Tiến ký ngày 9/3/2021, huyện triển khai.",
     ("Kế hoạch số 204/KH-UBND", 2021, "2021-03-09")),
    ("Chỉ thị số 07/CT-UBND được UBND huyện ban hành vào ngày 2/3 yêu cầu các xã.", ("Chỉ thị số 07/CT-UBND", 2022, "2022-03-02")),
])
def test_date_after_who_signed(sentence, expected):
    assert [(t.text, t.year, t.date) for t in tag_directives(sentence, REF)] == [expected]


@pytest.mark.parametrize("sentence, expected", [
    ("Mức phạt theo Nghị định 171/2013 của Chính phủ.", ("Nghị định 171/2013", "NĐ", "171", 2013)),
    ("Thực hiện Thông tư số 58/2011 về đánh giá học sinh.", ("Thông tư số 58/2011", "TT", "58", 2011)),
])
def test_a_number_with_its_year_and_no_code(sentence, expected):
    """A citation by number and year without a code ("Nghị định 46/2016") is a citation of that year."""
    (found,) = tag_directives(sentence)
    assert (found.text, found.type_code, found.number, found.year) == expected


def test_a_letter_numbered_with_a_space_for_the_slash():
    """After a letter word, "7009 VPCP-KGVX" is the letter's number and its issuer's code; after a type
    word such a number stays a citation by number alone."""
    (letter,) = tag_directives("Văn phòng Chính phủ có Công văn 6120 VPCP-KTTH gửi các bộ.")
    assert (letter.text, letter.doc_type, letter.number, letter.type_code, letter.issuer_code) == (
        "Công văn 6120 VPCP-KTTH", "Công văn", "6120", None, "VPCP-KTTH")
    (decision,) = tag_directives("Theo Quyết định 123 UBND-VX về việc này.")
    assert (decision.text, decision.type_code, decision.issuer_code) == ("Quyết định 123", "QĐ", None)


def test_an_opening_day_without_a_comma_dates_the_citation_issued_in_its_sentence():
    text = "Ngày 2/10/2021 Sở Giáo dục đã ban hành Công văn số 1510/SGDĐT-VP về việc dạy học trực tuyến."
    (found,) = tag_directives(text, dt.date(2021, 10, 5))
    assert (found.date, found.year) == ("2021-10-02", 2021)


@pytest.mark.parametrize("ref, year", [("2021-10-01", 2021), ("2021-09-30", 2021), ("2021-09-28", 2020)])
def test_a_signing_day_just_after_the_publication_date_is_of_its_year(ref, year):
    """A day without a year is the latest gone by, within a publication date's lag of two days."""
    text = "Theo nội dung Quyết định 2048/QĐ-UBND được ban hành vào ngày 2/10."
    assert [t.year for t in tag_directives(text, dt.date.fromisoformat(ref))] == [year]
