"""Every claim with its article and global id, and claims merged into statements.

The same figure or event from the same actor for the same period, reported by several
articles, is one *statement*: estimates, charts, comparisons and counts use statements.
Its articles are its *copies*; copies of one dispatch (near-duplicate texts) are one
*independent source*.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from ..model import Archive, ArticleInfo, Claim, DateInterval, Event
from .rules import Figure, ValueInterval, of_its_day, stated_interval, value_interval


def chronological(when: DateInterval | None, claim_id: str) -> tuple:
    """The order of claims and statements: oldest first, undated last, then by claim id."""
    return (when is None, when.sort_key() if when else (), claim_id)


@dataclass(frozen=True)
class LedgerEntry:
    """A claim in its context: the article that reports it and its stable id."""

    claim: Claim
    article: ArticleInfo
    # Whether it is a position its actor takes (an event with stance: true): the statement
    # and the event are one, so the date the text gives it (as_of) is when it was stated.
    stance: bool = False

    @property
    def claim_id(self) -> str:
        return self.article.claim_id(self.claim)

    @property
    def anchor(self) -> str:
        """The id of the quoted passage in the article page."""
        return f"claim-{self.claim.local_id}"

    @property
    def when(self) -> DateInterval | None:
        """The claim's as_of, or else the date of its article (it is *reported on* it)."""
        return self.claim.as_of or self.article.date

    @property
    def hedges(self) -> tuple[str, ...]:
        return self.claim.hedges

    @property
    def reported(self) -> DateInterval | None:
        """When it was reported: its article's date."""
        return self.article.date

    @property
    def stated(self) -> DateInterval | None:
        """When it became known: the date the text gives for the statement (a position's own
        date), or its article's."""
        return self.claim.stated_on or self._stance_date or self.article.date

    @property
    def dates_statement(self) -> bool:
        """Whether ``stated`` is the date its text gives the statement itself, not its report."""
        return self.claim.stated_on is not None or self._stance_date is not None

    @property
    def stated_words(self) -> str | None:
        """``stated`` in the text's own words, where it has them (« fin janvier 2025 »)."""
        if self.claim.stated_on is not None:
            return self.claim.stated_words
        return self.claim.as_of_words if self._stance_date is not None else None

    @property
    def _stance_date(self) -> DateInterval | None:
        return self.claim.as_of if self.stance else None

    @property
    def entries(self) -> tuple[LedgerEntry, ...]:
        """A claim shown on its own (an article's page) is its only copy and source."""
        return (self,)

    @property
    def by_article_date(self) -> tuple[LedgerEntry, ...]:
        return (self,)

    @property
    def sources(self) -> tuple[tuple[LedgerEntry, ...], ...]:
        return ((self,),)

    @property
    def sort_key(self) -> tuple:
        return chronological(self.when, self.claim_id)


@dataclass(frozen=True)
class Statement:
    """One figure or event from one actor for one period, with every article reporting it.

    ``sources`` groups the copies by dispatch: one group per independent source.
    """

    entries: tuple[LedgerEntry, ...]
    sources: tuple[tuple[LedgerEntry, ...], ...]
    # The period its metric's scope fixes (topics.yml ``period``): what it is compared, drawn
    # and grouped at, whatever date its text gives or its report has.
    period: DateInterval | None = None

    @property
    def first(self) -> LedgerEntry:
        return self.entries[0]

    @property
    def by_article_date(self) -> tuple[LedgerEntry, ...]:
        """Its copies as a list of sources reads them: oldest article first, undated last."""
        return tuple(sorted(self.entries, key=lambda e: (
            e.article.date is None, e.article.date.sort_key() if e.article.date else (), e.claim_id)))

    @cached_property
    def claim(self) -> Claim:
        return self.first.claim

    @cached_property
    def claim_id(self) -> str:
        return self.first.claim_id

    @property
    def article(self) -> ArticleInfo:
        return self.first.article

    @property
    def anchor(self) -> str:
        return self.first.anchor

    @property
    def actor(self) -> str:
        return self.claim.attributed_to

    def quotes(self, known: str = "") -> tuple[str, ...]:
        """Its first copy's quote, then each other copy's that adds words of its own (at least
        ADDED_WORDS not in ``known``, its label, nor in the quotes kept before it): what each
        text adds (« … aide militaire immédiate … » ; « … par tous les moyens … »), not
        the same thing said again."""
        kept: list[str] = []
        words = _words(known)
        for quote in dict.fromkeys(entry.claim.quote for entry in self.by_article_date):
            own = _words(quote)
            if not kept or len(own - words) >= ADDED_WORDS:
                kept.append(quote)
                words |= own
        return tuple(kept)

    @cached_property
    def hedges(self) -> tuple[str, ...]:
        """The hedges of every copy (« selon certaines informations » may stand in one article
        and not in another): a hedge any text gives stays beside the figure."""
        return tuple(dict.fromkeys(hedge for entry in self.entries for hedge in entry.claim.hedges))

    @property
    def dated(self) -> bool:
        """Whether the text (or its metric's scope) dates it; if not, it is *reported on* its
        first article's date."""
        return self.claim.as_of is not None or self.period is not None

    @cached_property
    def reported(self) -> DateInterval | None:
        """When it was first reported: the earliest of its articles' dates; None when none is
        dated, or when a source (a dispatch and its copies) has no date: it may have been
        the first (an undated article's figure relayed later as « une précédente
        estimation » was not first reported on the relay's day)."""
        if not self._every_source_dated(lambda e: e.article.date):
            return None
        dates = [e.article.date for e in self.entries if e.article.date is not None]
        return min(dates, key=DateInterval.sort_key) if dates else None

    @cached_property
    def first_stated(self) -> LedgerEntry | None:
        """The copy that made it known first (the earliest statement or report date), or None
        when no copy is dated or a source has no date (see ``reported``), unless a text dates
        the statement itself (« avait évoqué en janvier »): no copy of it, dated or not, can
        have reported it before it was made. Between copies that give one statement date, the
        earliest article, an undated one first (it may be the original; a relay's date is
        known to be later). Earliest by when it was known at the latest: a relay's « en
        décembre dernier » does not take the place of the report of 23 December it contains.
        Of copies of one day, the one that keeps the most of the text's hedges: a line that
        shows them links to a text that holds them."""
        dated = [e for e in self.entries if e.stated is not None]
        if not any(e.dates_statement for e in dated) and not self._every_source_dated(
                lambda e: e.stated):
            return None
        return min(dated, key=lambda e: ((e.stated.end, e.stated.start) if e.stated else (),
                                         e.article.date is not None,
                                         e.article.date.sort_key() if e.article.date else (),
                                         -len(e.claim.hedges), e.claim_id), default=None)

    def _every_source_dated(self, date: Callable[[LedgerEntry], DateInterval | None]) -> bool:
        return all(any(date(e) is not None for e in group) for group in self.sources)

    @property
    def known_on(self) -> DateInterval | None:
        """When it became known: its first copy's statement or report date; None when undated."""
        first = self.first_stated
        return first.stated if first is not None else None

    @cached_property
    def when(self) -> DateInterval | None:
        """Its period: its metric's fixed period, its as_of, or the earliest report; None when
        none is known."""
        return self.period or self.claim.as_of or self.reported

    @cached_property
    def values(self) -> ValueInterval:
        return value_interval(self.claim) if self.claim.metric else ValueInterval(0, 0)

    @cached_property
    def compared(self) -> DateInterval | None:
        """Its period as an order reads it: a month its text narrows in words (« début
        décembre ») as that part (1-10 December), never shown as such (DateInterval.part_said)."""
        when = self.when
        if when is not None and self.period is None and self.claim.as_of is not None:
            return when.part_said(self.claim.as_of_words)
        return when

    @cached_property
    def figure(self) -> Figure | None:
        """What the comparison rules read; None when it has no date at all. A month its text
        narrows in words (« début avril ») is compared as that part (1-10 April): « plus de
        8 000 » early in April and « environ 6 000 » on 22 April are two running totals of
        wholly ordered dates, not of one month."""
        when = self.compared
        if when is None:
            return None
        stated = stated_interval(self.claim) if self.claim.metric else self.values
        return Figure.of(self.actor, when, self.dated, self.values, stated, self._reports)

    @cached_property
    def articles(self) -> frozenset[str]:
        """The ids of the articles that report it."""
        return frozenset(e.article.id for e in self.entries)

    @property
    def _reports(self) -> frozenset[str]:
        """The articles that give it as news of their day (Figure.reports): every one when
        undated; when its text dates it, those dated on or just after that date."""
        if not self.dated:
            return self.articles
        as_of = self.claim.as_of
        if self.period is not None or as_of is None:
            return frozenset()
        return frozenset(e.article.id for e in self.entries
                         if e.article.date is not None and of_its_day(as_of, e.article.date))

    @property
    def independent_sources(self) -> int:
        return len(self.sources)

    @cached_property
    def sort_key(self) -> tuple:
        return chronological(self.when, self.claim_id)

    def counted_key(self, total: bool) -> tuple:
        """Its chronological order (sort_key); a running total's (``total``) by the date it
        is counted to first (DateInterval.up_to): « à la mi-octobre », then « depuis octobre
        2024 » said on 4 December."""
        when = self.when
        counted = when.up_to.sort_key() if total and when is not None else ()
        return (when is None, counted, *self.sort_key[1:])

    def same_run(self, other: Statement) -> bool:
        """Whether both count from one start in the same words (« depuis octobre 2024 »): two
        counts of one run differ only by when each was given."""
        return (self.when is not None and other.when is not None and self.when.start == other.when.start
                and self.when.end != other.when.end and self.claim.as_of_words == other.claim.as_of_words
                and bool(self.claim.as_of_words))

    def restated_key(self, total: bool = False) -> tuple:
        """Its order among its actor's figures: by period (counted_key), then, for one
        period, by when it became known (one not known to have been stated on a day first),
        then by id."""
        known = self.known_on
        return (*self.counted_key(total)[:-1], (1, known.sort_key()) if known else (0,), self.claim_id)


# How many words of its own (of four letters or more) another text's quote of one statement
# must bring to be shown beside the first (Statement.quotes).
ADDED_WORDS = 2
_WORD = re.compile(r"\w{4,}")


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.casefold()))


def restated_later(later: Statement, earlier: Statement) -> bool:
    """Whether ``later`` is its actor's later figure for the very period of ``earlier``: made
    known on a later day (« avait déclaré fin janvier … 150 ; il a relevé mardi ce chiffre :
    entre 180 et 200 »), or on a day where ``earlier``'s day is unknown. That figure
    replaces the earlier one, which is no current figure of that actor any more."""
    if later is earlier or later.actor != earlier.actor or later.when is None or later.when != earlier.when \
            or later.compared != earlier.compared:  # « début janvier », then « fin janvier »: two moments
        return False
    new, old = later.known_on, earlier.known_on
    return new is not None and (old is None or old.end < new.start)


def ledger(archive: Archive) -> tuple[LedgerEntry, ...]:
    """All claims, oldest first (as_of, or else the article's date), undated last."""
    entries = [LedgerEntry(claim, article, _is_stance(archive.event_of(claim)))
               for article in archive.articles for claim in article.claims]
    return tuple(sorted(entries, key=lambda e: e.sort_key))


def _is_stance(event: Event | None) -> bool:
    return event is not None and event.stance


class StatementKey(NamedTuple):
    """What a claim states (statement_key)."""

    topic: str
    metric: str | None
    event: str | None
    actor: str
    when: DateInterval | tuple[str, DateInterval | None]  # as_of, or ("reported", its article's date)
    qualifier: str | None
    numbers: tuple[int, ...]


def statement_key(entry: LedgerEntry) -> StatementKey:
    """What a claim states: two claims with the same key are copies of one statement.

    Without an as_of, a claim is dated by its report: the same words reported months
    apart ("has not confirmed to this day") are two statements, not one."""
    claim = entry.claim
    return StatementKey(claim.topic, claim.metric, claim.event, claim.attributed_to,
                        claim.as_of or ("reported", entry.article.date), claim.qualifier,
                        claim.numbers)


def _qualifier_dropped(groups: dict[StatementKey, list[LedgerEntry]]
                       ) -> dict[StatementKey, list[LedgerEntry]]:
    """Groups of copies (statement_key) with a figure given plainly folded into the same
    actor's same figure for the same period its text dates that another text qualifies
    (« 8 000 » and « jusqu'à 8 000 », both « fin janvier »): one text drops the « jusqu'à »
    (the contributor then records ``exact``), the actor said it once; the statement is the
    qualified one. Only where one other qualifier is given for that figure: « environ 8 000 »
    beside « jusqu'à 8 000 » leaves the plain one apart."""
    variants: dict[StatementKey, list[StatementKey]] = {}
    for key in groups:
        if key.metric is not None and isinstance(key.when, DateInterval):
            variants.setdefault(key._replace(qualifier=None), []).append(key)
    for keys in variants.values():
        plain = [key for key in keys if key.qualifier == "exact"]
        qualified = [key for key in keys if key.qualifier != "exact"]
        if plain and len(qualified) == 1:
            groups[qualified[0]] += groups.pop(plain[0])
    return groups


def dispatches(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Article id -> the id naming its dispatch: near-duplicate articles share one
    (connected components of the pairs); an article in no pair is its own dispatch."""
    parent: dict[str, str] = {}

    def root(node: str) -> str:
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for first, second in pairs:
        a, b = root(first), root(second)
        if a != b:
            parent[max(a, b)] = min(a, b)
    return {node: root(node) for node in parent}


def statements(entries: tuple[LedgerEntry, ...],
               dispatch_of: Mapping[str, str] | None = None) -> tuple[Statement, ...]:
    """Entries merged by what they state, in the entries' (chronological) order;
    ``dispatch_of`` (see dispatches) groups copies into independent sources."""
    dispatch_of = dispatch_of or {}
    groups: dict[StatementKey, list[LedgerEntry]] = {}
    for entry in entries:
        groups.setdefault(statement_key(entry), []).append(entry)
    groups = _qualifier_dropped(groups)
    merged = []
    for group in groups.values():
        by_dispatch: dict[str, list[LedgerEntry]] = {}
        for entry in group:
            by_dispatch.setdefault(dispatch_of.get(entry.article.id, entry.article.id), []).append(entry)
        merged.append(Statement(tuple(group), tuple(map(tuple, by_dispatch.values()))))
    return tuple(sorted(merged, key=lambda s: s.sort_key))
