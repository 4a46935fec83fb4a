"""Search documents for the registries' pages: actors and outlets are found by name.

Their pages list statements or articles, which are searchable on their own pages:
only what names the actor or outlet (name, aliases, description, country) is indexed,
so a hub costs a few postings, however many articles it lists.
"""

from __future__ import annotations

from .render.pages import PageBuilder
from .render.paths import html_path, outlet_path
from .search import SearchDocument, terms


def registry_documents(builder: PageBuilder) -> list[SearchDocument]:
    """One document per actor page and per outlet page, ranked as hubs."""
    documents = []
    for actor_id, actor in builder.archive.actors.items():
        about = " ".join(filter(None, (actor.description, actor.country and f"({actor.country})")))
        words = " ".join((actor.name, *actor.aliases, actor.according_to or "", about))
        documents.append(SearchDocument(html_path(builder.actor_path(actor_id)), actor.name,
                                        "Acteur", " ".join(sorted(terms(words))), about, hub=True))
    for outlet_id, articles in builder.outlet_articles.items():
        name = builder.outlet_name(outlet_id)
        count = len(articles)
        documents.append(SearchDocument(html_path(outlet_path(outlet_id)), name, "Média",
                                        " ".join(sorted(terms(name))),
                                        f"{count} article{'s' * (count > 1)} dans l'archive",
                                        hub=True))
    return documents
