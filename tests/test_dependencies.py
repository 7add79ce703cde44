"""pyproject.toml declares what the code imports, and nothing it does not use."""
from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROJECT = {"crawler", "extract", "nlp", "data", "pipeline"}
# declared but not imported by name, each for a reason checked below
NOT_IMPORTED = {"datasette-dashboards", "lxml-html-clean", "cssselect", "underthesea",
                "pillow"}  # pypdfium2 renders scanned pages for OCR as Pillow images


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def _imported_distributions() -> set[str]:
    owners = packages_distributions()
    found = set()
    for path in [ROOT / "pipeline.py", *(p for package in PROJECT - {"pipeline"} for p in (ROOT / package).rglob("*.py"))]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module] if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module else []
            for top in {name.split(".")[0] for name in names} - PROJECT - set(sys.stdlib_module_names):
                found |= {_name(owner) for owner in owners.get(top, [top])}
    return found


def test_declared_dependencies_are_the_imported_ones():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {_name(r) for r in project["dependencies"]} | {_name(r) for r in project["optional-dependencies"]["distributed"]}
    assert declared - NOT_IMPORTED == _imported_distributions()
    assert "datasette-dashboards" in (ROOT / "data" / "datasette_metadata.json").read_text(encoding="utf-8")
    assert 'find_spec("underthesea")' in (ROOT / "nlp" / "lexicon" / "__init__.py").read_text(encoding="utf-8")
    assert "from lxml.cssselect import" in (ROOT / "extract" / "core.py").read_text(encoding="utf-8")
