"""A distributed backfill's shared state in Redis: its jobs, the claims on their windows, the queue of
captures and their leases, and the workers' heartbeats (design: crawler/distributed/backfill.py).

A *job* is one site and archive with one set of options; workers run with the same options join
the same job. Keys (keys.Keys.of_job): ``state`` (hash: spec, started, windows, chosen, ended, the
index worker's run row and counts), ``listed`` (windows done), ``claims`` (window -> worker
listing it), ``queue`` (captures to fetch, as JSON), ``leases`` (capture -> worker fetching it),
``pending`` (ids of the chosen captures the index worker has not stored yet).
"""
from __future__ import annotations

import hashlib
import json
import logging
import threading
from dataclasses import asdict, dataclass
from datetime import date

from crawler.archives.sources import Window
from crawler.backfill import BackfillOptions, Target
from crawler.distributed import scripts
from crawler.distributed.keys import Keys
from crawler.distributed.rounds import utc_iso

logger = logging.getLogger(__name__)

HEARTBEAT_TTL = 15.0  # seconds without a heartbeat after which a worker's claims and leases pass on
BEAT = HEARTBEAT_TTL / 5


@dataclass(frozen=True)
class JobSpec:
    """What a job backfills: a site from one archive (named by its endpoints), with the options."""
    site: str
    source: str
    endpoints: tuple[str, ...]
    start: str  # ISO day
    end: str
    all_captures: bool
    max_pages: int | None
    store_as: str | None  # the site its pages are stored under (Target.store_as)
    profile: dict | None  # its profile, for the index's sources

    @classmethod
    def of(cls, target: Target, source, options: BackfillOptions) -> "JobSpec":
        return cls(target.site, source.name, tuple(source.endpoints()), options.start.isoformat(),
                   options.end.isoformat(), options.all_captures, options.max_pages, target.store_as,
                   target.profile.to_dict() if target.profile else None)

    @classmethod
    def from_dict(cls, fields: dict) -> "JobSpec":
        return cls(**{**fields, "endpoints": tuple(fields["endpoints"])})

    def to_dict(self) -> dict:
        return asdict(self)

    @property
    def key(self) -> str:
        """Names the spec: the same site, archive and options give the same key on every host."""
        named = {k: v for k, v in self.to_dict().items() if k not in ("store_as", "profile")}
        return hashlib.sha256(json.dumps(named, sort_keys=True).encode()).hexdigest()[:16]

    @property
    def options(self) -> BackfillOptions:
        return BackfillOptions(start=date.fromisoformat(self.start), end=date.fromisoformat(self.end),
                               all_captures=self.all_captures, max_pages=self.max_pages)


def window_member(site: str, source: str, window: str) -> str:
    """A listed window in the index's mirror (keys.backfill_windows)."""
    return json.dumps([site, source, window], ensure_ascii=False)


class Heartbeat:
    """While a worker works, a thread keeps its key alive (expiring HEARTBEAT_TTL seconds after the
    last beat); the key is deleted when it stops, so that whatever it held passes on at once."""

    def __init__(self, server, keys: Keys, worker: str):
        self.server = server
        self.keys = keys
        self.worker = worker
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="backfill-heartbeat", daemon=True)

    def __enter__(self) -> "Heartbeat":
        self._beat()
        self.server.sadd(self.keys.backfill_workers, self.worker)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.server.delete(self.keys.backfill_worker(self.worker))
        self.server.srem(self.keys.backfill_workers, self.worker)

    def _beat(self) -> None:
        self.server.set(self.keys.backfill_worker(self.worker), utc_iso(), px=int(HEARTBEAT_TTL * 1000))

    def _run(self) -> None:
        while not self._stop.wait(BEAT):
            try:
                self._beat()
            except Exception as exc:  # Redis unreachable for a moment: the next beat may get through
                logger.warning("heartbeat: %s", exc)


def workers_alive(server, keys: Keys) -> bool:
    """Whether some backfill worker is alive (forgetting those whose heartbeat expired)."""
    alive = False
    for worker in server.smembers(keys.backfill_workers):
        if server.exists(keys.backfill_worker(worker.decode())):
            alive = True
        else:
            server.srem(keys.backfill_workers, worker)
    return alive


class BackfillJob:
    """A worker's view of one job."""

    def __init__(self, server, keys: Keys, job_id: str, spec: JobSpec, worker: str):
        self.server = server
        self.keys = keys
        self.id = job_id
        self.spec = spec
        self.worker = worker
        self._claim_window = server.register_script(scripts.CLAIM_WINDOW)
        self._claim_capture = server.register_script(scripts.CLAIM_CAPTURE)
        self._give_back = server.register_script(scripts.GIVE_BACK)

    @classmethod
    def join(cls, server, keys: Keys, spec: JobSpec, worker: str) -> "BackfillJob":
        """The running job of ``spec``, or a new one."""
        new_id = f"{utc_iso().replace(':', '')}-{spec.site}-{spec.source}-{spec.key[:6]}"
        job_id = server.register_script(scripts.JOIN_JOB)(
            keys=[keys.backfill_jobs],
            args=[spec.key, new_id, json.dumps(spec.to_dict(), ensure_ascii=False), utc_iso(), keys.job_prefix])
        return cls(server, keys, job_id.decode() if isinstance(job_id, bytes) else job_id, spec, worker)

    def key(self, name: str) -> str:
        return self.keys.of_job(self.id, name)

    def windows(self, find) -> list[Window]:
        """The job's windows: as the first worker found them (``find()``), so every worker lists the same."""
        if not self.server.hexists(self.key("state"), "windows"):
            self.server.hsetnx(self.key("state"), "windows", json.dumps([asdict(w) for w in find()]))
        return [Window(**fields) for fields in json.loads(self.server.hget(self.key("state"), "windows"))]

    def claim_window(self, window: str) -> str:
        """'mine' (list it), 'taken' (a live worker is listing it) or 'done'."""
        answer = self._claim_window(
            keys=[self.key("listed"), self.key("claims"), self.keys.backfill_windows],
            args=[window, self.worker, window_member(self.spec.site, self.spec.source, window),
                  self.keys.backfill_worker_prefix])
        return answer.decode() if isinstance(answer, bytes) else answer

    def listed(self, window: str, message: str) -> None:
        """Send a window's listing to the index worker and mark the window done, together."""
        pipe = self.server.pipeline(transaction=True)
        pipe.rpush(self.keys.items, message)
        pipe.sadd(self.key("listed"), window)
        pipe.hdel(self.key("claims"), window)
        pipe.execute()

    def release_window(self, window: str) -> None:
        """Give up a window this worker could not list (another worker, or a later run, lists it)."""
        self.server.hdel(self.key("claims"), window)

    def ask_to_choose(self, message: str) -> None:
        """Every window is listed: ask the index worker to queue the captures to fetch (once is enough)."""
        if not self.server.hexists(self.key("state"), "chosen"):
            self.server.rpush(self.keys.items, message)

    def claim_capture(self) -> tuple[str, bytes | None]:
        """('capture', the capture as queued, now leased to this worker), ('choosing',), ('wait',) or ('done',)."""
        answer = self._claim_capture(keys=[self.key("state"), self.key("queue"), self.key("leases")],
                                     args=[self.worker, self.keys.backfill_worker_prefix])
        return answer[0].decode(), (answer[1] if len(answer) > 1 else None)

    def finished(self, capture: bytes, message: str) -> None:
        """Send what became of a leased capture to the index worker and end the lease, together."""
        pipe = self.server.pipeline(transaction=True)
        pipe.rpush(self.keys.items, message)
        pipe.hdel(self.key("leases"), capture)
        pipe.execute()

    def give_back(self, capture: bytes) -> None:
        """Return a leased capture to the head of the queue (this worker stops before fetching it)."""
        self._give_back(keys=[self.key("queue"), self.key("leases")], args=[capture, self.worker])
