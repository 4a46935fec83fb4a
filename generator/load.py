"""Read and validate a whole content folder into an Archive, or fail once with every error."""

from __future__ import annotations

from pathlib import Path

from . import schema, sources
from .errors import ContentErrors, ErrorCollector
from .model import Archive, Article


def _reader(root: Path, errors: ErrorCollector):
    def read(reader, path):  # one unreadable file must not hide the others' errors
        try:
            return reader(path, root)
        except ContentErrors as exc:
            errors.extend(exc.errors)
            return None
    return read


def _registries(content_dir: Path, root: Path, errors: ErrorCollector) -> Archive:
    read = _reader(root, errors)
    registries = {}
    for name, parse in (("topics.yml", schema.parse_topics), ("actors.yml", schema.parse_actors),
                        ("outlets.yml", schema.parse_outlets)):
        source = read(sources.read_metadata, content_dir / name)
        registries[name] = parse(source, errors) if source else {}
    topics, actors, outlets = (registries[n] for n in sources.METADATA_FILES)
    return Archive(topics=topics, actors=actors, outlets=outlets, articles=())


def load_registries(content_dir: Path, root: Path | None = None) -> Archive:
    """Topics, actors and outlets only (no articles): what drafting a new article needs."""
    errors = ErrorCollector()
    registries = _registries(content_dir, root or content_dir.parent, errors)
    errors.raise_if_any()
    return registries


def load_archive(content_dir: Path, root: Path | None = None) -> Archive:
    """The archive in ``content_dir``; raises ContentErrors listing every problem found."""
    root = root or content_dir.parent
    errors = ErrorCollector()
    read = _reader(root, errors)
    registries = _registries(content_dir, root, errors)
    topics, actors, outlets = registries.topics, registries.actors, registries.outlets

    articles: list[Article] = []
    sources_by_id: dict[str, sources.SourceDocument] = {}
    for path in sources.find_articles(content_dir):
        source = read(sources.read_article, path)
        article = schema.parse_article(source, errors) if source else None
        if article is not None:
            schema.check_references(article, source, topics, actors, outlets, errors)
            schema.check_quotes(article, source, errors)
            articles.append(article)
            sources_by_id[article.id] = source
    schema.check_disputes(articles, sources_by_id, errors)
    errors.raise_if_any()
    articles.sort(key=lambda a: a.sort_key)
    return Archive(topics=topics, actors=actors, outlets=outlets, articles=tuple(articles))
