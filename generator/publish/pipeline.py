"""Per-article work, on every core and cached by content: the part of a build that grows
with the archive.

For each article file, one task reads and validates it (schema, references, quotes)
and, when asked, renders its page content and computes what the archive-wide steps
need from it (near-duplicate shingles). Tasks run in forked worker processes; results
are cached on disk under a key made of the file's bytes, its path (the id must match the
file name, and the result names its file) and a fingerprint of everything else that
shapes them (the generator's code and templates, the metadata files, Python and library
versions), so an unchanged article costs one file read on the next build.
"""

from __future__ import annotations

import gc
import hashlib
import json
import logging
import multiprocessing
import os
import stat
import struct
import sys
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property
from importlib import metadata
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import numpy as np

from ..derive.duplicates import word_shingles
from ..derive.search import keys, page_text, plain_text
from ..derive.words import words
from ..model import Archive, Article, ArticleInfo, Registries
from ..read import sources
from ..read.errors import ContentError, ErrorCollector, display_path
from ..read.load import assemble, read_article_file, scan
from ..read.schema import article_body
from . import sealed

if TYPE_CHECKING:
    from ..render.pages import ArticleRenderer

log = logging.getLogger("mkdocs.plugins.briefing")
_LIBRARIES = ("markdown-it-py", "mdurl", "nh3", "matplotlib", "jinja2", "markupsafe", "pydantic",
              "pyyaml", "babel", "numpy")
# A file's status as recorded with its cache key (Cache.key_of): device, inode, size,
# modification and change times.
_STATUS = struct.Struct("<QQqqq")
_RECORDED = _STATUS.size + 64  # then the key, in hexadecimal
# Misses from which articles are processed in worker processes.
_PARALLEL_FROM = 51
# A worker's job, set in each worker process by its initializer (the job is inherited by
# fork, not sent by pipe); never set in the building process, so nothing outlives a build.
_WORKER_JOB: "_Job | None" = None


@dataclass(frozen=True)
class Processed:
    """What one article file yields.

    When rendering, the article comes back without its body (an ArticleInfo): the rendered
    content holds all the build needs of it (feeds read the few bodies they summarise
    again), and 10,000 bodies would cost memory and transfer time. With a cache, the
    rendered content stays on disk (``cache_key``) until the page is written: holding
    10,000 pages in memory would cost more than reading them back.
    """

    article: ArticleInfo | None
    errors: tuple[ContentError, ...]
    content: str = ""                      # rendered page content (when rendering, no cache)
    cache_key: str = ""
    # Names the article without its body (and the fingerprint): what lists and data files show.
    metadata_key: str = ""
    shingles: bytes = b""                  # near-duplicate shingles, packed (see shingle_array)
    terms: str = ""                        # its search keys, space-separated
    excerpt: str = ""  # its whole text, for search excerpts (with a cache: left on disk, see text)
    # ``article`` as JSON when made already (for its metadata key): what Cache.put writes.
    article_json: str = ""

    def shingle_array(self) -> np.ndarray:
        return np.frombuffer(self.shingles, dtype=np.int64)


@dataclass(frozen=True)
class _Job:
    """One build's per-article work: what every task needs, and what tasks of one process share."""

    root: Path
    registries: Registries
    render: bool
    fingerprint: str = ""
    # Word numbers for shingles (duplicates.shingles), kept across one process's articles.
    word_ids: dict[str, int] = field(default_factory=dict)

    @cached_property
    def renderer(self) -> ArticleRenderer:
        """Made in the process that renders, on its first article (a worker, after the fork)."""
        from ..render.pages import (
            ArticleRenderer,  # pulls in the templates: only when asked
        )
        return ArticleRenderer(self.registries)


def fingerprint(content_dir: Path) -> str:
    """Changes whenever anything but the article itself could change a task's result."""
    digest = hashlib.sha256()
    package = Path(__file__).parents[1]  # the whole generator package
    for path in sorted(package.rglob("*")):
        # Every file, templates of any kind included, but Python's bytecode.
        relative = path.relative_to(package)
        if path.is_file() and "__pycache__" not in relative.parts and path.suffix != ".pyc":
            digest.update(relative.as_posix().encode())
            digest.update(path.read_bytes())
    for name in (*sources.METADATA_FILES, sources.PUBLICATION_FILE):
        path = content_dir / name
        digest.update(path.read_bytes() if path.exists() else b"")
    for library in _LIBRARIES:
        digest.update(f"{library}={metadata.version(library)}".encode())
    digest.update(sys.version.encode())
    return digest.hexdigest()


class Cache:
    """Task results on disk, one file per (article bytes and path, fingerprint, mode): a
    sealed record (sealed.py: the article and the result as JSON, its shingles, the digests
    of its text and of its content), then its whole text for search excerpts, read only when
    its excerpt shard is made, then the rendered content as UTF-8, read only when the page is
    written. A rebuild reads the records alone: sealed with them, the texts (as large again)
    were read and checked by every build. One file per article: at 10,000 articles, file
    creations are a large part of a cold build.

    An entry that fails its check (changed, cut short, foreign) is a miss, counted in
    ``rejected`` so that the build can say so once."""

    def __init__(self, folder: Path, fingerprint: str):
        self.folder = folder
        self.fingerprint = fingerprint
        self._folder = os.fspath(folder)  # joined 10,000 times (_file)
        self.rejected = 0
        self._known: dict[str, bytes] | None = None  # the last build's keys by file (key_of)
        self._named: list[bytes] = []                # this build's, for the next one

    def key_of(self, path: Path, render: bool, shown: str) -> str | None:
        """``path``'s key (``key`` of its bytes), None for a symbolic link (never cached).

        A file whose status is the one recorded with its key by the last build (same
        inode, size, modification and change times: any edit moves the change time) is not
        read again: a rebuild otherwise reads every article file besides its record."""
        status = os.lstat(path)
        if stat.S_ISLNK(status.st_mode):
            return None
        packed = _STATUS.pack(status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns,
                              status.st_ctime_ns)
        recorded = self._recorded_keys(render).get(os.fspath(path))
        if (recorded is not None and recorded.startswith(packed)
                and recorded[_RECORDED:] == shown.encode("utf-8")):
            key = recorded[_STATUS.size:_RECORDED].decode("ascii")
        else:
            key = self.key(path.read_bytes(), render, shown)
        self._named.append(b"\0".join((os.fsencode(path), packed + key.encode("ascii")
                                        + shown.encode("utf-8"), b"")))
        return key

    def _keys_record(self, render: bool) -> tuple[Path, str]:
        return self.folder / f"keys-{int(render)}.record", f"article keys\0{self.fingerprint}"

    def _recorded_keys(self, render: bool) -> dict[str, bytes]:
        """The last build's entries: status, key and path as shown, by path; one whose change time is not
        earlier than the record's own is left out (an edit in that clock tick would not show)."""
        if self._known is None:
            self._known = {}
            path, name = self._keys_record(render)
            try:
                with path.open("rb") as file:
                    parts = sealed.unseal(name, file.read())
                    stamp = os.fstat(file.fileno()).st_mtime_ns
            except OSError:
                parts = None
            blob = parts[0] if parts is not None and len(parts) == 1 else b""
            start = 0  # entries: path, NUL, status, key, path as shown, NUL
            while (end := blob.find(b"\0", start)) >= 0 and (
                    stop := blob.find(b"\0", end + 1 + _RECORDED)) >= 0:
                where, recorded, start = blob[start:end], blob[end + 1:stop], stop + 1
                if _STATUS.unpack_from(recorded)[4] < stamp:
                    self._known[os.fsdecode(where)] = recorded
        return self._known

    def keep_keys(self, render: bool) -> None:
        """Record this build's keys by file for the next build (key_of)."""
        path, name = self._keys_record(render)
        try:
            sealed.write_sealed(path, name, [b"".join(self._named)])
        except OSError:
            pass  # a read-only cache: the next build reads the files again

    def key(self, data: bytes, render: bool, path: str = "") -> str:
        """Names a result by everything it depends on: the article's bytes, its ``path`` (as
        shown in messages: the id must match the file name, and the result names its file),
        the mode and the fingerprint."""
        named = "\0".join((self.fingerprint, str(int(render)), path)).encode("utf-8")
        return hashlib.sha256(len(named).to_bytes(8, "little") + named + data).hexdigest()

    def _file(self, key: str) -> str:
        return os.path.join(self._folder, key[:2], f"{key}.result")  # read 10,000 times: no Path

    def _read(self, key: str, want: Literal["record", "text", "content"]
              ) -> tuple[list[bytes], tuple[int, int], bytes] | None:
        """The record's parts, the sizes of the text and the content after it, and what is
        wanted besides the record: the text's bytes or the content's (else none: a rebuild
        reuses most pages), each to be checked against its digest in the record; None if
        missing or failing its check."""
        try:
            with open(self._file(key), "rb") as file:
                head = file.read(8)
                size = int.from_bytes(head, "little")
                record = file.read(size)
                text_head = file.read(8)
                text_size = int.from_bytes(text_head, "little")
                data = b""
                if want == "text":
                    data = file.read(text_size)
                elif want == "content":
                    file.seek(text_size, os.SEEK_CUR)
                    data = file.read()
                content_size = os.fstat(file.fileno()).st_size - 16 - size - text_size
        except (OSError, OverflowError):
            return None
        parts = (sealed.unseal(key, record)
                 if len(head) == 8 and len(record) == size and len(text_head) == 8 else None)
        if parts is None or len(parts) != 5:
            self.rejected += 1
            return None
        return parts, (text_size, content_size), data

    def get(self, key: str) -> Processed | None:
        """The cached result, its content left on disk (see ``content``)."""
        found = self._read(key, "record")
        if found is None:
            return None
        (article, fields, shingles, _, _), sizes, _ = found
        try:
            record = json.loads(fields)
            if (record["text_size"], record["content_size"]) != sizes:  # a crash while writing
                raise ValueError("cut short")
            model = Article if record["kind"] == "article" else ArticleInfo
            return Processed(model.model_validate_json(article), (),
                             cache_key=key, metadata_key=record["metadata_key"],
                             shingles=shingles, terms=record["terms"])
        except (ValueError, KeyError, TypeError):  # pydantic's ValidationError is a ValueError
            self.rejected += 1
            return None

    def text(self, key: str) -> str | None:
        """A cached result's text for search excerpts, read when its excerpt shard is made;
        None when the entry is gone or fails its check."""
        found = self._read(key, "text")
        if found is None:
            return None
        (*_, digest, _), _, text = found
        if hashlib.sha256(text).digest() != digest:
            return None
        try:
            return text.decode("utf-8")
        except UnicodeDecodeError:
            return None

    def content(self, key: str) -> str | None:
        """A cached result's rendered content, read when its page is written; None when the
        entry is gone or its content is not the one sealed."""
        found = self._read(key, "content")
        if found is None:
            return None
        (*_, digest), _, content = found
        if hashlib.sha256(content).digest() != digest:
            return None
        return content.decode("utf-8")

    def put(self, key: str, result: Processed) -> None:
        assert result.article is not None and not result.errors, "only good results are cached"
        path = Path(self._file(key))
        path.parent.mkdir(parents=True, exist_ok=True)
        content = result.content.encode("utf-8")
        text = result.excerpt.encode("utf-8")
        fields = json.dumps({
            "kind": "article" if isinstance(result.article, Article) else "info",
            "text_size": len(text), "content_size": len(content),
            "metadata_key": result.metadata_key, "terms": result.terms}, ensure_ascii=False)
        article = result.article_json or result.article.model_dump_json()
        record = sealed.seal(key, [article.encode("utf-8"),
                                   fields.encode("utf-8"), result.shingles,
                                   hashlib.sha256(text).digest(),
                                   hashlib.sha256(content).digest()])
        # Written in place, not renamed: one file creation less per article. A file cut
        # short (a crash) fails its check and is a miss; two builds writing the same key
        # write the same bytes.
        path.write_bytes(b"".join((len(record).to_bytes(8, "little"), record,
                                   len(text).to_bytes(8, "little"), text, content)))


class RenderedArticles:
    """Articles as the pipeline rendered them, for pages (render/pages ArticleContents):
    each page's content is read back from the cache when the page is written; a feed's
    summaries are rendered from their articles' bodies, read again (only feeds need them,
    for their newest articles: rendering one per article would be wasted)."""

    stored = True

    def __init__(self, cache: Cache, results: dict[str, Processed], root: Path,
                 renderer: ArticleRenderer):
        self.cache = cache
        self.results = results
        self.root = root
        self.renderer = renderer

    def content(self, article_id: str) -> str:
        """The page content the cache holds, or, if that entry went bad since it was read,
        rendered again from the article's file (and cached again)."""
        result = self.results[article_id]
        content = self.cache.content(result.cache_key)
        if content is None:
            assert result.article is not None, "the content of an article that failed"
            log.info(f"briefing: the build cache's page of {result.article.source} failed its "
                     "check (changed or made elsewhere): rendered again")
            found = self._read_again(result.article)
            content = self.renderer.content(found)
            self.cache.put(result.cache_key, replace(result, content=content,
                                                     excerpt=_searched(self.renderer, found, content)[1]))
        return content

    def text(self, article_id: str) -> str:
        """An article's whole text for search excerpts: from the cache, or, if that entry went
        bad since it was read, from the article's file again."""
        result = self.results[article_id]
        if result.excerpt or not result.cache_key:
            return result.excerpt
        text = self.cache.text(result.cache_key)
        if text is None:
            assert result.article is not None, "the text of an article that failed"
            found = self._read_again(result.article)
            text = _searched(self.renderer, found, self.renderer.content(found))[1]
        return text

    def _read_again(self, article: ArticleInfo) -> Article:
        """``article`` read from its file again, as it was when the build read it."""
        found, _ = read_article_file(self.root / article.source, self.root, self.renderer.archive)
        if found is None:
            raise OSError(f"{article.source} changed during the build: build again")
        return found

    def text_key(self, article_id: str) -> str:
        """What an article's ``text`` is made from: its cache key (its bytes and the code),
        or the text itself when it is held here."""
        result = self.results[article_id]
        return result.excerpt or result.cache_key

    def summary(self, article_id: str) -> str:
        article = self.results[article_id].article
        assert article is not None, "a summary of an article that failed"
        body = sources.read_body(self.root / article.source, self.root)
        return self.renderer.summary(article_body(body))

    def content_key(self, article_id: str) -> str:
        return self.results[article_id].cache_key

    def metadata_key(self, article_id: str) -> str:
        return self.results[article_id].metadata_key


def _searched(renderer: ArticleRenderer, article: Article, content: str) -> tuple[set[str], str]:
    """The search keys of what an article's page ``content`` shows of it beside its title
    and text (ArticleRenderer.shown_details), and its excerpt text: its text, then those."""
    keys_shown, shown = page_text(renderer.shown_details(content))
    return set(keys_shown.split()), " ".join(filter(None, (plain_text(article.body), shown)))


def process(path: Path, job: _Job) -> Processed:
    """Read, validate and (optionally) render one article."""
    article, errors = read_article_file(path, job.root, job.registries)
    if article is None or errors:
        return Processed(article, errors)
    body_words = words(article.body)  # read once, for near-duplicates and for the search
    packed = array("q", sorted(word_shingles(body_words, job.word_ids))).tobytes()
    if not job.render:
        return Processed(article, (), shingles=packed)
    renderer = job.renderer
    metadata = article.info()
    content = renderer.content(article)
    details, excerpt = _searched(renderer, article, content)
    metadata_json = metadata.model_dump_json()
    return Processed(metadata, (), content=content,
                     shingles=packed,
                     terms=" ".join(sorted(keys(words(article.title)) | keys(body_words) | details)),
                     excerpt=excerpt,
                     metadata_key=hashlib.sha256(
                         (job.fingerprint + metadata_json).encode()).hexdigest(),
                     article_json=metadata_json)


def _stored(result: Processed, key: str | None, cache_folder: str | None) -> Processed:
    """Cache a good result; what goes back to the build then leaves its content on disk."""
    if key is None or cache_folder is None or result.errors:
        return replace(result, article_json="") if result.article_json else result
    Cache(Path(cache_folder), "").put(key, result)
    return replace(result, content="", excerpt="", article_json="", cache_key=key)


def _start_worker(job: _Job) -> None:
    global _WORKER_JOB
    _WORKER_JOB = job
    gc.enable()  # workers collect their garbage even when the build paused collection (plugin.py)


def _work(item: tuple[str, str | None, str | None]) -> tuple[str, Processed]:
    path, key, cache_folder = item
    assert _WORKER_JOB is not None, "a task outside a worker process"
    return path, _stored(process(Path(path), _WORKER_JOB), key, cache_folder)


def process_all(paths: list[Path], root: Path, registries: Registries, *, render: bool,
                workers: int = 1, cache: Cache | None = None,
                progress: Callable[[int, int], None] | None = None) -> dict[Path, Processed]:
    """Every article's result, in ``paths`` order, using the cache and ``workers`` processes.

    Cache lookups (a read and a hash per file) go on while the workers process the first
    misses: on a cold build they cost nothing; on a warm one, no worker is started."""
    job = _Job(root, registries, render, cache.fingerprint if cache else "")
    folder = str(cache.folder) if cache else None
    results: dict[Path, Processed] = {}

    def misses(of: Iterable[Path]) -> Iterator[tuple[str, str | None, str | None]]:
        for path in of:
            key = cache.key_of(path, render, display_path(path, root)) if cache else None
            hit = cache.get(key) if cache and key else None
            if hit is None:
                yield str(path), key, folder
            else:
                results[path] = hit

    remaining = iter(paths)
    todo = list(islice(misses(remaining), _PARALLEL_FROM))  # stops at enough misses for workers
    if progress:
        progress(len(results), len(paths))
    if workers > 1 and len(todo) == _PARALLEL_FROM:
        # Forked: each worker inherits the job (and the registries) instead of unpickling it.
        with multiprocessing.get_context("fork").Pool(workers, initializer=_start_worker,
                                                      initargs=(job,)) as pool:
            tasks = chain(todo, misses(remaining))  # the pool's feeder thread looks up the rest
            for done, (name, result) in enumerate(
                    pool.imap_unordered(_work, tasks, chunksize=32), start=1):
                results[Path(name)] = result
                if progress and done % 1000 == 0:
                    progress(len(results), len(paths))
    else:
        for name, key, cache_folder in chain(todo, misses(remaining)):
            results[Path(name)] = _stored(process(Path(name), job), key, cache_folder)
    if cache:
        cache.keep_keys(render)
    return {path: results[path] for path in paths}


def load(content_dir: Path, root: Path | None = None, *, render: bool = False, workers: int = 1,
         cache: Cache | None = None,
         progress: Callable[[int, int], None] | None = None
         ) -> tuple[Archive[ArticleInfo], dict[str, Processed]]:
    """The archive and each article's processing result (keyed by article id). Its articles
    have no body when rendered (their pages hold them); read_article_file gives one that has.

    Raises ContentErrors listing every problem found in every file.
    """
    root = root or content_dir.parent
    errors = ErrorCollector()
    registries, paths = scan(content_dir, root, errors)
    results = process_all(paths, root, registries, render=render, workers=workers, cache=cache,
                          progress=progress)
    for result in results.values():
        errors.extend(list(result.errors))
    return assemble(registries, ((path, result.article, result) for path, result in results.items()),
                    root, errors)
