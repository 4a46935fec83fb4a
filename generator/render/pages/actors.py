"""Actor pages: each actor's statements across topics, newest first, and the index of actors."""

from __future__ import annotations

from functools import cached_property

from ...derive.ledger import Statement
from ..paths import ACTORS_INDEX
from .base import RECENT, Planned, Site, newest_first


class ActorPages(Site):
    """Each actor's statements, and the index. Every actor has a page, one without
    statements too: an actor is linked, and found by search, the same way everywhere."""

    @cached_property
    def statements_by_actor(self) -> dict[str, list[Statement]]:
        by_actor: dict[str, list[Statement]] = {a: [] for a in self.archive.actors}
        every = sorted((s for b in self.briefings.values() for s in b.statements),
                       key=lambda s: s.sort_key)
        for statement in newest_first(every):
            by_actor[statement.actor].append(statement)
        return by_actor

    def actors_index(self) -> Planned:
        return self.plan("actors.html", ACTORS_INDEX, "Acteurs", by_actor=self.statements_by_actor,
                         recent=RECENT)

    def actor(self, actor_id: str) -> list[Planned]:
        """An actor's statements (a page saying there are none yet, when so)."""
        actor = self.archive.actors[actor_id]
        return self.listing(self.actor_path(actor_id), actor.name,
                            tuple(self.statements_by_actor[actor_id]), "ledger", back=ACTORS_INDEX,
                            back_label="tous les acteurs",
                            intro=" ".join(filter(None, (actor.description, actor.country and
                                                         f"({actor.country})"))))
