"""`mkdocs build` itself, not only `make site`, keeps the previous site when the content
is invalid: the content is loaded and checked before MkDocs empties the site folder."""

from __future__ import annotations

import pytest
from helpers import make_project, mkdocs_build

from generator.publish.site_folder import staging_folder

pytestmark = pytest.mark.build  # every test here builds a site or runs the command line

ARTICLE = "briefings/articles/2024-12-23-bfmtv-pertes-nord-coreennes.md"


def snapshot(site) -> dict:
    return {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_mkdocs_build_on_invalid_content_keeps_the_previous_site(tmp_path):
    project = make_project(tmp_path)
    site = tmp_path / "site"
    assert mkdocs_build(project, site).returncode == 0
    before = snapshot(site)
    assert len(before) > 20
    broken = project / ARTICLE
    broken.write_text(broken.read_text(encoding="utf-8").replace("value: 1100", "value: 1.100"),
                      encoding="utf-8")
    (project / "briefings" / "articles" / "sans-cadre.md").write_text("pas d'en-tête\n",
                                                                       encoding="utf-8")
    result = mkdocs_build(project, site)
    assert result.returncode != 0
    lines = result.stderr.splitlines()
    # Every problem on its own line, as `briefing check` prints it.
    assert any(line.startswith(f"{ARTICLE}:26:12: claims[1].value: '1.100' is not a plain integer")
               for line in lines)
    assert any(line.startswith("briefings/articles/sans-cadre.md:1:1: ") for line in lines)
    assert "Traceback" not in result.stderr
    assert "Cleaning site directory" not in result.stderr
    assert snapshot(site) == before


@pytest.mark.parametrize("apart_from", [0, 10**6], ids=["own process", "this process"])
def test_a_search_index_that_fails_fails_the_build_and_keeps_the_previous_site(tmp_path,
                                                                                monkeypatch,
                                                                                apart_from):
    """The index is written in a process of its own, or in the build's for a small site
    (build.start_index): its failure is the build's, and leaves nothing behind."""
    monkeypatch.setattr("generator.publish.build.INDEX_APART_FROM", apart_from)
    project = make_project(tmp_path)
    site = tmp_path / "site"
    assert mkdocs_build(project, site).returncode == 0
    before = snapshot(site)

    def failing(*args, **kwargs):
        raise RuntimeError("index failed")
    monkeypatch.setattr("generator.publish.search_index.build_index", failing)
    result = mkdocs_build(project, site)
    assert result.returncode != 0
    assert snapshot(site) == before
    assert not staging_folder(site).exists()
