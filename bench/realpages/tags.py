"""Build the portal tagging dev set from the real pages built by bench/realpages/build.py.

    python bench/realpages/build.py /tmp/realpages
    python bench/realpages/tags.py /tmp/realpages /tmp/realpages_tags.jsonl
    python bench/eval_tags.py --gold /tmp/realpages_tags.jsonl [--errors]

The passages are body paragraphs of the listed pages (hatinhtrade.com.vn, the Hà Tĩnh Department of Industry
and Trade, and two provincial papers), whose licences are unclear, so their text is not committed: tags.jsonl
holds each passage's page id, paragraph index (in the page's gold paragraphs), the sha256 of its text (NFC,
stripped), the page's publication day as ``ref_date`` and the spans of all four kinds, annotated by hand
(stop 54) by two helpers who read the conventions of tests/gold/nlp/eval/real/README.md and the earlier
readings, not the taggers: the 139 paragraphs of 40 characters or more that hold a digit or a title word.
A dev set: tune on it. Exit code 1 when a passage cannot be rebuilt.
"""
from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # bench/, for hashed_gold
from hashed_gold import put_back, write  # noqa: E402
from realpages.build import BuildError  # noqa: E402

GOLD = Path(__file__).resolve().parent / "tags.jsonl"


def rebuild(gold: list[dict], pages: dict[str, list[str]]) -> list[dict]:
    """The gold passages with their texts put back from ``pages`` (page id -> its gold paragraphs); BuildError
    when a page is missing or a text or a span does not match."""
    passages = []
    for row in gold:
        paragraphs = pages.get(row["page"])
        if paragraphs is None or row["paragraph"] >= len(paragraphs):
            raise BuildError(f"{row['id']}: page {row['page']} has no paragraph {row['paragraph']} (build it first)")
        text = unicodedata.normalize("NFC", paragraphs[row["paragraph"]]).strip()
        passage = put_back(row, text, f"paragraph {row['paragraph']} of {row['page']}")
        del passage["page"], passage["paragraph"]
        passages.append(passage)
    return passages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", type=Path, help="a directory built by bench/realpages/build.py")
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    built = json.loads((args.pages / "gold.json").read_text(encoding="utf-8"))
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    try:
        passages = rebuild(gold, {page["id"]: page["paragraphs"] for page in built})
    except BuildError as error:
        sys.exit(f"error: {error}")
    write(passages, args.out)


if __name__ == "__main__":
    main()
