"""Portal profiles as data: one TOML file per portal (crawler/sites/portals/<name>.toml).

The file name is the profile name (the portal's host). Top-level keys are the SiteProfile
fields; ``[selectors]`` and ``[[listings]]`` are tables. A portal whose layout changed keeps
one file with a ``[[versions]]`` entry per layout: each gives ``version``, its validity
(``valid_from``/``valid_until``, TOML dates, ``valid_until`` exclusive) and the fields that
differ; the top-level keys are shared. ``verified`` is required: true only when the entry
points and URL shape were seen on the portal (``vnportal check-site NAME``).
Validity dates used so far: 2025-02-03 (Ban Tuyên giáo and Ban Dân vận merged at every level)
and 2025-07-01 (Nghị quyết 202/2025/QH15: 34 provinces, no districts).
"""
from __future__ import annotations

import re
import tomllib
from datetime import date
from pathlib import Path

from crawler.sites.base import Listing, Selectors, SiteProfile
from crawler.sites.registry import DuplicateProfileError, Registry

PORTALS_DIR = Path(__file__).resolve().parent / "portals"

STRINGS = "list of strings"
# field -> expected TOML type (a Python type, STRINGS, or the table class it becomes)
FIELDS = {"province": str, "level": str, "domains": STRINGS, "platform": str, "rss": STRINGS, "sitemaps": STRINGS,
          "listings": Listing, "article_pattern": str, "selectors": Selectors, "path_prefix": str, "enabled": bool,
          "version": int, "valid_from": date, "valid_until": date, "verified": bool, "note": str}
REQUIRED = ("province", "level", "domains", "verified")
TABLE_FIELDS = {Listing: {"url": str, "page_pattern": str, "first_page": int},
                Selectors: {"title": str, "date": str, "body": str, "author": str}}
TYPE_NAMES = {str: "a string", bool: "true or false", int: "an integer", date: "a date (YYYY-MM-DD, unquoted)",
              STRINGS: "a list of strings", Listing: "a list of [[listings]] tables", Selectors: "a [selectors] table"}


class ProfileFileError(ValueError):
    """A portal profile file that cannot be read or does not describe a valid profile."""


def load_profiles(directory: Path = PORTALS_DIR) -> list[SiteProfile]:
    """Every version of every portal described in ``directory`` (``*.toml``, sorted by name)."""
    return [profile for path in sorted(directory.glob("*.toml")) for profile in load_profile_file(path)]


def load_profile_file(path: Path) -> list[SiteProfile]:
    """The versions one portal file describes; ProfileFileError names the file and the field."""
    try:
        with path.open("rb") as stream:
            data = tomllib.load(stream)
    except tomllib.TOMLDecodeError as exc:
        raise ProfileFileError(f"{path}: not valid TOML: {exc}") from None
    versions = data.pop("versions", None)
    if versions is not None and not (isinstance(versions, list) and all(isinstance(v, dict) for v in versions)):
        raise ProfileFileError(f"{path}: field 'versions' must be a list of [[versions]] tables")
    _check_fields(path, data, "", required=REQUIRED if versions is None else ())
    if versions is None:
        return [_profile(path, data)]
    for number, entry in enumerate(versions, 1):
        _check_fields(path, entry, f"versions[{number}].", required=("version",))
    missing = [key for key in REQUIRED if key not in data and any(key not in v for v in versions)]
    if missing:
        raise ProfileFileError(f"{path}: field '{missing[0]}' is required")
    profiles = [_profile(path, {**data, **entry}) for entry in versions]
    try:
        Registry(profiles)
    except DuplicateProfileError as exc:
        raise ProfileFileError(f"{path}: versions: {exc}") from None
    return profiles


def _check_fields(path: Path, data: dict, where: str, required: tuple[str, ...]) -> None:
    for key in required:
        if key not in data:
            raise ProfileFileError(f"{path}: field '{where}{key}' is required")
    for key, value in data.items():
        kind = FIELDS.get(key)
        if kind is None:
            raise ProfileFileError(f"{path}: unknown field '{where}{key}' (known: {', '.join(FIELDS)})")
        if kind in TABLE_FIELDS:
            tables = value if kind is Listing else [value]
            if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
                raise ProfileFileError(f"{path}: field '{where}{key}' must be {TYPE_NAMES[kind]}")
            for number, table in enumerate(tables, 1):
                inner = f"{where}{key}[{number}]." if kind is Listing else f"{where}{key}."
                _check_table(path, table, TABLE_FIELDS[kind], inner)
        elif not _is(value, kind):
            raise ProfileFileError(f"{path}: field '{where}{key}' must be {TYPE_NAMES[kind]}, not {value!r}")


def _check_table(path: Path, table: dict, fields: dict, where: str) -> None:
    for key, value in table.items():
        if key not in fields:
            raise ProfileFileError(f"{path}: unknown field '{where}{key}' (known: {', '.join(fields)})")
        if not _is(value, fields[key]):
            raise ProfileFileError(f"{path}: field '{where}{key}' must be {TYPE_NAMES[fields[key]]}, not {value!r}")


def _is(value, kind) -> bool:
    if kind is STRINGS:
        return isinstance(value, list) and all(isinstance(item, str) for item in value)
    if kind is date:
        return isinstance(value, date) and not hasattr(value, "hour")  # a date, not a date-time
    if kind is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, kind)


def _profile(path: Path, data: dict) -> SiteProfile:
    """The SiteProfile the checked fields describe; its own checks (level, platform, name, pattern) name the file."""
    fields = dict(data)
    for key in ("valid_from", "valid_until"):
        if key in fields:
            fields[key] = fields[key].isoformat()
    for key in ("domains", "rss", "sitemaps"):
        if key in fields:
            fields[key] = tuple(fields[key])
    fields["listings"] = tuple(Listing(**table) for table in fields.get("listings", ()))
    fields["selectors"] = Selectors(**fields.get("selectors", {}))
    try:
        return SiteProfile(name=path.stem, **fields)
    except ValueError as exc:
        raise ProfileFileError(f"{path}: {exc}") from None
    except re.error as exc:
        raise ProfileFileError(f"{path}: field 'article_pattern' is not a valid regular expression: {exc}") from None
