"""Where statements disagree or move on, by the rules of rules.py: contradictions between
actors, revisions and corrections by one actor, updates, and the disputes that the
articles themselves state."""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice

from . import rules
from .ledger import LedgerEntry, Statement
from .rules import Figure


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


def _dated(statements: tuple[Statement, ...]) -> list[Statement]:
    """The statements that have a period, in the chronological order of the periods the rules
    compare (the order of pairs; « début avril » is compared as its part of the month)."""
    dated = [(figure, s) for s in statements if (figure := s.figure) is not None]
    return [s for figure, s in sorted(dated, key=lambda pair: (pair[0].start, pair[0].end, pair[1].claim_id))]


def _figures(dated: list[Statement]) -> list[Figure]:
    """The figures of statements that have a period (see _dated): one each."""
    return [figure for s in dated if (figure := s.figure) is not None]


def _pairs(dated: list[Statement], found: dict[tuple[int, int], rules.Finding],
           limit: int | None) -> tuple[Pair, ...]:
    """Found pairs (indexes into ``dated``) as Pairs, oldest first; with ``limit``, the
    ``limit`` most recent of each finding."""
    ordered = sorted(found.items(), key=lambda item: (max(item[0]), min(item[0])))
    if limit is not None:
        counts: dict[str, int] = {}
        kept = []
        for pair in reversed(ordered):
            counts[pair[1]] = counts.get(pair[1], 0) + 1
            if counts[pair[1]] <= limit:
                kept.append(pair)
        ordered = kept[::-1]
    return tuple(Pair(finding, *_in_order(finding, dated[min(i, j)], dated[max(i, j)]))
                 for (i, j), finding in ordered)


def _in_order(finding: rules.Finding, first: Statement, second: Statement) -> tuple[Statement, Statement]:
    """The pair earlier first: by the start of their periods, but an actor's counts of a running
    total by the date each runs to (« depuis octobre 2024 » said in December after « fin
    novembre »: an update from the November count, not a fall to it)."""
    if finding in ("update", "correction"):
        a, b = first.figure, second.figure
        if a is not None and b is not None and b.counted_end < a.counted_start:
            return second, first
    return first, second


def compare_metric(statements: tuple[Statement, ...], kind: str,
                   limit: int | None = None) -> tuple[Pair, ...]:
    """Every finding between two statements of one metric, oldest first.

    Overlapping periods are found newest first (each statement meets only those that can
    still be running), and no further back than ``limit`` requires. Wholly ordered pairs
    are sought only where they can matter: each actor's previous period (updates) and,
    for running totals, the earlier figure of each actor with the highest floor (a fall
    is impossible). The cost thus follows the overlaps, not the square of the statements.
    With ``limit``, only the ``limit`` most recent findings of each kind are kept.
    """
    dated = _dated(statements)
    figures = _figures(dated)
    found: dict[tuple[int, int], rules.Finding] = {}

    def note(i: int, j: int, full: frozenset[str] = frozenset()) -> rules.Finding | None:
        finding = rules.compare(figures[i], figures[j], kind)
        if finding is not None and finding not in full:
            found.setdefault((min(i, j), max(i, j)), finding)
        return finding

    # Overlapping pairs, newest first: ``dated`` is in start order, so the statements that
    # can overlap statement i start at most the longest period before it. Overlaps give
    # contradictions, divergences, agreements and revisions (and an actor's running total
    # counted again later: an update or a correction); once ``limit`` of each of the four are
    # found, older ones cannot count.
    starts = [figure.start for figure in figures]
    # Periods a few days apart are one moment for an agreement (rules.compare): sought too.
    near = rules.NEAR_REPORT_DAYS
    longest = max((figure.end - figure.start for figure in figures), default=0) + near
    overlapping = {"contradiction": 0, "revision": 0, "divergence": 0, "agreement": 0}
    for i in reversed(range(len(dated))):
        if limit is not None and min(overlapping.values()) >= limit:
            break
        # A kind found ``limit`` times already, in pairs with a later statement than i, has
        # its most recent ones: older pairs are not kept (figures of one fixed period all
        # overlap, and would fill memory with pairs _pairs drops).
        full = frozenset(k for k, n in overlapping.items() if limit is not None and n >= limit)
        start = starts[i]
        for j in range(bisect_left(starts, start - longest), i):
            if figures[j].end >= start:
                finding = note(j, i, full)
                if finding in overlapping:
                    overlapping[finding] += 1
            elif figures[j].end >= start - near and "agreement" not in full \
                    and rules.compare(figures[j], figures[i], kind) == "agreement":
                found.setdefault((j, i), "agreement")
                overlapping["agreement"] += 1
    by_end = sorted(range(len(dated)), key=lambda i: figures[i].end)
    highest_floor: dict[str, int] = {}
    latest_end: dict[str, int] = {}  # per actor: the latest end among its finished periods
    finished: dict[str, list[int]] = {}
    done = 0
    for i, figure in enumerate(figures):
        while done < len(by_end) and figures[by_end[done]].end < figure.start:
            j = by_end[done]
            actor = figures[j].actor
            best = highest_floor.get(actor)
            if best is None or figures[j].low > figures[best].low:
                highest_floor[actor] = j
            if figures[j].end != latest_end.get(actor):
                latest_end[actor] = figures[j].end
                finished[actor] = []
            finished[actor].append(j)
            done += 1
        if kind == "total":  # only a floor above this figure makes a fall
            for j in highest_floor.values():
                if figures[j].low > figure.high:
                    note(j, i)
        for j in finished.get(figure.actor, ()):  # the actor's latest earlier period
            note(j, i)
    if kind == "total":
        _side_by_side(figures, note)
        counts: dict[str, list[tuple[int, int]]] = {}
        for figure in figures:
            counts.setdefault(figure.actor, []).append((figure.counted_start, figure.counted_end))
        for moments in counts.values():
            moments.sort()
        found = {(i, j): finding for (i, j), finding in found.items() if finding not in ("update", "correction")
                 or not _skips_a_count(counts, figures[i], figures[j])}
    return _pairs(dated, found, limit)


def _skips_a_count(counts: dict[str, list[tuple[int, int]]], a: Figure, b: Figure) -> bool:
    """Whether one actor gave a count of a running total between two of its counts (what their
    periods run to, rules.Figure.counted_start/end; ``counts``: each actor's, in order): 18 000,
    then 20 000, then 22 000 is two updates, not a third from 18 000 to 22 000."""
    if a.actor != b.actor:
        return False
    earlier, later = (a, b) if a.counted_end < b.counted_start else (b, a)
    moments = counts[a.actor]
    first = bisect_right(moments, (earlier.counted_end, math.inf))
    return any(end < later.counted_start for start, end in
               islice(moments, first, bisect_left(moments, (later.counted_start, -math.inf))))


def _side_by_side(figures: list[Figure], note: Callable[[int, int], object]) -> None:
    """Totals one article gives as of its day (Figure.reports), one at least undated: the
    article sets them side by side even when their periods do not meet (« lundi 28 avril »
    beside a figure reported on the 30th). Each article's few figures, pair by pair."""
    by_article: dict[str, list[int]] = {}
    for i, figure in enumerate(figures):
        for article in figure.reports:
            by_article.setdefault(article, []).append(i)
    for members in by_article.values():
        for n, i in enumerate(members):
            for j in members[:n]:
                if not (figures[i].dated and figures[j].dated):
                    note(j, i)


def event_denials(events: tuple[Statement, ...], figures: tuple[Statement, ...],
                  limit: int | None = None) -> tuple[Pair, ...]:
    """Events saying a metric is nil, against that metric's figures for the same period."""
    dated = _dated(events + figures)
    periods = _figures(dated)
    is_event = [s.claim.event is not None for s in dated]
    order = sorted((i for i in range(len(dated)) if not is_event[i]), key=lambda i: periods[i].start)
    starts = [periods[i].start for i in order]
    longest = max((periods[i].end - periods[i].start for i in order), default=0)
    found: dict[tuple[int, int], rules.Finding] = {}
    for e in (i for i in range(len(dated)) if is_event[i]):
        event = periods[e]
        # Only a figure starting within its longest length of the event can overlap it.
        window = order[bisect_left(starts, event.start - longest):bisect_right(starts, event.end)]
        for f in window:
            finding = rules.denies(event, periods[f])
            if finding is not None:
                found[(min(e, f), max(e, f))] = finding
    return _pairs(dated, found, limit)


def part_excesses(parts: tuple[Statement, ...], wholes: tuple[Statement, ...], kind: str,
                  limit: int | None = None) -> tuple[Pair, ...]:
    """Figures of a part (or a narrower scope) surely above a figure of its whole, where the
    whole cannot have caught up (rules.exceeds), oldest first; ``limit`` most recent kept.

    For running totals only the largest part figure ending by each whole's first day
    matters (a prefix maximum); levels and plans meet only overlapping periods."""
    dated = _dated(parts + wholes)
    figures = _figures(dated)
    part_ids = {id(s) for s in parts}
    is_part = [id(s) in part_ids for s in dated]
    part_order = sorted((i for i in range(len(dated)) if is_part[i]), key=lambda i: figures[i].end)
    found: dict[tuple[int, int], rules.Finding] = {}
    if kind == "total":
        ends = [figures[i].end for i in part_order]
        best: list[int] = []  # index into dated of the highest floor among parts up to here
        for i in part_order:
            best.append(i if not best or figures[i].low > figures[best[-1]].low else best[-1])
        for w in (i for i in range(len(dated)) if not is_part[i]):
            upto = bisect_right(ends, figures[w].start)
            if upto and rules.exceeds(figures[best[upto - 1]], figures[w], kind):
                p = best[upto - 1]
                found[(min(p, w), max(p, w))] = "contradiction"
    else:
        by_start = sorted(part_order, key=lambda i: figures[i].start)
        starts = [figures[i].start for i in by_start]
        longest = max((figures[i].end - figures[i].start for i in by_start), default=0)
        for w in (i for i in range(len(dated)) if not is_part[i]):
            whole = figures[w]
            for p in by_start[bisect_left(starts, whole.start - longest):bisect_right(starts, whole.end)]:
                if rules.exceeds(figures[p], whole, kind):
                    found[(min(p, w), max(p, w))] = "contradiction"
    return _pairs(dated, found, limit)


def disputes(entries: tuple[LedgerEntry, ...]) -> tuple[Dispute, ...]:
    """Every explicit ``disputes:`` link, resolved to both claims."""
    by_id = {entry.claim_id: entry for entry in entries}
    found = []
    for entry in entries:
        for target in entry.article.disputed_ids(entry.claim):
            found.append(Dispute(entry, by_id[target]))
    return tuple(found)
