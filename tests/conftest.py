from __future__ import annotations

import functools
import threading
import zipfile
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from helpers import REPO, mkdocs_build


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once from the repository's content with the real MkDocs."""
    site = tmp_path_factory.mktemp("site") / "site"
    result = mkdocs_build(REPO, site, env={"BRIEFING_OFFLINE_ZIP": "true"})
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def offline_copy(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The published zip, unpacked in a fresh folder as a reader would: its site folder."""
    (archive,) = (built_site / "telechargement").glob("briefing-archive-*.zip")
    target = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(archive) as bundle:
        bundle.extractall(target)
    (folder,) = target.iterdir()
    return folder


@pytest.fixture(scope="session")
def http_site(built_site: Path):
    """The built site served over HTTP on a free loopback port."""
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(built_site))
    handler.log_message = lambda *args: None
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--disable-sync"]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium; a browser that cannot start fails the tests, it never skips them."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                              args=CHROMIUM_FLAGS)
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
