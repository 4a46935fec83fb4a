"""The build cache: a result and its page content in one file, never trusted half-written."""

import pickle
import subprocess
import sys

import pytest
from helpers import FIXTURE_ARCHIVE, REPO

from generator.publish import sealed
from generator.publish.pipeline import Cache, Processed, process_all
from generator.read.load import load_archive, load_registries


@pytest.fixture(scope="module")
def info():
    return load_archive(FIXTURE_ARCHIVE).articles[0].info()


def test_a_result_comes_back_without_its_content_and_text_which_stay_on_disk(tmp_path, info):
    cache = Cache(tmp_path, "fingerprint")
    key = cache.key(b"article bytes", render=True)
    cache.put(key, Processed(info, (), content="<p>Corée</p>", terms="coree", excerpt="Corée",
                             shingles=b"\x01" * 16))
    result = cache.get(key)
    assert (result.article, result.content, result.terms, result.excerpt, result.cache_key,
            result.shingles) == (info, "", "coree", "", key, b"\x01" * 16)
    assert cache.content(key) == "<p>Corée</p>"
    assert cache.text(key) == "Corée"  # the text for search excerpts, read when they are written
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == [f"{key}.result"]


def test_a_text_changed_in_its_entry_is_not_read_back_and_the_rest_stays_good(tmp_path, info):
    """The text for search excerpts lies outside the sealed record (a rebuild reads the
    records alone): the record holds its digest."""
    cache = Cache(tmp_path, "fingerprint")
    key = cache.key(b"article bytes", render=True)
    cache.put(key, Processed(info, (), content="<p>Corée</p>", terms="coree", excerpt="Corée nord"))
    path = next(tmp_path.rglob("*.result"))
    path.write_bytes(path.read_bytes().replace("Corée nord".encode(), "Corée sud!".encode()))
    assert cache.text(key) is None
    assert cache.get(key) is not None and cache.content(key) == "<p>Corée</p>"
    assert cache.rejected == 0


def test_keys_change_with_the_bytes_the_fingerprint_and_the_mode(tmp_path):
    cache = Cache(tmp_path, "fingerprint")
    keys = {cache.key(b"a", True), cache.key(b"b", True), cache.key(b"a", False),
            Cache(tmp_path, "other").key(b"a", True)}
    assert len(keys) == 4


def test_a_truncated_changed_or_missing_entry_is_a_miss(tmp_path, info):
    cache = Cache(tmp_path, "fingerprint")
    key = cache.key(b"article", render=True)
    cache.put(key, Processed(info, (), content="<p>texte</p>"))
    path = next(tmp_path.rglob("*.result"))
    whole = path.read_bytes()
    path.write_bytes(whole[:-3])  # a write cut short
    assert cache.get(key) is None and cache.content(key) is None
    changed = whole.replace(info.title.encode(), info.title.upper().encode())  # same length
    assert changed != whole
    path.write_bytes(changed)
    assert cache.get(key) is None
    path.write_bytes(whole.replace(b"<p>texte</p>", b"<p>TEXTE</p>"))  # the page only
    assert cache.get(key) is not None and cache.content(key) is None
    assert cache.rejected == 2
    path.unlink()
    assert cache.get(key) is None


def test_an_entry_made_elsewhere_or_under_another_key_is_a_miss(tmp_path, info, monkeypatch):
    cache = Cache(tmp_path, "fingerprint")
    key, other = cache.key(b"article", render=True), cache.key(b"other", render=True)
    cache.put(key, Processed(info, (), content="<p>texte</p>"))
    path = next(tmp_path.rglob("*.result"))
    moved = tmp_path / other[:2] / f"{other}.result"
    moved.parent.mkdir()
    moved.write_bytes(path.read_bytes())
    assert cache.get(other) is None  # signed for another key
    monkeypatch.setattr(sealed, "_key_in_memory", b"k" * 32)  # another machine's key
    assert cache.get(key) is None


def test_a_pickle_in_the_cache_never_runs(tmp_path):
    """What an attacker could commit under .cache/: read by the build, never executed."""
    witness = tmp_path / "ran"
    payload = pickle.dumps(_Exploit(str(witness)))
    cache = Cache(tmp_path / "cache", "fingerprint")
    key = cache.key(b"article", render=True)
    path = tmp_path / "cache" / key[:2] / f"{key}.result"
    path.parent.mkdir(parents=True)
    for data in (payload, len(payload).to_bytes(8, "little") * 2 + payload):
        path.write_bytes(data)
        assert cache.get(key) is None and cache.content(key) is None
    assert not witness.exists()


class _Exploit:
    def __init__(self, target: str):
        self.target = target

    def __reduce__(self):
        return (open, (self.target, "w"))


@pytest.mark.build
def test_workers_with_a_partly_filled_cache_give_what_one_process_gives(tmp_path):
    """Past the first misses, cache lookups go on in the pool's feeder thread, between the
    workers' results: every article still gets its one result, the same as without them."""
    project = tmp_path / "project"
    made = subprocess.run([sys.executable, str(REPO / "bench" / "synth.py"), "--n", "90",
                           "--seed", "2", "--out", str(project)], capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    paths = sorted((project / "briefings" / "articles").glob("*.md"))
    registries = load_registries(project / "briefings")
    alone = process_all(paths, project, registries, render=True, workers=1)
    cache = Cache(tmp_path / "cache", "fingerprint")
    process_all(paths[::4], project, registries, render=True, cache=cache)  # one in four
    pooled = process_all(paths, project, registries, render=True, workers=2, cache=cache)
    assert list(pooled) == paths
    for path in paths:
        expected, got = alone[path], pooled[path]
        assert got.errors == () and got.article == expected.article
        assert cache.content(got.cache_key) == expected.content
        assert cache.text(got.cache_key) == expected.excerpt and got.excerpt == ""
        assert (got.terms, got.shingles) == (expected.terms, expected.shingles)


def test_an_articles_text_is_read_back_from_the_cache_or_its_file(tmp_path):
    """Search excerpts take each article's whole text (then what its page shows of it beside
    it) from its cache entry when the index is written; an entry gone meanwhile is made up
    for by the article's file, to the same text."""
    from generator.derive.search import plain_text
    from generator.publish.pipeline import RenderedArticles
    from generator.render.pages import ArticleRenderer

    paths = sorted((FIXTURE_ARCHIVE / "articles").glob("*.md"))
    registries = load_registries(FIXTURE_ARCHIVE)
    cache = Cache(tmp_path, "fingerprint")
    processed = process_all(paths, FIXTURE_ARCHIVE.parent, registries, render=True, cache=cache)
    archive = load_archive(FIXTURE_ARCHIVE)
    results = {result.article.id: result for result in processed.values()}
    articles = RenderedArticles(cache, results, FIXTURE_ARCHIVE.parent, ArticleRenderer(registries))
    first, second = archive.articles[:2]
    assert results[first.id].excerpt == ""  # not held in memory
    assert articles.text(first.id).startswith(plain_text(first.body))
    assert "Corée" in articles.text(first.id)
    cached = articles.text(second.id)
    for path in tmp_path.rglob("*.result"):
        path.unlink()
    assert articles.text(second.id) == cached


def _copied_archive(tmp_path):
    import shutil
    project = tmp_path / "project"
    shutil.copytree(FIXTURE_ARCHIVE, project / "briefings")
    return project, sorted((project / "briefings" / "articles").glob("*.md"))


def test_a_rebuild_names_unchanged_files_by_their_recorded_keys_without_reading_them(
        tmp_path, monkeypatch):
    from pathlib import Path
    project, paths = _copied_archive(tmp_path)
    registries = load_registries(project / "briefings")
    first = process_all(paths, project, registries, render=True,
                        cache=Cache(tmp_path / "cache", "fingerprint"))

    def unread(self):
        raise AssertionError(f"{self} read again")
    monkeypatch.setattr(Path, "read_bytes", unread)
    again = process_all(paths, project, registries, render=True,
                        cache=Cache(tmp_path / "cache", "fingerprint"))
    assert {p: r.cache_key for p, r in again.items()} == {p: r.cache_key for p, r in first.items()}
    # Another fingerprint (code or metadata changed) trusts nothing recorded under the old one.
    with pytest.raises(AssertionError, match="read again"):
        process_all(paths, project, registries, render=True,
                    cache=Cache(tmp_path / "cache", "other fingerprint"))


def test_an_edit_keeping_the_size_and_modification_time_is_read_again(tmp_path):
    import os
    project, paths = _copied_archive(tmp_path)
    registries = load_registries(project / "briefings")
    process_all(paths, project, registries, render=True, cache=Cache(tmp_path / "cache", "f"))
    edited = paths[0]
    before = edited.stat()
    text = edited.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title: "))
    retitled = "title: " + title[len("title: "):].replace("e", "a", 1)  # same size
    edited.write_text(text.replace(title, retitled, 1), encoding="utf-8")
    os.utime(edited, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (edited.stat().st_size, edited.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    result = process_all(paths, project, registries, render=True,
                         cache=Cache(tmp_path / "cache", "f"))[edited]
    assert result.errors == ()
    assert "a" in result.article.title and result.article.title in retitled


def test_a_record_written_in_chunks_is_the_record_of_the_joined_parts(tmp_path):
    parts = [b"head", [b'{"pages": [', b'["a"]', b", ", b'["b"]', b"]}"]]
    sealed.write_sealed(tmp_path / "chunked", "name", parts)
    joined = [b"head", b'{"pages": [["a"], ["b"]]}']
    assert (tmp_path / "chunked").read_bytes() == sealed.seal("name", joined)
    assert sealed.read_sealed(tmp_path / "chunked", "name") == joined
    assert sealed.read_sealed(tmp_path / "chunked", "other name") is None
