"""process_pending: one page that breaks extraction or tagging is recorded, and the run goes on."""
from __future__ import annotations

from pathlib import Path

import nlp
import pipeline
from data import FetchedPage, Index

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "sample_site" / "huyen" / "tin-tuc"


def _pages() -> list[FetchedPage]:
    paths = sorted(p for p in SAMPLE.glob("*.html") if not p.name.startswith("page-") and p.name != "index.html")[:2]
    return [FetchedPage(url=f"http://portal.test/huyen/tin-tuc/{p.name}", site="huyen", body=p.read_bytes(),
                        fetched_at="2024-01-01T00:00:00+00:00", headers={"Content-Type": "text/html; charset=utf-8"})
            for p in paths]


def test_a_page_that_breaks_the_tagger_is_marked_failed_and_the_rest_indexed(tmp_path, monkeypatch):
    index = Index(tmp_path / "i.db")
    first, second = _pages()
    for page in (first, second):
        index.store_page(page)
    real_tag = nlp.tag
    first_text = pipeline._extract_and_tag(first)[0].text

    def tag_failing_on_first(text, ref_date=None):
        if text == first_text:
            raise RuntimeError("tagger bug")
        return real_tag(text, ref_date)

    monkeypatch.setattr(nlp, "tag", tag_failing_on_first)
    counts = pipeline.process_pending(index)
    assert counts == {"failed": 1, "new": 1}
    row = index.db["raw_pages"].get(first.id)
    assert row["process_status"] == "failed" and row["reason"] == "internal error: RuntimeError: tagger bug"
    assert [a["url"] for a in index.db["articles"].rows] == [second.url]
    assert list(index.pending_pages()) == []
