"""The one derivation of a build: what the archive says as a whole, from its articles'
metadata and the copies of one story found in their texts.

``derive`` is the only place that turns an archive into briefings: the MkDocs build,
``briefing export``, ``briefing pages`` and ``briefing check`` all call it once and hand the
``Analysis`` to render/, which only renders it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..model import Archive, Article
from . import conflicts
from .briefing import TopicBriefing, briefings
from .changelog import LogEntry, changelog
from .duplicates import NearDuplicate, near_duplicates, same_story_elsewhere
from .ledger import LedgerEntry, Statement, dispatches, ledger, statements


@dataclass(frozen=True)
class Copies:
    """Articles that run one story (near-duplicate texts), found before anything is derived:
    what an article page links to, and what makes copies of one dispatch one source."""

    pairs: tuple[NearDuplicate, ...]

    @property
    def same_story(self) -> dict[str, list[str]]:
        """For each article, the other articles that run its story."""
        return same_story_elsewhere(self.pairs)

    @property
    def dispatch_of(self) -> dict[str, str]:
        """Article id -> the id naming its dispatch (see ledger.dispatches)."""
        return dispatches((pair.first, pair.second) for pair in self.pairs)


@dataclass(frozen=True)
class Analysis:
    """Everything derived from the whole archive that pages and data files show."""

    copies: Copies
    ledger: tuple[LedgerEntry, ...]            # every claim, chronological
    statements: tuple[Statement, ...]          # claims merged by what they state, chronological
    disputes: tuple[conflicts.Dispute, ...]
    briefings: Mapping[str, TopicBriefing]     # by topic id, in topics.yml order
    log: tuple[LogEntry, ...]                  # the dated changes, newest first


def derive(archive: Archive, copies: Copies) -> Analysis:
    """The archive's analysis; ``copies``: the near-duplicate articles found in its texts."""
    entries = ledger(archive)
    merged = statements(entries, copies.dispatch_of)
    found = conflicts.disputes(entries)
    topic_briefings = briefings(archive, merged, found, copies.dispatch_of)
    return Analysis(copies, entries, merged, found, topic_briefings, changelog(topic_briefings))


def derive_from_bodies(archive: Archive[Article]) -> Analysis:
    """The analysis of an archive read with its bodies (no build cache at hand)."""
    return derive(archive, Copies(near_duplicates(archive)))
