"""Search: exact and accent-insensitive modes, Unicode traps, ranking, filters, query syntax."""
from __future__ import annotations

import re
import unicodedata

import pytest

import data.search
from data import FetchedPage, Index
from extract.article import Article
from nlp.records import Tags
from data.search import QueryError
from data_corpus import fill
from nlp.vietnamese import fold


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    index = Index(tmp_path_factory.mktemp("search") / "index.db")
    fill(index)
    yield index
    index.close()


def sites(hits) -> list[str]:
    return [hit.site for hit in hits]


def urls(hits) -> set[str]:
    return {hit.url.rsplit("/", 1)[1] for hit in hits}


def test_accent_insensitive_finds_words_typed_without_accents(index):
    assert "tong-ket-khoa-giao-101.html" in urls(index.search("tuyen giao"))
    assert urls(index.search("tuyen giao")) == urls(index.search("Tuyên giáo"))
    assert "vinh-hoa-202.html" in urls(index.search("dang uy"))  # đ folded: "Đảng ủy"
    assert urls(index.search("Vinh Hoa")) == {"vinh-hoa-202.html"}


def test_tone_mark_placement_does_not_matter(index):
    # article 101 writes "Thành ủy", article 1056 writes "Thành uỷ"
    for mode in ("exact", "accent-insensitive"):
        assert urls(index.search("Thành uỷ", mode=mode)) == {"tong-ket-khoa-giao-101.html", "so-ket-quy-che-1056.html"}
        assert urls(index.search("Thành ủy", mode=mode)) == urls(index.search("Thành uỷ", mode=mode))


def test_exact_mode_keeps_diacritics_apart(index):
    assert urls(index.search("bó", mode="exact")) == {"dang-hoa-404.html"}
    assert urls(index.search("bỏ", mode="exact")) == {"vinh-hoa-202.html"}
    assert {"dang-hoa-404.html", "vinh-hoa-202.html"} <= urls(index.search("bo"))
    assert index.search("Thanh uy", mode="exact") == []


def test_nfd_text_is_found_by_an_nfc_query_and_back(index):
    nfc = "Nguyễn Thị Như Hoa"
    assert unicodedata.is_normalized("NFD", index.db.execute(
        "select text from articles where url like '%boi-duong%'").fetchone()[0])
    for mode in ("exact", "accent-insensitive"):
        assert urls(index.search(nfc, mode=mode)) == {"boi-duong-ly-luan-303.html"}
        assert urls(index.search(unicodedata.normalize("NFD", nfc), mode=mode)) == {"boi-duong-ly-luan-303.html"}


def test_bm25_puts_the_article_about_it_first_and_highlights(index):
    hits = index.search("chuyển đổi số", mode="exact")
    assert urls(hits[:1]) == {"chuyen-doi-so-505.html"}  # in the title and three times in the text
    assert urls(hits) == {"chuyen-doi-so-505.html", "tong-ket-khoa-giao-101.html"}  # once, in passing
    assert hits[0].rank < hits[1].rank
    assert "[chuyển đổi số]" in hits[1].snippet  # the word, highlighted as one
    folded = index.search("dang uy")
    assert any("[Đảng ủy]" in hit.snippet for hit in folded)  # snippets show đ, not the folding mark


def test_filters(index):
    assert sites(index.search("hội nghị", site="haiphong")) == ["haiphong"]
    assert urls(index.search("hội nghị")) == {"tong-ket-khoa-giao-101.html", "vinh-hoa-202.html"}
    assert urls(index.search("hội nghị", since="2022")) == {"vinh-hoa-202.html"}
    assert index.search("hội nghị", since="2022") == index.search("hội nghị", since="2022-01-01")
    assert urls(index.search("tuyen giao", until="2021-12")) == {"tong-ket-khoa-giao-101.html"}
    assert urls(index.search("tuyen giao", since="2023-10-06", until="2023-10-06")) == {"so-ket-quy-che-1056.html"}
    assert urls(index.search("tuyen giao", official="dao khanh ha")) == \
        {"tong-ket-khoa-giao-101.html", "so-ket-quy-che-1056.html"}
    assert urls(index.search("tuyen giao", official="Khánh")) == urls(index.search("tuyen giao", official="Hà"))
    assert index.search("tuyen giao", official="Kha") == []  # whole words only
    assert urls(index.search("chi thi", directive="20-ct/tw")) == {"tong-ket-khoa-giao-101.html", "vinh-hoa-202.html"}
    assert urls(index.search("nghi dinh", directive="15/2020/ND-CP")) == {"vinh-hoa-202.html"}


def test_filter_values_are_parameters(index):
    hostile = "haiphong' OR 1=1; DROP TABLE articles; --"
    assert index.search("hội nghị", site=hostile) == []
    assert index.search("hội nghị", official=hostile) == []
    assert index.search("hội nghị", directive=hostile) == []
    assert index.search('"; DROP TABLE articles; --"') == []
    assert index.db["articles"].count == 6


def test_plain_words_never_need_fts_syntax(index):
    assert urls(index.search("20-CT/TW")) == {"tong-ket-khoa-giao-101.html", "vinh-hoa-202.html"}
    assert urls(index.search("5,07%")) == {"so-ket-quy-che-1056.html"}
    assert urls(index.search("and")) == set()  # a lower-case word, not the operator


def test_fts_operators_when_written(index):
    assert urls(index.search('"bó hoa" OR "bỏ phiếu"', mode="exact")) == {"dang-hoa-404.html", "vinh-hoa-202.html"}
    assert urls(index.search("chuy*")) == {"chuyen-doi-so-505.html", "tong-ket-khoa-giao-101.html"}
    assert urls(index.search("title:chuyen")) == {"chuyen-doi-so-505.html"}
    assert urls(index.search("chuyen NOT truyen")) == {"chuyen-doi-so-505.html"}
    assert urls(index.search("NEAR(chuyen truyen, 6)")) == {"tong-ket-khoa-giao-101.html"}


@pytest.mark.parametrize("query, options", [
    ("tuyen giao", {}), ("chuyển đổi số", {"mode": "exact"}), ("hội nghị", {"since": "2022"}),
    ("chi thi", {"directive": "20-ct/tw"}), ('"bó hoa" OR "bỏ phiếu"', {}), ("chuy*", {}), ("tin giả", {}),
    ("tuyen giao", {"limit": 1}), ("khoa giáo", {"site": "haiphong"}), ("cán bộ xã", {}), ("can bo xa", {"limit": 1}),
    ("năm học mới", {"site": "danang"}),
])
@pytest.mark.parametrize("ranking", ["bm25", "by place"])
def test_search_counted_is_the_search_and_its_count(index, query, options, ranking, monkeypatch):
    """What the CLI and Datasette run, the query compiled once: the same hits and count as the two calls,
    also when ranked by place, where the count takes the newest matches the search read."""
    if ranking == "by place":
        monkeypatch.setattr(data.search, "BM25_BUDGET", 0)
    found = index.search_counted(query, **options)
    hits = index.search(query, **options)
    filters = {key: value for key, value in options.items() if key != "limit"}
    assert found.hits == hits
    assert (found.total, found.all_counted) == index.count_matches(query, **filters, found=len(hits))
    assert found.joined == data.search.compile_for(index.db, query, options.get("mode", "as-typed")).joined


@pytest.mark.parametrize("query", ["AND", '"unclosed', "NEAR(", "NEAR(đảng", "(hội nghị", "   ", "hội OR"])
def test_malformed_queries_raise_a_one_line_query_error(index, query):
    with pytest.raises(QueryError) as error:
        index.search(query)
    assert str(error.value) and "\n" not in str(error.value)


@pytest.mark.parametrize("bad", [{"since": "2022-13"}, {"until": "hôm qua"}, {"mode": "fuzzy"}, {"limit": 0}])
def test_bad_options_raise_query_error(index, bad):
    with pytest.raises(QueryError):
        index.search("hội nghị", **bad)


# -- ranking a broad query by where its words are ---------------------------------------------
@pytest.fixture
def broad(monkeypatch):
    """As on a large index: bm25 is never cheap, so queries are ranked by place."""
    monkeypatch.setattr(data.search, "BM25_BUDGET", 0)


def _words_in(text: str, query: str) -> bool:
    """Whether every word of ``query`` is a word of ``text``, accents and case ignored."""
    words = set(re.findall(r"\w+", fold(text).lower()))
    return all(word in words for word in re.findall(r"\w+", fold(query).lower()))


@pytest.mark.parametrize("query", ["hội nghị", "tuyen giao", "chuyển đổi số", "dang uy", "chi thi"])
def test_a_broad_query_lists_title_then_lead_then_text_matches_newest_first(index, broad, query):
    hits = index.search(query, limit=100)
    assert {hit.id for hit in hits} == {hit.id for hit in index.search(query, limit=100, rank_all=True)}
    order = ["title", "lead", "text"]
    assert [hit.ranked_by for hit in hits] == sorted((hit.ranked_by for hit in hits), key=order.index)
    for place in order:
        ids = [hit.id for hit in hits if hit.ranked_by == place]
        assert ids == sorted(ids, reverse=True)  # the most recently indexed first
    for hit in hits:
        title, lead = index.db.execute("SELECT title, coalesce(lead, '') FROM articles WHERE id = ?",
                                       [hit.id]).fetchone()
        assert hit.rank is None
        assert _words_in(title, query) == (hit.ranked_by == "title")
        assert _words_in(f"{title} {lead}", query) == (hit.ranked_by in ("title", "lead"))


def test_within_each_place_the_words_side_by_side_come_first(tmp_path, broad):
    """Title, then lead, then text; in each, the articles with the query's words side by side first,
    newest first, also where no article holds the words in the title at all."""
    index = Index(tmp_path / "places.db")
    leads = {  # id order: the later, the newer
        "a": "Tỉnh tập huấn cán bộ công chức xã.", "b": "Cán bộ, công chức về xã tập huấn.",
        "c": "Hội nghị tập huấn.", "d": "Hội nghị tập huấn.",
    }
    texts = {"a": "Nội dung tập huấn.", "b": "Nội dung tập huấn.", "c": "Cán bộ công chức xã dự hội nghị.",
             "d": "Cán bộ dự hội nghị cùng công chức xã."}
    for key, lead in leads.items():
        page = FetchedPage(url=f"https://example.vn/{key}", site="example.vn", body=b"", fetched_at="2024-01-01T00:00:00Z")
        index.store_page(page)
        with index.transaction():
            index.add_article(page, Article(url=page.url, title=f"Tin {key}", text=f"{lead}\n\n{texts[key]}", lead=lead,
                                            published=None), Tags())
    hits = index.search("cán bộ công chức xã", limit=10)
    assert [(hit.url[-1], hit.ranked_by) for hit in hits] == [("a", "lead"), ("b", "lead"), ("c", "text"), ("d", "text")]
    index.close()


def test_rank_all_ranks_a_broad_query_by_bm25(index, broad):
    hits = index.search("hội nghị", rank_all=True)
    assert hits and all(hit.ranked_by == "bm25" and isinstance(hit.rank, float) for hit in hits)
    assert [hit.rank for hit in hits] == sorted(hit.rank for hit in hits)


def test_too_many_matches_for_bm25_rank_by_place(index, monkeypatch):
    assert {hit.ranked_by for hit in index.search("tuyen giao")} == {"bm25"}
    monkeypatch.setattr(data.search, "BM25_MAX_MATCHES", 1)
    assert "bm25" not in {hit.ranked_by for hit in index.search("tuyen giao")}


def test_title_and_lead_matches_are_looked_for_among_the_newest_matches(index, broad, monkeypatch):
    everything = index.search("tuyen giao", limit=100)
    monkeypatch.setattr(data.search, "PLACE_WINDOW", 1)
    hits = index.search("tuyen giao", limit=100)
    newest = max(hit.id for hit in everything)
    assert [hit.id for hit in hits if hit.ranked_by != "text"] in ([], [newest])
    assert {hit.id for hit in hits} == {hit.id for hit in everything}
    assert index.search("tuyen giao", limit=1)[0].id in (newest, everything[0].id)


@pytest.mark.parametrize("few, some", [(0, 0), (0, 1000), (1000, 1000)], ids=["row by row", "listed", "looked up"])
@pytest.mark.parametrize("filters", [{"site": "haiphong"}, {"since": "2022"}, {"official": "dao khanh ha"},
                                     {"directive": "20-CT/TW"}, {"official": "Hà", "since": "2021", "until": "2023"},
                                     {"site": "wp", "directive": "20-CT/TW"}])
def test_every_way_of_filtering_a_broad_query_gives_what_bm25_does(index, broad, monkeypatch, few, some, filters):
    monkeypatch.setattr(data.search, "FEW_ARTICLES", few)
    monkeypatch.setattr(data.search, "SOME_ARTICLES", some)
    for query in ("hội nghị", "tuyen giao", "chi thi", "khoa giáo NOT y tế", "title:chuyen", "NEAR(chuyen truyen, 6)"):
        hits = index.search(query, limit=100, **filters)
        assert sorted(hit.id for hit in hits) == sorted(hit.id for hit in index.search(query, limit=100,
                                                                                        rank_all=True, **filters))
        assert all(hit.ranked_by in ("title", "lead", "text") for hit in hits)
