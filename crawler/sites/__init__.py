"""Site profiles: one declaration per portal, and the registry that holds them.

``REGISTRY`` holds the real portals (crawler/sites/portals.py); ``sample_profiles(base_url)``
builds the profiles of the bundled sample portal for a server address.
"""
from __future__ import annotations

from crawler.sites.base import LEVELS, PLATFORMS, Listing, Selectors, SiteProfile
from crawler.sites.portals import PORTALS
from crawler.sites.registry import DuplicateProfileError, Registry, UnknownSiteError
from crawler.sites.sample import sample_profiles

REGISTRY = Registry(PORTALS)


def get_profile(name: str) -> SiteProfile:
    """The profile whose pages are stored under site ``name``: the registry's latest version,
    else a sample-portal profile (its selectors do not depend on the server address).
    Raises UnknownSiteError (a KeyError) for other names, e.g. sites crawled with --url."""
    if name in REGISTRY:
        return REGISTRY.get(name)
    for profile in sample_profiles("http://127.0.0.1"):
        if profile.name == name:
            return profile
    raise UnknownSiteError(name)


__all__ = ["LEVELS", "PLATFORMS", "DuplicateProfileError", "Listing", "REGISTRY", "Registry",
           "Selectors", "SiteProfile", "UnknownSiteError", "get_profile",
           "sample_profiles"]
