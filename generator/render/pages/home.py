"""What the hand-written pages get appended: the home page's topic cards and latest
articles, the Données page's licence and citation."""

from __future__ import annotations

from ...derive.groupings import newest_date
from ..export import README_PATH
from ..paths import DATA_PAGE, HOME
from .base import Site

HOME_LATEST = 10


class HomePages(Site):
    """The generated sections of the home page and of the Données page."""

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
