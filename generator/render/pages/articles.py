"""Article pages and feeds: an article's page content comes from the article alone (plus
the registries), so that worker processes can render it and the cache keep it; the links
to the same story elsewhere, which depend on the whole archive, are filled in last."""

from __future__ import annotations

import re
from functools import partial

from markupsafe import Markup

from ...derive.ledger import LedgerEntry
from ...model import Archive, Article, ArticleInfo
from ...read.quotes import find_quote
from ..feeds import FEED_LIMIT, atom_feed
from ..paths import OLD_SITE_FEED, SITE_FEED, article_path, topic_feed_path
from ..sanitize import Highlight
from .base import Planned, Renderer, Site

SAME_STORY = "<!--ba:same-story-->"
# What an article page shows of the article beside its title and text (article.html): its
# details (date and its note, outlet, agencies, topics, address) and its claims table but the
# header row and the quotes (the text's own words). Search reads them too; not the page's
# fixed text (« Comment citer », the licence note), which every article shows and the Données
# and Méthode pages hold.
_SHOWN = re.compile(r'<dl class="ba-meta">.*?</dl>|<table class="ba-ledger">.*?</table>', re.S)
_NOT_SHOWN = re.compile(r'<thead>.*?</thead>|<td data-label="Citation">.*?</td>', re.S)


class ArticleRenderer(Renderer):
    """An article page's content from the article alone (plus registries): cacheable, and
    safe to run in worker processes. The same-story links, which depend on the whole
    archive, are left as a placeholder that ArticlePages fills."""

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

    @staticmethod
    def shown_details(content: str) -> str:
        """The parts of a page ``content`` shows of its article beside its title and text
        (_SHOWN, but _NOT_SHOWN), as HTML."""
        return " ".join(_NOT_SHOWN.sub(" ", part) for part in _SHOWN.findall(content))

    def summary(self, body: str) -> str:
        """An article's first paragraph as safe HTML, for feeds: its first SUMMARY_CHARS
        characters, cut after a word (a feed shows a summary; and Markdown's cost on a
        hostile megabyte is paid once, for the page, not again per feed)."""
        paragraph = first_paragraph(body)
        if len(paragraph) > SUMMARY_CHARS:
            paragraph = paragraph[:SUMMARY_CHARS].rsplit(None, 1)[0] + " …"
        return self._markdown.render(paragraph)


SUMMARY_CHARS = 1500


def first_paragraph(markdown_text: str) -> str:
    """The first block of text that is not a heading or a list item."""
    blocks = [b.strip() for b in markdown_text.split("\n\n") if b.strip()]
    return next((b for b in blocks if not b.startswith(("#", "-", "*"))), blocks[0] if blocks else "")


class FromBodies:
    """Article contents rendered here from the articles' bodies, when asked; not stored
    (``briefing pages``, tests). The MkDocs build's come from the pipeline instead."""

    stored = False

    def __init__(self, archive: Archive[Article]):
        self._renderer = ArticleRenderer(archive)
        self._by_id = {article.id: article for article in archive.articles}

    def content(self, article_id: str) -> str:
        return self._renderer.content(self._by_id[article_id])

    def summary(self, article_id: str) -> str:
        return self._renderer.summary(self._by_id[article_id].body)

    def content_key(self, article_id: str) -> str:
        return ""

    def metadata_key(self, article_id: str) -> str:
        return ""


class ArticlePages(Site):
    """Article pages, and the feeds of new articles (the site's and each topic's)."""

    def article(self, article: ArticleInfo) -> Planned:
        others = self.same_story.get(article.id, [])
        key = ("|".join(map(self.articles.content_key, [article.id, *others]))
               if self.articles.stored else "")
        return Planned(article_path(article.id), article.title,
                       partial(self._article_content, article), key)

    def _article_content(self, article: ArticleInfo) -> str:
        content = self.articles.content(article.id)
        others = [self.by_id[other] for other in self.same_story.get(article.id, [])]
        links = (self.render("same_story.html", article_path(article.id), same_story=others)
                 if others else "")
        return content.replace(SAME_STORY, links, 1)

    def feeds(self) -> list[Planned]:
        """Each feed, and under the address it had before its file had a French name,
        the same feed (it names its new address as its own): subscriptions keep working."""
        feeds = []
        for path, old, title, articles in self._named_feeds():
            # Its id stays the one it had at its old address: readers see the same feed.
            make = partial(self._feed, path, title, articles, old)
            key = self._feed_key(path, articles)
            feeds.append(Planned(path, "", make, key))
            if old != path:
                feeds.append(Planned(old, "", make, key))
        return feeds

    def _feed_key(self, path: str, articles: tuple[ArticleInfo, ...]) -> str:
        """What a feed shows beside the archive's metadata (which the build adds to the key):
        its address and its summaries' articles by content (their bytes and the code); none
        when the articles are not stored (nothing to name them by)."""
        if not self.articles.stored:
            return ""
        return "\0".join(("feed", path, *(self.articles.content_key(article.id)
                                           for article in articles[:FEED_LIMIT])))

    def _named_feeds(self) -> list[tuple[str, str, str, tuple[ArticleInfo, ...]]]:
        """Each feed's address, its address before it had a French name, title and articles."""
        named = [(SITE_FEED, OLD_SITE_FEED, "Nouveaux articles", self.archive.articles)]
        named += [(self.topic_feed_path(topic_id), topic_feed_path(topic_id),
                   f"{topic.title} : nouveaux articles", self.topic_articles[topic_id])
                  for topic_id, topic in self.archive.topics.items()]
        return named

    def old_feed_paths(self) -> list[str]:
        """The copies feeds() plans at the feeds' old addresses."""
        return [old for path, old, _, _ in self._named_feeds() if old != path]

    def _feed(self, path: str, title: str, articles: tuple[ArticleInfo, ...],
              identity: str) -> bytes:
        summaries = {article.id: self.articles.summary(article.id)
                     for article in articles[:FEED_LIMIT]}
        return atom_feed(path, title, articles, summaries, self.build_day, identity)
