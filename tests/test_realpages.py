"""bench/realpages/build.py and bench/eval_extract.py --real on a real git repository made here."""
from __future__ import annotations

import hashlib
import importlib.util
import json
import struct
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "bench" / "realpages" / "build.py"
EVAL = ROOT / "bench" / "eval_extract.py"
PARAGRAPHS = [
    "Sáng 12/5, Ủy ban nhân dân huyện tổ chức hội nghị sơ kết công tác cải cách hành chính sáu tháng đầu "
    "năm, triển khai nhiệm vụ trọng tâm sáu tháng cuối năm 2023.",
    "Theo báo cáo, toàn huyện đã tiếp nhận hơn 12.000 hồ sơ thủ tục hành chính, trong đó 98,5% được giải "
    "quyết đúng hạn; tỷ lệ hồ sơ nộp trực tuyến đạt 62%.",
]
PAGE = f"""<html><head><meta charset="utf-8"><title>Trang chủ</title></head><body>
<div id="menu"><a href="/">Trang chủ</a> <a href="/tin-tuc">Tin tức</a></div>
<div class="detail"><h2 class="tieu-de">Sơ kết công tác cải cách hành chính 6 tháng đầu năm 2023</h2>
<p class="ngay">Cập nhật lúc: 08:30 12/05/2023</p>
<div class="noi-dung"><p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p></div></div>
<div class="footer">Cơ quan chủ quản: Ủy ban nhân dân huyện</div></body></html>"""
PLAIN = "tin-tuc/so-ket.html"
CACHED = "cache/3f2/1ab/MFRGGZDFMZTWQ==="  # the page again, as a web2py disk-cache entry
TEMPLATE = """[template.test-cms]
family = "test-cms"
title = "//h2[@class='tieu-de']"
date = "//p[@class='ngay']"
body = "//div[@class='noi-dung']/p"
"""


def _web2py_cache_entry(page: bytes) -> bytes:
    """What web2py's disk cache wrote under Python 2: pickle protocol 2 of (time, page), the page a
    BINSTRING of its bytes."""
    return (b"\x80\x02G" + struct.pack(">d", 1442830094.06) + b"T" + struct.pack("<i", len(page)) + page
            + b"\x86q\x01.")


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True).stdout.strip()


@pytest.fixture()
def listed(tmp_path):
    """A repository holding one saved page, plainly and in a web2py cache entry whose page names its
    title before its charset (lxml alone then reads the bytes as Latin-1) and declares its date in a
    Dublin Core meta tag, and a page list naming one of the two by commit, path and blob."""
    title_first = PAGE.replace('<meta charset="utf-8"><title>Trang chủ</title>',
                               '<title>Trang chủ</title><meta charset="utf-8">'
                               '<meta name="DC.Date.Issued" content="2023-05-12 08:30:15.803000">')
    repo = tmp_path / "portal-mirror"
    commit = _committed(repo, {PLAIN: PAGE.encode("utf-8"),
                               CACHED: _web2py_cache_entry(title_first.encode("utf-8"))})
    blobs = {path: _git(repo, "rev-parse", f"HEAD:{path}") for path in (PLAIN, CACHED)}

    def write(path: str = PLAIN, blob_id: str | None = None, extra: str = "") -> Path:
        return _listing(tmp_path / "pages.toml", commit, path, blob_id or blobs[path], extra)
    return repo, write, (commit, blobs[PLAIN]), title_first


def _committed(repo: Path, files: dict[str, bytes]) -> str:
    """The commit of a new repository at ``repo`` holding ``files`` (path -> bytes)."""
    for path, data in files.items():
        (repo / path).parent.mkdir(parents=True, exist_ok=True)
        (repo / path).write_bytes(data)
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "page")
    return _git(repo, "rev-parse", "HEAD")


def _listing(listing: Path, commit: str, path: str, blob: str, extra: str = "") -> Path:
    """A page list naming one page of someone/portal-mirror by ``commit``, ``path`` and ``blob``."""
    listing.write_text(TEMPLATE + f"""
[[page]]
id = "huyen-so-ket"
repo = "someone/portal-mirror"
commit = "{commit}"
path = "{path}"
blob = "{blob}"
url = "https://huyen.example.gov.vn/tin-tuc/so-ket.html"
site = "huyen.example.gov.vn"
template = "test-cms"
split = "dev"
{extra}""", encoding="utf-8")
    return listing


def _build(repo: Path, listing: Path, out: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(BUILD), str(out), "--list", str(listing),
                           "--clone", f"someone/portal-mirror={repo}"], capture_output=True, text=True, check=False)


def test_build_writes_the_page_and_gold_read_with_the_xpaths(listed, tmp_path):
    repo, write, (commit, blob), _ = listed
    out = tmp_path / "built"
    done = _build(repo, write(), out)
    assert done.returncode == 0, done.stderr
    gold = json.loads((out / "gold.json").read_text(encoding="utf-8"))
    assert [(g["title"], g["published"], g["paragraphs"], g["family"], g["split"]) for g in gold] == [
        ("Sơ kết công tác cải cách hành chính 6 tháng đầu năm 2023", "2023-05-12T08:30:00", PARAGRAPHS,
         "test-cms", "dev")]
    assert gold[0]["source"]["commit"] == commit and gold[0]["source"]["blob"] == blob
    assert (out / "huyen-so-ket.html").read_text(encoding="utf-8") == PAGE

    scored = subprocess.run([sys.executable, str(EVAL), "--real", str(out), "--json"], capture_output=True,
                            text=True, check=True)
    report = json.loads(scored.stdout)
    assert set(report["groups"]) == {"all", "split dev", "test-cms"}
    ours = report["groups"]["test-cms"]["ours"]
    assert (ours["pages"], ours["title_exact"], ours["date_exact"]) == (1, 1.0, 1.0)
    assert ours["body_f1"] == 1.0 and report["failing"] == []


def test_a_page_whose_blob_differs_from_the_listing_is_left_out(listed, tmp_path):
    repo, write, _, _ = listed
    done = _build(repo, write(blob_id="0" * 40), tmp_path / "built")
    assert done.returncode == 1
    assert "huyen-so-ket" in done.stderr and "not the listed" in done.stderr


def test_a_web2py_cache_entry_yields_its_pickled_page_read_in_its_declared_charset(listed, tmp_path):
    repo, write, _, title_first = listed
    out = tmp_path / "built"
    meta_date = "date = \"//meta[@name='DC.Date.Issued']/@content\"\n"
    done = _build(repo, write(CACHED, extra='container = "pickle"\n' + meta_date), out)
    assert done.returncode == 0, done.stderr
    assert (out / "huyen-so-ket.html").read_bytes() == title_first.encode("utf-8")
    gold = json.loads((out / "gold.json").read_text(encoding="utf-8"))
    assert [(g["title"], g["published"], g["paragraphs"], g["source"]["path"]) for g in gold] == [
        ("Sơ kết công tác cải cách hành chính 6 tháng đầu năm 2023", "2023-05-12T08:30:15", PARAGRAPHS,
         CACHED)]


def test_a_page_listed_as_pickled_that_is_no_pickle_is_left_out(listed, tmp_path):
    repo, write, _, _ = listed
    done = _build(repo, write(extra='container = "pickle"\n'), tmp_path / "built")
    assert done.returncode == 1 and "huyen-so-ket: not a pickle" in done.stderr


def test_eval_real_refuses_a_directory_without_gold(tmp_path):
    done = subprocess.run([sys.executable, str(EVAL), "--real", str(tmp_path)], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 1 and "no gold.json" in done.stderr


def test_a_page_listed_without_its_carriage_returns_is_checked_and_written_without_them(tmp_path):
    """A page copied from an index that hides carriage returns is listed by the blob id of its bytes without
    them: a clone holding the file at the listed commit is read, stripped and checked against that id."""
    repo = tmp_path / "portal-mirror"
    with_returns = PAGE.replace("\n", "\r\r\n").encode("utf-8")
    commit = _committed(repo, {PLAIN: with_returns})
    stripped = tmp_path / "stripped.html"
    stripped.write_bytes(PAGE.encode("utf-8"))
    listing = tmp_path / "pages.toml"
    stripped_blob = _git(repo, "hash-object", str(stripped))  # git's own id of the bytes without them

    out = tmp_path / "built"
    done = _build(repo, _listing(listing, commit, PLAIN, stripped_blob, 'line_ends = "stripped"\n'), out)
    assert done.returncode == 0, done.stderr
    assert (out / "huyen-so-ket.html").read_bytes() == stripped.read_bytes()
    assert json.loads((out / "gold.json").read_text(encoding="utf-8"))[0]["paragraphs"] == PARAGRAPHS

    as_stored = _git(repo, "rev-parse", f"HEAD:{PLAIN}")  # the id of the file with them: not what is listed
    done = _build(repo, _listing(listing, commit, PLAIN, as_stored, 'line_ends = "stripped"\n'), tmp_path / "again")
    assert done.returncode == 1 and "without carriage returns is not blob" in done.stderr


def test_a_page_listed_without_its_private_use_characters_is_checked_and_written_without_them(tmp_path):
    """An index that hides carriage returns may hide icon-font glyphs too: such a page is listed by the
    blob id of its bytes without either, and a clone's file is checked and written without both."""
    repo = tmp_path / "portal-mirror"
    icons = "<style>blockquote:before{content:\"\ue900\";font-family:icons}</style>"
    shown = PAGE.replace("<title>", "<style>blockquote:before{content:\"\";font-family:icons}</style><title>")
    commit = _committed(repo, {PLAIN: PAGE.replace("<title>", icons + "<title>").replace("\n", "\r\n").encode("utf-8")})
    copy = tmp_path / "shown.html"
    copy.write_bytes(shown.encode("utf-8"))
    listing = tmp_path / "pages.toml"
    shown_blob = _git(repo, "hash-object", str(copy))

    out = tmp_path / "built"
    done = _build(repo, _listing(listing, commit, PLAIN, shown_blob,
                                 'line_ends = "stripped"\nprivate_use = "stripped"\n'), out)
    assert done.returncode == 0, done.stderr
    assert (out / "huyen-so-ket.html").read_bytes() == copy.read_bytes()

    done = _build(repo, _listing(listing, commit, PLAIN, shown_blob, 'line_ends = "stripped"\n'), tmp_path / "again")
    assert done.returncode == 1 and "without carriage returns is not blob" in done.stderr


# -- the portal tagging dev set (bench/realpages/tags.py) ---------------------------------------------------
_TAGS_SPEC = importlib.util.spec_from_file_location("realpages_tags", ROOT / "bench" / "realpages" / "tags.py")
tags = importlib.util.module_from_spec(_TAGS_SPEC)
_TAGS_SPEC.loader.exec_module(tags)


def test_the_portal_tagging_gold_is_put_back_from_the_built_pages():
    text = "Có 30 đại biểu dự."
    count = {"text": "30 đại biểu", "start": 3, "end": 14}
    row = {"id": "rp-x-000", "page": "x", "paragraph": 1, "text_sha256": hashlib.sha256(text.encode()).hexdigest(),
           "ref_date": "2015-05-26", "dates": [], "officials": [], "directives": [], "statistics": [count]}
    (passage,) = tags.rebuild([row], {"x": ["Tiêu đề", f" {text} "]})
    assert passage == {"id": "rp-x-000", "text": text, "ref_date": "2015-05-26", "dates": [], "officials": [],
                       "directives": [], "statistics": [count]}
    with pytest.raises(tags.BuildError):  # another paragraph
        tags.rebuild([{**row, "paragraph": 0}], {"x": ["Tiêu đề", text]})
    with pytest.raises(tags.BuildError):  # a page not built
        tags.rebuild([row], {})


def test_the_committed_portal_tagging_gold_holds_hashes_not_texts():
    rows = [json.loads(line) for line in tags.GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) == 139 and all("text" not in row and len(row["text_sha256"]) == 64 for row in rows)
    assert len({(row["page"], row["paragraph"]) for row in rows}) == len({row["id"] for row in rows}) == len(rows)
