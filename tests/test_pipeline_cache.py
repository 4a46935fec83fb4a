"""The build cache: a result and its page content in one file, never trusted half-written."""

import subprocess
import sys

import pytest

from generator.publish.pipeline import Cache, Processed, process_all
from generator.read.load import load_registries
from helpers import REPO


def test_a_result_comes_back_without_its_content_which_stays_on_disk(tmp_path):
    cache = Cache(tmp_path, "fingerprint")
    key = cache.key(b"article bytes", render=True)
    cache.put(key, Processed(None, (), content="<p>Corée</p>", terms="coree", excerpt="Corée"))
    result = cache.get(key)
    assert (result.content, result.terms, result.excerpt, result.cache_key) == (
        "", "coree", "Corée", key)
    assert cache.content(key) == "<p>Corée</p>"
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == [f"{key}.result"]


def test_keys_change_with_the_bytes_the_fingerprint_and_the_mode(tmp_path):
    cache = Cache(tmp_path, "fingerprint")
    keys = {cache.key(b"a", True), cache.key(b"b", True), cache.key(b"a", False),
            Cache(tmp_path, "other").key(b"a", True)}
    assert len(keys) == 4


def test_a_truncated_or_missing_entry_is_a_miss(tmp_path):
    cache = Cache(tmp_path, "fingerprint")
    key = cache.key(b"article", render=True)
    cache.put(key, Processed(None, (), content="<p>texte</p>"))
    path = next(tmp_path.rglob("*.result"))
    path.write_bytes(path.read_bytes()[:-3])  # a write cut short
    assert cache.get(key) is None
    with pytest.raises(OSError, match="build cache"):
        cache.content(key)
    path.unlink()
    assert cache.get(key) is None


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
        assert (got.terms, got.excerpt, got.shingles) == (expected.terms, expected.excerpt,
                                                          expected.shingles)
