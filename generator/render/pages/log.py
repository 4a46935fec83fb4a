"""The « Journal des mises à jour »: the briefing's dated log of changes (derive/changelog.py),
as paginated pages and as Atom feeds, the site's and each topic's."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from html import escape
from itertools import islice

from ...derive.changelog import LogEntry
from ...derive.ledger import LedgerEntry, Statement
from ..environment import page_url
from ..feeds import FEED_LIMIT, FeedItem, item_feed
from ..format import (
    according_to,
    actor_noun,
    date_fr,
    figure_fr,
    hedge_fr,
    inline_label,
    known_fr,
    quote_fr,
    reported_fr,
    revised_fr,
    said_when_fr,
)
from ..paths import LOG_FEED, LOG_INDEX, article_path
from ..typography import french_text
from .base import Pager, Planned, Site, paginate

LOG_TITLE = "Journal des mises à jour"
# A figure announced within the old one's (« environ 5 000 » after « entre 5 000 et 6 000 »):
# no word; the line gives the old figure.
DIRECTION = {"up": "en hausse", "down": "en baisse", "same": "inchangé", "": ""}
# A running total its actor gives lower later: it cannot fall, the actor corrects it (rules.py).
CORRECTED = "correction à la baisse"


def change_words(entry: LogEntry) -> str:
    """How a figure moved from the same actor's previous one, in words that do not read a
    correction as a fall of what is counted."""
    if entry.corrected:
        return CORRECTED
    # A revision or a correction (rules.py), a running total given lower (it cannot fall), a
    # plan given again, a figure for the very period of the one it replaces: the actor
    # revises its figure.
    revised = (entry.revised or entry.kind == "plan" or (entry.kind == "total" and entry.direction == "down")
               or entry.restates)
    return revised_fr(entry.direction) if revised else DIRECTION[entry.direction]


@dataclass(frozen=True)
class LogLine:
    """One entry as a reader sees it, on the page and in the feeds (French typography)."""

    entry: LogEntry
    date: str       # when it became known, in the text's words where it has them
    topic: str      # the topic's title
    text: str       # what changed, who says it, and what it replaces
    diverges: str = ""  # « estimations divergentes : … », linked to its topic's finding
    rest: str = ""      # who contradicts or disputes it, or what it disputes

    @property
    def undated(self) -> bool:
        """Whether nothing gives when it became known: the log shows it under « Date inconnue »."""
        return self.entry.when is None

    @property
    def title(self) -> str:
        diverges = f" — {self.diverges}" if self.diverges else ""
        return f"{self.date} — {self.topic} : {self.text}{diverges}{self.rest}"


class LogPages(Site):
    """The log's pages and feeds."""

    def log_line(self, entry: LogEntry) -> LogLine:
        statement = entry.statement
        claim = statement.claim
        event = self.archive.event_of(claim)
        who = according_to(self.archive.actors[statement.actor], event)
        known = entry.known
        date = "date inconnue" if known is None else known.stated_words or date_fr(known.stated)
        if known is not None and event is not None and event.stance and not known.dates_statement:
            # A position no text dates (« ont toujours démenti ») was not taken that day.
            date = reported_fr(known.stated)
        # The period the figure or event is for, as its text gives it, less the date above
        # (a metric whose scope fixes its period names it in its label).
        # A period that is the statement's date in other words (« En avril, … évaluait »:
        # as_of and stated_on both April) is not said again either.
        # The period as the copy the line links gives it: a later text's sharper date (« le 4
        # décembre » for « au début du mois ») is not the first report's.
        said = known.claim if known is not None and (known.claim.as_of or known.claim.as_of_words) else claim
        same = not said.as_of_words and known is not None and said.as_of == known.stated
        period = "" if same else _beyond(said.as_of_words or (date_fr(said.as_of) if said.as_of else ""), date)
        period = f" ({period})" if period else ""
        if claim.metric:
            words = f" (« {quote_fr(claim.scope_words, False)} »)" if claim.scope_words else ""
            text = f"{self.claim_label(claim)} : {figure_fr(claim)}{words}{period} {who}"
        else:
            text = f"{self.claim_label(claim)}{period}{' ' if event and event.stance else ', '}{who}"
        if entry.supersedes is not None:
            old = entry.supersedes
            # Its own earlier figure for this very period is told apart by when it was said.
            earlier = known_fr(old) if entry.restates else said_when_fr(self.archive, old)
            moved = change_words(entry)
            text += f" ({f'{moved} ; ' if moved else ''}auparavant {figure_fr(old.claim)}, {earlier})"
        if entry.hedges:
            text += f" — avec réserve : {_quoted(entry.hedges)}"
        if entry.agrees_with:
            text += " — concorde avec : " + self._figures(entry.agrees_with) + (
                " (sources non indépendantes)" if entry.independent is False else "")
        diverges = ("estimations divergentes : " + self._figures(entry.diverges_from)
                    if entry.diverges_from else "")
        # A contradiction the rules find is not a dispute a text records: each has its words,
        # in one clause (« ; contredit aussi … ») as the topic page writes them.
        rest, contested = "", False
        for words, others in (("en contradiction avec", entry.contradicted_by),
                              ("contesté : contredit par", entry.disputed_by)):
            if others:
                rest += (" ; contredit par " if contested else f" — {words} ") + self._each_named_once(others[:3])
                contested = True
        if entry.disputes:  # what it disputes, and who says that (the topic page's words)
            lead = " ; contredit aussi" if contested else " — contredit " + (
                "d'autres informations" if len(entry.disputes) > 1 else "une autre information")
            rest += f"{lead} : " + " ; ".join(
                f"{inline_label(self._what(other))}, selon {self._who(other)} "
                f"({said_when_fr(self.archive, other)})"
                + (f" (avec réserve : {_quoted(other.hedges)})" if other.hedges else "")
                for other in entry.disputes[:3])
        return LogLine(entry, french_text(date), french_text(self.archive.topics[entry.topic_id].title),
                       french_text(text), diverges and french_text(diverges), rest and french_text(rest))

    def _figures(self, others: tuple[Statement, ...]) -> str:
        """Other actors' figures beside a line's: « 3 000 selon … (période) ; … »."""
        return " ; ".join(f"{figure_fr(o.claim)} {according_to(self.archive.actors[o.actor])} "
                          f"({said_when_fr(self.archive, o)})" for o in others[:3])

    def _each_named_once(self, others: Sequence[Statement | LedgerEntry]) -> str:
        """Who contests, each named once with its figures (« le NIS (tués ou blessés : environ
        9 000, 1er décembre 2026 ; environ 10 000, 9 décembre 2026) »), a label not said again."""
        by_who: dict[str, list[Statement | LedgerEntry]] = {}
        for other in others:
            by_who.setdefault(self._who(other), []).append(other)
        named = []
        for who, theirs in by_who.items():
            said, label = [], None
            for other in theirs:
                what = (figure_fr(other.claim) if other.claim.metric and self.claim_label(other.claim) == label
                        else inline_label(self._what(other)))
                said.append(f"{what}, {said_when_fr(self.archive, other)}")
                label = self.claim_label(other.claim)
            named.append(f"{who} ({' ; '.join(said)})")
        return " ; ".join(named)

    def _who(self, other: Statement | LedgerEntry) -> str:
        """Who contests, named as « selon … » names it, or the article when none is cited."""
        noun = actor_noun(self.archive.actors[other.claim.attributed_to])
        if noun is not None:
            return noun
        return (f"un article sans source citée ({self.outlet_name(other.article.outlet)}, "
                f"{date_fr(other.article.date)})")

    def _what(self, other: Statement | LedgerEntry) -> str:
        label = self.claim_label(other.claim)
        return f"{label} : {figure_fr(other.claim)}" if other.claim.metric else label

    def log_pages(self) -> list[Planned]:
        entries = self.analysis.log
        return [Planned(path, LOG_TITLE if pager.number == 1 else f"{LOG_TITLE} (page {pager.number})",
                        partial(self._log_page, path, chunk, pager, len(entries)))
                for path, chunk, pager in paginate(LOG_INDEX, entries)]

    def _log_page(self, path: str, entries: tuple[LogEntry, ...], pager: Pager, total: int) -> str:
        """A page of the log; its lines are made when it is written (by the writing workers)."""
        return self.render("log.html", path, lines=tuple(map(self.log_line, entries)),
                           paging=pager, total=total, feed=LOG_FEED)

    def log_feeds(self) -> list[Planned]:
        """The site's log feed and each topic's (planned with the analysis, unlike the
        article feeds)."""
        feeds = [Planned(LOG_FEED, "", partial(self._log_feed, LOG_FEED, LOG_TITLE, None))]
        for topic_id, topic in self.archive.topics.items():
            path = self.log_feed_path(topic_id)
            feeds.append(Planned(path, "", partial(self._log_feed, path,
                                                   f"{topic.title} : {LOG_TITLE.lower()}",
                                                   topic_id)))
        return feeds

    def _feed_day(self, entry: LogEntry) -> date:
        """The day a feed entry is updated: the last day of the date the log gives it (the day
        by which it was surely known: « fin janvier 2025 » is no later than 31 January, and
        never 1 January; « mi-mars » no later than 20 March), or the build's day when that
        comes first or nothing dates it."""
        when = entry.said_when
        if when is None or when.start <= self.build_day < when.end:
            return self.build_day
        return when.end

    def _log_feed(self, path: str, title: str, topic_id: str | None) -> bytes:
        entries = (entry for entry in self.analysis.log
                   if topic_id is None or entry.topic_id == topic_id)
        items = []
        for entry in islice(entries, FEED_LIMIT):  # all the feed holds
            line, copy = self.log_line(entry), entry.source
            # The article's page address, then its anchor (page_url publishes only a path).
            source = f"{page_url(path, article_path(copy.article.id))}#{copy.anchor}"
            items.append(FeedItem(
                f"log/{entry.statement.claim_id}", line.title, self.topic_path(entry.topic_id),
                self._feed_day(entry), f"<p>{escape(line.title)}</p><p><a href=\"{escape(source)}\">"
                f"{escape(copy.article.title)}</a></p>"))
        return item_feed(path, title, items, self.build_day)


def _beyond(period: str, date: str) -> str:
    """What a period's words say beyond the entry's date, which the line does not repeat:
    nothing when they are the date, the rest when they start with it (« au plus tard fin
    janvier 2025, avant la déclaration de … » under « au plus tard fin janvier 2025 »)."""
    if period == date:
        return ""
    if date and period.startswith(date) and period[len(date):len(date) + 1] in (",", ";", " "):
        return period[len(date):].lstrip(",; ")
    return period


def _quoted(hedges: tuple[str, ...]) -> str:
    """A text's hedges, each quoted as a page shows it."""
    return ", ".join(f"« {hedge_fr(hedge)} »" for hedge in hedges)
