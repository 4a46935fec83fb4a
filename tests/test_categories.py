"""Every test falls in one category (tests/conftest.py): a test that reads a built site is a
build test, one that drives Chromium a browser test, and an unmarked test that starts a
process or a MkDocs build fails instead of slowing down (or hiding from) `make fast`."""

from __future__ import annotations

import shutil

import pytest
from helpers import REPO

# pytest's own harness for running pytest on a folder, in this process: the probe is
# collected and run by the project's conftest.py as in a separate run, without starting a
# Python that imports MkDocs and the generator again for each of its five runs.
pytest_plugins = ["pytester"]
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
def probe(pytester: pytest.Pytester) -> pytest.Pytester:
    """A test folder holding the project's conftest.py, its helpers and the probe module."""
    folder = pytester.mkdir("tests")
    for name in ("conftest.py", "helpers.py", "find_chromium.py"):
        shutil.copy(REPO / "tests" / name, folder / name)
    (folder / "test_probe.py").write_text(PROBE, encoding="utf-8")
    shutil.copy(REPO / "pyproject.toml", pytester.path / "pyproject.toml")  # the registered markers
    return pytester


def pytest_in(probe: pytest.Pytester, *args: str) -> pytest.RunResult:
    # Without Hypothesis' plugin, which the probe does not use: it would import Hypothesis
    # again at each run's end (pytester forgets the modules a run imported).
    return probe.runpytest_inprocess("-p", "no:cacheprovider", "-p", "no:hypothesispytest",
                                     "-q", *args)


def collected(probe: pytest.Pytester, marker: str) -> list[str]:
    result = pytest_in(probe, "--collect-only", "-m", marker)
    return sorted(line.split("::")[1] for line in result.outlines if "::" in line)


def test_each_test_is_put_in_its_category_from_its_fixtures_and_marks(probe):
    assert collected(probe, "unit") == ["test_pure", "test_runs_mkdocs_in_process",
                                        "test_starts_a_process"]
    assert collected(probe, "build") == ["test_marked_build", "test_reads_a_built_site"]
    assert collected(probe, "browser") == ["test_drives_a_browser"]


def test_an_unmarked_test_that_starts_a_process_or_a_build_fails_saying_to_mark_it(probe):
    result = pytest_in(probe, "-m", "unit", "-W", "ignore")
    stdout = str(result.stdout)
    assert result.ret == 1, stdout
    assert "1 passed" in stdout and "2 failed" in stdout, stdout
    for name, what in (("test_starts_a_process", "starts a process"),
                       ("test_runs_mkdocs_in_process", "runs a MkDocs build")):
        assert (f"test_probe.py::{name} {what}: it is a build test, mark it `@pytest.mark.build`"
                in stdout), stdout


def test_a_test_marked_with_another_category_than_its_own_is_refused(probe):
    module = probe.path / "tests" / "test_probe.py"
    module.write_text(module.read_text(encoding="utf-8").replace(
        "def test_drives_a_browser", "@pytest.mark.unit\ndef test_drives_a_browser"), "utf-8")
    result = pytest_in(probe, "--collect-only")
    assert result.ret != 0
    assert "test_drives_a_browser is marked unit but is a browser test" in str(result.stderr)
