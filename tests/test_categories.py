"""Every test falls in one category (tests/conftest.py): a test that reads a built site is a
build test, one that drives Chromium a browser test, and an unmarked test that starts a
process or a MkDocs build fails instead of slowing down (or hiding from) `make fast`."""

from __future__ import annotations

import shutil
import sys

import pytest
from helpers import REPO, run

pytestmark = pytest.mark.build  # runs pytest on a probe module

PROBE = '''
import subprocess
import sys

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config


def test_pure():
    assert True


def test_starts_a_process():
    subprocess.run([sys.executable, "-c", "pass"])


def test_runs_mkdocs_in_process(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Essai")
    (tmp_path / "mkdocs.yml").write_text("site_name: Essai")
    build(load_config(config_file=str(tmp_path / "mkdocs.yml")))


@pytest.mark.build
def test_marked_build():
    subprocess.run([sys.executable, "-c", "pass"])


def test_reads_a_built_site(fixture_site):
    pass


def test_drives_a_browser(browser):
    pass
'''


@pytest.fixture
def probe(tmp_path):
    """A test folder holding the project's conftest.py, its helpers and the probe module."""
    folder = tmp_path / "tests"
    folder.mkdir()
    for name in ("conftest.py", "helpers.py", "find_chromium.py"):
        shutil.copy(REPO / "tests" / name, folder / name)
    (folder / "test_probe.py").write_text(PROBE, encoding="utf-8")
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")  # the registered markers
    return tmp_path


def pytest_in(folder, *args: str):
    return run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", *args], folder)


def collected(folder, marker: str) -> list[str]:
    result = pytest_in(folder, "--collect-only", "-m", marker)
    return sorted(line.split("::")[1] for line in result.stdout.splitlines() if "::" in line)


def test_each_test_is_put_in_its_category_from_its_fixtures_and_marks(probe):
    assert collected(probe, "unit") == ["test_pure", "test_runs_mkdocs_in_process",
                                        "test_starts_a_process"]
    assert collected(probe, "build") == ["test_marked_build", "test_reads_a_built_site"]
    assert collected(probe, "browser") == ["test_drives_a_browser"]


def test_an_unmarked_test_that_starts_a_process_or_a_build_fails_saying_to_mark_it(probe):
    result = pytest_in(probe, "-m", "unit", "-W", "ignore")
    assert result.returncode == 1, result.stdout
    assert "1 passed" in result.stdout and "2 failed" in result.stdout, result.stdout
    for name, what in (("test_starts_a_process", "starts a process"),
                       ("test_runs_mkdocs_in_process", "runs a MkDocs build")):
        assert (f"test_probe.py::{name} {what}: it is a build test, mark it `@pytest.mark.build`"
                in result.stdout), result.stdout


def test_a_test_marked_with_another_category_than_its_own_is_refused(probe):
    module = probe / "tests" / "test_probe.py"
    module.write_text(module.read_text(encoding="utf-8").replace(
        "def test_drives_a_browser", "@pytest.mark.unit\ndef test_drives_a_browser"), "utf-8")
    result = pytest_in(probe, "--collect-only")
    assert result.returncode != 0
    assert "test_drives_a_browser is marked unit but is a browser test" in result.stderr
