"""Every generated page as a (path, Markdown) pair, and every generated file, independent of MkDocs.

Page bodies are HTML blocks rendered by autoescaping templates: contributor text
never becomes Markdown or YAML syntax, and any Markdown builder passes them through.
"""

from __future__ import annotations

import calendar
import hashlib
import html
import json
import posixpath
from collections.abc import Callable
from typing import TYPE_CHECKING
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property, partial

from markupsafe import Markup

from ..derive import groupings
from ..derive.groupings import newest_date
from ..derive.briefing import TopicBriefing, briefings
from ..derive.duplicates import near_duplicates, same_story_elsewhere
from ..derive.ledger import LedgerEntry, Statement, dispatches, ledger
from .export import README_PATH, SCHEMA_PATH, article_schema, claim_rows, data_makers, topic_files
from ..model import UNKNOWN, Archive, Article, Claim
from ..read.quotes import find_quote
from .sanitize import Highlight, SafeMarkdown
from .environment import environment
from .format import according_to, dated_fr, figure_fr, month_fr, when_fr
from .feeds import FEED_LIMIT, atom_feed
from . import paths
from .paths import (ACTORS_INDEX, ARCHIVE_INDEX, DATA_PAGE, HOME, OUTLETS_INDEX, SITE_FEED, TOPICS_INDEX,
                    article_path, chart_path, html_path, month_path, outlet_path, topic_feed_path,
                    topic_list_path)

if TYPE_CHECKING:
    from . import charts

HOME_LATEST = 10


def _charts():  # type: ignore[no-untyped-def]
    """The chart module, imported when a chart is planned or shown: matplotlib takes about a
    second to import, which a rebuild that reuses its plan (site_plan.py) does not need."""
    from . import charts
    return charts


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


@dataclass(frozen=True)
class Planned:
    """A page (with its title) or a file, known by path now and made when it is written:
    a 10,000-article build need not hold every list page and data file at once, and can
    make them on several cores."""

    path: str
    title: str
    make: Callable[[], str | bytes]
    key: str = ""  # names everything ``make`` depends on, when known: the page may be stored

    def page(self) -> Page:
        return Page(self.path, self.title, self.make())

    def asset(self) -> Asset:
        return Asset(self.path, self.make())


class DuplicatePagePath(ValueError):
    """Two pages would be written to the same path (one would silently replace the other)."""


def check_no_overlap(paths: list[str], existing: set[str]) -> None:
    """Refuse a generated file whose path is taken, as Pelican's writer does; a page
    (x.md) and a file (x.html, such as a redirect) are both published as x.html."""
    seen = {html_path(path) for path in existing}
    for path in paths:
        if html_path(path) in seen:
            raise DuplicatePagePath(f"two pages would both be written to '{path}' "
                                    "(a hand-written page or another generated page)")
        seen.add(html_path(path))


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
            if window and number - window[-1][0] > 1:
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


SAME_STORY = "<!--ba:same-story-->"


class Renderer:
    """Templates with the helpers every page uses; needs only the archive's registries."""

    def __init__(self, archive: Archive):
        self.archive = archive
        self._markdown = SafeMarkdown()
        self._common = dict(
            archive=archive, article_path=article_path, topic_path=self.topic_path,
            month_path=month_path, outlet_path=outlet_path, chart_path=chart_path,
            actors_path=ACTORS_INDEX, actor_path=self.actor_path,
            topic_files=partial(topic_files, archive), data_page=DATA_PAGE,
            publication=archive.publication,
            UNKNOWN=UNKNOWN, site_feed=SITE_FEED, topic_feed_path=topic_feed_path,
            outlet_name=self.outlet_name, claim_label=self.claim_label, figure_fr=figure_fr,
            month_title=month_title, when_fr=when_fr, dated_fr=dated_fr,
            according_to=lambda actor_id: according_to(archive.actors[actor_id]))

    def topic_path(self, topic_id: str) -> str:
        """A topic's page, at its French slug (its id when it has none)."""
        return paths.topic_path(self.archive.topics[topic_id].slug or topic_id)

    def actor_path(self, actor_id: str) -> str:
        """An actor's page, at its French slug (its id when it has none)."""
        return paths.actor_path(self.archive.actors[actor_id].slug or actor_id)

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

    def plan(self, template: str, path: str, title: str, /, **context: object) -> Planned:
        """The page ``path`` rendered from ``template`` when it is written."""
        return Planned(path, title, partial(self.render, template, path, **context))


class ArticleRenderer(Renderer):
    """An article page's content from the article alone (plus registries): cacheable, and
    safe to run in worker processes. The same-story links, which depend on the whole
    archive, are left as a placeholder that PageBuilder fills."""

    def content(self, article: Article) -> str:
        highlights = []
        for claim in article.claims:
            span = find_quote(article.body, claim.quote)
            if span is not None:
                highlights.append(Highlight(*span, anchor=f"claim-{claim.local_id}"))
        body = Markup(self._markdown.render(article.body, highlights))
        entries = [LedgerEntry(claim, article) for claim in article.claims]
        return self.render("article.html", article_path(article.id), article=article, body=body,
                           entries=entries, same_story_marker=Markup(SAME_STORY))

    def summary(self, article: Article) -> str:
        """The article's first paragraph as safe HTML, for feeds."""
        return self._markdown.render(first_paragraph(article.body))


class PageBuilder(Renderer):
    """Holds the archive and what is derived from it; each method renders one kind of page.

    ``contents`` and ``summaries`` give article page contents and feed summaries already
    rendered (by worker processes, or from the cache) by article id; without them they are
    rendered from the article's body. ``content_keys`` names what each article's page
    depends on (its cache key) and ``metadata_keys`` what lists show of it (all but its
    body), so that finished pages and files can be stored and reused by the next build.
    """

    def __init__(self, archive: Archive, download: str | None = None,
                 build_day: date | None = None, contents: Callable[[str], str] | None = None,
                 summaries: Callable[[str], str] | None = None,
                 content_keys: Callable[[str], str] | None = None,
                 metadata_keys: Callable[[str], str] | None = None,
                 same_story: dict[str, list[str]] | None = None):
        """``download``: where the offline zip is published, for the home page's link;
        ``build_day``: the date feeds give to undated articles."""
        super().__init__(archive)
        self.download = download
        self.build_day = build_day or date(1970, 1, 1)
        self.contents = contents
        self.summaries = summaries
        self.content_keys = content_keys
        self.metadata_keys = metadata_keys
        self.topic_articles = groupings.by_topic(archive)
        self.month_articles = groupings.by_month(archive)
        self.outlet_articles = groupings.by_outlet(archive)
        self.same_story = (same_story if same_story is not None
                           else same_story_elsewhere(near_duplicates(archive)))
        self.by_id = {article.id: article for article in archive.articles}
        self._statement_keys: dict[int, str] = {}
        self._articles = ArticleRenderer(archive)

    # The analysis is derived when first asked for: a build that reuses its previous plan
    # (site_plan.py) writes article pages, which do not need it.
    @cached_property
    def ledger(self) -> tuple[LedgerEntry, ...]:
        return ledger(self.archive)

    @cached_property
    def briefings(self) -> dict[str, TopicBriefing]:
        return briefings(self.archive, self.ledger, dispatches(
            (article_id, other) for article_id, others in self.same_story.items()
            for other in others))

    @cached_property
    def statements_by_actor(self) -> dict[str, list[Statement]]:
        by_actor: dict[str, list[Statement]] = {a: [] for a in self.archive.actors}
        every = sorted((s for b in self.briefings.values() for s in b.statements),
                       key=lambda s: s.sort_key)
        for statement in newest_first(every):
            by_actor[statement.actor].append(statement)
        return by_actor

    @cached_property
    def _planned_by_path(self) -> dict[str, Planned]:
        return {planned.path: planned for planned in [*self.page_plans(), *self.asset_plans()]}

    def make(self, path: str) -> str | bytes:
        """The page or file planned at ``path``, planning the whole site first if need be."""
        return self._planned_by_path[path].make()

    def article(self, article: Article) -> Planned:
        others = self.same_story.get(article.id, [])
        key = ("|".join(map(self.content_keys, [article.id, *others]))
               if self.content_keys else "")
        return Planned(article_path(article.id), article.title,
                       partial(self._article_content, article), key)

    def _article_content(self, article: Article) -> str:
        content = (self.contents(article.id) if self.contents
                   else self._articles.content(article))
        others = [self.by_id[other] for other in self.same_story.get(article.id, [])]
        links = (self.render("same_story.html", article_path(article.id), same_story=others)
                 if others else "")
        return content.replace(SAME_STORY, links, 1)

    def listing(self, base: str, title: str, items: tuple, kind: str,
                **context: object) -> list[Planned]:
        """A paginated list of articles or ledger entries."""
        pages = []
        for path, chunk, pager in paginate(base, items):
            heading = title if pager.number == 1 else f"{title} (page {pager.number})"
            planned = self.plan("listing.html", path, heading, title=heading, items=chunk,
                                kind=kind, paging=pager, total=len(items), **context)
            if self.metadata_keys:  # what the page shows: its place, and its items
                planned = replace(planned, key=repr((
                    path, heading, kind, pager, len(items), sorted(context.items()),
                    [self.metadata_keys(item.id) if isinstance(item, Article)
                     else self._statement_key(item) for item in chunk])))
            pages.append(planned)
        return pages

    def _statement_key(self, statement: Statement) -> str:
        """What a ledger row shows of a statement: its copies' metadata and its sources.
        Kept per statement: a statement is listed on its topic's and its actor's pages."""
        key = self._statement_keys.get(id(statement))
        if key is None:
            key = self._statement_keys[id(statement)] = repr(
                [f"{self.metadata_keys(e.article.id)}#{e.claim.local_id}" for e in statement.entries]
                + [len(statement.sources)])
        return key

    def topic(self, topic_id: str) -> list[Planned]:
        path = self.topic_path(topic_id)
        topic = self.archive.topics[topic_id]
        slug = topic.slug or topic_id
        newest_statements = newest_first(self.briefings[topic_id].statements)
        return [Planned(path, topic.title, partial(self._topic_page, topic_id)),
                *self.listing(topic_list_path(slug, "articles"), f"{topic.title} : articles",
                              self.topic_articles[topic_id], "articles", back=path),
                *self.listing(topic_list_path(slug, "registre"),
                              f"{topic.title} : registre des affirmations", newest_statements,
                              "ledger", back=path)]

    def _topic_page(self, topic_id: str) -> str:
        path = self.topic_path(topic_id)
        briefing = self.briefings[topic_id]
        slug = briefing.topic.slug or topic_id
        return self.render("topic.html", path, topic=briefing.topic, briefing=briefing,
                           articles=self.topic_articles[topic_id], recent=RECENT,
                           narrow_chart=_charts().NARROW.suffix,
                           newest_statements=newest_first(briefing.statements)[:RECENT],
                           articles_path=topic_list_path(slug, "articles"),
                           ledger_path=topic_list_path(slug, "registre"),
                           updated=newest_date(self.topic_articles[topic_id]))

    def topics_index(self) -> Planned:
        return self.plan("topics_index.html", TOPICS_INDEX, "Sujets",
                         topic_articles=self.topic_articles)

    def month(self, month: str) -> list[Planned]:
        return self.listing(month_path(month), month_title(month), self.month_articles[month],
                            "articles", back=ARCHIVE_INDEX)

    def archive_index(self) -> Planned:
        return self.plan("archive_index.html", ARCHIVE_INDEX, "Archives", months=self.month_articles)

    def outlet(self, outlet_id: str) -> list[Planned]:
        outlet = self.archive.outlets.get(outlet_id)
        intro = ("Articles dont le média d'origine n'est pas indiqué dans le texte." if outlet is None
                 else "Agence de presse." if outlet.kind == "wire" else "Média.")
        return self.listing(outlet_path(outlet_id), self.outlet_name(outlet_id),
                            self.outlet_articles[outlet_id], "articles", back=OUTLETS_INDEX,
                            intro=intro, homepage=outlet.homepage if outlet else None)

    def outlets_index(self) -> Planned:
        return self.plan("outlets_index.html", OUTLETS_INDEX, "Sources",
                         outlet_articles=self.outlet_articles)

    def actors_index(self) -> Planned:
        return self.plan("actors.html", ACTORS_INDEX, "Acteurs", by_actor=self.statements_by_actor,
                         recent=RECENT)

    def actor(self, actor_id: str) -> list[Planned]:
        """An actor's statements; no page for an actor without any (the index lists it unlinked)."""
        if not self.statements_by_actor[actor_id]:
            return []
        actor = self.archive.actors[actor_id]
        return self.listing(self.actor_path(actor_id), actor.name,
                            tuple(self.statements_by_actor[actor_id]), "ledger", back=ACTORS_INDEX,
                            intro=" ".join(filter(None, (actor.description, actor.country and
                                                         f"({actor.country})"))))

    def home_sections(self) -> str:
        """Appended to the hand-written home page: topic cards and the latest articles."""
        return self.render("home.html", HOME, latest=self.archive.articles[:HOME_LATEST],
                           topic_articles=self.topic_articles, download=self.download,
                           briefings=self.briefings, updated=newest_date(self.archive.articles),
                           topic_updated={topic_id: newest_date(articles) for topic_id, articles
                                          in self.topic_articles.items()})

    def data_page_sections(self) -> str:
        """Appended to the hand-written Données page: the licence and how to cite."""
        return self.render("data_page.md", DATA_PAGE, updated=newest_date(self.archive.articles),
                           readme=README_PATH)

    def appended_sections(self) -> dict[str, str]:
        """What generated text each hand-written page gets at its end, by source path."""
        return {HOME: self.home_sections(), DATA_PAGE: self.data_page_sections()}

    def redirects(self) -> list[Planned]:
        """Pages moved to a French slug: a small page at each old address (the id's) that
        sends the reader on, by meta refresh and by a link (from file:// too)."""
        moved = []
        for registry, path_of, plans in ((self.archive.topics, paths.topic_path, self.topic),
                                         (self.archive.actors, paths.actor_path, self.actor)):
            for item_id, item in registry.items():
                if item.slug and item.slug != item_id:
                    new, old = (path_of(name).removesuffix(".md") for name in (item.slug, item_id))
                    moved += [(planned.path, planned.path.replace(new, old, 1))
                              for planned in plans(item_id)]
        return [Planned(html_path(old), "", partial(redirect_page, old, new), f"redirect {old} {new}")
                for new, old in moved]

    def charts(self, briefing: TopicBriefing) -> list[Planned]:
        planned = []
        for metric in briefing.metrics:
            if metric.charted:
                definition = briefing.topic.metrics[metric.metric_id]
                drawn = (_series(metric.statements, self.archive), definition.unit,
                         f"{definition.label} : {briefing.topic.title}")
                planned += [Planned(chart_path(briefing.topic.id, metric.metric_id, layout.suffix),
                                    "", partial(_charts().metric_chart, *drawn, layout),
                                    repr((drawn, layout)))
                            for layout in _charts().LAYOUTS]
        return planned

    def feeds(self) -> list[Planned]:
        feeds = [Planned(SITE_FEED, "", partial(self._feed, SITE_FEED, "Nouveaux articles",
                                                self.archive.articles))]
        for topic_id, topic in self.archive.topics.items():
            path = topic_feed_path(topic_id)
            feeds.append(Planned(path, "", partial(self._feed, path,
                                                   f"{topic.title} : nouveaux articles",
                                                   self.topic_articles[topic_id])))
        return feeds

    def _feed(self, path: str, title: str, articles: tuple[Article, ...]) -> bytes:
        summaries = {article.id: self.summaries(article.id) if self.summaries
                     else self._articles.summary(article) for article in articles[:FEED_LIMIT]}
        return atom_feed(path, title, articles, summaries, self.build_day)

    @cached_property
    def claim_rows(self) -> list[dict]:
        return claim_rows(self.archive, self.ledger)

    def all_pages(self) -> list[Page]:
        return [planned.page() for planned in
                [*map(self.article, self.archive.articles), *self.page_plans()]]

    def page_plans(self) -> list[Planned]:
        """Every page but the articles' (those are made one at a time, see article)."""
        pages = [page for topic_id in self.archive.topics for page in self.topic(topic_id)]
        pages.append(self.topics_index())
        pages += [page for month in self.month_articles for page in self.month(month)]
        pages.append(self.archive_index())
        pages += [page for outlet_id in self.outlet_articles for page in self.outlet(outlet_id)]
        pages.append(self.outlets_index())
        pages.append(self.actors_index())
        pages += [page for actor_id in self.archive.actors for page in self.actor(actor_id)]
        return pages

    def asset_plans(self) -> list[Planned]:
        """Every generated file: charts, data exports, the article schema, feeds."""
        assets = [asset for briefing in self.briefings.values() for asset in self.charts(briefing)]
        everything = (hashlib.sha256(("".join(map(self.metadata_keys, self.by_id))
                                      + repr(sorted(self.same_story.items()))).encode())
                      .hexdigest() if self.metadata_keys else "")
        assets += [Planned(path, "", lambda make=make: make(self.archive, self.claim_rows,
                                                            self.briefings),
                           everything and f"{path}\0{everything}")
                   for path, make in data_makers(self.archive).items()]
        assets.append(Planned(SCHEMA_PATH, "", article_schema))
        assets += self.redirects()
        return assets + self.feeds()

    def all_assets(self) -> list[Asset]:
        return [planned.asset() for planned in self.asset_plans()]


def redirect_page(old: str, new: str) -> bytes:
    """A page at ``old`` (a source path) that sends the reader to ``new``."""
    relative = posixpath.relpath(html_path(new), posixpath.dirname(old) or ".")
    target = html.escape(relative)
    return (f'<!doctype html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">\n'
            f'<title>Page déplacée</title>\n<meta name="robots" content="noindex">\n'
            f'<link rel="canonical" href="{target}">\n'
            f'<meta http-equiv="refresh" content="0; url={target}">\n'
            f'<script>location.replace({json.dumps(relative)} + '
            f'location.hash)</script>\n</head>\n<body>\n'
            f'<p>Cette page a changé d\'adresse : <a href="{target}">{target}</a>.</p>\n'
            f'</body>\n</html>\n').encode("utf-8")


def newest_first(statements) -> tuple[Statement, ...]:
    """Chronological statements (undated last) as newest first, undated still last."""
    dated = [s for s in statements if s.when is not None]
    return (*reversed(dated), *(s for s in statements if s.when is None))


def first_paragraph(markdown_text: str) -> str:
    """The first block of text that is not a heading or a list item."""
    blocks = [b.strip() for b in markdown_text.split("\n\n") if b.strip()]
    return next((b for b in blocks if not b.startswith(("#", "-", "*"))), blocks[0] if blocks else "")


CHART_POINTS = 120  # beyond this many points, a series is drawn as monthly means


def _series(statements: tuple[Statement, ...], archive: Archive) -> list[charts.Series]:
    """Each actor's dated figures, at their period (undated statements are not drawn)."""
    by_actor: dict[str, list[charts.Point]] = {}
    for statement in statements:
        when = statement.when
        if when is None:
            continue
        claim = statement.claim
        low, high = (claim.low, claim.high) if claim.qualifier == "range" else (claim.value,) * 2
        by_actor.setdefault(statement.actor, []).append(
            _charts().Point(when.start, low, high, claim.qualifier, when.end))
    return [_charts().Series(archive.actors[actor].name, _monthly(points)
                          if len(points) > CHART_POINTS else tuple(points))
            for actor, points in by_actor.items()]


def _monthly(points: list[charts.Point]) -> tuple[charts.Point, ...]:
    """One point per month over the whole month, at the mean of its figures (drawn as
    approximate)."""
    months: dict[tuple[int, int], list[float]] = {}
    for point in points:
        months.setdefault((point.when.year, point.when.month), []).append(point.middle)
    return tuple(_charts().Point(date(year, month, 1), round(sum(v) / len(v)), round(sum(v) / len(v)),
                              "about", date(year, month, calendar.monthrange(year, month)[1]))
                 for (year, month), v in sorted(months.items()))
