"""Stopping a long run on SIGINT/SIGTERM: the first signal asks the run to stop at its next safe
point (what is stored stays, nothing further is processed); a second one ends it at once.

    with stop_on_signals() as stop:      # the CLI, around a long command
        for page in pages:
            if stop.requested: break      # each loop checks between two transactions
        ...
    stop.exit_code                        # 130 after SIGINT, 143 after SIGTERM

A child process the run waits for (the crawl process) is registered with ``stop.forward(pid)``:
every signal the run receives is passed on to it as SIGTERM.
"""
from __future__ import annotations

import os
import signal
from contextlib import contextmanager
from typing import Iterator

SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Interrupted(BaseException):
    """A second signal: the run ends at once (every write so far is a committed transaction).
    A BaseException, as KeyboardInterrupt, so that no ``except Exception`` swallows it."""

    def __init__(self, signum: int):
        super().__init__(f"{signal.Signals(signum).name} received twice: stopped at once")
        self.signum = signum

    @property
    def exit_code(self) -> int:
        return 128 + self.signum


class StopRequest:
    """Which signal asked the run to stop (None while none has)."""

    def __init__(self):
        self.signum: int | None = None
        self._children: list[int] = []

    @property
    def requested(self) -> bool:
        return self.signum is not None

    @property
    def exit_code(self) -> int | None:
        """128 + the signal number (130 SIGINT, 143 SIGTERM), the shell's convention; None if no stop."""
        return None if self.signum is None else 128 + self.signum

    @property
    def name(self) -> str:
        return signal.Signals(self.signum).name if self.signum else ""

    @contextmanager
    def forward(self, pid: int) -> Iterator[None]:
        """While inside, pass every signal on to process ``pid`` as SIGTERM (one already received too)."""
        self._children.append(pid)
        if self.requested:
            self._send(pid)
        try:
            yield
        finally:
            self._children.remove(pid)

    def _handle(self, signum: int, frame) -> None:
        first = self.signum is None
        if first:
            self.signum = signum
        for pid in self._children:
            self._send(pid)
        if not first:
            raise Interrupted(self.signum)

    @staticmethod
    def _send(pid: int) -> None:
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass


_current: StopRequest | None = None


def current() -> StopRequest:
    """The stop request of the run under way (a fresh one, never set, outside stop_on_signals)."""
    return _current or StopRequest()


@contextmanager
def stop_on_signals() -> Iterator[StopRequest]:
    """Catch SIGINT and SIGTERM while inside (main thread only); restore the handlers after,
    unless a stop was asked for: then the run is ending, and a second signal ends the process at
    once (everything stored is committed by then)."""
    global _current
    stop = StopRequest()
    previous = {signum: signal.signal(signum, stop._handle) for signum in SIGNALS}
    _current = stop
    try:
        yield stop
    finally:
        _current = None
        for signum, handler in previous.items():
            signal.signal(signum, _exit_now if stop.requested else handler)


def _exit_now(signum: int, frame) -> None:
    os._exit(128 + signum)
