"""One page fetched outside a crawl (`vnportal extract URL`), as the crawler fetches.

Public API: ``fetch_page(url, options) -> (body, headers, final_url)``, ``FetchRefused``, and the
two pieces other fetchers share: ``checked_opener(options)`` and ``read_capped(response, cap)`` (``TooLarge``).
"""
from __future__ import annotations

import urllib.request

from crawler.options import CrawlOptions


class FetchRefused(Exception):
    """A URL (or a redirect hop) the address policy refuses, or a body over the byte cap."""


class TooLarge(FetchRefused):
    """The response is over the byte cap; nothing of it is kept."""


def checked_opener(options: CrawlOptions, refused: type[Exception] = FetchRefused) -> urllib.request.OpenerDirector:
    """An opener that follows at most ``options.max_redirects`` redirects, each hop through the
    address policy; a refused hop raises ``refused`` saying where and why."""
    policy = options.address_policy

    class CheckedRedirects(urllib.request.HTTPRedirectHandler):
        max_redirections = options.max_redirects

        def redirect_request(self, req, fp, code, msg, headers, newurl):
            if reason := policy.refusal(newurl):
                raise refused(f"redirect to {newurl} {reason}")
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    return urllib.request.build_opener(CheckedRedirects)


def read_capped(response, cap: int) -> bytes:
    """A response's body, never reading more than ``cap`` bytes and one: TooLarge past the cap
    (at once when its Content-Length says so)."""
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > cap:
        raise TooLarge(f"too large ({int(declared):,} bytes, over the {cap:,}-byte cap)")
    body = response.read(cap + 1)
    if len(body) > cap:
        raise TooLarge(f"too large (over the {cap:,}-byte cap)")
    return body


def fetch_page(url: str, options: CrawlOptions) -> tuple[bytes, dict[str, str], str]:
    """GET ``url`` as the crawler would (its User-Agent, timeout, redirect limit and byte cap), the
    first request and every redirect hop through the address policy: the body, the response
    headers and the final URL. FetchRefused says what was not fetched; urllib.error.URLError (and
    its HTTPError) and OSError what could not be."""
    if reason := options.address_policy.refusal(url):
        raise FetchRefused(reason)
    request = urllib.request.Request(url, headers={"User-Agent": options.user_agent})
    with checked_opener(options).open(request, timeout=options.timeout) as response:
        return read_capped(response, options.max_bytes), dict(response.headers.items()), response.geturl()
