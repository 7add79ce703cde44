"""No orphans: a child process (extraction worker, crawl process) ends when its parent does.

When the CLI is killed (kill -9, the OOM killer), its children would otherwise run on: a pool
worker blocks for ever on a pipe whose write end it holds itself, keeping the terminal's output
open; a crawl process keeps fetching and holding the run lock until it next reports.
"""
from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
POLL_SECONDS = 0.5
ORPHAN_EXIT_CODE = 3  # also the crawl process's code when it finds its parent gone as it reports


def exit_with_parent(parent_pid: int) -> None:
    """End this process as soon as ``parent_pid`` (the process that started it) is gone: on Linux
    the kernel kills it when the parent exits; everywhere a daemon thread checks the parent's id
    every POLL_SECONDS, which also covers a parent that died before this was called. The process
    ends as a kill would: what it committed stays, nothing else runs."""
    _ask_kernel_to_kill_with_parent()
    if os.getppid() != parent_pid:
        os._exit(ORPHAN_EXIT_CODE)
    threading.Thread(target=_watch, args=(parent_pid,), name="exit-with-parent", daemon=True).start()


def _ask_kernel_to_kill_with_parent() -> None:
    """prctl(PR_SET_PDEATHSIG, SIGKILL). The signal comes when the parent's thread that started this
    process exits: vnportal starts its children from the thread that waits for them."""
    if not sys.platform.startswith("linux"):
        return
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass  # no usable libc: the watching thread still ends the process


def _watch(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        time.sleep(POLL_SECONDS)
    os._exit(ORPHAN_EXIT_CODE)
