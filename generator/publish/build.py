"""One build, without MkDocs: read → derive → plan → write.

``SiteBuild.prepare`` reads and renders every article (pipeline.py, on every core, cached),
finds the copies of one story in their texts, derives the analysis once (derive/analysis.py)
and plans every page and file (render/pages). ``SiteBuild.write`` makes them into a site
folder (writer.py), with the search index, and keeps what the next build reuses. The MkDocs
plugin (plugin.py) only adapts MkDocs' events to these two steps and hands MkDocs the pages
it must render itself.

When no article's metadata changed, the previous build's plan holds (site_plan.py): its
pages are named by the same keys, and nothing needs deriving as long as each of them can
be moved back from the previous site. When one cannot, the analysis is derived then, in
this process, before any page is made.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import multiprocessing
import posixpath
import resource
import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache, partial
from pathlib import Path
from typing import Literal

from ..derive.analysis import Copies, derive
from ..derive.duplicates import similar_pairs
from ..derive.search import (
    EXCERPT_DOCS,
    EXCERPT_PATH,
    SearchDocument,
    excerpt_script,
    excerpt_shards,
    page_text,
)
from ..model import Archive, ArticleInfo
from ..render.environment import environment
from ..render.format import date_fr
from ..render.pages import ArticleRenderer, PageBuilder, Planned
from ..render.paths import article_path, html_path
from ..render.shell import FolderShells, Heading
from . import page_texts, site_plan
from .pipeline import Cache, RenderedArticles, fingerprint, load
from .search_index import write_index
from .search_pages import hub_document, name_spellings, registry_names
from .writer import (
    Reuse,
    WriteJob,
    Written,
    keep_record,
    page_key,
    restat,
    write_all,
    write_file,
)

log = logging.getLogger("mkdocs.plugins.briefing")
# Below this many search documents the index is written in this process: a process of its
# own (a spawned one imports the generator again) costs more than the index.
INDEX_APART_FROM = 500


def peak_mb() -> int:
    """This process's peak resident memory (ru_maxrss is in kilobytes on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


@contextmanager
def collector_paused() -> Iterator[None]:
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


def _plan_store(cache_dir: Path, fingerprint: str) -> Path:
    """Where the site's plan is kept for the next build: one folder per fingerprint
    (generator, templates, metadata, libraries), older ones removed."""
    store = cache_dir / "store" / fingerprint[:24]
    if store.parent.is_dir():
        for old in store.parent.iterdir():
            if old != store:
                shutil.rmtree(old, ignore_errors=True)
    return store


@dataclass
class SiteBuild:
    """One build's state, from reading the content to the written site."""

    content_dir: Path
    cache_dir: Path
    build_day: date
    download: str | None = None          # where the offline zip goes, linked from the home page
    workers: int = 1
    started: float = field(default_factory=time.monotonic)
    unmade: set[str] = field(default_factory=set)  # the previous plan's, until made
    index_written: Callable[[], None] = lambda: None  # waits for the search index (start_index)
    # The kept search texts of pages put into shells (page_texts.py), and the pages whose
    # text is not known yet: made by the writers, which read it from them (write).
    kept_texts: dict[str, page_texts.PageText] = field(default_factory=dict)
    unsearched: set[str] = field(default_factory=set)
    hub_pages: dict[str, Planned] = field(default_factory=dict)  # by path: search documents' pages

    def elapsed(self) -> str:
        return f"{time.monotonic() - self.started:.1f} s, peak memory {peak_mb()} MB"

    def _progress(self, done: int, total: int) -> None:
        log.info(f"briefing: {done}/{total} articles ready ({self.elapsed()})")
        # Worker processes are reading the articles, and this build will plan: _ready_to_plan.
        if 0 < done < total and self.will_plan:
            _ready_to_plan()

    def prepare(self) -> None:
        """Read, validate and render every article, then plan every other page and file.
        Raises ContentErrors (every problem in the content) before anything is written."""
        with collector_paused():
            cache = Cache(self.cache_dir, fingerprint(self.content_dir))
            self.store = _plan_store(self.cache_dir, cache.fingerprint)
            # No plan kept: this build derives and plans (a kept one is mostly reused, and its
            # charts and most pages with it).
            self.will_plan = not site_plan.kept(self.store)
            self.fingerprint = cache.fingerprint
            archive, processed = load(self.content_dir, root=self.content_dir.parent,
                                      render=True, workers=self.workers, cache=cache,
                                      progress=self._progress)
            self.archive: Archive[ArticleInfo] = archive
            if cache.rejected:
                log.info(f"briefing: {cache.rejected} entries of the build cache failed their "
                         "check (changed or made elsewhere): their articles were read again")
            self.copies = Copies(similar_pairs({article.id: processed[article.id].shingle_array()
                                                for article in archive.articles}))
            self.plan_key = site_plan.plan_key(
                cache.fingerprint, {i: result.metadata_key for i, result in processed.items()},
                self.copies.same_story, self.build_day, self.download)
            self.previous = site_plan.load(self.store, self.plan_key)
            self._articles = RenderedArticles(cache, processed, self.content_dir.parent,
                                              ArticleRenderer(archive))
            self._search_terms = {i: (r.terms, r.excerpt) for i, r in processed.items()}
            if self.previous is None:
                self._derive_and_plan()
            else:
                self._reuse_plan(self.previous)

    def _builder(self, derived: bool) -> PageBuilder:
        analysis = derive(self.archive, self.copies) if derived else None
        return PageBuilder(self.archive, self._articles, self.copies, analysis,
                           download=self.download, build_day=self.build_day)

    def _derive_and_plan(self) -> None:
        self.builder = builder = self._builder(derived=True)
        feeds = self._feeds()
        self.feed_paths = {feed.path for feed in feeds}
        self.pages = [self._keyed(planned) for planned in builder.page_plans()]
        self.assets = [*(self._keyed(planned) for planned in builder.asset_plans()
                         if planned.path not in self.feed_paths), *feeds]
        self.home_sections = builder.home_sections()
        self.moved = tuple(builder.moved_files())
        log.info(f"briefing: archive derived and planned ({self.elapsed()})")

    def _reuse_plan(self, previous: site_plan.SitePlan) -> None:
        """The previous plan's pages, each made only if it cannot be moved back (see write)."""
        self.builder = self._builder(derived=False)
        feeds = self._feeds()
        self.feed_paths = {feed.path for feed in feeds}

        def unmade(item: site_plan.PlannedItem) -> Planned:
            return Planned(item.path, item.title, partial(_not_derived, item.path), item.key)
        self.unmade = {item.path for item in (*previous.pages, *previous.assets)}
        self.pages = [*map(unmade, previous.pages)]
        self.assets = [*map(unmade, previous.assets), *feeds]
        self.home_sections = previous.home_sections
        self.moved = previous.moved
        log.info(f"briefing: plan reused, no article's metadata changed ({self.elapsed()})")

    def _feeds(self) -> list[Planned]:
        """The feeds, planned on every build: they show summaries, which the plan key does
        not cover. Each is named by the plan key (every article's metadata, the code) and
        its summaries' articles (ArticlePages.feeds): a rebuild moves back those whose
        articles did not change."""
        return [replace(feed, key=f"{self.plan_key}\0{feed.key}") if feed.key else feed
                for feed in self.builder.feeds()]

    def _keyed(self, planned: Planned) -> Planned:
        """Under the plan key, a page without a key of its own is still named by it; one
        with a key of its own (what it shows: a redirect's two addresses, a chart's points)
        is named by the code's fingerprint too, so that a change to how it is made remakes it."""
        if planned.key:
            return replace(planned, key=f"{self.fingerprint}\0{planned.key}")
        return replace(planned, key=f"{self.plan_key}\0{planned.path}")

    @property
    def article_pages(self) -> list[Planned]:
        return [*map(self.builder.article, self.archive.articles)]

    def search_documents(self, shelled: list[Planned]) -> list[SearchDocument]:
        """The articles' search documents (their keys, made by the pipeline), then those of
        the other pages put into shells (``shelled``): each with its kept text, or made
        without it and given it once its page is written (write)."""
        builder, archive = self.builder, self.archive
        self.kept_texts = page_texts.load(self.store)
        names = registry_names(builder)
        hubs = []
        self.hub_pages = {planned.path: planned for planned in shelled}
        for planned in shelled:
            text = self.kept_texts.get(page_texts.text_key(planned.key))
            if text is None:
                self.unsearched.add(planned.path)
            hubs.append(hub_document(planned, text, names))
        outlet_names = {outlet: builder.outlet_name(outlet) for outlet in builder.outlet_articles}
        topic_titles = {topic_id: topic.title for topic_id, topic in archive.topics.items()}
        terms, self._search_terms = self._search_terms, {}  # needed once: freed
        return [*(SearchDocument(html_path(article_path(a.id)), a.title,
                                 f"{date_fr(a.date)} · {outlet_names[a.outlet]}",
                                 *terms[a.id], facets=(
                                     tuple(map(topic_titles.__getitem__, a.topics)),
                                     (str(a.date.start.year),) if a.date else (),  # a period: its start
                                     (outlet_names[a.outlet],)))
                  for a in archive.articles), *hubs]

    def start_index(self, site: Path, search: list[SearchDocument],
                    start: Literal["fork", "spawn"] = "fork") -> None:
        """Write the search index of ``search`` into ``site`` while the rest of the build goes
        on (``write`` waits for it): it needs nothing else, and it was a rebuild's longest
        step. In a process of its own when there is a core to spare and the site is large
        (INDEX_APART_FROM), else here and now. Not
        while some page's text is unknown: ``write`` starts it once that page is made, then
        in a fresh process (``spawn``: a fork would hold all this process holds besides),
        sent the documents without their texts, which the index does not read."""
        if self.unsearched:
            return
        documents = search if start == "fork" else [replace(d, excerpt="") for d in search]
        self.index_written = _in_background(
            partial(write_index, site, documents, name_spellings(self.archive)),
            parallel=self.workers > 1 and len(search) >= INDEX_APART_FROM, start=start)

    def write(self, site: Path, shelled: list[Planned], shells: dict[str, FolderShells],
              reuse: Reuse | None, search: list[SearchDocument],
              toc_entries: Callable[[tuple[Heading, ...]], list[str]] = lambda sections: [],
              nav_markdown: dict[str, str] | None = None) -> Written:
        """Make the ``shelled`` pages (put into their folder's shells) and every file into
        ``site``, with the excerpts of ``search`` (its index: start_index, or here once the
        pages whose text it needs are written); keep the plan for the next build. What was
        written is recorded by ``keep`` once the site is in its place."""
        if self.unmade and not all(
                planned.path not in self.unsearched and self._reusable(reuse, shells, planned)
                for planned in [*shelled, *self.assets]):
            self.derive_now("a page of the previous plan, or its search text, is missing")
            made = {planned.path: planned for planned in self.pages}
            shelled = [made.get(planned.path, planned) for planned in shelled]
        # Pages whose search text is not known are made by the writers, which read it: the
        # index and the excerpt shards that hold such a page come once they are written.
        # The shards' texts are read from ``search`` when made: filled in place (_searched).
        waiting = {html_path(path) for path in self.unsearched}
        later = {EXCERPT_PATH.format(n // EXCERPT_DOCS) for n, document in enumerate(search)
                 if document.url in waiting}
        excerpts = self._excerpt_files(search)

        def searched(texts: list[tuple[str, str, str]]) -> None:
            """The pages whose text was unknown are written (the others are being): the
            index, and the excerpt shards that hold them, can be made."""
            search[:] = self._searched(search, shelled, texts)
            self.start_index(site, search, start="spawn")
            for planned in excerpts:
                if planned.path in later:
                    write_file(site / planned.path, planned.asset().content)

        written = write_all(WriteJob(site, shells, shelled,
                                     [*self.assets, *(e for e in excerpts if e.path not in later)],
                                     reuse=reuse, toc_entries=toc_entries,
                                     searched=frozenset(self.unsearched)),
                            workers=self.workers, searched=searched if waiting else None)
        self.index_written()
        log.info(f"briefing: {len(shelled)} pages and {len(self.assets)} files written "
                 f"({self.elapsed()})")
        if self.previous is None:
            site_plan.save(self.store, self.plan_key, site_plan.SitePlan(
                tuple(map(site_plan.item, self.pages)),
                tuple(site_plan.item(a) for a in self.assets if a.path not in self.feed_paths),
                self.home_sections, tuple(sorted((nav_markdown or {}).items())), self.moved))
        log.info(f"briefing: {len(self.archive.articles)} articles, {len(shelled)} generated "
                 f"pages ({written.size / 1e6:.0f} MB with the files), in {self.elapsed()}")
        return written

    def _searched(self, search: list[SearchDocument], shelled: list[Planned],
                  texts: list[tuple[str, str, str]]) -> list[SearchDocument]:
        """``search`` with the texts of the pages just written, which the writers read (or,
        for a page they did not make, from its content made here), kept for the next build."""
        made = {path: (keys, text) for path, keys, text in texts}
        names = registry_names(self.builder)
        current = {planned.path: planned for planned in shelled}
        documents = {}
        for path in self.unsearched:
            planned = current.get(path, self.hub_pages[path])
            text = made.get(path)
            if text is None:  # not put into a shell by the writers (MkDocs rendered it)
                content = planned.make()
                assert isinstance(content, str), f"{path} is a page"
                text = page_text(content)
            self.kept_texts[page_texts.text_key(planned.key)] = text
            documents[html_path(path)] = hub_document(planned, text, names)
        self.unsearched = set()
        kept = (page_texts.text_key(planned.key) for planned in self.hub_pages.values())
        page_texts.save(self.store, {key: self.kept_texts[key] for key in kept
                                     if key in self.kept_texts})
        return [documents.get(document.url, document) for document in search]

    def _excerpt_files(self, search: list[SearchDocument]) -> list[Planned]:
        """The search excerpt shards, as files the writers make or, when a shard's texts are
        those it was made from, move back from the previous site (a rebuild remakes the few
        holding a changed article). An article's whole text is read back from the build cache
        when its shard is made (RenderedArticles.text), not held all build long; a shard is
        named by its articles' cache keys (their bytes and the code) and its other texts."""
        ids = [article.id for article in self.archive.articles]  # the first documents, in order

        def by_number(article: Callable[[str], str]) -> Callable[[int], str]:
            """Document n's own text if it holds one, else ``article`` of its article's id."""
            return lambda n: search[n].excerpt or (article(ids[n]) if n < len(ids) else "")

        text, source = by_number(self._articles.text), by_number(self._articles.text_key)
        return [self._keyed(Planned(
            EXCERPT_PATH.format(number), "", partial(_excerpt_script, number, numbers, text),
            hashlib.sha256("\0".join(map(source, numbers)).encode("utf-8")).hexdigest()))
            for number, numbers in enumerate(excerpt_shards(len(search)))]

    def keep(self, site: Path, written: Written) -> None:
        """Record what was written into ``site``, now in its place, for the next build."""
        keep_record(self.cache_dir, site, restat(site, written.kept))

    def _reusable(self, reuse: Reuse | None, shells: dict[str, FolderShells],
                  planned: Planned) -> bool:
        if planned.path not in self.unmade:
            return True  # made from what this build has: articles, feeds
        if reuse is None:
            return False
        if planned.path.endswith(".md"):
            folder = shells[posixpath.dirname(planned.path)]
            return reuse.holds(html_path(planned.path), page_key(folder, planned))
        return reuse.holds(planned.path, planned.key)

    def derive_now(self, why: str) -> None:
        """Some page of the previous plan must be made (``why``): derive and plan for real,
        here; the plan's pages and files become made ones."""
        self.builder = builder = self._builder(derived=True)
        made = {planned.path: self._keyed(planned)
                for planned in [*builder.page_plans(), *builder.asset_plans()]
                if planned.path not in self.feed_paths}  # planned already (_feeds)
        log.info(f"briefing: archive derived: {why} ({self.elapsed()})")
        self.pages = [made.get(p.path, p) for p in self.pages]
        self.assets = [made.get(a.path, a) for a in self.assets]
        self.unmade = set()


@cache  # once per process: the progress line calls it at every thousand articles
def _ready_to_plan() -> None:
    """Import the chart module (matplotlib: about a second) and compile every template while
    worker processes read the articles and this one waits for them, rather than when the first
    chart is planned and page rendered, in the stretch where this process derives and plans
    alone; the writers, forked later, inherit both instead of each compiling the templates."""
    from ..render import charts  # noqa: F401
    templates = environment()
    for name in templates.list_templates():
        templates.get_template(name)


def _not_derived(path: str) -> str | bytes:
    raise RuntimeError(f"{path}: a page of the previous plan made without the analysis")


def _in_background(work: Callable[[], None], parallel: bool,
                   start: Literal["fork", "spawn"] = "fork") -> Callable[[], None]:
    """Run ``work`` in a process of its own (``start``: forked, or a fresh one that holds
    only what ``work`` is given) if ``parallel``, else now; what waits for it and raises if
    it failed (the process has printed why)."""
    if not parallel:
        work()
        return lambda: None
    context = (multiprocessing.get_context("spawn") if start == "spawn"
               else multiprocessing.get_context("fork"))
    process = context.Process(target=work, daemon=True)
    process.start()

    def wait() -> None:
        process.join()
        if process.exitcode != 0:
            raise RuntimeError(f"briefing: the search index was not written "
                               f"(exit code {process.exitcode})")
    return wait


def _excerpt_script(number: int, numbers: range, text: Callable[[int], str]) -> bytes:
    return excerpt_script(number, map(text, numbers))
