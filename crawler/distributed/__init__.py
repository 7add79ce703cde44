"""Distributed crawling on scrapy-redis: crawl workers on one host or many share one frontier in Redis,
and one index worker (crawler/index_worker.py) is the only writer of the SQLite index.

Design (every key starts with ``vnportal:``, see keys.py):

* Rounds (rounds.py, scripts.py). A crawl *round* is what one single-process crawl is.
  ``vnportal crawl --redis URL ...`` joins the running round, or starts one when none is running
  (``round`` holds its id). Every worker sends the start requests of its own sites into the round;
  scrapy-redis's shared duplicate filter (dupefilter.py) keeps the first and drops the rest, so
  whoever starts first seeds the round and nothing is fetched twice. The round's requests
  (``round:<id>:requests``, a FIFO list read by scrapy-redis's Scheduler) and its filter
  (``round:<id>:dupefilter``) persist until the round ends: when the last worker leaves with the
  queue empty. A worker leaves when it is idle, the queue is empty and no other worker is busy;
  workers killed mid-round leave their queue behind and the next worker to start resumes it. A
  worker that pops a request for a site it was not started with reads the site's profile from the
  round (``round:<id>:profiles``).
* Crawl state (rounds.RoundState). The index worker mirrors url_state into Redis (``state``: URL ->
  row as JSON; ``pending:<site>``: article URLs still to fetch) when it starts and after every item
  it stores. A new round copies the mirror (``round:<id>:state``): the workers decide what is new,
  what is due a re-check and which ETag / Last-Modified to send from the index as it was when the
  round began, as a single crawl does. Workers never open the SQLite file.
* Items (pipelines.py, codec.py). Workers push every item (raw pages, URL state events) as JSON to
  the ``items`` list, and their per-site counts when they leave; the index worker stores them in
  order through the crawler's own ``record_item`` (crawl_runs rows are per round and site).
* Politeness across workers (hostslots.py, middleware.py). Scrapy keeps one request at a time per
  host within a process; ``SharedHostSlots`` extends that to all workers: before a request is
  downloaded its worker takes the host's slot (``host:<host>``, SET NX with a lease that expires if
  the worker dies), and after the response it keeps the slot closed for the host's download delay
  (AutoThrottle's current delay, at least DOWNLOAD_DELAY; longer when the server sent Retry-After)
  before another worker may take it.
* Backfills (backfill.py, jobs.py, backfill_writer.py): ``vnportal backfill --redis URL`` workers
  share each site and archive's listing and fetching, on the same host slots and through the same
  index worker; backfill.py describes the design.

The worker process (worker.py, spider.py, settings.py) is started by ``crawl_distributed`` (crawl.py).
Requests in the shared queue are pickled by scrapy-redis: Redis must be private to the crawl hosts.
Needs Redis 6.2 or newer (COPY, LMOVE).
"""
from crawler.distributed.codec import encode_item
from crawler.distributed.connection import DistributedError
from crawler.distributed.crawl import WorkerReport, crawl_distributed
from crawler.distributed.keys import Keys
from crawler.distributed.rounds import Round

__all__ = ["DistributedError", "Keys", "Round", "WorkerReport", "crawl_distributed", "encode_item"]
