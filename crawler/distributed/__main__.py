"""``python -m crawler.distributed``: the crawl worker process (crawler.distributed.worker)."""
import sys

from crawler.distributed.worker import main

sys.exit(main())
