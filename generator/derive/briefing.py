"""Everything a topic's briefing page shows, derived from the ledger in one place."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property, partial
from itertools import islice

from ..model import Archive, Topic
from . import conflicts, estimates, scopes, synthesis
from .ledger import LedgerEntry, Statement, restated_later
from .synthesis import Change, DerivedSum, Range, Repeat, Status

# The most recent findings kept per metric and kind: enough for any page, bounded at any size.
FINDINGS_SOUGHT = 50


@dataclass(frozen=True)
class MetricBriefing:
    metric_id: str
    kind: str
    statements: tuple[Statement, ...]          # chronological, repeats left out
    picture: estimates.MetricPicture | None
    findings: tuple[conflicts.Pair, ...]       # oldest first; event denials and parts included
    events: tuple[Statement, ...] = ()         # events bearing on it, chronological
    statuses: Mapping[str, Status] = field(default_factory=dict)  # claim id -> status
    derived: DerivedSum | None = None          # the sum of its parts' figures
    headline: tuple[Statement, ...] = ()       # the stated figures a headline shows
    ranges: tuple[Range, ...] = ()             # several actors' figures for one period
    history: tuple[Change, ...] = ()           # each dated statement and what it supersedes
    # The headline figures of the scopes that only overlap its own (their metric, the figure):
    # shown beside its own, never to be added to them.
    overlapping: tuple[tuple[str, Statement], ...] = ()
    # The headline figures of the wider scope it lies within, where no caveat of its own
    # headline figures names them already (« estimation antérieure, dépassée par … »): the
    # box says once that its figures are counted in them (« compris dans … »).
    counted_in: tuple[tuple[str, Statement], ...] = ()
    # How each related metric's scope stands to its own (scopes.relation), in topics.yml order.
    relations: Mapping[str, scopes.Relation] = field(default_factory=dict)
    # Claim id of a headline figure -> the figures of its parts and scopes within it that its actor
    # gave in the same report (« 250 pièces, dont quelque 120 lance-roquettes »): the line
    # says they are counted in it (« dont … »), which « compris dans » says only the other way.
    of_which: Mapping[str, tuple[tuple[str, Statement], ...]] = field(default_factory=dict)

    def related(self, relation: scopes.Relation) -> tuple[str, ...]:
        """The metrics whose scope stands so to its own (``relations``)."""
        return tuple(other for other, kind in self.relations.items() if kind == relation)

    def status(self, statement: Statement) -> Status:
        return self.statuses.get(statement.claim_id) or Status()

    def common_since(self, statements: Iterable[Statement]) -> Status | None:
        """The status of the first of several figures when the same events bear on each of
        them since (figures of one period): a line says those events once, not per figure."""
        statuses = [self.status(statement) for statement in statements]
        if len(statuses) < 2 or not statuses[0].since:
            return None
        return statuses[0] if all(st.since == statuses[0].since for st in statuses) else None

    @property
    def overlapping_by_metric(self) -> tuple[tuple[str, tuple[Statement, ...]], ...]:
        """``overlapping`` by metric: a line names each scope once, then its figures."""
        return by_metric(self.overlapping)

    @property
    def counted_in_by_metric(self) -> tuple[tuple[str, tuple[Statement, ...]], ...]:
        """``counted_in`` by metric, the same way."""
        return by_metric(self.counted_in)

    @property
    def counted_in_later_than(self) -> Mapping[str, tuple[Statement, ...]]:
        """Claim id of each wider scope's figure (``counted_in``) later than a headline
        figure -> those headline figures: the note that names that scope says so once, and
        names what it is later than (« compris dans … (mars 2025, postérieur au chiffre du
        HUR) »): beside another figure of that scope, « plus récent » alone would read as
        later than that one."""
        wider = {other.claim_id for _, other in self.counted_in}
        found: dict[str, list[Statement]] = {}
        for statement in self.headline:
            for _, other in self.status(statement).older_than:
                if other.claim_id in wider:
                    found.setdefault(other.claim_id, []).append(statement)
        return {claim_id: tuple(older) for claim_id, older in found.items()}

    @property
    def later_counted_in(self) -> frozenset[str]:
        """Claim ids of the wider scope's figures later than a headline figure: no caveat
        names them again (the note that names that scope says so)."""
        return frozenset(self.counted_in_later_than)

    @property
    def undated_counted_in(self) -> frozenset[str]:
        """Claim ids of the wider scope's figures that their text does not date (only
        « rapporté le »), shown beside one of that scope marked later: the note says they
        are undated (« (rapporté le 8 avril 2025, chiffre non daté) »), so that no reader
        takes them for older than the marked one, nor for later than the line's figure."""
        later = self.later_counted_in
        marked = {metric_id for metric_id, other in self.counted_in if other.claim_id in later}
        return frozenset(other.claim_id for metric_id, other in self.counted_in
                         if metric_id in marked and not other.dated and other.when is not None)

    def older_than_any(self, statements: Iterable[Statement]) -> tuple[tuple[str, Statement], ...]:
        """The later figures of nested metrics that any of ``statements`` is older than,
        each once: one note for a line that gathers several figures."""
        found: dict[str, tuple[str, Statement]] = {}
        for statement in statements:
            for metric_id, other in self.status(statement).older_than:
                found.setdefault(other.claim_id, (metric_id, other))
        return tuple(found.values())

    @property
    def divergent_ids(self) -> frozenset[str]:
        """Claim ids of figures some other figure diverges from."""
        return frozenset(s.claim_id for p in self.divergences for s in (p.first, p.second))

    @property
    def diverging_apart(self) -> tuple[tuple[Statement, ...], tuple[Statement, ...]] | None:
        """The headline figures that diverge from each other, then the others, when only some
        do: a line gives the diverging ones together, then says so, then the rest; None when
        fewer than two diverge or all do."""
        diverging = tuple(s for s in self.headline if s.claim_id in self.divergent_ids)
        if not 1 < len(diverging) < len(self.headline):
            return None
        return diverging, tuple(s for s in self.headline if s not in diverging)

    def own_earlier(self, statement: Statement) -> tuple[Statement, ...]:
        """Its own actor's earlier figures that its line says beside it (Status.earlier_beside)."""
        return tuple(e for e in self.status(statement).earlier_beside if e.actor == statement.actor)

    @property
    def recalled_at_end(self) -> tuple[Statement, ...]:
        """Where the line gives several figures: the earlier figures of other actors that the
        articles set beside them, each once, said at the line's end (« — également rappelé : … »,
        the method page), not in mid-line after the figure they were set beside, where a reader
        takes them for the next figure's history (review 30). Not those the line shows, nor one
        of its figures' own previous ones."""
        if len(self.headline) < 2:
            return ()
        shown = {s.claim_id for s in self.headline}
        own = {e.claim_id for s in self.headline for e in self.own_earlier(s)}
        found: dict[str, Statement] = {}
        for statement in self.headline:
            for earlier in self.status(statement).earlier_beside:
                if earlier.actor != statement.actor and earlier.claim_id not in shown | own:
                    found.setdefault(earlier.claim_id, earlier)
        return tuple(found.values())

    @property
    def earlier_in_date(self) -> bool:
        """Whether the line says its figures' own previous ones in their date's parenthesis
        (« (9 décembre 2026 ; auparavant environ 9 000, 1er décembre 2026) »): where one of them
        is said with its parts, as « — auparavant » after « dont … » would read as the last part's
        (review 27, W1); then every figure of the line, one form for one line (review 29)."""
        return any(self.of_which.get(s.claim_id) and self.own_earlier(s) for s in self.headline)

    @property
    def agreement_said_later(self) -> frozenset[str]:
        """Claim ids of headline figures whose agreement a later figure of the same line says
        for both: each figure it agrees with stands on the line, and that later one, which
        agrees with it, says the same (« A ; B — concordant, de 2 sources indépendantes »),
        not the clause after each. Figures contested alike (the same contradictions, no
        dispute) share that clause and their contest after it (``contest_said_jointly``);
        a figure contested otherwise keeps its own clause, naming with whom it agrees.
        Figures that diverge stand apart from the others (diverging_apart): each group on
        its own."""
        return frozenset(self._agreements_said_later)

    @property
    def contest_said_jointly(self) -> Mapping[str, int]:
        """Claim id of each figure that says the agreement of figures contested alike ->
        how many figures that clause joins: their contest follows it once (« — concordant,
        de 2 sources indépendantes — les deux contestés : en contradiction avec … »), not
        once after each (review 28, P1)."""
        joins: dict[str, int] = {}
        for later_id in self._agreements_said_later.values():
            if self.status(self._headline_by_id[later_id]).contradicted_by:
                joins[later_id] = joins.get(later_id, 1) + 1
        return joins

    @cached_property
    def _headline_by_id(self) -> dict[str, Statement]:
        return {s.claim_id: s for s in self.headline}

    @cached_property
    def _agreements_said_later(self) -> dict[str, str]:
        """Claim id of each headline figure whose agreement a later one says -> that one's."""

        def joinable(st: Status) -> bool:
            return bool(st.confirmed_by) and not st.disputed

        said: dict[str, str] = {}
        for group in self.diverging_apart or (self.headline,):
            shown = {s.claim_id for s in group}
            for at, statement in enumerate(group):
                st = self.status(statement)
                if not joinable(st) or not {s.claim_id for s in st.confirmed_by} <= shown:
                    continue
                said_by = next((later for later in reversed(group[at + 1:]) if self._says_for(later, statement, st)), None)
                if said_by is not None:
                    said[statement.claim_id] = said_by.claim_id
        return said

    def _says_for(self, later: Statement, statement: Statement, st: Status) -> bool:
        """Whether ``later``'s agreement clause can say ``statement``'s: it agrees with it,
        counts the same sources the same way and is contested alike."""
        other = self.status(later)
        return (bool(other.confirmed_by) and not other.disputed
                and statement.claim_id in {s.claim_id for s in other.confirmed_by}
                and (other.confirmations, other.same_figure) == (st.confirmations, st.same_figure)
                and {s.claim_id for s in other.contradicted_by} == {s.claim_id for s in st.contradicted_by})

    @property
    def headline_range(self) -> Range | None:
        """The range the headline figures make when they are all for one period; none where one
        of them is said with its parts or its actor's previous figure, which only that figure's
        own clause can say (review 31: after a range, « auparavant … » lost its actor and read as
        another's, and « dont … » was gone)."""
        shown = {s.claim_id for s in self.headline}
        if any(self.of_which.get(s.claim_id) or self.own_earlier(s) for s in self.headline):
            return None
        return next((r for r in self.ranges if len(shown) > 1
                     and shown <= {s.claim_id for s in r.every}), None)

    @property
    def other_ranges(self) -> tuple[Range, ...]:
        """The ranges a line of their own gives: not one whose figures the headline line gives
        already, one by one or as its range (review 32: « Même période » said the line's
        agreement again)."""
        shown = {s.claim_id for s in self.headline}
        return tuple(r for r in self.ranges if r != self.headline_range
                     and not {s.claim_id for s in r.every} <= shown)

    @property
    def shows_derived(self) -> bool:
        """Whether the headline shows the derived sum: no stated figure is left to show."""
        return self.derived is not None and not self.headline

    @property
    def agreements(self) -> tuple[conflicts.Pair, ...]:
        return self.of("agreement")

    @property
    def divergences(self) -> tuple[conflicts.Pair, ...]:
        """Figures that differ though both can hold, each current when the other became known:
        one its actor had replaced by then diverges from nothing (review 33: the HUR's « plus de
        19 000 », replaced three times, beside the NIS's 25 000)."""
        return tuple(p for p in self.of("divergence")
                     if self.current_when(p.first, p.second) and self.current_when(p.second, p.first))

    @cached_property
    def replaced_by(self) -> dict[str, Statement]:
        """Claim id of each figure its actor replaced -> the figure that replaced it."""
        return {c.supersedes.claim_id: c.statement for c in self.history if c.supersedes is not None}

    def current_when(self, other: Statement, statement: Statement) -> bool:
        """Whether ``other`` was not yet replaced by its actor when ``statement`` became known: a
        figure replaced by then agrees or diverges with nothing beside it (reviews 29, 32, 33)."""
        newer, known = self.replaced_by.get(other.claim_id), statement.known_on
        return newer is None or known is None or newer.known_on is None or known.before(newer.known_on)

    @property
    def dated(self) -> tuple[Statement, ...]:
        """The statements with a date to be drawn at."""
        return tuple(s for s in self.statements if s.when is not None)

    @property
    def charted(self) -> bool:
        """Whether a chart shows more than a sentence would: two dated statements or more."""
        return len(self.dated) >= 2

    def of(self, *kinds: str) -> tuple[conflicts.Pair, ...]:
        return tuple(p for p in self.findings if p.finding in kinds)

    @property
    def contradictions(self) -> tuple[conflicts.Pair, ...]:
        return self.of("contradiction")

    @property
    def revisions(self) -> tuple[conflicts.Pair, ...]:
        """One actor's figures that cannot both hold: revisions and corrections."""
        return self.of("revision", "correction")

    @property
    def updates(self) -> tuple[conflicts.Pair, ...]:
        return self.of("update")

    def corrected(self, statement: Statement) -> bool:
        """Whether a figure corrects its actor's earlier running total down."""
        return any(p.second.claim_id == statement.claim_id for p in self.of("correction"))


@dataclass(frozen=True)
class TopicBriefing:
    topic: Topic
    statements: tuple[Statement, ...]          # the topic's ledger, one row per statement, chronological
    metrics: tuple[MetricBriefing, ...]        # in topics.yml order
    timeline: tuple[Statement, ...]            # the topic's events, chronological, repeats left out
    disputes: tuple[conflicts.Dispute, ...]    # where either side is on this topic
    repeats: Mapping[str, Repeat] = field(default_factory=dict)  # claim id -> what it repeats
    latest_event: Statement | None = None      # the latest of the events (not provisions)
    positions: tuple[Statement, ...] = ()      # each actor's latest position (Event.stance), newest first
    # Where each of its actors' figures may come from (Actor.origins; none for an actor that
    # is no source of its own): who agrees independently, on a line of the log too.
    origins: Mapping[str, frozenset[str]] = field(default_factory=dict)

    @property
    def reported_metrics(self) -> tuple[MetricBriefing, ...]:
        """The metrics some article gives a figure for, or a sum of parts derives."""
        return tuple(m for m in self.metrics if m.statements or m.derived)

    def metric(self, metric_id: str) -> MetricBriefing | None:
        return next((m for m in self.metrics if m.metric_id == metric_id), None)

    def independent_agreement(self, statement: Statement, agreeing: Iterable[Statement]) -> bool | None:
        """Whether the figures a statement agrees with are sources independent of it, counted
        as the current picture counts them (Status.confirmations) but over these figures,
        current or not: a log line's « concorde avec … » says it of the figures it names,
        whatever came after. None when none of them counts (no source of its own)."""
        def origins(actor: str) -> frozenset[str]:
            return self.origins.get(actor, frozenset({actor}))
        sources = [s for s in agreeing if _a_source(s, origins)] if _a_source(statement, origins) else []
        return _independent_origins([statement.actor, *(s.actor for s in sources)], origins) > 1 \
            if sources else None

    @property
    def position_groups(self) -> tuple[tuple[Statement, ...], ...]:
        """``positions`` gathered where several sides hold the same one as of the same report
        (same event and words, hedges and date): one clause names them all (« ni confirmé ni
        démenti par Pyongyang ni par le Kremlin (rapporté en mars 2025) »); a different
        position or date stands apart. In the order of each group's first position."""
        groups: dict[tuple, list[Statement]] = {}
        for statement in self.positions:
            groups.setdefault(_same_position(statement), []).append(statement)
        return tuple(tuple(group) for group in groups.values())

    @property
    def has_conflicts(self) -> bool:
        return bool(self.disputes) or any(m.contradictions or m.revisions for m in self.metrics)


def _statuses(metric: MetricBriefing, disputed: Mapping[str, tuple[LedgerEntry, ...]],
              origins: Callable[[str], frozenset[str]],
              excludes: Callable[[Statement], bool]) -> dict[str, Status]:
    """The status of each figure of the current picture; ``excludes``: whether an event says
    the metric is nil."""
    picture = metric.picture
    if picture is None:
        return {}
    touching: dict[str, dict[str, list[Statement]]] = {}
    for pair in metric.findings:
        for one, other in ((pair.first, pair.second), (pair.second, pair.first)):
            touching.setdefault(one.claim_id, {}).setdefault(pair.finding, []).append(other)
    previous = {change.statement.claim_id: change.supersedes for change in metric.history}
    # A figure its actor has replaced since is no current estimate to agree with or diverge
    # from (reviews 29, 31, 32).
    replaced_since = metric.replaced_by
    below = _below_parts(metric)
    statuses = {}
    for statement in picture.latest:
        found = touching.get(statement.claim_id, {})
        confirmed_by = tuple(s for s in found.get("agreement", ()) if _a_source(s, origins)
                             and s.claim_id not in replaced_since) if _a_source(statement, origins) else ()
        when = statement.when
        replaced = previous.get(statement.claim_id)
        # The last LATER_EVENTS events after it, found from the latest back (thousands of
        # events at scale, a few after any figure of the current picture).
        since = () if when is None else tuple(reversed(tuple(islice(
            (event for event in reversed(metric.events)
             if event.when is not None and when.before(event.when)), synthesis.LATER_EVENTS))))
        statuses[statement.claim_id] = Status(
            contradicted_by=tuple(found.get("contradiction", ())),
            disputed_by=tuple(other for e in statement.entries for other in disputed.get(e.claim_id, ())),
            divergent=tuple(s for s in found.get("divergence", ()) if s.claim_id not in replaced_since),
            confirmed_by=confirmed_by,
            confirmations=_independent_origins([statement.actor, *(s.actor for s in confirmed_by)],
                                               origins),
            same_figure=synthesis.confirms_as_itself(statement, confirmed_by),
            since=since, since_excludes=any(excludes(event) for event in since),
            replaces=replaced, revision=synthesis.direction(statement, replaced)
            if replaced is not None and restated_later(statement, replaced) else None,
            below_parts=statement.claim_id in below,
            before_parts=statement.claim_id in below and _before_parts(metric, statement))
    return statuses


def _a_source(statement: Statement, origins: Callable[[str], frozenset[str]]) -> bool:
    """Whether a statement can confirm or be confirmed: its actor is a source of its own
    (actors.yml ``independent``) and its text does not say it gives none for this figure."""
    return bool(origins(statement.actor)) and not any(e.claim.unsourced for e in statement.entries)


def _excludes(topic: Topic, metric_id: str, event: Statement) -> bool:
    """Whether an event statement says ``metric_id`` is nil (topics.yml ``excludes``)."""
    kind = topic.events.get(event.claim.event or "")
    return kind is not None and metric_id in kind.excludes


def _independent_origins(actors: list[str], origins: Callable[[str], frozenset[str]]) -> int:
    """How many independent sources these actors are: two whose origins meet (one includes
    the other, or both include a third) count once, as do any chained that way."""
    groups: list[set[str]] = []
    for actor in dict.fromkeys(actors):
        group = set(origins(actor))
        for other in [g for g in groups if g & group]:
            groups.remove(other)
            group |= other
        groups.append(group)
    return len(groups)


def _compatible(ranges: tuple[Range, ...], findings: tuple[conflicts.Pair, ...]) -> tuple[Range, ...]:
    """The ranges whose figures can all hold together: two figures that contradict each
    other are shown each with its caveat, never as the two ends of one range."""
    clashing = {frozenset((p.first.claim_id, p.second.claim_id)) for p in findings
                if p.finding in ("contradiction", "revision", "correction")}
    return tuple(r for r in ranges if not any(
        frozenset((a.claim_id, b.claim_id)) in clashing for a in r.every for b in r.every))


def _same_report(statement: Statement, other: Statement) -> bool:
    """Whether two figures are of one report: one actor's, stated at one moment in one article
    (« 18 000 depuis octobre 2024, dont 7 000 depuis le début de 2025 »: two periods, one report;
    not a figure the article recalls from an earlier statement)."""
    if statement.actor != other.actor:
        return False
    stated = {e.article.id: e.stated for e in other.entries}
    return any(e.article.id in stated and synthesis.one_moment(e.stated, stated[e.article.id])
               for e in statement.entries)


def _earlier_beside(statement: Statement, status: Status, metric: MetricBriefing,
                    named: set[str]) -> tuple[Statement, ...]:
    """The earlier figures a headline figure is read against: its own actor's previous one
    (not a revision of its very period, which the box says otherwise), as its table row and
    the log say (« auparavant environ 9 000 »); then the latest of other actors' current
    figures out of the headline that an article reporting it also reports: the text sets it
    side by side (« début février, le JCS avait évalué … »), which a box showing the latest
    figure alone would hide. None for a figure not in the headline. ``named``: the figures
    its caveats name already (a contradiction, a divergence)."""
    picture, shown = metric.picture, {s.claim_id for s in metric.headline} | named
    if picture is None or statement.claim_id not in shown or statement.when is None:
        return ()
    total = metric.kind == "total"
    compared = statement.compared
    assert compared is not None  # it has a date (statement.when)
    when = compared.up_to if total else compared

    def earlier(other: Statement) -> bool:
        # A running total is earlier when counted to an earlier date (« depuis octobre 2024 »
        # said in October, then in December: DateInterval.up_to); a part of a month as that
        # part (« début janvier » before « fin janvier »: review 33).
        return (other.claim_id not in shown and other.compared is not None
                and (other.compared.up_to if total else other.compared).before(when))

    own = status.replaces if status.revision is None else None
    others = [s for s in picture.latest if s.actor != statement.actor and earlier(s)
              and not s.articles.isdisjoint(statement.articles)]
    latest = max(others, key=lambda s: (s.when.end, s.when.start) if s.when else (), default=None)
    return tuple(s for s in (own if own is not None and earlier(own) else None, latest) if s is not None)


def _with_same_report(figures: tuple[Statement, ...], wider: MetricBriefing) -> tuple[Statement, ...]:
    """A wider scope's headline figures, after its current figures that one of ``figures``'s
    actors gave in the same report: a part is named in its own report's whole first."""
    latest = wider.picture.latest if wider.picture else ()
    headline = {w.claim_id for w in wider.headline}
    same = tuple(w for w in latest if w.claim_id not in headline
                 and any(_same_report(s, w) for s in figures))
    return same + wider.headline


def by_metric(figures: Iterable[tuple[str, Statement]]
              ) -> tuple[tuple[str, tuple[Statement, ...]], ...]:
    """(metric, figure) pairs gathered by metric, in the order each metric first comes."""
    found: dict[str, list[Statement]] = {}
    for metric_id, statement in figures:
        found.setdefault(metric_id, []).append(statement)
    return tuple((metric_id, tuple(statements)) for metric_id, statements in found.items())


def _current(picture: estimates.MetricPicture | None) -> tuple[Statement, ...]:
    """The figures a headline shows: the latest of all, or else the first undated one."""
    if picture is None:
        return ()
    return picture.headline or picture.latest[:1]


def _below_parts(metric: MetricBriefing) -> set[str]:
    """Claim ids of the total's figures under the sum of its parts' figures."""
    if metric.derived is None or metric.picture is None:
        return set()
    return {s.claim_id for s in metric.picture.latest if s.values.high < metric.derived.values.low}


def _before_parts(metric: MetricBriefing, total: Statement) -> bool:
    """Whether its text dates a total wholly before one of the parts its sum adds: a total of
    March under parts of September is older than them, not doubtful."""
    return metric.derived is not None and total.dated and total.when is not None and any(
        part.dated and part.when is not None and total.when.end < part.when.start
        for _, part in metric.derived.parts)


def topic_briefing(topic: Topic, merged: tuple[Statement, ...],
                   all_disputes: tuple[conflicts.Dispute, ...],
                   origins: Callable[[str], frozenset[str]] = lambda actor: frozenset({actor}),
                   dispatch_of: Mapping[str, str] | None = None,
                   side: Callable[[str], str] = lambda actor: actor) -> TopicBriefing:
    """``merged``: the topic's statements, chronological; ``origins``: where an actor's
    figures may come from (Actor.origins; none for an actor that is no source of its own);
    ``side``: whose position an actor's states (its country: a state speaks through several
    bodies, the Kremlin and its general staff)."""
    def kind_of(statement: Statement) -> str | None:
        metric = topic.metrics.get(statement.claim.metric or "")
        event = topic.events.get(statement.claim.event or "")
        if metric:
            return metric.kind
        if event and event.kind == "provision":
            return "provision"
        return "once" if event and event.once else None

    merged, repeat_list = synthesis.fold_repeats(synthesis.in_fixed_periods(merged, topic), kind_of,
                                                 lambda actor: bool(origins(actor)), dispatch_of or {})
    repeat_list += synthesis.restated_figures(merged, lambda actor: bool(origins(actor)), repeat_list)
    repeat_list += synthesis.restated_elsewhere(merged, partial(scopes.nested, topic), repeat_list)
    repeats = {r.statement.claim_id: r for r in repeat_list}
    by_subject: dict[tuple[str, str | None], list[Statement]] = {}  # ("metric"|"event", id)
    for statement in merged:
        if statement.claim_id in repeats:
            continue
        claim = statement.claim
        subject = ("metric", claim.metric) if claim.metric else ("event", claim.event)
        by_subject.setdefault(subject, []).append(statement)
    related = tuple(d for d in all_disputes
                    if topic.id in (d.claim.claim.topic, d.disputed.claim.topic))
    disputed: dict[str, tuple[LedgerEntry, ...]] = {}  # claim id -> the other side of its disputes
    for d in related:
        disputed[d.claim.claim_id] = disputed.get(d.claim.claim_id, ()) + (d.disputed,)
        disputed[d.disputed.claim_id] = disputed.get(d.disputed.claim_id, ()) + (d.claim,)
    metrics: dict[str, MetricBriefing] = {}
    part_findings: dict[str, list[conflicts.Pair]] = {}
    for metric_id, metric in topic.metrics.items():
        chosen = tuple(by_subject.get(("metric", metric_id), ()))
        denials = tuple(
            pair for event_id, event in topic.events.items() if metric_id in event.excludes
            for pair in conflicts.event_denials(tuple(by_subject.get(("event", event_id), ())),
                                                chosen, FINDINGS_SOUGHT))
        excesses = tuple(
            pair for part_id in topic.metrics if scopes.holds(topic, metric_id, part_id)
            for pair in conflicts.part_excesses(tuple(by_subject.get(("metric", part_id), ())),
                                                chosen, metric.kind, FINDINGS_SOUGHT))
        findings = conflicts.compare_metric(chosen, metric.kind, FINDINGS_SOUGHT) + denials + excesses
        changes = synthesis.history(chosen, metric.kind)
        findings += synthesis.undated_replaced(changes, findings, metric.kind)
        for pair in excesses:  # the part's figure is contested too
            part_id = pair.first.claim.metric if pair.first.claim.metric != metric_id else pair.second.claim.metric
            part_findings.setdefault(part_id or "", []).append(pair)
        events = tuple(sorted((s for event_id, event in topic.events.items()
                               if metric_id in event.bearing and event.kind == "event"
                               for s in by_subject.get(("event", event_id), ())),
                              key=lambda s: s.sort_key))
        picture = estimates.picture(metric_id, chosen, metric.kind)
        metrics[metric_id] = MetricBriefing(
            metric_id, metric.kind, chosen, picture,
            tuple(sorted(findings, key=lambda p: p.second.sort_key)), events,
            history=changes,
            ranges=_compatible(synthesis.ranges(picture.latest), findings) if picture else ())
    for metric_id, pairs in part_findings.items():
        metrics[metric_id] = replace(metrics[metric_id], findings=tuple(sorted(
            metrics[metric_id].findings + tuple(pairs), key=lambda p: p.second.sort_key)))
    replaced = synthesis.replaced_by_report({metric_id: briefing.history
                                            for metric_id, briefing in metrics.items()})
    for metric_id, metric in topic.metrics.items():
        if metric.parts:  # never from a figure its actor's later report may have outdated
            metrics[metric_id] = replace(metrics[metric_id], derived=synthesis.derived_sum(
                (part, tuple(s for s in _current(metrics[part].picture)
                             if not synthesis.report_replaced(s, replaced, scopes.kin(topic, part))))
                for part in metric.parts))
    for metric_id, briefing in metrics.items():
        statuses = _statuses(briefing, disputed, origins, partial(_excludes, topic, metric_id))
        metrics[metric_id] = replace(briefing, statuses=statuses, headline=tuple(
            s for s in _current(briefing.picture) if not statuses[s.claim_id].below_parts))
    for metric_id, briefing in metrics.items():  # once every headline is known
        beside = tuple((other, metrics[other].headline) for other in scopes.nested(topic, metric_id))
        overlapping = tuple((other, statement) for other in scopes.overlapping(topic, metric_id)
                            for statement in metrics[other].headline)
        shown = {s.claim_id: s for s in briefing.picture.latest} if briefing.picture else {}
        statuses = {}
        given: set[str] = set()  # earlier figures said « auparavant » once per line, by the newest
        for claim_id, status in briefing.statuses.items():
            statement = shown[claim_id]
            older = () if status.below_parts else synthesis.older_than(
                statement, beside, shown.values(), partial(scopes.holds, topic, metric_id=metric_id))
            # Its actor has replaced a figure of its report and given a figure holding it
            # since: its report is outdated, not only perhaps older.
            sibling_replaced = synthesis.report_replaced(statement, replaced, scopes.kin(topic, metric_id))
            own = tuple((other_id, other) for other_id, other in older
                        if other.actor == statement.actor and scopes.holds(topic, other_id, metric_id)
                        ) if sibling_replaced else ()
            earlier: tuple[Statement, ...] = ()
            if briefing.kind == "total":  # a running total's earlier figures (« auparavant »)
                caveats = {s.claim_id for s in status.contradicted_by + status.divergent + status.confirmed_by}
                earlier = _earlier_beside(statement, status, briefing, caveats | given)
                given |= {e.claim_id for e in earlier}
            elif briefing.kind == "level" and status.replaces is not None and status.revision is None \
                    and not status.replaces.articles.isdisjoint(statement.articles) \
                    and claim_id in {h.claim_id for h in briefing.headline}:
                # A level its text compares with its actor's previous one (« contre 12 000 en
                # décembre »): the box says it, as the log does (review 31).
                earlier = (status.replaces,)
            statuses[claim_id] = replace(
                status, older_than=tuple(o for o in older if o not in own), outdated_by=own,
                report_replaced=sibling_replaced, earlier_beside=earlier)
        named = {other_id for s in briefing.headline for other_id, _ in statuses[s.claim_id].outdated_by}
        counted_in = tuple((wider, s) for wider in topic.metrics[metric_id].wider
                           if wider not in named for s in _with_same_report(briefing.headline, metrics[wider]))
        inner = tuple((other, s) for other in scopes.narrower(topic, metric_id) + topic.metrics[metric_id].parts
                      for s in metrics[other].headline)
        # Parts said « dont » after another actor's earlier figure; not after the headline actor's
        # own, where a reader would count them in its newer figure (review 27, M1).
        earlier_shown = tuple(e for s in briefing.headline for e in statuses[s.claim_id].earlier_beside
                              if e.actor != s.actor)
        of_which = {s.claim_id: found for s in briefing.headline + earlier_shown
                    if (found := tuple((other, o) for other, o in inner if _same_report(s, o)))}
        metrics[metric_id] = replace(briefing, statuses=statuses, overlapping=overlapping,
                                     counted_in=counted_in, relations=scopes.related(topic, metric_id),
                                     of_which=of_which)
    timeline = tuple(s for s in merged if s.claim.event is not None and s.claim_id not in repeats)
    happened = [s for s in timeline if topic.events[s.claim.event or ""].kind == "event"]
    dated = [s for s in happened if s.when is not None]
    latest_event = (max(dated, key=lambda s: (s.when.end, s.when.start) if s.when else ())
                    if dated else (happened[-1] if happened else None))
    return TopicBriefing(topic, merged, tuple(metrics.values()), timeline, related, repeats,
                         latest_event, _positions(topic, timeline, side),
                         {s.actor: origins(s.actor) for s in merged})


def _positions(topic: Topic, timeline: tuple[Statement, ...], side: Callable[[str], str]
               ) -> tuple[Statement, ...]:
    """Each side's latest position on each question of the topic (« ni confirmé ni démenti »,
    then « reconnue »), as last reported, newest first: what a reader must know of where each
    side stands now. A position its text does not date (« ont toujours démenti ») that holds
    what the side's dated one said says it still holds: the dated one, with its date and
    words, stays beside it."""
    latest: dict[tuple[str, str | None], list[Statement]] = {}
    for statement in sorted((s for s in timeline if topic.events[s.claim.event or ""].stance),
                            key=_last_reported):
        key = side(statement.actor), topic.events[statement.claim.event or ""].question
        kept = latest.get(key, [])
        still = [] if _dated_position(statement) else [
            s for s in kept if _dated_position(s) and s.claim.event == statement.claim.event]
        latest[key] = still + [statement]
    return tuple(sorted((s for kept in latest.values() for s in kept), key=_last_reported, reverse=True))


def _dated_position(statement: Statement) -> bool:
    """Whether a position's text dates it (its period, or the day it was stated)."""
    return statement.claim.as_of is not None or statement.claim.stated_on is not None


def _same_position(statement: Statement) -> tuple:
    """What two sides' positions share when one clause can say them: what is said and when."""
    claim = statement.claim
    return (claim.event, claim.event_words, statement.hedges, claim.as_of, claim.as_of_words,
            claim.stated_on, claim.stated_words, None if claim.as_of else statement.reported)


def _last_reported(statement: Statement) -> tuple:
    """When a statement was last known to hold: its latest copy's date (undated first), then
    when it was made (of two an article reports, the later one)."""
    dates = [e.article.date for e in statement.entries if e.article.date is not None]
    known = statement.known_on
    return (bool(dates), max(d.sort_key() for d in dates) if dates else (),
            known is not None, known.sort_key() if known else (), statement.claim_id)


def briefings(archive: Archive, merged: tuple[Statement, ...],
              all_disputes: tuple[conflicts.Dispute, ...],
              dispatch_of: Mapping[str, str] | None = None) -> dict[str, TopicBriefing]:
    """Every topic's briefing, from the archive's statements (chronological) and disputes
    (``dispatch_of``: article id -> dispatch, which groups the copies of merged repeats)."""
    by_topic: dict[str, list[Statement]] = {topic_id: [] for topic_id in archive.topics}
    for statement in merged:
        by_topic[statement.claim.topic].append(statement)

    def origins(actor_id: str) -> frozenset[str]:
        actor = archive.actors.get(actor_id)
        return frozenset({actor_id}) if actor is None else actor.origins if actor.independent \
            else frozenset()

    def side(actor_id: str) -> str:
        actor = archive.actors.get(actor_id)
        return actor.country or actor_id if actor else actor_id

    return {topic_id: topic_briefing(topic, tuple(by_topic[topic_id]), all_disputes,
                                     origins, dispatch_of, side)
            for topic_id, topic in archive.topics.items()}
