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


def test_a_change_to_the_code_renames_every_stored_page_and_file(tmp_path, monkeypatch):
    """Redirects and charts are keyed by what they show (two addresses, a chart's points):
    under another code fingerprint (a change to how a redirect is written), their keys change
    too, so the next build makes them again instead of linking the previous site's file."""
    from datetime import date

    from generator.publish import build as site_build

    project = make_project(tmp_path)
    keys = {}
    for code in ("code-before", "code-after", "code-before"):
        monkeypatch.setattr(site_build, "fingerprint", lambda content_dir, code=code: code)
        made = site_build.SiteBuild(project / "briefings", tmp_path / f"cache-{code}",
                                    date(2026, 1, 1))
        made.prepare()
        found = {planned.path: planned.key for planned in [*made.pages, *made.assets]}
        assert keys.setdefault(code, found) == found  # the same code: the same keys (reuse)
    before, after = keys["code-before"], keys["code-after"]
    assert "sujets/casualties.html" in before  # the redirect at the topic's old English address
    assert any(path.endswith(".svg") for path in before)
    assert before.keys() == after.keys()
    assert before["sujets/casualties.html"]
    # Feeds have no key: they are made by every build.
    assert [path for path in before if before[path] and before[path] == after[path]] == []
