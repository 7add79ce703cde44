"""Logging of every vnportal process (the CLI, the crawl process): one line format, on stderr and
in an optional log file; a traceback only when verbose (else the exception's one-line reason);
Scrapy's banner and component chatter only at -vv.

Verbosity: -q errors only, 0 warnings (and progress lines), -v info, -vv debug (Scrapy's too).
The ``[log]`` table of the config file sets the defaults: ``verbosity``, ``file``, ``progress_seconds``.
"""
from __future__ import annotations

import logging
import sys
import tomllib
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
DATE_FORMAT = "%Y-%m-%d %H:%M:%S"
LEVELS = {-1: logging.ERROR, 0: logging.WARNING, 1: logging.INFO, 2: logging.DEBUG}
PROGRESS_LOGGER = "vnportal.progress"  # progress lines: shown unless -q
CHATTY = ("scrapy", "twisted", "py", "filelock", "urllib3", "asyncio")  # below WARNING: at -vv only
ECHOED = ("scrapy.downloadermiddlewares.robotstxt",)  # failures the crawl report already gives: at -v only


@dataclass(frozen=True)
class LogSettings:
    """How a run logs: ``verbosity`` -1..2, ``file`` a path logs also go to, ``progress_seconds``
    between two progress lines off a terminal."""
    verbosity: int = 0
    file: str | None = None
    progress_seconds: float = 60.0

    @property
    def level(self) -> int:
        return LEVELS[max(-1, min(2, self.verbosity))]

    def to_dict(self) -> dict:
        return asdict(self)


def load_log_settings(config: str | Path) -> LogSettings:
    """The ``[log]`` table of the TOML file ``config`` when it exists (ValueError when it does not read)."""
    path = Path(config).expanduser()
    if not path.is_file():
        return LogSettings()
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8")).get("log", {})
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"config file {path}: {exc}") from None
    unknown = sorted(set(table) - {f.name for f in fields(LogSettings)})
    if unknown:
        raise ValueError(f"{path}: unknown log option(s) {', '.join(unknown)} (verbosity, file, progress_seconds)")
    try:
        settings = replace(LogSettings(), **table)
        return replace(settings, verbosity=int(settings.verbosity), progress_seconds=float(settings.progress_seconds))
    except (TypeError, ValueError):
        raise ValueError(f"{path}: [log] verbosity is a number (-1..2), progress_seconds a number of seconds") from None


class OneLineFormatter(logging.Formatter):
    """vnportal's format; with ``tracebacks`` False an exception is its type and message appended
    to the line, not a traceback."""

    def __init__(self, tracebacks: bool):
        super().__init__(FORMAT, DATE_FORMAT)
        self.tracebacks = tracebacks

    def format(self, record: logging.LogRecord) -> str:
        if self.tracebacks or not record.exc_info:
            return super().format(record)
        exc = record.exc_info[1]
        short = logging.makeLogRecord({**record.__dict__, "exc_info": None, "exc_text": None,
                                       "msg": f"{record.getMessage()}: {type(exc).__name__}: {exc}", "args": ()})
        return super().format(short).replace("\n", " ")


class Shown(logging.Filter):
    """Which records a handler writes: those at the verbosity's level or above; progress lines
    unless -q; Scrapy's and Twisted's below WARNING only at -vv. Set on the handlers, so that it
    holds whatever levels a library gives its own loggers (Scrapy sets its own to DEBUG)."""

    def __init__(self, settings: LogSettings):
        super().__init__()
        self.settings = settings

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name == PROGRESS_LOGGER:
            return self.settings.verbosity >= 0
        if record.levelno < logging.WARNING and record.name.split(".")[0] in CHATTY and self.settings.verbosity < 2:
            return False
        if record.name in ECHOED and self.settings.verbosity < 1:
            return False
        return record.levelno >= self.settings.level


_installed: list[logging.Handler] = []
_settings = LogSettings()


def current() -> LogSettings:
    """The settings this process logs with (passed on to the crawl process)."""
    return _settings


def configure(settings: LogSettings) -> None:
    """Set up the root logger of this process as ``settings`` say (again: replaces the first setup)."""
    global _settings
    _settings = settings
    root = logging.getLogger()
    for handler in _installed:
        root.removeHandler(handler)
        handler.close()
    _installed.clear()
    handlers: list[logging.Handler] = [logging.StreamHandler(sys.stderr)]
    if settings.file:
        handlers.append(logging.FileHandler(Path(settings.file).expanduser(), encoding="utf-8"))
    for handler in handlers:
        handler.setFormatter(OneLineFormatter(tracebacks=settings.verbosity >= 1))
        handler.addFilter(Shown(settings))
        root.addHandler(handler)
        _installed.append(handler)
    root.setLevel(min(settings.level, logging.INFO))  # progress lines are INFO
