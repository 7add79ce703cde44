"""Rules that used to be written twice, now written once: the index's time format, which links are
attachments, and the version vnportal reports. (The Vietnamese text rules: test_vietnamese_text.py;
the migrations' own copies: test_schema.py.)"""
from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path
from urllib.parse import urljoin

from data.clock import iso, utc_iso, utcnow

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "pipeline.py", *(p for package in ("crawler", "extract", "nlp", "data")
                                   for p in sorted((ROOT / package).rglob("*.py")))]


def _calls(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            yield node


def test_the_index_time_is_utc_to_the_second_and_sorts_as_text():
    stamp = utc_iso()
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", stamp)
    assert iso(utcnow()) >= stamp


def test_only_data_clock_reads_the_clock():
    readers = [f"{path.relative_to(ROOT)}:{call.lineno}" for path in SOURCES if path.name != "clock.py"
               for call in _calls(path) if call.func.attr in ("now", "utcnow", "today")]
    assert readers == []


def test_extraction_and_the_crawler_take_the_same_links_for_attachments():
    import crawler.discovery
    import crawler.spiders.portal
    from extract.article import is_attachment
    from test_extract import P1, P2, URL, body, page, run

    assert crawler.discovery.is_attachment is crawler.spiders.portal.is_attachment is is_attachment
    links = ["/f/a.pdf", "/f/b.DOCX", "/f/c.rtf", "/f/d.7z", "/f/e.ods", "/tin-khac.html", "/f/bao-cao-pdf-1.html"]
    extra = '<div class="attachments"><ul>' + "".join(f'<li><a href="{link}">Tệp</a></li>' for link in links) + "</ul></div>"
    found = run(page(body(P1, P2, extra=extra))).attachments
    assert found == [urljoin(URL, link) for link in links[:5]] == [link for link in found if is_attachment(link)]


def test_one_version_written_once():
    from importlib.metadata import version

    from crawler.options import CrawlOptions
    from extract import EXTRACTOR_VERSION

    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in pyproject["project"] and pyproject["project"]["dynamic"] == ["version"]
    assert pyproject["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "extract.article.EXTRACTOR_VERSION"}
    assert EXTRACTOR_VERSION == version("vnportal"), "reinstall: pip install -e ."
    assert CrawlOptions().user_agent.startswith(f"vnportal/{EXTRACTOR_VERSION} (+")
    literals = [f"{path.relative_to(ROOT)}" for path in SOURCES
                for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
                and any(isinstance(t, ast.Name) and "VERSION" in t.id for t in node.targets)]
    assert literals == ["extract/article.py"]
