"""A polite HTTP client for fetches outside a Scrapy crawl (web archives, attached documents):
one request at a time, a pause between requests, Retry-After honoured, robots.txt obeyed, every
address and redirect through the crawler's address policy, a byte cap, the crawler's User-Agent
(crawler.fetch's opener and capped read, as `vnportal extract URL` fetches).
The pause is kept by a ``Pacing``: this process's own (``OneAtATime``), or one shared by the
workers of a distributed backfill (crawler.distributed.hostslots.SharedPacing)."""
from __future__ import annotations

import email.utils
import logging
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from datetime import timezone
from typing import Protocol
from urllib.parse import urlsplit

from protego import Protego

from crawler.fetch import checked_opener, read_capped
from crawler.options import CrawlOptions
from data.clock import utcnow

logger = logging.getLogger(__name__)

BUSY_STATUSES = (429, 503)


class Unavailable(Exception):
    """The server cannot be used now: unreachable, refusing, or asking for a longer wait than allowed."""


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes


class Pacing(Protocol):
    """When a request may go: ``before`` waits for its turn and returns a token for ``after``, which
    is told, once the request is over, how long the next one must wait."""

    def before(self, url: str) -> object: ...

    def after(self, turn: object, pause: float) -> None: ...


@dataclass
class OneAtATime:
    """This process's pacing: each request waits the pause the one before it left, whatever its host."""
    _next: float = 0.0

    def before(self, url: str) -> None:
        wait = self._next - time.monotonic()
        if wait > 0:
            time.sleep(wait)

    def after(self, turn: None, pause: float) -> None:
        self._next = time.monotonic() + pause


@dataclass
class PoliteClient:
    """GETs, politely. ``delay``: seconds between two requests;
    ``retries``: how often a 429/503 (or a dropped connection) is retried, waiting what the
    archive's Retry-After says (else ``delay`` doubled each time), never more than
    ``options.max_retry_wait``; ``pacing`` keeps the pause (Retry-After's when longer)."""
    options: CrawlOptions
    delay: float = 2.0
    retries: int = 4
    requests: int = 0
    pacing: Pacing = field(default_factory=OneAtATime)
    _robots: dict[str, Protego | None] = field(default_factory=dict)

    def get(self, url: str, *, headers: dict[str, str] | None = None, cap: int | None = None) -> Answer:
        """The answer to GET ``url`` (any status); Unavailable when none could be had."""
        self._check_allowed(url)
        wait = self.delay
        for attempt in range(self.retries + 1):
            try:
                answer = self._request(url, headers or {}, cap or self.options.max_bytes)
            except (urllib.error.URLError, OSError) as exc:
                reason = getattr(exc, "reason", None) or exc
                if attempt == self.retries:
                    raise Unavailable(f"{urlsplit(url).netloc}: {reason}") from None
                logger.info("%s: %s; retrying in %.0f s", url, reason, wait)
            else:
                if answer.status not in BUSY_STATUSES:
                    return answer
                asked = retry_after(answer.headers.get("Retry-After"))
                if asked is not None and asked > self.options.max_retry_wait:
                    raise Unavailable(f"{urlsplit(url).netloc} asks to wait {asked:.0f} s "
                                             f"(HTTP {answer.status}); run the backfill again later")
                if attempt == self.retries:
                    raise Unavailable(f"{urlsplit(url).netloc} kept answering HTTP {answer.status}")
                wait = asked if asked is not None else wait
                logger.info("%s: HTTP %s; waiting %.1f s as asked", url, answer.status, wait)
            time.sleep(min(wait, self.options.max_retry_wait))
            wait = max(wait, self.delay) * 2
        raise AssertionError("unreachable")

    def _request(self, url: str, headers: dict[str, str], cap: int) -> Answer:
        request = urllib.request.Request(url, headers={"User-Agent": self.options.user_agent, **headers})
        turn = self.pacing.before(url)
        self.requests += 1
        answer = None
        try:
            opener = checked_opener(self.options, refused=Unavailable)
            with opener.open(request, timeout=self.options.timeout) as response:
                answer = Answer(response.status, dict(response.headers.items()), read_capped(response, cap))
        except urllib.error.HTTPError as exc:
            with exc:
                answer = Answer(exc.code, dict(exc.headers.items()), read_capped(exc, cap))
        finally:
            self.pacing.after(turn, self._pause(answer))
        return answer

    def _pause(self, answer: Answer | None) -> float:
        """Seconds before the next request: the delay, or what a 429/503's Retry-After asks when longer
        (up to ``max_retry_wait``; a longer wait ends the run)."""
        if answer is None or answer.status not in BUSY_STATUSES:
            return self.delay
        asked = retry_after(answer.headers.get("Retry-After"))
        return self.delay if asked is None else max(self.delay, min(asked, self.options.max_retry_wait))

    def _check_allowed(self, url: str) -> None:
        if reason := self.options.address_policy.refusal(url):
            raise Unavailable(f"{url} {reason}")
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        if root not in self._robots:
            self._robots[root] = None  # asked once; robots.txt itself is fetched without this check
            answer = self.get(f"{root}/robots.txt", cap=512 * 1024)
            if answer.status == 200:
                self._robots[root] = Protego.parse(answer.body.decode("utf-8", "replace"))
        robots = self._robots[root]
        if robots is not None and not robots.can_fetch(url, self.options.user_agent):
            raise Unavailable(f"{root}/robots.txt does not allow {parts.path}")


def retry_after(value: str | None) -> float | None:
    """Seconds a Retry-After header asks for (a number or an HTTP date); None if absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return max(0.0, (moment - utcnow()).total_seconds())
