"""Vietnamese taggers: dates, officials, directives, statistics, with character offsets.

Public API: ``tag(text, ref_date) -> Tags``. Offsets are into ``unicodedata.normalize("NFC", text)``.

Each name is imported from its module on first use (lazy_loader).
"""
import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach(__name__, submod_attrs={
    "records": ["DateTag", "DirectiveTag", "OfficialTag", "Position", "StatisticTag", "Tags"],
    "tagger": ["tag"],
})
