"""What two figures are to each other: the one rule set, across actors and within one.

Every figure is an interval of values (its qualifier says which) and every statement an
interval of time (its ``as_of``, or else the date of the article reporting it). Two
figures of two actors for overlapping periods *agree* (their intervals meet: the reader
sees « confirmé par 2 sources indépendantes »), *diverge* (they differ, but both can
hold: « estimations divergentes ») or *contradict* (they cannot both hold, given the
metric's kind, the dates and the qualifiers). A bound is read as the press writes it:
« jusqu'à 6 000 » allows 3 000 but announces a figure near 6 000, so agreeing needs the
figures each *states* to meet (an open bound stands for the values within ABOUT_TOLERANCE of
it): « jusqu'à 6 000 » and « environ 3 000 » can both hold, and differ: they diverge. The
metric's kind (topics.yml) decides:

- ``total``: a running total only grows. Two totals for overlapping periods that differ
  can both hold as long as the lower one may be the earlier (4 000 in March, 4 700 on
  27 March): they diverge. A total surely lower at a wholly later date cannot be: a
  *contradiction* between two actors, a *correction* by one; later and higher by one
  actor is an *update*. A total stands at the date its period runs to (« depuis octobre
  2024 » said on 4 December: that day), so one actor's counts at two ordered dates are its
  earlier and later figures even where their periods overlap.
- ``level`` and ``plan``: a level holds over the period it is given for, so two levels
  for overlapping periods whose intervals do not meet *contradict*; figures for
  different periods never do; one actor's new figure is an *update*.

One actor's two figures for overlapping periods that cannot both hold are a *revision*
(the reader sees both). An event can deny a metric (topics.yml ``excludes``: "absent from
the front" denies "at the front"): any figure but a nil one for an overlapping period
contradicts it. A part larger than its whole (topics.yml ``parts``, ``within``) at a time
the whole cannot have caught up contradicts it.

``EXAMPLES`` works each case out with invented actors; the method page and the tests use
the same table.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import timedelta
from typing import Literal, NamedTuple

from ..model import Claim, DateInterval

# A figure given as "about" (environ) allows this much either side.
ABOUT_TOLERANCE = 0.10

# A figure its text dates within this many days up to its article's date (« mercredi »,
# « lundi 28 avril ») is news of the article's day, like a figure reported that day.
NEAR_REPORT_DAYS = 7

Finding = Literal["contradiction", "divergence", "agreement", "revision", "correction", "update"]


@dataclass(frozen=True)
class ValueInterval:
    """The values a figure allows: ``high`` is infinite for "at least" and "more than"."""

    low: float
    high: float


def value_interval(claim: Claim) -> ValueInterval:
    """The interval of values a claim's figure allows, given its qualifier."""
    if claim.qualifier == "range":
        assert claim.low is not None and claim.high is not None  # Claim's validator: a range has both
        return ValueInterval(claim.low, claim.high)
    value = claim.value
    assert value is not None and claim.qualifier is not None  # Claim's validator: a figure has both
    return {
        "exact": ValueInterval(value, value),
        "about": ValueInterval(value * (1 - ABOUT_TOLERANCE), value * (1 + ABOUT_TOLERANCE)),
        "at_least": ValueInterval(value, math.inf),
        "more_than": ValueInterval(value + 1, math.inf),
        "at_most": ValueInterval(0, value),
    }[claim.qualifier]


def stated_interval(claim: Claim) -> ValueInterval:
    """The values a claim's figure announces: its own interval, an open bound read as the
    values near it (« au moins 5 000 » states about 5 000, not 8 000)."""
    values = value_interval(claim)
    if claim.qualifier == "at_most":
        return ValueInterval(values.high * (1 - ABOUT_TOLERANCE), values.high)
    if claim.qualifier in ("at_least", "more_than"):
        return ValueInterval(values.low, (claim.value or 0) * (1 + ABOUT_TOLERANCE))
    return values


class Figure(NamedTuple):
    """What the rules need of a dated statement, flat: the comparison runs once per pair
    of overlapping statements, hundreds of thousands of times at scale."""

    actor: str
    start: int   # first and last day of its period (ordinals): its as_of, or else its report
    end: int
    dated: bool  # whether the period is its as_of
    low: float   # the values it allows (an event: 0 to 0)
    high: float
    stated_low: float   # the values it announces (stated_interval)
    stated_high: float
    # The articles reporting it as news of their day: all of them when undated, those whose
    # date its own date is on or near (of_its_day) when dated. Two such figures of one
    # article, one of them at least undated, are set side by side there, as of its day.
    reports: frozenset[str] = frozenset()
    # What its period runs to (DateInterval.up_to), first and last day: where a running total
    # stands. Two counts of one actor at wholly ordered moments are its earlier and later
    # figures, whatever their periods' starts (« à la mi-octobre », then « depuis octobre
    # 2024 » said on 4 December).
    counted_start: int = 0
    counted_end: int = 0

    @classmethod
    def of(cls, actor: str, when: DateInterval, dated: bool, values: ValueInterval,
           stated: ValueInterval | None = None, reports: frozenset[str] = frozenset()) -> Figure:
        stated = stated or values
        counted = when.up_to
        return cls(actor, when.start.toordinal(), when.end.toordinal(), dated, values.low,
                   values.high, stated.low, stated.high, reports, counted.start.toordinal(),
                   counted.end.toordinal())

    @property
    def announced(self) -> float:
        """The figure it announces: the middle of what it states (« environ 250 »: 250;
        « entre 5 000 et 6 000 »: 5 500)."""
        return (self.stated_low + self.stated_high) / 2

    def announces_as(self, other: Figure) -> bool:
        """Whether the values it announces meet the other's (stated_interval), and a floor's
        or a ceiling's bound holds the figure the other announces: « plus de 26 000 » and
        « environ 25 000 » meet within « environ », but the floor says more than 25 000, as
        a text setting them side by side does (« un chiffre plus élevé »: review 31)."""
        return (self.stated_low <= other.stated_high and other.stated_low <= self.stated_high
                and self._holds(other) and other._holds(self))

    def _holds(self, other: Figure) -> bool:
        """Whether, being a floor or a ceiling, its bound holds what ``other``, none of its
        kind, announces (Figure.announced); true of other figures."""
        floor, ceiling = self.high == math.inf, self.stated_low > self.low
        if floor and other.high != math.inf:
            return other.announced >= self.low
        if ceiling and not other.stated_low > other.low:
            return other.announced <= self.high
        return True


def of_its_day(when: DateInterval, report: DateInterval) -> bool:
    """Whether a figure dated ``when`` is news of the day an article of date ``report``
    gives it: its period lies within the NEAR_REPORT_DAYS up to that date."""
    return report.start - timedelta(days=NEAR_REPORT_DAYS) <= when.start and when.end <= report.end


def _grown(earlier: Figure, later: Figure) -> bool:
    """Whether a running total known up to a date well after another's (« depuis octobre
    2024 » as of 11 December 2025, against the end of 2024), from no earlier start, announces
    more: it has grown since, and the two are no rival estimates."""
    return (earlier.end + NEAR_REPORT_DAYS < later.end and earlier.start <= later.start
            and later.stated_low > earlier.stated_high)


def compare(a: Figure, b: Figure, kind: str) -> Finding | None:
    """What one of two figures of a metric of ``kind`` is to the other, or None.

    A running total reported without a date held at some time up to its report: it is
    compared by order only, and only as the earlier one (the later may be an old figure
    repeated).
    """
    same_actor = a.actor == b.actor
    total = kind == "total"
    if total and not (a.dated and b.dated) and not same_actor and a.reports & b.reports:
        # Two actors' totals one article gives as of its day, one at least undated (the other
        # may be dated on or near that day): the undated one may be older than its day, so
        # they cannot contradict, but the article sets them side by side: they diverge when
        # what they announce does not meet.
        return None if a.announces_as(b) else "divergence"
    if a.start <= b.end and b.start <= a.end and (not total or a.dated and b.dated):
        if total and same_actor and (a.counted_end < b.counted_start or b.counted_end < a.counted_start):
            # One actor's counts of overlapping periods at two moments (« depuis octobre
            # 2024 » said in October, then in December): the later one is its newer figure.
            earlier, later = (a, b) if a.counted_end < b.counted_start else (b, a)
            if later.high < earlier.low:
                return "correction"
            return "update" if earlier.announced != later.announced else None
        if total and (_grown(a, b) or _grown(b, a)):
            return None
        if a.low <= b.high and b.low <= a.high:
            if same_actor:
                return None
            return "agreement" if a.announces_as(b) else "divergence"
        if same_actor:
            return "revision"
        lower, higher = (a, b) if a.high < b.low else (b, a)
        # A running total may have grown between the lower figure and the higher one.
        return "divergence" if total and lower.start < higher.end else "contradiction"
    if not same_actor and a.dated and b.dated and max(a.start, b.start) - min(a.end, b.end) <= NEAR_REPORT_DAYS \
            and a.low <= b.high and b.low <= a.high and a.announces_as(b):
        # Two actors' figures their texts date at most a few days apart (« la semaine
        # dernière », « jeudi ») that announce the same: one moment, estimates that agree
        # (« un bilan comparable »). Further apart or announcing otherwise, what happened in
        # between may explain either: no finding.
        return "agreement"
    if a.end < b.start and (not total or b.dated):
        earlier, later = a, b
    elif b.end < a.start and (not total or a.dated):
        earlier, later = b, a
    else:
        return None
    if total and later.high < earlier.low:
        return "correction" if same_actor else "contradiction"
    # One actor's new figure for a later period is an update when the figure it announces
    # moved (« jusqu'à 8 000 », then « jusqu'à 6 000 »; « environ 220 », then « environ 250 »;
    # « entre 5 000 et 6 000 », then « environ 5 000 »), not only when the values it allows
    # part; the same figure qualified otherwise (« 3 000 », then « environ 3 000 ») is none.
    if same_actor and earlier.announced != later.announced:
        return "update"
    return None


def denies(event: Figure, figure: Figure) -> Finding | None:
    """An event that says a metric is nil, against a figure of that metric."""
    if event.start > figure.end or figure.start > event.end or figure.high == 0:
        return None
    return "revision" if event.actor == figure.actor else "contradiction"


def exceeds(part: Figure, whole: Figure, kind: str) -> Finding | None:
    """A figure of a part (or of a scope inside another) against one of its whole: a
    contradiction when the part is surely larger at a time the whole cannot be later.

    A running total may have caught up: the part must be wholly before or on the whole's
    first day (the whole dated). A level or a plan holds over its period: the two periods
    must overlap."""
    if part.low <= whole.high:
        return None
    if kind == "total":
        return "contradiction" if whole.dated and part.end <= whole.start else None
    return "contradiction" if part.start <= whole.end and whole.start <= part.end else None


@dataclass(frozen=True)
class Example:
    """One worked case: two figures (actor, as_of, qualifier and value) and the finding."""

    kind: str
    first: tuple[str, str, str, int]   # actor, as_of (or "rapporté YYYY-MM…": no as_of), qualifier, value
    second: tuple[str, str, str, int]
    finding: Finding | None
    why: str


# Invented actors only: the method page shows these as « Agence A », « Agence B »; an
# example is never a real agency's figure.
EXAMPLE_ACTORS = {"a": "Agence A", "b": "Agence B", "x": "un article sans source citée"}

EXAMPLES: tuple[Example, ...] = (
    Example("total", ("a", "2024-12", "about", 1100), ("a", "2025-03", "exact", 4000), "update",
            "un total cumulé plus élevé, plus tard, par la même source : mise à jour"),
    Example("total", ("a", "2024-12", "about", 1100), ("b", "2025-03", "exact", 4000), None,
            "un total plus élevé, plus tard, par une autre source : rien de contradictoire"),
    Example("total", ("a", "2025-03", "exact", 4000), ("b", "2025-04", "about", 1100),
            "contradiction", "un total cumulé ne peut pas baisser : contradiction entre sources"),
    Example("total", ("a", "2025-03", "exact", 4000), ("a", "2025-04", "about", 1100),
            "correction", "la même source donne plus tard un total plus bas : correction"),
    Example("total", ("a", "2025-03", "exact", 4000), ("b", "2025-03-27", "about", 4700),
            "divergence", "mars et le 27 mars se chevauchent, mais un total peut avoir crû entre "
            "les deux : estimations divergentes, non contradictoires"),
    Example("total", ("a", "2024-10/2024-12", "more_than", 10000), ("b", "2024-10/2025-12-11", "about", 14000),
            None, "deux totaux depuis octobre 2024, l'un à la fin de 2024, l'autre jusqu'au 11 décembre "
            "2025 : le plus élevé est connu un an plus tard, le total a pu croître, rien à signaler"),
    Example("total", ("a", "2024-10/2025-10-14", "about", 18000), ("a", "2024-10/2025-12-04", "about", 20000),
            "update", "la même source, le même total depuis octobre 2024, compté le 14 octobre puis "
            "le 4 décembre 2025 : « environ 20 000 » après « environ 18 000 », mise à jour"),
    Example("total", ("a", "2025-10", "about", 18000), ("a", "2024-10/2025-12-04", "about", 20000),
            "update", "« environ 18 000 » en octobre 2025, puis « environ 20 000 » depuis octobre 2024 "
            "jusqu'au 4 décembre 2025 : un total compté plus tard par la même source, mise à jour"),
    Example("total", ("a", "2025-03-27", "exact", 4700), ("b", "2025-03-27", "exact", 4000),
            "contradiction", "deux totaux différents pour le même jour ne peuvent être vrais "
            "ensemble : contradiction"),
    Example("total", ("a", "2025-01/2025-02", "exact", 3000), ("b", "2025-01/2025-02", "about", 3000),
            "agreement", "deux sources, la même période, des chiffres compatibles : confirmé "
            "par 2 sources indépendantes"),
    Example("total", ("a", "2025-09-19", "more_than", 6000), ("b", "2025-09-25", "about", 6500),
            "agreement", "six jours d'écart : « plus de 6 000 » et « environ 6 500 » annoncent le même "
            "bilan, estimations concordantes d'un même moment"),
    Example("level", ("a", "2025-01", "exact", 11000), ("a", "2025-03", "exact", 8000), "update",
            "un effectif présent peut baisser : mise à jour par la même source"),
    Example("level", ("a", "2025-01", "exact", 11000), ("b", "2025-03", "exact", 8000), None,
            "deux effectifs à des périodes différentes ne se contredisent pas"),
    Example("level", ("a", "2025-03", "about", 3000), ("b", "2025-03-13", "exact", 3200), "agreement",
            "« environ 3 000 » admet 2 700 à 3 300 : 3 200 le confirme"),
    Example("level", ("a", "2025-03", "about", 3000), ("a", "2025-03-13", "exact", 3200), None,
            "la même règle vaut pour une seule source : pas de révision, ni de confirmation "
            "(une source ne se confirme pas elle-même)"),
    Example("level", ("a", "2025-03", "exact", 3000), ("b", "2025-03-13", "exact", 5000),
            "contradiction", "un effectif vaut pour toute sa période, et mars contient le 13 mars "
            ": chiffres incompatibles"),
    Example("level", ("a", "2025-03-20", "exact", 3000), ("a", "2025-03-20", "exact", 5000),
            "revision", "la même source, le même jour, deux chiffres incompatibles : révision"),
    Example("level", ("a", "2025-03", "at_least", 5000), ("b", "2025-03", "exact", 5200), "agreement",
            "« au moins 5 000 » annonce un chiffre proche de 5 000 : 5 200 le confirme"),
    Example("level", ("a", "2025-03", "at_least", 5000), ("b", "2025-03", "exact", 8000), "divergence",
            "« au moins 5 000 » admet 8 000 mais annonce un chiffre proche de 5 000 : "
            "estimations divergentes, non contradictoires"),
    Example("level", ("a", "2025-03", "at_most", 6000), ("b", "2025-03", "about", 3000), "divergence",
            "« jusqu'à 6 000 » admet 3 000 mais annonce un chiffre proche de 6 000 : "
            "estimations divergentes, non contradictoires"),
    Example("level", ("a", "2025-03", "more_than", 5000), ("b", "2025-03", "at_most", 5000),
            "contradiction", "« plus de 5 000 » contre « jusqu'à 5 000 » : incompatibles"),
    Example("total", ("a", "2025-03", "about", 220), ("a", "2026-05", "about", 250), "update",
            "« environ 250 » un an après « environ 220 », par la même source : les deux se "
            "recouvrent, mais le chiffre annoncé a changé : mise à jour"),
    Example("level", ("a", "2025-01", "at_most", 8000), ("a", "2025-03", "at_most", 6000), "update",
            "« jusqu'à 6 000 » après « jusqu'à 8 000 » : le chiffre annoncé a baissé, mise à jour"),
    Example("level", ("a", "2025-03", "exact", 3000), ("b", "2025-04-16", "exact", 5000), None,
            "mars et le 16 avril ne se chevauchent pas : pas de comparaison"),
    Example("total", ("x", "rapporté 2025-03", "more_than", 1100),
            ("a", "rapporté 2025-03", "exact", 4000), None,
            "un total repris sans date peut être ancien : il ne contredit pas le chiffre du jour"),
    Example("total", ("a", "rapporté 2025-03", "exact", 4000),
            ("b", "2025-04", "about", 1100), "contradiction",
            "un total rapporté en mars sans date valait au plus tard en mars : 1 100 en avril "
            "est un recul impossible"),
    Example("level", ("a", "rapporté 2025-03", "exact", 3000),
            ("b", "2025-03", "exact", 5000), "contradiction",
            "un effectif rapporté sans date est celui du moment où il est rapporté"),
)
