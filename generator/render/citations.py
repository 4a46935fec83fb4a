"""Ready citations, in French, as plain text: HTML templates escape them like any other text,
LISEZMOI.txt prints them as they are. The reader fills in the consultation date."""

from __future__ import annotations

from ..model import ArticleInfo, DateInterval, Publication, Topic
from .format import date_fr, dated_fr

CONSULTED = "consulté le [date de consultation]"


def _version(updated: DateInterval | None) -> str:
    """The archive's version: its newest dated article, as the home page's « Mis à jour »."""
    return f"version {dated_fr(updated)}" if updated else "sans article daté"


def _address(publication: Publication, path: str = "") -> str:
    """Where the archive (or one of its pages) is published, when publication.yml says."""
    if not publication.url:
        return ""
    return f", {publication.url.rstrip('/')}/{path}" if path else f", {publication.url}"


def archive_citation(publication: Publication, updated: DateInterval | None) -> str:
    return (f"{publication.publisher}, « {publication.title} », {_version(updated)}"
            f"{_address(publication)}, licence {publication.licence.name}, {CONSULTED}.")


def topic_citation(publication: Publication, topic: Topic, updated: DateInterval | None,
                   page: str) -> str:
    """A topic page (``page``: its published path), in the archive."""
    return (f"{publication.publisher}, « {topic.title} », dans « {publication.title} », "
            f"{_version(updated)}{_address(publication, page)}, licence "
            f"{publication.licence.name}, {CONSULTED}.")


def article_citation(publication: Publication, article: ArticleInfo, outlet: str, page: str) -> str:
    """The original article first (it stays its outlet's), then where it was read."""
    original = f", {article.url}" if article.url else ""
    return (f"{outlet}, « {article.title} », {date_fr(article.date)}{original} ; relevé dans "
            f"{publication.publisher}, « {publication.title} »{_address(publication, page)}, "
            f"{CONSULTED}.")
