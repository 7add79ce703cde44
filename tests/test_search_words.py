"""Search by Vietnamese words, accents as typed (data.query, data.words), on the sample portal's
articles: what a query returns is exactly the articles holding its words."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from data import Index
from data.query import PAIR_TABLES, QueryError, compile_query
from data.search import compile_for, store_search_text
from data.words import word_spans
from nlp.vietnamese import fold, unify


SPELLINGS = {"ban": ["ban", "bản", "bán", "bàn"], "thanh": ["thanh", "thành", "thánh"], "ho": ["ho", "hộ", "hồ"],
             "ngheo": ["nghèo"]}


def spellings(folded: str) -> list[str]:
    return SPELLINGS.get(folded, [folded])


@pytest.fixture(scope="module")
def index(sample_index_path):
    index = Index(sample_index_path)
    yield index
    index.close()


# -- how a query is read -------------------------------------------------------------------------
@pytest.mark.parametrize("query, table, expression", [
    ("ban dan van", "articles_fts_exact", '"ban dân vận"'),                # a known word: as the lexicon spells it
    ("chuyển đổi số", "articles_fts_exact", '"chuyển đổi số"'),            # every syllable as typed
    ("Thành uỷ", "articles_fts_exact", '"thành ủy"'),                      # tone placement aside
    ("Thanh ủy", "articles_fts_exact", '"thành ủy"'),                      # mixed: the word it can be
    ("ho ngheo dân vận", "articles_fts_exact", '"hộ nghèo" AND "dân vận"'),
    ("ban thuong vu tinh uy", "articles_fts_exact", '"ban thường vụ tỉnh ủy"'),  # a Party body and its committee
    ("Ban Tuyên giáo Thành ủy", "articles_fts_exact", '"ban tuyên giáo thành ủy"'),  # a board and its committee
    ("Ban Thường vụ Ban Tuyên giáo", "articles_fts_exact", '"ban thường vụ" AND "ban tuyên giáo"'),
    ("bi thu", "articles_fts_exact", '("bi thu" OR "bì thư" OR "bí thư" OR "bỉ thử")'),  # not "bị thu"
    ("chu tich xa", "articles_fts_exact",                                   # a title and its level: one office
     '("chủ tịch xã" OR "chủ tịch ủy ban nhân dân xã" OR "chủ tịch ubnd xã")'),
    ("Bí thư Huyện ủy", "articles_fts_exact",  # a title also finds its longer forms of the same kind
     '("bí thư huyện ủy" OR "bí thư thứ nhất huyện ủy")'),
    ("hoi phu nu", "articles_fts_exact", '"hội phụ nữ"'),   # a mass organisation by its short name
    ("Bộ Giáo dục", "articles_fts_exact", '"bộ giáo dục"'),  # a ministry by its short name
    ("ban tuyen giao trung uong", "articles_fts_exact",        # a board and the Central Committee holding it
     '"ban tuyên giáo trung ương"'),
    ("mttq va cac doan the", "articles_fts_exact",             # an acronym typed in lower case is joined
     '"mttq" AND ("va cac" OR "va ǀ cac") AND ("đoan thệ" OR "đoàn thể")'),  # to no syllable beside it
    ("kỉ luật", "articles_fts_exact", '("kỉ luật" OR "kỷ luật")'),  # "kỉ" and "kỷ": one syllable, two spellings
    ("xa don xa", "articles_fts", '"xa" AND "don xa"'),
    ("Tân Sơn Nhất", "articles_fts_exact", '"tân sơn nhất"'),         # three syllables or more in capitals:
    ("Trường Đại Học Ngoại Ngữ", "articles_fts_exact",                 # one name, not "Tân Sơn" and "Nhất"
     '"trường đại học ngoại ngữ"'),
    ("An Sương", "articles_fts_exact", '("ăn sương" OR "an sương")'),  # typed as a name: also as typed
    ("an sương", "articles_fts_exact", '"ăn sương"'),                   # in lower case: the dictionary's word
    ("phòng, chống dịch", "articles_fts_exact",                       # a comma typed in a word: optional
     '("phòng chống" OR "phòng ǀ chống") AND "dịch"'),
    ("trộm cắp-tài sản", "articles_fts_exact", '"trộm cắp" AND "tài sản"'),  # a hyphen between words: a space
    ("vắc-xin", "articles_fts_exact", '"vắc xin"'),        # a commune after its level: not "xà đơn" + "xa"
    ("phường Hiệp Phú", "articles_fts_exact", '"phường" AND "hiệp phú"'),  # a ward: not "phường hiệp" + "phú"
    ("cong an tinh binh duong", "articles_fts_exact",          # a place is not cut by a word before it
     '"công an tỉnh" AND "bình dương"'),                         # ("tinh binh" is a word too)
    ("giam doc so y te", "articles_fts_exact",                 # a title and a unit of a field: one office
     '("giám đốc sở y tế" OR "giám đốc quốc gia sở y tế")'),
    ("UBND tỉnh", "articles_fts_exact", '"ubnd tỉnh"'),                    # a body and its level
    ("Phó Bí thư Tỉnh ủy", "articles_fts_exact",                           # and the title's longer forms
     '("phó bí thư tỉnh ủy" OR "phó bí thư thường trực tỉnh ủy" OR "phó bí thư chuyên trách tỉnh ủy")'),
    ("ky hop", "articles_fts_exact", '("kỳ họp" OR "kì họp")'),  # a lone i or y is spelled either way
    ("kỳ thi", "articles_fts_exact",                                  # "thi" typed without a tone: any
     '("kỳ thi" OR "kì thi" OR "kỳ thị" OR "kì thị")'),
    ("da lat", "articles_fts_exact", '("đà lạt" OR "đá lát")'),    # a district the dictionary lacks
    ("Sở Tài nguyên và Môi trường", "articles_fts_exact",              # a body, also written without "và"
     '("sở tài nguyên và môi trường" OR "sở tài nguyên môi trường")'),
    ("vừa và nhỏ", "articles_fts_exact", '("vừa và" OR "vừa ǀ và") AND "nhỏ"'),  # not a body's name
    ("canh sat dieu tra", "articles_fts_exact", '"cảnh sát điều tra"'),  # a body of the police
    ("nguyen hoai nam", "articles_fts", '"nguyen hoai nam"'),              # a name typed in lower case
    ("vo van thuong", "articles_fts", '"vo van thuong"'),    # and one whose surname starts a word ("vô vàn")
    ("truong quy duong", "articles_fts",                             # middle name Quý: not "trường quy" + "dương"
     '("truong quy duong" OR "truong qui duong")'),
    ("nguyen dang khoa", "articles_fts", '"nguyen dang khoa"'),  # middle name Đăng: not "nguyên dạng" + "khoa"
    ("dang vien moi", "articles_fts_exact", '"đảng viên" AND "moi"'),  # no middle name: words
    ("lam gia con dau", "articles_fts_exact",           # "con" is no middle name: words, not a name of four
     '("làm già" OR "làm giá" OR "làm giả") AND ("con dâu" OR "con dấu" OR "con đầu" OR "còn đâu")'),
    ("đảng viên mới", "articles_fts_exact", '"đảng viên" AND "mới"'),     # two words, both required
    ("Đào Khánh Hà", "articles_fts_exact", '"đào khánh hà"'),             # a capitalised name
    ("Đào Khánh Hà UBND", "articles_fts_exact", '"đào khánh hà" AND "ubnd"'),  # an acronym is no part of it
    ("Chỉ thị 05", "articles_fts_exact", '("chỉ thị 05" OR "chỉ thị số 05")'),  # a document reference
    ("46/2016/NĐ-CP", "articles_fts_exact",                  # a code with its year: also cited by type
     '("46 2016 nđ cp" OR "nghị định 46 2016" OR "nghị định số 46 2016")'),
    ("Thông tư 12/2021/TT-BTC", "articles_fts_exact", '("thông tư 12 2021 tt btc" OR "thông tư số 12 2021 tt btc" '
     'OR "thông tư 12 2021" OR "thông tư số 12 2021" OR "thông tư 12" OR "thông tư số 12")'),
    ("05-CT/TW", "articles_fts", '"05 ct tw"'),              # no year: "Chỉ thị 05" names many documents
    ("Nghị định 116/2017", "articles_fts_exact",              # a type and number with more: also cited so
     '("nghị định 116 2017" OR "nghị định số 116 2017" OR "nghị định 116" OR "nghị định số 116")'),
    ("Chỉ thị số 05", "articles_fts_exact", '("chỉ thị 05" OR "chỉ thị số 05")'),  # "số" typed: the same
    ("Luật Cư trú", "articles_fts_exact", '"luật cư trú"'),  # a law cited by its name
    ("Hiến pháp năm 2013", "articles_fts_exact", '"hiến pháp" AND "năm" AND "2013"'),  # a year is no name
    ("tuyên giáo OR dân vận", "articles_fts_exact", '"tuyên giáo" OR "dân vận"'),
    ("TITLE:tuyên", "articles_fts_exact", 'title: "tuyên"'),
    ("NEAR(tuyên giáo, 5)", "articles_fts_exact", 'NEAR( "tuyên" "giáo" , 5 )'),  # NEAR keeps its syllables
])
def test_a_query_becomes_words_with_the_accents_typed(query, table, expression):
    match = compile_query(query, spellings=spellings)
    assert (match.table, match.expression, match.loosened) == (table, expression, False)


@pytest.mark.parametrize("query, pairs", [
    ("Thanh ủy", '"thành_ủy"'),
    ("hội nghị tổng kết", '"hội_nghị" AND "tổng_kết"'),
    ("chuyen doi so", '"chuyển_đổi đổi_số"'),
    ("Chỉ thị 05", '("chỉ_thị thị_05" OR "chỉ_thị thị_số số_05")'),
    ("title:tuyên giáo OR dân vận", 'title: "tuyên_giáo" OR "dân_vận"'),
    ("hộ nghèo năm", None),  # a word of one syllable: the table of syllables
    ("hội nghị tổ*", None),  # a prefix
    ('NEAR("tuyên giáo" "dân vận", 5)', None),  # distances count syllables
])
def test_phrases_of_two_syllables_or_more_run_on_the_pair_table(query, pairs):
    match = compile_query(query, spellings=spellings)
    assert (match.pairs.expression if match.pairs else None) == pairs


def test_the_modes_take_every_syllable_one_way():
    assert compile_query("Thanh ủy", "exact").expression == '"thanh ủy"'
    assert compile_query("Thanh ủy", "accent-insensitive").expression == '"thanh uy"'
    assert compile_query("Thanh ủy", "accent-insensitive").table == "articles_fts"


def test_what_cannot_be_written_out_runs_accent_insensitively_and_says_so():
    for query in ("tuyen* giáo", "NEAR(thanh ủy)"):
        match = compile_query(query, spellings=spellings)
        assert match.table == "articles_fts" and match.loosened, query
    many = compile_query("\"ban ban ban ban ủy\"", spellings=spellings)  # one phrase of 4^4 spellings
    assert many.loosened


@given(st.lists(st.sampled_from(["ban", "dân", "vận", "Thành", "ủy", "hộ", "nghèo", "chuyển", "đổi", "số",
                                 "Nguyễn", "Văn", "An", "x", "2024"]), min_size=1, max_size=8))
@settings(max_examples=200, deadline=None)
def test_word_spans_cover_the_query_in_order(syllables):
    spans = word_spans([unify(s).lower() for s in syllables], [s[:1].isupper() for s in syllables])
    assert [i for span in spans for i in range(*span)] == list(range(len(syllables)))


def test_a_query_without_words_is_a_query_error():
    for query in ("", "   ", "-", "AND", '""'):
        with pytest.raises(QueryError):
            compile_query(query)


# -- what it finds, on real extracted articles ---------------------------------------------------
def _holding(index: Index, pattern: str) -> set[int]:
    """Articles whose title, lead or text (search form, lower case) match ``pattern``."""
    found = set()
    for article_id, title, lead, text in index.db.execute("SELECT article_id, title, lead, text FROM article_search"):
        if re.search(pattern, " ".join(filter(None, (title, lead, text))).lower()):
            found.add(article_id)
    return found


SEP = r"[^\w]+"  # what may stand between the syllables of a phrase (FTS5 skips punctuation)


@pytest.mark.parametrize("query, pattern", [
    ("ban dân vận", rf"\bban{SEP}dân{SEP}vận\b|\bbàn{SEP}dân{SEP}vận\b|\bbản{SEP}dân{SEP}vận\b|\bbán{SEP}dân{SEP}vận\b"),
    ("chuyển đổi số", rf"\bchuyển{SEP}đổi{SEP}số\b"),
    ("hộ nghèo", rf"\bhộ{SEP}nghèo\b"),
    ("Thành ủy", rf"\bthành{SEP}ủy\b"),
])
def test_a_word_query_returns_exactly_the_articles_holding_the_word(index, query, pattern):
    hits = {hit.id for hit in index.search(query, limit=1000)}
    assert hits == _holding(index, pattern)
    assert index.count_matches(query) == (len(hits), True)


def test_a_query_without_accents_finds_the_word_with_any(index):
    plain = {hit.id for hit in index.search("ho ngheo", limit=1000)}
    folded_holders = {i for i in _holding(index, r".") if re.search(
        rf"\bho{SEP}ngheo\b", fold(" ".join(filter(None, index.db.execute(
            "SELECT title, lead, text FROM article_search WHERE article_id = ?", [i]).fetchone()))).lower())}
    assert plain == folded_holders and plain == {hit.id for hit in index.search("hộ nghèo", limit=1000)}


@pytest.mark.parametrize("query", ["dân vận", "Thanh ủy", "ho ngheo", "chuyển đổi số", "hội nghị tổng kết",
                                   "Chỉ thị 05", "title:tuyên giáo OR dân vận", "ban tuyen giao NOT hội nghị"])
def test_the_pair_table_finds_what_the_table_of_syllables_finds(index, query):
    match = compile_for(index.db, query)
    assert match.pairs is not None
    found = [sorted(row[0] for row in index.db.execute(f"SELECT rowid FROM {m.table} WHERE {m.table} MATCH ?",
                                                       [m.expression])) for m in (match, match.pairs)]
    assert found[0] and found[0] == found[1]


def _matching(db, match) -> list[int]:
    return sorted(row[0] for row in db.execute(f"SELECT rowid FROM {match.table} WHERE {match.table} MATCH ?",
                                               [match.expression]))


@pytest.mark.parametrize("query, exact", [("tuyen*", False), ("hội nghị tổ*", True), ("dang*", False),
                                          ("Thành ủy tổ*", True), ("tuyên giáo OR hội nghị tổ*", True),
                                          ("to*", False)])
def test_a_prefix_is_written_out_as_the_tokens_it_starts_and_finds_what_fts5_finds(index, query, exact):
    written = compile_for(index.db, query)
    native = compile_query(query)  # no index to ask: FTS5 reads the prefix
    assert "*" not in written.expression and "*" in native.expression
    assert written.table == native.table == ("articles_fts_exact" if exact else "articles_fts")
    assert _matching(index.db, written) and _matching(index.db, written) == _matching(index.db, native)


def test_a_mixed_prefix_keeps_the_accents_typed_where_fts5_loosened_them(index):
    written, native = compile_for(index.db, "Ban Tuyên giáo to*"), compile_query("Ban Tuyên giáo to*")
    assert (written.table, written.loosened, native.loosened) == ("articles_fts_exact", False, True)
    assert '"tổ"' in written.expression and '"ban tuyên giáo"' in written.expression
    assert set(_matching(index.db, native)) >= set(_matching(index.db, written)) > set()


def test_a_quoted_phrase_takes_a_prefix_star_with_or_without_a_space(index):
    spaced, glued = compile_for(index.db, '"chuyển đổi s" *'), compile_for(index.db, '"chuyển đổi s"*')
    assert glued == spaced and '"chuyển đổi số"' in glued.expression
    assert _matching(index.db, glued)


def test_a_prefix_of_too_many_words_on_a_big_index_is_a_query_error(index, monkeypatch):
    import data.search

    monkeypatch.setattr(data.search, "MAX_COMPLETIONS", 3)
    monkeypatch.setattr(data.search, "PREFIX_READ_MOST", 10)  # the sample's 30 articles count as big
    with pytest.raises(QueryError, match="starts more than 3 words of this index"):
        compile_for(index.db, "th*")


def test_a_word_typed_twice_is_required_once():
    assert compile_query("hộ nghèo hộ nghèo").expression == compile_query("hộ nghèo").expression == '"hộ nghèo"'


def test_words_side_by_side_are_not_written_out_past_the_spellings_limit():
    """The whole query as one phrase takes one form of each word: with many words of several
    spellings (or prefixes written out) the combinations would grow without bound."""
    from data.query import MAX_SPELLINGS, Phrase, _together

    written = []
    parts = [Phrase(("a",), alternatives=tuple((f"a{i}",) for i in range(MAX_SPELLINGS))), Phrase(("b",))]
    assert _together(parts, lambda phrase: written.append(phrase) or "x") is None and not written
    assert compile_query("bi thu " * 50).together is None  # 4 ** 50 spellings: refused at once


def test_a_prefix_starting_too_many_tokens_is_left_to_fts5(index, monkeypatch):
    import data.search

    monkeypatch.setattr(data.search, "MAX_COMPLETIONS", 3)
    assert compile_for(index.db, "th*").expression == compile_query("th*").expression == '"th" *'


def test_a_changed_text_changes_its_pairs(index, tmp_path):
    import shutil

    path = tmp_path / "changed.db"
    index.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(index.path, path)
    changed = Index(path)
    article_id = changed.search("chuyển đổi số")[0].id
    with changed.transaction():
        store_search_text(changed.db, article_id, "Hộ nghèo", None, "Một câu mới về hộ nghèo.")
    assert article_id not in {hit.id for hit in changed.search("chuyển đổi số", limit=1000)}
    assert article_id in {hit.id for hit in changed.search("ho ngheo", limit=1000)}
    for table in PAIR_TABLES.values():
        changed.db.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
    changed.close()


def test_the_nightly_merge_merges_segments_of_every_table_and_finds_the_same(index, tmp_path):
    """The sample index is built one article a transaction: several segments a table, which a
    run's merge (Index.merge_search) merges, the pair tables too."""
    import shutil

    from data.query import FTS_TABLES

    path = tmp_path / "merged.db"
    index.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(index.path, path)
    merged = Index(path)

    def segments() -> dict[str, int]:
        return {table: merged.db.execute(f"SELECT count(DISTINCT segid) FROM {table}_idx").fetchone()[0]
                for table in FTS_TABLES.values()}

    before, hits = segments(), [(h.id, h.snippet) for h in merged.search("tuyen giao", limit=100)]
    merged.merge_search(30)
    after = segments()
    assert all(after[table] < before[table] for table in before), (before, after)
    assert [(h.id, h.snippet) for h in merged.search("tuyen giao", limit=100)] == hits
    merged.close()


def test_syllables_apart_are_not_the_word(index):
    apart = _holding(index, r"\bdân\b") & _holding(index, r"\bvận\b") - _holding(index, rf"\bdân{SEP}vận\b")
    assert apart, "the sample holds articles with both syllables apart"
    assert not apart & {hit.id for hit in index.search("dân vận", limit=1000)}


def test_snippets_highlight_the_word_not_stray_syllables(index):
    for hit in index.search("Thành ủy", limit=1000):
        marked = re.findall(r"\[([^\]]+)\]", hit.snippet)
        assert marked and all(unify(m).lower() == "thành ủy" for m in marked), hit.snippet


def test_counts_stop_where_they_would_cost_too_much(index, monkeypatch):
    import data.search

    assert index.count_matches("năm") == (len(index.search("năm", limit=1000)), True)
    monkeypatch.setattr(data.search, "COUNT_MOST", 3)
    assert data.search.count_matches(index.db, "năm", most=3) == (4, False)  # at least 4
    every = len(index.search("năm", site="wp", limit=1000))
    assert data.search.count_matches(index.db, "năm", site="wp") == (every, True)
    monkeypatch.setattr(data.search, "SOME_ARTICLES", 0)  # the filter allows "many": the newest matches tested
    assert data.search.count_matches(index.db, "năm", site="wp") == (every, True)
    found, complete = data.search.count_matches(index.db, "năm", site="wp", most=3)
    assert found <= every and not complete


def test_an_index_of_the_layout_before_is_migrated_to_the_same_search(index, tmp_path):
    """m007, m008, m012 and m014 on an index as the versions before wrote it (no boundaries, no
    spellings, no pair tables): the same search forms, spellings and hits as an index built today."""
    import shutil

    from data.textnorm import unmark_boundaries

    path = tmp_path / "old.db"
    index.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(index.path, path)
    old = Index(path)
    expected_forms = old.db.execute("SELECT * FROM article_search ORDER BY article_id").fetchall()
    expected_spellings = old.db.execute("SELECT * FROM search_syllables ORDER BY 1, 2").fetchall()
    queries = ["Thành ủy", "thanh uy", "Thanh ủy", "ho ngheo", "chuyển đổi số", "Chỉ thị 05", "tuyen*", "chuyển đổi s*"]
    expected_hits = {q: [(h.id, h.snippet) for h in old.search(q, limit=100)] for q in queries}
    old.db.conn.create_function("unmark", 1, lambda text: text and unmark_boundaries(text))
    with old.transaction():
        old.db.execute("UPDATE article_search SET title = unmark(title), lead = unmark(lead), text = unmark(text)")
        old.db.execute("DROP TABLE search_syllables")
        for table in PAIR_TABLES.values():
            old.db.execute(f"DROP TABLE {table}")
        old.db.execute("DELETE FROM _migrations WHERE name IN ('m007_search_syllables', "
                       "'m008_search_clause_boundaries', 'm012_search_syllable_pairs', "
                       "'m014_search_tokens_without_diacritics')")
    old.close()
    migrated = Index(path)
    assert migrated.db.execute("SELECT * FROM article_search ORDER BY article_id").fetchall() == expected_forms
    assert migrated.db.execute("SELECT * FROM search_syllables ORDER BY 1, 2").fetchall() == expected_spellings
    assert {q: [(h.id, h.snippet) for h in migrated.search(q, limit=100)] for q in queries} == expected_hits
    for table in ("articles_fts", "articles_fts_exact", *PAIR_TABLES.values()):
        migrated.db.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
    migrated.close()


def test_datasette_search_matches_as_the_command_and_says_how_many(index):
    import json
    from pathlib import Path

    from data.serve import fetch

    name = Path(index.path).stem
    status, body = fetch(index.path, f"/{name}/search.json?q=ho+ngheo&_shape=array")
    rows = json.loads(body)
    assert status == 200
    assert [row["id"] for row in rows] == [hit.id for hit in index.search("ho ngheo", limit=100)]
    assert {row["matches"] for row in rows} == {f"{index.count_matches('ho ngheo')[0]:,}"}


def test_a_query_of_thousands_of_syllables_is_refused_in_one_line():
    from data.query import MAX_SYLLABLES

    with pytest.raises(QueryError, match="more than 100 syllables"):
        compile_query("đảng " * 10_000)
    longest = " ".join(f"{n}" for n in range(MAX_SYLLABLES))  # distinct words: each one required
    assert compile_query(longest).expression.count('"') == 2 * MAX_SYLLABLES


def test_an_office_typed_without_accents_is_read_at_every_cut():
    expression = compile_query("truong cong an huyen tho xuan").expression
    assert '"trưởng công an huyện"' in expression   # the district police chief
    assert '"trường công an huyện"' in expression   # and the district's police school, both readings


@pytest.mark.parametrize("query, expression", [
    ("xúc tiến*", '"xúc tiến"'),                       # the prefix continues the word "xúc tiến"
    ("chuyển đổi s*", '"chuyển đổi số"'),              # and "chuyển đổi số", as the lexicon spells it
    ("Ban Tuyên gi*", '"ban tuyên giáo"'),
    ("hội nghị tuyen*", '"hoi nghi" AND "tuyen" *'),   # no word starts "hội nghị tuyên": two words
    ("cong an h*", '"cong an" AND "h" *'),             # nor "công an h": the grouping stands
])
def test_a_prefix_continues_the_word_its_syllables_begin(query, expression):
    assert compile_query(query).expression == expression
