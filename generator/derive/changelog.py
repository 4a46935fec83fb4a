"""The briefing's dated log: each change to the current picture, newest first.

Derived, never written by hand: every dated statement of each actor's history of a metric
(briefing.MetricBriefing.history, with the figure of that actor it supersedes) and every
dated event of a topic's timeline, each at the date it became known (LogEntry). Repeats are
not in it (they are not new statements), nor are provisions or assessments, which say what
is, not what happened.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..model import DateInterval
from .briefing import TopicBriefing
from .ledger import LedgerEntry, Statement


@dataclass(frozen=True)
class LogEntry:
    """One change, placed at the date it became known (the statement's date as its text gives
    it, or the date of the first article reporting it), not at the period its figure is for:
    a plan for 2025 stated in January is January's news."""

    topic_id: str
    statement: Statement
    supersedes: Statement | None  # the same actor's previous figure for this metric, if any
    contested_by: tuple[Statement | LedgerEntry, ...] = ()  # what contradicts or disputes it
    kind: str = ""                # the metric's kind (total, level, plan); "" for an event
    revised: bool = False         # the rules call it a revision or a correction of the previous

    @property
    def known(self) -> LedgerEntry | None:
        """The copy that made it known first: its date is the entry's; None when undated."""
        return self.statement.first_stated

    @property
    def when(self) -> DateInterval | None:
        """When it became known; None when neither the text nor its articles say."""
        known = self.known
        return known.stated if known is not None else None

    @property
    def sort_key(self) -> tuple:
        """Newest first once reversed; those whose date is unknown last."""
        when = self.when
        return (when is not None, when.sort_key() if when else (), self.statement.claim_id)

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
            revisions = {frozenset((pair.first.claim_id, pair.second.claim_id))
                         for pair in metric.revisions}
            entries += [LogEntry(topic_id, change.statement, change.supersedes,
                                 contested(change.statement), metric.kind,
                                 change.supersedes is not None and frozenset(
                                     (change.supersedes.claim_id, change.statement.claim_id)) in revisions)
                        for change in metric.history]
        events = briefing.topic.events
        entries += [LogEntry(topic_id, statement, None, contested(statement))
                    for statement in briefing.timeline
                    if statement.when is not None
                    and events[statement.claim.event or ""].kind == "event"]
    return tuple(sorted(entries, key=lambda e: e.sort_key, reverse=True))


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
