"""Statistics tagger: ``tag_statistics(text) -> list[StatisticTag]``.

A statistic is a number with what it counts: ``56 Hội nghị``, ``trên 1.200 hội nghị trực tiếp``,
``22.214 lượt cán bộ, đảng viên``, ``50/53 trường học công lập``, ``3,5 tỷ đồng``, ``5,07%``.
Numbers are Vietnamese (``.`` thousands, ``,`` decimals; see ``nlp.numbers``), and a decimal point as
English writes it is read before a scale word or a unit (``5.15 tỷ``, ``21.58%``, ``6.4ha``); a scale word before
``phú`` names people (``100 tỷ phú``: a count of billionaires), and one before ``chứng`` is no scale either
(``50 triệu chứng``: fifty symptoms).

Span: [qualifier] number [scale word] [% | currency] [counted noun phrase].
- ``qualifier``: one or two of ``QUALIFIERS`` right before the number (``khoảng``, ``khoảng hơn``,
  ``chưa đầy``), lower-cased; it is in the span.
- ``unit_text``: the counted noun phrase after the number. The text after the number is cut into
  words (maximum matching against underthesea's bundled Viet74K dictionary, less ``split_words.txt``,
  and the lists in ``nlp/lexicon``, ignoring case and tone-mark placement), and the phrase runs up to punctuation, a
  function word (``function_words.txt``), a verb (``verbs.txt``: the start of a relative clause,
  ``100% chi bộ | đưa nội dung``; one of its ``[opening]`` section only as the first word, which leaves the
  number without a noun: ``Lữ đoàn 202 | đẩy mạnh``, ``(1 | thắng, 3 | hòa)``), a modifier introduced by
  ``cấp`` (``191 sáng kiến kinh nghiệm | cấp cơ sở``), a place noun with a name or a demonstrative after it (``40 hộ dân | xã Sơn Thủy``,
  ``| tỉnh này``), a capitalised word after the first (not a brand after ``chiếc``: ``7 chiếc Rover``),
  a date, or ``MAX_UNIT_SYLLABLES`` syllables
  (the word that crosses the cap is kept whole: ``hộ đồng bào dân tộc thiểu số``); a lowercase noun in
  quotes right after the number is the counted noun, the quotes in the span only (``2 “hiệp sĩ”``). A verb right
  after an event noun is the event (``214 cuộc kiểm tra``, ``35 lớp tập huấn``); a noun spelled
  like a verb or function word starts a phrase as a noun (``1.078 tổ chức cơ sở đảng``); a trailing
  ``mới`` (new) before punctuation stays (``2.456 đảng viên mới``), and so does a number after a
  naming word (``120 học sinh lớp 10``); a disease's code ends it (``2 ca | COVID-19``, ``1.500 liều
  vắc xin | COVID-19``: what the cases or doses are of) unless ``phòng`` (against) joins it to the noun
  (``liều vắc xin phòng COVID-19``).
- Lists that name one group: after a comma or ``và``, a noun phrase that ends on its own (not at the cap)
  joins the counted noun when its head shares a class of ``groups.txt`` with a noun before it
  (``cán bộ, công chức``, ``điểm cầu quận, huyện``, ``băng rôn, khẩu hiệu, pa-nô``) or repeats the
  head (``hộ nghèo, hộ cận nghèo``), unless a name follows it (``1.200 hội viên, hội viên Nguyễn ...``).
- kind ``percent``: unit_text is the noun after ``%`` when there is one (``100% các khoa, phòng``
  -> ``khoa, phòng``; a leading ``các``/``những``/``mọi``/``số``/``số lượng`` is in the span but not in unit_text; a
  total keeps the verb of its cases: ``85,8% tổng số ca mắc``),
  else ``"%"``. Kind ``percentage_point``: ``3 điểm %``, ``0,5 điểm phần trăm`` (unit_text the unit).
  Kind ``money``: value in đồng/USD units, unit_text the currency word. Kind ``ratio``: ``50/53 ...``
  (value 50, denominator 53). Kind ``measure``: ha, km, tấn ..., unit_text the measurement unit, also
  glued to the number (``45ha``, ``5.000m2``), a height in metres and centimetres too (``1m88``: 1,88
  m); the rooms of a property listing glued to theirs are counts (``2PN``, ``1wc``; ``units.txt`` [room]).
  Else ``count``; a headcount of posts counts the post with its body (``2 Giám đốc Công an tỉnh``, ``3 tân Phó
  Thủ tướng``, ``2 Thứ trưởng Ngoại giao``). A range is one statistic valued at its lower bound, ``từ``
  before it its qualifier (``từ 30-65% nhu cầu``, ``từ 6% đến 8%``, ``từ 5 đến 10 khẩu súng``, ``từ 2,3
  đến dưới 2,5 triệu đồng/tháng``, the unit on both bounds: ``từ 250.000 bảng đến 300.000 bảng/tuần``, or its scale word alone on the lower:
  ``từ 1,5 triệu đến 4 triệu đồng``; ``khoảng`` after ``trong`` too: ``trong khoảng 41.000 - 49.000
  đồng/kg``); a currency paid per period or per unit of measure keeps it (``đồng/tháng``, ``đồng/kg``; an exchange
  rate its other currency, ``VND/USD``), a measure per period or per an amount of a measure too (``km/giờ``, ``lít/100
  km``), and so does a count (``3.400 ca/ngày``) and a percentage (``5,5%/năm``); a percentage followed by a period
  without a slash is ``%`` (``182,5% năm``); an amount with a scale word followed by ``tiền ...`` is money without
  currency (``200 tỷ``, per a period or a unit of measure in the span: ``30 triệu/m2``), and so is one in ``tr``
  (triệu written short, in prices: ``giá 900tr``, ``13tr/th``).
  The noun or currency may follow the number after one line break (``6,33 tỷ\nđồng``), not a blank
  line. In a list of bare numbers ending in an amount or measure (``1.200.000, 900.000 và 500.000
  đồng``) each number is tagged alone with that unit. A number with no noun after it whose noun came before it in the clause
  (``nâng tổng số bệnh nhân ... lên 693.797``) has that noun as unit_text and the number as span; so has a part before its total (``311 trong tổng số 458 phiếu``, ``15 trên 20 huyện``: "trên" there is no qualifier; ``5 trong 7 bị cáo``, not a time: ``2 trong 3 ngày``).
Not statistics: numbers inside dates and periods (``năm 2021``, ``9 tháng đầu năm``), durations
and ages (``10 năm``, ``18 tuổi``), multiples (``gấp gần 2,5 lần``, ``9 lần so với``, ``tăng 39 lần``, ``tăng trưởng hơn 9 lần``, ``vượt quá 3 lần``), document numbers (``20-CT/TW``, ``15/2020/NĐ-CP``), phone numbers,
clock times, numbers that name something (``lớp 10``, ``Ban Chỉ đạo 35``, ``lần thứ 6``, ``naming.txt``; but a
type told by a count of a noun of the lists counts it: ``xe loại 30 chỗ``), numbers inside the counted noun
of the count before them (``12 xe loại 16 chỗ``), roman numerals, the number of a name written right after it on its line (``Nord Stream 2 | bất chấp``, ``Boeing 787 | hạ
cánh``, ``Nhiệt điện Vĩnh Tân 4 | thăm``, a brand opening the sentence: ``Realme 8 | Pro``) unless a noun of the lists follows (``Pfizer 2 mũi``), and any count or ratio without a counted noun.

underthesea's POS tagger was measured on the short window after each number: ~0.9 ms per call (it
would halve tag() throughput) and it tags ``sáng kiến`` as a verb, ``mầm non`` as a verb and
``quán triệt`` as a numeral, so word lists and a dictionary do the work here.
"""
from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass, replace

from nlp import lexicon
from nlp.dates import date_spans
from nlp.gazetteer import adjacent, gazetteer, match_key, match_organization, paragraph_end, starts_title, tokenize
from nlp.numbers import (GLUED_SCALES, NUMBER_PATTERN, POINT_DECIMAL_PATTERN, SCALES, as_comma_decimal, parse_amount,
                         parse_number)
from nlp.records import StatisticTag
from nlp.vietnamese import place_tones

logger = logging.getLogger(__name__)

_F = re.IGNORECASE

MAX_UNIT_SYLLABLES = 5
MAX_WORD_SYLLABLES = 4  # longest dictionary word the segmenter takes
_WINDOW = 160  # characters after a number that are cut into words

QUALIFIERS = ("trên dưới", "gần như", "ít nhất", "tối đa", "tối thiểu", "xấp xỉ", "chưa đầy", "chưa đến", "chưa tới",
              "không vượt quá", "không quá", "không cao hơn", "không thấp hơn", "không ít hơn", "không nhiều hơn",
              "không dưới", "khoảng", "chừng", "cỡ", "trên", "gần", "hơn", "dưới")
DETERMINERS = ("các", "những", "mọi", "số", "số lượng")  # skipped before the noun after "%"


@functools.lru_cache(maxsize=65536)
def _key(word: str) -> str:
    """``word`` lower-cased, its tone on one vowel: ``hoà`` and ``hòa`` share a key."""
    return place_tones(word.lower())


def _phrase_key(phrase: str) -> str:
    return " ".join(_key(part) for part in phrase.split())


@dataclass(frozen=True)
class _Lexicon:
    dictionary: frozenset[str]  # the dictionary's keys (shared, not copied: a copy costs ~10 ms a process)
    split: frozenset[str]  # dictionary keys split_words.txt splits
    listed_words: frozenset[str]  # every word of the lists: the function words and lexicon.listed_word_keys()
    function: frozenset[str]
    verbs: frozenset[str]  # predicates and actions
    predicates: frozenset[str]
    openers: frozenset[str]  # verbs that name nothing a number counts, at the phrase's start only
    nouns: frozenset[str]  # nouns.txt and every group noun
    classes: dict[str, frozenset[str]]  # group noun -> its classes in groups.txt
    events: frozenset[str]
    places: frozenset[str]  # place nouns of groups.txt and "TP": a capitalised name after one is a place
    currencies: frozenset[str]
    measures: frozenset[str]  # quantities included
    quantities: frozenset[str]  # masses and volumes
    sales: frozenset[str]  # units goods are priced by
    listed: frozenset[str]  # nouns, naming words and units of the lists: what a name's number may count
    durations: frozenset[str]
    rooms: frozenset[str]  # counted glued to their number: "2PN"
    naming: re.Pattern  # naming words before a number: "lớp 10"
    namers: frozenset[str]  # the same words, as keys

    def knows(self, key: str) -> bool:
        """Whether the segmenter knows ``key`` as a word: a word of the lists, or of the dictionary not split."""
        return key in self.listed_words or (key in self.dictionary and key not in self.split)


@functools.cache
def _lexicon() -> _Lexicon:
    """The word lists of ``nlp/lexicon`` and the dictionary, loaded once (~0.01 s once the dictionary is)."""
    def keys(items: list[str]) -> frozenset[str]:
        return frozenset(_phrase_key(item) for item in items)

    classes: dict[str, set[str]] = {}
    for name, items in lexicon.sections("groups.txt").items():
        for item in items:
            classes.setdefault(_phrase_key(item), set()).add(name)
    units = {name: keys(items) for name, items in lexicon.sections("units.txt").items()}
    verbs = {name: keys(items) for name, items in lexicon.sections("verbs.txt").items()}
    function = keys(lexicon.entries("function_words.txt"))
    nouns = keys(lexicon.entries("nouns.txt")) | frozenset(classes)
    namers, measures = keys(lexicon.entries("naming.txt")), units["measure"] | units["quantity"]
    naming = "|".join(r"(?<!tổng )(?<!con )(?<!trong )(?<!đa )(?<!dân )(?<!doanh )số" if word == "số"
                      else re.escape(word).replace(r"\ ", r"\s+")
                      for word in sorted(lexicon.entries("naming.txt"), key=len, reverse=True))
    return _Lexicon(
        dictionary=lexicon.dictionary_key_set(), split=keys(lexicon.entries("split_words.txt")),
        listed_words=function | lexicon.listed_word_keys(),
        function=function, verbs=verbs["predicate"] | verbs["action"], predicates=verbs["predicate"], nouns=nouns,
        openers=verbs["opening"],
        classes={k: frozenset(v) for k, v in classes.items()},
        events=frozenset(k for k, v in classes.items() if "event" in v),
        places=frozenset(k for k, v in classes.items() if "place" in v) | {_key("TP")},
        currencies=units["currency"], measures=measures, quantities=units["quantity"],
        sales=units["sale"], listed=nouns | namers | measures | units["sale"],
        durations=units["duration"], rooms=units["room"],
        naming=re.compile(rf"(?<!\w)(?P<word>{naming})\s*[:.]?\s*(?:\d+\s*(?:,|và)\s*)*$", _F),
        namers=namers)


_ONE_QUALIFIER = "|".join(QUALIFIERS)
# a decimal comma typed with a space before a scale word: "10, 3 triệu người" is 10,3 million
_SPACED_DECIMAL = rf"\d{{1,3}},\s\d(?=\s+(?:{'|'.join(SCALES)})(?!\w))"
_RANGE_SEPARATOR = r"(?:\s?[-–]\s?|\s+(?:cho\s+)?(?:đến|tới)\s+)"
# "30-65%", "5 đến 10", "30% - 40%" (a % on both bounds), "2,3 đến dưới 2,5 triệu" (a qualifier on the
# upper bound): a range, valued at its lower bound
_RANGE = (rf"(?:\s?%(?={_RANGE_SEPARATOR}{NUMBER_PATTERN}\s?%))?{_RANGE_SEPARATOR}(?:(?:{_ONE_QUALIFIER})\s+)?"
          rf"(?P<upper>{NUMBER_PATTERN})")
_BETWEEN_BOUNDS = re.compile(_RANGE_SEPARATOR, _F)  # "từ 250.000 bảng | đến | 300.000 bảng/tuần"
# a number whose counted noun came before it: "nâng tổng số bệnh nhân được điều trị khỏi lên 693.797"
_TOTAL = re.compile(r"(?<!\w)(?:tổng\s+)?số\s+(?=[^\W\d])", _F)
# a part before its total: "311 trong tổng số 458 phiếu", "12 trên tổng số 15 ghế", "5 trong 7 bị cáo"
_PART_OF_TOTAL = re.compile(
    rf"\s+(?:(?:trong|trên)\s+(?:tổng\s+)?số|trên|trong)\s+(?:(?:{_ONE_QUALIFIER})\s+)?{NUMBER_PATTERN}(?!\w|[.,]\d)", _F)
_TOTAL_OF = re.compile(r"tổng\s+số\s", _F)  # a percentage of a total: "72,5% tổng số ca mắc"
_NUMBER_OF = re.compile(r"\s*số\s+", _F)  # ... or of a number, "số" left out of the unit: "60% số ca tử vong"
# what the cases of a total are: "tổng số ca mắc", "60% số ca tử vong"
_INFECTED = frozenset(_key(w) for w in ("mắc", "nhiễm", "tử vong"))
_PART_BEFORE = re.compile(r"(?<!năm )(?<!tháng )(?<!ngày )(?<!quý )(?<![\w/.,-])\d+(?:[.,]\d+)*\s+$", _F)  # "15 | trên 20 huyện": "trên" after a number is "out of", no qualifier
_CLAUSE_END = re.compile(r"[.;:!?](?=\s)|\n")  # not the dot inside "TP.HCM"
# a clause, a list item or a range's lower bound ends after a number
_CLAUSE_AFTER = re.compile(rf"\s*(?:[.,;:!?)]|\n|$|và(?!\w))|{_RANGE_SEPARATOR}\d", _F)
_TOTAL_VERB = re.compile(rf"(?<!\w)(?:lên|là|đạt)\s*:?\s*(?:(?:{_ONE_QUALIFIER})\s+)?$", _F)  # "là (hơn) 4.000"
_TIMES = re.compile(rf"(?<!\w)gấp\s+(?:(?:{_ONE_QUALIFIER})\s+)?$", _F)  # "gấp (gần) 4 lần": a multiple, not a count
# "tăng (khoảng) 23 | lần", "tăng trưởng hơn 9 | lần", "vượt quá 3 | lần vốn điều lệ": a multiple
_CHANGE = re.compile(rf"(?<!\w)(?:tăng(?:\s+lên|\s+trưởng)?|giảm(?:\s+xuống)?|vượt(?:\s+quá)?)\s+(?:(?:{_ONE_QUALIFIER})\s+)?$", _F)
_RANGE_BEFORE = re.compile(rf"(?<![\w.,:/-]){NUMBER_PATTERN}\s?[-–]\s?$")  # "0,2-" before a glued "0,5m"
_FROM = re.compile(r"(?<!\w)(từ)\s+$", _F)  # "từ" before a range is its qualifier
_AND_BEFORE = re.compile(r"(?<!\w)và\s+$", _F)
_GROUP_JOINERS = frozenset({",", "/"})  # marks between the nouns of one group: "tỉnh, thành phố", "tỉnh/thành"
_LIST_JOINER = re.compile(r"(?:\s*,|\s+và)\s+(?=\d)", _F)  # between the numbers of a list
# "đồng/tháng", "km/giờ", "đồng/kg", "lít/100 km": a rate (see _per); "đồng/người" is in đồng
_PER = re.compile(rf"\s?/(?:(?P<amount>{NUMBER_PATTERN})\s?|\s?)(?P<per>ngày đêm|[^\W\d_]+[23²³]?)(?!\w)", _F)
_PER_WORD = re.compile(r"\s?/\s?(?P<per>[^\W\d_]+ [^\W\d_]+)(?!\w)")  # a unit of two syllables after the slash
_PERIODS = frozenset(("tháng", "th", "năm", "ngày", "ngày đêm", "tuần", "giờ", "quý", "h", "s", "phút", "giây"))
_ONE_QUALIFIER_BEFORE = re.compile(rf"(?<!\w)({_ONE_QUALIFIER})\s+$", _F)
_QUALIFIER = re.compile(rf"(?<!\w)((?:{_ONE_QUALIFIER})(?:\s+(?:{_ONE_QUALIFIER}))?)\s+$", _F)
_GLUED_SCALE = rf"(?:{'|'.join(GLUED_SCALES)})(?!\w)"  # "13tr", "21tỷ"
_SHORT_MILLIONS = re.compile(r"^\s*tr$", _F)  # "13tr", "18 tr": written so for money only
_CANDIDATE = re.compile(
    rf"(?<![\w.,:/+-])(?P<num>{_SPACED_DECIMAL}|{POINT_DECIMAL_PATTERN}|{NUMBER_PATTERN})(?:/(?P<den>{NUMBER_PATTERN})|{_RANGE})?"
    rf"(?=(?:{_GLUED_SCALE})|(?![\w]|[.,:]\d|[/+-]\w))"
    rf"(?P<scale>(?:{_GLUED_SCALE})?(?:\s+(?:{'|'.join(SCALES)})(?!\w|\s+(?:phú|chứng)(?!\w)))*)(?P<pct>\s?%|\s+phần\s+trăm(?!\w))?", _F)
_GLUED = re.compile(rf"(?P<num>{POINT_DECIMAL_PATTERN}|{NUMBER_PATTERN})(?P<unit>[^\W\d_]+[23²³]?)(?!\w)")  # "45ha", "5.000m2"
# a lowercase noun of up to four words in quotes right after a number: "2 “siêu trộm nhí”" (a nickname)
_QUOTED_NOUN = re.compile(r"[ \t]?[“\"](?P<noun>(?![A-ZĐ])[^\W\d_]+(?:[ \t][^\W\d_]+){0,3})[”\"]")
_METRES_AND_CENTIMETRES = re.compile(r"(?P<m>\d)m(?P<cm>\d\d)(?![\w.,]\d|\w)")  # a height: "1m88" is 1,88 m
_GLUED_HINT = re.compile(r"\d[^\W\d_]")  # a digit touching a letter: where a glued unit may be (a fast scan)
_PHONE = re.compile(r"(?<![\w.])(?:\+84|\(0\d{2,3}\)|0\d{2,3})[\s.-]?\d{3,4}[\s.-]?\d{3,4}(?![\w]|[.,]\d)")
# A word (letters, then letters or digits, hyphen-joined parts: "pa-nô", "COVID-19", "km2"), a number,
# or one punctuation mark.
_TOKEN = re.compile(r"(?P<word>[^\W\d_][^\W_]*(?:-[^\W_]+)*)|(?P<num>\d[^\W_]*(?:[.,/]\d+)*)|(?P<mark>\S)")
_ROMAN = re.compile(r"[IVXLC]+")
_COMRADES = re.compile(r"đ\s?/\s?c(?!\w)", _F)  # "50 đ/c": comrades (đồng chí), not đồng
_CODE_BEFORE = re.compile(r"(?<!\w)covid\s*[-–]?\s*$", _F)  # "Covid - 19" spaced, "covid 19": the number is the code's
_DISEASE_CODE = re.compile(r"[A-Z][A-Za-z]*(?:-[A-Za-z]+)*-\d+")  # "COVID-19", "SARS-CoV-2"
# a model's or an age group's code, capitals and digits, three characters or more: "GR-A25VM", "U22" (not "F0", "A4")
_MODEL_CODE = re.compile(r"(?=[A-Z0-9-]*[A-Z])(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{2,}")
_DIRECTED = re.compile(r"\S+ (?:sang|về|đến|tới|đi|lại|ra|vào|lên|xuống|qua)")  # a word and a direction after it
_NAME_NUMBER = re.compile(r"\d{1,3}(?:[A-Z]\d{0,2})?")  # "lớp 10", "lớp 1C", "lớp 10A1", "quốc lộ 2C"
_SLOGAN_OPENING = re.compile(r"[\"“«]\s?$")  # a quote opening right before a number ...
_SLOGAN_CLOSING = re.compile(r"\s?[\"”»]")  # ... and closing right after its counted noun
_SYLLABLE_BEFORE = re.compile(r"(?<!\w)([^\W\d_]+)\s+$")
_FOREIGN_BEFORE = re.compile(r"(?<!\w)([A-Z][a-z]{2,})[ \t]+$")  # "Realme | 8 Pro": a brand, if no Vietnamese word
_NAME_BEFORE = re.compile(r"(?:(?<!\w)[a-z]+[A-Z][A-Za-z]*|(?<![.!?:\n\"“'‘(]\s)(?<=\w\s)(?P<title>[^\W\d_]{2,}))[ \t]+$")  # "iPhone | 13"
# (also a sentence's first word), "Nord Stream | 2", "Vĩnh Tân | 4" (any capitalised word: see _name_before), on the
# number's line; not a sentence's first word in capitals ("Trong 5 ngày") nor an acronym ("UBND 40 tỉnh")
_DONG, _DIEM, _MOI, _TIMES_WORD, _TIEN = _key("đồng"), _key("điểm"), _key("mới"), _key("lần"), _key("tiền")
_TYPE = _key("loại")  # a naming word ("gạo loại 1") that may be told by a count ("xe loại 30 chỗ")
_YEAR_WORD = _key("năm")
_CHIEC = _key("chiếc")  # the classifier of vehicles and devices, which a brand name may follow
_NEW_POST = frozenset({_key("tân"), _key("nguyên"), _key("cựu")})  # new, former: "18 tân Bộ trưởng"
_DRAFTS = frozenset({_phrase_key("dự án"), _phrase_key("dự thảo")})
_DRAFTED = frozenset(_phrase_key(w) for w in ("Luật", "Bộ luật", "Pháp lệnh", "Nghị quyết", "Nghị định", "Thông tư"))
_DELEGATES = _phrase_key("đại biểu")  # in lowercase, the delegates of a meeting: people counted, no post
_PHONG = _key("phòng")  # against: "vắc xin phòng COVID-19" names the vaccine
_COMPARED = _phrase_key("so với")  # "hơn 9 lần so với ...": a multiple
_PERCENT_WORDS = _phrase_key("phần trăm")
_BILLIONS = re.compile(r"(?:tỷ|tỉ)$", _F)  # the last scale word of an amount
_BILLIONS_OR_MILLIONS = re.compile(r"(?<!\w)(?:tỷ|tỉ|triệu)$", _F)  # an amount's lower bound without its currency
# a word of money earlier in the clause: "giá bán lên tới 35 triệu" is an amount in đồng
_MONEY_CUE = re.compile(r"(?<!\w)(?:giá|tiền|phí|lương|thu nhập|bồi thường|phạt|trị giá|doanh thu|lợi nhuận|kinh phí"
                        r"|thưởng)(?!\w)[^.;:!?\n]*$", _F)
_DETERMINER_KEYS = frozenset(_key(d) for d in DETERMINERS)
_DEMONSTRATIVES = frozenset(_key(w) for w in ("này", "đó", "kia", "ấy"))
_NUMERAL_WORDS = frozenset(_key(w) for w in "một hai ba bốn năm sáu bảy tám chín mười".split())
_AMOUNTS = frozenset({"money", "measure", "percent", "percentage_point"})  # kinds with a unit of their own
_SCOPES = frozenset(_phrase_key(w) for w in ("thế giới", "toàn cầu", "toàn quốc", "cả nước"))  # after a counted noun
_SHARES = frozenset({_phrase_key("cổ phiếu"), "cp"})  # a ticker after them is the stock's, not the noun's
_CASES = frozenset(_phrase_key(w) for w in ("ca", "trường hợp"))  # cases of a disease ...
# ... and what such a case is, which the count leaves out: "5.376 ca | mới", "230 ca | F0"
_CASE_STATES = frozenset(_phrase_key(w) for w in ("bệnh", "F0", "mới", "cộng đồng", "nặng", "nguy kịch",
                                                  "dương tính", "nghi nhiễm", "ngoại nhập", "tử vong", "phát hiện",
                                                  "ghi nhận", "cách ly"))
# ways, tips, reasons, things: the clause after one says which, outside the counted noun ("12 cách | mix đồ")
_CLAUSE_HEADS = frozenset(_phrase_key(w) for w in ("cách", "bí quyết", "mẹo", "lý do", "điều"))
_STOREYS = frozenset(_phrase_key(w) for w in ("tầng", "lầu"))  # a building's: they count nothing after them
_PRIZE = _key("giải")



@dataclass(frozen=True)
class _Word:
    start: int
    end: int
    text: str
    key: str | None  # None for a number or a punctuation mark
    syllables: int


def _words(text: str, pos: int, lex: _Lexicon) -> list[_Word]:
    """The words after ``pos`` up to a punctuation mark other than a comma, a blank line (a phrase may be
    wrapped at one line break: "6,33 tỷ\nđồng") or ``_WINDOW`` characters: numbers, marks, and dictionary
    words of one to ``MAX_WORD_SYLLABLES`` syllables."""
    stop = min(paragraph_end(text, pos), pos + _WINDOW)
    tokens: list[tuple[int, int, str | None]] = []
    for m in _TOKEN.finditer(text, pos, stop):
        tokens.append((m.start(), m.end(), _key(m.group()) if m.group("word") else None))
        if m.group("mark") and m.group() not in _GROUP_JOINERS:
            break  # only a joiner of groups can continue a noun phrase

    @functools.cache
    def candidates(i: int) -> dict[int, str]:
        """Sizes (in tokens) of the words that start at token ``i``, with their keys."""
        found = {1: tokens[i][2]}
        for k in range(i + 1, min(i + MAX_WORD_SYLLABLES, len(tokens))):
            if tokens[k][2] is None:
                break
            key = " ".join(t[2] for t in tokens[i:k + 1])
            if lex.knows(key):
                found[k - i + 1] = key
        return found

    def chunk(i: int, size: int) -> tuple[int, int, bool, int]:
        # maximum matching with a two-word lookahead: the most syllables in the fewest words ("dự toán;"
        # beats "dự | toán;"); on a tie a known verb or function word wins ("làm | công tác", not
        # "làm công | tác"), then a cut whose next word is one ("người | thương vong", not "người
        # thương | vong"), then the longer word
        following = max(candidates(i + size)) if i + size < len(tokens) and tokens[i + size][2] else 0
        key = candidates(i)[size]
        after = candidates(i + size)[following] if following else None
        return (size + following, -1 - bool(following), key in lex.verbs or key in lex.function,
                after in lex.verbs or after in lex.function, size)

    words: list[_Word] = []
    i = 0
    while i < len(tokens):
        start, end, key = tokens[i]
        if key is None:
            words.append(_Word(start, end, text[start:end], None, 0))
            i += 1
            continue
        size = max(candidates(i), key=lambda n: chunk(i, n))
        end = tokens[i + size - 1][1]
        words.append(_Word(start, end, text[start:end], candidates(i)[size], size))
        i += size
    return words


def _starts_name(word: str) -> bool:
    """A capitalised surname: a person's name may start here (not "Học viện" after "học viên")."""
    return _is_title(word) and match_key(word) in gazetteer().surnames


def _is_title(word: str) -> bool:
    return word[0].isupper() and not word.isupper() and not any(c.isdigit() for c in word)


def _ends_phrase(words: list[_Word], j: int, first: int, lex: _Lexicon) -> bool:
    """Whether ``words[j]`` ends the noun phrase that starts at ``words[first]``."""
    word, key = words[j], words[j].key
    if j == first + 1 and words[first].key == _PRIZE and len(word.text) == 1 and word.text.isupper():
        return False  # a prize's grade letter, "C" too (no roman numeral there): "11 giải C", as "45 giải A"
    if key is None:  # a number or a mark; a number after a naming word names ("120 học sinh lớp 10"), unless a
        # span of time follows it ("103% kế hoạch | 6 tháng")
        return not (j > first and words[j - 1].key in lex.namers and _NAME_NUMBER.fullmatch(word.text)
                    and not (j + 1 < len(words) and words[j + 1].key in lex.durations))
    if (j > first and _is_title(word.text) and not _branded(words, j, first) and not (
            words[j - 1].key in _DRAFTS and key in _DRAFTED)) or _ROMAN.fullmatch(word.text):
        return True  # (a draft's kind stays, capitalised: "2 dự án Luật", "3 dự thảo Nghị quyết")
    if j > first + 1 and not _is_title(word.text) and _is_title(words[j - 1].text) and _branded(words, j - 1, first):
        return True  # the brand name ends the phrase: "2 chiếc Land Cruiser | nhập lậu"
    if j > first and key in lex.places and j + 1 < len(words) and (words[j + 1].key and (
            words[j + 1].text[0].isupper() or words[j + 1].key in _DEMONSTRATIVES) or words[j + 1].text.isdigit()):
        return True  # a place named after the noun: "30 hộ dân | xã Tân Lập", "1 Trưởng phòng | TP Nha Trang",
        # or numbered: "3 địa phương | quận 12", or pointed at: "873 người dân | tỉnh này"
    if j > first and word.text == "TP":
        return True  # a city, its name glued after a dot or left out: "3 lý do | TP.HCM ...", "4.000 thanh niên | TP"
    if j > first and key in _SCOPES:
        return True  # the scope it is counted over: "30 nhà lãnh đạo | thế giới", "80.000 nhân viên y tế | toàn cầu"
    if j > first and key.split(" ", 1)[0] in lex.places and word.syllables > 1 and word.text.split()[1][0].isupper():
        return True  # a place word and its name read as one word: "4 tỉnh | miền Trung"
    if j > first and key in _NUMERAL_WORDS and key != _YEAR_WORD:
        return True  # a number word opens another amount: "160 đại diện doanh nghiệp | hai nước"
    if j > first and key in lex.durations and key != _YEAR_WORD:
        return True  # a time after the noun: "12 cung hoàng đạo | tuần mới" (not "75% kế hoạch năm": annual)
    if j > first and word.text.isupper() and _body_acronym(word.text):
        return True  # the body what is counted belongs to: "28 thành viên | NATO"
    if j > first and word.text.isupper() and words[j - 1].key in _SHARES:
        return True  # a stock's ticker after its shares: "5,2 triệu cổ phiếu | GTT", "24 triệu cp | HQC"
    if _MODEL_CODE.fullmatch(word.text) and not _DISEASE_CODE.fullmatch(word.text) and not (
            j > first and words[j - 1].key in lex.namers):  # "thanh ray loại P50": the type it names
        return True  # what the counted or measured thing is a model or a team of: "194 lít | GR-A25VM", "5 cầu thủ | U22"
    if j > first and _DISEASE_CODE.fullmatch(word.text) and words[j - 1].key != _PHONG:
        return True  # what the cases or doses are of: "2 ca | COVID-19", "1.500 liều vắc xin | COVID-19"
    if j > first and words[j - 1].key in _CASES and key in _CASE_STATES:
        return True  # also after "tổng số": "80% tổng số ca | F0"
    if j == first + 1 and words[first].key in _CLAUSE_HEADS and not _is_title(word.text):
        return True  # "7 điều | bác sĩ thường làm"
    if j == first + 1 and words[first].key in _STOREYS:
        return True  # "nhà 7 tầng | thang máy", "3 lầu | khu vực yên tĩnh" (not "3 tầng hầm", one word)
    if key in lex.nouns and (j == first or (key not in lex.verbs and key not in lex.function)):
        return False
    if j == first and key in lex.openers:
        return True  # "Lữ đoàn 202 | đẩy mạnh ...", "(1 | thắng, 3 hòa)": no noun, so no count
    verb = key if key in lex.verbs else _directed_verb(key, lex)
    if verb and verb not in lex.predicates and j > first and words[j - 1].key in lex.events:
        return False  # an action right after an event noun is the event: "cuộc kiểm tra", "lượt theo dõi"
    if key in lex.function or key.split(" ", 1)[0] in lex.function:  # also "bị thương", "cấp huyện"
        # a trailing adjective "mới" (new) before punctuation stays: "25 dự án đầu tư mới;"
        return not (key == _MOI and j > first and (j + 1 == len(words) or words[j + 1].key is None))
    return verb is not None


@functools.lru_cache(maxsize=256)
def _body_acronym(text: str) -> bool:
    """Whether ``text`` is the acronym of a body or an international one: "UBND", "NATO", "ASEAN"."""
    g = gazetteer()
    tokens = tokenize(text, match_key(text))
    return any((found := names.longest(text, tokens, 0)) and found[0] == len(tokens) for names in (g.orgs, g.countries))


def _directed_verb(key: str, lex: _Lexicon) -> str | None:
    """The verb of a verb with the direction it goes ("mang sang", "chuyển về"), else None."""
    verb = key.split(" ", 1)[0]
    return verb if _DIRECTED.fullmatch(key) and verb in lex.verbs else None


def _branded(words: list[_Word], j: int, first: int) -> bool:
    """Whether ``words[j]`` is a name run right after the classifier "chiếc": "7 chiếc Land Rover"."""
    while j > first and _is_title(words[j - 1].text):
        j -= 1
    return j > first and words[j - 1].key == _CHIEC


def _item(words: list[_Word], first: int, lex: _Lexicon, date_starts: set[int]) -> tuple[int, bool] | None:
    """(end, capped) of the noun phrase ``words[first:end]``; capped when the syllable cap ended it."""
    j, syllables = first, 0
    while j < len(words) and syllables < MAX_UNIT_SYLLABLES:
        if words[j].start in date_starts or _ends_phrase(words, j, first, lex):
            break
        syllables += max(words[j].syllables, 1)
        j += 1
    if j == first:
        return None
    return j, syllables >= MAX_UNIT_SYLLABLES


def _same_group(before: list[_Word], head: _Word, lex: _Lexicon) -> bool:
    """Whether the noun ``head`` after a comma names the same kind of group as the nouns ``before``."""
    if head.key == before[0].key:
        return True
    classes = lex.classes.get(head.key)
    return bool(classes) and any(classes & lex.classes.get(w.key, frozenset()) for w in before)


def _noun_phrase(words: list[_Word], lex: _Lexicon, date_starts: set[int],
                 skip_determiners: bool) -> tuple[int, int] | None:
    """(start, end) in the text of the counted noun phrase at the start of ``words``, or None."""
    first = 0
    while skip_determiners and first < len(words) and words[first].key in _DETERMINER_KEYS:
        first += 1
    if first < len(words) and words[first].key in _NUMERAL_WORDS:
        return None  # a number word starts no counted noun: "GMT + 7 | Một bể bơi ..." (a sentence after it)
    found = _item(words, first, lex, date_starts)
    if found is None:
        return None
    (end, capped), head = found, first
    while not capped and end + 1 < len(words) and (words[end].text in _GROUP_JOINERS or words[end].key == "và") and not _is_title(words[end + 1].text):
        following = _item(words, end + 1, lex, date_starts)
        if following is None or following[1] or not _same_group(words[head:end], words[end + 1], lex) or (
                following[0] < len(words) and _starts_name(words[following[0]].text)):
            break  # not a list of groups, or a person's name follows ("1.200 hội viên, hội viên Nguyễn Văn A")
        head, end = end + 1, following[0]
    named = _is_title(words[first].text) and (
        end - first > 1 and _is_title(words[first + 1].text)
        or end < len(words) and words[end].key and _is_title(words[end].text)
        or words[first].syllables > 1 and all(map(_is_title, words[first].text.split())))
    if named:
        return None  # a proper name ("18 Hoàng Diệu", "83 Quang Trung"), not a counted noun ("56 Hội nghị")
    return words[first].start, words[end - 1].end


def _qualifier(text: str, start: int, is_range: bool = False) -> tuple[int, str | None]:
    match = (is_range and _from_before(text, start)) or _QUALIFIER.search(text, max(0, start - 24), start)
    if match and match.group(1).lower() == "trên" and _PART_BEFORE.search(text, max(0, match.start() - 24),
                                                                         match.start()):
        return start, None
    if match and match.group(1).lower().startswith("trên ") and match.group(1).lower() not in QUALIFIERS:
        match = _ONE_QUALIFIER_BEFORE.search(text, match.start() + len("trên"), start)  # "trên | gần 48.000": "on"
    return (match.start(), " ".join(match.group(1).lower().split())) if match else (start, None)


def _from_before(text: str, start: int) -> re.Match | None:
    """"từ" written just before a range that starts at ``start``: its qualifier."""
    return _FROM.search(text, max(0, start - 8), start)


def _naming_word(text: str, start: int, lex: _Lexicon) -> str | None:
    """The key of the naming word that stands before the number at ``start`` ("vùng 4", "tổ 55"), not as the
    end of a verb ("kỷ luật 3 cá nhân", "phân loại 5 nhóm"); else None."""
    match = lex.naming.search(text, max(0, start - 24), start)
    before = match and _SYLLABLE_BEFORE.search(text, max(0, match.start() - 12), match.start())
    if not match or (before and _phrase_key(f"{before.group(1)} {match.group('word')}") in lex.verbs):
        return None
    return _phrase_key(match.group("word"))


def _leaves_names(text: str, start: int, end: int, lex: _Lexicon) -> bool:
    """Whether the number at ``start`` after "và" counts a lowercase word that neither names nor acts, and so
    leaves the list of names before it: "đô thị loại 1 và | 3 đô thị loại 2" (not "Trung ương 6 và 7 khóa
    XII", "Điều 5 và 203 BLHS")."""
    if not _AND_BEFORE.search(text, max(0, start - 6), start):
        return False
    words = _words(text, end, lex)
    return bool(words) and words[0].key is not None and words[0].text[0].islower() and \
        words[0].key not in lex.namers and words[0].key not in lex.verbs


def _noun_listed(unit: str, lex: _Lexicon) -> bool:
    """Whether the counted noun ``unit`` opens with a noun of the lists (nouns, groups, naming words, units)."""
    syllables = _phrase_key(unit).split(" ")
    return any(" ".join(syllables[:n]) in lex.listed for n in range(1, min(4, len(syllables)) + 1))


def _name_before(text: str, start: int, lex: _Lexicon) -> bool:
    """Whether a name's word stands right before the number at ``start``: a capitalised word inside the sentence
    ("Nord Stream | 2", "Nhiệt điện Vĩnh Tân | 4", "Triều Tiên | 38 North"), one in mixed case ("iPhone | 13"),
    or, also opening the sentence, a capitalised word of plain letters that is no Vietnamese word ("Realme | 8")."""
    match = _NAME_BEFORE.search(text, max(0, start - 30), start)
    if match:
        return match.group("title") is None or _is_title(match.group("title"))
    foreign = _FOREIGN_BEFORE.search(text, max(0, start - 30), start)
    return bool(foreign) and not lex.knows(_key(foreign.group(1)))


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def tag_statistics(text: str) -> list[StatisticTag]:
    """Counts, percentages, ratios and amounts of money in ``text`` (NFC), each with its counted noun."""
    lex = _lexicon()
    protected = date_spans(text) + [m.span() for m in _PHONE.finditer(text)]
    date_starts = {s for s, _ in protected}
    found: list[StatisticTag] = []
    bare: dict[int, tuple[int, int, float, str | None]] = {}  # where the next list item starts -> a bare number
    for match in _CANDIDATE.finditer(text):
        start, end = match.span()
        if _overlaps(start, end, protected) or _TIMES.search(text, max(0, start - 24), start) \
                or _CODE_BEFORE.search(text, max(0, start - 12), start):
            continue
        if found and start < found[-1].end:
            continue  # inside the noun of the count before it: "12 xe loại 16 chỗ"
        named = _naming_word(text, start, lex)  # "vùng 4", "tổ 55": an identifier ...
        written = match.group("num").replace(", ", ",")  # "10, 3 triệu": _SPACED_DECIMAL
        raw = as_comma_decimal(written)
        if len(raw) > 2 and raw[0] == "0" and raw[1] != ",":
            continue  # a code or phone fragment; "05 tập thể" (two digits) is a count
        if raw.isdigit() and len(raw) == 4 and 1900 <= int(raw) <= 2100 and not match.group("den"):
            continue  # counts of thousands are written "2.018"; "2018" is a year ("Chương trình 2018")
        value = parse_amount(raw + match.group("scale"))
        den = parse_number(match.group("den")) if match.group("den") else None
        if value is None or (match.group("den") and (den is None or den == 0 or den < value)):
            continue
        if match.group("upper") and (parse_number(match.group("upper")) or 0) <= parse_number(raw):
            continue  # "2-1" (a score), not a range
        span_start, qualifier = _qualifier(text, start, bool(match.group("upper")))
        kind, unit, unit_end = _classify(text, match, lex, date_starts, den is not None)
        if qualifier == "trên" and kind == "count" and found and found[-1].kind == "count" \
                and not text[found[-1].end:span_start].strip():
            span_start, qualifier = start, None  # a count's place right after another count: "on", not "over"
            # ("34 dịch vụ | trên 6 lĩnh vực", "13 ngư dân | trên 2 tàu"; not "5 nhà máy | trên 30 MW")
        if named and kind not in _AMOUNTS and not (kind == "count" and (
                _leaves_names(text, start, end, lex) or named == _TYPE and _noun_listed(unit, lex))):
            continue  # ... unless an amount follows: "giá ở vùng 3.500 đồng", a count leaves the list, or a
            # type is told by a count of a noun of the lists: "xe loại 30 chỗ" (not "gạo loại 1 giá ...")
        if kind == "count" and _name_before(text, start, lex) and not _noun_listed(unit, lex):
            continue  # a name's number ("Boeing 787 | hạ cánh", "Nord Stream 2 | bất chấp"); "Pfizer 2 mũi" counts doses
        if kind == "count" and _SLOGAN_OPENING.search(text, max(0, start - 2), start) \
                and _SLOGAN_CLOSING.match(text, unit_end):
            continue  # a slogan quoted whole: "2 mũi giáp công", “5 xanh”
        if raw != written and not (match.group("scale") or kind in _AMOUNTS):
            continue  # a decimal point is read before a scale word or a unit only: not "mục 2.1 các"
        if kind is None:
            joiner = _LIST_JOINER.match(text, unit_end)
            if joiner and not den:
                bare[joiner.end()] = (span_start, unit_end, float(value), qualifier)
            continue
        found.append(StatisticTag(text=text[span_start:unit_end], start=span_start, end=unit_end,
                                  value=float(value), denominator=float(den) if den is not None else None,
                                  unit_text=unit, qualifier=qualifier, kind=kind))
    found += _glued_units(text, lex, protected, date_starts)
    return _shared_currency(text, _ranges_with_units(text, sorted(found + _shared_units(text, found, bare),
                                                                  key=lambda t: t.start)))


def _shared_currency(text: str, found: list[StatisticTag]) -> list[StatisticTag]:
    """An amount of money without its currency in a list that ends in one takes it: in "giá 729 triệu và
    1,299 tỷ đồng" both are in đồng."""
    found = list(found)
    for i in range(len(found) - 2, -1, -1):
        amount, following = found[i], found[i + 1]
        joiner = _LIST_JOINER.match(text, amount.end)
        if (amount.kind == following.kind == "money" and amount.unit_text is None and following.unit_text
                and joiner and joiner.end() == following.start):
            found[i] = replace(amount, unit_text=following.unit_text)
    return found


def _ranges_with_units(text: str, found: list[StatisticTag]) -> list[StatisticTag]:
    """A range that writes its unit on both bounds, "từ 250.000 bảng đến 300.000 bảng/tuần", or only its
    scale word on the lower ("từ 1,5 triệu đến 4 triệu đồng"), is one statistic, as one written once is
    ("từ 5 đến 10 khẩu súng"): valued at its lower bound, the unit of its upper (which may add a period),
    ``từ`` its qualifier when written ("mức phạt là 60.000 đồng đến 80.000 đồng" has none), or the lower bound's
    ("khoảng 3.000 người đến 5.000 người")."""
    merged: list[StatisticTag] = []
    for tag in found:
        lower = merged[-1] if merged else None
        same_unit = lower and tag.unit_text and (tag.unit_text.lower().startswith(lower.unit_text.lower())
                                                 if lower.unit_text else _BILLIONS_OR_MILLIONS.search(lower.text))
        if (same_unit and _BETWEEN_BOUNDS.fullmatch(text, lower.end, tag.start)
                and tag.kind == lower.kind and lower.denominator is None and tag.denominator is None
                and tag.value > lower.value):
            written_from = None if lower.qualifier else _from_before(text, lower.start)
            start = written_from.start() if written_from else lower.start
            merged[-1] = StatisticTag(text=text[start:tag.end], start=start, end=tag.end, value=lower.value,
                                      denominator=None, unit_text=tag.unit_text,
                                      qualifier="từ" if written_from else lower.qualifier, kind=tag.kind)
        else:
            merged.append(tag)
    return merged


def _shared_units(text: str, found: list[StatisticTag], bare: dict) -> list[StatisticTag]:
    """The bare numbers of a list that ends in an amount or measure share its unit: in "1.200.000,
    900.000 và 500.000 đồng" each is in đồng (the span stays the number)."""
    shared = []
    for tag in found:
        item = tag
        while tag.kind in ("money", "measure") and item.start in bare:
            start, end, value, qualifier = bare.pop(item.start)
            item = StatisticTag(text=text[start:end], start=start, end=end, value=value, denominator=None,
                                unit_text=tag.unit_text, qualifier=qualifier, kind=tag.kind)
            shared.append(item)
    return shared


def _glued_units(text: str, lex: _Lexicon, protected: list[tuple[int, int]],
                 date_starts: set[int]) -> list[StatisticTag]:
    """Measures, amounts and rooms written with the unit glued to the number: ``45ha``, ``5.000m2``, ``2PN``."""
    found = []

    def add(start: int, end: int, value, unit: str, kind: str, ranged: bool = False) -> None:
        span_start, qualifier = _qualifier(text, start, ranged)
        found.append(StatisticTag(text=text[span_start:end], start=span_start, end=end, value=float(value),
                                  denominator=None, unit_text=unit, qualifier=qualifier, kind=kind))

    for hint in _GLUED_HINT.finditer(text):
        start = hint.start()
        while start and (text[start - 1].isdigit() or text[start - 1] in ".,"):
            start -= 1
        if (height := _METRES_AND_CENTIMETRES.match(text, start)) and not (start and text[start - 1].isalpha()):
            add(start, height.end(), parse_number(f"{height.group('m')},{height.group('cm')}"), "m", "measure")
            continue
        match = _GLUED.match(text, start)
        lower = _RANGE_BEFORE.search(text, max(0, start - 24), start)
        if match is None or (start and not lower and (text[start - 1].isalpha() or text[start - 1] in "_:/-")):
            continue  # not a number and a unit, or inside a word or code
        unit, value = match.group("unit"), parse_number(as_comma_decimal(match.group("num")))
        if lower:  # "0,2-0,5m": the range from the lower bound
            value, start = parse_number(lower.group().rstrip("-– ")), lower.start()
        is_money = _key(unit) in lex.currencies
        if value is None or _overlaps(*match.span(), protected):
            continue
        if _key(unit) in lex.rooms and not lower:
            add(start, match.end(), value, unit, "count")
            continue
        if not (is_money or _key(unit) in lex.measures):
            continue
        unit, end = _per(text, match.start("unit"), match.end(), lex, is_money)
        if end == match.end() and _key(unit) in lex.quantities and (
                measured := _measured(_words(text, end, lex), end, lex, date_starts)):
            unit, end = text[match.start("unit"):measured], measured  # "2kg chai lon"
        add(start, end, value, unit, "money" if is_money else "measure", ranged=bool(lower))
    return found


def _measured(words: list[_Word], unit_end: int, lex: _Lexicon, date_starts: set[int]) -> int | None:
    """The end of the noun a mass or volume ending at ``unit_end`` measures ("200 triệu lít | xăng"), if one
    follows it after a space."""
    phrase = _noun_phrase(words, lex, date_starts, skip_determiners=False) if words else None
    return phrase[1] if phrase is not None and words[0].start == unit_end + 1 else None


def _per(text: str, start: int, end: int, lex: _Lexicon, money: bool = True) -> tuple[str, int]:
    """(unit_text, end) of a measure with the period it is counted per (``km/giờ``; a yield ``tạ/ha``
    stays ``tạ``) or an amount of a measure (``lít/100 km``), of a currency also with a unit of measure
    (``đồng/tháng``, ``đồng/kg``, and a period after it: ``USD/m2/tháng``), a unit goods are priced by
    (``USD/thùng``) or another currency (an exchange rate: ``VND/USD``)."""
    per = _PER.match(text, end)
    unit = _key(per.group("per")) if per else None
    measured = unit in lex.measures or money and (unit in lex.sales or unit in lex.currencies)
    if per and (unit in _PERIODS or measured and (money or per.group("amount"))):
        end = per.end()
        if unit not in _PERIODS:
            end = _period_end(text, end) or end  # and the period it is paid per: "30,6 USD/m2/tháng"
    elif money and (sale := _PER_WORD.match(text, end)) and _key(sale.group("per")) in lex.sales:
        end = sale.end()  # a unit of two syllables: "USD/cổ phiếu"
    return text[start:end], end


def _classify(text: str, match: re.Match, lex: _Lexicon, date_starts: set[int],
              is_ratio: bool) -> tuple[str | None, str | None, int]:
    """(kind, unit_text, end of span) for a number candidate; kind None drops it."""
    end = match.end()
    words = _words(text, end, lex)
    if match.group("pct"):
        if words and words[0].key in lex.durations:  # "182,5% năm": a rate per year
            return "percent", "%", end
        period = _period_end(text, end)
        if period is not None:  # "5,5%/năm", as "đồng/tháng"
            return "percent", "%" + text[end:period], period
        phrase = _noun_phrase(words, lex, date_starts, skip_determiners=True)
        if phrase and (_TOTAL_OF.match(text, phrase[0]) or _NUMBER_OF.fullmatch(text, end, phrase[0])):
            # "85,8% tổng số ca mắc", "60% số ca tử vong": the total keeps its verb
            phrase = phrase[0], next((w.end for w in words if w.start == phrase[1] + 1 and w.key in _INFECTED),
                                     phrase[1])
        if phrase:
            return "percent", text[phrase[0]:phrase[1]], phrase[1]
        return "percent", "%", end
    if not is_ratio and _SHORT_MILLIONS.match(match.group("scale")):
        return "money", None, _period_end(text, end) or end  # "giá 900tr | Diện tích": money, whatever follows
    if not is_ratio and (quoted := _QUOTED_NOUN.match(text, end)):
        return "count", quoted.group("noun"), quoted.end()  # "2 “hiệp sĩ”": a noun in quotes, quotes in the span
    if not words or words[0].key is None:
        return _uncounted(text, match, lex, date_starts, is_ratio)
    word = words[0]
    if word.key in lex.durations or word.key.split(" ", 1)[0] in lex.durations or (
            word.key == _TIMES_WORD and (len(words) > 1 and words[1].key == _COMPARED
                                         or _CHANGE.search(text, max(0, match.start() - 30), match.start()))):
        return None, None, end
    if word.key == _DIEM and len(words) > 1 and (words[1].text == "%" or words[1].key == _PERCENT_WORDS):
        return "percentage_point", text[word.start:words[1].end], words[1].end
    if not is_ratio and match.group("scale") and word.key.split(" ", 1)[0] == _DONG:
        return "money", *_per(text, word.start, word.start + len("đồng"), lex)  # "2 tỷ đồng tiền mặt"
    if not is_ratio and word.key in lex.currencies and not _COMRADES.match(text, word.start):
        return "money", *_per(text, word.start, word.end, lex)
    if not is_ratio and match.group("scale") and word.key.split(" ", 1)[0] == _TIEN:
        return "money", None, end  # "200 tỷ tiền thuê": an amount in đồng, "tiền" is no currency
    if not is_ratio and word.key in lex.quantities and (
            measured := _measured(words[1:], word.end, lex, date_starts)):
        return "measure", text[word.start:measured], measured
    if not is_ratio and word.key in lex.measures:
        return "measure", *_per(text, word.start, word.end, lex, money=False)
    first = word.key.split(" ", 1)[0]
    post = _post_end(text, word.start) if first in _NEW_POST or first in gazetteer().titles else None
    if post is not None:  # a headcount of posts: "2 Giám đốc Công an tỉnh", "3 tân Phó Thủ tướng"
        return ("ratio" if is_ratio else "count"), text[word.start:post], post
    phrase = _noun_phrase(words, lex, date_starts, skip_determiners=False)
    if phrase is None:
        return _uncounted(text, match, lex, date_starts, is_ratio)
    per = _PER.match(text, phrase[1])
    if not is_ratio and per and _key(per.group("per")) in _PERIODS:  # "3.400 ca/ngày": a count per period
        return "count", text[phrase[0]:per.end()], per.end()
    return ("ratio" if is_ratio else "count"), text[phrase[0]:phrase[1]], phrase[1]


def _post_end(text: str, start: int) -> int | None:
    """End of an official's post written at ``start``, a title of the gazetteer with the body after it,
    perhaps after "tân", "nguyên", "cựu" (new, former): "Giám đốc Công an tỉnh", "tân Bộ trưởng", "cựu phó
    chủ tịch HĐND phường"; else None."""
    piece = text[start:min(paragraph_end(text, start), start + 160)]
    tokens = tokenize(piece, match_key(piece))
    i = 1 if len(tokens) > 1 and tokens[0].key in _NEW_POST and adjacent(piece, tokens[0], tokens[1]) else 0
    found = starts_title(piece, tokens, i, lowercase=True) if i < len(tokens) else None
    if found is None or (tokens[i].text.islower() and " ".join(t.key for t in tokens[i:i + 2]) == _DELEGATES):
        return None  # "500 đại biểu | Quốc hội"
    g, end = gazetteer(), found[0]
    if not (end < len(tokens) and adjacent(piece, tokens[end - 1], tokens[end])):
        return start + tokens[end - 1].end
    body = match_organization(piece, tokens, end)
    field = g.fields.longest(piece, tokens, end) if body is None else None
    if field is not None:  # a ministry or board named by its field: "2 Thứ trưởng Ngoại giao"
        end = field[0]
    elif body is not None:
        end = body.end
        if body.place is not None:  # the run after the body: a place the gazetteer knows, alone (not the
            # holders' names, not the first of a list of places: "2 Giám đốc Công an tỉnh | Hưng Yên, Thái Bình")
            known = g.places.longest(piece, tokens, body.place[0])
            listed = known and known[0] + 1 < len(tokens) and tokens[known[0]].key in (",", "và") \
                and g.places.longest(piece, tokens, known[0] + 1)
            end = known[0] if known and not listed else body.place[0]
    return start + tokens[end - 1].end


def _period_end(text: str, end: int) -> int | None:
    """End of the period an amount ending at ``end`` is counted per ("/năm", "/tháng"), else None."""
    per = _PER.match(text, end)
    return per.end() if per and not per.group("amount") and _key(per.group("per")) in _PERIODS else None


def _uncounted(text: str, match: re.Match, lex: _Lexicon, date_starts: set[int],
               is_ratio: bool) -> tuple[str | None, str | None, int]:
    """(kind, unit_text, end) for a number with no noun after it: billions are an amount of money whose
    currency goes without saying ("dự án 700 tỷ tại An Nhơn": unit_text None), and so are millions that end a
    clause or a range's lower bound ("Xe ga 55 triệu, bản giới hạn", "5 triệu | đến 6 triệu đồng") and millions
    or thousands after a word of money in the clause ("giá bán lên tới 35 triệu"); else see _counted_before."""
    scale = match.group("scale")
    if not is_ratio and (_BILLIONS.search(scale) or _BILLIONS_OR_MILLIONS.search(scale) and _CLAUSE_AFTER.match(
            text, match.end()) or scale and _MONEY_CUE.search(text, max(0, match.start() - 40), match.start())):
        return "money", None, _per(text, match.end(), match.end(), lex)[1]  # also a rate: "1,3 triệu/tháng", "30 triệu/m2"
    part = _PART_OF_TOTAL.match(text, match.end())
    if part and not is_ratio:  # "311 trong tổng số 458 phiếu": the part counts the noun of the total
        words = _words(text, part.end(), lex)
        phrase = _noun_phrase(words, lex, date_starts, skip_determiners=False)
        if phrase is not None and words[0].key.split(" ", 1)[0] not in lex.durations:  # not a time: "2 trong 3 ngày"
            return "count", text[phrase[0]:phrase[1]], match.end()
    return _counted_before(text, match.start(), lex, date_starts, is_ratio, match.end())


def _counted_before(text: str, start: int, lex: _Lexicon, date_starts: set[int], is_ratio: bool,
                    end: int) -> tuple[str | None, str | None, int]:
    """(kind, unit_text, end) for a number without a noun after it whose noun came before it in the
    clause: "(tổng) số NOUN ... lên|là|đạt NUMBER"; the span stays the number."""
    if not _TOTAL_VERB.search(text, max(0, start - 24), start):
        return None, None, end
    window = max(0, start - 100)
    clause = max((m.end() for m in _CLAUSE_END.finditer(text, window, start)), default=window)
    total = None
    for total in _TOTAL.finditer(text, clause, start):
        pass  # the last "số" before the number
    words = _words(text, total.end(), lex) if total else []
    phrase = _noun_phrase(words, lex, date_starts, skip_determiners=False) if words else None
    if phrase is None or phrase[1] > start or words[0].key not in lex.nouns:
        return None, None, end  # no counted noun of the lists ("số thứ tự lên 12")
    return ("ratio" if is_ratio else "count"), text[phrase[0]:phrase[1]], end
