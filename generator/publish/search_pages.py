"""Search documents for the registries' pages: topics, actors and outlets, found by what
names them.

Their pages list articles or statements, which are searchable on their own pages: only
what names the topic (title, description, metrics and events with their synonyms), the
actor (name, aliases, description, country) or the outlet is indexed. A hub then costs a
few postings however many articles it lists, and does not turn up for every word of
every title it lists.
"""

from __future__ import annotations

from ..render.pages import PageBuilder
from ..render.paths import html_path, outlet_path
from ..derive.search import SearchDocument, terms
from ..model import Event, Metric


def _keys(*texts: str | None) -> str:
    return " ".join(sorted(terms(" ".join(filter(None, texts)))))


def registry_documents(builder: PageBuilder) -> list[SearchDocument]:
    """One document per topic, actor and outlet page, ranked as hubs."""
    documents = []
    for topic_id, topic in builder.archive.topics.items():
        named: list[str | None] = [topic.title, topic.description]
        entries: list[Metric | Event] = [*topic.metrics.values(), *topic.events.values()]
        for entry in entries:
            named += [entry.label, getattr(entry, "scope", None), *entry.synonyms]  # events: no scope
        documents.append(SearchDocument(html_path(builder.topic_path(topic_id)), topic.title,
                                        "Sujet", _keys(*named), topic.description, hub=True))
    for actor_id, actor in builder.archive.actors.items():
        about = " ".join(filter(None, (actor.description, actor.country and f"({actor.country})")))
        documents.append(SearchDocument(html_path(builder.actor_path(actor_id)), actor.name,
                                        "Acteur", _keys(actor.name, *actor.aliases,
                                                        actor.according_to, about),
                                        about, hub=True))
    for outlet_id, articles in builder.outlet_articles.items():
        name = builder.outlet_name(outlet_id)
        count = len(articles)
        documents.append(SearchDocument(html_path(outlet_path(outlet_id)), name, "Média",
                                        _keys(name),
                                        f"{count} article{'s' * (count > 1)} dans l'archive",
                                        hub=True))
    return documents
