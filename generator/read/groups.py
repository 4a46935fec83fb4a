"""Groups of actors (``includes`` in actors.yml) and the new actors they may report.

A group (« renseignements américain, sud-coréen et ukrainien ») reports the assessments of
the actors it ``includes``: the site never counts its figures and theirs as independent
confirmations. An actor a new article brings, of a country the group covers, is counted as
independent of it until someone adds it to ``includes``; nothing else would ask. `briefing
check` asks, as a warning located on the claim that brings the actor, until the group lists
the actor under ``includes`` or ``excludes``.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..model import Actor, ArticleInfo
from .errors import ContentError
from .sources import read_article

# How a country field lists several (« États-Unis, Corée du Sud et Ukraine »).
_LIST = re.compile(r"\s*,\s*|\s+et\s+")


def countries(actor: Actor) -> frozenset[str]:
    """The countries an actor's ``country`` names, in lower case (« Corée du Sud » → « corée du sud »)."""
    return frozenset(part for part in (name.strip().casefold() for name in _LIST.split(actor.country or "")) if part)


def group_questions(articles: tuple[ArticleInfo, ...] | list[ArticleInfo], actors: dict[str, Actor],
                    root: Path) -> list[ContentError]:
    """One warning per (new actor, group): an actor only one article cites, of a country a group
    covers, that the group does not include. Located on that article's first claim citing it."""
    groups = [actor for actor in actors.values() if actor.includes]
    citing: dict[str, list[tuple[ArticleInfo, int]]] = {}
    for article in articles:
        for index, claim in enumerate(article.claims):
            citing.setdefault(claim.attributed_to, []).append((article, index))
    found = []
    for actor_id, places in citing.items():
        actor = actors.get(actor_id)
        if actor is None or actor.includes or len({article.id for article, _ in places}) != 1:
            continue
        article, index = places[0]
        for group in groups:
            shared = countries(actor) & countries(group)
            if actor_id in group.origins or actor_id in group.excludes or not shared:
                continue
            country = actor.country or ""
            source = read_article(root / article.source, root)
            found.append(source.error(
                ("claims", index, "attributed_to"), f"claims[{index}].attributed_to",
                f"{actor_id} ({country}) is new, and the group {group.id} ({group.country}) covers "
                f"{country} without including it: does {group.id} report {actor_id}'s assessments?",
                f"if it does, add {actor_id} to {group.id}'s includes in actors.yml, else to its "
                "excludes; until then the site counts their figures as independent sources",
                severity="warning"))
    return found
