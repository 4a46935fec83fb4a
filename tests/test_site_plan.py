"""A build whose articles changed only in their text reuses the previous plan (site_plan.py)
and still publishes exactly what a cold build publishes; any metadata change plans again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import build_files as build
from helpers import make_project

pytestmark = pytest.mark.build  # every test here builds a site or runs the command line

REUSED = "plan reused"



def cold(project: Path, site: Path) -> dict:
    shutil.rmtree(project / ".cache")
    return build(project, site)[0]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def differing(warm: dict, cold_site: dict) -> list[str]:
    assert warm.keys() == cold_site.keys()
    return [path for path in cold_site if warm[path] != cold_site[path]]


def an_article(project: Path) -> Path:
    return sorted((project / "briefings" / "articles").glob("*.md"))[0]


def test_a_text_edit_reuses_the_plan_and_builds_as_cold(tmp_path):
    project = make_project(tmp_path)
    _, first_log = build(project, tmp_path / "first")
    assert REUSED not in first_log
    article = an_article(project)
    article.write_text(article.read_text(encoding="utf-8").rstrip("\n")
                       + "\n\nUne phrase ajoutée au texte.\n", encoding="utf-8")
    warm, log = build(project, tmp_path / "warm")
    assert REUSED in log
    assert b"Une phrase ajout" in warm[f"articles/{article.stem}.html"]
    assert differing(warm, cold(project, tmp_path / "cold")) == []


def test_a_metadata_edit_plans_again(tmp_path):
    project = make_project(tmp_path)
    build(project, tmp_path / "first")
    article = an_article(project)
    title = next(line for line in article.read_text(encoding="utf-8").splitlines()
                 if line.startswith("title:"))
    edit(article, title, 'title: "Un titre tout neuf"')
    warm, log = build(project, tmp_path / "warm")
    assert REUSED not in log
    assert any(b"Un titre tout neuf" in data for path, data in warm.items()
               if path.startswith("archives/"))
    assert differing(warm, cold(project, tmp_path / "cold")) == []


def test_pages_lost_from_the_store_are_made_again_from_a_reused_plan(tmp_path):
    project = make_project(tmp_path)
    build(project, tmp_path / "first")
    store = project / ".cache" / "briefing" / "store"
    for page in store.rglob("*.html"):
        page.unlink()
    article = an_article(project)
    article.write_text(article.read_text(encoding="utf-8") + "\nEncore une phrase.\n",
                       encoding="utf-8")
    warm, log = build(project, tmp_path / "warm")
    assert REUSED in log
    assert differing(warm, cold(project, tmp_path / "cold")) == []
