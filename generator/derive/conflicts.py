"""Where statements disagree or move on, by the rules of rules.py: contradictions between
actors, revisions and corrections by one actor, updates, and the disputes that the
articles themselves state."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from . import rules
from .ledger import LedgerEntry, Statement


@dataclass(frozen=True)
class Pair:
    """Two statements and what the second is to the first (``first`` is the earlier)."""

    finding: rules.Finding
    first: Statement
    second: Statement


@dataclass(frozen=True)
class Dispute:
    """A claim that, per its article, contradicts another claim."""

    claim: LedgerEntry
    disputed: LedgerEntry


def _dated(statements: Iterable[Statement]) -> list[Statement]:
    return sorted((s for s in statements if s.when is not None), key=lambda s: s.when.sort_key())


def _ordered(first: Statement, second: Statement) -> tuple[Statement, Statement]:
    return (first, second) if first.sort_key <= second.sort_key else (second, first)


def compare_metric(statements: tuple[Statement, ...], kind: str,
                   limit: int | None = None) -> tuple[Pair, ...]:
    """Every finding between two statements of one metric, oldest first.

    Overlapping periods are found by a sweep in date order (each statement meets only
    those still running); for running totals, each statement is also checked against the
    earlier figure of each actor with the highest floor, so the cost stays near linear.
    With ``limit``, only the ``limit`` most recent findings of each kind are kept.
    """
    dated = _dated(statements)
    found: dict[tuple[int, int], Pair] = {}

    def note(first: Statement, second: Statement) -> None:
        finding = rules.compare(first, second, kind)
        if finding is not None:
            first, second = _ordered(first, second)
            found.setdefault((id(first), id(second)), Pair(finding, first, second))

    running: list[Statement] = []
    for statement in dated:
        running = [s for s in running if s.when.end >= statement.when.start]
        for other in running:
            note(other, statement)
        running.append(statement)
    # Wholly ordered pairs: an actor's previous figure (updates), and for running totals
    # the earlier figure with the highest floor of each actor (a fall is impossible).
    history: dict[str, list[Statement]] = {}
    highest_floor: dict[str, Statement] = {}
    finished = sorted(dated, key=lambda s: s.when.end)
    done = 0
    for statement in dated:
        while done < len(finished) and finished[done].when.end < statement.when.start:
            earlier = finished[done]
            best = highest_floor.get(earlier.actor)
            if best is None or earlier.values.low > best.values.low:
                highest_floor[earlier.actor] = earlier
            done += 1
        if kind == "total":
            for earlier in highest_floor.values():
                note(earlier, statement)
        for last in _latest_before(history.setdefault(statement.actor, []), statement):
            note(last, statement)
        history[statement.actor].append(statement)
    pairs = sorted(found.values(), key=lambda p: (p.second.sort_key, p.first.sort_key))
    if limit is None:
        return tuple(pairs)
    kept = {id(p) for finding in ("contradiction", "revision", "correction", "update")
            for p in [p for p in pairs if p.finding == finding][-limit:]}
    return tuple(p for p in pairs if id(p) in kept)


def _latest_before(history: list[Statement], statement: Statement,
                   lookback: int = 50) -> list[Statement]:
    """Of an actor's earlier statements (by start), those of its latest period wholly
    before ``statement``: an update compares a figure with the one it follows."""
    earlier = [s for s in history[-lookback:] if s.when.before(statement.when)]
    if not earlier:
        return []
    last_end = max(s.when.end for s in earlier)
    return [s for s in earlier if s.when.end == last_end]


def event_denials(events: tuple[Statement, ...], figures: tuple[Statement, ...],
                  limit: int | None = None) -> tuple[Pair, ...]:
    """Events saying a metric is nil, against that metric's figures for the same period."""
    found = []
    dated_figures = _dated(figures)
    for event in _dated(events):
        for figure in dated_figures:
            if figure.when.start > event.when.end:
                break
            finding = rules.denies(event, figure)
            if finding is not None:
                found.append(Pair(finding, *_ordered(event, figure)))
    found.sort(key=lambda p: (p.second.sort_key, p.first.sort_key))
    return tuple(found[-limit:] if limit is not None else found)


def disputes(entries: tuple[LedgerEntry, ...]) -> tuple[Dispute, ...]:
    """Every explicit ``disputes:`` link, resolved to both claims."""
    by_id = {entry.claim_id: entry for entry in entries}
    found = []
    for entry in entries:
        for ref in entry.claim.disputes:
            target = ref if "/" in ref else f"{entry.article.id}/{ref}"
            found.append(Dispute(entry, by_id[target]))
    return tuple(found)
