"""The current picture of a figure: each actor's latest statements, and a headline.

"Latest" works on periods: a statement is latest when no other is wholly after it, so a
figure for March and one for 13 March are both latest (neither is known to be later), and
so are another actor's figure for March and one its text does not date, reported in April.
An actor's figure for the very period of one it made known later is replaced, not latest;
so is one for a period its own later figure runs further (from the same start to a later day).
The headline is the latest statements of all actors; beside them stand the other
actors' latest figures for an overlapping period. Figures for other times are never
folded into one range with them.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import DateInterval
from .ledger import Statement, restated_later


@dataclass(frozen=True)
class MetricPicture:
    metric_id: str
    latest: tuple[Statement, ...]       # each actor's latest, newest first, then the undated
    headline: tuple[Statement, ...]     # the latest of all, newest first
    same_period: tuple[Statement, ...]  # other latest figures for a period overlapping the headline's


def _when(statement: Statement) -> DateInterval:
    """The period of a statement known to be dated (those ``latest`` keeps)."""
    when = statement.when
    assert when is not None
    return when


def _newest_first(statements: list[Statement]) -> list[Statement]:
    """Dated statements, newest first: by start, so that « 27 mars » comes before « mars »,
    which may be older."""
    return sorted(statements, key=lambda s: (_when(s).start, _when(s).end, s.actor), reverse=True)


def latest(statements: list[Statement], open_reports: bool = False) -> list[Statement]:
    """The dated statements no other is wholly after (newest first). ``open_reports``: a
    figure its text does not date, only reported on a day, may be for any time before it:
    it is after none (across actors; an actor's own later report is its newer figure)."""
    dated = [s for s in statements if s.when is not None]
    if not dated:
        return []
    last_start = max((_when(s).start for s in dated if s.dated or not open_reports), default=None)
    return _newest_first([s for s in dated if last_start is None or _when(s).end >= last_start])


def _runs_further(other: Statement, statement: Statement) -> bool:
    """Whether ``other`` is for a period from the same start to a later day (« depuis octobre
    2024 », reported in December, then in February): one actor's newer count of the same run."""
    when, further = statement.when, other.when
    return (when is not None and further is not None and other.dated and statement.dated
            and further.start == when.start and further.end > when.end)


def picture(metric_id: str, metric_statements: tuple[Statement, ...],
            open_reports: bool = True) -> MetricPicture | None:
    """None when nobody has given this figure yet. ``open_reports``: whether a figure its
    text does not date may be older than its report (a running total: see ``latest``); a
    level reported without a date is the level of the day it is reported, as the rules read
    it, so a year-old level does not stand beside it as a rival."""
    if not metric_statements:
        return None
    by_actor: dict[str, list[Statement]] = {}
    for statement in metric_statements:
        by_actor.setdefault(statement.actor, []).append(statement)
    each = []
    undated = []
    for actor, statements in by_actor.items():
        chosen = [s for s in latest(statements)
                  if not any(restated_later(other, s) or _runs_further(other, s) for other in statements)]
        each += chosen
        if not chosen:
            undated += statements
    headline = latest(each, open_reports=open_reports)
    shown = {id(s) for s in headline}
    same_period = [s for s in each if id(s) not in shown
                   and any(_when(s).overlaps(_when(h)) for h in headline)]
    return MetricPicture(metric_id, tuple(_newest_first(each)) + tuple(undated),
                         tuple(headline), tuple(_newest_first(same_period)))
