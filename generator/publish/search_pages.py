"""Search documents for the registries' pages: topics, actors and outlets, found by what
names them.

Their pages list articles or statements, which are searchable on their own pages: what
names the topic (title, description, metrics and events with their synonyms), the actor
(name, aliases, description, country) or the outlet is indexed, and what topic and actor
pages show of their statements: the figures, and who (a topic) or on what (an actor). A hub
then costs a few postings per figure, and does not turn up for every word of every title
it lists. Its excerpt text (where a result's passage is cut, derive/search.py) is its
description (a topic's: with what it follows), then its statements' figures (or events) as
the page shows them, with who gives them (a topic) or on what (an actor): a search for
« 12 000 » shows the figure it found.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from ..derive.search import EXCERPT_CHARS, SearchDocument, spelling_groups, terms
from ..model import Archive, Claim, Event, Metric
from ..render.format import according_to, figure_fr
from ..render.pages import PageBuilder
from ..render.paths import html_path, outlet_path
from ..render.typography import french_text


def _keys(*texts: str | None) -> str:
    return " ".join(sorted(terms(" ".join(filter(None, texts)))))


def _figures(claims: list[Claim]) -> list[str]:
    return [str(number) for claim in claims for number in (claim.value, claim.low, claim.high)
            if number is not None]


def _shown(about: str | None, said: Iterable[str]) -> str:
    """A hub's excerpt text: what it is about, then what its statements say, once each."""
    listed = " ; ".join(dict.fromkeys(said))
    text = " ".join(filter(None, (about, listed and f"Affirmations : {listed}.")))
    if len(text) > EXCERPT_CHARS:  # a topic of 10,000 articles: as much as an article holds
        text = text[:text.rfind(" ", 0, EXCERPT_CHARS)] + " …"
    return french_text(text)


def _said(archive: Archive, claim: Claim) -> str:
    """A claim as a hub page lists it: its figure, or what its event or metric is."""
    topic = archive.topics[claim.topic]
    return figure_fr(claim) or (topic.events[claim.event].label if claim.event
                                else topic.metrics[claim.metric].label if claim.metric else "")


def name_spellings(archive: Archive) -> list[list[str]]:
    """The keys that are spellings of one actor's name (derive/search.py spelling_groups)."""
    return spelling_groups([actor.name, *actor.aliases] for actor in archive.actors.values())


def registry_documents(builder: PageBuilder) -> list[SearchDocument]:
    """One document per topic, actor and outlet page, ranked as hubs."""
    archive = builder.archive
    by_topic: defaultdict[str, list[Claim]] = defaultdict(list)
    by_actor: defaultdict[str, list[Claim]] = defaultdict(list)
    for article in archive.articles:
        for claim in article.claims:
            by_topic[claim.topic].append(claim)
            by_actor[claim.attributed_to].append(claim)
    documents = []
    for topic_id, topic in builder.archive.topics.items():
        named: list[str | None] = [topic.title, topic.description]
        entries: list[Metric | Event] = [*topic.metrics.values(), *topic.events.values()]
        for entry in entries:
            named += [entry.label, getattr(entry, "scope", None), *entry.synonyms]  # events: no scope
        claims = by_topic[topic_id]
        named += _figures(claims)
        named += sorted({archive.actors[claim.attributed_to].name for claim in claims})
        follows = ", ".join(entry.label for entry in entries)
        shown = _shown(f"{topic.description} Suivi : {follows}.", (
            f"{_said(archive, claim)} {according_to(archive.actors[claim.attributed_to])}"
            for claim in claims))
        documents.append(SearchDocument(html_path(builder.topic_path(topic_id)), topic.title,
                                        "Sujet", _keys(*named), shown, hub=True))
    for actor_id, actor in builder.archive.actors.items():
        about = " ".join(filter(None, (actor.description, actor.country and f"({actor.country})")))
        documents.append(SearchDocument(html_path(builder.actor_path(actor_id)), actor.name,
                                        "Acteur", _keys(actor.name, *actor.aliases,
                                                        actor.according_to, about,
                                                        *_figures(by_actor[actor_id]),
                                                        *sorted({archive.topics[c.topic].title
                                                                 for c in by_actor[actor_id]})),
                                        _shown(about, (
                                            f"{_said(archive, claim)} ({archive.topics[claim.topic].title})"
                                            for claim in by_actor[actor_id])),
                                        hub=True))
    for outlet_id, articles in builder.outlet_articles.items():
        name = builder.outlet_name(outlet_id)
        count = len(articles)
        documents.append(SearchDocument(html_path(outlet_path(outlet_id)), name, "Média",
                                        _keys(name),
                                        f"{count} article{'s' * (count > 1)} dans l'archive",
                                        hub=True))
    return documents
