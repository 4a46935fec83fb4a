"""Articles grouped the ways a reader browses them: by topic, month and outlet."""

from __future__ import annotations

from collections import defaultdict

from ..model import UNKNOWN, Archive, ArticleInfo, DateInterval


def by_topic(archive: Archive) -> dict[str, tuple[ArticleInfo, ...]]:
    """Each topic's articles, newest first (the archive's order), in topics.yml order."""
    groups: dict[str, list[ArticleInfo]] = {topic_id: [] for topic_id in archive.topics}
    for article in archive.articles:
        for topic_id in article.topics:
            groups[topic_id].append(article)
    return {topic_id: tuple(articles) for topic_id, articles in groups.items()}


def by_month(archive: Archive) -> dict[str, tuple[ArticleInfo, ...]]:
    """Articles per ``YYYY-MM``, newest month first; undated articles under ``unknown``, last."""
    groups: dict[str, list[ArticleInfo]] = defaultdict(list)
    for article in archive.articles:
        groups[article.date.month_key if article.date else UNKNOWN].append(article)
    return {month: tuple(articles) for month, articles in groups.items()}


def by_outlet(archive: Archive) -> dict[str, tuple[ArticleInfo, ...]]:
    """Articles per outlet id (outlets.yml order, then ``unknown``); a wire counts for its own page."""
    groups: dict[str, list[ArticleInfo]] = {outlet_id: [] for outlet_id in archive.outlets}
    groups[UNKNOWN] = []
    for article in archive.articles:
        groups[article.outlet].append(article)
        for wire in article.wires:
            if wire != article.outlet:
                groups[wire].append(article)
    return {outlet: tuple(articles) for outlet, articles in groups.items() if articles}


def newest_date(articles: tuple[ArticleInfo, ...]) -> DateInterval | None:
    """The date of the newest dated article (articles come newest first), or None: when the
    archive, or a topic, was last updated (home page, topic pages, citations, downloads)."""
    return next((article.date for article in articles if article.date is not None), None)
