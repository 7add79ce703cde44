"""HTML -> Article: boilerplate removal, Vietnamese metadata, text normalisation.

Public API: ``extract_html(html, url, profile=None, headers=None) -> Article``,
``extract_dated(html, url, profile_on, fetched_at=..., headers=...)`` (with the profile version valid on the page's date)
and ``read_page(stream) -> bytes`` (a page's bytes, refused past MAX_PAGE_BYTES before they are all read).
The search form the index compares is ``nlp.vietnamese.search_form``.

Each name is imported from its module on first use (lazy_loader): ``EXTRACTOR_VERSION`` does not
load trafilatura.
"""
import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach(__name__, submod_attrs={
    "article": ["Article", "EXTRACTOR_VERSION", "ExtractionError"],
    "core": ["MAX_PAGE_BYTES", "extract_html", "read_page"],
    "dated": ["extract_dated"],
})
