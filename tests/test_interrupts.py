"""Interrupts: Ctrl-C (SIGINT to the whole process group, as a terminal sends it) or SIGTERM to a
`vnportal nightly` mid-crawl stops it with the partial report, exit 130/143, its crawl_runs rows
'interrupted', the lock released; the next run ends with the index an uninterrupted run makes.
Real processes and signals over 127.0.0.1 (bench/kill_test.py serves the sample portal)."""
from __future__ import annotations

import os
import signal
import sqlite3
import time
from contextlib import closing

import pytest

from bench.kill_test import (Job, check_after_resume, differences, index_digest, logged_sample_portal,
                             reference_run, snapshot, wait_group_gone)
from crawler import run_lock

pytestmark = [pytest.mark.slow, pytest.mark.network_local]


@pytest.fixture(scope="module")
def portal():
    with logged_sample_portal() as server:
        yield server


@pytest.fixture(scope="module")
def reference(portal, tmp_path_factory):
    """The index of an uninterrupted `vnportal nightly` over the sample portal."""
    work = tmp_path_factory.mktemp("reference")
    digest, _ = reference_run(Job(db=work / "index.db", base=portal.base, home=work), work)
    return digest


def statuses(db) -> list[str]:
    with closing(sqlite3.connect(db)) as conn:
        return [status for (status,) in conn.execute("select status from crawl_runs order by id")]


def interrupt_mid_crawl(portal, job: Job, log, sig: int, group: bool):
    """Start the job with every page slowed down, wait until some are stored, signal it."""
    slowed = list(portal.routes.values())
    for route in slowed:
        route.delay = 0.5
    try:
        process = job.start(log)
        deadline = time.monotonic() + 120
        while snapshot(job.db).raw < 2 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        assert process.poll() is None, log.read_text()
        before = snapshot(job.db)
        assert before.running, "the crawl was over before the signal"
        (os.killpg if group else os.kill)(process.pid, sig)
        code = process.wait(timeout=60)
    finally:
        for route in slowed:
            route.delay = 0
    assert wait_group_gone(process.pid, timeout=20), "a process of the run outlived it"
    return code, before


@pytest.mark.parametrize("sig,code,group", [(signal.SIGINT, 130, True), (signal.SIGTERM, 143, False)],
                         ids=["ctrl-c", "sigterm"])
def test_an_interrupted_nightly_reports_and_the_next_run_completes_it(portal, reference, tmp_path, sig, code,
                                                                      group):
    job = Job(db=tmp_path / "index.db", base=portal.base, home=tmp_path)
    log = tmp_path / "run.log"
    got, before = interrupt_mid_crawl(portal, job, log, sig, group)
    output = log.read_text()
    assert got == code, output
    assert "interrupted" in output and "total" in output  # the partial report, then why it stopped
    assert "Traceback" not in output and "Aborted!" not in output
    after = snapshot(job.db)
    assert set(statuses(job.db)) == {"interrupted"}  # with its counts, not 'ok' nor left 'running'
    assert after.raw >= before.raw  # what was stored stays
    assert after.articles == 0  # nothing processed after the signal: the pages wait for the next run
    with run_lock(job.db):  # released
        pass
    log.write_text("")
    assert job.run(log) == 0, log.read_text()
    assert statuses(job.db)[-1] == "ok"
    problems = check_after_resume(job.db, killed_runs=False) + differences(reference, index_digest(job.db, portal.base))
    assert not problems, "\n".join(problems)  # nothing lost, nothing twice


def test_a_second_ctrl_c_ends_the_run_at_once_losing_nothing_stored(portal, reference, tmp_path):
    job = Job(db=tmp_path / "index.db", base=portal.base, home=tmp_path)
    log = tmp_path / "run.log"
    held = sorted(path for path in portal.routes if path.startswith("/wp/") and path != "/wp/index.html"
                  and path.endswith(".html"))[0]
    portal.routes[held].delay = 30  # in flight when the signals come: the first one's grace waits for it
    portal.clear_log()
    try:
        process = job.start(log)
        deadline = time.monotonic() + 120
        while held not in portal.paths() and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        assert held in portal.paths(), log.read_text()
        before = snapshot(job.db)
        os.killpg(process.pid, signal.SIGINT)
        time.sleep(1)  # more than the crawl process's "same signal" window, less than its grace
        os.killpg(process.pid, signal.SIGINT)
        code = process.wait(timeout=60)
    finally:
        portal.routes[held].delay = 0
    assert wait_group_gone(process.pid, timeout=20)
    output = log.read_text()
    assert code == 130, output
    assert "SIGINT received twice: stopped at once" in output and "Traceback" not in output
    assert set(statuses(job.db)) == {"interrupted"}
    assert snapshot(job.db).raw >= before.raw
    with run_lock(job.db):
        pass
    log.write_text("")
    assert job.run(log) == 0, log.read_text()
    problems = check_after_resume(job.db, killed_runs=False) + differences(reference, index_digest(job.db, portal.base))
    assert not problems, "\n".join(problems)
