"""When two statements of one figure disagree: the one rule set, across actors and within one.

Every figure is an interval of values (its qualifier says which) and every statement an
interval of time (its ``as_of``, or else the date of the article reporting it). The
metric's kind (topics.yml) says how two figures at different times relate:

- ``total``: a running total only grows. Later and higher is an *update*; later and
  surely lower (its highest value under the earlier one's lowest) cannot be: a
  *contradiction* between two actors, a *correction* by one.
- ``level`` and ``plan``: a level rises and falls and a plan may change, so figures for
  different periods never contradict; one actor's new figure is an *update*.

For every kind, two figures for overlapping periods whose intervals do not meet are a
*contradiction* between two actors, and a *revision* by one (the reader sees both).
An event can deny a metric (topics.yml ``excludes``: "absent from the front" denies "at
the front"): any figure but a nil one for an overlapping period contradicts it.

``EXAMPLES`` works each case out; the method page and the tests use the same table.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal, NamedTuple

from ..model import Claim, DateInterval

# A figure given as "about" (environ) allows this much either side.
ABOUT_TOLERANCE = 0.10

Finding = Literal["contradiction", "revision", "correction", "update"]


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


class Figure(NamedTuple):
    """What the rules need of a dated statement, flat: the comparison runs once per pair
    of overlapping statements, hundreds of thousands of times at scale."""

    actor: str
    start: int   # first and last day of its period (ordinals): its as_of, or else its report
    end: int
    dated: bool  # whether the period is its as_of
    low: float   # the values it allows (an event: 0 to 0)
    high: float

    @classmethod
    def of(cls, actor: str, when: DateInterval, dated: bool, values: ValueInterval) -> Figure:
        return cls(actor, when.start.toordinal(), when.end.toordinal(), dated, values.low,
                   values.high)


def compare(a: Figure, b: Figure, kind: str) -> Finding | None:
    """What one of two figures of a metric of ``kind`` is to the other, or None.

    A running total reported without a date held at some time up to its report: it is
    compared by order only, and only as the earlier one (the later may be an old figure
    repeated).
    """
    same_actor = a.actor == b.actor
    total = kind == "total"
    if a.start <= b.end and b.start <= a.end and (not total or a.dated and b.dated):
        if a.low <= b.high and b.low <= a.high:
            return None
        return "revision" if same_actor else "contradiction"
    if a.end < b.start and (not total or b.dated):
        earlier, later = a, b
    elif b.end < a.start and (not total or a.dated):
        earlier, later = b, a
    else:
        return None
    if total and later.high < earlier.low:
        return "correction" if same_actor else "contradiction"
    if same_actor and not (earlier.low <= later.high and later.low <= earlier.high):
        return "update"
    return None


def denies(event: Figure, figure: Figure) -> Finding | None:
    """An event that says a metric is nil, against a figure of that metric."""
    if event.start > figure.end or figure.start > event.end or figure.high == 0:
        return None
    return "revision" if event.actor == figure.actor else "contradiction"


@dataclass(frozen=True)
class Example:
    """One worked case: two figures (actor, as_of, qualifier and value) and the finding."""

    kind: str
    first: tuple[str, str, str, int]   # actor, as_of (or "rapporté YYYY-MM…": no as_of), qualifier, value
    second: tuple[str, str, str, int]
    finding: Finding | None
    why: str


EXAMPLES: tuple[Example, ...] = (
    Example("total", ("jcs", "2024-12", "about", 1100), ("jcs", "2025-03", "exact", 4000), "update",
            "un total cumulé plus élevé, plus tard, par la même source : mise à jour"),
    Example("total", ("jcs", "2024-12", "about", 1100), ("nis", "2025-03", "exact", 4000), None,
            "un total plus élevé, plus tard, par une autre source : rien de contradictoire"),
    Example("total", ("jcs", "2025-03", "exact", 4000), ("nis", "2025-04", "about", 1100),
            "contradiction", "un total cumulé ne peut pas baisser : contradiction entre sources"),
    Example("total", ("jcs", "2025-03", "exact", 4000), ("jcs", "2025-04", "about", 1100),
            "correction", "la même source donne plus tard un total plus bas : correction"),
    Example("level", ("nis", "2025-01", "exact", 11000), ("nis", "2025-03", "exact", 8000), "update",
            "un effectif présent peut baisser : mise à jour par la même source"),
    Example("level", ("nis", "2025-01", "exact", 11000), ("hur", "2025-03", "exact", 8000), None,
            "deux effectifs à des périodes différentes ne se contredisent pas"),
    Example("level", ("nis", "2025-03", "about", 3000), ("hur", "2025-03-13", "exact", 3200), None,
            "« environ 3 000 » admet 2 700 à 3 300 : 3 200 est compatible"),
    Example("level", ("nis", "2025-03", "about", 3000), ("nis", "2025-03-13", "exact", 3200), None,
            "la même règle vaut pour une seule source : pas de révision"),
    Example("level", ("nis", "2025-03", "exact", 3000), ("hur", "2025-03-13", "exact", 5000),
            "contradiction", "mars contient le 13 mars : mêmes périodes, chiffres incompatibles"),
    Example("level", ("nis", "2025-03-20", "exact", 3000), ("nis", "2025-03-20", "exact", 5000),
            "revision", "la même source, le même jour, deux chiffres incompatibles : révision"),
    Example("level", ("nis", "2025-03", "at_least", 5000), ("hur", "2025-03", "exact", 8000), None,
            "« au moins 5 000 » est compatible avec 8 000"),
    Example("level", ("nis", "2025-03", "more_than", 5000), ("hur", "2025-03", "at_most", 5000),
            "contradiction", "« plus de 5 000 » contre « jusqu'à 5 000 » : incompatibles"),
    Example("level", ("nis", "2025-03", "exact", 3000), ("hur", "2025-04-16", "exact", 5000), None,
            "mars et le 16 avril ne se chevauchent pas : pas de comparaison"),
    Example("total", ("unattributed", "rapporté 2025-03", "more_than", 1100),
            ("jcs", "rapporté 2025-03", "exact", 4000), None,
            "un total repris sans date peut être ancien : il ne contredit pas le chiffre du jour"),
    Example("total", ("jcs", "rapporté 2025-03", "exact", 4000),
            ("nis", "2025-04", "about", 1100), "contradiction",
            "un total rapporté en mars sans date valait au plus tard en mars : 1 100 en avril "
            "est un recul impossible"),
    Example("level", ("nis", "rapporté 2025-03", "exact", 3000),
            ("hur", "2025-03", "exact", 5000), "contradiction",
            "un effectif rapporté sans date est celui du moment où il est rapporté"),
)
