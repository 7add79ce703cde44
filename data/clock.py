"""The index's times: UTC, to the second, in ISO 8601 ("2024-06-01T08:00:00+00:00"), the one
format every stored time has, whose text sorts as the times do (SQL compares them as text)."""
from __future__ import annotations

from datetime import datetime, timezone


def utcnow() -> datetime:
    """Now, in UTC."""
    return datetime.now(timezone.utc)


def iso(moment: datetime) -> str:
    """``moment`` (a UTC time) as the index stores it."""
    return moment.isoformat(timespec="seconds")


def utc_iso() -> str:
    """Now, as the index stores it."""
    return iso(utcnow())
