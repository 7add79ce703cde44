"""Opening an index file, and writing to it, without harming it or any other file.

``open_database`` is the one way the project opens an index. It refuses, before writing a
byte, a file that is not SQLite, an empty file, another application's database and a
folder that does not exist; it opens an index on read-only storage for reading; and it
brings an older index up to the current schema only when asked to write (a reader of an
older index is told to run `vnportal upgrade` first). ``write_transaction`` takes SQLite's
write lock up front (``BEGIN IMMEDIATE``), so a second writer waits for the busy timeout
instead of failing when a read inside its transaction tries to become a write.
"""
from __future__ import annotations

import contextlib
import os
import secrets
import sqlite3
from pathlib import Path
from typing import Iterator
from urllib.parse import quote

import sqlite_utils

from data import wordedges

BUSY_TIMEOUT_MS = 30_000  # a writer waits this long for another's transaction to end
SQLITE_HEADER = b"SQLite format 3\x00"


class IndexUnusable(Exception):
    """The file at the index path cannot be used as an index; the message says why in one line.
    Nothing was written to it."""


def companion_files(path: str | Path) -> list[Path]:
    """The index file and the files SQLite and vnportal keep beside it (WAL, shared memory, run lock)."""
    path = Path(path).resolve()
    return [path] + [Path(f"{path}{suffix}") for suffix in ("-wal", "-shm", "-journal", ".lock")]


def check_index(path: str | Path, *, write: bool, must_exist: bool | None = None) -> None:
    """Raise IndexUnusable unless ``path`` is an index (or, to write and unless ``must_exist``, a
    new file in an existing, writable folder) this version can use in that mode. Reads at most
    the file's schema."""
    from data.schema import pending_migrations, unknown_migrations

    path = Path(path)
    _check_file(path, must_exist=not write if must_exist is None else must_exist)
    if write:
        _check_writable(path)
    if not path.exists():
        return
    db = _connect(path, write=False)
    try:
        _check_ours(db, path)
        if write and (unknown := unknown_migrations(db)):
            raise IndexUnusable(f"{path} was made by a newer vnportal (it has {', '.join(unknown)}); "
                                "upgrade vnportal to write to it")
        if not write and pending_migrations(db):
            raise IndexUnusable(f"{path} was made by an older vnportal; bring it up to date with "
                                f"`vnportal upgrade --db {path}`, then read it")
    finally:
        db.close()


def open_database(path: str | Path, *, write: bool) -> sqlite_utils.Database:
    """Open the index at ``path`` for writing (created and migrated as needed) or for reading only.

    Raises IndexUnusable, with a one-line reason, for a path that is not (and cannot become)
    an index this version can use in that mode; nothing is written to it then.
    """
    check_index(path, write=write)
    db = _connect(Path(path), write=write)
    if write:
        try:
            _prepare_for_writing(db, Path(path))
        except BaseException:
            db.close()
            raise
    return db


def _check_file(path: Path, must_exist: bool) -> None:
    if path.is_dir():
        raise IndexUnusable(f"{path} is a folder, not an index file")
    if not path.exists():
        if must_exist:
            raise IndexUnusable(f"no index at {path} (crawl first, or pass --db)")
        if not path.parent.is_dir():
            raise IndexUnusable(f"cannot create an index at {path}: folder {path.parent} does not exist")
        return
    try:
        with path.open("rb") as stream:
            header = stream.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise IndexUnusable(f"cannot read {path}: {exc.strerror}") from None
    if not header:
        raise IndexUnusable(f"{path} is an empty file, not an index; remove it or pass another --db")
    if header != SQLITE_HEADER:
        raise IndexUnusable(f"{path} is not an SQLite database (not a vnportal index); not touching it")


def _check_writable(path: Path) -> None:
    if path.exists() and not os.access(path, os.W_OK):
        raise IndexUnusable(f"{path} is read-only: commands that read it work, this one writes")
    if not os.access(path.parent, os.W_OK):
        raise IndexUnusable(f"folder {path.parent} is read-only: commands that read the index work, "
                            "this one writes")


def on_read_only_storage(path: str | Path) -> bool:
    """True when the index's folder cannot be written: SQLite cannot make the WAL's shared memory
    there, so readers open the file immutable (nothing can change it there anyway)."""
    return not os.access(Path(path).resolve().parent, os.W_OK)


def _connect(path: Path, write: bool) -> sqlite_utils.Database:
    """A connection in the mode asked; a reader on read-only storage opens the file immutable
    (no other process can change it there, and SQLite could not create the WAL's shared memory)."""
    if write:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
    else:
        uri = f"file:{quote(str(path.resolve()))}?mode=ro"
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        if on_read_only_storage(path):
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except sqlite3.OperationalError:  # no WAL shared memory can be made beside it
                conn.close()
                conn = sqlite3.connect(f"{uri}&immutable=1", uri=True)
    try:
        db = sqlite_utils.Database(conn, execute_plugins=False)  # the index's functions are its own (~20 ms)
        db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA foreign_keys=ON")
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise IndexUnusable(f"cannot open {path}: {exc}") from None
    wordedges.register(conn)
    return db


def _check_ours(db: sqlite_utils.Database, path: Path) -> None:
    """Refuse a database that holds tables but is not a vnportal index."""
    from data.schema import MIGRATIONS, applied_migrations

    tables = db.table_names()
    if not tables or MIGRATIONS[0].__name__ in applied_migrations(db):
        return
    shown = ", ".join(tables[:5]) + (", ..." if len(tables) > 5 else "")
    raise IndexUnusable(f"{path} is another application's SQLite database (tables: {shown}), not a vnportal "
                        "index; not touching it")


def _prepare_for_writing(db: sqlite_utils.Database, path: Path) -> None:
    from data.schema import migrate

    try:
        mode = db.execute("PRAGMA journal_mode").fetchone()[0]
        if mode != "wal":
            mode = db.execute("PRAGMA journal_mode=WAL").fetchone()[0]
        if mode == "wal":
            # SQLite's setting for WAL: the log is synced at checkpoints, not at every commit (~0.5 ms
            # each); a killed process loses nothing committed, a power cut may undo the last commits
            # but never leaves part of one
            db.execute("PRAGMA synchronous=NORMAL")
        migrate(db)
    except sqlite3.OperationalError as exc:
        raise IndexUnusable(f"cannot prepare {path} for writing: {exc}") from None


@contextlib.contextmanager
def write_transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """Commit the writes made inside together, or none of them (an error or a kill leaves none).

    The outermost block starts with ``BEGIN IMMEDIATE``: the write lock is taken at once (waiting
    up to the busy timeout for another writer), so no read inside can turn into a write that
    fails with "database is locked". Nested blocks are savepoints.
    """
    conn = db.conn
    if conn.in_transaction:
        savepoint = f"nested_{secrets.token_hex(8)}"
        conn.execute(f"SAVEPOINT {savepoint}")
        try:
            yield db
        except BaseException:
            if conn.in_transaction:
                conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            raise
        conn.execute(f"RELEASE SAVEPOINT {savepoint}")
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
