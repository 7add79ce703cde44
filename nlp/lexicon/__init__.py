"""Word lists for the statistics tagger: one entry a line, ``#`` starts a comment, ``[name]`` starts a
section. Loaded once by the tagger (``entries``, ``sections``)."""
from __future__ import annotations

from importlib import resources


def _lines(name: str) -> list[str]:
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def entries(name: str) -> list[str]:
    """The entries of the list file ``name`` (e.g. ``"verbs.txt"``)."""
    return [line for line in _lines(name) if not line.startswith("[")]


def sections(name: str) -> dict[str, list[str]]:
    """The entries of the sectioned file ``name``, by section: ``{"person": ["cán bộ", ...], ...}``."""
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in _lines(name):
        if line.startswith("[") and line.endswith("]"):
            current = found.setdefault(line[1:-1], [])
        elif current is None:
            raise ValueError(f"{name}: entry {line!r} before the first [section]")
        else:
            current.append(line)
    return found
