"""The published site survives every failure, and builds run one at a time (site_folder.py):
the new site is written beside the previous one and takes its place only when complete."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

import pytest
from helpers import BIN, REPRODUCIBLE, build_files, make_project, mkdocs_build

pytestmark = pytest.mark.build  # every test here starts a build or a command

OTHER = "articles/2025-02-excelsior-troupes-supplementaires-koursk.md"


def files_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*")
            if p.is_file() and not p.relative_to(site).as_posix().startswith(".")}


def break_the_build(project: Path) -> None:
    """A strict-mode warning (a dead link): MkDocs fails the build after every page is written."""
    (project / "docs" / "cassee.md").write_text("# Cassée\n\n[Lien](nulle-part.md)\n",
                                                encoding="utf-8")


def change_an_article(project: Path) -> None:
    source = project / "briefings" / OTHER
    source.write_text(source.read_text(encoding="utf-8").rstrip("\n") + "\n\nUne phrase ajoutée.\n",
                      encoding="utf-8")


@pytest.fixture
def mount(tmp_path):
    """A small file system of its own (tmpfs), mounted for the test; skipped where this
    process may not mount one (not root)."""
    folder = tmp_path / "mnt"
    folder.mkdir()

    def mounted(size: str) -> Path:
        made = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                              capture_output=True)
        if made.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {made.stderr.decode().strip()}")
        return folder

    yield mounted
    subprocess.run(["umount", str(folder)], capture_output=True)


@pytest.mark.slow
def test_a_late_failure_leaves_read_only_files_and_the_whole_site_as_they_were(tmp_path):
    project = make_project(tmp_path)
    site = tmp_path / "site"
    build_files(project, site)
    (site / "data" / "claims.csv").chmod(stat.S_IRUSR)
    (site / "assets").chmod(stat.S_IRUSR | stat.S_IXUSR)  # a read-only folder
    before = files_of(site)
    break_the_build(project)
    change_an_article(project)
    result = mkdocs_build(project, site, REPRODUCIBLE)
    assert result.returncode != 0 and "nulle-part.md" in result.stderr
    assert "was not changed" in result.stderr
    assert files_of(site) == before
    (project / "docs" / "cassee.md").unlink()
    after, log = build_files(project, site)
    assert b"Une phrase ajout" in after[OTHER.replace(".md", ".html")]
    assert "Traceback" not in log
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.lock", "project", "site"]


@pytest.mark.slow
def test_a_site_that_is_a_mount_point_is_replaced_and_survives_a_full_disk(tmp_path, mount):
    project = make_project(tmp_path)
    site = mount("32m")
    first, _ = build_files(project, site)
    change_an_article(project)
    second, _ = build_files(project, site)
    assert b"Une phrase ajout" in second[OTHER.replace(".md", ".html")]
    assert sorted(p.name for p in site.iterdir() if p.name.startswith(".")) == []
    free = os.statvfs(site)
    (site / ".filler").write_bytes(b"\0" * (free.f_bavail * free.f_frsize - 64 * 1024))
    before = files_of(site)
    change_an_article(project)
    (project / ".cache").rename(project / ".cache-aside")  # every page must be written again
    result = mkdocs_build(project, site, REPRODUCIBLE)
    assert result.returncode != 0
    assert files_of(site) == before
    assert not (site / ".briefing-new").exists()


@pytest.mark.slow
def test_builds_started_together_run_one_after_the_other(tmp_path):
    project = make_project(tmp_path)
    site = tmp_path / "site"
    clean, _ = build_files(project, site)
    env = {**os.environ, **REPRODUCIBLE}
    every_log = []
    for _ in range(3):
        runs = [subprocess.Popen([str(BIN / "mkdocs"), "build", "--strict", "--site-dir",
                                  str(site)], cwd=project, env=env, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True) for _ in range(2)]
        logs = [run.communicate(timeout=300)[1] for run in runs]
        assert [run.returncode for run in runs] == [0, 0], logs
        assert not any("Traceback" in log for log in logs)
        assert files_of(site) == clean
        every_log += logs
    assert any("waiting for it to end" in log for log in every_log)
