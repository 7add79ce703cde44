"""extract_html: the one public function of the extraction stage.

Steps: decode (charset, legacy TCVN3/VNI), parse, render blocks, then title, date line,
article container, captions, body rules (trailing matter, "./.", byline, lead), attachments.
Pages that are not Vietnamese, and Vietnamese pages where no article container stands out,
take their body from trafilatura.
"""
from __future__ import annotations

import functools
import logging
import re
import unicodedata
from collections.abc import Mapping
from itertools import accumulate, takewhile
from typing import BinaryIO
from urllib.parse import urljoin

import lxml.html
from lxml.cssselect import SelectorError
from lxml.etree import ElementDefaultClassLookup, ParserError, iterwalk
from lxml.html import HtmlElement
from w3lib.html import get_meta_refresh

from extract import dates
from extract.article import Article, ExtractionError, is_attachment
from extract.blocks import (BLOCK_TAGS, SKIP_TAGS, Block, alignment, chrome_weight, class_and_id,
                           is_chrome_element, render, subtree, text_of, within)
from extract.boilerplate import (Para, byline, byline_prefix, finish_body, is_lead_element,
                                 is_trailing_heading)
from extract.encoding import binary_kind, decode_html
from extract.legacy import detect_legacy, to_unicode, unicode_vietnamese_count
from extract.text import clean_text, detect_language
from nlp.vietnamese import search_form

log = logging.getLogger(__name__)

# Bounds on what one page may cost. Bigger pages are refused with a reason before the slow steps
# (about 2 s per million characters of text): a page of more than MAX_PAGE_BYTES (also the crawler's
# default max_bytes, and the cap of `vnportal ingest` and `vnportal extract FILE`, see read_page),
# more than MAX_TEXT_CHARS of text (a hundred times a long article), or still nested deeper than
# MAX_DEPTH levels once unclosed inline tags and bare wrappers below UNWRAP_DEPTH are unwrapped
# (rendering recurses).
MAX_PAGE_BYTES = 10 * 1024 * 1024
MAX_TEXT_CHARS = 1_000_000
UNWRAP_DEPTH = 200
MAX_DEPTH = 300

# "Trang không tồn tại", "Tin bài bạn tìm kiếm không tồn tại", "Bài viết ... đã bị xóa",
# "Không tìm thấy trang", "404 Not Found" (matched on search_form text)
_SOFT_404 = re.compile(
    r"\b(?:trang|bài viết|bài|tin|tin bài|tin tức|nội dung|đường dẫn|liên kết|dữ liệu|chuyên mục)\b"
    r"[^.!?]{0,40}?\b(?:không tồn tại|không còn tồn tại|đã bị xóa|đã bị gỡ bỏ|đã bị gỡ)\b"
    r"|\bkhông tìm thấy (?:trang|bài viết|nội dung|tin|dữ liệu|đường dẫn)\b"
    r"|\blỗi 404\b|\berror 404\b|\b404 not found\b|\bpage not found\b")
_ATTACH_CLASS = re.compile(r"attach|dinhkem|dinh-kem|tepdinhkem|tep-dinh-kem|file-?download|"
                           r"taive|tai-ve|download", re.I)
_CAPTION_CLASS = re.compile(
    r"caption|image_desc|image-desc|img-desc|imgdesc|photo-desc|chuthich|chu-thich|ghichu|"
    r"ghi-chu|expnoedit|pcaption", re.I)
_TITLE_SEPARATORS = re.compile(r"\s+(?:[-–—|:»]|::)\s+")
_SITE_WORDS = re.compile(
    r"cổng|trang thông tin|trang tin|báo|tạp chí|đài|portal|website|cơ quan|ủy ban|uỷ ban|"
    r"ubnd|sở |tỉnh ủy|thành ủy|huyện ủy|tuyên giáo|online|news|\.vn\b|\.com\b|\.net\b|\.org\b",
    re.I)
_TERMINAL = re.compile(r"[.!?…:;]$")
LONG_CAPTION = 600  # characters: a centred block under a picture up to this long is its caption
# a numbered step or list item ("Bước 2:", "3.", "b)", "- "): text of its own between screenshots
_ENUMERATED = re.compile(r"^(?:(?:bước|mục|phần|điều|khoản)\s+)?(?:\d{1,2}|[a-zđ]|[ivx]{1,4})\s*[.:)]\s|"
                         r"^(?:bước|mục|phần|điều|khoản)\s+\d{1,2}\b|^[-–+•*]\s", re.I)
# characters lxml refuses to store (not allowed in XML) though its parser lets them through;
# vertical tab and form feed are Word's line and page breaks
_NOT_XML = {**dict.fromkeys([*range(0x09), *range(0x0E, 0x20), 0xFFFE, 0xFFFF]),
            0x0B: " ", 0x0C: " "}
_NOT_XML_CHARS = re.compile("[" + "".join(re.escape(chr(c)) for c in _NOT_XML) + "]")


def read_page(stream: BinaryIO) -> bytes:
    """A page's bytes from a buffered binary ``stream``, reading at most MAX_PAGE_BYTES + 1 of them:
    ExtractionError when the page is larger (the rest of the stream is left unread)."""
    body = stream.read(MAX_PAGE_BYTES + 1)
    if len(body) > MAX_PAGE_BYTES:
        raise ExtractionError(f"page too large (more than {MAX_PAGE_BYTES:,} bytes)")
    return body


def _as_text(html: str | bytes, headers: Mapping | None) -> str:
    if len(html) > MAX_PAGE_BYTES:
        unit = "bytes" if isinstance(html, bytes) else "characters"
        raise ExtractionError(f"page too large ({len(html):,} {unit}; extraction stops at {MAX_PAGE_BYTES:,})")
    if isinstance(html, bytes):
        if not html.strip():
            raise ExtractionError("empty page")
        kind = binary_kind(html)
        if kind:
            raise ExtractionError(f"binary body, not HTML ({kind})")
        html = decode_html(html, headers)
    if not html or not html.strip():
        raise ExtractionError("empty page")
    if "\x00" in html[:4096]:
        raise ExtractionError("binary body, not HTML (NUL bytes)")
    return html


# Every element an HtmlElement, chosen in C: lxml.html's own lookup (form and input classes, which
# the extractor never uses) is a Python call for every element proxy, ~15% of extraction.
_ELEMENT_CLASSES = ElementDefaultClassLookup(element=HtmlElement, comment=lxml.html.HtmlComment,
                                             pi=lxml.html.HtmlProcessingInstruction, entity=lxml.html.HtmlEntity)


# "</body>" and "</html>" end nothing in a browser (what follows still goes into the body), but libxml2
# closes the document there and puts the rest in a second root the tree does not reach
_DOCUMENT_END_TAG = re.compile(r"</(?:body|html)\s*>", re.I)


def _parse(text: str) -> HtmlElement:
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)  # lxml refuses str input with a declaration
    text = _DOCUMENT_END_TAG.sub("", text)
    # huge_tree: without it libxml2 stops at 256 levels (2048 with it) and drops the rest of the page
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True)
    parser.set_element_class_lookup(_ELEMENT_CLASSES)
    try:
        tree = lxml.html.document_fromstring(text, parser=parser)
    except (ParserError, ValueError) as exc:
        raise ExtractionError(f"unparsable HTML ({exc})") from exc
    if tree is None:
        raise ExtractionError("empty page")
    stopped = next((e for e in parser.error_log if e.type_name == "ERR_RESOURCE_LIMIT"), None)
    if stopped is not None:  # what is left is a truncated page
        raise ExtractionError(f"HTML beyond the parser's limits ({stopped.message.split(',')[0]})")
    _limit_depth(tree)
    return tree


def _deeper_than(tree: HtmlElement, depth: int) -> list[HtmlElement]:
    """Elements more than ``depth`` levels below the root, in document order."""
    found, level = [], 0
    for event, element in iterwalk(tree, events=("start", "end")):
        level += 1 if event == "start" else -1
        if event == "start" and level > depth:
            found.append(element)
    return found


def _limit_depth(tree: HtmlElement) -> None:
    """Unwrap what nests below UNWRAP_DEPTH without being a paragraph of its own (inline tags,
    wrappers holding one element and no text); refuse the page if it still nests below MAX_DEPTH."""
    deep = _deeper_than(tree, UNWRAP_DEPTH)
    if not deep:
        return
    for element in deep:
        if element.tag in SKIP_TAGS:
            continue
        if element.tag not in BLOCK_TAGS or (len(element) == 1 and not (element.text or "").strip()):
            element.drop_tag()
    if _deeper_than(tree, MAX_DEPTH):
        raise ExtractionError(f"HTML nested deeper than {MAX_DEPTH} levels")


def _fix_text_nodes(tree: HtmlElement) -> None:
    """NFC every text node; convert TCVN3/VNI nodes when the page is in a legacy encoding."""
    nodes = []
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        if element.text and element.tag not in ("script", "style", "noscript", "template"):
            nodes.append((element, "text"))
        if element.tail:
            nodes.append((element, "tail"))
    page = " ".join(getattr(el, attr) for el, attr in nodes)
    if len(page) > MAX_TEXT_CHARS:
        raise ExtractionError(f"page text too long ({len(page):,} characters; extraction stops at "
                              f"{MAX_TEXT_CHARS:,})")
    legacy = detect_legacy(page)
    if legacy:
        log.info("legacy encoding %s detected", legacy)
    not_xml = bool(_NOT_XML_CHARS.search(page))
    for element, attr in nodes:
        original = getattr(element, attr)
        value = original.translate(_NOT_XML) if not_xml else original
        if legacy and unicode_vietnamese_count(value) == 0:
            value = to_unicode(value, legacy)
        value = unicodedata.normalize("NFC", value)
        if value != original:  # lxml re-encodes every text it is given
            setattr(element, attr, value)
    if legacy:
        for meta in tree.iter("meta"):
            content = meta.get("content")
            if content and unicode_vietnamese_count(content) == 0:
                meta.set("content", to_unicode(content.translate(_NOT_XML), legacy))


def _select(tree: HtmlElement, selector: str | None) -> HtmlElement | None:
    if not selector:
        return None
    try:
        found = tree.cssselect(selector)
    except SelectorError as exc:
        log.warning("bad profile selector %r: %s", selector, exc)
        return None
    return found[0] if found else None


def _meta(tree: HtmlElement, *keys: str) -> str | None:
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or "").lower()
        if key in keys and (meta.get("content") or "").strip():
            return clean_text(meta.get("content"))
    return None


def _declares_article(tree: HtmlElement) -> bool:
    """Whether the page's head says it is one article (Open Graph's og:type)."""
    return (_meta(tree, "og:type") or "").lower() == "article"


def _compared(text: str) -> str:
    """The form two lines are compared in: search form, without surrounding spaces and dots."""
    return search_form(text).strip(" .")


def _same(a: str, b: str) -> bool:
    return _compared(a) == _compared(b)


def _trim_site_name(title: str, site_name: str | None) -> str:
    """Drop a site name before or after the title ("Tiêu đề - Cổng thông tin điện tử ...")."""
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title

    def is_site(part: str) -> bool:
        return bool((site_name and _same(part, site_name)) or _SITE_WORDS.search(part)
                    and len(part) < 80)

    while len(parts) > 1 and is_site(parts[-1]):
        title = title[:title.rfind(parts[-1])].rstrip(" -–—|:»")
        parts.pop()
    while len(parts) > 1 and is_site(parts[0]) and len(parts[0]) < len(" ".join(parts[1:])):
        title = title[title.find(parts[1], len(parts[0])):]
        parts.pop(0)
    return title.strip()


_GENERIC_TITLE = re.compile(r"^(?:chi tiết|tin tức|trang chủ|trang tin|xem tin|tin bài|bài viết|in bài|in trang|"
                            r"bản in|news|detail|home|print)\b", re.I)
_TITLE_CLASS = re.compile(r"title|tieude|tieu-de|tieu_de|headline|heading", re.I)


def _heading_candidates(blocks: list[Block]) -> list[Block]:
    """Blocks that look like a title: h1-h4, or an element whose class says title."""
    return [b for b in blocks if b.kind == "text" and 8 <= len(b.text) <= 300 and (
        b.element.tag in ("h1", "h2", "h3", "h4")
        or _TITLE_CLASS.search(class_and_id(b.element)))]


def _find_title(tree: HtmlElement, blocks: list[Block], container: HtmlElement | None,
                profile) -> str:
    """The headline: a heading the page's <title>/og:title confirm, else the trimmed <title>,
    else the heading right above the article text."""
    chosen = _select(tree, getattr(profile, "title_selector", None))
    if chosen is not None and text_of(chosen):
        return text_of(chosen)
    og = _meta(tree, "og:title", "twitter:title")
    page_title = clean_text(tree.findtext(".//title") or "")
    site_name = _meta(tree, "og:site_name", "application-name")
    candidates = _heading_candidates(blocks)
    candidates.sort(key=lambda b: b.element.tag != "h1")  # h1 first, then document order
    page_form = search_form(page_title)
    trimmed = _trim_site_name(page_title, site_name) if page_title else ""
    page_forms = {page_form, search_form(trimmed)} - {""}  # as written, and without the site's name

    def confirms(form: str) -> bool:
        return len(form) >= 10 and any(page.startswith(form) or page.endswith(form) for page in page_forms)
    confirmed = [block for block in candidates if (og and _same(block.text, og)) or (
        confirms(search_form(block.text)) and not _is_section_name(block.text))]
    if confirmed:  # og:title's first; else the longest: "Tin hoạt động > <headline>" names the section too
        return max(confirmed, key=lambda block: (bool(og and _same(block.text, og)), len(block.text))).text
    declared = og or trimmed
    cut_from = [block for block in candidates if block.element.tag == "h1" and declared
                and _shortens(declared, block.text)]
    if cut_from:  # the h1 is the headline the page's title was cut from
        return cut_from[0].text
    if og and (not page_title or search_form(og) in page_form):
        return og
    generic = (len(trimmed.split()) < 3 or _is_section_name(trimmed)
               or (trimmed == page_title and bool(_SITE_WORDS.search(trimmed)))
               or _is_link_text(tree, trimmed) or _names_site(blocks, trimmed))
    if trimmed and not generic:
        return trimmed
    start = next((i for i, b in enumerate(blocks) if container is not None
                  and within(b.element, container) and b.kind == "text"), None)
    if start is not None:
        above = blocks[max(0, start - 6):start + 2]
        for block in reversed(above):
            if block in candidates and not dates.is_date_line(block.text) and not _is_section_name(block.text):
                return block.text
        # no heading markup: a bold line of its own right above the text (<p><strong>...</strong></p>)
        for block in reversed(blocks[max(0, start - 3):start + 1]):
            if block.kind == "text" and block.bold and block.chrome == 1.0 and block.link_ratio < 0.5 \
                    and 8 <= len(block.text) <= 300 and not dates.is_date_line(block.text):
                return block.text
    return og or trimmed or next((b.text for b in candidates if b.element.tag == "h1"), "")


def _shortens(short: str, headline: str) -> bool:
    """Whether ``short`` is ``headline`` with words left out, in order (a title cut for search engines)."""
    words, longer = search_form(short).split(), search_form(headline).split()
    remaining = iter(longer)
    return 4 <= len(words) < len(longer) and all(word in remaining for word in words)


def _is_section_name(text: str) -> bool:
    """Whether a heading names the page's section, not its article ("Tin tức - Sự kiện" over the
    article of a table-layout portal). Not any link's text: a page often links its own article."""
    return bool(_GENERIC_TITLE.match(text))


_AUTHOR_MARK = re.compile(r"(?:^|[\s_-])(?:author|tac-?gia|byline|writer)(?:$|[\s_-])", re.I)


def _marked_author(lines: list[Block | None]) -> str | None:
    """The author an element of ``lines`` (the date line, the lines right after the article's text)
    names by its class, id or itemprop ("<span class='author'>Thanh Tâm</span> - <span
    class='time'>...</span>", "<div class='tacgia'>"), out of page chrome, when it is a person's name
    as a byline writes it (capitalised: not the CMS account of "bởi admin")."""
    for line in lines:
        if line is None or line.chrome < 1.0:
            continue
        for element in line.element.iter():
            if isinstance(element.tag, str) and _AUTHOR_MARK.search(
                    f"{class_and_id(element)} {element.get('itemprop') or ''}"):
                text = text_of(element)
                if text and len(text) <= 60 and (name := byline(text)):
                    return name
    return None


def _names_site(blocks: list[Block], title: str) -> bool:
    """Whether ``title`` is what the page's chrome calls its site: a line of the header or footer
    begins with it ("Phòng Giáo dục và Đào tạo huyện Yên Thế - tỉnh Bắc Giang. ĐT: ...")."""
    form = _compared(title)
    return len(form) >= 10 and any(block.chrome < 1.0 and _compared(block.text).startswith(form) for block in blocks)


def _is_link_text(tree: HtmlElement, text: str) -> bool:
    """True when ``text`` is what a link of the page says: a menu item or breadcrumb, so a
    <title> naming the section ("Hoạt động của lãnh đạo tỉnh"), not the article."""
    form = _compared(text)
    return any(_compared(link.text_content()) == form for link in tree.iter("a"))


def _title_block(blocks: list[Block], title: str) -> Block | None:
    if not title:
        return None
    form = _compared(title)  # once, not once per block
    matches = [b for b in blocks if b.kind == "text" and _compared(b.text) == form]
    if not matches:
        return None
    return next((b for b in matches if b.chrome == 1.0), matches[0])


def _find_date(tree: HtmlElement, blocks: list[Block], anchor: Block | None, members: set,
               text_end: int | None, profile, url: str) -> tuple[str | None, Block | None]:
    """Publication date (ISO) and the block holding the date line, if any.

    A date line counts when it is next to the headline (``anchor``) or inside the article
    container before any "Tin khác"-style heading, and not in page chrome: a "today" clock in the
    banner or the dates of a related-news list are not the article's date. Without such a line,
    only article metadata and a date in the URL are taken, never a date guessed from the markup.
    """
    chosen = _select(tree, getattr(profile, "date_selector", None))
    line_stamp, line_block = None, None
    if chosen is not None:
        value = chosen.get("datetime") or chosen.get("content") or text_of(chosen)
        line_stamp = dates.parse_date_line(value) or dates.parse_iso(value)
    if line_stamp is None:
        best_key = None
        for block in _date_candidates(blocks, anchor, members, text_end):
            stamp = dates.parse_date_line(block.text)
            distance = abs(block.offset - (anchor.offset if anchor else 0))
            key = (block.element.tag == "a", distance + (2000 if stamp.time is None else 0)
                   + (500 if dates.is_update_line(block.text) else 0))
            if best_key is None or key < best_key:
                best_key, line_stamp, line_block = key, stamp, block
    stamp = dates.merge(line_stamp, dates.meta_date(tree))
    if stamp is None:
        stamp = dates.url_date(url)
    return (stamp.iso() if stamp else None), line_block


def _date_candidates(blocks: list[Block], anchor: Block | None, members: set, last: int | None):
    """Date lines near the headline, or in the article (``members``, its last block at ``last``) or right
    after its text (an update line under the body: "Cập nhật: 14:05 | 12/06/2024"), before its
    trailing matter, out of chrome."""
    at = next((i for i, b in enumerate(blocks) if b is anchor), None)
    # lines apart from the headline, pictures between them not counted (a row of ad images)
    lines = list(accumulate((b.kind == "text" for b in blocks), initial=0))
    ended = False
    for i, block in enumerate(blocks):
        if block.kind != "text":
            continue
        inside = block.element in members or (last is not None and last < i <= last + _CLOSING_LINES)
        if inside and (at is None or i > at) and is_trailing_heading(block.text):
            ended = True
        near = at is not None and abs(lines[i] - lines[at]) <= 3
        bare = near and not any(c.isalpha() for c in block.text)  # only a date and time: "08/01/2026 - 18:21"
        if (block.chrome < 1.0 and not bare) or block.link_ratio > 0.5 or not (near or inside and not ended):
            continue  # (a bare date by the headline counts also in a share bar; a banner's clock names the day)
        if dates.is_date_line(block.text):
            yield block


_CLOSING_LINES = 3  # lines right after the article's text that may still date it or name its author


def _text_end(blocks: list[Block], members: set) -> int | None:
    """Index of the last block of the article container (``members``), if any."""
    return max((i for i, b in enumerate(blocks) if b.element in members), default=None)


def _content_blocks(blocks: list[Block], minimum: int) -> list[Block]:
    return [b for b in blocks if b.kind == "text" and len(b.text) >= minimum
            and b.link_ratio < 0.3 and b.element.tag != "h1" and b.chrome > 0
            and not is_trailing_heading(b.text)]


def _find_container(blocks: list[Block]) -> HtmlElement | None:
    """The element holding the article's paragraphs (readability-style scoring, then widening)."""
    content = _content_blocks(blocks, 80) or _content_blocks(blocks, 40)
    if not content:
        return None
    best = _best_container(content)
    if chrome_weight(best) < 1.0:
        # the longest lines sit in a footer or sidebar: the article may be a run of short lines
        # (the steps of a procedure, a notice exported from Word); score the short lines out of chrome
        short = [b for b in _content_blocks(blocks, 20) if b.chrome == 1.0]
        if short:
            content = short
            best = _best_container(content)
    shown = {node for block in blocks for node in (block.element, *block.element.iterancestors())}
    return _widen(best, content, shown)


def _best_container(content: list[Block]) -> HtmlElement:
    """The element whose subtree holds the most (chrome-weighted) text of ``content``."""
    scores: dict[HtmlElement, float] = {}
    for block in content:
        weight = block.chrome
        node = block.element
        for level in range(5):
            if node is None or node.tag in ("body", "html"):
                break
            scores[node] = scores.get(node, 0.0) + len(block.text) * weight
            weight = weight if level == 0 else weight * 0.5
            node = node.getparent()
    if not scores:  # the text sits directly in <body> (old pages): the body is the container
        return content[0].element
    # on a tie (text held directly by a <div> and counted again for its parent) the deeper wins
    return max(scores, key=lambda node: (scores[node], len(list(node.iterancestors()))))


def _widen(best: HtmlElement, content: list[Block], shown: set[HtmlElement]) -> HtmlElement:
    """``best`` or an ancestor up to three levels up; ``shown`` holds the elements that show anything."""
    # widen to a parent when adjacent siblings hold article text too (a sapo in its own box, the text
    # cut into boxes by ad slots), not when the neighbour is a sidebar (chrome by class) and the
    # article is not; siblings that show nothing (an empty ad slot) do not part them
    floor = chrome_weight(best)
    peers = [b for b in content if b.chrome >= floor]
    for _ in range(3):
        parent = best.getparent()
        if parent is None or parent.tag in ("body", "html"):
            break
        children = [child for child in parent if child in shown]
        position = next(i for i, child in enumerate(children) if child is best)
        holders = {i for i, child in enumerate(children) if child is not best
                   and any(within(b.element, child) for b in peers)}
        if not holders or any(abs(i - position) > 2 for i in holders):
            break
        best = parent
    return best


def _is_caption(block: Block, previous: Block | None, following: Block | None,
                container: HtmlElement, alts: set[str], centred_body: bool) -> bool:
    node: HtmlElement | None = block.element
    for _ in range(4):
        if node is None:
            break
        if node.tag == "figcaption" or _CAPTION_CLASS.search(class_and_id(node)):
            return True
        if node is container:
            break
        node = node.getparent()
    if len(block.text) >= 15 and search_form(block.text) in alts:
        return True
    if previous is None or previous.kind != "img" or _ENUMERATED.match(block.text) \
            or is_lead_element(_class_chain(block.element, container)):
        return False  # (the sapo between a share bar's icon and the first picture is no caption)
    align = alignment(block.element, container)
    if align == "center" and not centred_body and len(block.text) <= LONG_CAPTION:
        return True  # centred under a picture where the text is not: a caption, a quote box too
    if len(block.text) > 300:
        return False
    if block.italic or align == "center":
        return True
    if following is not None and following.kind == "img" and len(block.text) <= 200:
        return True
    return len(block.text) <= 150 and not _TERMINAL.search(block.text) and not block.bold


def _paragraphs(blocks: list[Block], container: HtmlElement, members: set[HtmlElement], title: str,
                date_block: Block | None, alts: set[str], after_lead: bool) -> tuple[list[Para], str | None]:
    """The container's blocks (``members``: the container and its descendants) as body candidates
    (captions flagged, boxes of chrome inside the article left out), and a byline printed above the text
    ("Tác giả: ...") if there is one. ``after_lead``: a lead box stands above the container, so a heading
    at its top is the text's own."""
    inside = [b for b in blocks if b.element in members]
    total = sum(len(b.text) for b in inside) or 1
    centred_body = _centred(inside, container)
    paras: list[Para] = []
    top_author: str | None = None
    box_sizes: dict[HtmlElement, int] = {}
    cards: dict[HtmlElement, bool] = {}  # whether an ancestor is a teaser card: blocks share ancestors
    seen_content = False
    for i, block in enumerate(inside):
        if block.kind == "img" or block is date_block:
            continue
        if title and not seen_content and _same(block.text, title):
            continue  # the headline above the text; the same words further down are the text's own
        box = _chrome_box(block.element, container, cards)
        if box is not None:
            if box not in box_sizes:
                box_sizes[box] = len(text_of(box))
            if box_sizes[box] < 0.25 * total:
                continue
        previous = inside[i - 1] if i else None
        following = inside[i + 1] if i + 1 < len(inside) else None
        if _is_caption(block, previous, following, container, alts, centred_body):
            paras.append(Para(block.text, caption=True))
            continue
        if not seen_content:
            if top_author is None and byline_prefix(block.text):
                top_author = byline(block.text)
            if dates.is_date_line(block.text) or block.link_ratio > 0.5 or (
                    len(block.text) < 40 and not block.bold
                    and not (after_lead and block.element.tag in ("h2", "h3", "h4"))):
                continue
        seen_content = seen_content or len(block.text) >= 40
        hint = is_lead_element(_class_chain(block.element, container)) or (
            not paras and block.element.tag in ("h2", "h3", "h4") and len(block.text) >= 40)
        paras.append(Para(block.text, bold=block.bold, italic=block.italic,
                          align=alignment(block.element, container), lead_hint=hint,
                          link_ratio=block.link_ratio))
    return paras, top_author


def _lead_box(blocks: list[Block], title_block: Block | None, container: HtmlElement,
              members: set[HtmlElement]) -> list[Para]:
    """The sapo when it has a box of its own between the headline and the text's container: the
    paragraphs after the headline whose boxes, below the container's ancestor, name the lead."""
    if title_block is None:
        return []
    boxes = set(container.iterancestors())
    found = []
    start = next(i for i, block in enumerate(blocks) if block is title_block)
    for block in blocks[start + 1:]:
        if block.element in members:
            break
        if block.kind != "text" or len(block.text) < 40 or block.link_ratio > 0.5 \
                or dates.is_date_line(block.text):
            continue
        own = takewhile(lambda node: node not in boxes, (block.element, *block.element.iterancestors()))
        if any(is_lead_element(class_and_id(node)) for node in own):
            found.append(Para(block.text, bold=block.bold, lead_hint=True))
    return found


def _centred(blocks: list[Block], container: HtmlElement) -> bool:
    """Whether most of the text of the container's paragraphs (80 characters or more) is centred."""
    long = [b for b in blocks if b.kind != "img" and len(b.text) >= 80]
    centred = sum(len(b.text) for b in long if alignment(b.element, container) == "center")
    return centred * 2 > sum(len(b.text) for b in long)


def _chrome_box(element: HtmlElement, container: HtmlElement,
                cards: dict[HtmlElement, bool]) -> HtmlElement | None:
    """The outermost element between ``element`` and the container that is chrome by its
    class/id (a share bar, a related-news box inside the article) or is a teaser card, if any.
    ``cards`` keeps each node's teaser test for the next block."""
    found = None
    for node in (element, *element.iterancestors()):
        if node is container:
            return found
        if node not in cards:
            cards[node] = _is_teaser_card(node)
        if is_chrome_element(node) or cards[node]:
            found = node
    return None


def _is_teaser_card(node: HtmlElement) -> bool:
    """A card for another article set in the text: a box with a picture, a linked headline and at
    most a short summary ("<div class=inner-article>", an embedded <article>); the summary may be
    the longer part when the picture links where the headline does."""
    if node.tag not in ("div", "article", "aside") or node.find(".//img") is None:
        return False
    links = node.findall(".//a[@href]")
    headline, address = max(((text_of(a), a.get("href")) for a in links), key=lambda h: len(h[0]), default=("", None))
    text = text_of(node)
    if len(headline) < 20 or len(text) > 400:
        return False
    return len(headline) >= 0.2 * len(text) or any(
        a.get("href") == address and a.find(".//img") is not None for a in links)


def _class_chain(element: HtmlElement, container: HtmlElement) -> str:
    names = []
    node: HtmlElement | None = element
    for _ in range(3):
        if node is None or node is container:
            break
        names.append(class_and_id(node))
        node = node.getparent()
    return " ".join(names)


def _trafilatura_paragraphs(tree: HtmlElement, url: str) -> list[Para]:
    """The body as trafilatura reads it: the fallback, imported on first need (~0.1 s), since most
    portal pages never reach it."""
    import trafilatura

    document = trafilatura.bare_extraction(tree, url=url, include_comments=False,
                                           with_metadata=False)
    text = getattr(document, "text", None) if document is not None else None
    return [Para(clean_text(line)) for line in (text or "").split("\n") if clean_text(line)]


@functools.lru_cache(maxsize=4096)  # a page repeats its class names: each is worked out once
def _attachment_box(class_names: str, element_id: str) -> bool:
    """Whether a class and id name a box of attached files."""
    return bool(_ATTACH_CLASS.search(f"{class_names} {element_id}"))


def _attachments(tree: HtmlElement, container: HtmlElement | None, base: str) -> list[str]:
    scopes = [container] if container is not None else []
    scopes += [el for el in tree.iter() if isinstance(el.tag, str)
               and _attachment_box(el.get("class") or "", el.get("id") or "")]
    found: list[str] = []
    for scope in scopes:
        for link in scope.iter("a"):
            href = (link.get("href") or "").strip()
            if not href or href.startswith(("javascript:", "mailto:", "#")):
                continue
            absolute = urljoin(base, href)
            if is_attachment(absolute) and absolute not in found:
                found.append(absolute)
    return found


def _listing_teasers(blocks: list[Block], members: set[HtmlElement]) -> int:
    """The linked teasers that make the container a category page's (linked titles each followed by a
    teaser paragraph, over and over, making up much of the text: an article's own text outweighs a
    related list at its foot), else 0. ``members``: the container and its descendants."""
    texts = [b for b in blocks if b.kind == "text" and b.element in members
             and not dates.is_date_line(b.text)]
    teasers, teaser_chars = 0, 0
    for block, following in zip(texts, texts[1:]):
        if is_trailing_heading(block.text):
            break
        if block.link_ratio > 0.8 and len(block.text) >= 25 \
                and following.link_ratio < 0.2 and len(following.text) >= 60:
            teasers += 1
            teaser_chars += len(block.text) + len(following.text)
    total = sum(len(b.text) for b in texts) or 1
    share = teaser_chars / total
    return teasers if (teasers >= 3 and share >= 0.3) or (teasers >= 2 and share >= 0.5) else 0


def _check_soft_404(title: str, blocks: list[Block]) -> None:
    """An error page served with status 200: the title or a heading says so (and is short, or the
    page holds little text), or a short line of a page holding little text says so."""
    body_blocks = [b for b in blocks if b.kind == "text" and b.chrome == 1.0]
    small = sum(len(b.text) for b in body_blocks) < 1500
    headings = [title] + [b.text for b in blocks if b.kind == "text" and b.element.tag in ("h1", "h2", "h3")]
    lines = [b.text for b in body_blocks if len(b.text) <= 150] if small else []
    for text in headings + lines:
        if _SOFT_404.search(search_form(text)) and (small or len(text) < 60):
            raise ExtractionError(f"soft 404: the page says \"{text[:80]}\"")


def extract_html(html: str | bytes, url: str, profile=None, headers: dict | None = None) -> Article:
    """Return the Article in ``html`` fetched from ``url``; raise ExtractionError if there is none.

    ``profile`` may carry CSS selectors (title_selector, date_selector, body_selector,
    author_selector) for what the generic rules get wrong on one portal.
    """
    source = _as_text(html, headers)
    tree = _parse(source)
    _fix_text_nodes(tree)
    body = tree.find("body")
    blocks = render(body if body is not None else tree)
    if not any(b.kind == "text" for b in blocks):
        target = get_meta_refresh(source, url)[1]
        raise ExtractionError(f"redirect page: meta refresh to {target}, no text" if target
                              else "empty page: no text")
    page_text = " ".join(b.text for b in blocks if b.kind == "text")
    declared = tree.get("lang") or _meta(tree, "language", "og:locale")
    language = detect_language(page_text, declared)
    container = _select(tree, getattr(profile, "body_selector", None))
    if container is None and language == "vi":
        container = _find_container(blocks)
    title = _find_title(tree, blocks, container, profile)
    _check_soft_404(title, blocks)
    title_block = _title_block(blocks, title)
    anchor = title_block or next((b for b in blocks if container is not None and b.kind == "text"
                                  and within(b.element, container)), None)
    members = subtree(container) if container is not None else set()
    text_end = _text_end(blocks, members)
    published, date_block = _find_date(tree, blocks, anchor, members, text_end, profile, url)

    author = None
    chosen_author = _select(tree, getattr(profile, "author_selector", None))
    if chosen_author is not None:
        author = text_of(chosen_author) or None
    alts = {search_form(b.text) for b in blocks if b.kind == "img" and len(b.text) >= 15}
    top_author = None
    if container is not None:
        lead = _lead_box(blocks, title_block, container, members)
        teasers = _listing_teasers(blocks, members)
        if teasers and not (lead and _declares_article(tree)):
            raise ExtractionError(f"listing page, not an article ({teasers} linked teasers)")
        if teasers:
            paras = lead  # an article whose text box is empty, above a related list: its sapo is all its text
        else:
            paras, top_author = _paragraphs(blocks, container, members, title, date_block, alts, bool(lead))
            paras = lead + paras
    else:
        paras = _trafilatura_paragraphs(tree, url)
    if author:
        paras = [p for p in paras if not _same(p.text, author)]
    result = finish_body(paras, author)
    closing = blocks[text_end + 1:text_end + 1 + _CLOSING_LINES] if text_end is not None else []
    result.author = result.author or top_author or _marked_author([date_block, *closing])
    text = "\n\n".join(result.paragraphs)
    if not text:
        raise ExtractionError("no article text found")
    if not title:
        raise ExtractionError("no title found")
    base = next((b.get("href") for b in tree.iter("base") if b.get("href")), None)
    text_language = detect_language(text, declared)  # the article's, not the page chrome's
    return Article(
        url=url, title=title, text=text, published=published, author=result.author,
        lead=result.lead, captions=result.captions,
        attachments=_attachments(tree, container, urljoin(url, base) if base else url),
        language=language if text_language == "und" else text_language,
    )
