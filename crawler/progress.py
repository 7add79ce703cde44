"""Progress of a long run on stderr: a live bar (tqdm) on a terminal, with counts, rate and ETA;
off a terminal (cron, a log file) one line every ``[log] progress_seconds`` (crawler.logs), so a
log shows that a long run is alive:

    2026-01-05 02:00:31 INFO vnportal.progress: process: 120/480 pages (new 100, rejected 20), 3.9/s, ETA 1m32s
"""
from __future__ import annotations

import logging
import sys
import time
from collections import Counter
from typing import Iterable, Iterator, TextIO, TypeVar

from crawler import logs

T = TypeVar("T")

logger = logging.getLogger(logs.PROGRESS_LOGGER)
failures = logging.getLogger(__name__)


class Progress:
    """Counts steps of one stage (``what``: crawl, process, documents ...), each with its outcome.
    ``total`` when known gives the ETA."""

    def __init__(self, what: str, total: int | None = None, unit: str = "page", *, stream: TextIO | None = None,
                 tty: bool | None = None, every: float | None = None):
        self.what, self.total, self.unit = what, total, unit
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty() if tty is None else tty
        self.every = logs.current().progress_seconds if every is None else every
        self.done = 0
        self.outcomes: Counter = Counter()
        self.started = self._logged = time.monotonic()
        self.bar = None
        if self.tty and logs.current().verbosity >= 0:
            from tqdm import tqdm  # here: off a terminal no bar is drawn (~4 ms of start-up)

            self.bar = tqdm(total=total, desc=what, unit=unit, file=self.stream, leave=False, dynamic_ncols=True)

    def advance(self, outcome: str | None = None, note: str = "") -> None:
        """One step done (with its ``outcome``); ``note`` (the URL) shows on the bar only."""
        self.done += 1
        if outcome:
            self.outcomes[outcome] += 1
        if self.bar is not None:
            self.bar.set_postfix_str(f"{self._outcomes()} {note}".strip(), refresh=False)
            self.bar.update(1)
        elif time.monotonic() - self._logged >= self.every:
            self._logged = time.monotonic()
            logger.info("%s", self.line())

    def counting(self, items: Iterable[T]) -> Iterator[T]:
        """``items``, each counted as one step as it is taken."""
        for item in items:
            self.advance()
            yield item

    def line(self) -> str:
        """'process: 120/480 pages (new 100, rejected 20), 3.9/s, ETA 1m32s'."""
        elapsed = max(time.monotonic() - self.started, 1e-9)
        rate = self.done / elapsed
        count = f"{self.done}/{self.total}" if self.total is not None else f"{self.done}"
        outcomes = f" ({self._outcomes()})" if self.outcomes else ""
        eta = f", ETA {_interval((self.total - self.done) / rate)}" if self.total is not None and rate > 0 else ""
        return f"{self.what}: {count} {self.unit}s{outcomes}, {rate:.1f}/s, {_interval(elapsed)}{eta}"

    def _outcomes(self) -> str:
        return ", ".join(f"{name} {count}" for name, count in self.outcomes.most_common())

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()

    def __enter__(self) -> "Progress":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _interval(seconds: float) -> str:
    """'1m32s', as tqdm writes durations (imported on first need, as for the bar)."""
    from tqdm import tqdm

    return tqdm.format_interval(seconds)


class CrawlProgress(Progress):
    """The ``progress`` callback of crawl(): one step per article URL settled, by the crawl
    process's events; each failure is also an INFO line (-v) with its reason."""

    def __init__(self, **kwargs):
        super().__init__("crawl", **kwargs)

    def __call__(self, event: dict) -> None:
        if event.get("event") != "url":
            return
        if event["outcome"] == "failed":
            failures.info("%s: %s failed: %s", event["site"], event["url"], event.get("reason"))
        self.advance(event["outcome"], f"{event['site']} {event['url']}")
