"""Web archives: list a site's captures from CDX indexes (the Wayback Machine's or a pywb's, and
Common Crawl's) and fetch the captured pages as they were served (``vnportal backfill``)."""
