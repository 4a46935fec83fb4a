"""The site in a real browser (Debian's Chromium driven by Playwright), served over HTTP
and opened from disk as a reader's unzipped offline copy: navigation, search, charts,
no request to any other host, no console error."""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest
from helpers import FIXTURE_ARCHIVE, Visit, shown

from generator.derive.analysis import derive_from_bodies
from generator.read.load import load_archive
from generator.render.pages import RECENT

FIXTURE_TITLES = {article.id: article.title
                  for article in load_archive(FIXTURE_ARCHIVE, root=FIXTURE_ARCHIVE.parent).articles}


def heading(visit: Visit) -> str:
    return visit.page.locator("article.md-content__inner h1").first.inner_text()


def test_navigation_reaches_every_topic_and_article_from_the_home_page(visit, archive):
    titles = {article.id: article.title for article in archive.articles}
    visit.open("index.html")
    reached = set()
    for topic in archive.topics.values():
        visit.page.locator(".grid.cards strong a", has_text=topic.title).click()
        assert heading(visit) == topic.title
        links = visit.page.locator("ul.ba-article-list a")
        ids = [links.nth(index).get_attribute("href").split("/")[-1].removesuffix(".html")
               for index in range(links.count())]
        new = [index for index, article_id in enumerate(ids)
               if article_id not in reached and article_id not in ids[:index]]
        for position, index in enumerate(new):
            if position:  # back on the topic page from its previous article
                visit.page.go_back()
            links.nth(index).click()
            assert " ".join(heading(visit).split()) == shown(titles[ids[index]])
            reached.add(ids[index])
        # Home, from the topic page or past it from its last article: one load, not two. The
        # step is scheduled, not taken inside evaluate: a navigation that starts before the
        # evaluation returns destroys its context (a failure seen once in CI).
        with visit.page.expect_navigation():
            visit.page.evaluate(f"() => {{ setTimeout(() => history.go(-{2 if new else 1}), 0); }}")
    # Each topic page lists its RECENT newest articles (the rest are one link further).
    assert reached == {article.id for topic_id in archive.topics
                       for article in [a for a in archive.articles if topic_id in a.topics][:RECENT]}
    visit.assert_clean()


RESULTS = "#ba-search-results li a"


def search(visit: Visit, query: str) -> list[str]:
    """Type a query as a reader would and return the result pages, best first."""
    field = visit.page.locator("#ba-search-input")
    assert field.get_attribute("placeholder") == "Rechercher"
    field.fill("")
    field.press_sequentially(query)
    # The list says which query it shows: wait for this one's results.
    visit.page.locator(f"#ba-search-results[data-query=\"{query}\"]").wait_for(state="attached")
    results = visit.page.locator(RESULTS)
    return [unquote(results.nth(i).get_attribute("href")) for i in range(results.count())]


SEARCHES = {
    "soldats": "2025-03-inconnu-3000-soldats-supplementaires",
    "deployes": "2025-03-inconnu-3000-soldats-supplementaires",
    "déployés": "2025-03-inconnu-3000-soldats-supplementaires",
    "coree": "2024-12-23-bfmtv-pertes-nord-coreennes",
    "equipement": "2025-03-inconnu-3000-soldats-supplementaires",
    "Koursk": "2025-02-excelsior-troupes-supplementaires-koursk",
    "KN-23": "date-inconnue-missiles-kn-23-budanov",
    "3.000": "2025-03-inconnu-renforts-et-drones-ia",
}


@pytest.mark.parametrize("query, article_id", SEARCHES.items())
def test_french_search_finds_the_article_and_a_click_opens_it(fixture_visit, query, article_id):
    visit = fixture_visit
    visit.open("index.html")
    results = search(visit, query)
    target = next(i for i, url in enumerate(results) if f"articles/{article_id}.html" in url)
    visit.page.locator(RESULTS).nth(target).click()
    visit.page.wait_for_url(re.compile(re.escape(f"articles/{article_id}.html")))
    assert " ".join(heading(visit).split()) == shown(FIXTURE_TITLES[article_id])
    visit.assert_clean()


def test_unaccented_and_accented_queries_find_the_same_pages(visit):
    visit.open("index.html")
    pages = {q: set(search(visit, q)) for q in ("deployes", "déployés")}
    assert pages["deployes"] == pages["déployés"]
    visit.assert_clean()


def test_a_word_prefix_finds_its_plurals(fixture_visit):
    visit = fixture_visit
    visit.open("index.html")
    assert any("articles/" in url for url in search(visit, "soldat"))
    visit.assert_clean()


def charted_topics(archive) -> list[str]:
    """Topics with a metric drawn as a chart (two dated figures or more)."""
    return [topic_id for topic_id, briefing in derive_from_bodies(archive).briefings.items()
            if any(metric.charted for metric in briefing.metrics)]


def test_charts_render(visit, archive):
    charted = charted_topics(archive)
    assert charted
    for topic_id in charted:
        visit.open(f"sujets/{archive.topics[topic_id].slug or topic_id}.html")
        images = visit.page.locator("figure.ba-chart img")
        assert images.count() >= 1
        for index in range(images.count()):
            image = images.nth(index)
            image.scroll_into_view_if_needed()
            visit.page.wait_for_function("img => img.complete", arg=image.element_handle())
            assert image.evaluate("img => img.naturalWidth") > 100
    visit.assert_clean()


def test_quote_link_scrolls_to_the_marked_passage(fixture_visit):
    visit = fixture_visit
    visit.open("sujets/pertes.html")
    visit.page.locator("a.ba-quote-link", has_text="1.100 pertes").first.click()
    mark = visit.page.locator(":target + mark.ba-quote")
    assert "1.100 pertes" in " ".join(mark.inner_text().split())  # spaces as typeset
    assert mark.is_visible()
    visit.assert_clean()
