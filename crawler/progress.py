"""Crawl progress on stderr: one updating line on a terminal, plain log lines otherwise (cron)."""
from __future__ import annotations

import logging
import shutil
import sys
from collections import Counter, defaultdict
from typing import TextIO

logger = logging.getLogger(__name__)


class Progress:
    """A ``progress`` callback for crawl(): counts URL outcomes per site as the crawl reports them."""

    def __init__(self, stream: TextIO | None = None, tty: bool | None = None):
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty() if tty is None else tty
        self.counts: dict[str, Counter] = defaultdict(Counter)

    def __call__(self, event: dict) -> None:
        if event.get("event") != "url":
            return
        site, outcome = event["site"], event["outcome"]
        self.counts[site][outcome] += 1
        if self.tty:
            done = self.counts[site]
            line = (f"{site}: {done['new']} new, {done['changed']} changed, {done['unchanged']} unchanged, "
                    f"{done['failed']} failed  {event['url']}")
            width = shutil.get_terminal_size().columns - 1
            self.stream.write("\r\x1b[2K" + line[:width])
            self.stream.flush()
        elif outcome == "failed":
            logger.warning("%s: %s failed: %s", site, event["url"], event.get("reason"))
        else:
            logger.info("%s: %s %s", site, outcome, event["url"])

    def close(self) -> None:
        """Clear the progress line (a terminal only)."""
        if self.tty:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
