"""Write the generated pages and files into the built site, on every core.

Pages and files arrive planned (render/pages.Planned): made only when written, so a
10,000-article build never holds them all. Each page is put into its folder's shell
(render/shell.py). The work is split into tasks that run in forked worker processes,
which inherit the builder and shells instead of receiving them by pipe; a small
site is written in this process.

A rebuild finds most pages unchanged. The new site is written beside the previous one
(site_folder.py), and a page whose key is the one it was written under, and whose file is
still the one written then (same inode, size, modification and change times: an edit in
place, even one that restores the modification time, changes the change time), is linked
from the previous site, which is removed once the new one replaces it: no file of the site
is shared with anything once the build is over. Anything else is made and written again.
``Kept`` records what the next build needs.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import posixpath
import shutil
import struct
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Literal

from ..derive.search import page_text
from ..render.export import Chunks, whole
from ..render.pages import Planned
from ..render.paths import html_path
from ..render.shell import FolderShells, Heading
from . import sealed

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
    reuse: "Reuse | None" = None    # the previous build's files that may be reused
    # A table of contents' entries as the theme renders them (see render/shell.py).
    toc_entries: Callable[[tuple[Heading, ...]], list[str]] = lambda sections: []
    # Pages (by path) whose search text is wanted: made, never reused (Written.texts).
    searched: frozenset[str] = frozenset()


# A file as written: the first 16 bytes of its key's digest, then its st_dev, st_ino,
# st_size, st_mtime_ns and st_ctime_ns right after it was written (or linked), packed as
# bytes: a quarter of the memory of tuples of ints at 14,000 files.
Kept = bytes
_DIGEST = 16
_STAT = struct.Struct("<QQqqq")


@dataclass(frozen=True)
class Reuse:
    folder: Path             # where the previous build's files are
    files: dict[str, Kept]   # by path in that folder
    # "link": the previous site, removed once the new one replaces it (site_folder.py);
    # "copy": another site folder's, which stays; "in place": the site being built itself.
    how: Literal["link", "copy", "in place"] = "link"

    def holds(self, path: str, key: str) -> bool:
        """Whether the file at ``path`` is still the one the last build wrote under ``key``."""
        return self.holds_digest(path, _digest(key))

    def holds_digest(self, path: str, digest: bytes) -> bool:
        """``holds``, from the key's digest (_digest)."""
        kept = self.files.get(path)
        if kept is None or not kept.startswith(digest):
            return False
        try:
            return _kept(digest, os.stat(os.path.join(self.folder, path))) == kept
        except OSError:
            return False


def _digest(key: str) -> bytes:
    return hashlib.sha256(key.encode("utf-8")).digest()[:_DIGEST]


@dataclass(frozen=True)
class Written:
    size: int                                 # bytes written
    kept: bytes = b""                         # the files written under a key (kept_entries)
    # Per page of WriteJob.searched: its path, search keys and text (derive/search.py page_text).
    texts: tuple[tuple[str, str, str], ...] = ()


@dataclass
class _Writing:
    """One process's share of a WriteJob, and the folders it made: one mkdir per folder, not
    one per file. Paths as text: tens of thousands of files, each joined and statted."""

    job: WriteJob
    made_folders: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.site = os.fspath(self.job.site)

    def target(self, path: str) -> str:
        return os.path.join(self.site, path)


def _folder_for(target: str | Path, made_folders: set[str] | None) -> None:
    folder = os.path.dirname(target)
    if made_folders is None:
        os.makedirs(folder, exist_ok=True)
    elif folder not in made_folders:
        os.makedirs(folder, exist_ok=True)
        made_folders.add(folder)


def write_file(target: str | Path, data: bytes | Iterable[bytes],
               made_folders: set[str] | None = None) -> int:
    """Write ``target`` (its bytes, or their chunks as they are made), making its folder
    unless ``made_folders`` has it; the number of bytes written."""
    return _written(target, data, made_folders).st_size


# A new file, never one rewritten in place: a file the last build recorded (by inode) may
# still be there, in a build that did not empty the site (--dirty). Binary on Windows too.
_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
_BLOCK = 1 << 20  # bytes: chunks (a CSV line, a JSON row) are written a block at a time


def _written(target: str | Path, data: bytes | Iterable[bytes],
             made_folders: set[str] | None = None) -> os.stat_result:
    """write_file, giving the file's status once written: read from the open file, which
    saves looking it up again; by plain system calls, four per file (a Python file object
    added a status, a terminal check and the removal of a file that is not there)."""
    _folder_for(target, made_folders)
    try:
        fd = os.open(target, _NEW_FILE, 0o666)
    except FileExistsError:
        os.unlink(target)
        fd = os.open(target, _NEW_FILE, 0o666)
    try:
        for block in _blocks(data):
            view = memoryview(block)
            while view:
                view = view[os.write(fd, view):]
        return os.fstat(fd)
    finally:
        os.close(fd)


def _blocks(data: bytes | Iterable[bytes]) -> Iterator[bytes]:
    """``data`` as a few large writes: its chunks joined up to _BLOCK bytes."""
    if isinstance(data, bytes):
        yield data
        return
    pending: list[bytes] = []
    size = 0
    for chunk in data:
        pending.append(chunk)
        size += len(chunk)
        if size >= _BLOCK:
            yield b"".join(pending)
            pending, size = [], 0
    if pending:
        yield b"".join(pending)


def _kept(digest: bytes, stat: os.stat_result) -> Kept:
    return digest + _STAT.pack(stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns,
                               stat.st_ctime_ns)


def _entry(path: str, kept: Kept) -> bytes:
    return path.encode("utf-8") + b"\0" + kept


def kept_entries(blob: bytes) -> dict[str, Kept]:
    """``Written.kept`` by path. Kept as one string of bytes until the record is written:
    14,000 pairs of objects, made and dropped, would raise a cold build's peak memory."""
    entries, start, size = {}, 0, _DIGEST + _STAT.size
    while start < len(blob):
        end = blob.index(b"\0", start)
        entries[blob[start:end].decode("utf-8")] = blob[end + 1:end + 1 + size]
        start = end + 1 + size
    return entries


def _stat(kept: Kept) -> tuple[int, int, int, int, int]:
    """st_dev, st_ino, st_size, st_mtime_ns and st_ctime_ns as recorded."""
    return _STAT.unpack_from(kept, _DIGEST)


def _placed(writing: _Writing, path: str, key: str, make: Callable[[], bytes | Chunks],
            reusable: bool = True) -> tuple[int, Kept]:
    """Move the previous build's file back if it is still the one written under ``key``
    (and ``reusable``); else make it and write it."""
    digest = _digest(key)
    target = writing.target(path)
    _folder_for(target, writing.made_folders)
    reuse = writing.job.reuse
    if reusable and reuse is not None and reuse.holds_digest(path, digest):
        source = os.path.join(reuse.folder, path)
        try:
            if reuse.how == "link":
                os.link(source, target)
            elif reuse.how == "copy":
                with suppress(FileNotFoundError):  # as in write_file
                    os.unlink(target)
                shutil.copyfile(source, target)
            stat = os.stat(target)
            return stat.st_size, _kept(digest, stat)
        except OSError:  # gone, or not movable: made again
            pass
    stat = _written(target, make(), writing.made_folders)
    return stat.st_size, _kept(digest, stat)


def _run(writing: _Writing, task: tuple) -> Written:
    kind, *where = task
    job = writing.job
    size = 0
    kept: list[bytes] = []
    if kind == "files":
        files = [job.files[i] for i in where[0]]
        # Files planned under one key are one file's bytes: made once, kept for the others
        # only (a data export's bytes are not kept past their file).
        keys = Counter(planned.key for planned in files if planned.key)
        made: dict[str, bytes] = {}
        for planned in files:
            make = partial(_file_bytes, planned.make, made,
                           planned.key if keys[planned.key] > 1 else "")
            if planned.key:
                written, record = _placed(writing, planned.path, planned.key, make)
                size += written
                kept.append(_entry(planned.path, record))
            else:
                size += write_file(writing.target(planned.path), make(), writing.made_folders)
        return Written(size, b"".join(kept))
    start, stop = where
    texts: list[tuple[str, str, str]] = []
    for planned in job.pages[start:stop]:
        shells = job.shells[posixpath.dirname(planned.path)]
        path = html_path(planned.path)
        searched = planned.path in job.searched
        content = partial(_searched, planned, texts) if searched else planned.make
        page = partial(_wrapped, job, shells, planned.title, path, content)
        if planned.key:
            written, record = _placed(writing, path, page_key(shells, planned), page,
                                      reusable=not searched)
            size += written
            kept.append(_entry(path, record))
        else:
            size += write_file(writing.target(path), page(), writing.made_folders)
    return Written(size, b"".join(kept), tuple(texts))


def _searched(planned: Planned, texts: list[tuple[str, str, str]]) -> str | bytes | Chunks:
    """A page's content, its search keys and text added to ``texts`` on the way."""
    content = planned.make()
    if isinstance(content, str):
        texts.append((planned.path, *page_text(content)))
    return content


def page_key(shells: FolderShells, planned: Planned) -> str:
    """What a page put into a shell is stored under: its shell, its title and its own key."""
    return "\0".join((shells.digest, planned.title, planned.key))


def _file_bytes(make: Callable[[], str | bytes | Chunks], made: dict[str, bytes],
                key: str) -> bytes | Chunks:
    if key in made:
        return made[key]
    data = make()
    if isinstance(data, str):
        raise TypeError("a planned file is made as bytes")
    if key:
        made[key] = data = whole(data)
    return data


def _wrapped(job: WriteJob, shells: FolderShells, title: str, path: str,
             make: Callable[[], str | bytes | Chunks]) -> bytes:
    content = make()
    if not isinstance(content, str):
        raise TypeError("a planned page is made as text")
    return shells.wrap(title, content, path, job.toc_entries).encode("utf-8")


def _start_worker(job: WriteJob) -> None:
    global _WORKER
    _WORKER = _Writing(job)


def _run_in_worker(task: tuple) -> Written:
    assert _WORKER is not None, "a task outside a worker process"
    return _run(_WORKER, task)


def _tasks(job: WriteJob) -> tuple[list[tuple], int]:
    """The tasks, and how many of the first hold the pages whose search text is wanted
    (WriteJob.searched): those first, then files (data exports and charts are the longest),
    then the other pages. Files planned under one key (a chart at its old address too) are
    one task: it makes their bytes once."""
    groups: dict[tuple[str, str | int], list[int]] = {}
    for i, planned in enumerate(job.files):
        group = ("key", planned.key) if planned.key else ("file", i)
        groups.setdefault(group, []).append(i)
    pages = [("pages", start, min(start + PAGES_PER_TASK, len(job.pages)))
             for start in range(0, len(job.pages), PAGES_PER_TASK)]
    searched = [task for task in pages
                if any(planned.path in job.searched for planned in job.pages[task[1]:task[2]])]
    return ([*searched, *(("files", tuple(group)) for group in groups.values()),
             *(task for task in pages if task not in searched)], len(searched))


def write_all(job: WriteJob, workers: int,
              searched: Callable[[list[tuple[str, str, str]]], None] | None = None) -> Written:
    """Write every page and file of ``job``; what was written, in total. ``searched`` is
    given the search texts of WriteJob.searched's pages as soon as they are written, while
    the rest is: a first build's search index needs them, and is made meanwhile (build.py)."""
    tasks, first = _tasks(job)
    results: list[Written] = []

    def collect(written: Iterable[Written]) -> None:
        if searched is not None and first == 0:
            searched([])
        for result in written:
            results.append(result)
            if searched is not None and len(results) == first:
                searched([text for r in results for text in r.texts])

    if workers > 1 and len(job.pages) >= PARALLEL_FROM:
        # Forked: each worker inherits the job instead of unpickling it.
        with multiprocessing.get_context("fork").Pool(workers, initializer=_start_worker,
                                                      initargs=(job,)) as pool:
            collect(pool.imap(_run_in_worker, tasks, chunksize=1))
    else:
        writing = _Writing(job)
        collect(_run(writing, task) for task in tasks)
    return Written(sum(r.size for r in results), b"".join(r.kept for r in results),
                   tuple(text for r in results for text in r.texts))


# What the next build into a site folder may move back, one record per folder (`mkdocs serve`
# builds into a temporary one): the folder's path as text, then the packed entries, sealed
# (sealed.py) under the record's own name.
_RECORD_NAME = "site record"


def _record_path(cache: Path, site: Path) -> Path:
    return cache / "sites" / f"{hashlib.sha256(os.fsencode(site)).hexdigest()[:24]}.record"


def _read_record(path: Path) -> tuple[Path, bytes, int] | None:
    """The site folder a record is for, its entries, and the record's modification time."""
    try:
        with path.open("rb") as file:
            parts = sealed.unseal(_RECORD_NAME, file.read())
            stamp = os.fstat(file.fileno()).st_mtime_ns
    except OSError:
        return None
    if parts is None or len(parts) != 2:
        return None
    return Path(os.fsdecode(parts[0])), parts[1], stamp


def kept_files(cache: Path, site: Path) -> dict[str, Kept]:
    """The files the last build wrote into ``site``, as written.

    One whose change time is not earlier than the record's own time is left out: it was
    written in the file system clock's last tick before the record, and an edit in that
    same tick would not change its times.
    """
    record = _read_record(_record_path(cache, site))
    if record is None or record[0] != site:
        return {}
    _, files, stamp = record
    try:
        return {path: kept for path, kept in kept_entries(files).items()
                if len(kept) == _DIGEST + _STAT.size and _stat(kept)[4] < stamp}
    except (UnicodeDecodeError, ValueError, struct.error):
        return {}


def kept_elsewhere(cache: Path, site: Path) -> tuple[Path, dict[str, Kept]]:
    """The files the last build into another existing folder wrote there, as written: a
    build into a new folder (`mkdocs serve`'s first) copies them instead of making them."""
    records = sorted(((path.stat().st_mtime_ns, path) for path in (cache / "sites").glob("*.record")
                      if path != _record_path(cache, site)), reverse=True)
    for _, path in records:
        record = _read_record(path)
        if record is not None and record[0].is_dir():
            return record[0], kept_files(cache, record[0])
    return site, {}


def restat(site: Path, kept: bytes) -> bytes:
    """``kept`` with each file's times as they are now: removing the previous site changed
    the change time of every file linked from it."""
    entries = []
    for path, record in kept_entries(kept).items():
        try:
            entries.append(_entry(path, _kept(record[:_DIGEST], os.stat(site / path))))
        except OSError:
            pass
    return b"".join(entries)


def keep_record(cache: Path, site: Path, kept: bytes) -> None:
    """Record ``kept`` for the next build into ``site``; drop the records of folders gone
    and files that are not records."""
    target = _record_path(cache, site)
    target.parent.mkdir(parents=True, exist_ok=True)
    for other in target.parent.iterdir():
        if other != target and other.is_file():
            record = _read_record(other) if other.suffix == ".record" else None
            if record is None or not record[0].is_dir():
                other.unlink(missing_ok=True)
    sealed.write_sealed(target, _RECORD_NAME, [os.fsencode(site), kept])
