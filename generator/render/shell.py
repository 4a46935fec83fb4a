"""Page shells: the fast path that gives a generated page the bytes MkDocs would give it.

The site builder renders, per folder, a sentinel page with a table of contents and one
without; every generated page of that folder is one of them with its own title, address,
table of contents and content put in. Theme templates (Material's are the slowest part
of a build) then run twice per folder instead of once per page. Pages of one folder share
every relative link of the theme's chrome, and generated pages are not in the navigation,
so the chrome differs only where the theme prints the title, the page's own address, the
table of contents and the skip link to its first heading.

The same pages rendered by MkDocs itself (``fast_pages: false``) must give the same bytes:
tests/test_real_pages.py builds both ways and compares, so a theme or MkDocs upgrade that
breaks this fast path fails CI.
"""

from __future__ import annotations

import hashlib
import html
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TypedDict

from .sharing import DESCRIPTION_SLOT, IMAGE_SLOT, description, image
from .typography import french_text

SHELL_NAME = "__shell__"
PLAIN_SHELL_NAME = "__shell-sans-sommaire__"
TITLE = "\ue010ba-shell-title\ue011"
_START = "\ue010ba-shell-start\ue011"
_END = "\ue010ba-shell-end\ue011"
# Two headings, so that the shell shows what the theme puts between two entries.
_TOC_IDS = ("ba-shell-toc-1", "ba-shell-toc-2")
_TOC_TEXT = "ba-shell-toc-entry"
_TOC_SLOT = "\ue010ba-shell-toc\ue011"  # where a page's entries go, in a parsed shell
# The <h1> keeps themes (Material) from adding a title heading of their own.
# After it, the places of the page's description and image (render/sharing.py), which the
# theme prints in the page's head.
_SLOTS = f'<p>{DESCRIPTION_SLOT}</p><p data-share-image="{IMAGE_SLOT}"></p>'
CONTENT = f"<p>{_START}</p><h1>{TITLE}</h1>{_SLOTS}<p>{_END}</p>"
CONTENT_WITH_TOC = (f"<p>{_START}</p><h1>{TITLE}</h1>{_SLOTS}"
                    + "".join(f'<h2 id="{anchor}">{_TOC_TEXT}</h2>' for anchor in _TOC_IDS)
                    + f"<p>{_END}</p>")
# What the theme prints for a page's image (docs/overrides/main.html), as one run of text:
# a page without an image has none of it.
_IMAGE_TAGS = re.compile(f'<meta property="og:image"[^\n]*?{IMAGE_SLOT}[^\n]*?{IMAGE_SLOT}">')

# Generated pages' headings, as their templates write them: <h2 id="…">…</h2>.
_HEADING = re.compile(r'<h([23]) id="([^"]+)"[^>]*>(.*?)</h\1>', re.S)
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Heading:
    level: int
    id: str
    title: str  # HTML
    children: tuple["Heading", ...] = ()


def headings(content: str) -> tuple[Heading, ...]:
    """The page's sections (h2, with their h3), as the table of contents lists them."""
    sections: list[Heading] = []
    for level, anchor, inner in _HEADING.findall(content):
        heading = Heading(int(level), anchor, _TAG.sub("", inner).strip())
        if heading.level == 3 and sections:
            last = sections[-1]
            sections[-1] = Heading(last.level, last.id, last.title, (*last.children, heading))
        else:
            sections.append(heading)
    return tuple(sections)


class TocToken(TypedDict):
    """A heading as the Markdown toc extension gives it (and MkDocs' get_toc reads it)."""

    level: int
    id: str
    name: str
    children: list[TocToken]


def toc_tokens(sections: tuple[Heading, ...]) -> list[TocToken]:
    """``sections`` as MkDocs' get_toc reads them (the Markdown toc extension's tokens)."""
    return [{"level": h.level, "id": h.id, "name": h.title, "children": toc_tokens(h.children)}
            for h in sections]


def shell_path(folder: str, with_toc: bool = True) -> str:
    """The source path of a shell page for ``folder`` ('' for the site root)."""
    return posixpath.join(folder, f"{SHELL_NAME if with_toc else PLAIN_SHELL_NAME}.md")


@dataclass(frozen=True)
class Shell:
    """A rendered shell split where each page puts its own parts in.

    ``head`` and ``tail`` are the page before and after the content, cut at each title;
    in a shell with a table of contents, ``head`` and ``tail`` hold ``_TOC_IDS[0]`` where
    the skip link points, and the entries' place is marked by ``_TOC_SLOT``.
    """

    name: str                  # the shell's file name, printed where the theme gives the page's address
    head: tuple[str, ...]
    tail: tuple[str, ...]
    separator: str = ""        # what the theme writes between two table of contents entries
    image_tags: str = ""       # what the theme prints for the page's image, IMAGE_SLOT in it

    @classmethod
    def parse(cls, page: str, name: str) -> "Shell":
        start = page.index(f"<p>{_START}</p>")
        end = page.index(f"<p>{_END}</p>") + len(f"<p>{_END}</p>")
        before, after, separator = page[:start], page[end:], ""
        if f'href="#{_TOC_IDS[1]}"' in before:  # a shell with its table of contents
            before, separator = _cut_entries(before)
        tags = _IMAGE_TAGS.search(before)
        return cls(name, tuple(before.split(TITLE)), tuple(after.split(TITLE)), separator,
                   tags.group(0) if tags else "")

    @cached_property
    def digest(self) -> str:
        """Changes whenever the shell does (a key for pages stored finished)."""
        return hashlib.sha256("\0".join((self.name, self.separator, *self.head, "",
                                         *self.tail)).encode("utf-8")).hexdigest()

    def wrap(self, title: str, content: str, path: str, entries: list[str],
             first_anchor: str = "") -> str:
        """The full page: ``title`` is plain text, ``content`` is safe HTML, ``path`` the
        page's own (folder/x.html), ``entries`` its table of contents as the theme renders them."""
        file_name = posixpath.basename(path)
        escaped = html.escape(french_text(title))  # as Page.markdown gives it to MkDocs
        # As Markdown gives it back to MkDocs: without the template's surrounding blank lines.
        page = escaped.join(self.head) + content.strip("\n") + escaped.join(self.tail)
        page = page.replace(f"{self.name}.html", file_name)
        page = page.replace(DESCRIPTION_SLOT, html.escape(description(content)))
        if self.image_tags:  # the shell's image is IMAGE_SLOT in its folder
            shown, folder = image(path, content), posixpath.dirname(path)
            slot = posixpath.join(folder, IMAGE_SLOT)
            page = page.replace(self.image_tags,
                                self.image_tags.replace(slot, shown) if shown else "", 1)
        if self.separator:
            page = page.replace(_TOC_SLOT, self.separator.join(entries), 1)
            page = page.replace(f'href="#{_TOC_IDS[0]}"', f'href="#{first_anchor}"')
        return page


@dataclass(frozen=True)
class FolderShells:
    """A folder's two shells: pages with sections get the one with a table of contents."""

    with_toc: Shell
    plain: Shell

    @cached_property
    def digest(self) -> str:
        return hashlib.sha256(f"{self.with_toc.digest}{self.plain.digest}".encode()).hexdigest()

    def wrap(self, title: str, content: str, path: str,
             toc_entries: Callable[[tuple[Heading, ...]], list[str]]) -> str:
        sections = headings(content)
        if not sections:
            return self.plain.wrap(title, content, path, [])
        return self.with_toc.wrap(title, content, path, toc_entries(sections), sections[0].id)



def _cut_entries(text: str) -> tuple[str, str]:
    """``text`` with the two sentinel entries of its table of contents replaced by
    ``_TOC_SLOT``, and what the theme wrote between them ('' if they are not in ``text``)."""
    second = text.find(f'href="#{_TOC_IDS[1]}"')
    if second < 0:
        return text, ""
    first = text.rfind(f'href="#{_TOC_IDS[0]}"', 0, second)
    start = text.rfind("<li", 0, first)
    first_end = text.index("</li>", first) + len("</li>")
    second_start = text.rfind("<li", 0, second)
    end = text.index("</li>", second) + len("</li>")
    return text[:start] + _TOC_SLOT + text[end:], text[first_end:second_start]
