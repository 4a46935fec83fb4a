"""Everything a topic's briefing page shows, derived from the ledger in one place."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Archive, Topic
from . import conflicts, estimates
from .ledger import Statement

# The most recent findings kept per metric and kind: enough for any page, bounded at any size.
FINDINGS_SOUGHT = 50


@dataclass(frozen=True)
class MetricBriefing:
    metric_id: str
    kind: str
    statements: tuple[Statement, ...]          # chronological
    picture: estimates.MetricPicture | None
    findings: tuple[conflicts.Pair, ...]       # oldest first; event denials included

    @property
    def dated(self) -> tuple[Statement, ...]:
        """The statements with a date to be drawn at."""
        return tuple(s for s in self.statements if s.when is not None)

    @property
    def charted(self) -> bool:
        """Whether a chart shows more than a sentence would: two dated statements or more."""
        return len(self.dated) >= 2

    def of(self, *kinds: str) -> tuple[conflicts.Pair, ...]:
        return tuple(p for p in self.findings if p.finding in kinds)

    @property
    def contradictions(self) -> tuple[conflicts.Pair, ...]:
        return self.of("contradiction")

    @property
    def revisions(self) -> tuple[conflicts.Pair, ...]:
        """One actor's figures that cannot both hold: revisions and corrections."""
        return self.of("revision", "correction")

    @property
    def updates(self) -> tuple[conflicts.Pair, ...]:
        return self.of("update")


@dataclass(frozen=True)
class TopicBriefing:
    topic: Topic
    statements: tuple[Statement, ...]          # the topic's ledger, one row per statement, chronological
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


def topic_briefing(topic: Topic, merged: tuple[Statement, ...],
                   all_disputes: tuple[conflicts.Dispute, ...]) -> TopicBriefing:
    """``merged``: the topic's statements, chronological."""
    by_subject: dict[tuple[str, str | None], list[Statement]] = {}  # ("metric"|"event", id)
    for statement in merged:
        claim = statement.claim
        subject = ("metric", claim.metric) if claim.metric else ("event", claim.event)
        by_subject.setdefault(subject, []).append(statement)
    metrics = []
    for metric_id, metric in topic.metrics.items():
        chosen = tuple(by_subject.get(("metric", metric_id), ()))
        denials = tuple(
            pair for event_id, event in topic.events.items() if metric_id in event.excludes
            for pair in conflicts.event_denials(tuple(by_subject.get(("event", event_id), ())),
                                                chosen, FINDINGS_SOUGHT))
        findings = conflicts.compare_metric(chosen, metric.kind, FINDINGS_SOUGHT) + denials
        metrics.append(MetricBriefing(metric_id, metric.kind, chosen,
                                      estimates.picture(metric_id, chosen),
                                      tuple(sorted(findings, key=lambda p: p.second.sort_key))))
    timeline = tuple(s for s in merged if s.claim.event is not None)
    related = tuple(d for d in all_disputes
                    if topic.id in (d.claim.claim.topic, d.disputed.claim.topic))
    return TopicBriefing(topic, merged, tuple(metrics), timeline, related)


def briefings(archive: Archive, merged: tuple[Statement, ...],
              all_disputes: tuple[conflicts.Dispute, ...]) -> dict[str, TopicBriefing]:
    """Every topic's briefing, from the archive's statements (chronological) and disputes."""
    by_topic: dict[str, list[Statement]] = {topic_id: [] for topic_id in archive.topics}
    for statement in merged:
        by_topic[statement.claim.topic].append(statement)
    return {topic_id: topic_briefing(topic, tuple(by_topic[topic_id]), all_disputes)
            for topic_id, topic in archive.topics.items()}
