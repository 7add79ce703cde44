"""Extraction quality: extract_html against plain trafilatura on three corpora.

    python bench/eval_extract.py [--json] [--corpus aeb|vnexpress|sample] [--pages]
    python bench/eval_extract.py --real DIR [--json] [--pages]

Corpora (all in the repository):
  aeb        tests/corpus/aeb: ScrapingHub article-extraction-benchmark (181 English pages,
             ground truth = articleBody only).
  vnexpress  tests/corpus/vnexpress: two VnExpress pages (fundus test page + its JSON; an
             htmldate test page + a hand-made gold file).
  sample     data/sample_site pages with gold in tests/gold/extract/<site>/<name>.json.
  --real DIR pages of real portals built by bench/realpages/build.py (not in the repository):
             scored per CMS family and per dev/test split, beside plain trafilatura.extract.

Body score: bag of lowercased word tokens; precision, recall and F1 per page, averaged over
pages. Title: exact match after whitespace/NFC normalisation. Date: the date part, and the
date and time where the gold has a time (to the minute when its seconds are 00).
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import trafilatura  # noqa: E402

from extract import ExtractionError, extract_html  # noqa: E402

AEB = ROOT / "tests" / "corpus" / "aeb"
VNEXPRESS = ROOT / "tests" / "corpus" / "vnexpress"
SAMPLE_SITE = ROOT / "data" / "sample_site"
SAMPLE_GOLD = ROOT / "tests" / "gold" / "extract"
SAMPLE_BASE = "http://127.0.0.1:8000"
_TOKEN = re.compile(r"\w+")


@dataclass
class Case:
    """One page and what is known about it (None = not part of the gold)."""

    name: str
    html: bytes
    url: str
    body: str
    title: str | None = None
    published: str | None = None
    author: str | None = None
    lead: str | None = None
    captions: list[str] | None = None
    attachments: list[str] | None = None
    extra: dict = field(default_factory=dict)


@dataclass
class Output:
    text: str = ""
    title: str | None = None
    published: str | None = None
    author: str | None = None
    lead: str | None = None
    captions: list[str] | None = None
    attachments: list[str] | None = None
    error: str | None = None


def tokens(text: str | None) -> Counter:
    return Counter(_TOKEN.findall(unicodedata.normalize("NFC", text or "").lower()))


def prf(gold: str, predicted: str | None) -> tuple[float, float, float]:
    """Bag-of-words precision, recall and F1 of one page."""
    expected, got = tokens(gold), tokens(predicted)
    overlap = sum((expected & got).values())
    precision = overlap / sum(got.values()) if got else 0.0
    recall = overlap / sum(expected.values()) if expected else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def norm(text: str | None) -> str:
    return " ".join(unicodedata.normalize("NFC", text or "").split())


# --- corpora -----------------------------------------------------------------------------

def aeb_cases(limit: int | None = None) -> list[Case]:
    """The AEB pages in a fixed (sorted) order; ``limit`` takes every n-th for a subset."""
    truth = json.loads((AEB / "ground-truth.json").read_text(encoding="utf-8"))
    names = sorted(truth)
    if limit:
        step = max(1, len(names) // limit)
        names = names[::step][:limit]
    return [Case(name=name, html=gzip.decompress((AEB / "html" / f"{name}.html.gz").read_bytes()),
                 url=truth[name]["url"], body=truth[name]["articleBody"]) for name in names]


def vnexpress_cases() -> list[Case]:
    meta = json.loads((VNEXPRESS / "meta.info").read_text(encoding="utf-8"))
    fundus = json.loads((VNEXPRESS / "VnExpress.json").read_text(encoding="utf-8"))["V1"]
    captions = [image["caption"] for image in fundus.get("images", []) if image.get("caption")]
    paragraphs = [p for section in fundus["body"]["sections"] for p in section["paragraphs"]]
    # fundus keeps image captions among the paragraphs; our contract keeps them apart
    paragraphs = [p for p in paragraphs if not any(p.startswith(c) for c in captions)]
    summary = fundus["body"].get("summary", [])
    name = next(iter(meta))
    cases = [Case(
        name=name, html=gzip.decompress((VNEXPRESS / name).read_bytes()), url=meta[name]["url"],
        body="\n\n".join(summary + paragraphs), title=fundus["title"],
        published=fundus["publishing_date"][:19].replace(" ", "T"),
        author=", ".join(fundus.get("authors", [])) or None,
        lead=summary[0] if summary else None)]
    for gold_file in sorted(VNEXPRESS.glob("*.gold.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        cases.append(Case(
            name=gold["file"], html=(VNEXPRESS / gold["file"]).read_bytes(), url=gold["url"],
            body="\n\n".join(([gold["lead"]] if gold.get("lead") else []) + gold["paragraphs"]),
            title=gold["title"], published=gold["published"], author=gold.get("author"),
            lead=gold.get("lead")))
    return cases


def sample_cases() -> list[Case]:
    cases = []
    for gold_file in sorted(SAMPLE_GOLD.glob("*/*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        page = SAMPLE_SITE / gold["path"]
        if not page.exists():
            continue
        html = page.read_bytes().replace(b"{{BASE}}", SAMPLE_BASE.encode())
        lead = gold.get("lead")
        cases.append(Case(
            name=f"{gold['site']}/{gold_file.stem}", html=html, url=f"{SAMPLE_BASE}/{gold['path']}",
            body="\n\n".join(([lead] if lead else []) + gold["paragraphs"]),
            title=gold["title"], published=gold.get("published"), author=gold.get("author"),
            lead=lead, captions=[f["caption"] for f in gold.get("figures", [])],
            attachments=[f"{SAMPLE_BASE}/{a['path']}" for a in gold.get("attachments", [])],
            extra={"site": gold["site"], "paragraphs": gold["paragraphs"]}))
    return cases


def real_cases(directory: Path) -> list[Case]:
    """The pages bench/realpages/build.py wrote into ``directory``, in its gold.json order."""
    gold = json.loads((directory / "gold.json").read_text(encoding="utf-8"))
    return [Case(name=entry["id"], html=(directory / entry["file"]).read_bytes(), url=entry["url"],
                 body="\n\n".join(entry["paragraphs"]), title=entry["title"], published=entry["published"],
                 extra={"family": entry["family"], "split": entry["split"], "site": entry["site"]})
            for entry in gold]


# --- extractors ----------------------------------------------------------------------------

def run_ours(case: Case) -> Output:
    try:
        article = extract_html(case.html, case.url)
    except ExtractionError as exc:
        return Output(error=str(exc))
    return Output(text=article.text, title=article.title, published=article.published,
                  author=article.author, lead=article.lead, captions=article.captions,
                  attachments=article.attachments)


def run_trafilatura(case: Case, metadata: bool) -> Output:
    if not metadata:
        return Output(text=trafilatura.extract(case.html) or "")
    document = trafilatura.bare_extraction(case.html, url=case.url, with_metadata=True)
    if document is None:
        return Output()
    return Output(text=document.text or "", title=document.title, published=document.date,
                  author=document.author)


# --- scoring -------------------------------------------------------------------------------

def score(cases: list[Case], outputs: list[Output]) -> dict:
    """Averages over pages; metrics without gold in a corpus are left out."""
    result: dict = {"pages": len(cases)}
    if not cases:
        return result
    triples = [prf(case.body, out.text) for case, out in zip(cases, outputs)]
    for i, key in enumerate(("body_precision", "body_recall", "body_f1")):
        result[key] = sum(t[i] for t in triples) / len(triples)
    pairs = [(c, o) for c, o in zip(cases, outputs) if c.title is not None]
    if pairs:
        result["title_exact"] = sum(norm(c.title) == norm(o.title) for c, o in pairs) / len(pairs)
    pairs = [(c, o) for c, o in zip(cases, outputs) if c.published]
    if pairs:
        result["date_exact"] = sum(
            (o.published or "")[:10] == c.published[:10] for c, o in pairs) / len(pairs)
        timed = [(c, o) for c, o in pairs if "T" in c.published]
        if timed:
            result["datetime_exact"] = sum(
                (o.published or "")[:19] == c.published[:19] for c, o in timed) / len(timed)
    pairs = [(c, o) for c, o in zip(cases, outputs) if c.title is not None]
    if pairs:
        result["author_exact"] = sum(norm(c.author) == norm(o.author) for c, o in pairs) / len(pairs)
        result["lead_exact"] = sum(norm(c.lead) == norm(o.lead) for c, o in pairs) / len(pairs)
    pairs = [(c, o) for c, o in zip(cases, outputs) if c.captions is not None and o.captions is not None]
    if pairs:
        result["captions_exact"] = sum(
            [norm(x) for x in c.captions] == [norm(x) for x in o.captions] for c, o in pairs
        ) / len(pairs)
    pairs = [(c, o) for c, o in zip(cases, outputs)
             if c.attachments is not None and o.attachments is not None]
    if pairs:
        result["attachments_exact"] = sum(c.attachments == o.attachments for c, o in pairs) / len(pairs)
    result["errors"] = [f"{c.name}: {o.error}" for c, o in zip(cases, outputs) if o.error]
    return result


def evaluate(corpora: tuple[str, ...] = ("aeb", "vnexpress", "sample"),
             aeb_limit: int | None = None) -> dict:
    """{corpus: {"ours": metrics, "trafilatura": metrics, "pages": [...]}} for ``corpora``."""
    loaders = {"aeb": lambda: aeb_cases(aeb_limit), "vnexpress": vnexpress_cases,
               "sample": sample_cases}
    report = {}
    for corpus in corpora:
        cases = loaders[corpus]()
        ours = [run_ours(case) for case in cases]
        theirs = [run_trafilatura(case, metadata=corpus != "aeb") for case in cases]
        report[corpus] = {
            "ours": score(cases, ours), "trafilatura": score(cases, theirs),
            "per_page": [{"name": c.name, "f1": round(prf(c.body, o.text)[2], 4),
                          "title_ok": c.title is None or norm(c.title) == norm(o.title),
                          "date_ok": not c.published or _date_ok(c, o),
                          "date": o.published, "gold_date": c.published}
                         for c, o in zip(cases, ours)],
        }
    return report


def _date_ok(case: Case, out: Output) -> bool:
    """The gold's date (and time when it has one, to the minute when its seconds are 00: a printed date
    line shows none, and the extractor may add them from the head); a page that shows no date must get
    none."""
    if not case.published:
        return not out.published
    width = 10 if "T" not in case.published else 16 if case.published[17:19] in ("", "00") else 19
    return (out.published or "")[:width] == case.published[:width]


def _real_metrics(cases: list[Case], outputs: list[Output]) -> dict:
    return {"pages": len(cases),
            "body_f1": sum(prf(c.body, o.text)[2] for c, o in zip(cases, outputs)) / len(cases),
            "title_exact": sum(norm(c.title) == norm(o.title) for c, o in zip(cases, outputs)) / len(cases),
            "date_exact": sum(_date_ok(c, o) for c, o in zip(cases, outputs)) / len(cases)}


def evaluate_real(directory: Path) -> dict:
    """{"groups": {group: {"ours": metrics, "trafilatura": metrics}}, "failing": [...]}; groups are
    all pages, the dev and test splits, and each CMS family. trafilatura's body is plain
    trafilatura.extract; its title and date come from bare_extraction's metadata."""
    cases = real_cases(directory)
    ours = [run_ours(case) for case in cases]
    plain = [trafilatura.extract(case.html, url=case.url) or "" for case in cases]
    meta = [run_trafilatura(case, metadata=True) for case in cases]
    theirs = [Output(text=text, title=m.title, published=m.published) for text, m in zip(plain, meta)]
    groups: dict[str, list[int]] = {"all": list(range(len(cases)))}
    for i, case in enumerate(cases):
        groups.setdefault(f"split {case.extra['split']}", []).append(i)
    for i, case in enumerate(cases):
        groups.setdefault(case.extra["family"], []).append(i)
    report: dict = {"groups": {}, "failing": []}
    for name, members in groups.items():
        report["groups"][name] = {
            who: _real_metrics([cases[i] for i in members], [outs[i] for i in members])
            for who, outs in (("ours", ours), ("trafilatura", theirs))}
    for case, out, text in zip(cases, ours, plain):
        f1 = prf(case.body, out.text)[2]
        if f1 < 0.97 or norm(case.title) != norm(out.title) or not _date_ok(case, out):
            report["failing"].append({
                "name": case.name, "family": case.extra["family"], "split": case.extra["split"],
                "f1": round(f1, 4), "trafilatura_f1": round(prf(case.body, text)[2], 4),
                "title": out.title, "gold_title": case.title, "date": out.published,
                "gold_date": case.published, "error": out.error})
    return report


def real_table(report: dict) -> str:
    lines = [f"{'real pages':<28} {'pages':>5} {'F1 ours':>8} {'F1 traf':>8} {'title':>6} {'t.traf':>6} "
             f"{'date':>6} {'d.traf':>6}"]
    for name, result in report["groups"].items():
        ours, theirs = result["ours"], result["trafilatura"]
        lines.append(f"{name[:28]:<28} {ours['pages']:>5} {ours['body_f1']:8.3f} {theirs['body_f1']:8.3f} "
                     f"{ours['title_exact']:6.3f} {theirs['title_exact']:6.3f} "
                     f"{ours['date_exact']:6.3f} {theirs['date_exact']:6.3f}")
    return "\n".join(lines)


_COLUMNS = ("body_precision", "body_recall", "body_f1", "title_exact", "date_exact",
            "datetime_exact", "author_exact", "lead_exact", "captions_exact", "attachments_exact")


def table(report: dict) -> str:
    """A plain-text table: one row per corpus and extractor."""
    short = {"body_precision": "P", "body_recall": "R", "body_f1": "F1", "title_exact": "title",
             "date_exact": "date", "datetime_exact": "date+time", "author_exact": "author",
             "lead_exact": "lead", "captions_exact": "captions", "attachments_exact": "attach"}
    lines = ["corpus     extractor    pages " + " ".join(f"{short[c]:>9}" for c in _COLUMNS)]
    for corpus, result in report.items():
        for who in ("ours", "trafilatura"):
            metrics = result[who]
            cells = " ".join(f"{metrics[c]:9.3f}" if c in metrics else f"{'-':>9}" for c in _COLUMNS)
            lines.append(f"{corpus:<10} {who:<12} {metrics['pages']:>5} {cells}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the full report as JSON")
    parser.add_argument("--corpus", choices=("aeb", "vnexpress", "sample"), action="append",
                        help="limit to one corpus (repeatable)")
    parser.add_argument("--pages", action="store_true", help="list pages below F1 0.97")
    parser.add_argument("--real", type=Path, metavar="DIR",
                        help="score the real pages bench/realpages/build.py wrote into DIR instead")
    args = parser.parse_args()
    if args.real:
        if not (args.real / "gold.json").is_file():
            sys.exit(f"Error: {args.real} holds no gold.json (build it with bench/realpages/build.py)")
        if not json.loads((args.real / "gold.json").read_text(encoding="utf-8")):
            sys.exit(f"Error: {args.real}/gold.json lists no page (bench/realpages/pages.toml lists none yet)")
        report = evaluate_real(args.real)
        print(json.dumps(report, ensure_ascii=False, indent=1) if args.json else real_table(report))
        if args.pages and not args.json:
            for page in report["failing"]:
                print(f"failing: {page}")
        return
    report = evaluate(tuple(args.corpus) if args.corpus else ("aeb", "vnexpress", "sample"))
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
        return
    print(table(report))
    for corpus, result in report.items():
        for error in result["ours"].get("errors", []):
            print(f"{corpus}: error {error}")
        if args.pages:
            for page in result["per_page"]:
                if page["f1"] < 0.97 or not page["title_ok"] or not page["date_ok"]:
                    print(f"{corpus}: {page}")


if __name__ == "__main__":
    main()
