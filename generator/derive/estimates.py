"""The current picture of a figure: each actor's latest statements, and a headline.

"Latest" works on periods: a statement is latest when no other is wholly after it, so a
figure for March and one for 13 March are both latest (neither is known to be later), and
so are another actor's figure for March and one its text does not date, reported in April.
An actor's figure for the very period of one it made known later is replaced, not latest;
so is one for a period its own later figure runs further (from the same start to a later day),
and, of a running total, one its own figure from no later start counts to a later date
(« à la mi-octobre », then « depuis octobre 2024 » said on 4 December).
The headline is the latest statements of all actors; beside them stand the other
actors' latest figures for an overlapping period. Figures for other times are never
folded into one range with them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from ..model import DateInterval
from .ledger import Statement, restated_later


@dataclass(frozen=True)
class MetricPicture:
    metric_id: str
    latest: tuple[Statement, ...]       # each actor's latest, newest first, then the undated
    headline: tuple[Statement, ...]     # the latest of all, newest first
    same_period: tuple[Statement, ...]  # other latest figures for a period overlapping the headline's


def _when(statement: Statement) -> DateInterval:
    """The period of a statement known to be dated (those ``latest`` keeps), as an order reads
    it (« début décembre » as 1-10 December: review 30)."""
    when = statement.compared
    assert when is not None
    return when


def _newest_first(statements: list[Statement], total: bool = False) -> list[Statement]:
    """Dated statements, newest first: by start, so that « 27 mars » comes before « mars »,
    which may be older; running totals (``total``) by the date they are counted to
    (Statement.counted_key: « depuis octobre 2024 » said on 4 December before « fin novembre »)."""
    return sorted(statements, key=lambda s: (*s.counted_key(total)[:-1], s.actor), reverse=True)


def latest(statements: list[Statement], open_reports: bool = False, total: bool = False,
           after: Mapping[str, date] | None = None) -> list[Statement]:
    """The dated statements no other is wholly after (newest first). ``open_reports``: a
    figure its text does not date, only reported on a day, may be for any time before it:
    it is after none (across actors; an actor's own later report is its newer figure), but
    for what ``after`` knows of it (claim id -> a day it is no earlier than)."""
    dated = [s for s in statements if s.when is not None]
    if not dated:
        return []
    starts = [_when(s).start for s in dated if s.dated or not open_reports]
    starts += [day for s in dated if not s.dated and (day := (after or {}).get(s.claim_id))]
    last_start = max(starts, default=None)
    return _newest_first([s for s in dated if last_start is None or _when(s).end >= last_start], total)


def _runs_further(other: Statement, statement: Statement, total: bool) -> bool:
    """Whether ``other`` is for a period from the same start to a later day (« depuis octobre
    2024 », reported in December, then in February): one actor's newer count of the same run;
    of a running total (``total``), from no later start to a wholly later date (« depuis
    octobre 2024 » said on 4 December, after « à la mi-octobre »)."""
    when, further = statement.when, other.when
    if when is None or further is None or not (other.dated and statement.dated):
        return False
    if total and further.start <= when.start and when.up_to.before(further.up_to):
        return True
    return further.start == when.start and further.end > when.end


def _after_own(chosen: list[Statement], statements: list[Statement]) -> dict[str, date]:
    """Claim id of each chosen figure its text does not date -> the start of its own actor's
    latest dated figure it replaces: the page reads it as that actor's newer figure (« auparavant
    … »), so it is no older than that one, against any other actor's either (review 29: the
    HUR's undated 400 after its 350 of late November beside the JCS's 220 of March 2025)."""
    found = {}
    for statement in chosen:
        if statement.dated or statement.when is None:
            continue
        starts = [_when(s).start for s in statements if s.dated and s.when is not None
                  and _when(s).before(_when(statement))]
        if starts:
            found[statement.claim_id] = max(starts)
    return found


def picture(metric_id: str, metric_statements: tuple[Statement, ...],
            kind: str = "total") -> MetricPicture | None:
    """None when nobody has given this figure yet. A figure its text does not date may be
    older than its report, unless it is a level (``kind``: see ``latest``): a level reported
    without a date is the level of the day it is reported, as the rules read it, so a
    year-old level does not stand beside it as a rival."""
    total, open_reports = kind == "total", kind != "level"
    if not metric_statements:
        return None
    by_actor: dict[str, list[Statement]] = {}
    for statement in metric_statements:
        by_actor.setdefault(statement.actor, []).append(statement)
    each = []
    undated = []
    after: dict[str, date] = {}
    for actor, statements in by_actor.items():
        chosen = [s for s in latest(statements, total=total)
                  if not any(restated_later(other, s) or _runs_further(other, s, total)
                             for other in statements)]
        each += chosen
        if not chosen:
            undated += statements
        after.update(_after_own(chosen, statements))
    headline = latest(each, open_reports=open_reports, total=total, after=after)
    shown = {id(s) for s in headline}
    same_period = [s for s in each if id(s) not in shown
                   and any(_when(s).overlaps(_when(h)) for h in headline)]
    return MetricPicture(metric_id, tuple(_newest_first(each, total)) + tuple(undated),
                         tuple(headline), tuple(_newest_first(same_period, total)))
