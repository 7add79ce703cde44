"""The Article record that extraction produces and the index stores."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

EXTRACTOR_VERSION = "0.2.0"


class ExtractionError(ValueError):
    """The page is not an article (soft 404, listing, binary, empty); the message is the reason."""


@dataclass
class Article:
    url: str
    title: str
    text: str  # body as the page wrote it (NFC), paragraphs joined by "\n\n"; tag offsets point here
    published: str | None = None  # ISO 8601, "2021-12-15T17:12:00" or "2021-12-15"
    author: str | None = None
    lead: str | None = None  # the sapo; also the first paragraph of ``text`` when the page has one
    captions: list[str] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)  # absolute URLs of PDF/DOC/XLS links
    language: str = "vi"
    extractor_version: str = EXTRACTOR_VERSION

    def to_dict(self) -> dict:
        return asdict(self)
