"""MkDocs plugin: a thin layer that hands the generated pages to MkDocs.

Nothing is written into docs/. Content errors become one clean build failure that
lists every problem; ``mkdocs serve`` also watches the content folder.

Pages listed in the navigation go through MkDocs like hand-written ones. The many
others (articles, paginated lists) and the generated files are only planned here; after
MkDocs has rendered one page shell per folder (render/shell.py), writer.py makes them
on every core and puts each page into its shell: the theme runs a handful of times, not
once per article. Article work runs on every core and is cached in ``.cache/briefing``,
where finished pages are also kept for the next build.
"""

from __future__ import annotations

import gc
import logging
import os
import posixpath
import resource
import shutil
import time
from contextlib import contextmanager
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, get_files

from .derive.duplicates import same_story_elsewhere, similar_pairs
from .errors import ContentErrors
from .load import load
from .offline import build_date, write_zip, zip_path
from .pipeline import Cache, fingerprint
from .render.pages import Page, PageBuilder, Planned, check_no_overlap
from .render.paths import HOME, article_path, html_path
from .render.format import date_fr
from .render.shell import CONTENT, SHELL_NAME, TITLE, Shell, shell_path
from .search import SearchDocument, build_index, plain_text, terms
from .search_pages import registry_documents
from .writer import WriteJob, tree_size, write_all, write_file

log = logging.getLogger("mkdocs.plugins.briefing")


def _peak_mb() -> int:
    """This process's peak resident memory (ru_maxrss is in kilobytes on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


@contextmanager
def _collector_paused():
    """No garbage collection while the archive is loaded and derived, then the archive
    out of the collector's sight: it lives until the end of the build, and at 10,000
    articles each full collection (and the last one, at exit) walked millions of objects
    for nothing, and would make forked workers copy the memory pages it touched."""
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


def _page_store(cache_dir: Path, fingerprint: str) -> Path:
    """Where finished pages and files are kept for the next build: one folder per
    fingerprint (generator, templates, metadata, libraries), older ones removed."""
    store = cache_dir / "store" / fingerprint[:24]
    if store.parent.is_dir():
        for old in store.parent.iterdir():
            if old != store:
                shutil.rmtree(old, ignore_errors=True)
    return store


class BriefingConfig(base.Config):
    content_dir = c.Type(str, default="briefings")
    cache_dir = c.Type(str, default=".cache/briefing")
    # Publish a zip of the whole site, linked from the home page (not during `mkdocs serve`).
    offline_zip = c.Type(bool, default=True)


def _nav_paths(nav: object) -> set[str]:
    """Every page path listed in mkdocs.yml's nav."""
    if isinstance(nav, str):
        return {nav}
    if isinstance(nav, dict):
        return {p for value in nav.values() for p in _nav_paths(value)}
    if isinstance(nav, list):
        return {p for item in nav for p in _nav_paths(item)}
    return set()


class BriefingPlugin(BasePlugin[BriefingConfig]):
    serving = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config):  # type: ignore[no-untyped-def]
        if config.use_directory_urls:
            raise PluginError("briefing: set 'use_directory_urls: false' in mkdocs.yml: generated "
                              "links point to .html files so the site also works from file://")
        project = Path(config.config_file_path).parent
        self.content_dir = project / self.config.content_dir
        self.cache_dir = project / self.config.cache_dir
        self.home_sections = ""
        self.shelled: list[Planned] = []
        self.build_date = build_date()
        self.zip_wanted = self.config.offline_zip and not self.serving
        self.started = time.monotonic()
        gc.unfreeze()  # under `mkdocs serve`, what the previous build froze may now be garbage
        return config

    def _progress(self, done: int, total: int) -> None:
        log.info(f"briefing: {done}/{total} articles ready ({self._elapsed()})")

    def _elapsed(self) -> str:
        return f"{time.monotonic() - self.started:.1f} s, peak memory {_peak_mb()} MB"

    def on_pre_build(self, *, config) -> None:  # type: ignore[no-untyped-def]
        """Load, validate and derive the archive: before MkDocs empties the site folder,
        so that invalid content fails the build and leaves the previous site as it was."""
        with _collector_paused():
            self._prepare(config)

    def _prepare(self, config) -> None:  # type: ignore[no-untyped-def]
        try:
            cache = Cache(self.cache_dir, fingerprint(self.content_dir))
            self.store = _page_store(self.cache_dir, cache.fingerprint)
            archive, processed = load(self.content_dir, root=self.content_dir.parent, render=True,
                                      workers=os.cpu_count() or 1, cache=cache,
                                      progress=self._progress)
            same_story = same_story_elsewhere(similar_pairs(
                {article.id: processed[article.id].shingle_array() for article in archive.articles}))
            keys = {article_id: result.cache_key for article_id, result in processed.items()}
            builder = PageBuilder(archive, download=zip_path(self.build_date)
                                  if self.zip_wanted else None, build_day=self.build_date,
                                  contents=lambda article_id: cache.content(keys[article_id]),
                                  summaries=lambda article_id: processed[article_id].summary,
                                  content_keys=keys.__getitem__,
                                  metadata_keys=lambda article_id: processed[article_id].metadata_key,
                                  same_story=same_story)
            log.info(f"briefing: archive derived ({self._elapsed()})")
            plans, assets = builder.page_plans(), builder.asset_plans()
            article_paths = [article_path(article.id) for article in archive.articles]
            check_no_overlap(article_paths + [p.path for p in plans] + [a.path for a in assets],
                             {f.src_uri for f in get_files(config)})
        except ContentErrors as errors:
            count = len(errors.errors)
            raise PluginError(f"briefing: {count} problem{'s' * (count > 1)} in the content:\n"
                              f"{errors}") from None
        except ValueError as error:
            raise PluginError(f"briefing: {error}") from None
        self.builder, self.plans, self.assets = builder, plans, assets
        self.article_terms = {article_id: (result.terms, result.excerpt)
                              for article_id, result in processed.items()}

    def on_files(self, files: Files, config) -> Files:  # type: ignore[no-untyped-def]
        with _collector_paused():
            return self._generate(files, config)

    def _generate(self, files: Files, config) -> Files:  # type: ignore[no-untyped-def]
        builder, plans, assets = self.builder, self.plans, self.assets
        archive = builder.archive
        in_nav = _nav_paths(config.nav)
        # Navigation pages go through MkDocs; the others are made when written (on_post_build).
        self.shelled = [planned for planned in plans if planned.path not in in_nav]
        for planned in plans:
            if planned.path in in_nav:
                files.append(File.generated(config, planned.path, content=planned.page().markdown))
        folders = {posixpath.dirname(planned.path) for planned in self.shelled} | {"articles"}
        for folder in sorted(folders):
            shell = Page(shell_path(folder), TITLE, CONTENT)
            files.append(File.generated(config, shell.path, content=shell.markdown))
        for asset in assets:  # known to MkDocs so that links to them validate; written later
            files.append(File.generated(config, asset.path, content=b""))
        self.home_sections = builder.home_sections()
        self.article_documents = [
            SearchDocument(html_path(article_path(a.id)), a.title,
                           f"{date_fr(a.date)} · {builder.outlet_name(a.outlet)}",
                           *self.article_terms[a.id], facets=(
                               tuple(archive.topics[t].title for t in a.topics),
                               (str(a.date.start.year),) if a.date else (),  # a period: its start
                               (builder.outlet_name(a.outlet),)))
            for a in archive.articles]
        self.article_terms = {}
        self.registry_documents = registry_documents(builder)
        self.page_documents: list[SearchDocument] = []
        log.info(f"briefing: {len(plans) + len(assets)} pages and files planned ({self._elapsed()})")
        return files

    def on_page_markdown(self, markdown: str, page, config, files) -> str:  # type: ignore[no-untyped-def]
        if page.file.src_uri == HOME:
            return f"{markdown}\n\n{self.home_sections}"
        return markdown

    @event_priority(-50)
    def _write_generated(self, *, config) -> None:  # type: ignore[no-untyped-def]
        site = Path(config.site_dir)
        pages = [*map(self.builder.article, self.builder.archive.articles), *self.shelled]
        shells = {}
        for folder in {posixpath.dirname(planned.path) for planned in pages}:
            shell_file = site / html_path(shell_path(folder))
            shells[folder] = Shell.parse(shell_file.read_text(encoding="utf-8"))
            shell_file.unlink()
        write_all(WriteJob(site, shells, pages, self.assets, store=self.store),
                  workers=os.cpu_count() or 1)
        log.info(f"briefing: {len(pages)} pages and {len(self.assets)} files written "
                 f"({self._elapsed()})")
        self._write_search_index(site)
        log.info(f"briefing: {len(self.builder.archive.articles)} articles, {len(pages)} generated pages, "
                 f"{tree_size(site) / 1e6:.0f} MB, in {self._elapsed()}")

    def on_page_content(self, html_text: str, page, config, files) -> str:  # type: ignore[no-untyped-def]
        """Hand-written and navigation pages join the search index with their text."""
        if not page.file.src_uri.endswith(f"{SHELL_NAME}.md"):
            self.page_documents.append(SearchDocument(
                page.file.dest_uri, page.title or "", "", " ".join(terms(html_text)),
                plain_text(html_text), hub=True))
        return html_text

    def _write_search_index(self, site: Path) -> None:
        documents = self.article_documents + self.registry_documents + self.page_documents
        for path, script in build_index(documents).items():
            write_file(site / path, script)

    @event_priority(-200)  # last: the zip holds the finished site
    def _write_offline_zip(self, *, config) -> None:  # type: ignore[no-untyped-def]
        if self.zip_wanted:
            write_zip(Path(config.site_dir), self.build_date)

    on_post_build = CombinedEvent(_write_generated, _write_offline_zip)

    def on_serve(self, server, config, builder):  # type: ignore[no-untyped-def]
        server.watch(str(self.content_dir))
        return server
