"""Write the generated pages and files into the built site, on every core.

Pages and files arrive planned (render/pages.Planned): made only when written, so a
10,000-article build never holds them all. Each page is put into its folder's shell
(render/shell.py). The work is split into tasks that run in forked worker processes,
which inherit the builder and shells instead of receiving them by pipe; a small
site is written in this process.
"""

from __future__ import annotations

import contextlib
import hashlib
import multiprocessing
import os
import posixpath
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from ..render.pages import Planned
from ..render.paths import html_path
from ..render.shell import FolderShells, Heading

# A worker's job, set in each worker process by its initializer (the job is inherited by
# fork, not sent by pipe); never set in the building process, so nothing outlives a build.
_WORKER: "_Writing | None" = None
PAGES_PER_TASK = 200
PARALLEL_FROM = 500  # below this many pages, forking costs more than it saves


@dataclass(frozen=True)
class WriteJob:
    site: Path
    shells: dict[str, FolderShells]  # by folder
    pages: list[Planned]            # titled pages, each put into its folder's shell
    files: list[Planned]            # files written as made (bytes)
    store: Path | None = None       # finished pages and files kept by key, linked into the site
    # A table of contents' entries as the theme renders them (see render/shell.py).
    toc_entries: Callable[[tuple[Heading, ...]], list[str]] = lambda sections: []


@dataclass(frozen=True)
class Written:
    size: int  # bytes written


@dataclass
class _Writing:
    """One process's share of a WriteJob, and the folders it made: one mkdir per folder, not
    one per file."""

    job: WriteJob
    made_folders: set[Path] = field(default_factory=set)


def _folder_for(target: Path, made_folders: set[Path] | None) -> None:
    if made_folders is None:
        target.parent.mkdir(parents=True, exist_ok=True)
    elif target.parent not in made_folders:
        target.parent.mkdir(parents=True, exist_ok=True)
        made_folders.add(target.parent)


def write_file(target: Path, data: bytes, made_folders: set[Path] | None = None) -> int:
    """Write ``target``, making its folder unless ``made_folders`` has it."""
    _folder_for(target, made_folders)
    # A new file, never one rewritten in place: an older page there may be a hard link
    # into the store (a build that did not empty the site first).
    target.unlink(missing_ok=True)
    target.write_bytes(data)  # bytes: TextIOWrapper is several times slower
    return len(data)


def _link(stored: Path, target: Path) -> None:
    """``target`` as a new link to ``stored``, replacing what was there (see write_file)."""
    try:
        os.link(stored, target)
    except FileExistsError:
        target.unlink()
        os.link(stored, target)


def _stored(writing: _Writing, target: Path, key: str, make: Callable[[], bytes]) -> int:
    """Link the finished file from the store if it is there; else write it and store it.

    A rebuild finds most pages unchanged: a hard link costs the file system far less
    than writing the page again. A file enters the store only once fully written.
    """
    store = writing.job.store
    assert store is not None
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()
    stored = store / digest[:2] / f"{digest}{target.suffix}"
    _folder_for(target, writing.made_folders)
    try:
        _link(stored, target)
        return os.stat(target).st_size
    except FileNotFoundError:
        pass
    except OSError:  # another file system, or no hard links there
        if stored.exists():
            target.unlink(missing_ok=True)
            shutil.copyfile(stored, target)
            return stored.stat().st_size
    size = write_file(target, make(), writing.made_folders)
    stored.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):  # stored meanwhile by another build, or no links
        os.link(target, stored)
    return size


def _run(writing: _Writing, task: tuple) -> Written:
    kind, *where = task
    job = writing.job
    size = 0
    if kind == "files":
        for planned in map(job.files.__getitem__, where[0]):
            target = job.site / planned.path
            make = partial(_file_bytes, planned.make)
            size += (_stored(writing, target, planned.key, make)
                     if job.store is not None and planned.key
                     else write_file(target, make(), writing.made_folders))
        return Written(size)
    start, stop = where
    for planned in job.pages[start:stop]:
        shells = job.shells[posixpath.dirname(planned.path)]
        target = job.site / html_path(planned.path)
        make = partial(_wrapped, job, shells, planned.title, target.name, planned.make)
        size += (_stored(writing, target, "\0".join((shells.digest, planned.title, planned.key)), make)
                 if job.store is not None and planned.key
                 else write_file(target, make(), writing.made_folders))
    return Written(size)


def _file_bytes(make: Callable[[], str | bytes]) -> bytes:
    data = make()
    if not isinstance(data, bytes):
        raise TypeError("a planned file is made as bytes")
    return data


def _wrapped(job: WriteJob, shells: FolderShells, title: str, file_name: str,
             make: Callable[[], str | bytes]) -> bytes:
    content = make()
    if not isinstance(content, str):
        raise TypeError("a planned page is made as text")
    return shells.wrap(title, content, file_name, job.toc_entries).encode("utf-8")


def _start_worker(job: WriteJob) -> None:
    global _WORKER
    _WORKER = _Writing(job)


def _run_in_worker(task: tuple) -> Written:
    assert _WORKER is not None, "a task outside a worker process"
    return _run(_WORKER, task)


# Data exports cut from one serialisation per format and process (export.ClaimRows): one
# task per format, so that a worker holds one format's serialisation, not every format's.
GROUPED_SUFFIXES = (".csv", ".json")


def _tasks(job: WriteJob) -> list[tuple]:
    """Files first (data exports and charts are the longest), then pages."""
    groups: dict[str, list[int]] = {}
    singles = []
    for i, planned in enumerate(job.files):
        suffix = posixpath.splitext(planned.path)[1]
        if suffix in GROUPED_SUFFIXES:
            groups.setdefault(suffix, []).append(i)
        else:
            singles.append((i,))
    return ([("files", tuple(group)) for group in groups.values()]
            + [("files", single) for single in singles]
            + [("pages", start, min(start + PAGES_PER_TASK, len(job.pages)))
               for start in range(0, len(job.pages), PAGES_PER_TASK)])


def write_all(job: WriteJob, workers: int, meanwhile: Callable[[], None] | None = None) -> Written:
    """Write every page and file of ``job``; what was written, in total. ``meanwhile`` runs
    in this process while the workers write (work of the parent's own that needs no core
    of theirs for long: it takes a share of both instead of adding its whole time)."""
    tasks = _tasks(job)
    if workers > 1 and len(job.pages) >= PARALLEL_FROM:
        # Forked: each worker inherits the job instead of unpickling it.
        with multiprocessing.get_context("fork").Pool(workers, initializer=_start_worker,
                                                      initargs=(job,)) as pool:
            pending = pool.imap(_run_in_worker, tasks)  # in order: a reproducible index
            if meanwhile:
                meanwhile()
            results = list(pending)
    else:
        writing = _Writing(job)
        results = [_run(writing, task) for task in tasks]
        if meanwhile:
            meanwhile()
    return Written(sum(r.size for r in results))


def tree_size(folder: Path) -> int:
    """Bytes in every file under ``folder``."""
    total = 0
    for directory, _, names in os.walk(folder):
        total += sum(os.stat(os.path.join(directory, name)).st_size for name in names)
    return total
