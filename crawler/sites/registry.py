"""The registry of site profiles: one name, one or more versions with non-overlapping validity."""
from __future__ import annotations

from datetime import date
from typing import Callable, Iterable, Iterator

from crawler.sites.base import SiteProfile


class DuplicateProfileError(ValueError):
    """A profile name (and version) is registered twice, or two versions overlap in time."""


class UnknownSiteError(KeyError):
    """No profile has this name."""

    def __str__(self) -> str:
        return f"unknown site {self.args[0]!r} (see `vnportal sites`)"


def _period(profile: SiteProfile) -> tuple[date, date]:
    return (date.fromisoformat(profile.valid_from) if profile.valid_from else date.min,
            date.fromisoformat(profile.valid_until) if profile.valid_until else date.max)


class Registry:
    """Profiles by name. A second profile with a taken name is refused unless it is a new
    ``version`` whose validity period does not overlap the existing ones.

    ``profiles`` may be a function returning them, called on first use: the registry of real
    portals reads its files then, so a bad file fails the command that needs it, not every import."""

    def __init__(self, profiles: Iterable[SiteProfile] | Callable[[], Iterable[SiteProfile]] = ()):
        self._by_name: dict[str, list[SiteProfile]] = {}
        self._load = profiles if callable(profiles) else None
        if self._load is None:
            for profile in profiles:
                self.register(profile)

    @property
    def _profiles(self) -> dict[str, list[SiteProfile]]:
        if self._load is not None:
            profiles, self._load = list(self._load()), None
            for profile in profiles:
                self.register(profile)
        return self._by_name

    def register(self, profile: SiteProfile) -> SiteProfile:
        versions = self._profiles.setdefault(profile.name, [])
        for other in versions:
            if other.version == profile.version:
                raise DuplicateProfileError(f"site {profile.name!r} version {profile.version} is already registered")
            (a_start, a_end), (b_start, b_end) = _period(other), _period(profile)
            if a_start < b_end and b_start < a_end:
                raise DuplicateProfileError(
                    f"site {profile.name!r}: versions {other.version} and {profile.version} overlap in time")
        versions.append(profile)
        versions.sort(key=lambda p: _period(p)[0])
        return profile

    def get(self, name: str, on: date | None = None) -> SiteProfile:
        """The version valid on ``on``; without a date, the latest version."""
        versions = self._profiles.get(name)
        if not versions:
            raise UnknownSiteError(name)
        if on is None:
            return versions[-1]
        for profile in versions:
            if profile.valid_on(on):
                return profile
        raise UnknownSiteError(f"{name} on {on.isoformat()}")

    def version_for(self, name: str, day: date | None) -> SiteProfile:
        """The version valid on ``day``; the latest when ``day`` is unknown or no version covers it."""
        versions = self._profiles.get(name)
        if not versions:
            raise UnknownSiteError(name)
        return next((p for p in versions if day is not None and p.valid_on(day)), versions[-1])

    def versions(self, name: str) -> list[SiteProfile]:
        return list(self._profiles.get(name, ()))

    def names(self) -> list[str]:
        return sorted(self._profiles)

    def enabled(self) -> list[SiteProfile]:
        """The latest version of every enabled site."""
        return [p for p in (self.get(n) for n in self.names()) if p.enabled]

    def __contains__(self, name: str) -> bool:
        return name in self._profiles

    def __iter__(self) -> Iterator[SiteProfile]:
        return (self.get(name) for name in self.names())

    def __len__(self) -> int:
        return len(self._profiles)

    def archived(self, today: date) -> list[SiteProfile]:
        """The latest version of every site whose portal closed by ``today`` (``valid_until``):
        what only the web archives still hold."""
        return [p for p in self if p.valid_until and date.fromisoformat(p.valid_until) <= today]
