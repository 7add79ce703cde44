"""Rules on the article's blocks: what ends the body, captions, the byline, the lead.

The vocabulary is the one Vietnamese portals share (seen on city, province, district and
Party portals: "Tin khác", "Thống kê truy cập", "./." ...), not any one site's.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from nlp.vietnamese import search_form

# headings after which a portal page holds no more of the article
TRAILING_HEADINGS = tuple(search_form(h) for h in (
    "tin khác", "các tin khác", "tin cũ hơn", "các tin cũ hơn", "tin mới hơn", "các tin mới hơn",
    "tin đã đưa", "các tin đã đưa", "tin cùng chuyên mục", "tin cùng loại", "cùng chuyên mục",
    "tin liên quan", "các tin liên quan", "tin tức liên quan", "bài viết liên quan",
    "bài liên quan", "các bài viết khác", "bài viết khác", "xem thêm", "đọc thêm",
    "phản hồi", "gửi phản hồi", "ý kiến bạn đọc", "gửi ý kiến", "bình luận", "gửi bình luận",
    "thư viện ảnh", "thư viện video", "liên kết website", "liên kết web", "liên kết",
    "thống kê truy cập", "thống kê", "đang online", "đang truy cập", "tổng truy cập",
    "lượt truy cập", "số lượt truy cập", "image advertisement", "qr code", "tiện ích thông tin",
    "sơ đồ cổng", "sơ đồ site", "sơ đồ trang", "in bài viết", "in bài", "in trang",
    "gửi email", "gửi bài", "gửi cho bạn bè", "chia sẻ", "về đầu trang", "trở về", "quay lại",
    "mới nhất", "tin mới nhất", "tin mới", "tin nổi bật", "tin đọc nhiều", "đọc nhiều",
    "xem nhiều", "tin xem nhiều", "từ khóa", "tags", "cơ quan chủ quản", "cơ quan quản lý",
    "bản quyền", "ghi rõ nguồn", "chịu trách nhiệm", "trưởng ban biên tập", "copyright",
    "tin tức - sự kiện khác", "các tin tức khác", "tin bài khác", "các bài khác",
    "những tin mới hơn", "những tin cũ hơn", "tổng số điểm", "đánh giá bài viết",
    "click để đánh giá bài viết", "bình chọn", "nguồn tin", "nguồn", "lượt xem", "số lượt xem",
    "bản in",
))
_AFTER_HEADING = re.compile(r"[\s:(\[|\-–—»>.\d]*$|[\s]*[:(\[|\-–—»>]")
_ATTACHMENT_LABEL = re.compile(
    r"^(?:(?:tập tin|tệp tin|tệp|file|văn bản|tài liệu)\s+đính kèm|đính kèm|tải về|download)"
    r"\s*:?$", re.I)
_CONTACT = re.compile(r"^(?:địa chỉ|đ/c|điện thoại|đt|tel|phone|fax|e-?mail|hotline)\s*:", re.I)
_TERMINAL = re.compile(r"[.!?…:;\"”»)]$")
_AFFILIATION = re.compile(r"\([^()]{1,60}\)")  # a byline's organisation on a line of its own: "(BV ĐH Y Dược TP.HCM)"
_END_MARK = re.compile(r"\./\.\s*$")
_SITE_TAG = re.compile(r"^\((?:[\w.-]+\.(?:vn|com|net|org)|[A-ZĐ][\w.]*)\)\s*[-–—:]")
_BYLINE_PREFIX = re.compile(
    r"^(?:(?:tin|bài|ảnh|video|clip)(?:\s*(?:,|và|&|-|\+)\s*(?:tin|bài|ảnh|video|clip))*"
    r"|tác giả(?: bài viết)?|người viết|nhóm phóng viên|phóng viên|pv|ctv)\s*:\s*", re.I
)
# the signing office or position that closes a notice, written in capitals ("BAN GIÁM HIỆU",
# "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "HIỆU TRƯỞNG"): the document's text, not a reporter's byline
_SIGNATURE = re.compile(
    r"^(?:(?:tm|kt|tl|tuq|q)\.\s*)?(?:ban|phòng|ủy ban|uỷ ban|ubnd|hội đồng|văn phòng|ban chấp hành|"
    r"thường trực|chủ tịch|phó chủ tịch|giám đốc|phó giám đốc|hiệu trưởng|phó hiệu trưởng|trưởng|"
    r"bí thư|phó bí thư|chánh văn phòng|nhà trường|trường|sở|đảng ủy|đảng uỷ|huyện ủy|huyện uỷ|"
    r"tỉnh ủy|tỉnh uỷ|thành ủy|thành uỷ|công đoàn|đoàn|hội|ban tổ chức|người ký|nơi nhận)\b", re.I)
_NAME_SPLIT = re.compile(r"\s*(?:[–—,&/]|\s-\s|\bvà\b)\s*")
_LEAD_CLASS = re.compile(
    r"sapo|chapp?eau|lead|summary|desc|hometext|tomtat|tom-tat|trichyeu|trich-yeu|"
    r"intro|excerpt|teaser|abstract|headline|mota|short", re.I
)


@dataclass
class Para:
    """A body candidate: its text and what the layout says about it."""

    text: str
    bold: bool = False
    italic: bool = False
    align: str | None = None
    lead_hint: bool = False  # sapo/lead markup, or a heading right under the title
    link_ratio: float = 0.0
    caption: bool = False  # an image caption, kept in page order so a cut drops it too


def is_trailing_heading(text: str) -> bool:
    """True for a short line that opens a block of non-article matter ("Tin khác", ...)."""
    if len(text) > 80:
        return False
    form = search_form(text).strip(" :.-–—»>|[]()")
    for heading in TRAILING_HEADINGS:
        if form == heading or (form.startswith(heading)
                               and _AFTER_HEADING.match(form, len(heading))):
            return True
    return False


def is_contact_line(text: str) -> bool:
    """A footer-style address, phone, fax or e-mail line."""
    return len(text) <= 200 and bool(_CONTACT.match(search_form(text)))


def _is_name(words: list[str]) -> bool:
    if not 1 <= len(words) <= 6:
        return False
    for word in words:
        letters = word.strip(".'’")
        if not letters or not letters[0].isupper() or not all(
                ch.isalpha() or ch in ".'’-" for ch in letters):
            return False
    return True


def is_signature(text: str) -> bool:
    """A closing line in capitals naming the office that signs a notice ("BAN GIÁM HIỆU")."""
    text = text.strip(" .:")
    return len(text) <= 80 and text.isupper() and bool(_SIGNATURE.match(text))


def byline_prefix(text: str) -> bool:
    """True when a line opens with a byline label ("Tác giả:", "Tin, ảnh:" ...)."""
    return bool(_BYLINE_PREFIX.match(text.strip()))


def byline(text: str, strong: bool = False) -> str | None:
    """The author name(s) when ``text`` is a byline ("Hoàng Tùng", "Thu Quỳnh – Minh Cảnh").

    ``strong`` (right-aligned or bold at the end of the body) accepts a looser form.
    """
    text = text.strip()
    if not text or len(text) > 80 or is_signature(text):
        return None
    name = _BYLINE_PREFIX.sub("", text).strip()
    prefixed = name != text
    name = re.sub(r"\s*\([^()]{1,60}\)$", "", name).strip()
    if not name:
        return None
    if name.endswith(".") and not re.search(r"(?:^|\s)\w{1,3}\.$", name):
        return None
    names = [part for part in _NAME_SPLIT.split(name) if part]
    if names and all(_is_name(part.split()) for part in names) and len(name.split()) <= 12:
        return text if not prefixed else name
    if (strong or prefixed) and len(name.split()) <= 8 and not _TERMINAL.search(name):
        return name
    return None


@dataclass
class Body:
    paragraphs: list[str]
    author: str | None
    lead: str | None
    captions: list[str]


def _long_paragraph(para: Para) -> bool:
    return not para.caption and len(para.text) >= 80 and para.link_ratio < 0.3


def _article_goes_on(rest: list[Para], needed: int = 2) -> bool:
    """After a "Tin liên quan"-style heading: do ``needed`` or more article paragraphs follow?

    At least one of them must not sit right under a linked title (a teaser), so an inline
    related box is skipped while a trailing related-news list still ends the body.
    """
    long_ones, free_standing, previous = 0, 0, None
    for para in rest:
        if para.caption:
            continue
        if _long_paragraph(para):
            long_ones += 1
            free_standing += not (previous and previous.link_ratio > 0.5)
        previous = para
    return long_ones >= needed and free_standing >= 1


def finish_body(paras: list[Para], author: str | None = None) -> Body:
    """Cut trailing matter, take the byline, find the lead; captions stay apart."""
    first = next((i for i, p in enumerate(paras) if _long_paragraph(p)), 0)
    for i, para in enumerate(paras):
        # a heading that carries its one link ("Xem thêm: <a>...</a>") is a link inside the text: one
        # article paragraph after it shows the text goes on
        inline = para.link_ratio >= 0.5 and ":" in para.text
        if i > first and not para.caption and is_trailing_heading(para.text) \
                and not _article_goes_on(paras[i + 1:], needed=1 if inline else 2):
            paras = paras[:i]
            break
    paras = [p for p in paras if p.caption or not (
        is_trailing_heading(p.text) or (p.link_ratio > 0.5 and len(p.text) < 100)
        or _ATTACHMENT_LABEL.match(p.text))]
    for i, para in enumerate(paras):
        if not para.caption and is_contact_line(para.text) \
                and not any(_long_paragraph(p) for p in paras[i + 1:]):
            paras = paras[:i]
            break
    for i, para in enumerate(paras):
        if not para.caption and _END_MARK.search(para.text):
            signed = i + 1
            while signed < len(paras) and (paras[signed].caption or is_signature(paras[signed].text)):
                signed += 1
            rest = [p for p in paras[signed:signed + 3] if not p.caption][:2]
            paras = paras[:signed] + [p for p in paras[signed:] if p.caption]
            if rest and author is None:
                author = byline(rest[0].text, strong=True)
            break
    captions: list[str] = []
    for para in paras:
        if para.caption and para.text not in captions:
            captions.append(para.text)
    texts = _without_teaser([p for p in paras if not p.caption])
    while len(texts) > 1:  # the byline, and again when the page names its author twice
        last, lines = texts[-1], 1
        if len(texts) > 2 and _AFFILIATION.fullmatch(last.text):  # the name is on the line above
            last, lines = texts[-2], 2
        strong = (last.align == "right" or last.bold) and not _TERMINAL.search(last.text)
        signed = byline(" ".join(p.text for p in texts[-lines:]), strong=strong)
        if signed is None or not (author is None or search_form(signed).startswith(search_form(author))):
            break
        author, texts = author or signed, texts[:-lines]
    lead = None
    if texts:
        top = texts[0]
        if top.lead_hint or _SITE_TAG.match(top.text) or (top.bold and len(top.text) >= 60):
            lead = top.text
    return Body([p.text for p in texts], author, lead, captions)


def _without_teaser(texts: list[Para]) -> list[Para]:
    """``texts`` less a first paragraph that only repeats the opening of the text after it (an excerpt
    for sharing, often cut off mid-word, or a lead box copying the first paragraph)."""
    if len(texts) > 1:
        opening = " ".join(texts[0].text.split()).rstrip(".… ")
        rest = " ".join(" ".join(p.text for p in texts[1:]).split())
        if len(opening) >= 40 and rest.startswith(opening):
            return texts[1:]
    return texts


def is_lead_element(class_id: str) -> bool:
    """True when a class/id names the sapo (sapo, lead, summary, description ...)."""
    return bool(_LEAD_CLASS.search(class_id))
