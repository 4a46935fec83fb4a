"""Search documents for the generated pages other than articles: topics and their lists,
actors, outlets, months, the log's pages.

Such a page is found by every word it shows (its headings, table cells, figures, names,
captions), read from its content as the reader sees it (derive/search.py page_text) when a
writer makes it, or kept from the build that made it (page_texts.py). The registries' pages
are also found by what names their topic, actor or outlet without being shown there (an
actor's aliases, a metric's synonyms). A hub ranks after the articles that match as well.
"""

from __future__ import annotations

import posixpath
from bisect import bisect_left

from ..derive.search import SearchDocument, spelling_groups, terms
from ..model import Archive, Event, Metric
from ..render.pages import PageBuilder, Planned
from ..render.paths import html_path, outlet_path
from ..render.typography import french_text
from .page_texts import PageText

# What a result says of a page, by its folder (render/paths.py).
DETAILS = {"sujets": "Sujet", "acteurs": "Acteur", "sources": "Média", "archives": "Archives",
           "journal": "Journal"}


def _keys(*texts: str | None) -> set[str]:
    return terms(" ".join(filter(None, texts)))


def name_spellings(archive: Archive) -> list[list[str]]:
    """The keys that are spellings of one actor's name (derive/search.py spelling_groups)."""
    return spelling_groups([actor.name, *actor.aliases] for actor in archive.actors.values())


def registry_names(builder: PageBuilder) -> dict[str, set[str]]:
    """By page (published path), the keys of what names its topic, actor or outlet."""
    names: dict[str, set[str]] = {}
    for topic_id, topic in builder.archive.topics.items():
        named: list[str | None] = [topic.title, topic.description]
        entries: list[Metric | Event] = [*topic.metrics.values(), *topic.events.values()]
        for entry in entries:
            named += [entry.label, getattr(entry, "scope", None), *entry.synonyms]  # events: no scope
        names[html_path(builder.topic_path(topic_id))] = _keys(*named)
    for actor_id, actor in builder.archive.actors.items():
        names[html_path(builder.actor_path(actor_id))] = _keys(
            actor.name, *actor.aliases, actor.according_to, actor.description, actor.country)
    for outlet_id in builder.outlet_articles:
        names[html_path(outlet_path(outlet_id))] = _keys(builder.outlet_name(outlet_id))
    return names


def hub_document(planned: Planned, text: PageText | None, names: dict[str, set[str]]) -> SearchDocument:
    """A generated page's search document; without its ``text`` yet (made when the page is
    written), only what names it."""
    url = html_path(planned.path)
    keys, shown = text or ("", "")
    return SearchDocument(url, french_text(planned.title),
                          DETAILS.get(posixpath.dirname(url), ""),
                          _with(keys, names.get(url, set())), shown, hub=True)


def _with(keys: str, named: set[str]) -> str:
    """``keys`` (page_text's: sorted, distinct, space-separated) with ``named`` among them,
    in order: most pages have no name of their own, and 2,700 hub pages' keys, split and
    sorted again, were a tenth of a second of every rebuild at 10,000 articles."""
    if not named:
        return keys
    merged = keys.split()
    for name in sorted(named):
        at = bisect_left(merged, name)
        if at == len(merged) or merged[at] != name:
            merged.insert(at, name)
    return " ".join(merged)
