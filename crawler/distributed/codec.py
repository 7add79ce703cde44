"""Messages to the index worker: crawl items as JSON (page bodies zlib-compressed, base64)."""
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
        fields["body"] = base64.b64encode(zlib.compress(fields["body"])).decode("ascii")
    return json.dumps({"type": "item", "round": round_id, "worker": worker, "class": type(item).__name__,
                       "item": fields, "max_failures": options.max_failures,
                       "failure_backoff_hours": options.failure_backoff_hours}, ensure_ascii=False)


def decode_item(message: dict):
    """The item an ``encode_item`` message carries."""
    fields = dict(message["item"])
    if "body" in fields:
        fields["body"] = zlib.decompress(base64.b64decode(fields["body"]))
    return ITEM_TYPES[message["class"]](**fields)
