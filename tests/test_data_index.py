"""The index: idempotent ingest, revisions, tag tables, people/directive roll-ups, migrations."""
from __future__ import annotations

import dataclasses
import sqlite3

import pytest
import sqlite_utils

from data import FetchedPage, Index
from data.schema import MIGRATIONS, m001_core
from data_corpus import FETCHED_AT, directive, fill, html_page, official, sample
from extract import Article
from nlp.records import Tags
from nlp.vietnamese import unify

TAG_TABLES = ("dates", "official_mentions", "directive_mentions", "statistics")
CONTENT_TABLES = ("articles", "revisions", "people", "person_positions", "directives", "article_search",
                  *TAG_TABLES)


@pytest.fixture
def index(tmp_path):
    index = Index(tmp_path / "index.db")
    yield index
    index.close()


def snapshot(index: Index) -> dict:
    """Everything that describes content (not fetch bookkeeping), table by table."""
    skip = {"last_seen", "raw_page_id", "id"}
    shot = {}
    for table in CONTENT_TABLES:
        rows = index.db.execute(f"select * from {table}")
        names = [d[0] for d in rows.description]
        shot[table] = sorted(tuple(v for n, v in zip(names, row) if n not in skip) for row in rows)
    shot["fts"] = index.db.execute("select count(*) from articles_fts_exact_docsize").fetchone()[0]
    return shot


def page_for(index: Index, site: str, article, fetched_at: str) -> FetchedPage:
    page = FetchedPage(url=article.url, site=site, fetched_at=fetched_at,
                       body=html_page(article.title, article.published, article.text.split("\n\n")))
    index.store_page(page)
    return page


def person(index: Index, name_key: str) -> dict | None:
    return next(index.db["people"].rows_where("key = ?", [name_key]), None)


def test_reingesting_the_same_pages_adds_nothing(index):
    fill(index)
    before = snapshot(index)
    for n in range(6):
        site, article, tags = sample(n)
        assert index.add_article(page_for(index, site, article, "2024-06-22T08:00:00+00:00"), article, tags) \
            == "unchanged"
    assert snapshot(index) == before
    assert before["fts"] == 6 and len(before["articles"]) == 6


def test_changed_text_is_a_new_revision_and_replaces_the_fts_row(index):
    fill(index)
    site, article, tags = sample(5)
    changed = dataclasses.replace(article, text=article.text.replace("430 điểm cầu", "450 điểm cầu nông thôn"))
    assert index.add_article(page_for(index, site, changed, "2024-07-01T08:00:00+00:00"), changed, Tags()) \
        == "changed"
    row = next(index.db["articles"].rows_where("url = ?", [article.url]))
    assert row["revision"] == 2
    assert [r["revision"] for r in index.db["revisions"].rows_where("article_id = ?", [row["id"]])] == [1, 2]
    assert [hit.id for hit in index.search("nông thôn")] == [row["id"]]
    assert index.search("430") == []
    assert index.db.execute("select count(*) from articles_fts_docsize").fetchone()[0] == 6
    assert index.db.execute("select count(*) from statistics where article_id = ?", [row["id"]]).fetchone()[0] == 0


def test_metadata_or_tags_change_updates_in_place_without_a_revision(index):
    fill(index)
    site, article, tags = sample(4)
    bylined = dataclasses.replace(article, author="Thu Quỳnh – Minh Cảnh")
    assert index.add_article(page_for(index, site, bylined, FETCHED_AT), bylined, tags) == "changed"
    more = dataclasses.replace(tags, officials=[official(article.text, "Đoàn đại biểu", "Đoàn Đại Biểu")])
    assert index.add_article(page_for(index, site, bylined, FETCHED_AT), bylined, more) == "changed"
    assert index.add_article(page_for(index, site, bylined, FETCHED_AT), bylined, more) == "unchanged"
    row = next(index.db["articles"].rows_where("url = ?", [article.url]))
    assert (row["revision"], row["author"]) == (1, "Thu Quỳnh – Minh Cảnh")
    assert index.db["revisions"].count_where("article_id = ?", [row["id"]]) == 1
    assert person(index, "đoàn đại biểu")["article_count"] == 1


def test_people_roll_up_across_articles_and_spellings(index):
    fill(index)
    ha = person(index, "đào khánh hà")
    assert (ha["name"], ha["article_count"], ha["first_seen"], ha["last_seen"]) == \
        ("Đào Khánh Hà", 2, "2021-12-15", "2023-10-06")
    positions = {(r["title"], r["organization"]): (r["article_count"], r["first_seen"], r["last_seen"])
                 for r in index.db["person_positions"].rows_where("person_id = ?", [ha["id"]])}
    # "Thành uỷ" (article 2) and "Thành ủy" (article 1) are one organisation
    assert positions == {("Trưởng Ban Tuyên giáo", "Thành ủy"): (2, "2021-12-15", "2023-10-06"),
                         ("Ủy viên Ban Thường vụ", "Thành ủy"): (1, "2021-12-15", "2021-12-15")}
    hoa = person(index, "nguyễn thị như hoa")  # NFD page, no publication date: first fetch day
    assert (hoa["name"], hoa["first_seen"]) == ("Nguyễn Thị Như Hoa", FETCHED_AT[:10])


def test_retagging_keeps_people_consistent(index):
    fill(index)
    site, article, tags = sample(1)
    without_ha = dataclasses.replace(tags, officials=tags.officials[1:])
    assert index.add_article(page_for(index, site, article, FETCHED_AT), article, without_ha) == "changed"
    ha = person(index, "đào khánh hà")
    assert (ha["article_count"], ha["first_seen"], ha["last_seen"]) == (1, "2021-12-15", "2021-12-15")
    assert index.db.execute("select article_count, last_seen from person_positions where person_id = ? and "
                            "title = 'Trưởng Ban Tuyên giáo'", [ha["id"]]).fetchone() == (1, "2021-12-15")
    site, article, tags = sample(0)
    assert index.add_article(page_for(index, site, article, FETCHED_AT), article,
                             dataclasses.replace(tags, officials=[])) == "changed"
    assert person(index, "đào khánh hà") is None
    assert index.db["person_positions"].count_where("person_id = ?", [ha["id"]]) == 0
    assert person(index, "lê khắc nam")["article_count"] == 1


def test_directives_roll_up_and_follow_a_changed_date(index):
    fill(index)
    directive = index.db["directives"].get("20-CT/TW")
    assert (directive["article_count"], directive["first_cited"], directive["last_cited"]) == \
        (2, "2021-12-15", "2022-04-14")
    quy_che = index.db["directives"].get("1056-QC/TU")  # cited twice in one article: one article
    assert quy_che["article_count"] == 1
    assert quy_che["title"] == "Quy chế phối hợp trong công tác tuyên giáo"
    site, article, tags = sample(2)
    later = dataclasses.replace(article, published="2022-05-01T08:00:00")
    assert index.add_article(page_for(index, site, later, FETCHED_AT), later, tags) == "changed"
    assert index.db["directives"].get("20-CT/TW")["last_cited"] == "2022-05-01"
    assert index.db["directives"].get("15/2020/NĐ-CP")["first_cited"] == "2022-05-01"


def test_tag_rows_keep_offsets_and_cascade_with_the_article(index):
    ids = fill(index)
    site, article, tags = sample(0)
    article_id = ids[article.url]
    for start, end, text in index.db.execute('select start, "end", text from statistics where article_id = ?',
                                             [article_id]):
        assert article.text[start:end] == text
    with index.transaction():
        index.db.execute("delete from revisions where article_id = ?", [article_id])  # no cascade there
        index.db.execute("delete from articles where id = ?", [article_id])
    for table in (*TAG_TABLES, "article_search"):
        assert index.db[table].count_where("article_id = ?", [article_id]) == 0
    assert index.db.execute("select count(*) from articles_fts_docsize").fetchone()[0] == 5


def test_a_failure_while_tagging_stores_nothing(index):
    site, article, _ = sample(0)
    page = page_for(index, site, article, FETCHED_AT)
    with pytest.raises(KeyError):
        index.add_article(page, article, {"statistics": [{"start": 0, "end": 1}]})  # no "text"
    assert index.db["articles"].count == 0
    assert index.db["article_search"].count == 0


def test_migrations_bring_an_m001_index_up_to_date(tmp_path):
    path = tmp_path / "old.db"
    db = sqlite_utils.Database(path)
    db["_migrations"].create({"name": str, "applied_at": str}, pk="name")
    m001_core(db)
    db["_migrations"].insert({"name": "m001_core", "applied_at": "2024-01-01 00:00:00"})
    db["articles"].insert({"url": "http://portal.test/a.html", "site": "huyen", "title": "Hội nghị Thành uỷ",
                           "text": "Hội nghị Ban Chấp hành Đảng bộ huyện.", "published": "2022-03-04",
                           "first_seen": FETCHED_AT, "revision": 1})
    db.close()
    index = Index(path)
    assert {"people", "directives", "dates", "official_mentions", "directive_mentions", "statistics",
            "article_search", "articles_fts", "articles_fts_exact"} <= set(index.db.table_names())
    assert [row["name"] for row in index.db["_migrations"].rows] == [m.__name__ for m in MIGRATIONS]
    assert next(index.db["articles"].rows)["published_year"] == 2022
    assert len(index.search("thanh uy")) == 1
    index.close()
    assert len(Index(path).search("Đảng bộ", mode="exact")) == 1  # reopening applies nothing twice


def test_foreign_keys_are_enforced(index):
    with pytest.raises(sqlite3.IntegrityError):
        with index.transaction():
            index.db.execute("insert into dates (article_id, text) values (999, 'năm 2021')")


def test_requeue_pages(index):
    fill(index)
    index.db.execute("update raw_pages set process_status = 'indexed'")
    assert index.requeue_pages("0.0.1") == 0
    assert index.requeue_pages("999.0") == 6
    index.db.execute("update raw_pages set process_status = 'indexed'")
    index.db.execute("update articles set extractor_version = iif(site = 'wp', '0.9.0', '0.10.0')")
    assert index.requeue_pages("0.10.0") == 1  # versions compare as numbers, not text
    site, article, _ = sample(0)
    page_for(index, site, article, "2024-07-01T08:00:00+00:00")  # a newer fetch of one URL
    index.db.execute("update raw_pages set process_status = 'rejected'")
    assert index.requeue_pages() == 6  # the latest page of each URL
    assert index.db["raw_pages"].count_where("process_status = 'pending'") == 6
    assert [p.fetched_at for p in index.pending_pages() if p.url == article.url] == ["2024-07-01T08:00:00+00:00"]


def test_upsert_sources(index):
    profiles = [{"name": "haiphong", "province": "Hải Phòng", "level": "city", "domains": ["haiphong.gov.vn"],
                 "platform": "custom", "enabled": True, "version": "2021"},
                {"name": "danang", "province": "Đà Nẵng", "level": "city", "domains": ["danang.gov.vn"],
                 "platform": "liferay", "enabled": False}]
    assert index.upsert_sources(profiles) == 2
    assert index.upsert_sources(profiles[:1]) == 1
    assert index.db["sources"].count == 2
    assert index.db["sources"].get("danang")["enabled"] == 0
    assert index.db["sources"].get("haiphong")["province"] == "Hải Phòng"


def test_search_form_keeps_hoac_and_an_older_index_is_repaired(tmp_path):
    assert unify("Hoặc là hoà, HOẶC là khoẻ") == "Hoặc là hòa, HOẶC là khỏe"  # only oa/oe/uy tones move
    path = tmp_path / "m004.db"
    index = Index(path)
    site, article, tags = sample(0)
    article = dataclasses.replace(article, text=article.text + "\n\nGửi qua thư hoặc điện thoại.")
    index.add_article(page_for(index, site, article, FETCHED_AT), article, tags)
    # as the search form was written before the fix: the dot below moved off ă onto o
    index.db.execute("UPDATE article_search SET text = replace(text, 'hoặc', 'họăc')")
    index.db.execute("DELETE FROM _migrations WHERE name = 'm005_search_form_hoac'")
    index.db.conn.commit()
    assert "[họăc]" in index.search("họăc", mode="exact")[0].snippet
    index.close()
    index = Index(path)
    assert index.search("họăc", mode="exact") == []
    assert "[hoặc]" in index.search("hoặc", mode="exact")[0].snippet
    assert index.db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')").fetchall() == []
    index.close()


def test_optimize_search_merges_each_full_text_index_into_one_segment(index):
    fill(index)
    before = index.search("tuyen giao", limit=100)
    index.optimize_search()
    for table in ("articles_fts", "articles_fts_exact"):
        assert index.db.execute(f"SELECT count(DISTINCT segid) FROM {table}_idx").fetchone()[0] == 1
    assert index.search("tuyen giao", limit=100) == before


def _citing(number: int, published: str, issuer: str, title: str | None):
    text = f"Bài {number}: quán triệt Nghị quyết số 29-NQ/TW ngày 04/11/2013 của {issuer}."
    tag = directive(text, f"Nghị quyết số 29-NQ/TW ngày 04/11/2013 của {issuer}", "29-NQ/TW@2013", "Nghị quyết",
                    "NQ", "29", "TW", year=2013, date="2013-11-04", issuer=issuer, title=title)
    article = Article(url=f"http://portal.test/huyen/bai-{number}.html", title=f"Bài {number} về giáo dục",
                      text=text, published=published)
    return "huyen", article, Tags(directives=[tag])


@pytest.mark.parametrize("order", [(0, 1, 2), (2, 1, 0), (1, 2, 0)])
def test_a_document_s_date_issuer_and_title_do_not_depend_on_indexing_order(tmp_path, order):
    citations = [_citing(1, "2023-08-22", "Ban Chấp hành Trung ương Đảng", None),
                 _citing(2, "2023-07-11", "Ban Chấp hành Trung ương", None),
                 _citing(3, "2023-07-11", "Ban Chấp hành Trung ương Đảng", "Về đổi mới căn bản, toàn diện")]
    index = Index(tmp_path / "index.db")
    for n in order:
        site, article, tags = citations[n]
        index.add_article(page_for(index, site, article, FETCHED_AT), article, tags)
    row = index.db.execute("SELECT date, issuer, title, article_count, first_cited, last_cited FROM directives "
                           "WHERE key = '29-NQ/TW@2013'").fetchone()
    # the earliest citations (2023-07-11) give the issuer (the smaller of two) and the only title
    assert row == ("2013-11-04", "Ban Chấp hành Trung ương", "Về đổi mới căn bản, toàn diện", 3,
                   "2023-07-11", "2023-08-22")
    index.close()


def test_an_older_index_gets_its_documents_fields_by_the_earliest_citation(tmp_path):
    path = tmp_path / "m005.db"
    index = Index(path)
    for n, published, issuer in ((1, "2023-08-22", "Ban Chấp hành Trung ương Đảng"),
                                 (2, "2023-07-11", "Ban Chấp hành Trung ương")):
        site, article, tags = _citing(n, published, issuer, None)
        index.add_article(page_for(index, site, article, FETCHED_AT), article, tags)
    # as the first-indexed citation left it before the rule
    index.db.execute("UPDATE directives SET issuer = 'Ban Chấp hành Trung ương Đảng'")
    for name in ("date", "issuer", "title"):  # nor the indexes m006 adds
        index.db.execute(f"DROP INDEX idx_directive_mentions_{name}")
    index.db.execute("DELETE FROM _migrations WHERE name = 'm006_directive_fields_by_earliest_citation'")
    index.db.conn.commit()
    index.close()
    index = Index(path)
    assert index.db.execute("SELECT issuer FROM directives").fetchall() == [("Ban Chấp hành Trung ương",)]
    index.close()
