"""Shared fixtures, and the three categories every test falls in.

Categories (markers registered in pyproject.toml, applied here at collection):

- ``browser``: drives Chromium: any test that requests ``browser`` (directly or through
  ``visit``, ``fixture_visit``...).
- ``build``: builds a site or starts a process (``mkdocs``, ``briefing``, ``make``, ``git``...):
  any test that requests one of ``BUILD_FIXTURES`` below (directly or through another
  fixture), or is marked ``@pytest.mark.build`` (a whole module: ``pytestmark =
  pytest.mark.build``).
- ``unit``: every other test; ``make fast`` runs these (``pytest -m unit``). A unit test
  that starts a process or runs a MkDocs build fails, saying to mark it ``build``: no test
  lands in the fast loop by mistake, and none is left out of it silently.

Shared fixtures: a test that only reads a site uses one of these, built once per run (with
pytest-xdist, by the first worker that needs it: ``built_once``); a test that changes a site,
a cache or a content folder builds its own from ``make_project(tmp_path)`` (tests/helpers.py).
A fixture in a test module that builds a site makes its tests build tests: mark them.

Cheap by default: ``helpers.mkdocs_build`` and ``helpers.briefing`` run MkDocs' command line
and the ``briefing`` command in the test's process (same exit status, output and bytes as the
installed commands, without starting a Python that imports MkDocs, Material and the generator
again: most of a small build's time). ``mkdocs_build_process`` and ``briefing_process`` start
the installed command, for the few tests whose point is the process (the shared sites are
built that way, and each command keeps one such test). A site several tests only read is a
module-scoped fixture, or a session one through ``built_once``; copying a project
(``shutil.copytree``) costs far less than building it. ``make test`` runs the modules by
guessed cost, longest first (``heaviest_modules_first``): mark a test that takes tens of
seconds ``slow``.

- ``project``, ``archive``, ``built_site``: the real project and a copy where a contributor
  added an article (params ``real`` and ``with-new-article``), its archive, its site (with
  the offline zip); ``offline_copy`` (the zip unpacked) and ``http_site`` (its URL).
- ``fixture_site``: the frozen fixture archive's site (tests/fixtures/archive), for exact
  expectations; ``fixture_offline_copy``, ``fixture_http_site``.
- ``browser``: one Chromium for the session; ``shared_page``: one page per worker that the
  browser tests take in turn, reset after each to what a new page shows (a new page costs
  Chromium far more than a load: helpers.SharedPage says what is reset); ``page``: that
  page for one test; ``visit``: the real site from disk (the
  offline copy, file://) and the site with an added article over HTTP, so that each test
  sees both archives and both protocols in two runs; ``fixture_visit``: the fixture site
  from disk, once (``@pytest.mark.parametrize("fixture_visit", ["file", "http"],
  indirect=True)`` for a test whose point is the protocol).
"""

from __future__ import annotations

import contextlib
import functools
import shutil
import subprocess
import threading
import zipfile
from collections.abc import Callable
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from filelock import FileLock
from helpers import (
    REPO,
    SharedPage,
    add_new_article,
    make_project,
    mkdocs_build_process,
    open_visit,
)
from mkdocs.plugins import PluginCollection

from generator.model import Archive
from generator.read.load import load_archive

CATEGORIES = ("browser", "build", "unit")
# Fixtures that build a site: a test that requests one, even through another fixture, is a
# build test.
BUILD_FIXTURES = {"built_site", "fixture_site"}


@pytest.hookimpl(tryfirst=True)  # before `-m` selects
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "browser" in item.fixturenames:
            category = "browser"
        elif item.get_closest_marker("build") or BUILD_FIXTURES & set(item.fixturenames):
            category = "build"
        else:
            category = "unit"
        for other in CATEGORIES:
            if other != category and item.get_closest_marker(other):
                raise pytest.UsageError(f"{item.nodeid} is marked {other} but is a {category} test")
        item.add_marker(category)
    items[:] = heaviest_modules_first(items)


def cost(item: pytest.Item) -> float:
    """A rough guess of a test's seconds, from its category: what orders the modules."""
    slow = item.get_closest_marker("slow")
    if slow:
        return slow.kwargs.get("cost", 30)  # ``@pytest.mark.slow(cost=120)``: longer still
    if item.get_closest_marker("browser"):
        return 1.5
    if item.get_closest_marker("build"):
        shared = BUILD_FIXTURES & set(item.fixturenames) and "tmp_path" not in item.fixturenames
        return 0.3 if shared else 4  # reads a shared site, or builds or runs its own
    return 0.05


def heaviest_modules_first(items: list[pytest.Item]) -> list[pytest.Item]:
    """The modules by decreasing guessed cost, each module's tests in their order: with
    pytest-xdist's ``--dist loadscope --no-loadscope-reorder`` (``make test``) the long modules
    start first and the short ones fill in at the end, instead of one long module last."""
    modules: dict[str, list[pytest.Item]] = {}
    for item in items:
        modules.setdefault(item.nodeid.split("::")[0], []).append(item)
    ordered = sorted(modules.values(), key=lambda tests: -sum(map(cost, tests)))
    return [item for tests in ordered for item in tests]


@contextlib.contextmanager
def _unit_only(item: pytest.Item):
    """While a unit test (or its fixtures) runs, starting a process or a MkDocs build fails it."""
    if not item.get_closest_marker("unit"):
        yield
        return

    def refuse(what: str):
        def refused(*args, **kwargs):
            pytest.fail(f"{item.nodeid} {what}: it is a build test, mark it "
                        "`@pytest.mark.build` (tests/conftest.py)", pytrace=False)
        return refused

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(subprocess.Popen, "__init__", refuse("starts a process"))
        patch.setattr(PluginCollection, "on_config", refuse("runs a MkDocs build"))  # its first event
        yield


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item):
    with _unit_only(item):
        return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item):
    with _unit_only(item):
        return (yield)


def built_once(request: pytest.FixtureRequest, name: str, make: Callable[[Path], None]) -> Path:
    """The folder ``name`` that ``make`` fills, once per session: with pytest-xdist, the first
    worker to ask makes it and the others wait for it, so a site is built once per run."""
    base = request.getfixturevalue("tmp_path_factory").getbasetemp()
    if hasattr(request.config, "workerinput"):  # an xdist worker
        base = base.parent  # this run's folder, shared by its workers
    folder, done = base / name, base / f"{name}.done"
    with FileLock(base / f"{name}.lock"):
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            make(folder)
            done.touch()
    return folder


def build_site(project: Path, folder: Path) -> None:
    """``project``'s site (with its offline zip) in ``folder``/site, by the installed ``mkdocs``
    command in its own process, as a contributor runs it."""
    result = mkdocs_build_process(project, folder / "site", env={"BRIEFING_OFFLINE_ZIP": "true"})
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="session", params=["real", "with-new-article"])
def project(request) -> Path:
    """The real project, and a copy of it where a contributor added an article.

    The added article (tests/fixtures/new-article) brings a new outlet, actor and event:
    every test on the real site must hold for both, so none may pin the archive's content.
    """
    if request.param == "real":
        return REPO

    def extend(folder: Path) -> None:
        add_new_article(make_project(folder, content=REPO / "briefings") / "briefings")

    return built_once(request, "extended", extend) / "project"


@pytest.fixture(scope="session")
def archive(project: Path) -> Archive:
    """The archive the site under test is built from."""
    return load_archive(project / "briefings", root=project)


@pytest.fixture(scope="session")
def built_site(request, project: Path) -> Path:
    """The project's site, built once with the real MkDocs (and its offline zip)."""
    name = "real-site" if project == REPO else "extended-site"
    return built_once(request, name, lambda folder: build_site(project, folder)) / "site"


@pytest.fixture(scope="session")
def fixture_site(request) -> Path:
    """The site of the frozen fixture archive (tests/fixtures/archive): exact expectations."""
    def build(folder: Path) -> None:
        build_site(make_project(folder), folder)

    return built_once(request, "fixture", build) / "site"


def unzip_offline_copy(site: Path, target: Path) -> Path:
    """The site's published zip, unpacked in ``target`` as a reader would: its site folder."""
    (archive,) = (site / "telechargement").glob("briefing-archive-*.zip")
    with zipfile.ZipFile(archive) as bundle:
        bundle.extractall(target)
    (folder,) = target.iterdir()
    return folder


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        """No line per request on the terminal (a worker's output is not captured)."""


@contextlib.contextmanager
def serve(site: Path):
    """``site`` served over HTTP on a free loopback port; yields its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def offline_copy(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return unzip_offline_copy(built_site, tmp_path_factory.mktemp("offline"))


@pytest.fixture(scope="session")
def http_site(built_site: Path):
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def fixture_offline_copy(fixture_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return unzip_offline_copy(fixture_site, tmp_path_factory.mktemp("fixture-offline"))


@pytest.fixture(scope="session")
def fixture_http_site(fixture_site: Path):
    with serve(fixture_site) as url:
        yield url


CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--disable-sync"]


@pytest.fixture(scope="session")
def browser():
    """A Chromium found by find_chromium.py ($BRIEFING_CHROMIUM, Debian's, one on PATH or
    Playwright's); without one, or one that cannot start, the tests fail: never skip."""
    import find_chromium
    from playwright.sync_api import sync_playwright

    path = find_chromium.find()
    problem = find_chromium.missing(path)
    if problem:
        pytest.fail(problem, pytrace=False)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def shared_page(browser) -> SharedPage:
    """The worker's one browser page, reset after each test (helpers.SharedPage)."""
    return SharedPage(browser)


@pytest.fixture
def page(request, shared_page, screenshot_on_failure):
    """A browser page as new (the worker's shared page, 1280 × 900, light scheme), reset after
    the test (with a screenshot in test-results/ when it failed)."""
    with shared_page.use() as page:
        yield page
        screenshot_on_failure(request.node, page)


@pytest.fixture
def visit(request, project, shared_page, screenshot_on_failure):
    """The site under test in a browser window: the real site as a reader's offline copy
    (file://), the site with an added article served over HTTP."""
    base = (request.getfixturevalue("offline_copy").as_uri() + "/" if project == REPO
            else request.getfixturevalue("http_site"))
    yield from open_visit(request, shared_page, base, screenshot_on_failure)


@pytest.fixture
def fixture_visit(request, shared_page, screenshot_on_failure):
    """The frozen fixture archive's site in a browser window, for exact expectations: from
    disk (file://), unless the test is parametrized with "http"."""
    protocol = getattr(request, "param", "file")
    base = (request.getfixturevalue("fixture_offline_copy").as_uri() + "/" if protocol == "file"
            else request.getfixturevalue("fixture_http_site"))
    yield from open_visit(request, shared_page, base, screenshot_on_failure)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.failed_call = report.failed
    return report


@pytest.fixture
def screenshot_on_failure():
    """Saves a screenshot of a failed browser test into test-results/."""
    def take(node, page) -> None:
        if getattr(node, "failed_call", False):
            folder = REPO / "test-results"
            folder.mkdir(exist_ok=True)
            name = "".join(c if c.isalnum() or c in "-_." else "_" for c in node.name)
            page.screenshot(path=str(folder / f"{name}.png"), full_page=True)
    return take
