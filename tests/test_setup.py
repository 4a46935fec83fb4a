"""Set-up anywhere: a Chromium found or installed before the browser tests (which fail
without one, never skip), the documented set-up, the scratch file kept out of git, and CI
running the strict check on pull requests."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from importlib import metadata

import find_chromium
import pytest
from helpers import REPO, run
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from test_workflows import load, runs


def no_browser(*_args) -> None:
    return None


def test_find_takes_the_override_then_debian_then_path_then_playwright(tmp_path):
    debian = tmp_path / "chromium"
    debian.write_text("")
    debian.chmod(0o755)
    def found(environ, system=(), which=no_browser, bundled=no_browser):
        return find_chromium.find(environ, which, system, bundled)

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
    def names(is_root, has_apt):
        return [name for name, _ in find_chromium.installers(is_root, has_apt)]

    assert names(True, True) == ["apt-get", "playwright install chromium"]
    assert names(False, True) == names(True, False) == ["playwright install chromium"]


@pytest.mark.build
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


@pytest.mark.build
def test_browser_tests_fail_rather_than_skip_without_a_browser():
    result = run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                  "tests/test_setup.py::test_a_browser_starts"], REPO,
                 env={"BRIEFING_CHROMIUM": "/nowhere/chromium"})
    assert result.returncode == 1, result.stdout
    assert "1 error" in result.stdout and "skipped" not in result.stdout
    assert "BRIEFING_CHROMIUM=/nowhere/chromium is not a file" in result.stdout


NEEDS_MAKE = pytest.mark.skipif(shutil.which("make") is None, reason="checks a Makefile recipe")


def recipe(*args: str) -> list[str]:
    """The commands ``make -n ARGS`` would run, as from a shell (not from within `make test`)."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES", "STRICT")}
    result = subprocess.run(["make", "--no-print-directory", "-n", *args], cwd=REPO, env=env,
                            capture_output=True, text=True, check=True)
    return result.stdout.splitlines()


PYTEST_ALL = ".venv/bin/python -m pytest -n auto --dist loadscope --no-loadscope-reorder"  # every test, every core


def joined_recipe(target: str) -> list[str]:
    """``recipe(target)`` with the lines of one shell command (ending with a backslash) joined."""
    return "\n".join(recipe(target)).replace("\\\n", "").splitlines()


@NEEDS_MAKE
@pytest.mark.build
def test_make_test_finds_a_chromium_before_pytest():
    commands = [line for line in joined_recipe("test") if "find_chromium" in line or "pytest" in line]
    assert len(commands) == 2 and commands[0] == ".venv/bin/python tests/find_chromium.py"
    assert PYTEST_ALL + ";" in commands[1]


@NEEDS_MAKE
@pytest.mark.build
def test_make_test_and_make_fast_lint_before_their_tests():
    # The last commands: the set-up comes first when the environment is not up to date.
    assert joined_recipe("test")[-3:-1] == [".venv/bin/ruff check", ".venv/bin/python tests/find_chromium.py"]
    assert ".venv/bin/mypy" in joined_recipe("test")[-1]
    assert recipe("fast")[-3:] == [".venv/bin/ruff check", ".venv/bin/mypy",
                                   ".venv/bin/python -m pytest -m unit -q"]


def fake_make_test(tmp_path, mypy_status: int, pytest_status: int) -> subprocess.CompletedProcess:
    """``make test`` run by the Makefile with a .venv whose tools are scripts: mypy, which waits
    for the tests to have started (so it fails if it runs before them) and reports a type
    error, exits ``mypy_status``; pytest ``pytest_status``."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("Makefile", "pyproject.toml", "requirements.lock"):
        (project / name).write_bytes((REPO / name).read_bytes())
    tools = project / ".venv" / "bin"
    tools.mkdir(parents=True)
    scripts = {
        "ruff": "exit 0",
        "mypy": "for i in $(seq 100); do [ -f started ] && break; sleep 0.1; done\n"
                "[ -f started ] || { echo 'mypy ran before the tests'; exit 3; }\n"
                f"echo 'generator/x.py:1: error: a type error'; exit {mypy_status}",
        "python": f'[ "$2" = pytest ] || exit 0\ntouch started; echo "tests ran"; exit {pytest_status}',
    }
    for name, script in scripts.items():
        (tools / name).write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
        (tools / name).chmod(0o755)
    (project / ".venv" / ".installed").touch()
    return run(["make", "test"], project)


@NEEDS_MAKE
@pytest.mark.build
@pytest.mark.parametrize("mypy_status, pytest_status", [(0, 0), (1, 0), (0, 1)])
def test_make_test_runs_the_type_checker_beside_the_tests_and_fails_with_either(
        tmp_path, mypy_status, pytest_status):
    result = fake_make_test(tmp_path, mypy_status, pytest_status)
    assert "tests ran" in result.stdout
    assert "mypy ran before the tests" not in result.stdout
    assert "generator/x.py:1: error: a type error" in result.stdout  # its report, shown
    assert (result.returncode == 0) == (mypy_status == pytest_status == 0), result.stderr


def test_the_linter_covers_the_tree_and_is_a_test_tool():
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert "include" not in config["tool"]["ruff"] and "exclude" not in config["tool"]["ruff"]
    assert any(spec.startswith("ruff") for spec in config["project"]["optional-dependencies"]["test"])


def test_the_type_checker_covers_the_generator():
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert config["tool"]["mypy"]["files"] == ["generator"]
    assert any(spec.startswith("mypy") for spec in config["project"]["optional-dependencies"]["test"])


def test_ci_runs_the_strict_check_on_pull_requests():
    workflow = load("check.yml")
    assert "pull_request" in workflow["on"]
    assert "make check STRICT=1" in "\n".join(runs(workflow))


@NEEDS_MAKE
@pytest.mark.build
def test_make_check_strict_runs_briefing_check_strict():
    assert recipe("check", "STRICT=1")[-1] == ".venv/bin/briefing check --strict"
    assert recipe("check")[-1].rstrip() == ".venv/bin/briefing check"


@pytest.mark.build
def test_the_drafting_scratch_file_is_ignored_by_git(tmp_path):
    # In a fresh repository holding only the project's .gitignore: true of any copy of it.
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    shutil.copy(REPO / ".gitignore", tmp_path / ".gitignore")
    result = subprocess.run(["git", "check-ignore", "raw.txt", "raw/x.txt", "briefings/a.md"],
                            cwd=tmp_path, capture_output=True, text=True)
    assert result.stdout.splitlines() == ["raw.txt", "raw/x.txt"]


def test_contributing_starts_with_the_set_up_and_documents_the_route_without_make():
    text = (REPO / "CONTRIBUTING.md").read_text("utf-8")
    first_command = text.split("```sh\n", 1)[1].split("\n", 1)[0]
    assert first_command.startswith("make setup")
    for step in ("python3 -m venv .venv", "py -m venv .venv", r".venv\Scripts\briefing",
                 "playwright install chromium"):
        assert step in text


def locked() -> dict[str, tuple[str, list[str]]]:
    """requirements.lock: each package that applies here, its version and hashes."""
    text = (REPO / "requirements.lock").read_text(encoding="utf-8")
    entries = {}
    for block in re.split(r"\n(?=\S)", text):
        pin = re.match(r"([A-Za-z0-9._-]+)==(\S+)(?: ; ([^\\]+?))? \\", block)
        if pin and (not pin[3] or Marker(pin[3]).evaluate()):
            entries[canonicalize_name(pin[1])] = (pin[2], re.findall(r"--hash=(sha256:\w+)", block))
    return entries


def test_the_lock_pins_every_dependency_within_pyproject_ranges_with_hashes():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    entries = locked()
    for line in [*project["dependencies"], *project["optional-dependencies"]["test"]]:
        requirement = Requirement(line)
        version, _ = entries[canonicalize_name(requirement.name)]  # else: run `make lock`
        assert requirement.specifier.contains(version, prereleases=True), (line, version)
    assert all(hashes for _, hashes in entries.values())


def test_the_tests_run_with_the_locked_versions():
    """Material above all: the fast path must match its output byte for byte
    (test_real_pages.py), so the tests run against the release the lock names."""
    installed = {name: metadata.version(name) for name in locked()}
    assert installed == {name: version for name, (version, _) in locked().items()}


@pytest.mark.build
@NEEDS_MAKE
def test_make_setup_installs_the_lock_and_follows_it():
    commands = recipe("-W", "requirements.lock", "setup")  # as if the lock had just changed
    uv_pip = ".venv/bin/uv pip install --quiet --python .venv/bin/python"
    assert f"{uv_pip} --require-hashes -r requirements.lock" in commands
    assert commands[-2] == f"{uv_pip} --no-deps --no-build-isolation -e ."
