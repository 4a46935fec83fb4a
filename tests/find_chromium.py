"""The Chromium the browser tests drive: found, or installed where the machine allows.

Looked for in this order: the path in $BRIEFING_CHROMIUM, Debian's /usr/bin/chromium, a
``chromium`` on PATH, then Playwright's own Chromium (``playwright install chromium``).
The ``browser`` fixture (conftest.py) launches what ``find`` returns; without one the
browser tests fail, they never skip.

Run as a script (``make test`` does, before pytest), it installs one when none is found:
Debian's package with apt-get when running as root, else Playwright's build when the
network allows, else it prints one line saying how. It always exits 0, so that pytest
still runs and reports the browser tests as failed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

ENV = "BRIEFING_CHROMIUM"
SYSTEM_PATHS = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
NAMES = ("chromium", "chromium-browser")
HOW = ("no Chromium for the browser tests, so they fail: install one (as root "
       "`apt-get install chromium`, or `.venv/bin/playwright install chromium`) or set "
       f"{ENV} to a Chromium's path")
TIMEOUT = 900  # seconds for an install: a download or apt-get may be slow, never endless


def playwright_chromium() -> str | None:
    """Playwright's own Chromium, when `playwright install chromium` has put it in place."""
    try:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            path = playwright.chromium.executable_path
    except Exception:  # no driver, or it cannot start: then there is no such browser here
        return None
    return path if path and Path(path).is_file() else None


def find(environ: Mapping[str, str] = os.environ, which: Callable = shutil.which,
         system_paths: tuple[str, ...] = SYSTEM_PATHS,
         bundled: Callable[[], str | None] = playwright_chromium) -> str | None:
    """The Chromium to launch, or None. An explicit $BRIEFING_CHROMIUM is used as given."""
    override = environ.get(ENV)
    if override:
        return override
    for path in system_paths:
        if Path(path).is_file() and os.access(path, os.X_OK):
            return path
    for name in NAMES:
        found = which(name)
        if found:
            return found
    return bundled()


def missing(path: str | None) -> str | None:
    """Why ``path`` (from ``find``) cannot be launched, or None when it may be."""
    if path is None:
        return HOW
    if not Path(path).is_file():
        return f"{ENV}={path} is not a file, so the browser tests fail: give a Chromium's path"
    return None


def _run(command: list[str], env: dict | None = None) -> bool:
    try:
        return subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env=env, timeout=TIMEOUT).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def apt_install() -> bool:
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    return (_run(["apt-get", "update", "-qq"], env)
            and _run(["apt-get", "install", "-y", "-qq", "--no-install-recommends",
                      "chromium", "fonts-dejavu-core"], env))


def playwright_install() -> bool:
    return _run([sys.executable, "-m", "playwright", "install", "chromium"])


def installers(is_root: bool, has_apt: bool) -> list[tuple[str, Callable[[], bool]]]:
    """What may install a Chromium here, best first."""
    found = [("apt-get", apt_install)] if is_root and has_apt else []
    return found + [("playwright install chromium", playwright_install)]


def ensure(find: Callable[[], str | None] = find,
           ways: list[tuple[str, Callable[[], bool]]] | None = None,
           echo: Callable[[str], None] = print) -> str | None:
    """A Chromium, installed first if need be; says which, or one line saying how to get one."""
    path = find()
    if path:
        problem = missing(path)
        echo(problem or f"browser tests: Chromium at {path}")
        return None if problem else path
    if ways is None:
        is_root = hasattr(os, "geteuid") and os.geteuid() == 0
        ways = installers(is_root, shutil.which("apt-get") is not None)
    for name, install in ways:
        if install():
            path = find()
            if path:
                echo(f"browser tests: Chromium at {path} (installed with {name})")
                return path
    echo(HOW)
    return None


if __name__ == "__main__":
    ensure()
    sys.exit(0)
