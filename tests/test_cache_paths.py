"""The build cache names everything a result depends on, the article's path included: after
articles are renamed, moved and edited, a warm build equals a cold one byte for byte, and
fails where a cold build (and `briefing check`) fails."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import REPRODUCIBLE as ENV
from helpers import briefing, build_files, make_project, mkdocs_build

from generator.publish.pipeline import Cache, fingerprint, load

RENAMED = "2024-12-23-bfmtv-pertes-nord-coreennes"
MOVED = "2025-02-excelsior-troupes-supplementaires-koursk"


def build(project: Path, site: Path) -> dict:
    return build_files(project, site)[0]


def test_keys_change_with_the_path():
    cache = Cache(Path("unused"), "fingerprint")
    keys = {cache.key(b"a", True, "briefings/articles/a.md"),
            cache.key(b"a", True, "briefings/articles/2025/a.md"),
            cache.key(b"a", True, "briefings/articles/b.md")}
    assert len(keys) == 3


@pytest.mark.build
def test_renamed_moved_and_edited_articles_build_warm_as_cold(tmp_path):
    project = make_project(tmp_path)
    articles = project / "briefings" / "articles"
    assert (articles / f"{MOVED}.md").exists()
    build(project, tmp_path / "first")  # fills the cache
    # Renamed: file and id together, as CONTRIBUTING asks.
    old = articles / f"{RENAMED}.md"
    text = old.read_text(encoding="utf-8").replace(f"id: {RENAMED}", f"id: {RENAMED}-bis")
    old.unlink()
    (articles / f"{RENAMED}-bis.md").write_text(text, encoding="utf-8")
    # Moved unchanged into a subfolder.
    (articles / "2025").mkdir()
    (articles / f"{MOVED}.md").rename(articles / "2025" / f"{MOVED}.md")
    # Edited.
    edited = next(p for p in sorted(articles.glob("*.md")) if p.stem not in (RENAMED + "-bis",))
    edited.write_text(edited.read_text(encoding="utf-8").rstrip("\n") + "\n\nUne phrase ajoutée.\n",
                      encoding="utf-8")
    warm = build(project, tmp_path / "warm")
    shutil.rmtree(project / ".cache")
    cold = build(project, tmp_path / "cold")
    assert warm.keys() == cold.keys()
    assert [path for path in cold if warm[path] != cold[path]] == []
    assert f"articles/{RENAMED}-bis.html" in warm and f"articles/{RENAMED}.html" not in warm
    assert b"Une phrase ajout" in warm[f"articles/{edited.stem}.html"]


def test_an_article_moved_unchanged_into_a_subfolder_names_its_new_file(tmp_path):
    project = make_project(tmp_path)
    content, articles = project / "briefings", project / "briefings" / "articles"
    cache = Cache(tmp_path / "cache", fingerprint(content))
    for render in (False, True):
        load(content, render=render, cache=cache)  # fills the cache
    (articles / "2025").mkdir()
    (articles / f"{MOVED}.md").rename(articles / "2025" / f"{MOVED}.md")
    for render in (False, True):
        archive, _ = load(content, render=render, cache=cache)
        [moved] = [a for a in archive.articles if a.id == MOVED]
        assert moved.source == f"briefings/articles/2025/{MOVED}.md"


@pytest.mark.build
def test_a_file_renamed_without_its_id_fails_warm_as_cold(tmp_path):
    project = make_project(tmp_path)
    articles = project / "briefings" / "articles"
    build(project, tmp_path / "first")  # fills the cache
    (articles / f"{RENAMED}.md").rename(articles / "nouveau-nom.md")
    expected = f"id: '{RENAMED}' does not match the file name"
    warm = mkdocs_build(project, tmp_path / "warm", ENV)
    assert warm.returncode != 0
    assert any(line.startswith("briefings/articles/nouveau-nom.md:") and expected in line
               for line in warm.stderr.splitlines()), warm.stderr
    check = briefing(["check"], project)
    assert check.returncode == 1
    assert any(line.startswith("briefings/articles/nouveau-nom.md:") and expected in line
               for line in check.stderr.splitlines()), check.stderr
