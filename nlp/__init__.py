"""Vietnamese taggers: dates, officials, directives, statistics, with character offsets.

Public API: ``tag(text, ref_date) -> Tags``. Offsets are into ``unicodedata.normalize("NFC", text)``.
"""
from nlp.records import DateTag, DirectiveTag, OfficialTag, Position, StatisticTag, Tags
from nlp.tagger import tag

__all__ = ["DateTag", "DirectiveTag", "OfficialTag", "Position", "StatisticTag", "Tags", "tag"]
