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
from typing import Literal, Protocol

from ..model import Claim, DateInterval

# A figure given as "about" (environ) allows this much either side.
ABOUT_TOLERANCE = 0.10

Finding = Literal["contradiction", "revision", "correction", "update"]


@dataclass(frozen=True)
class ValueInterval:
    """The values a figure allows: ``high`` is infinite for "at least" and "more than"."""

    low: float
    high: float

    def meets(self, other: ValueInterval) -> bool:
        return self.low <= other.high and other.low <= self.high

    @property
    def nil(self) -> bool:
        return self.high == 0

    @property
    def bounded(self) -> bool:
        return not math.isinf(self.high)


def value_interval(claim: Claim) -> ValueInterval:
    """The interval of values a claim's figure allows, given its qualifier."""
    if claim.qualifier == "range":
        return ValueInterval(claim.low, claim.high)
    value = claim.value
    return {
        "exact": ValueInterval(value, value),
        "about": ValueInterval(value * (1 - ABOUT_TOLERANCE), value * (1 + ABOUT_TOLERANCE)),
        "at_least": ValueInterval(value, math.inf),
        "more_than": ValueInterval(value + 1, math.inf),
        "at_most": ValueInterval(0, value),
    }[claim.qualifier]


class Comparable(Protocol):
    actor: str
    when: DateInterval | None  # its as_of, or else the date of the article reporting it
    dated: bool                # whether ``when`` is its as_of
    values: ValueInterval


def _in_order(first: Comparable, second: Comparable,
              kind: str) -> tuple[Comparable, Comparable] | None:
    """The two as (earlier, later) when their periods are wholly ordered, else None.

    A running total reported without a date held at some time up to its report: it can
    come first, never second (the later one may be an old figure repeated)."""
    for earlier, later in ((first, second), (second, first)):
        if earlier.when.before(later.when) and (kind != "total" or later.dated):
            return earlier, later
    return None


def compare(first: Comparable, second: Comparable, kind: str) -> Finding | None:
    """What one of two figures of a metric of ``kind`` is to the other, or None.

    Undated statements (no as_of, and an undated article) are never compared.
    """
    if first.when is None or second.when is None:
        return None
    same_actor = first.actor == second.actor
    if first.when.overlaps(second.when) and (kind != "total" or first.dated and second.dated):
        if first.values.meets(second.values):
            return None
        return "revision" if same_actor else "contradiction"
    ordered = _in_order(first, second, kind)
    if ordered is None:
        return None
    earlier, later = ordered
    if kind == "total" and later.values.high < earlier.values.low:
        return "correction" if same_actor else "contradiction"
    if same_actor and not earlier.values.meets(later.values):
        return "update"
    return None


def denies(event: Comparable, figure: Comparable) -> Finding | None:
    """An event that says a metric is nil, against a figure of that metric."""
    if event.when is None or figure.when is None or not event.when.overlaps(figure.when):
        return None
    if figure.values.nil:
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
