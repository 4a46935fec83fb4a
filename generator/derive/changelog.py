"""The briefing's dated log: each change to the current picture, newest first.

Derived, never written by hand: every dated statement of each actor's history of a metric
(briefing.MetricBriefing.history, with the figure of that actor it supersedes) and every
dated event of a topic's timeline. Repeats are not in it (they are not new statements), nor
are provisions or assessments, which say what is, not what happened.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..model import DateInterval
from .briefing import TopicBriefing
from .ledger import LedgerEntry, Statement


@dataclass(frozen=True)
class LogEntry:
    topic_id: str
    statement: Statement
    supersedes: Statement | None  # the same actor's previous figure for this metric, if any
    contested_by: tuple[Statement | LedgerEntry, ...] = ()  # what contradicts or disputes it

    @property
    def when(self) -> DateInterval:
        assert self.statement.when is not None, "only dated statements are logged"
        return self.statement.when

    @property
    def direction(self) -> str:
        """How the figure moved from the one it supersedes: 'up', 'down', 'same' or '' (no
        previous figure, or figures whose intervals overlap without being equal)."""
        if self.supersedes is None:
            return ""
        new, old = self.statement.values, self.supersedes.values
        if (new.low, new.high) == (old.low, old.high):
            return "same"
        if new.low > old.high:
            return "up"
        if new.high < old.low:
            return "down"
        return ""


def changelog(briefings: Mapping[str, TopicBriefing]) -> tuple[LogEntry, ...]:
    """Every topic's changes, newest first (the ledger's order, reversed)."""
    entries = []
    for topic_id, briefing in briefings.items():
        against = _contesting(briefing)

        def contested(statement: Statement) -> tuple[Statement | LedgerEntry, ...]:
            return tuple(other for entry in statement.entries
                         for other in against.get(entry.claim_id, ()))

        for metric in briefing.metrics:
            entries += [LogEntry(topic_id, change.statement, change.supersedes,
                                 contested(change.statement))
                        for change in metric.history]
        events = briefing.topic.events
        entries += [LogEntry(topic_id, statement, None, contested(statement))
                    for statement in briefing.timeline
                    if statement.when is not None
                    and events[statement.claim.event or ""].kind == "event"]
    return tuple(sorted(entries, key=lambda e: e.statement.sort_key, reverse=True))


def _contesting(briefing: TopicBriefing) -> dict[str, tuple[Statement | LedgerEntry, ...]]:
    """Claim id -> what contradicts it (a finding of the rules) or disputes it (an article
    says so), for a log line to say that its figure or event is contested, and by whom."""
    found: dict[str, list[Statement | LedgerEntry]] = {}
    for metric in briefing.metrics:
        for pair in metric.contradictions:
            for one, other in ((pair.first, pair.second), (pair.second, pair.first)):
                mine = found.setdefault(one.claim_id, [])
                if other not in mine:
                    mine.append(other)
    for dispute in briefing.disputes:
        for side, opposite in ((dispute.claim, dispute.disputed), (dispute.disputed, dispute.claim)):
            found.setdefault(side.claim_id, []).append(opposite)
    return {claim_id: tuple(others) for claim_id, others in found.items()}
