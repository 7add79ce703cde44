"""Rendering query results for the terminal: an aligned table, JSON or CSV."""
from __future__ import annotations

import csv
import io
import json

OUTPUT_FORMATS = ("table", "json", "csv")
_MAX_WIDTH = 60  # longer cells are cut in table output (json and csv keep everything)


def plain_number(value):
    """A whole float as an int (a count stored as REAL reads 312, not 312.0); anything else unchanged."""
    if value.__class__ is float and value.is_integer():
        return int(value)
    return value


def _cell(value) -> str:
    value = plain_number(value)
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(map(str, value))
    return str(value)


def render(rows: list[dict], columns: list[str], fmt: str = "table") -> str:
    """``rows`` (dicts) as ``fmt``; lists become "a; b" in table and CSV, stay lists in JSON;
    whole numbers are written without a decimal point (``plain_number``)."""
    if fmt == "json":
        return json.dumps([{column: plain_number(row.get(column)) for column in columns} for row in rows],
                          ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(columns)
        writer.writerows([[_cell(row.get(column)) for column in columns] for row in rows])
        return buffer.getvalue()
    if fmt != "table":
        raise ValueError(f"unknown output format {fmt!r}: use one of {', '.join(OUTPUT_FORMATS)}")
    cells = [[_cell(row.get(column)).replace("\n", " ") for column in columns] for row in rows]
    cells = [[cell if len(cell) <= _MAX_WIDTH else cell[:_MAX_WIDTH - 1] + "…" for cell in line] for line in cells]
    widths = [max([len(column)] + [len(line[i]) for line in cells]) for i, column in enumerate(columns)]
    lines = [columns, ["-" * width for width in widths]] + cells
    return "".join("  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip() + "\n"
                   for line in lines)


def render_hits(hits: list[dict]) -> str:
    """Search hits as numbered blocks: date, site, title and id; the URL; the snippet."""
    blocks = []
    for number, hit in enumerate(hits, 1):
        day = (hit.get("published") or "")[:10] or "----------"
        snippet = " ".join((hit.get("snippet") or "").split())
        blocks.append(f"{number}. {day}  {hit['site']}  {hit['title']}  (#{hit['id']})\n"
                      f"   {hit['url']}\n   {snippet}\n")
    return "".join(blocks)
