"""A reader reaches every page: search leads to pages that exist, actors have one page each,
linked the same way everywhere, an article's own headings are in its table of contents,
and link texts say where they go (issue #22, points 1 and 7)."""

from __future__ import annotations

import posixpath
from pathlib import Path

import yaml
from helpers import FIXTURE_ARCHIVE, search_index, soup

VAGUE_LINK_TEXTS = {"retour", "source", "ici", "lien", "cliquez ici", "voir"}


def _pages(site: Path) -> list[Path]:
    return [p for p in site.rglob("*.html") if p.name != "404.html"]


def test_every_search_result_is_a_page_of_the_site(built_site):
    for url, title, *_ in search_index(built_site)["docs"]:
        assert (built_site / url.partition("#")[0]).is_file(), f"{title}: {url} was not built"


def test_every_search_result_is_a_page_of_the_fixture_site(fixture_site):
    urls = [doc[0] for doc in search_index(fixture_site)["docs"]]
    missing = [url for url in urls if not (fixture_site / url.partition("#")[0]).is_file()]
    assert missing == []
    # The fixture's White House makes no statement: it still has its page, and search finds it.
    assert "acteurs/maison-blanche.html" in urls


def test_an_actor_without_statements_has_a_page_that_says_so(fixture_site):
    page = soup(fixture_site / "acteurs" / "maison-blanche.html")
    assert "Aucune affirmation relevée" in page.select_one(".ba-count").get_text()


def test_actors_are_linked_to_their_own_page_everywhere(fixture_site):
    actors = yaml.safe_load((FIXTURE_ARCHIVE / "actors.yml").read_text(encoding="utf-8"))
    pages = {f"acteurs/{actor.get('slug') or actor_id}.html" for actor_id, actor in actors.items()}
    index = soup(fixture_site / "acteurs" / "index.html")
    linked = {posixpath.normpath(posixpath.join("acteurs", a["href"]))
              for a in index.select("table.ba-picture td:first-child a")}
    assert linked == pages
    for path in _pages(fixture_site):
        for link in soup(path).select("article a[href]"):
            href = link["href"]
            target = posixpath.normpath(posixpath.join(
                posixpath.dirname(path.relative_to(fixture_site).as_posix()), href))
            assert not target.startswith("acteurs/index.html#"), f"{path}: {href}"


def test_an_articles_own_headings_are_in_its_table_of_contents(fixture_site):
    page = soup(fixture_site / "articles" / "2024-12-23-bfmtv-pertes-nord-coreennes.html")
    body_ids = [h["id"] for h in page.select(".ba-body h2")]
    assert body_ids == ["de-nouvelles-troupes", "de-lourdes-pertes"]
    toc = [a["href"] for a in page.select("nav.md-nav--secondary a.md-nav__link")]
    assert toc[:2] == ["#de-nouvelles-troupes", "#de-lourdes-pertes"]
    assert "#affirmations" in toc


def test_link_texts_say_where_they_go(fixture_site):
    for path in _pages(fixture_site):
        for link in soup(path).select("article a[href]"):
            text = " ".join(link.get_text().split()).lower()
            assert text not in VAGUE_LINK_TEXTS, f"{path}: « {text} » → {link['href']}"
