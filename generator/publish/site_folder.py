"""The published site is replaced whole or not at all, by one build at a time.

A build writes the new site into a staging folder beside the site (``.<site>.new``, on the
site's file system) while the previous site stays as it was; unchanged pages are hard links
to the previous site's files, so reusing them costs a link, not a copy. Once the new site is
complete it takes the site's place by renaming; only then is the previous site removed (and
with it the other name of every linked file: no file of the site is ever shared with
anything once the build is over). A failure at any step before the swap leaves the previous
site byte for byte and removes only the staging folder.

When the site folder is a mount point (a file system of its own: it cannot be renamed), the
staging folder is a hidden folder inside it and the swap moves entries; the previous site's
entries are moved aside first and come back if any move fails.

``BuildLock`` keeps a second build of the same project or into the same site from running at
the same time: it waits, saying so in one line.
"""

from __future__ import annotations

import logging
import os
import shutil
import stat
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from filelock import FileLock, Timeout

log = logging.getLogger("mkdocs.plugins.briefing")

LOCK_TIMEOUT = 30 * 60  # seconds a build waits for another one before giving up


class BuildLock:
    """Exclusive locks on the build cache and on the site folder, taken in that order."""

    def __init__(self, cache_dir: Path, site: Path):
        cache_dir.mkdir(parents=True, exist_ok=True)
        site.parent.mkdir(parents=True, exist_ok=True)
        self._locks = [FileLock(str(cache_dir / "build.lock")),
                       FileLock(str(site.parent / f".{site.name}.lock"))]
        self._held: list[FileLock] = []

    def acquire(self) -> None:
        for lock in self._locks:
            try:
                lock.acquire(timeout=0)
            except Timeout:
                log.info(f"briefing: another build holds {lock.lock_file}: waiting for it to end")
                try:
                    lock.acquire(timeout=LOCK_TIMEOUT)
                except Timeout:
                    self.release()
                    raise TimeoutError(f"another build has held {lock.lock_file} for "
                                       f"{LOCK_TIMEOUT // 60} minutes: stop it, or remove the "
                                       "file if no build is running") from None
            self._held.append(lock)

    def release(self) -> None:
        while self._held:
            self._held.pop().release()

    def __enter__(self) -> BuildLock:
        self.acquire()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.release()


def _is_mount(site: Path) -> bool:
    try:
        return site.is_dir() and os.stat(site).st_dev != os.stat(site.parent).st_dev
    except OSError:
        return False


def staging_folder(site: Path) -> Path:
    """Where the new site is written: beside the site, or inside it when it is a mount point
    (a hidden folder, which MkDocs never empties)."""
    if _is_mount(site):
        return site / ".briefing-new"
    return site.parent / f".{site.name}.new"


def _retry_writable(function: Callable[..., Any], path: str, _: object) -> None:
    """rmtree's error handler: a read-only file or folder is made writable, then removed."""
    os.chmod(os.path.dirname(path), stat.S_IRWXU)
    if os.path.isdir(path) and not os.path.islink(path):
        os.chmod(path, stat.S_IRWXU)
    function(path)


def remove_tree(folder: Path) -> bool:
    """Remove ``folder`` whatever its files' permissions; whether it is gone."""
    if not os.path.lexists(folder):
        return True
    try:
        shutil.rmtree(folder, onerror=_retry_writable)
    except OSError as error:
        log.info(f"briefing: could not remove {folder} ({error.strerror or error}): "
                 "remove it by hand")
    return not os.path.lexists(folder)


def prepare_staging(site: Path) -> Path:
    """An empty staging folder for a new site (what an interrupted build left is removed)."""
    staging = staging_folder(site)
    if not remove_tree(staging):
        raise OSError(f"the staging folder {staging} left by an earlier build cannot be removed")
    return staging


def swap_in(staging: Path, site: Path) -> None:
    """Put the complete new site in ``staging`` in the place of ``site``; then remove the
    previous site. Raises (the previous site still in place) if the swap cannot be made."""
    if staging.parent == site:  # a mount point: entries are moved
        _swap_entries(staging, site)
        return
    previous = site.parent / f".{site.name}.old"
    if not remove_tree(previous):
        raise OSError(f"{previous}, left by an earlier build, cannot be removed")
    had_site = os.path.lexists(site)
    if had_site:
        os.rename(site, previous)
    try:
        os.rename(staging, site)
    except OSError:
        if had_site:
            os.rename(previous, site)
        raise
    remove_tree(previous)


def _swap_entries(staging: Path, site: Path) -> None:
    aside = site / ".briefing-old"
    if not remove_tree(aside):
        raise OSError(f"{aside}, left by an earlier build, cannot be removed")
    aside.mkdir()
    moved: list[str] = []
    try:
        for entry in os.scandir(site):
            if not entry.name.startswith("."):
                os.rename(entry.path, aside / entry.name)
                moved.append(entry.name)
        for entry in os.scandir(staging):
            os.rename(entry.path, site / entry.name)
    except OSError:
        for entry in os.scandir(site):  # what came from the new site goes back
            if not entry.name.startswith("."):
                os.rename(entry.path, staging / entry.name)
        for name in moved:
            os.rename(aside / name, site / name)
        raise
    remove_tree(aside)
    remove_tree(staging)
