"""Build the DANeS batch #8 tagging dev set from a local copy of the DANeS repository.

    python bench/danes8/build.py OUT.jsonl [--mirror /work/.mirror] [--clone dataset-vn/DANeS=PATH]
    python bench/eval_tags.py --gold OUT.jsonl [--errors]

The passages are headlines and leads of government, Party and press sites from DANeS's raw batch
#8, whose README gives no licence ("it belongs to the individual who created the work"), so their text
is not committed: gold.jsonl holds each passage's record index in that file, the sha256 of its text
and its hand-annotated spans, and this script reads the file's exact blob out of a git copy, puts
each text back (the record's headline, a blank line and its description, NFC) and checks it against
the hash and every span against its offsets. Exit code 1 when a passage cannot be rebuilt.
"""
from __future__ import annotations

import hashlib
import json
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # bench/, for realpages
import hashed_gold  # noqa: E402
from hashed_gold import KINDS, put_back  # noqa: E402
from realpages.build import BuildError, read_page  # noqa: E402

GOLD = Path(__file__).resolve().parent / "gold.jsonl"
SOURCE = {"id": "DANeS raw batch #8", "repo": "dataset-vn/DANeS",
          "commit": "37dedab157a69b59478c0d52bd2c11aabd16775f", "path": "raw_data/DANeS_batch_#8.json",
          "blob": "2e657eee3791262826c0dc431bbeabe5b1ddbebf",
          "sha256": "2595d713716d22030f8201f5cdfca0ffdf60b4e945d444c7d0583e90d07011d7"}


def passage_text(record: dict) -> str:
    """A record's headline, a blank line and its description, as one NFC text."""
    return unicodedata.normalize("NFC", f"{record['text']}\n\n{record['meta']['description']}")


def rebuild(gold: list[dict], records: list[dict]) -> list[dict]:
    """The gold passages with their texts put back; BuildError when a text or a span does not match."""
    return [put_back(row, passage_text(records[row["record"]]), f"record {row['record']}") for row in gold]


def from_copy(gold: list[dict], where: Path) -> list[dict]:
    """The gold passages with their texts, read from the git directory ``where`` of a copy of DANeS."""
    blob = read_page(SOURCE, where)
    if hashlib.sha256(blob).hexdigest() != SOURCE["sha256"]:
        raise BuildError(f"{SOURCE['path']}: not the annotated file (sha256)")
    return rebuild(gold, json.loads(blob))


if __name__ == "__main__":
    hashed_gold.main(__doc__.split("\n\n")[0], GOLD, SOURCE["repo"], from_copy)
