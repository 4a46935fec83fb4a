"""Shared test helpers: temporary projects built from the real configuration, real builds."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from jinja2.bccache import Bucket, BytecodeCache

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


FIXTURES = REPO / "tests" / "fixtures"
# A frozen archive for exact expectations: the real one may grow or change, this one never does.
FIXTURE_ARCHIVE = FIXTURES / "archive"


def make_project(tmp_path: Path, articles: dict[str, str] | None = None,
                 keep_articles: bool = True, content: Path = FIXTURE_ARCHIVE) -> Path:
    """A project in ``tmp_path``: the repository's site configuration and ``content``.

    ``content`` (the fixture archive unless told) is copied as ``briefings/``;
    ``articles`` maps a file name to its text; it is added to (or, with
    ``keep_articles=False``, replaces) the copied articles.
    """
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(REPO / "docs", project / "docs")
    shutil.copytree(content, project / "briefings")
    if not keep_articles:
        for path in (project / "briefings" / "articles").glob("*.md"):
            path.unlink()
    for name, text in (articles or {}).items():
        (project / "briefings" / "articles" / name).write_text(text, encoding="utf-8")
    return project


def make_site_project(tmp_path: Path) -> Path:
    """A project (make_project) that `make site` builds with the test's own environment,
    already installed: the Makefile and what it installs from, and a .venv linking to it."""
    project = make_project(tmp_path)
    for name in ("Makefile", "pyproject.toml", "requirements.lock"):
        (project / name).write_bytes((REPO / name).read_bytes())
    venv = project / ".venv"
    venv.mkdir()
    (venv / "bin").symlink_to(BIN)
    (venv / ".installed").touch()
    return project


def run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, **(env or {})}
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=env, timeout=300)


def completed(args: list[str], result) -> subprocess.CompletedProcess:
    """A click command's run in this process (``CliRunner.invoke``) as its process would end: an
    uncaught exception exits with 1 and prints its traceback on standard error, as Python does."""
    import traceback

    stderr = result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        stderr += "".join(traceback.format_exception(result.exception))
    return subprocess.CompletedProcess(args, result.exit_code, result.stdout, stderr)


@contextlib.contextmanager
def environment(env: dict[str, str] | None):
    """``os.environ`` with ``env`` added, put back afterwards."""
    saved = dict(os.environ)
    os.environ.update(env or {})
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


class CompiledTemplates(BytecodeCache):
    """The theme's templates as Jinja compiled them, kept across this process's in-process
    builds (``mkdocs_build``): MkDocs makes a new Jinja environment for each build, which
    compiled Material's templates again (about a third of the CPU time of a small build in a
    warm process). Jinja's own bytecode cache: an entry per template name and file, checked
    against its source's checksum, so a template edited or added between builds is compiled
    again; the code kept is what the environment compiles, so the pages are the same bytes
    (tests/test_helpers.py)."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()

    @contextlib.contextmanager
    def used(self):
        """While in the block, each theme environment MkDocs makes reads and fills this cache."""
        from mkdocs.theme import Theme

        get_env = Theme.get_env

        def cached_env(theme: Theme):
            made = get_env(theme)
            made.bytecode_cache = self
            return made

        Theme.get_env = cached_env
        try:
            yield
        finally:
            Theme.get_env = get_env


COMPILED_TEMPLATES = CompiledTemplates()


def mkdocs_build(project: Path, site_dir: Path,
                 env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """``mkdocs build --strict`` of ``project`` into ``site_dir``, by MkDocs' own command line
    run in this process: the exit status and log (standard error) the command gives, without
    starting a Python and importing MkDocs, Material and the generator again for each build
    (most of a small build's time). What the command changes in the process for its run
    (warning display, the build log's duplicate filter, its log handler) is put back, so that
    one build never hides another's messages. The theme's compiled templates are kept from one
    such build to the next (``CompiledTemplates``). ``mkdocs_build_process`` runs the command
    itself."""
    import logging
    import warnings

    from click.testing import CliRunner
    from mkdocs.__main__ import cli
    from mkdocs.commands import build

    args = ["build", "--strict", "--site-dir", str(site_dir)]
    filters = list(build.log.filters)
    try:
        with (warnings.catch_warnings(), environment(env), contextlib.chdir(project),
              COMPILED_TEMPLATES.used()):
            result = CliRunner().invoke(cli, args, prog_name="mkdocs")
    finally:
        build.log.filters[:] = filters
        mkdocs_log = logging.getLogger("mkdocs")
        for handler in [h for h in mkdocs_log.handlers if h.name == "MkDocsStreamHandler"]:
            mkdocs_log.removeHandler(handler)
    return completed(["mkdocs", *args], result)


def mkdocs_build_process(project: Path, site_dir: Path,
                         env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """The installed ``mkdocs build --strict`` in its own process."""
    return run([str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(site_dir)], project, env)


REPRODUCIBLE = {"SOURCE_DATE_EPOCH": "1743033600"}  # one build date, so that two builds compare


def build_files(project: Path, site_dir: Path) -> tuple[dict[str, bytes], str]:
    """Every file of ``project`` built into ``site_dir`` by path, and MkDocs' log."""
    result = mkdocs_build(project, site_dir, REPRODUCIBLE)
    assert result.returncode == 0, result.stderr
    return ({p.relative_to(site_dir).as_posix(): p.read_bytes()
             for p in site_dir.rglob("*") if p.is_file()}, result.stderr)


def briefing(args: list[str], cwd: Path, input: bytes | None = None) -> subprocess.CompletedProcess:
    """``briefing ARGS`` run from ``cwd`` in this process: the command's exit status, standard
    output and standard error, as the installed command gives them (``completed``), without
    starting a Python. Tests whose point is the process itself (its CPU time, the installed
    script) use ``briefing_process``."""
    from click.testing import CliRunner

    from generator.cli import main

    with contextlib.chdir(cwd):
        result = CliRunner().invoke(main, args, input=input, prog_name="briefing")
    return completed(["briefing", *args], result)


def briefing_process(args: list[str], cwd: Path, input: bytes | None = None) -> subprocess.CompletedProcess:
    """The installed ``briefing`` command in its own process (text output)."""
    if input is None:
        return run([str(BIN / "briefing"), *args], cwd)
    done = subprocess.run([str(BIN / "briefing"), *args], cwd=cwd, capture_output=True,
                          input=input, timeout=300)
    return subprocess.CompletedProcess(done.args, done.returncode,
                                       done.stdout.decode("utf-8"), done.stderr.decode("utf-8"))


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def content(path: Path) -> BeautifulSoup:
    """The page's main content, without theme chrome (header, navigation, footer)."""
    return soup(path).select_one("article.md-content__inner")


def article_text(front: str, body: str) -> str:
    return f"---\n{front.strip()}\n---\n\n{body.strip()}\n"


VALID_FRONT = """
id: {id}
title: "Un article de test"
date: 2025-01-15
outlet: bfmtv
language: fr
topics: [troops]
"""
VALID_BODY = "La Corée du Nord a déployé 3.000 soldats supplémentaires en Russie."


def search_index(site: Path) -> dict:
    """The index, its postings gathered back from their shards."""
    text = (site / "search" / "index.js").read_text(encoding="utf-8")
    index = json.loads(text.removeprefix("window.__BRIEFING_SEARCH__ = ").removesuffix(";\n"))
    hubs = set(index["hubs"])  # per document [url, title, detail], plus 1 for a hub page
    index["docs"] = [[url, title, detail, *([1] if n in hubs else [])] for n, (url, title, detail)
                     in enumerate(zip(*(index[k].split("\n") for k in ("urls", "titles", "details"))))]
    index["postings"] = []
    for number in range(len(index["shards"])):
        shard = (site / "search" / f"postings-{number}.js").read_text(encoding="utf-8")
        postings = shard.splitlines()[0]  # the second line: the title postings
        index["postings"] += json.loads(postings.partition(f"[{number}] = ")[2].removesuffix(";"))
    return index


NEW_ARTICLE = FIXTURES / "new-article"


def add_new_article(briefings: Path) -> str:
    """Add the fixture article of a contributor, with its new outlet, actor and event.

    The outlet and actor are appended to their files as a contributor would (unless
    already there); the event joins its topic's ``events``. Returns the article's id.
    """
    import yaml

    for name in ("outlets.yml", "actors.yml"):
        path = briefings / name
        addition = (NEW_ARTICLE / name).read_text(encoding="utf-8")
        if not set(yaml.safe_load(addition)) & set(yaml.safe_load(path.read_text("utf-8")) or {}):
            path.write_text(path.read_text("utf-8") + "\n" + addition, encoding="utf-8")
    topics_path = briefings / "topics.yml"
    topics = yaml.safe_load(topics_path.read_text(encoding="utf-8"))
    for topic_id, events in yaml.safe_load((NEW_ARTICLE / "events.yml").read_text("utf-8")).items():
        topics[topic_id].setdefault("events", {}).update(events)
    topics_path.write_text(yaml.safe_dump(topics, allow_unicode=True, sort_keys=False), "utf-8")
    text = (NEW_ARTICLE / "article.md").read_text(encoding="utf-8")
    article_id = re.search(r"^id: (\S+)$", text, re.M).group(1)
    (briefings / "articles" / f"{article_id}.md").write_text(text, encoding="utf-8")
    return article_id


def shown(text: str) -> str:
    """``text`` as a page shows it (French typography, render/typography.py), its spaces
    read as plain ones: what a test compares a page's normalised text with."""
    from generator.render.typography import french_text

    return " ".join(french_text(text).split())


DESKTOP = {"width": 1280, "height": 900}


class SharedPage:
    """One browser page that a worker's browser tests take in turn, reset after each to what a
    new page shows: a new page costs Chromium about 0.5 CPU-second (a renderer process and a
    tab), a load in an open page about 0.2 (docs-dev/TESTING.md).

    The reset leaves the test's document (about:blank), closes the windows it opened,
    forgets the history, empties the HTTP and memory caches (a file the next test loads is
    requested again), deletes cookies and every storage of each origin the page visited
    (local and session storage, IndexedDB, Cache Storage, service workers), and takes back
    what a test may have set: the listeners and routes it added, the viewport, the emulated
    media and colour scheme, permissions, offline mode, the default timeout. A test that
    needs what cannot be taken back (a touch or mobile device, another user agent,
    downloads, JavaScript off, init scripts) opens a context of its own."""

    def __init__(self, browser) -> None:
        self.browser = browser
        self.origins: set[str] = set()
        self._open()

    def _open(self) -> None:
        self.context = self.browser.new_context(viewport=DESKTOP)
        self.page = self.context.new_page()
        self.cdp = self.context.new_cdp_session(self.page)
        self.page.set_default_timeout(10_000)
        self.page.on("framenavigated", lambda frame: self.origins.add(origin(frame.url)))
        self.context.on("request", lambda request: self.origins.add(origin(request.url)))
        self._listeners = listeners(self.page)

    @contextlib.contextmanager
    def use(self, viewport: dict | None = None, color_scheme: str = "light"):
        """The page at ``viewport`` (DESKTOP unless told) in ``color_scheme``, for one test."""
        if viewport:
            self.page.set_viewport_size(viewport)
        if color_scheme != "light":
            self.page.emulate_media(color_scheme=color_scheme)
        try:
            yield self.page
        finally:
            self.reset()

    def reset(self) -> None:
        """The page as new; if it cannot be (a crash, a stuck page), a new page instead."""
        try:
            self._reset()
        except Exception:  # the page is unusable: a new one gives the next test a clean start
            with contextlib.suppress(Exception):
                self.context.close()
            self.origins.clear()
            self._open()

    def _reset(self) -> None:
        page, context, cdp = self.page, self.context, self.cdp
        page.set_default_timeout(10_000)
        page.goto("about:blank")
        for other in context.pages:  # the windows the test opened
            if other != page:
                other.close()
        for event, handlers in listeners(page).items():
            for handler in handlers:
                if handler not in self._listeners.get(event, ()):
                    page._impl_obj.remove_listener(event, handler)
        page.unroute_all(behavior="ignoreErrors")
        context.unroute_all(behavior="ignoreErrors")
        cdp.send("Page.resetNavigationHistory")
        cdp.send("Network.clearBrowserCache")
        context.clear_cookies()
        for visited in self.origins - {"null"}:
            cdp.send("Storage.clearDataForOrigin", {"origin": visited, "storageTypes": "all"})
        self.origins.clear()
        context.clear_permissions()
        context.set_offline(False)
        page.set_viewport_size(DESKTOP)
        page.emulate_media(media="null", color_scheme="light")


def listeners(page) -> dict[str, list]:
    """The handlers of each event on ``page`` (Playwright's event emitter: pyee's API)."""
    emitter = page._impl_obj
    return {event: list(emitter.listeners(event)) for event in emitter.event_names()}


def origin(url: str) -> str:
    """The origin whose storage a page at ``url`` writes ("file://" for every file)."""
    parts = urlsplit(url)
    if parts.scheme in ("http", "https"):
        return f"{parts.scheme}://{parts.netloc}"
    return "file://" if parts.scheme == "file" else "null"


@dataclass
class Visit:
    """A browser page with everything it requested and complained about."""

    page: object
    base: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def open(self, path: str) -> None:
        self.page.goto(self.base + path)

    def assert_clean(self) -> None:
        foreign = [url for url in self.requests if not url.startswith(self.base)]
        assert foreign == [], f"requests left the site: {foreign}"
        assert self.errors == [], f"console errors: {self.errors}"


def open_visit(request, shared_page: SharedPage, base: str, screenshot_on_failure):
    """The worker's browser page (``SharedPage``, as a new one) on ``base``, recording requests
    and errors; reset after the test (with a screenshot in test-results/ when it failed)."""
    with shared_page.use() as page:
        current = Visit(page, base)
        page.on("request", lambda r: current.requests.append(r.url))
        page.on("console", lambda m: m.type == "error" and current.errors.append(m.text))
        page.on("pageerror", lambda error: current.errors.append(str(error)))
        yield current
        screenshot_on_failure(request.node, page)
