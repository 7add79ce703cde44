"""Officials: named people with their positions, e.g. ``Đồng chí Đào Khánh Hà, Ủy viên Ban Thường vụ,
Trưởng Ban Tuyên giáo Thành ủy`` or ``Phó Chủ tịch UBND thành phố Lê Khắc Nam``.

Public API: ``tag_officials(text) -> list[OfficialTag]``; offsets index the NFC text.

Forms read (titles, organisations, abbreviations, places and surnames come from ``nlp/gazetteer``):

* name first: ``[honorific] Name (, | – | () Position {(, | – | kiêm) Position}``; a full name with a
  middle name needs no separator (``Nguyễn Văn An Chủ tịch UBND tỉnh``), nor does a title after an
  abbreviated one (``Trần Thị Hồng HUV Phó Chủ tịch UBND huyện``);
* title first: ``[honorific] Position {, Position} [ông | bà] Name {, Position}``; a bracketed
  abbreviation belongs to the position before it (``Chủ nhiệm Ủy ban Kiểm tra Trung ương (UBKT) Trần Cẩm
  Tú``, ``Đại biểu Quốc hội (ĐBQH) Lại Thế Nguyên, Phó Trưởng Đoàn ĐBQH tỉnh``, ``(KH&CN)``), also when an
  honorific after a comma opens the name (``Giám đốc Sở Giao thông vận tải (GTVT), ông Vũ Văn Viện``);
* abroad: ``Title Country Name`` with a country, a US state or an international body of
  ``countries.txt`` (or a body the list lacks, as an acronym in ASCII capitals before a foreign name of two
  words or more: ``Giám đốc FBI Christopher Wray``; or a body abroad the gazetteer does not know whole, read
  up to its country, acronym or chamber before a foreign name of two words or more: ``Giám đốc Cục điều tra
  liên bang Mỹ (FBI) James Comey``, ``Chủ tịch Ủy ban Tư pháp Hạ viện Jerry Nadler``) and a foreign name
  of 1-3 words (``Tổng Thư ký Liên hợp quốc Antonio Guterres``, ``Ngoại trưởng Nga Lavrov``), the country perhaps written with its form of
  state, after ``mới của`` or ``bang`` (``Đại sứ đặc mệnh toàn quyền nước Cộng hòa Ba Lan tại Việt Nam ...``, ``Thủ tướng mới
  của Nhật Bản ...``), the name perhaps after a
  comma and an honorific or rank (``Tổng thống Pháp, ông ...``) or a foreign honorific (``Thủ tướng Malaysia
  Datuk Seri ...``, ``Samdech``); ``(nhà) lãnh đạo`` (leader) is a title only before a country (``Nhà lãnh
  đạo Triều Tiên Kim Jong-un``); after a title of state alone a foreign
  name needs no country (``Thủ tướng Abe``), and a given name alone names an official too (``Thứ trưởng
  Thuấn``, as news names one it named in full before);
* a title a number counts is a headcount of posts, no one's (``18 tân Bộ trưởng, Thủ tướng A``: A is Thủ
  tướng only);
* former and new posts: ``cựu``, ``nguyên``, ``tân`` before a title are left out of a title-first span
  (``cựu Phó Tổng thống Mỹ Al Gore`` -> ``Phó Tổng thống Mỹ Al Gore``) and stay inside a name-first one
  (``Lê Xuân Nghĩa, nguyên Phó chủ tịch ...``); the title after them may be lowercase;
* long organisation names the gazetteer does not know, when a bracketed abbreviation ends them: after a
  name (``Cục Cảnh sát quản lý hành chính về trật tự xã hội (C06), Bộ Công an``; after a bare title
  in any case: ``Kishida Fumio, Chủ tịch đảng Dân chủ Tự do (LDP)``) and before a further
  position (``Chủ tịch Đảng cầm quyền (LDP), Cựu ngoại trưởng Fumio Kishida``);
* after a name, a body's branch in a country is the organisation (``Hội Sinh viên Việt Nam tại Pháp``), and
  so is the body or country a bare title is held in after ``của`` (``Chủ tịch của SADC``);
* after a name, a department's ministry written after a comma is part of the position (``Phó Cục
  trưởng Cục Trồng trọt, Bộ NN&PTNT``), and so are the higher levels of a place (``Chủ tịch xã Quỳnh
  Nghĩa, huyện Quỳnh Lưu, tỉnh Nghệ An``, ``Quận ủy Quận 2, TP.HCM``), and a bare title's body named down to its
  level or place, when the phrase ends there (``Chỉ huy phó, ban Chỉ huy quân sự phường Đoàn Kết``);
* posts in brackets after a title-first mention's name (``đại biểu Lê Văn A (nguyên Chủ tịch HĐND tỉnh)``), and
  a note about the person between name and post (``ông A (42 tuổi, trú tại ...) - chủ tịch ...``);
* abroad also with a ministry or its field before the country (``Thứ trưởng Bộ Ngoại giao Nga ...``,
  ``Bộ trưởng Không quân Mỹ ...``); each leader of a list keeps their own tag (``Tổng thống Brazil A,
  Tổng thống Nga B``), and a post abroad after a name is the name's after it (``A, Tổng thống Nga B``: B's), and so is the last post of
  a name's chain when a person's name follows it (``A, Phó Tư lệnh Quân khu 7, Phó Chủ tịch UBND TP. HCM B``); after ``thay mặt``/``thừa lệnh`` the post is another's (``Thay mặt Thủ tướng, Phó
  Thủ tướng Lê Văn A`` is Lê Văn A's Phó Thủ tướng only); a unit named in lowercase after ``Trưởng`` is in
  the title (``Trưởng khoa``, ``Trưởng nhóm``); a unit's lowercase name may run to a bracket, which holds
  the unit's code and body (``Cục Cảnh sát hình sự (C 45, Bộ Công an)``) or, with the body alone, a gloss
  left out (``Cục Cảnh sát hình sự | (Bộ Công an)``); a minister's field is part of the title and names
  the ministry (``Thứ trưởng Quốc phòng``, ``Bộ trưởng Y tế`` + ``Nga``), and so is any portfolio written in
  words before a country and a name (``Bộ trưởng Phát triển Kinh tế`` + ``Nga Alexei Ulyukayev``); a name after a colon that ends a
  position (``Chủ tịch UBND xã: Nguyễn Văn A``), and each of a list of names after it is an official of
  that position, its span the name (``Phó chủ tịch: Trần Quốc Tuấn (chuyên môn), Cao Văn Chóng``); the
  term of a body a title names is in the span (``Đại biểu Quốc hội khóa XV``, ``tổng thư ký nhiệm kỳ 7``);
  after a name, a unit named in lowercase runs to the level it serves (``Chủ tịch Hội khuyến học xã``,
  ``Ban quản lý dự án đầu tư huyện Yên Thế``), and after a bare title to the end of the phrase (``Nguyễn Văn Bình, giám đốc trung tâm y tế cho biết``); a unit whose
  name the gazetteer lacks runs through lowercase words to the body it belongs to (``Trưởng phòng Cảnh sát
  hình sự Công an tỉnh``); numbered units (``Quân khu 9``, ``Đội trưởng đội 4, Phòng CSGT Công an ...``,
  ``Đội QLTT số 8 tỉnh Nghệ An``); after a name, a team named in lowercase to the end of the phrase or to its
  body, past the unit's code (``Tổ trưởng Tổ truy bắt``, ``đội phó đội tham mưu tổng hợp PC64 Công an tỉnh``);
  ``phụ trách`` before a body (``Phó Giám đốc phụ trách Sở Tư pháp``); a lowercase title opens a mention
  when a name follows (``do phó chủ tịch UBND huyện Vi Văn Hạnh dẫn đầu``; not after ``các``); names
  with an apostrophe (``Kpă H'Ven``); a line opening with ``Ông``/``Bà`` starts a new sentence.

Officials hold public posts (state, Party, National Assembly, Front, armed forces, police, public
bodies): a mention whose every position is in a company (``Công ty``, ``Tập đoàn``, ``HĐQT``, ``...
Bank``, or ``Tổng Giám đốc`` with no organisation, a brand: ``Chủ tịch Coteccons``; after a name, an
executive title over an organisation the gazetteer does not know that ends in a brand: ``Giám đốc Phân tích
Yuanta``) is no tag; a Party post beside it keeps it.

A phrase may be wrapped at a single line break (``Chủ tịch Quốc hội\nVương Đình Huệ``). An
organisation the gazetteer does not know is read on to its end (``gazetteer.loose_name_end``):
after a name (``Giám đốc Trung tâm pháp y Đà Nẵng``, ``Chủ tịch HĐQT GNN Express``) and, when no
other reading finds a name, up to a name that ends it (``Chủ tịch HĐQT Hoàng Mai Nam``).
Abbreviations may be dotted (``UVT.Ư``) and ``TT`` after an abbreviated title is Thường trực when
the gazetteer knows that title (``PBT TT`` -> Phó Bí thư Thường trực).

``text`` runs from the honorific (else the name or the first title, whichever comes first) to the
end of the last position or of the name, whichever is later. A mention needs a name *and* a
position: ``Trưởng Ban Tuyên giáo Quận ủy phát biểu`` is no tag. A name is 2-5 capitalised
syllables; without an honorific it starts with a surname from the list, and a run that is a known
place or follows an organisation/level word (``Quận ủy Lê Chân``) is a place. After an organisation
a capitalised run is split into place + name: a known place prefix is the place; 2 syllables are a
place; 3 a name (a place after xã/phường/thị trấn, often named after people); longer runs keep a 2-
or 3-syllable place when the rest starts with a surname. A name written in capitals inside mixed-case
text (``Chủ tịch UBND tỉnh LÊ VĂN HIẾU``) is read as if in title case and reported as written; a line all
in capitals is not read for names.

Field rules: ``honorific`` is ``đồng chí``/``ông``/``bà``/``anh``/``chị``, ``thầy``/``cô`` for a teacher (``Đ/c`` ->
``đồng chí``), a military or
police rank (``đại tá``, ``thượng tướng``: it opens the span) or None;
``name`` is as written; ``title`` is the gazetteer's spelling (abbreviations expanded:
UVBTVHU -> Ủy viên Ban Thường vụ + Huyện ủy, PCT and ``Phó CT.`` -> Phó Chủ tịch, ``Ủy viên Trung ương
Đảng`` -> Ủy viên Ban Chấp hành + Trung ương Đảng); ``organization`` is as written
with canonical tone marks (Thành uỷ -> Thành ủy), ad-hoc abbreviations expanded (TT -> Trung tâm,
BTV -> Ban Thường vụ) and the official acronyms UBND, HĐND, MTTQ kept. A committee named in a
"Trưởng Ban"-type title moves into the title when its parent body follows (``Trưởng Ban Tuyên giáo``
+ ``Thành ủy``; otherwise ``Trưởng Ban`` + ``Ban Quản lý Khu kinh tế tỉnh``). A position written
without organisation takes the organisation of the next position of the same apposition
(``Ủy viên Ban Thường vụ, Trưởng Ban Tuyên giáo Thành ủy`` -> both ``Thành ủy``); a Party title
given a state body takes that level's Party committee (``Phó Bí thư, Chủ tịch UBND huyện`` ->
``Huyện ủy``); standalone titles (Tổng Bí thư, Tỉnh ủy viên ...) keep None.

Not read: a former post without a name (``nguyên Bí thư``), one title for a whole list (``các Phó Chủ tịch UBND
tỉnh: A, B``), names in capitals. Regex and gazetteer only: underthesea's tagger costs
milliseconds per sentence and its NER misses almost every name in this register, while these
patterns take about 2 ms for a whole article.
"""
from __future__ import annotations

import functools
import logging
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace

from nlp.gazetteer import (
    ASSISTANT,
    NAME_STOP,
    Org,
    Phrases,
    Title,
    Token,
    adjacent,
    full_name_at,
    gazetteer,
    glued,
    level_at,
    loose_name_end,
    lowercase_name_end,
    lowercase_name_to_level,
    match_key,
    match_organization,
    middle_names,
    opens_body_name,
    organization_tail,
    span,
    starts_title,
    text_tokens,
    tokenize,
    word_pair,
    unit_name,
    ward_names,
)
from nlp.records import OfficialTag, Position

log = logging.getLogger(__name__)

_HONORIFICS = {("đồng", "chí"): "đồng chí", ("ông",): "ông", ("bà",): "bà", ("anh",): "anh", ("chị",): "chị",
               ("thầy",): "thầy", ("cô",): "cô", ("đ", "/", "c"): "đồng chí"}  # "thầy", "cô": a teacher
_LOWERCASE_HONORIFICS = frozenset({("anh",), ("chị",), ("cô",)})  # capitalised, "Anh" is England, "Cô Tô" an island
# Military and police ranks open a mention like an honorific: "Đại tá Nguyễn Văn A, Giám đốc Công an tỉnh".
_RANKS = tuple(f"{grade} {rank}" for rank in ("tướng", "tá", "úy") for grade in ("đại", "thượng", "trung", "thiếu")) + (
    "phó đô đốc", "chuẩn đô đốc", "đô đốc")  # the navy's admirals, the longer before "đô đốc"
_HONORIFICS.update({tuple(match_key(rank).split()): rank for rank in _RANKS})
# Buddhist clergy's ranks, the longer first: "Đại lão Hòa thượng Thích Phổ Tuệ, Pháp chủ GHPGVN".
_HONORIFICS.update({tuple(match_key(rank).split()): rank for rank in (
    "đại lão hòa thượng", "trưởng lão hòa thượng", "hòa thượng", "thượng tọa")})
# Organisations of business or leisure, not public office (a state company's board of members, a club, a
# cooperative: "Chủ tịch HĐTV EVN", "Chủ tịch CLB Thanh Hóa", "Giám đốc HTX Dịch vụ ..."): a mention whose every
# position is one is no official's.
_COMPANY_HEADS = tuple(match_key(w) for w in (
    "công ty", "cty", "ctcp", "tập đoàn", "tổng công ty", "hđqt", "hội đồng quản trị", "ngân hàng tmcp",
    "ngân hàng thương mại", "doanh nghiệp", "hãng", "dự án", "nhà máy", "xí nghiệp", "chi nhánh", "ngành hàng",
    "khách sạn", "nhà hàng", "siêu thị", "cửa hàng", "trang trại", "trạm thu phí", "cảng hàng không",
    "hội đồng thành viên", "hđtv", "câu lạc bộ", "clb", "hợp tác xã", "htx"))
_COMPANY_TITLES = frozenset(match_key(w) for w in ("Tổng Giám đốc", "Phó Tổng Giám đốc"))  # without an organisation
# Titles a company gives: after a name, one of them over an unknown organisation ending in a brand is a
# company post ("ông A, Giám đốc Phân tích Yuanta"); "Thống đốc bang Texas" is none.
_EXECUTIVE_TITLES = _COMPANY_TITLES | frozenset(match_key(w) for w in (
    "Chủ tịch", "Phó Chủ tịch", "Giám đốc", "Phó Giám đốc"))
_CENTRAL_COMMITTEE = match_key("Trung ương")  # "Ủy viên Trung ương Đảng" is a member of its Ban Chấp hành
_SEPARATORS = frozenset({",", "-", "("})
_CHAIN_JOINERS = frozenset({",", "-", "kiêm"})
_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…)\s*(?:\n|$)")  # where a lead was cut short: at the end of its line
_UNIT_CODE = re.compile(r"[A-Z]{1,3}\d{1,3}")  # a police unit's code, named after its head's title: "Trưởng phòng PC03"
_DESIGNATION = re.compile(rf"\d{{1,3}}[A-Z]{{0,2}}|{_UNIT_CODE.pattern}")  # a unit's or a case's number or code: "219D"
_CUC = match_key("cục")  # a department, whose head's title may name it by its code: "Cục trưởng C50"
_TERM_NUMBER = re.compile(r"[IVXL]+|\d{1,2}")  # the term of an elected body: "khóa XV", "khóa 15"
_TERM_WORDS = (("khóa",), ("nhiệm", "kỳ"))  # before it: "khóa XV", "nhiệm kỳ 7"
_REGNAL = re.compile(r"I{1,3}|IV|VI{0,3}|IX|X")  # a monarch's numeral after the name: "Elizabeth II"
# Words marking a post as former or new: left out before a title ("cựu Phó Tổng thống Mỹ Al Gore", "tân Thủ
# tướng"), kept inside a name-first mention ("Lê Xuân Nghĩa, nguyên Phó chủ tịch ..."); the title after one
# may be lowercase ("Cựu tổng thống Pháp").
_TENURE = frozenset({"cựu", "nguyên", "tân", "quyền"})  # former, former, new, acting
_LEADERS = frozenset({match_key("Lãnh đạo"), match_key("Nhà lãnh đạo")})  # a title only before a country
# the last word of a newspaper's or an agency's name, which no person's is: "New York Times", "Wall Street Journal"
_OUTLET_WORDS = frozenset({"times", "journal", "post", "news", "herald", "tribune", "guardian", "telegraph",
                           "express", "today", "daily", "press", "review", "magazine", "weekly", "insider"})
_SANGHA_HEADS = frozenset({("pháp", "chủ"), ("phó", "pháp")})  # "Đức Pháp chủ", "Đức Phó Pháp chủ"
# Titles of state that name a foreigner by the name alone, with no country ("Thủ tướng Abe"), and the Party's
# secretaries, whom the press names by the given name alone ("Bí thư Thăng"); company titles (Chủ tịch, Giám
# đốc) are not among them: "Chủ tịch Vingroup" names a company.
_NAMED_ALONE_TITLES = tuple(match_key(t) for t in (
    "Thủ tướng", "Phó Thủ tướng", "Tổng thống", "Phó Tổng thống", "Ngoại trưởng", "Bộ trưởng", "Thứ trưởng",
    "Đại sứ", "Tổng Lãnh sự", "Tổng Thư ký", "Nghị sĩ", "Thượng nghị sĩ", "Hạ nghị sĩ", "Quốc vương", "Nữ hoàng",
    "Bí thư", "Tổng Bí thư", "Thẩm phán", "Nhật hoàng", "Cố vấn an ninh quốc gia"))
# Bodies named by one capitalised word after a title, which a given name alone would be read as: "Bí thư Đoàn"
# (of the Youth Union), "Bí thư Đảng"; and words that head a body whose name goes on in lowercase ("Bộ trưởng
# Bộ kế hoạch đầu tư"): no person is named "Bộ".
_BODIES_IN_A_WORD = frozenset({"đoàn", "đảng", "bộ", "sở", "cục"})
# a note about a person in brackets between the name and the post: a birth year or an age, perhaps with the
# address after a comma ("(42 tuổi, trú tại thôn Câu Nhi, xã Hải Chánh)", "(SN 1986, trú tại phường Đoàn Kết)")
_PERSON_NOTE = re.compile(r"(?:(?:SN|sinh năm|sinh)?\s*(?:19|20)\d\d|\d{1,3} tuổi)(?:,[^()]*)?", re.IGNORECASE)
# Words between a title and its country, in the order written, that are not the country's ("Tổng thống đắc cử
# Mỹ", "mới của Nhật Bản"); "nước" and "bang" (state) may come after them and are ("nước Cộng hòa Ba Lan").
_BEFORE_COUNTRY_WORDS = (("đắc", "cử"), ("đương", "nhiệm"), ("mới",), ("của",))
_BEFORE_COUNTRY = frozenset(word for words in _BEFORE_COUNTRY_WORDS for word in words)
# Words between a country and the name that say when the post was held ("Tổng thống Myanmar khi đó Thein
# Sein", "Thủ tướng Nhật Bản đương nhiệm Fumio Kishida"), and "nước này" (this country) standing for the
# country ("Bộ trưởng Quốc phòng nước này Lloyd Austin").
_AFTER_COUNTRY_WORDS = (("khi", "đó"), ("lúc", "đó"), ("khi", "ấy"), ("lúc", "ấy"), ("đương", "nhiệm"))
_THIS_COUNTRY = ("nước", "này")
# Honorifics of Malaysia and Cambodia written between the country and a leader's name: "Thủ tướng Malaysia Datuk
# Seri Ismail Sabri Yaakob", "Thủ tướng Campuchia Samdech Techo Hun Sen"; the longer first.
_FOREIGN_HONORIFICS = (("datuk", "seri"), ("dato", "seri"), ("tan", "sri"), ("samdech", "techo"), ("datuk",),
                       ("dato",), ("samdech",))
# The two US parties, written between a legislator's title and name: "Thượng nghị sĩ đảng Cộng hòa Ted Cruz";
# the party is the post's organisation (not after a head of state's: "Tổng thống Cộng hòa Dominica" is a country).
_US_PARTIES = (("đảng", "cộng", "hòa"), ("đảng", "dân", "chủ"), ("cộng", "hòa"), ("dân", "chủ"))
_LEGISLATORS = frozenset(match_key(t) for t in ("Nghị sĩ", "Thượng nghị sĩ", "Hạ nghị sĩ"))
# Words that open the clause after a mention, never inside an organisation's name: "Phó Chủ tịch UBND tỉnh
# vừa ký quyết định giải quyết khiếu nại (KN)" is no organisation read up to its bracket.
_CLAUSE_MARKERS = frozenset({"vừa", "đã", "đang", "sẽ", "mới", "được", "bị", "ký", "cho", "là"})
_MINISTERS = frozenset({"Bộ trưởng", "Thứ trưởng", "Thứ trưởng Thường trực"})  # a field after them is their ministry
# heads of a ministry's department, which may be named by its field alone: "Cục trưởng" + "Hàng không"
_DEPARTMENT_HEADS = frozenset({"Cục trưởng", "Phó Cục trưởng", "Vụ trưởng", "Phó Vụ trưởng", "Tổng cục trưởng",
                               "Phó Tổng cục trưởng"})
# Units named in lowercase after "Trưởng": they belong to the title ("Trưởng khoa Lịch sử", "Trưởng nhóm ...").
_HEADED_UNITS = frozenset({"khoa", "nhóm", "trạm", "tổ", "xưởng"})
# Units always inside a body, which may follow their name: "Phòng Tổ chức cán bộ Sở Y tế".
_SUB_UNITS = frozenset({"phòng", "đội", "tổ"})
_UNIT_WORDS = _HEADED_UNITS | _SUB_UNITS  # a title ending in one names a unit: "Trưởng phòng", "Trưởng khoa"
# Units inside a larger body, whose post may name that body after a comma: "Trưởng phòng Cảnh sát hình sự, Công
# an TP. Đà Nẵng", "Vụ trưởng Vụ Biển, Ủy ban Biên giới quốc gia, Bộ Ngoại giao", "Chi cục trưởng Chi cục ...".
_INNER_UNITS = frozenset({"phòng", "đội", "khoa", "trạm", "vụ", "cục", "viện", "ban", "trung tâm"})
# Words after a body that join another subject to the person, not end the mention: "..., Công an tỉnh | và ...".
_JOINING = frozenset({"và", "cùng", "với", "hoặc"})
_OFFICE_HEADS = frozenset(match_key(t) for t in ("Chánh Văn phòng", "Phó Chánh Văn phòng"))  # an office may serve
_JOINT_MARKS = frozenset({",", "-", "và"})  # several bodies of one level: "Văn phòng HĐND, UBND huyện"
_IN_CHARGE = frozenset({("phụ", "trách"), ("chuyên", "trách")})  # between a title and its body: part of the title
_OFFICES = frozenset({"ban", "phòng"})  # a unit a title names whose name, written after it, is in the title
_PLURALS = frozenset({"các", "những", "hai", "ba"})  # one title for a list: "các phó chủ tịch UBND tỉnh A, B"
_PLURAL_WORDS = frozenset({"các", "những"})  # before an honorific: a list intro ("có các đồng chí")
# Words before a post held by someone else than the person named next ("Thay mặt Thủ tướng, Phó Thủ tướng A").
_ON_BEHALF = tuple(tuple(match_key(w).split()) for w in ("thay mặt", "thừa lệnh", "thừa ủy quyền"))
# Lowercase particles inside a foreign name: "Ursula von der Leyen".
_NAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "da", "di", "du", "la", "le", "bin", "ibn", "al", "el"})
# Forms of state written before a country's name: "nước Cộng hòa Ba Lan", "Vương quốc Anh".
_STATE_FORMS = Phrases()
for _form in ("Cộng hòa", "Vương quốc", "Liên bang", "Cộng hòa Liên bang", "Cộng hòa Nhân dân",
              "Cộng hòa Dân chủ Nhân dân", "Cộng hòa Xã hội chủ nghĩa", "Cộng hòa Hồi giáo"):
    _STATE_FORMS.add(_form, _form)
_APOSTROPHES = frozenset({"'", "’"})  # inside names of the Central Highlands: "Kpă H'Ven", "Điểu K'Ré"
# Second syllables that mark a run as a personal name (Nguyễn Văn ..., Lê Thị ...), not a place.
_MIDDLE_NAMES = frozenset(match_key(w) for w in middle_names())
# Words ending an organisation or level just before a capitalised run: "Quận ủy Lê Chân", "huyện Vĩnh Bảo",
# "thủ đô Phnom Penh", "bang Texas".
_PLACE_CUES = frozenset({"ủy", "tỉnh", "huyện", "quận", "phố", "xã", "phường", "trấn", "ubnd", "hđnd", "tp", "đô",
                         "bang"})
# Communes and wards are often named after people: "phường Hoàng Văn Thụ".
_WARD_LEVELS = frozenset({"xã", "phường", "thị trấn"})
# The Party's board inside a state body: a title naming it ("Bí thư Ban cán sự đảng") takes no organisation
# from the next position (not the Party committee of that body's level).
_OWN_BOARD = match_key("Ban cán sự")
# The Party committee of an administrative level, for a Party title given a state body.
_PARTY_SEAT = {"tỉnh": "Tỉnh ủy", "thành phố": "Thành ủy", "huyện": "Huyện ủy", "quận": "Quận ủy",
               "thị xã": "Thị ủy", "xã": "Đảng ủy xã", "phường": "Đảng ủy phường", "thị trấn": "Đảng ủy thị trấn"}


@dataclass
class _Position:
    start: int  # token indices
    end: int
    title: str
    kind: str  # "party", "state", "standalone"
    org: Org | None
    fixed_org: str | None = None  # from a compound abbreviation (UVBTVHU)
    abbr_end: bool = False  # ends with a bracketed abbreviation: a name may follow it
    business: bool = False  # held in a company named by a brand ("Giám đốc Phân tích Yuanta")

    @property
    def organization(self) -> str | None:
        return self.fixed_org or (self.org.display if self.org else None)


# text before a sentence's first word, a lead's source tag included ("CSVNO - ", "(Tổ Quốc) - ")
_SENTENCE_END = re.compile(r"(?:.*(?:[.!?:]\s|\n))?\s*(?:\(?[^\W\d][\w.]*(?: [^\W\d][\w.]*)?\)?\s*[-–]\s*)?", re.S)


class _Parser:
    """Tokens of one text and the parsing steps over them."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens: tuple[Token, ...] = text_tokens(text)[1]
        self.g = gazetteer()
        if "..." in text or "…" in text:  # a capitalised word an ellipsis cuts is no word, perhaps cut
            # mid-word: "Phó Bí thư | Thường..." (a truncated lead), "Thủ tướng Chính ..." (phủ); unless it ends a
            # place the gazetteer knows ("Bí thư Tỉnh uỷ Điện Biên...") or is a foreign name's word, written whole
            # ("phát ngôn viên Điện Kremlin Dmitry Peskov...")
            self.tokens = tuple(t for k, t in enumerate(self.tokens) if not (
                t.titlecase and _ELLIPSIS.match(text, t.end) and not self.ends_place(k) and not t.text.isascii()))
        self.claimed: set[int] = set()  # token indices already used as a name

    def ends_place(self, k: int) -> bool:
        """Whether ``tokens[k]`` ends a place of two or more words the gazetteer knows."""
        return any(self.is_place(s, k + 1) for s in range(max(0, k - 3), k))

    def adj(self, i: int, j: int) -> bool:
        n = len(self.tokens)
        return 0 <= i < n and 0 <= j < n and adjacent(self.text, self.tokens[i], self.tokens[j])

    def surname(self, i: int) -> bool:
        return self.tokens[i].key in self.g.surnames

    def name_syllable(self, k: int) -> bool:
        """Whether ``tokens[k]`` is a capitalised syllable of a name or an apostrophe inside one ("H'Ven", "K'Ré")."""
        tokens = self.tokens
        if tokens[k].titlecase:
            return True
        return tokens[k].text in _APOSTROPHES and glued(tokens, k) and tokens[k + 1].titlecase

    def is_place(self, i: int, j: int) -> bool:
        found = self.g.places.longest(self.text, self.tokens, i)
        return bool(found and found[0] == j)

    def named_after_person(self, i: int, j: int) -> bool:
        """Whether the place at ``i:j`` bears a person's full name, surname first, three syllables or more
        ("Hồ Chí Minh", "Trần Văn Thời"): right after a title without an organisation it is that person
        ("Chủ tịch Hồ Chí Minh"); a place's own officials name its body ("Chủ tịch UBND TP Hồ Chí Minh")."""
        return j - i >= 3 and self.surname(i)

    def honorific_before(self, i: int) -> tuple[int, str] | None:
        """(start, honorific) of the honorific written right before ``tokens[i]``; not one after "các" or
        "những": "Tới dự có các đồng chí A, ..." introduces a list, whose spans start at the names."""
        for keys, label in _HONORIFICS.items():
            s = i - len(keys)
            if s >= 0 and tuple(t.key for t in self.tokens[s:i]) == keys \
                    and all(self.adj(k, k + 1) for k in range(s, i)) and self.honorific_case(s, keys):
                listed = s > 0 and self.tokens[s - 1].key in _PLURAL_WORDS and self.adj(s - 1, s)
                return None if listed else (s, label)
        return None

    # --- positions -------------------------------------------------------------------------
    def position(self, i: int, lowercase: bool = False) -> _Position | None:
        found = starts_title(self.text, self.tokens, i, lowercase)
        if found is None or (i > 0 and self.tokens[i - 1].key == "ban" and self.adj(i - 1, i)):
            return None  # "Ban Giám đốc", "Ban Bí thư" are bodies, not people's titles
        j, title = found
        if match_key(title.title) in _LEADERS and self.country_end(j) is None:
            return None  # "lãnh đạo Triều Tiên Kim Jong-un" is a post abroad; "lãnh đạo Sở Y tế" is no one's title
        body = self.g.orgs.longest(self.text, self.tokens, i)
        if body is not None and body[0] > j:
            return None  # the title opens a body's name: "Đại sứ quán", "Tổng Lãnh sự quán"
        if title.unit == "*" and self.adj(j - 1, j) and self.tokens[j].text in _HEADED_UNITS:
            head = self.g.orgs.longest(self.text, self.tokens, j)  # a unit of the gazetteer is named after it
            unit = head[1].display if head and head[0] == j + 1 and head[1].kind == "unit" else None
            title = Title(f"{title.title} {self.tokens[j].text}", title.kind, unit)  # "Trưởng khoa", "Trưởng trạm"
            j += 1
            named = unit_name(self.text, self.tokens, j) if unit is None and self.adj(j - 1, j) \
                and self.tokens[j].titlecase and not full_name_at(self.text, self.tokens, j) else None
            if named is not None:  # the unit's name: "Trưởng khoa" + "Ngữ văn" (+ "Trường Đại học Vinh")
                end = next((k for k in range(j + 1, named[1]) if self.g.orgs.longest(self.text, self.tokens, k)),
                           named[1])  # up to the body it belongs to
                title, j = Title(f"{title.title} {span(self.text, self.tokens, j, end)}", title.kind, None), end
        named = self.unit_in_lowercase(j, title) if self.adj(j - 1, j) else None
        if named is not None:  # "Trưởng phòng" + "tham mưu" + "Công an tỉnh"
            title, j = Title(f"{title.title} {span(self.text, self.tokens, j, named)}", title.kind, None), named
        elif (_names_unit(title.title) or _CUC in match_key(title.title).split()) and self.adj(j - 1, j) \
                and _UNIT_CODE.fullmatch(self.tokens[j].text):
            title, j = Title(f"{title.title} {self.tokens[j].text}", title.kind, None), j + 1  # "Trưởng phòng" + "PC03",
            # "Cục trưởng" + "C50"
        if title.organization:
            organization = title.organization
            if self.adj(j - 1, j) and self.tokens[j].key == match_key(organization).rsplit(" ", 1)[-1]:
                j += 1  # the abbreviation's last word written out after it: "UVT.Ư Đảng"
            elif self.adj(j - 1, j) and (central := self.central_body(j, organization)):
                j, organization = central
            return _Position(i, j, title.title, title.kind, None, organization)
        field = None
        if title.title in _MINISTERS and self.adj(j - 1, j):
            field = self.portfolio_end(j)
        elif title.title in _DEPARTMENT_HEADS and self.adj(j - 1, j):
            field = self.field_before_name(j)
        if field is not None:  # a ministry named by its field is part of the title, which then names its body
            # ("Thứ trưởng Quốc phòng"): it takes none from the next position
            title, j = Title(f"{title.title} {span(self.text, self.tokens, j, field)}", "standalone", title.unit), field
        name, org = title.title, None
        if self.adj(j - 1, j):
            name, org = self.organization(j, title)
            charge = self.in_charge_of(j) if org is None else None
            if charge:  # "Phó Giám đốc phụ trách" (the acting head) "Sở Xây dựng", "Phó Chủ tịch chuyên trách" (full-time)
                name, org = self.organization(j + 2, title)
                name = f"{name} {charge}"
            if org is not None and match_key(title.title) in _OFFICE_HEADS:
                org = self.joint_bodies(org)
            if org is not None:
                org = self.with_parent(org)
                if title.unit and org.parent_at is not None and _the_titles_unit(org):
                    # the title names the unit, whose name is then part of it: "Trưởng phòng" + "Quản lý
                    # giao thông đường thủy" + "Sở Giao thông vận tải"
                    name = _with_unit_name(name, org.parts[1:org.parent_at])
                    org = org.parent()
            if org is not None and len(org.parts) == 1 and self.known_title(f"{name} {org.parts[0][2]}"):
                # "Ủy viên" + "BTV" with no body after it is the title "Ủy viên Ban Thường vụ"; its body is
                # the next position's
                return self.numbered_unit(_Position(i, org.end, f"{name} {org.parts[0][2]}", title.kind, None))
        return self.elected_term(self.numbered_unit(_Position(i, org.end if org else j, name, title.kind, org)))

    def portfolio_word(self, k: int, j: int) -> bool:
        """Whether ``tokens[k]`` may be part of a portfolio written from ``tokens[j]`` as a name's words are: a
        capitalised syllable that is no function word ("Trong"), the lowercase syllable ending its word
        ("Giao" + "thông"), or "và"."""
        tokens = self.tokens
        if tokens[k].key == "và":
            return True
        if tokens[k].titlecase:
            return tokens[k].key not in NAME_STOP or (
                k + 1 < len(tokens) and word_pair(tokens[k].key, tokens[k + 1].key))
        return k > j and tokens[k - 1].titlecase and word_pair(tokens[k - 1].key, tokens[k].key)

    def name_after_portfolio(self, j: int, k: int) -> bool:
        """Whether a full name starts at ``tokens[k]`` right after a portfolio or field written at ``tokens[j:k]``
        as a name's words (``portfolio_word``) and not a name itself ("Tô Lâm")."""
        return k > j and full_name_at(self.text, self.tokens, k) and self.tokens[j].key not in self.g.surnames \
            and all(self.portfolio_word(m, j) for m in range(j, k))

    def field_before_name(self, j: int) -> int | None:
        """End of a department's field written at ``tokens[j]`` as a name's words, right before the name and with
        no unit's word: "Cục trưởng" + "Hàng không" + "Lại Xuân Thanh" (not "Cục" + "Thú y"); else None."""
        tokens = self.tokens
        if not tokens[j].titlecase or self.g.orgs.longest(self.text, tokens, j):
            return None
        for k in range(j + 1, min(len(tokens), j + 9)):
            if not self.adj(k - 1, k) or not self.portfolio_word(k - 1, j):
                return None
            if self.name_after_portfolio(j, k):
                return k
        return None

    def portfolio_end(self, j: int) -> int | None:
        """End of a minister's portfolio written at ``tokens[j]``, which is part of the title: a field of the
        gazetteer ("Bộ trưởng" + "Y tế"), or any portfolio written in words, capitalised first, right before the
        name ("Bộ trưởng" + "Giao thông" + "Nguyễn Văn Thể") or a country and the name ("Bộ trưởng" + "Phát
        triển Kinh tế" + "Nga Alexei Ulyukayev", "Thứ trưởng" +
        "Quốc phòng phụ trách đối ngoại" + "Iran ..."); else None. Its words are capitalised syllables, each
        with the lowercase syllable after it ("Phát triển"), words of two lowercase syllables ("phụ trách") and
        "và" between capitalised words; no verb: "Bộ trưởng Quốc phòng | gặp người đồng cấp Nga ..."."""
        tokens, k = self.tokens, j
        while k < len(tokens) and k - j < 10 and self.adj(k - 1, k) and tokens[k].key != "bộ" \
                and (k > j or tokens[k].titlecase):  # (not "bộ Thể thao Hàn Quốc": the ministry)
            if k > j and self.g.countries.longest(self.text, tokens, k) and self.country_and_name(k):
                return k
            if self.name_after_portfolio(j, k):
                return k  # right before the name: "Bộ trưởng" + "Giao thông" + "Nguyễn Văn Thể" (not a name
                # itself, "Tô Lâm", nor words of a clause: "Trong mắt", "Quốc phòng Mỹ gặp")
            if self.lowercase_word(k):
                k += 2
            elif tokens[k].titlecase:
                k += 1
                if k < len(tokens) and self.adj(k - 1, k) and tokens[k].alpha and tokens[k].text.islower() \
                        and (tokens[k].key not in NAME_STOP or word_pair(tokens[k - 1].key, tokens[k].key)) \
                        and not self.lowercase_word(k):
                    k += 1  # the word's second syllable: "Phát" + "triển" (not the first of the next: "Các" | "vấn đề")
            elif tokens[k].key == "và" and k + 1 < len(tokens) and tokens[k + 1].titlecase:
                k += 1
            else:
                break
        field = self.g.fields.longest(self.text, tokens, j)
        return field[0] if field else None

    def lowercase_word(self, k: int) -> bool:
        """Whether ``tokens[k]`` and the token after it are two lowercase syllables of one word ("phụ trách")."""
        tokens = self.tokens
        return k + 1 < len(tokens) and self.adj(k, k + 1) and all(t.alpha and t.text.islower() for t in tokens[k:k + 2]) \
            and word_pair(tokens[k].key, tokens[k + 1].key)

    def elected_term(self, pos: _Position) -> _Position:
        """``pos`` with the term of the body its title names written after it, in the span: "Đại biểu Quốc hội"
        + "khóa XV", "tổng thư ký" + "nhiệm kỳ 7". A term after an organisation is read with the organisation's
        name."""
        k, tokens = pos.end, self.tokens
        term = self.first_words_end(k, _TERM_WORDS) if pos.org is None and pos.fixed_org is None \
            and self.adj(k - 1, k) else None
        if term is not None and term < len(tokens) and self.adj(term - 1, term) \
                and _TERM_NUMBER.fullmatch(tokens[term].text):
            pos.end = term + 1
        return pos

    def in_charge_of(self, j: int) -> str | None:
        """"phụ trách" (in charge of) or "chuyên trách" (full-time) as written at ``tokens[j]``, when a body
        follows it ("Sở Xây dựng", "vụ Giáo dục Chính trị"), else None."""
        k = self.first_words_end(j, _IN_CHARGE)
        if k is not None and match_organization(self.text, self.tokens, k) is not None:
            return span(self.text, self.tokens, j, k)
        return None

    def open_unit(self, org: Org) -> bool:
        """Whether ``org`` is a unit whose name may go on in lowercase: a name the gazetteer does not know
        ("Phòng Cảnh sát" + "hình sự"), or any name of a unit always inside a body ("Phòng Tổ chức" + "cán
        bộ"); not "Sở Y tế" nor a name ending in a place ("Đại học Sư phạm Huế"): they are whole."""
        k = org.end
        if org.level or org.place or not self.adj(k - 1, k) or len(org.parts) != 2:
            return False
        (head, head_end, head_name), (name, name_end, _) = org.parts
        if any((place := self.g.places.longest(self.text, self.tokens, p)) and place[0] == name_end
               for p in range(name, name_end)):
            return False
        unit = self.g.orgs.longest(self.text, self.tokens, head)  # (none written: the title's, "Trưởng phòng")
        field = self.g.fields.longest(self.text, self.tokens, name)
        return (head == head_end or bool(unit and unit[0] == head_end and unit[1].kind == "unit")) \
            and not (field and field[0] == name_end and match_key(head_name) not in _SUB_UNITS)

    def joint_bodies(self, org: Org) -> Org:
        """``org`` with the bodies that share its office and level written after it, one office serving them all:
        "Chánh Văn phòng" + "HĐND" + ", UBND huyện", "Đoàn ĐBQH" + " và HĐND tỉnh"."""
        while org.level is None and org.place is None and org.end + 1 < len(self.tokens) \
                and self.tokens[org.end].key in _JOINT_MARKS and self.adj(org.end - 1, org.end) \
                and self.adj(org.end, org.end + 1):
            k = org.end
            body = match_organization(self.text, self.tokens, k + 1)
            head = self.g.orgs.longest(self.text, self.tokens, k + 1)
            if body is None or head is None or head[1].kind != "body" or body.parent_at is not None:
                break
            mark = self.tokens[k].text
            parts = [*org.parts[:-1], (*org.parts[-1][:2], org.parts[-1][2] + ",")] if mark == "," \
                else [*org.parts, (k, k + 1, mark)]  # written as it is: "HĐND, UBND huyện"
            org = Org(org.start, body.end, [*parts, *body.parts], org.party, body.level, body.place)
        return org

    def with_parent(self, org: Org) -> Org:
        """``org`` with the body it belongs to, written after the lowercase rest of its name (``open_unit``) and
        perhaps the unit's code: "Phòng Cảnh sát" + "hình sự" + "Công an tỉnh", "Phòng Tổ chức" + "cán bộ" + "Sở Y
        tế", "đội điều tra" + "tổng hợp PC02" + "Công an tỉnh"."""
        k = org.end
        if not self.open_unit(org):
            return org
        m = self.unit_code_after(lowercase_name_end(self.text, self.tokens, k))
        if m == k or not self.adj(m - 1, m) or not (self.tokens[m].titlecase or self.tokens[m].acronym):
            return org
        parent = match_organization(self.text, self.tokens, m)
        head = self.g.orgs.longest(self.text, self.tokens, m) or (
            (m + 1, self.g.org_abbr[self.tokens[m].text]) if self.tokens[m].text in self.g.org_abbr else None)
        if parent is None or head is None or head[1].kind == "level" or (head[1].kind == "unit" and len(parent.parts) < 2):
            return org  # a body ("Công an tỉnh") or a named unit ("Sở Y tế")
        parts = [*org.parts, (k, m, span(self.text, self.tokens, k, m)), *parent.parts]
        return Org(org.start, parent.end, parts, org.party or parent.party, parent.level, parent.place,
                   parent_at=len(org.parts) + 1, keep=parent.keep)

    def organization(self, j: int, title: Title) -> tuple[str, Org | None]:
        """The organisation after a title ending at token ``j``, and the title with a named unit folded in."""
        text, tokens, name = self.text, self.tokens, title.title
        if title.unit and title.unit != "*" and j + 1 < len(tokens) and self.adj(j, j + 1) \
                and tokens[j].key == match_key(title.unit).rsplit(" ", 1)[-1] == match_key(name).rsplit(" ", 1)[-1]:
            j += 1  # the unit's word written twice: "Trưởng Ban" + "Ban" + "Quản lý dự án", "Phó Trưởng phòng" + "phòng"
        if title.unit and title.unit != "*":
            whole = match_organization(text, tokens, j - 1)  # "Trưởng Ban" + "Ban Quản lý Khu kinh tế"
            if whole is not None and whole.parts[0][1] > j:
                return name, whole
            body, field = match_organization(text, tokens, j), self.g.fields.longest(text, tokens, j)
            unit = None if (body is not None and not (field and field[0] > body.end)) or full_name_at(text, tokens, j) \
                else unit_name(text, tokens, j)  # not "Trưởng ban" + "Nguyễn Văn An": a name; a body's name is no
            # unit's unless a longer field is ("Cảnh sát điều tra" + "tội phạm về ma túy")
            if unit is not None:  # "Trưởng Ban" + "Tuyên giáo" + "Thành ủy"
                start, end, display, open_name = unit
                whole = organization_tail(text, tokens, j, end, [(j, j, title.unit), (start, end, display)],
                                          False, open_name=open_name)
                parent = whole.parent()
                return (f"{name} {display}", parent) if parent is not None else (name, whole)
            if whole is not None and whole.end > j:  # "Trưởng Ban" + "Ban quản lý chợ Cốc Lếu"
                return name, whole
        org = match_organization(text, tokens, j)
        if org is None:  # "Chủ tịch tỉnh": a level alone stands for its administration
            level = organization_tail(text, tokens, j, j, [], False)
            return name, (level if level.level else None)
        parent = org.parent()
        if parent is not None and title.unit == "*":  # "Trưởng" + "BTG Tỉnh ủy" -> "Trưởng Ban Tuyên giáo"
            return " ".join([name] + [p[2] for p in org.parts[:org.parent_at]]), parent
        if parent is not None and org.parent_at == 1 and self.known_title(f"{name} {org.parts[0][2]}"):
            return f"{name} {org.parts[0][2]}", parent  # "Ủy viên" + "BTV Tỉnh ủy" -> "Ủy viên Ban Thường vụ"
        head = org.parts[0][2].split(" ", 1)[0]
        if parent is None and title.unit == "*" and tokens[j].acronym and self.known_title(f"{name} {head}"):
            return f"{name} {head}", org  # "Trưởng" + "BCĐ ..." -> "Trưởng Ban" of "Ban Chỉ đạo ...", as written out
        return name, org

    def unit_in_lowercase(self, j: int, title: Title) -> int | None:
        """The end of a unit's name written in lowercase at ``tokens[j]``, after a title that names a unit
        ("Trưởng phòng", "Trưởng khoa") and right before the body the unit belongs to ("tham mưu" + "Công an
        tỉnh Gia Lai", "cấp cứu" + "Bệnh viện đa khoa Thiện Hạnh"), also after a comma before the verb ("tham mưu" +
        ", Công an TP. HCM khẳng định"), or before the next position ("tham mưu" + " - người phát ngôn Công an tỉnh
        Thanh Hóa"): the unit's name is then part of the title,
        as a capitalised one is ("Trưởng phòng Cảnh sát Hình sự"); else None. Not before a level: "Trưởng
        phòng" + "tư pháp huyện" is the head of that office."""
        tokens = self.tokens
        if not _names_unit(title.title) or j >= len(tokens) \
                or not tokens[j].text.islower() or not tokens[j].alpha:
            return None
        k = lowercase_name_end(self.text, tokens, j)
        if k == j or k >= len(tokens) or not self.adj(k - 1, k):
            return None
        if self.joined_title_at(k):
            return k  # the next position follows: "Trưởng phòng" + "tham mưu" + " - người phát ngôn Công an tỉnh"
        if self.separator_at(k) and (body := match_organization(self.text, tokens, k + 1)) is not None \
                and (body.level or body.place) and self.phrase_ends(body.end):
            return k  # the body after a comma, then the verb: "tham mưu" + ", Công an TP. HCM khẳng định"
        if not (tokens[k].titlecase or tokens[k].acronym):
            return None
        head = self.g.orgs.longest(self.text, tokens, k)
        return k if head is not None and head[0] > k and head[1].kind != "level" else None

    def joined_title_at(self, k: int) -> bool:
        """Whether a joiner at ``tokens[k]`` leads to a title."""
        at = self.past_joiners(k)
        return at > k and starts_title(self.text, self.tokens, at, True) is not None

    def past_joiners(self, k: int) -> int:
        """Where the next position may start after the joiner at ``tokens[k]`` (",", "-", "kiêm", also ", kiêm"),
        past a tenure word ("nguyên"); ``k`` when none is written there."""
        tokens, at = self.tokens, k
        while at < len(tokens) and at - k < 2 and tokens[at].key in _CHAIN_JOINERS and self.adj(at - 1, at) \
                and self.adj(at, at + 1) and (at == k or tokens[at].key == "kiêm"):
            at += 1
        return at + 1 if at > k and self.tenure_before(at + 1) else at

    def known_title(self, title: str) -> bool:
        """Whether ``title`` is a title of the gazetteer as a whole ("Ủy viên Ban Thường vụ")."""
        known = self.g.titles.longest(title, tokenize(title, match_key(title)), 0)
        return bool(known and known[1].title == title)

    def tenure_before(self, i: int) -> bool:
        """Whether "cựu", "nguyên", "tân" or "quyền" (acting) is written just before ``tokens[i]``, or the
        reverential "Đức" before the Buddhist Sangha's head ("Đức Pháp chủ")."""
        if i == 0 or not self.adj(i - 1, i):
            return False
        key = self.tokens[i - 1].key
        return key in _TENURE or key == "đức" and self.keys(i, i + 2) in _SANGHA_HEADS

    def counted_post_end(self, i: int) -> int | None:
        """End of the title at ``tokens[i]`` when a number counts it, a headcount of posts and no one's ("với 3
        tân Phó Thủ tướng và 18 tân Bộ trưởng, Thủ tướng A"), else None."""
        t = i - 1 if self.tenure_before(i) else i
        if not (t > 0 and self.tokens[t - 1].text.isdigit() and len(self.tokens[t - 1].text) <= 3
                and self.adj(t - 1, t)):
            return None  # (not a year: "Năm 2017 Tổng thống Donald Trump ...")
        counted = self.position(i, lowercase=True)
        return counted.end if counted is not None else None

    def chain(self, i: int) -> list[_Position]:
        # A lowercase title may open an apposition after a name: "Phạm Văn Vọng - ủy viên Trung ương Đảng", also
        # past a note about the person: "Lê Văn An, 42 tuổi, chủ tịch Hội nông dân xã".
        t = i - 1 if self.tenure_before(i) else i
        after_name = t > 1 and self.adj(t - 1, t) and (self.tokens[t - 1].titlecase or (
            self.tokens[t - 1].key in _SEPARATORS and (self.tokens[t - 2].titlecase or self.initial_before(t - 1)
                                                        or self.birth_bracket(t - 1))))
        first = self.position(i, lowercase=after_name or t < i)
        named_after = False
        if first is None and self.tokens[i].text.islower() and not (t > 0 and self.tokens[t - 1].key in _PLURALS) \
                and self.surname_ahead(i) and not self.inside_title(i):
            first = self.position(i, lowercase=True)  # "Theo phó chủ tịch UBND tỉnh Lê Văn A": a name must follow
            named_after = True  # the chain ("do uỷ viên Bộ Chính trị, Bí thư Thành uỷ Nguyễn Thiện Nhân")
        if first is None:
            return []
        chain = [self.bracketed(self.loose_tail(first) if after_name else self.named_by_abbreviation(first))]
        while not self.on_behalf_of(t) and not self.name_in_place(chain[-1]):
            k = chain[-1].end
            at = self.past_joiners(k)
            if at == k and not self.abbreviated_then_title(chain[-1], k):
                break  # else the next title is written with no joiner: "HUV | Phó Chủ tịch UBND huyện"
            nxt = self.position(at, lowercase=True)
            if nxt is None:
                break
            chain.append(self.bracketed(self.loose_tail(nxt) if after_name else nxt))
        return [] if named_after and self.name_in_place(chain[-1]) is None else chain

    def central_body(self, k: int, organization: str) -> tuple[int, str] | None:
        """(end, organisation) of the body written at ``tokens[k]`` after an abbreviated central-committee title
        (``organization`` "Trung ương Đảng"), when it is another body's central committee: "UVTƯ" + "Đoàn"
        (Trung ương Đoàn), "UVTW" + "Hội Nông dân Việt Nam"; else None."""
        central = "Trung ương"
        if not organization.startswith(central + " ") or starts_title(self.text, self.tokens, k):
            return None
        body = match_organization(self.text, self.tokens, k)
        if body is not None and body.start == k:
            return body.end, f"{central} {body.display}"
        written = f"{central} {self.tokens[k].text}"  # (tokenized apart: text_tokens caches the text being read)
        tokens = tokenize(written, match_key(written))
        whole = match_organization(written, tokens, 0)
        if whole is not None and whole.end == len(tokens) and whole.place is None:
            return k + 1, whole.display
        return None

    def abbreviated_then_title(self, pos: _Position, k: int) -> bool:
        """Whether a capitalised title is written right after ``pos``, an abbreviated title (and its body), with
        no separator: the next position, as in "Trần Thị Hồng HUV | Phó Chủ tịch UBND huyện"."""
        return k < len(self.tokens) and self.tokens[pos.start].acronym and self.adj(k - 1, k) \
            and self.tokens[k].titlecase and starts_title(self.text, self.tokens, k) is not None

    def surname_ahead(self, i: int) -> bool:
        """Whether a surname or a foreign name's word is written in the ten tokens after ``tokens[i]`` (a
        quick test before reading)."""
        window = self.tokens[i + 1:i + 11]
        if not window or not _CAPITAL.search(self.text, window[0].start, window[-1].end):
            return False
        surnames = self.g.surnames
        return any(t.text[0].isupper() and (t.key in surnames or (t.text.isascii() and _name_word(t)))
                   for t in window)  # a Vietnamese surname, or a foreign name: "nghị sĩ Michael McCaul"

    def inside_title(self, i: int) -> bool:
        """Whether ``tokens[i]`` goes on a title written just before it ("chủ tịch" in "các phó chủ tịch")."""
        found = i > 0 and self.adj(i - 1, i) and starts_title(self.text, self.tokens, i - 1, True)
        return bool(found and found[0] > i)

    def on_behalf_of(self, i: int) -> bool:
        """Whether "thay mặt", "thừa lệnh" or "thừa ủy quyền" is written just before ``tokens[i]``: the post after
        it is not the speaker's, and the next position after a comma is another person's ("Thay mặt Thủ tướng
        Chính phủ, Phó Thủ tướng Lê Văn A ký")."""
        return any(i >= len(words) and tuple(t.key for t in self.tokens[i - len(words):i]) == words
                   and all(self.adj(k, k + 1) for k in range(i - len(words), i)) for words in _ON_BEHALF)

    def bracketed(self, pos: _Position) -> _Position:
        """``pos`` with the abbreviation in brackets after it: "Ủy ban Kiểm tra Trung ương (UBKT)", or the body
        its unit belongs to when another position follows: "Lữ đoàn 125 (Vùng 2 Hải quân), trưởng đoàn ..."."""
        gloss = self.gloss_before_position(pos.end)
        if gloss is not None:
            pos.end = gloss
            return pos
        k, end = pos.end, self.bracket_end(pos.end)
        if end is not None and self.adj(k - 1, k):
            pos.end, pos.abbr_end = end, True
            parent = self.body_after_bracket(end)
            if parent is not None and pos.fixed_org is None:
                # the body or place the unit belongs to, after its abbreviation: "Phòng CSGT (PC67)" + "Công an
                # tỉnh Nghệ An", "Sở Giáo dục và Đào tạo (GD&ĐT)" + "TP. HCM"
                org = pos.org
                if org is not None and _the_titles_unit(org) and _names_unit(pos.title, _OFFICES):
                    pos.title = _with_unit_name(pos.title, org.parts[1:])  # "Trưởng phòng CSGT"
                    org = None
                pos.org = parent if org is None else Org(org.start, parent.end, [*org.parts, *parent.parts],
                                                         org.party, parent.level, parent.place, len(org.parts))
                pos.end, pos.abbr_end = parent.end, False
            elif parent is not None and not self.tokens[pos.start].acronym:
                # a unit read on loosely, its code and body: "đội hình sự đặc nhiệm Phòng cảnh sát hình sự" + "(PC
                # 45)" + "Công an TP. HCM" (not an abbreviated title's own body: "UVBTVHU")
                pos.fixed_org += " " + span(self.text, self.tokens, k, parent.end)
                pos.end, pos.abbr_end = parent.end, False
        return pos

    def gloss_before_position(self, k: int) -> int | None:
        """End of a bracket at ``tokens[k]`` holding a body alone (words and numbers) when a further position follows
        it after a joiner ("(Vùng 2 Hải quân), trưởng đoàn ..."): the chain goes on through it; else None."""
        tokens = self.tokens
        if not (k + 1 < len(tokens) and tokens[k].text == "(" and self.adj(k - 1, k)):
            return None
        close = next((c for c in range(k + 2, min(k + 10, len(tokens)))
                      if not (tokens[c].alpha or tokens[c].text.isdigit())), None)
        if close is None or tokens[close].text != ")" or close + 2 >= len(tokens) \
                or match_organization(self.text, tokens, k + 1) is None \
                or not self.separator_at(close + 1, (",", "-")):
            return None
        after = close + 3 if self.tenure_before(close + 3) else close + 2
        return close + 1 if self.position(after, lowercase=True) is not None else None

    def body_after_bracket(self, k: int) -> Org | None:
        """The body or the level and place written at ``tokens[k]``, after a bracketed abbreviation."""
        if k >= len(self.tokens) or not self.adj(k - 1, k) or full_name_at(self.text, self.tokens, k):
            return None
        if level_at(self.text, self.tokens, k) or self.g.places.longest(self.text, self.tokens, k):
            return organization_tail(self.text, self.tokens, k, k, [], False)  # "(CDC)" + "Hà Nội"
        org = match_organization(self.text, self.tokens, k)
        return org if org is not None and (org.level or org.place) else None

    def bracket_end(self, k: int) -> int | None:
        """End of a bracket at ``tokens[k]`` that holds an abbreviation ("(UBKT)"; capitals may be joined by
        "&" or "-": "(KH&CN)", "(LĐ-TB&XH)"), also with the body a unit belongs to ("(C45, Bộ Công an)", "(C 45,
        Bộ Công an)"), else None: the body alone ("(Bộ Công an)") or a level and place ("(TP HCM)") is a gloss
        outside the span."""
        tokens = self.tokens
        if not (k + 2 < len(tokens) and tokens[k].text == "("):
            return None
        level = level_at(self.text, tokens, k + 1)
        if level is not None and level[0] < len(tokens) and tokens[level[0]].text != ")":
            return None
        close = k + 1
        while close < len(tokens) and close - k <= 7 and (tokens[close].text.isupper() or tokens[close].text in "&-"
                                                          or close > k + 1 and tokens[close].text.isdigit()
                                                          or close == k + 1 and _mixed_case_acronym(tokens[close].text)) \
                and self.adj(close - 1, close):
            close += 1
        if close > k + 1 and close + 1 < len(tokens) and tokens[close].text == "," and self.adj(close - 1, close):
            body = match_organization(self.text, tokens, close + 1)
            close = body.end if body is not None and body.place is None else close
        if tokens[close - 1].text in "&-":
            body = match_organization(self.text, tokens, k + 1)
            close = body.end if body is not None and body.place is None else k + 1
        if close > k + 1 and close < len(tokens) and tokens[close].text == ")" and self.adj(close - 1, close):
            return close + 1
        return None

    def loose_tail(self, pos: _Position) -> _Position:
        """``pos`` with an organisation the gazetteer does not know read on to its end ("Giám đốc" +
        "Cảng vụ hàng không miền Bắc", "Chủ tịch HĐQT" + "GNN Express"); after a name only."""
        k = pos.end
        if pos.fixed_org or not self.adj(k - 1, k) or (pos.org is None and (
                full_name_at(self.text, self.tokens, k) or self.country_and_name(k)
                or (_named_alone(pos.title) and (b := self.foreign_name(k)) is not None and b - k >= 2))):
            return pos  # a name right after a bare title is the person's: "Phó thủ tướng Lê Văn Thành", "Tổng
            # thống Nga Vladimir Putin", "Ngoại trưởng Sergei Lavrov" (a foreign name of two words or more; one may
            # be a place: "Bộ trưởng môi trường Scotland")
        if pos.org is not None and self.tokens[k].key == "và":
            return pos  # "và" after an organisation joins another subject: "Bí thư Tỉnh ủy | và Đoàn công tác"
        if pos.org is not None and pos.org.level and pos.org.place and self.tokens[k].text.islower() \
                and level_at(self.text, self.tokens, k) is None:
            return pos  # a place named with its level ends the name but for a higher level ("huyện Chư Sê" + "tỉnh
            # Gia Lai"); other words say where it is: "thành phố Komae" + "phía tây Tokyo"
        owner = self.owner_after(k) if pos.org is None else None
        if owner is not None:  # the body or country after "của" (of): "Chủ tịch | của SADC"
            pos.fixed_org, pos.end = span(self.text, self.tokens, *owner), owner[1]
            return pos
        if pos.org is not None and self.tokens[k].key == "tại" and self.adj(k, k + 1) \
                and (abroad := self.country_end(k + 1)) is not None:
            # its branch in a country: "Hội Sinh viên Việt Nam tại Pháp"
            pos.fixed_org, pos.end = span(self.text, self.tokens, pos.org.start, abroad), abroad
            return pos
        if self.abbreviated_then_title(pos, k):
            return pos  # the next position, no organisation's name: "UVBTV Tỉnh ủy | Chủ tịch UBND tỉnh"
        if pos.org is None and match_key(pos.title) in _EXECUTIVE_TITLES and self.company_named_at(k):
            pos.business = True  # "Giám đốc" + "một công ty truyền thông", "giám đốc" + "công ty may"
            return pos
        unit = self.sub_unit_in_words(k) if pos.org is None else None
        if unit is not None:  # "Tổ trưởng" + "Tổ truy bắt", "đội phó" + "đội tham mưu tổng hợp PC64 Công an tỉnh"
            pos.fixed_org, pos.end = span(self.text, self.tokens, k, unit), unit
            return pos
        end = loose_name_end(self.text, self.tokens, k, lowercase_first=pos.org is not None)
        if end == k:  # a long name the gazetteer lacks, up to its bracketed abbreviation: "Cục Cảnh sát" + "quản
            # lý hành chính về trật tự xã hội (C06)"; after a bare title in any case: "đảng Dân chủ Tự do (LDP)"
            end = self.words_to_abbreviation(k, capitals=pos.org is None)
        if end > k or (pos.org is not None and self.unnamed_unit(pos.org)):
            end = lowercase_name_to_level(self.text, self.tokens, end)  # "Hội giáo" + "dục lịch sử tỉnh"
        if end == k and (pos.org is None or self.open_unit(pos.org)):
            end = self.lowercase_name_to_phrase_end(k)  # "Cục Cảnh sát" + "giao thông"; "giám đốc" + "trung tâm y tế"
            if end > k and pos.org is None and _names_unit(pos.title):
                pos.title, pos.end = f"{pos.title} {span(self.text, self.tokens, k, end)}", end
                return pos  # the unit's name: "phó trưởng phòng" + "quản lý đất" (as "Trưởng phòng tham mưu")
        if end > k:
            pos.fixed_org = span(self.text, self.tokens, pos.org.start if pos.org else k, end)
            pos.end = end
            pos.business = pos.org is None and match_key(pos.title) in _EXECUTIVE_TITLES and any(
                self.brand(b, end) and (b == k or self.tokens[b - 1].text.islower()) for b in (end - 1, end - 2) if b >= k)
        return pos

    def sub_unit_in_words(self, k: int) -> int | None:
        """End of a unit always inside a body (``_SUB_UNITS``: "Đội", "Tổ", "Phòng") named at ``tokens[k]`` by its
        word and lowercase words the gazetteer lacks, when the phrase ends after them ("Tổ" + "truy bắt" + "cho
        biết") or the body the unit belongs to follows, named down to its level or place, perhaps after the unit's
        code ("đội" + "tham mưu tổng hợp" + "PC64" + "Công an tỉnh Khánh Hoà"); else None."""
        tokens = self.tokens
        if not (tokens[k].key in _SUB_UNITS and k + 1 < len(tokens) and self.adj(k, k + 1)) \
                or word_pair(tokens[k].key, tokens[k + 1].key):
            return None  # a word: "Tổ chức", "đội ngũ", "phòng chống"
        m = lowercase_name_end(self.text, tokens, k + 1)
        body = match_organization(self.text, tokens, self.unit_code_after(m)) \
            if k + 1 < m < len(tokens) and self.adj(m - 1, m) else None
        if body is not None and (body.level or body.place):
            return body.end
        end = self.lowercase_name_to_phrase_end(k + 1)
        return end if end > k + 1 else None

    def unit_code_after(self, m: int) -> int:
        """``m`` past a unit's code written at ``tokens[m]`` before more words ("PC64" + "Công an tỉnh"), else ``m``."""
        tokens = self.tokens
        return m + 1 if m + 1 < len(tokens) and _UNIT_CODE.fullmatch(tokens[m].text) and self.adj(m - 1, m) \
            and self.adj(m, m + 1) else m

    def company_named_at(self, k: int) -> bool:
        """Whether a company is named in lowercase at ``tokens[k]``, perhaps after "một" (a): "công ty may",
        "một doanh nghiệp ở Bình Dương"."""
        if k < len(self.tokens) and self.tokens[k].key == "một" and self.adj(k, k + 1):
            k += 1
        if k >= len(self.tokens) or not self.tokens[k].text.islower():
            return False
        end = min(len(self.tokens), k + 4)
        words = " ".join(t.key for t in self.tokens[k:end])
        return words.startswith(_COMPANY_HEADS)

    def unnamed_unit(self, org: Org) -> bool:
        """Whether ``org`` ends with the word of a unit whose name is not written yet ("Đảng ủy Khối"), with
        no level or place."""
        found = self.g.orgs.longest(self.text, self.tokens, org.end - 1)
        return org.level is None and org.place is None and bool(
            found and found[0] == org.end and found[1].kind == "unit")

    def lowercase_name_to_phrase_end(self, k: int) -> int:
        """End of the lowercase rest of a unit's name at ``k`` when the phrase ends after it (punctuation, the
        end, or a function word or verb: "Cục Cảnh sát giao thông cho biết"), with its number or code ("ban chuyên
        án 219D") or the place or country ending its name ("Trung tâm Đáp ứng" + "khẩn cấp sự kiện y tế công cộng
        Việt Nam"), else ``k``."""
        m = lowercase_name_end(self.text, self.tokens, k, word_openers=False)
        if k < m < len(self.tokens) and self.adj(m - 1, m) and _DESIGNATION.fullmatch(self.tokens[m].text):
            m += 1  # the unit's number or code: "ban chuyên án" + "219D"
        elif k < m < len(self.tokens) and self.adj(m - 1, m) and (place := self.g.places.longest(
                self.text, self.tokens, m)) and (place[0] >= len(self.tokens) or self.tokens[place[0]].text in (",", ";")
                                                 or self.phrase_ends(place[0])):
            m = place[0]  # the place or country its name ends with, then the phrase ends
        after = self.tokens[m] if m < len(self.tokens) and self.adj(m - 1, m) else None
        if m == k or any(t.key in _CLAUSE_MARKERS for t in self.tokens[k:m]) or (after is not None and after.alpha and (
                not after.text.islower() or lowercase_name_end(self.text, self.tokens, m, word_openers=False) > m)):
            return k  # the phrase goes on: a lowercase word, or a name or numeral ("khóa" + "XV")
        return m

    def named_by_abbreviation(self, pos: _Position) -> _Position:
        """``pos`` (title first) with an organisation the gazetteer does not know, read when a bracketed
        abbreviation ends it and another position follows: "Chủ tịch" + "Đảng cầm quyền (LDP)", "Cựu
        ngoại trưởng Fumio Kishida"."""
        k, tokens = pos.end, self.tokens
        if pos.org is not None or pos.fixed_org or not (self.adj(k - 1, k) and tokens[k].titlecase) \
                or self.surname(k):
            return pos  # a name, not an organisation: "Chủ tịch Nguyễn Văn A (...)"
        m = self.words_to_abbreviation(k + 1, capitals=True)
        after = m + 3  # past "(LDP)"
        if m == k + 1 or not (self.adj(after - 1, after) and tokens[after].key in _CHAIN_JOINERS
                              and self.adj(after, after + 1)):
            return pos
        if self.position(after + 2 if self.tenure_before(after + 2) else after + 1, lowercase=True) is None:
            return pos
        pos.fixed_org, pos.end = span(self.text, tokens, k, m), m
        return pos

    def words_to_abbreviation(self, k: int, capitals: bool = False) -> int:
        """End of up to ten lowercase (or with ``capitals`` any) words at ``k`` that lead to a bracketed
        abbreviation, where a long name goes on: "Cục Cảnh sát" + "quản lý hành chính về trật tự xã hội"
        + "(C06)"; else ``k``."""
        tokens, m = self.tokens, k
        while m < len(tokens) and m - k < 10 and tokens[m].alpha and (capitals or tokens[m].text.islower()) \
                and tokens[m].key not in _CLAUSE_MARKERS and self.adj(m - 1, m):
            m += 1
        return m if self.adj(m - 1, m) and self.bracket_end(m) is not None else k

    def name_after_tail(self, pos: _Position) -> tuple[int, int, Org | None] | None:
        """(name start, name end, organisation) for a name that ends a loosely read organisation:
        "Chủ tịch HĐQT Hoàng Mai Nam", "Chủ tịch Hội khoa học lịch sử Việt Nam Trần Đức Cường"."""
        k = pos.end
        if pos.fixed_org or not self.adj(k - 1, k):
            return None
        end = loose_name_end(self.text, self.tokens, k, lowercase_first=pos.org is not None)
        while end > k and not self.tokens[end - 1].titlecase:
            end -= 1  # a verb read as the name's second syllable: "... Phạm Thanh Hà trả lời"
        s = next((s for s in range(max(k + 1, end - 4), end - 1) if self.surname(s)
                  and all(self.tokens[x].titlecase for x in range(s, end))
                  and not (s > k and self.is_place(s, end))), None)  # "... y tế Hà Nội": a place
        if s is None or self.brand(k, s) or self.honorific_before(s):
            return None  # a rank before the name opens a mention of its own: "... Công an tỉnh đối với Thượng tá A"
        pos.fixed_org = span(self.text, self.tokens, pos.org.start if pos.org else k, s)
        return s, end, pos.org

    def brand(self, i: int, j: int) -> bool:
        """Whether tokens[i:j] are a brand, one capitalised ASCII word or two ASCII words, capitalised or
        in capitals, that are no country, place or known body ("Chủ tịch Coteccons", "Chủ tịch FPT
        Telecom"): the post is in a company."""
        words = self.tokens[i:j]
        shaped = (j == i + 1 and words[0].titlecase) or (
            j == i + 2 and all(t.titlecase or t.acronym for t in words) and self.adj(i, i + 1))
        return shaped and all(t.text.isascii() for t in words) and self.country_end(i) is None \
            and not self.is_place(i, j) and match_organization(self.text, self.tokens, i) is None

    def separator_at(self, k: int, marks: tuple[str, ...] = (",",)) -> bool:
        """Whether ``tokens[k]`` is one of ``marks`` (a comma) between two words of the same line."""
        return k + 1 < len(self.tokens) and self.tokens[k].key in marks and self.adj(k - 1, k) and self.adj(k, k + 1)

    def ministry_after(self, pos: _Position) -> None:
        """Extend ``pos`` with the ministry its department belongs to, written after a comma: "Phó Cục
        trưởng Cục Trồng trọt, Bộ NN&PTNT", with the body a numbered unit belongs to: "Đội trưởng đội 4,
        Phòng CSGT Công an ...", or with the body of a unit named in the title: "Trưởng khoa Lịch sử, Đại học
        Sư phạm Hà Nội" (a name-first mention: nothing else can follow it)."""
        k, tokens = pos.end, self.tokens
        numbered = pos.org is None and pos.fixed_org is not None and tokens[k - 1].text.isdigit()
        unit_named = pos.org is None and pos.fixed_org is None and any(
            word.lower() in _UNIT_WORDS for word in pos.title.split()[1:-1])
        if not (pos.org or numbered or unit_named) or not (self.separator_at(k) and (
                tokens[k + 1].key == "bộ" or (numbered or unit_named) and tokens[k + 1].titlecase)):
            return
        body = match_organization(self.text, tokens, k + 1)
        if body is not None and numbered:
            body = self.with_parent(body)  # "Phòng Cảnh sát" + "giao thông" + "Công an tỉnh"
        if body is not None and (numbered or unit_named or body.place is None):
            pos.fixed_org = span(self.text, tokens, k + 1 if unit_named else pos.org.start if pos.org else k - 2,
                                 body.end)
            pos.end = body.end

    def parent_after(self, pos: _Position) -> None:
        """Extend ``pos``, a post in a unit of a larger body, with the bodies written after it between commas
        when the phrase ends there (a name-first mention): "Trưởng phòng Cảnh sát hình sự, Công an TP. Đà Nẵng"
        + "cho biết", "Vụ trưởng Vụ Biển, Ủy ban Biên giới quốc gia, Bộ Ngoại giao" + "."; not before another
        comma (a gloss set off by commas: "..., Bệnh viện Chợ Rẫy, cho biết") unless the last body is named down to
        its level, the unit's parent ("..., Công an TP Hà Nội, cũng cho rằng"), nor before "và". A unit named by its
        word alone is extended with its lowercase name when that ends the phrase, whatever follows: "Giám đốc
        Trung tâm" + "điều hành giao thông đô thị" + " (Sở ...)", "Trung tâm" + "chống ngập" + ", đơn vị ..."."""
        tokens, k, end = self.tokens, pos.end, None
        held = self.unit_held(pos)
        if held is None:
            return
        if held == "bare":
            k = self.lowercase_name_to_phrase_end(k)  # the unit's name in lowercase: "Chi cục" + "bảo vệ môi trường"
        named, last = k, None
        while self.separator_at(k) and (tokens[k + 1].titlecase or tokens[k + 1].acronym) \
                and not full_name_at(self.text, tokens, k + 1):
            body = match_organization(self.text, tokens, k + 1)
            if body is None:
                break  # (not a body: "..., Công an quận Tân Phú" + ", TP." cut short)
            last = body
            k = end = body.end if body.level or body.place else self.lowercase_name_to_phrase_end(body.end)
            # (the lowercase rest of a name: "Ủy ban Biên giới" + "quốc gia")
        if last is None or not (self.phrase_ends(end) or (
                last.level and self.separator_at(end) and self.phrase_ends(end + 1))):  # (a body named down to its
            # level ends the phrase before a comma too: "..., Công an TP Hà Nội" + ", cũng cho rằng")
            end = named  # the unit's name alone, ending the phrase: "Trung tâm" + "chống ngập" + ", đơn vị ..."
        if end == pos.end:
            return
        written = self.text[tokens[pos.end - 1].end:tokens[end - 1].end]
        pos.fixed_org = f"{pos.organization}{written}" if pos.organization else written[1:].lstrip()
        pos.end = end

    def body_after_bare_title(self, pos: _Position) -> None:
        """Extend ``pos``, a title with no organisation, with the body written after a comma when it names its
        level or place and the phrase ends there (a name-first mention): "Chỉ huy phó" + ", ban Chỉ huy quân sự
        phường Đoàn Kết" + "nổ súng"."""
        k = pos.end
        if pos.org is not None or pos.fixed_org is not None or pos.kind == "standalone" or not self.separator_at(k):
            return
        body = match_organization(self.text, self.tokens, k + 1)
        if body is not None and (body.level or body.place) and self.phrase_ends(body.end):
            pos.org, pos.end = body, body.end

    def unit_held(self, pos: _Position) -> str | None:
        """How ``pos`` is held in a unit of a larger body not written yet: "bare" when its organisation is the
        unit's word alone ("Chi cục", its name may follow in lowercase), "named" when it is such a unit with a
        name and no level, place or parent ("Phòng Cảnh sát hình sự", "Vụ Biển") or when the title names one
        ("Vụ trưởng", "Trưởng phòng Tổ chức"); else None. A unit's word may have two syllables ("Trung tâm")."""
        org = pos.org
        if org is not None and (org.level or org.place or org.parent_at):
            return None
        if pos.fixed_org is not None or org is not None:
            head = match_key(org.parts[0][2] if org is not None else pos.fixed_org)  # (its name perhaps read on
            # in lowercase: "Đội Cảnh sát" + "điều tra tổng hợp")
            bare = org is None or (pos.fixed_org is None and len(org.parts) == 1)
            if not any(head == unit or head.endswith(" " + unit) for unit in _INNER_UNITS) \
                    or (org is None and head.count(" ") > 1):
                return None  # (a unit of two words too: "Trung tâm")
            return "bare" if bare else "named"
        return "named" if any(w in _INNER_UNITS for w in match_key(pos.title).split()) else None

    def phrase_ends(self, m: int) -> bool:
        """Whether the phrase ends before ``tokens[m]``: the end, a line break, a stop, a dash closing the
        apposition before the verb ("Đại tá A - trưởng Phòng Tham mưu, Công an tỉnh" + " - cho biết"), or a lowercase
        word that does not join another subject (the verb: "cho biết")."""
        if m >= len(self.tokens) or not self.adj(m - 1, m):
            return True
        tok = self.tokens[m]
        if tok.text in ("-", "–") and m + 1 < len(self.tokens) and self.adj(m, m + 1):
            tok = self.tokens[m + 1]
            return tok.alpha and tok.text.islower() and tok.key not in _JOINING
        return tok.text in (".", ";", ":", "!", "?", ")") or (tok.alpha and tok.text.islower() and tok.key not in _JOINING)

    def name_after_ministry(self, pos: _Position) -> tuple[int, int, Org | None] | None:
        """(name start, name end, organisation) for a name after the ministry of a title-first position,
        written after a comma: "Cục trưởng Cục Lãnh sự, Bộ Ngoại giao Lý Quốc Tuấn"."""
        k, tokens = pos.end, self.tokens
        if pos.org is None or pos.fixed_org is not None or not (
                self.separator_at(k) and tokens[k + 1].key == "bộ" and tokens[k + 1].titlecase):
            return None
        body = match_organization(self.text, tokens, k + 1)
        named = self.name_in_run(body) if body is not None and body.place is not None else None
        if named is None:
            return None
        pos.fixed_org = span(self.text, tokens, pos.org.start, named[2].end)
        return named[0], named[1], pos.org

    def places_after(self, pos: _Position) -> None:
        """Extend ``pos``, whose organisation names its level or place, with the higher levels written after
        commas: "Chủ tịch xã Quỳnh Nghĩa, huyện Quỳnh Lưu, tỉnh Nghệ An", "Chủ tịch UBND huyện Đạ Tẻh, Lâm
        Đồng" (a name-first mention: nothing else can follow it), also after a unit's name read whole
        ("Chi cục Thi hành án dân sự quận Ninh Kiều, TP Cần Thơ")."""
        org, tokens, k = pos.org, self.tokens, pos.end
        if pos.fixed_org is None and (org is None or not (org.level or org.place)):
            return
        end = None
        while self.separator_at(k):
            level = level_at(self.text, tokens, k + 1)
            if level is not None:  # a level and its capitalised name: "huyện Quỳnh Lưu", "TP Hải Phòng"
                name_end = level[0]
                while name_end < len(tokens) and (tokens[name_end].titlecase or tokens[name_end].acronym) \
                        and self.adj(name_end - 1, name_end):
                    name_end += 1
                if name_end == level[0]:
                    break
            else:  # a province named alone: "Lâm Đồng"
                place = self.g.places.longest(self.text, tokens, k + 1)
                if place is None:
                    break
                name_end = place[0]
            k = end = name_end
        if end is not None and pos.fixed_org is not None:
            pos.fixed_org, pos.end = pos.fixed_org + self.text[tokens[pos.end - 1].end:tokens[end - 1].end], end
        elif end is not None:
            pos.fixed_org, pos.end = span(self.text, tokens, org.start, end), end

    def unit_in_title(self, pos: _Position) -> None:
        """Fold into the title the name of the unit a title names ("Trưởng Ban", "Phó trưởng phòng") when no
        body is written after it: "Trưởng Ban" + "Công tác đại biểu", "Trưởng phòng" + "Cảnh sát PCCC" +
        "quận 1", as before its body ("Trưởng phòng Quản lý chất lượng" + "Bệnh viện ..."). An office of a
        level named by its field stays the organisation: "Trưởng phòng" + "Kinh tế huyện Đức Thọ"."""
        org = pos.org
        if org is None or org.parent_at is not None or len(org.parts) < 2 or not _the_titles_unit(org) \
                or not _names_unit(pos.title, _OFFICES):
            return
        start, end, _ = org.parts[1]
        field = self.g.fields.longest(self.text, self.tokens, start)
        after = org.parts[2:]
        if field and field[0] == end and after:
            return
        if pos.fixed_org is not None:
            if after:
                return
            pos.title, pos.fixed_org, pos.org = f"{pos.title} {pos.fixed_org}", None, None
            return
        pos.title = _with_unit_name(pos.title, org.parts[1:2])
        pos.org = Org(after[0][0], org.end, after, org.party, org.level, org.place) if after else None

    def numbered_unit(self, pos: _Position) -> _Position:
        """``pos`` with the number of its unit: "Đội trưởng" + "đội 4", "Tư lệnh" + "Quân khu 9"."""
        k, tokens, org = pos.end, self.tokens, pos.org
        if pos.fixed_org is not None or (org is not None and (org.level or org.place)):
            return pos
        head = (k, None) if org is not None else self.g.orgs.longest(self.text, tokens, k) if k < len(tokens) else None
        if head is None or (org is None and not (self.adj(k - 1, k) and head[1].kind in ("unit", "body"))):
            return pos
        n = head[0]
        if n < len(tokens) and tokens[n].text.isdigit() and self.adj(n - 1, n):
            end = self.level_after(n + 1)  # "Ban Chỉ đạo 35" + "tỉnh"
            pos.fixed_org, pos.end, pos.org = span(self.text, tokens, org.start if org else k, end), end, None
        return pos

    def level_after(self, k: int) -> int:
        """``k`` past a level written right after a unit's number, and the place it names ("tỉnh",
        "huyện Sìn Hồ"); ``k`` when there is none."""
        level = level_at(self.text, self.tokens, k) if self.adj(k - 1, k) else None
        if level is None:
            return k
        place = self.g.places.longest(self.text, self.tokens, level[0]) if self.adj(level[0] - 1, level[0]) else None
        return place[0] if place else level[0]

    # --- names -----------------------------------------------------------------------------
    def name_in_place(self, pos: _Position) -> tuple[int, int, Org] | None:
        """(name start, name end, organisation without the name) for the name after a title-first position: in
        the trailing run (``name_in_run_of``) or after a body abroad (``name_after_body_abroad``)."""
        return self.name_in_run_of(pos) or self.name_after_body_abroad(pos)

    def person_after(self, pos: _Position) -> bool:
        """Whether a person's name is written after ``pos`` (``name_in_place``), not the place its level names
        ("chủ tịch UBND huyện | Bạch Long Vỹ")."""
        found = self.name_in_place(pos)
        return found is not None and not any((level_at(self.text, self.tokens, k) or (None,))[0] == found[0]
                                             for k in range(max(pos.start, found[0] - 3), found[0]))

    def name_after_body_abroad(self, pos: _Position) -> tuple[int, int, Org] | None:
        """(name start, name end, the body) for a foreign name of two words or more after a body abroad the
        gazetteer does not know whole, read from the title to where a foreign name follows it (perhaps after a
        comma and an honorific): a country, a state ("bang Oaxaca"), a bracketed or capitalised acronym, or the
        capitalised run after a known body ("Giám đốc" + "Cục điều tra liên bang Mỹ (FBI)" + "James Comey",
        "Tổng Giám đốc" + "Liên minh Bưu chính thế giới UPU" + "Masahiko Metoki", "Chủ tịch" + "đảng Dân chủ
        Tự do (LDP) cầm quyền ở Nhật Bản" + ", ông Fumio Kishida", "Chủ tịch" + "Uỷ ban Tư pháp Hạ viện" +
        "Jerry Nadler"). The body stops before a comma, a joining word or another title ("Thủ tướng Anh | và
        Tổng thống Pháp Emmanuel Macron"). Capitalised words that open no body nor country are the post's
        portfolio, not a body ("Giám đốc Tình báo Quốc gia Mỹ"), and so is whatever follows a minister's title
        when no ministry is written ("Thứ trưởng về Công nghiệp Quốc phòng Thổ Nhĩ Kỳ")."""
        tokens, org = self.tokens, pos.org
        k = org.start if org is not None else pos.end
        if pos.fixed_org is not None or k >= len(tokens) or not self.adj(k - 1, k):
            return None
        portfolio = tokens[k].titlecase and self.country_end(k) is None \
            and self.g.orgs.longest(self.text, tokens, k) is None and not opens_body_name(" ".join(self.keys(k, k + 3)))
        if org is None and (portfolio or pos.title.startswith(tuple(_MINISTERS))):
            return None
        run = org.place if org is not None and org.level is None and org.place \
            and not self.is_place(*org.place) else None  # (not a commune's: "Đảng ủy phường Nghi Thu")
        known = run[0] if run else org.end if org is not None else k  # (a title inside a known name: "Hội đồng
        # Tham mưu trưởng Liên quân")
        m = k
        while m < len(tokens) and m - k < 12 and self.adj(m - 1, m) and m not in self.claimed:
            bracket = self.bracket_end(m) or self.native_name_end(m)
            if bracket is None and (not tokens[m].alpha or tokens[m].key in _JOINING
                                    or tokens[m].key in _CLAUSE_MARKERS
                                    or (m > known and starts_title(self.text, tokens, m))):
                break
            in_run = run is not None and m == run[0]
            ends = (bracket,) if bracket else (self.country_end(m), m + 1 if tokens[m].acronym else None,
                                                self.state_end(m), m if in_run else None, m + 1 if in_run else None)
            for e in filter(None, ends):
                s = self.honorific_before_name(e) or e
                b = self.foreign_name(s) if e > k else None
                words = sum(map(_name_word, tokens[s:b])) if b is not None else 0
                if words >= 2 and not (in_run and e == m and words > 2) and not self.is_place(s, b):
                    # (a run of three words after a body holds its place or own name first: "nghị viện Crimea |
                    # Yury Ghempel"; a place is no name: "UBND TP" + "Nha Trang")
                    return s, b, Org(k, e, [(k, e, span(self.text, tokens, k, e))], False)
            m = bracket or m + 1
        return None

    def state_end(self, k: int) -> int | None:
        """End of a state the country list lacks, "bang" and one foreign word: "bang Oaxaca"; else None."""
        tokens = self.tokens
        if k + 1 < len(tokens) and tokens[k].key == "bang" and self.adj(k, k + 1) and _name_word(tokens[k + 1]) \
                and _foreign_word(tokens[k + 1].text):
            return k + 2
        return None

    def native_name_end(self, k: int) -> int | None:
        """End of a bracket at ``tokens[k]`` holding one foreign capitalised word, a body's name in its own
        language: "cơ quan Hàng không vũ trụ Nga (Roscosmos)"; else None."""
        tokens = self.tokens
        if k + 2 < len(tokens) and tokens[k].text == "(" and tokens[k + 2].text == ")" \
                and _name_word(tokens[k + 1]) and _foreign_word(tokens[k + 1].text):
            return k + 3
        return None

    def name_in_run_of(self, pos: _Position) -> tuple[int, int, Org] | None:
        """(name start, name end, organisation without the name) when the trailing run holds a name."""
        org = pos.org
        if pos.abbr_end:  # "... Trung ương (UBKT) Trần Cẩm Tú", also after an honorific: "... (GTVT), ông Vũ Văn Viện"
            j = self.honorific_before_name(pos.end) or pos.end
            k = j
            while k < len(self.tokens) and k - j < 5 and self.tokens[k].titlecase and self.adj(k - 1, k):
                k += 1
            found = 2 <= k - j and (j > pos.end or self.surname(j))
            return (j, k, org) if found else None  # type: ignore[return-value]
        if org is not None and org.place is not None:
            named = self.name_in_run(org)
            if named is not None:
                return named
        if pos.end == len(self.tokens):  # the text ends at the title: "... có tân Thủ tướng"
            return None
        if org is None or pos.end == org.end:
            j = pos.end
            glossed = self.gloss_end(j) if org is not None else None
            if glossed is not None:  # the province or parent body in brackets, then the name: "UBND quận 1 (TP HCM)
                # Đoàn Ngọc Hải", "Cục trưởng Cục Bảo vệ thực vật (Bộ NN&PTNT) Hoàng Trung"
                k = self.name_run_end(glossed, 5)
                if 2 <= k - glossed <= 4 and self.surname(glossed) and not self.is_place(glossed, k):
                    return glossed, k, org
            country_at = j if org is None else org.start if org.abroad else None  # "Tổng Giám đốc WHO ..."
            abroad = self.country_and_name(country_at) if country_at is not None else None
            if abroad is not None:  # "Đại sứ Việt Nam tại Nhật Bản Vũ Hồng Nam", "Tổng thống Mỹ Joe Biden"
                c, e = self.country_start(country_at, abroad[0]), self.country_run_end(country_at)
                pos.fixed_org = span(self.text, self.tokens, c, e) if self.keys(c, e) != _THIS_COUNTRY else None
                return abroad[0], abroad[1], org  # type: ignore[return-value]
            country = self.country_end(j) if org is None else None  # "Tổng thống Mỹ, ông Joe Biden"
            honorific = self.honorific_before_name(country or j)  # "Đại biểu HĐND tỉnh ông Trần Sinh Toàn"
            colon = self.name_after_colon(j) or self.name_after_separator(j)  # "Bí thư Huyện ủy: Trần Văn A"
            if honorific:
                if country:
                    pos.fixed_org = span(self.text, self.tokens, self.country_start(j, country), country)
                j = honorific
            elif colon:
                j = colon
            elif org is not None and not (org.place and self.tokens[org.place[1] - 1].text.isdigit()):
                return None  # (a name may follow a numbered place: "UBND Quận 1 Nguyễn Văn A")
            elif org is None and (held := self.place_then_name(j)) is not None:
                pos.fixed_org = span(self.text, self.tokens, j, held[0])
                return held[1], held[2], org  # type: ignore[return-value]
            k = self.name_run_end(j, 6)
            foreign = self.foreign_name(j) if honorific else None
            if foreign is not None and foreign > k:
                k = foreign  # its particles too: "..., ông Mohammad Rida al-Haider"
            shortest = 1 if country and foreign == k else 2  # "..., ông Kishida"
            if shortest <= k - j <= 5 and (honorific or self.surname(j)) \
                    and (not self.is_place(j, k) or (org is None and self.named_after_person(j, k))) \
                    and self.country_end(j) != k:  # "Tổng thống Hàn Quốc": a country, no name
                return j, k, org  # type: ignore[return-value]
            if org is None and not honorific and match_key(pos.title) in _LEGISLATORS \
                    and (party := self.first_words_end(j, _US_PARTIES)) \
                    and (b := self.foreign_name(party)):
                pos.fixed_org = span(self.text, self.tokens, j, party)
                return party, b, org  # type: ignore[return-value]
            if org is None and not honorific and _named_alone(pos.title) and not self.is_place(j, k) \
                    and self.country_end(j) is None and match_organization(self.text, self.tokens, j) is None:
                b = self.foreign_name(j) or self.given_name(j)  # "Thủ tướng Abe", "Thứ trưởng Thuấn"
                if b:
                    return j, b, org  # type: ignore[return-value]
        return None

    def gloss_end(self, j: int) -> int | None:
        """End of a bracket at ``tokens[j]`` holding only a place the gazetteer knows, perhaps after its level
        ("(TP HCM)", "(Kiên Giang)", "(tỉnh Quảng Nam)"), or only the body a unit belongs to ("(Bộ NN&PTNT)",
        "(Sở Giáo dục và Đào tạo Hà Nội)"); else None."""
        tokens = self.tokens
        if not (j + 2 < len(tokens) and tokens[j].text == "(" and self.adj(j - 1, j)):
            return None
        k = j + 1
        level = level_at(self.text, tokens, k)
        if level is not None:
            k = level[0]
        place = self.g.places.longest(self.text, tokens, k) if k < len(tokens) else None
        end = place[0] if place is not None else None
        if end is None and level is None and (body := match_organization(self.text, tokens, k)) is not None:
            end = body.end
        if end is None or end >= len(tokens) or tokens[end].text != ")":
            return None
        return end + 1

    def place_then_name(self, j: int) -> tuple[int, int, int] | None:
        """(place end, name start, name end) when a place the gazetteer knows is written at ``tokens[j]`` and a
        full name after it, perhaps after a comma and an honorific, as the press names a province's leaders: "Bí
        thư Hà Giang" + "Triệu Tài Vinh", "Phó bí thư Hà Nội" + ", ông Đào Đức Toàn"."""
        found = self.g.places.longest(self.text, self.tokens, j)
        if found is None or not self.adj(found[0] - 1, found[0]):
            return None
        s = self.honorific_before_name(found[0]) or found[0]
        k = self.name_run_end(s, 5)
        return (found[0], s, k) if 2 <= k - s <= 4 and self.surname(s) else None

    def name_run_end(self, s: int, most: int) -> int:
        """End of the run of at most ``most`` name syllables at ``tokens[s]`` (``name_syllable``), written
        together and stopping before a title, with the parts joined to its last by dashes ("Kim Jong-un")."""
        k = s
        while k < len(self.tokens) and k - s < most and self.name_syllable(k) and self.adj(k - 1, k) \
                and not starts_title(self.text, self.tokens, k):
            k += 1
        return self.hyphenated_end(k) if k > s else k

    def name_in_run(self, org: Org) -> tuple[int, int, Org] | None:
        """(name start, name end, organisation with its place only) when the capitalised run after an
        organisation ("Sở Y tế tỉnh" + "Kiên Giang Trần Văn A") ends with a name."""
        a, b = org.place
        n = b - a
        c = self.country_end(a)
        if c is not None and c < b and (self.foreign_name(c) == b or (self.surname(c) and 2 <= b - c <= 4)):
            return c, b, org.keep_place(self.text, self.tokens, c - a)  # "Bộ Ngoại giao" + "Nga" + "Alexander ..."
        found = self.g.places.longest(self.text, self.tokens, a)
        if found and org.keep <= found[0] - a <= n:
            k = found[0] - a
        elif org.keep:  # the run goes on with a unit's name: "Trường THPT" + "Lê Quý Đôn" [+ a person]
            k = next((k for k in range(org.keep, n - 1) if self.surname(a + k) and n - k <= 5), n)
        elif n == 2 and self.surname(a) and (self.listed_levels(org)
                                             or (org.level is None and not self.is_place(a, b)
                                                 and self.country_end(a) is None)):
            k = 0  # no province or district of that name: a person ("Bí thư Thành ủy" + "Trần Thọ", "Bộ Công an" +
            # "Tô Lâm"; a body with no level is followed by a province or city the gazetteer knows)
        elif n == 3 and org.level in _WARD_LEVELS and self.surname(a) and self.tokens[a + 1].key in _MIDDLE_NAMES \
                and self.keys(a, b) not in _ward_keys():
            k = 0  # a full name no commune bears: "Bí thư Đảng ủy xã" + "Nguyễn Văn Phúc"
        elif n <= 2 or (n == 3 and org.level in _WARD_LEVELS):
            return None  # "quận Lê Chân", "phường Hoàng Văn Thụ": places
        elif n == 3:
            k = 0
        elif n <= 4 and self.surname(a) and (self.tokens[a + 1].key in _MIDDLE_NAMES
                                             or (n == 4 and self.surname(a + 1) and len(org.parts) == 2)):
            k = 0  # "Lê Văn ...", and a double surname right after a body: "Thành ủy" + "Phan Nguyễn Như Khuê";
            # five syllables or more hold a place first: "Huyện uỷ" + "Thạch Thành" + "Đỗ Minh Quý"
        else:
            k = next((k for k in (2, 3, 1) if self.surname(a + k) and 2 <= n - k <= 5), 0)
        s = a + k
        if 2 <= b - s <= 5 and self.surname(s) and all(self.tokens[x].titlecase for x in range(s, b)):
            return s, b, org.keep_place(self.text, self.tokens, k)
        return None

    @staticmethod
    def listed_levels(org: Org) -> bool:
        """Whether the places ``org`` is held in are provinces or districts, all in the gazetteer: a
        province's or district's level is written ("UBND tỉnh"), or it is a Party committee alone ("Thành ủy")."""
        return org.level in _PARTY_SEAT and org.level not in _WARD_LEVELS or (
            org.level is None and org.party and len(org.parts) == 2)

    def country_run_end(self, j: int) -> int | None:
        """End of the country written at ``j`` (or "nước này") with its acronym and the country it sits in:
        "Ngân hàng Thế giới (WB)", "Việt Nam tại Nhật Bản"; else None."""
        s = self.country_end(j) or self.words_end(j, _THIS_COUNTRY) or self.foreign_body_end(j)
        if s is None:
            return None
        if s + 3 < len(self.tokens) and self.tokens[s].text == "(" and self.tokens[s + 1].acronym \
                and self.tokens[s + 2].text == ")":
            s += 3  # its acronym: "Ngân hàng Thế giới (WB)"
        if s + 1 < len(self.tokens) and self.tokens[s].key == "tại" and self.adj(s - 1, s):
            s = self.country_end(s + 1) or s
        return s

    def foreign_body_end(self, j: int) -> int | None:
        """End of a body abroad the gazetteer lacks, written as an acronym in ASCII capitals, when a foreign name
        of two words or more follows it: "Giám đốc FBI | Christopher Wray", "Giám đốc AUSTRAC | Nicole Rose"."""
        tokens, after = self.tokens, j + 1
        if not (after < len(tokens) and tokens[j].acronym and tokens[j].text.isascii() and self.adj(j - 1, j)
                and self.adj(j, after)):
            return None
        b = self.foreign_name(after)
        return after if b is not None and b - after >= 2 else None

    def country_and_name(self, j: int) -> tuple[int, int] | None:
        """(name start, name end) after a country at ``j`` ("Mỹ", "Việt Nam tại Nhật Bản", "Liên hợp quốc",
        "nước Cộng hòa Ba Lan", "mới của Nhật Bản"): a Vietnamese name from the surname list, a foreign
        one written in 2-3 Vietnamese syllables without a surname ("Chủ tịch Trung Quốc Tập Cận Bình"),
        or one in ASCII words (``foreign_name``)."""
        s = self.country_run_end(j)
        if s is None:
            return None
        s = self.first_words_end(s, _AFTER_COUNTRY_WORDS) or s  # dating the post, last: "Đại sứ Việt Nam tại
        # Nhật Bản khi đó Vũ Hồng Nam"
        s = self.first_words_end(s, _FOREIGN_HONORIFICS) or s
        b = s
        while b < len(self.tokens) and b - s < 5 and self.tokens[b].titlecase and self.adj(b - 1, b) \
                and not starts_title(self.text, self.tokens, b):
            b = self.hyphenated_end(b + 1)
        if 2 <= b - s and self.surname(s):
            return s, b
        transliterated = 2 <= b - s <= 3 and not any(self.surname(x) for x in range(s, b)) \
            and not self.is_place(s, b) and self.foreign_name(s) is None
        if transliterated and not (b < len(self.tokens) and self.tokens[b].titlecase and self.adj(b - 1, b)):
            return s, b
        b = self.foreign_name(s)  # a foreign name may be one word: "Ngoại trưởng Nga Lavrov"
        return (s, b) if b else None

    def owner_after(self, b: int) -> tuple[int, int] | None:
        """(start, end) of the country or body written with "của" (of) at ``b``, the one a post is held in: after
        a title-first mention's name ("Tổng thống Uhuru Kenyatta | của Kenya", "Tổng thư ký Ahmed Aboul Gheit |
        của Liên đoàn Ả Rập") or after a bare title that follows a name ("Jacob Zuma, Chủ tịch | của SADC"); a
        body the gazetteer lacks may be an acronym in ASCII capitals."""
        tokens = self.tokens
        if not (b + 1 < len(tokens) and tokens[b].key == "của" and self.adj(b - 1, b) and self.adj(b, b + 1)):
            return None
        end = self.country_end(b + 1)
        if end is None and (tokens[b + 1].titlecase or tokens[b + 1].acronym):
            body = match_organization(self.text, tokens, b + 1)
            acronym = tokens[b + 1].acronym and tokens[b + 1].text.isascii()
            end = body.end if body is not None else b + 2 if acronym else None
        return (b + 1, end) if end is not None else None

    def hyphenated_end(self, b: int) -> int:
        """``b`` past the parts a word ending before it is joined to by dashes: "Kim Jong" + "-un"."""
        while b + 1 < len(self.tokens) and self.tokens[b].text == "-" and self.tokens[b + 1].alpha \
                and glued(self.tokens, b):
            b += 2
        return b

    def keys(self, a: int, b: int) -> tuple[str, ...]:
        """The match keys of the tokens from ``a`` to ``b``."""
        return tuple(t.key for t in self.tokens[max(a, 0):b])

    def words_end(self, j: int, words: tuple[str, ...]) -> int | None:
        """The end of ``words`` (match keys) written at ``j`` with nothing between them and before more
        text, else None."""
        k = j + len(words)
        if k < len(self.tokens) and self.keys(j, k) == words \
                and all(self.adj(x, x + 1) for x in range(j, k)):
            return k
        return None

    def first_words_end(self, j: int, choices: Iterable[tuple[str, ...]]) -> int | None:
        """The end of the first of ``choices`` (``words_end``) written at ``j``, else None."""
        return next(filter(None, (self.words_end(j, words) for words in choices)), None)

    def country_end(self, j: int) -> int | None:
        """End of the country written at ``j``, with the words that may come before it: the post's ordinal
        ("thứ 46"), "đắc cử" (elect), "đương nhiệm" (incumbent), "mới" (new), "của" (of), "nước" or "bang"
        (state) and the form of state ("nước Cộng hòa Ba Lan", "mới của Nhật Bản", "bang New York", "đắc cử
        Mỹ", "thứ 100 của Nhật Bản")."""
        j = self.ordinal_end(j)
        for words in (*_BEFORE_COUNTRY_WORDS, ("nước",), ("bang",)):
            j = self.words_end(j, words) or j
        if j >= len(self.tokens):
            return None
        field = self.g.fields.longest(self.text, self.tokens, j) if self.tokens[j].titlecase else None
        if field is not None and field[0] < len(self.tokens) and self.adj(field[0] - 1, field[0]):
            j = field[0]  # the ministry's field before the country: "Thứ trưởng" + "Ngoại giao" + "Nga"
        form = _STATE_FORMS.longest(self.text, self.tokens, j)
        if form is not None and form[0] < len(self.tokens) and self.adj(form[0] - 1, form[0]):
            j = form[0]
        found = self.g.countries.longest(self.text, self.tokens, j) if j < len(self.tokens) else None
        return found[0] if found else None

    def country_start(self, j: int, end: int) -> int:
        """Where the country ending at ``end`` starts, past the words before it from ``j`` ("thứ 100 của" +
        "Nhật Bản")."""
        return next(c for c in range(self.ordinal_end(j), end) if self.tokens[c].key not in _BEFORE_COUNTRY)

    def ordinal_end(self, j: int) -> int:
        """``j`` past the ordinal of a post written there ("Tổng thống" + "thứ 46"), else ``j``."""
        if j + 1 < len(self.tokens) and self.tokens[j].key == "thứ" and self.tokens[j + 1].text.isdigit() \
                and self.adj(j - 1, j) and self.adj(j, j + 1):
            return j + 2
        return j

    def given_name(self, s: int) -> int | None:
        """End of a given name written alone at ``s``, as news names an official it named in full before
        ("Thứ trưởng Thuấn"): one capitalised syllable, no capitalised word right after it."""
        tokens, after = self.tokens, s + 1
        if not (self.adj(s - 1, s) and tokens[s].titlecase and tokens[s].alpha) \
                or tokens[s].key in _BODIES_IN_A_WORD:
            return None
        if after < len(tokens) and self.adj(s, after) and (tokens[after].titlecase or (
                word_pair(tokens[s].key, tokens[after].key))):
            return None  # a longer name, or a word ("Bộ trưởng Giáo dục")
        return after

    def foreign_name(self, s: int) -> int | None:
        """End of a foreign name of 1-3 capitalised words at ``s``, in ASCII or with a letter Vietnamese does not
        write (``_foreign_word``: "Lavrov", "Michael McCaul", "Miguel Díaz-Canel"), a
        word perhaps in parts joined by dashes ("Moon Jae-in"), particles between words ("Ursula von der
        Leyen", "Bashar al-Assad") and middle initials ("Daniel J. Kritenbrink"); a repeated word ends it ("Fumio Kishida Kishida dễ dàng ...": the lead repeats the surname)."""
        tokens, b, words, seen = self.tokens, s, 0, set()
        while b < len(tokens) and words < 4 and self.adj(b - 1, b) and _foreign_word(tokens[b].text):
            p = b
            while p < len(tokens) and tokens[p].key in _NAME_PARTICLES and self.adj(p - 1, p):
                p += 1
            if words and p > b and p + 1 < len(tokens) and tokens[p].text == "-" and glued(tokens, p):
                p += 1  # "al-" before "Assad"
            if words and p > b and p < len(tokens) and tokens[p].titlecase and self.adj(p - 1, p):
                b = p  # "von der" before "Leyen", "al-" before "Assad"
            if not _name_word(tokens[b]) or tokens[b].key in seen:
                break
            seen.add(tokens[b].key)
            b, words = self.hyphenated_end(b + 1), words + 1  # "Jae-in", "Jong-un"
            if self.initial_at(b) and _name_word(tokens[b + 2]):
                b += 2  # a middle initial: "Daniel J. Kritenbrink"
        if words and b < len(tokens) and _REGNAL.fullmatch(tokens[b].text) and self.adj(b - 1, b):
            b += 1  # a monarch's numeral: "Elizabeth II"
        if b < len(tokens) and _name_word(tokens[b]) and self.adj(b - 1, b) and tokens[b].key not in seen:
            return None  # the capitalised run goes on: not a name of 1-3 ASCII words
        if b < len(tokens) and tokens[b].text.islower() and self.adj(b - 1, b) \
                and word_pair(tokens[b - 1].key, tokens[b].key):
            return None  # a Vietnamese word goes on: "các Bộ trưởng Khoa học và Công nghệ"
        return b if 1 <= words <= 3 else None

    def initial_before(self, k: int) -> bool:
        """Whether the tokens before ``tokens[k]`` are an initial, a capital letter and its dot, that ends a name
        after another syllable: the press names a person by surname, middle name and initial ("Lê Văn T.")."""
        tokens = self.tokens
        return k >= 3 and tokens[k - 1].text == "." and len(tokens[k - 2].text) == 1 \
            and tokens[k - 2].titlecase and tokens[k - 3].titlecase and tokens[k - 2].end == tokens[k - 1].start \
            and self.adj(k - 3, k - 2)

    def initial_at(self, b: int) -> bool:
        """Whether an initial, a capital letter and its dot, is written at ``b`` between two words of a name."""
        tokens = self.tokens
        return b + 2 < len(tokens) and len(tokens[b].text) == 1 and tokens[b].text.isupper() \
            and tokens[b + 1].text == "." and self.adj(b - 1, b) and self.adj(b, b + 1) and self.adj(b + 1, b + 2)

    def honorific_before_name(self, j: int) -> int | None:
        """Where a name starts when an honorific follows a position: "... tỉnh ông Trần Sinh Toàn",
        also after a comma or a dash: "Giám đốc Công an tỉnh, Đại tá Đinh Văn Nơi", "... tỉnh - ông A"."""
        if self.separator_at(j, (",", "-")):
            j += 1
        for keys in _HONORIFICS:
            k = j + len(keys)
            if k < len(self.tokens) and tuple(t.key for t in self.tokens[j:k]) == keys \
                    and self.tokens[k].titlecase and all(self.adj(x, x + 1) for x in range(j - 1, k)) \
                    and self.honorific_case(j, keys):
                return k
        return None

    def honorific_case(self, s: int, keys: tuple[str, ...]) -> bool:
        """Whether the honorific ``keys`` at ``tokens[s]`` is written as one: "anh", "chị" in lowercase, or
        capitalised where a sentence starts ("Anh Phạm Hồng Sơn - Bí thư Thành đoàn"; else "Anh" is England)."""
        return keys not in _LOWERCASE_HONORIFICS or self.tokens[s].text.islower() \
            or _SENTENCE_END.fullmatch(self.text[:self.tokens[s].start]) is not None

    def name_after_colon(self, j: int) -> int | None:
        """Where a name starts after a colon that ends a position ("Chủ tịch UBND xã: Nguyễn Văn A"): a
        surname opens it."""
        if j + 1 < len(self.tokens) and self.tokens[j].text == ":" and self.adj(j - 1, j) and self.adj(j, j + 1) \
                and self.tokens[j + 1].titlecase and self.surname(j + 1):
            return j + 1
        return None

    def name_after_separator(self, j: int) -> int | None:
        """Where a full name starts after a comma or dash that ends a position ("Giám đốc Sở Công thương
        Thanh Hóa - Lê Tiến Lam", "Chủ tịch UBND phường Hoàng Liệt, Trần Huy Hoàng"): three or four
        syllables opening with a surname, the sentence going on after them."""
        tokens = self.tokens
        if not (self.separator_at(j, (",", "-")) and full_name_at(self.text, tokens, j + 1)):
            return None
        k = j + 1
        while k < len(tokens) and tokens[k].titlecase and self.adj(k - 1, k):
            k += 1
        return j + 1 if k == len(tokens) or not tokens[k].titlecase and tokens[k].key not in (",", "và") else None

    def name_before(self, s: int) -> tuple[int, int, tuple[int, str] | None] | None:
        """(name start, name end, honorific) for a name written before the position at ``s``, also past "cùng"
        (both, likewise) opening a bracket: "ông Văn Hữu Chiến (cùng nguyên Chủ tịch UBND TP Đà Nẵng)"."""
        if s > 1 and self.tokens[s - 1].key == "cùng" and self.tokens[s - 2].text == "(" and self.adj(s - 2, s - 1):
            s -= 1
        if s == 0:
            return None
        sep = self.tokens[s - 1].key in _SEPARATORS and self.adj(s - 1, s)
        end = s - 1 if sep else s
        born = self.birth_bracket(end)
        if born is not None:  # "Trần Văn Thắng (SN 1965), nguyên Trưởng phòng ...", "Vũ Văn An, 58 tuổi, ..."
            sep, end, s = True, born, born + 1
        last = end - 1 if sep and self.initial_before(end) else end  # the last syllable's end, past an initial
        # that ends the name ("Lê Văn T." + " - Bí thư chi bộ"), which counts as one
        if not self.adj(end - 1, s - 1 if sep else s) or not self.tokens[last - 1].titlecase:
            return None
        a = last
        while a - 1 >= 0 and last - (a - 1) <= 6 and self.adj(a - 1, a) and self.tokens[a - 1].key not in ("ông", "bà"):
            if self.name_syllable(a - 1):
                a -= 1
            elif (p := self.particles_before(a)) is not None:
                a = p  # "Bashar" + "al-" + "Assad", "Ursula" + "von der" + "Leyen"
            elif a >= 3 and self.initial_at(a - 2) and self.tokens[a - 3].titlecase:
                a -= 2  # a middle initial: "Nikki" + "R." + "Haley"
            else:
                break
        if a >= 1 and self.tokens[a - 1].key in ("ông", "bà") and self.tokens[a - 1].titlecase \
                and (self.honorific_before(a - 1) or (None, ""))[1] == "đồng chí":
            a -= 1  # "Đồng chí Ông Văn Thịnh": a surname, not an honorific
        if any(k in self.claimed for k in range(a, end)):
            return None
        honorific = self.honorific_before(a)
        if honorific:
            return (a, end, honorific) if 2 <= last - a <= 5 else None
        if not sep:  # "Nguyễn Văn An Chủ tịch UBND tỉnh": a full name with a middle name needs no separator
            full = 3 <= end - a <= 4 and self.surname(a) and self.tokens[a + 1].key in _MIDDLE_NAMES and not (
                a > 0 and self.adj(a - 1, a) and self.tokens[a - 1].key in _PLACE_CUES)
            return (a, end, None) if full else None
        start = next((b for b in range(max(a, last - 5), last - 1) if self.surname(b)), None)
        if start is None and 2 <= end - a <= 3 and all(self.tokens[x].text.isascii() for x in range(a, end)) \
                and self.tokens[a].key not in NAME_STOP and self.tokens[end - 1].key not in _OUTLET_WORDS:
            start = a  # a foreign name: "Kidong Park, Trưởng đại diện WHO tại Việt Nam"; not "Theo The Sun, ...",
            # "nguồn tin của New York Times, quyền Bộ trưởng ..." (a paper, the source of what follows)
        if start is None or self.is_place(start, end):
            return None
        if start > 0 and self.adj(start - 1, start) and self.tokens[start - 1].key in _PLACE_CUES:
            return None
        return start, end, self.honorific_before(start)  # "Anh" opening a sentence: "Anh Phạm Hồng Sơn - ..."

    def particles_before(self, a: int) -> int | None:
        """Where the particles of a foreign name written before its word at ``tokens[a]`` start ("al-" before
        "Assad", "von der" before "Leyen"), when a word of that name stands before them; else None."""
        p = a - 1 if self.tokens[a - 1].text == "-" and glued(self.tokens, a - 1) else a
        while p - 1 >= 0 and self.tokens[p - 1].key in _NAME_PARTICLES and self.adj(p - 1, p):
            p -= 1
        named = p < a and p >= 1 and self.adj(p - 1, p) and self.tokens[p - 1].titlecase \
            and _foreign_word(self.tokens[p - 1].text)
        return p if named and self.tokens[p].key in _NAME_PARTICLES else None

    def birth_bracket(self, end: int) -> int | None:
        """Where a bracket ending at ``tokens[end - 1]`` that holds a note about the person starts (``_PERSON_NOTE``:
        "(SN 1965)", "(sinh năm 1962)", "(1962)", "(42 tuổi, trú tại thôn Câu Nhi, xã Hải Chánh)"), or the comma
        before an age ending there (", 32 tuổi"), else None."""
        if end >= 4 and self.tokens[end - 1].key == "tuổi" and self.tokens[end - 2].text.isdigit() \
                and self.separator_at(end - 3) and self.adj(end - 2, end - 1):
            return end - 3
        if end < 3 or self.tokens[end - 1].text != ")":
            return None
        start = next((k for k in range(end - 2, max(end - 40, 0) - 1, -1) if self.tokens[k].text == "("), None)
        inside = self.text[self.tokens[start].end:self.tokens[end - 1].start] if start is not None else ""
        return start if _PERSON_NOTE.fullmatch(inside.strip()) else None

    # --- mentions --------------------------------------------------------------------------
    def mention(self, chain: list[_Position]) -> tuple[list[OfficialTag], int] | None:
        s = chain[0].start
        before = self.name_before(s - 1 if self.tenure_before(s) else s)
        if before is not None and chain[-1].org is None and self.country_and_name(chain[-1].end) is not None:
            before = None  # the post abroad is the name's after it, the next of a list: "A, Tổng thống Nga B"
        owner = None  # the country or body written after a title-first mention's name ("của Kenya")
        apart = len(chain)  # the posts from here on are written in brackets after the name: none lends its body
        if before is not None:
            if len(chain) > 1 and self.person_after(chain[-1]):
                chain = chain[:-1]  # the last post is the next person's: "A, Giám đốc Sở Y tế, Phó Chủ tịch UBND tỉnh B"
            a, b, honorific = before
            start = honorific[0] if honorific else a
            self.ministry_after(chain[-1])
            self.places_after(chain[-1])
            self.body_after_bare_title(chain[-1])
        else:
            after = self.name_in_place(chain[-1]) or self.name_after_tail(chain[-1]) \
                or self.name_after_ministry(chain[-1])
            if after is None:
                return None
            a, b, org = after
            chain[-1].org = org
            owner = self.owner_after(b) if org is None and chain[-1].fixed_org is None else None
            if owner is not None:
                chain[-1].fixed_org = span(self.text, self.tokens, *owner)
            honorific = self.honorific_before(s)
            start = honorific[0] if honorific else s
            honorific = honorific or self.honorific_before(a)  # "Đại biểu HĐND tỉnh ông Trần Sinh Toàn"
            bracket = b < len(self.tokens) and self.tokens[b].text == "("
            if b >= chain[-1].end and b + 1 < len(self.tokens) and (self.tokens[b].key in _CHAIN_JOINERS or bracket) \
                    and self.adj(b - 1, b) and self.adj(b, b + 1):  # "ĐBQH (ĐBQH) Lại Thế Nguyên, Phó Trưởng Đoàn"
                more = self.chain(b + 2 if bracket and self.tenure_before(b + 2) else b + 1)
                if more and self.name_in_place(more[-1]) is None:  # not the next person: "..., Tổng thống Nga Putin"
                    apart = len(chain) if bracket else len(chain) + len(more)
                    chain = chain + more  # (posts in brackets after the name: "đại biểu A (nguyên Chủ tịch HĐND tỉnh)")
        self.claimed.update(range(a, b))
        for pos in chain:
            self.unit_in_title(pos)
        if before is not None:
            self.parent_after(chain[-1])
        end = max(b, chain[-1].end, owner[1] if owner else 0)
        positions = _positions(chain[:apart]) + _positions(chain[apart:])
        if all(pos.business or _in_business(p) for pos, p in zip(chain, positions)):
            return None
        tokens = self.tokens
        listed = self.names_listed(b) if before is None and a > 0 and tokens[a - 1].text == ":" else []
        if listed:  # a title heading a list of names ("Phó chủ tịch: A (...), B, C"): each name holds it
            self.claimed.update(k for s, e in listed for k in range(s, e))
            spans = [(tokens[s].start, tokens[e - 1].end) for s, e in [(a, b), *listed]]
            return [OfficialTag(text=self.text[x:y], start=x, end=y, name=self.text[x:y], honorific=None,
                                positions=positions) for x, y in spans], listed[-1][1]
        tag = OfficialTag(
            text=self.text[tokens[start].start:tokens[end - 1].end],
            start=tokens[start].start,
            end=tokens[end - 1].end,
            name=self.text[tokens[a].start:tokens[b - 1].end],
            honorific=honorific[1] if honorific else None,
            positions=positions,
        )
        return [tag], end

    def names_listed(self, b: int) -> list[tuple[int, int]]:
        """(start, end) of each full name listed after the name ending at ``b``, past its bracketed note and a
        comma or semicolon ("Trần Quốc Tuấn (chuyên môn), Cao Văn Chóng (truyền thông), Cấn Văn Nghĩa")."""
        tokens, found, k = self.tokens, [], b
        while True:
            if k < len(tokens) and tokens[k].text == "(" and self.adj(k - 1, k):
                close = next((c for c in range(k + 1, min(k + 10, len(tokens))) if tokens[c].text == ")"), None)
                if close is None:
                    break
                k = close + 1
            if not (k + 1 < len(tokens) and tokens[k].text in (",", ";") and self.adj(k - 1, k)
                    and self.adj(k, k + 1) and full_name_at(self.text, tokens, k + 1)):
                break
            e = self.name_run_end(k + 1, 5)
            found.append((k + 1, e))
            k = e
        return found


@functools.cache
def _ward_keys() -> frozenset[str]:
    """The match keys of the communes', wards' and townships' names (``ward_names``), as ``_Parser.keys`` writes them."""
    return frozenset(tuple(t.key for t in text_tokens(name)[1]) for name in ward_names())


def _positions(chain: list[_Position]) -> list[Position]:
    """Positions of one apposition; an elided organisation comes from the next position."""
    out = []
    for k, pos in enumerate(chain):
        org = pos.organization
        if org is None and pos.kind != "standalone" and _OWN_BOARD not in match_key(pos.title):
            donor = next((p for p in chain[k + 1:] if p.organization), None)
            if donor is not None:
                org = donor.organization
                if pos.kind == "party" and donor.org is not None and not donor.org.party:
                    org = _party_seat(donor.org)
        title = pos.title
        if title in ("Ủy viên", "Ủy viên dự khuyết") and org and match_key(org).startswith(_CENTRAL_COMMITTEE):
            title += " Ban Chấp hành"  # "Ủy viên Trung ương Đảng", "Ủy viên dự khuyết Trung ương Đảng"
        out.append(Position(title=title, organization=org))
    return out


_VIETNAMESE_LETTERS = frozenset("aăâbcdđeêghiklmnoôơpqrstuưvxy" "àảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợ"
                                "ùủũúụừửữứựỳỷỹýỵ")


def _foreign_word(text: str) -> bool:
    """Whether ``text`` is written as no Vietnamese word is: in ASCII, or with a letter Vietnamese does not use
    ("Díaz", "Sánchez", "Erdoğan")."""
    return text.isascii() or any(c.isalpha() and c.lower() not in _VIETNAMESE_LETTERS for c in text)


def _mixed_case_acronym(text: str) -> bool:
    """An abbreviation with small letters inside: "HoREA", "VnEconomy" (two capitals or more, letters only)."""
    return text.isalpha() and text[0].isupper() and sum(c.isupper() for c in text) >= 2


def _name_word(token) -> bool:
    """A word of a name: capitalised, perhaps with capitals inside ("McCaul", "DeSantis"), not an acronym."""
    return token.alpha and token.text[0].isupper() and not token.text.isupper()


def _the_titles_unit(org: Org) -> bool:
    """Whether ``org`` is the unit its title names, its head written in the title only ("Trưởng phòng" + "CSGT")."""
    return org.parts[0][0] == org.parts[0][1]


def _with_unit_name(title: str, parts: list[tuple[int, int, str]]) -> str:
    """``title`` with the name of the unit it names, from the organisation's ``parts`` after its head."""
    return " ".join([title] + [part[2] for part in parts])


def _names_unit(title: str, words: frozenset[str] = _UNIT_WORDS) -> bool:
    """Whether ``title`` ends in the word of a unit ("Trưởng phòng", "Phó trưởng khoa"): its name may follow."""
    return match_key(title).rsplit(" ", 1)[-1] in words


def _named_alone(title: str) -> bool:
    """Whether ``title`` names a foreigner by the name alone ("Thủ tướng Abe", "Bộ trưởng Y tế ...")."""
    key = match_key(title)
    return any(key == t or key.startswith(t + " ") for t in _NAMED_ALONE_TITLES)


def _in_business(position: Position) -> bool:
    """Whether ``position`` is held in a company ("Giám đốc Công ty ...", "Chủ tịch HĐQT", "Nam A Bank")."""
    if position.organization is None:
        return match_key(position.title) in _COMPANY_TITLES
    org = match_key(position.organization)
    return org.startswith(_COMPANY_HEADS) or org.endswith(" bank")


def position_text(title: str, organization: str | None) -> str:
    """A position as one phrase: the title, then the organisation, a word ending the title and
    starting the organisation written once ("Trưởng Ban" + "Ban Dân tộc tỉnh" -> "Trưởng Ban Dân tộc tỉnh")."""
    if not organization:
        return title
    first, _, rest = organization.partition(" ")
    if match_key(title.rsplit(" ", 1)[-1]) == match_key(first):
        return f"{title} {rest}".rstrip()
    return f"{title} {organization}"


def _party_seat(org: Org) -> str | None:
    """The Party committee of a state body's level: "UBND huyện Giồng Riềng" -> "Huyện ủy Giồng Riềng"."""
    seat = _PARTY_SEAT.get(org.level or "")
    if seat is None:
        return None
    place = [p[2] for p in org.parts if org.place and p[0] == org.place[0]]
    return " ".join([seat, *place])


# a capital letter, two or more in a row (Latin and Vietnamese)
_UPPER = "".join(c for c in map(chr, range(0x41, 0x1EFA)) if c.isupper())
_CAPITAL = re.compile(f"[{_UPPER}]")
_CAPITALS = re.compile(f"[{_UPPER}]{{2,}}")


def _as_written(text: str, cased: str, tag: OfficialTag) -> str:
    """The name of ``tag`` (found in ``cased``) as ``text`` writes it."""
    at = cased.find(tag.name, tag.start, tag.end)
    return text[at:at + len(tag.name)] if at >= 0 else tag.name


def _names_in_capitals(text: str) -> str:
    """``text`` with each name written in capitals inside mixed-case text in title case ("Chủ tịch UBND tỉnh
    LÊ VĂN HIẾU" -> "... Lê Văn Hiếu"; same length): a run of 2-4 syllables in capitals that starts with a
    surname and ends before a word not in capitals, on a line that has lowercase letters (a headline all in
    capitals is left as it is)."""
    surnames = gazetteer().surnames
    if not any(m.group().lower() in surnames for m in _CAPITALS.finditer(text)):
        return text  # (a fast scan: no surname in capitals)
    _, tokens = text_tokens(text)
    out = list(text)

    def capital(k: int) -> bool:
        return k < len(tokens) and len(tokens[k].text) > 1 and tokens[k].alpha and tokens[k].text.isupper()

    k = 0
    while k < len(tokens):
        end = k + 1
        if capital(k) and tokens[k].key in surnames:
            while capital(end) and adjacent(text, tokens[end - 1], tokens[end]):
                end += 1
            line_end = text.find("\n", tokens[k].start)
            line = text[text.rfind("\n", 0, tokens[k].start) + 1:line_end if line_end >= 0 else len(text)]
            if 2 <= end - k <= 4 and any(c.islower() for c in line):
                for x in range(k, end):
                    out[tokens[x].start:tokens[x].end] = tokens[x].text.capitalize()
        k = end
    return "".join(out)


def tag_officials(text: str) -> list[OfficialTag]:
    """Named officials with their positions, in text order."""
    text = unicodedata.normalize("NFC", text)
    cased = _names_in_capitals(text)
    if cased != text:  # read with the names in title case, report as written
        return [replace(t, text=text[t.start:t.end], name=_as_written(text, cased, t)) for t in tag_officials(cased)]
    sent = _Parser(text)
    out: list[OfficialTag] = []
    i = 0
    g = sent.g
    while i < len(sent.tokens):
        tok = sent.tokens[i]
        opens = tok.key in g.titles or tok.key == ASSISTANT[0] or tok.text in g.title_abbr_heads \
            or tok.text in g.deputy_abbr
        counted = sent.counted_post_end(i) if opens else None
        if counted is not None:
            i = counted
            continue
        chain = sent.chain(i) if opens else []
        if not chain:
            i += 1
            continue
        found = sent.mention(chain)
        if found is None:
            i = chain[-1].end
            continue
        tags, end = found
        out.extend(tags)
        i = end
    log.debug("%d officials", len(out))
    return out
