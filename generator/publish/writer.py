"""Write the generated pages and files into the built site, on every core.

Pages and files arrive planned (render/pages.Planned): made only when written, so a
10,000-article build never holds them all. Each page is put into its folder's shell
(render/shell.py). The work is split into tasks that run in forked worker processes,
which inherit the builder and shells instead of receiving them by pipe; a small
site is written in this process.

A rebuild finds most pages unchanged. Before MkDocs empties the site folder, the previous
build's files are moved aside (``set_aside``, on the same file system), and a page whose key
is the one it was written under, and whose file is still the one written then (same inode,
size, modification and change times: an edit in place, even one that restores the
modification time, changes the change time), is moved back: a rename, as cheap as the hard
link from a store it replaces, and no file of the site is ever shared with the cache.
Anything else is made and written again. ``Kept`` records what the next build needs.
"""

from __future__ import annotations

import contextlib
import hashlib
import multiprocessing
import os
import posixpath
import pickle
import shutil
import struct
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
    reuse: "Reuse | None" = None    # the previous build's files that may be put back
    # A table of contents' entries as the theme renders them (see render/shell.py).
    toc_entries: Callable[[tuple[Heading, ...]], list[str]] = lambda sections: []


# A file as written: the first 16 bytes of its key's digest, then its st_dev, st_ino,
# st_size, st_mtime_ns and st_ctime_ns right after it was written (or moved back), packed:
# 14,000 of them as tuples of ints weighed some 6 MB, as bytes 1.5 MB.
Kept = bytes
_DIGEST = 16
_STAT = struct.Struct("<QQqqq")


@dataclass(frozen=True)
class Reuse:
    folder: Path             # where the previous build's files are (set aside, or the site)
    files: dict[str, Kept]   # by path in the site
    move: bool = True        # False: another site folder's files, copied

    def holds(self, path: str, key: str) -> bool:
        """Whether the file at ``path`` is still the one the last build wrote under ``key``."""
        digest = _digest(key)
        kept = self.files.get(path)
        if kept is None or not kept.startswith(digest):
            return False
        try:
            return _kept(digest, os.stat(self.folder / path)) == kept
        except OSError:
            return False


def _digest(key: str) -> bytes:
    return hashlib.sha256(key.encode("utf-8")).digest()[:_DIGEST]


@dataclass(frozen=True)
class Written:
    size: int                                 # bytes written
    kept: bytes = b""                         # the files written under a key (kept_entries)


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
    # A new file, never one rewritten in place: a file the last build recorded (by inode)
    # may still be there, in a build that did not empty the site (--dirty).
    target.unlink(missing_ok=True)
    target.write_bytes(data)  # bytes: TextIOWrapper is several times slower
    return len(data)


def _kept(digest: bytes, stat: os.stat_result) -> Kept:
    return digest + _STAT.pack(stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns,
                               stat.st_ctime_ns)


def _entry(path: str, kept: Kept) -> bytes:
    return path.encode("utf-8") + b"\0" + kept


def kept_entries(blob: bytes) -> dict[str, Kept]:
    """``Written.kept`` by path. Kept as one string of bytes until the record is written:
    14,000 pairs of objects, made and dropped, had raised a cold build's peak memory."""
    entries, start, size = {}, 0, _DIGEST + _STAT.size
    while start < len(blob):
        end = blob.index(b"\0", start)
        entries[blob[start:end].decode("utf-8")] = blob[end + 1:end + 1 + size]
        start = end + 1 + size
    return entries


def _stat(kept: Kept) -> tuple[int, int, int, int, int]:
    """st_dev, st_ino, st_size, st_mtime_ns and st_ctime_ns as recorded."""
    return _STAT.unpack_from(kept, _DIGEST)


def _placed(writing: _Writing, path: str, key: str, make: Callable[[], bytes]) -> tuple[int, Kept]:
    """Move the previous build's file back if it is still the one written under ``key``;
    else make it and write it."""
    job = writing.job
    digest = _digest(key)
    target = job.site / path
    _folder_for(target, writing.made_folders)
    reuse = job.reuse
    if reuse is not None and reuse.holds(path, key):
        source = reuse.folder / path
        try:
            if reuse.move:
                if source != target:  # the same path when the site was not emptied
                    os.rename(source, target)
            else:
                target.unlink(missing_ok=True)  # as in write_file
                shutil.copyfile(source, target)
            stat = os.stat(target)
            return stat.st_size, _kept(digest, stat)
        except OSError:  # gone, or not movable: made again
            pass
    write_file(target, make(), writing.made_folders)
    stat = os.stat(target)
    return stat.st_size, _kept(digest, stat)


def _run(writing: _Writing, task: tuple) -> Written:
    kind, *where = task
    job = writing.job
    size = 0
    kept: list[bytes] = []
    if kind == "files":
        for planned in map(job.files.__getitem__, where[0]):
            make = partial(_file_bytes, planned.make)
            if planned.key:
                written, record = _placed(writing, planned.path, planned.key, make)
                size += written
                kept.append(_entry(planned.path, record))
            else:
                size += write_file(job.site / planned.path, make(), writing.made_folders)
        return Written(size, b"".join(kept))
    start, stop = where
    for planned in job.pages[start:stop]:
        shells = job.shells[posixpath.dirname(planned.path)]
        path = html_path(planned.path)
        make = partial(_wrapped, job, shells, planned.title, posixpath.basename(path), planned.make)
        if planned.key:
            written, record = _placed(writing, path, "\0".join((shells.digest, planned.title,
                                                                 planned.key)), make)
            size += written
            kept.append(_entry(path, record))
        else:
            size += write_file(job.site / path, make(), writing.made_folders)
    return Written(size, b"".join(kept))


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
    return Written(sum(r.size for r in results), b"".join(r.kept for r in results))


def tree_size(folder: Path) -> int:
    """Bytes in every file under ``folder``."""
    total = 0
    for directory, _, names in os.walk(folder):
        total += sum(os.stat(os.path.join(directory, name)).st_size for name in names)
    return total


# What the next build into a site folder may move back, one record per folder (`mkdocs serve`
# builds into a temporary one).
def _record_path(cache: Path, site: Path) -> Path:
    return cache / "sites" / f"{hashlib.sha256(os.fsencode(site)).hexdigest()[:24]}.pickle"


def kept_files(cache: Path, site: Path) -> dict[str, Kept]:
    """The files the last build wrote into ``site``, as written.

    One whose change time is not earlier than the record's own time is left out: it was
    written in the file system clock's last tick before the record, and an edit in that
    same tick would not change its times.
    """
    path = _record_path(cache, site)
    try:
        with path.open("rb") as file:
            record = pickle.load(file)
            stamp = os.fstat(file.fileno()).st_mtime_ns
    except (OSError, pickle.PickleError, EOFError, AttributeError, TypeError, ValueError):
        return {}
    if not isinstance(record, dict) or record.get("site") != str(site):
        return {}
    try:
        return {path: kept for path, kept in kept_entries(record["files"]).items()
                if len(kept) == _DIGEST + _STAT.size and _stat(kept)[4] < stamp}
    except (AttributeError, KeyError, TypeError, ValueError, struct.error):  # another format
        return {}


def kept_elsewhere(cache: Path, site: Path) -> tuple[Path, dict[str, Kept]]:
    """The files the last build into another existing folder wrote there, as written: a
    build into a new folder (`mkdocs serve`'s first) copies them instead of making them."""
    records = sorted(((path.stat().st_mtime_ns, path) for path in (cache / "sites").glob("*.pickle")
                      if path != _record_path(cache, site)), reverse=True)
    for _, path in records:
        with contextlib.suppress(Exception):
            with path.open("rb") as file:
                folder = Path(pickle.load(file)["site"])
            if folder.is_dir():
                return folder, kept_files(cache, folder)
    return site, {}


def keep_record(cache: Path, site: Path, kept: bytes) -> None:
    """Record ``kept`` for the next build into ``site``; drop the records of folders gone."""
    target = _record_path(cache, site)
    target.parent.mkdir(parents=True, exist_ok=True)
    for other in target.parent.glob("*.pickle"):
        if other != target:
            with contextlib.suppress(Exception):
                with other.open("rb") as file:
                    if Path(pickle.load(file)["site"]).is_dir():
                        continue
            other.unlink(missing_ok=True)
    temporary = target.with_suffix(f".{os.getpid()}.tmp")
    temporary.write_bytes(pickle.dumps({"site": str(site), "files": kept},
                                       protocol=pickle.HIGHEST_PROTOCOL))
    temporary.replace(target)


def set_aside(site: Path, folder: Path) -> None:
    """Move every entry of ``site`` but hidden ones (which MkDocs does not remove either)
    into the empty ``folder``, which must be on the same file system: MkDocs then finds
    nothing to remove, and the writer moves back what it can reuse. An entry that cannot be
    moved stays, for MkDocs to remove."""
    folder.mkdir(parents=True)
    try:
        entries = [entry.name for entry in os.scandir(site) if not entry.name.startswith(".")]
    except FileNotFoundError:
        return
    for name in entries:
        try:
            os.rename(site / name, folder / name)
        except OSError:  # another file system: nothing can be moved
            return


def put_back(site: Path, folder: Path, kept: dict[str, Kept]) -> None:
    """Undo ``set_aside`` after a failed build: the files moved back into ``site`` return to
    ``folder`` (found by inode), whatever else the build wrote is removed, and ``folder``'s
    entries move back into ``site``."""
    for path, recorded in kept.items():
        device, inode, size, mtime, _ = _stat(recorded)
        with contextlib.suppress(OSError):
            stat = os.stat(site / path)  # a move changes the change time only
            if (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns) == (device, inode, size,
                                                                              mtime):
                os.rename(site / path, folder / path)
    for entry in os.scandir(site):
        if not entry.name.startswith("."):
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)
            else:
                os.unlink(entry.path)
    for entry in os.scandir(folder):
        os.rename(entry.path, site / entry.name)
