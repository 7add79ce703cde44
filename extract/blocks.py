"""Render an HTML tree into a flat list of text blocks (paragraph-sized lines) and images.

Each block remembers the element that holds it and a few facts the rules need: how much of
it is link text, bold or italic; its alignment; whether it sits in page chrome (header,
menu, footer, sidebar). trafilatura renders text too, but drops the element behind each
line, and the rules below (captions next to images, right-aligned bylines, date lines near
the title) need it.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from lxml.html import HtmlElement

from extract.text import clean_text

BLOCK_TAGS = frozenset(
    "p div td th tr table tbody thead tfoot li ul ol dl dt dd h1 h2 h3 h4 h5 h6 blockquote "
    "section article header footer aside nav figure figcaption pre address center main form "
    "fieldset legend caption hr details summary".split()
)
SKIP_TAGS = frozenset(
    "script style noscript template iframe select option button input textarea svg canvas "
    "object embed map head title meta link video audio".split()
)
CHROME_TAGS = frozenset({"header", "nav", "footer", "aside"})
_CHROME_TOKEN = re.compile(
    r"(?:^|[\s_-])(?:menu|menus|nav|navbar|navigation|topbar|top-bar|footer|header|banner|"
    r"sidebar|side-col|sidebox|breadcrumbs?|path|comments?|related|relate|other-news|othernews|"
    r"tinkhac|tin-khac|lienquan|lien-quan|widget|copyright|share|social|tags|tag-list|advert|"
    r"ads|quangcao|quang-cao|today|weather|thoitiet|clock|search|login|counter|thongke|"
    r"thong-ke|visitor|poll|rightcol|leftcol|right-col|left-col|col-right|col-left|"
    r"leftmenu|rightmenu|topmenu|mostview|most-view|xemnhieu|newest|moinhat)(?:$|[\s_-])",
    re.I,
)
# an article's own header ("entry-header", "news-header") is not page chrome
_ARTICLE_HEADER = re.compile(r"(?:entry|post|article|news|detail|story|content|longform)[-_]header", re.I)
_ALIGN = re.compile(r"text-align\s*:\s*(left|right|center|justify)", re.I)
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# a popup or modal box ("tn-ggr2-popup-overlay", Bootstrap's "modal fade") is hidden until the reader opens it
_POPUP_TOKEN = re.compile(r"(?:^|[\s_-])(?:popup|modal)(?:$|[\s_-])", re.I)
# a link that writes out its own address (a URL or an e-mail) is text to read, not navigation
_ADDRESS_TEXT = re.compile(r"(?:https?://|www\.)\S+$|[\w.+-]+@[\w-]+(?:\.[\w-]+)+$", re.I)
# an inline element an ASP.NET or DNN template shows as a line of its own: the headline or the date
# ("<span id='..._lblTitle' class='title-news'>", "<span class='date-news'>")
_LINE_INLINE_TAGS = frozenset({"span", "label", "font"})
_LINE_CLASS = re.compile(r"title|tieude|tieu-de|tieu_de|headline|date|ngay-?dang|thoi-?gian", re.I)
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(bold|[6-9]00)", re.I)
_ITALIC_STYLE = re.compile(r"font-style\s*:\s*italic", re.I)


@dataclass
class Block:
    """One rendered line of the page: text, or an image (``kind == "img"``, text = alt)."""

    text: str
    element: HtmlElement
    kind: str = "text"
    offset: int = 0  # characters of block text before this one in the page
    link_chars: int = 0
    bold: bool = False
    italic: bool = False
    chrome: float = 1.0  # chrome_weight(element), worked out while rendering

    @property
    def link_ratio(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0


def class_and_id(element: HtmlElement) -> str:
    """The element's class and id in one string, for the patterns that read what a box is named."""
    return f"{element.get('class') or ''} {element.get('id') or ''}"


def _chrome_class(element: HtmlElement) -> bool:
    """Whether the element's class or id names page chrome (an article's own header aside)."""
    return _chrome_names(class_and_id(element))


@functools.lru_cache(maxsize=4096)  # a page repeats its class names: each is worked out once
def _chrome_names(names: str) -> bool:
    return bool(_CHROME_TOKEN.search(_ARTICLE_HEADER.sub(" ", names)))


@functools.lru_cache(maxsize=4096)
def _popup_names(names: str) -> bool:
    return bool(_POPUP_TOKEN.search(names))


def _closed_box(element: HtmlElement) -> bool:
    """A box not shown until the reader opens it: a popup or modal by its class/id, a closed <dialog>."""
    if element.tag == "dialog":
        return element.get("open") is None
    return element.tag == "div" and _popup_names(class_and_id(element))


def is_chrome_element(element: HtmlElement) -> bool:
    """A header/nav/footer/aside tag, or a class/id naming menus, sidebars, share bars ..."""
    if element.tag in CHROME_TAGS:
        return not _ARTICLE_HEADER.search(element.get("class") or "")
    return _chrome_class(element)


def chrome_weight(element: HtmlElement) -> float:
    """0 inside header/nav/footer/aside tags, 0.3 under a chrome-like class or id, else 1."""
    weight = 1.0
    for node in (element, *element.iterancestors()):
        if node.tag in ("body", "html"):
            break
        weight = _own_chrome_weight(node, weight)
        if weight == 0.0:
            break
    return weight


def _own_chrome_weight(node: HtmlElement, weight: float) -> float:
    """``weight`` (of the node's parent, or of what is below it) lowered by the node itself."""
    if node.tag in CHROME_TAGS and not _ARTICLE_HEADER.search(node.get("class") or ""):
        return 0.0
    if weight == 1.0 and _chrome_class(node):
        return 0.3
    return weight


def alignment(element: HtmlElement, stop: HtmlElement | None = None) -> str | None:
    """'right', 'center', 'left' or 'justify' from align= or style, on the element or a parent."""
    node: HtmlElement | None = element
    for _ in range(3):
        if node is None or node is stop:
            break
        align = (node.get("align") or "").lower()
        if align in ("left", "right", "center", "justify"):
            return align
        match = _ALIGN.search(node.get("style") or "")
        if match:
            return match.group(1).lower()
        node = node.getparent()
    return None


class _Renderer:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.pieces: list[tuple[str, bool, bool, bool]] = []
        self.holders: list[HtmlElement] = []
        self.weights: list[float] = []  # chrome_weight of each holder
        self.offset = 0

    def flush(self) -> None:
        if not self.pieces:  # most calls: a block boundary right after another
            return
        raw = "".join(piece[0] for piece in self.pieces)
        text = clean_text(raw) if not raw.isspace() else ""  # spaces alone clean to nothing
        if text:
            visible = bold = italic = link = 0  # characters of the pieces, without their outer spaces
            for piece, in_bold, in_italic, in_link in self.pieces:
                size = len(piece.strip())
                visible += size
                bold += size if in_bold else 0
                italic += size if in_italic else 0
                link += size if in_link else 0
            visible = visible or 1
            block = Block(text=text, element=self.holders[-1], offset=self.offset,
                          link_chars=min(len(text), link), chrome=self.weights[-1],
                          bold=bold / visible >= 0.9, italic=italic / visible >= 0.9)
            self.blocks.append(block)
            self.offset += len(text)
        self.pieces = []

    def walk(self, element: HtmlElement, bold: bool, italic: bool, link: bool, weight: float) -> None:
        tag = element.tag
        if not isinstance(tag, str) or tag in SKIP_TAGS or element.get("hidden") is not None:
            return
        style = element.get("style") or ""
        if style and _HIDDEN.search(style) or _closed_box(element):
            return
        if tag not in ("body", "html") and weight > 0.0:
            weight = _own_chrome_weight(element, weight)
        if tag == "img":
            self.flush()
            alt = clean_text(element.get("alt") or element.get("title") or "")
            self.blocks.append(Block(text=alt, element=element, kind="img", offset=self.offset, chrome=weight))
            return
        if tag == "br":
            self.flush()
            return
        bold = bold or tag in ("b", "strong") or bool(style and _BOLD_STYLE.search(style))
        italic = italic or tag in ("i", "em") or bool(style and _ITALIC_STYLE.search(style))
        link = link or (tag == "a" and element.get("href") is not None
                        and not _ADDRESS_TEXT.match(element.text_content().strip()))
        block = tag in BLOCK_TAGS or (tag in _LINE_INLINE_TAGS and bool(_LINE_CLASS.search(class_and_id(element))))
        if block:
            self.flush()
            self.holders.append(element)
            self.weights.append(weight)
        text = element.text  # read once: lxml makes a new string at every read
        if text:
            self.pieces.append((text, bold, italic, link))
        for child in element:
            self.walk(child, bold, italic, link, weight)
            tail = child.tail
            if tail:
                self.pieces.append((tail, bold, italic, link))
        if block:
            self.flush()
            self.holders.pop()
            self.weights.pop()


def render(root: HtmlElement) -> list[Block]:
    """The blocks of ``root`` in document order."""
    renderer = _Renderer()
    renderer.holders.append(root)
    renderer.weights.append(chrome_weight(root))
    renderer.walk(root, False, False, False, renderer.weights[0])
    renderer.flush()
    return renderer.blocks


def within(element: HtmlElement, container: HtmlElement) -> bool:
    """True when ``element`` is ``container`` or one of its descendants."""
    if element is container:
        return True
    return any(node is container for node in element.iterancestors())


def subtree(container: HtmlElement) -> set[HtmlElement]:
    """``container`` and all its descendants: ``within`` for many elements, one set lookup each."""
    return set(container.iter())


def text_of(element: HtmlElement) -> str:
    """The visible text of an element, its lines joined by spaces."""
    return " ".join(block.text for block in render(element) if block.kind == "text")
