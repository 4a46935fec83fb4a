from __future__ import annotations

import contextlib
import functools
import threading
import zipfile
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from generator.read.load import load_archive
from generator.model import Archive
from helpers import REPO, add_new_article, make_project, mkdocs_build


@pytest.fixture(scope="session", params=["real", "with-new-article"])
def project(request, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real project, and a copy of it where a contributor added an article.

    The added article (tests/fixtures/new-article) brings a new outlet, actor and event:
    every test on the real site must hold for both, so none may pin the archive's content.
    """
    if request.param == "real":
        return REPO
    root = make_project(tmp_path_factory.mktemp("extended"), content=REPO / "briefings")
    add_new_article(root / "briefings")
    return root


@pytest.fixture(scope="session")
def archive(project: Path) -> Archive:
    """The archive the site under test is built from."""
    return load_archive(project / "briefings", root=project)


@pytest.fixture(scope="session")
def built_site(project: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's site, built once with the real MkDocs (and its offline zip)."""
    site = tmp_path_factory.mktemp("site") / "site"
    result = mkdocs_build(project, site, env={"BRIEFING_OFFLINE_ZIP": "true"})
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of the frozen fixture archive (tests/fixtures/archive): exact expectations."""
    project = make_project(tmp_path_factory.mktemp("fixture"))
    site = project.parent / "site"
    result = mkdocs_build(project, site, env={"BRIEFING_OFFLINE_ZIP": "true"})
    assert result.returncode == 0, result.stderr
    return site


def unzip_offline_copy(site: Path, target: Path) -> Path:
    """The site's published zip, unpacked in ``target`` as a reader would: its site folder."""
    (archive,) = (site / "telechargement").glob("briefing-archive-*.zip")
    with zipfile.ZipFile(archive) as bundle:
        bundle.extractall(target)
    (folder,) = target.iterdir()
    return folder


@contextlib.contextmanager
def serve(site: Path):
    """``site`` served over HTTP on a free loopback port; yields its base URL."""
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *args: None
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
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
    from playwright.sync_api import sync_playwright

    import find_chromium

    path = find_chromium.find()
    problem = find_chromium.missing(path)
    if problem:
        pytest.fail(problem, pytrace=False)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


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
