"""Where the sources disagree: contradictions between actors, revisions by one actor,
and disputes that the articles themselves state."""

from __future__ import annotations

from dataclasses import dataclass

from .ledger import SAME_PERIOD_DAYS, LedgerEntry, Statement


@dataclass(frozen=True)
class Contradiction:
    """Two actors, one figure, one period, values that cannot both hold."""

    first: Statement
    second: Statement


@dataclass(frozen=True)
class Revision:
    """One actor's figure changing from one date to a later one."""

    before: Statement
    after: Statement


@dataclass(frozen=True)
class Dispute:
    """A claim that, per its article, contradicts another claim."""

    claim: LedgerEntry
    disputed: LedgerEntry


def _disjoint(first: Statement, second: Statement) -> bool:
    (low1, high1), (low2, high2) = first.bounds, second.bounds
    return high1 < low2 or high2 < low1


def contradictions(metric_statements: tuple[Statement, ...],
                   limit: int | None = None) -> tuple[Contradiction, ...]:
    """Pairs from different actors within SAME_PERIOD_DAYS whose value intervals do not meet.

    A sweep over the statements in date order compares each only with those of its
    period, so the cost follows the statements per period, not their square. With
    ``limit``, only the most recent ``limit`` contradictions are sought (newest last).
    """
    ordered = sorted(metric_statements, key=lambda s: s.as_of.first_day(), reverse=True)
    days = [s.as_of.first_day() for s in ordered]
    found = []
    for index, later in enumerate(ordered):
        for other in range(index + 1, len(ordered)):
            if (days[index] - days[other]).days > SAME_PERIOD_DAYS:
                break
            earlier = ordered[other]
            if earlier.actor != later.actor and _disjoint(earlier, later):
                found.append(Contradiction(earlier, later))
        if limit is not None and len(found) >= limit:
            break
    return tuple(reversed(found[:limit] if limit is not None else found))


def revisions(metric_statements: tuple[Statement, ...]) -> tuple[Revision, ...]:
    """Consecutive figures of one actor that differ (on one date, the most precise counts)."""
    best: dict[tuple, Statement] = {}
    for statement in metric_statements:
        key = (statement.actor, statement.as_of)
        if key not in best or statement.preference > best[key].preference:
            best[key] = statement
    by_actor: dict[str, list[Statement]] = {}
    for statement in sorted(best.values(), key=lambda s: s.as_of.sort_key()):
        by_actor.setdefault(statement.actor, []).append(statement)
    found = []
    for history in by_actor.values():
        for before, after in zip(history, history[1:]):
            if before.claim.numbers != after.claim.numbers:
                found.append(Revision(before, after))
    return tuple(sorted(found, key=lambda r: (r.after.as_of.sort_key(), r.after.actor)))


def disputes(entries: tuple[LedgerEntry, ...]) -> tuple[Dispute, ...]:
    """Every explicit ``disputes:`` link, resolved to both claims."""
    by_id = {entry.claim_id: entry for entry in entries}
    found = []
    for entry in entries:
        for ref in entry.claim.disputes:
            target = ref if "/" in ref else f"{entry.article.id}/{ref}"
            found.append(Dispute(entry, by_id[target]))
    return tuple(found)
