"""data/schema.sql is the schema of a new index and of an old one brought up to date, and the
migrations that build it are frozen: SQL or code of their own, never the application's."""
from __future__ import annotations

import ast
import inspect
import json
import sqlite3
from pathlib import Path

import sqlite_utils

from data import schema
from data.database import open_database
from data.people import person_key
from data.schema import MIGRATIONS, schema_sql
from data.search import store_search_text

SCHEMA = Path(schema.__file__).with_name("schema.sql")
PROJECT = ("crawler", "extract", "nlp", "data", "pipeline")


def _apply(db: sqlite_utils.Database, migration) -> None:
    migration(db)
    db["_migrations"].insert({"name": migration.__name__, "applied_at": "2024-01-01 00:00:00"})


def _index_of_the_first_layouts(path: Path) -> None:
    """An index made when only m001 existed, with an article, then tagged when m002 was the last."""
    db = sqlite_utils.Database(path)
    db["_migrations"].create({"name": str, "applied_at": str}, pk="name")
    _apply(db, MIGRATIONS[0])
    db["sources"].insert({"name": "haiphong", "province": "Hải Phòng", "enabled": 1})
    db["articles"].insert({"id": 1, "url": "http://portal.test/a.html", "site": "haiphong",
                           "title": "Hội nghị Thành uỷ", "lead": "Khánh Hoà khoẻ",
                           "text": "Gửi qua thư hoặc điện thoại. Thuỷ lợi, hoà bình.",
                           "published": "2022-03-04", "first_seen": "2022-03-04T08:00:00+00:00", "revision": 1})
    _apply(db, MIGRATIONS[1])
    db["people"].insert({"id": 7, "key": "lê minh thuỷ", "name": "Lê Minh Thuỷ", "name_folded": "le minh thuy",
                         "article_count": 1})
    db["official_mentions"].insert({"article_id": 1, "person_id": 7, "name": "Lê Minh Thuỷ.", "article_day": "2022-03-04",
                                    "positions": json.dumps([{"title": "Phó Chủ tịch",
                                                              "organization": "UBND thành phố"}])})
    db["directives"].insert({"key": "05-CT/TW", "key_folded": "05-ct/tw", "article_count": 2})
    for day, date in (("2022-05-01", "2016-05-15"), ("2022-03-04", "2016-05-16")):
        db["directive_mentions"].insert({"article_id": 1, "directive_key": "05-CT/TW", "article_day": day,
                                         "date": date})
    db.close()


def test_a_new_index_has_the_recorded_schema(tmp_path):
    db = open_database(tmp_path / "new.db", write=True)
    assert schema_sql(db) == SCHEMA.read_text(encoding="utf-8")
    db.close()


def test_an_index_of_the_first_layout_is_migrated_to_the_recorded_schema(tmp_path):
    path = tmp_path / "m001.db"
    _index_of_the_first_layouts(path)
    db = open_database(path, write=True)
    assert schema_sql(db) == SCHEMA.read_text(encoding="utf-8")
    assert [name for (name,) in db.execute("SELECT name FROM _migrations ORDER BY rowid")] == [
        m.__name__ for m in MIGRATIONS]
    # m003's search form (tones of oa, oe, uy on one vowel, "hoặc" as written), with m008's boundaries
    search = db.execute("SELECT title, lead, text FROM article_search WHERE article_id = 1").fetchone()
    assert search == ("Hội nghị Thành ủy", "Khánh Hòa khỏe", "Gửi qua thư hoặc điện thoại. ǀ Thủy lợi, ǀ hòa bình.")
    article = db.execute("SELECT title, lead, text FROM articles WHERE id = 1").fetchone()
    assert search == store_search_text(db, 1, *article)  # what today's code writes for a new article
    assert db.execute("SELECT key, province FROM people").fetchall() == [
        (person_key("Lê Minh Thuỷ.", "Hải Phòng"), "Hải Phòng")]  # m009
    assert db.execute("SELECT title, organization FROM person_positions").fetchall() == [
        ("Phó Chủ tịch", "Ủy ban nhân dân thành phố")]
    assert db.execute("SELECT date FROM directives").fetchone()[0] == "2016-05-16"  # m006: the earliest citation's
    db.close()


def test_the_recorded_schema_builds_itself():
    conn = sqlite3.connect(":memory:")
    conn.executescript(SCHEMA.read_text(encoding="utf-8"))
    assert schema_sql(sqlite_utils.Database(conn)) == SCHEMA.read_text(encoding="utf-8")


def _project_imports(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
            [node.module or ""] if isinstance(node, ast.ImportFrom) else []
        found += [name for name in names if name.split(".")[0] in PROJECT]
    return found


def test_migrations_use_no_application_code():
    module = ast.parse(inspect.getsource(schema))
    assert _project_imports(ast.Module(body=[n for n in module.body if not isinstance(n, ast.FunctionDef)],
                                       type_ignores=[])) == []
    for migration in MIGRATIONS:
        assert _project_imports(ast.parse(inspect.getsource(migration))) == [], migration.__name__
