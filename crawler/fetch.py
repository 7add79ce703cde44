"""One page fetched outside a crawl (`vnportal extract URL`), as the crawler fetches.

Public API: ``fetch_page(url, options) -> (body, headers, final_url)``, ``FetchRefused``.
"""
from __future__ import annotations

import urllib.request

from crawler.options import CrawlOptions


class FetchRefused(Exception):
    """A URL (or a redirect hop) the address policy refuses, or a body over the byte cap."""


def fetch_page(url: str, options: CrawlOptions) -> tuple[bytes, dict[str, str], str]:
    """GET ``url`` as the crawler would (its User-Agent, timeout, redirect limit and byte cap), the
    first request and every redirect hop through the address policy: the body, the response
    headers and the final URL. FetchRefused says what was not fetched; urllib.error.URLError (and
    its HTTPError) and OSError what could not be."""
    policy = options.address_policy

    class CheckedRedirects(urllib.request.HTTPRedirectHandler):
        max_redirections = options.max_redirects

        def redirect_request(self, req, fp, code, msg, headers, newurl):
            if reason := policy.refusal(newurl):
                raise FetchRefused(f"redirect to {newurl} {reason}")
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    if reason := policy.refusal(url):
        raise FetchRefused(reason)
    request = urllib.request.Request(url, headers={"User-Agent": options.user_agent})
    with urllib.request.build_opener(CheckedRedirects).open(request, timeout=options.timeout) as response:
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > options.max_bytes:
            raise FetchRefused(f"too large ({declared} bytes, over the {options.max_bytes}-byte cap)")
        body = response.read(options.max_bytes + 1)  # never more than the cap and one byte
        if len(body) > options.max_bytes:
            raise FetchRefused(f"too large (over the {options.max_bytes}-byte cap)")
        return body, dict(response.headers.items()), response.geturl()
