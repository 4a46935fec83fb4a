"""A saved web page: its metadata and main text, through trafilatura.

trafilatura finds the article's text among the page's menus, footers and sidebars, and
reads title, date, site name and canonical URL from the page's metadata (Open Graph,
JSON-LD, ``<link rel=canonical>``, ``<time>``...). What comes out here is plain lines,
headings marked ``## `` and list items ``• ``, that the debris cleaning then reads like
any pasted text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import lxml.html
import trafilatura
from lxml import etree

from .reading import DraftInputError


@dataclass(frozen=True)
class Page:
    title: str | None
    date: str | None          # YYYY-MM-DD
    site_name: str | None
    url: str | None
    hostname: str | None
    lines: list[str] = field(default_factory=list)
    # Short texts of the whole page (bylines that the extraction leaves out, « Par X avec AFP »).
    short_texts: list[str] = field(default_factory=list)
    # Texts the page prints inside its furniture (a video block, related links, an aside, a menu),
    # which the extraction may still take for the article's: not the article's text.
    furniture: frozenset[str] = frozenset()


def _text(element: Any) -> str:
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip()


def _lines(body: Any) -> list[str]:
    lines: list[str] = []
    for element in body:
        tag = element.tag
        if tag == "head":
            text = _text(element)
            if text:
                lines.append(f"## {text}")
        elif tag == "list":
            lines += [f"• {_text(item)}" for item in element.iter("item") if _text(item)]
        elif tag in ("p", "quote", "item", "cell", "row", "table", "div"):
            text = _text(element)
            if text:
                lines.append(text)
        elif tag == "lb":
            continue
        else:
            text = _text(element)
            if text:
                lines.append(text)
    return lines


def _clean_title(title: str | None, site_name: str | None) -> str | None:
    """The page's title without its site-name suffix (« … - France 24 »)."""
    if not title:
        return None
    if site_name:
        title = re.sub(rf"\s*[-|–—:]\s*{re.escape(site_name)}\s*$", "", title, flags=re.IGNORECASE)
    return title.strip() or None


def _short_texts(html: str) -> list[str]:
    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, etree.ParserError):
        return []
    texts = (re.sub(r"\s+", " ", element.text_content()).strip()
             for element in tree.iter("p", "div", "span", "address", "li"))
    return list(dict.fromkeys(text for text in texts if text and len(text.split()) <= 14))


# What a block's class or id says it is, when it is no part of the article's text: a media player,
# related or recommended links, a newsletter box, sharing, tags, menus (« video_block »,
# « related-links », « most_read », « c-newsletter »).
_FURNITURE_BLOCK = re.compile(
    r"(?:^|[\s_-])(?:videos?|player|audio|podcasts?|related|aside|newsletter|promo|outbrain|taboola|sponsor\w*"
    r"|recommend\w*|breadcrumbs?|nav|navigation|menu|sidebar|share|sharing|social|tags?|most[\s_-]?read"
    r"|plus[\s_-]?lus|read[\s_-]?also|lire[\s_-]?aussi|see[\s_-]?also|playlist)(?=$|[\s_-])", re.I)
# A block holding more words than this is the article's frame, not a box beside its text.
_FURNITURE_WORDS = 80


def _furniture_texts(html: str) -> frozenset[str]:
    """The texts of the page's asides, menus, captions and blocks whose class or id names them
    furniture, each line of them as the extraction would give it."""
    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, etree.ParserError):
        return frozenset()
    texts: set[str] = set()
    for element in tree.iter("aside", "nav", "figcaption", "div", "section", "ul", "p", "span"):
        marks = f"{element.get('class') or ''} {element.get('id') or ''}"
        if element.tag in ("div", "section", "ul", "p", "span") and not _FURNITURE_BLOCK.search(marks):
            continue
        if len(_text(element).split()) > _FURNITURE_WORDS:
            continue
        for part in element.iter():
            if isinstance(part.tag, str) and (text := _text(part)):
                texts.add(text)
    return frozenset(texts)


def extract_page(html: str) -> Page:
    try:
        document = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=True,
            include_formatting=True, include_links=False, include_images=False,
            output_format="python", favor_precision=True)
    except Exception as error:  # the library's own failure on a broken page: one line, never a traceback
        raise DraftInputError(f"could not read this web page ({type(error).__name__}): save the "
                              "article's text as a .txt file instead") from None
    if isinstance(document, dict):  # only with as_dict=True
        raise TypeError("trafilatura returned a dict")
    if document is None or document.body is None or not len(document.body):
        raise DraftInputError("no article text found in this web page: copy the article's text "
                              "into a .txt file instead")
    date = document.date if document.date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", document.date) else None
    url = document.url if document.url and re.match(r"https?://", document.url) else None
    return Page(title=_clean_title(document.title, document.sitename), date=date,
                site_name=document.sitename or None, url=url, hostname=document.hostname or None,
                lines=_lines(document.body), short_texts=_short_texts(html), furniture=_furniture_texts(html))
