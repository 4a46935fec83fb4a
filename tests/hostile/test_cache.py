"""The build cache is data checked on read: nothing in it runs, and nothing in it changes
the site (issue: a build that cannot be turned against its publisher)."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest
from helpers import build_files, make_project

pytestmark = pytest.mark.build  # every test here starts a build or a command


class _Exploit:
    def __init__(self, target: str):
        self.target = target

    def __reduce__(self):
        return (open, (self.target, "w"))


def _plant(cache: Path, witness: Path) -> None:
    """Pickles that would create ``witness`` if loaded, where the build reads its cache."""
    payload = pickle.dumps(_Exploit(str(witness)))
    for folder in (cache / "sites", *(cache / "store").iterdir()):
        for name in ("0.pickle", "0.record", "plan-0.json", "plan-0.pickle"):
            (folder / name).write_bytes(payload)
    for entry in list(cache.rglob("*.result"))[:2]:
        entry.write_bytes(payload)


@pytest.mark.slow
def test_pickles_and_changed_entries_in_the_cache_neither_run_nor_change_the_site(tmp_path):
    project = make_project(tmp_path)
    clean, _ = build_files(project, tmp_path / "first")
    cache = project / ".cache" / "briefing"
    witness = tmp_path / "ran"
    _plant(cache, witness)
    # A same-length change inside cached page contents: never published.
    changed = 0
    for entry in cache.rglob("*.result"):
        data = entry.read_bytes()
        if b"</p>" in data:
            entry.write_bytes(data.replace(b"</p>", b"</q>", 1))
            changed += 1
    assert changed
    logs = []
    for site in ("first", "second"):  # in place, then into a new folder with nothing to copy
        files, log = build_files(project, tmp_path / site)
        shutil.rmtree(tmp_path / site)
        assert not witness.exists()
        assert files == clean
        assert "Traceback" not in log
        logs.append(log)
    assert "failed their check" in logs[0]
    assert "rendered again" in logs[1]  # pages made from the cache, checked


@pytest.mark.slow
def test_an_entry_changed_is_reported_once_then_made_again(tmp_path):
    project = make_project(tmp_path)
    clean, _ = build_files(project, tmp_path / "site")
    entry = next((project / ".cache" / "briefing").rglob("*.result"))
    data = bytearray(entry.read_bytes())
    data[40] ^= 1  # inside the sealed record
    entry.write_bytes(bytes(data))
    files, log = build_files(project, tmp_path / "other")
    assert files == clean
    assert log.count("failed their check") == 1
    shutil.rmtree(tmp_path / "other")
    files, log = build_files(project, tmp_path / "other")
    assert files == clean and "failed" not in log
