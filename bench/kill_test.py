"""Kill test: SIGKILL `vnportal nightly` at seeded points, run it again, and check the index.

For each point: a fresh index, `vnportal nightly` against the sample portal, a SIGKILL of its
whole process group (the CLI, the Scrapy crawl process, any worker: what systemd, `timeout` or an
operator's `kill -9 -PGID` does) or of the CLI alone (`kill -9 PID`, the OOM killer), then checks
of what the kill left, then `vnportal nightly` again to completion, and a comparison of the final
index with that of an uninterrupted run.

The sample portal is served from this process, with a request log, so that the checks know which
article pages were asked for before the kill.

Usage: python bench/kill_test.py [--points N] [--seed S] [--delay SECONDS] [--keep DIR]
"""
from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

ROOT = Path(__file__).resolve().parent.parent
for path in (ROOT, ROOT / "tests"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from data.sample_server import SAMPLE_SITE, TEMPLATED, content_type  # noqa: E402 (path set above)
from httpserver import PortalServer  # noqa: E402

POLL = 0.01  # seconds between two looks at the index while a run goes


# -- the sample portal, served here with a request log -----------------------------------------
@contextmanager
def logged_sample_portal() -> Iterator[PortalServer]:
    """The bundled sample portal on 127.0.0.1 (free port), every request logged."""
    server = PortalServer()
    server.httpd.handle_error = lambda request, address: None  # a killed client resets its connections
    for path in sorted(SAMPLE_SITE.rglob("*")):
        if not path.is_file():
            continue
        body = path.read_bytes()
        if path.suffix in TEMPLATED:
            body = body.replace(b"{{BASE}}", server.base.encode())
        rel = "/" + path.relative_to(SAMPLE_SITE).as_posix()
        server.route(rel, body, headers={"Content-Type": content_type(path)})
        if path.name == "index.html":
            server.route(rel[: -len("index.html")], body, headers={"Content-Type": content_type(path)})
    try:
        yield server
    finally:
        server.close()


# -- running the nightly job -------------------------------------------------------------------
@dataclass
class Job:
    """How to start `vnportal nightly`: against ``base`` (served here), or with --sample on ``port``."""
    db: Path
    base: str | None = None
    port: int | None = None
    delay: float = 0.0
    home: Path | None = None

    @property
    def base_url(self) -> str:
        return self.base or f"http://127.0.0.1:{self.port}"

    def command(self) -> list[str]:
        source = ["--sample-url", self.base] if self.base else ["--sample", "--sample-port", str(self.port)]
        return [sys.executable, "-m", "pipeline", "nightly", *source, "--delay", str(self.delay), "--db", str(self.db)]

    def start(self, log: Path) -> subprocess.Popen:
        """Start the job in its own process group (its crawl process joins that group)."""
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
        if self.home:
            env["HOME"] = str(self.home)  # no user config file
        with open(log, "ab") as out:
            return subprocess.Popen(self.command(), cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                                    stdin=subprocess.DEVNULL, start_new_session=True)

    def run(self, log: Path, timeout: float = 300) -> int:
        """Run the job to its end; return its exit code."""
        process = self.start(log)
        try:
            return process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            raise


def group_members(pgid: int) -> list[int]:
    """Live processes of process group ``pgid`` (Linux /proc). A killed process counts until
    every one of its threads is a zombie (its files, the lock among them, are closed by then):
    the main thread of a killed multi-threaded process may be a zombie before the others."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            tasks = list((entry / "task").iterdir())
        except OSError:
            continue  # gone meanwhile
        if int(fields[2]) == pgid and any(_task_state(task) not in ("Z", "X") for task in tasks):
            members.append(int(entry.name))
    return members


def _task_state(task: Path) -> str:
    """The state letter of one thread ("R", "S", "Z" ...), "X" when it ended while being read: a thread
    gone meanwhile says nothing of the others, which may still hold the process's files."""
    try:
        return (task / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "X"


def wait_group_gone(pgid: int, timeout: float) -> bool:
    """Wait until no process of group ``pgid`` is left; False if some still are after ``timeout``."""
    end = time.monotonic() + timeout
    while group_members(pgid):
        if time.monotonic() > end:
            return False
        time.sleep(0.05)
    return True


# -- looking at the index ------------------------------------------------------------------------
@dataclass
class Snapshot:
    """Counts read from the index while (or after) a run goes."""
    runs: int = 0
    running: int = 0
    raw: int = 0
    pending: int = 0
    articles: int = 0
    to_fetch: int = 0  # article URLs seen, not fetched yet

    @property
    def phase(self) -> str:
        if self.runs == 0:
            return "startup"
        if self.running:
            return "crawl"
        if self.pending and not self.articles:
            return "crawled"
        if self.pending:
            return "processing"
        return "done"

    def describe(self) -> str:
        return (f"runs {self.runs - self.running}/{self.runs} closed, raw {self.raw} ({self.pending} pending), "
                f"articles {self.articles}, to fetch {self.to_fetch}")


def connect(db: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)


def snapshot(db: Path) -> Snapshot:
    """The index's counts now (zeros while it does not exist yet)."""
    if not db.exists():
        return Snapshot()
    try:
        with closing(connect(db)) as conn:
            one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
            return Snapshot(runs=one("select count(*) from crawl_runs"),
                            running=one("select count(*) from crawl_runs where status = 'running'"),
                            raw=one("select count(*) from raw_pages"),
                            pending=one("select count(*) from raw_pages where process_status = 'pending'"),
                            articles=one("select count(*) from articles"),
                            to_fetch=one("select count(*) from url_state where kind = 'article' "
                                         "and status = 'new' and last_fetched is null"))
    except sqlite3.OperationalError:  # tables not created yet
        return Snapshot()


def check_after_kill(db: Path, requested: set[str]) -> list[str]:
    """What a kill must never leave: a held run lock, a corrupt file, a duplicated article, a page
    fetched but neither indexed nor queued, a page indexed without its article."""
    from crawler.lock import LockBusy, run_lock

    problems = []
    try:
        with run_lock(db):
            pass
    except LockBusy as exc:
        problems.append(f"the run lock is still held: {exc}")
    if not db.exists():
        return problems
    with closing(sqlite3.connect(db)) as conn:  # read-write: SQLite rolls back what the kill left half-done
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if integrity != "ok":
            return problems + [f"integrity_check: {integrity}"]
        tables = {name for (name,) in conn.execute("select name from sqlite_master where type = 'table'")}
        if "articles" not in tables or "url_state" not in tables:
            return problems
        problems += [f"article {url} indexed {n} times" for url, n in conn.execute(
            "select url, count(*) from articles group by url having count(*) > 1")]
        problems += [f"{url} fetched (url_state) but no raw page kept" for (url,) in conn.execute(
            "select url from url_state u where kind = 'article' and status = 'ok' and last_fetched is not null "
            "and not exists (select 1 from raw_pages r where r.url = u.url)")]
        problems += [f"raw page {page} of {url} marked indexed without its article" for page, url in conn.execute(
            "select id, url from raw_pages r where process_status = 'indexed' "
            "and not exists (select 1 from articles a where a.url = r.url)")]
        settled = {url for (url,) in conn.execute(
            "select url from articles union select url from raw_pages where process_status in ('pending', 'rejected') "
            "union select url from url_state where kind = 'article' and last_fetched is null "
            "and status in ('new', 'failed')")}
        problems += [f"{url} was requested before the kill but is neither indexed nor queued"
                     for url in sorted(requested - settled)]
    return problems


def check_after_resume(db: Path, killed_runs: bool) -> list[str]:
    """After the run that follows a kill: nothing left pending or running, the killed run's rows
    marked aborted, the full-text index consistent."""
    problems = []
    with closing(sqlite3.connect(db)) as conn:
        if (integrity := conn.execute("PRAGMA integrity_check").fetchone()[0]) != "ok":
            problems.append(f"integrity_check: {integrity}")
        for table in ("articles_fts", "articles_fts_exact"):
            try:
                conn.execute(f"INSERT INTO {table}({table}) VALUES('integrity-check')")
            except sqlite3.DatabaseError as exc:
                problems.append(f"{table}: {exc}")
        statuses = dict(conn.execute("select status, count(*) from crawl_runs group by status"))
        if statuses.get("running"):
            problems.append(f"{statuses['running']} crawl_runs row(s) still 'running'")
        if killed_runs and not statuses.get("aborted"):
            problems.append("the killed run's crawl_runs rows are not marked 'aborted'")
        pending = conn.execute("select count(*) from raw_pages where process_status = 'pending'").fetchone()[0]
        if pending:
            problems.append(f"{pending} raw page(s) still pending")
    return problems


def index_digest(db: Path, base: str) -> dict[str, list[tuple]]:
    """The index's content without ids and times: articles and every tag export, people and
    their positions, cited documents, revisions, raw pages and URL states; the portal's address
    ``base`` written {{BASE}}."""
    from data import Index

    def row_of(values) -> tuple:
        return tuple(v.replace(base, "{{BASE}}") if isinstance(v, str) else v for v in values)

    index = Index(db)
    try:
        digest = {}
        for table in ("articles", "officials", "directives", "statistics", "dates"):
            digest[table] = sorted(
                tuple((k, row_of([v])[0]) for k, v in row.items()
                      if k not in ("id", "article_id", "person_id", "first_seen", "last_seen"))
                for row in index.export_rows(table))
        queries = {
            "people": "select key, name, name_folded, first_seen, last_seen, article_count from people",
            "positions": "select p.key, t.title, t.organization, t.first_seen, t.last_seen, t.article_count "
                         "from person_positions t join people p on p.id = t.person_id",
            "directive_table": "select key, key_folded, doc_type, type_code, number, issuer_code, year, date, "
                               "issuer, title, first_cited, last_cited, article_count from directives",
            "revisions": "select a.url, r.revision, r.text_hash from revisions r join articles a on a.id = r.article_id",
            "raw_pages": "select url, http_status, process_status, reason from raw_pages",  # a page twice: fetched twice
            "url_state": "select url, site, kind, status, http_status, text_hash, failures, reason from url_state",
        }
        for name, sql in queries.items():
            digest[name] = sorted(row_of(row) for row in index.db.execute(sql).fetchall())
        return digest
    finally:
        index.close()


def differences(reference: dict[str, list[tuple]], got: dict[str, list[tuple]]) -> list[str]:
    """One line per table whose content differs, with a first differing row."""
    out = []
    for table, rows in reference.items():
        if got[table] != rows:
            missing, extra = set(rows) - set(got[table]), set(got[table]) - set(rows)
            shown = (f"; e.g. missing {str(sorted(missing)[0])[:400]}" if missing else "") + \
                (f"; e.g. extra {str(sorted(extra)[0])[:400]}" if extra else "") or "; same rows, other multiplicity"
            out.append(f"{table}: {len(rows)} rows expected, {len(got[table])} found, "
                       f"{len(missing)} missing, {len(extra)} extra{shown}")
    return out


# -- kill points ---------------------------------------------------------------------------------
@dataclass
class KillPoint:
    """When to kill: after ``delay`` seconds, or as soon as ``when`` holds of the index's counts;
    ``group``: the whole process group, else the CLI process alone."""
    label: str
    delay: float | None = None
    when: Callable[[Snapshot], bool] | None = None
    group: bool = True
    again: float | None = None  # kill the following run too, after this many seconds


@dataclass
class Outcome:
    point: KillPoint
    killed_at: float | None = None  # seconds after the start; None: the run ended first
    before: Snapshot = field(default_factory=Snapshot)
    after: Snapshot = field(default_factory=Snapshot)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def line(self) -> str:
        when = f"killed at {self.killed_at:5.2f} s" if self.killed_at is not None else "ran to its end   "
        how = ("group" if self.point.group else "CLI only") + (" x2" if self.point.again is not None else "")
        found = f"phase {self.before.phase:<10} found: {self.after.describe()}"
        verdict = "PASS" if self.ok else "FAIL: " + "; ".join(self.problems[:3])
        return f"{self.point.label:<6} {how:<11} {when}  {found}  {verdict}"


def kill_run(job: Job, point: KillPoint, log: Path, server: PortalServer | None,
             delay: float | None = None) -> tuple[float | None, Snapshot, set[str]]:
    """Start ``job``, kill it at ``point`` (or after ``delay``); return (kill time, last counts
    seen before the kill, article URLs requested before the kill)."""
    if server is not None:
        server.clear_log()
    process = job.start(log)
    started = time.monotonic()
    seen = Snapshot()
    delay = point.delay if delay is None else delay
    while process.poll() is None:
        seen = snapshot(job.db)
        elapsed = time.monotonic() - started
        if (delay is not None and elapsed >= delay) or (point.when is not None and point.when(seen)):
            requested = {server.url(path) for path in server.paths()} if server is not None else set()
            if point.group:
                os.killpg(process.pid, signal.SIGKILL)
            else:
                os.kill(process.pid, signal.SIGKILL)
            process.wait()
            if not wait_group_gone(process.pid, timeout=60):  # the crawl process must stop on its own
                os.killpg(process.pid, signal.SIGKILL)
                raise RuntimeError("the crawl process outlived its killed parent by 60 s")
            return elapsed, seen, requested
        time.sleep(POLL)
    return None, seen, set()


def run_point(point: KillPoint, job: Job, reference: dict[str, list[tuple]], server: PortalServer | None,
              logs: Path) -> Outcome:
    """Kill a fresh run at ``point``, check, run again to completion, compare with ``reference``."""
    outcome = Outcome(point)
    log = logs / f"{point.label}.log"
    try:
        outcome.killed_at, outcome.before, requested = kill_run(job, point, log, server)
    except RuntimeError as exc:
        outcome.problems.append(str(exc))
        return outcome
    outcome.after = snapshot(job.db)
    articles = {url.replace("{{BASE}}", job.base_url) for url, _site, kind, *_ in reference["url_state"]
                if kind == "article"}
    if outcome.killed_at is not None:
        outcome.problems += check_after_kill(job.db, requested & articles)
        if point.again is not None:  # the run after the kill is killed too
            _, _, requested = kill_run(job, point, log, server, delay=point.again)
            outcome.problems += [f"second kill: {p}" for p in check_after_kill(job.db, requested & articles)]
        code = job.run(log)
        if code != 0:
            outcome.problems.append(f"the run after the kill exited with {code} (see {log})")
            return outcome
    outcome.problems += check_after_resume(job.db, killed_runs=outcome.after.running > 0)
    outcome.problems += differences(reference, index_digest(job.db, job.base_url))
    return outcome


def reference_run(job: Job, logs: Path) -> tuple[dict[str, list[tuple]], float]:
    """An uninterrupted run: its index digest and how long it took."""
    started = time.monotonic()
    code = job.run(logs / "reference.log")
    took = time.monotonic() - started
    if code != 0:
        raise RuntimeError(f"the uninterrupted run exited with {code}: {(logs / 'reference.log').read_text()[-2000:]}")
    return index_digest(job.db, job.base_url), took


def seeded_points(count: int, seed: int, span: float) -> list[KillPoint]:
    """``count`` kill points spread over a run of ``span`` seconds: stratified seeded delays
    (one in each slice of the run), one in four killing the CLI alone, one in five killing the
    next run too (x2)."""
    rng = random.Random(seed)
    points = []
    for number in range(count):
        delay = 0.95 * span * (number + rng.random()) / count  # a run may go a little faster than the reference
        again = span * rng.random() if rng.random() < 0.2 else None
        points.append(KillPoint(f"t{number + 1:02d}", delay=round(delay, 3), group=rng.random() >= 0.25,
                                again=round(again, 3) if again is not None else None))
    return points


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--points", type=int, default=20, help="Kill points (default 20).")
    parser.add_argument("--seed", type=int, default=20240621, help="Seed of the kill delays.")
    parser.add_argument("--delay", type=float, default=0.02, help="Crawl delay between requests (s).")
    parser.add_argument("--keep", type=Path, help="Keep indexes and logs in this directory.")
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="kill-test-"))
    work.mkdir(parents=True, exist_ok=True)
    with logged_sample_portal() as server:
        job = Job(db=work / "reference.db", base=server.base, delay=args.delay, home=work)
        reference, took = reference_run(job, work)
        print(f"uninterrupted run: {took:.2f} s, {len(reference['articles'])} articles, "
              f"{sum(len(reference[t]) for t in ('officials', 'directives', 'statistics', 'dates'))} tag rows")
        results = []
        for point in seeded_points(args.points, args.seed, took):
            job = Job(db=work / f"{point.label}.db", base=server.base, delay=args.delay, home=work)
            result = run_point(point, job, reference, server, work)
            results.append(result)
            print(result.line(), flush=True)
    failed = sum(not r.ok for r in results)
    print(f"{len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
