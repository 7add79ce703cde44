"""Crawling portals into the index: site profiles, the generic Scrapy spider, incremental state.

Public API: ``crawl(index_path, profiles, *, max_pages=None, since=None, options=None, progress=None)
-> CrawlReport`` (runs Scrapy in a child process), ``REGISTRY`` of real portal profiles,
``sample_profiles(base_url)``, ``CrawlOptions``/``load_options``, ``check_site(profile)``.

Each name is imported from its module on first use (lazy_loader), so a command that needs only
the run lock or the profiles does not load Scrapy and Twisted.
"""
import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach(__name__, submod_attrs={
    "check": ["SiteCheck", "check_site"],
    "lock": ["LockBusy", "run_lock"],
    "options": ["CrawlOptions", "load_options"],
    "runner": ["CrawlError", "CrawlLocked", "CrawlReport", "SiteReport", "crawl"],
    "sites": ["REGISTRY", "DuplicateProfileError", "Listing", "Registry", "Selectors", "SiteProfile",
              "UnknownSiteError", "get_profile", "sample_profiles"],
})
