"""Evaluate nlp.tag() against the hand-annotated gold in tests/gold/nlp/.

Two sets: ``dev`` (tests/gold/nlp/dev/, tuning gold written alongside the taggers) and ``eval``
(tests/gold/nlp/eval/, annotated apart from the taggers and frozen; the floors that matter are
its). A set is every *.jsonl file under its folder, subfolders included; other files are ignored.

Each gold line is {"id", "text", "ref_date": "YYYY-MM-DD" | null, "<kind>": [tags], "nfd"?}; a
passage is scored for kind K only if it has the key K; with "nfd": true the tagger is fed the
NFD form of "text" (offsets still index the NFC text). A predicted tag is correct when its span
(start, end) and its key fields equal a gold tag's (text fields in lowercase, whatever the tone-mark
placement: "thuỷ" = "thủy"); "span-only" scores ignore the key fields.

Usage: python bench/eval_tags.py [--set dev|eval] [--json] [--gold DIR|FILE] [--errors (dev gold only)]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import unicodedata
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nlp import tag  # noqa: E402  (the repo root is put on the path first)
from nlp.gazetteer import match_key  # noqa: E402

GOLD_ROOT = ROOT / "tests" / "gold" / "nlp"
SETS = ("dev", "eval")
GOLD_DIR = GOLD_ROOT / "eval"
KINDS = ("dates", "officials", "directives", "statistics")


def _norm(value: str | None) -> str | None:
    """A text field as compared: NFC, lowercase, one tone-mark placement and one dash ("thuỷ" = "thủy")."""
    return None if value is None else match_key(unicodedata.normalize("NFC", value).strip())


def _number(value) -> float | None:
    return None if value is None else round(float(value), 6)


KEY_FIELDS = {
    "dates": lambda t: (t["kind"], t["start_date"], t["end_date"]),
    "officials": lambda t: (_norm(t["name"]), frozenset(_norm(p["title"]) for p in t.get("positions") or [])),
    "directives": lambda t: (str(t["number"]), t["type_code"], t["issuer_code"], t.get("year")),
    "statistics": lambda t: (_number(t["value"]), _number(t.get("denominator")), _norm(t["unit_text"])),
}


def load_gold(gold: Path | list[Path] = GOLD_DIR, subfolders: bool = True) -> list[dict]:
    """Every passage object of every *.jsonl file under ``gold`` (a directory, subfolders included unless
    ``subfolders`` is false; a file; or a list of these), in path order; ``_source`` names its file
    (relative to its directory) and line."""
    passages = []
    for base, path in _gold_files(gold, subfolders):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                obj = json.loads(line)
                obj["_source"] = f"{path.relative_to(base).as_posix()}:{number}"
                passages.append(obj)
    return passages


def _gold_files(gold: Path | list[Path], subfolders: bool) -> list[tuple[Path, Path]]:
    """(directory the name is relative to, file) for each gold file of ``gold``."""
    found = []
    for item in gold if isinstance(gold, list) else [gold]:
        if item.is_file():
            found.append((item.parent, item))
        else:
            found += [(item, path) for path in sorted(item.rglob("*.jsonl") if subfolders else item.glob("*.jsonl"))]
    return found


def tags_of(passage: dict) -> dict:
    """The taggers' tags of a gold passage (its NFD form where the gold says the text was published so)."""
    text = unicodedata.normalize("NFD", passage["text"]) if passage.get("nfd") else passage["text"]
    ref = dt.date.fromisoformat(passage["ref_date"]) if passage.get("ref_date") else None
    return tag(text, ref).to_dict()


def _scores(tp: int, n_pred: int, n_gold: int) -> dict:
    precision = tp / n_pred if n_pred else 1.0
    recall = tp / n_gold if n_gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def evaluate(gold_dir: Path | list[Path] = GOLD_DIR, errors: list | None = None,
             subfolders: bool = True) -> dict[str, dict]:
    """Per kind: gold/predicted counts, strict and span-only precision, recall and F1 of the taggers on
    the gold under ``gold_dir``.

    Kinds without any gold passage are absent. Mismatches are appended to ``errors`` if given."""
    return score(load_gold(gold_dir, subfolders), tags_of, errors)


def score(passages: list[dict], predict: Callable[[dict], dict], errors: list | None = None) -> dict[str, dict]:
    """As ``evaluate``, on gold ``passages``, of the tags ``predict`` gives each passage (a dict of lists of
    tags by kind, in the gold's form: the taggers' output, or another annotation of the same text)."""
    counts = {k: {"passages": 0, "gold": 0, "predicted": 0, "tp": 0, "span_tp": 0} for k in KINDS}
    for passage in passages:
        kinds = [k for k in KINDS if k in passage]
        if not kinds:
            continue
        predicted = predict(passage)
        for kind in kinds:
            key = KEY_FIELDS[kind]
            gold = {(t["start"], t["end"]): key(t) for t in passage[kind]}
            pred = {(t["start"], t["end"]): key(t) for t in predicted[kind]}
            c = counts[kind]
            c["passages"] += 1
            c["gold"] += len(passage[kind])
            c["predicted"] += len(predicted[kind])
            c["span_tp"] += len(gold.keys() & pred.keys())
            c["tp"] += sum(1 for span, value in gold.items() if pred.get(span) == value)
            if errors is not None:
                text = passage["text"]
                for span in sorted(gold.keys() | pred.keys()):
                    if gold.get(span) != pred.get(span):
                        errors.append({"kind": kind, "id": passage["id"], "text": text[span[0]:span[1]],
                                       "span": span, "gold": gold.get(span), "predicted": pred.get(span)})
    result = {}
    for kind, c in counts.items():
        if c["passages"]:
            result[kind] = {**c, **_scores(c["tp"], c["predicted"], c["gold"]),
                            "span": _scores(c["span_tp"], c["predicted"], c["gold"])}
    return result


def table(result: dict[str, dict]) -> str:
    """The scores per kind, as printed (and as README's "Quality" shows the evaluation sets)."""
    lines = [f"{'kind':<11} {'pass':>4} {'gold':>5} {'pred':>5}   {'P':>6} {'R':>6} {'F1':>6}   "
             f"{'span P':>6} {'span R':>6} {'span F1':>7}"]
    for kind, r in result.items():
        s = r["span"]
        lines.append(f"{kind:<11} {r['passages']:>4} {r['gold']:>5} {r['predicted']:>5}   "
                     f"{r['precision']:>6.3f} {r['recall']:>6.3f} {r['f1']:>6.3f}   "
                     f"{s['precision']:>6.3f} {s['recall']:>6.3f} {s['f1']:>7.3f}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--errors", action="store_true",
                        help="also list every mismatch (on stderr); dev gold only: evaluation gold is not tuned on")
    parser.add_argument("--set", choices=SETS, default="eval",
                        help="eval: annotated apart from the taggers (default); dev: the tuning gold")
    parser.add_argument("--gold", type=Path, help="another directory of gold *.jsonl files, or one file (instead of --set)")
    args = parser.parse_args()
    gold = (args.gold or GOLD_ROOT / args.set).resolve()
    if args.errors and gold.is_relative_to(GOLD_DIR):
        parser.exit(2, f"eval_tags.py: --errors lists mismatches of tuning gold only; {gold} is frozen "
                       f"evaluation gold (score it without --errors)\n")
    errors: list | None = [] if args.errors else None
    result = evaluate(gold, errors)
    print(json.dumps(result, ensure_ascii=False, indent=2) if args.json else table(result))
    for error in errors or []:
        print(json.dumps(error, ensure_ascii=False, default=list), file=sys.stderr)


if __name__ == "__main__":
    main()
