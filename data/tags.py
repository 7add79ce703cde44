"""An article's tag rows (dates, official and directive mentions, statistics) and what they
roll up into: people, their positions over time, and cited documents, each with first/last
seen dates and an article count kept in step as articles are (re)tagged."""
from __future__ import annotations

import hashlib
import json
import re
import unicodedata

import sqlite_utils

from data.people import person_key, position_key, stored_position
from data.textnorm import directive_fold
from nlp.vietnamese import fold_key, unify

TAG_TABLES = ("dates", "official_mentions", "directive_mentions", "statistics")
_KINDS = ("dates", "officials", "directives", "statistics")
_SPACE = re.compile(r"\s+")


def tags_dict(tags) -> dict:
    """The ``Tags.to_dict()`` shape of ``tags`` (a Tags record, its dict, or None for no tags)."""
    if tags is None:
        return {kind: [] for kind in _KINDS}
    as_dict = tags.to_dict() if hasattr(tags, "to_dict") else dict(tags)
    return {kind: list(as_dict.get(kind) or []) for kind in _KINDS}


def tags_hash(tags) -> str:
    """A digest of the tags, so re-indexing identical tags can be recognised and skipped."""
    canonical = json.dumps(tags_dict(tags), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _clean(value: str | None) -> str | None:
    value = _SPACE.sub(" ", unify(value or "")).strip()
    return value or None


def _position_keys(positions: list[dict]) -> dict[str, tuple[str, str | None]]:
    """A mention's positions as stored (data.people.stored_position), by their comparison key."""
    keys: dict[str, tuple[str, str | None]] = {}
    for position in positions or []:
        stored = stored_position(position.get("title"), position.get("organization"))
        if stored:
            keys.setdefault(position_key(*stored), stored)
    return keys


def replace_tags(db: sqlite_utils.Database, article_id: int, tags) -> None:
    """Replace the article's tag rows with ``tags``; update people, positions and directives.

    Runs inside the caller's transaction. First/last seen use the article's date: its
    publication date, else the day it was first fetched.
    """
    found = tags_dict(tags)
    day, province = db.execute("SELECT substr(coalesce(a.published, a.first_seen), 1, 10), s.province FROM articles a "
                               "LEFT JOIN sources s ON s.name = a.site WHERE a.id = ?", [article_id]).fetchone()
    old_people = _people_of(db, article_id)
    old_directives = dict(db.execute(
        "SELECT directive_key, article_day FROM directive_mentions WHERE article_id = ?", [article_id]))
    for table in TAG_TABLES:
        db.execute(f"DELETE FROM {table} WHERE article_id = ?", [article_id])
    db.conn.executemany(
        'INSERT INTO dates (article_id, text, start, "end", kind, start_date, end_date) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [(article_id, d["text"], d["start"], d["end"], d.get("kind"), d.get("start_date"), d.get("end_date"))
         for d in found["dates"]])
    db.conn.executemany(
        'INSERT INTO statistics (article_id, text, start, "end", value, denominator, unit_text, qualifier, kind) '
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(article_id, s["text"], s["start"], s["end"], s.get("value"), s.get("denominator"), s.get("unit_text"),
          s.get("qualifier"), s.get("kind")) for s in found["statistics"]])
    for official in found["officials"]:
        _insert_official(db, article_id, official, day, province)
    created = [key for key in (_insert_directive(db, article_id, directive, day)
                               for directive in found["directives"]) if key]
    _sync_people(db, old_people, _people_of(db, article_id), day)
    new_directives = {key for (key,) in db.execute(
        "SELECT DISTINCT directive_key FROM directive_mentions WHERE article_id = ?", [article_id])}
    for key in new_directives - set(old_directives):
        _bump(db, "directives", "key", key, "first_cited", "last_cited", day)
    for key, old_day in old_directives.items():
        if key not in new_directives or old_day != day:
            _recount_directive(db, key)
    for key in created:
        _adopt_undated_citations(db, key)


def _people_of(db: sqlite_utils.Database, article_id: int) -> dict[int, tuple[str, dict]]:
    people: dict[int, tuple[str, dict]] = {}
    for person_id, day, positions in db.execute(
            "SELECT person_id, article_day, positions FROM official_mentions WHERE article_id = ? ORDER BY id",
            [article_id]):
        found = people.setdefault(person_id, (day, {}))[1]
        for key, stored in _position_keys(json.loads(positions or "[]")).items():
            found.setdefault(key, stored)
    return people


def _insert_official(db: sqlite_utils.Database, article_id: int, official: dict, day: str,
                     province: str | None) -> None:
    """Store one mention under its person (data.people.person_key: the name within the site's province)."""
    key = person_key(official.get("name") or "", province)
    if not key:
        return
    row = db.execute("SELECT id FROM people WHERE key = ?", [key]).fetchone()
    if row is None:
        person_id = db.execute("INSERT INTO people (key, name, name_folded, province) VALUES (?, ?, ?, ?)",
                               [key, _clean(official["name"]), fold_key(official["name"]), province or None]).lastrowid
    else:
        person_id = row[0]
    db.execute('INSERT INTO official_mentions (article_id, person_id, text, start, "end", name, honorific, '
               "positions, article_day) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
               [article_id, person_id, official["text"], official["start"], official["end"], official["name"],
                official.get("honorific"), json.dumps(official.get("positions") or [], ensure_ascii=False), day])


_PARTY_NUMBER = re.compile(r"\d+-[^/@]+/[^/@]+")


def _insert_directive(db: sqlite_utils.Database, article_id: int, directive: dict, day: str) -> str | None:
    """Store one citation; return the document key if this citation created a dated Party key."""
    key = unicodedata.normalize("NFC", directive.get("key") or "").strip()
    if not key:
        return None
    if _PARTY_NUMBER.fullmatch(key):
        key = _dated_party_key(db, key, day)
    fields = ("doc_type", "type_code", "number", "issuer_code", "year")
    values = [directive.get(name) for name in fields]
    created = db.execute(f"INSERT OR IGNORE INTO directives (key, key_folded, {', '.join(fields)}) "
                         f"VALUES (?, ?, {', '.join('?' * len(fields))})",
                         [key, directive_fold(key), *values]).rowcount == 1
    # the first citation that gives a field of the number (its type in words) fills it
    db.execute(f"UPDATE directives SET {', '.join(f'{name} = coalesce({name}, ?)' for name in fields)} "
               "WHERE key = ?", [*values, key])
    db.execute('INSERT INTO directive_mentions (article_id, directive_key, text, start, "end", date, issuer, '
               "title, article_day) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
               [article_id, key, directive["text"], directive["start"], directive["end"], directive.get("date"),
                directive.get("issuer"), directive.get("title"), day])
    fill_cited_fields(db, key)
    return key if created and "@" in key else None


CITED_FIELDS = ("date", "issuer", "title")  # written by each citation; kept in directive_mentions


def fill_cited_fields(db: sqlite_utils.Database, key: str) -> None:
    """The document's signing date, issuer and title: those of its earliest citation that gives
    each (the smallest on a tie), so the order articles are indexed in never decides them."""
    picks = ", ".join(f"{name} = (SELECT {name} FROM directive_mentions WHERE directive_key = :key "
                      f"AND {name} IS NOT NULL ORDER BY article_day, {name} LIMIT 1)" for name in CITED_FIELDS)
    db.execute(f"UPDATE directives SET {picks} WHERE key = :key", {"key": key})


def _dated_party_key(db: sqlite_utils.Database, key: str, day: str) -> str:
    """An undated Party number ("05-CT/TW") cited on ``day`` means the latest document of that
    number already known with a signing date on or before that day ("05-CT/TW@2016"), because
    Party numbers restart with each committee term; with none known, the key stays undated."""
    row = db.execute("SELECT key FROM directives WHERE key LIKE ? AND date <= ? ORDER BY date DESC LIMIT 1",
                     [key + "@%", day]).fetchone()
    return row[0] if row else key


def _adopt_undated_citations(db: sqlite_utils.Database, dated_key: str) -> None:
    """A dated Party key seen for the first time takes over the undated citations of its number
    made on or after its signing date (indexing order must not decide what a citation means)."""
    undated = dated_key.split("@", 1)[0]
    signed = db.execute("SELECT date FROM directives WHERE key = ?", [dated_key]).fetchone()[0]
    if signed is None:
        return
    moved = db.execute("UPDATE directive_mentions SET directive_key = ? WHERE directive_key = ? AND date IS NULL "
                       "AND article_day >= ?", [dated_key, undated, signed]).rowcount
    if moved:
        _recount_directive(db, undated)
        _recount_directive(db, dated_key)


def _bump(db: sqlite_utils.Database, table: str, key_column: str, key, first: str, last: str, day: str) -> None:
    """One more article, on ``day``, for an entity this article did not count before."""
    db.execute(f"UPDATE {table} SET article_count = article_count + 1, "
               f"{first} = min(coalesce({first}, :day), :day), {last} = max(coalesce({last}, :day), :day) "
               f"WHERE {key_column} = :key", {"day": day, "key": key})


def _sync_people(db: sqlite_utils.Database, old: dict, new: dict, day: str) -> None:
    for person_id, (_, positions) in new.items():
        if person_id not in old:
            _bump(db, "people", "id", person_id, "first_seen", "last_seen", day)
            for key, (title, organization) in positions.items():
                _bump_position(db, person_id, key, title, organization, day)
    for person_id, (old_day, old_positions) in old.items():
        if person_id not in new or old_day != day:
            _recount_person(db, person_id)
        elif old_positions.keys() != new[person_id][1].keys():
            _rebuild_positions(db, person_id)


def _bump_position(db: sqlite_utils.Database, person_id: int, key: str, title: str, organization: str | None,
                   day: str) -> None:
    row = next((row for row in db.execute("SELECT id, title, organization FROM person_positions WHERE person_id = ?",
                                          [person_id]) if position_key(row[1], row[2]) == key), None)
    if row is None:
        db.execute("INSERT INTO person_positions (person_id, title, organization, first_seen, last_seen, "
                   "article_count) VALUES (?, ?, ?, ?, ?, 1)", [person_id, title, organization, day, day])
    else:  # written as its earliest mention wrote it, as _rebuild_positions keeps it
        db.execute("UPDATE person_positions SET title = ?, organization = ? WHERE id = ? AND first_seen > ?",
                   [title, organization, row[0], day])
        _bump(db, "person_positions", "id", row[0], "first_seen", "last_seen", day)


def _recount_person(db: sqlite_utils.Database, person_id: int) -> None:
    """Recompute a person's counts from their mentions (after a mention went away or moved)."""
    db.execute("UPDATE people SET article_count = (SELECT count(DISTINCT article_id) FROM official_mentions "
               "WHERE person_id = :id), first_seen = (SELECT min(article_day) FROM official_mentions "
               "WHERE person_id = :id), last_seen = (SELECT max(article_day) FROM official_mentions "
               "WHERE person_id = :id) WHERE id = :id", {"id": person_id})
    _rebuild_positions(db, person_id)
    db.execute("DELETE FROM people WHERE id = ? AND article_count = 0", [person_id])


def _rebuild_positions(db: sqlite_utils.Database, person_id: int) -> None:
    """A person's positions from their mentions: one per comparison key, as first written (by day)."""
    seen: dict[str, list] = {}
    for article_id, day, positions in db.execute(
            "SELECT article_id, article_day, positions FROM official_mentions WHERE person_id = ? "
            "ORDER BY article_day, id", [person_id]):
        for key, stored in _position_keys(json.loads(positions or "[]")).items():
            _, articles, days = seen.setdefault(key, [stored, set(), []])
            articles.add(article_id)
            days.append(day)
    db.execute("DELETE FROM person_positions WHERE person_id = ?", [person_id])
    db.conn.executemany(
        "INSERT INTO person_positions (person_id, title, organization, first_seen, last_seen, article_count) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [(person_id, title, organization, min(days), max(days), len(articles))
         for (title, organization), articles, days in seen.values()])


def _recount_directive(db: sqlite_utils.Database, key: str) -> None:
    db.execute("UPDATE directives SET article_count = (SELECT count(DISTINCT article_id) FROM directive_mentions "
               "WHERE directive_key = :key), first_cited = (SELECT min(article_day) FROM directive_mentions "
               "WHERE directive_key = :key), last_cited = (SELECT max(article_day) FROM directive_mentions "
               "WHERE directive_key = :key) WHERE key = :key", {"key": key})
    db.execute("DELETE FROM directives WHERE key = ? AND article_count = 0", [key])
    fill_cited_fields(db, key)
