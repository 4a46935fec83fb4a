"""No file of the built site is shared with the build cache (issue #13): a tool that changes
built pages in place (a minifier, a link rewriter, a deploy script) changes neither the cache
nor the next build, into the same folder or another. Unchanged pages are still reused: the
new site is written beside the previous one, each unchanged page linked from it, and takes
its place once complete; the previous site is then removed."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from helpers import REPRODUCIBLE, build_files, make_project, mkdocs_build

pytestmark = pytest.mark.build  # every test here builds a site or runs the command line

ARTICLE = "articles/2024-12-23-bfmtv-pertes-nord-coreennes.html"
OTHER = "articles/2025-02-excelsior-troupes-supplementaires-koursk.html"
LIST = "sujets/troupes.html"


def edit_in_place(page: Path, keep_size_and_time: bool = False) -> None:
    """Rewrite a built page through its own path, as a minifier would; or change one byte
    and put its modification time back, as a tool that preserves times would."""
    text = page.read_text(encoding="utf-8")
    times = page.stat()
    with open(page, "w", encoding="utf-8") as file:
        if keep_size_and_time:
            file.write(text.replace("<", ">", 1))
        else:
            file.write("<!-- minifié -->" + " ".join(text.split()))
    if keep_size_and_time:
        os.utime(page, ns=(times.st_atime_ns, times.st_mtime_ns))
        assert page.stat().st_size == times.st_size


def inodes(folder: Path) -> dict[tuple[int, int], Path]:
    return {(p.stat().st_dev, p.stat().st_ino): p for p in folder.rglob("*") if p.is_file()}


def test_a_page_edited_in_place_does_not_reach_a_build_into_another_folder(tmp_path):
    project = make_project(tmp_path)
    clean, _ = build_files(project, tmp_path / "site")
    for path in (ARTICLE, LIST, "data/articles.json"):
        edit_in_place(tmp_path / "site" / path)
    fresh, _ = build_files(project, tmp_path / "elsewhere")  # copies the unchanged files
    assert fresh == clean
    assert inodes(tmp_path / "site").keys() & inodes(tmp_path / "elsewhere").keys() == set()


def test_no_file_of_the_site_is_shared_with_the_cache(tmp_path):
    project = make_project(tmp_path)
    site, cache = tmp_path / "site", project / ".cache"
    for _ in ("cold", "warm"):
        build_files(project, site)
        files = [p for p in site.rglob("*") if p.is_file()]
        assert [p for p in files if p.stat().st_nlink != 1] == []
        assert inodes(site).keys() & inodes(cache).keys() == set()


def test_a_page_edited_in_place_is_clean_again_after_a_warm_build_into_the_same_folder(tmp_path):
    project = make_project(tmp_path)
    site = tmp_path / "site"
    clean, _ = build_files(project, site)
    edit_in_place(site / ARTICLE)
    edit_in_place(site / OTHER, keep_size_and_time=True)  # only the change time tells
    edit_in_place(site / LIST)
    warm, _ = build_files(project, site)
    assert warm == clean


def test_a_warm_build_moves_unchanged_pages_back_and_writes_changed_ones(tmp_path):
    project = make_project(tmp_path)
    site = tmp_path / "site"
    build_files(project, site)
    before = {p: p.stat().st_ino for p in (site / ARTICLE, site / OTHER)}
    source = project / "briefings" / "articles" / f"{Path(OTHER).stem}.md"
    source.write_text(source.read_text(encoding="utf-8").rstrip("\n") + "\n\nUne phrase ajoutée.\n",
                      encoding="utf-8")
    warm, _ = build_files(project, site)
    assert (site / ARTICLE).stat().st_ino == before[site / ARTICLE]  # linked, not rewritten
    assert (site / OTHER).stat().st_ino != before[site / OTHER]
    assert b"Une phrase ajout" in warm[OTHER]
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.lock", "project", "site"]


def feeds(site: Path) -> list[Path]:
    """The site's feeds of new articles (its own and each topic's, at old addresses too)."""
    return [site / "flux.xml", site / "feed.xml",
            *(p for p in (site / "sujets").glob("*.xml") if not p.stem.endswith("-journal"))]


def test_a_warm_build_remakes_only_the_feeds_holding_the_changed_article(tmp_path):
    project = make_project(tmp_path)
    site = tmp_path / "site"
    build_files(project, site)
    before = {p: p.stat().st_ino for p in feeds(site)}
    source = project / "briefings" / "articles" / f"{Path(OTHER).stem}.md"
    source.write_text(source.read_text(encoding="utf-8").rstrip("\n") + "\n\nUne phrase ajoutée.\n",
                      encoding="utf-8")
    build_files(project, site)
    holding = {p for p in before if OTHER.encode() in p.read_bytes()}
    assert holding and set(before) - holding  # the test means something on this fixture
    assert sorted(p.name for p in before if p.stat().st_ino != before[p]) == sorted(
        p.name for p in holding)


def test_a_build_failing_late_leaves_the_previous_site_as_it_was(tmp_path):
    project = make_project(tmp_path)
    site = tmp_path / "site"
    before, _ = build_files(project, site)
    (project / "docs" / "cassee.md").write_text("# Cassée\n\n[Lien](nulle-part.md)\n",
                                                encoding="utf-8")
    source = project / "briefings" / "articles" / f"{Path(OTHER).stem}.md"
    source.write_text(source.read_text(encoding="utf-8").rstrip("\n") + "\n\nUne phrase ajoutée.\n",
                      encoding="utf-8")
    result = mkdocs_build(project, site, REPRODUCIBLE)
    assert result.returncode != 0 and "nulle-part.md" in result.stderr  # a strict-mode warning
    assert {p.relative_to(site).as_posix(): p.read_bytes()
            for p in site.rglob("*") if p.is_file()} == before
    (project / "docs" / "cassee.md").unlink()
    after, _ = build_files(project, site)
    assert b"Une phrase ajout" in after[OTHER]
    assert {path for path in after if after[path] != before[path]} >= {OTHER}


@pytest.mark.skipif(not Path("/dev/shm").is_dir(), reason="needs a tmpfs at /dev/shm")
def test_a_site_on_another_file_system_than_the_cache_is_still_reused(tmp_path):
    """`mkdocs serve` builds into a temporary folder, often on tmpfs."""
    project = make_project(tmp_path)
    with tempfile.TemporaryDirectory(dir="/dev/shm") as folder:
        site = Path(folder) / "site"
        if os.stat(folder).st_dev == os.stat(tmp_path).st_dev:
            pytest.skip("/dev/shm is on the same file system")
        clean, _ = build_files(project, site)
        inode = (site / ARTICLE).stat().st_ino
        edit_in_place(site / LIST)
        warm, _ = build_files(project, site)
        assert warm == clean
        assert (site / ARTICLE).stat().st_ino == inode
        assert sorted(p.name for p in Path(folder).iterdir()) == [".site.lock", "site"]
