"""Crawling portals into the index: site profiles, the generic Scrapy spider, incremental state.

Public API: ``crawl(index_path, profiles, *, max_pages=None, since=None, options=None, progress=None)
-> CrawlReport`` (runs Scrapy in a child process), ``REGISTRY`` of real portal profiles,
``sample_profiles(base_url)``, ``CrawlOptions``/``load_options``, ``check_site(profile)``.
"""
from crawler.check import SiteCheck, check_site
from crawler.lock import LockBusy, run_lock
from crawler.options import CrawlOptions, load_options
from crawler.runner import CrawlError, CrawlLocked, CrawlReport, SiteReport, crawl
from crawler.sites import (REGISTRY, DuplicateProfileError, Listing, Registry, Selectors, SiteProfile,
                           UnknownSiteError, get_profile, sample_profiles)

__all__ = ["CrawlError", "CrawlLocked", "CrawlOptions", "CrawlReport", "DuplicateProfileError", "Listing",
           "LockBusy", "REGISTRY", "Registry", "Selectors", "SiteCheck", "SiteProfile", "SiteReport",
           "UnknownSiteError", "check_site", "crawl", "get_profile", "load_options", "run_lock",
           "sample_profiles"]
