"""The briefing's dated log: each change to the current picture, newest first.

Derived, never written by hand: every statement of each actor's history of a metric
(briefing.MetricBriefing.history, with the figure of that actor it supersedes) and every
event of a topic's timeline, each at the date it became known (LogEntry); those whose date
nothing gives (no date in the text, an undated article) come last, under « Date inconnue »:
left out, a reader would take the log for all that is known. Repeats are not in it (they are
not new statements), nor an event its actor says again, nor provisions or assessments, which
say what is, not what happened.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import partial

from ..model import DateInterval
from .briefing import MetricBriefing, TopicBriefing
from .ledger import LedgerEntry, Statement, restated_later
from .synthesis import Change, direction


@dataclass(frozen=True)
class LogEntry:
    """One change, placed at the date it became known (the statement's date as its text gives
    it, or the date of the first article reporting it), not at the period its figure is for:
    a plan for 2025 stated in January is January's news."""

    topic_id: str
    statement: Statement
    supersedes: Statement | None  # the same actor's previous figure for this metric, if any
    contradicted_by: tuple[Statement | LedgerEntry, ...] = ()  # the rules' contradictions
    disputed_by: tuple[Statement | LedgerEntry, ...] = ()  # claims a text says dispute it
    disputes: tuple[Statement | LedgerEntry, ...] = ()     # claims it disputes, as its text says
    # Other actors' figures for the same period known before it that it agrees with, or
    # known before it or at once that it differs from while both can hold (the rules'
    # agreements and divergences).
    agrees_with: tuple[Statement, ...] = ()
    diverges_from: tuple[Statement, ...] = ()
    # Whether those it agrees with are sources independent of it, current or not
    # (TopicBriefing.independent_agreement); None where none of them is a source of its own.
    independent: bool | None = None
    kind: str = ""                # the metric's kind (total, level, plan); "" for an event
    # What the rules call it beside the previous figure: "revision", "correction" (a running
    # total its actor gives lower, later) or "" (an update, or no previous figure).
    revised_as: str = ""

    @property
    def revised(self) -> bool:
        return bool(self.revised_as)

    @property
    def corrected(self) -> bool:
        return self.revised_as == "correction"

    @property
    def known(self) -> LedgerEntry | None:
        """The copy that made it known first: its date is the entry's; None when undated."""
        return self.statement.first_stated

    @property
    def source(self) -> LedgerEntry:
        """The copy a line links to: the one that made it known, else an undated one (which
        may have been first), else its first."""
        return self.known or next((e for e in self.statement.entries if e.stated is None),
                                  self.statement.first)

    @property
    def early_sources(self) -> tuple[LedgerEntry, ...]:
        """A copy of each other source that may have made it known as early as ``source``
        (a dispatch and its copies are one source): one its article leaves undated, of the
        same day, or earlier (``source`` is the copy that dates the statement, which may be a
        later text). The line names them after its own; a later article's copy is a relay,
        which changes nothing, as a repeat does not."""
        if len(self.statement.sources) < 2:
            return ()
        source = self.source
        rank = {id(e): n for n, e in enumerate(self.statement.by_article_date)}

        def place(entry: LedgerEntry) -> int:
            return rank[id(entry)]

        def early(entry: LedgerEntry) -> bool:
            # Undated, of the same day, or earlier: the source may be a later text that dates
            # the statement (« affirmaient déjà à la fin de l'année dernière »).
            return entry.article.date is None or source.article.date is not None and \
                entry.article.date.sort_key() <= source.article.date.sort_key()
        copies = []
        for group in self.statement.sources:
            found = [entry for entry in group if early(entry)]
            if found and source not in group:
                copies.append(min(found, key=place))
        return tuple(sorted(copies, key=place))

    @property
    def hedges(self) -> tuple[str, ...]:
        """The hedges of the copies the line links (``source``, ``early_sources``): a relay's
        hedge or cut is not what the text that made the figure known says."""
        return tuple(dict.fromkeys(hedge for copy in (self.source, *self.early_sources)
                                   for hedge in copy.claim.hedges))

    @property
    def when(self) -> DateInterval | None:
        """When it became known; None when neither the text nor its articles say."""
        return self.statement.known_on

    @property
    def said_when(self) -> DateInterval | None:
        """``when`` narrowed to the part of a month its words name (« mi-avril »: 11–20 April),
        for the order and the feeds' days only: pages show the words."""
        known = self.known
        return known.stated.part_said(known.stated_words) if known and known.stated else None

    @property
    def sort_key(self) -> tuple:
        """Newest first once reversed, by when it was known at the latest (« au plus tard fin
        janvier » among the end of January), a part of a month its words name as that part
        (« mi-avril » before « 28 avril »); those whose date is unknown last."""
        when = self.said_when
        return (when is not None, (when.end, when.start) if when else (), self.statement.claim_id)

    @property
    def restates(self) -> bool:
        """Whether it replaces its actor's figure for the very same period (a revision)."""
        return self.supersedes is not None and restated_later(self.statement, self.supersedes)

    @property
    def direction(self) -> str:
        """How the figure moved from the one it supersedes (synthesis.direction)."""
        return direction(self.statement, self.supersedes) if self.supersedes else ""


def changelog(briefings: Mapping[str, TopicBriefing]) -> tuple[LogEntry, ...]:
    """Every topic's changes, newest first (the ledger's order, reversed), undated last, in
    the order of the site (_place)."""
    entries = []
    for topic_id, briefing in briefings.items():
        contradictions, disputed, disputing = _contesting(briefing)

        def entry(statement: Statement, supersedes: Statement | None = None,
                  metric: MetricBriefing | None = None, near: Near | None = None,
                  revised_as: str = "") -> LogEntry:
            """``near``: the metric's agreements and divergences (_related), made once."""
            def of(found: Found) -> tuple[Statement | LedgerEntry, ...]:
                others: list[Statement | LedgerEntry] = []
                for copy in statement.entries:
                    others += [o for o in found.get(copy.claim_id, ()) if o not in others]
                return tuple(others)
            agrees, diverges = _earlier(statement, near or {})
            if metric is not None:  # only figures not yet replaced when it became known
                agrees, diverges = (tuple(o for o in agrees if metric.current_when(o, statement)),
                                    tuple(o for o in diverges if metric.current_when(o, statement)))
            return LogEntry(topic_id, statement, supersedes, of(contradictions), of(disputed),
                            of(disputing), agrees, diverges, briefing.independent_agreement(statement, agrees),
                            metric.kind if metric else "", revised_as)

        for metric in briefing.metrics:
            near = {finding: _related(metric.of(finding)) for finding in ("agreement", "divergence")}
            found = {frozenset((pair.first.claim_id, pair.second.claim_id)): pair.finding
                     for pair in metric.revisions}

            def finding(change: Change) -> str:
                if change.supersedes is None:
                    return ""
                return found.get(frozenset((change.supersedes.claim_id, change.statement.claim_id)), "")

            entries += [entry(change.statement, change.supersedes, metric, near, finding(change))
                        for change in metric.history]
            # A statement with no date at all has no place in an actor's history; it is known
            # all the same.
            entries += [entry(statement, None, metric, near)
                        for statement in metric.statements if statement.when is None]
        events = briefing.topic.events
        entries += [entry(statement) for statement in _first_said(
            s for s in briefing.timeline if events[s.claim.event or ""].kind == "event")]
    dated = sorted((e for e in entries if e.when is not None), key=lambda e: e.sort_key, reverse=True)
    undated = sorted((e for e in entries if e.when is None), key=partial(_place, briefings))
    return (*dated, *undated)


def _place(briefings: Mapping[str, TopicBriefing], entry: LogEntry) -> tuple:
    """Where an entry nothing dates stands under « Date inconnue », since no date can order
    it: as a reader meets it on the site, topic by topic (in the site's order), then on its
    topic's page, its figures metric by metric, then its events; then article by article."""
    topic = briefings[entry.topic_id].topic
    claim = entry.statement.claim
    subjects = list(topic.metrics) if claim.metric else list(topic.events)
    return (list(briefings).index(entry.topic_id), claim.metric is None,
            subjects.index(claim.metric or claim.event or ""), entry.statement.claim_id)


def _first_said(statements: Iterable[Statement]) -> list[Statement]:
    """Each event as its actor first said it: the same actor saying the same event for the
    same period again, later (« ni confirmé ni démenti » in December, then in March), changes
    nothing. Another period (a visit in April after one in January) is another event, and so
    is one its text does not date but says when it was said (« le NIS confirme désormais ce
    retour », stated in December, after a return reported in February)."""
    first: dict[tuple, Statement] = {}
    for statement in sorted(statements, key=lambda s: (s.known_on is None,
                                                       s.known_on.sort_key() if s.known_on else (),
                                                       s.claim_id)):
        claim = statement.claim
        first.setdefault((claim.event, statement.actor, claim.as_of,
                          claim.stated_on if claim.as_of is None else None), statement)
    return list(first.values())


Found = dict[str, list[Statement | LedgerEntry]]
# Finding ("agreement", "divergence") -> claim id -> the other side of each such pair.
Near = Mapping[str, Mapping[str, list[Statement]]]


def _related(pairs: Iterable) -> dict[str, list[Statement]]:
    """Claim id -> the other side of each pair (conflicts.Pair) it is in."""
    found: dict[str, list[Statement]] = {}
    for pair in pairs:
        for one, other in ((pair.first, pair.second), (pair.second, pair.first)):
            found.setdefault(one.claim_id, []).append(other)
    return found


def _earlier(statement: Statement, related: Near
             ) -> tuple[tuple[Statement, ...], tuple[Statement, ...]]:
    """The figures it agrees with, among those known before it (the log says so on the line
    of what came second) or known when it was and shown above it (the line below says so:
    review 28, two agencies' « environ 11 000 » of one day), and those it diverges from, known
    before it or when it was (two figures one day brings that both can hold: each line says
    so, as the boxes do)."""
    known = statement.known_on

    def agrees(other: Statement) -> bool:
        assert known is not None and other.known_on is not None
        return other.known_on.before(known) or (other.known_on == known and other.claim_id > statement.claim_id)

    def before(finding: str, same_time: bool = False) -> tuple[Statement, ...]:
        return tuple(o for o in related.get(finding, {}).get(statement.claim_id, ())
                     if known is not None and o.known_on is not None and (
                         not known.before(o.known_on) if same_time else agrees(o)))
    return before("agreement"), before("divergence", same_time=True)


def _contesting(briefing: TopicBriefing) -> tuple[Found, Found, Found]:
    """Claim id -> what contradicts it (a finding of the rules), what disputes it and what it
    disputes (an article says so): a log line says which, and by whom."""
    contradictions: Found = {}
    for metric in briefing.metrics:
        for pair in metric.contradictions:
            for one, other in ((pair.first, pair.second), (pair.second, pair.first)):
                mine = contradictions.setdefault(one.claim_id, [])
                if other not in mine:
                    mine.append(other)
    disputed: Found = {}
    disputing: Found = {}
    for dispute in briefing.disputes:
        disputed.setdefault(dispute.disputed.claim_id, []).append(dispute.claim)
        disputing.setdefault(dispute.claim.claim_id, []).append(dispute.disputed)
    return contradictions, disputed, disputing
