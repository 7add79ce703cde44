"""warcio's WARC readers, imported without fsspec.

warcio opens files by name through fsspec when fsspec is installed (huggingface_hub, which underthesea
depends on, installs it), and importing fsspec brings asyncio with it: about 45 ms a process, a fiftieth
of ``vnportal ingest`` on the 58 real pages. vnportal hands warcio open streams, never names, so warcio
is imported with fsspec hidden (warcio then opens names with the built-in ``open``), and fsspec is
importable again afterwards.
"""
from __future__ import annotations

import sys


def _import_warcio() -> None:
    hidden = "fsspec" not in sys.modules
    if hidden:
        sys.modules["fsspec"] = None  # type: ignore[assignment]  # "import fsspec" raises ImportError
    try:
        import warcio.archiveiterator  # noqa: F401
    finally:
        if hidden:
            del sys.modules["fsspec"]


_import_warcio()

from warcio.archiveiterator import ArchiveIterator, WARCIterator  # noqa: E402
from warcio.exceptions import ArchiveLoadFailed  # noqa: E402

__all__ = ["ArchiveIterator", "ArchiveLoadFailed", "WARCIterator"]
