"""Messages to the index worker as JSON (page bodies zlib-compressed, base64): crawl items, and the
listings and captures of a distributed backfill."""
from __future__ import annotations

import base64
import json
import zlib
from dataclasses import asdict

from crawler.items import DiscoveredItem, FailureItem, FetchedItem, NotModifiedItem
from crawler.options import CrawlOptions

ITEM_TYPES = {cls.__name__: cls for cls in (FetchedItem, NotModifiedItem, FailureItem, DiscoveredItem)}


def encode_item(item, round_id: str, worker: str, options: CrawlOptions) -> str:
    """One item as a message for the index worker (page bodies zlib-compressed, base64)."""
    fields = asdict(item)
    if "body" in fields:
        fields["body"] = encode_body(fields["body"])
    return json.dumps({"type": "item", "round": round_id, "worker": worker, "class": type(item).__name__,
                       "item": fields, "max_failures": options.max_failures,
                       "failure_backoff_hours": options.failure_backoff_hours}, ensure_ascii=False)


def decode_item(message: dict):
    """The item an ``encode_item`` message carries."""
    fields = dict(message["item"])
    if "body" in fields:
        fields["body"] = decode_body(fields["body"])
    return ITEM_TYPES[message["class"]](**fields)


def encode_backfill(kind: str, job_id: str, spec: dict, **fields) -> str:
    """A distributed backfill's message: ``kind`` (listing, choose, fetched or missing) for job
    ``job_id`` of ``spec`` (crawler.distributed.jobs.JobSpec), with its ``fields``."""
    return json.dumps({"type": f"backfill-{kind}", "job": job_id, "spec": spec, **fields}, ensure_ascii=False)


def encode_body(body: bytes) -> str:
    return base64.b64encode(zlib.compress(body)).decode("ascii")


def decode_body(text: str) -> bytes:
    return zlib.decompress(base64.b64decode(text))
