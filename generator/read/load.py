"""Read and validate a whole content folder into an Archive, or fail once with every error."""

from __future__ import annotations

from pathlib import Path

from . import schema, sources
from .errors import ContentErrors, ErrorCollector, display_path
from ..model import Archive, Article
from ..publish.pipeline import Cache, Processed, process_all


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
        registries[name] = (parse(source, errors) if source else
                            schema.Registry(display=display_path(content_dir / name, root),
                                            unreadable=True))
    topics, actors, outlets = (registries[n] for n in sources.METADATA_FILES)
    publication_file = content_dir / sources.PUBLICATION_FILE
    source = read(sources.read_metadata, publication_file) if publication_file.exists() else None
    publication = schema.parse_publication(source, errors) if source else None
    return Archive(topics=topics, actors=actors, outlets=outlets, articles=(),
                   publication=publication)


def load_registries(content_dir: Path, root: Path | None = None) -> Archive:
    """Topics, actors and outlets only (no articles): what drafting a new article needs."""
    errors = ErrorCollector()
    registries = _registries(content_dir, root or content_dir.parent, errors)
    errors.raise_if_any()
    return registries


def load(content_dir: Path, root: Path | None = None, *, render: bool = False, workers: int = 1,
         cache: Cache | None = None, progress=None) -> tuple[Archive, dict[str, Processed]]:
    """The archive and each article's processing result (keyed by article id).

    Raises ContentErrors listing every problem found in every file.
    """
    root = root or content_dir.parent
    errors = ErrorCollector()
    registries = _registries(content_dir, root, errors)
    paths, misplaced = sources.scan_articles(content_dir, root)
    errors.extend(misplaced)
    results = process_all(paths, root, registries, render=render, workers=workers, cache=cache,
                          progress=progress)
    articles: list[Article] = []
    processed: dict[str, Processed] = {}
    located: dict[str, Path] = {}
    for path, result in results.items():
        errors.extend(list(result.errors))
        if result.article is None:
            continue
        if result.article.id in located:  # the same file name in two folders
            first = display_path(located[result.article.id], root)
            errors.add(sources.read_article(path, root).error(
                ("id",), "id", f"article id '{result.article.id}' is also the id of {first}",
                "ids are unique across all folders of articles: rename one of the two files "
                "and its id"))
            continue
        articles.append(result.article)
        processed[result.article.id] = result
        located[result.article.id] = path
    schema.check_disputes(articles, lambda article_id: sources.read_article(located[article_id], root),
                          errors)
    errors.raise_if_any()
    articles.sort(key=lambda a: a.sort_key)
    archive = Archive(topics=registries.topics, actors=registries.actors,
                      outlets=registries.outlets, articles=tuple(articles),
                      publication=registries.publication)
    return archive, processed


def load_archive(content_dir: Path, root: Path | None = None, workers: int = 1) -> Archive:
    """The archive in ``content_dir``; raises ContentErrors listing every problem found."""
    return load(content_dir, root, workers=workers)[0]
