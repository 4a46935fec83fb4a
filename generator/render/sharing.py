"""What a page says of itself to search engines and link previews: a description taken from
its own content (its first paragraph of text) and, when it has one, its image for previews
(a topic page's first chart, drawn as PNG: previews take no SVG). Generated pages carry both in their metadata (Page.markdown); the
theme prints them (docs/overrides/main.html: description, Open Graph, Twitter card)."""

from __future__ import annotations

import html
import posixpath
import re

DESCRIPTION_CHARS = 200
_PARAGRAPH = re.compile(r"<p\b[^>]*>(.*?)</p>", re.S)
# Without a leading ``\b``: an expression that opens on a literal is searched for it first,
# one that opens on ``\b`` is tried at every position of the page (4 s in a 10,000-article
# build); the word boundary is checked on each match instead (_share_image).
_IMAGE = re.compile(r'data-share-image="([^"]+)"')
_WORD_CHARACTER = re.compile(r"\w")
_TAG = re.compile(r"<[^>]+>")
_BREAK = re.compile(r"<br\s*/?>")
# Where a page shell (render/shell.py) takes each page's own description and image.
DESCRIPTION_SLOT = "\ue010ba-shell-description\ue011"
IMAGE_SLOT = "\ue010ba-shell-image\ue011"


def description(content: str) -> str:
    """The page's first paragraph with text after its title (or, with none, the text after
    its title), as plain text, cut after a whole word."""
    after_title = content.partition("</h1>")[2] or content
    # Its first paragraph; a page of lists alone (an index) is described by their start.
    texts = (_text(match.group(1)) for match in _PARAGRAPH.finditer(after_title))
    text = next(filter(None, texts), "") or _text(after_title, " ")
    if len(text) <= DESCRIPTION_CHARS:
        return text
    cut = text.rfind(" ", 0, DESCRIPTION_CHARS)
    return text[:cut if cut > 0 else DESCRIPTION_CHARS].rstrip(" ,;:") + " …"


def _text(html_text: str, between_tags: str = "") -> str:
    """Plain text: inline tags dropped (or, between blocks, read as ``between_tags``)."""
    return " ".join(html.unescape(_TAG.sub(between_tags, _BREAK.sub(" ", html_text))).split())


def _share_image(content: str) -> re.Match[str] | None:
    """The first ``data-share-image`` attribute of ``content`` that starts a word."""
    for match in _IMAGE.finditer(content):
        start = match.start()
        if start == 0 or _WORD_CHARACTER.match(content, start - 1) is None:
            return match
    return None


def image(path: str, content: str) -> str:
    """The page's image for link previews, from the site's root ('sujets/x.png'): the first
    ``data-share-image`` of its content; '' when it has none. A page shell's is IMAGE_SLOT
    in its folder."""
    match = _share_image(content)
    if match is None:
        return ""
    source = html.unescape(match.group(1))
    if "://" in source or source.startswith(("/", "data:")):
        return ""
    return posixpath.normpath(posixpath.join(posixpath.dirname(path), source))
