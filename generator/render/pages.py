"""Every generated page as a (path, Markdown) pair, independent of MkDocs.

Page bodies are HTML blocks rendered by autoescaping templates: contributor text
never becomes Markdown or YAML syntax, and any Markdown builder passes them through.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass

from markupsafe import Markup

from ..derive import groupings
from ..model import UNKNOWN, Archive, Article
from ..sanitize import SafeMarkdown
from .environment import environment
from .format import month_fr

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


def article_path(article_id: str) -> str:
    return f"articles/{article_id}.md"


def topic_path(topic_id: str) -> str:
    return f"sujets/{topic_id}.md"


def month_path(month: str) -> str:
    return f"archives/{'date-inconnue' if month == UNKNOWN else month}.md"


def outlet_path(outlet_id: str) -> str:
    return f"sources/{outlet_id}.md"


TOPICS_INDEX = "sujets/index.md"
ARCHIVE_INDEX = "archives/index.md"
OUTLETS_INDEX = "sources/index.md"
HOME = "index.md"


def _render(template: str, path: str, **context: object) -> str:
    return environment().get_template(template).render(page_path=path, **context)


class PageBuilder:
    """Holds the archive and its groupings; each method renders one kind of page."""

    def __init__(self, archive: Archive):
        self.archive = archive
        self.topic_articles = groupings.by_topic(archive)
        self.month_articles = groupings.by_month(archive)
        self.outlet_articles = groupings.by_outlet(archive)
        self._markdown = SafeMarkdown()
        self._common = dict(archive=archive, article_path=article_path, topic_path=topic_path,
                            month_path=month_path, outlet_path=outlet_path, UNKNOWN=UNKNOWN,
                            outlet_name=self.outlet_name)

    def outlet_name(self, outlet_id: str) -> str:
        if outlet_id == UNKNOWN:
            return "Source inconnue"
        return self.archive.outlets[outlet_id].name

    def render(self, template: str, path: str, **context: object) -> str:
        return _render(template, path, **self._common, **context)

    def article(self, article: Article) -> Page:
        path = article_path(article.id)
        body = Markup(self._markdown.render(article.body))
        return Page(path, article.title, self.render("article.html", path, article=article,
                                                     body=body))

    def topic(self, topic_id: str) -> Page:
        topic = self.archive.topics[topic_id]
        path = topic_path(topic_id)
        return Page(path, topic.title, self.render("topic.html", path, topic=topic,
                                                   articles=self.topic_articles[topic_id]))

    def topics_index(self) -> Page:
        return Page(TOPICS_INDEX, "Sujets", self.render("topics_index.html", TOPICS_INDEX,
                                                        topic_articles=self.topic_articles))

    def month(self, month: str) -> Page:
        path = month_path(month)
        title = "Date inconnue" if month == UNKNOWN else month_title(month)
        return Page(path, title, self.render("month.html", path, title=title,
                                             articles=self.month_articles[month]))

    def archive_index(self) -> Page:
        return Page(ARCHIVE_INDEX, "Archives", self.render("archive_index.html", ARCHIVE_INDEX,
                                                           months=self.month_articles))

    def outlet(self, outlet_id: str) -> Page:
        path = outlet_path(outlet_id)
        outlet = self.archive.outlets.get(outlet_id)
        return Page(path, self.outlet_name(outlet_id),
                    self.render("outlet.html", path, outlet=outlet, title=self.outlet_name(outlet_id),
                                articles=self.outlet_articles[outlet_id]))

    def outlets_index(self) -> Page:
        return Page(OUTLETS_INDEX, "Sources", self.render("outlets_index.html", OUTLETS_INDEX,
                                                          outlet_articles=self.outlet_articles))

    def home_sections(self) -> str:
        """Appended to the hand-written home page: latest articles and one card per topic."""
        return self.render("home.html", HOME, latest=self.archive.articles[:HOME_LATEST],
                           topic_articles=self.topic_articles)

    def all_pages(self) -> list[Page]:
        pages = [self.article(article) for article in self.archive.articles]
        pages += [self.topic(topic_id) for topic_id in self.archive.topics]
        pages.append(self.topics_index())
        pages += [self.month(month) for month in self.month_articles]
        pages.append(self.archive_index())
        pages += [self.outlet(outlet_id) for outlet_id in self.outlet_articles]
        pages.append(self.outlets_index())
        return pages


def month_title(month: str) -> str:
    return month_fr(month).capitalize()


class DuplicatePagePath(ValueError):
    """Two pages would be written to the same path (one would silently replace the other)."""


def check_no_overlap(pages: list[Page], existing: set[str]) -> None:
    """Refuse a generated page whose path is taken, as Pelican's writer does."""
    seen = set(existing)
    for page in pages:
        if page.path in seen:
            raise DuplicatePagePath(f"two pages would both be written to '{page.path}' "
                                    "(a hand-written page or another generated page)")
        seen.add(page.path)

