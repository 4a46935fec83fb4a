"""Set-up anywhere: a Chromium found or installed before the browser tests (which fail
without one, never skip)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

import find_chromium
from helpers import REPO, run


def no_browser(*_args) -> None:
    return None


def test_find_takes_the_override_then_debian_then_path_then_playwright(tmp_path):
    debian = tmp_path / "chromium"
    debian.write_text("")
    debian.chmod(0o755)
    found = lambda environ, system=(), which=no_browser, bundled=no_browser: find_chromium.find(  # noqa: E731
        environ, which, system, bundled)
    assert found({"BRIEFING_CHROMIUM": "/opt/c/chrome"}, (str(debian),)) == "/opt/c/chrome"
    assert found({}, ("/nowhere/chromium", str(debian))) == str(debian)
    assert found({}, which=lambda name: f"/bin/{name}") == "/bin/chromium"
    assert found({}, bundled=lambda: "/pw/chrome") == "/pw/chrome"
    assert found({}) is None


def test_without_a_chromium_it_tries_each_way_then_says_how_in_one_line():
    tried, said = [], []

    def way(name):
        return name, lambda: tried.append(name) or False

    assert find_chromium.ensure(no_browser, [way("apt-get"), way("playwright")], said.append) is None
    assert tried == ["apt-get", "playwright"]
    assert said == [find_chromium.HOW]
    assert "apt-get install chromium" in said[0] and "playwright install chromium" in said[0]


def test_an_installed_chromium_is_used():
    installed, said = [], []
    path = find_chromium.ensure(lambda: installed[0] if installed else None,
                                [("playwright install chromium", lambda: installed.append("/pw/c") or True)],
                                said.append)
    assert path == "/pw/c"
    assert said == ["browser tests: Chromium at /pw/c (installed with playwright install chromium)"]


def test_apt_get_only_as_root_where_it_exists_playwright_otherwise():
    names = lambda *args: [name for name, _ in find_chromium.installers(*args)]  # noqa: E731
    assert names(True, True) == ["apt-get", "playwright install chromium"]
    assert names(False, True) == names(True, False) == ["playwright install chromium"]


def test_the_script_never_stops_make_test():
    result = run([sys.executable, "tests/find_chromium.py"], REPO,
                 env={"BRIEFING_CHROMIUM": "/nowhere/chromium"})
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "BRIEFING_CHROMIUM=/nowhere/chromium is not a file, so the browser tests fail: give a "
        "Chromium's path"]


def test_a_browser_starts(browser):
    page = browser.new_page()
    page.set_content("<p>ok</p>")
    assert page.inner_text("p") == "ok"
    page.close()


def test_browser_tests_fail_rather_than_skip_without_a_browser():
    result = run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                  "tests/test_setup.py::test_a_browser_starts"], REPO,
                 env={"BRIEFING_CHROMIUM": "/nowhere/chromium"})
    assert result.returncode == 1, result.stdout
    assert "1 error" in result.stdout and "skipped" not in result.stdout
    assert "BRIEFING_CHROMIUM=/nowhere/chromium is not a file" in result.stdout


NEEDS_MAKE = pytest.mark.skipif(shutil.which("make") is None, reason="checks a Makefile recipe")


@NEEDS_MAKE
def test_make_test_finds_a_chromium_before_pytest():
    result = run(["make", "-n", "test"], REPO)
    commands = [line for line in result.stdout.splitlines() if "find_chromium" in line or "pytest" in line]
    assert commands == [".venv/bin/python tests/find_chromium.py", ".venv/bin/python -m pytest"]
