"""A query's words match as words, not across two words of the text (data.wordedges): in the
check itself, and through search, counts and exports on an index."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from data.export import export_rows
from data.query import compile_query
from data.textnorm import mark_boundaries
from data.wordedges import holds_words
from data_corpus import index_of_texts
from nlp.vietnamese import unify
from pipeline import cli


def holds(text: str, query: str) -> bool:
    words = compile_query(query).words
    return holds_words(mark_boundaries(unify(text)), None, None, words)


@pytest.mark.parametrize("text, query, expected", [
    ("Ban Dân vận Huyện ủy họp sơ kết.", "dân vận", True),
    ("Nhân dân vận động nhau giữ vệ sinh.", "dân vận", False),             # "nhân dân | vận động"
    ("Ông Lê Văn Tám, Chủ tịch HĐND xã, phát biểu.", "Chủ tịch HĐND", True),
    ("Bà Hoa, Phó Chủ tịch HĐND xã, phát biểu.", "Chủ tịch HĐND", False),   # another office
    ("Trưởng ban Dân vận Tỉnh ủy dự họp.", "Ban Dân vận", True),           # the title heads the body
    ("Ông Hiếu, Phó ban chỉ huy quân sự phường, vắng mặt.", "Phó ban chỉ huy quân sự", True),  # and so the body
    ("Ông Hiếu, phó ban chỉ huy quân sự phường, vắng mặt.", "pho ban", True),
    ("Anh là công chứng viên của phòng.", "công chứng", True),              # a longer word holds it whole
    ("Tổ trưởng của công ty cho biết.", "công ty", True),                   # two cuts as short: not rejected
    ("Sau khi hoàn thành công việc, em về nhà.", "thành công", False),     # "hoàn thành | công việc"
    ("Đảm bảo an toàn giao thông.", "bao an", False),                        # typed without accents, too
    ("Hoàn thành. Công việc mới bắt đầu.", "thành công", False),            # not across a sentence
    ("Tỉnh Hòa Bình mưa lớn.", "Hòa Bình", True),                           # a place typed with capitals
    ("Cuộc tuần hành hòa bình ở Paris.", "Hòa Bình", False),               # is the place, not peace
    ("Cuộc tuần hành hòa bình ở Paris.", "hoa binh", True),                 # typed in lower case: any
    ("TỈNH HÒA BÌNH MƯA LỚN.", "Hòa Bình", True),                           # capitals throughout count
    ("Phó Thủ tướng Trương Hòa Bình yêu cầu.", "Hòa Bình", False),          # a person's given name
    ("Phó Thủ tướng Trương Hòa Bình yêu cầu.", "hoa binh", True),           # typed in lower case: any
    ("Bà học Đại học Y Hà Nội.", "Hà Nội", True),                          # a letter is no surname here
])
def test_a_word_counts_unless_the_text_cuts_across_it(text, query, expected):
    assert holds(text, query) is expected


@pytest.mark.parametrize("text, query, expected", [
    ("Cán bộ xã Hòa An họp dân.", "cán bộ xã", True),
    ("Cán bộ lo an sinh xã hội.", "cán bộ xã", False),                     # "xã" only in "xã hội"
    ("Cán bộ lo an sinh xã hội.", "can bo xa", False),                     # typed without accents, too
    ("Ông đi thi hành án. Dự án xong.", "thi hành án", True),
    ("Dự án này được thi hành.", "thi hành án", False),                    # "án" only in "dự án"
    ("Ngành tổng kết năm học, đổi mới giáo dục.", "năm học mới", False),  # "mới" only in "đổi mới"
    ("Công tác phòng chống dịch bệnh được chú trọng.", "phòng chống dịch", True),  # beside its neighbour
    ("Vùng đồng bào dân tộc thiểu số, người dân vui.", "người dân tộc", True),     # beside "dân", as typed
    ("Đội tuyển Việt Nam thắng.", "tuyển Việt Nam", True),
])
def test_a_word_of_one_syllable_in_a_longer_query_is_held_by_no_longer_word(text, query, expected):
    assert holds(text, query) is expected


FAR = "Bảo đảm an ninh trật tự trên địa bàn. Hôm qua, người dân vẫn dùng mạng."


@pytest.mark.parametrize("text, query, expected", [
    ("Bảo đảm an ninh trên mạng.", "an ninh mạng", True),
    (FAR, "an ninh mạng", False),                     # "mạng" is a word there, far from "an ninh"
    (FAR, "an ninh", True),
    ("Toàn tỉnh đã tiêm gần 4,2 triệu liều vắc xin.", "tiêm vắc xin", True),  # six syllables apart
    ("Sài Gòn kẹt xe từ sáng. Chiều qua, trận mưa lớn làm ngập đường.", "Sài Gòn mưa", True),  # beside a name
    ("Sài Gòn kẹt xe từ sáng. Chiều qua, trận mưa lớn làm ngập đường.", "sài gòn mưa", False),
    ("Hà Nội kẹt xe từ sáng. Chiều qua, trận mưa lớn làm ngập đường.", "ha noi mua", True),    # beside a place
    ("Ông Lê Văn Tám, Chủ tịch UBND TP, đến thăm. Ở TP HCM, trời mưa.", "UBND TP HCM", True),  # an acronym
    ("Hôm nay thí sinh dự thi THPT quốc gia.", "thi THPT quốc gia", True),
    ("Trường THPT Trần Phú tổ chức thi học kỳ. Cuối năm, trường đạt chuẩn quốc gia.", "thi THPT quốc gia",
     False),                                          # an acronym beside a common word stands near it too
    ("Ủy ban MTTQ huyện họp. Cuối năm, Mặt trận và các đoàn thể xã tổng kết.", "mttq va cac doan the", True),
    # ... a word of the dictionary, not two words of one syllable read as one ("và các")
    ("Máy bay rời TP HCM lúc 8 giờ. Chiều qua, chuyến bay đến Nha Trang.", "TP Nha Trang", False),
    ("Khách sạn ở TP. Nha Trang kín phòng.", "tp nha trang", True),  # a level stands near the place after it
    ("UBND tỉnh họp. Ở Quảng Nam, mưa lớn.", "tỉnh Quảng Nam", True),  # within 6 syllables
    ("Thi bốn môn gồm Ngữ văn, Toán, Lịch sử và Địa lý.", "môn Lịch sử", True),  # commas are no syllables
    ("Các môn thi: Toán, " + "(?), " * 12 + "Lịch sử.", "môn Lịch sử", True),  # nor are many boundaries
])
def test_a_word_of_one_syllable_beside_a_common_longer_word_stands_near_it(text, query, expected):
    assert holds(text, query) is expected


CONGRESS = "Đại hội đại biểu toàn quốc lần thứ XIII của Đảng đã thành công."
APART = "Đại hội Đảng bộ xã thành công. Tỉnh ủy học tập Nghị quyết Trung ương 4 khóa XIII."


@pytest.mark.parametrize("text, query, expected", [
    (CONGRESS, "Đại hội XIII", True),        # six syllables between the numeral and its word
    ("Đại hội XIII của Đảng.", "Đại hội XIII", True),
    (APART, "Đại hội XIII", False),          # "XIII" numbers "khóa" there, far from "Đại hội"
    (APART, "khóa XIII", True),
    (APART, "Đại hội Đảng", True),           # a name: not held near
])
def test_a_roman_numeral_stands_near_the_word_it_numbers(text, query, expected):
    assert holds(text, query) is expected


@pytest.mark.parametrize("text, expected", [
    ("Học tập Nghị quyết Trung ương 4 khóa XII về xây dựng Đảng.", True),
    ("Học tập Nghị quyết Trung ương 6 khóa XIII về công tác xây dựng Đảng, có 4 đoàn kiểm tra.", False),  # teams
])
def test_a_number_stands_near_the_word_it_numbers(text, expected):
    assert holds(text, "nghi quyet trung uong 4") is expected


@pytest.mark.parametrize("text, expected", [
    ("Tỉnh khởi công 500 căn nhà ở xã hội.", True),
    ("Dự án nhà xã hội cho công nhân được duyệt.", True),
    ("Nhà văn hóa thôn mở cửa. Các tổ chức chính trị - xã hội tham gia vận động.", False),  # "nhà" far away
])
def test_words_joined_by_or_are_checked_branch_by_branch(text, expected):
    assert holds(text, "nhà ở xã hội OR nhà xã hội") is expected


def test_single_syllables_numbers_and_quoted_phrases_are_not_checked():
    assert compile_query("xã").words is None            # a query of one syllable keeps "xã hội"
    assert compile_query("năm").words is None
    assert compile_query('"dân vận"').words is None     # a quoted phrase is the syllables as typed
    assert compile_query("xã OR phường").words is None    # a branch of one syllable: nothing to check
    assert compile_query("dân vận NOT bầu cử").words is None
    assert compile_query("Chỉ thị 05").words is None and compile_query("05-CT/TW").words is None  # no cut in codes
    assert compile_query("dân vận xã").words is not None


@pytest.mark.parametrize("text, query, expected", [
    ("Sau khi xe nhập khẩu bị Nghị định 116 hạn chế.", "Nghị định 116/2017", True),  # cited without its year
    ("Theo Nghị định số 116 ngày 17/10/2017 của Chính phủ.", "nghi dinh 116/2017", True),
    ("Nghị định 116/2017/NĐ-CP quy định điều kiện.", "Nghị định 116/2017", True),      # as typed, code after
    ("Nghị định 116/2020/NĐ-CP quy định học bổng.", "Nghị định 116/2017", False),      # another year's decree
    ("Chỉ thị 05/CT-UBND của tỉnh về phòng cháy.", "Chỉ thị 05-CT/TW", False),        # another issuer's
    ("Thực hiện Chỉ thị 05 của Bộ Chính trị.", "Chỉ thị 05-CT/TW", True),
])
def test_a_document_typed_with_its_code_is_found_where_cited_by_type_and_number(text, query, expected):
    assert holds(text, query) is expected


def test_a_persons_name_is_found_after_a_word_its_surname_ends(tmp_path):
    texts = {"https://a.vn/1.html": "Bà Triệu Lệ Khánh, Phó Chủ tịch Ủy ban MTTQ, cho biết kết quả giám sát.",
             "https://a.vn/2.html": "Đền thờ Bà Triệu ở Thanh Hóa đón khách. Lệ Khánh là tên một làng."}
    index = index_of_texts(tmp_path / "index.db", texts)
    try:
        assert [hit.url for hit in index.search("Triệu Lệ Khánh")] == ["https://a.vn/1.html"]
    finally:
        index.close()
    assert compile_query("Triệu Lệ Khánh").words is None  # a name is not cut: "Bà Triệu" is a word
    assert compile_query("Hà Nội").words is not None         # a place is


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    texts = {"https://a.vn/1.html": "Nhân dân vận động nhau giữ vệ sinh môi trường trong xã.",
             "https://a.vn/2.html": "Ban Dân vận Huyện ủy tổ chức hội nghị sơ kết công tác.",
             "https://a.vn/3.html": "Trưởng ban Dân vận Tỉnh ủy đến thăm bà con trong xã.",
             "https://a.vn/4.html": "Mỗi công dân vận động người thân đi bầu cử sớm."}
    index = index_of_texts(tmp_path_factory.mktemp("edges") / "index.db", texts)
    yield index
    index.close()


def test_search_counts_and_exports_agree_on_words(index):
    """FTS5 finds "dân vận" in all four articles; three cut it across two words."""
    for query in ("ban dân vận", "dân vận", "dan van"):
        hits = index.search(query)
        assert {hit.url for hit in hits} == {"https://a.vn/2.html", "https://a.vn/3.html"}
        assert index.count_matches(query) == (len(hits), True)
        assert {row["url"] for row in export_rows(index.db, "articles", query=query)} == {hit.url for hit in hits}
    assert [hit.url for hit in index.search("dân vận", limit=1)] == ["https://a.vn/3.html"]  # the next one down


def test_a_count_that_reads_too_many_matches_is_a_lower_bound(index, monkeypatch):
    import data.search

    monkeypatch.setattr(data.search, "WORDS_COUNTED_MOST", 2)  # the two newest: 4 and 3
    assert index.count_matches("dân vận") == (1, False)
    monkeypatch.setattr(data.search, "WORDS_COUNTED_MOST", 1)  # the newest, 4, cuts it: none counted
    assert index.count_matches("dân vận") == (0, False)


def test_a_document_typed_with_its_code_is_counted_without_reading_where_the_code_is_written(tmp_path, monkeypatch):
    """"Chỉ thị 05-CT/TW" also finds "Chỉ thị 05" cited alone, which is read for what follows it; the
    articles writing the code are counted unread, so a count that reads few matches still counts them."""
    import data.search

    texts = {f"https://a.vn/{n}.html": f"Tin {n}: quán triệt Chỉ thị số 05-CT/TW của Bộ Chính trị." for n in range(4)}
    texts["https://a.vn/7.html"] = "Tin 7: thực hiện Chỉ thị 05 của Bộ Chính trị về học tập và làm theo Bác."
    texts["https://a.vn/8.html"] = "Tin 8: thực hiện Chỉ thị 05/CT-UBND của Ủy ban nhân dân tỉnh."
    index = index_of_texts(tmp_path / "index.db", texts)
    try:
        assert index.count_matches("Chỉ thị 05-CT/TW") == (5, True)  # not the provincial 05/CT-UBND
        monkeypatch.setattr(data.search, "WORDS_COUNTED_MOST", 2)  # the two newest matches read
        total, exact = index.count_matches("Chỉ thị 05-CT/TW")
        assert total >= 4 and not exact, (total, exact)
    finally:
        index.close()


def test_a_lower_bound_is_never_below_the_hits_a_search_found(index, monkeypatch, tmp_path):
    """The newest match read for the count cuts the words; the search found two older articles:
    the CLI says "2 of at least 2", not "2 of at least 0"."""
    import data.search

    assert index.count_matches("dân vận", found=5) == (2, True)  # all counted: the count itself
    monkeypatch.setattr(data.search, "WORDS_COUNTED_MOST", 1)
    hits = index.search("dân vận")
    assert len(hits) == 2
    assert index.count_matches("dân vận", found=len(hits)) == (2, False)
    result = CliRunner().invoke(cli, ["search", "dân vận", "--db", str(index.path)])
    assert result.exit_code == 0, result.output
    assert "2 of at least 2 article(s)" in result.stderr


def test_no_hit_among_the_matches_read_is_said_so_not_as_at_least_0(tmp_path, monkeypatch):
    import data.search

    texts = {f"https://a.vn/{n}.html": f"Tin {n}: nhân dân vận động nhau giữ vệ sinh." for n in range(3)}
    index = index_of_texts(tmp_path / "index.db", texts)
    index.close()
    result = CliRunner().invoke(cli, ["search", "dân vận", "--db", str(tmp_path / "index.db")])
    assert result.exit_code == 0 and "0 of 0 article(s)" in result.stderr, result.stderr  # all read: none
    monkeypatch.setattr(data.search, "WORDS_CHECKED_MOST", 2)
    monkeypatch.setattr(data.search, "WORDS_COUNTED_MOST", 2)
    result = CliRunner().invoke(cli, ["search", "dân vận", "--db", str(tmp_path / "index.db")])
    assert result.exit_code == 0, result.output
    assert "at least 0" not in result.stderr and "not every match was read: at most 2 of the articles" in result.stderr


def test_counts_with_filters_read_the_articles_the_filters_allow(index, monkeypatch):
    import data.search

    assert index.count_matches("dân vận", site="a") == (2, True)  # few allowed: each looked up
    assert index.count_matches("dân vận", site="b") == (0, True)
    monkeypatch.setattr(data.search, "SOME_ARTICLES", 1)  # many allowed: the newest matches read
    assert index.count_matches("dân vận", site="a") == (2, True)
    assert index.count_matches("dân vận", site="a", since="2024-05-03") == (1, True)


def test_a_search_ranked_again_further_down_reads_each_article_once(index, monkeypatch):
    """Two of the first two ranked fail, so the search ranks again four times as far down: the
    articles it read in the first round are not read again."""
    import data.search
    from data.wordedges import holds_words

    monkeypatch.setattr(data.search, "WORDS_BATCH", 1)
    read: list[str] = []

    def counting(title, lead, text, words):
        read.append(text)
        return holds_words(title, lead, text, words)

    index.db.conn.create_function("vn_words", 4, counting, deterministic=True)
    try:
        hits = index.search("dân vận", limit=2, rank_all=True)
    finally:
        index.db.conn.create_function("vn_words", 4, holds_words, deterministic=True)
    assert len(hits) == 2 and len(read) == len(set(read))


def test_a_snippet_marks_a_word_of_one_syllable_only_where_it_counts(tmp_path):
    """FTS5 marks every "xã"; the one in "xã hội" is not the word the search found."""
    index = index_of_texts(tmp_path / "index.db", {"https://a.vn/1.html": "Cán bộ lo an sinh xã hội. Cán bộ xã có mặt. "
                                                                          "Trời mưa, cả xã vắng."})
    try:
        for query in ("cán bộ xã", "can bo xa"):
            [hit] = index.search(query)
            assert "xã hội" in hit.snippet and "[xã] có" in hit.snippet, hit.snippet
            assert "cả xã vắng" in hit.snippet, hit.snippet  # a word of its own, but far from "cán bộ"
        [hit] = index.search("xã")  # a query of one word counts "xã hội" too
        assert "[xã] hội" in hit.snippet
    finally:
        index.close()


def test_a_snippet_marks_a_word_of_several_syllables_only_where_it_counts(tmp_path):
    """FTS5's passage shows "dân vận" in "nhân dân vận động"; the snippet is then the one around the
    occurrence that counts, and a place typed with capitals is not marked where it is a common word."""
    texts = {"https://a.vn/1.html": "Nhân dân vận động nhau giữ vệ sinh môi trường. " * 3 + "Ban Dân vận Huyện ủy họp.",
             "https://a.vn/2.html": "Cuộc tuần hành hòa bình ở Paris. " * 3 + "Tỉnh Hòa Bình mưa lớn."}
    index = index_of_texts(tmp_path / "index.db", texts)
    try:
        [hit] = index.search("dân vận")
        assert "Ban [Dân vận] Huyện ủy họp." in hit.snippet and "[dân vận] động" not in hit.snippet, hit.snippet
        assert hit.snippet.startswith("…")  # cut before it
        [hit] = index.search("Hòa Bình")
        assert "Tỉnh [Hòa Bình] mưa lớn." in hit.snippet and "[hòa bình]" not in hit.snippet, hit.snippet
        [hit] = index.search("hoa binh")  # typed in lower case: either, as FTS5 shows it
        assert "[hòa bình]" in hit.snippet
    finally:
        index.close()


def test_a_snippet_shows_a_phrase_whole_where_fts5_ends_its_passage_inside_it(tmp_path):
    """FTS5 starts the passage at the sentence and ends it after 24 tokens, here inside the phrase
    ("[Chỉ thị]…"); the snippet runs on to the phrase's end, for articles and documents alike."""
    from data.search import search_documents, store_document_search_text

    text = ("Hội nghị. Ngày 27-4, Ban Thường vụ Tỉnh ủy Thái Bình tổ chức hội nghị tổng kết 5 năm thực hiện "
            "Chỉ thị số 05-CT/TW của Bộ Chính trị về học tập và làm theo Bác.")
    index = index_of_texts(tmp_path / "index.db", {"https://a.vn/1.html": text})
    document = index.db["documents"].insert({"url": "https://a.vn/ct.pdf", "site": "a", "status": "read",
                                             "text": text}).last_pk
    store_document_search_text(index.db, document, None, text)
    try:
        for query in ("chi thi 05", '"chỉ thị số 05"'):  # a code, and a quoted phrase: no word check
            [hit] = index.search(query)
            assert hit.snippet.endswith("thực hiện [Chỉ thị số 05]…"), hit.snippet
            [found], _ = search_documents(index.db, query)
            assert found.snippet.endswith("thực hiện [Chỉ thị số 05]…"), found.snippet
    finally:
        index.close()


def test_a_snippet_of_the_occurrences_that_count():
    from data.wordedges import snippet_of

    text = mark_boundaries(unify("Nhân dân vận động nhau. Ban Dân vận họp với Ban Dân vận tỉnh."))
    words = compile_query("dân vận").words
    assert snippet_of("Tin", None, text, words, ("<", ">")) == "Nhân dân vận động nhau. ǀ Ban <Dân vận> họp với " \
                                                             "Ban <Dân vận> tỉnh."  # the text: the title holds none
    assert snippet_of("Tin", None, text, words, ("<", ">"), size=4) == "…Ban <Dân vận> họp…"  # cut to 4 words
    assert snippet_of("Dân vận", None, text, words, ("<", ">")) == "<Dân vận>"  # the first column holding it
    assert snippet_of("Tin", None, mark_boundaries(unify("Nhân dân vận động nhau.")), words, ("<", ">")) is None


def test_documents_are_searched_by_words_as_articles_are(tmp_path):
    from data.search import search_documents, store_document_search_text

    index = index_of_texts(tmp_path / "index.db", {"https://a.vn/1.html": "Tin không có văn bản."})
    texts = {"https://a.vn/cv.pdf": "Thực hiện Nghị định 116/2020/NĐ-CP. Nhân dân vận động nhau giữ vệ sinh.",
             "https://a.vn/qd.pdf": "Ban Dân vận Huyện ủy triển khai Nghị định số 116 của Chính phủ."}
    for url, text in texts.items():
        document = index.db["documents"].insert({"url": url, "site": "a", "status": "read", "text": text}).last_pk
        store_document_search_text(index.db, document, None, text)

    def found(query: str) -> tuple[list[str], int]:
        hits, total = search_documents(index.db, query)
        return [hit.url for hit in hits], total

    assert found("dân vận") == (["https://a.vn/qd.pdf"], 1)           # not across "nhân dân | vận động"
    assert "Ban [Dân vận] Huyện ủy" in search_documents(index.db, "dân vận")[0][0].snippet
    assert found("Nghị định 116/2017") == (["https://a.vn/qd.pdf"], 1)  # cited without its year, not the 2020 one
    index.close()


def test_the_crossing_test_reads_only_the_pairs_of_syllables_no_word_holds_as_the_full_scan_does():
    """data.wordedges skips the dictionary scan where no entry holds the two syllables at an edge: on
    real text its verdict is the full scan's."""
    import json
    from pathlib import Path

    from data.textnorm import FTS_TOKEN
    from data.wordedges import LONGEST_WORD, QueryWord, _alone, _crossed, _crosses, _holding, _is_word

    gold = Path(__file__).parent / "gold" / "search" / "real_articles.jsonl"
    texts = [json.loads(line)["text"] for line in gold.read_text(encoding="utf-8").splitlines()[:40]]
    checked = crossed = 0
    for text in texts:
        tokens = FTS_TOKEN.findall(mark_boundaries(unify(text)).lower())
        for start in range(0, len(tokens) - 3, 7):
            for size in (2, 3):
                window, kept = tokens[max(0, start - 4):start + size + 4], (min(start, 4), min(start, 4) + size)
                full = any(_is_word(window, position, length)
                           and _crosses(window, position, position + length, *kept)
                           for position in range(len(window)) for length in range(2, LONGEST_WORD + 1))
                assert _crossed(window, kept) is full, window
                checked, crossed = checked + 1, crossed + full
            window, at = tokens[max(0, start - 4):start + 5], min(start, 4)  # a syllable alone, beside nothing
            held = len(list(_holding(window, at))) > 1
            assert _alone(window, at, QueryWord(((("x", True),),), before=(("\u0000", True),))) is not held, window
    assert checked > 1000 and crossed > 50  # both verdicts met often
