"""Scrapy settings: polite defaults. Tunable values come from ``CrawlOptions`` (crawler/options.py),
so ``settings_for(options)`` and this module never disagree."""
from __future__ import annotations

from crawler.options import CrawlOptions

BOT_NAME = "vnportal"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# Fixed politeness: robots.txt, one request at a time per host, AutoThrottle, no cache.
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS_PER_DOMAIN = 1
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
HTTPCACHE_ENABLED = False
COOKIES_ENABLED = True  # Liferay and SharePoint portals keep a session cookie
DEFAULT_REQUEST_HEADERS = {
    "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    "Accept-Language": "vi,en;q=0.5",
}
RETRY_ENABLED = True
RETRY_GIVE_UP_LOG_LEVEL = "INFO"  # every failure is recorded in url_state with its reason
DOWNLOADER_MIDDLEWARES = {
    "crawler.middlewares.AddressPolicyMiddleware": 50,  # before robots.txt (100) and redirects (600)
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawler.middlewares.BackoffRetryMiddleware": 550,
}
ITEM_PIPELINES = {"crawler.pipelines.IndexPipeline": 300}
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False
LOGSTATS_INTERVAL = 0
STATS_DUMP = False

_DEFAULTS = CrawlOptions()
USER_AGENT = _DEFAULTS.user_agent
DOWNLOAD_DELAY = _DEFAULTS.download_delay
AUTOTHROTTLE_START_DELAY = _DEFAULTS.autothrottle_start_delay
AUTOTHROTTLE_MAX_DELAY = _DEFAULTS.autothrottle_max_delay
CONCURRENT_REQUESTS = _DEFAULTS.concurrent_requests
DOWNLOAD_TIMEOUT = _DEFAULTS.timeout
DOWNLOAD_MAXSIZE = _DEFAULTS.max_bytes
DOWNLOAD_WARNSIZE = _DEFAULTS.max_bytes // 2
RETRY_TIMES = _DEFAULTS.retry_times
RETRY_BACKOFF = _DEFAULTS.retry_backoff  # vnportal setting: first in-run retry delay, doubling
RETRY_MAX_WAIT = _DEFAULTS.max_retry_wait  # vnportal setting: longest Retry-After waited for in a run
REDIRECT_MAX_TIMES = _DEFAULTS.max_redirects
LOG_INSTALL_ROOT_HANDLER = False  # the crawl process logs as the CLI does (crawler.logs)


def settings_for(options: CrawlOptions) -> dict:
    """This module's settings with the values ``options`` sets."""
    settings = {name: value for name, value in globals().items() if name.isupper() and not name.startswith("_")}
    settings.update(
        USER_AGENT=options.user_agent,
        DOWNLOAD_DELAY=options.download_delay,
        AUTOTHROTTLE_START_DELAY=max(options.download_delay, options.autothrottle_start_delay),
        AUTOTHROTTLE_MAX_DELAY=max(options.download_delay, options.autothrottle_max_delay),
        CONCURRENT_REQUESTS=options.concurrent_requests,
        DOWNLOAD_TIMEOUT=options.timeout,
        DOWNLOAD_MAXSIZE=options.max_bytes,
        DOWNLOAD_WARNSIZE=options.max_bytes // 2,
        RETRY_TIMES=options.retry_times,
        RETRY_BACKOFF=options.retry_backoff,
        RETRY_MAX_WAIT=options.max_retry_wait,
        REDIRECT_MAX_TIMES=options.max_redirects,
    )
    return settings
