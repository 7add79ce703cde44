"""One run at a time per index: an exclusive flock on ``<db>.lock`` next to the database."""
from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator


class LockBusy(RuntimeError):
    """Another process is crawling into (or processing) this index."""


_held: dict[str, list[int]] = {}  # lock path -> [fd, depth]: the holder may re-enter (nightly wraps crawl)


def _lock_path(db_path: str | Path) -> Path:
    return Path(f"{Path(db_path).resolve()}.lock")


def held_lock_fd(db_path: str | Path) -> int | None:
    """The descriptor of the run lock this process holds on ``db_path``, if it holds it. A child
    process given it (``pass_fds``) shares the lock: it stays held until both have exited, so a
    killed parent's crawl process cannot write alongside the next run."""
    held = _held.get(str(_lock_path(db_path)))
    return held[0] if held else None


@contextmanager
def run_lock(db_path: str | Path, on_wait: Callable[[str], None] | None = None) -> Iterator[Path]:
    """Hold the run lock of the index at ``db_path``. If another process has it: raise LockBusy at
    once, or with ``on_wait`` call it with a line saying who holds it and wait until it is free.
    Raise data.database.IndexUnusable (before creating the lock file) if the index cannot be written."""
    from data.database import check_index

    path = _lock_path(db_path)
    key = str(path)
    if key in _held:
        _held[key][1] += 1
        try:
            yield path
        finally:
            _held[key][1] -= 1
        return
    check_index(db_path, write=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
        busy = f"another vnportal run{f' (pid {holder})' if holder else ''} holds {path}"
        if on_wait is None:
            os.close(fd)
            raise LockBusy(busy) from None
        on_wait(f"{busy}: waiting for it to finish")
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
        except BaseException:
            os.close(fd)
            raise
    os.ftruncate(fd, 0)
    os.pwrite(fd, str(os.getpid()).encode(), 0)
    _held[key] = [fd, 1]
    try:
        yield path
    finally:
        del _held[key]
        os.ftruncate(fd, 0)
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
