"""tag_dates on real portal sentences: every form, the year rules, and the traps that are not dates."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.dates import date_spans, tag_dates

REF = dt.date(2022, 4, 14)


def _found(text: str, ref: dt.date | None = REF) -> list[tuple[str, str, str, str]]:
    return [(t.text, t.kind, t.start_date, t.end_date) for t in tag_dates(text, ref)]


@pytest.mark.parametrize("sentence, expected", [
    ("Thời gian: 15/12/2021 17:12", ("15/12/2021 17:12", "datetime", "2021-12-15", "2021-12-15")),
    ("Vào lúc 17:12 ngày 15/12/2021, hội nghị bế mạc.", ("17:12 ngày 15/12/2021", "datetime", "2021-12-15", "2021-12-15")),
    # the minutes may carry a minute mark
    ("Khoảng 10h30’ ngày 15/12/2021, anh T. đến.", ("10h30’ ngày 15/12/2021", "datetime", "2021-12-15", "2021-12-15")),
    ("Lúc 8h30' sáng 15/12/2021, xe đến.", ("8h30' sáng 15/12/2021", "datetime", "2021-12-15", "2021-12-15")),
    ("Quyết định số 1056-QC/TU ngày 11/7/2023 của Ban Thường vụ Thành ủy.",
     ("ngày 11/7/2023", "date", "2023-07-11", "2023-07-11")),
    ("Hội nghị giao ban do Tỉnh ủy tổ chức, ngày 14-4-2022.", ("ngày 14-4-2022", "date", "2022-04-14", "2022-04-14")),
    ("Chỉ thị số 20-CT/TW, ngày 05-11-2012 của Bộ Chính trị", ("ngày 05-11-2012", "date", "2012-11-05", "2012-11-05")),
    ("Văn bản ký ngày 11 tháng 7 năm 2023.", ("ngày 11 tháng 7 năm 2023", "date", "2023-07-11", "2023-07-11")),
    ("Chiều 1/7/2022, Ban Tuyên giáo Huyện ủy tổ chức hội nghị.", ("Chiều 1/7/2022", "date", "2022-07-01", "2022-07-01")),
    ("Trong tháng 3/2022, toàn tỉnh tiêm 20.000 liều.", ("tháng 3/2022", "month", "2022-03-01", "2022-03-31")),
    ("Trong tháng 2 năm 2024 có nhiều sự kiện.", ("tháng 2 năm 2024", "month", "2024-02-01", "2024-02-29")),
    ("Tổng kết công tác khoa giáo năm 2021.", ("năm 2021", "year", "2021-01-01", "2021-12-31")),
    ("Công tác khoa giáo quý I-2022 tiếp tục chuyển biến.", ("quý I-2022", "quarter", "2022-01-01", "2022-03-31")),
    ("Nhiệm vụ, giải pháp quý II/2022.", ("quý II/2022", "quarter", "2022-04-01", "2022-06-30")),
    ("Kết quả quý 1 năm 2022 khả quan.", ("quý 1 năm 2022", "quarter", "2022-01-01", "2022-03-31")),
    ("Sơ kết công tác khoa giáo 6 tháng đầu năm 2022.", ("6 tháng đầu năm 2022", "half", "2022-01-01", "2022-06-30")),
    ("Nhiệm vụ 6 tháng cuối năm 2022 rất nặng nề.", ("6 tháng cuối năm 2022", "half", "2022-07-01", "2022-12-31")),
    ("Triển khai nhiệm vụ 3 tháng cuối năm 2023.", ("3 tháng cuối năm 2023", "months_of_year", "2023-10-01", "2023-12-31")),
    ("Kế hoạch phối hợp giai đoạn 2022-2027 được ký kết.", ("giai đoạn 2022-2027", "range", "2022-01-01", "2027-12-31")),
    ("Đề án triển khai từ năm 2020 đến năm 2025.", ("từ năm 2020 đến năm 2025", "range", "2020-01-01", "2025-12-31")),
    ("Chương trình diễn ra từ 1/7 đến 15/7/2023.", ("từ 1/7 đến 15/7/2023", "range", "2023-07-01", "2023-07-15")),
    ("Bầu cử đại biểu HĐND các cấp nhiệm kỳ 2021 - 2026.", ("nhiệm kỳ 2021 - 2026", "term", "2021-01-01", "2026-12-31")),
    ("Hoàn thành chương trình năm học 2021-2022.", ("năm học 2021-2022", "term", "2021-09-01", "2022-05-31")),
])
def test_each_form_is_one_tag_with_its_period(sentence, expected):
    assert _found(sentence) == [expected]


@pytest.mark.parametrize("sentence, expected", [
    ("Kế hoạch được triển khai từ năm 2022 đến hết quý I-2024.",
     ("từ năm 2022 đến hết quý I-2024", "range", "2022-01-01", "2024-03-31")),
    ("Giai đoạn từ năm 2021 đến tháng 6/2023, tỉnh kết nạp 5.000 đảng viên.",
     ("Giai đoạn từ năm 2021 đến tháng 6/2023", "range", "2021-01-01", "2023-06-30")),
    ("Từ quý II đến quý IV/2023, thành phố tiếp tục thí điểm.",
     ("Từ quý II đến quý IV/2023", "range", "2023-04-01", "2023-12-31")),
    ("Từ tháng 11 đến tháng 2/2023, toàn tỉnh có 12 đợt rét đậm.",
     ("Từ tháng 11 đến tháng 2/2023", "range", "2022-11-01", "2023-02-28")),
    ("Từ tháng 6/2023 tới hết tháng 8, mưa kéo dài.", ("Từ tháng 6/2023 tới hết tháng 8", "range", "2023-06-01", "2023-08-31")),
    ("Số liệu tính từ 2019 tới hết năm 2020.", ("từ 2019 tới hết năm 2020", "range", "2019-01-01", "2020-12-31")),
    ("Hội nghị diễn ra trong 2 ngày 15 và 16/12.", ("ngày 15 và 16/12", "range", "2021-12-15", "2021-12-16")),
    ("Giải đấu diễn ra trong các ngày 14, 15 và 16/4/2022.", ("ngày 14, 15 và 16/4/2022", "range", "2022-04-14", "2022-04-16")),
    ("Dự kiến đầu tháng 3, Ban Tuyên giáo tổ chức hội nghị.", ("đầu tháng 3", "part", "2022-03-01", "2022-03-10")),
    ("Giữa tháng 8/2023, mưa lớn kéo dài.", ("Giữa tháng 8/2023", "part", "2023-08-11", "2023-08-20")),
    ("Cuối tháng 2 năm 2024, đoàn trở về.", ("Cuối tháng 2 năm 2024", "part", "2024-02-21", "2024-02-29")),
    ("Đến cuối năm 2022, toàn tỉnh có 120 xã đạt chuẩn.", ("cuối năm 2022", "part", "2022-10-01", "2022-12-31")),
    ("Đầu năm nay, Ban đã ban hành kế hoạch.", ("Đầu năm nay", "part", "2022-01-01", "2022-03-31")),
    ("Bão vào đất liền trưa mai 26/1.", ("trưa mai 26/1", "day_month", "2022-01-26", "2022-01-26")),  # as "Sáng nay"
    # "năm nay" after a month is in the span and names this year's (not the nearest: December 2021)
    ("Vào tháng 12 năm nay, tỉnh tổ chức lễ hội.", ("tháng 12 năm nay", "month", "2022-12-01", "2022-12-31")),
    ("Sản phẩm lên kệ cuối tháng 10 năm nay.", ("cuối tháng 10 năm nay", "part", "2022-10-21", "2022-10-31")),
])
def test_ranges_lists_and_parts_of_periods(sentence, expected):
    assert _found(sentence, dt.date(2022, 1, 10)) == [expected]


@pytest.mark.parametrize("sentence, expected", [
    ("Tăng trưởng quý IV năm\n2023 đạt khá.", ("quý IV năm\n2023", "quarter", "2023-10-01", "2023-12-31")),
    ("Hội thi diễn ra ngày 09-10/10/2021 tại tỉnh.", ("ngày 09-10/10/2021", "range", "2021-10-09", "2021-10-10")),
    ("Kỳ họp diễn ra chiều ngày 21 và sáng ngày 22 tháng 12 năm 2022.",
     ("chiều ngày 21 và sáng ngày 22 tháng 12 năm 2022", "range", "2022-12-21", "2022-12-22")),
    ("Đoàn công tác kéo dài 11 ngày (8-19/9).", ("8-19/9", "range", "2021-09-08", "2021-09-19")),
    ("Hôm 19-20/11, đơn vị đã thu gom đinh.", ("Hôm 19-20/11", "range", "2021-11-19", "2021-11-20")),
    ("Người dân biểu tình hôm 2/12.", ("hôm 2/12", "day_month", "2021-12-02", "2021-12-02")),
    ("Ngày 4.12, ông Ninh cho biết.", ("Ngày 4.12", "day_month", "2021-12-04", "2021-12-04")),
    # the time of day, "buổi" and "nay" included, and a clock with minutes are in the span
    ("Sáng nay 8-12, cơ quan điều tra khởi tố.", ("Sáng nay 8-12", "day_month", "2021-12-08", "2021-12-08")),
    ("Lễ khai mạc buổi sáng 3/12 tại hội trường.", ("buổi sáng 3/12", "day_month", "2021-12-03", "2021-12-03")),
    ("Lúc 9 giờ 5 phút sáng 3/12, xe đến.", ("9 giờ 5 phút sáng 3/12", "datetime", "2021-12-03", "2021-12-03")),
    ("Khoảng 4h sáng nay 8-12, xe tải lật.", ("4h sáng nay 8-12", "datetime", "2021-12-08", "2021-12-08")),
    # "từ" opens a compact range; two close days joined by "và" are a range
    ("Hội chợ diễn ra từ 18-22/10 tại tỉnh.", ("từ 18-22/10", "range", "2021-10-18", "2021-10-22")),
    ("Tuyển sinh từ ngày 8/10-22/10/2021.", ("từ ngày 8/10-22/10/2021", "range", "2021-10-08", "2021-10-22")),
    ("Hội nghị họp ngày 22/9 và 23/9.", ("ngày 22/9 và 23/9", "range", "2021-09-22", "2021-09-23")),
    ("Hội nghị họp ngày 2 và 3-10.", ("ngày 2 và 3-10", "range", "2021-10-02", "2021-10-03")),
    # spaced separators with the year, a month or part of the year followed by its year
    ("Quyết định ký ngày 06 -12-2012 có hiệu lực.", ("ngày 06 -12-2012", "date", "2012-12-06", "2012-12-06")),
    ("Trong tháng 9 2021 tỉnh có mưa.", ("tháng 9 2021", "month", "2021-09-01", "2021-09-30")),
    ("Kết quả 9 tháng 2021 khả quan.", ("9 tháng 2021", "months_of_year", "2021-01-01", "2021-09-30")),
    # spaces alone between day, month and year after a cue; a year after a comma
    ("Tờ trình ngày 7 6 2021 của Sở Nội vụ.", ("ngày 7 6 2021", "date", "2021-06-07", "2021-06-07")),
    ("Văn bản ký ngày 18 tháng 5, 2021 gửi các xã.", ("ngày 18 tháng 5, 2021", "date", "2021-05-18", "2021-05-18")),
    # two months of one year written compactly: a range
    ("Trong tháng 8-9/2021 tỉnh nhận vắc xin.", ("tháng 8-9/2021", "range", "2021-08-01", "2021-09-30")),
    ("Dự kiến trong tháng 8 - 9 tỉnh nhận vắc xin.", ("tháng 8 - 9", "range", "2021-08-01", "2021-09-30")),
    ("Tỉnh nhận vắc xin trong tháng 8 và 9 tới.", ("tháng 8 và 9", "range", "2021-08-01", "2021-09-30")),
    # a day after "hôm" is gone by: the latest not after the reference date (here 2021-12-05)
    ("Nga thử tên lửa hôm 9/4 vừa qua.", ("hôm 9/4", "day_month", "2021-04-09", "2021-04-09")),
])
def test_wrapped_spans_compact_ranges_and_more_cues(sentence, expected):
    assert _found(sentence, dt.date(2021, 12, 5)) == [expected]


def test_a_month_and_a_count_joined_by_va_are_no_range():
    assert _found("Trong tháng 8 và 9 người được cứu.", dt.date(2021, 12, 5)) == [
        ("tháng 8", "month", "2021-08-01", "2021-08-31")]


def test_three_numbers_split_by_spaces_without_a_cue_are_no_date():
    assert _found("Ba xã có 16 9 2021 hộ được hỗ trợ.", dt.date(2021, 12, 5)) == []


@pytest.mark.parametrize("sentence, expected", [
    # a day and month split by a space, after a cue
    ("Ngày 4 10, tỉnh lấy mẫu xét nghiệm.", ("Ngày 4 10", "day_month", "2021-10-04", "2021-10-04")),
    ("Sáng 9 10 tại bến xe, hành khách về quê.", ("Sáng 9 10", "day_month", "2021-10-09", "2021-10-09")),
    # a day dated by a relative word or a lone "từ" (an open start): the word is not in the span
    ("Xe buýt chạy lại từ 13.10, chưa cho xe ôm.", ("13.10", "day_month", "2021-10-13", "2021-10-13")),
    ("Từ 1-10, nhà hàng phục vụ khách.", ("1-10", "day_month", "2021-10-01", "2021-10-01")),
    ("Giá thép hôm nay (4/10) không đổi.", ("4/10", "day_month", "2021-10-04", "2021-10-04")),
    ("Giá thép hôm nay 4/10 không đổi.", ("hôm nay 4/10", "day_month", "2021-10-04", "2021-10-04")),  # as "Sáng nay 4/10"
    ("Cao tốc thu phí trở lại từ ngày mai (5-10).", ("5-10", "day_month", "2021-10-05", "2021-10-05")),
    ("Giá heo hơi hôm nay (3/10) giảm.", ("3/10", "day_month", "2021-10-03", "2021-10-03")),
    ("Chiều nay (20/8), Bộ họp báo.", ("20/8", "day_month", "2021-08-20", "2021-08-20")),  # brackets: the day alone
    ("Lúc 9h43 cùng ngày (3.10), máy bay hạ cánh.", ("3.10", "day_month", "2021-10-03", "2021-10-03")),  # the same day
    # an end after "tính đến", "đến nay", or a lone "đến" before punctuation
    ("Tính đến 29/10, cả nước có 900 ca.", ("29/10", "day_month", "2021-10-29", "2021-10-29")),
    ("Mưa lớn từ đêm qua đến nay (23.10), tại vùng núi.", ("23.10", "day_month", "2021-10-23", "2021-10-23")),
    ("Vé bán từ nay kéo dài đến 15/11.", ("15/11", "day_month", "2021-11-15", "2021-11-15")),
    # two days with their cues make a range without "từ"; a bracketed range across months; hours of a day
    ("Dự báo khoảng đêm 11/10 đến sáng 12/10, bão vào biển.",
     ("đêm 11/10 đến sáng 12/10", "range", "2021-10-11", "2021-10-12")),
    ("Thị trường trong tuần qua (26/9-3/10) sôi động.", ("26/9-3/10", "range", "2021-09-26", "2021-10-03")),
    # the first day of a range written as a bare day after its cue, the month only at the end
    ("Gió giật mạnh khoảng tối 7 đến sáng 8 10, biển động.", ("tối 7 đến sáng 8 10", "range", "2021-10-07", "2021-10-08")),
    ("Triển lãm mở cửa ngày 20 đến 22/10 tại nhà văn hóa.", ("ngày 20 đến 22/10", "range", "2021-10-20", "2021-10-22")),
    ("Ghi nhận 2 ca từ 6h00-12h00 ngày 4/10 là người nhà.", ("từ 6h00-12h00 ngày 4/10", "range", "2021-10-04", "2021-10-04")),
    # an observance named before its day dates it
    ("Nhân Ngày Quốc tế Người cao tuổi 1/10, tỉnh thăm hỏi các cụ.", ("1/10", "day_month", "2021-10-01", "2021-10-01")),
    ("Chuyện về ngày Quốc tế Cà phê (1/10) ít ai biết.", ("1/10", "day_month", "2021-10-01", "2021-10-01")),
    # a bare day heading its line before a colon or a spaced dash is the title's date
    ("Phiên 4/10: Khối ngoại bán ròng.", ("4/10", "day_month", "2021-10-04", "2021-10-04")),
    ("Giá vàng\n\nXSDNG 2/10 - Kết quả xổ số Đà Nẵng.", ("2/10", "day_month", "2021-10-02", "2021-10-02")),
    # a trading session's day, the session word outside the span
    ("Cổ phiếu CTG bị bán mạnh nhất phiên 4/10.", ("4/10", "day_month", "2021-10-04", "2021-10-04")),
    # "vào" (on) before a day that ends the clause, outside the span
    ("Như vậy, sau 10.000 USD thưởng nóng vào 4/10, cả đội tiếp tục tập.", ("4/10", "day_month", "2021-10-04", "2021-10-04")),
])
def test_split_day_month_relative_cues_and_more_ranges(sentence, expected):
    assert _found(sentence, dt.date(2021, 10, 4)) == [expected]


def test_numbers_after_from_or_a_relative_word_are_no_days():
    text = ("Điều trị từ 2-3 tháng, điểm từ 5-7 điểm; tỷ lệ 1/2-2/3 số hộ; hôm nay 4 10 người đến; "
            "đạt tới 9/10 điểm, tăng đến 3/4 số hộ; vết nứt ăn sâu vào 1/3 mặt đường.")
    assert _found(text, dt.date(2021, 10, 4)) == []


def test_now_is_the_day_the_article_reports():
    lead = "Sáng 29/11, Sở tổ chức hội nghị. Theo báo cáo, từ đầu năm đến nay, hệ thống phát hiện 3.600 lỗi."
    assert _found(lead, dt.date(2023, 11, 30))[1] == ("từ đầu năm đến nay", "range", "2023-01-01", "2023-11-29")
    old_lead = lead.replace("Sáng 29/11", "Sáng 10/11")  # more than a week before publication: not "now"
    assert _found(old_lead, dt.date(2023, 11, 30))[1][3] == "2023-11-30"
    text = "Từ năm 2021 đến nay, thành phố xây dựng 120 mô hình; từ nay đến cuối năm cần hoàn thành chỉ tiêu."
    assert _found(text, dt.date(2024, 5, 16)) == [("Từ năm 2021 đến nay", "range", "2021-01-01", "2024-05-16")]
    assert _found(text, None) == []
    assert [text[s:e] for s, e in date_spans(text)] == ["Từ năm 2021 đến nay"]


def test_a_range_from_now_is_relative_and_its_end_stands_alone():
    text = "Mưa lớn từ nay đến sáng ngày 23/8; từ nay đến cuối năm cần hoàn thành chỉ tiêu."
    assert _found(text, dt.date(2021, 8, 18)) == [("sáng ngày 23/8", "day_month", "2021-08-23", "2021-08-23")]


def test_day_month_takes_the_year_nearest_the_reference_date():
    assert _found("Chiều 15/12, Quận ủy Lê Chân tổ chức Hội nghị.", dt.date(2021, 12, 15)) == [
        ("Chiều 15/12", "day_month", "2021-12-15", "2021-12-15")]
    assert _found("Tối 31/12, người dân đón năm mới.", dt.date(2022, 1, 3))[0][2] == "2021-12-31"
    assert _found("Sáng 2/1, lãnh đạo tỉnh dâng hương.", dt.date(2021, 12, 30))[0][2] == "2022-01-02"


def test_without_a_reference_date_year_less_forms_are_skipped_not_guessed():
    text = "Sáng 6/10, Ban Tuyên giáo tổng kết 9 tháng đầu năm và quý I; năm 2023 là năm bản lề."
    assert _found(text, None) == [("năm 2023", "year", "2023-01-01", "2023-12-31")]
    assert [text[s:e] for s, e in date_spans(text)] == ["Sáng 6/10", "9 tháng đầu năm", "quý I", "năm 2023"]


def test_periods_without_a_year_take_the_reference_year():
    text = "Hội nghị giao ban 9 tháng đầu năm; nhiệm vụ trọng tâm quý I."
    assert _found(text, dt.date(2023, 10, 6)) == [
        ("9 tháng đầu năm", "months_of_year", "2023-01-01", "2023-09-30"),
        ("quý I", "quarter", "2023-01-01", "2023-03-31")]


@pytest.mark.parametrize("sentence", [
    "Tỷ lệ đỗ vào lớp 10 cao hơn năm trước là 5,07%; đạt 100%.",
    "Toàn huyện có 50/53 trường học công lập đạt chuẩn quốc gia.",
    "Nghị định số 15/2020/NĐ-CP và Quyết định 1056/QĐ-UBND; Chỉ thị số 20-CT/TW; Luật 80/2015/QH13.",
    "Điện thoại: 0225.3821.055 - Fax: 0225.3747.352",
    "Phiên bản 2.1 phát hành; tổng kinh phí 3,5 tỷ đồng; 22.214 lượt cán bộ.",
    "Nghị quyết Đại hội XIII của Đảng, Đại hội Đảng bộ thành phố lần thứ XVI, khóa XII.",
    "Ngày 31/2/2021 không tồn tại, tháng 13/2021 cũng không.",
    "Tổng kết 10 năm thực hiện Chỉ thị; giờ làm việc từ 7:30 đến 17:00.",
    "Hằng năm, các chi bộ tổ chức sơ kết; trong 2 ngày, có 500 lượt người đến làm thủ tục.",
    "Hiện nay có 12 xã; đến nay đã có 500 hộ; ngay từ đầu năm, tỉnh đã chỉ đạo quyết liệt.",
    "Giờ làm việc buổi sáng từ 7 giờ 30 đến 11 giờ 30; tỷ số 14, 15/4 nghiêng về đội khách.",
    "Lễ hội diễn ra ngày 27/8 âm lịch hằng năm.",  # a lunar date
    "Ngày thi đấu có 3/10 đội bỏ cuộc.",  # no observance: its name is not capitalised
    "Các tuyến 109 (Bến xe Miền Tây - Công viên 23/9 – Tân Sơn Nhất) chạy lại.",  # a name's day deep in a line
    "Tỷ lệ đạt 2/3, trong đó 1/3 là hộ nghèo.",  # no colon or dash after it
    "Đội khách thắng 2 phiên 3-2.",  # a session's score, not its day
    "Phim 11 tháng 5 ngày lên sóng.",  # a duration in months and days (a film's title)
])
def test_numbers_that_are_not_dates(sentence):
    assert _found(sentence) == []


def test_days_far_apart_joined_by_va_are_two_dates():
    assert _found("Kỷ niệm ngày 2/9 và 20/11 hằng năm.", dt.date(2021, 12, 5)) == [
        ("ngày 2/9", "day_month", "2021-09-02", "2021-09-02")]


def test_a_range_needs_its_ends_in_order_and_a_school_year_is_not_a_part_of_a_year():
    assert _found("Từ năm 2025 đến năm 2020 là sai.") == [
        ("năm 2025", "year", "2025-01-01", "2025-12-31"), ("năm 2020", "year", "2020-01-01", "2020-12-31")]
    assert _found("Đầu năm học 2023-2024, nhà trường khai giảng.") == [
        ("năm học 2023-2024", "term", "2023-09-01", "2024-05-31")]


def test_a_month_with_its_year_after_a_dot_and_a_month_in_a_name():
    # "tháng 5.2018" as "tháng 5/2018"; "Cách Mạng Tháng 8", a street, names no month
    text = "Anh hy sinh trên đường Cách Mạng Tháng 8 vào tháng 5.2018, đến giữa tháng 9.2018 mới. Trong Tháng 8, tỉnh họp."
    assert _found(text, dt.date(2018, 10, 1)) == [
        ("tháng 5.2018", "month", "2018-05-01", "2018-05-31"), ("giữa tháng 9.2018", "part", "2018-09-11", "2018-09-20"),
        ("Tháng 8", "month", "2018-08-01", "2018-08-31")]


def test_two_years_need_a_cue_to_be_a_range():
    # "giai đoạn", "năm", "thời kỳ" make two years a range; bare, they are a name's dates or a span in passing
    text = "Ông (1993 - 1998) triển khai trong khoảng thời gian 2016-2017, kế hoạch năm 2021-2022 và thời kỳ 2021-2030."
    assert [t.text for t in tag_dates(text, dt.date(2021, 12, 15))] == ["năm 2021-2022", "thời kỳ 2021-2030"]


def test_offsets_index_the_text_and_tags_do_not_overlap():
    text = ("Chiều 15/12, Quận ủy tổ chức Hội nghị tổng kết năm 2021; triển khai nhiệm vụ năm 2022 "
            "và giai đoạn 2021 - 2025, nhiệm kỳ 2020-2025.")
    tags = tag_dates(text, dt.date(2021, 12, 15))
    assert [t.text for t in tags] == ["Chiều 15/12", "năm 2021", "năm 2022", "giai đoạn 2021 - 2025",
                                      "nhiệm kỳ 2020-2025"]
    for tag, following in zip(tags, tags[1:]):
        assert tag.end <= following.start
    assert all(text[t.start:t.end] == t.text for t in tags)


FRAGMENTS = ["Chiều 15/12", "năm 2021", "quý II/2022", "5,07%", "50/53 trường", "20-CT/TW", "0225.3821.055",
             "6 tháng đầu năm", "ngày 05-11-2012", "giai đoạn 2022-2027", "Đại hội XIII", "tháng 7 năm 2023",
             "1.200 hội nghị", "từ 1/7 đến 15/7/2023", "uỷ ban", "Thành ủy", "từ đầu năm đến nay", "từ",
             "đến hết", "ngày 15 và 16/12", "cuối năm 2022", "đầu tháng 3", "nay", "quý I-2024"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=8), st.sampled_from([", ", "; ", " và ", ". "]))
def test_any_mix_keeps_offsets_and_valid_periods(parts, joiner):
    text = joiner.join(parts)
    tags = tag_dates(text, REF)
    for tag in tags:
        assert text[tag.start:tag.end] == tag.text
        assert dt.date.fromisoformat(tag.start_date) <= dt.date.fromisoformat(tag.end_date)
    assert sorted(tags, key=lambda t: t.start) == tags
    assert all(a.end <= b.start for a, b in zip(tags, tags[1:]))


def test_a_range_that_would_end_before_it_starts_is_no_tag():
    text = "Từ ngày 1/7/2023 đến nay, huyện đã cấp 120 sổ đỏ; từ tháng 9 đến tháng 3/2023 trời khô."
    assert [d.text for d in tag_dates(text, dt.date(2023, 8, 15))] == ["Từ ngày 1/7/2023 đến nay",
                                                                        "từ tháng 9 đến tháng 3/2023"]
    assert "Từ ngày 1/7/2023 đến nay" not in [d.text for d in tag_dates(text, dt.date(2023, 1, 1))]


_GOLD_TEXTS = sorted({json.loads(line)["text"] for path in (Path(__file__).parent / "gold" / "nlp").rglob("*.jsonl")
                      for line in path.open(encoding="utf-8")})


@given(text=st.sampled_from(_GOLD_TEXTS), ref_date=st.one_of(st.none(), st.dates()))
@settings(max_examples=300, deadline=None)
def test_any_reference_date_gives_dates_within_the_text(text, ref_date):
    for tag in tag_dates(text, ref_date):
        assert text[tag.start:tag.end] == tag.text
        assert tag.start_date <= tag.end_date


def test_patterns_needing_a_digit_are_tried_near_digits_only_with_the_same_matches():
    """The date scan searches the patterns that need a digit only near digits (a speed-up): on every
    passage of the tagging gold and on spaced-out forms it finds exactly what a scan of every position finds."""
    from nlp import dates
    texts = [json.loads(line)["text"] for path in sorted((Path(__file__).parent / "gold" / "nlp").rglob("*.jsonl"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts += ["từ   buổi   sáng   ngày   5 / 9 / 2023 đến 7/9", "(từ 18-22/10)", "10 giờ 30 phút sáng nay, ngày 4/10"]
    assert len(texts) > 1000
    for pattern in dates._NEEDS_DIGIT:
        for text in texts:
            near = dates._near_digits(pattern, text, dates._digit_regions(text))
            assert [m.span() for m in near] == [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize("text, expected", [
    ("Trận đấu (19h30, 24/10) diễn ra tại Hà Nội.", [("24/10", "day_month", "2021-10-24")]),
    ("Khai mạc lúc 8 giờ, ngày 5/10/2021 tại hội trường.", [("ngày 5/10/2021", "date", "2021-10-05")]),
    ("Khai mạc lúc 8 giờ ngày 5/10/2021 tại hội trường.", [("8 giờ ngày 5/10/2021", "datetime", "2021-10-05")]),
])
def test_a_clock_time_parted_from_the_day_by_a_comma_is_outside_the_span(text, expected):
    """As a time of day is: only what spaces alone part from the day is in the span."""
    found = [(d.text, d.kind, d.start_date) for d in tag_dates(text, dt.date(2021, 10, 1))]
    assert found == expected


def test_hours_of_one_day_written_with_den():
    """"từ 6h đến 12h ngày 4/10" is a range of hours of one day, as "từ 6h00-12h00 ngày 4/10" is."""
    (found,) = tag_dates("Điện lực cắt điện từ 7h đến 16h ngày 9/10/2021 tại xã.", dt.date(2021, 10, 1))
    assert (found.text, found.kind, found.start_date, found.end_date) == (
        "từ 7h đến 16h ngày 9/10/2021", "range", "2021-10-09", "2021-10-09")


def test_a_range_of_days_written_with_spaces_for_slashes():
    """Headlines that lost their slashes: "Từ tối 2 10 đến sáng 4 10" is the range 2-4 October."""
    (found,) = tag_dates("Từ tối 5 10 đến sáng 7 10, Bắc Bộ mưa to.", dt.date(2021, 10, 1))
    assert (found.text, found.kind, found.start_date, found.end_date) == (
        "Từ tối 5 10 đến sáng 7 10", "range", "2021-10-05", "2021-10-07")


@pytest.mark.parametrize("text, span", [
    ("Chiều tối 22-9, đoàn công tác đến xã.", "Chiều tối 22-9"),
    ("Sáng sớm 5/10, mưa lớn gây ngập.", "Sáng sớm 5/10"),
    ("Qúy III năm 2021, GRDP tăng.", "Qúy III năm 2021"),
    ("Máy bay không người lái tấn công hôm 22 10 ở tây bắc Syria.", "hôm 22 10"),
])
def test_more_times_of_day_a_misspelled_quarter_and_a_spaced_day_before_o(text, span):
    assert [d.text for d in tag_dates(text, dt.date(2021, 10, 1))] == [span]


def test_yesterday_afternoon_is_in_the_span_and_a_day_of_a_lunar_year_is_no_date():
    found = tag_dates("Chiều qua 22.10, lễ truy điệu được cử hành (ngày 17/9 năm Tân Sửu).", dt.date(2021, 10, 23))
    assert [(d.text, d.start_date) for d in found] == [("Chiều qua 22.10", "2021-10-22")]


@pytest.mark.parametrize("ref", [dt.date.min, dt.date.max])
@pytest.mark.parametrize("text", [
    "Số xét nghiệm đã thực hiện từ 27/4 đến nay là 8.878.290 mẫu.",  # a range read back from "nay"
    "Hôm qua chúng tôi đổi vé sang ngày 26/1.",  # "nay" sought within the week before the reference
])
def test_a_reference_date_at_the_calendars_ends_raises_nothing(text, ref):
    """Years before 1 or after 9999 do not exist: a period that would need one is left unread."""
    for found in tag_dates(text, ref):
        assert text[found.start:found.end] == found.text


@pytest.mark.parametrize("sentence", [
    "Nghiên cứu số liệu từ 1980 đến 2015 cho thấy tỷ lệ tăng.",  # two bare years, "từ" or not, are no date
    "Vào những năm 1990, kinh tế khởi sắc.",  # a decade
])
def test_no_date_in_bare_years_or_a_decade(sentence):
    assert _found(sentence) == []
