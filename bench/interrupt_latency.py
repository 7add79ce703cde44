"""Ctrl-C latency: how long `vnportal nightly` takes to end after a SIGINT to its process group
(what a terminal's Ctrl-C sends) mid-crawl, with its exit code and the lines it printed.

The sample portal is served here with every page slowed down (--page-delay), so that requests are
in flight when the signal comes. ``--root`` runs the vnportal found in another checkout (to
compare with an older version in the same run).

Usage: python bench/interrupt_latency.py [--root DIR] [--runs N] [--page-delay SECONDS]
"""
from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for path in (ROOT, ROOT / "tests"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from bench.kill_test import logged_sample_portal, snapshot, wait_group_gone  # noqa: E402 (path set above)


def interrupt_once(root: Path, base: str, work: Path) -> tuple[float, int, str]:
    """Seconds from the SIGINT to the end of every process of the run, its exit code, its output."""
    db, log = work / "index.db", work / "run.log"
    env = dict(os.environ, HOME=str(work), PYTHONPATH=os.pathsep.join(filter(None, [str(root),
                                                                                    os.environ.get("PYTHONPATH")])))
    command = [sys.executable, "-m", "pipeline", "nightly", "--sample-url", base, "--delay", "0", "--db", str(db)]
    with open(log, "wb") as out:
        process = subprocess.Popen(command, cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, start_new_session=True)
    while snapshot(db).raw < 2 and process.poll() is None:
        time.sleep(0.02)
    sent = time.monotonic()
    os.killpg(process.pid, signal.SIGINT)
    code = process.wait()
    wait_group_gone(process.pid, timeout=120)
    return time.monotonic() - sent, code, log.read_text(errors="replace")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="Checkout whose vnportal is run.")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--page-delay", type=float, default=0.5, help="Seconds the portal holds each page.")
    args = parser.parse_args(argv)
    seconds = []
    with logged_sample_portal() as portal:
        for route in portal.routes.values():
            route.delay = args.page_delay
        for number in range(args.runs):
            with tempfile.TemporaryDirectory() as work:
                took, code, output = interrupt_once(args.root.resolve(), portal.base, Path(work))
            seconds.append(took)
            print(f"run {number + 1}: ended {took:.2f} s after SIGINT, exit code {code}")
            if number == 0:
                print("  its output, last lines:\n    " + "\n    ".join(output.strip().splitlines()[-8:]))
    print(f"median {statistics.median(seconds):.2f} s over {len(seconds)} run(s) (page delay {args.page_delay} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
