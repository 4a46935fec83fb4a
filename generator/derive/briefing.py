"""Everything a topic's briefing page shows, derived from the ledger in one place."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Archive, Topic
from . import conflicts, estimates
from .ledger import LedgerEntry, Statement, ledger, statements

# The most recent contradictions sought per metric: enough for any page, bounded at any size.
CONTRADICTIONS_SOUGHT = 50


@dataclass(frozen=True)
class MetricBriefing:
    metric_id: str
    statements: tuple[Statement, ...]          # chronological
    picture: estimates.MetricPicture | None
    contradictions: tuple[conflicts.Contradiction, ...]
    revisions: tuple[conflicts.Revision, ...]


@dataclass(frozen=True)
class TopicBriefing:
    topic: Topic
    entries: tuple[LedgerEntry, ...]           # the topic's ledger, chronological
    metrics: tuple[MetricBriefing, ...]        # in topics.yml order
    timeline: tuple[Statement, ...]            # the topic's events, chronological
    disputes: tuple[conflicts.Dispute, ...]    # where either side is on this topic

    @property
    def reported_metrics(self) -> tuple[MetricBriefing, ...]:
        """The metrics some article gives a figure for."""
        return tuple(m for m in self.metrics if m.statements)

    @property
    def has_conflicts(self) -> bool:
        return bool(self.disputes) or any(m.contradictions or m.revisions for m in self.metrics)


def topic_briefing(topic: Topic, all_entries: tuple[LedgerEntry, ...],
                   all_disputes: tuple[conflicts.Dispute, ...]) -> TopicBriefing:
    entries = tuple(e for e in all_entries if e.claim.topic == topic.id)
    merged = statements(entries)
    metrics = []
    for metric_id in topic.metrics:
        chosen = tuple(s for s in merged if s.claim.metric == metric_id)
        metrics.append(MetricBriefing(metric_id, chosen, estimates.picture(metric_id, chosen),
                                      conflicts.contradictions(chosen, CONTRADICTIONS_SOUGHT),
                                      conflicts.revisions(chosen)))
    timeline = tuple(s for s in merged if s.claim.event is not None)
    related = tuple(d for d in all_disputes
                    if topic.id in (d.claim.claim.topic, d.disputed.claim.topic))
    return TopicBriefing(topic, entries, tuple(metrics), timeline, related)


def briefings(archive: Archive,
              entries: tuple[LedgerEntry, ...] | None = None) -> dict[str, TopicBriefing]:
    """Every topic's briefing (``entries``: the archive's ledger, when already made)."""
    entries = ledger(archive) if entries is None else entries
    all_disputes = conflicts.disputes(entries)
    return {topic_id: topic_briefing(topic, entries, all_disputes)
            for topic_id, topic in archive.topics.items()}
