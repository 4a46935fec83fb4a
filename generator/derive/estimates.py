"""The current picture of each figure: the latest from each actor, and the spread."""

from __future__ import annotations

from dataclasses import dataclass

from .ledger import Statement


@dataclass(frozen=True)
class MetricPicture:
    metric_id: str
    latest: tuple[Statement, ...]  # one per actor, newest first
    low: int
    high: int


def latest_by_actor(metric_statements: tuple[Statement, ...]) -> tuple[Statement, ...]:
    """Each actor's newest statement; on the same date, the most precise one."""
    best: dict[str, Statement] = {}
    for statement in metric_statements:
        current = best.get(statement.actor)
        if current is None or statement.preference > current.preference:
            best[statement.actor] = statement
    return tuple(sorted(best.values(), key=lambda s: (s.as_of.sort_key(), s.actor), reverse=True))


def picture(metric_id: str, metric_statements: tuple[Statement, ...]) -> MetricPicture | None:
    """None when nobody has given this figure yet."""
    latest = latest_by_actor(metric_statements)
    if not latest:
        return None
    numbers = [n for statement in latest for n in statement.claim.numbers]
    return MetricPicture(metric_id, latest, min(numbers), max(numbers))
