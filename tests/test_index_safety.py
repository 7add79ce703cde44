"""Guarding the index: nothing a user types or a second process does destroys it or locks it up.

Real files and real processes: the CLI runs as a subprocess wherever the operating system's part
(file permissions, file-size limits, a second writer) is what is being tested.
"""
from __future__ import annotations

import csv
import hashlib
import io
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner

from crawler.lock import run_lock
from data import Index
from data.database import IndexUnusable, open_database
from data.export import FORMULA_STARTS, spreadsheet_safe
from data.schema import MIGRATIONS
from data_corpus import fill, html_page, sample
from pipeline import cli

ROOT = Path(__file__).resolve().parent.parent
READ_COMMANDS = [["search", "tuyen giao"], ["officials"], ["directives"], ["stats"], ["export", "articles"],
                 ["serve", "--get", "/index/articles.json?_size=1"]]


def vnportal(*args: str, **kwargs) -> subprocess.CompletedProcess:
    """The real command in its own process (as a user or cron runs it)."""
    return subprocess.run([sys.executable, "-c", "import pipeline; pipeline.main()", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=300, **kwargs)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def integrity(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


@pytest.fixture
def index_path(tmp_path) -> Path:
    path = tmp_path / "index.db"
    index = Index(path)
    fill(index)
    index.close()
    return path


def one_error_line(result, code: int = 2) -> str:
    assert result.exit_code == code, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    return lines[0]


# -- 1. an output path that is the index -------------------------------------------------------
@pytest.mark.parametrize("spelling", ["{db}", "{db}-wal", "{db}-shm", "{db}.lock", "{dir}/link", "{dir}/./index.db"])
def test_export_never_writes_over_the_index_or_its_files(index_path, spelling):
    (index_path.parent / "link").symlink_to(index_path)
    out = spelling.format(db=index_path, dir=index_path.parent)
    before = digest(index_path)
    result = CliRunner().invoke(cli, ["export", "articles", "--out", out, "--db", str(index_path)],
                                catch_exceptions=False)
    assert "is the index or one of its files" in one_error_line(result)
    assert digest(index_path) == before and integrity(index_path) == "ok"


def test_a_failed_export_leaves_the_earlier_file_as_it_was(index_path, tmp_path):
    out = tmp_path / "articles.csv"
    out.write_text("an earlier export\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["export", "articles", "--query", '"unclosed', "--out", str(out),
                                      "--db", str(index_path)])
    assert result.exit_code == 2
    assert out.read_text(encoding="utf-8") == "an earlier export\n"
    result = CliRunner().invoke(cli, ["export", "articles", "--out", str(out), "--db", str(index_path)])
    assert result.exit_code == 0 and out.read_text(encoding="utf-8").startswith("id,url,site,title")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


# -- 2. writers that collide -------------------------------------------------------------------
def test_write_transactions_take_the_write_lock_up_front(index_path):
    """Two writers that read before they write: the second waits for the first and both commit
    (with a deferred BEGIN the first would fail with "database is locked" on its stale snapshot)."""
    second = Index(index_path)
    read_done = threading.Event()
    errors = []

    def slow_writer():
        first = Index(index_path)
        try:
            with first.transaction():
                first.db.execute("SELECT count(*) FROM articles").fetchone()
                read_done.set()
                threading.Event().wait(0.5)  # the other writer tries meanwhile
                first.db.execute("UPDATE articles SET author = 'first' WHERE id = 1")
        except Exception as exc:  # noqa: BLE001 (reported below)
            errors.append(exc)
            read_done.set()
        first.close()

    thread = threading.Thread(target=slow_writer)
    thread.start()
    read_done.wait(30)
    with second.transaction():
        second.db.execute("SELECT count(*) FROM articles").fetchone()
        second.db.execute("UPDATE articles SET author = 'second' WHERE id = 2")
    thread.join(60)
    assert errors == []
    assert [row[0] for row in second.db.execute("SELECT author FROM articles WHERE id IN (1, 2) ORDER BY id")] == [
        "first", "second"]
    second.close()


def test_a_commit_survives_the_writer_being_killed(index_path):
    """Writers sync the WAL at checkpoints, not at each commit (synchronous=NORMAL): a process killed
    right after a commit, before any checkpoint or close, has still committed."""
    writer = Index(index_path)
    assert writer.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert writer.db.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
    writer.close()
    script = ("import os, signal, sys\n"
              "from data import Index\n"
              "index = Index(sys.argv[1])\n"
              "with index.transaction():\n"
              "    index.db.execute(\"UPDATE articles SET author = 'killed writer' WHERE id = 1\")\n"
              "os.kill(os.getpid(), signal.SIGKILL)\n")
    done = subprocess.run([sys.executable, "-c", script, str(index_path)], cwd=ROOT, check=False)
    assert done.returncode == -signal.SIGKILL
    reader = Index(index_path, read_only=True)
    assert reader.db.execute("SELECT author FROM articles WHERE id = 1").fetchone()[0] == "killed writer"
    reader.close()


def test_a_second_writer_waits_for_the_run_lock_and_says_so(index_path):
    with run_lock(index_path):  # a run holds the index (a real flock, as another process would)
        process = subprocess.Popen([sys.executable, "-c", "import pipeline; pipeline.main()", "reprocess",
                                    "--db", str(index_path)], cwd=ROOT, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True)
        first_line = process.stderr.readline()
        assert "holds" in first_line and "waiting for it to finish" in first_line
        assert process.poll() is None  # still waiting
    out, err = process.communicate(timeout=300)
    assert process.returncode == 0, err
    assert out.startswith("requeued 6 raw page(s)")
    assert integrity(index_path) == "ok"


def test_two_writers_started_together_both_finish(index_path, tmp_path):
    page = tmp_path / "page.html"
    _, article, _ = sample(1)
    page.write_bytes(html_page("Một bài mới về công tác tuyên giáo", "2024-05-02", article.text.split("\n\n")))
    commands = [["reprocess", "--db", str(index_path)], ["reprocess", "--db", str(index_path)],
                ["ingest", str(page), "--site", "test", "--db", str(index_path)]]
    processes = [subprocess.Popen([sys.executable, "-c", "import pipeline; pipeline.main()", *args], cwd=ROOT,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for args in commands]
    results = [(p.wait(300), *p.communicate()) for p in processes]
    assert [code for code, _, _ in results] == [0, 0, 0], results
    assert not any("Traceback" in err or "locked" in err for _, _, err in results)
    assert integrity(index_path) == "ok"
    with sqlite3.connect(index_path) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 7


@pytest.mark.network_local
def test_crawl_refuses_at_once_while_a_run_holds_the_lock(index_path):
    with run_lock(index_path):
        result = vnportal("nightly", "--sample", "--sample-port", "0", "--db", str(index_path))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines()[-1].startswith("Error: another vnportal run")
    assert "Traceback" not in result.stderr


# -- 5. spreadsheet formulas -----------------------------------------------------------------
def test_spreadsheet_safe_defuses_every_formula_start_and_nothing_else():
    for start in FORMULA_STARTS:
        assert spreadsheet_safe(f"{start}SUM(A1:A9)") == f"'{start}SUM(A1:A9)"
    for value in ("Đảng ủy", "12,5%", "", " =x", "a=b", 12, 1.5, None):
        assert spreadsheet_safe(value) == value


def test_excel_export_of_a_crawled_formula_title(tmp_path):
    page = tmp_path / "page.html"
    _, article, _ = sample(1)
    title = '=HYPERLINK("http://example.com/x","Bấm vào đây")'
    page.write_bytes(html_page(title, "2024-05-02", article.text.split("\n\n")))
    db = tmp_path / "index.db"
    result = CliRunner().invoke(cli, ["ingest", str(page), "--site", "test", "--db", str(db)])
    assert result.exit_code == 0, result.output
    for args, expected in ((["--excel"], "'" + title), ([], title)):
        out = tmp_path / "out.csv"
        result = CliRunner().invoke(cli, ["export", "articles", *args, "--out", str(out), "--db", str(db)])
        assert result.exit_code == 0, result.output
        rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
        assert [row["title"] for row in rows] == [expected]


# -- 6. a database that is not ours ------------------------------------------------------------
def _other_app(path: Path, with_migrations_table: bool) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("INSERT INTO customers (name) VALUES ('Nguyễn Văn A')")
        if with_migrations_table:
            conn.execute("CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
            conn.execute("INSERT INTO _migrations VALUES ('0001_initial', '2020-01-01')")


@pytest.mark.parametrize("kind, expected", [
    ("text", "is not an SQLite database"),
    ("empty", "is an empty file"),
    ("other-app", "another application's SQLite database"),
    ("other-app-with-migrations", "another application's SQLite database"),
])
@pytest.mark.parametrize("command", [["crawl", "--sample-url", "http://127.0.0.1:9"], ["ingest", "{page}"],
                                     ["reprocess"], ["upgrade"], *READ_COMMANDS])
def test_a_file_that_is_not_an_index_is_refused_and_left_untouched(tmp_path, kind, expected, command):
    path = tmp_path / "some.db"
    if kind == "text":
        path.write_text("name,phone\nA,0123\n", encoding="utf-8")
    elif kind == "empty":
        path.touch()
    else:
        _other_app(path, with_migrations_table=kind.endswith("migrations"))
    page = tmp_path / "page.html"
    page.write_bytes(html_page("Tiêu đề", "2024-05-02", sample(1)[1].text.split("\n\n")))
    before = digest(path)
    args = [arg.format(page=page) for arg in command]
    result = CliRunner().invoke(cli, [*args, "--db", str(path)], catch_exceptions=False)
    assert expected in one_error_line(result)
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.html", "some.db"]  # no -wal, -shm or .lock


def test_a_missing_folder_is_one_line(tmp_path):
    for args in (["crawl", "--sample-url", "http://127.0.0.1:9"], ["stats"], ["upgrade"]):
        result = CliRunner().invoke(cli, [*args, "--db", str(tmp_path / "no" / "such" / "x.db")])
        assert "does not exist" in one_error_line(result) or "no index at" in one_error_line(result)
    assert not (tmp_path / "no").exists()


def on_read_only_storage(index_path: Path, *args: str) -> subprocess.CompletedProcess:
    """Run the command on a copy of the index in a folder mounted read-only (in a mount namespace of
    the command's own, as root) or, for another user, a folder and file without write bits."""
    folder = Path(tempfile.mkdtemp(prefix="vnportal-ro-"))
    copy = folder / "index.db"
    shutil.copy(index_path, copy)
    command = [sys.executable, "-c", "import pipeline; pipeline.main()", *args, "--db", str(copy)]
    try:
        if os.geteuid() == 0:
            if not shutil.which("unshare"):
                pytest.skip("read-only storage for root needs unshare (util-linux)")
            mount = 'mount --bind "$0" "$0" && mount -o remount,ro,bind "$0" "$0" && exec "$@"'
            result = subprocess.run(["unshare", "-m", "sh", "-c", mount, str(folder), *command], cwd=ROOT,
                                    capture_output=True, text=True, timeout=300)
            if result.returncode and ("unshare:" in result.stderr or "mount:" in result.stderr):
                pytest.skip(f"cannot mount a read-only folder here: {result.stderr.strip()}")
        else:
            os.chmod(copy, 0o444)
            os.chmod(folder, 0o555)
            result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
        assert sorted(p.name for p in folder.iterdir()) == ["index.db"]  # no -wal, -shm or .lock made
        return result
    finally:
        os.chmod(folder, 0o755)
        shutil.rmtree(folder)


@pytest.mark.parametrize("command", READ_COMMANDS)
def test_an_index_on_read_only_storage_can_be_read(index_path, command):
    result = on_read_only_storage(index_path, *command)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()


def test_writing_to_read_only_storage_is_one_line(index_path):
    result = on_read_only_storage(index_path, "reprocess")
    assert result.returncode == 2, result.stderr
    line, = result.stderr.strip().splitlines()
    assert line.startswith("Error: ") and "is read-only: commands that read" in line and line.endswith(
        "work, this one writes")


def test_a_full_disk_is_one_line_and_the_index_stays_whole(index_path, tmp_path):
    """A file-size limit (the kernel refuses to grow any file past it) stands in for a full disk."""
    pages = tmp_path / "pages"
    pages.mkdir()
    _, article, _ = sample(1)
    for n in range(40):
        paragraphs = [f"Bài số {n}: " + p for p in article.text.split("\n\n")] * 20
        (pages / f"{n}.html").write_bytes(html_page(f"Bài viết số {n} về công tác tuyên giáo", "2024-05-02",
                                                    paragraphs))
    with sqlite3.connect(index_path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = digest(index_path)
    limit = index_path.stat().st_size + 64 * 1024

    def small_disk():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    result = vnportal("ingest", str(pages), "--site", "test", "--db", str(index_path), preexec_fn=small_disk)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "full or failing" in lines[0], result.stderr
    assert integrity(index_path) == "ok"
    with sqlite3.connect(index_path) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] >= 6
    assert before  # the index was whole before; integrity_check says it still is


def test_an_older_index_is_read_only_until_upgraded(tmp_path):
    path = tmp_path / "old.db"
    db = sqlite_utils.Database(path)  # an index made by the version before the last migration
    db["_migrations"].create({"name": str, "applied_at": str}, pk="name")
    for migration in MIGRATIONS[:-1]:
        with db.conn:  # committed, as migrate() commits each step
            migration(db)
            db["_migrations"].insert({"name": migration.__name__, "applied_at": "2025-01-01"})
    db.close()
    before = digest(path)
    result = CliRunner().invoke(cli, ["search", "tuyen", "--db", str(path)])
    assert "older vnportal" in one_error_line(result) and "vnportal upgrade" in result.output
    assert digest(path) == before
    with pytest.raises(IndexUnusable):
        Index(path, read_only=True)
    result = CliRunner().invoke(cli, ["upgrade", "--db", str(path)])
    assert result.exit_code == 0, result.output
    assert CliRunner().invoke(cli, ["stats", "--db", str(path)]).exit_code == 0


def test_an_index_from_a_newer_version_is_not_written(index_path):
    with sqlite3.connect(index_path) as conn:
        conn.execute("INSERT INTO _migrations VALUES ('m999_future', '2030-01-01')")
    with pytest.raises(IndexUnusable, match="newer vnportal"):
        open_database(index_path, write=True)
    assert CliRunner().invoke(cli, ["stats", "--db", str(index_path)]).exit_code == 0


# -- 7. text that is not valid, or not typed the way it is stored --------------------------------
@pytest.mark.parametrize("args", [["officials", "--name", "\udcff"], ["officials", "--site", "a\udcffb"],
                                  ["directives", "--key", "05-CT/\udcc4"], ["search", "\udcff"],
                                  ["export", "articles", "--query", "\udcff"], ["search", "x", "--site", "\ud800"]])
def test_invalid_utf8_arguments_are_one_error_line(index_path, args):
    result = CliRunner().invoke(cli, [*args, "--db", str(index_path)])
    assert result.exit_code == 2 and result.exception is None or isinstance(result.exception, SystemExit)
    assert "is not valid UTF-8 text" in result.output.strip().splitlines()[-1]
    assert "Traceback" not in result.output


@pytest.mark.parametrize("query", ["TITLE:tuyên", "Title:tuyên", "ｔｕｙｅｎ　ｇｉａｏ", "tuy\u200ben gi\u200dao",
                                   "\ufefftuyen giao"])
def test_queries_typed_differently_find_the_same_articles(index_path, query):
    plain = CliRunner().invoke(cli, ["search", "tuyên giáo" if "gi" in query or "ｇ" in query else "title:tuyên",
                                     "--format", "csv", "--db", str(index_path)])
    typed = CliRunner().invoke(cli, ["search", query, "--format", "csv", "--db", str(index_path)])
    assert typed.exit_code == 0, typed.output
    assert typed.stdout == plain.stdout and typed.stdout.count("\n") > 1


def test_a_query_may_start_with_a_dash(index_path):
    result = CliRunner().invoke(cli, ["search", "-2021", "--format", "csv", "--db", str(index_path)])
    assert result.exit_code == 0, result.output
    assert result.stdout.count("\n") > 1


# -- 3. a stored page bigger than the cap (kept by a version before it) ------------------------
def test_a_stored_page_over_the_cap_is_rejected_without_unpacking_it_whole(tmp_path):
    from data import FetchedPage
    from extract import MAX_PAGE_BYTES
    from crawler.process import process_pending

    index = Index(tmp_path / "index.db")
    body = b"<html><body><p>" + "Đảng bộ tỉnh ".encode() * (MAX_PAGE_BYTES // 10) + b"</p></body></html>"
    index.store_page(FetchedPage(url="http://portal.example.vn/big.html", site="test", body=body,
                                 fetched_at="2024-06-21T07:00:00+00:00"))
    assert len(index.raw_page(1).body) == MAX_PAGE_BYTES + 1
    assert process_pending(index) == {"rejected": 1}
    reason = index.db.execute("SELECT reason FROM raw_pages").fetchone()[0]
    assert "too large" in reason
    index.close()


def test_an_export_gets_the_permissions_a_new_file_would(index_path, tmp_path):
    umask = os.umask(0)
    os.umask(umask)
    fresh = tmp_path / "fresh.csv"
    assert CliRunner().invoke(cli, ["export", "articles", "--out", str(fresh), "--db", str(index_path)]).exit_code == 0
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask
    kept = tmp_path / "kept.csv"
    kept.write_text("old\n", encoding="utf-8")
    kept.chmod(0o640)
    assert CliRunner().invoke(cli, ["export", "articles", "--out", str(kept), "--db", str(index_path)]).exit_code == 0
    assert kept.stat().st_mode & 0o777 == 0o640 and kept.read_text(encoding="utf-8").startswith("id,")
