"""The library behind the commands: crawler.process.process_pending records a page that breaks
extraction or tagging and goes on; the commands' defaults agree with it."""
from __future__ import annotations

from pathlib import Path

import nlp
from crawler.process import extract_and_tag, process_pending
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
    first_text = extract_and_tag(first)[0].text

    def tag_failing_on_first(text, ref_date=None):
        if text == first_text:
            raise RuntimeError("tagger bug")
        return real_tag(text, ref_date)

    monkeypatch.setattr(nlp, "tag", tag_failing_on_first)
    counts = process_pending(index)
    assert counts == {"failed": 1, "new": 1}
    row = index.db["raw_pages"].get(first.id)
    assert row["process_status"] == "failed" and row["reason"] == "internal error: RuntimeError: tagger bug"
    assert [a["url"] for a in index.db["articles"].rows] == [second.url]
    assert list(index.pending_pages()) == []


def test_the_commands_default_sample_port_is_the_demo_module_s():
    """pipeline.py writes the port out (importing crawler.demo would load the crawler for every
    command); the two must agree, or `demo` and `nightly --sample` would index other URLs."""
    import pipeline
    from crawler.demo import SAMPLE_PORT

    assert pipeline.SAMPLE_PORT == SAMPLE_PORT
    for command, option in (("demo", "port"), ("nightly", "sample_port")):
        assert next(p.default for p in pipeline.cli.commands[command].params if p.name == option) == SAMPLE_PORT
