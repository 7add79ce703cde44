"""A small hand-built index for the data tests: realistic portal articles and their tags.

Offsets are found in the text (``text[start:end] == phrase``), as a tagger would give them.
"""
from __future__ import annotations

import unicodedata

from data import FetchedPage, Index
from extract.article import Article
from nlp.records import DateTag, DirectiveTag, OfficialTag, Position, StatisticTag, Tags


def span(text: str, phrase: str, nth: int = 0) -> tuple[str, int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return phrase, start, start + len(phrase)


def date(text, phrase, kind, start_date, end_date=None):
    return DateTag(*span(text, phrase), kind=kind, start_date=start_date, end_date=end_date or start_date)


def official(text, phrase, name, honorific=None, positions=()):
    return OfficialTag(*span(text, phrase), name=name, honorific=honorific,
                       positions=[Position(title, org) for title, org in positions])


def directive(text, phrase, key, doc_type, type_code, number, issuer_code, year=None, date=None, issuer=None,
              title=None):
    return DirectiveTag(*span(text, phrase), doc_type=doc_type, type_code=type_code, number=number,
                        issuer_code=issuer_code, year=year, date=date, issuer=issuer, title=title, key=key)


def statistic(text, phrase, value, unit_text, kind="count", qualifier=None, denominator=None):
    return StatisticTag(*span(text, phrase), value=value, denominator=denominator, unit_text=unit_text,
                        qualifier=qualifier, kind=kind)


def html_page(title: str, published: str | None, paragraphs: list[str]) -> bytes:
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<html><head><meta charset='utf-8'><title>{title}</title>{meta}</head><body>"
            f"<header><a href='/'>Trang chủ</a></header><article><h1>{title}</h1>{body}</article>"
            f"<footer>Cổng thông tin điện tử</footer></body></html>").encode("utf-8")


def _a1():
    lead = "Chiều 15/12, Quận ủy Lê Chân tổ chức Hội nghị tổng kết công tác khoa giáo năm 2021."
    body = ("Dự Hội nghị có đồng chí Đào Khánh Hà, Ủy viên Ban Thường vụ, Trưởng Ban Tuyên giáo Thành ủy. "
            "Năm 2021, Ban Tuyên giáo Quận ủy đã phối hợp tổ chức 56 hội nghị với 22.214 lượt cán bộ, "
            "đảng viên tham gia, quán triệt Chỉ thị số 20-CT/TW ngày 05-11-2012 của Bộ Chính trị. "
            "Quận cũng bước đầu ứng dụng chuyển đổi số trong công tác tuyên truyền.")
    text = f"{lead}\n\n{body}"
    tags = Tags(
        dates=[date(text, "Chiều 15/12", "day_month", "2021-12-15"),
               date(text, "năm 2021", "year", "2021-01-01", "2021-12-31"),
               date(text, "ngày 05-11-2012", "date", "2012-11-05")],
        officials=[official(text, "đồng chí Đào Khánh Hà, Ủy viên Ban Thường vụ, Trưởng Ban Tuyên giáo Thành ủy",
                            "Đào Khánh Hà", "đồng chí",
                            [("Ủy viên Ban Thường vụ", "Thành ủy"), ("Trưởng Ban Tuyên giáo", "Thành ủy")])],
        directives=[directive(text, "Chỉ thị số 20-CT/TW ngày 05-11-2012 của Bộ Chính trị", "20-CT/TW",
                              "Chỉ thị", "CT", "20", "TW", date="2012-11-05", issuer="Bộ Chính trị")],
        statistics=[statistic(text, "56 hội nghị", 56, "hội nghị"),
                    statistic(text, "22.214 lượt cán bộ, đảng viên", 22214, "lượt cán bộ, đảng viên")])
    article = Article(url="http://portal.test/haiphong/tin-tuc-su-kien/tong-ket-khoa-giao-101.html",
                      title="Quận ủy Lê Chân tổng kết công tác khoa giáo năm 2021", text=text,
                      published="2021-12-15T17:12:00", author="Hoàng Tùng", lead=lead)
    return "haiphong", article, tags


def _a2():
    lead = "Sáng 6/10, Ban Thường vụ Thành uỷ Hải Phòng sơ kết việc thực hiện Quy chế 1056-QC/TU."
    body = ("Bà Đào Khánh Hà, Trưởng Ban Tuyên giáo Thành uỷ, cho biết tỷ lệ đảng viên vi phạm giảm còn 5,07%. "
            "Phó Chủ tịch UBND thành phố Lê Khắc Nam đề nghị các đơn vị bám sát Quyết định số 1056-QC/TU "
            "ngày 05-11-2012 của Ban Thường vụ Thành uỷ về “Quy chế phối hợp trong công tác tuyên giáo”.")
    text = f"{lead}\n\n{body}"
    tags = Tags(
        dates=[date(text, "Sáng 6/10", "day_month", "2023-10-06")],
        officials=[official(text, "Bà Đào Khánh Hà, Trưởng Ban Tuyên giáo Thành uỷ", "Đào Khánh Hà", "bà",
                            [("Trưởng Ban Tuyên giáo", "Thành uỷ")]),
                   official(text, "Phó Chủ tịch UBND thành phố Lê Khắc Nam", "Lê Khắc Nam", None,
                            [("Phó Chủ tịch", "UBND thành phố")])],
        directives=[directive(text, "Quy chế 1056-QC/TU", "1056-QC/TU", "Quy chế", "QC", "1056", "TU"),
                    directive(text, "Quyết định số 1056-QC/TU ngày 05-11-2012 của Ban Thường vụ Thành uỷ về "
                                    "“Quy chế phối hợp trong công tác tuyên giáo”", "1056-QC/TU", "Quy chế", "QC",
                              "1056", "TU", date="2012-11-05", issuer="Ban Thường vụ Thành uỷ",
                              title="Quy chế phối hợp trong công tác tuyên giáo")],
        statistics=[statistic(text, "5,07%", 5.07, "đảng viên vi phạm", kind="percent")])
    article = Article(url="http://portal.test/wp/so-ket-quy-che-1056.html",
                      title="Sơ kết thực hiện Quy chế phối hợp trong công tác tuyên giáo", text=text,
                      published="2023-10-06T13:05:00", lead=lead)
    return "wp", article, tags


def _a3():
    text = ("Tối 14/4, Đảng ủy xã Vĩnh Hòa tổ chức bỏ phiếu giới thiệu nhân sự theo Chỉ thị 20-CT/TW. "
            "Việc thực hiện Nghị định số 15/2020/NĐ-CP được các chi bộ triển khai đồng bộ; "
            "trên 1.200 hội nghị đã được tổ chức trong quý I-2022.")
    tags = Tags(
        dates=[date(text, "Tối 14/4", "day_month", "2022-04-14"),
               date(text, "quý I-2022", "quarter", "2022-01-01", "2022-03-31")],
        directives=[directive(text, "Chỉ thị 20-CT/TW", "20-CT/TW", "Chỉ thị", "CT", "20", "TW"),
                    directive(text, "Nghị định số 15/2020/NĐ-CP", "15/2020/NĐ-CP", "Nghị định", "NĐ", "15", "CP",
                              year=2020)],
        statistics=[statistic(text, "trên 1.200 hội nghị", 1200, "hội nghị", qualifier="trên")])
    article = Article(url="http://portal.test/tuyengiao/tuyen-giao-cac-cap/vinh-hoa-202.html",
                      title="Kiên Giang: Đảng ủy xã Vĩnh Hòa giới thiệu nhân sự", text=text,
                      published="2022-04-14T21:50:00")
    return "tuyengiao", article, tags


def _a4():
    # stored as the page sent it: decomposed Unicode (NFD), no publication date
    text = unicodedata.normalize("NFD", "Nguyễn Thị Như Hoa – UVBTVHU, Trưởng Ban Tuyên giáo Huyện ủy, "
                                        "Giám đốc Trung tâm Chính trị huyện phát biểu tại lớp bồi dưỡng lý luận.")
    tags = Tags(officials=[official(text, unicodedata.normalize("NFD", "Nguyễn Thị Như Hoa"),
                                    "Nguyễn Thị Như Hoa", None,
                                    [("Trưởng Ban Tuyên giáo", "Huyện ủy")])])
    article = Article(url="http://portal.test/huyen/tin-tuc/boi-duong-ly-luan-303.html",
                      title="Bồi dưỡng lý luận chính trị cho đảng viên mới", text=text, published=None)
    return "huyen", article, tags


def _a5():
    text = ("Đoàn đại biểu đặt bó hoa tươi thắm tại Nhà bia ghi danh liệt sĩ. "
            "Năm 2024, huyện đã trao 23 giải cho các tập thể xuất sắc.")
    tags = Tags(dates=[date(text, "Năm 2024", "year", "2024-01-01", "2024-12-31")],
                statistics=[statistic(text, "23 giải", 23, "giải")])
    article = Article(url="http://portal.test/tuyengiao/tuyen-giao-cac-cap/dang-hoa-404.html",
                      title="Dâng hoa tưởng niệm các anh hùng liệt sĩ", text=text, published="2024-07-27")
    return "tuyengiao", article, tags


def _a6():
    lead = "Đà Nẵng đẩy mạnh chuyển đổi số trong các cơ quan Đảng."
    text = (f"{lead}\n\nChuyển đổi số giúp giảm thời gian xử lý văn bản; thành phố coi chuyển đổi số là "
            "nhiệm vụ trọng tâm, với 430 điểm cầu trực tuyến.")
    tags = Tags(statistics=[statistic(text, "430 điểm cầu", 430, "điểm cầu")])
    article = Article(url="http://portal.test/danang/chi-tiet/chuyen-doi-so-505.html",
                      title="Đẩy mạnh chuyển đổi số", text=text, published="2023-05-21T16:55:00", lead=lead)
    return "danang", article, tags


ARTICLES = [_a1, _a2, _a3, _a4, _a5, _a6]
FETCHED_AT = "2024-06-21T08:00:00+00:00"


def fill(index: Index, fetched_at: str = FETCHED_AT) -> dict[str, int]:
    """Store a raw page and index each sample article; return article ids by URL."""
    ids = {}
    for build in ARTICLES:
        site, article, tags = build()
        page = FetchedPage(url=article.url, site=site, fetched_at=fetched_at,
                           body=html_page(article.title, article.published, article.text.split("\n\n")))
        index.store_page(page)
        index.add_article(page, article, tags)
        ids[article.url] = index.db.execute("select id from articles where url = ?", [article.url]).fetchone()[0]
    return ids


def sample(n: int):
    """The n-th sample (site, Article, Tags), built fresh."""
    return ARTICLES[n]()


def index_of_texts(path, texts: dict[str, str]) -> Index:
    """A new index at ``path`` holding one article of site "a" per URL and text, tagged by
    nlp.tag, fetched one day apart from 2024-05-01 (so the later ones are the newer)."""
    from nlp import tag

    index = Index(path)
    for number, (url, text) in enumerate(texts.items(), 1):
        page = FetchedPage(url=url, site="a", body=b"", fetched_at=f"2024-05-{number:02d}T00:00:00+00:00")
        index.store_page(page)
        with index.transaction():
            index.add_article(page, Article(url=url, title=f"Tin {number}", text=text), tag(text))
            index.mark_page(page.id, "indexed", "test", page.fetched_at)
    return index
