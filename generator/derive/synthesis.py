"""What a briefing says on top of its statements: repeats folded into what they repeat,
sums derived from a total's parts, ranges for one period, and the status a reader sees
beside each figure (contested, superseded, divergent, confirmed, below its parts).

Pure functions over statements (ledger.py) and the findings of rules.py."""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable, Mapping
from dataclasses import dataclass, replace
from itertools import chain, islice, product

from ..model import Claim, DateInterval, Topic
from .conflicts import Pair
from .ledger import LedgerEntry, Statement
from .rules import (
    NEAR_REPORT_DAYS,
    ValueInterval,
    of_its_day,
    stated_interval,
    value_interval,
)

# Qualifiers that give a figure on both sides (a floor or a ceiling alone makes no range).
TWO_SIDED = ("exact", "about", "range")
FLOORS = ("at_least", "more_than")
CEILINGS = ("at_most",)


@dataclass(frozen=True)
class Repeat:
    """A statement that only repeats an earlier one (same subject and figure, no date or
    source of its own): listed with its articles, linked to its origin, never charted,
    compared or counted again."""

    statement: Statement
    origin: Statement


def _before(earlier: Statement, later: Statement) -> bool:
    """Whether ``earlier`` is dated and may precede ``later``'s report."""
    return earlier.when is not None and (later.when is None or earlier.when.start <= later.when.end)


def _sharper(copy: Statement, than: Statement, counted: bool = False) -> bool:
    """Whether ``copy`` dates the statement more precisely, inside ``than``'s date (« le 13
    mars » where another copy says « en mars »), or in words where neither has a calendar
    date (« au début de l'engagement »). ``counted``: a running total's dates compared by
    what they run to (« depuis octobre 2024 » said on 14 October, inside « à la mi-octobre »)."""
    inner, outer = copy.claim.as_of, than.claim.as_of
    if inner is None and outer is None:  # words with no calendar bounds say more than none
        return bool(copy.claim.as_of_words) and not than.claim.as_of_words
    if counted and inner is not None and outer is not None:
        inner, outer = inner.up_to, outer.up_to
    return (inner is not None and outer is not None and outer.start <= inner.start
            and inner.end <= outer.end and inner.end - inner.start < outer.end - outer.start)


def _nested(one: Statement, other: Statement) -> bool:
    """Whether one statement's period holds the other's."""
    a, b = one.when, other.when
    return a is not None and b is not None and (
        a.start <= b.start and b.end <= a.end or b.start <= a.start and a.end <= b.end)


def _counted_together(one: Statement, other: Statement) -> bool:
    """Whether two running totals may stand at one date: what their periods run to meets
    (DateInterval.up_to: the 14 October and « mi-octobre »)."""
    return one.when is not None and other.when is not None and one.when.up_to.overlaps(other.when.up_to)


def _may_report(dated: Statement, undated: Statement) -> bool:
    """Whether an actor's event its text does not date may be its dated one, reported again.
    No figure ties two events of one kind (deliveries go on, an actor says so again): only
    the same words, or articles of that very day (dated on it or just after, as news of it),
    make them one statement; an undated article's report may be of any other time. (What no
    source says, a text's own background, is the dated event told again: fold_repeats.)"""
    if {e.claim.quote for e in undated.entries} & {e.claim.quote for e in dated.entries}:
        return True
    as_of = dated.claim.as_of
    return as_of is not None and all(
        e.article.date is not None and of_its_day(as_of, e.article.date) for e in undated.entries)


def _merged(first: Statement, second: Statement, dispatch_of: Mapping[str, str],
            counted: bool = False) -> Statement:
    """One statement with the copies of both, grouped by dispatch, dated by ``first``, or by
    ``second`` when it gives a more precise date inside first's: one statement, the most
    precise date its copies give."""
    groups: dict[str, list] = {}
    for group in first.sources + second.sources:
        article_id = group[0].article.id
        groups.setdefault(dispatch_of.get(article_id, article_id), []).extend(group)
    entries = (second.entries + first.entries if _sharper(second, first, counted)
               else first.entries + second.entries)
    return Statement(entries, tuple(map(tuple, groups.values())), first.period)


def fold_repeats(statements: tuple[Statement, ...], kind_of: Callable[[Statement], str | None],
                 independent: Callable[[str], bool], dispatch_of: Mapping[str, str]
                 ) -> tuple[tuple[Statement, ...], tuple[Repeat, ...]]:
    """Statements (chronological) with each actor's repeats of its own statements merged
    into them, and the repeats by actors who are no source of their own linked to what
    they repeat.

    A statement without a date of its own repeats an earlier dated one with the same
    subject and figure (an actor's event, which has no figure, only where it may report that
    one: _may_report); one actor's running total or plan stated again with the same
    figure, or a treaty's provision stated again, is one statement, with its first date,
    whatever the later article dates it; so is a figure its actor gave before, recalled
    without a date of its own, even after a newer one; so are an actor's statements of an event
    that happens once (Event.once) whose dates nest. ``kind_of`` gives a metric statement's
    kind, "provision" for a provision, "once" for such an event, None for another event."""
    # Statements in chronological order, running totals by the date they are counted to
    # (Statement.counted_key): the first one seen under a key is the earliest.
    statements = tuple(sorted(statements, key=lambda s: s.counted_key(kind_of(s) == "total")))
    done: dict[tuple, list[Statement]] = {}  # per subject and figure
    first: dict[tuple, int] = {}             # (subject and figure, actor) -> index in done
    first_dated: dict[tuple, int] = {}       # the same, dated; also (subject and figure,
                                             # True or False): the first of an independent actor or not
    last: dict[tuple, tuple] = {}            # (subject, actor) -> its latest figure
    repeats: list[Repeat] = []
    for statement in statements:
        claim = statement.claim
        # One figure written plainly or « environ » (« quelque 11 000 » recalling « 11 000 »:
        # _one_figure), as a text recalls it.
        figure = ("about" if claim.qualifier == "exact" else claim.qualifier, claim.numbers)
        key = (claim.metric, claim.event) + figure
        same = done.setdefault(key, [])
        mine = (claim.metric, claim.event, statement.actor)
        actor_key = (key, statement.actor)
        kind = kind_of(statement)
        own = None
        if kind in ("total", "plan", "provision") and last.get(mine) == figure:
            own = first.get(actor_key)
        elif kind == "total" and statement.dated:  # the same count, said again (« à la
            # mi-octobre » recalling « depuis octobre 2024 » said on 14 October)
            own = next((i for i, other in enumerate(same) if other.actor == statement.actor
                        and other.dated and _counted_together(other, statement)), None)
        elif kind == "level" and statement.dated:  # a level recalled later at a coarser date
            # (« contre 12 000 en décembre » for its figure of 22 December)
            own = next((i for i, other in enumerate(same) if other.actor == statement.actor
                        and other.dated and _recalled_coarser(other, statement)), None)
        elif kind == "once" and statement.dated:  # one event, dated more or less precisely
            own = next((i for i, other in enumerate(same)
                        if other.actor == statement.actor and other.dated and _nested(other, statement)), None)
        elif not statement.dated and claim.metric and actor_key in first:
            own = first[actor_key]  # its earlier figure recalled (« sa précédente estimation »)
        elif not statement.dated and actor_key in first_dated \
                and _before(same[first_dated[actor_key]], statement) \
                and (claim.metric or not independent(statement.actor)
                     or _may_report(same[first_dated[actor_key]], statement)):
            own = first_dated[actor_key]
        last[mine] = figure
        if own is not None:
            same[own] = _merged(same[own], statement, dispatch_of, kind == "total")
            continue
        if not statement.dated and not independent(statement.actor):
            candidates = (first_dated.get((key, True)), first_dated.get((key, False)))
            origin = next((same[i] for i in candidates
                           if i is not None and _before(same[i], statement)), None)
            if origin is not None:
                repeats.append(Repeat(statement, origin))
        first.setdefault(actor_key, len(same))
        if statement.dated:
            first_dated.setdefault(actor_key, len(same))
            first_dated.setdefault((key, independent(statement.actor)), len(same))
        same.append(statement)
    kept = sorted((s for group in done.values() for s in group), key=lambda s: s.sort_key)
    return tuple(kept), tuple(repeats)


def _recalled_coarser(one: Statement, other: Statement) -> bool:
    """Whether one of two figures of an actor is the other recalled later at a coarser date:
    its period holds the other's, and it was reported only once the other was known (review
    31: « contre 12 000 en décembre », a month after the figure of 22 December). An actor's
    figure of a month said at the time, before a day's, is a statement of its own."""
    if not _nested(one, other) or one.when == other.when:
        return False
    assert one.when is not None and other.when is not None
    coarse, fine = (one, other) if one.when.start <= other.when.start and other.when.end <= one.when.end else (other, one)
    known, reported = fine.known_on, coarse.reported
    return known is not None and reported is not None and known.end <= reported.start


def _one_figure(repeat: Statement, origin: Statement) -> bool:
    """Whether two figures are one figure, written alike or one « environ » the other exact
    (« les quelque 11 000 militaires » for « 11 000 »)."""
    a, b = repeat.claim, origin.claim
    return a.numbers == b.numbers and (
        a.qualifier == b.qualifier or {a.qualifier, b.qualifier} <= {"exact", "about"})


def _same_period(repeat: Statement, origin: Statement) -> bool:
    """Whether ``origin``'s figure is for the period ``repeat`` is for: its text (or its
    metric's fixed period) dates it, and the repeat's date, if any, holds that one (« à
    l'automne 2024 » holds « octobre 2024 »)."""
    if not origin.dated or origin.when is None:
        return False
    if not repeat.dated or repeat.when is None:
        return True
    return repeat.when.start <= origin.when.start and origin.when.end <= repeat.when.end


def _known_before(origin: Statement, repeat: Statement) -> bool:
    """Whether ``origin`` was known by the time ``repeat`` was first reported."""
    known = origin.known_on or origin.when
    reported = repeat.reported
    return known is not None and (reported is None or known.start <= reported.end)


def restated_figures(statements: tuple[Statement, ...], independent: Callable[[str], bool],
                     repeats: Iterable[Repeat]) -> tuple[Repeat, ...]:
    """The figures of actors who are no source of their own (a journalist's unsourced
    reminder) that give, for the same metric and period, a figure an actor stated before
    (within qualifiers: « quelque 11 000 » for « 11 000 »), linked to that statement: a
    background repeat, whatever date its text gives it, is no estimate of its own, and the
    agreement it would make is with itself. ``statements``: chronological, placed in their
    metrics' fixed periods (in_fixed_periods); ``repeats``: those already found."""
    found = {r.statement.claim_id for r in repeats}
    origins: dict[tuple[str, tuple[int, ...]], list[Statement]] = {}  # by metric and figure
    for s in statements:
        if s.claim.metric and independent(s.actor):
            origins.setdefault((s.claim.metric, s.claim.numbers), []).append(s)
    linked = []
    for statement in statements:
        if not statement.claim.metric or independent(statement.actor) or statement.claim_id in found:
            continue
        origin = next((o for o in origins.get((statement.claim.metric, statement.claim.numbers), ())
                       if _one_figure(statement, o) and _same_period(statement, o)
                       and _known_before(o, statement)), None)
        if origin is not None:
            linked.append(Repeat(statement, origin))
    return tuple(linked)


def restated_elsewhere(statements: tuple[Statement, ...], nested: Callable[[str], Iterable[str]],
                       repeats: Iterable[Repeat]) -> tuple[Repeat, ...]:
    """The figures an actor gives with no date of their own (no ``as_of``, no ``stated_on``),
    in an article of known date, that are a figure the same actor gave before (or at an
    unknown time) for a nested scope, its whole or a part, linked to it: one statement filed
    under two metrics (« qui avait fait état de 11 000 soldats déployés initialement » for
    the NIS's « environ 11 000 soldats … déployés »), not a new estimate. ``nested``: a
    metric's nested metrics (scopes.nested); ``repeats``: those already found."""
    found = {r.statement.claim_id for r in repeats}
    place = {id(s): n for n, s in enumerate(statements)}
    # Candidate origins by actor, metric and figure, in the statements' order.
    by_figure: dict[tuple[str, str | None, tuple[int, ...]], list[Statement]] = {}
    for s in statements:
        by_figure.setdefault((s.actor, s.claim.metric, s.claim.numbers), []).append(s)
    linked = []
    for statement in statements:
        claim = statement.claim
        if (not claim.metric or claim.as_of or claim.stated_on or statement.reported is None
                or statement.claim_id in found):
            continue
        candidates = sorted((o for metric in set(nested(claim.metric))
                             for o in by_figure.get((statement.actor, metric, claim.numbers), ())),
                            key=lambda o: place[id(o)])
        origin = next((o for o in candidates
                       if o is not statement and o.claim_id not in found and _one_figure(statement, o)
                       and (o.known_on is None or _known_before(o, statement))
                       and o.articles.isdisjoint(statement.articles)), None)
        if origin is not None:
            linked.append(Repeat(statement, origin))
            found |= {statement.claim_id, origin.claim_id}  # neither is linked again
    return tuple(linked)


def in_fixed_periods(statements: tuple[Statement, ...], topic: Topic) -> tuple[Statement, ...]:
    """Statements (chronological) with the figures of a metric whose scope fixes its period
    (topics.yml ``period``) set in that period: the first contingent reported in March is
    still the contingent sent in October."""
    fixed = {metric_id: metric.period for metric_id, metric in topic.metrics.items() if metric.period}
    if not fixed:
        return statements
    placed = (replace(s, period=fixed[s.claim.metric]) if s.claim.metric in fixed else s
              for s in statements)
    return tuple(sorted(placed, key=lambda s: s.sort_key))


@dataclass(frozen=True)
class DerivedSum:
    """A total derived from its parts' current figures, marked as derived, with what it
    adds. Has the fields a figure is written from (qualifier, value, low, high)."""

    parts: tuple[tuple[str, Statement], ...]  # (part metric id, the figure added)
    qualifier: str
    value: int | None
    low: int | None
    high: int | None
    values: ValueInterval

    @property
    def dating(self) -> str:
        """What a reader must know of its parts' dates: "undated" when a part has no date of
        its own (only its report's, or none); "" when all are for one period; "through" when
        the others are closed sendings (a metric whose scope fixes its period, the first
        contingent) over before the latest part's period: the sum is the total at its end;
        else "mixed": a sum of figures for different periods is for no one date."""
        return _dating(tuple(s for _, s in self.parts))

    @property
    def latest(self) -> DateInterval:
        """The latest period of its parts (for a sum that holds at its end: ``dating``)."""
        return _latest(tuple(s for _, s in self.parts))

    @property
    def undated_parts(self) -> tuple[tuple[str, Statement], ...]:
        return tuple((metric_id, s) for metric_id, s in self.parts if not s.dated)


def _latest(figures: tuple[Statement, ...]) -> DateInterval:
    return max((s.when for s in figures if s.when is not None), key=lambda w: (w.end, w.start))


def _dating(figures: tuple[Statement, ...]) -> str:
    """DerivedSum.dating of a sum of ``figures``."""
    if any(not s.dated for s in figures):
        return "undated"
    periods = {(s.when.start, s.when.end) for s in figures if s.when is not None}
    if len(periods) <= 1:
        return ""
    latest = _latest(figures)
    closed = all(s.period is not None and s.when is not None and s.when.end < latest.start
                 for s in figures if s.when != latest)
    return "through" if closed else "mixed"


def _fit(figures: tuple[Statement, ...]) -> bool:
    """Whether figures may be added: one actor's (its own parts: the sum says when they are
    undated or of different periods), or several actors' each dated by its text (the sum says
    when their periods differ). Two actors' figures of which one has no date of its own may be
    for any times: their sum is a figure no source gives, for no time (one's killed reported
    in May and another's wounded of an undated article)."""
    return len({s.actor for s in figures}) == 1 or _dating(figures) != "undated"


# The most combinations of the parts' figures a sum tries for ones that fit together.
SUM_TRIES = 256


def _approximate(statement: Statement) -> bool:
    """Whether a figure is an estimate: « environ », or hedged by its text (« On estime »)."""
    return statement.claim.qualifier == "about" or bool(statement.hedges)


def _sum_qualifier(picked: tuple[Statement, ...]) -> tuple[str, int, int]:
    """How a sum of figures is said (the weakest qualifier of its parts) and its stated low
    and high: « environ » when a part is approximate or hedged; a floor when a part is a floor
    (a ceiling, which allows nothing, then adds nothing); a ceiling when a part is a ceiling
    and none a floor; a range when a part is a range. Bounded sums count an approximate part
    at the end of its interval that keeps the bound true (rules.value_interval)."""
    qualifiers = {s.claim.qualifier for s in picked}
    floors, ceilings = qualifiers & {"at_least", "more_than"}, qualifiers & {"at_most"}
    if floors:
        low = sum(s.claim.value or 0 if s.claim.qualifier in floors | {"exact"}
                  else 0 if s.claim.qualifier == "at_most"
                  else round(s.values.low) for s in picked)
        return ("more_than" if "more_than" in floors else "at_least"), low, low
    if ceilings:
        high = sum(s.claim.value or 0 if s.claim.qualifier in ceilings | {"exact"}
                   else round(s.values.high) for s in picked)
        return "at_most", high, high
    lows = sum((s.claim.low if s.claim.qualifier == "range" else s.claim.value) or 0 for s in picked)
    highs = sum((s.claim.high if s.claim.qualifier == "range" else s.claim.value) or 0 for s in picked)
    if "range" in qualifiers:
        return "range", lows, highs
    return ("about" if any(map(_approximate, picked)) else "exact"), lows, highs


def derived_sum(parts: Iterable[tuple[str, tuple[Statement, ...]]]) -> DerivedSum | None:
    """The sum of one current figure per part (preferring one actor who gives them all),
    or None when a part has no figure or no figures of the parts fit together (_fit)."""
    chosen_lists = list(parts)
    if not chosen_lists or any(not figures for _, figures in chosen_lists):
        return None
    common = set.intersection(*({s.actor for s in figures} for _, figures in chosen_lists))
    preferred = tuple(next((s for s in figures if s.actor in common), figures[0])
                      for _, figures in chosen_lists)
    tries = chain((preferred,), islice(product(*(figures for _, figures in chosen_lists)), SUM_TRIES))
    fitting = next((tried for tried in tries if _fit(tried)), None)
    if fitting is None:
        return None
    picked = tuple(zip((metric_id for metric_id, _ in chosen_lists), fitting, strict=True))
    qualifier, low, high = _sum_qualifier(tuple(s for _, s in picked))
    values = ValueInterval(sum(s.values.low for _, s in picked), sum(s.values.high for _, s in picked))
    if qualifier == "range":
        return DerivedSum(picked, "range", None, low, high, values)
    return DerivedSum(picked, qualifier, low, None, None, values)


@dataclass(frozen=True)
class Range:
    """Several actors' figures for one and the same period, as one range with its actors."""

    low: int
    high: int
    statements: tuple[Statement, ...]
    qualifier: str = "range"  # written like a figure: « entre 11 000 et 12 000 »; one figure
    value: int | None = None  # that all give: « 3 000 », « environ 3 000 »
    bounds: tuple[Statement, ...] = ()  # floors and ceilings for the same period, shown beside

    @property
    def every(self) -> tuple[Statement, ...]:
        """The figures it gathers: those that make the range, then the bounds beside it."""
        return self.statements + self.bounds

    @property
    def restated(self) -> bool:
        """Whether one of its figures is this very range (« entre 10 000 et 12 000 »): a line
        then reads it in that figure rather than writing it twice."""
        return self.qualifier == "range" and any(
            s.claim.qualifier == "range" and (s.claim.low, s.claim.high) == (self.low, self.high)
            for s in self.statements)

    @property
    def said_once(self) -> bool:
        """Whether every figure is the same figure, written alike for the same date, with no
        reserve or narrower scope of its own: a line then says it once, with all its actors
        (« 3 000 soldats selon A et B »), rather than once for the range and once per actor."""
        first = self.every[0].claim
        return len(self.every) > 1 and all(
            s.claim.qualifier == first.qualifier and s.claim.numbers == first.numbers
            and s.claim.as_of == first.as_of and not s.hedges and not s.claim.scope_words
            for s in self.every)

    @property
    def written_alike(self) -> bool:
        """Whether every figure is written alike (« environ 11 000 »), with no narrower scope of
        its own, whatever their hedges: a line names the figure once, then each actor with its
        own hedges (« environ 11 000 (selon A (…) ; selon B (…)) »), not the figure three times."""
        first = self.every[0].claim
        return len(self.every) > 1 and all(
            s.claim.qualifier == first.qualifier and s.claim.numbers == first.numbers
            and not s.claim.scope_words for s in self.every)

    @property
    def agree(self) -> bool:
        """Whether one value lies within every figure's interval (the bounds' too): estimates
        that agree (rules.compare's "agreement"), not diverging ones."""
        return (max(s.values.low for s in self.every) <= min(s.values.high for s in self.every))


def ranges(latest: tuple[Statement, ...]) -> tuple[Range, ...]:
    """Ranges of the latest figures of two actors or more given for the same period
    (never across periods); floors and ceilings for that period make no range but stand
    beside it (« plus de 10 000 » beside « entre 10 000 et 12 000 »). A figure its text does
    not date is for no known period: two reported on one day make no range. Actors who give
    one figure make a range of that figure: one line with its actors. A figure whose text
    counts something narrower than its metric (``scope_words``: « sur les 11.000 déployés
    initialement ») makes no range with the others."""
    by_period: dict[tuple, list[Statement]] = {}
    bounds: dict[tuple, list[Statement]] = {}
    for statement in latest:
        when = statement.when
        if when is not None and statement.dated:
            (by_period if statement.claim.qualifier in TWO_SIDED else bounds).setdefault(
                (when.start, when.end, statement.claim.scope_words), []).append(statement)
    found = []
    for period, group in by_period.items():
        if len({s.actor for s in group}) < 2:
            continue
        lows = [s.claim.low if s.claim.qualifier == "range" else s.claim.value for s in group]
        highs = [s.claim.high if s.claim.qualifier == "range" else s.claim.value for s in group]
        low, high = min(v for v in lows if v is not None), max(v for v in highs if v is not None)
        one = low == high
        qualifier = ("range" if not one else
                     "about" if any(s.claim.qualifier == "about" for s in group) else "exact")
        found.append(Range(low, high, tuple(sorted(group, key=lambda s: (s.values.low, s.actor))),
                           qualifier, low if one else None, tuple(bounds.get(period, ()))))
    return tuple(found)


def _wholly_before(earlier: Statement, later: Statement) -> bool:
    return earlier.when is not None and later.when is not None and earlier.when.before(later.when)


# The events since a figure that a reader sees beside it, the latest ones.
LATER_EVENTS = 3


@dataclass(frozen=True)
class Status:
    """What a reader must know beside one figure of the current picture."""

    contradicted_by: tuple[Statement, ...] = ()   # contradictions and denials touching it
    disputed_by: tuple[LedgerEntry, ...] = ()     # the other side of each explicit dispute
    divergent: tuple[Statement, ...] = ()         # other estimates that differ but can hold
    confirmed_by: tuple[Statement, ...] = ()      # other independent actors' agreeing figures
    # The events bearing on it since its period (topics.yml bears_on, excludes), oldest
    # first, the last LATER_EVENTS of them; ``since_excludes``: one says the level is nil.
    since: tuple[Statement, ...] = ()
    since_excludes: bool = False
    replaces: Statement | None = None             # the same actor's previous figure
    # How it moved (direction) from ``replaces`` when that is the same actor's figure for the
    # very same period, made known earlier (ledger.restated_later): a revision of one
    # estimate, whose two dates of statement tell the figures apart; else None.
    revision: str | None = None
    below_parts: bool = False                     # under the sum of its parts' figures
    before_parts: bool = False                    # so, and dated before one of those parts
    older_than: tuple[tuple[str, Statement], ...] = ()  # (related metric, its later figure)
    # Later figures its own actor gave for a scope holding it (its whole, or the wider scope
    # it lies within) while replacing another figure of its report: that actor's earlier
    # estimate, outdated by them.
    outdated_by: tuple[tuple[str, Statement], ...] = ()
    # Figures its actor gave in the same report, since replaced by a later figure of theirs:
    # (their metric, the figure of that report, the figure replacing it). Beside a figure
    # the actor has not updated, this one may be as outdated as its sibling.
    report_replaced: tuple[tuple[str, Statement, Statement], ...] = ()
    # Independent sources giving a compatible figure, this one included: actors whose
    # origins meet (Actor.includes) count once.
    confirmations: int = 1
    # Whether those figures are this very figure for its very period, unhedged (« confirmé »:
    # confirms_as_itself), not only compatible with it (« concordant »).
    same_figure: bool = False
    # Earlier figures that a text reporting this one sets beside it (a running total:
    # « auparavant … »), which the headline, showing the latest only, would drop: its own
    # actor's previous one, then another actor's latest.
    earlier_beside: tuple[Statement, ...] = ()

    @property
    def disputed(self) -> bool:
        return bool(self.disputed_by)

    @property
    def since_in_order(self) -> tuple[tuple[Statement, bool], ...]:
        """Each event since, with whether its dates put it wholly after the one before it
        (« puis »): events of overlapping periods are, for all the dates say, one moment."""
        return tuple((event, i > 0 and _wholly_before(self.since[i - 1], event))
                     for i, event in enumerate(self.since))

    @property
    def superseded_by(self) -> Statement | None:
        """The latest event bearing on it since its period."""
        return self.since[-1] if self.since else None

    def divergent_besides(self, shown: Iterable[Statement], limit: int = 3) -> tuple[Statement, ...]:
        """Up to ``limit`` divergent figures the line does not show already: compared by
        claim, as a range line asks it of each of its many figures."""
        shown_ids = {statement.claim_id for statement in shown}
        besides = (other for other in self.divergent if other.claim_id not in shown_ids)
        return tuple(islice(besides, limit))

    @property
    def contested(self) -> bool:
        return bool(self.contradicted_by) or self.disputed

    @property
    def older_unsaid(self) -> tuple[tuple[str, Statement], ...]:
        """The later figures it is older than that its line still names: not those of a scope
        its own actor's later figure already outdates it in (« estimation antérieure,
        dépassée par … » says more than « peut-être antérieur » to another's figure there)."""
        outdated = {metric_id for metric_id, _ in self.outdated_by}
        return tuple(o for o in self.older_than if o[0] not in outdated)


@dataclass(frozen=True)
class Change:
    """One statement in its actor's history of a metric, with the figure it supersedes:
    what a log of changes is written from."""

    statement: Statement
    supersedes: Statement | None


def confirms_as_itself(statement: Statement, others: Iterable[Statement]) -> bool:
    """Whether ``others`` give this very figure, for its very period, and none of them hedged:
    only then « confirmé » (the method page); figures of other days, or hedged (« ne
    peuvent pas être vérifiés »), are « concordant » (review 29)."""
    return statement.claim.value is not None and not statement.hedges and all(
        other.claim.value == statement.claim.value and other.when == statement.when and not other.hedges
        for other in others)


def history(statements: tuple[Statement, ...], kind: str = "") -> tuple[Change, ...]:
    """Each dated statement (chronological, a running total by the date it is counted to;
    for one period, in the order they became known) with its actor's previous one, oldest
    first. A statement with no date at all cannot be placed: an actor's first dated statement
    is taken to supersede it (what the reader knows of that actor is then the dated one)."""
    previous: dict[str, Statement] = {s.actor: s for s in statements if s.when is None}
    changes = []
    for statement in sorted(statements, key=lambda s: s.restated_key(kind == "total")):
        if statement.when is None:
            continue
        changes.append(Change(statement, previous.get(statement.actor)))
        previous[statement.actor] = statement
    return tuple(changes)


def direction(new: Statement, old: Statement) -> str:
    """How an actor's figure moved from its previous one: 'up', 'down', 'same' or '' (figures
    whose intervals overlap without being equal)."""
    return claim_direction(new.claim, old.claim)


def claim_direction(new: Claim, old: Claim) -> str:
    """direction, of two figures' claims."""
    now, before = value_interval(new), value_interval(old)
    if (now.low, now.high) == (before.low, before.high) or _requalified(new, old):
        return "same"
    # Bounds that fit inside each other (« jusqu'à 8 000 », then « jusqu'à 6 000 »): how the
    # figures they announce moved; then, of two figures that are no bounds, the one announced
    # against the old one as written (« environ 250 » after « environ 220 »: up; « environ
    # 5 000 » after « entre 5 000 et 6 000 »: within it, '').
    if _bound_moved(new, old):  # « plus de 13 millions », then « plus de 14 millions »: up (review 30)
        return "up" if (new.value or 0) > (old.value or 0) else "down"
    if beyond := _bound_beyond(new, old):  # « environ 24 000 », then « plus de 26 000 »: up (review 31)
        return beyond
    stated = stated_interval(new)
    moved = _moved(now, before) or _moved(stated, stated_interval(old))
    if moved or not {new.qualifier, old.qualifier} <= set(TWO_SIDED):
        return moved
    announced = _announced(new)
    low, high = (old.low, old.high) if old.qualifier == "range" else (old.value, old.value)
    return _moved(ValueInterval(announced, announced), ValueInterval(low or 0, high or 0))


def _bound_beyond(new: Claim, old: Claim) -> str:
    """How a figure moved where one of the two is a floor or a ceiling and the other a figure of
    two sides: 'up' or 'down' when the bound lies beyond the figure the other announces, else
    ''."""
    qualifiers = {new.qualifier, old.qualifier}
    if not qualifiers & set(TWO_SIDED):
        return ""
    if qualifiers & set(FLOORS):
        bound, figure = (new, old) if new.qualifier in FLOORS else (old, new)
        if bound.value is not None and bound.value > _announced(figure):
            return "up" if bound is new else "down"
    if qualifiers & set(CEILINGS):
        bound, figure = (new, old) if new.qualifier in CEILINGS else (old, new)
        if bound.value is not None and bound.value < _announced(figure):
            return "down" if bound is new else "up"
    return ""


def _announced(claim: Claim) -> float:
    """The figure a claim announces: the middle of its stated interval (Figure.announced)."""
    stated = stated_interval(claim)
    return (stated.low + stated.high) / 2


def _bound_moved(new: Claim, old: Claim) -> bool:
    """Whether both are floors, or both ceilings, at another figure: the bound itself moved,
    however near the figures each announces."""
    qualifiers = {new.qualifier, old.qualifier}
    same_side = qualifiers <= set(FLOORS) or qualifiers <= set(CEILINGS)
    return same_side and new.value is not None and old.value is not None and new.value != old.value


def _requalified(new: Claim, old: Claim) -> bool:
    """The same figure given plainly once and qualified once (« 8 000 », later « jusqu'à
    8 000 »): a text's qualifier alone changed, not the actor's figure, which no reader may
    take for a revision."""
    return new.numbers == old.numbers and "exact" in (new.qualifier, old.qualifier)


def _moved(new: ValueInterval, old: ValueInterval) -> str:
    """'up' or 'down' when one interval lies wholly above or below the other, else ''."""
    if new.low > old.high:
        return "up"
    if new.high < old.low:
        return "down"
    return ""


def undated_replaced(changes: tuple[Change, ...], found: Iterable[Pair], kind: str
                     ) -> tuple[Pair, ...]:
    """Findings for what the rules cannot compare: an actor's figure with no date at all
    replaced by its dated one (NIS « environ 300 », then « environ 600 » on 3 April), or one
    replaced by a figure only reported on a later day (JCS 4 000 in March, then « environ
    4 700 » reported on 28 April), is an update, or, a running total going down, a
    correction: what the actor's history, its table row and the log already say."""
    compared = {(p.first.claim_id, p.second.claim_id) for p in found}
    return tuple(
        Pair("correction" if kind == "total" and c.statement.values.high < c.supersedes.values.low
             else "update", c.supersedes, c.statement)
        for c in changes if c.supersedes is not None
        and (c.supersedes.when is None or not c.statement.dated)
        and (c.supersedes.claim_id, c.statement.claim_id) not in compared)


# Figures since replaced, by the actor and an article that reported them: (their metric, the
# figure, the figure of that actor replacing it now, when that article says it was stated).
ReplacedByReport = Mapping[tuple[str, str],
                           tuple[tuple[str, Statement, Statement, DateInterval | None], ...]]


def replaced_by_report(histories: Mapping[str, tuple[Change, ...]]) -> ReplacedByReport:
    """Each metric's figures its actor has replaced since (``histories``: by metric), with the
    latest figure replacing each, by actor and reporting article (for report_replaced)."""
    index: dict[tuple[str, str], list[tuple[str, Statement, Statement, DateInterval | None]]] = {}
    for metric_id, changes in histories.items():
        after = {c.supersedes.claim_id: c.statement for c in changes if c.supersedes is not None}
        for change in changes:
            if change.supersedes is None:
                continue
            latest = change.statement
            while latest.claim_id in after:
                latest = after[latest.claim_id]
            for entry in change.supersedes.entries:
                index.setdefault((change.supersedes.actor, entry.article.id), []).append(
                    (metric_id, change.supersedes, latest, _said_in(entry)))
    return {key: tuple(found) for key, found in index.items()}


def _said_in(entry: LedgerEntry) -> DateInterval | None:
    """When an article's copy of a statement was said: the day its text gives, or else the date
    its figure is for (a period's end: DateInterval.up_to), so that a figure the article
    recalls (« fin novembre, … en comptait ») is no part of the report it recalls it in
    (review 31)."""
    as_of = entry.claim.as_of
    return entry.claim.stated_on or (as_of.up_to if as_of is not None else None) or entry.stated


def one_moment(said: DateInterval | None, other: DateInterval | None) -> bool:
    """Whether two statements an article dates ``said`` and ``other`` may be one report: their
    dates meet, or one is news of the other's day (« mardi » in Wednesday's article)."""
    return said is None or other is None or said.overlaps(other) \
        or of_its_day(said, other) or of_its_day(other, said)


def report_replaced(statement: Statement, replaced: ReplacedByReport, kin: Container[str]
                    ) -> tuple[tuple[str, Statement, Statement], ...]:
    """The figures of metrics related to its own (``kin``: scopes.kin) that ``statement``'s
    actor gave in the same report (an article reporting it, dated alike: not an earlier
    statement the article recalls, « à la mi-octobre ») and has replaced since with a figure
    that became known later."""
    found: dict[str, tuple[str, Statement, Statement]] = {}
    for entry in statement.entries:
        for metric_id, sibling, latest, said in replaced.get((statement.actor, entry.article.id), ()):
            if metric_id in kin and older(statement.known_on, latest.known_on) \
                    and one_moment(said, _said_in(entry)):
                found[sibling.claim_id] = (metric_id, sibling, latest)
    return tuple(found.values())


def older(when: DateInterval | None, later: DateInterval | None) -> bool:
    """Whether a figure for ``when`` cannot be read as current beside one for ``later``: it
    is wholly before it, or has no date at all while the other has one."""
    if later is None:
        return False
    return when is None or when.end < later.start


def _of_one_moment(statement: Statement, other: Statement, holds: Callable[[str], bool],
                   metric_id: str) -> bool:
    """Whether ``other``'s later figure is, for a reader, of the same moment as ``statement``:
    both dated, at most NEAR_REPORT_DAYS apart (« mardi » and « jeudi » of one week), and the
    narrower figure within the wider (2 000 killed, more than 6 000 killed or wounded).
    ``holds(metric_id)``: whether ``other``'s metric holds the statement's."""
    when, later = statement.when, other.when
    if when is None or later is None or not other.dated:
        return False
    if (later.start - when.end).days > NEAR_REPORT_DAYS:
        return False
    part, whole = (statement, other) if holds(metric_id) else (other, statement)
    return part.values.low <= whole.values.high


def older_than(statement: Statement, related: Iterable[tuple[str, tuple[Statement, ...]]],
               current: Iterable[Statement] = (),
               holds: Callable[[str], bool] = lambda metric_id: True
               ) -> tuple[tuple[str, Statement], ...]:
    """The current figures of nested metrics (its parts, its whole, a scope it lies in or
    that lies in it) that are later than ``statement``: beside them it is an older figure.
    One is not named when its own actor gives a ``current`` figure of the statement's own
    metric that its text dates no earlier: that figure, shown beside it, is the newer one to
    read. Another actor's figure of the own metric does not say it (the NIS's undated killed
    stay « peut-être antérieur » to the JCS's total of March beside the HUR's killed of May,
    as the NIS's wounded of the same report do), nor one only reported on a day. Nor is one
    named that its text does not date (only reported on a day, it may be older), unless
    ``statement`` has no date at all (then it may be the older one). A figure of a fixed
    period (topics.yml ``period``: the first contingent) is older than none: it counts what
    that period saw. Nor is a figure older than one of the same moment that it fits within
    (_of_one_moment): two days apart, « antérieur » would read « out of date »
    (``holds(metric_id)``: whether that metric's scope holds the statement's)."""
    if statement.period is not None:  # a figure of a fixed period no later figure outdates
        return ()
    newest: dict[str, list[DateInterval]] = {}
    for figure in current:
        if figure.when is not None and figure.dated:
            newest.setdefault(figure.actor, []).append(figure.when)
    return tuple((metric_id, other) for metric_id, figures in related for other in figures
                 if (other.dated or statement.when is None) and older(statement.when, other.when)
                 and all(older(when, other.when) for when in newest.get(other.actor, ()))
                 and not _of_one_moment(statement, other, holds, metric_id))
