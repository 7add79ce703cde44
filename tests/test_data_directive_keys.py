"""A Party number cited without a date joins the dated document of that number, whatever the
order in which the articles are indexed."""
from __future__ import annotations

import itertools

import pytest
from data_corpus import directive

from data import FetchedPage, Index
from extract.article import Article
from nlp.records import Tags

UNDATED = "Các chi bộ tiếp tục thực hiện Chỉ thị số 05-CT/TW trong năm."
DATED = "Sơ kết Chỉ thị số 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị về học tập và làm theo Bác."


def _article(url: str, published: str, text: str, dated: bool) -> tuple[FetchedPage, Article, Tags]:
    tag = directive(text, "Chỉ thị số 05-CT/TW", "05-CT/TW@2016" if dated else "05-CT/TW", "Chỉ thị", "CT",
                    "05", "TW", year=2016 if dated else None, date="2016-05-15" if dated else None,
                    issuer="Bộ Chính trị" if dated else None)
    page = FetchedPage(url=url, site="s", body=text.encode(), fetched_at="2024-01-01T00:00:00+00:00")
    return page, Article(url=url, title=url, text=text, published=published), Tags(directives=[tag])


ARTICLES = [_article("http://portal.test/a", "2021-06-01", UNDATED, dated=False),
            _article("http://portal.test/b", "2020-03-01", DATED, dated=True),
            _article("http://portal.test/c", "2015-01-10", UNDATED, dated=False)]


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_undated_citations_join_the_dated_document(tmp_path, order):
    index = Index(tmp_path / "i.db")
    for i in order:
        page, article, tags = ARTICLES[i]
        index.store_page(page)
        index.add_article(page, article, tags)
    keys = dict(index.db.execute("SELECT a.url, m.directive_key FROM directive_mentions m "
                                 "JOIN articles a ON a.id = m.article_id"))
    assert keys == {"http://portal.test/a": "05-CT/TW@2016", "http://portal.test/b": "05-CT/TW@2016",
                    # cited before the 2016 document was signed: another document of that number
                    "http://portal.test/c": "05-CT/TW"}
    counts = dict(index.db.execute("SELECT key, article_count FROM directives"))
    assert counts == {"05-CT/TW@2016": 2, "05-CT/TW": 1}


def test_an_undated_key_finds_its_dated_documents(tmp_path):
    index = Index(tmp_path / "i.db")
    for page, article, tags in ARTICLES:
        index.store_page(page)
        index.add_article(page, article, tags)
    assert {d.key for d in index.directives(key="05-CT/TW")} == {"05-CT/TW", "05-CT/TW@2016"}
    assert {d.key for d in index.directives(key="05-ct/tw@2016")} == {"05-CT/TW@2016"}
    assert {d.key for d in index.directives(key="05-CT/TW@2019")} == set()
    hits = index.search("Chỉ thị", directive="05-CT/TW")
    assert {h.url for h in hits} == {"http://portal.test/a", "http://portal.test/b", "http://portal.test/c"}
