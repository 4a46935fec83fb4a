"""Every claim with its article and global id, and claims merged into statements.

The same figure from the same actor for the same date, reported by several
articles (one wire story run twice), is one *statement* with several sources:
estimates, charts and contradictions count statements, the ledger lists claims.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ..model import Archive, Article, Claim, PartialDate

# How far apart two dates may be and still describe the same period.
SAME_PERIOD_DAYS = 45
# The spread a figure given as "about" (environ) is read with.
ABOUT_TOLERANCE = 0.10
_PRECISION_RANK = {"exact": 0, "about": 1, "range": 2, "at_least": 3, "at_most": 3}


@dataclass(frozen=True)
class LedgerEntry:
    """A claim in its context: the article that reports it and its stable id."""

    claim: Claim
    article: Article

    @property
    def claim_id(self) -> str:
        return self.article.claim_id(self.claim)

    @property
    def anchor(self) -> str:
        """The id of the quoted passage in the article page."""
        return f"claim-{self.claim.local_id}"


@dataclass(frozen=True)
class Statement:
    """One figure or event from one actor for one date, with every article reporting it."""

    entries: tuple[LedgerEntry, ...]

    @property
    def claim(self) -> Claim:
        return self.entries[0].claim

    @property
    def actor(self) -> str:
        return self.claim.attributed_to

    @property
    def as_of(self) -> PartialDate:
        return self.claim.as_of

    @cached_property
    def bounds(self) -> tuple[float, float]:
        """The interval of values the figure allows, given its qualifier."""
        claim = self.claim
        if claim.qualifier == "range":
            return (claim.low, claim.high)
        value = claim.value
        return {
            "exact": (value, value),
            "about": (value * (1 - ABOUT_TOLERANCE), value * (1 + ABOUT_TOLERANCE)),
            "at_least": (value, float("inf")),
            "at_most": (0, value),
        }[claim.qualifier]

    @property
    def preference(self) -> tuple:
        """Higher is preferred: newer first, then the more precise qualifier."""
        return (self.as_of.sort_key(), -_PRECISION_RANK.get(self.claim.qualifier or "exact", 0))


def ledger(archive: Archive) -> tuple[LedgerEntry, ...]:
    """All claims, oldest as-of date first, then by claim id for a stable order."""
    entries = [LedgerEntry(claim, article) for article in archive.articles for claim in article.claims]
    return tuple(sorted(entries, key=lambda e: (e.claim.as_of.sort_key(), e.claim_id)))


def _statement_key(claim: Claim) -> tuple:
    return (claim.topic, claim.metric, claim.event, claim.attributed_to, claim.as_of,
            claim.qualifier, claim.numbers)


def statements(entries: tuple[LedgerEntry, ...]) -> tuple[Statement, ...]:
    """Entries merged by what they state; in the entries' (chronological) order."""
    groups: dict[tuple, list[LedgerEntry]] = {}
    for entry in entries:
        groups.setdefault(_statement_key(entry.claim), []).append(entry)
    return tuple(Statement(tuple(group)) for group in groups.values())

