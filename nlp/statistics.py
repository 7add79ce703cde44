"""Statistics tagger: ``tag_statistics(text) -> list[StatisticTag]``.

A statistic is a number with what it counts: ``56 Hội nghị``, ``trên 1.200 hội nghị trực tiếp``,
``22.214 lượt cán bộ, đảng viên``, ``50/53 trường học công lập``, ``3,5 tỷ đồng``, ``5,07%``.
Numbers are Vietnamese (``.`` thousands, ``,`` decimals; see ``nlp.numbers``).

Span: [qualifier] number [scale word] [% | currency] [counted noun phrase].
- ``qualifier``: one of ``QUALIFIERS`` right before the number, lower-cased; it is in the span.
- ``unit_text``: the counted noun phrase after the number, up to punctuation, a function word or
  verb (``STOP_WORDS``), a modifier introduced by ``cấp`` (``191 sáng kiến kinh nghiệm`` in
  ``191 sáng kiến kinh nghiệm cấp cơ sở``), a capitalised word after the first, a date, or
  ``MAX_UNIT_SYLLABLES`` syllables (a word cut by that cap is completed: ``hộ đồng bào dân tộc
  thiểu số``, word boundaries from underthesea); a trailing ``mới`` (new) before punctuation stays
  (``2.456 đảng viên mới``). Comma-joined pairs that name one group (``cán bộ, đảng viên``,
  ``khoa, phòng``) are in ``FIXED_PHRASES`` and kept whole.
- kind ``percent``: unit_text is the noun after ``%`` when there is one (``100% các khoa, phòng``
  -> ``khoa, phòng``; a leading ``các``/``những``/``mọi``/``số`` is in the span but not in unit_text),
  else ``"%"``. Kind ``money``: value in đồng/USD units, unit_text the currency word. Kind
  ``ratio``: ``50/53 ...`` (value 50, denominator 53). Kind ``measure``: ha, km, tấn ...,
  unit_text the measurement unit. Else ``count``.
Not statistics: numbers inside dates and periods (``năm 2021``, ``9 tháng đầu năm``), durations
and ages (``10 năm``, ``18 tuổi``), document numbers (``20-CT/TW``, ``15/2020/NĐ-CP``), phone numbers, clock times,
numbers that name something (``lớp 10``, ``Ban Chỉ đạo 35``, ``lần thứ 6``, ``Covid-19``), roman
numerals, and any count or ratio without a counted noun.

underthesea's POS tagger was measured on the short window after each number: ~0.5 ms per call and
it tags ``sáng kiến`` as a verb and ``quán triệt`` as a numeral, so word lists do the work here.
"""
from __future__ import annotations

import logging
import re

from nlp.dates import date_spans
from nlp.numbers import NUMBER_PATTERN, SCALES, parse_amount, parse_number
from nlp.records import StatisticTag

logger = logging.getLogger(__name__)

_F = re.IGNORECASE

MAX_UNIT_SYLLABLES = 5

QUALIFIERS = ("gần như", "ít nhất", "tối đa", "tối thiểu", "xấp xỉ", "khoảng", "trên", "gần", "hơn", "dưới")

# Function words, auxiliaries and verbs that end a counted noun phrase.
STOP_WORDS = frozenset("""
và hoặc hay với cùng của cho trong ngoài tại trên dưới ở từ đến tới qua theo về để nhằm do bởi vì
khi thì mà nhưng nên này đó kia ấy nào rằng nếu sau trước giữa bằng nhờ so như hơn nhất là có được
bị đã đang sẽ vừa mới cũng đều vẫn còn chưa không cần phải đạt tăng giảm chiếm gồm thuộc vào ra lên
xuống cấp các những mỗi mọi nhiều ít đỗ nhận đứng dẫn dự
""".split())
# A number followed by these is a duration or an age ("10 năm", "18 tuổi"), not a count.
DURATION_UNITS = frozenset("năm tháng ngày tuần quý giờ phút giây thập thế tuổi".split())
STOP_PHRASES = ("tham dự", "tham gia", "trở lên", "trở xuống", "hoàn thành", "thực hiện", "triển khai",
                "đăng ký", "tốt nghiệp", "trúng tuyển", "bao gồm", "tương đương", "xác định", "bảo đảm",
                "đảm bảo", "góp phần", "tiếp tục", "đối với")
# Nouns that begin with a stop word: "15 dự án", "105% dự toán", "12 cấp ủy", "215 ca cấp cứu".
NOUNS_FROM_STOP_WORDS = ("dự án", "dự toán", "dự thảo", "dự báo", "cấp ủy", "cấp uỷ", "cấp cứu", "cấp học",
                         "cấp độ")
# Groups kept whole: comma-joined pairs that name one group, nouns that contain a stop word.
FIXED_PHRASES = (
    "cán bộ, công chức, viên chức", "cán bộ, đảng viên", "cán bộ, công chức", "công chức, viên chức",
    "cán bộ, chiến sĩ", "cán bộ, giáo viên", "giáo viên, học sinh", "đoàn viên, thanh niên",
    "hội viên, phụ nữ", "khoa, phòng", "cơ quan, đơn vị", "sở, ban, ngành", "sở, ngành",
    "xã, phường, thị trấn", "xã, phường", "xã, thị trấn", "thôn, tổ dân phố", "thôn, xóm",
    "tập thể, cá nhân", "doanh nghiệp, hợp tác xã", "nhiệm vụ, giải pháp", "tổ chức, cá nhân", "tin, bài",
    "chi, đảng bộ", "đảng bộ, chi bộ",
    "nông thôn mới",
)
DETERMINERS = frozenset(("các", "những", "mọi", "số"))  # skipped before the noun after "%"
CURRENCIES = ("đồng", "vnđ", "vnd", "usd", "đô la", "euro", "eur")
# "đồng" is the currency unless it starts one of these words: "53 đồng chí", "1.200 đồng bào".
NOT_CURRENCY = frozenset("""chí bào bằng hương đội nghiệp môn minh ý thuận thời loạt bộ phục tâm lòng ruộng đều
nhất tình hành dạng chủ tác cảm khởi ca phạm""".split())
MEASURES = frozenset(("ha", "km", "km2", "m", "m2", "m3", "tấn", "kg", "lít", "mw", "kw", "kwh", "héc-ta"))

# Words right before a number that make it a name, not a quantity: "lớp 10", "Ban Chỉ đạo 35".
_NAMING = re.compile(
    r"(?<!\w)(?:lớp|khóa|khoá|thứ|(?<!tổng )số|lần|chỉ thị|nghị quyết|kết luận|quyết định|quy định|quy chế|"
    r"chỉ đạo|trung ương|đại hội|điều|khoản|chương|mục|phụ lục|quận|phường|tổ|khu|ấp|thôn|xóm|đội|tầng|"
    r"phòng|quốc lộ|tỉnh lộ|đường|giờ|kỳ|hạng|bảng|hình|tuyến|lô|ngõ|ngách|hẻm|kiệt|luật|nghị định|"
    r"thông tư|công văn|tờ trình|kế hoạch|đề án|chương trình|văn bản|sư đoàn|quân khu|vùng|mã)"
    r"\s*[:.]?\s*(?:\d+\s*(?:,|và)\s*)*$", _F)  # also the later numbers of a list: "Trung ương 6, 7, 8"
_QUALIFIER = re.compile(r"(?<!\w)(" + "|".join(QUALIFIERS) + r")\s+$", _F)
_CANDIDATE = re.compile(
    rf"(?<![\w.,:/-])(?P<num>{NUMBER_PATTERN})(?:/(?P<den>{NUMBER_PATTERN}))?(?![\w]|[.,:]\d|[/-]\w)"
    rf"(?P<scale>(?:\s+(?:{'|'.join(SCALES)})(?!\w))*)(?P<pct>\s?%|\s+phần\s+trăm(?!\w))?", _F)
_PHONE = re.compile(r"(?<![\w.])(?:\+84|\(0\d{2,3}\)|0\d{2,3})[\s.-]?\d{3,4}[\s.-]?\d{3,4}(?![\w]|[.,]\d)")
_WORD = re.compile(r"[^\S\n]+([^\W\d_][^\W_]*(?:-[^\W\d_]+)?)")
_WORD_START = re.compile(r"[^\W\d_]")
_ROMAN = re.compile(r"[IVXLC]+")
_SYLLABLE = re.compile(r"[^\W_]+")


def _qualifier(text: str, start: int) -> tuple[int, str | None]:
    match = _QUALIFIER.search(text, max(0, start - 12), start)
    return (match.start(), match.group(1).lower()) if match else (start, None)


def _is_title(word: str) -> bool:
    return word[0].isupper() and not word.isupper()


def _stops(text: str, low: str, word: re.Match, started: bool) -> bool:
    """Whether ``word`` ends the noun phrase (a function word or verb, not part of a known noun)."""
    ws, lw = word.start(1), word.group(1).lower()
    if _starts_with_any(low, ws, STOP_PHRASES) or _ROMAN.fullmatch(word.group(1)):
        return True
    if lw not in STOP_WORDS or _starts_with_any(low, ws, NOUNS_FROM_STOP_WORDS):
        return False
    # a trailing adjective "mới" (new) before punctuation stays: "25 dự án đầu tư mới;"
    return not (lw == "mới" and started and not _WORD.match(text, word.end(1)))


def _noun_phrase(text: str, low: str, pos: int, date_starts: set[int],
                 skip_determiners: bool) -> tuple[int, int] | None:
    """(start, end) of the counted noun phrase that begins after ``pos``, or None."""
    start = end = None
    syllables = 0
    i = pos
    while syllables < MAX_UNIT_SYLLABLES:
        match = _WORD.match(text, i)
        if not match or match.start(1) in date_starts:
            break
        ws, word = match.start(1), match.group(1)
        lw = word.lower()
        if start is None and skip_determiners and lw in DETERMINERS:
            i = match.end(1)
            continue
        if _stops(text, low, match, started=start is not None):
            break
        if start is not None and _is_title(word):
            break
        if start is None:
            start = ws
        phrase = _starts_with_any(low, ws, FIXED_PHRASES)
        if phrase:
            i = end = ws + len(phrase)
            syllables += len(phrase.split())
            continue
        i = end = match.end(1)
        syllables += 1
    if start is None:
        return None
    if syllables >= MAX_UNIT_SYLLABLES:
        end = _complete_last_word(text, start, end)
    words = text[start:end].split()
    if _is_title(words[0]) and (len(words) > 1 and _is_title(words[1]) or _next_is_title(text, end)):
        return None  # a proper name ("18 Hoàng Diệu"), not a counted noun
    return start, end


def _complete_last_word(text: str, start: int, end: int) -> int:
    """Move ``end`` past the rest of a word that the syllable cap cut ("báo cáo dư luận xã|hội").

    underthesea's word segmentation (~0.1 ms on this short window) decides what a word is."""
    from underthesea import word_tokenize  # imported here: ~0.3 s, and needed only at the cap

    line_end = text.find("\n", end)
    window = text[start:min(len(text), end + 24) if line_end < 0 else min(line_end, end + 24)]
    syllables = list(_SYLLABLE.finditer(window))
    cut = len(_SYLLABLE.findall(text, start, end))  # syllables in the unit
    seen = 0
    for token in word_tokenize(window):
        count = len(_SYLLABLE.findall(token))
        if seen < cut < seen + count and not re.search(r"[^\w\s]", token):
            return start + syllables[seen + count - 1].end()
        seen += count
        if seen >= cut:
            break
    return end


def _starts_with_any(low: str, pos: int, phrases: tuple[str, ...]) -> str | None:
    """The phrase in ``phrases`` that ``low`` has as whole words at ``pos``."""
    return next((p for p in phrases if low.startswith(p, pos) and not _WORD_START.match(low, pos + len(p))), None)


def _next_is_title(text: str, pos: int) -> bool:
    match = _WORD.match(text, pos)
    return bool(match) and _is_title(match.group(1))


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def tag_statistics(text: str) -> list[StatisticTag]:
    """Counts, percentages, ratios and amounts of money in ``text`` (NFC), each with its counted noun."""
    low = text.lower()
    if len(low) != len(text):
        low = text  # lower() changed lengths (not Vietnamese): match phrases case-sensitively
    protected = date_spans(text) + [m.span() for m in _PHONE.finditer(text)]
    date_starts = {s for s, _ in protected}
    found: list[StatisticTag] = []
    for match in _CANDIDATE.finditer(text):
        start, end = match.span()
        if _overlaps(start, end, protected) or _NAMING.search(text, max(0, start - 24), start):
            continue
        raw = match.group("num")
        if len(raw) > 1 and raw[0] == "0" and raw[1] != ",":
            continue  # leading zero: a code or phone fragment
        if raw.isdigit() and len(raw) == 4 and 1900 <= int(raw) <= 2100 and not match.group("den"):
            continue  # counts of thousands are written "2.018"; "2018" is a year ("Chương trình 2018")
        value = parse_amount(raw + match.group("scale"))
        den = parse_number(match.group("den")) if match.group("den") else None
        if value is None or (match.group("den") and (den is None or den == 0 or den < value)):
            continue
        span_start, qualifier = _qualifier(text, start)
        kind, unit, unit_end = _classify(text, low, match, date_starts, den is not None)
        if kind is None:
            continue
        found.append(StatisticTag(text=text[span_start:unit_end], start=span_start, end=unit_end,
                                  value=float(value), denominator=float(den) if den is not None else None,
                                  unit_text=unit, qualifier=qualifier, kind=kind))
    return found


def _currency(text: str, low: str, word: re.Match) -> str | None:
    """The currency word starting at ``word``, if it is one."""
    currency = _starts_with_any(low, word.start(1), CURRENCIES)
    after = _WORD.match(text, word.start(1) + len(currency or ""))
    if currency == "đồng" and after and after.group(1).lower() in NOT_CURRENCY:
        return None
    return currency


def _classify(text: str, low: str, match: re.Match, date_starts: set[int],
              is_ratio: bool) -> tuple[str | None, str | None, int]:
    """(kind, unit_text, end of span) for a number candidate; kind None drops it."""
    end = match.end()
    if match.group("pct"):
        phrase = _noun_phrase(text, low, end, date_starts, skip_determiners=True)
        if phrase:
            return "percent", text[phrase[0]:phrase[1]], phrase[1]
        return "percent", "%", end
    word = _WORD.match(text, end)
    if word is None or word.group(1).lower() in DURATION_UNITS:
        return None, None, end
    currency = None if is_ratio else _currency(text, low, word)
    if currency:
        unit_end = word.start(1) + len(currency)
        return "money", text[word.start(1):unit_end], unit_end
    if not is_ratio and word.group(1).lower() in MEASURES:
        return "measure", word.group(1), word.end(1)
    phrase = _noun_phrase(text, low, end, date_starts, skip_determiners=False)
    if phrase is None:
        return None, None, end
    return ("ratio" if is_ratio else "count"), text[phrase[0]:phrase[1]], phrase[1]
