"""Read and validate a whole content folder into an Archive, or fail once with every error.

``read_article_file`` reads and checks one article; ``scan`` and ``assemble`` are what comes
before and after reading every article. ``load_archive`` chains them in one process;
publish/pipeline.py chains the same steps on every core, with a cache, and renders each
article in the same pass.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from ..model import Archive, Article, ArticleInfo, Registries
from . import schema, sources
from .errors import ContentError, ContentErrors, ErrorCollector, display_path

T = TypeVar("T")
A = TypeVar("A", bound=ArticleInfo)  # Article as read, ArticleInfo once rendered


def _reader(root: Path, errors: ErrorCollector) -> Callable[..., sources.SourceDocument | None]:
    def read(reader: Callable[[Path, Path], sources.SourceDocument],
             path: Path) -> sources.SourceDocument | None:
        try:  # one unreadable file must not hide the others' errors
            return reader(path, root)
        except ContentErrors as exc:
            errors.extend(exc.errors)
            return None
    return read


def _registries(content_dir: Path, root: Path, errors: ErrorCollector) -> Registries:
    read = _reader(root, errors)
    paths = {name: content_dir / f"{name}.yml" for name in ("topics", "actors", "outlets")}
    documents = {name: read(sources.read_metadata, path) for name, path in paths.items()}
    topics_file, actors_file, outlets_file = documents.values()
    topics = schema.parse_topics(topics_file, errors) if topics_file else {}
    actors = schema.parse_actors(actors_file, errors) if actors_file else {}
    outlets = schema.parse_outlets(outlets_file, errors) if outlets_file else {}
    if topics_file and actors_file and outlets_file:
        schema.check_addresses(topics_file, topics, actors_file, actors, outlets_file, outlets,
                               errors)
    publication_file = content_dir / sources.PUBLICATION_FILE
    present = publication_file.exists() or publication_file.is_symlink()  # a broken link too
    source = read(sources.read_metadata, publication_file) if present else None
    publication = schema.parse_publication(source, errors) if source else None
    return Registries(topics, actors, outlets, publication,
                      files={name: display_path(path, root) for name, path in paths.items()})


def load_registries(content_dir: Path, root: Path | None = None) -> Registries:
    """Topics, actors and outlets only (no articles): what drafting a new article needs."""
    errors = ErrorCollector()
    registries = _registries(content_dir, root or content_dir.parent, errors)
    errors.raise_if_any()
    return registries


def scan(content_dir: Path, root: Path, errors: ErrorCollector) -> tuple[Registries, list[Path]]:
    """The registries and every article file to read.

    Raises ContentErrors at once when a registry (topics, actors, outlets, publication)
    has an error: no article is read, checked or rendered against a registry that did
    not load whole, so every command stops on the registry's own located error."""
    before = len(errors.errors)
    registries = _registries(content_dir, root, errors)
    if len(errors.errors) > before:
        raise ContentErrors(errors.errors)
    paths, misplaced = sources.scan_articles(content_dir, root)
    errors.extend(misplaced)
    return registries, paths


def read_article_file(path: Path, root: Path,
                      registries: Registries) -> tuple[Article | None, tuple[ContentError, ...]]:
    """One article, read and validated (schema, references, quotes), and its errors."""
    errors = ErrorCollector()
    try:
        source = sources.read_article(path, root)
    except ContentErrors as problem:
        return None, tuple(problem.errors)
    article = schema.parse_article(source, errors)
    if article is None:
        return None, tuple(errors.errors)
    schema.check_references(article, source, registries, errors)
    schema.check_quotes(article, source, errors)
    return article, tuple(errors.errors)


def assemble(registries: Registries, found: Iterable[tuple[Path, A | None, T]], root: Path,
             errors: ErrorCollector) -> tuple[Archive[A], dict[str, T]]:
    """The archive of the articles ``found`` (path, article or None, what came with it), in
    archive order, and what came with each by article id; raises ContentErrors listing
    every problem, those already in ``errors`` first."""
    articles: list[A] = []
    extras: dict[str, T] = {}
    located: dict[str, Path] = {}
    for path, article, extra in found:
        if article is None:
            continue
        if article.id in located:  # the same file name in two folders
            first = display_path(located[article.id], root)
            errors.add(sources.read_article(path, root).error(
                ("id",), "id", f"article id '{article.id}' is also the id of {first}",
                "ids are unique across all folders of articles: rename one of the two files "
                "and its id"))
            continue
        articles.append(article)
        extras[article.id] = extra
        located[article.id] = path
    schema.check_disputes(articles, lambda article_id: sources.read_article(located[article_id], root),
                          errors)
    errors.raise_if_any()
    articles.sort(key=lambda a: a.sort_key)
    archive = Archive.of(registries, tuple(articles))
    return archive, extras


def load_archive(content_dir: Path, root: Path | None = None) -> Archive[Article]:
    """The archive in ``content_dir``, read in this process; raises ContentErrors listing
    every problem found in every file."""
    root = root or content_dir.parent
    errors = ErrorCollector()
    registries, paths = scan(content_dir, root, errors)
    found: list[tuple[Path, Article | None, None]] = []
    for path in paths:
        article, problems = read_article_file(path, root, registries)
        errors.extend(list(problems))
        found.append((path, article, None))
    return assemble(registries, found, root, errors)[0]
