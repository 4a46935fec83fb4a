"""Search finds what pages say (issue #22, point 2): a topic's and an actor's page are found
by the figures they show and by who (or on what) they report; the spellings of an actor's
name in the registry (« Boudanov », « Budanov ») find the same pages, their words marked."""

from __future__ import annotations

import pytest
from helpers import Visit, make_project, mkdocs_build, open_visit, search_index  # noqa: F401
from test_browser import search

from generator.derive.search import spelling_groups


def test_spellings_of_a_name_are_grouped_and_other_aliases_are_not():
    hur = ["Renseignement militaire ukrainien (HUR)", "HUR", "GUR", "Kyrylo Budanov", "Budanov",
           "Boudanov"]
    kremlin = ["Kremlin", "Dmitri Peskov", "Peskov", "Vladimir Poutine"]
    assert spelling_groups([hur, kremlin]) == [["boudanov", "budanov"]]
    assert spelling_groups([["Kyrylo Boudanov", "Kyrylo Budanov"]]) == [["boudanov", "budanov"]]


def hub_terms(site, url: str) -> set[str]:
    index = search_index(site)
    number = [doc[0] for doc in index["docs"]].index(url)
    from test_search_index import decode
    return {term for term, postings in zip(index["terms"].split("\n"), index["postings"])
            if number in decode(postings)}


def test_topic_and_actor_pages_are_found_by_what_they_show(fixture_site):
    troops = hub_terms(fixture_site, "sujets/troupes.html")
    assert {"11000", "3000", "hur", "nis"} <= troops  # its figures, who gives them
    hur = hub_terms(fixture_site, "acteurs/hur.html")
    assert {"troup"} <= hur and any(term.isdigit() for term in hur)


@pytest.fixture(scope="module")
def aliased_site(tmp_path_factory):
    """The fixture archive where the HUR's registry entry gives two spellings of a name."""
    project = make_project(tmp_path_factory.mktemp("aliases"))
    actors = project / "briefings" / "actors.yml"
    text = actors.read_text(encoding="utf-8")
    anchor = '  according_to: "selon le renseignement militaire ukrainien (HUR)"\n'
    assert anchor in text
    actors.write_text(text.replace(anchor, anchor + '  aliases: ["Budanov", "Boudanov"]\n', 1),
                      encoding="utf-8")
    site = project.parent / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    return site


def test_a_spelling_of_a_name_finds_the_pages_of_the_other(aliased_site, shared_page,
                                                           screenshot_on_failure, request):
    visits = open_visit(request, shared_page, aliased_site.as_uri() + "/", screenshot_on_failure)
    visit = next(visits)
    visit.open("index.html")
    found = search(visit, "Boudanov")
    assert any("articles/date-inconnue-missiles-kn-23-budanov.html" in url for url in found)
    assert found == search(visit, "Budanov")
    visit.page.locator('#ba-search-results[data-excerpts="Budanov"]').wait_for(state="attached")
    search(visit, "Boudanov")
    visit.page.locator('#ba-search-results[data-excerpts="Boudanov"]').wait_for(state="attached")
    marked = visit.page.locator("#ba-search-results mark").all_inner_texts()
    assert "Budanov" in marked  # the article's spelling, marked for the reader's
    visit.assert_clean()
    next(visits, None)
