"""Datasette on the index, read-only, with titles, column notes, facets and canned queries.

Datasette opens a (mutable) database file with ``mode=ro``: it never writes, and because the
index is in WAL mode it sees what a running crawl commits. Immutable mode (``-i``) is not used:
SQLite then ignores the WAL file, so everything committed since the last checkpoint (even
whole tables) would be missing, and it assumes no other process writes the file. The exception:
an index on read-only storage, where SQLite could not make the WAL's shared memory and nothing
can write, is served immutable.

Run it through ``vnportal serve``: the canned queries call the vn_* SQL functions that
data/datasette_plugin.py registers, which plain ``datasette --metadata`` would lack.

What is served: the tables the metadata file does not hide, the canned queries, and (unless
``sql=False``) arbitrary ``?sql=``, which reads every table, and the datasette-dashboards charts
declared under ``plugins`` in the metadata, which query by ``?sql=``. The tables the metadata hides (raw HTML,
crawl state, migrations, search forms) are left out of the table list; without arbitrary SQL they
are not served at all.
"""
from __future__ import annotations

import asyncio
import copy
import json
import socket
from pathlib import Path

import uvicorn
from datasette.app import Datasette
from datasette.plugins import pm

from data import datasette_plugin, entity_pages
from data.database import on_read_only_storage

METADATA_FILE = Path(__file__).with_name("datasette_metadata.json")
TEMPLATE_DIR = Path(__file__).with_name("templates")  # row.html: the entity pages (data/entity_pages.py)
_TEMPLATE_NAME = "vnportal"  # database name used in the metadata file (the default index is vnportal.db)


def datasette_metadata(db_path: str | Path, sql: bool = True) -> dict:
    """The metadata file's contents, keyed by the name Datasette gives ``db_path`` (its stem), the
    dashboards' charts and filters reading that database; without ``sql``, the hidden tables are
    denied to everyone."""
    metadata = json.loads(METADATA_FILE.read_text(encoding="utf-8"))
    databases = metadata["databases"]
    name = Path(db_path).stem
    database = databases[name] = copy.deepcopy(databases.pop(_TEMPLATE_NAME))
    for dashboard in metadata["plugins"]["datasette-dashboards"].values():
        for part in [*dashboard["charts"].values(), *dashboard["filters"].values()]:
            part["db"] = name
    if not sql:
        for table in database["tables"].values():
            if table.get("hidden"):
                table["allow"] = False
    return metadata


def build_datasette(db_path: str | Path, sql: bool = True) -> Datasette:
    """A Datasette instance on ``db_path`` with the metadata, the vn_* SQL functions and the entity pages;
    ``sql=False`` turns off arbitrary SQL (Datasette's default_allow_sql) and the hidden tables."""
    for plugin, name in ((datasette_plugin, "vnportal"), (entity_pages, "vnportal_entities")):
        if not pm.is_registered(plugin):
            pm.register(plugin, name=name)
    files = {"immutables" if on_read_only_storage(db_path) else "files": [str(db_path)]}
    return Datasette(**files, metadata=datasette_metadata(db_path, sql), settings={"default_allow_sql": sql},
                     template_dir=str(TEMPLATE_DIR))


async def _fetch(datasette: Datasette, path: str) -> tuple[int, str]:
    await datasette.invoke_startup()
    response = await datasette.client.get(path)
    return response.status_code, response.text


def fetch(db_path: str | Path, path: str, sql: bool = True) -> tuple[int, str]:
    """Answer one request (like ``datasette --get PATH``) without starting a server."""
    return asyncio.run(_fetch(build_datasette(db_path, sql), path))


class PortInUse(OSError):
    """The address to serve on cannot be listened on; the message says which and why."""


def serve(db_path: str | Path, host: str = "127.0.0.1", port: int = 8001, sql: bool = True) -> None:
    """Serve the index over HTTP until interrupted; PortInUse, before anything starts, when
    ``host:port`` cannot be listened on."""
    _check_listenable(host, port)
    datasette = build_datasette(db_path, sql)
    asyncio.run(datasette.invoke_startup())
    uvicorn.run(datasette.app(), host=host, port=port, log_level="info", lifespan="on")


def _check_listenable(host: str, port: int) -> None:
    """Bind ``host:port`` as uvicorn will (SO_REUSEADDR), and let go at once."""
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise PortInUse(f"cannot listen on {host}:{port} ({reason}): pass another --port or --host") from None
