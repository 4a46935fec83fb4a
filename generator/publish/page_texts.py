"""The search texts of the pages put into shells, kept for the next build.

A hub page (a topic, an actor, a list) is searchable by every word it shows, read from its
content when a writer makes it (writer.py ``WriteJob.searched``). A page the next build
moves back from the previous site is not made again: its text is kept here, under the key
it was made under (``Planned.key``, which names everything the page shows), sealed
(sealed.py) in the plan's store, so that a rebuild reads it instead of remaking the page.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from . import sealed

_NAME = "page-texts.json"

PageText = tuple[str, str]  # search keys (space-separated) and text (derive/search.py page_text)


def text_key(page_key: str) -> str:
    return hashlib.sha256(page_key.encode("utf-8")).hexdigest()[:32]


def load(store: Path) -> dict[str, PageText]:
    """The texts kept by the last build, by text_key of their page's key ({} if none)."""
    parts = sealed.read_sealed(store / _NAME, _NAME)
    if parts is None or len(parts) != 1:
        return {}
    try:
        return {key: (terms, text) for key, (terms, text) in json.loads(parts[0]).items()}
    except (ValueError, TypeError, AttributeError):
        return {}


def save(store: Path, texts: dict[str, PageText]) -> None:
    """Written one page per chunk (sealed.write_sealed): 2,700 pages' texts at 10,000
    articles, tens of megabytes, never held again as one JSON string."""
    sealed.write_sealed(store / _NAME, _NAME, [sealed.json_chunks(texts)])
