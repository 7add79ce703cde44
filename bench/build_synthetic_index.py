"""Build a large synthetic index for the search and export benchmarks.

    python bench/build_synthetic_index.py --articles 1000000 [--out PATH]

(default PATH: the cache file bench/run.py reuses, under bench/.cache/).

Text: the sample articles' sentences (tests/gold/extract), tagged once each with nlp.tag(),
recombined into articles of 3-7 paragraphs on the topic of one sample article (its title,
85% of the sentences from it, the rest from any); person names in official mentions are drawn
from a vocabulary (surnames from the gazetteer, common middle and given names), titles often
get a province prefix and articles spread over the sample sites and one site per province,
2015-2024. Tags keep exact offsets (``text[start:end] == tag text``). The sample articles are
all Party propaganda-department news, so common words match far more of this index than of a
real portal's (see bench/run.py's match shares).

How: the schema comes from the real migrations (``Index(path)``); rows are bulk-inserted into
those tables in one transaction (journal off: a failed build is deleted, never reused), with
the secondary indexes dropped and re-created from their own SQL at the end. The FTS5 tables of
syllables are filled by the schema's own triggers during the inserts (those of syllable pairs
with data.search.pair_rows, computed by the workers), while worker processes generate
the next articles: rebuilding them at the end ('rebuild') costs the same CPU but leaves the
other core idle. People, positions and directives are counted as data.tags counts them.
Going through ``Index.add_article`` would take hours for a million articles (a transaction,
tag bookkeeping and FTS update per article); the result here is the same schema and the same
column contents. Raw pages and revisions are left empty: no query reads them (a real index of
this size would also hold them, so its file would be about 1.5 times as big).
"""
from __future__ import annotations

import argparse
import calendar
import collections
import datetime as dt
import hashlib
import json
import multiprocessing
import os
import random
import re
import sqlite3
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils
from common import GOLD, ROOT, cache_dir

from data import Index
from data.search import note_spellings, pair_rows
from data.tags import tags_hash
from data.textnorm import directive_fold, mark_boundaries, name_key
from extract import EXTRACTOR_VERSION
from nlp import tag
from nlp.vietnamese import fold_key, unify

BATCH = 5000  # articles generated and inserted together
ARTICLE_COLUMNS = ("id", "url", "site", "title", "published", "author", "lead", "text", "captions", "attachments",
                   "language", "text_hash", "extractor_version", "raw_page_id", "revision", "first_seen",
                   "last_seen", "published_year", "tags_hash")
DIRECTIVE_FIELDS = ("doc_type", "type_code", "number", "issuer_code", "year", "date", "issuer", "title")
BUILD_VERSION = 2  # bump when the generated content changes: cached files are then rebuilt
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quang", "Ngọc", "Xuân", "Hồng", "Thu", "Kim", "Anh",
          "Công", "Đình", "Bá", "Trọng", "Thế", "Quốc", "Khánh", "Mạnh", "Phương", "Hoài", "Tiến"]
GIVEN = ["Hà", "Nam", "Hùng", "Lan", "Hương", "Dũng", "Tuấn", "Hải", "Long", "Phương", "Thảo", "Bình", "An",
         "Sơn", "Trung", "Hoa", "Mai", "Quân", "Cường", "Thắng", "Huệ", "Nga", "Vinh", "Khoa", "Tâm", "Yến",
         "Đạt", "Hiếu", "Linh", "Thủy", "Trang", "Việt", "Toàn", "Nhung", "Lộc", "Phúc", "Hưng", "Tùng"]
SAMPLE_SITES = ["haiphong", "wp", "tuyengiao", "huyen", "danang"]
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_YEAR = re.compile(r"\d{4}")


def cache_path(articles: int) -> Path:
    """Where the index of ``articles`` articles is kept between runs."""
    return cache_dir() / f"synthetic-{articles}-v{BUILD_VERSION}.db"  # later migrations apply on opening


@dataclass
class Sentence:
    """A sentence of a sample article, its tags (offsets into it), and the spans of person names."""
    source: int  # which sample article it comes from
    text: str
    search_text: str  # unify(text): the article_search form
    tags: list[tuple[str, dict]]  # (kind, Tags.to_dict() entry)
    names: list[tuple[int, int]]  # name spans of official mentions, in order


def _vocabulary() -> tuple[list[str], list[str]]:
    gazetteer = ROOT / "nlp" / "gazetteer"
    surnames = [line.strip() for line in (gazetteer / "surnames.txt").read_text(encoding="utf-8").splitlines()
                if line.strip()]
    places = [line.strip() for line in (gazetteer / "places.txt").read_text(encoding="utf-8").splitlines()
              if line.strip() and "-" not in line and line.strip() != "Việt Nam"]
    return list(dict.fromkeys(surnames)), places


def _sentences() -> tuple[list[Sentence], list[str]]:
    """Every distinct sentence of the sample articles, tagged, and their titles."""
    seen, sentences, titles = set(), [], []
    for path in sorted(GOLD.glob("*/*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        titles.append(gold["title"])
        ref = dt.date.fromisoformat(gold["published"][:10]) if gold.get("published") else None
        for paragraph in ([gold["lead"]] if gold.get("lead") else []) + gold["paragraphs"]:
            for text in _SENTENCE_END.split(paragraph.strip()):
                if len(text) < 20 or text in seen:
                    continue
                seen.add(text)
                found = tag(text, ref).to_dict()
                tags = [(kind, item) for kind in ("dates", "officials", "directives", "statistics")
                        for item in found[kind]]
                names = []
                for official in found["officials"]:
                    at = official["text"].find(official["name"])
                    if at >= 0:
                        names.append((official["start"] + at, official["start"] + at + len(official["name"])))
                sentences.append(Sentence(len(titles) - 1, text, unify(text), tags, sorted(set(names))))
    return sentences, titles


def _shift_year(day: str | None, year: int) -> str | None:
    if not day:
        return day
    old = dt.date.fromisoformat(day)
    return old.replace(year=year, day=min(old.day, calendar.monthrange(year, old.month)[1])).isoformat()


class Generator:
    """Deterministic synthetic articles: the same ``seed`` and article number give the same article."""

    def __init__(self, seed: int = 1):
        self.seed = seed
        self.sentences, self.titles = _sentences()
        self.by_source = [[s for s in self.sentences if s.source == n] for n in range(len(self.titles))]
        surnames, self.places = _vocabulary()
        rng = random.Random(seed)
        # each name of the sample texts stands for its own share of a population of officials,
        # so that a person keeps the positions of one sample name
        roles = sorted({s.text[start:end] for s in self.sentences for start, end in s.names})
        self.roles = {role: number for number, role in enumerate(roles)}
        self.people = [f"{rng.choice(surnames[:40])} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
                       for _ in range(200 * len(self.roles))]
        self.sites = SAMPLE_SITES + [fold_key(place).replace(" ", "") for place in self.places]
        self._unified: dict[str, str] = {}

    def _person(self, rng: random.Random, role: str | None = None) -> str:
        """A person standing for the sample name ``role``: a few appear often, most rarely."""
        share = len(self.people) // len(self.roles)
        first = self.roles.get(role, rng.randrange(len(self.roles))) * share
        return self.people[first + int(share * rng.random() ** 3)]

    def _unify(self, text: str) -> str:
        if text not in self._unified:
            self._unified[text] = unify(text)
        return self._unified[text]

    def article(self, number: int) -> tuple[dict, dict]:
        """Article ``number`` (from 1) as an ``articles`` row and its Tags.to_dict()."""
        rng = random.Random(self.seed * 1_000_003 + number)
        site = self.sites[min(int(rng.expovariate(0.08)), len(self.sites) - 1)]
        day = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3650))
        hour, minute = rng.randrange(7, 18), rng.choice((0, 15, 30, 45))
        published = None if rng.random() < 0.02 else f"{day.isoformat()}T{hour:02d}:{minute:02d}:00"
        # on the topic of one sample article: its title, and most sentences from it (as real
        # archives cluster by topic, which keeps rarer words rare)
        topic = rng.randrange(len(self.titles))
        title = f"{rng.choice(self.places)}: {self.titles[topic]}" if rng.random() < 0.6 else self.titles[topic]
        paragraphs, search_paragraphs = [], []
        tags: dict[str, list] = {"dates": [], "officials": [], "directives": [], "statistics": []}
        offset = 0
        for _ in range(rng.randint(3, 7)):
            parts, search_parts = [], []
            for s in range(rng.randint(1, 3)):
                if s:
                    parts.append(" ")
                    search_parts.append(" ")
                    offset += 1
                pool = self.by_source[topic] if rng.random() < 0.85 else self.sentences
                text, search_text = self._sentence(rng.choice(pool), rng, offset, day.year, tags)
                parts.append(text)
                search_parts.append(search_text)
                offset += len(text)
            paragraphs.append("".join(parts))
            search_paragraphs.append("".join(search_parts))
            offset += 2  # "\n\n"
        text = "\n\n".join(paragraphs)
        first_seen = (day + dt.timedelta(days=1)).isoformat() + "T07:00:00+00:00"
        row = {"id": number, "url": f"https://{site}.gov.vn/tin-tuc/bai-viet-{number}.html", "site": site,
               "title": title, "published": published,
               "author": self._person(rng) if rng.random() < 0.7 else None, "lead": paragraphs[0], "text": text,
               "captions": "[]", "attachments": "[]", "language": "vi",
               "text_hash": hashlib.sha256(text.encode("utf-8")).hexdigest(),
               "extractor_version": EXTRACTOR_VERSION, "raw_page_id": None, "revision": 1,
               "first_seen": first_seen, "last_seen": first_seen,
               "published_year": int(published[:4]) if published else None, "tags_hash": tags_hash(tags),
               "search": tuple(mark_boundaries(form) for form in (self._unify(title), search_paragraphs[0],
                                                                 "\n\n".join(search_paragraphs)))}
        return row, tags

    def _sentence(self, sentence: Sentence, rng: random.Random, base: int, year: int,
                  tags: dict[str, list]) -> tuple[str, str]:
        """The sentence with fresh person names; its tags moved to ``base`` are added to ``tags``."""
        text, search_text, shifts, names = sentence.text, sentence.search_text, [], {}
        for start, end in reversed(sentence.names):  # from the end, so earlier spans stay valid
            role = text[start:end]
            if role not in names:
                names[role] = self._person(rng, role)
            name = names[role]
            text = text[:start] + name + text[end:]
            search_text = search_text[:start] + self._unify(name) + search_text[end:]
            shifts.append((end, len(name) - (end - start)))

        def moved(at: int) -> int:  # an offset of the template in the new text
            return base + at + (sum(delta for end, delta in shifts if end <= at) if shifts else 0)

        for kind, item in sentence.tags:
            new = dict(item, start=moved(item["start"]), end=moved(item["end"]))
            new["text"] = text[new["start"] - base:new["end"] - base]
            if kind == "officials":
                new["name"] = names.get(item["name"], item["name"])
            elif kind == "dates" and not _YEAR.search(item["text"]):  # year-less: the article's year
                new["start_date"], new["end_date"] = _shift_year(item["start_date"], year), _shift_year(
                    item["end_date"], year)
            tags[kind].append(new)
        return text, search_text


def _drop_indexes(conn: sqlite3.Connection) -> list[str]:
    """Drop the secondary indexes (not those of UNIQUE/PRIMARY KEY); return their SQL to re-create them."""
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").fetchall()
    for name, _ in rows:
        conn.execute(f"DROP INDEX [{name}]")
    return [sql for _, sql in rows]


_generator: Generator | None = None  # one per worker process


def _start_worker(seed: int) -> None:
    global _generator
    _generator = Generator(seed)


def _rows(first: int, last: int) -> dict[str, list[tuple]]:
    """Articles ``first`` to ``last - 1`` as rows of each table (tuples pickle fast); officials name
    their person by key and carry their cleaned positions, for the parent to number and count."""
    rows: dict[str, list[tuple]] = {name: [] for name in ("articles", "search", "pairs", "dates", "statistics",
                                                           "officials", "directives")}
    for number in range(first, last):
        row, tags = _generator.article(number)
        day = (row["published"] or row["first_seen"])[:10]
        rows["articles"].append(tuple(row[name] for name in ARTICLE_COLUMNS))
        rows["search"].append((number, *row["search"]))
        rows["pairs"] += [(table, number, *columns) for table, columns in pair_rows(*row["search"]).items()]
        rows["dates"] += [(number, d["text"], d["start"], d["end"], d["kind"], d["start_date"], d["end_date"])
                          for d in tags["dates"]]
        rows["statistics"] += [(number, s["text"], s["start"], s["end"], s["value"], s["denominator"],
                                s["unit_text"], s["qualifier"], s["kind"]) for s in tags["statistics"]]
        rows["officials"] += [(number, name_key(o["name"]), o["text"], o["start"], o["end"], o["name"],
                               o["honorific"], json.dumps(o["positions"], ensure_ascii=False), day,
                               tuple((_clean(p["title"]), _clean(p["organization"])) for p in o["positions"]))
                              for o in tags["officials"]]
        rows["directives"] += [(number, d["key"], d["text"], d["start"], d["end"], d["date"], d["issuer"],
                                d["title"], day, tuple(d.get(name) for name in DIRECTIVE_FIELDS))
                               for d in tags["directives"]]
    return rows


def _batches(articles: int, seed: int, workers: int):
    """``_rows`` of every batch of articles, in order, generated in ``workers`` processes."""
    window: collections.deque = collections.deque()
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"), initializer=_start_worker,
                             initargs=(seed,)) as pool:
        for first in range(1, articles + 1, BATCH):
            window.append(pool.submit(_rows, first, min(first + BATCH, articles + 1)))
            if len(window) > workers:  # bounded look-ahead: memory stays flat
                yield window.popleft().result()
        while window:
            yield window.popleft().result()


def build(articles: int, out: Path, seed: int = 1, workers: int = os.cpu_count() or 1, progress=print) -> Path:
    """Write an index of ``articles`` synthetic articles to ``out`` (built aside, then renamed)."""
    started = time.perf_counter()
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    Index(partial).close()  # the real schema, from the real migrations
    conn = sqlite3.connect(partial, isolation_level=None)
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.execute("PRAGMA journal_mode=OFF")  # a failed build is thrown away, never reused
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA cache_size=-1000000")
    conn.execute("BEGIN")
    indexes = _drop_indexes(conn)
    people: dict[str, tuple[int, str]] = {}
    positions: dict[tuple, list] = {}
    directives: dict[str, tuple] = {}
    done = 0
    for rows in _batches(articles, seed, workers):
        _insert(conn, rows, people, positions, directives)
        done += len(rows["articles"])
        if done % 100_000 < BATCH or done == articles:
            progress(f"  {done:>9,} articles  {time.perf_counter() - started:6.0f} s")
    conn.executemany("INSERT INTO people (id, key, name, name_folded) VALUES (?, ?, ?, ?)",
                     [(person_id, key, _clean(name), fold_key(name)) for key, (person_id, name) in people.items()])
    conn.executemany("INSERT INTO person_positions (person_id, title, organization, first_seen, last_seen, "
                     "article_count) VALUES (?, ?, ?, ?, ?, ?)",
                     [(*key, first_day, last_day, count) for key, (count, first_day, last_day, _) in positions.items()])
    conn.executemany(f"INSERT INTO directives (key, key_folded, {', '.join(DIRECTIVE_FIELDS)}) "
                     f"VALUES (?, ?, {', '.join('?' * len(DIRECTIVE_FIELDS))})",
                     [(key, directive_fold(key), *fields) for key, fields in directives.items()])
    progress(f"  indexes  {time.perf_counter() - started:6.0f} s")
    for sql in indexes:
        conn.execute(sql)
    conn.execute("UPDATE people SET (article_count, first_seen, last_seen) = (SELECT count(DISTINCT article_id), "
                 "min(article_day), max(article_day) FROM official_mentions WHERE person_id = people.id)")
    conn.execute("UPDATE directives SET (article_count, first_cited, last_cited) = (SELECT count(DISTINCT "
                 "article_id), min(article_day), max(article_day) FROM directive_mentions "
                 "WHERE directive_key = directives.key)")
    conn.execute("COMMIT")
    conn.execute("PRAGMA journal_mode=WAL")  # as Index leaves it; no ANALYZE, which Index never runs
    conn.close()
    progress(f"  optimize the search index (as a nightly run does)  {time.perf_counter() - started:6.0f} s")
    index = Index(partial)
    index.optimize_search()
    index.close()
    partial.replace(out)
    progress(f"  done  {time.perf_counter() - started:6.0f} s, {out.stat().st_size / 2**30:.1f} GiB")
    return out


def _insert(conn: sqlite3.Connection, rows: dict[str, list[tuple]], people: dict, positions: dict,
            directives: dict) -> None:
    conn.executemany(f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}) "
                     f"VALUES ({', '.join('?' * len(ARTICLE_COLUMNS))})", rows["articles"])
    conn.executemany("INSERT INTO article_search (article_id, title, lead, text) VALUES (?, ?, ?, ?)", rows["search"])
    note_spellings(sqlite_utils.Database(conn), *(form for search in rows["search"] for form in search[1:]))
    for table in {pairs[0] for pairs in rows["pairs"]}:  # the pair tables, which no trigger fills
        conn.executemany(f"INSERT INTO {table}(rowid, title, lead, text) VALUES (?, ?, ?, ?)",
                         [pairs[1:] for pairs in rows["pairs"] if pairs[0] == table])
    conn.executemany('INSERT INTO dates (article_id, text, start, "end", kind, start_date, end_date) '
                     "VALUES (?, ?, ?, ?, ?, ?, ?)", rows["dates"])
    conn.executemany('INSERT INTO statistics (article_id, text, start, "end", value, denominator, unit_text, '
                     "qualifier, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows["statistics"])
    officials = []
    for article_id, key, text, start, end, name, honorific, positions_json, day, cleaned in rows["officials"]:
        if key not in people:
            people[key] = (len(people) + 1, name)  # the name as first written, as data.tags keeps it
        person_id = people[key][0]
        officials.append((article_id, person_id, text, start, end, name, honorific, positions_json, day))
        for title, organization in cleaned:  # as data.tags counts them: articles per person, title, organization
            seen = positions.setdefault((person_id, title, organization), [0, day, day, None])
            if seen[3] != article_id:
                seen[:] = seen[0] + 1, min(seen[1], day), max(seen[2], day), article_id
    conn.executemany('INSERT INTO official_mentions (article_id, person_id, text, start, "end", name, honorific, '
                     "positions, article_day) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", officials)
    for mention in rows["directives"]:
        directives.setdefault(mention[1], mention[-1])
    conn.executemany('INSERT INTO directive_mentions (article_id, directive_key, text, start, "end", date, issuer, '
                     "title, article_day) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     [mention[:-1] for mention in rows["directives"]])


def _clean(value: str | None) -> str | None:
    return " ".join(unify(value or "").split()) or None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1_000_000, help="how many articles (default 1000000)")
    parser.add_argument("--out", type=Path, help="index file to write (default: the cache file under bench/.cache)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="processes generating text (default: one per core)")
    args = parser.parse_args()
    out = args.out or cache_path(args.articles)
    build(args.articles, out, seed=args.seed, workers=args.workers)
    print(out)


if __name__ == "__main__":
    sys.exit(main())
