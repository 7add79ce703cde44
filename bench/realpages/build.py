"""Build the real-page extraction corpus from local copies of the repositories that hold the pages.

    python bench/realpages/build.py OUT [--list bench/realpages/pages.toml]
                                        [--mirror /work/.mirror] [--clone owner/name=PATH ...]

The pages themselves are not committed (their licences are unclear): pages.toml names each one by
repository, commit, path and git blob id, with XPaths chosen by hand, per page template, for its
title, date line and body paragraphs. This script reads each blob out of a local git copy (a
`fetch` snapshot under --mirror, named owner+name, or a clone given with --clone), checks it is the
file listed, and writes OUT/<id>.html and OUT/gold.json (title, published, paragraphs, site, CMS
family, dev/test split and provenance: repository, commit, path, blob, sha256). A page listed with
container = "pickle" is held in a Python pickle (a web2py disk-cache entry): the page is the pickle's
longest string, read from its opcodes with pickletools and never unpickled.

The gold comes from the XPaths alone, never from an extractor, over the page decoded as w3lib (the
library Scrapy uses) decodes it: byte-order mark, then the declared charset, then UTF-8. A date line
is read with the day/month/year (or year-month-day, as a meta tag's content has it) and
hour:minute[:second] patterns below; a template without a date XPath means the page declares no
article date, and its gold date is null. Exit code 1 when a listed page cannot be built.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import io
import json
import pickletools
import re
import subprocess
import sys
import tomllib
import unicodedata
from pathlib import Path

import lxml.html
from w3lib.encoding import html_to_unicode

LIST = Path(__file__).resolve().parent / "pages.toml"
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")  # the Basic Multilingual Plane's private use area
MIRROR = Path("/work/.mirror")
_DATE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d{2})")
_ISO_DATE = re.compile(r"((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})")
_TIME = re.compile(r"(?<!\d)(\d{1,2})\s?(?::|h|giờ)\s?(\d{2})(?::(\d{2}))?(?!\d)")


class BuildError(Exception):
    """A listed page that cannot be read or does not match its listing."""


def load_list(path: Path) -> tuple[dict, list[dict]]:
    """(templates by name, pages) of a pages.toml; each page gets its template's XPaths and family."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    templates = data.get("template", {})
    pages = []
    for page in data.get("page", []):
        template = templates.get(page.get("template", ""))
        if template is None:
            raise BuildError(f"{page.get('id')}: unknown template {page.get('template')!r}")
        pages.append({**template, **page})
    return templates, pages


def git_dir(repo: str, mirror: Path, clones: dict[str, Path]) -> Path:
    """The git directory holding ``repo``: a --clone path (work tree or bare) or a snapshot."""
    if repo in clones:
        root = clones[repo]
        return root / ".git" if (root / ".git").is_dir() else root
    snapshot = mirror / repo.replace("/", "+")
    found = sorted(p.parent for p in snapshot.glob("**/HEAD") if (p.parent / "objects").is_dir())
    if not found:
        raise BuildError(f"{repo}: no local copy (fetch it to {snapshot}, or give --clone {repo}=PATH)")
    return found[0]


def _git(where: Path, *args: str) -> bytes:
    done = subprocess.run(["git", "--git-dir", str(where), *args], capture_output=True, check=False)
    if done.returncode != 0:
        raise BuildError(done.stderr.decode(errors="replace").strip() or f"git {' '.join(args)} failed")
    return done.stdout


def read_page(page: dict, where: Path) -> bytes:
    """The listed blob's bytes; when the copy has the listed commit, its path must hold that blob. A page
    listed with line_ends = "stripped" is the file at that path with its carriage returns removed, and
    with private_use = "stripped" also its private-use characters (icon-font glyphs); its blob id is of
    those bytes (the copy the listing was made from did not show them)."""
    try:
        at_commit = _git(where, "rev-parse", f"{page['commit']}:{page['path']}").decode().strip()
    except BuildError:
        at_commit = None  # a snapshot of a later commit, or a copy holding the listed bytes: the blob id names them
    if page.get("line_ends") == "stripped" and at_commit is not None:
        data = _git(where, "cat-file", "blob", at_commit).replace(b"\r", b"")
        removed = "carriage returns"
        if page.get("private_use") == "stripped":
            data = _PRIVATE_USE.sub("", data.decode("utf-8")).encode("utf-8")
            removed += " and private-use characters"
        if git_blob_id(data) != page["blob"]:
            raise BuildError(f"{page['id']}: {page['path']} at {page['commit'][:12]} without {removed} "
                             f"is not blob {page['blob'][:12]}")
        return data
    if at_commit is not None and at_commit != page["blob"]:
        raise BuildError(f"{page['id']}: {page['path']} at {page['commit'][:12]} is blob {at_commit[:12]}, "
                         f"not the listed {page['blob'][:12]}")
    return _git(where, "cat-file", "blob", page["blob"])


def git_blob_id(data: bytes) -> str:
    """The id git gives a file holding ``data``."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def unpack(page: dict, blob: bytes) -> bytes:
    """The page's bytes: the blob itself, or the longest string of a pickled container (never unpickled)."""
    if page.get("container") is None:
        return blob
    if page["container"] != "pickle":
        raise BuildError(f"{page['id']}: unknown container {page['container']!r}")
    strings = []
    try:
        for opcode, arg, _ in pickletools.genops(io.BytesIO(blob)):
            if isinstance(arg, str):  # Python 2 str opcodes hand their bytes over as latin-1 text
                arg = arg.encode("latin-1" if opcode.name in ("BINSTRING", "SHORT_BINSTRING") else "utf-8")
            if isinstance(arg, bytes):
                strings.append(arg)
    except ValueError as exc:
        raise BuildError(f"{page['id']}: not a pickle ({exc})") from exc
    if not strings:
        raise BuildError(f"{page['id']}: the pickle holds no string")
    return max(strings, key=len)


def _text(node) -> str:
    text = node if isinstance(node, str) else node.text_content()
    return " ".join(unicodedata.normalize("NFC", text).split())


def parse_date(line: str) -> str | None:
    """'Ngày đăng: 12/05/2023 08:30' -> '2023-05-12T08:30:00', a meta tag's '2015-05-26 16:13:38.8'
    -> '2015-05-26T16:13:38'; the date alone when no time is given."""
    match = _DATE.search(line)
    if match:
        day, month, year = (int(g) for g in match.groups())
    elif match := _ISO_DATE.search(line):
        year, month, day = (int(g) for g in match.groups())
    else:
        return None
    date = dt.date(year, month, day)
    clock = _TIME.search(line[match.end():]) or _TIME.search(line[:match.start()])
    if clock:
        hour, minute, second = (int(g or 0) for g in clock.groups())
        if hour < 24 and minute < 60 and second < 60:
            return dt.datetime.combine(date, dt.time(hour, minute, second)).isoformat()
    return date.isoformat()


def gold_of(page: dict, html: bytes) -> dict:
    """Title, published and paragraphs read from ``html`` with the page's XPaths."""
    _, text = html_to_unicode(None, html)
    try:
        tree = lxml.html.document_fromstring(text)
    except ValueError as exc:  # lxml refuses str input that carries an XML encoding declaration
        raise BuildError(f"{page['id']}: {exc}") from exc
    titles = [_text(n) for n in tree.xpath(page["title"])]
    paragraphs = [t for t in (_text(n) for n in tree.xpath(page["body"])) if t]
    if not titles or not titles[0] or not paragraphs:
        raise BuildError(f"{page['id']}: the title or body XPath matches nothing")
    published = None
    if page.get("date"):
        lines = [_text(n) for n in tree.xpath(page["date"])]
        published = next((parse_date(line) for line in lines if parse_date(line)), None)
        if published is None:
            raise BuildError(f"{page['id']}: the date XPath matches no date line")
    return {"title": titles[0], "published": published, "paragraphs": paragraphs}


def build(out: Path, list_path: Path = LIST, mirror: Path = MIRROR,
          clones: dict[str, Path] | None = None) -> list[str]:
    """Write the pages and gold.json under ``out``; return the errors (pages left out)."""
    _, pages = load_list(list_path)
    out.mkdir(parents=True, exist_ok=True)
    gold, errors = [], []
    for page in pages:
        try:
            html = unpack(page, read_page(page, git_dir(page["repo"], mirror, clones or {})))
            entry = gold_of(page, html)
        except BuildError as exc:
            errors.append(str(exc))
            continue
        (out / f"{page['id']}.html").write_bytes(html)
        gold.append({"id": page["id"], "file": f"{page['id']}.html", "url": page["url"], "site": page["site"],
                     "family": page["family"], "split": page["split"], **entry,
                     "source": {key: page[key] for key in ("repo", "commit", "path", "blob")}
                     | {"sha256": hashlib.sha256(html).hexdigest()}})
    (out / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
    return errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="directory to write the pages and gold.json into")
    parser.add_argument("--list", type=Path, default=LIST, help="the page list (default: %(default)s)")
    parser.add_argument("--mirror", type=Path, default=MIRROR, help="fetch snapshots, owner+name (default: %(default)s)")
    parser.add_argument("--clone", action="append", default=[], metavar="OWNER/NAME=PATH",
                        help="a local clone of one repository (repeatable)")
    args = parser.parse_args()
    clones = {}
    for item in args.clone:
        repo, sep, path = item.partition("=")
        if not sep:
            parser.error(f"--clone wants OWNER/NAME=PATH, not {item!r}")
        clones[repo] = Path(path)
    try:
        errors = build(args.out, args.list, args.mirror, clones)
    except (BuildError, tomllib.TOMLDecodeError, OSError) as exc:
        sys.exit(f"Error: {exc}")
    built = len(json.loads((args.out / "gold.json").read_text(encoding="utf-8")))
    for error in errors:
        print(f"Error: {error}", file=sys.stderr)
    print(f"{built} page(s) built into {args.out}; {len(errors)} left out")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
