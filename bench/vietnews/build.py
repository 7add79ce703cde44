"""Build the VietNews officials dev set from a local copy of the VietNews repository.

    python bench/vietnews/build.py OUT.jsonl [--mirror /work/.mirror] [--clone ThanhChinhBK/vietnews=PATH]
    python bench/eval_tags.py --gold OUT.jsonl [--errors]

The passages are sentences of news articles in VietNews (ThanhChinhBK/vietnews, a summarisation
corpus of articles the aggregator baomoi.com carried), which has no licence, so their text is not
committed: gold.jsonl holds each passage's file, blob and line, the sha256 of its text and its
hand-annotated spans. The corpus is word-segmented ("Chủ_tịch UBND tỉnh , ông ..."); this script
reads the blob out of a git copy, puts the line back as running text (``detokenize``), checks it
against the hash and every span against its offsets. Exit code 1 when a passage cannot be rebuilt.
"""
from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # bench/, for realpages
import hashed_gold  # noqa: E402
from hashed_gold import KINDS, put_back  # noqa: E402
from realpages.build import BuildError, _git  # noqa: E402

GOLD = Path(__file__).resolve().parent / "gold.jsonl"
SOURCE = {"repo": "ThanhChinhBK/vietnews", "commit": "a20d9b7f5d37b95f39f28f08999092f9fa400983"}
_CLOSERS = frozenset(",.;:!?%)]}”’…")  # marks written against the word before them
_OPENERS = frozenset("([{“‘")  # marks written against the word after them
_DIGIT_SLASH = re.compile(r"(?<=\d) (/) (?=\d)")  # "12 / 10" -> "12/10"


def detokenize(line: str) -> str:
    """One line of the segmented corpus as running text: syllables joined by "_" spaced again, marks
    against their words, a straight double quote opening and closing in turn (NFC)."""
    words: list[str] = []
    quote_open = False
    glue_next = False
    for token in line.split():
        token = token.replace("_", " ")
        if token == '"':
            quote_open = not quote_open
            if quote_open:
                words.append(token)
                glue_next = True
            elif words:
                words[-1] += token
            else:
                words.append(token)
            continue
        if words and (glue_next or token in _CLOSERS or (len(token) > 1 and set(token) <= _CLOSERS)):
            words[-1] += token
        else:
            words.append(token)
        glue_next = token in _OPENERS
    return unicodedata.normalize("NFC", _DIGIT_SLASH.sub(r"\1", " ".join(words)))


def rebuild(gold: list[dict], blobs: dict[str, str]) -> list[dict]:
    """The gold passages with their texts put back from ``blobs`` (blob id -> file text); BuildError when
    a text or a span does not match."""
    passages = []
    for row in gold:
        lines = blobs[row["blob"]].split("\n")
        if row["line"] >= len(lines):
            raise BuildError(f"{row['id']}: {row['path']} has no line {row['line']}")
        passages.append(put_back(row, detokenize(lines[row["line"]]), f"line {row['line']} of {row['path']}"))
    return passages


def from_copy(gold: list[dict], where: Path) -> list[dict]:
    """The gold passages with their texts, read from the git directory ``where`` of a copy of VietNews."""
    return rebuild(gold, {row["blob"]: _git(where, "cat-file", "blob", row["blob"]).decode("utf-8") for row in gold})


if __name__ == "__main__":
    hashed_gold.main(__doc__.split("\n\n")[0], GOLD, SOURCE["repo"], from_copy)
