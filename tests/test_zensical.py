"""The way out of Material tested: `briefing pages` output built by Zensical (docs-dev/BUILDERS.md).

The pinned Zensical (pyproject.toml's test extra, requirements.lock) builds the fixture
archive's pages with the project's mkdocs.yml less what only the briefing plugin reads; every
topic page must show the same headline figures as on the Material site.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from helpers import BIN, FIXTURE_ARCHIVE, REPO, briefing, make_project, run, soup

from generator.read.load import load_archive

pytestmark = [pytest.mark.slow, pytest.mark.build]


def text(element) -> str:
    return re.sub(r"\s+", " ", element.get_text(" ")).strip()


def zensical_config(project: Path) -> str:
    """mkdocs.yml for the exported pages: they are the docs folder, the theme's overrides are
    theirs, and what only the briefing plugin reads is left out (a key is removed, never left
    empty: Zensical 0.0.73 fails on an empty `extra_javascript:`)."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)  # only in the plugin's options
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    del config["plugins"], config["extra_javascript"]  # the site's own search needs the plugin
    config["docs_dir"] = "pages"
    config["theme"]["custom_dir"] = "pages/overrides"
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False)


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The fixture archive's pages built by Zensical, and its log."""
    root = tmp_path_factory.mktemp("zensical")
    project = make_project(root)
    exported = root / "out"
    result = briefing(["pages", str(exported / "pages")], project)
    assert result.returncode == 0, result.stderr
    (exported / "mkdocs.yml").write_text(zensical_config(project), encoding="utf-8")
    build = run([str(BIN / "zensical"), "build", "--strict"], exported)
    assert build.returncode == 0, build.stdout + build.stderr
    return exported / "site", build.stdout + build.stderr


def headline_figures(page: Path) -> list[str]:
    return [text(figure) for figure in
            soup(page).select(".ba-topic > .ba-headline-block .ba-headline-figure")]


def test_zensical_builds_the_exported_pages_without_a_word(zensical_site):
    site, log = zensical_site
    assert "No issues found" in log
    page = soup(site / "sujets" / "pertes.html")
    assert page.select_one('meta[name="generator"]')["content"].startswith("zensical-")
    assert text(page.find("h1")) == "Pertes"


def test_every_topic_page_shows_its_headline_figures_as_on_the_material_site(zensical_site,
                                                                             fixture_site):
    site, _ = zensical_site
    topics = load_archive(FIXTURE_ARCHIVE, root=REPO).topics
    pages = sorted(path.relative_to(fixture_site) for path in (fixture_site / "sujets").glob("*.html")
                   if headline_figures(path))
    assert len(pages) == len(topics)
    for page in pages:
        assert headline_figures(site / page) == headline_figures(fixture_site / page), page
    assert headline_figures(site / "sujets" / "pertes.html")[0] == (
        "Tués ou blessés : 4 000 militaires selon l’état-major sud-coréen (JCS) (mars 2025) — auparavant au moins "
        "1 000 (23 décembre 2024)")
