"""Every generated page as a (path, Markdown) pair, and every generated file, independent of MkDocs.

Page bodies are HTML blocks rendered by autoescaping templates: contributor text
never becomes Markdown or YAML syntax, and any Markdown builder passes them through.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from ..derive import groupings
from ..derive.briefing import TopicBriefing, briefings
from ..derive.duplicates import near_duplicates, same_story_elsewhere
from ..derive.ledger import LedgerEntry, Statement, ledger
from ..export import DATA_FILES, SCHEMA_PATH, article_schema, data_files
from ..model import UNKNOWN, Archive, Article, Claim
from ..quotes import find_quote
from ..sanitize import Highlight, SafeMarkdown
from . import charts
from .environment import environment
from .format import figure_fr, month_fr
from .feeds import atom_feed
from .paths import (ACTORS_INDEX, ARCHIVE_INDEX, HOME, OUTLETS_INDEX, SITE_FEED, TOPICS_INDEX,
                    article_path, chart_path, month_path, outlet_path, topic_feed_path, topic_path)

HOME_LATEST = 10


@dataclass(frozen=True)
class Page:
    """A generated page: where it goes, its title (plain text) and its HTML/Markdown body."""

    path: str
    title: str
    content: str

    @property
    def markdown(self) -> str:
        # JSON strings are valid YAML; the title is HTML-escaped because themes print it raw.
        return f"---\ntitle: {json.dumps(html.escape(self.title), ensure_ascii=False)}\n---\n\n" \
               f"{self.content}"


@dataclass(frozen=True)
class Asset:
    """A generated file published as is (chart, data export)."""

    path: str
    content: bytes


class DuplicatePagePath(ValueError):
    """Two pages would be written to the same path (one would silently replace the other)."""


def check_no_overlap(paths: list[str], existing: set[str]) -> None:
    """Refuse a generated file whose path is taken, as Pelican's writer does."""
    seen = set(existing)
    for path in paths:
        if path in seen:
            raise DuplicatePagePath(f"two pages would both be written to '{path}' "
                                    "(a hand-written page or another generated page)")
        seen.add(path)


def month_title(month: str) -> str:
    return "Date inconnue" if month == UNKNOWN else month_fr(month).capitalize()


class PageBuilder:
    """Holds the archive and what is derived from it; each method renders one kind of page."""

    def __init__(self, archive: Archive, download: str | None = None,
                 build_day: date | None = None):
        """``download``: where the offline zip is published, for the home page's link;
        ``build_day``: the date feeds give to undated articles."""
        self.archive = archive
        self.download = download
        self.build_day = build_day or date(1970, 1, 1)
        self.topic_articles = groupings.by_topic(archive)
        self.month_articles = groupings.by_month(archive)
        self.outlet_articles = groupings.by_outlet(archive)
        self.ledger = ledger(archive)
        self.briefings = briefings(archive)
        self.same_story = same_story_elsewhere(near_duplicates(archive))
        self.by_id = {article.id: article for article in archive.articles}
        self._markdown = SafeMarkdown()
        self._common = dict(
            archive=archive, article_path=article_path, topic_path=topic_path,
            month_path=month_path, outlet_path=outlet_path, chart_path=chart_path,
            actors_path=ACTORS_INDEX, data_files=list(DATA_FILES), UNKNOWN=UNKNOWN,
            site_feed=SITE_FEED, topic_feed_path=topic_feed_path,
            outlet_name=self.outlet_name, claim_label=self.claim_label, figure_fr=figure_fr,
            month_title=month_title)

    def outlet_name(self, outlet_id: str) -> str:
        if outlet_id == UNKNOWN:
            return "Source inconnue"
        return self.archive.outlets[outlet_id].name

    def claim_label(self, claim: Claim) -> str:
        """What the claim is about: the metric's or the event's French label."""
        topic = self.archive.topics[claim.topic]
        return topic.metrics[claim.metric].label if claim.metric else topic.events[claim.event].label

    def render(self, template: str, path: str, **context: object) -> str:
        return environment().get_template(template).render(page_path=path, **self._common,
                                                            **context)

    def article(self, article: Article) -> Page:
        path = article_path(article.id)
        highlights = []
        for claim in article.claims:
            span = find_quote(article.body, claim.quote)
            if span is not None:
                highlights.append(Highlight(*span, anchor=f"claim-{claim.local_id}"))
        body = Markup(self._markdown.render(article.body, highlights))
        entries = [e for e in self.ledger if e.article.id == article.id]
        same_story = [self.by_id[other] for other in self.same_story.get(article.id, [])]
        return Page(path, article.title, self.render("article.html", path, article=article,
                                                     body=body, entries=entries,
                                                     same_story=same_story))

    def topic(self, topic_id: str) -> Page:
        path = topic_path(topic_id)
        briefing = self.briefings[topic_id]
        return Page(path, briefing.topic.title,
                    self.render("topic.html", path, topic=briefing.topic, briefing=briefing,
                                articles=self.topic_articles[topic_id]))

    def topics_index(self) -> Page:
        return Page(TOPICS_INDEX, "Sujets", self.render("topics_index.html", TOPICS_INDEX,
                                                        topic_articles=self.topic_articles))

    def month(self, month: str) -> Page:
        path = month_path(month)
        return Page(path, month_title(month),
                    self.render("month.html", path, title=month_title(month),
                                articles=self.month_articles[month]))

    def archive_index(self) -> Page:
        return Page(ARCHIVE_INDEX, "Archives", self.render("archive_index.html", ARCHIVE_INDEX,
                                                           months=self.month_articles))

    def outlet(self, outlet_id: str) -> Page:
        path = outlet_path(outlet_id)
        title = self.outlet_name(outlet_id)
        return Page(path, title, self.render("outlet.html", path, title=title,
                                             outlet=self.archive.outlets.get(outlet_id),
                                             articles=self.outlet_articles[outlet_id]))

    def outlets_index(self) -> Page:
        return Page(OUTLETS_INDEX, "Sources", self.render("outlets_index.html", OUTLETS_INDEX,
                                                          outlet_articles=self.outlet_articles))

    def actors_index(self) -> Page:
        by_actor: dict[str, list[LedgerEntry]] = {actor_id: [] for actor_id in self.archive.actors}
        for entry in self.ledger:
            by_actor[entry.claim.attributed_to].append(entry)
        return Page(ACTORS_INDEX, "Acteurs", self.render("actors.html", ACTORS_INDEX,
                                                         by_actor=by_actor))

    def home_sections(self) -> str:
        """Appended to the hand-written home page: topic cards and the latest articles."""
        return self.render("home.html", HOME, latest=self.archive.articles[:HOME_LATEST],
                           topic_articles=self.topic_articles, download=self.download)

    def charts(self, briefing: TopicBriefing) -> list[Asset]:
        assets = []
        for metric in briefing.metrics:
            if not metric.statements:
                continue
            definition = briefing.topic.metrics[metric.metric_id]
            series = _series(metric.statements, self.archive)
            svg = charts.metric_chart(series, definition.unit,
                                      f"{definition.label} : {briefing.topic.title}")
            assets.append(Asset(chart_path(briefing.topic.id, metric.metric_id), svg))
        return assets

    def feeds(self) -> list[Asset]:
        summaries = {article.id: self._markdown.render(first_paragraph(article.body))
                     for article in self.archive.articles}
        feeds = [Asset(SITE_FEED, atom_feed(SITE_FEED, "Nouveaux articles", self.archive.articles,
                                            summaries, self.build_day))]
        for topic_id, topic in self.archive.topics.items():
            path = topic_feed_path(topic_id)
            feeds.append(Asset(path, atom_feed(path, f"{topic.title} : nouveaux articles",
                                               self.topic_articles[topic_id], summaries,
                                               self.build_day)))
        return feeds

    def all_pages(self) -> list[Page]:
        pages = [self.article(article) for article in self.archive.articles]
        pages += [self.topic(topic_id) for topic_id in self.archive.topics]
        pages.append(self.topics_index())
        pages += [self.month(month) for month in self.month_articles]
        pages.append(self.archive_index())
        pages += [self.outlet(outlet_id) for outlet_id in self.outlet_articles]
        pages.append(self.outlets_index())
        pages.append(self.actors_index())
        return pages

    def all_assets(self) -> list[Asset]:
        assets = [asset for briefing in self.briefings.values() for asset in self.charts(briefing)]
        assets += [Asset(path, content) for path, content in data_files(self.archive).items()]
        assets.append(Asset(SCHEMA_PATH, article_schema()))
        assets += self.feeds()
        return assets


def first_paragraph(markdown_text: str) -> str:
    """The first block of text that is not a heading or a list item."""
    blocks = [b.strip() for b in markdown_text.split("\n\n") if b.strip()]
    return next((b for b in blocks if not b.startswith(("#", "-", "*"))), blocks[0] if blocks else "")


def _series(statements: tuple[Statement, ...], archive: Archive) -> list[charts.Series]:
    by_actor: dict[str, list[charts.Point]] = {}
    for statement in statements:
        claim = statement.claim
        low, high = (claim.low, claim.high) if claim.qualifier == "range" else (claim.value,) * 2
        by_actor.setdefault(statement.actor, []).append(
            charts.Point(claim.as_of.first_day(), low, high, claim.qualifier))
    return [charts.Series(archive.actors[actor].name, tuple(points))
            for actor, points in by_actor.items()]
