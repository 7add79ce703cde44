"""Gold whose texts are not committed (their source has no licence): each row holds the sha256 of its text
and its spans; a builder reads the text from a local copy of the source and puts it back here."""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Callable

from realpages.build import MIRROR, BuildError, git_dir

KINDS = ("dates", "officials", "directives", "statistics")


def put_back(row: dict, text: str, where: str) -> dict:
    """``row`` as a gold passage with ``text`` (read from ``where`` in the source); BuildError when the text
    is not the one annotated (its hash) or a span is not at its offsets."""
    if hashlib.sha256(text.encode()).hexdigest() != row["text_sha256"]:
        raise BuildError(f"{row['id']}: {where} is not the annotated text")
    for kind in KINDS:
        for span in row.get(kind, ()):
            if text[span["start"]:span["end"]] != span["text"]:
                raise BuildError(f"{row['id']}: {kind} span {span['text']!r} is not at {span['start']}")
    rest = {key: value for key, value in row.items() if key not in ("id", "text_sha256")}
    return {"id": row["id"], "text": text, **rest}


def write(passages: list[dict], out: Path) -> None:
    """Write the rebuilt ``passages`` to ``out`` as JSON lines, and say how many."""
    out.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in passages), encoding="utf-8")
    print(f"{len(passages)} passage(s) written to {out}")


def main(description: str, gold_path: Path, repo: str, rebuild: Callable[[list[dict], Path], list[dict]]) -> None:
    """A builder's command line, ``OUT [--mirror DIR] [--clone OWNER/NAME=PATH]``: ``rebuild`` puts the texts of
    the gold at ``gold_path`` back from the git directory of a local copy of ``repo``; exit code 1 when it
    cannot."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("out", type=Path)
    parser.add_argument("--mirror", type=Path, default=MIRROR)
    parser.add_argument("--clone", action="append", default=[], metavar="OWNER/NAME=PATH")
    parser.add_argument("--gold", type=Path, default=gold_path,
                        help=f"another annotation of the same texts to rebuild (default {gold_path.name})")
    args = parser.parse_args()
    clones = {name: Path(path) for name, path in (item.split("=", 1) for item in args.clone)}
    try:
        gold = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
        passages = rebuild(gold, git_dir(repo, args.mirror, clones))
    except BuildError as error:
        sys.exit(f"error: {error}")
    write(passages, args.out)
