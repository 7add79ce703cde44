"""People and their positions in the index: one person across spellings, positions compared as
they read, namesakes of different provinces kept apart, and older indexes migrated."""
from __future__ import annotations

import json
import unicodedata

import pytest

from data import FetchedPage, Index
from data.people import person_key, position_key, stored_position
from data_corpus import html_page
from extract import Article
from nlp import tag

SITES = {"haiphong": "Hải Phòng", "wp": "Hải Phòng", "danang": "Đà Nẵng", "tuyengiao": ""}  # as profiles give it


@pytest.fixture
def index(tmp_path):
    index = Index(tmp_path / "index.db")
    for site, province in SITES.items():
        index.upsert_source({"name": site, "province": province, "domains": [f"{site}.example"]})
    yield index
    index.close()


def add(index: Index, site: str, published: str, text: str) -> None:
    """Index ``text`` as an article of ``site``, tagged by the tagger."""
    url = f"https://{site}.example/{published}/{abs(hash(text))}"
    article = Article(url=url, title="Tin", text=text, published=published)
    page = FetchedPage(url=url, site=site, fetched_at="2024-06-01T00:00:00+00:00",
                       body=html_page("Tin", published, [text]))
    index.store_page(page)
    assert index.add_article(page, article, tag(text)) == "new"


def people(index: Index) -> list[tuple]:
    return index.db.execute("SELECT key, name, province, article_count FROM people ORDER BY key").fetchall()


def positions(index: Index) -> list[tuple]:
    return index.db.execute("SELECT title, organization, first_seen, last_seen, article_count "
                            "FROM person_positions ORDER BY title").fetchall()


def test_a_name_is_one_key_across_unicode_forms_tone_marks_case_spacing_and_end_marks():
    written = ["Nguyễn Thị Hòa", "Nguyễn Thị Hoà", unicodedata.normalize("NFD", "Nguyễn Thị Hoà"),
               "NGUYỄN THỊ HÒA", "Nguyễn  Thị Hòa", "Nguyễn Thị Hòa.", " Nguyễn Thị Hòa,"]
    assert {person_key(name, "Hải Phòng") for name in written} == {"nguyễn thị hòa | hải phòng"}
    assert person_key("Nguyễn Thị Hòa", None) == "nguyễn thị hòa"
    assert person_key("Nguyễn Thị Hà", "Hải Phòng") != person_key("Nguyễn Thị Hòa", "Hải Phòng")
    assert person_key("...", "Hải Phòng") == ""


def test_positions_compare_with_acronyms_written_out_and_a_doubled_word_once():
    assert stored_position("Phó Chủ tịch", "UBND  thành phố") == ("Phó Chủ tịch", "Ủy ban nhân dân thành phố")
    assert stored_position("Chủ tịch", "Ủy ban MTTQ Việt Nam huyện") == \
        ("Chủ tịch", "Ủy ban Mặt trận Tổ quốc Việt Nam huyện")
    assert stored_position("Chủ tịch", "HĐND tỉnh") == ("Chủ tịch", "Hội đồng nhân dân tỉnh")
    assert stored_position("Giám đốc", "Sở UBNDX") == ("Giám đốc", "Sở UBNDX")  # a whole word only
    assert stored_position("", "UBND tỉnh") is None
    assert position_key("Trưởng Ban", "Ban Dân tộc tỉnh") == position_key("Trưởng Ban Dân tộc", "tỉnh")
    assert position_key("Phó Chủ tịch", "Ủy ban nhân dân tỉnh") != position_key("Chủ tịch", "Ủy ban nhân dân tỉnh")


def test_one_person_across_honorifics_tone_marks_and_sites_of_one_province(index):
    add(index, "haiphong", "2023-07-06", "Đồng chí Lê Minh Thuỷ, Phó Chủ tịch UBND thành phố phát biểu.")
    add(index, "wp", "2023-10-24", "Phó Chủ tịch Ủy ban nhân dân thành phố ông Lê Minh Thủy dự hội nghị.")
    add(index, "haiphong", "2023-08-01", f"{unicodedata.normalize('NFD', 'Bà Lê Minh Thủy')}, Phó Chủ tịch "
                                         "UBND thành phố kiểm tra.")
    assert people(index) == [("lê minh thủy | hải phòng", "Lê Minh Thủy", "Hải Phòng", 3)]
    # one tenure: the abbreviated and the written-out organisation are one position
    assert positions(index) == [("Phó Chủ tịch", "Ủy ban nhân dân thành phố", "2023-07-06", "2023-10-24", 3)]
    official, = index.officials()
    assert (official.province, official.tenures) == ("Hải Phòng", [
        {"position": "Phó Chủ tịch Ủy ban nhân dân thành phố", "first_seen": "2023-07-06", "last_seen": "2023-10-24"}])


def test_namesakes_of_different_provinces_or_a_national_site_stay_apart(index):
    add(index, "haiphong", "2023-07-06", "Đồng chí Trần Văn Nam, Giám đốc Sở Nội vụ phát biểu.")
    add(index, "danang", "2023-07-07", "Đồng chí Trần Văn Nam, Giám đốc Sở Nội vụ phát biểu.")
    add(index, "tuyengiao", "2023-07-08", "Đồng chí Trần Văn Nam, Giám đốc Sở Nội vụ phát biểu.")
    assert people(index) == [("trần văn nam", "Trần Văn Nam", None, 1),
                             ("trần văn nam | hải phòng", "Trần Văn Nam", "Hải Phòng", 1),
                             ("trần văn nam | đà nẵng", "Trần Văn Nam", "Đà Nẵng", 1)]
    assert sorted(str(o.province) for o in index.officials(name="Trần Văn Nam")) == ["Hải Phòng", "None", "Đà Nẵng"]


def test_a_position_is_written_as_its_earliest_mention_whatever_the_indexing_order(index):
    add(index, "wp", "2023-10-24", "Đồng chí Lê Minh Thủy, Phó Chủ tịch UBND thành phố phát biểu.")
    add(index, "haiphong", "2023-07-06", "Đồng chí Lê Minh Thủy, Phó Chủ tịch UBND Thành phố phát biểu.")
    assert positions(index) == [("Phó Chủ tịch", "Ủy ban nhân dân Thành phố", "2023-07-06", "2023-10-24", 2)]


def test_retagging_an_article_moves_a_tenure_back(index):
    add(index, "haiphong", "2023-07-06", "Đồng chí Lê Minh Thủy, Phó Chủ tịch UBND thành phố phát biểu.")
    add(index, "wp", "2023-10-24", "Đồng chí Lê Minh Thủy, Phó Chủ tịch Ủy ban nhân dân thành phố phát biểu.")
    url, text = index.db.execute("SELECT url, text FROM articles WHERE site = 'wp'").fetchone()
    page = FetchedPage(url=url, site="wp", fetched_at="2024-06-02T00:00:00+00:00",
                       body=html_page("Tin", "2023-10-24", [text]))
    index.store_page(page)
    retagged = tag(text.replace("Phó Chủ tịch", "Chủ tịch"))
    article = Article(url=url, title="Tin", text=text, published="2023-10-24")
    assert index.add_article(page, article, retagged) == "changed"
    assert positions(index) == [("Chủ tịch", "Ủy ban nhân dân thành phố", "2023-10-24", "2023-10-24", 1),
                                ("Phó Chủ tịch", "Ủy ban nhân dân thành phố", "2023-07-06", "2023-07-06", 1)]


def test_an_index_of_the_previous_layout_is_migrated(tmp_path):
    path = tmp_path / "m008.db"
    index = Index(path)
    for site, province in SITES.items():
        index.upsert_source({"name": site, "province": province, "domains": [f"{site}.example"]})
    add(index, "haiphong", "2023-07-06", "Đồng chí Lê Minh Thủy, Phó Chủ tịch UBND thành phố phát biểu.")
    add(index, "wp", "2023-10-24", "Đồng chí Lê Minh Thủy, Phó Chủ tịch Ủy ban nhân dân thành phố phát biểu.")
    add(index, "danang", "2023-11-02", "Đồng chí Lê Minh Thủy, Trưởng Ban Dân tộc thành phố phát biểu.")
    db = index.db
    # as m008's rules left it: one person per name (the trailing dot kept apart), positions as written
    db.execute("DELETE FROM person_positions")
    db.execute("UPDATE official_mentions SET person_id = (SELECT min(id) FROM people)")
    db.execute("DELETE FROM people WHERE id > (SELECT min(id) FROM people)")
    db.execute("UPDATE people SET key = 'lê minh thủy', article_count = 2, first_seen = '2023-07-06', "
               "last_seen = '2023-11-02'")
    dotted = db.execute("INSERT INTO people (key, name, name_folded, first_seen, last_seen, article_count) "
                        "VALUES ('lê minh thủy.', 'Lê Minh Thủy.', 'le minh thuy.', '2023-10-24', '2023-10-24', 1)"
                        ).lastrowid
    wp_mention = db.execute("SELECT m.id FROM official_mentions m JOIN articles a ON a.id = m.article_id "
                            "WHERE a.site = 'wp'").fetchone()[0]
    db.execute("UPDATE official_mentions SET person_id = ?, name = 'Lê Minh Thủy.' WHERE id = ?",
               [dotted, wp_mention])
    db.execute("ALTER TABLE people DROP COLUMN province")
    db.execute("DELETE FROM _migrations WHERE name = 'm009_people_by_province'")
    for mention_positions in db.execute("SELECT positions FROM official_mentions").fetchall():
        assert json.loads(mention_positions[0])  # the mentions keep their positions as tagged
    db.conn.commit()
    index.close()
    index = Index(path)
    assert people(index) == [("lê minh thủy | hải phòng", "Lê Minh Thủy", "Hải Phòng", 2),
                             ("lê minh thủy | đà nẵng", "Lê Minh Thủy", "Đà Nẵng", 1)]
    hai_phong = index.db.execute("SELECT id FROM people WHERE province = 'Hải Phòng'").fetchone()[0]
    assert index.db.execute("SELECT title, organization, first_seen, last_seen, article_count FROM person_positions "
                            "WHERE person_id = ?", [hai_phong]).fetchall() == [
        ("Phó Chủ tịch", "Ủy ban nhân dân thành phố", "2023-07-06", "2023-10-24", 2)]
    assert len(positions(index)) == 2
    assert index.db.execute("SELECT count(*) FROM official_mentions WHERE person_id NOT IN "
                            "(SELECT id FROM people)").fetchone()[0] == 0
    index.close()
