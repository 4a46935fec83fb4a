"""Accessible in both schemes (issue #22, point 4): axe-core finds no violation on the home,
a topic, an article, an actor and the Données page, in the light and the dark scheme, with
the search panel closed and open; the dark scheme follows the reader's preference and a
toggle changes it. In Chromium, from the unzipped offline copy (file://)."""

from __future__ import annotations

import json

import pytest
from axe_playwright_python.sync_playwright import Axe

PAGES = ["index.html", "sujets/troupes.html",
         "articles/2024-12-23-bfmtv-pertes-nord-coreennes.html", "acteurs/jcs.html",
         "donnees.html"]
AXE = Axe()  # axe-core as the wheel ships it: injected into the page, nothing fetched
# Axe.run's own call (its options: every rule run, only the violations' nodes all listed),
# answering with the violations alone: the rest of the results crossed the protocol unread.
AXE_RUN = f"axe.run({json.dumps({'resultTypes': ['violations']})}).then(results => results.violations)"


def violations(page) -> list[str]:
    """axe-core's violations on the page as it stands. axe-core is injected once per document
    (Axe.run evaluates its 560 KB again before each run): a second run on the same document
    (the search panel opened) uses the copy already there, with the same results
    (docs-dev/TESTING.md)."""
    if page.evaluate("() => typeof window.axe === 'undefined'"):
        page.evaluate(AXE.axe_script)
    found = page.evaluate(AXE_RUN)
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes'][:3]]}" for v in found]


@pytest.fixture(params=["light", "dark"])
def scheme_page(request, shared_page, fixture_offline_copy):
    with shared_page.use(color_scheme=request.param) as page:
        yield request.param, page, fixture_offline_copy.as_uri() + "/"


@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_violation(scheme_page, path):
    scheme, page, base = scheme_page
    page.goto(base + path)
    expected = "slate" if scheme == "dark" else "default"
    assert page.locator("body").get_attribute("data-md-color-scheme") == expected
    assert violations(page) == []
    page.locator("#ba-search-input").press_sequentially("soldats")
    page.locator('#ba-search-results[data-query="soldats"] a').first.wait_for()
    assert violations(page) == [], "with the search panel open"


def test_links_in_text_are_underlined(scheme_page):
    _, page, base = scheme_page
    page.goto(base + "donnees.html")
    link = page.locator("article.md-content__inner p a").first
    assert "underline" in link.evaluate("a => getComputedStyle(a).textDecorationLine")


def test_a_toggle_changes_the_scheme_and_is_remembered(page, fixture_offline_copy):
    page.goto(fixture_offline_copy.as_uri() + "/index.html")
    body = page.locator("body")
    assert body.get_attribute("data-md-color-scheme") == "default"
    page.locator('label[title="Passer au thème sombre"]').click()
    assert body.get_attribute("data-md-color-scheme") == "slate"
    page.goto(fixture_offline_copy.as_uri() + "/sujets/troupes.html")
    assert body.get_attribute("data-md-color-scheme") == "slate"
