"""Page shells: the site builder renders one sentinel page per folder, and every generated
page of that folder is that page with its own title and content put in.

Theme templates (Material's are the slowest part of a build) then run once per folder
instead of once per page. Pages of one folder share every relative link of the theme's
chrome, and generated pages are not in the navigation, so the chrome is the same for
all of them but for the title. Works with any theme that prints the title and content.
"""

from __future__ import annotations

import hashlib
import html
import posixpath
from dataclasses import dataclass
from functools import cached_property

SHELL_NAME = "__shell__"
TITLE = "\ue010ba-shell-title\ue011"
_START = "\ue010ba-shell-start\ue011"
_END = "\ue010ba-shell-end\ue011"
# The <h1> keeps themes (Material) from adding a title heading of their own.
CONTENT = f"<p>{_START}</p><h1>{TITLE}</h1><p>{_END}</p>"


def shell_path(folder: str) -> str:
    """The source path of the shell page for ``folder`` ('' for the site root)."""
    return posixpath.join(folder, f"{SHELL_NAME}.md")


@dataclass(frozen=True)
class Shell:
    """A rendered shell split around its title and content."""

    head: tuple[str, ...]  # the parts before the content, between title occurrences
    tail: tuple[str, ...]  # the parts after the content, between title occurrences

    @classmethod
    def parse(cls, page: str) -> "Shell":
        start = page.index(f"<p>{_START}</p>")
        end = page.index(f"<p>{_END}</p>") + len(f"<p>{_END}</p>")
        return cls(tuple(page[:start].split(TITLE)), tuple(page[end:].split(TITLE)))

    @cached_property
    def digest(self) -> str:
        """Changes whenever the shell does (a key for pages stored finished)."""
        return hashlib.sha256("\0".join(self.head + ("",) + self.tail).encode("utf-8")).hexdigest()

    def wrap(self, title: str, content: str) -> str:
        """The full page: ``title`` is plain text, ``content`` is safe HTML."""
        escaped = html.escape(title)
        return escaped.join(self.head) + content + escaped.join(self.tail)
