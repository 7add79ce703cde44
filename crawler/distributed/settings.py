"""A crawl worker's Scrapy settings: the crawl's own, on the round's shared queue, filter and item list."""
from __future__ import annotations

from crawler.distributed.rounds import Round
from crawler.options import CrawlOptions
from crawler.settings import settings_for


def worker_settings(options: CrawlOptions, redis_url: str, coordinator: Round) -> dict:
    """The crawl's Scrapy settings, switched to the round's shared scheduler, filter and item list."""
    settings = settings_for(options)
    settings.update(
        SCHEDULER="scrapy_redis.scheduler.Scheduler",
        SCHEDULER_QUEUE_CLASS="scrapy_redis.queue.FifoQueue",
        SCHEDULER_QUEUE_KEY=coordinator.key("requests"),
        SCHEDULER_DUPEFILTER_KEY=coordinator.key("dupefilter"),
        DUPEFILTER_CLASS="crawler.distributed.dupefilter.SharedDupeFilter",
        SCHEDULER_PERSIST=True,  # the round's end deletes them, not each worker's
        REDIS_URL=redis_url,
        VNPORTAL_REDIS_PREFIX=coordinator.keys.prefix,
        ITEM_PIPELINES={"crawler.distributed.pipelines.RedisItemPipeline": 300},
        DOWNLOADER_MIDDLEWARES={**settings["DOWNLOADER_MIDDLEWARES"],
                                "crawler.distributed.middleware.SharedHostSlots": 1000},
    )
    return settings
