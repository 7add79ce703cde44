"""Site profiles: one declaration per portal, and the registry that holds them.

``REGISTRY`` holds the real portals, one TOML file each in crawler/sites/portals/ (read on first
use, see crawler/sites/files.py); ``sample_profiles(base_url)`` builds the profiles of the bundled
sample portal for a server address.
"""
from __future__ import annotations

from datetime import date

from crawler.sites.base import LEVELS, PLATFORMS, Listing, Selectors, SiteProfile
from crawler.sites.files import ProfileFileError, load_profiles
from crawler.sites.registry import DuplicateProfileError, Registry, UnknownSiteError
from crawler.sites.sample import sample_profiles

REGISTRY = Registry(load_profiles)


def get_profile(name: str, on: date | None = None) -> SiteProfile:
    """The profile whose pages are stored under site ``name``: the registry's version valid on
    ``on`` (the latest without a date, or when none covers it), else a sample-portal profile (its
    selectors do not depend on the server address). Raises UnknownSiteError (a KeyError) for
    other names, e.g. sites crawled with --url."""
    if name in REGISTRY:
        return REGISTRY.version_for(name, on)
    for profile in sample_profiles("http://127.0.0.1"):
        if profile.name == name:
            return profile
    raise UnknownSiteError(name)


__all__ = ["LEVELS", "PLATFORMS", "DuplicateProfileError", "Listing", "ProfileFileError", "REGISTRY", "Registry",
           "Selectors", "SiteProfile", "UnknownSiteError", "get_profile",
           "sample_profiles"]
