"""How the scopes of two metrics of a topic stand to each other (topics.yml ``parts``,
``within``, ``overlaps``): one reading for every derivation and page, so that a box and a
current picture never relate two metrics differently."""

from __future__ import annotations

from typing import Literal

from ..model import Topic

# How ``other``'s scope stands to a metric's: its whole or one of its parts (a sum), a scope
# wider than it or within it, or a scope that only overlaps it.
Relation = Literal["whole", "part", "wider", "narrower", "overlap"]


def relation(topic: Topic, metric_id: str, other_id: str) -> Relation | None:
    """How ``other_id``'s scope stands to ``metric_id``'s, or None when unrelated. A sum or
    a containment declared on either metric says more than an overlap declared beside it;
    an overlap holds whichever of the two declares it."""
    if other_id == metric_id:
        return None
    metric, other = topic.metrics[metric_id], topic.metrics[other_id]
    if other_id in metric.parts:
        return "part"
    if metric_id in other.parts:
        return "whole"
    if other_id in metric.wider:
        return "wider"
    if metric_id in other.wider:
        return "narrower"
    if other_id in metric.overlaps or metric_id in other.overlaps:
        return "overlap"
    return None


def related(topic: Topic, metric_id: str) -> dict[str, Relation]:
    """Every metric related to ``metric_id``, with its relation, in topics.yml order."""
    found = {}
    for other_id in topic.metrics:
        kind = relation(topic, metric_id, other_id)
        if kind is not None:
            found[other_id] = kind
    return found


def nested(topic: Topic, metric_id: str) -> tuple[str, ...]:
    """The metrics whose scope contains ``metric_id``'s or lies inside it: its parts and its
    whole, the scopes it lies within and the scopes within it. A later figure of one of them
    makes its figure an older one. Scopes that only overlap are not: neither holds the other,
    so a later figure of one says nothing of the other's (they are shown together, each with
    its scope)."""
    return tuple(other_id for other_id, kind in related(topic, metric_id).items()
                 if kind != "overlap")


def overlapping(topic: Topic, metric_id: str) -> tuple[str, ...]:
    """The metrics whose scope overlaps ``metric_id``'s (declared on either side) without one
    holding the other: a reader must not add their figures."""
    return tuple(other_id for other_id, kind in related(topic, metric_id).items()
                 if kind == "overlap")


def narrower(topic: Topic, metric_id: str) -> tuple[str, ...]:
    """The metrics whose scope lies within ``metric_id``'s (their ``within`` names it)."""
    return tuple(other_id for other_id, kind in related(topic, metric_id).items()
                 if kind == "narrower")


def holds(topic: Topic, whole_id: str, metric_id: str) -> bool:
    """Whether ``whole_id``'s scope holds ``metric_id``'s: its sum, or a scope it lies in."""
    return relation(topic, metric_id, whole_id) in ("whole", "wider")


def kin(topic: Topic, metric_id: str) -> frozenset[str]:
    """The metrics a figure of ``metric_id`` can be read with: related scopes, and metrics
    that count the same things (their ``unit``: soldiers sent, soldiers present; killed,
    wounded). A figure of a metric counting other things, given in the same report (guns
    beside a plan of missiles), says nothing of it."""
    unit = topic.metrics[metric_id].unit
    alike = {other_id for other_id, other in topic.metrics.items() if other.unit == unit}
    return frozenset(related(topic, metric_id)) | frozenset(alike - {metric_id})
