"""Unit tests of extract_html on small portal-like pages (real Vietnamese sentences)."""
from __future__ import annotations

import unicodedata
from types import SimpleNamespace

import pytest
from badinput.build import cp1258, tcvn3, vni  # the bad-input corpus's encoders

from extract import EXTRACTOR_VERSION, Article, ExtractionError, extract_html
from extract import dates
from extract.legacy import detect_legacy

URL = "https://haiphong.gov.vn/tin-tuc-su-kien/hoi-nghi-118467.html"
TITLE = "Tổng kết công tác tuyên giáo năm 2021, triển khai nhiệm vụ năm 2022"
P1 = ("Năm 2021, mặc dù trong bối cảnh dịch Covid-19 diễn biến phức tạp, hệ thống tuyên giáo thành "
      "phố đã bám sát yêu cầu, chỉ đạo của Trung ương, Thành uỷ, triển khai nhiệm vụ công tác tuyên "
      "giáo đảm bảo chất lượng, hiệu quả.")
P2 = ("Hệ thống tuyên giáo từ thành phố tới cơ sở đã tham mưu cho cấp ủy các cấp tổ chức trên 1.200 "
      "hội nghị trực tiếp với gần 72.000 cán bộ, đảng viên; 430 điểm cầu trực tuyến.")
P3 = ("Phát biểu tại Hội nghị, đồng chí Đào Khánh Hà, Trưởng Ban Tuyên giáo Thành ủy ghi nhận và đánh "
      "giá cao những cố gắng, nỗ lực, đổi mới sáng tạo của hệ thống tuyên giáo trong năm qua.")
LEAD = ("(Haiphong.gov.vn) - Sáng 16/12, Ban Tuyên giáo Thành ủy tổ chức Hội nghị tổng kết công tác "
        "tuyên giáo năm 2021; triển khai nhiệm vụ năm 2022.")


def page(article: str, *, title: str = TITLE, head: str = "", header: str = "",
         sidebar: str = "", after: str = "", charset: str = "utf-8") -> str:
    """A portal page: header with menu, the article column, a sidebar and a footer."""
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="{charset}">
<title>{title} - Cổng thông tin điện tử thành phố Hải Phòng</title>{head}</head>
<body><div id="header"><div class="logo"><a href="/"><img src="/logo.gif" alt=""></a>
<p>Cổng thông tin điện tử</p><p>Thành phố Hải Phòng</p></div>{header}</div>
<ul id="menu"><li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu">Giới thiệu</a></li>
<li><a href="/tin-tuc">Tin tức - Sự kiện</a></li><li><a href="/van-ban">Văn bản</a></li></ul>
<div id="content"><div class="col-main"><div class="breadcrumb"><a href="/tin-tuc">Tin tức</a></div>
<div class="news-detail">{article}</div>{after}</div>
<div class="col-right"><div class="box"><h3>Thống kê truy cập</h3><ul><li>Đang online: 26</li>
<li>Tất cả: 14.190.230</li></ul></div>{sidebar}</div></div>
<div id="footer"><p>Cơ quan quản lý: Văn phòng Ủy ban nhân dân thành phố Hải Phòng</p>
<p>Địa chỉ: Số 18 Hoàng Diệu, Minh Khai, Hồng Bàng, Hải Phòng</p>
<p>Điện thoại: 0225.3821.055 - Fax: 0225.3747.352 - Email: congthongtindientu@haiphong.gov.vn</p>
</div></body></html>"""


def body(*paragraphs: str, date: str = "Thời gian: 16/12/2021 16:30", extra: str = "") -> str:
    inner = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<div class="date-time">{date}</div><h1 class="title-detail">{TITLE}</h1>'
            f'<div class="content-detail">{inner}{extra}</div>')


def run(html: str | bytes, **kwargs) -> Article:
    return extract_html(html, URL, **kwargs)


# --- dates -------------------------------------------------------------------------------

@pytest.mark.parametrize("line, expected", [
    ("Thời gian: 15/12/2021 17:12", "2021-12-15T17:12:00"),
    ("Thứ Năm, 14/4/2022 21:50'(GMT+7)", "2022-04-14T21:50:00"),
    ("Đăng ngày 21-05-2023 16:55, Lượt xem: 23", "2023-05-21T16:55:00"),
    ("Thứ tư - 29/07/2020 23:14 &nbsp; Đã xem: 530", "2020-07-29T23:14:00"),
    ("Print Thứ Tư, 15/01/2020 08:22 Gốc", "2020-01-15T08:22:00"),
    ("22/09/2022 15:15", "2022-09-22T15:15:00"),
    ("04:35 15/03/2016", "2016-03-15T04:35:00"),
    ("21/12/2012 | 12:00 AM", "2012-12-21T00:00:00"),
    ("Thứ Hai, 19/01/2026", "2026-01-19"),
])
def test_date_line_forms(line, expected):
    assert run(page(body(P1, P2, date=line))).published == expected


def test_crawl_day_banner_is_not_the_publication_date():
    html = page('<span class="story_date">Thứ Năm, 14/4/2022 21:50\'(GMT+7)</span>'
                f'<h1>{TITLE}</h1><div class="story_body"><p>{P1}</p><p>{P2}</p></div>',
                header='<span class="today">Thứ Sáu, 21/6/2024</span>')
    article = run(html)
    assert article.published == "2022-04-14T21:50:00"
    assert "21/6/2024" not in article.text


def test_banner_loses_even_against_an_article_date_without_time():
    html = page(f'<h1>{TITLE}</h1><div class="meta">Thứ Sáu, 15/03/2024</div>'
                f'<div class="body"><p>{P1}</p><p>{P2}</p></div>',
                header='<div class="top-bar">Thứ Hai, 19/01/2026</div>')
    assert run(html).published == "2024-03-15"


def test_meta_date_used_when_the_page_prints_none_and_adds_seconds():
    head = '<meta property="article:published_time" content="2023-10-06T13:05:27+07:00">'
    no_line = page(f'<h1>{TITLE}</h1><div class="entry-content"><p>{P1}</p><p>{P2}</p></div>', head=head)
    assert run(no_line).published == "2023-10-06T13:05:27"
    same_minute = page(body(P1, P2, date="Thứ Sáu, 06/10/2023 13:05"), head=head)
    assert run(same_minute).published == "2023-10-06T13:05:27"
    other_day = page(body(P1, P2, date="Thứ Năm, 05/10/2023 09:00"), head=head)
    assert run(other_day).published == "2023-10-05T09:00:00"


def test_a_bare_date_line_in_a_share_bar_by_the_headline_is_the_date():
    """Some newspaper CMSs print the date in the share bar above the headline; a date and time with no
    words is taken there, while a banner's clock (it names the day) is not."""
    head = '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-03-15"}</script>'
    html = page(f'<div class="share-tools"><span>15/03/2024 - 18:21</span><div class="fb"><a href="/fb">Chia sẻ</a></div></div>'
                f'<h1>{TITLE}</h1><div class="body"><p>{P1}</p><p>{P2}</p></div>', head=head,
                header='<div class="top-bar">Thứ Hai, 19/01/2026 08:00</div>')
    assert run(html).published == "2024-03-15T18:21:00"


def test_dates_inside_the_body_are_not_the_publication_date():
    html = page(f'<h1>{TITLE}</h1><div class="entry-content"><p>Chiều 1/7/2022, {P1}</p><p>{P2}</p></div>')
    assert run(html).published is None


# --- title ------------------------------------------------------------------------------

def test_title_suffix_trimmed_and_h1_preferred():
    assert run(page(body(P1, P2))).title == TITLE


def test_title_from_page_title_when_no_h1():
    html = page(f'<div class="content"><p>{P1}</p><p>{P2}</p></div>',
                title=f"{TITLE} | Báo Hải Phòng điện tử").replace(
                    " - Cổng thông tin điện tử thành phố Hải Phòng", "")
    assert run(html).title == TITLE


def test_title_with_its_own_dash_keeps_it():
    title = "Kiên Giang: Công tác khoa giáo quý I-2022 - kết quả tích cực"
    html = page(f'<h1>{title}</h1><div class="content"><p>{P1}</p><p>{P2}</p></div>', title=title)
    assert run(html).title == title


# --- body, captions, trailing matter, byline ----------------------------------------------

def test_caption_after_image_moved_out_and_repeated_caption_kept_once():
    caption = "Quang cảnh Hội nghị"
    extra = (f'<p style="text-align:center"><img src="/a.jpg" alt=""></p>'
             f'<p style="text-align:center"><em>{caption}</em></p><p>{P2}</p>'
             f'<table class="image"><tr><td><img src="/b.jpg" alt="{P3[:60]}"></td></tr>'
             f'<tr><td class="image_desc">Các đại biểu dự Hội nghị</td></tr></table>'
             f'<figure><img src="/c.jpg"><figcaption>Các đại biểu dự Hội nghị</figcaption></figure>'
             f'<p>{P3}</p>')
    article = run(page(body(P1, extra=extra)))
    assert article.captions == [caption, "Các đại biểu dự Hội nghị"]
    assert caption not in article.text and "đại biểu dự Hội nghị" not in article.text
    assert article.text == "\n\n".join([P1, P2, P3])


def test_a_long_centred_quote_under_a_picture_is_a_caption_unless_the_text_is_centred_too():
    quote = ("Ông Nguyễn Văn Bình, Giám đốc Hợp tác xã chợ Mới: " + "Hợp tác xã đã đầu tư xây dựng chợ "
             "theo đúng các quy định của pháp luật nhưng còn gặp nhiều khó khăn trong công tác quản lý. " * 4)
    assert 300 < len(quote) <= 600
    extra = f'<p style="text-align:center"><img src="/a.jpg" alt=""></p><p style="text-align:center">{quote}</p>'
    article = run(page(body(P1, P2, extra=extra + f"<p>{P3}</p>")))
    assert article.captions == [quote.strip()] and quote.strip() not in article.text
    centred = "".join(f'<p style="text-align:center">{p}</p>' for p in (P1, P2, P3))
    article = run(page(body(extra=centred + extra)))
    assert quote.strip() in article.text


def test_a_line_that_writes_out_an_address_is_text_and_a_line_of_word_links_is_not():
    site, mail = "http://www.dichvucong.sotttt.example.gov.vn", "vanphong.sotttt@example.gov.vn"
    register = (f'<ul><li><p>Trực tuyến: <a href="{site}/">{site}</a></p></li>'
                f'<li><p>Qua thư: <a href="mailto:{mail}">{mail}</a></p></li></ul>')
    article = run(page(body(P1, P2, extra=register + '<p><a href="/tin-khac.html">Tin khác cùng chuyên mục</a></p>')))
    assert f"Trực tuyến: {site}" in article.text and f"Qua thư: {mail}" in article.text
    assert "Tin khác" not in article.text


def test_short_line_between_images_is_a_caption():
    extra = ('<div><img src="/a.jpg"></div><div>Lãnh đạo thành phố thăm gian hàng</div>'
             '<div><img src="/b.jpg"></div>')
    article = run(page(body(P1, P2, extra=extra)))
    assert article.captions == ["Lãnh đạo thành phố thăm gian hàng"]


def test_trailing_blocks_cut_from_the_body():
    extra = ('<h3>Tin khác</h3><ul><li><a href="/a.html">Hội nghị báo cáo viên tháng 11</a></li></ul>'
             "<p>Phản hồi</p><p>Họ và tên của bạn đọc gửi ý kiến về bài viết này</p>")
    article = run(page(body(P1, P2, P3, extra=extra)))
    assert article.text == "\n\n".join([P1, P2, P3])
    for phrase in ("Tin khác", "Thống kê truy cập", "Điện thoại:", "Email:", "Đang online"):
        assert phrase not in article.text


def test_footer_contact_lines_inside_the_article_column_cut():
    extra = "<p>Địa chỉ: Số 18 Hoàng Diệu, Hồng Bàng</p><p>Điện thoại: 0225.3821.055</p>"
    assert run(page(body(P1, P2, extra=extra))).text == "\n\n".join([P1, P2])


def test_end_mark_ends_the_body_and_the_next_line_is_the_author():
    extra = (f"<p>{P3} góp phần hoàn thành nhiệm vụ./.</p><p>Hoàng Tùng</p>"
             "<p>Chương trình phát thanh ngày 26/11/2011</p>")
    article = run(page(body(P1, P2, extra=extra)))
    assert article.text.endswith("hoàn thành nhiệm vụ./.")
    assert article.author == "Hoàng Tùng"
    assert "Chương trình phát thanh" not in article.text


@pytest.mark.parametrize("byline", ['<p style="text-align: right;"><strong>Thu Quỳnh – Minh Cảnh</strong></p>',
                                    "<p>Phương Mai</p>", '<p align="right"><b>PV</b></p>',
                                    "<p>Tin, ảnh: Hoàng Tùng</p>"])
def test_author_taken_from_the_last_line(byline):
    article = run(page(body(P1, P2, extra=byline)))
    assert article.author in ("Thu Quỳnh – Minh Cảnh", "Phương Mai", "PV", "Hoàng Tùng")
    assert article.author not in article.text
    assert article.text == "\n\n".join([P1, P2])


def test_last_sentence_is_not_taken_for_an_author():
    article = run(page(body(P1, P2, "Hội nghị kết thúc lúc 17 giờ cùng ngày.")))
    assert article.author is None
    assert article.text.endswith("cùng ngày.")


def test_lead_from_sapo_class_and_from_site_tag():
    sapo = f'<p class="sapo"><strong>{LEAD}</strong></p>'
    article = run(page(f'<h1>{TITLE}</h1><div class="content-detail">{sapo}<p>{P1}</p><p>{P2}</p></div>'))
    assert article.lead == LEAD
    assert article.text.startswith(LEAD + "\n\n")
    plain = run(page(body(LEAD, P1, P2)))
    assert plain.lead == LEAD
    assert run(page(body(P1, P2))).lead is None


def test_attachments_absolute():
    extra = ('<div class="attachments"><b>Tập tin đính kèm:</b><ul><li>'
             '<a href="/files/ke-hoach-15.pdf">Kế hoạch số 15-KH/BTGHU</a></li>'
             '<li><a href="bao-cao.docx">Báo cáo</a></li><li><a href="/tin-khac.html">Tin</a></li></ul></div>')
    article = run(page(body(P1, P2, extra=extra)))
    assert article.attachments == ["https://haiphong.gov.vn/files/ke-hoach-15.pdf",
                                   "https://haiphong.gov.vn/tin-tuc-su-kien/bao-cao.docx"]
    assert "đính kèm" not in article.text


def test_profile_selectors_override_the_generic_rules():
    html = page(f'<h1>Tin tức</h1><div class="tieu-de">{TITLE}</div><div class="ngay">Ngày 02/03/2020</div>'
                f'<div class="noi-dung"><p>{P1}</p></div><div class="khac"><p>{P2}</p><p>{P3}</p></div>'
                '<div class="tac-gia">Minh Tâm</div>')
    profile = SimpleNamespace(title_selector=".tieu-de", date_selector=".ngay",
                              body_selector=".noi-dung", author_selector=".tac-gia")
    article = run(html, profile=profile)
    assert (article.title, article.published, article.author, article.text) == (
        TITLE, "2020-03-02", "Minh Tâm", P1)
    assert run(html, profile=object()).title != ""  # an object without selectors is fine


# --- text normalisation and charsets ----------------------------------------------------------

def test_entities_decoded_even_when_escaped_twice():
    html = page(body("Ban Tuy&ecirc;n gi&aacute;o Th&agrave;nh &#7911;y t&#7893; ch&#7913;c h&#7897;i ngh&#7883; "
                     "t&amp;#7893;ng k&amp;#7871;t c&ocirc;ng t&aacute;c tuy&ecirc;n gi&aacute;o n&#259;m 2021 "
                     "v&agrave; tri&#7875;n khai nhi&#7879;m v&#7909; n&#259;m 2022 t&#7841;i H&#7843;i Ph&ograve;ng.", P2))
    assert run(html).text.startswith("Ban Tuyên giáo Thành ủy tổ chức hội nghị tổng kết công tác")


def test_nfd_input_becomes_nfc():
    article = run(unicodedata.normalize("NFD", page(body(P1, P2))))
    assert article.text == "\n\n".join([P1, P2])
    assert unicodedata.is_normalized("NFC", article.title + article.text)


@pytest.mark.parametrize("encode", [tcvn3, vni])
def test_legacy_encoded_page_converted(encode):
    sentence = ("Đồng chí Nguyễn Thị Như Hoa, Trưởng Ban Tuyên giáo Huyện ủy phát biểu tại hội nghị "
                "sơ kết công tác khoa giáo sáu tháng đầu năm, đường lối của Đảng được quán triệt.")
    html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
            '<title>Tin tức</title></head><body><div class="noidung"><p>').encode() + encode(sentence) + \
        b"</p><p>" + encode(sentence.lower()) + b"</p></div></body></html>"
    assert encode(sentence) != sentence.encode("utf-8")
    assert run(html).text == sentence + "\n\n" + sentence.lower()


@pytest.mark.parametrize("text", [
    P1 + P2,
    "Die Bundesregierung unterstützt Anwendungen für Bürger: Größe, Straße, Übersicht, DICOM®. " * 4,
    "El año pasado en España, el niño comió piñata y la señora habló con Muñoz. " * 4,
    "Le garçon a reçu une leçon; « ça va » dit-il. Noël, naïf, égoïste, où, août. " * 4,
    "De poëzie van het geëiste ideeën, coördinatie en reünie. " * 4,
])
def test_legacy_detection_leaves_unicode_and_european_text_alone(text):
    assert detect_legacy(text) is None


def test_wrong_latin1_header_on_utf8_bytes():
    raw = page(body(P1, P2)).replace('<meta charset="utf-8">', "").encode("utf-8")
    article = run(raw, headers={"content-type": "text/html; charset=ISO-8859-1"})
    assert article.text == "\n\n".join([P1, P2])


def test_utf8_header_on_windows_1258_bytes():
    raw = cp1258(page(body(P1, P2)).replace('<meta charset="utf-8">', ""))
    article = run(raw, headers={"Content-Type": "text/html; charset=utf-8"})
    assert article.text == "\n\n".join([P1, P2])


def test_meta_charset_used_without_header():
    raw = cp1258(page(body(P1, P2), charset="windows-1258"))
    assert run(raw).title == TITLE


# --- not an article -------------------------------------------------------------------------

@pytest.mark.parametrize("raw, reason", [
    (b"", "empty"), (b"   \n ", "empty"), ("", "empty"),
    (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    (b"<html><body></body></html>", "no text"),
])
def test_not_html_or_empty_raises_with_reason(raw, reason):
    with pytest.raises(ExtractionError, match=reason):
        run(raw)


def test_soft_404_raises():
    html = page('<h1>Trang không tồn tại</h1><p>Xin lỗi, trang bạn yêu cầu không tồn tại hoặc đã bị xóa.</p>',
                title="Trang không tồn tại")
    with pytest.raises(ExtractionError, match="soft 404"):
        run(html)


def test_listing_page_raises():
    items = "".join(f'<div class="item"><h3><a href="/tin-{i}.html">Hội nghị tổng kết công tác số {i} '
                    f"của thành phố</a></h3><p>{P2}</p></div>" for i in range(4))
    with pytest.raises(ExtractionError, match="listing"):
        run(page(f'<div class="list">{items}</div>', title="Tin tức - Sự kiện"))


def test_article_record_fields():
    article = run(page(body(LEAD, P1, P2, extra="<p>Hoàng Tùng</p>")))
    assert article.to_dict() == {
        "url": URL, "title": TITLE, "text": "\n\n".join([LEAD, P1, P2]),
        "published": "2021-12-16T16:30:00", "author": "Hoàng Tùng", "lead": LEAD, "captions": [],
        "attachments": [], "language": "vi", "extractor_version": EXTRACTOR_VERSION}


def test_english_page_language():
    text = "<p>" + "The council met on Tuesday to discuss the budget for the coming year. " * 5 + "</p>"
    html = f'<html lang="en"><head><title>Budget</title></head><body><article>{text}{text}</article></body></html>'
    article = run(html)
    assert article.language == "en"
    assert article.text.startswith("The council met")


def test_byline_above_the_text_and_source_line_below():
    top = (f'<h1>{TITLE}</h1><div class="content"><p>Tác giả: Nguyễn Văn An</p><p>{P1}</p><p>{P2}</p>'
           "<p>Nguồn: Báo Hải Phòng</p></div>")
    article = run(page(top))
    assert article.author == "Nguyễn Văn An"
    assert article.text == "\n\n".join([P1, P2])
    below = run(page(body(P1, P2, extra="<p>Hoàng Tùng</p><p>Nguồn: Báo Hải Phòng</p>")))
    assert (below.author, below.text) == ("Hoàng Tùng", "\n\n".join([P1, P2]))


def test_related_box_inside_the_article_is_skipped_not_a_cut():
    boxed = ('<div class="box-related"><b>Tin liên quan</b><ul><li><a href="/a.html">Hội nghị báo cáo viên '
             'tháng 11</a></li></ul></div>')
    plain = '<p><b>Tin liên quan:</b></p><p><a href="/a.html">Hội nghị báo cáo viên tháng 11</a></p>'
    for box in (boxed, plain):
        article = run(page(body(P1, extra=box + f"<p>{P2}</p><p>{P3}</p>")))
        assert article.text == "\n\n".join([P1, P2, P3])


def test_related_list_with_teasers_still_ends_the_body():
    teasers = "".join(f'<p><a href="/{i}.html">Tin số {i} về công tác tuyên giáo</a></p><p>{P3}</p>'
                      for i in range(2))
    article = run(page(body(P1, P2, extra="<p>Tin cùng chuyên mục</p>" + teasers)))
    assert article.text == "\n\n".join([P1, P2])


def test_sidebar_text_next_to_the_article_stays_out():
    intro = ("Cổng thông tin điện tử thành phố là kênh thông tin chính thức của chính quyền thành phố, "
             "cung cấp thông tin về hoạt động chỉ đạo, điều hành cho người dân và doanh nghiệp.")
    html = page(f'<div class="main"><div class="article-col"><h1>{TITLE}</h1><div class="content">'
                f'<p>{P1}</p><p>{P2}</p><p>{P3}</p></div></div>'
                f'<div class="right-col"><div class="box"><h3>Giới thiệu</h3><p>{intro}</p></div></div></div>')
    assert run(html).text == "\n\n".join([P1, P2, P3])


def test_bad_profile_selector_falls_back_to_the_generic_rules():
    profile = SimpleNamespace(title_selector="div[", body_selector="::nonsense")
    article = run(page(body(P1, P2)), profile=profile)
    assert (article.title, article.text) == (TITLE, "\n\n".join([P1, P2]))


def test_rendering_weighs_page_chrome_as_chrome_weight_does():
    """Blocks carry the chrome weight worked out while rendering: it must be chrome_weight's,
    on every page of the corpus, rendered whole or from inside the chrome."""
    from pathlib import Path

    import lxml.html

    from extract.blocks import chrome_weight, render

    seen = set()
    for path in sorted((Path(__file__).parent / "corpus").rglob("*.htm*")):
        tree = lxml.html.fromstring(path.read_bytes())
        body = tree.find("body")
        blocks = render(body if body is not None else tree)
        assert [block.chrome for block in blocks] == [chrome_weight(block.element) for block in blocks], path.name
        inner = next((block.element for block in blocks if block.chrome < 1.0), None)
        if inner is not None:
            assert all(block.chrome == chrome_weight(block.element) for block in render(inner)), path.name
        seen |= {block.chrome for block in blocks}
    assert seen == {0.0, 0.3, 1.0}


# --- real-portal failure classes (issue 16) ---------------------------------------------------

def _word(text: str, *, bold: bool = False, align: str = "justify") -> str:
    """A paragraph as Word's "Save as HTML" writes it, pasted into a portal's editor."""
    inner = f"<span lang=VI style='font-size:14.0pt;mso-fareast-font-family:\"Times New Roman\"'>{text}<o:p></o:p></span>"
    return (f"<p class=MsoNormal align={align} style='text-align:{align};text-indent:36.0pt'>"
            f"{'<b>' + inner + '</b>' if bold else inner}</p>")


def test_word_exported_steps_between_screenshots_are_the_text_and_the_heading_is_the_title():
    steps = ["Bước 1: Truy cập Cổng dịch vụ công của tỉnh.", "Bước 2: Đăng nhập bằng tài khoản định danh.",
             "Bước 3: Chọn thủ tục cần nộp.", "Bước 4: Điền thông tin và đính kèm hồ sơ."]
    shot = "<p class=MsoNormal><span style='mso-no-proof:yes'><img width=602 height=300 src='image00{}.png'></span></p>"
    section = "".join(_word(step) + shot.format(i) for i, step in enumerate(steps))
    heading = "Hướng dẫn nộp hồ sơ trực tuyến trên Cổng dịch vụ công"
    html = page(f'<div class="news-title"><span>{heading}</span></div>'
                f'<div class="news-content"><div class=WordSection1>{section}</div></div>', title="Trang chủ")
    article = run(html)
    assert (article.title, article.text.split("\n\n"), article.captions) == (heading, steps, [])


def test_a_notice_keeps_its_closing_lines():
    subject = "Thông báo tuyển sinh lớp 10 năm học 2023-2024"
    closing = [subject, "Trân trọng thông báo./.", "BAN GIÁM HIỆU"]
    section = "".join([_word(P1), _word(P2), _word(subject, bold=True, align="center"), _word(closing[1]),
                       _word(closing[2], bold=True, align="right")])
    html = page(f'<h1 class="title-detail">{subject}</h1><div class="date-time">Ngày đăng: 12/05/2023</div>'
                f'<div class="content-detail"><div class=WordSection1>{section}</div></div>', title=subject)
    article = run(html)
    assert article.text.split("\n\n") == [P1, P2, *closing]
    assert article.author is None


def test_a_signing_office_is_not_a_byline_but_a_reporter_still_is():
    assert run(page(body(P1, P2, "TM. ỦY BAN NHÂN DÂN"))).author is None
    assert run(page(body(P1, P2, "Hoàng Tùng"))).author == "Hoàng Tùng"


def test_no_date_is_taken_from_related_news_or_a_clock_when_the_article_shows_none():
    related = ('<h3>Tin khác</h3><ul><li><a href="/a">Hội nghị Ban Chấp hành Đảng bộ thành phố</a> '
               '(15/12/2021)</li><li><a href="/b">Triển khai nhiệm vụ năm 2022</a> (14/12/2021)</li></ul>'
               '<p>Cập nhật ngày 14/12/2021</p>')
    clock = '<div class="ngay-gio">Thứ Bảy, 05/12/2026 08:30</div>'
    html = page(f'<h1 class="title-detail">{TITLE}</h1><div class="content-detail"><p>{P1}</p><p>{P2}</p>'
                f'<p>{P3}</p>{related}</div>', header=clock)
    assert run(html).published is None


def test_a_title_naming_the_section_gives_way_to_the_article_heading():
    section = "Hoạt động của lãnh đạo thành phố"
    menu = f'<div class="breadcrumb"><a href="/tin-tuc">Tin tức</a> » <a href="/lanh-dao">{section}</a></div>'
    html = page(f'{menu}<h2 class="news-name">{TITLE}</h2><div class="date-time">16/12/2021</div>'
                f'<div class="content-detail"><p>{P1}</p><p>{P2}</p></div>', title=section)
    assert run(html).title == TITLE


def test_a_bold_line_above_the_text_is_the_heading_when_the_title_is_generic():
    html = page(f'<p><strong>{TITLE}</strong></p><div class="content-detail"><p>{P1}</p><p>{P2}</p>'
                f'<p>{P3}</p></div>', title="Trang chủ")
    assert run(html).title == TITLE


def test_a_section_label_in_a_title_cell_gives_way_to_the_bold_headline_under_it():
    """A table-layout portal: the section's name in a cell classed as a title, the headline a bold
    line under it, a generic <title>, no article date (the banner's clock is not one)."""
    clock = '<div class="date">Thứ Hai, 06/05/2024</div>'
    html = page(f'<table><tr><td class="title_news"><b>Tin tức - Sự kiện</b></td></tr>'
                f'<tr><td><font size="3"><b>{TITLE}</b></font></td></tr>'
                f'<tr><td><p>{P1}</p><p>{P2}</p><p>{P3}</p></td></tr></table>',
                title="Trang chủ", header=clock)
    article = run(html)
    assert (article.title, article.published) == (TITLE, None)


def test_a_section_heading_the_page_title_starts_with_is_not_the_headline():
    """A portlet's heading names the section, and <title> is that section and the site's name."""
    html = page(f'<div class="portlet-title">Tin tức sự kiện</div><h3 class="header-title-text">{TITLE}</h3>'
                f'<div class="metadata-publish-date">04/06/2024 14:25</div>'
                f'<div class="journal-content-article"><p>{P1}</p><p>{P2}</p></div>', title="Tin tức sự kiện")
    assert run(html).title == TITLE


def test_a_byline_line_and_an_author_label_naming_the_same_author_are_both_cut():
    html = page(body(P1, P2, P3, extra='<p style="text-align:right"><strong>Lò Thị Hương - Huyện Đoàn</strong></p>'
                                       '<p>Tác giả bài viết: Lò Thị Hương</p>'))
    article = run(html)
    assert (article.author, article.text.splitlines()[-1]) == ("Lò Thị Hương", P3)


@pytest.mark.parametrize("value, expected", [
    ("2023-10-06T13:05:00+07:00", "2023-10-06T13:05:00"),   # Vietnam's zone: as written
    ("2024-05-20T08:15:22+00:00", "2024-05-20T15:15:22"),   # WordPress's meta, in UTC: moved to Vietnam
    ("2024-05-20T20:15:22.000Z", "2024-05-21T03:15:22"),    # across midnight
    ("2024-05-20 08:15", "2024-05-20T08:15:00"),            # no zone: the wall clock
])
def test_a_meta_time_in_another_zone_is_moved_to_vietnam(value, expected):
    assert dates.parse_iso(value).iso() == expected


def test_an_asp_net_headline_and_date_in_spans_are_lines_of_their_own():
    """DNN: the module's heading names the section, <title> is "section > headline", the headline and
    its date are spans side by side in one div (shown as lines by the template's CSS)."""
    html = page(f'<h2 class="c_title"><span class="Head">Tin hoạt động</span></h2><div class="news-detail">'
                f'<span id="dnn_ctr512_ViewNews_lblTitle" class="title-news">{TITLE}</span>'
                f'<span id="dnn_ctr512_ViewNews_lblDate" class="date-news">(05/07/2024 09:30)</span>'
                f'<div class="Normal"><p>{P1}</p><p>{P2}</p><p>{P3}</p></div></div>', title=f"Tin hoạt động > {TITLE}")
    article = run(html)
    assert (article.title, article.published) == (TITLE, "2024-07-05T09:30:00")


def test_an_update_line_right_after_the_text_dates_an_article_that_shows_no_other_date():
    html = page(f'<h1>{TITLE}</h1><div class="noidung"><p>{P1}</p><p>{P2}</p><p>{P3}</p></div>'
                f'<div class="tacgia">Minh Tuấn</div><div class="ngaycapnhat">Cập nhật: 14:05 | 12/06/2024</div>'
                f'<div class="tinkhac"><h3>Tin khác</h3><ul><li><a href="/a">Hội nghị Ban Chấp hành</a> (01/06/2024)</li>'
                f'</ul></div>')
    article = run(html)
    assert (article.published, article.author) == ("2024-06-12T14:05:00", "Minh Tuấn")


@pytest.mark.parametrize("line, is_date_line", [
    ("Thủ tục hành chính | 12/06/2024 08:00", True),          # the section's label beside the date
    ("Tin tức - Sự kiện - 12/06/2024 08:00", True),
    ("Kinh tế | Thứ Tư, 12/06/2024", True),
    ("Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị - 12/06/2024", False),   # a headline with its date: a list item
    ("Ngày 12/06/2024, UBND tỉnh tổ chức hội nghị tổng kết công tác năm", False),  # a sentence
])
def test_a_date_line_may_carry_a_short_label(line, is_date_line):
    assert dates.is_date_line(line) is is_date_line


def test_an_inline_read_more_link_does_not_end_the_text():
    """"Xem thêm: <a>…</a>" inside the text: the paragraph after it and the byline are still the article's."""
    more = '<p><strong>Xem thêm:</strong> <a href="/a.html">Công bố điểm chuẩn vào lớp 10 năm học 2024 - 2025</a></p>'
    article = run(page(body(P1, P2, extra=f'{more}<p>{P3}</p><p style="text-align:right"><b>Ngọc Anh</b></p>')))
    assert (article.text.split("\n\n")[-1], article.author) == (P3, "Ngọc Anh")


def test_a_read_more_list_after_the_text_still_ends_it():
    more = ('<p><strong>Xem thêm:</strong> <a href="/a.html">Công bố điểm chuẩn vào lớp 10 năm học 2024</a></p>'
            '<p><a href="/b.html">Lịch thi tốt nghiệp THPT năm 2024 và những điều cần biết</a></p>')
    assert run(page(body(P1, P2, P3, extra=more))).text.split("\n\n")[-1] == P3


def test_an_early_document_end_tag_does_not_end_the_page():
    """A template that closes </html> before its head: a browser still shows the page that follows."""
    html = page(body(P1, P2)).replace('<html lang="vi">', '<html lang="vi">\n</html>\n', 1)
    assert run(html).text == "\n\n".join([P1, P2])


def test_a_sapo_in_a_longform_header_box_inside_the_article_is_its_lead():
    header = (f'<div class="sc-longform-header"><div class="sc-longform-header-text"><h1>{TITLE}</h1>'
              f'<p class="sc-longform-header-sapo">{LEAD}</p></div></div>')
    long_text = "".join(f"<p>{p}</p>" for p in (P1, P2, P3) * 3)
    article = run(page(f'<div class="entry">{header}{long_text}</div>'))
    assert (article.lead, article.text.split("\n\n")[0]) == (LEAD, LEAD)


def test_a_sharing_excerpt_that_repeats_the_opening_is_dropped():
    """A box copying the text's first words, cut off mid-word, above the text itself."""
    excerpt = f'<div class="sapo">{LEAD} {P1[:60]}</div>'
    article = run(page(f'<h1>{TITLE}</h1><div class="content-detail">{excerpt}<p class="sapo">{LEAD}</p>'
                       f'<p>{P1}</p><p>{P2}</p></div>'))
    assert (article.text, article.lead) == ("\n\n".join([LEAD, P1, P2]), LEAD)


def test_a_lead_box_between_the_headline_and_the_text_box_is_the_lead():
    """The sapo in a box of its own (div.detail-desc), the share bar and a related list around the text."""
    share = '<div class="col"><div class="detail-date-share">16/12/2021 - 16:30 <a href="/s">Chia sẻ</a></div></div>'
    related = ('<div class="col detail-related"><h3>Đọc thêm</h3>' + "".join(
        f'<p><a href="/{i}.html">Tin số {i} về công tác tuyên giáo của thành phố</a></p>' for i in range(3)) + '</div>')
    article = run(page(f'<div class="col"><div class="detail-title"><h1>{TITLE}</h1></div></div>{share}'
                       f'<div class="col detail-desc"><div class="content-fck"><p>{LEAD}</p></div></div>'
                       f'<div class="col"><a href="/x">A</a> <a href="/y">A</a></div>'
                       f'<div class="col newscontents"><div class="content-fck"><p>{P1}</p><p>{P2}</p><p>{P3}</p>'
                       f'</div></div><div class="col tags"><a href="/t">tuyên giáo</a></div>{related}'))
    assert (article.text, article.lead) == ("\n\n".join([LEAD, P1, P2, P3]), LEAD)


def test_pictures_between_the_date_line_and_the_headline_do_not_part_them():
    ads = "".join(f'<div class="ad"><img src="/ad{i}.jpg" alt=""></div>' for i in range(4))
    html = page(f'<div class="category"><a href="/y-te">Y tế</a></div><div class="time"><span>Thứ ba, '
                f'21/09/2021 06:30</span></div>{ads}<h1>{TITLE}</h1><div class="content-detail">'
                f'<p>{P1}</p><p>{P2}</p></div>')
    assert run(html).published == "2021-09-21T06:30:00"


def test_a_card_for_another_article_set_in_the_text_is_not_the_text():
    card = ('<div class="inner-article"><a href="/other-738310.html"><img src="/o.jpg" alt=""></a>'
            '<h4><a href="/other-738310.html">Nhiều bệnh nhân ở thành phố cần tiếp máu</a></h4>'
            '<p class="summary">Nhiều bệnh nhân tại Bệnh viện đang cần tiếp máu, có ca bệnh truyền tới 46 đơn vị.</p></div>')
    article = run(page(body(P1, P2, extra=card + f"<p>{P3}</p>")))
    assert article.text == "\n\n".join([P1, P2, P3])


def test_a_related_list_under_a_long_article_does_not_make_it_a_listing():
    cards = "".join(f'<article><a href="/r{i}.html"><img src="/r{i}.jpg" alt=""></a><a href="/r{i}.html">'
                    f'<h2>Tin số {i} về công tác tuyên giáo của thành phố</h2></a><div class="chapeau">{P3}</div>'
                    f'</article>' for i in range(3))
    long_text = "".join(f"<p>{p}</p>" for p in (P1, P2, P3) * 4)
    article = run(page(f'<h1>{TITLE}</h1><div class="content-detail">{long_text}<div class="list-cards">{cards}'
                       f'</div></div>'))
    assert article.text.startswith(P1)
    with pytest.raises(ExtractionError, match="listing"):  # the same cards with no article text are a listing
        run(page(f'<h1>{TITLE}</h1><div class="content-detail"><p>{P1}</p><div>{cards}</div></div>'))


def test_a_sapo_between_a_share_icon_and_the_first_picture_is_the_lead_not_a_caption():
    html = page(f'<h1>{TITLE}</h1><div class="wrapper"><div class="google-news"><a href="https://news.google.com/x">'
                f'<img src="/gn.svg" alt=""></a></div><div class="chappeau"><p>{LEAD}</p></div><div class="body">'
                f'<figure><img src="/a.jpg" alt=""><figcaption>Ảnh: Ngọc Tâm</figcaption></figure>'
                f'<p>{P1}</p><p>{P2}</p><p>{P3}</p></div></div>')
    article = run(html)
    assert (article.lead, article.text.split("\n\n")[0]) == (LEAD, LEAD)


def test_an_article_whose_text_box_is_empty_is_its_sapo_not_a_listing():
    teasers = "".join(f'<h3><a href="/tin-{i}.html">Hội nghị tổng kết công tác số {i} của thành phố</a></h3>'
                      f"<p>{P2}</p>" for i in range(6))

    def news_page(head: str, sapo: str) -> str:
        return (f'<html lang="vi"><head><title>{TITLE}</title>{head}</head><body><ul class="menu"><li>'
                f'<a href="/">Trang chủ</a></li></ul><div class="detail-header"><h1>{TITLE}</h1>{sapo}</div>'
                f'<div class="detail-content"></div><div class="box-category">{teasers}</div></body></html>')
    og_article, sapo = '<meta property="og:type" content="article">', f'<p class="sapo">{LEAD}</p>'
    article = run(news_page(og_article, sapo))
    assert (article.title, article.text) == (TITLE, LEAD)
    with pytest.raises(ExtractionError, match="listing"):  # a page that does not say it is an article
        run(news_page("", sapo))
    with pytest.raises(ExtractionError, match="listing"):  # an article page with no sapo is no article
        run(news_page(og_article, ""))


def test_text_cut_into_boxes_by_empty_ad_slots_is_one_text():
    slots = "<ins class='adsbygoogle'></ins>" * 4
    last = [f"{P3} Ý kiến thứ {i}." for i in range(4)]
    boxes = (f"<div><p>{P1}</p></div>{slots}<div><p>{P2}</p></div>{slots}<div>"
             + "".join(f"<p>{p}</p>" for p in last) + "</div>")
    article = run(page(f'<h1>{TITLE}</h1><div class="body">{boxes}</div>'))
    assert article.text == "\n\n".join([P1, P2, *last])


def test_a_title_cut_from_the_headline_gives_way_to_the_headline():
    headline = "Chuyên gia khuyến cáo phòng tránh nguy cơ ngộ độc thực phẩm trong những ngày Tết"
    cut = "Chuyên gia khuyến cáo phòng tránh nguy cơ ngộ độc thực phẩm trong Tết"
    html = page(f"<h1>{headline}</h1><div class='content-detail'><p>{P1}</p><p>{P2}</p></div>",
                title=cut, head=f'<meta property="og:title" content="{cut}">')
    assert run(html).title == headline
    other = "Phòng tránh ngộ độc trong những ngày Tết cổ truyền của dân tộc"  # not the same words in order
    assert run(html.replace(f"<h1>{headline}</h1>", f"<h1>{other}</h1>")).title == cut


def test_a_popup_box_inside_the_article_is_not_shown_text():
    steps = ("<div class='site-popup-overlay'><p>Nhấp vào nút “Thêm báo trên Google” hoặc mở trực tiếp đường dẫn "
             "này để theo dõi tin mới nhất của báo trên trang tìm kiếm.</p></div>")
    dialog = "<dialog><p>Bạn có muốn nhận thông báo về những tin tức mới nhất của báo trên trình duyệt không?</p></dialog>"
    html = page(f"<h1>{TITLE}</h1><div class='body'>{steps}<p>{P1}</p>{dialog}<p>{P2}</p></div>")
    assert run(html).text == "\n\n".join([P1, P2])
    shown = run(html.replace("site-popup-overlay", "site-overlay").replace("<dialog>", "<dialog open>")).text
    assert "Thêm báo trên Google" in shown and "nhận thông báo" in shown


def test_a_byline_with_its_organisation_on_a_line_below_is_not_text():
    signed = "<p align='right'><strong>Bác sĩ Trần Thanh Vỹ</strong><br><em>(BV ĐH Y Dược TP.HCM)</em></p>"
    article = run(page(f"<h1>{TITLE}</h1><div class='body'><p>{P1}</p><p>{P2}</p>{signed}</div>"))
    assert article.text == "\n\n".join([P1, P2]) and article.author == "Bác sĩ Trần Thanh Vỹ"
    closing = "<p>Theo báo cáo của Sở Y tế</p><p>(Bệnh viện Đa khoa tỉnh)</p>"  # not set apart as a byline
    assert run(page(f"<h1>{TITLE}</h1><div class='body'><p>{P1}</p><p>{P2}</p>{closing}</div>")).text.endswith(
        "(Bệnh viện Đa khoa tỉnh)")


def test_a_heading_atop_the_text_under_a_lead_box_is_the_texts_own():
    heading = "1. Đặc điểm của cây thiên môn đông"
    html = page(f'<section><header><h1>{TITLE}</h1><div class="detail-sapo">{LEAD}</div></header>'
                f'<div class="detail-content"><h2>{heading}</h2><p>{P1}</p><h2>2. Một số món ăn bài thuốc</h2>'
                f'<p>{P2}</p></div></section>')
    assert run(html).text.split("\n\n")[:2] == [LEAD, heading]
    without_lead = html.replace(f'<div class="detail-sapo">{LEAD}</div>', "")
    assert run(without_lead).text.split("\n\n")[0] == P1  # no lead box: a short line atop the text is not read


def test_a_card_whose_picture_links_where_its_headline_does_is_not_the_text():
    summary = ("Giới thiệu cách làm đẹp da mặt cho phái nữ mà chúng tôi sử dụng củ thiên môn có hiệu quả: lấy 10 củ "
               "thiên môn rửa sạch, lột vỏ đập dập, bỏ lõi cho vào xoong nhỏ, đun lửa nhỏ khoảng 30 phút.")
    card = ('<div type="RelatedOneNews"><a href="/thien-mon-16928756.htm"><img src="/t.jpg" alt=""></a>'
            '<a href="/thien-mon-16928756.htm">Thiên môn đông vị thuốc làm đẹp</a>'
            f'<p class="sapo">{summary}</p></div>')
    text = [P1, P2, P3, LEAD]  # a long text: a box of a quarter of it would be kept whatever it is
    assert run(page(body(*text, extra=card))).text == "\n\n".join(text)
    elsewhere = card.replace('<a href="/thien-mon-16928756.htm"><img', '<a href="/anh-lon.jpg"><img')
    assert summary in run(page(body(*text, extra=elsewhere))).text  # a linked picture alone: the text's own
