"""What every page family shares: planned pages and files, pagination, the renderer with
the helpers every template uses, and the site's derived data (``Site``), which each
family's module extends with its pages."""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from functools import partial
from typing import Protocol

from ...derive import groupings
from ...derive.analysis import Analysis, Copies
from ...derive.briefing import TopicBriefing
from ...derive.ledger import LedgerEntry, Statement
from ...derive.synthesis import Repeat
from ...model import UNKNOWN, Archive, ArticleInfo, Claim, Registries
from .. import paths, sharing
from ..environment import environment
from ..export import Chunks, topic_files, whole
from ..format import (
    UNKNOWN_OUTLET_FR,
    according_to,
    dated_fr,
    figure_fr,
    month_fr,
    quote_fr,
    stated_when_fr,
    when_fr,
)
from ..paths import (
    ACTORS_INDEX,
    DATA_PAGE,
    LOG_INDEX,
    SITE_FEED,
    article_path,
    month_path,
    outlet_path,
)
from ..sanitize import SafeMarkdown
from ..typography import french_text


@dataclass(frozen=True)
class Page:
    """A generated page: where it goes, its title (plain text) and its HTML/Markdown body."""

    path: str
    title: str
    content: str

    @property
    def markdown(self) -> str:
        # JSON strings are valid YAML; the title is HTML-escaped because themes print it raw
        # (so is the description, render/sharing.py), in French typography as the page is.
        meta = {"title": html.escape(french_text(self.title)),
                "description": html.escape(sharing.description(self.content)),
                "image": sharing.image(self.path, self.content)}
        front = "".join(f"{name}: {json.dumps(value, ensure_ascii=False)}\n"
                        for name, value in meta.items() if value)
        return f"---\n{front}---\n\n{self.content}"


@dataclass(frozen=True)
class Asset:
    """A generated file published as is (chart, data export)."""

    path: str
    content: bytes


@dataclass(frozen=True)
class Planned:
    """A page (its text, with its title) or a file (its bytes, a large one as chunks), known
    by path now and made when it is written: a 10,000-article build need not hold every list
    page and data file at once, and can make them on several cores."""

    path: str
    title: str
    make: Callable[[], str | bytes | Chunks]
    key: str = ""  # names everything ``make`` depends on, when known: the page may be stored

    def page(self) -> Page:
        content = self.make()
        if not isinstance(content, str):
            raise TypeError(f"{self.path} is a file, not a page")
        return Page(self.path, self.title, content)

    def asset(self) -> Asset:
        content = self.make()
        if isinstance(content, str):
            raise TypeError(f"{self.path} is a page, not a file")
        return Asset(self.path, whole(content))


def month_title(month: str) -> str:
    return "Date inconnue" if month == UNKNOWN else month_fr(month).capitalize()


PER_PAGE = 50
RECENT = 20  # items a topic page shows of each growing list before linking to the full list


@dataclass(frozen=True)
class Pager:
    """Where a page stands in a paginated list; links stay few however long the list."""

    number: int
    paths: tuple[str, ...]

    @property
    def count(self) -> int:
        return len(self.paths)

    @property
    def window(self) -> list[tuple[int | None, str]]:
        """First, last, and the pages around this one; None marks a gap."""
        shown = sorted({1, self.count, *range(max(1, self.number - 2),
                                              min(self.count, self.number + 2) + 1)})
        window: list[tuple[int | None, str]] = []
        for number in shown:
            previous = window[-1][0] if window else None
            if previous is not None and number - previous > 1:
                window.append((None, ""))
            window.append((number, self.paths[number - 1]))
        return window


def paginate(base: str, items: tuple, per_page: int = PER_PAGE) -> list[tuple[str, tuple, Pager]]:
    """``base`` (x.md), then x-2.md, x-3.md… each with its slice of ``items``."""
    count = max(1, -(-len(items) // per_page))
    stem = base.removesuffix(".md")
    paths = tuple(base if n == 1 else f"{stem}-{n}.md" for n in range(1, count + 1))
    return [(path, items[(n - 1) * per_page:n * per_page], Pager(n, paths))
            for n, path in enumerate(paths, start=1)]


def newest_first(statements: Iterable[Statement]) -> tuple[Statement, ...]:
    """Chronological statements (undated last) as newest first, undated still last."""
    statements = tuple(statements)
    dated = [s for s in statements if s.when is not None]
    return (*reversed(dated), *(s for s in statements if s.when is None))


class Renderer:
    """Templates with the helpers every page uses; needs only the archive's registries."""

    def __init__(self, archive: Registries):
        self.archive = archive
        self._markdown = SafeMarkdown()
        self._common = dict(
            archive=archive, article_path=article_path, topic_path=self.topic_path,
            month_path=month_path, outlet_path=outlet_path, chart_path=self.chart_path,
            actors_path=ACTORS_INDEX, actor_path=self.actor_path, data_page=DATA_PAGE,
            topic_files=partial(topic_files, archive), publication=archive.publication,
            UNKNOWN=UNKNOWN, site_feed=SITE_FEED, topic_feed_path=self.topic_feed_path,
            log_index=LOG_INDEX, log_feed_path=self.log_feed_path, outlet_name=self.outlet_name,
            claim_label=self.claim_label, event_of=archive.event_of, figure_fr=figure_fr,
            month_title=month_title, when_fr=when_fr, stated_when_fr=stated_when_fr, dated_fr=dated_fr,
            according_to=lambda actor_id, claim=None: according_to(archive.actors[actor_id],
                                                                    archive.event_of(claim)))

    def topic_path(self, topic_id: str) -> str:
        """A topic's page, at its French slug (its id when it has none)."""
        return paths.topic_path(self.archive.topics[topic_id].slug or topic_id)

    def chart_path(self, topic_id: str, metric_id: str, suffix: str = "") -> str:
        """A metric's chart, named in French: its topic's slug and its metric's label."""
        topic = self.archive.topics[topic_id]
        return paths.chart_path(topic.slug or topic_id,
                                paths.metric_slug(topic.metrics[metric_id].label), suffix)

    def topic_feed_path(self, topic_id: str) -> str:
        return paths.topic_feed_path(self.archive.topics[topic_id].slug or topic_id)

    def log_feed_path(self, topic_id: str) -> str:
        """A topic's feed of its log of changes, beside its page."""
        return self.topic_path(topic_id).removesuffix(".md") + "-journal.xml"

    def actor_path(self, actor_id: str) -> str:
        """An actor's page, at its French slug (its id when it has none)."""
        return paths.actor_path(self.archive.actors[actor_id].slug or actor_id)

    def outlet_name(self, outlet_id: str) -> str:
        return UNKNOWN_OUTLET_FR if outlet_id == UNKNOWN else self.archive.outlets[outlet_id].name

    def claim_label(self, claim: Claim) -> str:
        """What the claim is about: the metric's or the event's French label, an event's own
        words beside it (« Retrait du front rapporté (« retrait quasi complet ») »)."""
        topic = self.archive.topics[claim.topic]
        if claim.metric:
            return topic.metrics[claim.metric].label
        label = topic.events[claim.event or ""].label  # Claim's validator: a metric or an event
        return f"{label} (« {quote_fr(claim.event_words, False)} »)" if claim.event_words else label

    def render(self, template: str, path: str, **context: object) -> str:
        return environment().get_template(template).render(page_path=path, **self._common,
                                                            **context)

    def plan(self, template: str, path: str, title: str, /, **context: object) -> Planned:
        """The page ``path`` rendered from ``template`` when it is written."""
        return Planned(path, title, partial(self.render, template, path, **context))


class ArticleContents(Protocol):
    """Each article's page content and feed summary, already rendered, by article id; and,
    when ``stored``, the keys under which finished pages are stored and reused by the next
    build: what an article's page depends on (``content_key``) and what lists show of it,
    all but its body (``metadata_key``)."""

    stored: bool

    def content(self, article_id: str) -> str: ...

    def summary(self, article_id: str) -> str: ...

    def content_key(self, article_id: str) -> str: ...

    def metadata_key(self, article_id: str) -> str: ...


class Site(Renderer):
    """The archive, its articles' rendered contents, and what is derived from the whole
    archive: what every page family's module reads (each adds its pages to PageBuilder)."""

    archive: Archive

    def __init__(self, archive: Archive, articles: ArticleContents, copies: Copies,
                 analysis: Analysis | None, download: str | None = None,
                 build_day: date | None = None):
        """``copies``: the articles that run one story; ``analysis``: what is derived from
        the whole archive (derive/analysis.py), None when only article pages are made (a
        build whose other pages are all unchanged); ``download``: where the offline zip is
        published, for the home page's link; ``build_day``: the date feeds give to undated
        articles."""
        super().__init__(archive)
        self.articles = articles
        self.same_story = copies.same_story
        self._analysis = analysis
        self.download = download
        self.build_day = build_day or date(1970, 1, 1)
        self.topic_articles = groupings.by_topic(archive)
        self.month_articles = groupings.by_month(archive)
        self.outlet_articles = groupings.by_outlet(archive)
        self.by_id = {article.id: article for article in archive.articles}
        self._statement_keys: dict[int, str] = {}

    @property
    def analysis(self) -> Analysis:
        if self._analysis is None:
            raise RuntimeError("a page that shows the analysis, planned without it")
        return self._analysis

    @property
    def ledger(self) -> tuple[LedgerEntry, ...]:
        return self.analysis.ledger

    @property
    def briefings(self) -> Mapping[str, TopicBriefing]:
        return self.analysis.briefings

    def listing(self, base: str, title: str, items: tuple, kind: str,
                **context: object) -> list[Planned]:
        """A paginated list of articles or ledger entries."""
        pages = []
        for path, chunk, pager in paginate(base, items):
            heading = title if pager.number == 1 else f"{title} (page {pager.number})"
            repeats = {} if kind != "ledger" else {  # rows that repeat an earlier statement
                s.claim_id: repeat for s in chunk if (repeat := self._repeat_of(s)) is not None}
            planned = self.plan("listing.html", path, heading, title=heading, items=chunk,
                                kind=kind, paging=pager, total=len(items), repeats=repeats,
                                **context)
            if self.articles.stored:  # what the page shows: its place, and its items
                planned = replace(planned, key=repr((
                    path, heading, kind, pager, len(items), sorted(context.items()),
                    [self.articles.metadata_key(item.id) if isinstance(item, ArticleInfo)
                     else self._statement_key(item) for item in chunk])))
            pages.append(planned)
        return pages

    def _repeat_of(self, statement: Statement) -> Repeat | None:
        """What ``statement`` only repeats (derive/synthesis.py), if it does."""
        return self.briefings[statement.claim.topic].repeats.get(statement.claim_id)

    def _statement_key(self, statement: Statement) -> str:
        """What a ledger row shows of a statement: its copies' metadata, its sources, and
        the statement it repeats. Kept per statement: a statement is listed on its topic's
        and its actor's pages."""
        key = self._statement_keys.get(id(statement))
        if key is None:
            repeat = self._repeat_of(statement)
            key = self._statement_keys[id(statement)] = repr(
                [f"{self.articles.metadata_key(e.article.id)}#{e.claim.local_id}"
                 for e in statement.entries] + [len(statement.sources)]
                + ([self._statement_key(repeat.origin)] if repeat else []))
        return key
