"""Every generated page as a (path, Markdown) pair, and every generated file, independent of MkDocs.

Page bodies are HTML blocks rendered by autoescaping templates: contributor text
never becomes Markdown or YAML syntax, and any Markdown builder passes them through.
Each page family has its module (articles, topics, archives, actors, home); PageBuilder
puts them together with the data files, the redirects, and the plan of the whole site.
"""

from __future__ import annotations

import hashlib
import html
import json
import posixpath
from collections.abc import Callable
from datetime import date
from functools import cached_property, partial

from ...derive.analysis import derive_from_bodies
from ...model import UNKNOWN, Archive, Article
from .. import paths
from ..export import SCHEMA_PATH, Chunks, Maker, article_schema, data_makers
from ..paths import html_path
from .actors import ActorPages
from .archives import ArchivePages
from .articles import ArticlePages, FromBodies
from .base import Asset, Page, Planned
from .home import HomePages
from .log import LogPages
from .topics import TopicPages


class DuplicatePagePath(ValueError):
    """Two pages would be written to the same path (one would silently replace the other)."""


def check_no_overlap(paths: list[str], existing: set[str]) -> None:
    """Refuse a generated file whose path is taken, as Pelican's writer does; a page
    (x.md) and a file (x.html, such as a redirect) are both published as x.html."""
    seen = {html_path(path) for path in existing}
    for path in paths:
        if html_path(path) in seen:
            raise DuplicatePagePath(f"two pages would both be written to '{path}' "
                                    "(a hand-written page or another generated page)")
        seen.add(html_path(path))


class PageBuilder(ArticlePages, TopicPages, ArchivePages, ActorPages, HomePages, LogPages):
    """Holds the archive and what is derived from it; each page family's methods plan its
    pages. ``articles`` gives the articles' contents already rendered (by the pipeline's
    worker processes, or from the cache), and the keys under which finished pages are
    stored; ``from_archive`` renders them from the articles' bodies instead."""

    @classmethod
    def from_archive(cls, archive: Archive[Article], download: str | None = None,
                     build_day: date | None = None) -> PageBuilder:
        """Article contents rendered from their bodies, the analysis derived from them."""
        analysis = derive_from_bodies(archive)
        return cls(archive, FromBodies(archive), analysis.copies, analysis,
                   download=download, build_day=build_day)

    def redirects(self) -> list[Planned]:
        """Pages moved to a French slug (or name): a small page at each old address (the id's) that
        sends the reader on, by meta refresh and by a link (from file:// too)."""
        moved = []
        for registry, path_of, family in ((self.archive.topics, paths.topic_path, self.topic),
                                         (self.archive.actors, paths.actor_path, self.actor)):
            for item_id, item in registry.items():
                if item.slug and item.slug != item_id:
                    new, old = (path_of(name).removesuffix(".md") for name in (item.slug, item_id))
                    moved += [(planned.path, planned.path.replace(new, old, 1))
                              for planned in self._pages_of(family, item_id)]
        if UNKNOWN in self.outlet_articles:  # its page was once named in English
            new = paths.outlet_path(UNKNOWN).removesuffix(".md")
            moved += [(planned.path, planned.path.replace(new, f"sources/{UNKNOWN}", 1))
                      for planned in self._pages_of(self.outlet, UNKNOWN)]
        return [Planned(html_path(old), "", partial(redirect_page, old, new), f"redirect {old} {new}")
                for new, old in moved]

    def moved_files(self) -> list[str]:
        """What the site keeps only at the addresses it had before its names were French: the
        redirects, and the feeds and charts copied under their old names. A copy read from
        disk, whose pages link to the new addresses only, needs none (publish/offline.py)."""
        return [*(planned.path for planned in self.redirects()), *self.old_feed_paths(),
                *self.old_chart_paths()]

    def all_pages(self) -> list[Page]:
        return [planned.page() for planned in
                [*map(self.article, self.archive.articles), *self.page_plans()]]

    def page_plans(self) -> list[Planned]:
        """Every page but the articles' (those are made one at a time, see article)."""
        pages = [page for topic_id in self.archive.topics
                 for page in self._pages_of(self.topic, topic_id)]
        pages.append(self.topics_index())
        pages += [page for month in self.month_articles for page in self.month(month)]
        pages.append(self.archive_index())
        pages += [page for outlet_id in self.outlet_articles
                  for page in self._pages_of(self.outlet, outlet_id)]
        pages.append(self.outlets_index())
        pages.append(self.actors_index())
        pages += self.log_pages()
        pages += [page for actor_id in self.archive.actors
                  for page in self._pages_of(self.actor, actor_id)]
        return pages

    @cached_property
    def _families(self) -> dict[tuple[str, str], list[Planned]]:
        return {}

    def _pages_of(self, family: Callable[[str], list[Planned]], item_id: str) -> list[Planned]:
        """``family(item_id)``'s pages (a topic's, an actor's, an outlet's), planned once: the
        redirects read their paths again, twice (moved_files, asset_plans), and planning a
        list page computes its key from every item it shows."""
        key = (family.__name__, item_id)
        if key not in self._families:
            self._families[key] = family(item_id)
        return self._families[key]

    def asset_plans(self) -> list[Planned]:
        """Every generated file: charts, data exports, the article schema, feeds."""
        assets = [asset for briefing in self.briefings.values() for asset in self.charts(briefing)]
        everything = (hashlib.sha256(("".join(map(self.articles.metadata_key, self.by_id))
                                      + repr(sorted(self.same_story.items()))).encode())
                      .hexdigest() if self.articles.stored else "")
        assets += [Planned(path, "", partial(self._data_file, make),
                           everything and f"{path}\0{everything}")
                   for path, make in data_makers(self.archive).items()]
        assets.append(Planned(SCHEMA_PATH, "", article_schema))
        assets += self.redirects()
        return assets + self.log_feeds() + self.feeds()

    def _data_file(self, make: Maker) -> bytes | Chunks:
        """A data file, from the analysis derived once for all of them (when first made),
        written as it is made (export.Chunks)."""
        return make(self.archive, self.ledger, self.briefings)

    def all_assets(self) -> list[Asset]:
        return [planned.asset() for planned in self.asset_plans()]


def redirect_page(old: str, new: str) -> bytes:
    """A page at ``old`` (a source path) that sends the reader to ``new``."""
    relative = posixpath.relpath(html_path(new), posixpath.dirname(old) or ".")
    target = html.escape(relative)
    return (f'<!doctype html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">\n'
            f'<title>Page déplacée</title>\n<meta name="robots" content="noindex">\n'
            f'<link rel="canonical" href="{target}">\n'
            f'<meta http-equiv="refresh" content="0; url={target}">\n'
            f'<script>location.replace({json.dumps(relative)} + '
            f'location.hash)</script>\n</head>\n<body>\n'
            f'<p>Cette page a changé d’adresse\u00a0: <a href="{target}">{target}</a>.</p>\n'
            f'</body>\n</html>\n').encode("utf-8")
