"""The build cache: a result and its page content in one file, never trusted half-written."""

import pytest

from generator.publish.pipeline import Cache, Processed


def test_a_result_comes_back_without_its_content_which_stays_on_disk(tmp_path):
    cache = Cache(tmp_path, "fingerprint")
    key = cache.key(b"article bytes", render=True)
    cache.put(key, Processed(None, (), content="<p>Corée</p>", summary="résumé", terms="coree"))
    result = cache.get(key)
    assert (result.content, result.summary, result.terms, result.cache_key) == (
        "", "résumé", "coree", key)
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
