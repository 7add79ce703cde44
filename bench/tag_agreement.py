"""How far two annotators of the same passages agree, beside the taggers scored against each.

Both files are gold in the form bench/eval_tags.py reads (built ones, texts included), for example the
DANeS batch #8 dev set and its second, independent annotation of 150 of its passages:

    python bench/danes8/build.py /tmp/danes8.jsonl
    python bench/danes8/build.py /tmp/danes8-second.jsonl --gold bench/danes8/second.jsonl
    python bench/tag_agreement.py /tmp/danes8.jsonl /tmp/danes8-second.jsonl

On the passages both annotate, for each kind both annotate, this prints the second annotation scored as
if it were a tagger against the first (what a tagger that read exactly as a careful second annotator
would score: the ceiling the first annotation allows), then the taggers against the first and against
the second. Scores are bench/eval_tags.py's: a tag counts when its span and key fields are the gold's.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_tags import KINDS, tags_of, load_gold, score  # noqa: E402


def common(first: list[dict], second: list[dict]) -> tuple[list[dict], list[dict]]:
    """The passages of both (by id, in the first's order), each keeping only the kinds both annotate; exit
    when a passage's text differs between the two."""
    seconds = {passage["id"]: passage for passage in second}
    firsts_kept, seconds_kept = [], []
    for passage in first:
        other = seconds.get(passage["id"])
        if other is None:
            continue
        if other["text"] != passage["text"]:
            raise SystemExit(f"tag_agreement.py: {passage['id']}: the two files hold different texts")
        dropped = {kind for kind in KINDS if kind not in passage or kind not in other}
        firsts_kept.append({key: value for key, value in passage.items() if key not in dropped})
        seconds_kept.append({key: value for key, value in other.items() if key not in dropped})
    return firsts_kept, seconds_kept


def agreement(first: list[dict], second: list[dict]) -> dict[str, dict]:
    """Per kind: the second annotation against the first, and the taggers against each."""
    firsts, seconds = common(first, second)
    by_id = {passage["id"]: passage for passage in seconds}
    judge = score(firsts, lambda passage: by_id[passage["id"]])
    by_first, by_second = score(firsts, tags_of), score(seconds, tags_of)
    return {kind: {"second": judge[kind], "taggers_first": by_first[kind], "taggers_second": by_second[kind]}
            for kind in judge}


def _table(result: dict[str, dict]) -> str:
    lines = [f"{'kind':<11} {'pass':>4} {'first':>5} {'second':>6}   {'2nd vs 1st P/R/F1':>19} {'span F1':>7}   "
             f"{'taggers vs 1st':>14} {'vs 2nd':>6}"]
    for kind, r in result.items():
        s = r["second"]
        lines.append(f"{kind:<11} {s['passages']:>4} {s['gold']:>5} {s['predicted']:>6}   "
                     f"{s['precision']:>5.3f} {s['recall']:>5.3f} {s['f1']:>5.3f}   {s['span']['f1']:>7.3f}   "
                     f"{r['taggers_first']['f1']:>14.3f} {r['taggers_second']['f1']:>6.3f}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("first", type=Path, help="gold of the first annotator (a built *.jsonl file)")
    parser.add_argument("second", type=Path, help="the second annotator's gold of some of the same passages")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args()
    result = agreement(load_gold(args.first), load_gold(args.second))
    if not result:
        parser.exit(1, "tag_agreement.py: the two files share no annotated passage\n")
    print(json.dumps(result, ensure_ascii=False, indent=2) if args.json else _table(result))


if __name__ == "__main__":
    main()
