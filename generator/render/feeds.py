"""Atom feeds of new articles and of the log of changes: one for the site, one per topic
(feedgen does the XML).

Entries carry the sanitised first paragraph, stable ids derived from article ids,
and the article's date (the build date when unknown), so feeds are reproducible.
Links are relative to the feed, so the feed works wherever the site is published.
"""

from __future__ import annotations

import posixpath
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timezone

from feedgen.feed import FeedGenerator

from ..model import ArticleInfo
from .environment import page_url
from .paths import article_path

FEED_LIMIT = 50
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "briefing-archive")


def _moment(day: date) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=timezone.utc)


@dataclass(frozen=True)
class FeedItem:
    """An entry of a feed: an article, or a change of the log."""

    key: str        # stable: the entry's id is made from it
    title: str
    link: str       # a source path, made relative to the feed
    day: date
    html: str       # the entry's content, safe HTML


def item_feed(path: str, title: str, items: Sequence[FeedItem], undated: date,
              identity: str = "") -> bytes:
    """The ``FEED_LIMIT`` first of ``items`` (newest first). ``identity`` (the path when
    empty) makes the feed's id: a feed that moves keeps it."""
    newest = items[:FEED_LIMIT]
    feed = FeedGenerator()
    feed.id(f"urn:uuid:{uuid.uuid5(_NAMESPACE, identity or path)}")
    feed.title(title)
    feed.language("fr")
    feed.link(href=posixpath.basename(path), rel="self")
    feed.updated(_moment(max((item.day for item in newest), default=undated)))
    for item in newest:
        entry = feed.add_entry(order="append")
        entry.id(f"urn:uuid:{uuid.uuid5(_NAMESPACE, item.key)}")
        entry.title(item.title)
        entry.link(href=page_url(path, item.link))
        entry.updated(_moment(item.day))
        entry.content(item.html, type="html")
    return feed.atom_str(pretty=True)


def atom_feed(path: str, title: str, articles: tuple[ArticleInfo, ...], summaries: dict[str, str],
              undated: date, identity: str = "") -> bytes:
    """The ``FEED_LIMIT`` newest articles; ``summaries`` maps article id to safe HTML."""
    return item_feed(path, title, [
        FeedItem(a.id, a.title, article_path(a.id), a.date.start if a.date else undated,
                 summaries[a.id]) for a in articles[:FEED_LIMIT]], undated, identity)
