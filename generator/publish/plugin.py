"""MkDocs plugin: a thin layer that hands the generated pages to MkDocs.

Nothing is written into docs/. Content errors become one clean build failure that
lists every problem, raised before MkDocs empties the site folder; ``mkdocs serve`` also
watches the content folder.

Every generated page is a real MkDocs page: its own address, canonical link, sitemap
entry, title and table of contents. Pages listed in the navigation go through MkDocs like
hand-written ones. The many others (articles, paginated lists) take a fast path that gives
the same bytes (tests/test_real_pages.py): MkDocs renders two page shells per folder
(render/shell.py), and writer.py puts each page into its shell on every core, so the
theme runs a handful of times, not once per article. When another plugin or hook listens
to page events, or with ``fast_pages: false``, MkDocs renders every page itself. Article
work runs on every core and is cached in ``.cache/briefing``, where the site's plan
(site_plan.py) is also kept for the next build (build.py runs these steps; this module only
adapts MkDocs' events to them). The new site is written beside the previous one and takes
its place once complete, one build at a time (site_folder.py).
"""

from __future__ import annotations

import gc
import logging
import os
import posixpath
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import Environment, TemplateNotFound
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, get_files
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.structure.toc import get_toc
from mkdocs.utils import CountHandler
from mkdocs.utils.templates import TemplateContext

from ..derive.search import SearchDocument, page_text
from ..read.errors import ContentErrors
from ..render.pages import DuplicatePagePath, Page, Planned, check_no_overlap
from ..render.paths import DATA_PAGE, HOME, article_path, html_path
from ..render.shell import (
    CONTENT,
    CONTENT_WITH_TOC,
    PLAIN_SHELL_NAME,
    SHELL_NAME,
    TITLE,
    FolderShells,
    Heading,
    Shell,
    headings,
    shell_path,
    toc_tokens,
)
from .build import SiteBuild, collector_paused, log
from .offline import build_date, write_zip, zip_path
from .site_folder import BuildLock, prepare_staging, remove_tree, swap_in
from .writer import Reuse, kept_elsewhere, kept_files


class BriefingConfig(base.Config):
    content_dir = c.Type(str, default="briefings")
    cache_dir = c.Type(str, default=".cache/briefing")
    # Publish a zip of the whole site, linked from the home page (not during `mkdocs serve`).
    offline_zip = c.Type(bool, default=True)
    # Generated pages put into page shells rendered by MkDocs (render/shell.py), which give
    # the bytes MkDocs' own rendering gives; false: every page rendered by MkDocs itself.
    fast_pages = c.Type(bool, default=True)


# Events through which another plugin could see or change a page: when one listens, every
# page goes through MkDocs (a shell would hide the pages from it).
_PAGE_EVENTS = ("pre_page", "page_read_source", "page_markdown", "page_content", "page_context",
                "post_page", "pre_template", "template_context", "post_template")
TOC_ENTRY_TEMPLATE = "partials/toc-item.html"  # Material's; other themes take MkDocs' path


def _others_see_pages(config: MkDocsConfig, plugin: BasePlugin) -> bool:
    return any(getattr(handler, "__self__", None) is not plugin
               for event in _PAGE_EVENTS for handler in config.plugins.events[event])


def _has_template(env: Environment, name: str) -> bool:
    try:
        env.get_template(name)
    except TemplateNotFound:
        return False
    return True


class _WrittenLater(File):
    """A file the plugin writes itself, after MkDocs (on_post_build): MkDocs knows it, so that
    links to it validate, and copies nothing for it (no empty file to replace later)."""

    def copy_file(self, dirty: bool = False) -> None:
        pass


def _strict_warnings() -> int:
    """Warnings that make MkDocs abort a strict build once post_build ends: MkDocs counts them
    with a CountHandler on its logger, only in strict mode (docs-dev/BUILDERS.md)."""
    return sum(count for handler in logging.getLogger("mkdocs").handlers
               if isinstance(handler, CountHandler) for _, count in handler.get_counts())


def _is_shell(source: str) -> bool:
    return posixpath.basename(source) in (f"{SHELL_NAME}.md", f"{PLAIN_SHELL_NAME}.md")


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
    """MkDocs' events, adapted to one SiteBuild (build.py)."""

    serving = False
    dirty = False
    reuse: Reuse | None = None
    lock: BuildLock | None = None
    staging: Path | None = None        # where the new site is written, when not in place

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.dirty = dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if config.use_directory_urls:
            raise PluginError("briefing: set 'use_directory_urls: false' in mkdocs.yml: generated "
                              "links point to .html files so the site also works from file://")
        project = Path(config.config_file_path).parent
        day = build_date()
        zip_wanted = self.config.offline_zip and not self.serving
        self.build = SiteBuild(project / self.config.content_dir, project / self.config.cache_dir,
                               day, download=zip_path(day) if zip_wanted else None,
                               workers=os.cpu_count() or 1)
        self.appended: dict[str, str] = {}
        self.reuse = None  # set once the content is known valid (on_pre_build)
        self.staging = None
        self.shelled: list[Planned] = []
        gc.unfreeze()  # under `mkdocs serve`, what the previous build froze may now be garbage
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Read, derive and plan: before MkDocs empties the site folder, so that invalid
        content fails the build and leaves the previous site as it was."""
        build = self.build
        self.site = Path(config.site_dir)
        self.lock = BuildLock(build.cache_dir, self.site)
        try:
            self.lock.acquire()
        except TimeoutError as error:
            raise PluginError(f"briefing: {error}") from None
        try:
            build.prepare()
            check_no_overlap([*map(article_path, (a.id for a in build.archive.articles)),
                              *(p.path for p in build.pages), *(a.path for a in build.assets)],
                             {f.src_uri for f in get_files(config)})
        except ContentErrors as errors:
            count = len(errors.errors)
            raise PluginError(f"briefing: {count} problem{'s' * (count > 1)} in the content:\n"
                              f"{errors}") from None
        except DuplicatePagePath as error:
            raise PluginError(f"briefing: {error}") from None
        self._choose_reuse(config)

    def _choose_reuse(self, config: MkDocsConfig) -> None:
        """Where the new site is written, and which previous files it may reuse: the
        previous site's, linked into a staging folder that replaces the site once complete
        (site_folder.py); in place for a --dirty build; another site folder's, copied, for a
        first build into a new folder (as under `mkdocs serve`)."""
        cache_dir, site = self.build.cache_dir, self.site
        files = kept_files(cache_dir, site)
        if self.dirty:
            self.reuse = Reuse(site, files, how="in place")
            return
        self.staging = prepare_staging(site)
        self.reuse = (Reuse(site, files, how="link") if files else
                      Reuse(*kept_elsewhere(cache_dir, site), how="copy"))
        config.site_dir = str(self.staging)

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        with collector_paused():
            return self._generate(files, config)

    def _generate(self, files: Files, config: MkDocsConfig) -> Files:
        build = self.build
        in_nav = _nav_paths(config.nav)
        self.fast = (self.config.fast_pages and not _others_see_pages(config, self)
                     and _has_template(config.theme.get_env(), TOC_ENTRY_TEMPLATE))
        if not self.fast and build.unmade:  # MkDocs makes every page: none can be moved back
            build.derive_now("every page goes through MkDocs")
        # Navigation pages go through MkDocs; the others are made when written (on_post_build).
        self.shelled = [planned for planned in build.pages if planned.path not in in_nav]
        self.generated_sources = {planned.path for planned in build.pages} | {
            article_path(article.id) for article in build.archive.articles}
        nav_markdown = dict(build.previous.nav_markdown) if build.previous else {}
        for planned in build.pages:
            if planned.path in in_nav:
                if planned.path not in nav_markdown:
                    nav_markdown[planned.path] = planned.page().markdown
                files.append(File.generated(config, planned.path,
                                            content=nav_markdown[planned.path]))
        self.nav_markdown = nav_markdown
        if self.fast:
            folders = {posixpath.dirname(planned.path) for planned in self.shelled} | {"articles"}
            for folder in sorted(folders):
                for with_toc, content in ((True, CONTENT_WITH_TOC), (False, CONTENT)):
                    shell = Page(shell_path(folder, with_toc), TITLE, content)
                    files.append(File.generated(config, shell.path, content=shell.markdown))
            self.generated_sources |= {f.src_uri for f in files if _is_shell(f.src_uri)}
        else:
            for planned in self._shelled_pages():
                page = planned.page()
                files.append(File.generated(config, page.path, content=page.markdown))
        for asset in build.assets:  # known to MkDocs so that links to them validate; written later
            files.append(_WrittenLater.generated(config, asset.path, content=b""))
        self.appended = {HOME: build.home_sections, DATA_PAGE: build.builder.data_page_sections()}
        self.search = build.search_documents(self.shelled)
        self.page_documents: list[SearchDocument] = []
        log.info(f"briefing: {len(build.pages) + len(build.assets)} pages and files planned "
                 f"({build.elapsed()})")
        return files

    def on_page_markdown(self, markdown: str, page: MkDocsPage, config: MkDocsConfig,
                         files: Files) -> str:
        appended = self.appended.get(page.file.src_uri)
        return f"{markdown}\n\n{appended}" if appended else markdown

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        """Every page MkDocs renders has given its search document: the index can start."""
        self.env = env
        self.toc_cache: dict[tuple, list[str]] = {}
        self.search = [*self.search, *self.page_documents]
        self.build.start_index(Path(config.site_dir), self.search)
        return env

    def on_template_context(self, context: TemplateContext, template_name: str,
                            config: MkDocsConfig) -> TemplateContext:
        """The sitemap lists the pages put into shells, where MkDocs would list them."""
        if template_name == "sitemap.xml" and self.fast and config.site_url:
            pages = []
            for file in context["pages"]:
                if file.src_uri == shell_path("articles"):  # the first shell
                    pages += [self._page(planned, config) for planned in self._shelled_pages()]
                if not _is_shell(file.src_uri):
                    pages.append(file)
            context["pages"] = pages
        return context

    @staticmethod
    def _page(planned: Planned, config: MkDocsConfig) -> File:
        """A page put into a shell as MkDocs knows a page (for the sitemap)."""
        file = File.generated(config, planned.path, content="")
        MkDocsPage(planned.title, file, config)
        return file

    def _shelled_pages(self) -> list[Planned]:
        return [*self.build.article_pages, *self.shelled]

    def _toc_entries(self, sections: tuple[Heading, ...]) -> list[str]:
        """Rendered once per distinct table of contents: article pages share theirs."""
        entries = self.toc_cache.get(sections)
        if entries is None:
            template = self.env.get_template(TOC_ENTRY_TEMPLATE)
            entries = self.toc_cache[sections] = [template.render(toc_item=item)
                                                  for item in get_toc(toc_tokens(sections))]
        return entries

    def _shell(self, site: Path, folder: str, with_toc: bool) -> Shell:
        """A shell as MkDocs rendered it, parsed, and its page removed from the site."""
        shell_file = site / html_path(shell_path(folder, with_toc))
        shell = Shell.parse(shell_file.read_text(encoding="utf-8"), shell_file.stem)
        shell_file.unlink()
        return shell

    @event_priority(-50)
    def _write_generated(self, *, config: MkDocsConfig) -> None:
        site = Path(config.site_dir)
        pages = self._shelled_pages() if self.fast else []
        shells = {folder: FolderShells(self._shell(site, folder, True),
                                       self._shell(site, folder, False))
                  for folder in {posixpath.dirname(planned.path) for planned in pages}}
        self.written = self.build.write(site, pages, shells, self.reuse, self.search,
                                        toc_entries=self._toc_entries,
                                        nav_markdown=self.nav_markdown)

    def on_page_content(self, html_text: str, page: MkDocsPage, config: MkDocsConfig,
                        files: Files) -> str:
        """Generated pages get their table of contents from their sections; hand-written
        and navigation pages join the search index with their text."""
        source = page.file.src_uri
        if source in self.generated_sources:
            page.toc = get_toc(toc_tokens(headings(html_text)))
        if not _is_shell(source) and (source not in self.generated_sources
                                      or source in self.nav_markdown):
            self.page_documents.append(SearchDocument(
                page.file.dest_uri, page.title or "", "", *page_text(html_text), hub=True))
        return html_text

    @event_priority(-200)  # last: the zip holds the finished site
    def _write_offline_zip(self, *, config: MkDocsConfig) -> None:
        if self.build.download:
            write_zip(Path(config.site_dir), self.build.build_day, set(self.build.moved))

    @event_priority(-300)  # after every other plugin has written into the new site
    def _publish(self, *, config: MkDocsConfig) -> None:
        """The new site in the place of the previous one, unless MkDocs is about to fail
        the build in strict mode (it does after this event): on_build_error removes it."""
        if _strict_warnings():
            return
        if self.staging is not None:
            swap_in(self.staging, self.site)
            config.site_dir = str(self.site)
            self.staging = None
        self.build.keep(self.site, self.written)
        self.on_shutdown()

    on_post_build = CombinedEvent(_write_generated, _write_offline_zip, _publish)

    def on_build_error(self, *, error: Exception) -> None:
        """A build that failed leaves the previous site as it was: only the new one, still
        in its staging folder, is removed."""
        try:
            self.build.index_written()  # nothing may write into the folder once removed
        except RuntimeError as failed:  # said as well: the build's own error comes first
            log.info(f"{failed}, as the build failed")
        if self.staging is not None:
            remove_tree(self.staging)
            log.info(f"briefing: the build failed; {self.site} was not changed")
            self.staging = None
        self.on_shutdown()

    def on_shutdown(self) -> None:
        """The locks go with the build (under `mkdocs serve`, before the next one)."""
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig,
                 builder: Callable[..., Any]) -> LiveReloadServer:
        server.watch(str(self.build.content_dir))
        return server
