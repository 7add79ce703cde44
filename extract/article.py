"""The Article record that extraction produces and the index stores, and which of its links are
attachments (the crawler never fetches those as articles)."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from posixpath import splitext
from urllib.parse import urlsplit

# vnportal's version, written here only: pyproject.toml reads it from here, so it is also the installed
# package's version, `vnportal --version` and the crawler's User-Agent. Each article records it as the
# code that extracted it (`vnportal reprocess --since-version`). A literal, so that no process pays for
# importlib.metadata (~20 ms of each run).
EXTRACTOR_VERSION = "0.2.0"
ATTACHMENT_EXTENSIONS = frozenset({".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".zip", ".rar",
                                   ".7z", ".odt", ".ods", ".rtf"})


def is_attachment(url: str) -> bool:
    """True for links to documents (PDF, Word, Excel, archives) by their path's extension, any case."""
    return splitext(urlsplit(url).path.lower())[1] in ATTACHMENT_EXTENSIONS


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
    attachments: list[str] = field(default_factory=list)  # absolute URLs of the links is_attachment accepts
    language: str = "vi"
    extractor_version: str = EXTRACTOR_VERSION

    def to_dict(self) -> dict:
        return asdict(self)
