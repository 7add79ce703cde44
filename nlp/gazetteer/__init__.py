"""Gazetteer for the officials and directives taggers: data files, a matching key, phrase lookup
and the organisation matcher both taggers share.

The data (titles, organisations, unit names, abbreviations, places, countries, surnames, middle names, document type and
issuer codes) lives in CSV/TXT files next to this module and is loaded once (``gazetteer()``).

Matching ignores case and tone-mark placement (``Thành uỷ`` = ``Thành ủy``, ``hoà`` = ``hòa``):
``match_key()`` puts each syllable's tone on one vowel (``nlp.vietnamese.place_tones``) and lowercases
it, keeping the length of the text unchanged so that offsets found in the key index the input.

``match_organization()`` reads ``head [unit name] [level] [place]`` or ``head [unit name] parent``:
"Sở" + "Giáo dục và Đào tạo" + "tỉnh" + "Kiên Giang"; "Ban" + "Tuyên giáo" + "Thành ủy". Its display
is the gazetteer spelling of heads and unit names (abbreviations expanded: TT -> Trung tâm; the
official acronyms UBND, HĐND, MTTQ are entries of their own) and the text as written elsewhere.
"""
from __future__ import annotations

import csv
import functools
import io
import json
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources
from typing import NamedTuple

from nlp.lexicon import cached_lines, dictionary_key_set, entries, listed_word_keys, underthesea_file
from nlp.vietnamese import i_y_spellings, place_tones

_TOKEN_RE = re.compile(r"\w+|[^\w\s]")
# Same-length rewrites for the key: every dash is "-", non-breaking spaces are spaces, the Icelandic
# eth that old Vietnamese pages use for "Đ" is "đ". (Chained str.replace: str.translate is slower here.)
_KEY_REWRITES = (("\u2013", "-"), ("\u2014", "-"), ("\u2012", "-"), ("\u2212", "-"), ("\u00a0", " "), ("\u00f0", "đ"))


def match_key(text: str) -> str:
    """Lowercase, tone-canonical (``place_tones``), dash-unified copy of ``text`` with the same length."""
    out = place_tones(text)
    low = out.lower()
    if len(low) != len(out):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in out)
    for old, new in _KEY_REWRITES:
        low = low.replace(old, new)
    return low


class Token(NamedTuple):
    start: int
    end: int
    text: str  # as written
    key: str  # match_key of text

    @property
    def alpha(self) -> bool:
        return self.text.isalpha()

    @property
    def titlecase(self) -> bool:
        """A capitalised syllable: ``Nguyễn``, ``Hà`` (not ``UBND``, not ``tỉnh``)."""
        text = self.text
        return text[0].isupper() and (len(text) == 1 or text[1:].islower()) and text.isalpha()

    @property
    def acronym(self) -> bool:
        return len(self.text) > 1 and self.text.isalpha() and self.text.isupper()


def tokenize(text: str, key: str) -> list[Token]:
    """Word and punctuation tokens of ``text`` (``key`` is ``match_key(text)``)."""
    tokens = []
    for m in _TOKEN_RE.finditer(key):
        start, end = m.span()
        tokens.append(Token(start, end, text[start:end], m.group()))
    return tokens


@functools.lru_cache(maxsize=2)
def text_tokens(text: str) -> tuple[str, tuple[Token, ...]]:
    """``match_key(text)`` and its tokens: worked out once for the taggers reading one text."""
    key = match_key(text)
    return key, tuple(tokenize(text, key))


def adjacent(text: str, left: Token, right: Token) -> bool:
    """True when only whitespace with at most one line break separates two tokens: a phrase may be
    wrapped ("Chủ tịch Quốc hội\nVương Đình Huệ"), a blank line ends it, and so does a line opening with
    a capitalised honorific (a headline's title, then its lead: "... Sở Y tế\nÔng Trần Văn A vừa ...")."""
    gap = text[left.end:right.start]
    if not gap or gap == " ":
        return True
    return gap.isspace() and gap.count("\n") + gap.count("\r") - gap.count("\r\n") <= 1 \
        and not (right.text in _SENTENCE_HONORIFICS and ("\n" in gap or "\r" in gap))


def glued(tokens: list[Token], k: int) -> bool:
    """Whether ``tokens[k]`` touches the tokens on both sides, no space between: a joiner inside one word
    ("NN&PTNT", "UVT.Ư", "Covid-19", "H'Ven")."""
    return 0 < k < len(tokens) - 1 and tokens[k - 1].end == tokens[k].start and tokens[k].end == tokens[k + 1].start


_SENTENCE_HONORIFICS = frozenset({"Ông", "Bà"})  # capitalised after a line break: a new sentence


_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")


def paragraph_end(text: str, pos: int) -> int:
    """Where the paragraph holding ``pos`` ends: at a blank line (no phrase runs across one), or at the
    end of the text."""
    found = _BLANK_LINE.search(text, pos)
    return found.start() if found else len(text)


class Phrases:
    """Multi-token phrases keyed by their token keys; longest match at a position."""

    def __init__(self) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], object]]] = {}

    def add(self, phrase: str, value: object) -> None:
        keys = tuple(m.group() for m in _TOKEN_RE.finditer(match_key(phrase)))
        bucket = self._by_first.setdefault(keys[0], [])
        bucket.append((keys, value))
        bucket.sort(key=lambda kv: -len(kv[0]))

    def __contains__(self, first_key: str) -> bool:
        """True when some phrase starts with a token of this key."""
        return first_key in self._by_first

    def longest(self, text: str, tokens: list[Token], i: int) -> tuple[int, object] | None:
        """(end token index, value) of the longest phrase starting at ``tokens[i]``; "&" stands for "và"."""
        for keys, value in self._by_first.get(tokens[i].key, ()):
            end = i + len(keys)
            if end <= len(tokens) and all(
                (tokens[i + k].key == keys[k] or tokens[i + k].key == "&" and keys[k] == "và")
                and adjacent(text, tokens[i + k - 1], tokens[i + k])
                for k in range(1, len(keys))
            ):
                return end, value
        return None


@dataclass(frozen=True)
class Title:
    title: str  # canonical spelling
    kind: str  # "party", "state" or "standalone" (never takes an organisation from a neighbour)
    unit: str | None = None  # "Ban", "Phòng", "Đoàn": the title ends with a unit to be named; "*": any unit
    organization: str | None = None  # set by compound abbreviations (UVBTVHU -> Huyện ủy)


@dataclass(frozen=True)
class OrgHead:
    display: str | None  # canonical spelling or expansion; None: as written (levels)
    kind: str  # "body", "unit" (needs a name: Sở, Ban, Trung tâm ...) or "level" (tỉnh, huyện ...)
    party: bool = False


@dataclass
class Gazetteer:
    titles: Phrases
    title_abbr: dict[str, Title]  # exact-case abbreviation -> title
    title_abbr_heads: frozenset[str]  # their beginnings: a dotted abbreviation's first part ("UVT" of "UVT.Ư")
    deputy_abbr: dict[str, Title]  # abbreviations read after "Phó" ("Phó CT." -> Phó Chủ tịch), or alone
    # before a body ("CT UBND", "BT Huyện ủy" -> Chủ tịch, Bí thư); elsewhere "CT" is a code (Chỉ thị)
    orgs: Phrases
    org_abbr: dict[str, OrgHead]
    fields: Phrases  # unit names: "Tuyên giáo", "Giáo dục và Đào tạo"
    field_abbr: dict[str, str]
    places: Phrases  # provinces and cities (places.txt), and the districts before the 2025 mergers (admin_units)
    countries: Phrases  # countries, US states, international bodies: for diplomats and foreign officials; not Vietnamese places
    surnames: frozenset[str]  # match keys
    doc_types: dict[tuple[str, str], str]  # (code, "party"|"state"|"any") -> type in words
    doc_words: tuple[str, ...]  # type words in prose: "Chỉ thị", "Chương trình hành động"
    issuer_systems: dict[str, str]  # issuer code -> "party"|"state"


@functools.cache
def _rows(name: str) -> tuple[dict[str, str], ...]:
    """The rows of a CSV data file (read once; not to be changed)."""
    raw = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    return tuple(csv.DictReader(io.StringIO(unicodedata.normalize("NFC", raw))))


@functools.cache
def _lines(name: str) -> tuple[str, ...]:
    """The non-blank lines of a data file, stripped (read once)."""
    raw = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    return tuple(line.strip() for line in unicodedata.normalize("NFC", raw).splitlines() if line.strip())


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Load the data files (once)."""
    titles, orgs, fields_, places = Phrases(), Phrases(), Phrases(), Phrases()
    for row in _rows("titles.csv"):
        titles.add(row["title"], Title(row["title"], row["kind"], row["unit"] or None))
    for row in _rows("organizations.csv"):
        display = row["name"] if row["kind"] != "level" else None
        orgs.add(row["name"], OrgHead(display, row["kind"], row["party"] == "1"))
    for line in _lines("fields.txt"):
        fields_.add(line, line)
    title_abbr: dict[str, Title] = {}
    org_abbr: dict[str, OrgHead] = {}
    field_abbr: dict[str, str] = {}
    deputy_abbr: dict[str, Title] = {}
    for row in _rows("abbreviations.csv"):
        abbr, kind, expansion = row["abbr"], row["kind"], row["expansion"]
        if kind == "deputy":
            known = titles.longest(expansion, tokenize(expansion, match_key(expansion)), 0)
            if known is None or known[1].title != expansion:
                raise ValueError(f"abbreviations.csv: {abbr}: no title {expansion!r} in titles.csv")
            deputy_abbr[abbr] = known[1]
        elif kind == "title":
            known = titles.longest(expansion, tokenize(expansion, match_key(expansion)), 0)
            base = known[1] if known else Title(expansion, "state")
            title_abbr[abbr] = Title(base.title, base.kind, base.unit, row["organization"] or None)
        elif kind == "field":
            field_abbr[abbr] = expansion
        else:
            known = orgs.longest(expansion, tokenize(expansion, match_key(expansion)), 0)
            org_abbr[abbr] = OrgHead(expansion, "body" if kind == "org" else kind, bool(known and known[1].party))
    for row in _rows("organizations.csv"):  # a body named after an abbreviated head: "BCĐ phòng, chống dịch COVID-19"
        for abbr, head in org_abbr.items():
            if head.kind == "body" and row["kind"] == "body" and row["party"] != "1" \
                    and row["name"].startswith(f"{head.display} "):
                orgs.add(abbr + row["name"][len(head.display):], OrgHead(row["name"], "body"))  # (not the Party's:
                # "BCH Trung ương Đảng" stays "Ủy viên" + "BCH" + "Trung ương Đảng")
    for line in place_names():  # also with its i and y written the other way: "Kì Anh", "Mĩ Tho"
        for spelling in i_y_spellings(re.split(r"(\W+)", line)):
            places.add("".join(spelling), line)
    countries = Phrases()
    for line in _lines("countries.txt"):
        countries.add(line, line)
    doc_types = {(row["code"], row["system"]): row["doc_type"] for row in _rows("document_types.csv")}
    issuers = {row["code"]: row["system"] for row in _rows("issuer_codes.csv")}
    return Gazetteer(
        titles=titles, title_abbr=title_abbr,
        title_abbr_heads=frozenset(abbr[:k] for abbr in title_abbr for k in range(1, len(abbr) + 1)),
        deputy_abbr=deputy_abbr, orgs=orgs, org_abbr=org_abbr, fields=fields_,
        field_abbr=field_abbr, places=places, countries=countries,
        surnames=frozenset(match_key(s) for s in _lines("surnames.txt")),
        doc_types=doc_types, doc_words=_lines("document_words.txt"), issuer_systems=issuers,
    )


@functools.lru_cache(maxsize=1)
def names() -> tuple[str, ...]:
    """Every name the data files know, as written: titles, bodies, units, fields of work, places,
    and each unit head with each field ("Ban Dân vận", "Sở Y tế"); and the administrative units."""
    organizations = _rows("organizations.csv")
    found = [row["title"] for row in _rows("titles.csv")]
    found += [row["name"] for row in organizations if row["kind"] != "level"]
    found += [*_lines("fields.txt"), *_units_of_fields()]
    return tuple(dict.fromkeys((*found, *place_names())))


@functools.cache
def place_names() -> tuple[str, ...]:
    """The places the data files know and the administrative units."""
    return tuple(dict.fromkeys((*_lines("places.txt"), *admin_units())))


@functools.cache
def _units_of_fields() -> tuple[str, ...]:
    """Each unit head with each field of work: "Sở Y tế", "Ban Dân vận", "Phòng Giáo dục và Đào tạo"."""
    heads = [row["name"] for row in _rows("organizations.csv") if row["kind"] == "unit"]
    return tuple(f"{head} {field}" for head in heads for field in _lines("fields.txt"))


@functools.cache
def middle_names() -> tuple[str, ...]:
    """Middle names (tên đệm) common enough that a lower-case query of a surname, one of these and
    a given name reads as a person's name (data.words: "vo van thuong" is Võ Văn Thưởng, not "vô vàn")."""
    return _lines("middle_names.txt")


# underthesea's table of Vietnam's administrative units before and after the mergers of 1 July 2025
_ADMIN_UNITS = ("address", "data", "mapping.json")
_ADMIN_LEVEL = re.compile(r"(?:tỉnh|thành phố|quận|huyện|thị xã|thị trấn|phường|xã|đặc khu)\s+", re.IGNORECASE)


@functools.cache
def admin_units() -> tuple[str, ...]:
    """The names of Vietnam's provinces, old and new, and of its districts before the 2025 mergers,
    without their level ("Thành phố Đà Lạt" -> "Đà Lạt", "Huyện Mai Sơn" -> "Mai Sơn"), as
    underthesea's address converter lists them (Apache-2.0); read once into the user's cache."""
    return _unit_names("admin-units", ("old_province", "new_province", "old_district"))


@functools.cache
def ward_names() -> tuple[str, ...]:
    """The names of Vietnam's communes, wards and townships, before and after the 2025 mergers,
    without their level ("Xã Đồn Xá" -> "Đồn Xá"), from the same table as admin_units."""
    return _unit_names("ward-names", ("old_ward", "new_ward"))


def _unit_names(cache: str, fields: tuple[str, ...]) -> tuple[str, ...]:
    """The names in ``fields`` of the table's units, without their level or a number ("Phường 1")."""
    source = underthesea_file(*_ADMIN_UNITS)

    def read() -> list[str]:
        units = json.loads(source.read_text(encoding="utf-8"))["ward_mapping"]
        named = {_ADMIN_LEVEL.sub("", unicodedata.normalize("NFC", unit[field]), count=1).strip()
                 for unit in units for field in fields if unit.get(field)}
        return sorted(name for name in named if name and not any(c.isdigit() for c in name))
    return cached_lines(cache, source, read)


@dataclass(frozen=True)
class Offices:
    """What a title is held in, for reading "title + place" as one office (data.words): the titles
    by kind (party, state, standalone), the bodies, units and levels after one ("Bí thư" "Huyện
    ủy", "Chủ tịch" "UBND" "xã"), and by title kind the body a title held at a bare level is held
    in ("Chủ tịch xã" is the chair of the commune's UBND, "Bí thư xã" the secretary of its Đảng ủy);
    the Party's bodies, which the Party committee after one holds ("Ban Thường vụ" "Tỉnh ủy"); and
    the levels' abbreviations written out ("TP": "thành phố")."""
    titles: dict[str, str]
    places: tuple[str, ...]
    levels: tuple[str, ...]
    level_bodies: dict[str, tuple[str, ...]]
    party_bodies: tuple[str, ...]
    written_out: dict[str, str]


@functools.cache
def offices() -> Offices:
    organizations = _rows("organizations.csv")
    bodies: dict[str, list[str]] = {}
    for row in organizations:
        if row["level_body"]:
            bodies.setdefault(row["level_body"], []).append(row["name"])
    written_out = {row["abbr"]: row["expansion"] for row in _rows("abbreviations.csv") if row["kind"] == "level"}
    levels = (*(row["name"] for row in organizations if row["kind"] == "level"), *written_out)  # and "TP", "TX"
    return Offices(titles={row["title"]: row["kind"] for row in _rows("titles.csv")},
                   places=(*(row["name"] for row in organizations), *_units_of_fields(), *written_out),
                   levels=levels, written_out=written_out,
                   level_bodies={kind: tuple(names) for kind, names in bodies.items()},
                   party_bodies=tuple(row["name"] for row in organizations if row["kind"] == "body" and row["party"] == "1"))


# Lowercase syllables that end a unit name written without a gazetteer entry ("Sở Xây dựng tỉnh"):
# the function words of nlp/lexicon/function_words.txt ("lại", "chưa") and the first syllables of verbs
# that follow names in this register; not "điều", whose verbs name units as often ("Trung tâm điều hành ...",
# "Cảnh sát điều tra").
NAME_STOP = frozenset(match_key(w) for w in (
    "phát chủ đề trao tặng dự chúc kiểm làm thăm tham nhấn yêu đánh ghi khẳng báo trình thông "
    "quán giới khai bế đi ký nói nêu cảm biểu hướng lãnh đôn tiếp nhận gửi ban tổ triển đọc kiêm"
).split()) | frozenset(match_key(w) for w in entries("function_words.txt") if " " not in w)
# Function words of two syllables ("đồng thời", "trong đó") end a name written in lowercase as well, and so
# do the verbs whose first syllable also starts nouns of unit names ("công bố", not "công sản").
NAME_STOP_PAIRS = frozenset(match_key(w) for w in entries("function_words.txt") if w.count(" ") == 1) | frozenset(
    match_key(w) for w in ("công bố", "công nhận", "công khai"))


# Unit names that only give the kind of school: the proper name follows ("Trường Tiểu học" + "Lê Lợi").
_GENERIC_NAMES = frozenset(match_key(w) for w in (
    "Tiểu học", "Mầm non", "Mẫu giáo", "Trung học cơ sở", "Trung học phổ thông", "Phổ thông", "Đại học",
    "Cao đẳng", "Trung cấp", "Phổ thông Dân tộc nội trú", "Dân tộc nội trú"))


# Acronyms of a kind of school, the proper name following ("Trường THPT" + "Lê Lợi"); other acronyms
# name the unit ("Bộ GTVT", "Sở KH&CN"), and a person's name may follow them.
_SCHOOL_KINDS = frozenset({"TH", "THCS", "THPT", "PTDTNT", "PTDTBT", "PTCS", "PTTH", "MN", "MG", "ĐH", "CĐ", "TC"})


@dataclass
class Org:
    """An organisation matched in a token list: ``parts`` are (first token, end token, display)."""

    start: int
    end: int  # token index after the organisation (including a trailing place run)
    parts: list[tuple[int, int, str]]
    party: bool  # a Party body (Thành ủy, Ban Tuyên giáo Huyện ủy ...)
    level: str | None = None  # "tỉnh", "huyện" ... when written
    place: tuple[int, int] | None = None  # trailing capitalised run: a place, maybe followed by a name
    parent_at: int | None = None  # index in parts where the parent body starts
    keep: int = 0  # tokens of the run that surely belong to the name ("Trường THPT" + "Lê Lợi" ...)
    abroad: bool = False  # an international body of the country list, read as a country is

    @property
    def display(self) -> str:
        return " ".join(p[2] for p in self.parts)

    def keep_place(self, text: str, tokens: list[Token], n: int) -> "Org":
        """A copy whose trailing place run keeps only its first ``n`` tokens."""
        if self.place is None:
            return self
        ps, _ = self.place
        parts = self.parts[:-1]
        if n > 0:
            parts.append((ps, ps + n, span(text, tokens, ps, ps + n)))
        return Org(self.start, ps + n, parts, self.party, self.level, (ps, ps + n) if n else None, self.parent_at,
                   self.keep)

    def parent(self) -> "Org | None":
        """The parent body ("Thành ủy" in "Ban Tuyên giáo Thành ủy"), if any."""
        if self.parent_at is None:
            return None
        parts = self.parts[self.parent_at:]
        return Org(parts[0][0], self.end, parts, self.party, self.level, self.place, keep=self.keep)


def span(text: str, tokens: list[Token], i: int, j: int) -> str:
    """Tone-canonical text of tokens[i:j] with whitespace collapsed."""
    return " ".join(place_tones(text[tokens[i].start:tokens[j - 1].end]).split())


def _next(text: str, tokens: list[Token], j: int) -> bool:
    return j < len(tokens) and adjacent(text, tokens[j - 1], tokens[j])


ASSISTANT = ("trợ", "lý")  # before a title, the assistant of its holder: "Trợ lý Bộ trưởng"


def starts_title(text: str, tokens: list[Token], i: int, lowercase: bool = False) -> tuple[int, Title] | None:
    """(end, Title) when a title starts at ``tokens[i]`` (capitalised unless ``lowercase``, or an abbreviation)."""
    g = gazetteer()
    tok = tokens[i]
    end, abbr = _dotted(text, tokens, i) if tok.text in g.title_abbr_heads else (i + 1, "")
    if tok.key == "phó" and tok.titlecase and _next(text, tokens, i + 1) and tokens[i + 1].text in g.deputy_abbr:
        end = i + 2  # "Phó CT." -> Phó Chủ tịch (the dot belongs to the abbreviation)
        if end < len(tokens) and tokens[end].text == "." and tokens[end].start == tokens[i + 1].end:
            end += 1
        return end, g.deputy_abbr[tokens[i + 1].text]
    if tok.text in g.deputy_abbr and _next(text, tokens, i + 1) and match_organization(text, tokens, i + 1) is not None:
        head = _title_named(g.deputy_abbr[tok.text].title.removeprefix("Phó "))  # "CT UBND", "BT Huyện ủy"
        if head is not None:
            return i + 1, head
    if abbr in g.title_abbr:
        return _standing(text, tokens, end, g.title_abbr[abbr])
    if not (tok.titlecase or (lowercase and tok.alpha)):
        return None
    if (tok.key, tokens[i + 1].key if i + 1 < len(tokens) else None) == ASSISTANT and _next(text, tokens, i + 1) \
            and i + 2 < len(tokens) and _next(text, tokens, i + 2):
        held = g.titles.longest(text, tokens, i + 2)  # the assistant of a title's holder: "Trợ lý Ngoại trưởng"
        if held is not None and tokens[i + 2].titlecase:
            return held[0], Title(f"Trợ lý {held[1].title}", held[1].kind, held[1].unit)
    found = g.titles.longest(text, tokens, i)
    return _standing(text, tokens, *found) if found else None


def _standing(text: str, tokens: list[Token], end: int, title: Title) -> tuple[int, Title]:
    """(end, title) with "TT" written after the title read as Thường trực (standing) where the gazetteer knows
    that title: "PBT TT", "Phó Bí thư TT" -> Phó Bí thư Thường trực, unless a centre's name follows it ("Phó Giám
    đốc TT Y tế huyện": Trung tâm)."""
    if _next(text, tokens, end) and tokens[end].text == "TT" and not (
            _next(text, tokens, end + 1) and tokens[end + 1].text[0].isupper()
            and match_organization(text, tokens, end + 1) is None):
        standing = _title_named(f"{title.title} Thường trực")
        if standing is not None:
            return end + 1, Title(standing.title, standing.kind, standing.unit, title.organization)
    return end, title


def _dotted(text: str, tokens: list[Token], i: int) -> tuple[int, str]:
    """(end, abbreviation) of the capitals at ``tokens[i]``, parts glued by dots read as one ("UVT.Ư")."""
    k, word = i + 1, tokens[i].text
    while k + 1 < len(tokens) and tokens[k].text == "." and tokens[k + 1].text.isupper() and glued(tokens, k):
        word += tokens[k + 1].text
        k += 2
    return k, word


@functools.lru_cache(maxsize=64)
def _title_named(name: str) -> Title | None:
    """The gazetteer's title spelled exactly ``name``, if any."""
    found = gazetteer().titles.longest(name, tokenize(name, match_key(name)), 0)
    return found[1] if found and found[1].title == name else None


def _head(text: str, tokens: list[Token], i: int) -> tuple[int, OrgHead] | None:
    g = gazetteer()
    tok = tokens[i]
    end, abbr = _dotted(text, tokens, i) if tok.text.isupper() else (i + 1, tok.text)  # "T.Ư" is "TƯ"
    found = g.orgs.longest(text, tokens, i)
    if abbr in g.org_abbr and not (found and found[0] > end):  # (a longer body named after it: "BCĐ phòng, ...")
        return (end, g.org_abbr[abbr]) if g.org_abbr[abbr].kind != "level" else None
    if not found or found[1].kind == "level" or (found[1].kind == "unit" and not tok.text[:1].isupper()
                                                 and not _field_at(text, tokens, found[0])
                                                 and _named_from(text, tokens, found[0]) is None
                                                 and not _named_to_level(text, tokens, i, found[0])):
        return None  # bodies may be written in lowercase ("tỉnh ủy"), units must be named ("Sở Y tế"), in
    return found  # type: ignore[return-value]  # lowercase only before their field ("sở Y tế", "sở GD&ĐT"),
    # a proper name, perhaps after lowercase words ("bệnh viện Bạch Mai", "trường tiểu học Yang Hăn"), or
    # lowercase words up to a level ("bệnh viện đa khoa huyện Vĩnh Thuận", "trường mầm non xã Tân Lập")


def _named_to_level(text: str, tokens: list[Token], i: int, j: int) -> bool:
    """Whether lowercase words up to a level name the unit whose head spans ``tokens[i:j]``."""
    named = _lowercase_name(text, tokens, i, j)
    return named is not None and named[1]


def _named_from(text: str, tokens: list[Token], j: int) -> int | None:
    """Where the proper name of a unit starts, at ``tokens[j]`` ("Bạch Mai") or after the lowercase words of
    its name there ("quản lý chợ" + "Cốc Lếu", "tiểu học" + "Yang Hăn"), else None."""
    k = lowercase_name_end(text, tokens, j, word_openers=False) if _next(text, tokens, j) else j
    return k if _proper_name_at(text, tokens, k) else None


def _proper_name_at(text: str, tokens: list[Token], j: int) -> bool:
    """Whether a capitalised name that is neither a person's full name nor a title starts at ``tokens[j]``."""
    return j < len(tokens) and _next(text, tokens, j) and tokens[j].titlecase and tokens[j].alpha \
        and not full_name_at(text, tokens, j) and starts_title(text, tokens, j) is None


def _field_at(text: str, tokens: list[Token], j: int) -> bool:
    """Whether a field of work, written out or as an acronym, starts at ``tokens[j]``: "Y tế", "GD&ĐT"."""
    g = gazetteer()
    return j < len(tokens) and _next(text, tokens, j) and (
        tokens[j].acronym or tokens[j].text in g.field_abbr or g.fields.longest(text, tokens, j) is not None)


def _body(text: str, tokens: list[Token], i: int) -> bool:
    found = gazetteer().orgs.longest(text, tokens, i)
    return bool(found and found[1].kind == "body")


def level_at(text: str, tokens: list[Token], j: int) -> tuple[int, str] | None:
    """(end, display) of the level written at ``tokens[j]``: "tỉnh", "huyện", or an abbreviation ("TP.")."""
    g = gazetteer()
    head = g.org_abbr.get(tokens[j].text)
    if head and head.kind == "level":
        end = j + 1
        if end < len(tokens) and tokens[end].text == "." and tokens[end].start == tokens[j].end \
                and not (end + 1 < len(tokens) and tokens[end + 1].text == "."):  # "TP..." is cut off
            end += 1
        return end, head.display or ""
    found = g.orgs.longest(text, tokens, j)
    if found and found[1].kind == "level":
        return found[0], span(text, tokens, j, found[0])
    return None


def _place_run(text: str, tokens: list[Token], j: int) -> int:
    """End of the capitalised run at ``j`` (joined by dashes), stopping before a title or body (and the dash
    before it: "Bộ Y tế Nguyễn Văn A – Trưởng ...")."""
    k = j
    while k < len(tokens) and k - j < 9:
        tok = tokens[k]
        if k > j and not adjacent(text, tokens[k - 1], tok):
            break
        if tok.key == "-" and k > j and k + 1 < len(tokens) and tokens[k + 1].titlecase \
                and not full_name_at(text, tokens, k + 1):  # not "Thanh Hóa - Lê Tiến Lam": a person
            k += 1
            continue
        place = gazetteer().places.longest(text, tokens, k) if tok.acronym else None
        if place:  # a place written as an acronym: "TP HCM"
            k = place[0]
            continue
        if not tok.titlecase and k > j and _inside_name(text, tokens, k):
            k += 1  # the second syllable of a word inside a name: "Đảng ủy Quân" + "sự" + "Trung ương"
            continue
        if not tok.titlecase or starts_title(text, tokens, k):
            break
        if _body(text, tokens, k):
            break
        k += 1
    return k - 1 if k > j and tokens[k - 1].key == "-" else k  # a dash before a title is no joiner


def _inside_name(text: str, tokens: list[Token], k: int) -> bool:
    """Whether the lowercase ``tokens[k]`` ends a word begun by the capitalised syllable before it and the
    name goes on capitalised after it, as names write their words ("Cơ" + "quan" + "Văn phòng"); a place
    capitalises every syllable, so a word after its end is not its ("Thanh Hóa" | "học sinh"); nor is a country
    or place after the word ("đảng Lao động" | "Triều Tiên Kim Yong Chol")."""
    g = gazetteer()
    return _second_syllable(text, tokens, k) and _next(text, tokens, k + 1) and tokens[k + 1].titlecase \
        and starts_title(text, tokens, k + 1) is None and not g.countries.longest(text, tokens, k + 1) \
        and not g.places.longest(text, tokens, k + 1)


def unit_name(text: str, tokens: list[Token], j: int) -> tuple[int, int, str, bool] | None:
    """(start, end, display, open) of the name of a unit after its head ("Sở" + "Giáo dục và Đào tạo").

    From the gazetteer, else capitalised words, which stop before a surname; ``open`` when these
    only say what kind of unit it is ("Trường THPT" | "Lê Lợi"): the organisation's place run then
    carries the rest of the name, perhaps with a person's name after it."""
    g = gazetteer()
    if j >= len(tokens):
        return None
    tok = tokens[j]
    if tok.text in g.field_abbr:
        return j, j + 1, g.field_abbr[tok.text], False
    found = g.fields.longest(text, tokens, j)
    if found and not _word_goes_on(text, tokens, found[0]):
        return j, found[0], str(found[1]), False  # the gazetteer's spelling: "dân vận" -> "Dân vận"
    k = j
    while k < len(tokens) and (tokens[k].titlecase or tokens[k].acronym) and (k == j or _next(text, tokens, k)):
        if k > j and (starts_title(text, tokens, k) or level_at(text, tokens, k) or _body(text, tokens, k)
                      or (tokens[k].titlecase and tokens[k].key in g.surnames) or _unit_named_in_lowercase(text, tokens, k)):
            break
        k += 1
        if _second_syllable(text, tokens, k) and not level_at(text, tokens, k):
            k += 1  # second syllable of the word: "Xây dựng", "Y tế", "Phát triển"; not "Huế | thành thật"
        while tokens[k - 1].acronym and k + 1 < len(tokens) and tokens[k + 1].acronym and (
                tokens[k].key in ("&", "-") and _next(text, tokens, k) and _next(text, tokens, k + 1)):
            k += 2  # acronyms joined by "&" or "-": "NN&PTNT", "KH & CN", "VH-TT-DL", "VH - TT & DL"
        if _next(text, tokens, k) and tokens[k].key in ("và", "-", "&") and k + 1 < len(tokens) \
                and tokens[k + 1].titlecase and not starts_title(text, tokens, k + 1):
            k += 1
        elif tokens[k - 1].acronym and (joined := _acronyms_joined(text, tokens, k)):
            k = joined  # the fields' acronyms joined by "và", perhaps after commas: "GD và ĐT", "VH, TT và DL"
    if k == j:
        return None
    display = span(text, tokens, j, k)
    generic = match_key(display) in _GENERIC_NAMES or all(t.acronym and t.text in _SCHOOL_KINDS or t.text == "&"
                                                          for t in tokens[j:k])
    return j, k, display, generic


_DEGREES = frozenset({"GS", "PGS", "TS", "TSKH", "ThS", "BS", "KS", "NGND", "NGƯT", "NSND", "NSƯT"})  # before a name


def _acronyms_joined(text: str, tokens: list[Token], k: int) -> int | None:
    """Where the next acronym of a name starts, when commas or "và" join it at ``tokens[k]`` to the acronym
    before and the list ends with "và" and an acronym that is no body ("Sở GD" + " và ĐT", "Sở VH" + ", TT và
    DL"; not "Bộ GTVT" + " và UBND"), else None."""
    g = gazetteer()
    j = k
    while j + 2 < len(tokens) and tokens[j].key == "," and tokens[j + 1].acronym and _next(text, tokens, j + 1) \
            and _next(text, tokens, j + 2):
        j += 2  # ", TT"
    after = j + 1
    if not (after < len(tokens) and tokens[j].key == "và" and _next(text, tokens, j) and _next(text, tokens, after)
            and tokens[after].acronym):
        return None
    if tokens[after].text in g.org_abbr or tokens[after].text in _DEGREES \
            or any(g.orgs.longest(text, tokens, m) for m in range(k + 1, after + 1, 2)):
        return None  # (a degree before a name is no field: "Bộ GD-ĐT" + " và GS.TS Nguyễn Văn A")
    return k + 1


def _second_syllable(text: str, tokens: list[Token], k: int) -> bool:
    """Whether the lowercase ``tokens[k]`` ends a word begun by the capitalised syllable right before it, as a
    name writes its words ("Xây" + "dựng", "Viễn" + "thông")."""
    return _next(text, tokens, k) and tokens[k - 1].titlecase and tokens[k].alpha and tokens[k].text.islower() \
        and word_pair(tokens[k - 1].key, tokens[k].key)


def _word_goes_on(text: str, tokens: list[Token], k: int) -> bool:
    """Whether a name goes on at ``tokens[k]`` with a word capitalised as a name's words are, its second syllable
    in lowercase ("Công nghiệp" + "Viễn thông Quân đội"); a place capitalises every syllable ("Y tế" | "Hà Nội")."""
    return _next(text, tokens, k) and _second_syllable(text, tokens, k + 1) and not level_at(text, tokens, k) \
        and starts_title(text, tokens, k) is None


def lowercase_name_end(text: str, tokens: list[Token], j: int, word_openers: bool = True) -> int:
    """End of up to eight lowercase syllables of a unit's name from ``tokens[j]`` ("hình sự" in "Phòng Cảnh sát
    hình sự Công an tỉnh"), none a function word or a verb's first syllable (``NAME_STOP``) unless it ends
    a two-syllable word ("giao thông") or, with ``word_openers``, starts one ("dự án"; also "cho biết": only
    where something else ends the name), none starting a function word of two syllables ("Bí thư" |
    "đồng thời là ..."), stopping before a level ("tỉnh"). A second part of up to eight more may be joined by
    "và" when a word of two syllables opens it, no title nor level: "quản lý" + "và điều hành vận tải hành
    khách công cộng", "phòng cháy chữa cháy" + "và cứu hộ cứu nạn" ("và ông ...", "và các ..." join no part)."""
    k = s = j  # (s: where the name's last part starts, after "và")
    while k < len(tokens) and k - s < 8 and _next(text, tokens, k) and tokens[k].alpha and tokens[k].text.islower() \
            and (tokens[k].key not in NAME_STOP or ((word_openers or k == s > j) and k + 1 < len(tokens) and (
                word_pair(tokens[k].key, tokens[k + 1].key)))
                 or (k > j and word_pair(tokens[k - 1].key, tokens[k].key))) \
            and (k == j or not level_at(text, tokens, k)) \
            and not (k + 1 < len(tokens) and f"{tokens[k].key} {tokens[k + 1].key}" in NAME_STOP_PAIRS):
        k += 1
        if k + 1 < len(tokens) and k - j < 5 and tokens[k].key == "-" and _next(text, tokens, k) \
                and _next(text, tokens, k + 1) and tokens[k + 1].alpha and tokens[k + 1].text.islower() \
                and tokens[k + 1].key not in NAME_STOP and starts_title(text, tokens, k + 1, True) is None:
            k += 1  # a compound written with a dash: "dạy - học"
        if s == j and k + 2 < len(tokens) and tokens[k].key == "và" and _next(text, tokens, k) \
                and _next(text, tokens, k + 1) and _next(text, tokens, k + 2) and tokens[k + 1].text.islower() \
                and word_pair(tokens[k + 1].key, tokens[k + 2].key) and not level_at(text, tokens, k + 1) \
                and starts_title(text, tokens, k + 1, True) is None:
            k = s = k + 1  # a second part joined by "và", a word of two syllables: "quản lý" + "và điều hành ..."
    return k - 1 if k > j and tokens[k - 1].key == "và" else k


def lowercase_name_to_level(text: str, tokens: list[Token], j: int) -> int:
    """End of a unit's name written in lowercase from ``tokens[j]`` to the level it serves ("Hội" + "giáo
    dục lịch sử tỉnh", "Ban Quản lý" + "dự án đầu tư xây dựng huyện"), with the place after the level
    ("... huyện Tân Phú"): lowercase syllables (``lowercase_name_end``), and the phrase ends there
    (punctuation, the end, or a lowercase word: the verb after a name-first mention); else ``j``."""
    k = lowercase_name_end(text, tokens, j)
    level = level_at(text, tokens, k) if k > j and _next(text, tokens, k) else None
    if level is None:
        return j
    end = level[0]
    while end < len(tokens) and tokens[end].titlecase and _next(text, tokens, end):
        end += 1
    after = tokens[end] if end < len(tokens) else None
    if after is not None and _next(text, tokens, end) and after.alpha and not after.text.islower():
        return j  # a capitalised word or acronym goes on: not the end of the phrase
    return end


def word_pair(first: str, second: str) -> bool:
    """Whether two syllables' match keys make a word of the dictionary ("hàng không") or of the word lists
    ("thương hiệu")."""
    key = f"{first} {second}"
    return key in dictionary_key_set() or key in listed_word_keys()


def loose_name_end(text: str, tokens: list[Token], j: int, lowercase_first: bool = False) -> int:
    """End of a name written on from ``tokens[j]`` without a gazetteer entry ("HĐQT GNN Express", "Cảng vụ
    hàng không miền Bắc"; with ``lowercase_first`` also "sức khỏe Chợ Rẫy"): capitalised words and
    acronyms with the syllable after each, "và" between them, and up to four lowercase syllables
    that lead to another capitalised word that starts no title or organisation. It stops at
    punctuation, a blank line, a title, a function word or a verb's first syllable (``NAME_STOP``)."""
    end = k = j
    gap = 0
    while k < len(tokens) and (k == j or _next(text, tokens, k)):
        tok = tokens[k]
        if tok.titlecase or tok.acronym:
            if (gap or k > j) and (starts_title(text, tokens, k) or (gap and _head(text, tokens, k))):
                break
            k += 1
            end, gap = k, 0
            if k + 1 < len(tokens) and tokens[k].text == "-" and tokens[k + 1].text.isdigit() and glued(tokens, k):
                k = end = k + 2  # a numbered name: "dịch Covid-19"
                continue
            head = gazetteer().org_abbr.get(tok.text)
            if head is not None and head.kind == "level" and k + 1 < len(tokens) and tokens[k].text == "." \
                    and tokens[k].start == tok.end and _next(text, tokens, k + 1) \
                    and (tokens[k + 1].titlecase or tokens[k + 1].acronym):
                k += 1  # the dot of an abbreviated level before its place: "xây dựng TP. Hội An", "ĐHQG TP.HCM"
                continue
            if tok.titlecase and _next(text, tokens, k) and tokens[k].alpha and tokens[k].text.islower() and (
                    word_pair(tok.key, tokens[k].key) or tokens[k].key not in NAME_STOP and not (
                        k + 1 < len(tokens) and _next(text, tokens, k + 1) and tokens[k + 1].text.islower()
                        and word_pair(tokens[k].key, tokens[k + 1].key))):  # not "Tây Nguyên | xác nhận"
                k += 1  # the word's second syllable, also a stop syllable in a word: "Dân chủ"
                end = k
        elif end > j and tok.key == "tại" and k + 1 < len(tokens) \
                and (there := gazetteer().countries.longest(text, tokens, k + 1)):
            k = end = there[0]  # "UNDP tại Việt Nam": where the body sits
            gap = 0
        elif (end > j or lowercase_first) and gap < 4 and tok.alpha and tok.text.islower() and (
                tok.key not in NAME_STOP or (tok.key == "và" and k + 1 < len(tokens) and tokens[k + 1].titlecase
                                             and not full_name_at(text, tokens, k + 1))  # "... và Trương Văn Út"
                or (k > j and word_pair(tokens[k - 1].key, tok.key))):  # "hàng không"
            k += 1
            gap += 1
        else:
            break
    return end


def full_name_at(text: str, tokens: list[Token], k: int) -> bool:
    """Whether a personal name of 3-4 capitalised syllables starting with a surname starts at ``tokens[k]``
    ("Lê Văn Thành", "Nguyễn Phú Trọng"), and no organisation or place."""
    g, end = gazetteer(), k
    while end < len(tokens) and end - k < 5 and tokens[end].titlecase and (end == k or _next(text, tokens, end)):
        end += 1
    place = g.places.longest(text, tokens, k)
    return 3 <= end - k <= 4 and tokens[k].key in g.surnames and not (place and place[0] == end) \
        and match_organization(text, tokens, k) is None


def match_organization(text: str, tokens: list[Token], i: int, _depth: int = 0) -> Org | None:
    """The organisation starting at ``tokens[i]``: head [unit name] [level] [place] | head [name] parent;
    or an international body (``_international_body``)."""
    body = _international_body(text, tokens, i)
    if body is not None:
        return body
    found = _head(text, tokens, i)
    if found is None:
        return None
    j, head = found
    written = not tokens[i].text[:1].isupper()  # a unit named in lowercase keeps its words as written
    parts = [(i, j, span(text, tokens, i, j) if written else head.display or span(text, tokens, i, j))]
    open_name = False
    if head.kind == "unit":
        name = unit_name(text, tokens, j) if _next(text, tokens, j) else None
        if name is None and j < len(tokens) and _next(text, tokens, j) and level_at(text, tokens, j):
            return organization_tail(text, tokens, i, j, parts, head.party, _depth)  # "Bệnh viện" + "tỉnh"
        if name is None:
            return _named_after_lowercase(text, tokens, i, j, parts)
        start, j, display, open_name = name
        parts.append((start, j, span(text, tokens, start, j) if written else display))
    return organization_tail(text, tokens, i, j, parts, head.party, _depth, open_name)


def _unit_named_in_lowercase(text: str, tokens: list[Token], k: int) -> bool:
    """Whether a unit named in lowercase up to its level starts at ``tokens[k]``: "Bệnh viện" + "đa khoa" +
    "huyện Quỳnh Lưu"; it is the body a unit named before it belongs to ("Phòng Điều dưỡng" + ...)."""
    found = gazetteer().orgs.longest(text, tokens, k)
    return bool(found and found[1].kind == "unit" and found[0] < len(tokens) and _next(text, tokens, found[0])
                and tokens[found[0]].text.islower() and _lowercase_name(text, tokens, k, found[0]) is not None)


def _lowercase_name(text: str, tokens: list[Token], i: int, j: int) -> tuple[int, bool] | None:
    """(end, at a level) of the lowercase words naming the unit whose head spans ``tokens[i:j]``, up to a
    proper name ("Ban" + "quản lý chợ" + "Cốc Lếu") or a level ("Bệnh viện" + "đa khoa" + "tỉnh Hòa Bình");
    else None, also for a name the country list has whole ("Ủy ban châu Âu")."""
    k, at_level = _named_from(text, tokens, j), False
    if k is None and _next(text, tokens, j):
        k = lowercase_name_end(text, tokens, j, word_openers=False)
        k, at_level = (k, True) if k < len(tokens) and level_at(text, tokens, k) else (None, False)
    if k is None or k == j or gazetteer().countries.longest(text, tokens, i):
        return None
    return k, at_level


def _named_after_lowercase(text: str, tokens: list[Token], i: int, j: int, parts: list) -> Org | None:
    """A unit whose name is lowercase words and a proper name ("Ban" + "quản lý chợ" + "Cốc Lếu", "Ban quản
    lý vịnh Hạ Long"): the proper name is the organisation's place run; or lowercase words up to a level,
    the head then kept as written ("Bệnh viện đa khoa tỉnh Hòa Bình"); else None."""
    named = _lowercase_name(text, tokens, i, j)
    if named is None:
        return None
    k, at_level = named
    if at_level:
        parts[0] = (i, j, span(text, tokens, i, j))
    parts.append((j, k, span(text, tokens, j, k)))
    return organization_tail(text, tokens, i, k, parts, False)


_POINTED = frozenset({"này", "đó"})  # demonstratives standing for a place named before: "xã này", "tỉnh đó"
_BODY_HEADS = frozenset(match_key(w) for w in ("Tổ chức", "Ngân hàng", "Quỹ", "Chương trình", "Cơ quan",
                                               "Liên minh", "Liên hợp quốc", "Hội đồng", "Nghị viện", "Ủy ban"))


def opens_body_name(keys: str) -> bool:
    """Whether a name's first keyed words (``keys``, space-joined) open with a body's first words, at home or
    abroad: "cơ quan an ninh quốc gia", "liên minh bưu chính", "tổ chức y tế"."""
    return any(keys == head or keys.startswith(head + " ") for head in _BODY_HEADS)


def _international_body(text: str, tokens: list[Token], i: int) -> Org | None:
    """An international body the country list names ("Ngân hàng Thế giới", "Tổ chức Y tế thế giới",
    "UNDP"), with its acronym in brackets and the country it sits in ("(WHO) tại Việt Nam"): an
    acronym, or a name opening with a body's word ("Tổ chức", "Quỹ" ...). A state is not one: "Hoa Kỳ
    tại Việt Nam" after "Đại sứ" is read as a country and its host."""
    g = gazetteer()
    found = g.countries.longest(text, tokens, i)
    if found is None:
        return None
    first = " ".join(t.key for t in tokens[i:min(found[0], i + 3)])
    if not (tokens[i].acronym and found[0] == i + 1) and not opens_body_name(first):
        return None
    end = found[0]
    if end + 2 < len(tokens) and tokens[end].text == "(" and tokens[end + 1].acronym and tokens[end + 2].text == ")":
        end += 3  # "(WHO)"
    if _next(text, tokens, end) and tokens[end].key == "tại" and _next(text, tokens, end + 1) \
            and (there := g.countries.longest(text, tokens, end + 1)):
        end = there[0]
    return Org(i, end, [(i, end, span(text, tokens, i, end))], False, abroad=True)


def _unit_number_at(text: str, tokens: list[Token], j: int) -> bool:
    """Whether ``tokens[j]`` is a number of at most three digits written after a name and before the end of
    the phrase (punctuation, the end, a capitalised word or acronym, or a function word or a verb's first syllable,
    which no number counts: "xã Lộ 25" + "cho biết"): the number of a unit or place; not before a noun it counts
    ("Sở Y tế Hà Nội" + "3 ngày qua")."""
    if not (j < len(tokens) and _next(text, tokens, j) and tokens[j].text.isdigit() and len(tokens[j].text) <= 3):
        return False
    after = tokens[j + 1] if j + 1 < len(tokens) and _next(text, tokens, j + 1) else None
    if after is not None and after.text in ("/", "-", ".", ",") and glued(tokens, j + 1) \
            and tokens[j + 2].text.isdigit():
        return False  # a date or a number goes on: "Hà Nội 2/9"
    return after is None or not after.alpha or after.titlecase or after.acronym or after.key in NAME_STOP


def organization_tail(text: str, tokens: list[Token], start: int, j: int, parts: list[tuple[int, int, str]],
                      party: bool, _depth: int = 0, open_name: bool = False) -> Org:
    """Extend an organisation whose head and name end at ``j`` with level, place or parent body;
    with ``open_name`` a capitalised run right after the name continues it."""
    org = Org(start, j, parts, party)
    if not _next(text, tokens, j):
        return org
    if tokens[j].key == "số" and _next(text, tokens, j + 1) and tokens[j + 1].text.isdigit() \
            and len(tokens[j + 1].text) <= 3 and not (_next(text, tokens, j + 2) and tokens[j + 2].text in ("/", "-", ".")):
        org.parts.append((j, j + 2, span(text, tokens, j, j + 2)))  # the unit's number: "Đội QLTT" + "số 8" (not a
        j = org.end = j + 2  # document's: "số 12/QĐ")
        if not _next(text, tokens, j):
            return org
    level = level_at(text, tokens, j)
    if level:
        org.parts.append((j, level[0], level[1]))
        org.level = match_key(level[1])
        j = org.end = level[0]
        if not _next(text, tokens, j):
            return org
        if tokens[j].text.isdigit() and len(tokens[j].text) <= 2:  # numbered districts: "Quận 2", "Phường 5"
            org.parts.append((j, j + 1, tokens[j].text))
            org.place, org.end = (j, j + 1), j + 1
            return org
        if tokens[j].key in _POINTED and not (_next(text, tokens, j + 1) and tokens[j + 1].titlecase):
            # the place the text has named: "UBND xã này" (not before a name: its run is read apart)
            org.parts.append((j, j + 1, tokens[j].text))
            org.end = j + 1
            return org
    run_end = j if level is None and _unit_named_in_lowercase(text, tokens, j) else _place_run(text, tokens, j)
    countries = gazetteer().countries
    here = countries.longest(text, tokens, j) if run_end > j else None
    if here and here[0] == run_end and _next(text, tokens, run_end) and tokens[run_end].key == "tại" \
            and _next(text, tokens, run_end + 1) and (there := countries.longest(text, tokens, run_end + 1)):
        run_end = there[0]  # a country's mission in another: "Đại sứ quán Việt Nam tại Campuchia"
    if run_end > j and _unit_number_at(text, tokens, run_end):
        run_end += 1  # the unit's number after its name: "Bệnh viện Nhi Đồng 1", "Trường THCS Nguyễn Du 2"
    if level is None and run_end > j and _second_syllable(text, tokens, run_end) \
            and not any((place := gazetteer().places.longest(text, tokens, k)) and place[0] == run_end
                        for k in range(j, run_end)):
        run_end = j  # a run cut inside a word is no place, which capitalises every syllable: a name that goes on
        # ("Thanh tra" + "Giao" + "thông quận Thanh Xuân"); not a place the gazetteer knows ("Hà Nội" | "tiếp")
    if run_end > j:
        org.parts.append((j, run_end, span(text, tokens, j, run_end)))
        org.place = (j, run_end)
        org.end = run_end
        org.keep = 2 if open_name and level is None else 0
        return org
    if level is None and _depth < 2:
        at = j + 1 if tokens[j].key == "của" and _next(text, tokens, j + 1) else j  # "Ủy ban Đối ngoại của Quốc hội"
        parent = match_organization(text, tokens, at, _depth + 1)
        if parent is not None:
            if at > j:
                org.parts.append((j, at, tokens[j].text))
            org.parent_at = len(org.parts)
            org.parts.extend(parent.parts)
            org.end, org.party, org.level, org.place = parent.end, parent.party, parent.level, parent.place
    return org
